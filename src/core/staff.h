/* staff.h — the hidden staff view: a PIN pad after the long press in the
 * corner, then a screen with what is shown, the problems (as in STATUS.txt),
 * the kiosk's network address and version, "reload now" and "close". The
 * state machine takes an explicit clock (like nav); the screens are laid out
 * in layout_staff.c.
 *
 * Security: the staff screen shows network details, and the same PIN lets a
 * USB stick's content in, so it opens only after the PIN from kiosk.ini
 * [staff] pin. No pin: the long press does nothing. STAFF_TRIES wrong PINs
 * in a row close the pad and refuse it for a time that grows round after
 * round (staff_lock_ms: 1, 5, 15, 60, then 240 minutes) until the right PIN
 * is typed; the tries and the lock are kept in the state folder
 * (staff_lock_format / _parse), so a restart does not forgive them. Guessing
 * a 4-digit PIN then takes about 9 months on average instead of 56 hours. */
#ifndef KIOSK_STAFF_H
#define KIOSK_STAFF_H

#include <stdint.h>

#include "content.h"
#include "layout_staff.h"
#include "nav.h"

/* Wrong PINs before the pad closes, and how long the pad is then refused
 * the first time (DESIGN of issue 7: three tries, then a minute). Later
 * rounds wait longer (staff_lock_ms); STAFF_LOCK_MAX_MS is the longest wait,
 * short enough that staff who mistyped three times three times can still
 * get in the same shift. */
#define STAFF_TRIES 3
#define STAFF_LOCK_MS 60000
#define STAFF_LOCK_MAX_MS (240 * 60000ull)
/* Bytes of the state folder's lock record (staff_lock_format). */
#define STAFF_LOCK_TEXT_BYTES 128
/* Longest PIN kiosk.ini allows (content_ini.c: 4 to 8 digits). */
#define STAFF_PIN_MAX 8

typedef enum staff_mode { STAFF_CLOSED, STAFF_PIN, STAFF_VIEW } staff_mode;

/* What the PIN pad opens: the staff view, or the import of a USB stick on
 * offer (usb offer screen, layout_usb_offer). */
typedef enum staff_purpose { STAFF_FOR_VIEW, STAFF_FOR_USB } staff_purpose;

/* Return flags of the staff_* calls. */
enum {
    STAFF_OUT_CHANGED = 1,     /* redraw the staff screen */
    STAFF_OUT_RELOAD = 2,      /* staff asked to read the content folder again */
    STAFF_OUT_CLOSED = 4,      /* back to the visitors' screens */
    STAFF_OUT_USB_OK = 8       /* the right PIN for a stick on offer: import it */
};

typedef struct staff {
    staff_mode mode;
    staff_purpose purpose;     /* STAFF_PIN: what the right PIN opens */
    char entered[STAFF_PIN_MAX + 1];
    int nentered;
    int wrong;                 /* wrong PINs in a row (kept across restarts) */
    int rounds;                /* locks since the last right PIN (kept too) */
    int show_wrong;            /* the last PIN was wrong: say so */
    int locked;                /* the long press is refused until locked_until */
    uint64_t locked_until;
    uint64_t last_input;
    int page, npages;          /* STAFF_VIEW: problem page shown, and how many */
    unsigned changed;          /* bumps on every visible change */
    unsigned lock_changed;     /* bumps when wrong, rounds or the lock change:
                                  the platform writes the record again */
} staff;

void staff_init(staff *st);
/* The long press in the corner (NAV_OUT_STAFF_REQUEST). pin: kiosk.ini's,
 * or NULL (staff view off). Opens the PIN pad unless off or locked. */
int staff_request(staff *st, const char *pin, uint64_t now);
/* The same pad for a USB stick on offer (run_usb.c): the right PIN closes
 * the pad with STAFF_OUT_USB_OK. Refused like the long press when locked. */
int staff_request_usb(staff *st, const char *pin, uint64_t now);
/* How long the pad is refused after lock round `round` (0 = the first). */
uint64_t staff_lock_ms(int round);
/* The tries and the lock as a few lines of text for the state folder, the
 * lock's end as wall-clock milliseconds (wall_ms: the wall clock now, `now`
 * the state machine's clock at the same moment). Returns the length. */
int staff_lock_format(const staff *st, uint64_t now, int64_t wall_ms, char *buf,
                      size_t cap);
/* Takes such a record back after a restart: the tries and the rounds, and
 * the lock for what is left of it. A wall clock set back (a Pi without a
 * clock after a power cut) never makes it longer than its round's length.
 * Unreadable text: nothing changes (returns -1). */
int staff_lock_parse(staff *st, const char *text, uint64_t now, int64_t wall_ms);
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
/* What the PIN pad shows of st (layout_staff_pin). */
staff_pin_view staff_pin_view_of(const staff *st);

#endif
