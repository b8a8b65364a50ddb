/* content_text.c — checks every text file gets before a parser sees it:
 * BOM, line endings, NUL bytes, UTF-8, control characters, line length, and
 * offset-to-line maps; and the messages the file readers share. */
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

/* Git's rule of thumb, widened: several NULs, or many control characters,
 * in the first few KB mean a picture or a program. Bytes that are not UTF-8
 * do not count: Latin-1 text is text, saved the wrong way, and gets its
 * line-by-line message instead. */
int content_text_is_binary(const char *buf, size_t len)
{
    size_t head = len < 8000 ? len : 8000, controls = 0, nuls = 0;
    const unsigned char *p = (const unsigned char *)buf;
    for (size_t i = 0; i < head; i++) {
        nuls += p[i] == 0;
        controls += p[i] > 0 && p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' &&
                    p[i] != '\t' && p[i] != '\f';
    }
    /* Counts, not only shares: a short text with one stray byte is text. */
    return nuls > 8 || (controls > 8 && controls * 20 > head);
}

/* Plain words for a control character staff may have pasted. */
static const char *control_name(unsigned c)
{
    switch (c) {
    case 0x07: return "a bell character (BEL)";
    case 0x08: return "a backspace character";
    case 0x0B: case 0x0C: return "a page or line feed character";
    case 0x1B: return "an escape character (ESC)";
    case 0x7F: return "a delete character (DEL)";
    default: return "an invisible control character";
    }
}

/* Length of the control character at s: ASCII ones but the tab, DEL, and
 * U+0080..U+009F (C1) in UTF-8; 0 for anything else. */
static size_t control_at(const unsigned char *s, size_t left)
{
    if ((s[0] < 0x20 && s[0] != '\t' && s[0] != '\0') || s[0] == 0x7F)
        return 1;
    if (left >= 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F)
        return 2;
    return 0;
}

/* ESC, BEL and the like are never drawn (a font shows them as boxes): they
 * become blanks here, in the text every parser then reads, and the line is
 * reported once. */
static void controls_blank(content_loader *L, int line, char *s, size_t len)
{
    unsigned first = 0;
    for (size_t i = 0; i < len; i++) {
        size_t k = control_at((unsigned char *)s + i, len - i);
        if (!k)
            continue;
        if (!first)
            first = k == 2 ? 0x80 : (unsigned char)s[i];
        memset(s + i, ' ', k);
        i += k - 1;
    }
    if (first)
        loader_diag_add(L, DIAG_WARNING, line, "this line contains %s, invisible "
                        "and often pasted from another program; the kiosk leaves "
                        "it out. Delete it (retype the line) to be sure the words "
                        "are as you mean them", control_name(first));
}

int content_text_check_lines(content_loader *L, const content_text *t,
                             size_t maxline, content_line_check extra)
{
    int problems = 0;
    for (int n = 1; n <= t->nlines; n++) {
        size_t len;
        const char *s = content_text_line(t, n, &len);
        if (!memchr(s, '\0', len) && content_utf8_check(s, len) == len)
            controls_blank(L, n, t->text + (s - t->text), len);
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

/* ---- entities: the few staff might type ---- */

static size_t put_utf8(char *o, unsigned cp)
{
    if (cp < 0x80)
        return o[0] = (char)cp, 1;
    if (cp < 0x800)
        return o[0] = (char)(0xC0 | cp >> 6), o[1] = (char)(0x80 | (cp & 0x3F)), 2;
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | cp >> 12);
        o[1] = (char)(0x80 | (cp >> 6 & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | cp >> 18);
    o[1] = (char)(0x80 | (cp >> 12 & 0x3F));
    o[2] = (char)(0x80 | (cp >> 6 & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

size_t content_entity_decode(const char *s, size_t n, char out[4])
{
    static const struct { const char *name; unsigned cp; } named[] = {
        { "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
        { "&apos;", '\'' }, { "&nbsp;", 0xA0 }, { "&middot;", 0xB7 },
        { "&ndash;", 0x2013 }, { "&mdash;", 0x2014 }, { "&hellip;", 0x2026 },
        { "&lsquo;", 0x2018 }, { "&rsquo;", 0x2019 }, { "&ldquo;", 0x201C },
        { "&rdquo;", 0x201D }, { "&copy;", 0xA9 }, { "&reg;", 0xAE },
        { "&trade;", 0x2122 }, { "&deg;", 0xB0 },
    };
    unsigned long cp = 0;
    if (n > 3 && s[1] == '#') {
        int hex = s[2] == 'x' || s[2] == 'X';
        /* md4c only reports well-formed entities, so a ';' ends the digits. */
        cp = strtoul(s + 2 + hex, NULL, hex ? 16 : 10);
    } else {
        for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
            if (strlen(named[i].name) == n && !memcmp(named[i].name, s, n))
                cp = named[i].cp;
    }
    if (cp < 0x20 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return put_utf8(out, (unsigned)cp);
}

/* ---- messages the file readers share ---- */

const char *content_fs_problem(fs_status st)
{
    switch (st) {
    case FS_NOT_FOUND:
        return "this file disappeared while the kiosk was reading it; "
               "check that it is there and complete";
    case FS_NOT_REGULAR:
        return "this is not a plain file (it is a folder, a device or a pipe); "
               "the kiosk only reads plain text files";
    case FS_OUTSIDE:
        return "this is a link to something outside the content folder; "
               "put the file itself in the folder";
    case FS_DENIED:
        return "the kiosk is not allowed to read this file; "
               "make it readable for everyone";
    default:
        return "this file could not be read (a damaged disk or USB stick?); "
               "copy it again";
    }
}

const char *content_size_words(content_loader *L, size_t bytes)
{
    const char *t;
    if (bytes >= 10u * 1024 * 1024)
        t = arena_printf(&L->s->arena, "%zu MB", bytes / (1024 * 1024));
    else
        t = arena_printf(&L->s->arena, "%zu KB", (bytes + 1023) / 1024);
    return t ? t : "too large";
}
