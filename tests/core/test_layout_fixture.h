/* test_layout_fixture.h — what the layout tests share: fake font metrics, a
 * small content snapshot built in memory, and the checker for the rules every
 * screen keeps (layout.h: safe area, no overlaps, floors, targets). */
#ifndef TEST_LAYOUT_FIXTURE_H
#define TEST_LAYOUT_FIXTURE_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "layout.h"

/* Each test program uses a part of this fixture. */
#pragma GCC diagnostic ignored "-Wunused-function"

/* ---- fake metrics: every code point 0.55 px wide (bold 0.6), height 1.2 px ---- */

static int fx_codepoints(const char *t, int len)
{
    int n = 0;
    for (int i = 0; i < len; i++)
        if (((unsigned char)t[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static int fx_width(void *ctx, layout_face f, int px, const char *t, int len)
{
    int per = f == FACE_BOLD || f == FACE_BOLD_ITALIC ? 60 : 55;
    return (fx_codepoints(t, len) * px * per + 99) / 100;
}

static int fx_height(void *ctx, layout_face f, int px)
{
    return (px * 6 + 4) / 5;
}

static const layout_metrics fx_metrics = { NULL, fx_width, fx_height };

static const int fx_sizes[5][2] = {
    { 800, 480 }, { 720, 1280 }, { 1280, 800 }, { 1920, 1080 }, { 3840, 2160 }
};

/* ---- a snapshot built by hand ---- */

/* Blocks in a tiny markup: "P:" paragraph, "B:" bullet, "N<n>:" numbered,
 * "Q:" quote, "I:<path>:<w>x<h>" image; each leading '>' is one level of
 * depth; **bold** and *italic* make runs. */
static void fx_runs(arena *a, content_block *b, const char *s)
{
    content_run runs[64];
    int n = 0;
    unsigned style = 0;
    while (*s && n < 64) {
        if (s[0] == '*' && s[1] == '*') {
            style ^= RUN_BOLD;
            s += 2;
            continue;
        }
        if (s[0] == '*') {
            style ^= RUN_ITALIC;
            s += 1;
            continue;
        }
        int len = 0;
        while (s[len] && s[len] != '*')
            len++;
        runs[n].text = arena_strndup(a, s, (size_t)len);
        runs[n].len = len;
        runs[n].style = style;
        n++;
        s += len;
    }
    b->runs = arena_alloc(a, sizeof runs[0] * (size_t)(n ? n : 1));
    memcpy(b->runs, runs, sizeof runs[0] * (size_t)n);
    b->nruns = n;
}

static void fx_block(arena *a, content_block *b, const char *spec)
{
    memset(b, 0, sizeof *b);
    while (*spec == '>') {
        b->depth++;
        spec++;
    }
    char k = *spec++;
    if (k == 'N')
        b->number = (int)strtol(spec, (char **)&spec, 10);
    assert_int_equal(*spec++, ':');
    switch (k) {
    case 'P': b->kind = BLOCK_PARAGRAPH; break;
    case 'B': b->kind = BLOCK_BULLET; break;
    case 'N': b->kind = BLOCK_NUMBERED; break;
    case 'Q': b->kind = BLOCK_QUOTE; break;
    case 'I': {
        b->kind = BLOCK_IMAGE;
        const char *colon = strrchr(spec, ':');
        b->image = arena_strndup(a, spec, (size_t)(colon - spec));
        sscanf(colon + 1, "%dx%d", &b->image_w, &b->image_h);
        b->alt = "a picture";
        return;
    }
    default: fail_msg("bad block spec %s", spec);
    }
    fx_runs(a, b, spec);
}

static void fx_card(arena *a, content_card *c, content_card_kind kind, const char *title,
                    const char *const *blocks)
{
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->title = title;
    c->line = 1;
    int n = 0;
    while (blocks[n])
        n++;
    c->blocks = arena_alloc(a, sizeof *c->blocks * (size_t)(n ? n : 1));
    for (int i = 0; i < n; i++)
        fx_block(a, &c->blocks[i], blocks[i]);
    c->nblocks = n;
}

static const char *const fx_knee_open[] = {
    "P:Runner\xE2\x80\x99s knee is a **dull ache** around the *front* of the knee \xE2\x80\x94 "
    "behind or around the kneecap.",
    "P:It is common in runners, cyclists, and anyone who jumps.", NULL };
static const char *const fx_knee_signs[] = {
    "B:Pain around the kneecap", "B:Worse on stairs, or after **sitting** long",
    ">B:or when you squat down", "N1:Rest", "N2:Ice, *twenty minutes*", "N10:Stretch gently",
    NULL };
static const char *const fx_knee_quote[] = {
    "P:Doctors put it simply:", "Q:Rest is the first *treatment*; strength comes next.",
    "Q:Then build up again, slowly.", NULL };
static const char *const fx_knee_image[] = {
    "P:The kneecap slides in a groove at the end of the thigh bone.",
    "I:images/knee.jpg:1200x800", NULL };
static const char *const fx_faq[] = {
    "P:Most massages take 60 or 90 minutes. Ask at the desk for a 30-minute one.", NULL };
static const char *const fx_review[] = {
    "Q:This spa was amazing! A group of us went there this past Friday. "
    "Ren\xC3\xA9" "e was wonderful \xE2\x80\x9C" "exactly\xE2\x80\x9D what we needed.", NULL };
static const char *const fx_gift[] = { "P:Gift cards at the desk.", NULL };

/* A card far longer than one screen, and one with a 300-character word. */
static const char *fx_long[16];
static const char *fx_word[3];

static void fx_make_long(arena *a)
{
    for (int i = 0; i < 14; i++)
        fx_long[i] = arena_printf(a, "P:Paragraph %d of a long story: rest, ice and a "
                                     "gentle return to running, well-paced and patient.", i + 1);
    fx_long[14] = NULL;
    char word[700];
    int o = 0;
    for (int i = 0; i < 300; i++)   /* 300 code points, half of them two bytes */
        o += snprintf(word + o, sizeof word - (size_t)o, "%s", i % 2 ? "\xC3\xA9" : "a");
    fx_word[0] = arena_printf(a, "P:Before %s after.", word);
    fx_word[1] = NULL;
}

enum { FX_KNEE, FX_CAUSES, FX_FAQ, FX_REVIEWS, FX_BROKEN, FX_GIFT, FX_NTOPICS };

static void fx_topic(arena *a, content_topic *t, content_topic_kind kind, const char *file,
                     const char *title, int in_loop, int ncards)
{
    memset(t, 0, sizeof *t);
    t->kind = kind;
    t->file = file;
    t->name = file;
    t->title = title;
    t->in_loop = in_loop;
    t->ncards = ncards;
    t->cards = arena_alloc(a, sizeof *t->cards * (size_t)ncards);
}

static content_snapshot *fx_snapshot(void)
{
    content_snapshot *s = calloc(1, sizeof *s);
    assert_non_null(s);
    arena_init(&s->arena, 0);
    arena *a = &s->arena;
    content_settings *st = &s->settings;
    st->spa_name = "Matrix Spa & Massage";
    st->phone = "(801) 799-4999";
    static const char *labels[LABEL_COUNT] = {
        "Touch the screen to explore", "What would you like to know?", "Back", "Home",
        "Next", "Previous", "Going back to the start in a moment. Touch the screen to stay.",
        "{n} / {total}", "Call", "continued" };
    for (int i = 0; i < LABEL_COUNT; i++)
        st->label[i] = labels[i];
    fx_make_long(a);
    s->ntopics = FX_NTOPICS;
    s->topics = arena_alloc(a, sizeof *s->topics * FX_NTOPICS);
    content_topic *t = s->topics;
    fx_topic(a, &t[FX_KNEE], TOPIC_ARTICLE, "10-knee.md", "What Is Runner\xE2\x80\x99s Knee?", 1, 4);
    t[FX_KNEE].image = "images/knee.jpg";
    fx_card(a, &t[FX_KNEE].cards[0], CARD_TEXT, t[FX_KNEE].title, fx_knee_open);
    fx_card(a, &t[FX_KNEE].cards[1], CARD_TEXT, "Signs to notice", fx_knee_signs);
    fx_card(a, &t[FX_KNEE].cards[2], CARD_TEXT, "What doctors say", fx_knee_quote);
    fx_card(a, &t[FX_KNEE].cards[3], CARD_TEXT, "The kneecap", fx_knee_image);
    fx_topic(a, &t[FX_CAUSES], TOPIC_ARTICLE, "30-causes.md", "Nine Causes", 1, 2);
    fx_card(a, &t[FX_CAUSES].cards[0], CARD_TEXT, "A long story", fx_long);
    fx_card(a, &t[FX_CAUSES].cards[1], CARD_TEXT, "One long word", fx_word);
    fx_topic(a, &t[FX_FAQ], TOPIC_FAQ, "70-faq.md", "Massage Questions", 1, 1);
    fx_card(a, &t[FX_FAQ].cards[0], CARD_FAQ, "How long is a massage?", fx_faq);
    fx_topic(a, &t[FX_REVIEWS], TOPIC_REVIEWS, "80-reviews.md", "What Clients Say", 1, 1);
    fx_card(a, &t[FX_REVIEWS].cards[0], CARD_REVIEW, "Brynn P. \xC2\xB7 13 Aug 2018", fx_review);
    t[FX_REVIEWS].cards[0].review_name = "Brynn P.";
    t[FX_REVIEWS].cards[0].review_date = "13 Aug 2018";
    fx_topic(a, &t[FX_BROKEN], TOPIC_ARTICLE, "85-broken.md", "Broken", 1, 1);
    fx_card(a, &t[FX_BROKEN].cards[0], CARD_TEXT, "Broken", fx_gift);
    t[FX_BROKEN].nerrors = 1;
    fx_topic(a, &t[FX_GIFT], TOPIC_ARTICLE, "90-gift-cards.md", "Gift Cards", 0, 1);
    fx_card(a, &t[FX_GIFT].cards[0], CARD_TEXT, "Gift Cards", fx_gift);
    return s;
}

static void fx_free(content_snapshot *s)
{
    arena_fini(&s->arena);
    free(s);
}

/* ---- the rules ---- */

static int fx_overlap(const layout_box *a, const layout_box *b)
{
    return a->x < b->x + b->w && b->x < a->x + a->w && a->y < b->y + b->h && b->y < a->y + a->h;
}

static int fx_contains(const layout_box *outer, const layout_box *in)
{
    return in->x >= outer->x && in->y >= outer->y && in->x + in->w <= outer->x + outer->w &&
           in->y + in->h <= outer->y + outer->h;
}

/* Space between two boxes (negative when they overlap). */
static int fx_separation(const layout_box *a, const layout_box *b)
{
    int d = b->x - (a->x + a->w);
    int e = a->x - (b->x + b->w);
    int f = b->y - (a->y + a->h);
    int g = a->y - (b->y + b->h);
    int m = d > e ? d : e;
    m = m > f ? m : f;
    return m > g ? m : g;
}

static void fx_print_box(const char *what, int i, const layout_box *b)
{
    print_error("%s box %d: kind %d at %d,%d size %dx%d px %d action %d text \"%.*s\"\n", what,
                i, b->kind, b->x, b->y, b->w, b->h, b->px, b->action,
                b->text ? b->len : 0, b->text ? b->text : "");
}

/* Is p inside the text of some run of s (content text, not a label)? */
static int fx_in_content(const content_snapshot *s, const char *p)
{
    for (int t = 0; t < s->ntopics; t++)
        for (int c = 0; c < s->topics[t].ncards; c++) {
            const content_card *card = &s->topics[t].cards[c];
            for (int b = 0; b < card->nblocks; b++)
                for (int r = 0; r < card->blocks[b].nruns; r++) {
                    const content_run *run = &card->blocks[b].runs[r];
                    if (p >= run->text && p < run->text + run->len)
                        return 1;
                }
        }
    return 0;
}

/* How far apart two targets must be (layout.h): s/24, or s/60 when one is
 * a contents row. */
static int fx_apart(int s, const layout_box *a, const layout_box *b)
{
    return a->action == ACT_ENTRY || b->action == ACT_ENTRY ? (s + 59) / 60 : s / 24;
}

/* Checks every rule of layout.h on a finished screen. */
static void fx_check_screen(const layout_screen *sc, const content_snapshot *s, const char *what)
{
    layout_sizes z;
    layout_sizes_for(&z, sc->w, sc->h);
    /* The safe area from DESIGN.md, not from the code under test. */
    int M = z.s / 12, bad = 0;
    assert_true(sc->nbox >= 1);
    assert_true(sc->nbox < LAYOUT_MAX_BOXES);   /* full means something was dropped */
    const layout_box *bg = &sc->box[0];
    assert_true(bg->backdrop && bg->kind == BOX_RECT && bg->x == 0 && bg->y == 0 &&
                bg->w == sc->w && bg->h == sc->h);
    for (int i = 1; i < sc->nbox && !bad; i++) {
        const layout_box *b = &sc->box[i];
        if (b->backdrop || b->w <= 0 || b->h <= 0 || b->x < M || b->y < M ||
            b->x + b->w > sc->w - M || b->y + b->h > sc->h - M) {
            fx_print_box("outside the safe area:", i, b);
            bad = 1;
        }
        if (b->kind == BOX_TEXT) {
            const unsigned char *t = (const unsigned char *)b->text;
            if (!t || b->len <= 0 || (t[0] & 0xC0) == 0x80 || (t[b->len] & 0xC0) == 0x80) {
                fx_print_box("text cut inside a code point (or empty):", i, b);
                bad = 1;
            }
            int floor = fx_in_content(s, b->text) ? (z.s + 15) / 16 : (z.s + 21) / 22;
            if (b->px < floor) {
                fx_print_box("text below its floor:", i, b);
                bad = 1;
            }
        }
        if (b->action != ACT_NONE && (b->w * 7 < z.s || b->h * 7 < z.s)) {
            fx_print_box("tap target too small:", i, b);
            bad = 1;
        }
        for (int j = 1; j < i && !bad; j++) {
            const layout_box *o = &sc->box[j];
            int ti = b->kind != BOX_RECT, tj = o->kind != BOX_RECT;
            if (ti && tj && fx_overlap(b, o))
                bad = 1;
            else if (ti != tj && fx_overlap(b, o) && !fx_contains(ti ? o : b, ti ? b : o))
                bad = 1;
            else if (b->action && o->action && fx_separation(b, o) < fx_apart(z.s, b, o))
                bad = 1;
            if (bad) {
                fx_print_box("these overlap (or targets too close):", j, o);
                fx_print_box("                                  and", i, b);
            }
        }
    }
    if (bad)
        fail_msg("%s at %dx%d breaks a layout rule", what, sc->w, sc->h);
}

/* Marks the bytes of card's runs that the screen shows; fails on any byte
 * shown twice. */
typedef struct fx_cover { unsigned char *seen[64][64]; } fx_cover;

static void fx_cover_init(fx_cover *cv, const content_card *card)
{
    memset(cv, 0, sizeof *cv);
    assert_true(card->nblocks <= 64);
    for (int b = 0; b < card->nblocks; b++) {
        assert_true(card->blocks[b].nruns <= 64);
        for (int r = 0; r < card->blocks[b].nruns; r++)
            cv->seen[b][r] = calloc(1, (size_t)card->blocks[b].runs[r].len + 1);
    }
}

static void fx_cover_mark(fx_cover *cv, const content_card *card, const layout_screen *sc)
{
    for (int i = 0; i < sc->nbox; i++) {
        const layout_box *x = &sc->box[i];
        if (x->kind != BOX_TEXT)
            continue;
        for (int b = 0; b < card->nblocks; b++)
            for (int r = 0; r < card->blocks[b].nruns; r++) {
                const content_run *run = &card->blocks[b].runs[r];
                if (x->text < run->text || x->text >= run->text + run->len)
                    continue;
                int off = (int)(x->text - run->text);
                assert_true(off + x->len <= run->len);
                for (int k = off; k < off + x->len; k++) {
                    if (cv->seen[b][r][k])
                        fail_msg("\"%s\": byte %d of a run shown twice", card->title, k);
                    cv->seen[b][r][k] = 1;
                }
            }
    }
}

/* Every byte of the card that is not a space was shown; frees. */
static void fx_cover_done(fx_cover *cv, const content_card *card)
{
    for (int b = 0; b < card->nblocks; b++)
        for (int r = 0; r < card->blocks[b].nruns; r++) {
            const content_run *run = &card->blocks[b].runs[r];
            for (int k = 0; k < run->len; k++)
                if (run->text[k] != ' ' && !cv->seen[b][r][k])
                    fail_msg("\"%s\": text \"%s\" not shown from byte %d", card->title,
                             run->text, k);
            free(cv->seen[b][r]);
        }
}

/* Words as the parser counts them: runs of bytes that are not spaces. */
static int fx_words(const char *t, int len, int *in_word)
{
    int n = 0;
    for (int k = 0; k < len; k++) {
        int sp = t[k] == ' ' || t[k] == '\t' || t[k] == '\n';
        n += !sp && !*in_word;
        *in_word = !sp;
    }
    return n;
}

static int fx_has_text(const layout_screen *sc, const char *want)
{
    for (int i = 0; i < sc->nbox; i++)
        if (sc->box[i].kind == BOX_TEXT && sc->box[i].len == (int)strlen(want) &&
            !memcmp(sc->box[i].text, want, strlen(want)))
            return 1;
    return 0;
}

/* Does t[0..len) end a sentence: '.', '!', '?' or '…', then any closing
 * quotes or brackets (and spaces)? */
static int fx_ends_sentence(const char *t, int len)
{
    static const char *const closers[] = { "\"", "'", ")", "]", "\xE2\x80\x99",
                                           "\xE2\x80\x9D", "\xC2\xBB", " " };
    for (int again = 1; again && len > 0;) {
        again = 0;
        for (size_t k = 0; k < sizeof closers / sizeof *closers; k++) {
            int n = (int)strlen(closers[k]);
            if (len >= n && !memcmp(t + len - n, closers[k], (size_t)n)) {
                len -= n;
                again = 1;
            }
        }
    }
    return len > 0 && (strchr(".!?", t[len - 1]) ||
                       (len >= 3 && !memcmp(t + len - 3, "\xE2\x80\xA6", 3)));
}

/* Words of the loop's list (issue 14): the titles of the topic's other
 * cards that sc shows, each whole (on one line or broken over several). */
static int fx_list_words(const content_topic *t, const content_card *card,
                         const layout_screen *sc)
{
    int words = 0;
    for (int c = 0; c < t->ncards; c++) {
        const char *title = t->cards[c].title;
        int len = title ? (int)strlen(title) : 0, shown = 0;
        if (&t->cards[c] == card || !len)
            continue;
        for (int i = 0; i < sc->nbox; i++) {
            const layout_box *x = &sc->box[i];
            if (x->kind == BOX_TEXT && x->text >= title && x->text < title + len)
                shown += x->len;
        }
        if (!shown)
            continue;
        int in = 0, spaces = fx_words(title, len, &in) - 1;   /* at most, between lines */
        if (shown < len - spaces)
            fail_msg("\"%s\" is cut in the loop's list", title);
        in = 0;
        words += fx_words(title, len, &in);
    }
    return words;
}

/* A loop page is one card's headline and teaser: whole text blocks from the
 * top; the first may instead be cut at a sentence's end, or its lines end
 * in "…". Nothing shown twice, nothing after a cut; words as layout_page
 * says. */
static void fx_check_loop_page(const content_snapshot *s, const layout_page *p,
                               const layout_screen *sc)
{
    assert_int_equal(p->part, 0);
    assert_int_equal(p->nparts, 1);
    const content_card *card = &s->topics[p->topic].cards[p->card];
    fx_cover cv;
    fx_cover_init(&cv, card);
    fx_cover_mark(&cv, card, sc);
    int in = 0, words = card->title ? fx_words(card->title, (int)strlen(card->title), &in) : 0;
    int ellipsis = fx_has_text(sc, "\xE2\x80\xA6"), shown_blocks = 0, stopped = 0;
    for (int b = 0; b < card->nblocks; b++) {
        const content_block *blk = &card->blocks[b];
        if (blk->kind == BLOCK_IMAGE)
            continue;
        char text[8192];   /* the block's bytes, and which of them are shown */
        unsigned char seen[8192];
        int n = 0, last_shown = -1, first_unshown = -1;
        for (int r = 0; r < blk->nruns; r++)
            for (int k = 0; k < blk->runs[r].len && n < (int)sizeof text; k++, n++) {
                text[n] = blk->runs[r].text[k];
                seen[n] = cv.seen[b][r][k];
                if (seen[n])
                    last_shown = n;
                else if (text[n] != ' ' && first_unshown < 0)
                    first_unshown = n;
            }
        if (last_shown < 0) {
            stopped = 1;
            continue;
        }
        if (stopped)
            fail_msg("\"%s\": block %d shown after the teaser stopped", card->title, b);
        if (first_unshown >= 0) {   /* cut: a prefix, at a sentence's end or with "…" */
            assert_true(first_unshown > last_shown);
            if (shown_blocks > 0)
                fail_msg("\"%s\": only the first block may be cut", card->title);
            if (!ellipsis && !fx_ends_sentence(text, last_shown + 1))
                fail_msg("\"%s\": loop teaser cut mid-sentence: \"%.*s\"", card->title,
                         last_shown + 1, text);
            stopped = 1;
        }
        in = 0;
        words += fx_words(text, last_shown + 1, &in);
        shown_blocks++;
    }
    for (int b = 0; b < card->nblocks; b++)
        for (int r = 0; r < card->blocks[b].nruns; r++)
            free(cv.seen[b][r]);
    words += fx_list_words(&s->topics[p->topic], card, sc);
    assert_int_equal(p->words, words);
}

/* Every screen of the deck obeys the rules, every card's text is shown
 * exactly once across its topic pages, and each card has one loop page
 * showing its headline and a teaser. */
static void fx_check_deck(const content_snapshot *s, const layout_deck *d)
{
    static layout_screen sc;
    layout_menu_screen(&sc, s, d, &fx_metrics);
    fx_check_screen(&sc, s, "menu");
    for (int t = 0; t < s->ntopics; t++) {
        const layout_topic_pages *tp = &d->topic[t];
        for (int p = 0; p < tp->ncontents; p++) {
            layout_contents_screen(&sc, s, d, &fx_metrics, t, p);
            fx_check_screen(&sc, s, "contents");
        }
        for (int c = 0; c < s->topics[t].ncards && tp->npages; c++) {
            const content_card *card = &s->topics[t].cards[c];
            fx_cover cv;
            fx_cover_init(&cv, card);
            for (int p = 0; p < tp->npages; p++) {
                if (tp->page[p].card != c)
                    continue;
                layout_topic_screen(&sc, s, d, &fx_metrics, t, p);
                fx_check_screen(&sc, s, card->title);
                fx_cover_mark(&cv, card, &sc);
            }
            fx_cover_done(&cv, card);
        }
    }
    int cards = 0;
    for (int t = 0; t < s->ntopics; t++)
        if (s->topics[t].in_loop && !s->topics[t].nerrors)
            cards += s->topics[t].ncards;
    assert_int_equal(d->nloop, cards);   /* one loop page per card */
    for (int i = 0; i < d->nloop; i++) {
        layout_loop_screen(&sc, s, d, &fx_metrics, i);
        fx_check_screen(&sc, s, "loop card");
        fx_check_loop_page(s, &d->loop[i], &sc);
    }
    layout_empty_screen(&sc, s, &fx_metrics, d->w, d->h);
    fx_check_screen(&sc, s, "empty screen");
}

/* Concatenated text of the screen's TEXT boxes at px, separated by spaces. */
static void fx_text_at(const layout_screen *sc, int px, char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = '\0';
    for (int i = 0; i < sc->nbox; i++) {
        const layout_box *b = &sc->box[i];
        if (b->kind == BOX_TEXT && (px == 0 || b->px == px))
            o += (size_t)snprintf(buf + o, cap - o, "%s%.*s", o ? " " : "", b->len, b->text);
        if (o >= cap)
            return;
    }
}

static const layout_box *fx_find_action(const layout_screen *sc, layout_action act)
{
    for (int i = 0; i < sc->nbox; i++)
        if (sc->box[i].action == act && !sc->box[i].backdrop)
            return &sc->box[i];
    return NULL;
}

#endif
