/* content_ini.c — kiosk.ini into content_settings, through inih: every
 * unknown, repeated or bad setting is reported at its line, not just the
 * first one. */
#include "content_settings.h"

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

typedef struct ini_state {
    content_loader *L;
    content_text t;
    int line;                          /* line the reader handed out last */
    const char *value;                 /* that line's text after its = or : */
    size_t value_len;
    int seen[CONTENT_SETTINGS_MAX];    /* line where each row was set, or 0 */
} ini_state;

static const content_setting *row(int i)
{
    return &content_settings_table[i];
}

/* The table's sections in order, or its keys in section sec, as a list for
 * a message: "spa, kiosk, loop, ...". */
static void known_list(char *buf, size_t cap, const char *sec)
{
    buf[0] = '\0';
    for (int i = 0; i < content_settings_count; i++) {
        const char *name = sec ? row(i)->key : row(i)->section;
        if (sec ? strcasecmp(row(i)->section, sec) != 0
                : i && !strcmp(row(i - 1)->section, name))
            continue;
        if (buf[0])
            strncat(buf, ", ", cap - strlen(buf) - 1);
        strncat(buf, name, cap - strlen(buf) - 1);
    }
}

/* The section as the table spells it, or NULL when the kiosk knows none. */
static const char *section_of(const char *name)
{
    for (int i = 0; i < content_settings_count; i++)
        if (!strcasecmp(row(i)->section, name))
            return row(i)->section;
    return NULL;
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
    if (!section_of(name)) {
        char known[200];
        known_list(known, sizeof known, NULL);
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

/* The value as written, without blanks around it (and without a note,
 * unless it is words): NULL when longer than KIOSK_MAX_VALUE_BYTES. In
 * words shown on screen a ; is part of the words; in every other setting
 * (numbers, colours, yes/no, hours) a ; after a blank starts a note, as
 * inih reads it. */
static const char *value_of(ini_state *st, const content_setting *e, char *buf)
{
    const char *v = st->value ? st->value : "";
    size_t n = st->value ? st->value_len : 0;
    if (e->type != SETTING_WORDS)
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

/* A translation sets only the words visitors read: timings, colours and
 * the spa's details stay those of the content folder's kiosk.ini, and the
 * staff view is always in the default language. Returns 1 when the
 * setting is not for a translation (and says so). */
static int translation_skips(ini_state *st, const char *sec, const char *name)
{
    int i = content_setting_find(sec, name);
    if (strcmp(sec, "labels") != 0) {
        loader_diag_add(st->L, DIAG_WARNING, st->line, "[%s] %s is not used: a "
                        "translation sets only words under [labels]; the spa's "
                        "details, timings and colours come from kiosk.ini in the "
                        "content folder. Remove the line", sec, name);
        return 1;
    }
    if (i >= 0 && (row(i)->flags & SETTING_STAFF)) {
        loader_diag_add(st->L, DIAG_WARNING, st->line, "%s is not used: the "
                        "staff view is always in the content folder's language. "
                        "Remove the line", name);
        return 1;
    }
    return 0;
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
    const char *sec = section_of(section);
    if (!sec)
        return 1;   /* the unknown section was reported at its own line */
    if (st->L->translation && translation_skips(st, sec, name))
        return 1;
    int i = content_setting_find(sec, name);
    if (i < 0) {
        char known[300];
        known_list(known, sizeof known, sec);
        loader_diag_add(st->L, DIAG_ERROR, st->line, "[%s] %s is not a setting "
                        "the kiosk knows; check the spelling (known: %s)",
                        sec, name, known);
        return 1;
    }
    if (st->seen[i]) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "[%s] %s is set twice, on "
                        "line %d and on line %d; keep one", sec, name,
                        st->seen[i], st->line);
        return 1;
    }
    st->seen[i] = st->line;
    char value[KIOSK_MAX_VALUE_BYTES + 1];
    if (!value_of(st, row(i), value)) {
        loader_diag_add(st->L, DIAG_ERROR, st->line, "%s is too long; at most "
                        "%d bytes", name, KIOSK_MAX_VALUE_BYTES);
        return 1;
    }
    content_setting_apply(st->L, st->line, row(i), value);
    return 1;
}

/* The line where [sec] key was set, or 0. */
static int seen_at(const ini_state *st, const char *sec, const char *key)
{
    int i = content_setting_find(sec, key);
    return i < 0 ? 0 : st->seen[i];
}

/* What must be there: a missing label is an error, since a button must
 * have a word (DESIGN.md), and staff can only add the right one when told
 * its name and an example. The staff view's labels count only when the
 * staff view is on. */
static void required_missing(ini_state *st, int labels)
{
    int staff_on = st->L->s->settings.staff_pin != NULL;
    for (int i = 0; i < content_settings_count; i++) {
        const content_setting *e = row(i);
        if (st->seen[i] || !(e->flags & (labels ? SETTING_LABEL : SETTING_REQUIRED))
            || ((e->flags & SETTING_STAFF) && !staff_on)
            || ((e->flags & SETTING_LANG) && st->L->nlang_dirs == 0))
            continue;
        if (e->flags & SETTING_LANG) {
            loader_diag_add(st->L, DIAG_ERROR, 0, "[labels] has no language; "
                            "the content has a translation, so the language "
                            "button needs this language's name as its speakers "
                            "write it: add a line under [labels] like "
                            "language = %s", st->L->translation ? "Español"
                            : e->example);
            continue;
        }
        if ((e->flags & SETTING_WARN) && (e->flags & SETTING_STAFF)) {
            loader_diag_add(st->L, DIAG_WARNING, 0, "[%s] has no %s; %s without "
                            "it, so add a line under [%s] like %s = %s", e->section,
                            e->key, strncmp(e->key, "usb_", 4)
                                ? "the staff view leaves out its charts of visits"
                                : "USB sticks are not offered on screen",
                            e->section, e->key, e->example);
            continue;
        }
        if (e->flags & SETTING_WARN) {
            loader_diag_add(st->L, DIAG_WARNING, 0, "[%s] has no %s (%s), so it "
                            "is not shown; add a line under [%s] like %s = %s",
                            e->section, e->key, e->help, e->section, e->key, e->example);
            continue;
        }
        if (labels)
            loader_diag_add(st->L, DIAG_ERROR, 0, "[%s] has no %s; every word on "
                            "the screen comes from here, so add a line under "
                            "[%s] like %s = %s", e->section, e->key, e->section,
                            e->key, e->example);
        else
            loader_diag_add(st->L, DIAG_ERROR, 0, "[%s] %s is missing; write %s, "
                            "like %s = %s", e->section, e->key, e->help, e->key,
                            e->example);
    }
}

/* Rules between settings, and what must be there. */
static void cross_checks(ini_state *st)
{
    content_settings *c = &st->L->s->settings;
    content_loader *L = st->L;
    required_missing(st, 0);
    if (c->idle_notice_s >= c->idle_timeout_s)
        loader_diag_add(L, DIAG_ERROR, seen_at(st, "kiosk", "idle_notice"),
                        "idle_notice (%d) must be shorter than idle_timeout (%d)",
                        c->idle_notice_s, c->idle_timeout_s);
    if (c->loop_max_s < c->loop_min_s)
        loader_diag_add(L, DIAG_ERROR, seen_at(st, "loop", "max_seconds"),
                        "max_seconds (%d) must not be shorter than min_seconds "
                        "(%d)", c->loop_max_s, c->loop_min_s);
    if (c->loop_languages == LOOP_LANGS_ALL && L->nlang_dirs == 0)
        loader_diag_add(L, DIAG_WARNING, seen_at(st, "loop", "languages"),
                        "languages = all, but the content has no translation (a "
                        "language folder like es/), so the slideshow shows one "
                        "language; add a translation, or remove this line");
    required_missing(st, 1);
    content_contrast_check(L, st->seen);
    L->booking_card_line = seen_at(st, "booking", "card");
    /* With [hours] present, a day left out is closed. */
    int any = 0;
    for (int i = 0; i < content_settings_count; i++)
        any |= row(i)->type == SETTING_HOURS && st->seen[i];
    c->has_hours = any;
    for (int i = 0; any && i < content_settings_count; i++)
        if (row(i)->type == SETTING_HOURS && !st->seen[i])
            value_to_hours("closed", (content_hours *)((char *)c + row(i)->offset));
}

/* A visitor's word a translation left out: the default's shows instead. */
static void translation_missing(ini_state *st)
{
    const char *def = st->L->s->settings.label[LABEL_LANGUAGE];
    for (int i = 0; i < content_settings_count; i++) {
        const content_setting *e = row(i);
        if (st->seen[i] || !(e->flags & SETTING_LABEL) || (e->flags & SETTING_STAFF))
            continue;
        if (e->flags & SETTING_LANG) {
            required_missing(st, 1);
            continue;
        }
        const char *word = *(const char *const *)((const char *)&st->L->s->settings
                                                  + e->offset);
        loader_diag_add(st->L, DIAG_WARNING, 0, "[labels] has no %s, so this "
                        "language shows the %s word (%s) there; add a line under "
                        "[labels] like %s = followed by its translation", e->key,
                        def ? def : "content folder's", word ? word : e->example,
                        e->key);
    }
}

/* Reads rel and runs it through inih into L->settings. */
static void ini_read_file(content_loader *L, const char *rel)
{
    size_t len = 0, total = 0;
    fs_status fst = L->fs->read(L->fs->ctx, L->dir, rel, L->buf,
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
    if (L->translation)
        translation_missing(st);
    else
        cross_checks(st);
    content_text_fini(&st->t);
    free(st);
}

void content_ini_load(content_loader *L)
{
    L->settings = &L->s->settings;
    content_settings_defaults(L);
    ini_read_file(L, "kiosk.ini");
}

void content_ini_load_labels(content_loader *L, const char *rel,
                             content_settings *labels)
{
    memset(labels, 0, sizeof *labels);
    L->settings = labels;
    L->translation = 1;
    ini_read_file(L, rel);
    L->translation = 0;
    L->settings = &L->s->settings;
}
