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
static int watchdog_known;
static uint64_t watchdog_usec;          /* 0: no watchdog */
static int watchdog_sent;
static unsigned long long watchdog_last_ms;

static uint64_t watchdog_interval_usec(void)
{
    if (!watchdog_known) {
        uint64_t usec = 0;
        /* > 0 only when WATCHDOG_USEC is set and meant for this process. */
        if (sd_watchdog_enabled(0, &usec) > 0)
            watchdog_usec = usec;
        watchdog_known = 1;
    }
    return watchdog_usec;
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

void platform_notify_watchdog(void)
{
    uint64_t usec = watchdog_interval_usec();
    if (usec == 0)
        return;
    unsigned long long now_ms = monotonic_ms();
    /* At most every quarter interval. Not every half: the loop wakes at
     * least every half interval (platform_notify_watchdog_max_sleep_ms), and
     * a wake a hair short of "half" would skip its ping and leave a gap of a
     * whole interval. With a quarter, every wake after the first quarter
     * pings, so no gap is longer than half the interval plus one turn. */
    unsigned long long quarter_ms = usec / 4000;
    /* A clock that seems to go backwards counts as "due": better one
     * message too many than a starved watchdog. */
    if (watchdog_sent && now_ms >= watchdog_last_ms && now_ms - watchdog_last_ms < quarter_ms)
        return;
    sd_notify(0, "WATCHDOG=1");
    watchdog_sent = 1;
    watchdog_last_ms = now_ms;
}

long platform_notify_watchdog_max_sleep_ms(void)
{
    uint64_t usec = watchdog_interval_usec();
    if (usec == 0)
        return -1;
    unsigned long long half = usec / 2000;
    if (!watchdog_sent)
        return half > 0 ? (long)half : 1;
    /* From the last ping, not from now: a wake between two pings (an edit,
     * a decoded picture) that came too soon to ping would otherwise put the
     * next one off by up to three quarters of the interval. Aimed at 40 %
     * of it, so a busy machine's late wake still pings within half. */
    unsigned long long due = usec * 4 / 10000, now_ms = monotonic_ms();
    unsigned long long since = now_ms >= watchdog_last_ms ? now_ms - watchdog_last_ms : due;
    return since < due ? (long)(due - since) : 1;
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
void platform_notify_watchdog(void) {}
long platform_notify_watchdog_max_sleep_ms(void) { return -1; }
void platform_notify_status(const char *text) { (void)text; }
void platform_notify_stopping(void) {}
void platform_notify_reloading(void) {}

#endif
