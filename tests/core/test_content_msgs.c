/* test_content_msgs.c — the messages staff read must not mislead: errors
 * never crowded out by warnings, counts that agree, problems at the line
 * where they are, nothing on screen that staff did not mean. */
#include "test_content_util.h"

#include "kiosk_limits.h"
#include "status.h"

static char *status_of(const content_snapshot *s)
{
    status_report r = { STATUS_PARTIAL, NULL, NULL, NULL, s, s, NULL, NULL, NULL, NULL };
    size_t n = status_format(&r, NULL, 0);
    char *buf = malloc(n + 1);
    assert_non_null(buf);
    status_format(&r, buf, n + 1);
    return buf;
}

static void has(const char *text, const char *part)
{
    if (!strstr(text, part))
        fail_msg("missing \"%s\" in:\n%s", part, text);
}

/* Nine ### headings (a warning each) before an empty ## (an error): STATUS.txt
 * said "1 error" and showed only "...and 1 more problem". */
static void test_content_error_after_eight_warnings(void **state)
{
    (void)state;
    char t[512] = "# A\n\nText.\n\n";
    for (int i = 0; i < 9; i++)
        strcat(t, "### h\n\n");
    strcat(t, "##\n\nText.\n");
    with_topic("10-a.md", t);
    content_snapshot *s = tu_load();
    assert_int_equal(s->nerrors, 1);
    tu_expect(s, DIAG_ERROR, "10-a.md", 23, "heading has no words");
    char *st = status_of(s);
    has(st, "1 error");
    has(st, "10-a.md:23: this card heading has no words");
    has(st, "...and 2 more problems in this file");
    free(st);
    content_free(s);
}

/* With the whole list full of warnings, an error in the last file still
 * gets its line. */
static void test_content_error_after_full_list(void **state)
{
    (void)state;
    char t[512] = "# A\n\nText.\n\n";
    for (int i = 0; i < 9; i++)
        strcat(t, "### h\n\n");
    tu_write("kiosk.ini", tu_good_ini);
    char name[32];
    for (int f = 0; f < KIOSK_MAX_TOPICS - 1; f++) {
        snprintf(name, sizeof name, "%02d-t.md", 10 + f);
        tu_write(name, t);
    }
    strcat(t, "##\n\nText.\n");
    tu_write("90-last.md", t);
    content_snapshot *s = tu_load();
    assert_int_equal(s->nerrors, 1);
    tu_expect(s, DIAG_ERROR, "90-last.md", 23, "heading has no words");
    content_free(s);
}

/* "...and 29992 more problems" beside "(29991 more problems not listed)". */
static void test_content_hidden_counts_agree(void **state)
{
    (void)state;
    char *t = malloc(200000);
    assert_non_null(t);
    strcpy(t, "# A\n\n");
    size_t n = strlen(t);
    for (int i = 0; i < 30000; i++)
        memcpy(t + n, "caf\xe9\n", 5), n += 5;
    t[n] = '\0';
    with_topic("10-a.md", t);
    free(t);
    content_snapshot *s = tu_load();
    assert_int_equal(s->nerrors, 30000);
    tu_expect(s, DIAG_ERROR, "10-a.md", 0, "29992 more problems in this file");
    assert_int_equal(s->nhidden, 29992);
    char *st = status_of(s);
    has(st, "(29992 more problems not listed");
    free(st);
    content_free(s);
}

/* *** rules on lines 5, 7 and 9 were all reported at line 5, an empty ## on
 * line 7 at line 5, an empty ![pic]() on line 3 at line 1. */
static void test_content_rule_heading_picture_lines(void **state)
{
    (void)state;
    tu_write("kiosk.ini", tu_good_ini);
    tu_write("10-a.md", "# A\n\nText.\n\n***\n\n***\n\n***\n\nMore.\n");
    tu_write("20-b.md", "# B\n\nText.\n\nMore.\n\n##\n\nText.\n");
    tu_write("30-c.md", "# C\n\n![pic]()\n\nText.\n");
    tu_write("40-d.md", "# D\n\nText.\n\n- one\n- ***\n\n> ---\n\n![](a&amp;b.png)\n"
                        "\n![](c\\d.png)\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "10-a.md", 5, "line across");
    tu_expect(s, DIAG_WARNING, "10-a.md", 7, "line across");
    tu_expect(s, DIAG_WARNING, "10-a.md", 9, "line across");
    tu_expect(s, DIAG_ERROR, "20-b.md", 7, "heading has no words");
    tu_expect(s, DIAG_ERROR, "30-c.md", 3, "");
    tu_expect(s, DIAG_WARNING, "40-d.md", 6, "line across");
    tu_expect(s, DIAG_WARNING, "40-d.md", 8, "line across");
    tu_expect(s, DIAG_ERROR, "40-d.md", 10, "a&amp;b.png");
    tu_expect(s, DIAG_ERROR, "40-d.md", 12, "c");
    content_free(s);
}

/* ![x](images/evening calm.jpg) passed with no warning and showed as
 * written. Picture or link syntax md4c does not take is an error that says
 * how to write it; the < > form the message suggests is a picture. */
static void test_content_picture_name_with_space(void **state)
{
    (void)state;
    mkdir(tu_path("images"), 0755);
    write_png("images/evening calm.png", 400, 300);
    tu_write("kiosk.ini", tu_good_ini);
    tu_write("10-a.md", "# A\n\nText.\n\n![x](images/evening calm.png)\n");
    tu_write("20-b.md", "# B\n\n![x](<images/evening calm.png>)\n");
    tu_write("30-c.md", "# C\n\nSee ![*x*] (images/evening.png) and\n"
                        "[our site](www.example.com/a page).\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 5, "space", "rename", "< >");
    assert_int_equal(topic(s, "20-b.md")->nerrors, 0);
    const content_block *b = &topic(s, "20-b.md")->cards[0].blocks[0];
    assert_int_equal(b->kind, BLOCK_IMAGE);
    assert_string_equal(b->image, "images/evening calm.png");
    tu_expect(s, DIAG_ERROR, "30-c.md", 3, "picture", "nothing between ] and (");
    tu_expect(s, DIAG_ERROR, "30-c.md", 4, "link", "no spaces");
    assert_int_equal(s->nerrors, 3);
    content_free(s);
}

/* ESC, BEL and other control characters passed and drew as boxes. */
static void test_content_control_characters(void **state)
{
    (void)state;
    char ini[4096];
    snprintf(ini, sizeof ini, "%s", tu_good_ini);
    char *p = strstr(ini, "name = Test Spa");
    memcpy(p, "name = Te\astSpa", 15);
    tu_write("kiosk.ini", ini);
    tu_write("10-a.md", "# A\x1b[1m\n\nText \x07here.\n\nA \xc2\x85" "C1 one\x7f.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "10-a.md", 1, "escape character", "delete it");
    tu_expect(s, DIAG_WARNING, "10-a.md", 3, "bell");
    tu_expect(s, DIAG_WARNING, "10-a.md", 5, "control character");
    tu_expect(s, DIAG_WARNING, "kiosk.ini", 2, "bell");
    assert_int_equal(s->nerrors, 0);
    assert_int_equal(s->nwarnings, 4);
    const content_topic *t = topic(s, "10-a.md");
    assert_string_equal(t->title, "A [1m");
    assert_string_equal(t->cards[0].blocks[0].runs[0].text, "Text here.");
    assert_string_equal(t->cards[0].blocks[1].runs[0].text, "A C1 one .");
    assert_string_equal(s->settings.spa_name, "Te stSpa");
    content_free(s);
}

/* Every metadata-only touch re-logged the whole problem list: the journal
 * gets it again only when status_same_problems says it changed. */
static void test_status_touch_same_problems(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n\n***\n\n#### h\n");
    content_snapshot *a = tu_load();
    assert_int_equal(a->nwarnings, 2);
    assert_false(status_same_problems(NULL, a));
    tu_write("10-a.md", "# A\n\nText.\n\n***\n\n#### h\n");   /* saved again */
    content_snapshot *b = tu_load();
    assert_true(status_same_problems(a, b));
    tu_write("10-a.md", "# A\n\nText.\n\n\n***\n\n#### h\n");   /* a line moved */
    content_snapshot *c = tu_load();
    assert_false(status_same_problems(b, c));
    tu_write("10-a.md", "# A\n\nText.\n\n\n***\n\n~~h~~\n");   /* other words */
    content_snapshot *d = tu_load();
    assert_int_equal(d->nwarnings, 2);
    assert_int_equal(d->diags[1].line, c->diags[1].line);
    assert_false(status_same_problems(c, d));
    tu_write("10-a.md", "# A\n\nText.\n");   /* fixed */
    content_snapshot *e = tu_load();
    assert_false(status_same_problems(d, e));
    content_free(a), content_free(b), content_free(c), content_free(d);
    content_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_content_error_after_eight_warnings),
        T(test_content_error_after_full_list),
        T(test_content_hidden_counts_agree),
        T(test_content_rule_heading_picture_lines),
        T(test_content_picture_name_with_space),
        T(test_content_control_characters),
        T(test_status_touch_same_problems),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
