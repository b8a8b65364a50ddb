/* notify.h — telling systemd how the kiosk is doing (sd_notify): ready,
 * alive, status, stopping, reloading. No-ops without systemd. */
#ifndef KIOSK_NOTIFY_H
#define KIOSK_NOTIFY_H

/* Once, after the first frame is on screen: Type=notify waits for this. */
void platform_notify_ready(void);

/* Call from every turn of the main loop, as often as you like: it sends
 * WATCHDOG=1 at most every quarter watchdog interval (by the monotonic
 * clock), and nothing when the service has no WatchdogSec=. */
void platform_notify_watchdog(void);

/* The longest the main loop may sleep before the next ping is due (in ms:
 * 40 % of the interval after the last ping, half of it before the first),
 * or -1 when there is no watchdog. Cap every wait (event
 * wait, sleep until opening time) with it. */
long platform_notify_watchdog_max_sleep_ms(void);

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
