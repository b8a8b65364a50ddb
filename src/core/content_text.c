/* content_text.c — checks every text file gets before a parser sees it:
 * BOM, line endings, NUL bytes, UTF-8, line length, and offset-to-line maps. */
#include "content_internal.h"

#include <stdlib.h>
#include <string.h>

int content_text_init(content_text *t, char *buf, size_t len)
{
    memset(t, 0, sizeof *t);
    size_t r = 0, w = 0;
    /* Windows Notepad starts UTF-8 files with a byte order mark. */
    if (len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3))
        r = 3;
    int lines = 1;
    for (; r < len; r++) {
        char c = buf[r];
        if (c == '\r') {
            /* CRLF (Windows) and lone CR (old Mac) both end a line. */
            if (r + 1 < len && buf[r + 1] == '\n')
                r++;
            c = '\n';
        }
        buf[w++] = c;
        lines += c == '\n';
    }
    buf[w] = '\0';
    t->text = buf;
    t->len = w;
    t->line_start = malloc(sizeof *t->line_start * (size_t)(lines + 1));
    if (!t->line_start)
        return -1;
    t->line_start[0] = 0;
    t->nlines = 1;
    for (size_t i = 0; i < w; i++)
        if (buf[i] == '\n' && i + 1 < w)
            t->line_start[t->nlines++] = (int)(i + 1);
    return 0;
}

void content_text_fini(content_text *t)
{
    free(t->line_start);
    t->line_start = NULL;
}

int content_text_line_of(const content_text *t, size_t off)
{
    int lo = 0, hi = t->nlines - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if ((size_t)t->line_start[mid] <= off)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo + 1;
}

const char *content_text_line(const content_text *t, int n, size_t *len)
{
    size_t a = (size_t)t->line_start[n - 1];
    size_t b = n < t->nlines ? (size_t)t->line_start[n] : t->len;
    if (b > a && t->text[b - 1] == '\n')
        b--;
    *len = b - a;
    return t->text + a;
}

/* Length of the UTF-8 sequence at s (at most n bytes), or 0 when invalid:
 * overlong forms, surrogates and values past U+10FFFF are invalid too. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c < 0x80)
        return 1;
    size_t len;
    unsigned min;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, min = 0x80;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, min = 0x800;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, min = 0x10000;
    else
        return 0;
    if (n < len)
        return 0;
    unsigned cp = c & (0x3F >> (len - 1));
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return len;
}

size_t content_utf8_check(const char *s, size_t len)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        size_t k = utf8_seq(p + i, len - i);
        if (!k)
            return i;
        i += k;
    }
    return len;
}

int content_utf8_count(const char *s, size_t len)
{
    int n = 0;
    for (size_t i = 0; i < len; i++)
        n += ((unsigned char)s[i] & 0xC0) != 0x80;
    return n;
}

/* Git's rule of thumb, widened: a NUL in the first few KB, or mostly bytes
 * that are neither text nor UTF-8, means a picture or program, not text
 * with a few bad characters. */
int content_text_is_binary(const char *buf, size_t len)
{
    size_t head = len < 8000 ? len : 8000, bad = 0, nuls = 0;
    const unsigned char *p = (const unsigned char *)buf;
    for (size_t i = 0; i < head;) {
        size_t k = utf8_seq(p + i, head - i);
        if (p[i] == 0)
            nuls++;
        if (!k || (p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' && p[i] != '\t' &&
                   p[i] != '\f')) {
            bad++;
            i++;
        } else {
            i += k;
        }
    }
    /* A few NULs in a text file are one staff fault; many are a binary. */
    return nuls > 8 || bad * 10 > head;
}

int content_text_check_lines(content_loader *L, const content_text *t,
                             size_t maxline, content_line_check extra)
{
    int problems = 0;
    for (int n = 1; n <= t->nlines; n++) {
        size_t len;
        const char *s = content_text_line(t, n, &len);
        if (memchr(s, '\0', len)) {
            loader_diag_add(L, DIAG_ERROR, n, "this line contains a NUL byte (an "
                "invisible zero character, often from a damaged copy); retype "
                "the line or save the file again as UTF-8 text");
            problems++;
        } else if (content_utf8_check(s, len) < len) {
            loader_diag_add(L, DIAG_ERROR, n, "this line is not valid text "
                            "(UTF-8); save the file as UTF-8");
            problems++;
        } else if (extra && extra(L, n, s, len)) {
            problems++;
        } else if (len > maxline) {
            loader_diag_add(L, DIAG_ERROR, n, "this line is %zu bytes long; at "
                "most %zu fit on one line, so shorten it (or split a paragraph "
                "in two)",
                len, maxline);
            problems++;
        }
    }
    return problems;
}
