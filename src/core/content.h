/* content.h — the content model: one snapshot of what staff wrote in the
 * content folder, parsed and checked, owned by one arena. */
#ifndef KIOSK_CONTENT_H
#define KIOSK_CONTENT_H

#include "arena.h"
#include "fs.h"
#include "kiosk_limits.h"
#include "qr.h"

typedef struct kiosk_rgb { unsigned char r, g, b; } kiosk_rgb;

/* A run of text in one style. Text is UTF-8, NUL-terminated, never empty. */
enum { RUN_BOLD = 1, RUN_ITALIC = 2 };
typedef struct content_run {
    const char *text;
    int len;
    unsigned style;
} content_run;

typedef enum content_block_kind {
    BLOCK_PARAGRAPH,
    BLOCK_BULLET,      /* one bullet list item */
    BLOCK_NUMBERED,    /* one numbered list item; number says which */
    BLOCK_QUOTE,       /* one paragraph inside a blockquote */
    BLOCK_IMAGE
} content_block_kind;

typedef struct content_block {
    content_block_kind kind;
    int line;              /* 1-based line in the file where it starts */
    int depth;             /* nesting below the card's top level, 0.. */
    int number;            /* BLOCK_NUMBERED */
    content_run *runs;     /* text blocks: the text, in order */
    int nruns;
    const char *image;     /* BLOCK_IMAGE: "images/x.jpg", checked to exist */
    const char *alt;       /* BLOCK_IMAGE: the words in ![...] */
    int image_w, image_h;  /* BLOCK_IMAGE: pixels, read from the file header */
} content_block;

typedef enum content_card_kind {
    CARD_TEXT,         /* an article card */
    CARD_FAQ,          /* title is the question, body the answer */
    CARD_REVIEW        /* body is the customer's words; name and date below */
} content_card_kind;

typedef struct content_card {
    content_card_kind kind;
    const char *title;         /* the ## heading; the topic title for an opening card */
    int line;                  /* line of the ## heading (or of the first text) */
    const char *review_name;   /* CARD_REVIEW: "Brynn P." */
    const char *review_date;   /* CARD_REVIEW: "13 Aug 2018", as written */
    content_block *blocks;
    int nblocks;
    int words;                 /* words on the card, for loop timing */
    int continues;             /* a ### card: part of the entry (## card) before it, no contents row */
    int booking;               /* its heading is [booking] card: it shows the QR code */
} content_card;

typedef enum content_topic_kind {
    TOPIC_ARTICLE,
    TOPIC_FAQ,         /* file named NN-faq.md */
    TOPIC_REVIEWS      /* file named NN-reviews.md */
} content_topic_kind;

typedef struct content_topic {
    content_topic_kind kind;
    const char *file;          /* "20-symptoms.md" */
    const char *name;          /* "symptoms": file name without number and .md */
    const char *title;         /* the # heading */
    const char *image;         /* first image of the topic, for its menu tile, or NULL */
    content_card *cards;
    int ncards;
    int in_loop;               /* shown in the attract loop */
    int nerrors;               /* errors in this file: not shown when > 0 */
} content_topic;

/* Every word the kiosk shows that is not in a topic file. */
typedef enum content_label {
    LABEL_TAP_CUE,       /* "Touch the screen to explore" */
    LABEL_MENU_TITLE,    /* "What would you like to know?" */
    LABEL_BACK,
    LABEL_HOME,
    LABEL_NEXT,
    LABEL_PREVIOUS,
    LABEL_IDLE_NOTICE,   /* "Returning to the start in a moment. Touch to stay." */
    LABEL_POSITION,      /* "%d / %d": the card's place in its topic */
    LABEL_PHONE_PREFIX,  /* "Call" before the phone number in the strip */
    LABEL_CONTINUED,     /* "(continued)" after a title on an automatic next card */
    LABEL_BOOKING_QR,    /* "Scan to call and book": beside the booking QR code
                          * (needed only when [booking] link is set) */
    LABEL_PLACE,         /* "{topic} · {n} of {total}": a card's topic and entry */
    /* The hidden staff view (only needed when [staff] pin is set). */
    LABEL_STAFF_TITLE,       /* "Staff view": heading of the staff screen */
    LABEL_STAFF_PIN_PROMPT,  /* "Staff PIN": above the PIN pad */
    LABEL_STAFF_PIN_WRONG,   /* "Wrong PIN, try again" */
    LABEL_STAFF_CLEAR,       /* PIN pad: start the number again */
    LABEL_STAFF_CANCEL,      /* PIN pad: back to the visitors' screens */
    LABEL_STAFF_RELOAD,      /* "Reload now": read the content folder again */
    LABEL_STAFF_CLOSE,       /* leave the staff view */
    LABEL_STAFF_ADDRESS,     /* "Network address" before the kiosk's addresses */
    LABEL_STAFF_NO_ADDRESS,  /* "none (no network)" */
    LABEL_STAFF_VERSION,     /* "Version" before the program's version */
    /* The USB stick screens (only when [staff] pin is set; a missing one is
     * a warning, and sticks are then not offered, so content from before
     * these labels existed still shows). */
    LABEL_USB_TITLE,         /* "USB stick": heading of the offer and result */
    LABEL_USB_TOPICS,        /* "Topics" before how many the stick holds */
    LABEL_USB_PICTURES,      /* "Pictures" before how many */
    LABEL_USB_PROBLEMS,      /* "Problems found" above the stick's problems */
    LABEL_USB_IMPORT,        /* the button that asks the PIN and imports */
    LABEL_USB_LOCKED,        /* the PIN pad is locked after wrong PINs */
    LABEL_USB_IMPORTED,      /* result: the stick's content is now shown */
    LABEL_USB_NOT_IMPORTED,  /* result: nothing changed */
    LABEL_USB_UNUSABLE,      /* why: its content has errors */
    LABEL_USB_GONE,          /* why: the stick was taken out */
    LABEL_USB_FAILED,        /* why: the kiosk could not write it */
    LABEL_USB_IMPORTING,     /* the import runs: do not take the stick out */
    /* The charts of what visitors read (the staff view's last page and
     * kiosk --stats --png; only when [staff] pin is set, a missing one is a
     * warning and the staff view then leaves the page out). */
    LABEL_VISITS_TITLE,      /* "What visitors read": the charts' heading */
    LABEL_VISITS_PER_DAY,    /* "Visits per day" */
    LABEL_VISITS_TOPICS,     /* "Topics opened" */
    LABEL_VISITS_HOURS,      /* "Busiest hours" */
    LABEL_VISITS_NONE,       /* "Nothing counted yet" */
    LABEL_LANGUAGE,          /* "English": the language's name in itself, for
                                the language button (needed only when the
                                content has a translation) */
    LABEL_LARGE_TEXT,        /* "Aa": the large text button (left out when unset) */
    LABEL_MORE_TIME,         /* "More time": the idle notice's button (ditto) */
    LABEL_COUNT
} content_label;

/* [screen] sleep: how the screen sleeps outside opening hours (the order
 * of the words in content_settings.c). */
typedef enum content_sleep {
    SLEEP_AUTO,              /* on the console: backlight and TV found; on a desktop: black */
    SLEEP_BACKLIGHT,         /* the panel's backlight off (DSI panels) */
    SLEEP_CEC,               /* the TV to standby over HDMI-CEC */
    SLEEP_BLACK              /* only a black picture, the panel left on */
} content_sleep;

/* [loop] languages: which languages the slideshow shows (the order of the
 * words in content_settings.c). */
typedef enum content_loop_langs {
    LOOP_LANGS_DEFAULT,      /* the first language only */
    LOOP_LANGS_ALL           /* its whole cycle in each language in turn */
} content_loop_langs;

/* Opening hours of one weekday, minutes after midnight; open == close means closed. */
typedef struct content_hours { int open_min, close_min; } content_hours;

typedef struct content_settings {
    int idle_timeout_s;      /* [kiosk] idle_timeout: quiet seconds before the loop returns */
    int idle_notice_s;       /* [kiosk] idle_notice: seconds the notice shows before that */
    int loop_min_s;          /* [loop] min_seconds: shortest time a loop card shows */
    int loop_max_s;          /* [loop] max_seconds: longest */
    int words_per_minute;    /* [loop] words_per_minute: reading speed */
    int loop_languages;      /* [loop] languages: a content_loop_langs */
    int transition_ms;       /* [kiosk] transition_ms: 250..400 */
    int reduce_motion;       /* [kiosk] reduce_motion: fades instead of slides */
    int contents_from;       /* [kiosk] contents_from: entries from which a topic
                                opens on its contents (the FAQ always) */
    int rotate;              /* [screen] rotate: 0, 90, 180 or 270 */
    int screen_sleep;        /* [screen] sleep: a content_sleep */
    int more_time;           /* [kiosk] more_time: the idle wait times this
                                for a visitor who asks for more time */
    int high_contrast;       /* [kiosk] high_contrast: always the hc_ palette */
    kiosk_rgb ground, surface, text, muted, accent, accent_text; /* [colours] */
    /* [colours] hc_*: the high-contrast palette, with large text or always */
    kiosk_rgb hc_ground, hc_surface, hc_text, hc_muted, hc_accent, hc_accent_text;
    const char *spa_name, *city, *phone;                          /* [spa] */
    const char *booking_link, *booking_card;                      /* [booking] */
    const char *label[LABEL_COUNT];                               /* [labels] */
    const char *staff_pin;   /* [staff] pin, or NULL: staff view off */
    int has_hours;           /* [hours] present */
    content_hours hours[7];  /* [hours] 0 = Sunday .. 6 = Saturday */
} content_settings;

/* 1 when a and b say the same, setting by setting of the table in
 * content_settings.c (so a new setting is compared with no one remembering
 * to); 0 when any differs. */
int content_settings_same(const content_settings *a, const content_settings *b);

typedef enum content_severity { DIAG_WARNING, DIAG_ERROR } content_severity;

typedef struct content_diag {
    content_severity severity;
    const char *file;   /* "20-symptoms.md", relative to the content folder */
    int line;           /* 1-based, or 0 when no line applies */
    const char *text;   /* plain words, what is wrong and what to do */
} content_diag;

/* One language of the content (content_lang.c). The default language is
 * the content folder itself; a translation is a folder beside the topics
 * named by a language code ("es", "fr", "zh-Hant") holding the same topic
 * files and a kiosk.ini with only [labels]. Every language has the same
 * topics and the same number of cards in each, in the same order, so a
 * topic and card index means the same place in any language: where a
 * translation lacks a topic or its cards do not match, the default
 * language's topic stands in (and --check says so). The screens take one
 * language as a whole: navigation keeps an index into langs (0 by default,
 * back to 0 at the loop), a deck is laid out from content_view(s, index),
 * and the language button names each language by langs[i].name. */
typedef struct content_lang {
    const char *code;            /* "es": the folder's name; NULL for the default */
    const char *name;            /* [labels] language: "Español" */
    content_topic *topics;       /* the snapshot's ntopics, in menu order */
    const char *label[LABEL_COUNT]; /* the default's words where it has none */
    const char **files;          /* its files in use ("es/kiosk.ini", then
                                    "es/30-causes.md"...), for the last good copy */
    int nfiles;
    int ntranslated;             /* topics shown in this language's own words */
} content_lang;

typedef struct content_snapshot {
    arena arena;                 /* owns everything below */
    content_settings settings;
    content_topic *topics;       /* menu order: by file name */
    int ntopics;
    content_diag *diags;         /* in file, then line order */
    int ndiags;
    int nerrors, nwarnings;      /* counted even past KIOSK_MAX_DIAGS */
    int nhidden;                 /* problems counted but not in diags (the
                                    "...and N more" notes add up to it) */
    int ncards, nimages;         /* in topics without errors */
    content_lang *langs;         /* the default language first, then each
                                    translation by folder name */
    int nlangs;                  /* 1 when there is no translation */
    const kiosk_qr *booking_qr;  /* [booking] link as a QR code, or NULL */
    /* A view's presentation (content_view; 0 in a loaded snapshot): */
    int lang;                    /* which of langs it shows */
    int large_text;              /* 1: laid out at large text (layout_sizes_large) */
} content_snapshot;

/* Loads dir through fs. Never returns NULL but when out of memory. Always
 * builds as much as is valid: topics with errors are kept but flagged, so a
 * kiosk with no good snapshot ever can still show what is valid. */
content_snapshot *content_load(const char *dir, const kiosk_fs *fs);
void content_free(content_snapshot *s);
/* No errors: fit to be shown and kept as last good. */
int content_usable(const content_snapshot *s);
/* 1 when p (a picture file's first len bytes, at least its header) is a PNG
 * or JPEG whose size content_load accepts. The renderer asks again before it
 * decodes: staff may have replaced the file since the snapshot was checked
 * (a broken edit leaves the last good content on screen, but its pictures
 * are still read from the folder). */
int content_image_fits(const unsigned char *p, size_t len);
/* 1 when a folder named name in the content folder is a translation: a
 * language code (es, zh-Hant; content_lang.c says exactly which). */
int content_lang_code(const char *name);

/* The snapshot as language lang (an index into s->langs) shows it: the same
 * settings and diagnostics, with that language's topics and labels in
 * topics and settings.label, so layout code takes it like any snapshot.
 * It borrows from s (never content_free it): it must not outlive s. An
 * index out of range gives the default language. */
content_snapshot content_view(const content_snapshot *s, int lang);
/* content_view for one visitor: language lang, large text when large (the
 * layout's business), and the high-contrast palette ([colours] hc_*) in
 * settings' colours when large or [kiosk] high_contrast asks for it. */
content_snapshot content_visitor_view(const content_snapshot *s, int lang, int large);

/* "file:line: text" (or "file: text"), for STATUS.txt, the journal and --check. */
int content_diag_format(const content_diag *d, char *buf, int cap);

#endif
