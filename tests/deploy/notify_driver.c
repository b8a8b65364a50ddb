/* notify_driver.c — drives src/platform/notify.c the way the main loop will,
 * for tests/deploy/notify.sh, which reads what reaches NOTIFY_SOCKET. */
#include <stdio.h>
#include <time.h>

#include "platform/notify.h"

int main(void)
{
    /* Ask before anything is sent: the script checks it says half of
     * WATCHDOG_USEC, in ms. */
    printf("max_sleep_ms=%ld\n", platform_notify_watchdog_max_sleep_ms());
    fflush(stdout);
    platform_notify_status("starting\nsecond line");
    platform_notify_ready();
    /* A busy loop of 1 ms turns for 1.1 s: the rate limit, not the caller,
     * decides how many WATCHDOG=1 go out. */
    struct timespec ms = { 0, 1000000 };
    for (int i = 0; i < 1100; i++) {
        platform_notify_watchdog();
        nanosleep(&ms, NULL);
    }
    /* "x" then "é" (two bytes) over and over: the 200-byte cut falls inside
     * an "é", which must be dropped whole. */
    char longtext[400];
    longtext[0] = 'x';
    for (int i = 1; i + 1 < (int)sizeof longtext - 1; i += 2) {
        longtext[i] = (char)0xC3;
        longtext[i + 1] = (char)0xA9;
    }
    longtext[sizeof longtext - 1] = '\0';
    platform_notify_status(longtext);
    platform_notify_reloading();
    platform_notify_ready();
    platform_notify_stopping();
    return 0;
}
