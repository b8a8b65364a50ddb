/* test_content_bundled.c — the spa's own content (content/ in the source
 * tree) loads with no error and no warning, and has the topics the screens
 * expect: articles, the FAQ and the reviews. */
#include "test_content_util.h"

static void test_content_bundled_is_clean(void **state)
{
    (void)state;
    content_snapshot *s = tu_load_fs(&fs_posix, KIOSK_SOURCE_DIR "/content");
    tu_expect_clean(s);
    assert_true(content_usable(s));
    assert_true(s->ntopics >= 3);
    int faq = 0, reviews = 0;
    for (int i = 0; i < s->ntopics; i++) {
        const content_topic *t = &s->topics[i];
        assert_int_equal(t->nerrors, 0);
        assert_true(t->ncards > 0);
        faq += t->kind == TOPIC_FAQ;
        reviews += t->kind == TOPIC_REVIEWS;
        for (int c = 0; c < t->ncards; c++) {
            assert_non_null(t->cards[c].title);
            assert_true(t->cards[c].words > 0);
        }
    }
    assert_int_equal(faq, 1);
    assert_int_equal(reviews, 1);
    assert_non_null(s->settings.spa_name);
    for (int i = 0; i < LABEL_COUNT; i++)
        assert_non_null(s->settings.label[i]);
    content_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_content_bundled_is_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
