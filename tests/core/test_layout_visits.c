/* test_layout_visits.c — the charts of what visitors read keep the layout
 * rules at five sizes: as a whole screen (kiosk --stats --png) and as the
 * staff view's last page; with a month, with 400 days (bars grouped so the
 * screen's boxes suffice), with long and accented topic names, with nothing
 * counted yet, and left out when their labels are missing. */
#include "test_layout_fixture.h"

#include "layout_staff.h"
#include "layout_visits.h"

static const char *const visits_labels[] = {
    "What visitors read", "Visits per day", "Topics opened", "Busiest hours",
    "Nothing counted yet"};

static content_snapshot *chart_snapshot(void)
{
    content_snapshot *s = fx_snapshot();
    for (int i = 0; i < 5; i++)
        s->settings.label[LABEL_VISITS_TITLE + i] = visits_labels[i];
    s->settings.label[LABEL_STAFF_TITLE] = "Staff view";
    s->settings.label[LABEL_STAFF_RELOAD] = "Reload now";
    s->settings.label[LABEL_STAFF_CLOSE] = "Close";
    s->settings.label[LABEL_STAFF_ADDRESS] = "Network address";
    s->settings.label[LABEL_STAFF_VERSION] = "Version";
    return s;
}

static visits V;
static visits_chart CH;
static layout_screen SC;

static const char *const topic_names[] = {
    "runners-knee", "symptoms", "causes", "a-very-long-topic-name-that-staff-gave-it-once",
    "massage-types", "faq", "reviews", "gift-cards", "\xc3\xa9t\xc3\xa9-soins", "diagnosis"};

/* days of visits up to 2026-12-02: day d has d % 7 visits to topic d % 10. */
static void fill(int days)
{
    visits_init(&V);
    int64_t last = visits_day_number(20261202);
    for (int d = 0; d < days; d++) {
        int32_t date = visits_date_of(last - days + 1 + d);
        for (int i = 0; i < d % 7 + 1; i++) {
            visits_clock c = {(uint64_t)i * 1000, date, 8 + (i * 3 + d) % 12};
            visits_touch_down(&V, c);
            visits_count_events(&V, VE_SESSION_START | VE_TOPIC | VE_PAGE,
                                topic_names[(d + i) % 10], c);
            visits_end_session(&V, (visits_clock){c.mono_ms + 60000, date, c.hour});
        }
    }
    visits_chart_of(&V, 20261202, days, &CH);
}

/* The heading's first word starts a line (it wraps on narrow screens). */
static int has_title(const layout_screen *sc)
{
    for (int i = 0; i < sc->nbox; i++)
        if (sc->box[i].kind == BOX_TEXT && sc->box[i].len >= 4 &&
            !memcmp(sc->box[i].text, "What", 4))
            return 1;
    return 0;
}

static void check_sizes(content_snapshot *s, const char *what, int expect_title)
{
    for (int z = 0; z < 5; z++) {
        layout_visits_screen(&SC, s, &fx_metrics, fx_sizes[z][0], fx_sizes[z][1], &CH);
        fx_check_screen(&SC, s, what);
        assert_int_equal(has_title(&SC), expect_title);
    }
}

static void test_chart_month_keeps_rules(void **state)
{
    content_snapshot *s = chart_snapshot();
    fill(30);
    check_sizes(s, "visits chart, a month", 1);
    for (int z = 0; z < 5; z++) {
        layout_visits_screen(&SC, s, &fx_metrics, fx_sizes[z][0], fx_sizes[z][1], &CH);
        assert_true(fx_has_text(&SC, "Visits per day"));
        assert_true(fx_has_text(&SC, "Topics opened"));
        assert_true(fx_has_text(&SC, "Busiest hours"));
    }
    fx_free(s);
}

/* Staff read a topic's title, not the file name its counts are kept under;
 * a name no topic has any more (renamed, removed) is shown as kept. */
static void test_chart_names_topics_by_their_titles(void **state)
{
    content_snapshot *s = chart_snapshot();
    s->topics[FX_CAUSES].name = "causes";
    fill(30);
    for (int z = 0; z < 5; z++) {
        layout_visits_screen(&SC, s, &fx_metrics, fx_sizes[z][0], fx_sizes[z][1], &CH);
        assert_false(fx_has_text(&SC, "causes"));
    }
    /* 4K has rows for the most opened topics. */
    assert_true(fx_has_text(&SC, "Nine Causes"));
    assert_true(fx_has_text(&SC, "runners-knee"));
    fx_free(s);
}

static void test_chart_400_days_fits_the_boxes(void **state)
{
    content_snapshot *s = chart_snapshot();
    fill(VISITS_MAX_DAYS);
    check_sizes(s, "visits chart, 400 days", 1);   /* fails when the screen filled up */
    fx_free(s);
}

static void test_chart_nothing_counted_says_so(void **state)
{
    content_snapshot *s = chart_snapshot();
    visits_init(&V);
    visits_chart_of(&V, 20261202, 14, &CH);
    check_sizes(s, "visits chart, empty", 1);
    assert_true(fx_has_text(&SC, "Nothing counted yet"));
    fx_free(s);
}

static void test_staff_view_last_page_is_the_charts(void **state)
{
    content_snapshot *s = chart_snapshot();
    fill(14);
    staff_info info = {"No problems found.\n", "192.168.1.20", "0.1.0", &CH};
    for (int z = 0; z < 5; z++) {
        int w = fx_sizes[z][0], h = fx_sizes[z][1];
        int pages = layout_staff_view(&SC, s, &fx_metrics, w, h, &info, 0);
        assert_int_equal(pages, 2);
        assert_false(has_title(&SC));
        layout_staff_view(&SC, s, &fx_metrics, w, h, &info, 1);
        fx_check_screen(&SC, s, "staff view, charts page");
        assert_true(has_title(&SC));
        assert_true(fx_has_text(&SC, "Close"));
    }
    /* No counts (no state folder): no charts page. */
    info.chart = NULL;
    assert_int_equal(layout_staff_view(&SC, s, &fx_metrics, 800, 480, &info, 0), 1);
    /* A label missing (content from before the charts): no charts page. */
    info.chart = &CH;
    s->settings.label[LABEL_VISITS_HOURS] = NULL;
    assert_int_equal(layout_staff_view(&SC, s, &fx_metrics, 800, 480, &info, 5), 1);
    assert_false(has_title(&SC));
    fx_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_chart_month_keeps_rules),
        cmocka_unit_test(test_chart_names_topics_by_their_titles),
        cmocka_unit_test(test_chart_400_days_fits_the_boxes),
        cmocka_unit_test(test_chart_nothing_counted_says_so),
        cmocka_unit_test(test_staff_view_last_page_is_the_charts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
