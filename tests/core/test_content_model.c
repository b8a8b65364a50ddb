/* test_content_model.c — good topic files build the model the screens rely
 * on: cards, blocks, runs, lists, FAQ and reviews, pictures; Notepad files
 * work; leftovers are ignored; unsupported Markdown only warns. */
#include "test_content_util.h"

static void test_content_image_block(void **state)
{
    (void)state;
    mkdir(tu_path("images"), 0755);
    write_png("images/knee.png", 640, 480);
    write_jpeg("images/calm.jpg", 1920, 1080);
    with_topic("10-a.md", "# A\n\n## Pictures\n\n![A knee, from the side](images/knee.png)\n"
               "\nText between.\n\n![Calm water](images/calm.jpg)\n"
               "\n![Again](images/knee.png)\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_topic *t = topic(s, "10-a.md");
    assert_string_equal(t->image, "images/knee.png");
    const content_card *c = &t->cards[0];
    assert_int_equal(c->nblocks, 4);
    assert_int_equal(c->blocks[0].kind, BLOCK_IMAGE);
    assert_int_equal(c->blocks[0].line, 5);
    assert_string_equal(c->blocks[0].image, "images/knee.png");
    assert_string_equal(c->blocks[0].alt, "A knee, from the side");
    assert_int_equal(c->blocks[0].image_w, 640);
    assert_int_equal(c->blocks[0].image_h, 480);
    assert_int_equal(c->blocks[2].kind, BLOCK_IMAGE);
    assert_int_equal(c->blocks[2].image_w, 1920);
    assert_int_equal(c->blocks[2].image_h, 1080);
    assert_int_equal(s->nimages, 3);
    content_free(s);
}

static void test_content_bom_crlf(void **state)
{
    (void)state;
    with_topic("10-a.md", "\xEF\xBB\xBF# Title\r\n\r\nOpening.\r\n\r\n## Card\r\n\r\n"
               "- one\r\n- two\r\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_topic *t = topic(s, "10-a.md");
    assert_string_equal(t->title, "Title");
    assert_int_equal(t->ncards, 2);
    assert_int_equal(t->cards[1].line, 5);
    assert_int_equal(t->cards[1].blocks[1].line, 8);
    assert_string_equal(t->cards[1].blocks[1].runs[0].text, "two");
    content_free(s);
}

static void test_content_old_mac_line_ends(void **state)
{
    (void)state;
    with_topic("10-a.md", "# Title\r\rOne.\r\r## Card\r\rTwo.\r");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(s->topics[0].cards[1].line, 5);
    content_free(s);
}

static void test_content_ignored_files(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    static const char *const ignored[] = {
        ".hidden.md", "._10-a.md", "10-b.md~", ".10-c.md.swp", "10-d.md.swp",
        "~$10-e.md", "10-f.tmp", "README.md", "STATUS.txt", "notes.txt",
        "photo.jpg", ".DS_Store", NULL
    };
    for (int i = 0; ignored[i]; i++)
        tu_write_n(ignored[i], "\xff\0junk", 6);
    mkdir(tu_path("images"), 0755);
    mkdir(tu_path("old"), 0755);
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(s->ntopics, 1);
    content_free(s);
}

static void test_content_unnumbered_md_warns(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n");
    tu_write("massage.md", "# M\n\nText.\n");
    tu_write("other.ini", "[x]\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "massage.md", 0, "starts with a number",
              "40-massage.md");
    tu_expect(s, DIAG_WARNING, "other.ini", 0, "kiosk.ini");
    assert_true(content_usable(s));
    content_free(s);
}

static void test_content_opening_card(void **state)
{
    (void)state;
    with_topic("10-runners-knee.md", "# Runner's Knee\n\nWhat it is, in short.\n\n"
               "## How it happens\n\nOveruse.\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_topic *t = topic(s, "10-runners-knee.md");
    assert_string_equal(t->name, "runners-knee");
    assert_int_equal(t->kind, TOPIC_ARTICLE);
    assert_int_equal(t->ncards, 2);
    assert_string_equal(t->cards[0].title, "Runner's Knee");
    assert_int_equal(t->cards[0].kind, CARD_TEXT);
    assert_int_equal(t->cards[0].line, 3);
    assert_string_equal(t->cards[1].title, "How it happens");
    assert_int_equal(t->cards[1].line, 5);
    assert_int_equal(t->cards[1].words, 4);
    assert_int_equal(s->ncards, 2);
    assert_int_equal(t->in_loop, 1);
    content_free(s);
}

static void test_content_bold_italic_runs(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nPlain **bold** and *italic* and ***both*** "
               "&amp; &#8220;quoted&#8221;.\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_block *b = &s->topics[0].cards[0].blocks[0];
    assert_int_equal(b->kind, BLOCK_PARAGRAPH);
    static const struct { const char *text; unsigned style; } want[] = {
        { "Plain ", 0 }, { "bold", RUN_BOLD }, { " and ", 0 },
        { "italic", RUN_ITALIC }, { " and ", 0 }, { "both", RUN_BOLD | RUN_ITALIC },
        { " & \xe2\x80\x9cquoted\xe2\x80\x9d.", 0 },
    };
    assert_int_equal(b->nruns, 7);
    for (int i = 0; i < 7; i++) {
        assert_string_equal(b->runs[i].text, want[i].text);
        assert_int_equal(b->runs[i].len, (int)strlen(want[i].text));
        assert_int_equal(b->runs[i].style, want[i].style);
    }
    content_free(s);
}

static void test_content_lists_with_numbers(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\n3. three\n4. four\n   - under four\n5. five\n\n"
               "- a\n- b\n\n> quoted\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_card *c = &s->topics[0].cards[0];
    assert_int_equal(c->nblocks, 7);
    assert_int_equal(c->blocks[0].kind, BLOCK_NUMBERED);
    assert_int_equal(c->blocks[0].number, 3);
    assert_int_equal(c->blocks[1].number, 4);
    assert_int_equal(c->blocks[2].kind, BLOCK_BULLET);
    assert_int_equal(c->blocks[2].depth, 1);
    assert_int_equal(c->blocks[2].line, 5);
    assert_int_equal(c->blocks[3].kind, BLOCK_NUMBERED);
    assert_int_equal(c->blocks[3].number, 5);
    assert_int_equal(c->blocks[3].depth, 0);
    assert_int_equal(c->blocks[4].kind, BLOCK_BULLET);
    assert_int_equal(c->blocks[6].kind, BLOCK_QUOTE);
    assert_int_equal(c->blocks[6].depth, 0);
    content_free(s);
}

static void test_content_faq(void **state)
{
    (void)state;
    with_topic("70-faq.md", "# Questions\n\n## Will I be covered?\n\nYes, always.\n\n"
               "## Do I tip\n\nAs you would a waiter.\n");
    content_snapshot *s = tu_load();
    const content_topic *t = topic(s, "70-faq.md");
    assert_int_equal(t->kind, TOPIC_FAQ);
    assert_int_equal(t->ncards, 2);
    assert_int_equal(t->cards[0].kind, CARD_FAQ);
    assert_string_equal(t->cards[0].title, "Will I be covered?");
    assert_string_equal(t->cards[0].blocks[0].runs[0].text, "Yes, always.");
    tu_expect(s, DIAG_WARNING, "70-faq.md", 7, "question mark");
    assert_int_equal(s->nerrors, 0);
    content_free(s);
}

static void test_content_reviews(void **state)
{
    (void)state;
    with_topic("80-reviews.md", "# What Clients Say\n\n"
               "## Brynn P. \xc2\xb7 13 Aug 2018\n\n"
               "> This spa was amazing!\n>\n> The only spa in SLC that has any...\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_topic *t = topic(s, "80-reviews.md");
    assert_int_equal(t->kind, TOPIC_REVIEWS);
    const content_card *c = &t->cards[0];
    assert_int_equal(c->kind, CARD_REVIEW);
    assert_string_equal(c->review_name, "Brynn P.");
    assert_string_equal(c->review_date, "13 Aug 2018");
    assert_int_equal(c->nblocks, 2);
    assert_int_equal(c->blocks[0].kind, BLOCK_QUOTE);
    assert_string_equal(c->blocks[1].runs[0].text,
                        "The only spa in SLC that has any...");
    assert_int_equal(c->blocks[1].line, 7);
    content_free(s);
}

static void test_content_reviews_broken(void **state)
{
    (void)state;
    with_topic("80-reviews.md", "# Reviews\n\n## Brynn P. - 13 Aug 2018\n\n> Good.\n\n"
               "## Ann \xc2\xb7 1 May 2020\n\nNot quoted.\n\n"
               "## Bo \xc2\xb7 2 May 2020\n\n> One.\n\nTwo.\n\n> Three.\n\n"
               "##  \xc2\xb7 3 May 2020\n\n> Who?\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "80-reviews.md", 3, "middle dot");
    tu_expect(s, DIAG_ERROR, "80-reviews.md", 7, "one quote");
    tu_expect(s, DIAG_ERROR, "80-reviews.md", 11, "one quote");
    tu_expect(s, DIAG_ERROR, "80-reviews.md", 19, "middle dot");
    content_free(s);
}

static void test_content_unsupported_constructs(void **state)
{
    (void)state;
    with_topic("10-a.md",
               "# A\n\n"                          /* 1-2 */
               "#### Small heading\n\n"           /* 3 */
               "| a | b |\n|---|---|\n| 1 | 2 |\n\n" /* 5-7 */
               "```\ncode here\n```\n\n"          /* 9-11 */
               "See [our site](https://example.org).\n\n"  /* 13 */
               "Some <b>html</b>.\n\n"            /* 15 */
               "---\n\n"                          /* 17 */
               "~~gone~~ text\n\n"                /* 19 */
               "Inline `code`.\n");               /* 21 */
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "10-a.md", 3, "#### heading", "plain text");
    tu_expect(s, DIAG_WARNING, "10-a.md", 5, "table", "plain text");
    tu_expect(s, DIAG_WARNING, "10-a.md", 10, "code block", "plain text");
    tu_expect(s, DIAG_WARNING, "10-a.md", 13, "link", "address");
    tu_expect(s, DIAG_WARNING, "10-a.md", 15, "HTML");
    tu_expect(s, DIAG_WARNING, "10-a.md", 17, "---");
    tu_expect(s, DIAG_WARNING, "10-a.md", 19, "crossed-out");
    tu_expect(s, DIAG_WARNING, "10-a.md", 21, "code");
    assert_int_equal(s->nerrors, 0);
    assert_true(content_usable(s));
    /* Shown as plain text: the link's words stay, the address goes. */
    const content_card *c = &s->topics[0].cards[0];
    int found = 0;
    for (int i = 0; i < c->nblocks; i++)
        for (int r = 0; r < c->blocks[i].nruns; r++)
            found |= strstr(c->blocks[i].runs[r].text, "our site") != NULL &&
                     strstr(c->blocks[i].runs[r].text, "example") == NULL;
    assert_true(found);
    content_free(s);
}

static void test_content_no_title_no_cards(void **state)
{
    (void)state;
    tu_write("kiosk.ini", tu_good_ini);
    tu_write("10-a.md", "Just text.\n");
    tu_write("20-b.md", "# Only a title\n");
    tu_write("30-c.md", "");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_ERROR, "10-a.md", 0, "no title", "# ");
    tu_expect(s, DIAG_ERROR, "20-b.md", 0, "no cards");
    tu_expect(s, DIAG_ERROR, "30-c.md", 0, "no title");
    /* The topics are kept, flagged, and still have a title to show. */
    assert_int_equal(s->ntopics, 3);
    assert_true(s->topics[0].nerrors > 0);
    assert_non_null(s->topics[0].title);
    content_free(s);
}

static void test_content_second_title(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nText.\n\n# B\n\nMore.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "10-a.md", 5, "second # heading");
    assert_int_equal(s->topics[0].ncards, 2);
    assert_string_equal(s->topics[0].cards[1].title, "B");
    content_free(s);
}

static void test_content_menu_order(void **state)
{
    (void)state;
    tu_write("kiosk.ini", tu_good_ini);
    tu_write("30-c.md", "# C\n\nText.\n");
    tu_write("10-a.md", "# A\n\nText.\n");
    tu_write("20-b.md", "# B\n\nText.\n");
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    assert_int_equal(s->ntopics, 3);
    assert_string_equal(s->topics[0].title, "A");
    assert_string_equal(s->topics[1].title, "B");
    assert_string_equal(s->topics[2].title, "C");
    content_free(s);
}

static void test_content_diag_format(void **state)
{
    (void)state;
    char buf[128];
    content_diag a = { DIAG_ERROR, "20-symptoms.md", 14, "bad" };
    content_diag b = { DIAG_WARNING, "kiosk.ini", 0, "gone" };
    content_diag_format(&a, buf, sizeof buf);
    assert_string_equal(buf, "20-symptoms.md:14: bad");
    content_diag_format(&b, buf, sizeof buf);
    assert_string_equal(buf, "kiosk.ini: gone");
}

/* ### starts a card that belongs to the ## card above it. */
static void test_content_h3_continues_entry(void **state)
{
    (void)state;
    with_topic("70-faq.md",
               "# FAQ\n\n"
               "## How much should I tip?\n\nIt depends.\n\n"          /* 3 */
               "### Is there a simple tip rule?\n\n15-20 %.\n\n"       /* 7 */
               "## Can I talk?\n\nYes.\n");                            /* 11 */
    content_snapshot *s = tu_load();
    tu_expect_clean(s);
    const content_topic *t = &s->topics[0];
    assert_int_equal(t->ncards, 3);
    assert_int_equal(t->cards[0].continues, 0);
    assert_int_equal(t->cards[1].continues, 1);
    assert_int_equal(t->cards[1].kind, CARD_FAQ);
    assert_string_equal(t->cards[1].title, "Is there a simple tip rule?");
    assert_int_equal(t->cards[1].line, 7);
    assert_int_equal(t->cards[2].continues, 0);
    content_free(s);
}

/* A ### with no ## above it has no entry to belong to: a warning at its
 * line, and it is read as ##; in reviews too (they have no entries). */
static void test_content_h3_before_any_h2_warns(void **state)
{
    (void)state;
    with_topic("10-a.md", "# A\n\nOpening.\n\n### Lost\n\nText.\n\n## B\n\nMore.\n");
    content_snapshot *s = tu_load();
    tu_expect(s, DIAG_WARNING, "10-a.md", 5, "###", "write ## instead");
    assert_int_equal(s->nerrors, 0);
    assert_int_equal(s->topics[0].ncards, 3);
    assert_int_equal(s->topics[0].cards[1].continues, 0);
    content_free(s);
    unlink(tu_path("10-a.md"));
    tu_write("80-reviews.md", "# Reviews\n\n## Ann \xc2\xb7 1 May 2020\n\n> Nice.\n\n"
             "### Bo \xc2\xb7 2 May 2020\n\n> Good.\n");
    s = tu_load();
    tu_expect(s, DIAG_WARNING, "80-reviews.md", 7, "###", "read as ##");
    assert_int_equal(s->topics[0].cards[1].continues, 0);
    content_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(test_content_image_block),
        T(test_content_bom_crlf),
        T(test_content_old_mac_line_ends),
        T(test_content_ignored_files),
        T(test_content_unnumbered_md_warns),
        T(test_content_opening_card),
        T(test_content_bold_italic_runs),
        T(test_content_lists_with_numbers),
        T(test_content_faq),
        T(test_content_reviews),
        T(test_content_reviews_broken),
        T(test_content_unsupported_constructs),
        T(test_content_no_title_no_cards),
        T(test_content_second_title),
        T(test_content_menu_order),
        T(test_content_diag_format),
        T(test_content_h3_continues_entry),
        T(test_content_h3_before_any_h2_warns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
