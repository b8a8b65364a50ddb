/* blank.h — the screen schedule's decision: is the screen dark now (outside
 * opening hours, no visitor woke it), and when to look again. Pure: the
 * platform hands in the local wall-clock time and a monotonic clock. */
#ifndef KIOSK_BLANK_H
#define KIOSK_BLANK_H

#include <stdint.h>

#include "content.h"
#include "schedule.h"

/* Look at the clock at least this often, whatever the schedule says: the
 * wall clock can jump (daylight saving, a clock set by hand, NTP arriving
 * late on a Pi without a battery), and a minute late at opening is fine. */
#define BLANK_RECHECK_MS 60000

/* Touches seen, on the monotonic clock (ms). A touch outside opening hours
 * wakes the screen for idle_timeout seconds after the last touch: as long as
 * the loop would wait before taking a visitor back. */
typedef struct blank_state {
    int touched;               /* any touch yet: the start is not a touch */
    uint64_t last_touch;
} blank_state;

void blank_init(blank_state *b);
/* Every touch event (press, move, release), dark or not. */
void blank_touch(blank_state *b, uint64_t now);
/* The screen should be dark: closed at t (schedule_is_open) and no touch in
 * the last idle_timeout seconds. A kiosk with no [hours] is never dark. */
int blank_is_dark(const blank_state *b, const content_settings *s,
                  schedule_time t, uint64_t now);
/* Milliseconds until blank_is_dark may answer differently: the next opening
 * or closing (t is ms_into_minute past the start of its minute) or the end
 * of a touch's wake, whichever is sooner; 1..BLANK_RECHECK_MS. */
int blank_next_check_ms(const blank_state *b, const content_settings *s,
                        schedule_time t, int ms_into_minute, uint64_t now);

#endif
