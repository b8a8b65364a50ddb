/* test_content_settings.c — the table of kiosk.ini settings against the
 * staff guide (content/README.md): a key the guide leaves out, a range or a
 * default it writes differently, a label example that drifted; and the
 * table against itself (two rows storing in one place, a label missing). */
#include "test_content_util.h"

#include "content_settings.h"

enum { GUIDE_ROWS = 128, GUIDE_COLS = 6, CELL = 256 };

/* One table row of the guide: its section, the keys in its first cell and
 * its cells by column name, backticks removed. */
typedef struct guide_row {
    char section[32];
    char keys[CELL];                  /* "monday,tuesday" */
    char col[GUIDE_COLS][32];
    char cell[GUIDE_COLS][CELL];
    char raw_allowed[CELL];           /* with backticks, for its values */
    int ncols;
} guide_row;

static guide_row rows[GUIDE_ROWS];
static int nrows;

static void trim_copy(char *out, size_t cap, const char *s, size_t n, int ticks)
{
    while (n && *s == ' ')
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++)
        if (ticks || s[i] != '`')
            out[k++] = s[i];
    out[k] = '\0';
}

/* Splits "| a | b |" into trimmed cells; returns how many. */
static int split(const char *line, char cells[][CELL], int max, int ticks)
{
    int n = 0;
    const char *p = strchr(line, '|');
    while (p && n < max) {
        const char *q = strchr(p + 1, '|');
        if (!q)
            break;
        trim_copy(cells[n++], CELL, p + 1, (size_t)(q - p - 1), ticks);
        p = q;
    }
    return n;
}

/* The backticked words of s, joined by commas. */
static void ticked(const char *s, char *out, size_t cap)
{
    out[0] = '\0';
    for (const char *p = strchr(s, '`'); p; p = strchr(p + 1, '`')) {
        const char *q = strchr(p + 1, '`');
        if (!q)
            break;
        if (out[0])
            strncat(out, ",", cap - strlen(out) - 1);
        strncat(out, p + 1, (size_t)(q - p - 1) < cap - strlen(out) - 1
                                ? (size_t)(q - p - 1) : cap - strlen(out) - 1);
        p = q;
    }
}

/* A guide's cell into a row: it must fit (a longer one is a test to widen,
 * not text to cut; and gcc's -Wformat-truncation stays quiet on -O2). */
static void put(char *dst, size_t cap, const char *src)
{
    size_t n = strlen(src);
    assert_true(n < cap);
    memcpy(dst, src, n + 1);
}

static void guide_load(void)
{
    const char *src = getenv("KIOSK_SOURCE_DIR");
    char path[1024];
    snprintf(path, sizeof path, "%s/content/README.md", src ? src : KIOSK_SOURCE_DIR);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    char line[2048], section[32] = "", head[GUIDE_COLS][CELL];
    int nhead = 0;
    nrows = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (!strncmp(line, "#", 1)) {
            const char *b = strstr(line, "### [");
            section[0] = '\0';
            if (b && !strncmp(line, "### [", 5))
                sscanf(b + 5, "%31[^]]", section);
            nhead = 0;
        } else if (!strncmp(line, "| Setting |", 11)) {
            nhead = split(line, head, GUIDE_COLS, 0);
        } else if (section[0] && nhead && !strncmp(line, "| `", 3)) {
            assert_true(nrows < GUIDE_ROWS);
            guide_row *r = &rows[nrows++];
            char cells[GUIDE_COLS][CELL], raw[GUIDE_COLS][CELL];
            r->ncols = split(line, cells, GUIDE_COLS, 0);
            split(line, raw, GUIDE_COLS, 1);
            snprintf(r->section, sizeof r->section, "%s", section);
            ticked(raw[0], r->keys, sizeof r->keys);
            r->raw_allowed[0] = '\0';
            for (int c = 0; c < r->ncols && c < nhead; c++) {
                put(r->col[c], sizeof r->col[c], head[c]);
                put(r->cell[c], sizeof r->cell[c], cells[c]);
                if (!strcmp(head[c], "Allowed"))
                    put(r->raw_allowed, sizeof r->raw_allowed, raw[c]);
            }
        }
    }
    fclose(f);
}

static int has_key(const char *keys, const char *key)
{
    size_t n = strlen(key);
    for (const char *p = keys; (p = strstr(p, key)); p += n)
        if ((p == keys || p[-1] == ',') && (p[n] == ',' || !p[n]))
            return 1;
    return 0;
}

static const guide_row *guide_find(const char *section, const char *key)
{
    for (int i = 0; i < nrows; i++)
        if (!strcmp(rows[i].section, section) && has_key(rows[i].keys, key))
            return &rows[i];
    return NULL;
}

/* The cell under column name, or NULL when the guide's table has none. */
static const char *cell(const guide_row *r, const char *name)
{
    for (int c = 0; c < r->ncols; c++)
        if (!strcmp(r->col[c], name))
            return r->cell[c];
    return NULL;
}

static void fail_row(const content_setting *e, const char *what, const char *got)
{
    fail_msg("content/README.md [%s] %s: %s (the guide has \"%s\")", e->section,
             e->key, what, got ? got : "nothing");
}

static int starts(const char *s, const char *prefix)
{
    return s && !strncmp(s, prefix, strlen(prefix));
}

/* Every value the guide writes in backticks under Allowed must be one the
 * kiosk takes. */
static void allowed_values_parse(const content_setting *e, const guide_row *r)
{
    char vals[CELL];
    ticked(r->raw_allowed, vals, sizeof vals);
    char *save = NULL;
    for (char *v = strtok_r(vals, ",", &save); v; v = strtok_r(NULL, ",", &save)) {
        int n;
        content_hours h;
        int ok = e->type == SETTING_BOOL ? value_to_bool(v, &n) == 0
               : e->type == SETTING_CHOICE ? value_to_choice(v, e->choices, &n) == 0
               : e->type == SETTING_NAME ? value_to_name(v, e->names, &n) == 0
               : value_to_hours(v, &h) == 0;
        if (!ok)
            fail_row(e, "Allowed names a value the kiosk refuses", v);
    }
}

static void range_matches(const content_setting *e, const guide_row *r)
{
    const char *allowed = cell(r, "Allowed");
    char want[96];
    switch (e->type) {
    case SETTING_INT:
        snprintf(want, sizeof want, "%d to %d", e->lo, e->hi);
        break;
    case SETTING_PIN:
        snprintf(want, sizeof want, "%d to %d digits", e->lo, e->hi);
        break;
    case SETTING_BOOL:
        snprintf(want, sizeof want, "yes or no");
        break;
    case SETTING_CHOICE:
        content_setting_choices_words(e->choices, want, sizeof want);
        break;
    case SETTING_NAME:
        content_setting_names_words(e->names, want, sizeof want);
        break;
    case SETTING_HOURS:
        snprintf(want, sizeof want, "%s", e->example);
        break;
    default:
        return;
    }
    if (!starts(allowed, want))
        fail_row(e, "Allowed must start with the kiosk's range", allowed);
    if (e->type == SETTING_BOOL || e->type == SETTING_CHOICE ||
        e->type == SETTING_NAME || e->type == SETTING_HOURS)
        allowed_values_parse(e, r);
}

static void test_content_settings_guide_lists_every_key(void **state)
{
    (void)state;
    guide_load();
    for (int i = 0; i < content_settings_count; i++) {
        const content_setting *e = &content_settings_table[i];
        const guide_row *r = guide_find(e->section, e->key);
        if (!r)
            fail_row(e, "not listed in a table under its ### [section]", NULL);
        range_matches(e, r);
        const char *def = cell(r, "If left out");
        int needs_def = e->type == SETTING_INT || e->type == SETTING_BOOL ||
                        e->type == SETTING_CHOICE || e->type == SETTING_NAME ||
                        e->type == SETTING_TOPICS;
        if ((def || needs_def) && (!def || !e->def || strcmp(def, e->def)))
            fail_row(e, "If left out must be the kiosk's default", def);
        const char *ex = cell(r, "Now") ? cell(r, "Now") : cell(r, "Example");
        if (e->type == SETTING_WORDS && (!ex || strcmp(ex, e->example)))
            fail_row(e, "the example must be the kiosk's", ex);
    }
}

static void test_content_settings_guide_lists_no_unknown_key(void **state)
{
    (void)state;
    guide_load();
    assert_true(nrows > 20);
    for (int i = 0; i < nrows; i++) {
        char keys[CELL], *save = NULL;
        snprintf(keys, sizeof keys, "%s", rows[i].keys);
        for (char *k = strtok_r(keys, ",", &save); k; k = strtok_r(NULL, ",", &save))
            if (content_setting_find(rows[i].section, k) < 0)
                fail_msg("content/README.md lists [%s] %s, which the kiosk does "
                         "not know", rows[i].section, k);
    }
}

/* Rows bound by name: no two store in the same place, and every label has
 * exactly one row. */
static void test_content_settings_two_rows_one_place(void **state)
{
    (void)state;
    for (int i = 0; i < content_settings_count; i++)
        for (int j = i + 1; j < content_settings_count; j++) {
            const content_setting *a = &content_settings_table[i];
            const content_setting *b = &content_settings_table[j];
            if (a->type != SETTING_TOPICS && b->type != SETTING_TOPICS &&
                a->offset == b->offset)
                fail_msg("[%s] %s and [%s] %s store in one place", a->section,
                         a->key, b->section, b->key);
            if (!strcasecmp(a->section, b->section) && !strcasecmp(a->key, b->key))
                fail_msg("[%s] %s is in the table twice", a->section, a->key);
        }
    for (int l = 0; l < LABEL_COUNT; l++) {
        int n = 0;
        for (int i = 0; i < content_settings_count; i++)
            n += content_settings_table[i].type == SETTING_WORDS &&
                 content_settings_table[i].offset ==
                     offsetof(content_settings, label) + (size_t)l * sizeof(char *);
        if (n != 1)
            fail_msg("label %d has %d rows in the table, not 1", l, n);
    }
}

/* A default the kiosk could not read would be applied as nothing. */
static void test_content_settings_default_unreadable(void **state)
{
    (void)state;
    for (int i = 0; i < content_settings_count; i++) {
        const content_setting *e = &content_settings_table[i];
        int n;
        kiosk_rgb c;
        content_hours h;
        int ok = !e->def ||
            (e->type == SETTING_INT && value_to_int(e->def, e->lo, e->hi, &n) == 0) ||
            (e->type == SETTING_BOOL && value_to_bool(e->def, &n) == 0) ||
            (e->type == SETTING_COLOUR && value_to_colour(e->def, &c) == 0) ||
            (e->type == SETTING_CHOICE && value_to_choice(e->def, e->choices, &n) == 0) ||
            (e->type == SETTING_NAME && value_to_name(e->def, e->names, &n) == 0) ||
            (e->type == SETTING_HOURS && value_to_hours(e->def, &h) == 0) ||
            e->type == SETTING_TOPICS;
        if (!ok)
            fail_msg("[%s] %s: default %s is not a value it takes", e->section,
                     e->key, e->def);
    }
}

/* A value each number-like row takes that is not its default, as written
 * and as stored. */
static const char *other_value(const content_setting *e, char *buf, size_t cap)
{
    static const char *const fixed[] = {
        [SETTING_BOOL] = "yes", [SETTING_COLOUR] = "#010203",
        [SETTING_HOURS] = "01:00-02:00",
    };
    if (e->type == SETTING_INT) {
        snprintf(buf, cap, "%d", e->hi);
        return buf;
    }
    if (e->type == SETTING_CHOICE) {
        int k = 0;
        while (e->choices[k + 1] >= 0)
            k++;
        snprintf(buf, cap, "%d", e->choices[k]);
        return buf;
    }
    if (e->type == SETTING_NAME) {
        int k = 0;
        while (e->names[k + 1])
            k++;
        return e->names[k];
    }
    return e->type < (int)(sizeof fixed / sizeof fixed[0]) ? fixed[e->type] : NULL;
}

/* Bytes a number-like row stores, or 0 for words, the PIN and topics. */
static size_t row_size(const content_setting *e)
{
    switch (e->type) {
    case SETTING_INT: case SETTING_BOOL: case SETTING_CHOICE: case SETTING_NAME:
        return sizeof(int);
    case SETTING_COLOUR:
        return sizeof(kiosk_rgb);
    case SETTING_HOURS:
        return sizeof(content_hours);
    default:
        return 0;
    }
}

/* Row j's field in s differs from the same field in t. */
static int differs(const content_settings *s, const content_settings *t, int j)
{
    const content_setting *e = &content_settings_table[j];
    return memcmp((const char *)s + e->offset, (const char *)t + e->offset, row_size(e));
}

/* Each row's value, read through the whole loader, lands in its row's field
 * and in no other: the fault of a row stored where another is (a copied
 * line left unedited), or of values landing by their place in a list. */
static void test_content_settings_row_bound_by_name(void **state)
{
    (void)state;
    tu_mkdir();
    tu_write("kiosk.ini", tu_good_ini);
    content_snapshot *s = tu_load();
    content_settings def = s->settings;
    content_free(s);
    for (int i = 0; i < content_settings_count; i++) {
        const content_setting *e = &content_settings_table[i];
        char num[32], ini[sizeof tu_good_ini + 128];
        const char *v = other_value(e, num, sizeof num);
        if (!v || !row_size(e))
            continue;
        snprintf(ini, sizeof ini, "%s[%s]\n%s = %s\n", tu_good_ini, e->section, e->key, v);
        tu_write("kiosk.ini", ini);
        s = tu_load();
        if (!differs(&s->settings, &def, i))
            fail_msg("[%s] %s = %s did not change it", e->section, e->key, v);
        for (int j = 0; j < content_settings_count; j++) {
            const content_setting *o = &content_settings_table[j];
            int closed_day = e->type == SETTING_HOURS && o->type == SETTING_HOURS;
            if (j == i || !row_size(o) || closed_day)
                continue;
            if (differs(&s->settings, &def, j))
                fail_msg("[%s] %s = %s changed [%s] %s too", e->section, e->key, v,
                         o->section, o->key);
        }
        content_free(s);
    }
    tu_rmdir();
}

/* A setting that differs makes the settings differ, whichever row it is:
 * the live rules swap in a kiosk.ini edit by this (content_settings_same). */
static void test_content_settings_same_sees_every_row(void **state)
{
    (void)state;
    static content_settings a, b;
    memset(&a, 0, sizeof a);
    a.spa_name = "Spa";
    a.staff_pin = "739182";
    b = a;
    assert_true(content_settings_same(&a, &b));
    for (int i = 0; i < content_settings_count; i++) {
        const content_setting *e = &content_settings_table[i];
        if (e->type == SETTING_TOPICS)
            continue;
        b = a;
        char *at = (char *)&b + e->offset;
        switch (e->type) {
        case SETTING_WORDS:
        case SETTING_PIN:
            *(const char **)at = "other words";
            break;
        case SETTING_COLOUR:
            ((kiosk_rgb *)at)->g ^= 1;
            break;
        case SETTING_HOURS:
            ((content_hours *)at)->close_min += 1;
            break;
        default:
            *(int *)at += 1;
            break;
        }
        if (content_settings_same(&a, &b))
            fail_msg("[%s] %s changed, settings still the same", e->section, e->key);
    }
    b = a;
    b.has_hours = 1;
    assert_false(content_settings_same(&a, &b));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_content_settings_guide_lists_every_key),
        cmocka_unit_test(test_content_settings_guide_lists_no_unknown_key),
        cmocka_unit_test(test_content_settings_two_rows_one_place),
        cmocka_unit_test(test_content_settings_default_unreadable),
        cmocka_unit_test(test_content_settings_row_bound_by_name),
        cmocka_unit_test(test_content_settings_same_sees_every_row),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
