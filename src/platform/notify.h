/* notify.h — telling systemd how the kiosk is doing (sd_notify): ready,
 * alive, status, stopping, reloading. No-ops without systemd. */
#ifndef KIOSK_NOTIFY_H
#define KIOSK_NOTIFY_H

#include <stdint.h>

/* The watchdog as one main loop sees it; the loop owns it, zeroed at start. */
typedef struct platform_watchdog {
    int known;                  /* the interval was looked up */
    uint64_t usec;              /* WatchdogSec= in µs; 0: no watchdog */
    int sent;                   /* a WATCHDOG=1 went out */
    unsigned long long last_ms; /* when, by the monotonic clock */
} platform_watchdog;

/* Once, after the first frame is on screen: Type=notify waits for this. */
void platform_notify_ready(void);

/* Call from every turn of the main loop, as often as you like (before and
 * after anything that may take long, such as drawing a frame): it sends
 * WATCHDOG=1 when a quarter watchdog interval has passed since the last one
 * (by the monotonic clock), and nothing when the service has no
 * WatchdogSec=. */
void platform_notify_watchdog(platform_watchdog *w);

/* How long the main loop may sleep before the next WATCHDOG=1 falls due (at
 * most a quarter of the interval, 0 when due now), in ms, or -1 when there is
 * no watchdog. Cap every wait (event wait, sleep until opening time) with it:
 * the loop then wakes for the ping, and only a turn stuck for three quarters
 * of the interval lets systemd restart the kiosk. */
long platform_notify_watchdog_max_sleep_ms(platform_watchdog *w);

/* One line for `systemctl status kiosk` ("showing 12 topics", "closed until
 * 09:00"). Newlines become spaces; text past 200 bytes is cut at a
 * character boundary. */
void platform_notify_status(const char *text);

/* On SIGTERM, before tearing down. */
void platform_notify_stopping(void);

/* On SIGHUP: call reloading before loading content again, then
 * platform_notify_ready() when the new content is in place. */
void platform_notify_reloading(void);

#endif
