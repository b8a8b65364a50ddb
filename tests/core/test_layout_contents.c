/* test_layout_contents.c — contents screens and the place line with fake
 * metrics: which topics have contents (FAQ always, reviews never, articles
 * from [kiosk] contents_from entries, ### cards not counted), the rows at
 * body size and a target tall, a grid line's rows of one height, two lines
 * at most in a column, the bar where the cards have it, the rules of
 * layout.h at five sizes and four rotations, every entry listed once with
 * its first page, Back/Home and Previous/Next, where Back leads from each
 * page, nine short questions on one screen at 1920x1080, and the bundled
 * FAQ's in both languages, spacing kept when it fits, a long title across
 * the width, the lead cut with "…", and "Causes · 3 of 9" on every card
 * but the opening one. */
#include "test_layout_fixture.h"

static layout_screen sc;   /* big: not on the stack */

/* A snapshot built by hand: an article of an opening card and 12 entries,
 * every third followed by a ### card; a FAQ of 30 questions of one to
 * twelve words; an article of 3 entries; reviews of 8. */
enum { CT_ARTICLE, CT_FAQ, CT_SHORT, CT_REVIEWS, CT_NTOPICS };

static const char *const ct_text[] = { "P:Some words of the card.", NULL };
static const char *const ct_lead[] = {
    "P:Twelve things can lead to runner\xE2\x80\x99s knee, and each of them has a card of "
    "its own with what you can do about it, whatever your age or your pace.",
    "P:A second paragraph.", NULL };
static const char *const ct_words[] = { "rest", "knee", "stretch", "gently", "before",
                                        "running", "downhill", "shoes", "massage",
                                        "therapist", "tendons", "alignment" };

static const char *ct_title(arena *a, int e, int faq)
{
    char buf[256];
    int o = snprintf(buf, sizeof buf, "%d.", e + 1);
    for (int k = 0; k < 1 + (e * 5) % 12; k++)
        o += snprintf(buf + o, sizeof buf - (size_t)o, " %s", ct_words[(e + k * 3) % 12]);
    snprintf(buf + o, sizeof buf - (size_t)o, "%s", faq ? "?" : "");
    return arena_strdup(a, buf);
}

/* Fills topic t with an opening card (when lead) and n entries, a ###
 * card after every third when more. */
static void ct_fill(arena *a, content_topic *t, content_topic_kind kind, const char *file,
                    const char *title, int n, int lead, int more)
{
    int cards = n + (lead ? 1 : 0) + (more ? n / 3 : 0), c = 0;
    fx_topic(a, t, kind, file, title, 0, cards);
    if (lead)
        fx_card(a, &t->cards[c++], CARD_TEXT, t->title, ct_lead);
    content_card_kind ck = kind == TOPIC_FAQ ? CARD_FAQ : CARD_TEXT;
    for (int e = 0; e < n; e++) {
        if (kind == TOPIC_REVIEWS) {
            fx_card(a, &t->cards[c++], CARD_REVIEW, arena_printf(a, "Guest %d", e), ct_text);
            continue;
        }
        fx_card(a, &t->cards[c++], ck, ct_title(a, e, kind == TOPIC_FAQ), ct_text);
        if (more && e % 3 == 2) {
            fx_card(a, &t->cards[c], ck, arena_printf(a, "More on %d", e + 1), ct_text);
            t->cards[c++].continues = 1;
        }
    }
    assert_int_equal(c, cards);
}

static content_snapshot *ct_snapshot(void)
{
    content_snapshot *s = fx_snapshot();
    arena *a = &s->arena;
    s->settings.contents_from = 5;
    s->settings.label[LABEL_PLACE] = "{topic} \xC2\xB7 {n} of {total}";
    s->ntopics = CT_NTOPICS;
    s->topics = arena_alloc(a, sizeof *s->topics * CT_NTOPICS);
    ct_fill(a, &s->topics[CT_ARTICLE], TOPIC_ARTICLE, "30-causes.md", "Causes", 12, 1, 1);
    ct_fill(a, &s->topics[CT_FAQ], TOPIC_FAQ, "70-faq.md", "Massage FAQ", 30, 0, 1);
    ct_fill(a, &s->topics[CT_SHORT], TOPIC_ARTICLE, "40-short.md", "Short", 3, 1, 0);
    ct_fill(a, &s->topics[CT_REVIEWS], TOPIC_REVIEWS, "80-reviews.md", "Reviews", 8, 0, 0);
    return s;
}

/* w x h as the layout sees it on a screen turned by rotate. */
static void turned(int i, int rotate, int *w, int *h)
{
    int sw = fx_sizes[i][0], sh = fx_sizes[i][1];
    *w = rotate % 180 ? sh : sw;
    *h = rotate % 180 ? sw : sh;
}

static void test_layout_contents_which_topics(void **state)
{
    content_snapshot *s = ct_snapshot();
    assert_int_equal(layout_topic_entries(&s->topics[CT_ARTICLE]), 12);
    assert_int_equal(layout_topic_entries(&s->topics[CT_FAQ]), 30);
    assert_true(layout_topic_has_contents(s, CT_ARTICLE));
    assert_true(layout_topic_has_contents(s, CT_FAQ));
    assert_false(layout_topic_has_contents(s, CT_SHORT));     /* 3 < 5 */
    assert_false(layout_topic_has_contents(s, CT_REVIEWS));   /* never */
    s->settings.contents_from = 13;
    assert_false(layout_topic_has_contents(s, CT_ARTICLE));  /* ### cards do not count */
    s->settings.contents_from = 12;
    assert_true(layout_topic_has_contents(s, CT_ARTICLE));
    s->settings.contents_from = 400;
    assert_true(layout_topic_has_contents(s, CT_FAQ));       /* the FAQ always */
    s->topics[CT_FAQ].nerrors = 1;
    assert_false(layout_topic_has_contents(s, CT_FAQ));      /* not shown at all */
    assert_false(layout_topic_has_contents(s, -1));
    assert_false(layout_topic_has_contents(s, CT_NTOPICS));
    /* Entries of cards: the opening card none, a ### card its ## card's. */
    const content_topic *t = &s->topics[CT_ARTICLE];
    assert_int_equal(layout_card_entry(t, 0), -1);
    assert_int_equal(layout_card_entry(t, 1), 0);
    assert_int_equal(layout_card_entry(t, 3), 2);
    assert_int_equal(layout_card_entry(t, 4), 2);   /* "More on 3" */
    assert_int_equal(layout_card_entry(t, 5), 3);
    fx_free(s);
}

/* The grid of a contents screen: rows of one grid line share a top and a
 * height; a row narrower than the width between the margins (one of two or
 * three columns) holds its words in at most two lines, a row across it in
 * at most three. (Overlaps, and rows nearer than s/60 to one another, the
 * bar or the corner's buttons: fx_check_screen.) */
static void check_grid(const layout_screen *scr, const layout_sizes *z)
{
    for (int i = 0; i < scr->nbox; i++) {
        const layout_box *b = &scr->box[i];
        if (b->action != ACT_ENTRY)
            continue;
        int lines = 0, last_y = -1;
        for (int j = 0; j < scr->nbox; j++) {
            const layout_box *x = &scr->box[j];
            if (x->kind == BOX_TEXT && fx_contains(b, x) && x->y != last_y) {
                lines++;
                last_y = x->y;
            }
            if (j != i && x->action == ACT_ENTRY && x->y < b->y + b->h && b->y < x->y + x->h) {
                assert_int_equal(x->y, b->y);
                assert_int_equal(x->h, b->h);
            }
        }
        assert_true(lines <= (b->w < scr->w - 2 * z->margin ? 2 : 3));
    }
}

/* The bar's buttons on a contents screen lie where they lie on the
 * topic's cards: Back on every card, Previous and Next on a card that has
 * them. */
static void check_bar_places(const content_snapshot *s, const layout_deck *d, int t,
                             const layout_screen *scr)
{
    static layout_screen card;   /* big: not on the stack */
    static const layout_action acts[] = { ACT_BACK, ACT_PREV, ACT_NEXT };
    for (size_t k = 0; k < sizeof acts / sizeof *acts; k++) {
        const layout_box *here = fx_find_action(scr, acts[k]);
        if (!here)
            continue;
        const layout_box *there = NULL;
        for (int p = 0; p < d->topic[t].npages && !there; p++) {
            layout_topic_screen(&card, s, d, &fx_metrics, t, p);
            there = fx_find_action(&card, acts[k]);
        }
        if (!there)
            continue;   /* a topic of one page has no Previous or Next */
        assert_int_equal(here->x, there->x);
        assert_int_equal(here->y, there->y);
        assert_int_equal(here->w, there->w);
        assert_int_equal(here->h, there->h);
    }
}

/* Every contents screen at five sizes and four rotations: the rules, rows
 * a target tall and wide with words at body size inside, each entry once
 * with its first page, only Back (Home would do the same), Previous and
 * Next between screens; Back from every page lists that page's entry. */
static void check_contents(const content_snapshot *s, const layout_deck *d, int t)
{
    const layout_topic_pages *tp = &d->topic[t];
    const content_topic *topic = &s->topics[t];
    layout_sizes z;
    layout_sizes_for(&z, d->w, d->h);
    int n = layout_topic_entries(topic), seen[KIOSK_MAX_CARDS_PER_TOPIC] = { 0 };
    int row_of[KIOSK_MAX_CARDS_PER_TOPIC];
    assert_true(tp->ncontents >= 1);
    for (int p = 0; p < tp->ncontents; p++) {
        layout_contents_screen(&sc, s, d, &fx_metrics, t, p);
        fx_check_screen(&sc, s, topic->title);
        assert_null(fx_find_action(&sc, ACT_HOME));
        assert_non_null(fx_find_action(&sc, ACT_BACK));
        assert_int_equal(fx_find_action(&sc, ACT_PREV) != NULL, p > 0);
        assert_int_equal(fx_find_action(&sc, ACT_NEXT) != NULL, p < tp->ncontents - 1);
        int rows = 0;
        for (int i = 0; i < sc.nbox; i++) {
            const layout_box *b = &sc.box[i];
            if (b->action != ACT_ENTRY)
                continue;
            rows++;
            assert_true(b->h * 7 >= z.s && b->w * 7 >= z.s);
            assert_true(b->arg >= 0 && b->arg < tp->npages);
            const layout_page *pg = &tp->page[b->arg];
            assert_int_equal(pg->part, 0);
            int e = layout_card_entry(topic, pg->card);
            assert_true(e >= 0 && e < n);
            assert_false(topic->cards[pg->card].continues);
            seen[e]++;
            row_of[e] = p;
            /* Its words: inside it, at body size or larger, the title's. */
            int words = 0;
            for (int j = 0; j < sc.nbox; j++) {
                const layout_box *x = &sc.box[j];
                if (x->kind != BOX_TEXT || !fx_contains(b, x))
                    continue;
                const char *title = topic->cards[pg->card].title;
                assert_true(x->px >= z.px_body);
                assert_true(x->text >= title && x->text < title + strlen(title));
                words++;
            }
            assert_true(words >= 1);
        }
        assert_true(rows >= 1);
        check_grid(&sc, &z);
        check_bar_places(s, d, t, &sc);
    }
    for (int e = 0; e < n; e++)
        assert_int_equal(seen[e], 1);
    for (int p = 0; p < tp->npages; p++) {
        int e = layout_card_entry(topic, tp->page[p].card);
        assert_int_equal(tp->contents_of[p], e < 0 ? 0 : row_of[e]);
    }
}

static void check_all_contents(const content_snapshot *s, int w, int h)
{
    arena a;
    arena_init(&a, 0);
    layout_deck d;
    assert_int_equal(layout_deck_build(&d, s, &fx_metrics, w, h, &a), 0);
    for (int t = 0; t < s->ntopics; t++) {
        if (layout_topic_has_contents(s, t))
            check_contents(s, &d, t);
        else
            assert_int_equal(d.topic[t].ncontents, 0);
    }
    fx_check_deck(s, &d);
    arena_fini(&a);
}

static void test_layout_contents_rules_five_sizes_four_rotations(void **state)
{
    content_snapshot *s = ct_snapshot();
    for (int i = 0; i < 5; i++)
        for (int r = 0; r < 360; r += 90) {
            int w, h;
            turned(i, r, &w, &h);
            check_all_contents(s, w, h);
        }
    fx_free(s);
}

static void test_layout_contents_bundled(void **state)
{
    content_snapshot *s = content_load(KIOSK_SOURCE_DIR "/content", &fs_posix);
    assert_non_null(s);
    assert_true(content_usable(s));
    int with = 0;
    for (int t = 0; t < s->ntopics; t++)
        with += layout_topic_has_contents(s, t);
    assert_int_equal(with, 3);   /* the FAQ, the causes, the treatments */
    for (int i = 0; i < 5; i++)
        for (int r = 0; r < 360; r += 90) {
            int w, h;
            turned(i, r, &w, &h);
            check_all_contents(s, w, h);
        }
    content_free(s);
}

/* Contents screens of topic t at w x h. */
static int screens_of(const content_snapshot *s, int t, int w, int h)
{
    arena a;
    arena_init(&a, 0);
    layout_deck d;
    assert_int_equal(layout_deck_build(&d, s, &fx_metrics, w, h, &a), 0);
    int n = d.topic[t].ncontents;
    for (int p = 0; p < n; p++) {
        layout_contents_screen(&sc, s, &d, &fx_metrics, t, p);
        fx_check_screen(&sc, s, s->topics[t].title);
    }
    arena_fini(&a);
    return n;
}

/* The generated snapshot with a FAQ of n questions q. */
static content_snapshot *questions(const char *const *q, int n)
{
    content_snapshot *s = ct_snapshot();
    content_topic *t = &s->topics[CT_FAQ];
    t->ncards = n;
    for (int i = 0; i < n; i++) {
        t->cards[i].title = q[i];
        t->cards[i].continues = 0;
    }
    return s;
}

/* Nine questions that each fit two lines of a third of the width (eleven
 * characters a line in the fake metrics' bold at s/16): one contents
 * screen at 1920x1080 and 3840x2160, three columns of three, 2 taps to
 * each. */
static void test_layout_contents_nine_short_questions_one_screen(void **state)
{
    static const char *const q[] = {
        "Will I be covered?", "Must I undress?", "How often to come?",
        "What is licensed?", "Is it insured?", "How much to tip?",
        "Can areas be skipped?", "May I talk?", "And if I\xE2\x80\x99m pregnant?" };
    content_snapshot *s = questions(q, 9);
    assert_int_equal(screens_of(s, CT_FAQ, 1920, 1080), 1);
    assert_int_equal(screens_of(s, CT_FAQ, 3840, 2160), 1);
    fx_free(s);
}

/* The bundled FAQ's nine questions at 1920x1080 and 3840x2160, in English
 * and Spanish: one screen, three grid lines of three (issue 14). Each
 * question fits two lines of a third of the width: eleven characters in
 * the fake metrics' bold at s/16, and in Inter Bold at 68 px its widest
 * line, "How much do", is 453 px of the 478. A question of three lines
 * would take a grid line across the width, and the rows a second screen. */
static void test_layout_contents_bundled_faq_one_screen_at_1920(void **state)
{
    content_snapshot *s = content_load(KIOSK_SOURCE_DIR "/content", &fs_posix);
    assert_non_null(s);
    assert_int_equal(s->nlangs, 2);
    for (int lang = 0; lang < s->nlangs; lang++) {
        content_snapshot v = content_view(s, lang);
        int faq = -1;
        for (int t = 0; t < v.ntopics; t++)
            if (v.topics[t].kind == TOPIC_FAQ)
                faq = t;
        assert_true(faq >= 0);
        assert_int_equal(layout_topic_entries(&v.topics[faq]), 9);
        assert_int_equal(screens_of(&v, faq, 1920, 1080), 1);
        assert_int_equal(screens_of(&v, faq, 3840, 2160), 1);
    }
    content_free(s);
}

/* The spacing gives way only to save a screen: three entries keep a grid
 * unit (s/24) between rows and the title at a card title's size. */
static void test_layout_contents_room_kept_when_it_fits(void **state)
{
    static const char *const q[] = { "Will I be covered?", "May I talk?", "Tips?" };
    content_snapshot *s = questions(q, 3);
    for (int i = 0; i < 5; i++) {
        arena a;
        arena_init(&a, 0);
        layout_deck d;
        int w = fx_sizes[i][0], h = fx_sizes[i][1];
        assert_int_equal(layout_deck_build(&d, s, &fx_metrics, w, h, &a), 0);
        layout_contents_screen(&sc, s, &d, &fx_metrics, CT_FAQ, 0);
        layout_sizes z;
        layout_sizes_for(&z, w, h);
        const layout_box *rows[3];
        int n = 0;
        for (int k = 0; k < sc.nbox && n < 3; k++)
            if (sc.box[k].action == ACT_ENTRY)
                rows[n++] = &sc.box[k];
        assert_int_equal(n, 3);
        for (int k = 1; k < 3; k++)
            assert_true(fx_separation(rows[k - 1], rows[k]) >= z.gap);
        const layout_box *title = NULL;
        for (int k = 0; k < sc.nbox && !title; k++)
            if (sc.box[k].kind == BOX_TEXT)
                title = &sc.box[k];
        assert_non_null(title);
        assert_int_equal(title->px, z.px_title);
        arena_fini(&a);
    }
    fx_free(s);
}

/* A title too long for two lines of a column takes a grid line across the
 * width, whole; the entries around it keep their columns. */
static void test_layout_contents_long_title_across_the_width(void **state)
{
    static const char *const q[] = {
        "Will I be covered?", "Must I undress?", "How often to come?",
        "What is licensed?",
        "What happens when my therapist finds a knot that does not let go after "
        "the first few minutes of work?",
        "How much to tip?", "Can areas be skipped?", "May I talk?", "Pregnant?" };
    content_snapshot *s = questions(q, 9);
    arena a;
    arena_init(&a, 0);
    layout_deck d;
    assert_int_equal(layout_deck_build(&d, s, &fx_metrics, 1920, 1080, &a), 0);
    layout_sizes z;
    layout_sizes_for(&z, 1920, 1080);
    int wide = 0, narrow = 0;
    for (int p = 0; p < d.topic[CT_FAQ].ncontents; p++) {
        layout_contents_screen(&sc, s, &d, &fx_metrics, CT_FAQ, p);
        fx_check_screen(&sc, s, "long title");
        check_grid(&sc, &z);
        for (int k = 0; k < sc.nbox; k++) {
            const layout_box *b = &sc.box[k];
            if (b->action != ACT_ENTRY)
                continue;
            const char *title = s->topics[CT_FAQ].cards[d.topic[CT_FAQ].page[b->arg].card].title;
            if (b->w == 1920 - 2 * z.margin) {
                wide++;
                assert_ptr_equal(title, q[4]);
                int shown = 0;   /* every word of it */
                for (int j = 0; j < sc.nbox; j++)
                    if (sc.box[j].kind == BOX_TEXT && fx_contains(b, &sc.box[j]))
                        shown += sc.box[j].len;
                assert_true(shown >= (int)strlen(q[4]) - 20);   /* all but the spaces */
                char text[4096];
                fx_text_at(&sc, 0, text, sizeof text);
                assert_non_null(strstr(text, "minutes of work?"));
            } else {
                narrow++;
            }
        }
    }
    assert_int_equal(wide, 1);
    assert_int_equal(narrow, 8);
    arena_fini(&a);
    fx_free(s);
}

/* The topic's title on top, then the lead: its first paragraph in one line,
 * cut at a word with "…" when it is longer; no lead without an opening
 * card. */
static void test_layout_contents_title_and_lead(void **state)
{
    content_snapshot *s = ct_snapshot();
    arena a;
    arena_init(&a, 0);
    layout_deck d;
    assert_int_equal(layout_deck_build(&d, s, &fx_metrics, 800, 480, &a), 0);
    layout_contents_screen(&sc, s, &d, &fx_metrics, CT_ARTICLE, 0);
    char text[8192];
    fx_text_at(&sc, 0, text, sizeof text);
    assert_non_null(strstr(text, "Causes Twelve things can lead"));
    assert_non_null(strstr(text, "\xE2\x80\xA6"));
    assert_null(strstr(text, "A second paragraph"));
    int lead_lines = 0;
    for (int i = 0; i < sc.nbox; i++)
        if (sc.box[i].kind == BOX_TEXT && sc.box[i].colour == COL_MUTED &&
            sc.box[i].y < sc.h / 3)
            lead_lines++;
    assert_int_equal(lead_lines, 1);
    layout_contents_screen(&sc, s, &d, &fx_metrics, CT_FAQ, 0);
    fx_text_at(&sc, 0, text, sizeof text);
    assert_true(!strncmp(text, "Massage FAQ 1.", 14));   /* no lead: the rows follow */
    arena_fini(&a);
    fx_free(s);
}

/* "Causes · 3 of 9": the topic and the entry's number, shared by a ###
 * card; nothing on the opening card; the topic alone when it has one
 * entry; nothing without the label. */
static void test_layout_place_line(void **state)
{
    content_snapshot *s = ct_snapshot();
    arena a;
    arena_init(&a, 0);
    layout_deck d;
    assert_int_equal(layout_deck_build(&d, s, &fx_metrics, 1280, 800, &a), 0);
    char text[8192];
    static const struct { int topic, card; const char *want; } cases[] = {
        { CT_ARTICLE, 1, "Causes \xC2\xB7 1 of 12" },
        { CT_ARTICLE, 3, "Causes \xC2\xB7 3 of 12" },
        { CT_ARTICLE, 4, "Causes \xC2\xB7 3 of 12" },   /* the ### card */
        { CT_ARTICLE, 5, "Causes \xC2\xB7 4 of 12" },
        { CT_REVIEWS, 7, "Reviews \xC2\xB7 8 of 8" },
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        int p = layout_card_first_page(&d, cases[k].topic, cases[k].card);
        layout_topic_screen(&sc, s, &d, &fx_metrics, cases[k].topic, p);
        fx_check_screen(&sc, s, cases[k].want);
        const layout_box *first = NULL;
        for (int i = 1; i < sc.nbox; i++)   /* the top-most words */
            if (sc.box[i].kind == BOX_TEXT && (!first || sc.box[i].y < first->y))
                first = &sc.box[i];
        assert_non_null(first);
        assert_int_equal(first->len, (int)strlen(cases[k].want));
        assert_memory_equal(first->text, cases[k].want, first->len);
        assert_int_equal(first->colour, COL_MUTED);
        layout_sizes z;
        layout_sizes_for(&z, d.w, d.h);
        assert_int_equal(first->px, z.px_small);
    }
    layout_topic_screen(&sc, s, &d, &fx_metrics, CT_ARTICLE, 0);   /* the opening card */
    fx_text_at(&sc, 0, text, sizeof text);
    assert_null(strstr(text, " of 12"));
    s->settings.label[LABEL_PLACE] = NULL;
    layout_topic_screen(&sc, s, &d, &fx_metrics, CT_ARTICLE, 2);
    fx_text_at(&sc, 0, text, sizeof text);
    assert_null(strstr(text, " of 12"));
    arena_fini(&a);
    /* One entry: the topic's name alone. */
    s->settings.label[LABEL_PLACE] = "{topic} \xC2\xB7 {n} of {total}";
    s->topics[CT_SHORT].ncards = 2;   /* the opening card and one entry */
    arena_init(&a, 0);
    assert_int_equal(layout_deck_build(&d, s, &fx_metrics, 1280, 800, &a), 0);
    layout_topic_screen(&sc, s, &d, &fx_metrics, CT_SHORT, layout_card_first_page(&d, CT_SHORT, 1));
    assert_true(fx_has_text(&sc, "Short"));
    fx_text_at(&sc, 0, text, sizeof text);
    assert_null(strstr(text, "1 of 1"));
    arena_fini(&a);
    fx_free(s);
}

/* A row's arg is a topic page: the hit on a row says which. */
static void test_layout_contents_row_hit(void **state)
{
    content_snapshot *s = ct_snapshot();
    arena a;
    arena_init(&a, 0);
    layout_deck d;
    assert_int_equal(layout_deck_build(&d, s, &fx_metrics, 720, 1280, &a), 0);
    layout_contents_screen(&sc, s, &d, &fx_metrics, CT_ARTICLE, 0);
    const layout_box *row = fx_find_action(&sc, ACT_ENTRY);
    assert_non_null(row);
    int arg = -1;
    assert_int_equal(layout_hit(&sc, row->x + row->w / 2, row->y + row->h / 2, &arg), ACT_ENTRY);
    assert_int_equal(arg, layout_card_first_page(&d, CT_ARTICLE, 1));
    arena_fini(&a);
    fx_free(s);
}

/* --check's measure: lines of a title as a row on the widest column. */
static void test_layout_entry_title_lines(void **state)
{
    content_snapshot *s = ct_snapshot();
    s->topics[CT_ARTICLE].cards[1].title = "Short";
    assert_int_equal(layout_entry_title_lines(s, &fx_metrics, 800, 480, CT_ARTICLE, 1), 1);
    s->topics[CT_ARTICLE].cards[1].title =
        "A very long title that goes on and on about everything a visitor could want "
        "to know about their knees and more";
    assert_true(layout_entry_title_lines(s, &fx_metrics, 800, 480, CT_ARTICLE, 1) > 2);
    assert_int_equal(layout_entry_title_lines(s, &fx_metrics, 800, 480, 99, 1), 0);
    fx_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_contents_which_topics),
        cmocka_unit_test(test_layout_contents_rules_five_sizes_four_rotations),
        cmocka_unit_test(test_layout_contents_bundled),
        cmocka_unit_test(test_layout_contents_nine_short_questions_one_screen),
        cmocka_unit_test(test_layout_contents_bundled_faq_one_screen_at_1920),
        cmocka_unit_test(test_layout_contents_room_kept_when_it_fits),
        cmocka_unit_test(test_layout_contents_long_title_across_the_width),
        cmocka_unit_test(test_layout_contents_title_and_lead),
        cmocka_unit_test(test_layout_place_line),
        cmocka_unit_test(test_layout_contents_row_hit),
        cmocka_unit_test(test_layout_entry_title_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
