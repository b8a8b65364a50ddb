/* run_staff.c — the hidden staff view in the running kiosk: opened by nav's
 * long press, fed the touches while open, drawn over nothing else (a
 * visitor's screen is never mixed with it), closed by staff or by idle. */
#include <stdio.h>

#include "platform/netaddr.h"
#include "platform/run_internal.h"

/* The addresses shown: a few IPv4 and IPv6 ones fit. */
#define RUN_ADDR_BYTES 512

int run_staff_open(const run *k)
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

static void tap(run *k, staff_key key, uint64_t now)
{
    int mode = k->staff.mode;
    int out = staff_key_tap(&k->staff, key, k->content->settings.staff_pin, now);
    if (mode == STAFF_PIN && k->staff.mode == STAFF_VIEW)
        fprintf(stderr, "kiosk: staff view opened\n");
    else if (mode == STAFF_PIN && (out & STAFF_OUT_CLOSED) && k->staff.locked) {
        fprintf(stderr, "kiosk: %d wrong staff PINs; the staff view is locked for "
                "a minute\n", STAFF_TRIES);
        /* Whoever guessed gets the loop, not the menu or topic they held
         * the corner on: nothing of theirs is left to come back to. */
        nav_go_loop(&k->nav, now);
    }
    if (out & STAFF_OUT_RELOAD) {
        fprintf(stderr, "kiosk: reload asked from the staff view\n");
        run_live_request(k);
    }
    if (out & STAFF_OUT_CLOSED)
        closed(k);
    if (out)
        k->dirty = 1;
}

/* A key acts when the finger lifts on the key it pressed (a slip off it
 * cancels, as on any button); only the first finger counts. */
void run_staff_input(run *k, nav_input_kind kind, int64_t finger, int x, int y,
                     uint64_t now)
{
    staff_touch(&k->staff, now);
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
}

uint64_t run_staff_deadline(const run *k)
{
    return staff_next_deadline(&k->staff, idle_ms(k));
}

static void lay_out_staff(run *k)
{
    render_release(&k->r, &k->staff_screen);
    layout_screen *sc = &k->staff_screen.layout;
    if (k->staff.mode == STAFF_PIN) {
        layout_staff_pin(sc, k->content, &k->m, k->disp.w, k->disp.h, &k->staff);
    } else {
        char addr[RUN_ADDR_BYTES];
        platform_addresses(addr, sizeof addr);
        staff_info info = { k->status_text ? k->status_text : "", addr, KIOSK_VERSION };
        staff_set_pages(&k->staff, layout_staff_view(sc, k->content, &k->m, k->disp.w,
                                                     k->disp.h, &info, k->staff.page));
    }
    render_prepare(&k->r, &k->staff_screen);
    k->staff_laid = 1;
    k->staff_key_changed = k->staff.changed;
    k->staff_key_gen = k->status_gen;
}

void run_staff_draw(run *k)
{
    const layout_screen *sc = &k->staff_screen.layout;
    if (!k->staff_laid || k->staff_key_changed != k->staff.changed ||
        k->staff_key_gen != k->status_gen || sc->w != k->disp.w || sc->h != k->disp.h)
        lay_out_staff(k);
    platform_begin_frame(&k->disp);
    render_clear(&k->r);
    render_draw(&k->r, &k->staff_screen, 0, 0, 255);
    if (k->staff_finger_down && k->staff_pressed != STAFF_KEY_NONE)
        render_press(&k->r, &k->staff_screen, k->staff_px, k->staff_py, 0, 0);
    platform_end_frame(&k->disp);
}
