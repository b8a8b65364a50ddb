/* content_settings.h — every kiosk.ini setting described once (section, key,
 * type, where it is stored, range, default, help), and the typed helpers
 * that read a value by the setting's name, never by its place in a list. */
#ifndef KIOSK_CONTENT_SETTINGS_H
#define KIOSK_CONTENT_SETTINGS_H

#include <stddef.h>

#include "content_internal.h"

typedef enum setting_type {
    SETTING_WORDS,    /* const char *: words shown on screen; a ; is kept */
    SETTING_INT,      /* int from lo to hi */
    SETTING_BOOL,     /* int 0/1: yes/no, true/false, on/off, 1/0 */
    SETTING_COLOUR,   /* kiosk_rgb from #rrggbb */
    SETTING_CHOICE,   /* int, one of choices[] */
    SETTING_NAME,     /* int: which of names[] (a word, any case) */
    SETTING_HOURS,    /* content_hours from 09:00-21:00 or closed */
    SETTING_PIN,      /* const char *: lo to hi digits, never echoed */
    SETTING_TOPICS    /* the loader's loop_topics, checked once topics are known */
} setting_type;

enum {
    SETTING_REQUIRED = 1,   /* an error when left out */
    SETTING_LABEL = 2,      /* a word on screen: an error when left out */
    SETTING_STAFF = 4,      /* with LABEL: needed only when a pin is set */
    SETTING_WARN = 8,       /* with LABEL: only a warning when left out (the
                             * USB screens: older content still shows) */
    SETTING_LANG = 16       /* with LABEL: needed only when the content has
                             * a translation (the language's own name) */
};

typedef struct content_setting {
    const char *section, *key;
    setting_type type;
    size_t offset;           /* into content_settings (not for TOPICS) */
    int lo, hi;              /* INT: range; PIN: digits */
    const char *unit;        /* INT: "seconds", in the range message */
    const int *choices;      /* CHOICE: allowed numbers, ended by -1 */
    const char *def;         /* as written in kiosk.ini, applied before it is
                                read (the guide's "If left out"); NULL: none */
    int flags;
    const char *example;     /* the guide's example ("Now" for labels) */
    const char *help;        /* what it does, in the staff guide's words */
    /* WORDS: a further rule; returns the message, or NULL when v is fine. */
    const char *(*check)(const char *v);
    const char *const *names;   /* NAME: the words allowed, ended by NULL */
} content_setting;

/* Rows in the table at most: the reader keeps a line number for each. */
enum { CONTENT_SETTINGS_MAX = 96 };

extern const content_setting content_settings_table[];
extern const int content_settings_count;

/* Index of [section] key in the table, or -1. */
int content_setting_find(const char *section, const char *key);

/* Typed readers of one value, as written after the = (blanks and note
 * removed). Return 0 and set *out, or -1 when v is not such a value. */
int value_to_int(const char *v, int lo, int hi, int *out);
int value_to_bool(const char *v, int *out);
int value_to_colour(const char *v, kiosk_rgb *out);
int value_to_choice(const char *v, const int *choices, int *out);
int value_to_name(const char *v, const char *const *names, int *out);
int value_to_hours(const char *v, content_hours *out);

/* "0, 90, 180 or 270": the allowed choices as the messages and the staff
 * guide write them. */
void content_setting_choices_words(const int *choices, char *buf, size_t cap);
/* "auto, backlight, cec or black": the same for a NAME setting. */
void content_setting_names_words(const char *const *names, char *buf, size_t cap);

/* Sets one setting from v, reporting at line what is wrong with v in the
 * staff's words (the PIN itself is never repeated). */
void content_setting_apply(content_loader *L, int line,
                           const content_setting *e, const char *v);
/* Every setting's default, through content_setting_apply. */
void content_settings_defaults(content_loader *L);

#endif
