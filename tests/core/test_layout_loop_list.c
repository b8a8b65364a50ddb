/* test_layout_loop_list.c — the loop shows the way in (issue 14): the
 * opening card of a topic with a contents screen, its first paragraph ending
 * in a colon, lists the topic's entries after it: whole entries in order, at
 * loop body size, none that continues the card before, "…" when some are
 * left out, nothing overlapping, at the five sizes both ways round. */
#include "test_layout_fixture.h"

static layout_screen sc;   /* big: not on the stack */

typedef struct fx_deck { arena a; layout_deck d; } fx_deck;

static void build(fx_deck *x, const content_snapshot *s, int w, int h)
{
    arena_init(&x->a, 0);
    assert_int_equal(layout_deck_build(&x->d, s, &fx_metrics, w, h, &x->a), 0);
}

static const char *const lead_colon[] = { "P:Questions clients often ask us:",
                                          "P:Tap one to read its answer.", NULL };
static const char *const lead_plain[] = { "P:Questions clients often ask us.", NULL };
static const char *const answer[] = { "P:Yes.", NULL };

/* The entries' titles: one far longer than a line, one (the fourth card)
 * continuing the card before it. */
static const char *const questions[] = {
    "Will I be covered?", "Do I have to undress fully?", "How much should I tip?",
    "Is there a simple tip rule?",
    "What should I do when I am not sure which massage suits me best?",
    "Can I talk during a massage?", "What about deep tissue work?",
    "Is massage OK if I am pregnant?", "How often should I come in?" };
enum { NQ = sizeof questions / sizeof *questions, CONTINUES = 3 };

/* The FAQ (a contents screen always) rebuilt with an opening card whose
 * first paragraph is lead, and NQ questions. */
static void make_faq(content_snapshot *s, const char *const *lead)
{
    content_topic *t = &s->topics[FX_FAQ];
    fx_topic(&s->arena, t, TOPIC_FAQ, "70-faq.md", "Massage Questions", 1, NQ + 1);
    fx_card(&s->arena, &t->cards[0], CARD_TEXT, t->title, lead);
    for (int i = 0; i < NQ; i++)
        fx_card(&s->arena, &t->cards[i + 1], CARD_FAQ, questions[i], answer);
    t->cards[CONTINUES + 1].continues = 1;
}

static int loop_index_of(const layout_deck *d, int topic, int card)
{
    for (int i = 0; i < d->nloop; i++)
        if (d->loop[i].topic == topic && d->loop[i].card == card)
            return i;
    fail_msg("no loop page for topic %d card %d", topic, card);
    return -1;
}

/* The question whose title the box's text lies in, or -1. */
static int question_of(const content_topic *t, const layout_box *b)
{
    for (int i = 0; i + 1 < t->ncards; i++) {
        const char *q = t->cards[i + 1].title;
        if (b->kind == BOX_TEXT && b->text >= q && b->text < q + strlen(q))
            return i;
    }
    return -1;
}

/* Shows the loop page of the FAQ's opening card; returns how many entries
 * it lists, checking the rules on the way. */
static int check_list(const content_snapshot *s, const layout_deck *d, int entries)
{
    const content_topic *t = &s->topics[FX_FAQ];
    int li = loop_index_of(d, FX_FAQ, 0);
    layout_loop_screen(&sc, s, d, &fx_metrics, li);
    fx_check_screen(&sc, s, "loop list");
    fx_check_loop_page(s, &d->loop[li], &sc);   /* entries whole, words counted */
    layout_sizes z;
    layout_sizes_for(&z, d->w, d->h);
    int last = -1, shown = 0, bottom = 0;
    for (int i = 0; i < sc.nbox; i++) {
        int q = question_of(t, &sc.box[i]);
        if (q < 0)
            continue;
        if (sc.box[i].px < z.px_loop_body)
            fail_msg("entry \"%s\" at %d px, below the loop's body size %d at %dx%d",
                     questions[q], sc.box[i].px, z.px_loop_body, d->w, d->h);
        assert_int_not_equal(q, CONTINUES);
        assert_true(q >= last);   /* in order; a long one takes several boxes */
        shown += q != last;
        last = q;
        if (sc.box[i].y + sc.box[i].h > bottom)
            bottom = sc.box[i].y + sc.box[i].h;
    }
    /* Every entry up to the last one shown (but the continuing one); "…"
     * when some are left out. */
    assert_int_equal(shown, last < CONTINUES ? last + 1 : last);
    assert_int_equal(fx_has_text(&sc, "\xE2\x80\xA6"), shown < entries);
    /* The lead's second paragraph gives way to the list. */
    char text[8192];
    fx_text_at(&sc, 0, text, sizeof text);
    assert_null(strstr(text, "Tap one"));
    return shown;
}

static void test_layout_loop_list_whole_entries_at_body_size(void **state)
{
    content_snapshot *s = fx_snapshot();
    make_faq(s, lead_colon);
    assert_true(layout_topic_has_contents(s, FX_FAQ));
    /* Nine questions: cut somewhere. The first three only: all shown
     * somewhere, with no "…". */
    for (int few = 0; few < 2; few++) {
        s->topics[FX_FAQ].ncards = few ? 4 : NQ + 1;
        int entries = few ? 3 : NQ - 1, cut = 0, all = 0;
        for (int i = 0; i < 5; i++)
            for (int turn = 0; turn < 2; turn++) {
                fx_deck x;
                build(&x, s, fx_sizes[i][turn], fx_sizes[i][!turn]);
                int n = check_list(s, &x.d, entries);
                print_message("%dx%d: %d of %d entries\n", x.d.w, x.d.h, n, entries);
                assert_true(n >= 1);
                cut |= n < entries;
                all |= n == entries;
                fx_check_deck(s, &x.d);
                arena_fini(&x.a);
            }
        assert_true(few ? all : cut);
    }
    fx_free(s);
}

/* No colon, no list: the teaser is the card's own words. */
static void test_layout_loop_list_needs_the_colon(void **state)
{
    content_snapshot *s = fx_snapshot();
    make_faq(s, lead_plain);
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        layout_loop_screen(&sc, s, &x.d, &fx_metrics, loop_index_of(&x.d, FX_FAQ, 0));
        fx_check_screen(&sc, s, "loop card without a list");
        for (int b = 0; b < sc.nbox; b++)
            assert_int_equal(question_of(&s->topics[FX_FAQ], &sc.box[b]), -1);
        char text[8192];
        fx_text_at(&sc, 0, text, sizeof text);
        assert_non_null(strstr(text, "ask us."));
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* A topic without a contents screen has no list to point to, colon or not. */
static void test_layout_loop_list_not_without_contents(void **state)
{
    content_snapshot *s = fx_snapshot();
    static const char *const colon[] = { "P:Four things to know:", NULL };
    content_topic *t = &s->topics[FX_KNEE];
    fx_card(&s->arena, &t->cards[0], CARD_TEXT, t->title, colon);
    assert_false(layout_topic_has_contents(s, FX_KNEE));
    fx_deck x;
    build(&x, s, 1920, 1080);
    layout_loop_screen(&sc, s, &x.d, &fx_metrics, loop_index_of(&x.d, FX_KNEE, 0));
    assert_false(fx_has_text(&sc, "Signs to notice"));
    assert_true(fx_has_text(&sc, "Four things to know:"));
    arena_fini(&x.a);
    fx_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_loop_list_whole_entries_at_body_size),
        cmocka_unit_test(test_layout_loop_list_needs_the_colon),
        cmocka_unit_test(test_layout_loop_list_not_without_contents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
