/* notify.c — sd_notify messages to systemd; every call is a no-op when the
 * program is built without libsystemd or not started by systemd. */
#include "notify.h"

#ifdef KIOSK_HAVE_SYSTEMD
#include <stdint.h>
#include <stdio.h>
#include <time.h>
#include <systemd/sd-daemon.h>

/* Watchdog interval: looked up once, since systemd sets it in the
 * environment at start and it does not change while we run. */
static uint64_t watchdog_interval_usec(platform_watchdog *w)
{
    if (!w->known) {
        uint64_t usec = 0;
        /* > 0 only when WATCHDOG_USEC is set and meant for this process. */
        if (sd_watchdog_enabled(0, &usec) > 0)
            w->usec = usec;
        w->known = 1;
    }
    return w->usec;
}

void platform_notify_ready(void)
{
    sd_notify(0, "READY=1");
}

static unsigned long long monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (unsigned long long)ts.tv_sec * 1000 + (unsigned long long)ts.tv_nsec / 1000000;
}

/* Pings go out every quarter interval: a wake-up late by up to three
 * quarters of the interval (a slow frame, both cores busy on a Pi 3) still
 * pings before systemd gives up. */
static unsigned long long ping_every_ms(uint64_t usec)
{
    unsigned long long ms = usec / 4000;
    return ms > 0 ? ms : 1;
}

void platform_notify_watchdog(platform_watchdog *w)
{
    uint64_t usec = watchdog_interval_usec(w);
    if (usec == 0)
        return;
    unsigned long long now_ms = monotonic_ms();
    /* A clock that seems to go backwards counts as "due": better one
     * message too many than a starved watchdog. */
    if (w->sent && now_ms >= w->last_ms && now_ms - w->last_ms < ping_every_ms(usec))
        return;
    sd_notify(0, "WATCHDOG=1");
    w->sent = 1;
    w->last_ms = now_ms;
}

long platform_notify_watchdog_max_sleep_ms(platform_watchdog *w)
{
    uint64_t usec = watchdog_interval_usec(w);
    if (usec == 0)
        return -1;
    unsigned long long every = ping_every_ms(usec), now_ms = monotonic_ms();
    if (!w->sent || now_ms < w->last_ms)
        return (long)every;
    unsigned long long since = now_ms - w->last_ms;
    return since >= every ? 0 : (long)(every - since);
}

/* STATUS= is one line in `systemctl status`; a newline would end the
 * assignment and start a bogus one, so it becomes a space. */
enum { NOTIFY_STATUS_MAX = 200 };

void platform_notify_status(const char *text)
{
    char msg[sizeof "STATUS=" + NOTIFY_STATUS_MAX];
    int n = snprintf(msg, sizeof msg, "STATUS=");
    const char *p = text ? text : "";
    for (; *p && n < (int)sizeof msg - 1; p++)
        msg[n++] = (*p == '\n' || *p == '\r') ? ' ' : *p;
    /* Cut inside a character: drop its copied bytes rather than send half. */
    if (*p && ((unsigned char)*p & 0xC0) == 0x80) {
        int start = (int)sizeof "STATUS=" - 1;
        while (n > start && ((unsigned char)msg[n - 1] & 0xC0) == 0x80)
            n--;
        if (n > start)
            n--;   /* its lead byte */
    }
    msg[n] = '\0';
    sd_notify(0, msg);
}

void platform_notify_stopping(void)
{
    sd_notify(0, "STOPPING=1");
}

void platform_notify_reloading(void)
{
    sd_notify(0, "RELOADING=1");
}

#else

void platform_notify_ready(void) {}
void platform_notify_watchdog(platform_watchdog *w) { (void)w; }
long platform_notify_watchdog_max_sleep_ms(platform_watchdog *w) { (void)w; return -1; }
void platform_notify_status(const char *text) { (void)text; }
void platform_notify_stopping(void) {}
void platform_notify_reloading(void) {}

#endif
