/* content_mdsource.c — a topic file's own text, read where md4c gives no
 * position: the line of a rule or an empty heading, the next "![" of a
 * picture whose path md4c copied, and picture or link syntax md4c did not
 * take (it would reach the screen as written). */
#include "content_internal.h"

#include <ctype.h>
#include <string.h>

/* A line's text after the quote and list markers in front of it. */
static const char *strip_containers(const char *s, size_t *len)
{
    size_t n = *len, i = 0;
    for (;;) {
        while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '>'))
            i++;
        size_t d = i;
        while (d < n && d - i < 9 && isdigit((unsigned char)s[d]))
            d++;
        if (d == i || d + 1 >= n || (s[d] != '.' && s[d] != ')') ||
            (s[d + 1] != ' ' && s[d + 1] != '\t'))
            break;
        i = d + 1;
    }
    *len = n - i;
    return s + i;
}

static int line_is(const char *s, size_t len, content_md_line_kind kind)
{
    if (kind == MD_LINE_RULE)
        return content_md_is_rule(s, len);
    /* "#", "## " with no words: a heading md4c hands over without text. */
    return len > 0 && s[0] == '#';
}

int content_md_find_line(const content_text *t, int from, content_md_line_kind kind)
{
    /* A bounded way ahead: a construct not recognised costs a few lines,
     * not the rest of the file for each one. */
    enum { LOOK_AHEAD = 64 };
    for (int n = from > 0 ? from : 1; n <= t->nlines && n < from + LOOK_AHEAD; n++) {
        size_t len;
        const char *s = content_text_line(t, n, &len);
        s = strip_containers(s, &len);
        if (line_is(s, len, kind))
            return n;
    }
    return 0;
}

const char *content_md_find_image(const content_text *t, size_t from)
{
    const char *p = t->text + from, *end = t->text + t->len;
    while ((p = memchr(p, '!', (size_t)(end - p))) && p + 1 < end && p[1] != '[')
        p++;
    return p && p + 1 < end ? p : NULL;
}

/* Raw HTML reaches the text as it is (MD_FLAG_NOHTML): "<b>", "</p>". */
int content_md_looks_like_html(const char *s, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == '<' && (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/' ||
                            s[i + 1] == '!'))
            return 1;
    return 0;
}

static int has_pair(const char *s, size_t n, char a, char b)
{
    for (size_t i = 0; i + 1 < n; i++)
        if (s[i] == a && s[i + 1] == b)
            return 1;
    return 0;
}

/* "![x](images/evening calm.jpg)" is not a picture to md4c (a space in the
 * path) and reached the screen as it was written. Text that still holds
 * "![" or "](" is picture or link syntax md4c did not take: an error, so
 * it never shows, saying how to write it. */
int content_md_raw_syntax(content_loader *L, const content_text *t, int line,
                          const char *s, size_t n)
{
    if (!has_pair(s, n, '!', '[') && !has_pair(s, n, ']', '('))
        return 0;
    size_t len;
    const char *src = content_text_line(t, line, &len);
    if (!has_pair(src, len, '!', '[')) {
        loader_diag_add(L, DIAG_ERROR, line, "this looks like a link but is "
                        "not written as one, so its brackets would show on the "
                        "screen; write [words](address) with no spaces in the "
                        "address, or write just the words");
        return 1;
    }
    const char *open = NULL;
    for (size_t i = 0; i + 1 < len && !open; i++)
        if (src[i] == ']' && src[i + 1] == '(')
            open = src + i + 2;
    const char *close = open ? memchr(open, ')', len - (size_t)(open - src)) : NULL;
    if (close && memchr(open, ' ', (size_t)(close - open)))
        loader_diag_add(L, DIAG_ERROR, line, "this picture's file name has a "
                        "space in it, so the kiosk cannot read it as a picture; "
                        "rename the file without spaces (like evening-calm.jpg) "
                        "or put the name in < >, like "
                        "![what it shows](<images/evening calm.jpg>)");
    else
        loader_diag_add(L, DIAG_ERROR, line, "this looks like a picture but is "
                        "not written as one, so it would show as text; write it "
                        "like ![what it shows](images/x.jpg), with nothing "
                        "between ] and (");
    return 1;
}
