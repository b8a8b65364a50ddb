/* test_layout.c — the screens at the five screen sizes with fake metrics:
 * the rules of layout.h (safe area, no overlaps, floors, target sizes),
 * pagination with "(continued)", long words, hit testing, reviews, the idle
 * notice, and the bundled content when the parser can load it. */
#include "test_layout_fixture.h"

static layout_screen sc;   /* big: not on the stack */

typedef struct fx_deck { arena a; layout_deck d; } fx_deck;

static void build(fx_deck *x, const content_snapshot *s, int w, int h)
{
    arena_init(&x->a, 0);
    assert_int_equal(layout_deck_build(&x->d, s, &fx_metrics, w, h, &x->a), 0);
}

static void test_layout_sizes_keep_floors(void **state)
{
    for (int i = 0; i < 5; i++) {
        layout_sizes z;
        layout_sizes_for(&z, fx_sizes[i][0], fx_sizes[i][1]);
        assert_int_equal(z.s, fx_sizes[i][0] < fx_sizes[i][1] ? fx_sizes[i][0] : fx_sizes[i][1]);
        assert_true(z.px_body * 16 >= z.s);
        assert_true(z.target * 7 >= z.s);
        assert_true(z.px_small * 22 >= z.s);
        assert_true(z.px_small >= 30 || z.px_small == z.px_body);
        assert_true(z.px_headline > z.px_title && z.px_title > z.px_body);
        assert_true(z.margin >= z.s / 12 && z.gap >= z.s / 24);
        assert_true(z.margin <= z.s / 10 && z.gap <= z.s / 20);   /* "about" s/12, s/24 */
        assert_int_equal(z.portrait, fx_sizes[i][1] > fx_sizes[i][0]);
    }
}

/* Every screen at every size keeps the rules and shows every word once. */
static void test_layout_all_screens_keep_rules_at_five_sizes(void **state)
{
    content_snapshot *s = fx_snapshot();
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        fx_check_deck(s, &x.d);
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* Only topics in the loop and without errors, every page, in order. */
static void test_layout_loop_pages_in_order(void **state)
{
    content_snapshot *s = fx_snapshot();
    fx_deck x;
    build(&x, s, 800, 480);
    assert_true(x.d.nloop > 0);
    int last = -1;
    for (int i = 0; i < x.d.nloop; i++) {
        const layout_page *p = &x.d.loop[i];
        assert_true(s->topics[p->topic].in_loop);
        assert_int_equal(s->topics[p->topic].nerrors, 0);
        int key = (p->topic * 100 + p->card) * 100 + p->part;
        assert_true(key > last);
        last = key;
    }
    assert_int_equal(x.d.topic[FX_BROKEN].npages, 0);
    assert_true(x.d.topic[FX_GIFT].npages > 0);
    layout_loop_screen(&sc, s, &x.d, &fx_metrics, 0);
    int arg = -1;
    assert_int_equal(layout_hit(&sc, 1, 1, &arg), ACT_OPEN_MENU);
    assert_int_equal(layout_hit(&sc, 400, 240, &arg), ACT_OPEN_MENU);
    char text[4096];
    fx_text_at(&sc, 0, text, sizeof text);
    assert_non_null(strstr(text, "Touch the screen to explore"));
    assert_non_null(strstr(text, "Matrix Spa & Massage"));
    assert_non_null(strstr(text, "Call (801) 799-4999"));
    arena_fini(&x.a);
    fx_free(s);
}

/* A card too long for a screen goes on, titled "... (continued)". */
static void test_layout_long_card_continues(void **state)
{
    content_snapshot *s = fx_snapshot();
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        int parts = layout_card_parts(&x.d, FX_CAUSES, 0);
        assert_true(parts > 1);
        assert_int_equal(layout_card_parts(&x.d, FX_FAQ, 0), 1);
        assert_int_equal(layout_card_parts(&x.d, FX_BROKEN, 0), 0);
        int first = layout_card_first_page(&x.d, FX_CAUSES, 0);
        layout_sizes z;
        layout_sizes_for(&z, x.d.w, x.d.h);
        char text[4096];
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_CAUSES, first);
        fx_text_at(&sc, z.px_title, text, sizeof text);
        assert_null(strstr(text, "continued"));
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_CAUSES, first + 1);
        fx_text_at(&sc, z.px_title, text, sizeof text);
        assert_non_null(strstr(text, "A long story"));
        assert_non_null(strstr(text, "(continued)"));
        /* Its paragraphs are short: every page opens with a paragraph's
         * first words, never the end of a sentence. */
        const content_card *card = &s->topics[FX_CAUSES].cards[0];
        for (int p = first; p < first + parts; p++) {
            layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_CAUSES, p);
            const layout_box *b = NULL;
            for (int k = 0; k < sc.nbox && !b; k++)
                if (sc.box[k].kind == BOX_TEXT && fx_in_content(s, sc.box[k].text))
                    b = &sc.box[k];
            assert_non_null(b);
            int starts = 0;
            for (int k = 0; k < card->nblocks; k++)
                starts |= b->text == card->blocks[k].runs[0].text;
            assert_true(starts);
        }
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* The 300-character word is broken over lines, at code points, and whole. */
static void test_layout_long_word_breaks(void **state)
{
    content_snapshot *s = fx_snapshot();
    const content_run *word = &s->topics[FX_CAUSES].cards[1].blocks[0].runs[0];
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        int first = layout_card_first_page(&x.d, FX_CAUSES, 1), pieces = 0;
        for (int p = first; p < first + layout_card_parts(&x.d, FX_CAUSES, 1); p++) {
            layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_CAUSES, p);
            fx_check_screen(&sc, s, "long word");
            for (int b = 0; b < sc.nbox; b++)
                if (sc.box[b].text >= word->text && sc.box[b].text < word->text + word->len)
                    pieces++;
        }
        assert_true(pieces >= 3);   /* "Before", pieces of the word, "after." */
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* Buttons do what they say; gaps and the backdrop of a card do nothing. */
static void test_layout_hit_testing(void **state)
{
    content_snapshot *s = fx_snapshot();
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        const layout_topic_pages *tp = &x.d.topic[FX_CAUSES];
        assert_true(tp->npages >= 3);
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_CAUSES, 1);
        /* Causes has no contents screen: Back alone leads to the menu (Home,
         * which would do the same, is left out; issue 14). Home's hits are
         * tested on the FAQ in test_layout_bar.c. */
        static const layout_action acts[] = { ACT_PREV, ACT_NEXT, ACT_BACK };
        assert_false(layout_topic_has_contents(s, FX_CAUSES));
        assert_null(fx_find_action(&sc, ACT_HOME));
        for (int k = 0; k < 3; k++) {
            const layout_box *b = fx_find_action(&sc, acts[k]);
            assert_non_null(b);
            assert_int_equal(layout_hit(&sc, b->x + b->w / 2, b->y + b->h / 2, NULL), acts[k]);
            assert_int_equal(layout_hit(&sc, b->x, b->y, NULL), acts[k]);
            assert_int_equal(layout_hit(&sc, b->x + b->w - 1, b->y + b->h - 1, NULL), acts[k]);
        }
        assert_int_equal(layout_hit(&sc, 0, 0, NULL), ACT_NONE);
        const layout_box *back = fx_find_action(&sc, ACT_BACK);
        layout_box back_at = *back;
        assert_int_equal(layout_hit(&sc, back->x - 1, back->y + back->h / 2, NULL), ACT_NONE);
        assert_int_equal(layout_hit(&sc, back->x + back->w, back->y + back->h / 2, NULL), ACT_NONE);
        /* First page: no Previous; last: no Next; Back never moves. */
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_CAUSES, 0);
        assert_null(fx_find_action(&sc, ACT_PREV));
        assert_non_null(fx_find_action(&sc, ACT_NEXT));
        assert_int_equal(fx_find_action(&sc, ACT_BACK)->x, back_at.x);
        assert_int_equal(fx_find_action(&sc, ACT_BACK)->y, back_at.y);
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_CAUSES, tp->npages - 1);
        assert_null(fx_find_action(&sc, ACT_NEXT));
        assert_non_null(fx_find_action(&sc, ACT_PREV));
        assert_int_equal(fx_find_action(&sc, ACT_BACK)->x, back_at.x);
        /* The menu: one tile per shown topic, each opening its topic. */
        layout_menu_screen(&sc, s, &x.d, &fx_metrics);
        int seen[FX_NTOPICS] = { 0 };
        for (int b = 0; b < sc.nbox; b++) {
            const layout_box *t = &sc.box[b];
            if (t->action != ACT_TOPIC)
                continue;
            int arg = -1;
            assert_int_equal(layout_hit(&sc, t->x + t->w / 2, t->y + t->h / 2, &arg), ACT_TOPIC);
            assert_int_equal(arg, t->arg);
            seen[arg]++;
        }
        for (int t = 0; t < FX_NTOPICS; t++)
            assert_int_equal(seen[t], t == FX_BROKEN ? 0 : 1);
        arena_fini(&x.a);
    }
    fx_free(s);
}

static void test_layout_position_label(void **state)
{
    content_snapshot *s = fx_snapshot();
    fx_deck x;
    build(&x, s, 1920, 1080);
    char want[32], text[4096];
    snprintf(want, sizeof want, "2 / %d", x.d.topic[FX_KNEE].npages);
    layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_KNEE, 1);
    fx_text_at(&sc, 0, text, sizeof text);
    assert_non_null(strstr(text, want));
    assert_non_null(strstr(text, "Signs to notice"));
    arena_fini(&x.a);
    fx_free(s);
}

/* A topic of one page shows no "1 / 1": the position says nothing there. */
static void test_layout_position_absent_on_one_page(void **state)
{
    content_snapshot *s = fx_snapshot();
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        static const int one[] = { FX_FAQ, FX_REVIEWS, FX_GIFT };
        char text[4096];
        for (int k = 0; k < 3; k++) {
            assert_int_equal(x.d.topic[one[k]].npages, 1);
            layout_topic_screen(&sc, s, &x.d, &fx_metrics, one[k], 0);
            fx_text_at(&sc, 0, text, sizeof text);
            assert_null(strstr(text, "1 / 1"));
            assert_null(strstr(text, " / "));
            assert_non_null(fx_find_action(&sc, ACT_BACK));
            /* Home only where it goes further than Back (issue 14). */
            assert_int_equal(fx_find_action(&sc, ACT_HOME) != NULL,
                             layout_topic_has_contents(s, one[k]));
        }
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_KNEE, 0);
        fx_text_at(&sc, 0, text, sizeof text);
        assert_non_null(strstr(text, "1 / "));
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* The review's opening quote mark: a box of its own, at least twice the
 * headline (its glyph fills only the top of its em), in the accent colour,
 * at the top left, the words to its right. */
static void fx_check_quote_mark(const layout_screen *s, const layout_sizes *z)
{
    const layout_box *q = NULL;
    for (int i = 0; i < s->nbox; i++)
        if (s->box[i].kind == BOX_TEXT && s->box[i].len == 3 &&
            !memcmp(s->box[i].text, "\xE2\x80\x9C", 3))
            q = &s->box[i];
    assert_non_null(q);
    assert_true(q->px >= 2 * z->px_headline);
    assert_int_equal(q->colour, COL_ACCENT);
    for (int i = 0; i < s->nbox; i++)
        if (s->box[i].kind == BOX_TEXT && &s->box[i] != q && s->box[i].y < q->y + q->h)
            assert_true(s->box[i].x >= q->x + q->w);
}

/* Review: the big quote mark, the words, the byline; FAQ: the question. */
static void test_layout_review_and_faq(void **state)
{
    content_snapshot *s = fx_snapshot();
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        layout_sizes z;
        layout_sizes_for(&z, x.d.w, x.d.h);
        char text[4096];
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_REVIEWS, 0);
        fx_check_quote_mark(&sc, &z);
        fx_text_at(&sc, 0, text, sizeof text);
        /* "name · date", or the name over the date where that is too wide */
        assert_true(strstr(text, "Brynn P. \xC2\xB7 13 Aug 2018") ||
                    strstr(text, "Brynn P. 13 Aug 2018"));
        assert_non_null(strstr(text, "amazing!"));
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_FAQ, 0);
        fx_text_at(&sc, z.px_title, text, sizeof text);
        assert_non_null(strstr(text, "How long"));
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* Adds the notice over sc and checks it: inside the safe area, full width
 * inside the margins, down to the bottom margin, over every button whole
 * and over no words of the card (the last lines being read stay visible);
 * a surface banner in an accent edge, its words at body size inside it. */
static void check_notice(layout_screen *scr, const content_snapshot *s, const layout_sizes *z)
{
    int before = scr->nbox;
    layout_notice_overlay(scr, s, &fx_metrics);
    assert_true(scr->nbox > before + 2);
    const layout_box *edge = &scr->box[before], *banner = &scr->box[before + 1];
    assert_int_equal(edge->kind, BOX_RECT);
    assert_int_equal(edge->colour, COL_ACCENT);
    assert_int_equal(banner->kind, BOX_RECT);
    assert_int_equal(banner->colour, COL_SURFACE);
    assert_true(fx_contains(edge, banner) && banner->x > edge->x && banner->y > edge->y);
    assert_int_equal(edge->x, z->margin);
    assert_int_equal(edge->w, scr->w - 2 * z->margin);
    assert_int_equal(edge->y + edge->h, scr->h - z->margin);
    static layout_screen only;
    layout_screen_copy(&only, scr);
    only.nbox = 1;
    for (int b = before; b < scr->nbox; b++) {
        only.box[only.nbox++] = only.box[b];
        if (b > before + 1) {
            assert_true(fx_contains(banner, &scr->box[b]));
            assert_int_equal(scr->box[b].px, z->px_body);
            assert_int_equal(scr->box[b].colour, COL_TEXT);
        }
    }
    fx_check_screen(&only, s, "idle notice");
    char text[4096];
    fx_text_at(&only, 0, text, sizeof text);
    assert_non_null(strstr(text, "Going back"));
    assert_non_null(strstr(text, "stay."));
    /* Beneath it: the bottom row's buttons covered whole; no other words
     * under it. A menu with Back beside its heading has tiles in its bottom
     * row: those it may cover (the visitor has gone; a touch brings them). */
    int bar_top = scr->h;
    for (int b = 1; b < before; b++)
        if (scr->box[b].action != ACT_NONE && scr->box[b].action != ACT_TOPIC &&
            scr->box[b].y + scr->box[b].h > edge->y) {
            assert_true(fx_contains(edge, &scr->box[b]));
            if (scr->box[b].y < bar_top)
                bar_top = scr->box[b].y;
        }
    for (int b = 1; b < before; b++) {
        const layout_box *t = &scr->box[b];
        int in_tile = 0;
        for (int k = 1; k < before; k++)
            in_tile |= scr->box[k].action == ACT_TOPIC && fx_contains(&scr->box[k], t);
        if ((t->kind == BOX_TEXT || t->kind == BOX_IMAGE) && fx_overlap(edge, t) &&
            t->y < bar_top && !in_tile) {
            fx_print_box("under the notice:", b, t);
            fail_msg("the idle notice covers words at %dx%d", scr->w, scr->h);
        }
    }
}

/* The idle notice on full pages, a one-page topic and the menu. */
static void test_layout_notice_overlay(void **state)
{
    content_snapshot *s = fx_snapshot();
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        layout_sizes z;
        layout_sizes_for(&z, x.d.w, x.d.h);
        static const int topics[] = { FX_KNEE, FX_CAUSES, FX_REVIEWS };
        for (int k = 0; k < 3; k++)
            for (int p = 0; p < x.d.topic[topics[k]].npages; p++) {
                layout_topic_screen(&sc, s, &x.d, &fx_metrics, topics[k], p);
                check_notice(&sc, s, &z);
            }
        layout_menu_screen(&sc, s, &x.d, &fx_metrics);
        check_notice(&sc, s, &z);
        arena_fini(&x.a);
    }
    fx_free(s);
}

static void test_layout_screen_copy_owns_its_text(void **state)
{
    content_snapshot *s = fx_snapshot();
    fx_deck x;
    build(&x, s, 800, 480);
    layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_KNEE, 1);
    static layout_screen copy;
    layout_screen_copy(&copy, &sc);
    int own = 0;
    for (int i = 0; i < copy.nbox; i++) {
        const char *t = copy.box[i].text;
        assert_false(t && t >= sc.text && t < sc.text + LAYOUT_MAX_TEXT);
        own += t && t >= copy.text && t < copy.text + LAYOUT_MAX_TEXT;
    }
    assert_true(own > 0);   /* the position label at least */
    arena_fini(&x.a);
    fx_free(s);
}

/* No topics at all: the screens are calm and empty, not broken. */
static void test_layout_no_topics(void **state)
{
    content_snapshot *s = fx_snapshot();
    s->ntopics = 0;
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        assert_int_equal(x.d.nloop, 0);
        fx_check_deck(s, &x.d);
        layout_loop_screen(&sc, s, &x.d, &fx_metrics, 0);
        fx_check_screen(&sc, s, "loop with nothing");
        layout_empty_screen(&sc, s, &fx_metrics, x.d.w, x.d.h);
        char text[256];
        fx_text_at(&sc, 0, text, sizeof text);
        assert_string_equal(text, "Matrix Spa & Massage");
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* ---- the loop: one page per card, a teaser of whole sentences ---- */

static int loop_index_of(const layout_deck *d, int topic, int card)
{
    for (int i = 0; i < d->nloop; i++)
        if (d->loop[i].topic == topic && d->loop[i].card == card)
            return i;
    return -1;
}

static const layout_box *find_text(const layout_screen *s, const char *want)
{
    for (int i = 0; i < s->nbox; i++)
        if (s->box[i].kind == BOX_TEXT && s->box[i].len == (int)strlen(want) &&
            !memcmp(s->box[i].text, want, strlen(want)))
            return &s->box[i];
    return NULL;
}

static const layout_box *find_kind(const layout_screen *s, layout_box_kind k)
{
    for (int i = 1; i < s->nbox; i++)
        if (s->box[i].kind == k)
            return &s->box[i];
    return NULL;
}

/* A paragraph of many short sentences; one long sentence with no end. */
static void make_teaser_cards(content_snapshot *s)
{
    char buf[4096];
    int o = snprintf(buf, sizeof buf, "P:");
    for (int i = 1; i <= 30; i++)
        o += snprintf(buf + o, sizeof buf - (size_t)o, i % 3 ? "Sentence %d is short. "
                      : "\xE2\x80\x9CQuoted %d,\xE2\x80\x9D she said (twice!) ", i);
    const char *many[] = { arena_strdup(&s->arena, buf), "P:Never shown.", NULL };
    fx_card(&s->arena, &s->topics[FX_FAQ].cards[0], CARD_FAQ, "How long is a massage?", many);
    o = snprintf(buf, sizeof buf, "P:");
    for (int i = 0; i < 120; i++)
        o += snprintf(buf + o, sizeof buf - (size_t)o, "word ");
    const char *endless[] = { arena_strdup(&s->arena, buf), NULL };
    fx_card(&s->arena, &s->topics[FX_CAUSES].cards[1], CARD_TEXT, "One long sentence", endless);
}

static void test_layout_loop_teaser(void **state)
{
    content_snapshot *s = fx_snapshot();
    make_teaser_cards(s);
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        fx_check_deck(s, &x.d);   /* one page per card, prefixes, words */
        /* Too long: whole sentences, ending at a '.', '!' or a closing mark. */
        int li = loop_index_of(&x.d, FX_FAQ, 0);
        assert_true(li >= 0);
        layout_loop_screen(&sc, s, &x.d, &fx_metrics, li);
        assert_null(find_text(&sc, "\xE2\x80\xA6"));
        assert_true(x.d.loop[li].words > 5 && x.d.loop[li].words < 100);   /* of 127 */
        /* No sentence end at all: the lines that fit, the last ending in "…"
         * right after its last word, inside the safe area. */
        li = loop_index_of(&x.d, FX_CAUSES, 1);
        layout_loop_screen(&sc, s, &x.d, &fx_metrics, li);
        const layout_box *e = find_text(&sc, "\xE2\x80\xA6");
        assert_non_null(e);
        const layout_box *before = NULL;
        for (int b = 0; b < sc.nbox; b++)
            if (sc.box[b].kind == BOX_TEXT && sc.box[b].y == e->y && sc.box[b].x < e->x)
                before = &sc.box[b];
        assert_non_null(before);
        assert_int_equal(before->x + before->w, e->x);
        assert_memory_equal(before->text + before->len - 4, "word", 4);
        assert_true(x.d.loop[li].words > 3);
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* Landscape: the picture at the right edge, 40% of the width at most, the
 * words left of it; portrait: below the words, or left out. A picture with
 * only a headline gets more room. */
static void test_layout_loop_image(void **state)
{
    content_snapshot *s = fx_snapshot();
    const char *alone[] = { "I:images/sunset.jpg:960x540", NULL };
    fx_card(&s->arena, &s->topics[FX_FAQ].cards[0], CARD_FAQ, "How long is a massage?", alone);
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        fx_check_deck(s, &x.d);
        layout_sizes z;
        layout_sizes_for(&z, x.d.w, x.d.h);
        int inner = x.d.w - 2 * z.margin;
        layout_loop_screen(&sc, s, &x.d, &fx_metrics, loop_index_of(&x.d, FX_KNEE, 3));
        const layout_box *im = find_kind(&sc, BOX_IMAGE);
        if (!z.portrait) {
            assert_non_null(im);
            assert_int_equal(im->x + im->w, x.d.w - z.margin);
            assert_true(im->w * 100 <= inner * 40 + 100);
            assert_true(im->w <= 2 * 1200);
            for (int b = 0; b < sc.nbox; b++) {
                const layout_box *t = &sc.box[b];
                if (t->kind == BOX_TEXT && t->y < im->y + im->h && t->y + t->h > im->y)
                    assert_true(t->x + t->w + z.gap <= im->x);
            }
        } else if (im) {
            for (int b = 0; b < sc.nbox; b++)
                if (sc.box[b].kind == BOX_TEXT && sc.box[b].y < im->y + im->h &&
                    sc.box[b].px > z.px_small)
                    assert_true(sc.box[b].y + sc.box[b].h <= im->y);
        }
        layout_loop_screen(&sc, s, &x.d, &fx_metrics, loop_index_of(&x.d, FX_FAQ, 0));
        im = find_kind(&sc, BOX_IMAGE);
        assert_non_null(im);
        assert_true(im->w * 10 >= inner * 5);   /* alone, it is the screen's picture */
        assert_true(im->w * 540 <= im->h * 960 + 960 && im->h * 960 <= im->w * 540 + 540);
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* ---- topic cards: a picture beside the words in landscape ---- */

static void test_layout_topic_image_beside_text(void **state)
{
    content_snapshot *s = fx_snapshot();
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        layout_sizes z;
        layout_sizes_for(&z, x.d.w, x.d.h);
        int first = layout_card_first_page(&x.d, FX_KNEE, 3);
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_KNEE, first);
        const layout_box *im = find_kind(&sc, BOX_IMAGE);
        assert_non_null(im);
        const layout_box *para = NULL;   /* the first line of the paragraph */
        for (int b = 0; b < sc.nbox && !para; b++)
            if (sc.box[b].kind == BOX_TEXT && fx_in_content(s, sc.box[b].text))
                para = &sc.box[b];
        assert_non_null(para);
        if (!z.portrait) {
            assert_int_equal(layout_card_parts(&x.d, FX_KNEE, 3), 1);
            assert_int_equal(im->x + im->w, x.d.w - z.margin);
            assert_true(im->y <= para->y + para->h && im->y >= para->y - z.gap);
            for (int b = 0; b < sc.nbox; b++) {
                const layout_box *t = &sc.box[b];
                if (t->kind == BOX_TEXT && t->y < im->y + im->h && t->y + t->h > im->y)
                    assert_true(t->x + t->w + z.gap <= im->x);
            }
        } else {
            assert_true(im->y >= para->y + para->h);   /* below the words, as before */
        }
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* A card that is only a picture: centred across the screen (at the left it
 * left half the screen empty), a grid unit clear of the button row. */
static void test_layout_picture_only_card_centred(void **state)
{
    content_snapshot *s = fx_snapshot();
    const char *alone[] = { "I:images/sunset.jpg:960x540", NULL };
    fx_card(&s->arena, &s->topics[FX_FAQ].cards[0], CARD_TEXT, "Come and relax", alone);
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        fx_check_deck(s, &x.d);
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_FAQ, 0);
        const layout_box *im = find_kind(&sc, BOX_IMAGE);
        assert_non_null(im);
        layout_sizes z;
        layout_sizes_for(&z, x.d.w, x.d.h);
        int left = im->x - z.margin, right = x.d.w - z.margin - (im->x + im->w);
        assert_true(left - right <= 1 && right - left <= 1);
        for (int b = 1; b < sc.nbox; b++)
            if (sc.box[b].action != ACT_NONE)
                assert_true(im->y + im->h + z.gap <= sc.box[b].y);
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* ---- the menu: Back where it is on cards, the largest tile text ---- */

/* Every menu: its heading (the invitation after a tap) at the top at body
 * size or more, above every tile; tile words no larger than a card's title,
 * pad clear of the tile's sides (a grid unit, or half of one where titles
 * would not fit whole otherwise) and a quarter unit of its top and bottom;
 * the spa strip never larger than the tiles' words. */
static void check_menu(const layout_screen *m, const layout_sizes *z, int pad)
{
    char text[4096];
    fx_text_at(m, 0, text, sizeof text);
    assert_non_null(strstr(text, "What would you like to know?"));
    int tiles_top = m->h, tile_px = 0;
    for (int b = 0; b < m->nbox; b++)
        if (m->box[b].action == ACT_TOPIC && m->box[b].y < tiles_top)
            tiles_top = m->box[b].y;
    for (int b = 0; b < m->nbox; b++) {
        const layout_box *t = &m->box[b];
        if (t->action != ACT_TOPIC)
            continue;
        for (int k = 0; k < m->nbox; k++) {
            const layout_box *w = &m->box[k];
            if (w->kind != BOX_TEXT || !fx_contains(t, w))
                continue;
            tile_px = w->px;
            assert_true(w->px <= z->px_title);
            assert_true(w->x >= t->x + pad && w->x + w->w <= t->x + t->w - pad);
            assert_true(w->y >= t->y + z->gap / 4 && w->y + w->h <= t->y + t->h - z->gap / 4);
        }
    }
    int heading = 0;
    for (int k = 0; k < m->nbox; k++) {
        const layout_box *w = &m->box[k];
        if (w->kind != BOX_TEXT)
            continue;
        int on_button = 0;   /* Back's label, when Back is beside the heading */
        for (int b = 1; b < m->nbox; b++)
            on_button |= m->box[b].action != ACT_NONE && fx_contains(&m->box[b], w);
        if (!on_button &&
            fx_contains(&(layout_box){ .x = 0, .y = 0, .w = m->w, .h = tiles_top }, w)) {
            heading++;
            assert_true(w->px >= z->px_body && w->px <= z->px_title);
        }
        if (!strncmp(w->text, "Call", 4) || !strncmp(w->text, "Matrix", 6))
            assert_true(w->px <= tile_px);
    }
    assert_true(heading >= 1 && heading <= 2);
}

/* Every tile shows its topic's whole title: its lines, joined by spaces,
 * are the title (no word cut, no line dropped). */
static void check_tile_titles(const layout_screen *m, const content_snapshot *s)
{
    for (int b = 0; b < m->nbox; b++) {
        const layout_box *t = &m->box[b];
        if (t->action != ACT_TOPIC)
            continue;
        char got[1024];
        size_t o = 0;
        got[0] = '\0';
        for (int k = 0; k < m->nbox; k++) {
            const layout_box *w = &m->box[k];
            if (w->kind == BOX_TEXT && fx_contains(t, w))
                o += (size_t)snprintf(got + o, sizeof got - o, "%s%.*s", o ? " " : "",
                                      w->len, w->text);
        }
        if (strcmp(got, s->topics[t->arg].title))
            fail_msg("tile shows \"%s\" for \"%s\" at %dx%d", got, s->topics[t->arg].title,
                     m->w, m->h);
    }
}

/* Back on the menu: the size of a card's Back; either in the card's place,
 * or at the right end of the heading's row, a grid unit clear of the
 * heading, every tile below it. Home is left out. Returns 1 for the latter. */
static int check_menu_back(const layout_screen *m, const layout_sizes *z,
                           const layout_box *card_back)
{
    const layout_box *back = fx_find_action(m, ACT_BACK);
    assert_non_null(back);
    assert_null(fx_find_action(m, ACT_HOME));
    assert_int_equal(back->w, card_back->w);
    assert_int_equal(back->h, card_back->h);
    assert_true(back->h >= z->target && back->h * 7 >= z->s);
    if (back->x == card_back->x && back->y == card_back->y)
        return 0;
    assert_int_equal(back->x + back->w, m->w - z->margin);
    assert_true(back->y >= z->margin && back->y < m->h / 3);
    for (int k = 0; k < m->nbox; k++) {
        const layout_box *w = &m->box[k];
        if (w->kind == BOX_TEXT && !fx_contains(back, w) && w->y < back->y + back->h &&
            w->y + w->h > back->y)
            assert_true(w->x + w->w + z->gap <= back->x);   /* the heading */
        if (w->action == ACT_TOPIC)
            assert_true(w->y >= back->y + back->h + z->gap);
    }
    return 1;
}

static void test_layout_menu_back_and_tiles(void **state)
{
    content_snapshot *s = fx_snapshot();
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        layout_sizes z;
        layout_sizes_for(&z, x.d.w, x.d.h);
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_KNEE, 0);
        layout_box card_back = *fx_find_action(&sc, ACT_BACK);
        layout_menu_screen(&sc, s, &x.d, &fx_metrics);
        const layout_box *back = fx_find_action(&sc, ACT_BACK);
        int up = check_menu_back(&sc, &z, &card_back);
        assert_int_equal(layout_hit(&sc, back->x + back->w / 2, back->y + back->h / 2, NULL),
                         ACT_BACK);
        check_menu(&sc, &z, z.gap);
        check_tile_titles(&sc, s);
        /* Tiles: one text size, whole titles, in 2-4 columns (landscape)
         * or 1-2 (portrait), all above Back's row, or below it when Back is
         * beside the heading. */
        int px = 0, xs[FX_NTOPICS], ncols = 0;
        for (int b = 0; b < sc.nbox; b++) {
            const layout_box *t = &sc.box[b];
            if (t->action != ACT_TOPIC)
                continue;
            assert_true(up ? back->y + back->h + z.gap <= t->y : t->y + t->h + z.gap <= back->y);
            int seen = 0;
            for (int k = 0; k < ncols; k++)
                seen |= xs[k] == t->x;
            if (!seen)
                xs[ncols++] = t->x;
            for (int k = b + 1; k < sc.nbox; k++)
                if (sc.box[k].kind == BOX_TEXT && fx_contains(t, &sc.box[k])) {
                    if (!px)
                        px = sc.box[k].px;
                    assert_int_equal(sc.box[k].px, px);
                }
        }
        assert_true(px * 22 >= z.s && px <= z.px_title);
        assert_true(z.portrait ? ncols >= 1 && ncols <= 2 : ncols >= 2 && ncols <= 4);
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* Short titles: the tiles' words reach body size (s/16) at every size,
 * and never pass a card title's (s/11) however much room there is. */
static void test_layout_menu_short_titles_body_size(void **state)
{
    content_snapshot *s = fx_snapshot();
    static const char *const short_titles[FX_NTOPICS] = { "Knee", "Causes", "FAQ",
                                                          "Reviews", "Broken", "Gifts" };
    for (int t = 0; t < FX_NTOPICS; t++)
        s->topics[t].title = short_titles[t];
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        layout_sizes z;
        layout_sizes_for(&z, x.d.w, x.d.h);
        layout_menu_screen(&sc, s, &x.d, &fx_metrics);
        fx_check_screen(&sc, s, "menu of short titles");
        check_menu(&sc, &z, z.gap);
        int n = 0;
        for (int b = 0; b < sc.nbox; b++) {
            const layout_box *t = &sc.box[b];
            for (int k = 0; t->action == ACT_TOPIC && k < sc.nbox; k++)
                if (sc.box[k].kind == BOX_TEXT && fx_contains(t, &sc.box[k])) {
                    assert_true(sc.box[k].px >= z.px_body);
                    n++;
                }
        }
        assert_int_equal(n, FX_NTOPICS - 1);   /* one line each */
        arena_fini(&x.a);
    }
    fx_free(s);
}

/* ---- the bundled content, through the real parser ---- */

static void test_layout_bundled_content(void **state)
{
    content_snapshot *s = content_load(KIOSK_SOURCE_DIR "/content", &fs_posix);
    if (!s || !content_usable(s) || s->ntopics == 0) {
        if (s)
            content_free(s);
        skip();   /* the parser is not there yet */
    }
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        assert_true(x.d.nloop > 0);
        fx_check_deck(s, &x.d);
        layout_sizes z;
        layout_sizes_for(&z, x.d.w, x.d.h);
        layout_menu_screen(&sc, s, &x.d, &fx_metrics);
        check_menu(&sc, &z, z.gap / 2);
        check_tile_titles(&sc, s);
        arena_fini(&x.a);
    }
    content_free(s);
}

/* The menu of the bundled topics at w x h: every tile's words at body size
 * (s/16) or more, whole, in at most two lines, a grid unit from the tile's
 * sides; Back there and a target in size; nothing overlaps, nothing leaves
 * the safe area. Returns the rows of tiles. */
static int check_menu_body_size(const content_snapshot *s, const layout_metrics *m, int w,
                                int h)
{
    arena a;
    arena_init(&a, 0);
    layout_deck d;
    assert_int_equal(layout_deck_build(&d, s, m, w, h, &a), 0);
    layout_sizes z;
    layout_sizes_for(&z, w, h);
    layout_menu_screen(&sc, s, &d, m);
    fx_check_screen(&sc, s, "menu of the bundled topics");
    check_tile_titles(&sc, s);
    const layout_box *back = fx_find_action(&sc, ACT_BACK);
    assert_non_null(back);
    assert_true(back->h * 7 >= z.s && back->w * 7 >= z.s);
    int tiles = 0, rows = 0, row_y[KIOSK_MAX_TOPICS];
    for (int b = 0; b < sc.nbox; b++) {
        const layout_box *t = &sc.box[b];
        if (t->action != ACT_TOPIC)
            continue;
        tiles++;
        assert_true(t->h * 7 >= z.s && t->w * 7 >= z.s);
        int seen = 0, lines = 0;
        for (int k = 0; k < rows; k++)
            seen |= row_y[k] == t->y;
        if (!seen)
            row_y[rows++] = t->y;
        for (int k = 0; k < sc.nbox; k++) {
            const layout_box *wd = &sc.box[k];
            if (wd->kind != BOX_TEXT || !fx_contains(t, wd))
                continue;
            if (wd->px * 16 < z.s)
                fail_msg("tile words %d px < s/16 at %dx%d", wd->px, w, h);
            /* a grid unit beside them, or (portrait) as near it as keeps
             * them at body size, never under half */
            assert_true(wd->x >= t->x + z.gap / 2 && wd->x + wd->w <= t->x + t->w - z.gap / 2);
            if (!z.portrait)
                assert_true(wd->x >= t->x + z.gap && wd->x + wd->w <= t->x + t->w - z.gap);
            lines += k == 0 || sc.box[k - 1].y != wd->y;
        }
        assert_true(lines >= 1 && lines <= 2);
    }
    assert_true(tiles >= 8);
    arena_fini(&a);
    return rows;
}

/* Metrics as wide as the shipped Inter's widest words ("Symptoms" is 0.65
 * em a letter in bold), so the menu's test does not pass only because the
 * fake font is narrow. */
static int wide_width(void *ctx, layout_face f, int px, const char *t, int len)
{
    int per = f == FACE_BOLD || f == FACE_BOLD_ITALIC ? 66 : 60;
    return (fx_codepoints(t, len) * px * per + 99) / 100;
}

static int wide_height(void *ctx, layout_face f, int px)
{
    return (px * 121 + 99) / 100;
}

static const layout_metrics wide_metrics = { NULL, wide_width, wide_height };

/* The bundled menu at body size at the five sizes, above all on the 7-inch
 * panel: there the tiles take three rows (two rows and Back's own row left
 * the words 23 px). */
static void test_layout_menu_body_size_on_7_inch(void **state)
{
    content_snapshot *s = content_load(KIOSK_SOURCE_DIR "/content", &fs_posix);
    if (!s || !content_usable(s) || s->ntopics == 0) {
        if (s)
            content_free(s);
        skip();
    }
    assert_int_equal(check_menu_body_size(s, &wide_metrics, 800, 480), 3);
    assert_int_equal(check_menu_body_size(s, &fx_metrics, 800, 480), 3);
    /* The other sizes with the fake font only: two portrait columns are
     * too narrow for nine letters of a font that wide at body size. */
    for (int k = 1; k < 5; k++)
        check_menu_body_size(s, &fx_metrics, fx_sizes[k][0], fx_sizes[k][1]);
    content_free(s);
}

/* A peer's cards (title, three paragraphs, an 800x600 picture): one loop
 * page each, whatever the size. */
static void test_layout_peer_cards_loop(void **state)
{
    content_snapshot *s = content_load(KIOSK_SOURCE_DIR "/tests/bench/peer-cards", &fs_posix);
    if (!s || !content_usable(s) || s->ntopics == 0) {
        if (s)
            content_free(s);
        skip();
    }
    int cards = 0;
    for (int t = 0; t < s->ntopics; t++)
        cards += s->topics[t].ncards;
    assert_int_equal(cards, 5);
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        assert_int_equal(x.d.nloop, 5);
        fx_check_deck(s, &x.d);
        layout_menu_screen(&sc, s, &x.d, &fx_metrics);   /* tiles with pictures */
        check_tile_titles(&sc, s);
        arena_fini(&x.a);
    }
    content_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_sizes_keep_floors),
        cmocka_unit_test(test_layout_all_screens_keep_rules_at_five_sizes),
        cmocka_unit_test(test_layout_loop_pages_in_order),
        cmocka_unit_test(test_layout_long_card_continues),
        cmocka_unit_test(test_layout_long_word_breaks),
        cmocka_unit_test(test_layout_hit_testing),
        cmocka_unit_test(test_layout_position_label),
        cmocka_unit_test(test_layout_position_absent_on_one_page),
        cmocka_unit_test(test_layout_review_and_faq),
        cmocka_unit_test(test_layout_notice_overlay),
        cmocka_unit_test(test_layout_screen_copy_owns_its_text),
        cmocka_unit_test(test_layout_no_topics),
        cmocka_unit_test(test_layout_loop_teaser),
        cmocka_unit_test(test_layout_loop_image),
        cmocka_unit_test(test_layout_topic_image_beside_text),
        cmocka_unit_test(test_layout_picture_only_card_centred),
        cmocka_unit_test(test_layout_menu_back_and_tiles),
        cmocka_unit_test(test_layout_menu_short_titles_body_size),
        cmocka_unit_test(test_layout_bundled_content),
        cmocka_unit_test(test_layout_menu_body_size_on_7_inch),
        cmocka_unit_test(test_layout_peer_cards_loop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
