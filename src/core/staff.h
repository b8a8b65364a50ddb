/* staff.h — the hidden staff view: a PIN pad after the long press in the
 * corner, then a screen with what is shown, the problems (as in STATUS.txt),
 * the kiosk's network address and version, "reload now" and "close". The
 * state machine takes an explicit clock (like nav); the screens are laid out
 * in layout_staff.c. Also the rule for when new content may replace what is
 * on screen (live_swap_due), which the main loop asks every turn.
 *
 * Security: the staff screen shows network details, so it opens only after
 * the PIN from kiosk.ini [staff] pin. No pin: the long press does nothing.
 * STAFF_TRIES wrong PINs in a row close the pad and refuse the long press for
 * STAFF_LOCK_MS, so guessing 4 digits takes days, not minutes. */
#ifndef KIOSK_STAFF_H
#define KIOSK_STAFF_H

#include <stdint.h>

#include "content.h"
#include "layout.h"
#include "nav.h"

/* Wrong PINs before the pad closes, and how long the long press is then
 * refused (DESIGN of issue 7: three tries, then a minute). */
#define STAFF_TRIES 3
#define STAFF_LOCK_MS 60000
/* Longest PIN kiosk.ini allows (content_ini.c: 4 to 8 digits). */
#define STAFF_PIN_MAX 8

typedef enum staff_mode { STAFF_CLOSED, STAFF_PIN, STAFF_VIEW } staff_mode;

/* What a key on a staff screen does. Digits are their own value. */
typedef enum staff_key {
    STAFF_KEY_NONE = -1,
    STAFF_KEY_0 = 0,           /* .. STAFF_KEY_0 + 9: the digits */
    STAFF_KEY_CLEAR = 10,
    STAFF_KEY_CANCEL,
    STAFF_KEY_RELOAD,
    STAFF_KEY_CLOSE,
    STAFF_KEY_PREV,            /* problem pages */
    STAFF_KEY_NEXT
} staff_key;

/* Return flags of the staff_* calls. */
enum {
    STAFF_OUT_CHANGED = 1,     /* redraw the staff screen */
    STAFF_OUT_RELOAD = 2,      /* staff asked to read the content folder again */
    STAFF_OUT_CLOSED = 4       /* back to the visitors' screens */
};

typedef struct staff {
    staff_mode mode;
    char entered[STAFF_PIN_MAX + 1];
    int nentered;
    int wrong;                 /* wrong PINs in a row */
    int show_wrong;            /* the last PIN was wrong: say so */
    int locked;                /* the long press is refused until locked_until */
    uint64_t locked_until;
    uint64_t last_input;
    int page, npages;          /* STAFF_VIEW: problem page shown, and how many */
    unsigned changed;          /* bumps on every visible change */
} staff;

void staff_init(staff *st);
/* The long press in the corner (NAV_OUT_STAFF_REQUEST). pin: kiosk.ini's,
 * or NULL (staff view off). Opens the PIN pad unless off or locked. */
int staff_request(staff *st, const char *pin, uint64_t now);
/* A key tapped on the screen shown. */
int staff_key_tap(staff *st, staff_key k, const char *pin, uint64_t now);
/* Any touch while open: the idle clock starts again. */
void staff_touch(staff *st, uint64_t now);
/* Closes the view after idle_ms without a touch; ends the lock. */
int staff_tick(staff *st, int idle_ms, uint64_t now);
/* When staff_tick has something to do, or NAV_NEVER. */
uint64_t staff_next_deadline(const staff *st, int idle_ms);
/* The staff screen was laid out with npages pages of problems. */
void staff_set_pages(staff *st, int npages);

/* What the staff screen shows besides the labels. */
typedef struct staff_info {
    const char *status;        /* lines, '\n'-separated: STATUS.txt's body */
    const char *address;       /* "192.168.1.20, fd00::20", or "" when none */
    const char *version;       /* KIOSK_VERSION */
} staff_info;

/* The PIN pad: the prompt, a dot per digit typed, "wrong" after a wrong
 * PIN, keys 1-9 and 0 of at least s/7, Clear and Cancel. */
void layout_staff_pin(layout_screen *out, const content_snapshot *s,
                      const layout_metrics *m, int w, int h, const staff *st);
/* The staff screen at problem page `page` (clamped); returns how many pages
 * the status lines take at this size. */
int layout_staff_view(layout_screen *out, const content_snapshot *s,
                      const layout_metrics *m, int w, int h,
                      const staff_info *info, int page);
/* The key at (x, y) on a staff screen. Keys are boxes with ACT_TOPIC and
 * arg = the staff_key: layout_action has no staff actions, and nav never
 * hit-tests a staff screen; the action also gives them press feedback. */
staff_key staff_hit(const layout_screen *sc, int x, int y);

/* 1 when content that arrived while `since` was shown may replace what is
 * on screen now: at once on the loop (after a cross-fade in progress ends),
 * in the menu or a topic only when the visitor moves on (the view changed:
 * another card, the menu, the loop), so nobody sees the page they are
 * reading change under them. content_hidden: the staff view covers the
 * visitors' screens, so nothing visible changes either way. */
int live_swap_due(const nav_state *st, nav_view since, int content_hidden);

#endif
