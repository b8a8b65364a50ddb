/* staff.c — the staff view's state machine (PIN, tries, lock, idle, pages)
 * and the rule for when new content may go on screen. No clock, no SDL. */
#include "staff.h"

#include <string.h>

void staff_init(staff *st)
{
    memset(st, 0, sizeof *st);
}

static int changed(staff *st)
{
    st->changed++;
    return STAFF_OUT_CHANGED;
}

static int close_view(staff *st)
{
    st->mode = STAFF_CLOSED;
    st->nentered = 0;
    st->show_wrong = 0;
    memset(st->entered, 0, sizeof st->entered);
    return changed(st) | STAFF_OUT_CLOSED;
}

int staff_request(staff *st, const char *pin, uint64_t now)
{
    if (!pin || !*pin || st->mode != STAFF_CLOSED)
        return 0;
    if (st->locked && now < st->locked_until)
        return 0;
    st->locked = 0;
    st->mode = STAFF_PIN;
    st->nentered = 0;
    st->show_wrong = 0;
    st->last_input = now;
    return changed(st);
}

/* Compared once as many digits as the PIN has are typed (no OK key: one
 * tap less, and the pad never says how long the PIN is before that). */
static int pin_digit(staff *st, int digit, const char *pin, uint64_t now)
{
    size_t n = strlen(pin);
    if (st->nentered >= STAFF_PIN_MAX)
        return 0;
    st->entered[st->nentered++] = (char)('0' + digit);
    st->entered[st->nentered] = 0;
    st->show_wrong = 0;
    if ((size_t)st->nentered < n)
        return changed(st);
    int ok = !strcmp(st->entered, pin);
    st->nentered = 0;
    memset(st->entered, 0, sizeof st->entered);
    if (ok) {
        st->wrong = 0;
        st->mode = STAFF_VIEW;
        st->page = 0;
        return changed(st);
    }
    if (++st->wrong >= STAFF_TRIES) {
        st->wrong = 0;
        st->locked = 1;
        st->locked_until = now + STAFF_LOCK_MS;
        return close_view(st);
    }
    st->show_wrong = 1;
    return changed(st);
}

int staff_key_tap(staff *st, staff_key k, const char *pin, uint64_t now)
{
    if (st->mode == STAFF_CLOSED)
        return 0;
    st->last_input = now;
    if (st->mode == STAFF_PIN) {
        if (k >= STAFF_KEY_0 && k <= STAFF_KEY_0 + 9)
            return pin ? pin_digit(st, k - STAFF_KEY_0, pin, now) : close_view(st);
        if (k == STAFF_KEY_CLEAR) {
            st->nentered = 0;
            st->show_wrong = 0;
            return changed(st);
        }
        return k == STAFF_KEY_CANCEL ? close_view(st) : 0;
    }
    switch (k) {
    case STAFF_KEY_RELOAD: return STAFF_OUT_RELOAD;
    case STAFF_KEY_CLOSE: return close_view(st);
    case STAFF_KEY_PREV:
        if (st->page == 0)
            return 0;
        st->page--;
        return changed(st);
    case STAFF_KEY_NEXT:
        if (st->page + 1 >= st->npages)
            return 0;
        st->page++;
        return changed(st);
    default: return 0;
    }
}

void staff_touch(staff *st, uint64_t now)
{
    st->last_input = now;
}

int staff_tick(staff *st, int idle_ms, uint64_t now)
{
    if (st->locked && now >= st->locked_until)
        st->locked = 0;
    if (st->mode != STAFF_CLOSED && now >= st->last_input + (uint64_t)idle_ms)
        return close_view(st);
    return 0;
}

uint64_t staff_next_deadline(const staff *st, int idle_ms)
{
    if (st->mode != STAFF_CLOSED)
        return st->last_input + (uint64_t)idle_ms;
    return NAV_NEVER;   /* the lock ends by itself; nothing to draw then */
}

void staff_set_pages(staff *st, int npages)
{
    st->npages = npages < 1 ? 1 : npages;
    if (st->page >= st->npages)
        st->page = st->npages - 1;
}

int live_swap_due(const nav_state *st, nav_view since, int content_hidden)
{
    if (content_hidden)
        return 1;
    if (!nav_view_same(st->view, since))
        return 1;   /* the visitor (or the loop) moved on: change with it */
    int moving = st->tr.active && st->progress < 1.0f;
    return st->view.mode == NAV_LOOP && !moving;
}
