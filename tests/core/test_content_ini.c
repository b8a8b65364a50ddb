/* test_content_ini.c — kiosk.ini: unknown, repeated and bad settings are
 * each reported at their line; good settings and defaults reach the model. */
#include "test_content_util.h"

static void test_content_ini_unknown_key(void **state)
{
    (void)state;
    with_ini("[kiosk]\nidle_timout = 30\n[colors]\nground = #000000\n");
    content_snapshot *s = tu_load();
    int l = ini_line0();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 1, "idle_timout", "not a setting",
              "idle_timeout");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 2, "[colors]", "not a section",
              "colours");
    /* The key under the unknown section is not reported again. */
    assert_int_equal(s->nerrors, 2);
    content_free(s);
}

static void test_content_ini_duplicate_key(void **state)
{
    (void)state;
    with_ini("[kiosk]\nidle_timeout = 30\nidle_notice = 5\nidle_timeout = 90\n");
    content_snapshot *s = tu_load();
    int l = ini_line0();
    char a[32], b[32];
    snprintf(a, sizeof a, "line %d", l + 1);
    snprintf(b, sizeof b, "line %d", l + 3);
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 3, "idle_timeout", "twice", a, b);
    content_free(s);
}

static void test_content_ini_idle_timeout_negative(void **state)
{
    (void)state;
    with_ini("[kiosk]\nidle_timeout = -5\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", ini_line0() + 1, "idle_timeout = -5",
              "10 to 3600");
    content_free(s);
}

static void test_content_ini_idle_timeout_banana(void **state)
{
    (void)state;
    with_ini("[kiosk]\nidle_timeout = banana\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", ini_line0() + 1, "banana", "whole number",
              "10 to 3600");
    content_free(s);
}

static void test_content_ini_bad_values(void **state)
{
    (void)state;
    char extra[1024];
    snprintf(extra, sizeof extra, "%s",
             "[colours]\nground = #12345\n[screen]\nrotate = 45\n"
             "[kiosk]\nreduce_motion = maybe\nidle_notice = 90\n"
             "[staff]\npin = 12\n[hours]\nmonday = 9-5\n"
             "[loop]\ntopics = 10-a.md, 99-nope.md\n");
    with_ini(extra);
    content_snapshot *s = tu_load();
    int l = ini_line0();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 1, "#12345", "six hex digits");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 3, "rotate = 45", "0, 90, 180 or 270");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 5, "maybe", "yes or no");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 6, "idle_notice = 90", "3 to 30");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 8, "4 to 8 digits");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 10, "9-5", "09:00-21:00");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 12, "99-nope.md", "not a topic file");
    /* Only 99-nope.md is wrong: 10-a.md is in the loop. */
    assert_true(s->topics[0].in_loop);
    content_free(s);
}

static void test_content_ini_bad_lines(void **state)
{
    (void)state;
    char longline[300];
    memset(longline, 'x', 250);
    longline[250] = '\0';
    char extra[1024];
    snprintf(extra, sizeof extra, "[loop]\nmin_seconds = 30\nmax_seconds = 10\n"
             "just words\n; %s\n= 5\n[spa\nname = Other\n"
             "[kiosk]\nidle_timeout = 10\nidle_notice = 10\n", longline);
    with_ini(extra);
    content_snapshot *s = tu_load();
    int l = ini_line0();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 2, "max_seconds", "min_seconds");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 3, "not a setting", "key = value");
    /* A long note is fine (inih's 200-byte lines are not a limit here). */
    const char *const any[] = { "", NULL };
    assert_null(tu_find(s, "kiosk.ini", l + 4, any));
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 5, "no name");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 6, "closing ]");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", l + 10, "idle_notice", "shorter than");
    content_free(s);
}

static void test_content_ini_labels(void **state)
{
    (void)state;
    tu_write("kiosk.ini", "[spa]\ncity = X\n[labels]\nback =\nposition = {n} of all\n");
    tu_write("10-a.md", "# A\n\nText.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 0, "[spa] name is missing");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 4, "back is empty");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 5, "{n} and {total}");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 0, "[labels] has no tap_cue",
              "tap_cue = Touch the screen to explore");
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 0, "[labels] has no menu_title",
              "menu_title = What would you like to know?");
    assert_null(s->settings.label[LABEL_TAP_CUE]);
    content_free(s);
}

/* The staff view's words are needed only when it is on (a pin is set). */
static void test_content_ini_staff_labels(void **state)
{
    (void)state;
    const char *core =
        "[spa]\nname = S\n[labels]\ntap_cue = T\nmenu_title = M\nback = B\n"
        "home = H\nnext = N\nprevious = P\nidle_notice = I\n"
        "position = {n} / {total}\nphone_prefix = C\ncontinued = c\n"
        "place = {topic} {n} {total}\n";
    tu_write("10-a.md", "# A\n\nText.\n");
    tu_write("kiosk.ini", core);
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    content_free(s);
    char with_pin[1024];
    snprintf(with_pin, sizeof with_pin, "%s[staff]\npin = 4816\n", core);
    tu_write("kiosk.ini", with_pin);
    s = tu_load();
    assert_false(content_usable(s));
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 0, "[labels] has no staff_reload",
              "staff_reload = Reload now");
    content_free(s);
}

/* A setting that is a word (SETTING_NAME) at offset `at` of the settings:
 * good (any case) gives want; bad is refused at its line naming the words
 * allowed, and the setting keeps its default def. */
static void name_setting(const char *section, const char *good, int want,
                         const char *bad, const char *words, size_t at, int def)
{
    char ini[256], line[128];
    snprintf(ini, sizeof ini, "[%s]\n%s\n", section, good);
    with_ini(ini);
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(*(const int *)((const char *)&s->settings + at), want);
    content_free(s);
    snprintf(ini, sizeof ini, "[%s]\n%s\n", section, bad);
    snprintf(line, sizeof line, "%s", bad);
    with_ini(ini);
    s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", ini_line0() + 1, line, words);
    assert_int_equal(*(const int *)((const char *)&s->settings + at), def);
    content_free(s);
}

/* [loop] languages: all or default; a word it does not know (both, which
 * a staff member might well write) refused at its line, naming the two. */
static void test_content_ini_loop_languages_unknown_word(void **state)
{
    (void)state;
    name_setting("loop", "languages = DEFAULT", LOOP_LANGS_DEFAULT, "languages = both",
                 "write default or all", offsetof(content_settings, loop_languages),
                 LOOP_LANGS_DEFAULT);
}

/* languages = all without a translation: taken (the kiosk shows the one
 * language), with a warning at its line saying why nothing changes. */
static void test_content_ini_loop_languages_without_translation(void **state)
{
    (void)state;
    with_ini("[loop]\nlanguages = All\n");
    content_snapshot *s = tu_load();
    assert_true(content_usable(s));
    assert_int_equal(s->settings.loop_languages, LOOP_LANGS_ALL);
    tu_expect(s, DIAG_WARNING, "kiosk.ini", ini_line0() + 1, "languages = all",
              "no translation");
    content_free(s);
}

/* [screen] sleep is a word: any case taken, a word it does not know (dpms,
 * which the kiosk cannot do under KMSDRM) refused naming the four. */
static void test_content_ini_sleep_unknown_word(void **state)
{
    (void)state;
    name_setting("screen", "sleep = CEC", SLEEP_CEC, "sleep = dpms",
                 "auto, backlight, cec or black", offsetof(content_settings, screen_sleep),
                 SLEEP_AUTO);
    tu_write("kiosk.ini", tu_good_ini);
    content_snapshot *s = tu_load();
    assert_int_equal(s->settings.screen_sleep, SLEEP_AUTO);
    content_free(s);
}

static void test_content_ini_settings(void **state)
{
    (void)state;
    /* Notepad CRLF, indented keys, inline notes, upper case. */
    with_ini("[Kiosk]\r\n  idle_timeout = 120 ; two minutes\r\nidle_notice=10\r\n"
             "reduce_motion = On\r\n[colours]\r\naccent = #E0A96D\r\n"
             "[screen]\r\nrotate = 270\r\n[hours]\r\nmonday = 09:00-21:00\r\n"
             "sunday = closed\r\n[staff]\r\npin = 4816\r\n[loop]\r\n"
             "topics = 10-a.md\r\nwords_per_minute = 200\r\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_settings *c = &s->settings;
    assert_int_equal(c->idle_timeout_s, 120);
    assert_int_equal(c->idle_notice_s, 10);
    assert_int_equal(c->reduce_motion, 1);
    assert_int_equal(c->transition_ms, 320);
    assert_int_equal(c->accent.r, 0xe0);
    assert_int_equal(c->accent.g, 0xa9);
    assert_int_equal(c->accent.b, 0x6d);
    assert_int_equal(c->rotate, 270);
    assert_int_equal(c->words_per_minute, 200);
    assert_true(c->has_hours);
    assert_int_equal(c->hours[1].open_min, 9 * 60);
    assert_int_equal(c->hours[1].close_min, 21 * 60);
    assert_int_equal(c->hours[0].open_min, c->hours[0].close_min);   /* Sunday */
    assert_int_equal(c->hours[2].open_min, c->hours[2].close_min);   /* left out */
    assert_string_equal(c->staff_pin, "4816");
    assert_string_equal(c->spa_name, "Test Spa");
    assert_string_equal(c->label[LABEL_POSITION], "{n} / {total}");
    assert_string_equal(c->label[LABEL_CONTINUED], "continued");
    assert_true(s->topics[0].in_loop);
    content_free(s);
}

static void test_content_ini_defaults(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_settings *c = &s->settings;
    assert_int_equal(c->idle_timeout_s, 60);
    assert_int_equal(c->idle_notice_s, 20);   /* WCAG 2.2.1: 20 s to ask for more */
    assert_int_equal(c->more_time, 3);
    assert_false(c->high_contrast);
    assert_int_equal(c->loop_min_s, 7);
    assert_int_equal(c->loop_max_s, 20);
    assert_false(c->has_hours);
    assert_int_equal(c->hours[3].close_min, 24 * 60);
    assert_null(c->staff_pin);
    content_free(s);
}

/* A kiosk.ini line over inih's 200 bytes was refused, and its setting then
 * reported missing too ("[spa] name is missing"). */
static void test_content_ini_long_line(void **state)
{
    (void)state;
    char name[301], city[601], ini[8192];
    memset(name, 'n', 300);
    name[300] = '\0';
    memset(city, 'c', 600);
    city[600] = '\0';
    const char *rest = strstr(tu_good_ini, "phone =");
    snprintf(ini, sizeof ini, "[spa]\nname = %s\ncity = %s\n%s", name, city, rest);
    tu_write("kiosk.ini", ini);
    tu_write("10-a.md", "# A\n\nText.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 3, "city is too long", "512");
    assert_int_equal(s->nerrors, 1);
    assert_string_equal(s->settings.spa_name, name);
    content_free(s);
}

/* "name = Matrix Spa ; & Massage" silently became "Matrix Spa" (inih takes a
 * ; after a blank as the start of a note). Words shown on screen keep their
 * ; ; a note after a number still works. */
static void test_content_ini_semicolon_in_words(void **state)
{
    (void)state;
    char ini[4096];
    snprintf(ini, sizeof ini, "%s", tu_good_ini);
    char *p = strstr(ini, "name = Test Spa\n");
    char *after = strdup(p + strlen("name = Test Spa\n"));
    sprintf(p, "name = Matrix Spa ; & Massage\n%s[kiosk]\nidle_timeout = 90 ; "
            "a minute and a half\n", after);
    free(after);
    tu_write("kiosk.ini", ini);
    tu_write("10-a.md", "# A\n\nText.\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_string_equal(s->settings.spa_name, "Matrix Spa ; & Massage");
    assert_int_equal(s->settings.idle_timeout_s, 90);
    content_free(s);
}

/* Every message, and the STATUS.txt and --check text made of them. */
static int any_diag_has(const content_snapshot *s, const char *part)
{
    char line[1200];
    for (int i = 0; i < s->ndiags; i++) {
        content_diag_format(&s->diags[i], line, sizeof line);
        if (strstr(line, part))
            return 1;
    }
    return 0;
}

/* The shipped PIN (2580) and others anyone would try are warned about; a
 * PIN, right or wrong, is never repeated in a message. */
static void test_content_ini_pin_guessable_never_echoed(void **state)
{
    (void)state;
    static const char *const weak[] = {
        "2580", "0000", "1234", "1111", "9876", "7890", "1212", "12345678", NULL
    };
    char extra[128];
    for (int i = 0; weak[i]; i++) {
        snprintf(extra, sizeof extra, "[staff]\npin = %s\n", weak[i]);
        with_ini(extra);
        content_snapshot *s = tu_load();
        tu_expect(s, DIAG_WARNING, "kiosk.ini", ini_line0() + 1, "pin",
                  "guess");
        assert_int_equal(s->nerrors + s->nwarnings, 1);
        assert_false(any_diag_has(s, weak[i]));
        assert_true(content_usable(s));
        content_free(s);
    }
    static const char *const bad[] = { "12a4", "258", "123456789", "7 3 5 1", NULL };
    for (int i = 0; bad[i]; i++) {
        snprintf(extra, sizeof extra, "[staff]\npin = %s\n", bad[i]);
        with_ini(extra);
        content_snapshot *s = tu_load();
        tu_expect(s, DIAG_ERROR, "kiosk.ini", ini_line0() + 1, "pin", "4 to 8 digits");
        assert_false(any_diag_has(s, bad[i]));
        assert_null(s->settings.staff_pin);
        content_free(s);
    }
    with_ini("[staff]\npin = 4816\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_string_equal(s->settings.staff_pin, "4816");
    content_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_content_ini_unknown_key),
        T(test_content_ini_duplicate_key),
        T(test_content_ini_idle_timeout_negative),
        T(test_content_ini_idle_timeout_banana),
        T(test_content_ini_bad_values),
        T(test_content_ini_bad_lines),
        T(test_content_ini_long_line),
        T(test_content_ini_semicolon_in_words),
        T(test_content_ini_pin_guessable_never_echoed),
        T(test_content_ini_labels),
        T(test_content_ini_staff_labels),
        T(test_content_ini_sleep_unknown_word),
        T(test_content_ini_loop_languages_unknown_word),
        T(test_content_ini_loop_languages_without_translation),
        T(test_content_ini_settings),
        T(test_content_ini_defaults),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
