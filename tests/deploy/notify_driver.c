/* notify_driver.c — drives src/platform/notify.c the way the main loop will,
 * for tests/deploy/notify.sh, which reads what reaches NOTIFY_SOCKET. */
#include <stdio.h>
#include <time.h>

#include "platform/notify.h"

int main(void)
{
    platform_watchdog wd = {0};
    /* Ask before anything is sent: the script checks it says a quarter of
     * WATCHDOG_USEC, in ms. */
    printf("max_sleep_ms=%ld\n", platform_notify_watchdog_max_sleep_ms(&wd));
    fflush(stdout);
    platform_notify_status("starting\nsecond line");
    platform_notify_ready();
    /* A busy loop of 1 ms turns for 1.1 s (by the clock: on a loaded
     * machine a turn takes longer): the rate limit, not the caller, decides
     * how many WATCHDOG=1 go out. */
    struct timespec ms = { 0, 1000000 }, t0, t;
    long least = 1000000, most = -1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        clock_gettime(CLOCK_MONOTONIC, &t);
        if ((t.tv_sec - t0.tv_sec) * 1000 + (t.tv_nsec - t0.tv_nsec) / 1000000 >= 1100)
            break;
        platform_notify_watchdog(&wd);
        /* right after a ping the loop may sleep a quarter interval, never
         * longer; later only until the next ping is due */
        long m = platform_notify_watchdog_max_sleep_ms(&wd);
        least = m < least ? m : least;
        most = m > most ? m : most;
        nanosleep(&ms, NULL);
    }
    printf("sleep_ms=%ld..%ld\n", least, most);
    fflush(stdout);
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
