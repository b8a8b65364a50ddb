/* screen_schedule.h — the screen outside opening hours: dark (one black frame,
 * then nothing drawn), woken by a touch or at opening time. The decision is
 * the core's (core/blank.h); this reads the local clock and draws. */
#ifndef KIOSK_SCREEN_SCHEDULE_H
#define KIOSK_SCREEN_SCHEDULE_H

#include <SDL.h>
#include <stdint.h>

#include "core/blank.h"
#include "platform/platform_sdl.h"

typedef struct screen_schedule {
    blank_state b;
    int dark;                  /* the last answer of screen_schedule_blank */
    int black_shown;           /* the black frame is on the screen */
} screen_schedule;

/* A zeroed struct is initialised too (awake, no touch yet). */
void screen_schedule_init(screen_schedule *ss);
/* Is the screen dark at now (SDL_GetTicks64 ms), by the local wall clock?
 * Says so in the log when the answer changes. */
int screen_schedule_blank(screen_schedule *ss, const content_settings *s, uint64_t now);
/* How long the main loop may sleep before the answer can change (1..60000). */
int screen_schedule_next_check_ms(screen_schedule *ss, const content_settings *s,
                                  uint64_t now);
/* Every SDL event before anything else sees it. Touch and mouse input count
 * as touches; while dark they are eaten: the touch that wakes the screen is
 * not a tap on what appears. Returns 1 when the event must go no further. */
int screen_schedule_input(screen_schedule *ss, const SDL_Event *e, uint64_t now);
/* Once a turn of the main loop: when dark, draws the black frame (once, or
 * again when *dirty: the window was exposed) and returns 1, so the caller
 * draws nothing. On waking sets *dirty so the caller draws its screen. */
int screen_schedule_frame(screen_schedule *ss, platform_display *d,
                          const content_settings *s, uint64_t now, int *dirty);
/* The main loop's wait: the caller's own (nav_ms), but no later than the
 * next check. (The caller caps it further for the watchdog's ping.) */
int screen_schedule_sleep_ms(screen_schedule *ss, const content_settings *s,
                             uint64_t now, int nav_ms);

#endif
