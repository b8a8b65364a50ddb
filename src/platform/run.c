/* run.c — the main loop: SDL events to nav events, nav state to drawn
 * screens, sleeping in SDL_WaitEventTimeout until the next event or deadline. */
#include "platform/run.h"

#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/kiosk_limits.h"
#include "platform/notify.h"
#include "platform/picture.h"
#include "platform/run_internal.h"
#include "platform/signals.h"

/* Frame time while something moves and the display gives no vsync. */
#define RUN_FRAME_MS 16
/* Longest sleep without a reason to wake: the loop still turns now and then
 * so a lost wake-up can never freeze the screen for long. */
#define RUN_MAX_SLEEP_MS 60000
/* The mouse is one more finger; a touch screen's ids are small and positive. */
#define RUN_MOUSE_FINGER (-42)

static int same_key(run_key a, run_key b)
{
    return a.valid && b.valid && a.notice == b.notice && a.lang == b.lang
        && a.large == b.large && nav_view_same(a.view, b.view);
}

/* Every prepared screen but keep (NULL: all). */
static void release_slots_but(run *k, const run_slot *keep)
{
    for (int i = 0; i < 2; i++) {
        if (&k->slot[i] == keep)
            continue;
        render_release(&k->r, &k->slot[i].screen);
        k->slot[i].key.valid = 0;
    }
}

void run_release_slots(run *k)
{
    release_slots_but(k, NULL);
}

/* The prepared screen with key, or NULL. */
static run_slot *slot_find(run *k, run_key key)
{
    for (int i = 0; i < 2; i++)
        if (same_key(k->slot[i].key, key))
            return &k->slot[i];
    return NULL;
}

/* What a running transition comes from, as nav says it shows. */
static run_key from_key(const nav_state *st)
{
    return (run_key){1, st->tr.from, st->tr.from_notice, st->tr.from_lang,
                     st->tr.from_large};
}

static void lay_out(run *k, layout_screen *sc, run_key key)
{
    const content_snapshot *s = &k->view;
    if (k->deck.nloop == 0 && key.view.mode == NAV_LOOP) {
        layout_empty_screen(sc, s, &k->m, k->disp.w, k->disp.h);
        return;
    }
    switch (key.view.mode) {
    case NAV_LOOP: layout_loop_screen(sc, s, &k->deck, &k->m, key.view.loop); break;
    case NAV_MENU: layout_menu_screen(sc, s, &k->deck, &k->m); break;
    case NAV_TOPIC:
        layout_topic_screen(sc, s, &k->deck, &k->m, key.view.topic, key.view.page);
        break;
    case NAV_CONTENTS:
        layout_contents_screen(sc, s, &k->deck, &k->m, key.view.topic, key.view.page);
        break;
    }
    if (key.notice)
        layout_notice_overlay(sc, s, &k->m);
}

/* The slot holding key, laid out and prepared; avoid is a slot to keep. */
static run_slot *slot_for(run *k, run_key key, const run_slot *avoid)
{
    run_slot *found = slot_find(k, key);
    if (found)
        return found;
    run_slot *sl = &k->slot[0] == avoid ? &k->slot[1] : &k->slot[0];
    render_release(&k->r, &sl->screen);
    lay_out(k, &sl->screen.layout, key);
    render_prepare(&k->r, &sl->screen);
    sl->key = key;
    return sl;
}

/* Gives nav the deck laid out again; with a screen kept to fade from, the
 * fade goes on from when the new deck is ready (nav_relayout). */
static void deck_to_nav(run *k, const run_slot *keep, uint64_t now)
{
    if (keep)
        nav_relayout(&k->nav, &k->nd, SDL_GetTicks64());
    else
        nav_set_deck(&k->nav, &k->nd, now);
}

/* Lays the content out for the current screen size and tells nav; keep: a
 * prepared screen of the same content that a running transition still
 * fades from (run_follow_visitor), NULL for none. */
static int build_deck(run *k, uint64_t now, int first, const run_slot *keep)
{
    release_slots_but(k, keep);
    arena_fini(&k->deck_arena);
    arena_init(&k->deck_arena, KIOSK_DECK_ARENA_BYTES);
    /* The first frame comes first (issue 9): at start only the loop's first
     * topic is laid out (the whole deck took 2 s for 840 cards); main_loop
     * builds the whole deck right after that frame. */
    k->deck_first_only = first;
    /* At start nav is not set up yet: the defaults. */
    nav_state st = {0};
    if (!first)
        nav_state_get(&k->nav, now, &st);
    k->view = content_visitor_view(k->content, st.lang, st.large);
    render_palette(&k->r, &k->view.settings);
    if ((first ? layout_deck_build_first : layout_deck_build)(
            &k->deck, &k->view, &k->m, k->disp.w, k->disp.h, &k->deck_arena) != 0) {
        fprintf(stderr, "kiosk: the content is too large to lay out on this screen\n");
        return -1;
    }
    free(k->loop_words);
    k->loop_words = calloc((size_t)k->deck.nloop + 1, sizeof *k->loop_words);
    if (!k->loop_words)
        return -1;
    nav_deck_from_layout(&k->nd, &k->deck, &k->view, k->loop_words);
    if (first) {
        nav_init(&k->nav, &k->content->settings, &k->nd, k->disp.w, k->disp.h, now);
    } else {
        nav_set_screen(&k->nav, k->disp.w, k->disp.h);
        run_visits_before(k);
        deck_to_nav(k, keep, now);
        run_visits_after(k, 0, now);   /* a topic gone: a visitor is moved */
    }
    k->dirty = 1;
    return 0;
}

int run_build_deck(run *k, uint64_t now, int first)
{
    return build_deck(k, now, first, NULL);
}

/* The prepared screen a running transition comes from, when it can still
 * be drawn after the deck is laid out again: in the same colours (large
 * text brings the high-contrast palette, and a screen's words keep the
 * colours they were prepared in). NULL otherwise: the change is a cut. */
static const run_slot *fading_from(run *k, const nav_state *st)
{
    if (!st->tr.active || st->progress >= 1.0f)
        return NULL;
    if (st->tr.from_large != st->large && !k->content->settings.high_contrast)
        return NULL;
    return slot_find(k, from_key(st));
}

void run_follow_visitor(run *k, uint64_t now)
{
    nav_state st;
    nav_state_get(&k->nav, now, &st);
    if (st.lang == k->view.lang && st.large == k->view.large_text)
        return;
    /* Counted when a visitor switches, not when the loop switches back. */
    if (st.view.mode != NAV_LOOP && st.lang != k->view.lang)
        run_visits_switch(k, VC_LANGUAGE, now);
    if (st.view.mode != NAV_LOOP && st.large != k->view.large_text)
        run_visits_switch(k, VC_LARGE_TEXT, now);
    /* The card on screen: where it starts in the new deck. */
    int card = -1, topic = st.view.topic;
    if (st.view.mode == NAV_TOPIC && topic < k->deck.ntopics
        && st.view.page < k->deck.topic[topic].npages)
        card = k->deck.topic[topic].page[st.view.page].card;
    /* The loop's change of language fades like any loop step: the screen
     * it comes from stays prepared, in its language, through the relayout. */
    const run_slot *keep = fading_from(k, &st);
    if (build_deck(k, now, 0, keep) != 0 || card < 0)
        return;
    nav_move_page(&k->nav, layout_card_first_page(&k->deck, topic, card));
    deck_to_nav(k, keep, now);
}

void run_apply_screen_size(run *k, uint64_t now)
{
    char err[256];
    if (platform_layout_size(&k->disp, k->content->settings.rotate, err, sizeof err))
        fprintf(stderr, "kiosk: %s\n", err);
    run_build_deck(k, now, 0);
}

static void draw_content(run *k, uint64_t now)
{
    nav_state st;
    nav_state_get(&k->nav, now, &st);
    run_key key = {1, st.view, st.notice, st.lang, st.large};
    /* The screen faded from first, so that laying out the new one never
     * takes its slot; laid out again only in the language and size the
     * deck has (else the change is a cut, as after a device reset). */
    run_slot *from = NULL;
    int fading = st.tr.active && st.progress < 1.0f;
    if (fading)
        from = slot_find(k, from_key(&st));
    run_slot *to = slot_for(k, key, from);
    if (fading && !from && st.tr.from_lang == k->view.lang
        && st.tr.from_large == k->view.large_text)
        from = slot_for(k, from_key(&st), to);
    k->hit_screen = &to->screen.layout;
    nav_set_hit(&k->nav, run_visits_hit, k);   /* notes the button a tap hit */
    nav_hit_shows(&k->nav, st.view);

    platform_begin_frame(&k->disp);
    render_clear(&k->r);
    int w = k->disp.w, p = (int)(st.progress * w);
    if (!from) {
        render_draw(&k->r, &to->screen, 0, 0, 255);
        if (st.pressed)
            render_press(&k->r, &to->screen, st.press_x, st.press_y, 0, 0);
    } else if (st.tr.motion == NAV_MOTION_FADE) {
        render_cross_fade(&k->r, &from->screen, &to->screen, (int)(st.progress * 255));
    } else {
        int dir = st.tr.motion == NAV_MOTION_SLIDE_LEFT ? -1 : 1;
        render_draw(&k->r, &from->screen, dir * p, 0, 255);
        render_draw(&k->r, &to->screen, dir * p - dir * w, 0, 255);
    }
    platform_end_frame(&k->disp);
    k->drawn = st.changed;
}

static void draw(run *k, uint64_t now)
{
    if (run_staff_open(k))
        run_staff_draw(k);
    else
        draw_content(k, now);
    k->dirty = 0;
}

/* Touch goes to the staff view while it is open, else to nav, stamped with
 * when SDL took it in (a busy loop reads it later); the long press in the
 * corner opens the staff view. */
static void input(run *k, const SDL_Event *e, nav_input_kind kind, int64_t finger,
                  int x, int y, uint64_t now)
{
    if (run_staff_open(k)) {
        run_staff_input(k, kind, finger, x, y, now);
        return;
    }
    nav_input_event ev = {kind, finger, x, y, nav_event_time(e->common.timestamp, now)};
    if (kind == NAV_IN_PRESS)
        run_visits_touch(k, now);
    run_visits_before(k);
    int out = nav_input(&k->nav, &ev, now);
    run_visits_after(k, 1, now);
    run_follow_visitor(k, now);
    if (out & NAV_OUT_STAFF_REQUEST)
        run_staff_request(k, now);
}

static void handle(run *k, const SDL_Event *e, uint64_t now)
{
    int x, y;
    if (e->type == k->wake_event && k->wake_event != (Uint32)-1) {
        run_live_poll(k, now);   /* a signal, a change in the folder, a load done */
        platform_wake_ack(k->wake);
        return;
    }
    if (e->type == k->picture_event && k->picture_event != (Uint32)-1) {
        /* Decoded off this thread; here only the texture is made. */
        if (render_take_pictures(&k->r))
            k->dirty = 1;
        return;
    }
    if (screen_schedule_input(&k->sched, e, now))
        return;   /* the touch that wakes a dark screen is not a tap */
    switch (e->type) {
    case SDL_QUIT:
        k->quit = 1;
        break;
    case SDL_KEYDOWN:
        /* Only a window on a desktop can be left with Escape; fullscreen has
         * no keyboard in the lobby, and a stray key must not end it. */
        if (e->key.keysym.sym == SDLK_ESCAPE && k->disp.win_w && !(SDL_GetWindowFlags(
                k->disp.win) & SDL_WINDOW_FULLSCREEN))
            k->quit = 1;
        break;
    /* Each input is read once, from its own events: platform_open turns
     * SDL's touch-to-mouse and mouse-to-touch emulation off, and a driver
     * that sends them anyway is ignored here (which == SDL_TOUCH_MOUSEID,
     * touchId == SDL_MOUSE_TOUCHID), so no tap ever arrives twice. */
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP:
        if (e->tfinger.touchId == SDL_MOUSE_TOUCHID)
            break;
        platform_map_finger(&k->disp, e->tfinger.x, e->tfinger.y, &x, &y);
        input(k, e, e->type == SDL_FINGERDOWN ? NAV_IN_PRESS
                 : e->type == SDL_FINGERUP ? NAV_IN_RELEASE : NAV_IN_MOVE,
              (int64_t)e->tfinger.fingerId, x, y, now);
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            break;
        platform_map_window(&k->disp, e->button.x, e->button.y, &x, &y);
        input(k, e, e->type == SDL_MOUSEBUTTONDOWN ? NAV_IN_PRESS : NAV_IN_RELEASE,
              RUN_MOUSE_FINGER, x, y, now);
        break;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID || !(e->motion.state & SDL_BUTTON_LMASK))
            break;
        platform_map_window(&k->disp, e->motion.x, e->motion.y, &x, &y);
        input(k, e, NAV_IN_MOVE, RUN_MOUSE_FINGER, x, y, now);
        break;
    case SDL_WINDOWEVENT:
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            run_apply_screen_size(k, now);
        else if (e->window.event == SDL_WINDOWEVENT_FOCUS_LOST)
            input(k, e, NAV_IN_CANCEL, 0, 0, 0, now);
        k->dirty = 1;
        break;
    case SDL_RENDER_TARGETS_RESET:
        k->dirty = 1;
        break;
    case SDL_RENDER_DEVICE_RESET:
        /* Every texture is gone: make them again from the same content. */
        run_release_slots(k);
        run_staff_release(k);
        render_reset(&k->r, &k->content->settings, k->shown_dir);
        run_apply_screen_size(k, now);
        break;
    default:
        break;
    }
}

static long until(uint64_t due, uint64_t now)
{
    return due == NAV_NEVER ? RUN_MAX_SLEEP_MS : due <= now ? 0 : (long)(due - now);
}

/* How long to sleep: until the next deadline (nav, staff view, the
 * watcher's settle time), one frame while moving. */
static int sleep_ms(run *k, uint64_t now)
{
    if (nav_animating(&k->nav, now) && !run_staff_open(k))
        return k->disp.vsync ? 0 : RUN_FRAME_MS;
    long ms = until(nav_next_deadline(&k->nav), now);
    long st = until(run_staff_deadline(k), now);
    if (st < ms)
        ms = st;
    long wt = run_live_timeout_ms(k, now);
    if (wt >= 0 && wt < ms)
        ms = wt;
    if (ms > RUN_MAX_SLEEP_MS)
        ms = RUN_MAX_SLEEP_MS;
    return (int)ms;
}

/* Every event already queued, each at its own time: before any deadline is
 * ticked, so a tap that came in while a frame was drawing lands before the
 * idle return that fell due meanwhile, on the screen it was aimed at. */
static void handle_queued(run *k)
{
    SDL_Event e;
    while (!k->quit && SDL_PollEvent(&e))
        handle(k, &e, SDL_GetTicks64());
}

static void main_loop(run *k)
{
    platform_watchdog wd = {0};
    while (!k->quit) {
        handle_queued(k);
        if (k->quit)
            break;
        platform_notify_watchdog(&wd);   /* before a frame that may be slow, and after */
        uint64_t now = SDL_GetTicks64();
        run_live_poll(k, now);
        if (k->quit)
            break;
        run_visits_before(k);
        int out = nav_tick(&k->nav, now);
        run_visits_after(k, 0, now);
        run_follow_visitor(k, now);   /* the loop's return: the defaults again */
        if (out & NAV_OUT_STAFF_REQUEST)
            run_staff_request(k, now);
        run_staff_tick(k, now);
        run_visits_tick(k, now);
        run_live_maybe_swap(k, now);
        nav_state st;
        nav_state_get(&k->nav, now, &st);
        int moving = nav_animating(&k->nav, now) && !run_staff_open(k);
        int dark = screen_schedule_frame(&k->sched, &k->disp, &k->content->settings,
                                         now, &k->dirty);
        if (dark || k->dirty || st.changed != k->drawn || moving) {
            if (!dark)
                draw(k, now);
            if (!k->ready) {
                platform_notify_ready();
                /* The first ping with it: what follows (the whole deck, the
                 * first look at every picture on the loader) takes a while. */
                platform_notify_watchdog(&wd);
                k->ready = 1;
                run_live_after_first_frame(k);
                if (k->deck_first_only)
                    run_build_deck(k, SDL_GetTicks64(), 0);
            }
        }
        platform_notify_watchdog(&wd);
        uint64_t t = SDL_GetTicks64();
        int wait = screen_schedule_sleep_ms(&k->sched, &k->content->settings, t, sleep_ms(k, t));
        long due = platform_notify_watchdog_max_sleep_ms(&wd);   /* wake for the ping */
        if (due >= 0 && wait > due)
            wait = (int)due;
        SDL_WaitEventTimeout(NULL, wait);   /* the event stays queued for handle_queued */
    }
    platform_notify_stopping();
}

static void say_what_is_shown(run *k)
{
    SDL_RendererInfo info;
    if (SDL_GetRendererInfo(k->disp.sdl, &info) == 0)
        printf("kiosk: showing %s at %dx%d (rotate %d) with SDL's %s driver and "
               "%s renderer%s\n", k->shown_dir, k->disp.w, k->disp.h, k->disp.rotate,
               SDL_GetCurrentVideoDriver(), info.name, k->disp.vsync ? ", vsync" : "");
    fflush(stdout);
}

/* The screen is open: draw, run until told to stop, tear down. */
static int run_on_screen(run *k)
{
    char err[512];
    int rc = 1;
    render_init(&k->r, k->disp.sdl, &k->fonts);
    k->picture_event = SDL_RegisterEvents(1);
    if (k->picture_event != (Uint32)-1)
        k->pictures = platform_pictures_start(k->picture_event);
    if (!k->pictures)
        fprintf(stderr, "kiosk: the picture thread could not start; pictures are "
                "decoded while the screen waits\n");
    render_use_pictures(&k->r, platform_pictures_for_render(k->pictures));
    render_reset(&k->r, &k->content->settings, k->shown_dir);
    if (platform_layout_size(&k->disp, k->content->settings.rotate, err, sizeof err))
        fprintf(stderr, "kiosk: %s\n", err);
    say_what_is_shown(k);
    screen_schedule_init(&k->sched);   /* after platform_open: knows the driver */
    arena_init(&k->deck_arena, KIOSK_DECK_ARENA_BYTES);
    if (run_build_deck(k, SDL_GetTicks64(), 1) == 0) {
        run_live_start(k);
        main_loop(k);
        /* Decodes in children (a check in the loader, a picture for the
         * screen) end now: SIGTERM is answered within a second. */
        platform_picture_cancel_all();
        run_usb_quit(k);   /* before the screen's libraries are unloaded */
        rc = 0;
    }
    screen_schedule_fini(&k->sched);   /* the panel lit again */
    run_live_stop(k);
    run_release_slots(k);
    run_staff_release(k);
    render_fini(&k->r);
    platform_pictures_stop(k->pictures);
    k->pictures = NULL;
    arena_fini(&k->deck_arena);
    platform_close(&k->disp);
    return rc;
}

int platform_run(const run_options *o)
{
    return platform_run_with_state(o, NULL);
}

int platform_run_with_state(const run_options *o, const char *state_dir)
{
    static run k;   /* large (two prepared screens); one per process */
    char err[512];
    k.content_dir = o->content_dir;
    k.state_dir = state_dir;
    k.fs = platform_picture_fs();
    if (metrics_ttf_start(&k.fonts, o->assets_dir, err, sizeof err)) {
        fprintf(stderr, "kiosk: %s\n", err);
        return 1;
    }
    k.m = metrics_ttf_interface(&k.fonts);
    run_staff_init(&k, SDL_GetTicks64());
    run_usb_init(&k);
    run_visits_start(&k);
    int rc = 1;
    if (run_live_first_load(&k) == 0) {
        if (platform_open(&k.disp, o->win_w, o->win_h, err, sizeof err) == 0)
            rc = run_on_screen(&k);
        else
            fprintf(stderr, "kiosk: %s\n", err);
    }
    run_visits_stop(&k, SDL_GetTicks64());
    run_live_stop(&k);   /* also when the screen never opened */
    run_usb_stop(&k);
    free(k.loop_words);
    run_live_fini(&k);
    free(k.status_text);
    metrics_ttf_stop(&k.fonts);
    IMG_Quit();
    SDL_Quit();
    return rc;
}
