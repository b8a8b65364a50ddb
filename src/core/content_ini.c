/* content_ini.c — kiosk.ini into content_settings, through inih: every
 * unknown, repeated or bad setting is reported at its line, not just the
 * first one. */
#include "content_internal.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* inih copies each line into a buffer of INI_MAX_LINE bytes (200 in
 * Debian's package), '\n' and '\0' included: a longer line would be cut and
 * its setting lost. So inih only ever sees a setting's name and its =; the
 * value is read from the line itself (ini_state.value), and lines may be as
 * long as in a topic file. */
enum { INI_LINE_BYTES = KIOSK_MAX_LINE_BYTES };

static const char *const sections[] = {
    "spa", "kiosk", "loop", "screen", "colours", "labels", "staff", "hours", NULL
};

static const char *const keys_spa[] = { "name", "city", "phone", NULL };
static const char *const keys_kiosk[] = {
    "idle_timeout", "idle_notice", "transition_ms", "reduce_motion", NULL
};
static const char *const keys_loop[] = {
    "topics", "words_per_minute", "min_seconds", "max_seconds", NULL
};
static const char *const keys_screen[] = { "rotate", NULL };
static const char *const keys_colours[] = {
    "ground", "surface", "text", "muted", "accent", "accent_text", NULL
};
/* In content_label order. */
static const char *const keys_labels[] = {
    "tap_cue", "menu_title", "back", "home", "next", "previous", "idle_notice",
    "position", "phone_prefix", "continued",
    "staff_title", "staff_pin_prompt", "staff_pin_wrong", "staff_clear",
    "staff_cancel", "staff_reload", "staff_close", "staff_address",
    "staff_no_address", "staff_version",
    "usb_title", "usb_topics", "usb_pictures", "usb_problems", "usb_import",
    "usb_locked", "usb_imported", "usb_not_imported", "usb_unusable", "usb_gone",
    "usb_failed", "usb_importing", NULL
};
/* An example for each label, in the same order, for the message that says
 * one is missing (the staff guide, content/README.md, has the same ones). */
static const char *const label_examples[] = {
    "Touch the screen to explore", "What would you like to know?", "Back",
    "Home", "Next", "Previous",
    "Going back to the start in a moment. Touch the screen to stay.",
    "{n} / {total}", "Call", "continued",
    "Staff view", "Staff PIN", "Wrong PIN, try again", "Clear", "Cancel",
    "Reload now", "Close", "Network address", "none (no network)", "Version",
    "USB stick", "Topics", "Pictures", "Problems found", "Import",
    "Too many wrong PINs. Try again later.",
    "Imported. The kiosk now shows the content from the stick.",
    "Not imported. The content on screen is unchanged.",
    "The content on the stick has errors. Fix them on the stick and plug it in again.",
    "The stick was taken out before the import.",
    "The kiosk could not write the new content.",
    "Importing… do not take the stick out."
};
/* The first staff label: the ones from here on are needed only when the
 * staff view is on ([staff] pin set). The USB ones only warn (content.h). */
enum { LABEL_FIRST_STAFF = LABEL_STAFF_TITLE, LABEL_FIRST_USB = LABEL_USB_TITLE };
_Static_assert(sizeof label_examples / sizeof label_examples[0] == LABEL_COUNT,
               "an example for every label");
static const char *const keys_staff[] = { "pin", NULL };
/* In content_settings.hours order: 0 = Sunday. */
static const char *const keys_hours[] = {
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", NULL
};
static const char *const *const section_keys[] = {
    keys_spa, keys_kiosk, keys_loop, keys_screen, keys_colours, keys_labels,
    keys_staff, keys_hours
};
enum { SEC_SPA, SEC_KIOSK, SEC_LOOP, SEC_SCREEN, SEC_COLOURS, SEC_LABELS,
       SEC_STAFF, SEC_HOURS, SEC_COUNT };
/* Most keys in one section: [labels]. */
enum { KEYS_MAX = LABEL_COUNT };

typedef struct ini_state {
    content_loader *L;
    content_text t;
    int line;                          /* line the reader handed out last */
    const char *value;                 /* that line's text after its = or : */
    size_t value_len;
    int seen[SEC_COUNT][KEYS_MAX];     /* line where each key was set, or 0 */
} ini_state;

static int find(const char *const *list, const char *name)
{
    for (int i = 0; list[i]; i++)
        if (!strcasecmp(list[i], name))
            return i;
    return -1;
}

static void known_list(char *buf, size_t cap, const char *const *list)
{
    buf[0] = '\0';
    for (int i = 0; list[i]; i++) {
        if (i)
            strncat(buf, ", ", cap - strlen(buf) - 1);
        strncat(buf, list[i], cap - strlen(buf) - 1);
    }
}

/* A [section] line: returns 0 when it is fine to give to inih. */
static int check_section_line(ini_state *st, const char *s, size_t len)
{
    const char *close = memchr(s, ']', len);
    if (!close) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "a section name needs a "
                        "closing ], like [kiosk]");
        return -1;
    }
    /* Taken as written, blanks included, as inih will hand it over. */
    char name[64];
    size_t n = (size_t)(close - s - 1);
    if (n >= sizeof name)
        n = sizeof name - 1;
    memcpy(name, s + 1, n);
    name[n] = '\0';
    if (find(sections, name) < 0) {
        char known[200];
        known_list(known, sizeof known, sections);
        loader_diag_add(st->L, DIAG_ERROR, st->line, "[%s] is not a section the "
                        "kiosk knows; check the spelling (known: %s)", name, known);
    }
    return 0;
}

/* Checks one line before inih sees it; a bad line reaches inih as blank so
 * that its line numbers stay right and nothing is reported twice. */
static int line_ok(ini_state *st, const char *s, size_t len)
{
    if (memchr(s, '\0', len) || content_utf8_check(s, len) < len)
        return 0;   /* reported by content_text_check_lines */
    if (len > INI_LINE_BYTES)
        return 0;
    if (len == 0 || s[0] == ';' || s[0] == '#')
        return 1;
    if (s[0] == '[')
        return check_section_line(st, s, len) == 0;
    if (!memchr(s, '=', len) && !memchr(s, ':', len)) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "this line is not a "
                        "setting; write it as key = value, or start a note with ;");
        return 0;
    }
    if (s[0] == '=' || s[0] == ':') {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "this setting has no name "
                        "before its =");
        return 0;
    }
    return 1;
}

/* What of a checked line inih gets: a section up to its ], a setting up to
 * its = (its value is kept in st), nothing of a note. */
static size_t ini_part(ini_state *st, const char *s, size_t len)
{
    if (len == 0 || s[0] == ';' || s[0] == '#')
        return 0;
    if (s[0] == '[')
        return (size_t)((const char *)memchr(s, ']', len) - s) + 1;
    size_t k = 0;
    while (s[k] != '=' && s[k] != ':')
        k++;
    st->value = s + k + 1;
    st->value_len = len - k - 1;
    return k + 1;
}

static char *ini_read_line(char *out, int num, void *stream)
{
    ini_state *st = stream;
    if (st->line >= st->t.nlines)
        return NULL;
    st->line++;
    st->value = NULL;
    size_t len;
    const char *s = content_text_line(&st->t, st->line, &len);
    /* Leading blanks would make inih read the line as the continuation of
     * the setting above it. */
    while (len && (*s == ' ' || *s == '\t'))
        s++, len--;
    len = line_ok(st, s, len) ? ini_part(st, s, len) : 0;
    if (len + 2 > (size_t)num) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "this setting's name or "
                        "section name is too long; check the spelling");
        len = 0;
    }
    memcpy(out, s, len);
    out[len] = '\n';
    out[len + 1] = '\0';
    return out;
}

/* ---- values ---- */

static int parse_int(const char *v, int *out)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (end == v || *end || errno || n < -1000000 || n > 1000000)
        return -1;
    *out = (int)n;
    return 0;
}

static void set_int(ini_state *st, const char *key, const char *v, int *out,
                    int lo, int hi, const char *unit)
{
    int n;
    if (parse_int(v, &n) == 0 && n >= lo && n <= hi) {
        *out = n;
        return;
    }
    loader_diag_add(st->L, DIAG_ERROR, st->line, "%s = %s is not allowed; write "
                    "a whole number %sfrom %d to %d", key, v, unit, lo, hi);
}

static void set_bool(ini_state *st, const char *key, const char *v, int *out)
{
    static const char *const yes[] = { "yes", "true", "on", "1", NULL };
    static const char *const no[] = { "no", "false", "off", "0", NULL };
    if (find(yes, v) >= 0)
        *out = 1;
    else if (find(no, v) >= 0)
        *out = 0;
    else
        loader_diag_add(st->L, DIAG_ERROR, st->line, "%s = %s is not allowed; "
                        "write yes or no", key, v);
}

static int hexval(int c)
{
    return isdigit(c) ? c - '0' : isxdigit(c) ? tolower(c) - 'a' + 10 : -1;
}

static void set_colour(ini_state *st, const char *key, const char *v,
                       kiosk_rgb *out)
{
    int ok = v[0] == '#' && strlen(v) == 7;
    for (int i = 1; ok && i < 7; i++)
        ok = hexval((unsigned char)v[i]) >= 0;
    if (!ok) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "%s = %s is not a colour; "
                        "write # and six hex digits, like #1d2b2a", key, v);
        return;
    }
    out->r = (unsigned char)(hexval(v[1]) * 16 + hexval(v[2]));
    out->g = (unsigned char)(hexval(v[3]) * 16 + hexval(v[4]));
    out->b = (unsigned char)(hexval(v[5]) * 16 + hexval(v[6]));
}

static const char *keep(ini_state *st, const char *v)
{
    return arena_strdup(&st->L->s->arena, v);
}

static void set_text(ini_state *st, const char *key, const char *v,
                     const char **out)
{
    if (!*v) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "%s is empty; write the "
                        "words the kiosk should show, or remove the line", key);
        return;
    }
    *out = keep(st, v);
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

static void set_hours(ini_state *st, const char *key, const char *v,
                      content_hours *out)
{
    if (!strcasecmp(v, "closed")) {
        out->open_min = out->close_min = 0;
        return;
    }
    int a, b;
    if (strlen(v) != 11 || v[5] != '-' || parse_hhmm(v, &a) || parse_hhmm(v + 6, &b)
        || b <= a) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "%s = %s is not opening "
                        "hours; write them like 09:00-21:00 (closing after "
                        "opening), or closed", key, v);
        return;
    }
    out->open_min = a;
    out->close_min = b;
}

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
static void set_pin(ini_state *st, const char *v)
{
    size_t n = strlen(v);
    int ok = n >= 4 && n <= 8;
    for (size_t i = 0; ok && i < n; i++)
        ok = isdigit((unsigned char)v[i]);
    if (!ok) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "pin is not allowed: write "
                        "4 to 8 digits and nothing else, or put a ; in front of "
                        "the line to switch the staff view off");
        return;
    }
    st->L->s->settings.staff_pin = keep(st, v);
    if (pin_guessable(v, n))
        loader_diag_add(st->L, DIAG_WARNING, st->line, "pin is one of the first "
                        "anyone would try (the same digit, digits in a row, or "
                        "the example from the instructions); choose 4 to 8 "
                        "digits nobody could guess, so visitors cannot open the "
                        "staff view");
}

/* Checked against the topic files once they are known (content.c). */
static void set_topics(ini_state *st, const char *v)
{
    st->L->loop_topics_line = st->line;
    if (*v)
        st->L->loop_topics = keep(st, v);
    else
        loader_diag_add(st->L, DIAG_ERROR, st->line, "topics is empty; write "
                        "all, or file names separated by commas");
}

static void set_value(ini_state *st, int sec, int key, const char *name,
                      const char *v)
{
    content_settings *c = &st->L->s->settings;
    switch (sec) {
    case SEC_SPA: {
        const char **f[] = { &c->spa_name, &c->city, &c->phone };
        set_text(st, name, v, f[key]);
        break;
    }
    case SEC_KIOSK:
        if (key == 0)
            set_int(st, name, v, &c->idle_timeout_s, 10, 3600, "of seconds ");
        else if (key == 1)
            set_int(st, name, v, &c->idle_notice_s, 3, 30, "of seconds ");
        else if (key == 2)
            set_int(st, name, v, &c->transition_ms, 250, 400, "of milliseconds ");
        else
            set_bool(st, name, v, &c->reduce_motion);
        break;
    case SEC_LOOP:
        if (key == 0)
            set_topics(st, v);
        else if (key == 1)
            set_int(st, name, v, &c->words_per_minute, 60, 400, "of words ");
        else if (key == 2)
            set_int(st, name, v, &c->loop_min_s, 3, 60, "of seconds ");
        else
            set_int(st, name, v, &c->loop_max_s, 3, 120, "of seconds ");
        break;
    case SEC_SCREEN: {
        int r = -1;
        if (parse_int(v, &r) == 0 && (r == 0 || r == 90 || r == 180 || r == 270))
            c->rotate = r;
        else
            loader_diag_add(st->L, DIAG_ERROR, st->line, "rotate = %s is not "
                            "allowed; write 0, 90, 180 or 270", v);
        break;
    }
    case SEC_COLOURS: {
        kiosk_rgb *f[] = { &c->ground, &c->surface, &c->text, &c->muted,
                           &c->accent, &c->accent_text };
        set_colour(st, name, v, f[key]);
        break;
    }
    case SEC_LABELS:
        set_text(st, name, v, &c->label[key]);
        if (key == LABEL_POSITION && *v &&
            (!strstr(v, "{n}") || !strstr(v, "{total}")))
            loader_diag_add(st->L, DIAG_ERROR, st->line, "position must contain "
                            "{n} and {total}, like {n} / {total}");
        break;
    case SEC_STAFF:
        set_pin(st, v);
        break;
    case SEC_HOURS:
        set_hours(st, name, v, &c->hours[key]);
        break;
    }
}

/* Settings whose value is words shown on screen: a ; in them is part of
 * the words. In every other setting (numbers, colours, yes/no, hours) a ;
 * after a blank starts a note, as inih reads it. */
static int is_words(int sec)
{
    return sec == SEC_SPA || sec == SEC_LABELS;
}

/* The value as written, without blanks around it (and without a note,
 * unless it is words): NULL when longer than KIOSK_MAX_VALUE_BYTES. */
static const char *value_of(ini_state *st, int sec, char *buf)
{
    const char *v = st->value ? st->value : "";
    size_t n = st->value ? st->value_len : 0;
    if (!is_words(sec))
        for (size_t i = 1; i < n; i++)
            if (v[i] == ';' && (v[i - 1] == ' ' || v[i - 1] == '\t')) {
                n = i;
                break;
            }
    while (n && (*v == ' ' || *v == '\t'))
        v++, n--;
    while (n && (v[n - 1] == ' ' || v[n - 1] == '\t'))
        n--;
    if (n > KIOSK_MAX_VALUE_BYTES)
        return NULL;
    memcpy(buf, v, n);
    buf[n] = '\0';
    return buf;
}

static int ini_setting(void *user, const char *section, const char *name,
                       const char *ignored)
{
    ini_state *st = user;
    (void)ignored;   /* inih saw only "name =" (see INI_LINE_BYTES) */
    if (!*section) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "%s is not under a "
                        "[section]; put it under the right one, like [kiosk]",
                        name);
        return 1;
    }
    int sec = find(sections, section);
    if (sec < 0)
        return 1;   /* the unknown section was reported at its own line */
    int key = find(section_keys[sec], name);
    if (key < 0) {
        char known[300];
        known_list(known, sizeof known, section_keys[sec]);
        loader_diag_add(st->L, DIAG_ERROR, st->line, "[%s] %s is not a setting "
                        "the kiosk knows; check the spelling (known: %s)",
                        sections[sec], name, known);
        return 1;
    }
    if (st->seen[sec][key]) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "[%s] %s is set twice, on "
                        "line %d and on line %d; keep one", sections[sec], name,
                        st->seen[sec][key], st->line);
        return 1;
    }
    st->seen[sec][key] = st->line;
    char value[KIOSK_MAX_VALUE_BYTES + 1];
    if (!value_of(st, sec, value)) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "%s is too long; at most "
                        "%d bytes", name, KIOSK_MAX_VALUE_BYTES);
        return 1;
    }
    set_value(st, sec, key, name, value);
    return 1;
}

/* The defaults in content/README.md; no visitor-facing words among them. */
static void defaults(content_settings *c)
{
    c->idle_timeout_s = 60;
    c->idle_notice_s = 8;
    c->transition_ms = 320;
    c->words_per_minute = 160;
    c->loop_min_s = 7;
    c->loop_max_s = 20;
    c->ground = (kiosk_rgb){ 0x1d, 0x2b, 0x2a };
    c->surface = (kiosk_rgb){ 0x28, 0x41, 0x40 };
    c->text = (kiosk_rgb){ 0xf6, 0xef, 0xe4 };
    c->muted = (kiosk_rgb){ 0xc9, 0xbf, 0xae };
    c->accent = (kiosk_rgb){ 0xe0, 0xa9, 0x6d };
    c->accent_text = (kiosk_rgb){ 0x1d, 0x2b, 0x2a };
    for (int d = 0; d < 7; d++)
        c->hours[d] = (content_hours){ 0, 24 * 60 };
}

/* A missing label is an error: a button must have a word (DESIGN.md), and
 * staff can only add the right one when told its name and an example. The
 * staff view's labels count only when the staff view is on. */
static void labels_missing(ini_state *st)
{
    int staff_on = st->L->s->settings.staff_pin != NULL;
    for (int i = 0; i < LABEL_COUNT; i++) {
        if (st->seen[SEC_LABELS][i] || (i >= LABEL_FIRST_STAFF && !staff_on))
            continue;
        if (i >= LABEL_FIRST_USB) {
            loader_diag_add(st->L, DIAG_WARNING, 0, "[labels] has no %s; USB sticks "
                            "are not offered on screen without it, so add a line "
                            "under [labels] like %s = %s", keys_labels[i],
                            keys_labels[i], label_examples[i]);
            continue;
        }
        loader_diag_add(st->L, DIAG_ERROR, 0, "[labels] has no %s; every word on "
                        "the screen comes from here, so add a line under [labels] "
                        "like %s = %s", keys_labels[i], keys_labels[i],
                        label_examples[i]);
    }
}

/* Rules between settings, and what must be there. */
static void cross_checks(ini_state *st)
{
    content_settings *c = &st->L->s->settings;
    content_loader *L = st->L;
    if (!c->spa_name && !st->seen[SEC_SPA][0])
        loader_diag_add(L, DIAG_ERROR, 0, "[spa] name is missing; write the "
                        "spa's name, like name = Matrix Spa & Massage");
    if (c->idle_notice_s >= c->idle_timeout_s)
        loader_diag_add(L, DIAG_ERROR, st->seen[SEC_KIOSK][1], "idle_notice "
                        "(%d) must be shorter than idle_timeout (%d)",
                        c->idle_notice_s, c->idle_timeout_s);
    if (c->loop_max_s < c->loop_min_s)
        loader_diag_add(L, DIAG_ERROR, st->seen[SEC_LOOP][3], "max_seconds (%d) "
                        "must not be shorter than min_seconds (%d)",
                        c->loop_max_s, c->loop_min_s);
    labels_missing(st);
    /* With [hours] present, a day left out is closed. */
    int any = 0;
    for (int d = 0; d < 7; d++)
        any |= st->seen[SEC_HOURS][d] != 0;
    c->has_hours = any;
    for (int d = 0; any && d < 7; d++)
        if (!st->seen[SEC_HOURS][d])
            c->hours[d] = (content_hours){ 0, 0 };
}

void content_ini_load(content_loader *L)
{
    defaults(&L->s->settings);
    size_t len = 0, total = 0;
    fs_status fst = L->fs->read(L->fs->ctx, L->dir, "kiosk.ini", L->buf,
                                KIOSK_MAX_INI_BYTES + 1, &len, &total);
    if (fst != FS_OK) {
        loader_diag_add(L, DIAG_ERROR, 0, "%s", content_fs_problem(fst));
        return;
    }
    if (len > KIOSK_MAX_INI_BYTES || total > KIOSK_MAX_INI_BYTES) {
        loader_diag_add(L, DIAG_ERROR, 0, "this file is %s; a settings file is "
                        "at most %d KB. Is it really kiosk.ini?",
                        content_size_words(L, total > len ? total : len),
                        KIOSK_MAX_INI_BYTES / 1024);
        return;
    }
    if (content_text_is_binary(L->buf, len)) {
        loader_diag_add(L, DIAG_ERROR, 0, "this file is not text; kiosk.ini must "
                        "be plain text saved as UTF-8");
        return;
    }
    ini_state *st = calloc(1, sizeof *st);
    if (!st || content_text_init(&st->t, L->buf, len) < 0) {
        free(st);
        loader_diag_add(L, DIAG_ERROR, 0, "out of memory while reading this file");
        return;
    }
    st->L = L;
    content_text_check_lines(L, &st->t, INI_LINE_BYTES, NULL);
    ini_parse_stream(ini_read_line, st, ini_setting, st);
    cross_checks(st);
    content_text_fini(&st->t);
    free(st);
}
