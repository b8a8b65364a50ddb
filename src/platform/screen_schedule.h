/* screen_schedule.h — the screen outside opening hours: dark (one black frame,
 * then nothing drawn, and the panel itself asleep: platform/panel.h), woken
 * by a touch or at opening time. The decision is the core's (core/blank.h);
 * this reads the local clock, draws and tells the panel. */
#ifndef KIOSK_SCREEN_SCHEDULE_H
#define KIOSK_SCREEN_SCHEDULE_H

#include <SDL.h>
#include <stdint.h>

#include "core/blank.h"
#include "platform/panel.h"
#include "platform/platform_sdl.h"

typedef struct screen_schedule {
    blank_state b;
    int dark;                  /* the last answer of screen_schedule_blank */
    int black_shown;           /* the black frame is on the screen */
    platform_panel *panel;     /* switches the panel; NULL: black only */
    int panel_told;            /* 1 + the dark last told the panel; 0: none */
    int panel_how;             /* the [screen] sleep last told */
} screen_schedule;

/* Once the screen is open (SDL's video driver known): awake, no touch yet,
 * the panel's thread started. The panel is told the first answer, whatever
 * it is: a kiosk restarted at night sleeps it, by day wakes a backlight a
 * stopped one left off. (A zeroed struct works too, without a panel.) */
void screen_schedule_init(screen_schedule *ss);
/* Before the screen closes: the panel's thread ends, its backlight on. */
void screen_schedule_fini(screen_schedule *ss);
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
