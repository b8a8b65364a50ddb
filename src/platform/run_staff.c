/* run_staff.c — the hidden staff view in the running kiosk: opened by nav's
 * long press, fed the touches while open, drawn over nothing else (a
 * visitor's screen is never mixed with it), closed by staff or by idle.
 * The USB stick's offer and result screens (run_usb.c) use the same
 * overlay: drawn here, their keys handed to run_usb_tap. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "core/fs_durable.h"
#include "platform/netaddr.h"
#include "platform/run_internal.h"

/* The addresses shown: a few IPv4 and IPv6 ones fit. */
#define RUN_ADDR_BYTES 512
/* The tries and the lock, in the state folder (staff_lock_format). */
#define RUN_STAFF_LOCK_FILE "staff-lock"
/* Days in the staff view's charts: two weeks, bars wide enough to tell
 * apart on a 7" panel (kiosk --stats --days shows more). */
#define RUN_STAFF_CHART_DAYS 14

static int64_t wall_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}


/* The staff view's state, with the tries and the lock the kiosk had before
 * it (re)started. */
void run_staff_init(run *k, uint64_t now)
{
    staff_init(&k->staff);
    if (!k->state_dir)
        return;
    char path[PATH_MAX], text[STAFF_LOCK_TEXT_BYTES] = "";
    snprintf(path, sizeof path, "%s/%s", k->state_dir, RUN_STAFF_LOCK_FILE);
    FILE *f = fopen(path, "re");
    if (!f)
        return;
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = 0;
    fclose(f);
    if (staff_lock_parse(&k->staff, text, now, wall_ms()) != 0)
        fprintf(stderr, "kiosk: %s is not readable; staff PIN tries start from "
                "none\n", path);
    else if (k->staff.locked)
        fprintf(stderr, "kiosk: the staff PIN pad is still locked for %llu s after "
                "wrong PINs before the restart\n",
                (unsigned long long)(k->staff.locked_until - now + 999) / 1000);
    k->staff_lock_saved = k->staff.lock_changed;
}

/* After every PIN typed in full: the tries and the lock to the state folder. */
static void save_lock(run *k, uint64_t now)
{
    if (!k->state_dir || k->staff_lock_saved == k->staff.lock_changed)
        return;
    char text[STAFF_LOCK_TEXT_BYTES];
    int n = staff_lock_format(&k->staff, now, wall_ms(), text, sizeof text);
    /* Crash-safe (temp file, fsync, rename): a power cut leaves the old
     * record or the new one. */
    int e = fs_durable_replace(k->state_dir, RUN_STAFF_LOCK_FILE, text, (size_t)n, 0600,
                               FS_DURABLE_SYNC_DIR);
    if (e)
        fprintf(stderr, "kiosk: could not keep the staff PIN tries in %s (%s); "
                "a restart forgets them\n", k->state_dir, strerror(e));
    k->staff_lock_saved = k->staff.lock_changed;
}

int run_staff_open(const run *k)
{
    return k->staff.mode != STAFF_CLOSED || run_usb_showing(k);
}

int run_staff_pad_open(const run *k)
{
    return k->staff.mode != STAFF_CLOSED;
}

void run_staff_release(run *k)
{
    render_release(&k->r, &k->staff_screen);
    k->staff_laid = 0;
}

static int idle_ms(const run *k)
{
    return k->content->settings.idle_timeout_s * 1000;
}

void run_staff_request(run *k, uint64_t now)
{
    if (!staff_request(&k->staff, k->content->settings.staff_pin, now))
        return;
    /* The finger that held the corner now belongs to the staff view. */
    nav_input_event cancel = { NAV_IN_CANCEL, 0, 0, 0, 0 };
    nav_input(&k->nav, &cancel, now);
    k->staff_finger_down = 0;
    k->dirty = 1;
}

static void closed(run *k)
{
    run_staff_release(k);
    k->staff_finger_down = 0;
    k->dirty = 1;
}

void run_staff_close(run *k, uint64_t now)
{
    if (k->staff.mode == STAFF_CLOSED)
        return;
    staff_key_tap(&k->staff, k->staff.mode == STAFF_PIN ? STAFF_KEY_CANCEL
                                                         : STAFF_KEY_CLOSE, NULL, now);
    closed(k);
}

static void tap(run *k, staff_key key, uint64_t now)
{
    if (k->staff.mode == STAFF_CLOSED) {
        run_usb_tap(k, key, now);
        return;
    }
    int mode = k->staff.mode;
    int out = staff_key_tap(&k->staff, key, k->content->settings.staff_pin, now);
    if (mode == STAFF_PIN && k->staff.mode == STAFF_VIEW)
        fprintf(stderr, "kiosk: staff view opened\n");
    save_lock(k, now);
    if (mode == STAFF_PIN && (out & STAFF_OUT_CLOSED) && k->staff.locked) {
        unsigned min = (unsigned)((k->staff.locked_until - now) / 60000);
        if (min <= 1)
            fprintf(stderr, "kiosk: %d wrong staff PINs; the staff view is locked "
                    "for a minute\n", STAFF_TRIES);
        else
            fprintf(stderr, "kiosk: %d wrong staff PINs again; the staff view is "
                    "locked for %u minutes\n", STAFF_TRIES, min);
        /* Whoever guessed gets the loop, not the menu or topic they held
         * the corner on: nothing of theirs is left to come back to. */
        run_visits_before(k);
        nav_go_loop(&k->nav, now);
        run_visits_after(k, 0, now);
        run_follow_visitor(k, now);
    }
    if (out & STAFF_OUT_RELOAD) {
        fprintf(stderr, "kiosk: reload asked from the staff view\n");
        run_live_request(k);
    }
    if (out & STAFF_OUT_CLOSED)
        closed(k);
    if (out & STAFF_OUT_USB_OK)
        run_usb_pin_ok(k, now);
    if (out)
        k->dirty = 1;
}

/* A key acts when the finger lifts on the key it pressed (a slip off it
 * cancels, as on any button); only the first finger counts. */
void run_staff_input(run *k, nav_input_kind kind, int64_t finger, int x, int y,
                     uint64_t now)
{
    staff_touch(&k->staff, now);
    k->usb.last_input = now;
    const layout_screen *sc = &k->staff_screen.layout;
    switch (kind) {
    case NAV_IN_PRESS:
        if (k->staff_finger_down || !k->staff_laid)
            break;
        k->staff_finger_down = 1;
        k->staff_finger = finger;
        k->staff_pressed = staff_hit(sc, x, y);
        k->staff_px = x;
        k->staff_py = y;
        k->dirty = 1;
        break;
    case NAV_IN_RELEASE:
        if (!k->staff_finger_down || finger != k->staff_finger)
            break;
        k->staff_finger_down = 0;
        k->dirty = 1;
        if (k->staff_pressed != STAFF_KEY_NONE && staff_hit(sc, x, y) == k->staff_pressed)
            tap(k, k->staff_pressed, now);
        break;
    case NAV_IN_CANCEL:
        k->staff_finger_down = 0;
        k->dirty = 1;
        break;
    case NAV_IN_MOVE:
        break;
    }
}

void run_staff_tick(run *k, uint64_t now)
{
    if (staff_tick(&k->staff, idle_ms(k), now) & STAFF_OUT_CLOSED)
        closed(k);
    run_usb_tick(k, now);
}

uint64_t run_staff_deadline(const run *k)
{
    uint64_t a = staff_next_deadline(&k->staff, idle_ms(k)), b = run_usb_deadline(k);
    return a < b ? a : b;
}

static void lay_out_staff(run *k)
{
    render_release(&k->r, &k->staff_screen);
    layout_screen *sc = &k->staff_screen.layout;
    if (k->staff.mode == STAFF_PIN) {
        staff_pin_view pv = staff_pin_view_of(&k->staff);
        layout_staff_pin(sc, k->content, &k->m, k->disp.w, k->disp.h, &pv);
    } else if (k->staff.mode == STAFF_CLOSED) {
        run_usb_layout(k, sc, SDL_GetTicks64());
    } else {
        char addr[RUN_ADDR_BYTES];
        platform_addresses(addr, sizeof addr);
        static visits_chart chart;   /* large; laid out from, one at a time */
        const visits *v = run_visits_counts(k);
        if (v)
            visits_chart_of(v, run_visits_clock(SDL_GetTicks64()).date, RUN_STAFF_CHART_DAYS,
                            &chart);
        staff_info info = { k->status_text ? k->status_text : "", addr, KIOSK_VERSION,
                            v ? &chart : NULL };
        staff_set_pages(&k->staff, layout_staff_view(sc, k->content, &k->m, k->disp.w,
                                                     k->disp.h, &info, k->staff.page));
    }
    render_prepare(&k->r, &k->staff_screen);
    k->staff_laid = 1;
    k->staff_key_changed = k->staff.changed;
    k->staff_key_gen = k->status_gen;
    k->usb.laid_changed = k->usb.changed;
}

void run_staff_draw(run *k)
{
    const layout_screen *sc = &k->staff_screen.layout;
    if (!k->staff_laid || k->staff_key_changed != k->staff.changed ||
        k->staff_key_gen != k->status_gen || k->usb.laid_changed != k->usb.changed ||
        sc->w != k->disp.w || sc->h != k->disp.h)
        lay_out_staff(k);
    platform_begin_frame(&k->disp);
    render_clear(&k->r);
    render_draw(&k->r, &k->staff_screen, 0, 0, 255);
    if (k->staff_finger_down && k->staff_pressed != STAFF_KEY_NONE)
        render_press(&k->r, &k->staff_screen, k->staff_px, k->staff_py, 0, 0);
    platform_end_frame(&k->disp);
}
