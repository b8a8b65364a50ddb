/* test_layout_bar.c — buttons that never move (issue 14): Previous, Next,
 * Back and Home at one rectangle each on every card of every topic and on
 * the menu, at the five sizes turned both ways (rotate 0 and 180 lay out
 * the same size, 90 and 270 the size turned), with long labels too; a
 * button left out leaves its place empty; Home only where it goes further
 * than Back. */
#include "test_layout_fixture.h"

static layout_screen sc;   /* big: not on the stack */

typedef struct fx_deck { arena a; layout_deck d; } fx_deck;

static void build(fx_deck *x, const content_snapshot *s, int w, int h)
{
    arena_init(&x->a, 0);
    assert_int_equal(layout_deck_build(&x->d, s, &fx_metrics, w, h, &x->a), 0);
}

/* The bar's four buttons, in this order. */
enum { B_PREV, B_NEXT, B_BACK, B_HOME, B_COUNT };
static const layout_action bar_acts[B_COUNT] = { ACT_PREV, ACT_NEXT, ACT_BACK, ACT_HOME };
static const char *const bar_names[B_COUNT] = { "Previous", "Next", "Back", "Home" };

/* Where each button was first seen at one size (known 0: not yet). */
typedef struct places { layout_box at[B_COUNT]; int known[B_COUNT]; } places;

static int same_rect(const layout_box *a, const layout_box *b)
{
    return a->x == b->x && a->y == b->y && a->w == b->w && a->h == b->h;
}

/* Records where sc's buttons are, failing when one is somewhere else than
 * before. want: which buttons the screen should show (bit k: button k). */
static void note_buttons(places *pl, const layout_screen *scr, unsigned want, const char *what)
{
    for (int k = 0; k < B_COUNT; k++) {
        const layout_box *b = fx_find_action(scr, bar_acts[k]);
        if (!(want & (1u << k))) {
            if (b)
                fail_msg("%s at %dx%d shows %s, which does the same as another button "
                         "or leads nowhere", what, scr->w, scr->h, bar_names[k]);
            continue;
        }
        if (!b)
            fail_msg("%s at %dx%d has no %s", what, scr->w, scr->h, bar_names[k]);
        if (!pl->known[k]) {
            pl->at[k] = *b;
            pl->known[k] = 1;
        } else if (!same_rect(b, &pl->at[k])) {
            fail_msg("%s at %dx%d: %s moved from %d,%d %dx%d to %d,%d %dx%d", what, scr->w,
                     scr->h, bar_names[k], pl->at[k].x, pl->at[k].y, pl->at[k].w, pl->at[k].h,
                     b->x, b->y, b->w, b->h);
        }
    }
}

/* A button left out leaves its place empty: nothing drawn there (the
 * backdrop aside); words_ok: nothing there can be tapped or looks like a
 * button (the menu's spa strip may use the row of Previous and Next). */
static void check_empty_places(const places *pl, const layout_screen *scr, unsigned want,
                               int words_ok, const char *what)
{
    for (int k = 0; k < B_COUNT; k++) {
        if ((want & (1u << k)) || !pl->known[k])
            continue;
        for (int i = 1; i < scr->nbox; i++)
            if (fx_overlap(&scr->box[i], &pl->at[k]) &&
                !(words_ok && scr->box[i].kind == BOX_TEXT && !scr->box[i].action)) {
                fx_print_box("in the empty place:", i, &scr->box[i]);
                fail_msg("%s at %dx%d: box %d lies where %s is on other cards", what, scr->w,
                         scr->h, i, bar_names[k]);
            }
    }
}

/* Which buttons page p of topic t should show. */
static unsigned want_on_card(const content_snapshot *s, const layout_deck *d, int t, int p)
{
    unsigned want = 1u << B_BACK;
    if (p > 0)
        want |= 1u << B_PREV;
    if (p < d->topic[t].npages - 1)
        want |= 1u << B_NEXT;
    if (layout_topic_has_contents(s, t))
        want |= 1u << B_HOME;
    return want;
}

/* Every card of every topic at one size: first where the buttons are, then
 * that the places of those left out are empty. Returns the places. */
static places check_cards(const content_snapshot *s, const layout_deck *d)
{
    places pl;
    memset(&pl, 0, sizeof pl);
    for (int pass = 0; pass < 2; pass++)
        for (int t = 0; t < s->ntopics; t++)
            for (int p = 0; p < d->topic[t].npages; p++) {
                layout_topic_screen(&sc, s, d, &fx_metrics, t, p);
                unsigned want = want_on_card(s, d, t, p);
                if (pass == 0) {
                    fx_check_screen(&sc, s, s->topics[t].title);
                    note_buttons(&pl, &sc, want, s->topics[t].title);
                } else {
                    check_empty_places(&pl, &sc, want, 0, s->topics[t].title);
                }
            }
    for (int k = 0; k < B_COUNT; k++)
        assert_true(pl.known[k]);   /* the content shows every button somewhere */
    return pl;
}

/* The menu's Back where a card's is, when the menu has its Back below the
 * tiles; returns 1 when it does (0: at the right of the heading's row,
 * where the tiles' words need the bar's room; test_layout.c checks that
 * form). Nothing of the menu lies in the places of Previous and Next. */
static int check_menu(const content_snapshot *s, const layout_deck *d, places *pl)
{
    layout_menu_screen(&sc, s, d, &fx_metrics);
    fx_check_screen(&sc, s, "menu");
    const layout_box *back = fx_find_action(&sc, ACT_BACK);
    assert_non_null(back);
    assert_null(fx_find_action(&sc, ACT_HOME));
    if (!same_rect(back, &pl->at[B_BACK]))
        return 0;
    check_empty_places(pl, &sc, 1u << B_BACK, 1, "menu");
    return 1;
}

static void check_content(const content_snapshot *s, const char *what, int menu_min)
{
    int menus = 0;
    for (int i = 0; i < 5; i++)
        for (int turn = 0; turn < 2; turn++) {
            int w = fx_sizes[i][turn], h = fx_sizes[i][!turn];
            fx_deck x;
            build(&x, s, w, h);
            places pl = check_cards(s, &x.d);
            int at = check_menu(s, &x.d, &pl);
            print_message("%s %dx%d: menu's Back %s\n", what, w, h,
                          at ? "in Back's place" : "beside the heading");
            menus += at;
            arena_fini(&x.a);
        }
    assert_true(menus >= menu_min);
}

static content_snapshot *bundled(void)
{
    content_snapshot *s = content_load(KIOSK_SOURCE_DIR "/content", &fs_posix);
    if (!s || !content_usable(s) || s->ntopics == 0) {
        if (s)
            content_free(s);
        return NULL;
    }
    return s;
}

static void test_layout_bar_bundled_buttons_never_move(void **state)
{
    content_snapshot *s = bundled();
    assert_non_null(s);
    /* Both kinds of topic are there: with a contents screen (Home shown)
     * and without (Back alone). */
    int with = 0, without = 0;
    for (int t = 0; t < s->ntopics; t++)
        layout_topic_has_contents(s, t) ? with++ : without++;
    assert_true(with > 0 && without > 0);
    /* Portrait menus of eight topics keep Back in its place (but 800x1280).
     * Landscape menus put it beside the heading: the visitor's buttons
     * ("Aa", the language) take the top right corner there, and the
     * heading beside them leaves the tiles too little room below. */
    check_content(s, "bundled", 3);
    content_free(s);
}

static void test_layout_bar_fixture_buttons_never_move(void **state)
{
    content_snapshot *s = fx_snapshot();
    /* Home somewhere: the FAQ has a contents screen. */
    assert_true(layout_topic_has_contents(s, FX_FAQ));
    check_content(s, "fixture", 3);
    fx_free(s);
}

/* Labels too long for one row (a translation, or staff's own words): the
 * bar takes two rows, and still nothing moves. */
static void test_layout_bar_long_labels_two_rows(void **state)
{
    content_snapshot *s = fx_snapshot();
    s->settings.label[LABEL_BACK] = "Back to the list";
    s->settings.label[LABEL_HOME] = "Back to the start";
    s->settings.label[LABEL_PREVIOUS] = "Previous card";
    s->settings.label[LABEL_NEXT] = "Next card";
    check_content(s, "long labels", 3);
    fx_deck x;
    build(&x, s, 800, 480);
    layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_FAQ, 0);
    fx_check_screen(&sc, s, "FAQ card with long labels");
    assert_non_null(fx_find_action(&sc, ACT_HOME));
    layout_box back = *fx_find_action(&sc, ACT_BACK);
    layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_KNEE, 1);
    const layout_box *next = fx_find_action(&sc, ACT_NEXT);
    assert_non_null(next);
    assert_true(back.y + back.h <= next->y);   /* a row above Previous and Next */
    /* The position, pushed out from between Previous and Next, is whole. */
    char text[4096];
    fx_text_at(&sc, 0, text, sizeof text);
    assert_non_null(strstr(text, "2 / "));
    arena_fini(&x.a);
    fx_free(s);
}

/* Home, where it shows, does what it says (the FAQ has a contents screen:
 * Back leads there, Home to the menu). */
static void test_layout_bar_home_hits_on_faq(void **state)
{
    content_snapshot *s = fx_snapshot();
    for (int i = 0; i < 5; i++) {
        fx_deck x;
        build(&x, s, fx_sizes[i][0], fx_sizes[i][1]);
        layout_topic_screen(&sc, s, &x.d, &fx_metrics, FX_FAQ, 0);
        fx_check_screen(&sc, s, "FAQ card");
        const layout_box *h = fx_find_action(&sc, ACT_HOME), *b = fx_find_action(&sc, ACT_BACK);
        assert_non_null(h);
        assert_non_null(b);
        assert_int_equal(layout_hit(&sc, h->x + h->w / 2, h->y + h->h / 2, NULL), ACT_HOME);
        assert_int_equal(layout_hit(&sc, b->x + b->w / 2, b->y + b->h / 2, NULL), ACT_BACK);
        arena_fini(&x.a);
    }
    fx_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_layout_bar_bundled_buttons_never_move),
        cmocka_unit_test(test_layout_bar_fixture_buttons_never_move),
        cmocka_unit_test(test_layout_bar_long_labels_two_rows),
        cmocka_unit_test(test_layout_bar_home_hits_on_faq),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
