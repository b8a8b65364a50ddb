/* netaddr.c — getifaddrs(3) walked twice: IPv4 first (what staff type), then
 * IPv6; loopback and interfaces that are down left out. */
#include "platform/netaddr.h"

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static void append(char *buf, size_t cap, const char *addr)
{
    size_t n = strlen(buf);
    if (n + strlen(addr) + 3 > cap)
        return;   /* a list that long is cut, never half an address */
    snprintf(buf + n, cap - n, "%s%s", n ? ", " : "", addr);
}

static void add_family(struct ifaddrs *all, int family, char *buf, size_t cap)
{
    for (struct ifaddrs *i = all; i; i = i->ifa_next) {
        if (!i->ifa_addr || i->ifa_addr->sa_family != family ||
            (i->ifa_flags & IFF_LOOPBACK) || !(i->ifa_flags & IFF_UP))
            continue;
        /* fe80:: works only with an interface name added: no use to staff. */
        if (family == AF_INET6 &&
            IN6_IS_ADDR_LINKLOCAL(&((struct sockaddr_in6 *)i->ifa_addr)->sin6_addr))
            continue;
        char a[INET6_ADDRSTRLEN];
        const void *src = family == AF_INET
            ? (const void *)&((struct sockaddr_in *)i->ifa_addr)->sin_addr
            : (const void *)&((struct sockaddr_in6 *)i->ifa_addr)->sin6_addr;
        if (inet_ntop(family, src, a, sizeof a))
            append(buf, cap, a);
    }
}

void platform_addresses(char *buf, size_t cap)
{
    if (cap == 0)
        return;
    buf[0] = '\0';
    struct ifaddrs *all = NULL;
    if (getifaddrs(&all) != 0)
        return;
    add_family(all, AF_INET, buf, cap);
    add_family(all, AF_INET6, buf, cap);
    freeifaddrs(all);
}
