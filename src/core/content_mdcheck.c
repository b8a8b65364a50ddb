/* content_mdcheck.c — a topic file's text before md4c sees it: read with a
 * size bound, refused when binary, and checked line by line for NUL bytes,
 * UTF-8, nesting depth, line length, the number of cards and their size. */
#include "content_internal.h"

#include <ctype.h>
#include <string.h>

/* A line of only -, * or _ (and blanks) is a rule, not list markers. */
int content_md_is_rule(const char *s, size_t len)
{
    int marks = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '-' || s[i] == '*' || s[i] == '_')
            marks++;
        else if (s[i] != ' ' && s[i] != '\t')
            return 0;
    }
    return marks >= 3;
}

/* Length of the list marker at s ("- ", "12. "), or 0. */
static size_t list_marker(const char *s, size_t len)
{
    size_t j = 0;
    if (len && (s[0] == '-' || s[0] == '*' || s[0] == '+')) {
        j = 1;
    } else {
        while (j < len && j < 9 && isdigit((unsigned char)s[j]))
            j++;
        if (j == 0 || j >= len || (s[j] != '.' && s[j] != ')'))
            return 0;
        j++;
    }
    if (j < len && s[j] != ' ' && s[j] != '\t')
        return 0;
    return j;
}

/* Quotes and list items a line opens by its prefix, and the blanks before
 * its innermost one: each nested level needs at least two more columns, so
 * blanks bound how deep indentation alone can nest. Stops one level past
 * the limit: the rule test reads the rest of the line, so going on would
 * read a line of 50,000 markers 50,000 times. */
static int line_nesting(const char *s, size_t len, int *blanks)
{
    size_t i = 0;
    int depth = 0, ws = 0, ws_at_marker = 0;
    while (depth <= KIOSK_MAX_NESTING) {
        while (i < len && (s[i] == ' ' || s[i] == '\t'))
            ws += s[i++] == '\t' ? 4 : 1;
        if (i < len && s[i] == '>') {
            depth++, i++;
            ws_at_marker = ws;
            continue;
        }
        size_t m = list_marker(s + i, len - i);
        if (!m || content_md_is_rule(s + i, len - i))
            break;
        depth++, i += m;
        ws_at_marker = ws;
    }
    *blanks = ws_at_marker;
    return depth;
}

static int check_nesting(content_loader *L, int line, const char *s, size_t len)
{
    int blanks;
    int depth = line_nesting(s, len, &blanks);
    if (depth <= KIOSK_MAX_NESTING && blanks <= 4 * (KIOSK_MAX_NESTING + 1))
        return 0;
    loader_diag_add(L, DIAG_ERROR, line, "this line is nested too deeply (quotes "
                    "or lists inside each other); at most %d levels can be "
                    "shown, so take some > or indentation away",
                    KIOSK_MAX_NESTING);
    return 1;
}

/* "# x", "## x" or "### x" (or "#x": headings are read permissively): card starts. */
static int is_card_heading(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && i < 3 && s[i] == ' ')
        i++;
    size_t h = 0;
    while (i + h < len && s[i + h] == '#')
        h++;
    return h >= 1 && h <= 3;
}

/* Cards: how many, and how long each is as written (md4c's time grows with
 * the square of a paragraph full of brackets, see kiosk_limits.h). */
static int check_cards(content_loader *L, const content_text *t)
{
    int headings = 0;
    size_t card_bytes = 0;
    for (int n = 1; n <= t->nlines; n++) {
        size_t len;
        const char *s = content_text_line(t, n, &len);
        /* The first # is the title; every other heading starts a card. */
        if (is_card_heading(s, len)) {
            card_bytes = 0;
            if (++headings > KIOSK_MAX_CARDS_PER_TOPIC + 1) {
                loader_diag_add(L, DIAG_ERROR, n, "this topic has more than %d "
                                "cards; split it into several topic files",
                                KIOSK_MAX_CARDS_PER_TOPIC);
                return 1;
            }
        }
        card_bytes += len + 1;
        if (card_bytes > KIOSK_MAX_CARD_BYTES) {
            loader_diag_add(L, DIAG_ERROR, n, "the card that goes on to this "
                            "line is longer than %d KB as written; a card shows "
                            "at most %d characters, so split it with more ## "
                            "headings", KIOSK_MAX_CARD_BYTES / 1024,
                            KIOSK_MAX_CARD_CHARS);
            return 1;
        }
    }
    return 0;
}

/* Reads the file and checks what md4c must never see. Returns 0 when the
 * text in *t can be parsed. */
int content_md_read(content_loader *L, const char *file, content_text *t)
{
    size_t len = 0, total = 0;
    fs_status st = L->fs->read(L->fs->ctx, L->dir, file, L->buf, L->bufcap,
                               &len, &total);
    if (st != FS_OK) {
        loader_diag_add(L, DIAG_ERROR, 0, "%s", content_fs_problem(st));
        return -1;
    }
    if (len > KIOSK_MAX_FILE_BYTES || total > KIOSK_MAX_FILE_BYTES) {
        loader_diag_add(L, DIAG_ERROR, 0, "this file is %s; a topic file may be "
                        "at most %d KB. Is it really a topic? Split long topics "
                        "into several files", content_size_words(L, total > len ? total : len),
                        KIOSK_MAX_FILE_BYTES / 1024);
        return -1;
    }
    if (content_text_is_binary(L->buf, len)) {
        loader_diag_add(L, DIAG_ERROR, 0, "this file is not text (a picture or a "
                        "program saved as .md?); a topic file must be plain text "
                        "saved as UTF-8");
        return -1;
    }
    if (content_text_init(t, L->buf, len) < 0) {
        loader_diag_add(L, DIAG_ERROR, 0, "out of memory while reading this file");
        return -1;
    }
    if (content_text_check_lines(L, t, KIOSK_MAX_LINE_BYTES, check_nesting))
        return -1;
    return check_cards(L, t) ? -1 : 0;
}
