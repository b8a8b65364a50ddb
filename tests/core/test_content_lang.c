/* test_content_lang.c — translations (content/es/ and the like): loading one
 * into the snapshot, what --check says about a topic, card, label or file
 * that does not match, a broken translated file, three languages at once,
 * a hostile translation folder, the last good copy, and the bundled
 * Spanish. */
#include "test_content_util.h"

#include "content_settings.h"
#include "lastgood.h"
#include "live.h"

/* The visitors' labels in Spanish, so only what a test takes out is missing. */
static const char es_ini[] =
    "[labels]\nlanguage = Español\ntap_cue = Toque la pantalla\n"
    "menu_title = ¿Qué le gustaría saber?\nback = Atrás\nhome = Inicio\n"
    "next = Siguiente\nprevious = Anterior\nidle_notice = Volviendo al inicio\n"
    "position = {n} de {total}\nphone_prefix = Llame al\ncontinued = continúa\n"
    "place = {topic} - {n} de {total}\n";

static const char topic_a[] = "# Knees\n\nOpening.\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n";
static const char topic_a_es[] =
    "# Rodillas\n\nInicio.\n\n## Uno\n\nPrimero.\n\n## Dos\n\nSegundo.\n";

/* kiosk.ini with language = English, topics a and b, and es/ translating both. */
static void base_fixture(void)
{
    char ini[4096];
    snprintf(ini, sizeof ini, "%slanguage = English\n", tu_good_ini);
    tu_write("kiosk.ini", ini);
    tu_write("10-a.md", topic_a);
    tu_write("20-b.md", "# Bees\n\nBuzz.\n");
    mkdir(tu_path("es"), 0755);
    tu_write("es/kiosk.ini", es_ini);
    tu_write("es/10-a.md", topic_a_es);
    tu_write("es/20-b.md", "# Abejas\n\nZumbido.\n");
}

static void test_content_lang_loads_translation(void **state)
{
    (void)state;
    base_fixture();
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(s->nlangs, 2);
    assert_null(s->langs[0].code);
    assert_string_equal(s->langs[0].name, "English");
    assert_string_equal(s->langs[1].code, "es");
    assert_string_equal(s->langs[1].name, "Español");
    assert_int_equal(s->langs[1].ntranslated, 2);
    content_snapshot v = content_view(s, 1);
    assert_int_equal(v.ntopics, s->ntopics);
    assert_string_equal(v.topics[0].title, "Rodillas");
    assert_string_equal(v.topics[0].cards[2].title, "Dos");
    assert_string_equal(v.topics[0].file, "es/10-a.md");
    assert_string_equal(v.settings.label[LABEL_NEXT], "Siguiente");
    assert_string_equal(v.settings.label[LABEL_LANGUAGE], "Español");
    /* The view changes nothing in the snapshot itself. */
    assert_string_equal(s->topics[0].title, "Knees");
    assert_string_equal(s->settings.label[LABEL_NEXT], "Next");
    content_snapshot d = content_view(s, 0);
    assert_string_equal(d.topics[0].title, "Knees");
    content_snapshot out = content_view(s, 7);
    assert_string_equal(out.topics[0].title, "Knees");
    content_free(s);
}

static void test_content_lang_missing_topic(void **state)
{
    (void)state;
    base_fixture();
    unlink(tu_path("es/20-b.md"));
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "es/20-b.md", 0, "no translation of 20-b.md",
              "copy it into es/", "shows in English");
    assert_int_equal(s->nerrors, 0);
    assert_true(content_usable(s));
    content_snapshot v = content_view(s, 1);
    assert_string_equal(v.topics[1].title, "Bees");   /* the original stands in */
    assert_string_equal(v.topics[0].title, "Rodillas");
    assert_int_equal(s->langs[1].ntranslated, 1);
    content_free(s);
}

static void test_content_lang_missing_card(void **state)
{
    (void)state;
    base_fixture();
    tu_write("es/10-a.md", "# Rodillas\n\nInicio.\n\n## Uno\n\nPrimero.\n");
    content_snapshot *s = tu_load();
    /* The missing card is named at its place in the original: 10-a.md:9. */
    tu_expect(s, DIAG_WARNING, "es/10-a.md", 0, "has 2 cards, a has 3",
              "the card \"Two\" (10-a.md:9) has no translation", "by their order");
    content_snapshot v = content_view(s, 1);
    assert_int_equal(v.topics[0].ncards, 3);   /* never a card count that differs */
    assert_string_equal(v.topics[0].title, "Knees");
    content_free(s);
}

static void test_content_lang_extra_card(void **state)
{
    (void)state;
    base_fixture();
    char md[512];
    snprintf(md, sizeof md, "%s\n## Tres\n\nTercero.\n\n## Cuatro\n\nCuarto.\n",
             topic_a_es);
    tu_write("es/10-a.md", md);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "es/10-a.md", 13, "has 5 cards, a has 3",
              "\"Tres\"", "nor have the 1 after it", "no counterpart in 10-a.md");
    content_free(s);
}

static void test_content_lang_missing_label(void **state)
{
    (void)state;
    base_fixture();
    tu_write("es/kiosk.ini", "[labels]\nlanguage = Español\ntap_cue = Toque\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "es/kiosk.ini", 0, "has no next",
              "shows the English word (Next)", "next =");
    assert_int_equal(s->nerrors, 0);
    content_snapshot v = content_view(s, 1);
    assert_string_equal(v.settings.label[LABEL_NEXT], "Next");
    assert_string_equal(v.settings.label[LABEL_TAP_CUE], "Toque");
    content_free(s);
}

/* The staff view's words are not asked of a translation, even with a PIN. */
static void test_content_lang_staff_labels_not_asked(void **state)
{
    (void)state;
    base_fixture();
    char ini[4096];
    snprintf(ini, sizeof ini, "%slanguage = English\n[staff]\npin = 402791\n",
             tu_good_ini);
    tu_write("kiosk.ini", ini);
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    content_free(s);
}

static void test_content_lang_missing_language_name(void **state)
{
    (void)state;
    base_fixture();
    tu_write("kiosk.ini", tu_good_ini);
    char ini[1024];
    snprintf(ini, sizeof ini, "[labels]\n%s",
             es_ini + strlen("[labels]\nlanguage = Español\n"));
    tu_write("es/kiosk.ini", ini);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "kiosk.ini", 0, "has no language", "language = English");
    tu_expect(s, DIAG_ERROR, "es/kiosk.ini", 0, "has no language");
    content_free(s);
}

static void test_content_lang_no_kiosk_ini(void **state)
{
    (void)state;
    base_fixture();
    unlink(tu_path("es/kiosk.ini"));
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "es/kiosk.ini", 0, "no kiosk.ini", "[labels]");
    content_free(s);
}

static void test_content_lang_extra_file(void **state)
{
    (void)state;
    base_fixture();
    tu_write("es/30-old.md", "# Viejo\n\nTexto.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "es/30-old.md", 0, "not shown", "no 30-old.md",
              "rename it", "or remove it");
    assert_true(content_usable(s));
    content_free(s);
}

/* A translation sets words only: a timing in it is reported, not used. */
static void test_content_lang_setting_not_a_label(void **state)
{
    (void)state;
    base_fixture();
    char ini[1024];
    snprintf(ini, sizeof ini, "%s[kiosk]\nidle_timeout = 30\n", es_ini);
    tu_write("es/kiosk.ini", ini);
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "es/kiosk.ini", 15, "idle_timeout is not used",
              "only words under [labels]");
    assert_int_equal(s->settings.idle_timeout_s, 60);
    content_free(s);
}

/* A broken translated file is an error like a broken topic: the content is
 * not usable (the last good copy stays on screen), and where it is shown
 * anyway (no last good copy) the original stands in for it. */
static void test_content_lang_broken_format(void **state)
{
    (void)state;
    base_fixture();
    tu_write("es/20-b.md", "# Abejas\n\nZumbido \xff.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "es/20-b.md", 3, "UTF-8");
    assert_false(content_usable(s));
    content_snapshot v = content_view(s, 1);
    assert_string_equal(v.topics[1].title, "Bees");
    content_free(s);
}

static void test_content_lang_broken_review(void **state)
{
    (void)state;
    base_fixture();
    tu_write("30-reviews.md", "# Reviews\n\n## Ann B. · 1 May 2020\n\n> Lovely.\n");
    tu_write("es/30-reviews.md", "# Opiniones\n\n## Ann B.\n\n> Lovely.\n");
    content_snapshot *s = tu_load();
    assert_true(s->nerrors > 0);
    const content_diag *d = NULL;
    for (int i = 0; i < s->ndiags; i++)
        if (!strcmp(s->diags[i].file, "es/30-reviews.md") && s->diags[i].line == 3)
            d = &s->diags[i];
    assert_non_null(d);
    assert_int_equal(d->severity, DIAG_ERROR);
    content_free(s);
}

/* Nothing assumes two languages: three, in folder-name order, each with its
 * own words, and one with a script part in its code. */
static void test_content_lang_three_languages(void **state)
{
    (void)state;
    base_fixture();
    mkdir(tu_path("zh-Hant"), 0755);
    tu_write("zh-Hant/kiosk.ini", "[labels]\nlanguage = 繁體中文\nnext = 下一頁\n"
             "tap_cue = 觸摸螢幕\nmenu_title = 您想知道什麼？\nback = 返回\n"
             "home = 首頁\nprevious = 上一頁\nidle_notice = 即將返回\n"
             "position = {n} / {total}\nphone_prefix = 致電\ncontinued = 續\n"
             "place = {topic} - {n} / {total}\n");
    tu_write("zh-Hant/10-a.md", "# 膝蓋\n\n開始。\n\n## 一\n\n第一。\n\n## 二\n\n第二。\n");
    tu_write("zh-Hant/20-b.md", "# 蜜蜂\n\n嗡嗡。\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(s->nlangs, 3);
    assert_string_equal(s->langs[1].code, "es");
    assert_string_equal(s->langs[2].code, "zh-Hant");
    assert_string_equal(s->langs[2].name, "繁體中文");
    for (int g = 0; g < s->nlangs; g++) {
        content_snapshot v = content_view(s, g);
        assert_int_equal(v.ntopics, 2);
        assert_int_equal(v.topics[0].ncards, 3);
    }
    assert_string_equal(content_view(s, 2).topics[1].title, "蜜蜂");
    assert_string_equal(content_view(s, 2).settings.label[LABEL_NEXT], "下一頁");
    assert_string_equal(content_view(s, 1).settings.label[LABEL_NEXT], "Siguiente");
    content_free(s);
}

static void test_content_lang_folder_names(void **state)
{
    (void)state;
    static const char *const yes[] = { "es", "fr", "vi", "pt-BR", "zh-Hant",
                                       "es-419", "haw-US", NULL };
    static const char *const no[] = { "images", "old", "new", "tmp", "e", "ES",
                                      "es-", "es_MX", "es-x", "10-a.md", "",
                                      "es-verylongpart", NULL };
    for (int i = 0; yes[i]; i++)
        if (!content_lang_code(yes[i]))
            fail_msg("%s should be a language", yes[i]);
    for (int i = 0; no[i]; i++)
        if (content_lang_code(no[i]))
            fail_msg("%s should not be a language", no[i]);
}

/* A file named like a language is not a translation, and says nothing. */
static void test_content_lang_file_named_like_language(void **state)
{
    (void)state;
    with_topic("10-a.md", topic_a);
    tu_write("fr", "not a folder");
    content_snapshot *s = tu_load();
    assert_int_equal(s->nlangs, 1);
    assert_int_equal(s->nwarnings, 0);
    content_free(s);
}

/* The real folder, except that es/ also lists names by the tens of
 * thousands (writing them to a disk takes longer than the test should). */
static fs_status crowded_list(void *ctx, const char *dir,
                              void (*each)(void *u, const char *name), void *u)
{
    size_t n = strlen(dir);
    if (n > 3 && !strcmp(dir + n - 3, "/es")) {
        char name[32];
        for (int i = 0; i < KIOSK_MAX_DIR_SCAN + 10; i++) {
            snprintf(name, sizeof name, i % 2 ? "%06d-x.md" : "photo%06d.jpg", i);
            each(u, name);
        }
    }
    return fs_posix.list(ctx, dir, each, u);
}

/* A translation folder of tens of thousands of files, one translated topic
 * huge, and more language folders than allowed: the load stays quick
 * (tu_load fails past a second) and small, and says what is wrong. */
static void test_content_lang_hostile_folder(void **state)
{
    (void)state;
    base_fixture();
    size_t big = 4u * 1024 * 1024;
    char *huge = malloc(big);
    assert_non_null(huge);
    memset(huge, 'a', big);
    memcpy(huge, "# Huge\n\n", 8);
    mkdir(tu_path("fr"), 0755);
    tu_write("fr/kiosk.ini", es_ini);
    tu_write_n("fr/10-a.md", huge, big);
    free(huge);
    char name[64];
    for (int i = 0; i < KIOSK_MAX_LANGUAGES + 4; i++) {
        snprintf(name, sizeof name, "l%c", 'a' + i);
        mkdir(tu_path(name), 0755);
        snprintf(name, sizeof name, "l%c/kiosk.ini", 'a' + i);
        tu_write(name, es_ini);
    }
    kiosk_fs fs = fs_posix;
    fs.list = crowded_list;
    content_snapshot *s = tu_load_fs(&fs, tu_dir);
    assert_int_equal(s->nlangs, KIOSK_MAX_LANGUAGES);
    tu_expect(s, DIAG_ERROR, "es/", 0, "more than", "files");
    tu_expect(s, DIAG_ERROR, "fr/10-a.md", 0, "topic file may be");
    tu_expect(s, DIAG_ERROR, "lk/", 0, "more than 8 languages");
    print_message("hostile translations: snapshot arena %zu bytes\n", s->arena.used);
    assert_true(s->arena.used < 4u * 1024 * 1024);
    assert_true(s->ndiags <= KIOSK_MAX_DIAGS);
    content_free(s);
}

/* The last good copy holds each translation's files, so the screen after a
 * broken edit still has every language. */
static void test_content_lang_saved_as_last_good(void **state)
{
    (void)state;
    base_fixture();
    char state_dir[512];
    snprintf(state_dir, sizeof state_dir, "%s/state", tu_dir);
    mkdir(state_dir, 0755);
    content_snapshot *s = tu_load();
    assert_true(content_usable(s));
    assert_int_equal(lastgood_save(&lastgood_os_posix, &fs_posix, state_dir, tu_dir,
                                   s, "now"), LG_OK);
    content_free(s);
    char lg[600];
    snprintf(lg, sizeof lg, "%s/state/%s", tu_dir, LASTGOOD_DIR);
    s = tu_load_fs(&fs_posix, lg);
    tu_expect_clean(s);
    assert_int_equal(s->nlangs, 2);
    assert_int_equal(s->langs[1].ntranslated, 2);
    content_free(s);
}

/* Live reload: an edit of a translation alone is new content (swapped in
 * and laid out again), never taken for the same text saved again. */
static void test_content_lang_reload_sees_translation_edit(void **state)
{
    (void)state;
    base_fixture();
    content_snapshot *a = tu_load(), *same = tu_load();
    assert_true(live_same_content(a, same));
    tu_write("es/20-b.md", "# Abejas\n\nZumbido fuerte.\n");
    content_snapshot *word = tu_load();
    assert_false(live_same_content(a, word));
    tu_write("es/20-b.md", "# Abejas\n\nZumbido.\n");
    tu_write("es/kiosk.ini", "[labels]\nlanguage = Español\n");
    content_snapshot *label = tu_load();
    assert_false(live_same_content(a, label));
    char from[512];
    snprintf(from, sizeof from, "%s", tu_path("es"));
    assert_int_equal(rename(from, tu_path("old")), 0);   /* no longer a language */
    content_snapshot *gone = tu_load();
    assert_false(live_same_content(a, gone));
    content_free(a), content_free(same), content_free(word), content_free(label);
    content_free(gone);
}

/* The spa's own content: its Spanish matches topic for topic, card for
 * card and label for label, with no warning. */
static void test_content_lang_bundled_spanish_clean(void **state)
{
    (void)state;
    content_snapshot *s = tu_load_fs(&fs_posix, KIOSK_SOURCE_DIR "/content");
    tu_expect_clean(s);
    assert_int_equal(s->nlangs, 2);
    assert_string_equal(s->langs[1].code, "es");
    assert_string_equal(s->langs[1].name, "Español");
    assert_int_equal(s->langs[1].ntranslated, s->ntopics);
    print_message("bundled content with Spanish: snapshot arena %zu bytes\n", s->arena.used);
    content_snapshot v = content_view(s, 1);
    for (int t = 0; t < s->ntopics; t++) {
        assert_int_equal(v.topics[t].ncards, s->topics[t].ncards);
        assert_string_not_equal(v.topics[t].file, s->topics[t].file);
        /* Reviews are quoted as the client wrote them: the same name, date
         * and words as in the original. */
        for (int c = 0; s->topics[t].kind == TOPIC_REVIEWS && c < s->topics[t].ncards; c++) {
            const content_card *a = &s->topics[t].cards[c], *b = &v.topics[t].cards[c];
            if (a->kind != CARD_REVIEW)
                continue;
            assert_string_equal(a->review_name, b->review_name);
            assert_string_equal(a->review_date, b->review_date);
            assert_int_equal(a->words, b->words);
        }
    }
    for (int i = 0; i < LABEL_COUNT; i++)
        assert_non_null(v.settings.label[i]);
    content_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_content_lang_loads_translation),
        T(test_content_lang_missing_topic),
        T(test_content_lang_missing_card),
        T(test_content_lang_extra_card),
        T(test_content_lang_missing_label),
        T(test_content_lang_staff_labels_not_asked),
        T(test_content_lang_missing_language_name),
        T(test_content_lang_no_kiosk_ini),
        T(test_content_lang_extra_file),
        T(test_content_lang_setting_not_a_label),
        T(test_content_lang_broken_format),
        T(test_content_lang_broken_review),
        T(test_content_lang_three_languages),
        cmocka_unit_test(test_content_lang_folder_names),
        T(test_content_lang_file_named_like_language),
        T(test_content_lang_hostile_folder),
        T(test_content_lang_saved_as_last_good),
        T(test_content_lang_reload_sees_translation_edit),
        cmocka_unit_test(test_content_lang_bundled_spanish_clean),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
