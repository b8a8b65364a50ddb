/* content_settings.c — the table of kiosk.ini settings and the typed helpers
 * that read, check and store one value: adding a setting is one line here
 * (and a line in content/README.md, which test_content_settings compares). */
#include "content_settings.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define AT(field) offsetof(content_settings, field)
#define INT(sec, key, field, lo, hi, unit, def, help) \
    { sec, key, SETTING_INT, AT(field), lo, hi, unit, NULL, def, 0, NULL, help, \
      NULL, NULL }
#define BOOL(sec, key, field, def, help) \
    { sec, key, SETTING_BOOL, AT(field), 0, 1, NULL, NULL, def, 0, NULL, help, \
      NULL, NULL }
#define COLOUR(key, field, def, help) \
    { "colours", key, SETTING_COLOUR, AT(field), 0, 0, NULL, NULL, def, 0, NULL, \
      help, NULL, NULL }
#define WORDS(key, field, flags, example, help) \
    { "spa", key, SETTING_WORDS, AT(field), 0, 0, NULL, NULL, NULL, flags, \
      example, help, NULL, NULL }
#define LABEL(key, id, flags, example, help) \
    { "labels", key, SETTING_WORDS, AT(label[id]), 0, 0, NULL, NULL, NULL, \
      SETTING_LABEL | (flags), example, help, NULL, NULL }
#define HOURS(key, day) \
    { "hours", key, SETTING_HOURS, AT(hours[day]), 0, 0, NULL, NULL, \
      "00:00-24:00", 0, "09:00-21:00", "that day's opening hours", NULL, \
      NULL }

static const int rotations[] = { 0, 90, 180, 270, -1 };
/* In content_sleep's order. */
static const char *const sleep_names[] = { "auto", "backlight", "cec", "black", NULL };
/* In content_loop_langs' order. */
static const char *const loop_lang_names[] = { "default", "all", NULL };

static const char *place_check(const char *v)
{
    if (strstr(v, "{topic}") && strstr(v, "{n}") && strstr(v, "{total}"))
        return NULL;
    return "place must contain {topic}, {n} and {total}, like {topic} \xC2\xB7 {n} of {total}";
}

static const char *position_check(const char *v)
{
    if (strstr(v, "{n}") && strstr(v, "{total}"))
        return NULL;
    return "position must contain {n} and {total}, like {n} / {total}";
}

/* In section order: the messages list sections and keys in this order. */
const content_setting content_settings_table[] = {
    WORDS("name", spa_name, SETTING_REQUIRED, "Matrix Spa & Massage",
          "the spa's name"),
    WORDS("city", city, 0, "Salt Lake City, Utah", "the city, shown with the name"),
    WORDS("phone", phone, 0, "(801) 799-4999", "the phone number at the bottom"),
    { "booking", "link", SETTING_WORDS, AT(booking_link), 0, 0, NULL, NULL, NULL, 0,
      "tel:+18017994999", "what a phone opens from the QR code: the booking "
      "page (https://...) or the phone number (tel:+1...); no code without it",
      content_booking_link_problem, NULL },
    { "booking", "card", SETTING_WORDS, AT(booking_card), 0, 0, NULL, NULL, NULL, 0,
      "Book a massage", "the heading of the card that shows the QR code (the "
      "slideshow always shows it)", NULL, NULL },
    INT("kiosk", "idle_timeout", idle_timeout_s, 10, 3600, "seconds", "60",
        "quiet seconds before the screen goes back to the slideshow"),
    INT("kiosk", "idle_notice", idle_notice_s, 3, 30, "seconds", "20",
        "seconds the going-back notice shows first (20 gives a visitor the "
        "time WCAG 2.2.1 asks to touch More time)"),
    INT("kiosk", "transition_ms", transition_ms, 250, 400, "milliseconds", "320",
        "how long a card slides or fades"),
    BOOL("kiosk", "reduce_motion", reduce_motion, "no", "gentle fades only"),
    INT("kiosk", "more_time", more_time, 2, 10, "times", "3",
        "a visitor who touches More time on the going-back notice waits this "
        "many times idle_timeout"),
    BOOL("kiosk", "high_contrast", high_contrast, "no",
         "always the high-contrast colours (else only with large text)"),
    INT("kiosk", "contents_from", contents_from, 2, KIOSK_MAX_CARDS_PER_TOPIC, "## cards",
        "5", "a topic with at least this many ## cards opens on a list of them"),
    { "loop", "topics", SETTING_TOPICS, 0, 0, 0, NULL, NULL, "all", 0,
      "10-runners-knee.md, 80-reviews.md", "which topics the slideshow shows",
      NULL, NULL },
    INT("loop", "words_per_minute", words_per_minute, 60, 400, "words", "160",
        "reading speed that sets how long a card stays"),
    INT("loop", "min_seconds", loop_min_s, 3, 60, "seconds", "7",
        "the shortest time a card stays"),
    INT("loop", "max_seconds", loop_max_s, 3, 120, "seconds", "20",
        "the longest time a card stays"),
    { "loop", "languages", SETTING_NAME, AT(loop_languages), 0, 0, NULL, NULL, "default",
      0, NULL, "the slideshow in the first language only (default), or its "
      "whole round in each language in turn (all)", NULL, loop_lang_names },
    { "screen", "rotate", SETTING_CHOICE, AT(rotate), 0, 0, NULL, rotations,
      "0", 0, NULL, "turns the picture for a screen mounted on its side", NULL,
      NULL },
    { "screen", "sleep", SETTING_NAME, AT(screen_sleep), 0, 0, NULL, NULL, "auto", 0,
      NULL, "how the screen sleeps outside opening hours", NULL, sleep_names },
    COLOUR("ground", ground, "#1d2b2a", "the background"),
    COLOUR("surface", surface, "#284140", "menu tiles and buttons"),
    COLOUR("text", text, "#f6efe4", "the main text"),
    COLOUR("muted", muted, "#c9bfae", "small print"),
    COLOUR("accent", accent, "#e0a96d", "things you can touch"),
    COLOUR("accent_text", accent_text, "#1d2b2a", "words on the accent colour"),
    COLOUR("hc_ground", hc_ground, "#000000", "high contrast: the background"),
    COLOUR("hc_surface", hc_surface, "#333333", "high contrast: tiles and buttons"),
    COLOUR("hc_text", hc_text, "#ffffff", "high contrast: the main text"),
    COLOUR("hc_muted", hc_muted, "#ffffff", "high contrast: small print"),
    COLOUR("hc_accent", hc_accent, "#ffd700", "high contrast: things you can touch"),
    COLOUR("hc_accent_text", hc_accent_text, "#000000",
           "high contrast: words on the accent colour"),
    LABEL("tap_cue", LABEL_TAP_CUE, 0, "Touch the screen to explore",
          "the invitation during the slideshow"),
    LABEL("menu_title", LABEL_MENU_TITLE, 0, "What would you like to know?",
          "above the menu tiles"),
    LABEL("back", LABEL_BACK, 0, "Back", "the button back one step"),
    LABEL("home", LABEL_HOME, 0, "Home", "the button to the menu"),
    LABEL("next", LABEL_NEXT, 0, "Next", "the button to the next card"),
    LABEL("previous", LABEL_PREVIOUS, 0, "Previous", "the button to the card before"),
    LABEL("idle_notice", LABEL_IDLE_NOTICE, 0,
          "Going back to the start in a moment. Touch the screen to stay.",
          "the message before the screen goes back to the slideshow"),
    { "labels", "position", SETTING_WORDS, AT(label[LABEL_POSITION]), 0, 0, NULL,
      NULL, NULL, SETTING_LABEL, "{n} / {total}", "where you are in a topic",
      position_check, NULL },
    LABEL("phone_prefix", LABEL_PHONE_PREFIX, 0, "Call", "the word before the phone number"),
    LABEL("continued", LABEL_CONTINUED, 0, "continued",
          "added to a title when a card runs onto a second screen"),
    { "labels", "booking_qr", SETTING_WORDS, AT(label[LABEL_BOOKING_QR]), 0, 0,
      NULL, NULL, NULL, 0, "Scan to call and book",
      "beside the QR code (needed when [booking] link is set)", NULL, NULL },
    { "labels", "place", SETTING_WORDS, AT(label[LABEL_PLACE]), 0, 0, NULL, NULL, NULL,
      SETTING_LABEL | SETTING_WARN, "{topic} \xC2\xB7 {n} of {total}",
      "the topic and place of a card, shown above its title", place_check,
      NULL },
    LABEL("staff_title", LABEL_STAFF_TITLE, SETTING_STAFF, "Staff view",
          "heading of the staff view"),
    LABEL("staff_pin_prompt", LABEL_STAFF_PIN_PROMPT, SETTING_STAFF, "Staff PIN",
          "above the number keys"),
    LABEL("staff_pin_wrong", LABEL_STAFF_PIN_WRONG, SETTING_STAFF,
          "Wrong PIN, try again", "after a wrong PIN"),
    LABEL("staff_clear", LABEL_STAFF_CLEAR, SETTING_STAFF, "Clear",
          "number key that starts the PIN again"),
    LABEL("staff_cancel", LABEL_STAFF_CANCEL, SETTING_STAFF, "Cancel",
          "number key back to the visitors' screens"),
    LABEL("staff_reload", LABEL_STAFF_RELOAD, SETTING_STAFF, "Reload now",
          "button that reads the folder again"),
    LABEL("staff_close", LABEL_STAFF_CLOSE, SETTING_STAFF, "Close",
          "button that leaves the staff view"),
    LABEL("staff_address", LABEL_STAFF_ADDRESS, SETTING_STAFF, "Network address",
          "before the kiosk's network address"),
    LABEL("staff_no_address", LABEL_STAFF_NO_ADDRESS, SETTING_STAFF,
          "none (no network)", "in place of the address without a network"),
    LABEL("staff_version", LABEL_STAFF_VERSION, SETTING_STAFF, "Version",
          "before the program's version"),
    LABEL("usb_title", LABEL_USB_TITLE, SETTING_STAFF | SETTING_WARN,
          "USB stick",
          "heading of the USB stick screens"),
    LABEL("usb_topics", LABEL_USB_TOPICS, SETTING_STAFF | SETTING_WARN,
          "Topics",
          "before how many topics the stick holds"),
    LABEL("usb_pictures", LABEL_USB_PICTURES, SETTING_STAFF | SETTING_WARN,
          "Pictures",
          "before how many pictures the stick holds"),
    LABEL("usb_problems", LABEL_USB_PROBLEMS, SETTING_STAFF | SETTING_WARN,
          "Problems found",
          "above the problems found on the stick"),
    LABEL("usb_import", LABEL_USB_IMPORT, SETTING_STAFF | SETTING_WARN,
          "Import",
          "button that asks the PIN and imports the stick"),
    LABEL("usb_locked", LABEL_USB_LOCKED, SETTING_STAFF | SETTING_WARN,
          "Too many wrong PINs. Try again later.",
          "in place of Import while wrong PINs lock the pad"),
    LABEL("usb_imported", LABEL_USB_IMPORTED, SETTING_STAFF | SETTING_WARN,
          "Imported. The kiosk now shows the content from the stick.",
          "after an import"),
    LABEL("usb_not_imported", LABEL_USB_NOT_IMPORTED, SETTING_STAFF | SETTING_WARN,
          "Not imported. The content on screen is unchanged.",
          "after a refused import"),
    LABEL("usb_unusable", LABEL_USB_UNUSABLE, SETTING_STAFF | SETTING_WARN,
          "The content on the stick has errors. Fix them on the stick and plug it in again.",
          "why: the stick's content has errors"),
    LABEL("usb_gone", LABEL_USB_GONE, SETTING_STAFF | SETTING_WARN,
          "The stick was taken out before the import.",
          "why: the stick was taken out"),
    LABEL("usb_failed", LABEL_USB_FAILED, SETTING_STAFF | SETTING_WARN,
          "The kiosk could not write the new content.",
          "why: the kiosk could not write"),
    LABEL("usb_importing", LABEL_USB_IMPORTING, SETTING_STAFF | SETTING_WARN,
          "Importing… do not take the stick out.",
          "while the stick is copied and checked"),
    LABEL("visits_title", LABEL_VISITS_TITLE, SETTING_STAFF | SETTING_WARN,
          "What visitors read", "heading of the charts of visits"),
    LABEL("visits_per_day", LABEL_VISITS_PER_DAY, SETTING_STAFF | SETTING_WARN,
          "Visits per day", "above the chart of visits per day"),
    LABEL("visits_topics", LABEL_VISITS_TOPICS, SETTING_STAFF | SETTING_WARN,
          "Topics opened", "above the topics, most opened first"),
    LABEL("visits_hours", LABEL_VISITS_HOURS, SETTING_STAFF | SETTING_WARN,
          "Busiest hours", "above the chart of touches per hour of the day"),
    LABEL("visits_none", LABEL_VISITS_NONE, SETTING_STAFF | SETTING_WARN,
          "Nothing counted yet", "in place of the charts before anyone used the screen"),
    LABEL("language", LABEL_LANGUAGE, SETTING_LANG, "English",
          "the language's own name, on the language button"),
    { "labels", "large_text", SETTING_WORDS, AT(label[LABEL_LARGE_TEXT]), 0, 0, NULL,
      NULL, NULL, 0, "Aa", "the button for large text and strong colours (no "
      "button without it)", NULL, NULL },
    { "labels", "more_time", SETTING_WORDS, AT(label[LABEL_MORE_TIME]), 0, 0, NULL,
      NULL, NULL, 0, "More time", "the button on the going-back notice that "
      "gives more time (no button without it)", NULL, NULL },
    { "staff", "pin", SETTING_PIN, AT(staff_pin), 4, 8, NULL, NULL, NULL, 0,
      NULL, "the number that opens the staff view", NULL, NULL },
    HOURS("sunday", 0), HOURS("monday", 1), HOURS("tuesday", 2),
    HOURS("wednesday", 3), HOURS("thursday", 4), HOURS("friday", 5),
    HOURS("saturday", 6),
};
#define ROWS (sizeof content_settings_table / sizeof content_settings_table[0])
_Static_assert(ROWS <= CONTENT_SETTINGS_MAX, "CONTENT_SETTINGS_MAX holds every row");
const int content_settings_count = (int)ROWS;

int content_setting_find(const char *section, const char *key)
{
    for (int i = 0; i < content_settings_count; i++)
        if (!strcasecmp(content_settings_table[i].section, section) &&
            !strcasecmp(content_settings_table[i].key, key))
            return i;
    return -1;
}

/* ---- typed readers ---- */

static int one_of(const char *const *list, const char *v)
{
    for (int i = 0; list[i]; i++)
        if (!strcasecmp(list[i], v))
            return 1;
    return 0;
}

int value_to_int(const char *v, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (end == v || *end || errno || n < lo || n > hi)
        return -1;
    *out = (int)n;
    return 0;
}

int value_to_bool(const char *v, int *out)
{
    static const char *const yes[] = { "yes", "true", "on", "1", NULL };
    static const char *const no[] = { "no", "false", "off", "0", NULL };
    if (one_of(yes, v))
        *out = 1;
    else if (one_of(no, v))
        *out = 0;
    else
        return -1;
    return 0;
}

static int hexval(int c)
{
    return isdigit(c) ? c - '0' : isxdigit(c) ? tolower(c) - 'a' + 10 : -1;
}

int value_to_colour(const char *v, kiosk_rgb *out)
{
    int ok = v[0] == '#' && strlen(v) == 7;
    for (int i = 1; ok && i < 7; i++)
        ok = hexval((unsigned char)v[i]) >= 0;
    if (!ok)
        return -1;
    out->r = (unsigned char)(hexval(v[1]) * 16 + hexval(v[2]));
    out->g = (unsigned char)(hexval(v[3]) * 16 + hexval(v[4]));
    out->b = (unsigned char)(hexval(v[5]) * 16 + hexval(v[6]));
    return 0;
}

int value_to_choice(const char *v, const int *choices, int *out)
{
    int n;
    if (value_to_int(v, -1000000, 1000000, &n) < 0)
        return -1;
    for (int i = 0; choices[i] >= 0; i++)
        if (choices[i] == n) {
            *out = n;
            return 0;
        }
    return -1;
}

int value_to_name(const char *v, const char *const *names, int *out)
{
    for (int i = 0; names[i]; i++)
        if (!strcasecmp(names[i], v)) {
            *out = i;
            return 0;
        }
    return -1;
}

/* "09:00" → minutes after midnight; "24:00" ends a day. */
static int parse_hhmm(const char *s, int *min)
{
    if (!isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
        s[2] != ':' || !isdigit((unsigned char)s[3]) ||
        !isdigit((unsigned char)s[4]))
        return -1;
    int h = (s[0] - '0') * 10 + s[1] - '0', m = (s[3] - '0') * 10 + s[4] - '0';
    if (m > 59 || h > 24 || (h == 24 && m))
        return -1;
    *min = h * 60 + m;
    return 0;
}

int value_to_hours(const char *v, content_hours *out)
{
    if (!strcasecmp(v, "closed")) {
        out->open_min = out->close_min = 0;
        return 0;
    }
    int a, b;
    if (strlen(v) != 11 || v[5] != '-' || parse_hhmm(v, &a) ||
        parse_hhmm(v + 6, &b) || b <= a)
        return -1;
    out->open_min = a;
    out->close_min = b;
    return 0;
}

void content_setting_choices_words(const int *choices, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; choices[i] >= 0 && n < cap; i++) {
        const char *sep = i == 0 ? "" : choices[i + 1] < 0 ? " or " : ", ";
        n += (size_t)snprintf(buf + n, cap - n, "%s%d", sep, choices[i]);
    }
}

void content_setting_names_words(const char *const *names, char *buf, size_t cap)
{
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; names[i] && n < cap; i++) {
        const char *sep = i == 0 ? "" : names[i + 1] ? ", " : " or ";
        n += (size_t)snprintf(buf + n, cap - n, "%s%s", sep, names[i]);
    }
}

/* ---- storing, with the staff's words for what is wrong ---- */

/* A PIN anyone would try first: the example the kiosk once shipped (2580,
 * the middle column of a keypad) and the other columns, one digit repeated
 * (0000), a pair repeated (1212), digits in a row up or down (1234, 9876,
 * 7890). */
static int pin_guessable(const char *v, size_t n)
{
    static const char *const columns[] = {
        "2580", "0852", "1470", "0741", "3690", "0963", "147258369", NULL
    };
    for (int i = 0; columns[i]; i++)
        if (!strncmp(v, columns[i], n) && n == strlen(columns[i]))
            return 1;
    int same = 1, pair = 1, up = 1, down = 1;
    for (size_t i = 1; i < n; i++) {
        same &= v[i] == v[0];
        pair &= v[i] == v[i % 2];
        up &= v[i] == '0' + (v[i - 1] - '0' + 1) % 10;
        down &= v[i] == '0' + (v[i - 1] - '0' + 9) % 10;
    }
    return same || pair || up || down;
}

/* The PIN is never repeated in a message: STATUS.txt, the journal and
 * --check output are read by more people than staff. */
static void apply_pin(content_loader *L, int line, const content_setting *e,
                      const char *v, const char **out)
{
    size_t n = strlen(v);
    int ok = n >= (size_t)e->lo && n <= (size_t)e->hi;
    for (size_t i = 0; ok && i < n; i++)
        ok = isdigit((unsigned char)v[i]);
    if (!ok) {
        loader_diag_add(L, DIAG_ERROR, line, "%s is not allowed: write %d to %d "
                        "digits and nothing else, or put a ; in front of the line "
                        "to switch the staff view off", e->key, e->lo, e->hi);
        return;
    }
    *out = arena_strdup(&L->s->arena, v);
    if (pin_guessable(v, n))
        loader_diag_add(L, DIAG_WARNING, line, "%s is one of the first anyone "
                        "would try (the same digit, digits in a row, or the "
                        "example from the instructions); choose %d to %d digits "
                        "nobody could guess, so visitors cannot open the staff "
                        "view", e->key, e->lo, e->hi);
}

/* Checked against the topic files once they are known (content.c). */
static void apply_topics(content_loader *L, int line, const char *v)
{
    L->loop_topics_line = line;
    if (*v)
        L->loop_topics = arena_strdup(&L->s->arena, v);
    else
        loader_diag_add(L, DIAG_ERROR, line, "topics is empty; write all, or "
                        "file names separated by commas");
}

static void apply_words(content_loader *L, int line, const content_setting *e,
                        const char *v, const char **out)
{
    if (!*v) {
        loader_diag_add(L, DIAG_ERROR, line, "%s is empty; write the words the "
                        "kiosk should show, or remove the line", e->key);
        return;
    }
    *out = arena_strdup(&L->s->arena, v);
    const char *problem = e->check ? e->check(v) : NULL;
    if (problem)
        loader_diag_add(L, DIAG_ERROR, line, "%s", problem);
}

static void bad_value(content_loader *L, int line, const content_setting *e,
                      const char *v)
{
    char words[64];
    switch (e->type) {
    case SETTING_INT:
        loader_diag_add(L, DIAG_ERROR, line, "%s = %s is not allowed; write a "
                        "whole number of %s from %d to %d", e->key, v, e->unit,
                        e->lo, e->hi);
        break;
    case SETTING_BOOL:
        loader_diag_add(L, DIAG_ERROR, line, "%s = %s is not allowed; write yes "
                        "or no", e->key, v);
        break;
    case SETTING_COLOUR:
        loader_diag_add(L, DIAG_ERROR, line, "%s = %s is not a colour; write # "
                        "and six hex digits, like #1d2b2a", e->key, v);
        break;
    case SETTING_CHOICE:
        content_setting_choices_words(e->choices, words, sizeof words);
        loader_diag_add(L, DIAG_ERROR, line, "%s = %s is not allowed; write %s",
                        e->key, v, words);
        break;
    case SETTING_NAME:
        content_setting_names_words(e->names, words, sizeof words);
        loader_diag_add(L, DIAG_ERROR, line, "%s = %s is not allowed; write %s",
                        e->key, v, words);
        break;
    case SETTING_HOURS:
        loader_diag_add(L, DIAG_ERROR, line, "%s = %s is not opening hours; "
                        "write them like 09:00-21:00 (closing after opening), "
                        "or closed", e->key, v);
        break;
    default:
        break;
    }
}

void content_setting_apply(content_loader *L, int line,
                           const content_setting *e, const char *v)
{
    void *at = (char *)L->settings + e->offset;
    int ok = 0;
    switch (e->type) {
    case SETTING_WORDS:
        apply_words(L, line, e, v, at);
        return;
    case SETTING_PIN:
        apply_pin(L, line, e, v, at);
        return;
    case SETTING_TOPICS:
        apply_topics(L, line, v);
        return;
    case SETTING_INT:
        ok = value_to_int(v, e->lo, e->hi, at) == 0;
        break;
    case SETTING_BOOL:
        ok = value_to_bool(v, at) == 0;
        break;
    case SETTING_COLOUR:
        ok = value_to_colour(v, at) == 0;
        break;
    case SETTING_CHOICE:
        ok = value_to_choice(v, e->choices, at) == 0;
        break;
    case SETTING_NAME:
        ok = value_to_name(v, e->names, at) == 0;
        break;
    case SETTING_HOURS:
        ok = value_to_hours(v, at) == 0;
        break;
    }
    if (!ok)
        bad_value(L, line, e, v);
}

void content_settings_defaults(content_loader *L)
{
    for (int i = 0; i < content_settings_count; i++)
        if (content_settings_table[i].def)
            content_setting_apply(L, 0, &content_settings_table[i],
                                  content_settings_table[i].def);
}

/* One row's value in two settings the same. */
static int row_same(const content_setting *e, const content_settings *a,
                    const content_settings *b)
{
    const char *pa = (const char *)a + e->offset, *pb = (const char *)b + e->offset;
    switch (e->type) {
    case SETTING_WORDS:
    case SETTING_PIN: {
        const char *x = *(const char *const *)pa, *y = *(const char *const *)pb;
        return x == y || (x && y && strcmp(x, y) == 0);
    }
    case SETTING_INT:
    case SETTING_BOOL:
    case SETTING_CHOICE:
    case SETTING_NAME:
        return *(const int *)pa == *(const int *)pb;
    case SETTING_COLOUR: {
        const kiosk_rgb *x = (const kiosk_rgb *)pa, *y = (const kiosk_rgb *)pb;
        return x->r == y->r && x->g == y->g && x->b == y->b;
    }
    case SETTING_HOURS: {
        const content_hours *x = (const content_hours *)pa, *y = (const content_hours *)pb;
        return x->open_min == y->open_min && x->close_min == y->close_min;
    }
    case SETTING_TOPICS:
        return 1;   /* not in content_settings: the topics' loop flags */
    }
    return 0;
}

int content_settings_same(const content_settings *a, const content_settings *b)
{
    if (a->has_hours != b->has_hours)
        return 0;
    for (int i = 0; i < content_settings_count; i++)
        if (!row_same(&content_settings_table[i], a, b))
            return 0;
    return 1;
}
