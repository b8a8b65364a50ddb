/* schedule.h — opening hours: is the screen on now, and when does that change. */
#ifndef KIOSK_SCHEDULE_H
#define KIOSK_SCHEDULE_H

#include "content.h"

/* A local wall-clock moment, handed in by the platform (the core never reads
 * a clock). weekday 0 = Sunday .. 6 = Saturday, as in struct tm's tm_wday;
 * minute is minutes since local midnight, 0..1439. Out-of-range values are
 * folded into the week, so minute 1440 on Monday is Tuesday 00:00. */
typedef struct schedule_time {
    int weekday;
    int minute;
} schedule_time;

#define SCHEDULE_MINUTES_PER_DAY 1440
#define SCHEDULE_MINUTES_PER_WEEK (7 * SCHEDULE_MINUTES_PER_DAY)

/* Never changes: returned by schedule_next_change when the screen is open
 * (or closed) the whole week. */
#define SCHEDULE_NEVER (-1)

/* Is the kiosk open at t? Without [hours] it is always open. A day's span
 * that crosses midnight (18:00-02:00) keeps the screen on into the next
 * day's early hours: they belong to the day the span started on. */
int schedule_is_open(const content_settings *s, schedule_time t);

/* Minutes from the start of t's minute to the next moment schedule_is_open
 * gives a different answer (1..10079), or SCHEDULE_NEVER. The main loop
 * sleeps until then; it must still wake for the watchdog and re-check after
 * a clock jump (daylight saving, a clock set by hand). */
int schedule_next_change(const content_settings *s, schedule_time t);

#endif
