/* staff.c — the staff view's state machine (PIN, tries, lock, idle, pages)
 * and the rule for when new content may go on screen. No clock, no SDL. */
#include "staff.h"

#include <stdio.h>
#include <string.h>

/* Minutes the pad is refused after each round of wrong PINs; the last one
 * repeats until the right PIN is typed. */
static const unsigned lock_minutes[] = { 1, 5, 15, 60, 240 };
enum { LOCK_STEPS = sizeof lock_minutes / sizeof lock_minutes[0] };
_Static_assert(240 * 60000ull == STAFF_LOCK_MAX_MS, "the last step is the longest");

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

uint64_t staff_lock_ms(int round)
{
    if (round < 0)
        round = 0;
    if (round >= LOCK_STEPS)
        round = LOCK_STEPS - 1;
    return lock_minutes[round] * 60000ull;
}

static int open_pad(staff *st, const char *pin, staff_purpose why, uint64_t now)
{
    if (!pin || !*pin || st->mode != STAFF_CLOSED)
        return 0;
    if (st->locked && now < st->locked_until)
        return 0;
    st->locked = 0;
    st->mode = STAFF_PIN;
    st->purpose = why;
    st->nentered = 0;
    st->show_wrong = 0;
    st->last_input = now;
    return changed(st);
}

int staff_request(staff *st, const char *pin, uint64_t now)
{
    return open_pad(st, pin, STAFF_FOR_VIEW, now);
}

int staff_request_usb(staff *st, const char *pin, uint64_t now)
{
    return open_pad(st, pin, STAFF_FOR_USB, now);
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
    st->lock_changed++;
    if (ok) {
        st->wrong = 0;
        st->rounds = 0;
        if (st->purpose == STAFF_FOR_USB)
            return close_view(st) | STAFF_OUT_USB_OK;
        st->mode = STAFF_VIEW;
        st->page = 0;
        return changed(st);
    }
    if (++st->wrong >= STAFF_TRIES) {
        st->wrong = 0;
        st->locked = 1;
        st->locked_until = now + staff_lock_ms(st->rounds);
        if (st->rounds < LOCK_STEPS)
            st->rounds++;
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

int staff_lock_format(const staff *st, uint64_t now, int64_t wall_ms, char *buf,
                      size_t cap)
{
    long long until = 0;
    if (st->locked && st->locked_until > now)
        until = (long long)wall_ms + (long long)(st->locked_until - now);
    return snprintf(buf, cap, "wrong %d\nrounds %d\nlocked_until_ms %lld\n",
                    st->wrong, st->rounds, until);
}

int staff_lock_parse(staff *st, const char *text, uint64_t now, int64_t wall_ms)
{
    int wrong, rounds;
    long long until;
    if (!text || sscanf(text, "wrong %d rounds %d locked_until_ms %lld", &wrong,
                        &rounds, &until) != 3 ||
        wrong < 0 || wrong >= STAFF_TRIES || rounds < 0 || rounds > LOCK_STEPS)
        return -1;
    st->wrong = wrong;
    st->rounds = rounds;
    if (until > wall_ms && rounds > 0) {
        uint64_t left = (uint64_t)(until - wall_ms), most = staff_lock_ms(rounds - 1);
        st->locked = 1;
        st->locked_until = now + (left < most ? left : most);
    }
    return 0;
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

staff_pin_view staff_pin_view_of(const staff *st)
{
    return (staff_pin_view){ st->nentered, st->show_wrong };
}
