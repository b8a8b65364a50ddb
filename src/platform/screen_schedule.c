/* screen_schedule.c — dark outside opening hours by the local clock: one black
 * frame and no redraw until a touch or opening time, and the panel itself
 * put to sleep (platform/panel.c: a DSI panel's backlight off, a TV to
 * standby over HDMI-CEC, by [screen] sleep).
 *
 * Why not DRM's own power-off (DPMS): on KMSDRM it means setting the
 * connector's "DPMS" property (or CRTC "ACTIVE" = 0 with an atomic commit)
 * on the DRM file descriptor, and SDL 2.26 owns that descriptor without
 * exposing it or any DPMS call; opening the card a second time would need
 * DRM master, which SDL holds. So a monitor with neither a backlight the
 * kernel can switch nor CEC stays lit showing black. Under X11 or Wayland
 * the screensaver is allowed while dark, so a desktop's own DPMS may power
 * the display down (and [screen] sleep = auto leaves it to the desktop). */
#include "platform/screen_schedule.h"

#include <stdio.h>
#include <time.h>

#include "platform/notify.h"

void screen_schedule_init(screen_schedule *ss)
{
    const char *driver = SDL_GetCurrentVideoDriver();
    blank_init(&ss->b);
    ss->dark = 0;
    ss->black_shown = 0;
    ss->panel_told = 0;
    ss->panel_how = 0;
    ss->panel = platform_panel_start(driver && !SDL_strcasecmp(driver, "kmsdrm"));
}

void screen_schedule_fini(screen_schedule *ss)
{
    platform_panel_stop(ss->panel);
    ss->panel = NULL;
}

/* The panel follows every answer that differs from the last it was told,
 * and a change of [screen] sleep (a content reload). */
static void tell_panel(screen_schedule *ss, const content_settings *s, int dark)
{
    if (ss->panel_told == dark + 1 && ss->panel_how == s->screen_sleep)
        return;
    platform_panel_set(ss->panel, !dark, s->screen_sleep);
    ss->panel_told = dark + 1;
    ss->panel_how = s->screen_sleep;
}

/* The local wall clock now: weekday and minute, and ms into that minute. */
static schedule_time local_now(int *ms_into_minute)
{
    struct timespec ts;
    struct tm tm;
    schedule_time t = {0, 0};
    *ms_into_minute = 0;
    if (clock_gettime(CLOCK_REALTIME, &ts) != 0 || !localtime_r(&ts.tv_sec, &tm))
        return t;      /* no clock: Sunday midnight; the next check tries again */
    t.weekday = tm.tm_wday;
    t.minute = tm.tm_hour * 60 + tm.tm_min;
    *ms_into_minute = tm.tm_sec * 1000 + (int)(ts.tv_nsec / 1000000);
    return t;
}

int screen_schedule_blank(screen_schedule *ss, const content_settings *s, uint64_t now)
{
    int ms;
    int dark = blank_is_dark(&ss->b, s, local_now(&ms), now);
    tell_panel(ss, s, dark);
    if (dark == ss->dark)
        return dark;
    ss->dark = dark;
    if (dark) {
        SDL_EnableScreenSaver();
        printf("kiosk: outside opening hours: the screen is dark until a touch "
               "or opening time\n");
        platform_notify_status("outside opening hours: screen dark");
    } else {
        SDL_DisableScreenSaver();
        printf("kiosk: the screen is on\n");
        platform_notify_status("screen on");
    }
    fflush(stdout);
    return dark;
}

int screen_schedule_next_check_ms(screen_schedule *ss, const content_settings *s,
                                  uint64_t now)
{
    int ms;
    schedule_time t = local_now(&ms);
    return blank_next_check_ms(&ss->b, s, t, ms, now);
}

static int is_touch(const SDL_Event *e)
{
    switch (e->type) {
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        return 1;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        return e->button.which != SDL_TOUCH_MOUSEID;
    case SDL_MOUSEMOTION:
        /* A mouse only hovering is not a visitor (nor is a cursor nudged). */
        return e->motion.which != SDL_TOUCH_MOUSEID && (e->motion.state & SDL_BUTTON_LMASK);
    default:
        return 0;
    }
}

int screen_schedule_input(screen_schedule *ss, const SDL_Event *e, uint64_t now)
{
    if (!is_touch(e))
        return 0;
    blank_touch(&ss->b, now);
    /* While dark the whole touch is eaten, its release and moves included:
     * the screen wakes at the next turn of the main loop. */
    return ss->dark;
}

static void draw_black(platform_display *d)
{
    platform_begin_frame(d);
    SDL_SetRenderDrawColor(d->sdl, 0, 0, 0, 255);
    SDL_RenderClear(d->sdl);
    platform_end_frame(d);
}

int screen_schedule_frame(screen_schedule *ss, platform_display *d,
                          const content_settings *s, uint64_t now, int *dirty)
{
    if (!screen_schedule_blank(ss, s, now)) {
        if (ss->black_shown)
            *dirty = 1;
        ss->black_shown = 0;
        return 0;
    }
    if (!ss->black_shown || *dirty) {
        draw_black(d);
        ss->black_shown = 1;
        *dirty = 0;
    }
    return 1;
}

int screen_schedule_sleep_ms(screen_schedule *ss, const content_settings *s,
                             uint64_t now, int nav_ms)
{
    /* Dark, the caller's deadlines still count (a content reload waits on
     * one); nav's loop turning on unseen costs a tick, not a frame. */
    int ms = screen_schedule_next_check_ms(ss, s, now);
    if (nav_ms >= 0 && nav_ms < ms)
        ms = nav_ms;
    return ms;
}
