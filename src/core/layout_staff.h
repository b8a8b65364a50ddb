/* layout_staff.h — the staff view's screens and the USB stick's (laid out in
 * layout_staff.c): what they show, as plain values the staff state machine
 * (staff.c) or the platform fills in, and the keys on them. Layout knows
 * nothing of the state machine: staff.h builds on this, not the other way. */
#ifndef KIOSK_LAYOUT_STAFF_H
#define KIOSK_LAYOUT_STAFF_H

#include "content.h"
#include "layout.h"
#include "visits.h"

/* What a key on a staff screen does. Digits are their own value. */
typedef enum staff_key {
    STAFF_KEY_NONE = -1,
    STAFF_KEY_0 = 0,           /* .. STAFF_KEY_0 + 9: the digits */
    STAFF_KEY_CLEAR = 10,
    STAFF_KEY_CANCEL,
    STAFF_KEY_RELOAD,
    STAFF_KEY_CLOSE,
    STAFF_KEY_PREV,            /* problem pages */
    STAFF_KEY_NEXT,
    STAFF_KEY_IMPORT           /* USB offer: ask the PIN, then import */
} staff_key;

/* What the staff screen shows besides the labels. */
typedef struct staff_info {
    const char *status;        /* lines, '\n'-separated: STATUS.txt's body */
    const char *address;       /* "192.168.1.20, fd00::20", or "" when none */
    const char *version;       /* KIOSK_VERSION */
    const visits_chart *chart; /* what visitors read: the last page, or NULL */
} staff_info;

/* What the PIN pad shows of the typing (staff_pin_view_of fills it). */
typedef struct staff_pin_view {
    int nentered;              /* digits typed: a dot each */
    int show_wrong;            /* the last PIN was wrong: say so */
} staff_pin_view;

/* The PIN pad: the prompt, a dot per digit typed, "wrong" after a wrong
 * PIN, keys 1-9 and 0 of at least s/7, Clear and Cancel. */
void layout_staff_pin(layout_screen *out, const content_snapshot *s,
                      const layout_metrics *m, int w, int h, const staff_pin_view *v);
/* The staff screen at problem page `page` (clamped); returns how many pages
 * the status lines take at this size, and one more for the charts of
 * visits (the last page) when info->chart is set and their labels are. */
int layout_staff_view(layout_screen *out, const content_snapshot *s,
                      const layout_metrics *m, int w, int h,
                      const staff_info *info, int page);
/* The USB stick screens, drawn over everything (run_usb.c): the offer of
 * a stick with a kiosk folder (what it holds, its problems, Import and
 * Cancel), and after an import was tried, what happened (Close). */
typedef enum usb_screen_kind { USB_OFFER, USB_RESULT } usb_screen_kind;
typedef struct usb_screen {
    usb_screen_kind kind;
    int usable;                /* OFFER: it passed the checks: Import shown */
    int ntopics, npictures;    /* OFFER: what it holds */
    int locked;                /* OFFER: the PIN pad is locked: say so */
    int imported;              /* RESULT: the stick's content is in */
    content_label why;         /* RESULT, not imported: the reason's label,
                                  or LABEL_COUNT for none */
    const char *problems;      /* lines, '\n'-separated, already escaped */
    int importing;             /* OFFER: the import runs: say so, no buttons */
} usb_screen;
void layout_usb_screen(layout_screen *out, const content_snapshot *s,
                       const layout_metrics *m, int w, int h, const usb_screen *u);
/* 1 when every label the USB screens use is set (they are optional). */
int usb_labels_present(const content_settings *c);

/* The key at (x, y) on a staff screen. Keys are boxes with ACT_TOPIC and
 * arg = the staff_key: layout_action has no staff actions, and nav never
 * hit-tests a staff screen; the action also gives them press feedback. */
staff_key staff_hit(const layout_screen *sc, int x, int y);

#endif
