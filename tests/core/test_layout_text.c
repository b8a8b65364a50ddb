/* test_layout_text.c — the line breaker on its own, with fake metrics (every
 * code point 0.55 px wide at size px, so 10 px makes a code point 5.5 px):
 * spaces, hyphens and dashes, numbers kept whole, words longer than a line,
 * styled runs, UTF-8. */
#include "test_layout_fixture.h"

#include "layout_kit.h"

/* At px 20 a regular code point is 11 px wide: width 11*n holds n of them. */
enum { PX = 20, CP = 11 };

static lay_ctx ctx(void)
{
    lay_ctx c;
    lay_ctx_init(&c, NULL, &fx_metrics, 800, 480);
    return c;
}

/* Breaks t into lines of at most n code points; writes "line|line|..." */
static void lines_of(const lay_text *t, int n, char *out, size_t cap)
{
    lay_ctx c = ctx();
    lay_pos p = lay_text_start(t), next;
    lay_line ln;
    size_t o = 0;
    out[0] = '\0';
    int guard = 0;
    while (lay_break(&c, t, PX, n * CP, p, &ln, &next)) {
        assert_true(++guard < 1000);
        if (o)
            o += (size_t)snprintf(out + o, cap - o, "|");
        for (int r = ln.start.run; r <= ln.end.run && r < t->nruns; r++) {
            int from = r == ln.start.run ? ln.start.off : 0;
            int to = r == ln.end.run ? ln.end.off : t->runs[r].len;
            o += (size_t)snprintf(out + o, cap - o, "%.*s", to - from, t->runs[r].text + from);
        }
        if (n > 0)
            assert_true(lay_line_width(&c, t, PX, ln) <= n * CP);
        p = next;
    }
}

static void check(const char *text, int n, const char *want)
{
    content_run run = { text, (int)strlen(text), 0 };
    lay_text t = { &run, 1, 0, { 0, 0 } };
    char got[4096];
    lines_of(&t, n, got, sizeof got);
    assert_string_equal(got, want);
}

static void test_layout_text_breaks_at_spaces(void **state)
{
    check("one two three four", 9, "one two|three|four");
    check("one two three four", 18, "one two three four");
    check("  leading and  double  spaces ", 11, "leading and|double|spaces");
    /* (The parser turns newlines and tabs into single spaces.) */
    check("", 10, "");
    check("   ", 10, "");
}

static void test_layout_text_breaks_after_hyphens_and_dashes(void **state)
{
    check("well-paced runner", 8, "well-|paced|runner");
    check("well-paced runner", 10, "well-paced|runner");
    /* An em dash between words without spaces: break after it. */
    check("rest\xE2\x80\x94then ice", 6, "rest\xE2\x80\x94|then|ice");
    check("60-90 minutes", 4, "60-|90|minu|tes");
}

/* A phone number split over two lines is hard to read and to dial: the old
 * breaker ended lines after "799-" and after "(801)". */
static void test_layout_text_phone_number_kept_whole(void **state)
{
    (void)state;
    check("Call (801) 799-4999 to schedule", 16, "Call|(801) 799-4999|to schedule");
    check("Llame al (801) 799-4999 para hacer su cita", 19,
          "Llame al|(801) 799-4999 para|hacer su cita");
    /* "(801)" not left at a line's end with the rest on the next. */
    check("Call us at (801) 799-4999", 16, "Call us at|(801) 799-4999");
    check("Call +1 (801) 799-4999 today", 18, "Call|+1 (801) 799-4999|today");
    check("Call +1 801 799 4999 today", 16, "Call|+1 801 799 4999|today");
    /* As on the card: "Call " plain, the number bold, the rest plain. */
    content_run runs[3] = { { "Call ", 5, 0 }, { "(801) 799-4999", 14, RUN_BOLD },
                            { " to schedule", 12, 0 } };
    lay_text t = { runs, 3, 0, { 0, 0 } };
    char got[256];
    lines_of(&t, 17, got, sizeof got);   /* "Call (801) 799-" fits in 17 */
    assert_string_equal(got, "Call|(801) 799-4999|to schedule");
    /* Spaces between words and numbers still break. */
    check("Room 4 has 2 tables", 10, "Room 4 has|2 tables");
}

/* A range of numbers stays whole; words joined by a hyphen still break. */
static void test_layout_text_number_range_kept_whole(void **state)
{
    (void)state;
    check("Often 15\xE2\x80\x93" "20% or more", 9, "Often|15\xE2\x80\x93" "20% or|more");
    check("Often 15-20% or more", 9, "Often|15-20% or|more");
    check("Often 15\xE2\x80\x90" "20% or more", 9, "Often|15\xE2\x80\x90" "20% or|more");
    check("a well-known spa", 7, "a well-|known|spa");
    check("a 60-minute visit", 5, "a 60-|minut|e|visit");
    check("ice\xE2\x80\x93" "20 min", 4, "ice\xE2\x80\x93|20|min");
}

/* A number wider than the whole line still breaks, never past the width
 * (lines_of checks every line): at a space first, else after a dash, else
 * between code points like any long word. */
static void test_layout_text_number_wider_than_line_still_breaks(void **state)
{
    (void)state;
    check("(801) 799-4999", 12, "(801)|799-4999");
    check("Call (801) 799-4999 to schedule", 11, "Call|(801)|799-4999 to|schedule");
    check("(801) 799-4999", 4, "(801|)|799-|4999");
    check("799-4999", 6, "799-|4999");
    check("15\xE2\x80\x93" "20", 3, "15\xE2\x80\x93|20");
    check("+18017994999", 5, "+1801|79949|99");
    check("+1 801 799 4999 today", 12, "+1 801 799|4999 today");
}

/* A word longer than a line breaks between code points, never inside one. */
static void test_layout_text_long_word_breaks_at_code_points(void **state)
{
    check("abcdefghij", 4, "abcd|efgh|ij");
    check("Ren\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9" "e", 3, "Ren|\xC3\xA9\xC3\xA9\xC3\xA9|\xC3\xA9" "e");
    check("\xE2\x80\x9C" "curly\xE2\x80\x9D", 3, "\xE2\x80\x9C" "cu|rly|\xE2\x80\x9D");
    /* Even a line too narrow for one code point shows one per line. */
    check("ab", 0, "a|b");
    char word[301];
    memset(word, 'x', 300);
    word[300] = '\0';
    content_run run = { word, 300, 0 };
    lay_text t = { &run, 1, 0, { 0, 0 } };
    char got[4096];
    lines_of(&t, 40, got, sizeof got);
    int lines = 1;
    for (const char *p = got; *p; p++)
        lines += *p == '|';
    assert_int_equal(lines, 8);   /* 7 lines of 40 and one of 20 */
}

/* Runs of different faces measure with their own face and break as one text. */
static void test_layout_text_styled_runs(void **state)
{
    content_run runs[3] = { { "a ", 2, 0 }, { "bold", 4, RUN_BOLD }, { "ly said", 7, 0 } };
    lay_text t = { runs, 3, 0, { 0, 0 } };
    char got[256];
    lines_of(&t, 9, got, sizeof got);
    assert_string_equal(got, "a boldly|said");
    lay_ctx c = ctx();
    lay_line ln;
    lay_pos next;
    assert_true(lay_break(&c, &t, PX, 9 * CP, lay_text_start(&t), &ln, &next));
    /* "a " regular, "bold" bold (0.6), "ly" regular. */
    int want = fx_width(NULL, FACE_REGULAR, PX, "a ", 2) + fx_width(NULL, FACE_BOLD, PX, "bold", 4) +
               fx_width(NULL, FACE_REGULAR, PX, "ly", 2);
    assert_int_equal(lay_line_width(&c, &t, PX, ln), want);
    assert_int_equal(lay_face(RUN_BOLD | RUN_ITALIC), FACE_BOLD_ITALIC);
    assert_int_equal(lay_face(RUN_ITALIC), FACE_ITALIC);
}

/* A line emits one TEXT box per styled piece, side by side, same line box. */
static void test_layout_text_emit_pieces(void **state)
{
    static layout_screen sc;
    memset(&sc, 0, sizeof sc);
    content_run runs[3] = { { "a ", 2, 0 }, { "bold", 4, RUN_BOLD }, { " end", 4, RUN_ITALIC } };
    lay_text t = { runs, 3, 0, { 0, 0 } };
    lay_ctx c = ctx();
    int h = lay_paragraph(&c, &sc, &t, PX, 10, 20, 1000, 5, 0, COL_TEXT, 0);
    assert_int_equal(h, lay_line_height(&c, PX));
    assert_true(lay_line_height(&c, PX) * 100 >= PX * 130 && lay_line_height(&c, PX) * 100 <= PX * 140);
    assert_int_equal(sc.nbox, 3);
    assert_int_equal(sc.box[0].x, 10);
    assert_int_equal(sc.box[1].x, sc.box[0].x + sc.box[0].w);
    assert_int_equal(sc.box[2].x, sc.box[1].x + sc.box[1].w);
    assert_int_equal(sc.box[1].face, FACE_BOLD);
    assert_int_equal(sc.box[2].face, FACE_ITALIC);
    assert_int_equal(sc.box[0].y, sc.box[1].y);
    assert_ptr_equal(sc.box[1].text, runs[1].text);   /* no copy */
    /* In an italic quote, emphasis stands upright. */
    lay_text quote = { runs, 3, RUN_ITALIC, { 0, 0 } };
    sc.nbox = 0;
    lay_paragraph(&c, &sc, &quote, PX, 10, 20, 1000, 5, 0, COL_TEXT, 0);
    assert_int_equal(sc.box[0].face, FACE_ITALIC);
    assert_int_equal(sc.box[1].face, FACE_BOLD_ITALIC);
    assert_int_equal(sc.box[2].face, FACE_REGULAR);
}

/* Text cut to fit a buffer keeps whole code points only, and looks at no
 * byte past the cut (the contents screen's lead once read one it never
 * copied, and drew differently from run to run). */
static void test_layout_text_cut_inside_a_code_point(void **state)
{
    (void)state;
    const char *s = "a\xE2\x80\x99" "b\xC3\xB1" "\xF0\x9F\x98\x80";   /* a ’ b ñ 😀 */
    static const int want[] = {0, 1, 1, 1, 4, 5, 5, 7, 7, 7, 7, 11};
    for (int n = 0; n <= 11; n++)
        assert_int_equal(lay_utf8_whole(s, n), want[n]);
    assert_int_equal(lay_utf8_whole("\x80\x80", 2), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_text_breaks_at_spaces),
        cmocka_unit_test(test_layout_text_breaks_after_hyphens_and_dashes),
        cmocka_unit_test(test_layout_text_phone_number_kept_whole),
        cmocka_unit_test(test_layout_text_number_range_kept_whole),
        cmocka_unit_test(test_layout_text_number_wider_than_line_still_breaks),
        cmocka_unit_test(test_layout_text_long_word_breaks_at_code_points),
        cmocka_unit_test(test_layout_text_styled_runs),
        cmocka_unit_test(test_layout_text_emit_pieces),
        cmocka_unit_test(test_layout_text_cut_inside_a_code_point),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
