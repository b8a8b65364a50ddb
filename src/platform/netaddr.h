/* netaddr.h — the kiosk's own network addresses, for the staff view (staff
 * need one to reach the content folder over SFTP). */
#ifndef KIOSK_NETADDR_H
#define KIOSK_NETADDR_H

#include <stddef.h>

/* The non-loopback IPv4 and IPv6 addresses of interfaces that are up,
 * IPv4 first, separated by ", ", into buf ("" when there are none). */
void platform_addresses(char *buf, size_t cap);

#endif
