/* content_md.c — one topic file (NN-name.md) into a content_topic: once
 * content_mdcheck.c has checked the text, walks md4c's events into styled
 * text blocks and pictures (content_mdcard.c gathers them into cards),
 * mapping md4c's byte offsets back to line numbers. */
#include "content_md.h"

#include <stdlib.h>
#include <string.h>

/* ---- growing buffers, and warnings waiting for their line ---- */

static int grow_bytes(char **p, size_t *cap, size_t need)
{
    if (need <= *cap)
        return 0;
    size_t n = *cap ? *cap * 2 : 256;
    while (n < need)
        n *= 2;
    char *q = realloc(*p, n);
    if (!q)
        return -1;
    *p = q;
    *cap = n;
    return 0;
}

static void warn_pending(md_state *m, const char *what)
{
    for (int i = 0; i < m->npend_warn; i++)
        if (m->pend_warn[i] == what)
            return;
    if (m->npend_warn < 4)
        m->pend_warn[m->npend_warn++] = what;
}

static void warn_flush(md_state *m, int line)
{
    if (m->nest_reported < 0) {
        m->nest_reported = 1;
        loader_diag_add(m->L, DIAG_ERROR, line, "quotes or lists are nested too "
                        "deeply here; at most %d levels can be shown, so take "
                        "some indentation away", KIOSK_MAX_NESTING);
    }
    for (int i = 0; i < m->npend_warn; i++)
        loader_diag_add(m->L, DIAG_WARNING, line, "%s is not supported here; it "
                        "is shown as plain text", m->pend_warn[i]);
    m->npend_warn = 0;
}

/* ---- text gathering ---- */

static unsigned cur_style(const md_state *m)
{
    return (m->bold ? RUN_BOLD : 0) | (m->italic ? RUN_ITALIC : 0);
}

static void text_reset(md_state *m)
{
    m->tblen = 0;
    m->nruns = 0;
    m->text_line = 0;
}

/* Appends with blanks collapsed: one space between words, none in front. */
static void text_append(md_state *m, const char *s, size_t n)
{
    if (m->in_image) {
        if (grow_bytes(&m->alt, &m->altcap, m->altlen + n + 1) == 0) {
            memcpy(m->alt + m->altlen, s, n);
            m->altlen += n;
        }
        return;
    }
    if (grow_bytes(&m->tb, &m->tbcap, m->tblen + n + 1) < 0)
        return;
    unsigned style = m->heading ? 0 : cur_style(m);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '\n' || c == '\t' || c == '\r')
            c = ' ';
        if (c == ' ' && (m->tblen == 0 || m->tb[m->tblen - 1] == ' '))
            continue;
        if (m->nruns == 0 || m->runs[m->nruns - 1].style != style) {
            md_run *r = content_md_grow(m->runs, &m->capruns, m->nruns + 1, sizeof *r);
            if (!r)
                return;
            m->runs = r;
            r[m->nruns++] = (md_run){ m->tblen, style };
        }
        m->tb[m->tblen++] = c;
    }
}

static void text_trim(md_state *m)
{
    while (m->tblen && m->tb[m->tblen - 1] == ' ')
        m->tblen--;
    while (m->nruns && m->runs[m->nruns - 1].start >= m->tblen)
        m->nruns--;
}

/* What the innermost container makes of a text block in it. */
static void text_kind(md_state *m, content_block *b)
{
    b->depth = m->levels > 0 ? m->levels - 1 : 0;
    for (int i = m->nstack - 1; i >= 0; i--) {
        md_container *c = &m->stack[i];
        if (c->type == MD_BLOCK_QUOTE) {
            b->kind = BLOCK_QUOTE;
            return;
        }
        if (c->type != MD_BLOCK_LI)
            continue;
        if (c->texts++ > 0) {   /* a second paragraph in one item */
            b->kind = BLOCK_PARAGRAPH;
            b->depth = m->levels;
            return;
        }
        md_container *list = i > 0 ? &m->stack[i - 1] : NULL;
        if (list && list->type == MD_BLOCK_OL) {
            b->kind = BLOCK_NUMBERED;
            b->number = (int)list->next_number++;
        } else {
            b->kind = BLOCK_BULLET;
        }
        return;
    }
    b->kind = BLOCK_PARAGRAPH;
}

static void pending_images_flush(md_state *m)
{
    for (int i = 0; i < m->npending; i++)
        content_md_block_add(m, &m->pending[i]);
    m->npending = 0;
}

/* Ends the text block being gathered (if any) into the current card. */
static void text_flush(md_state *m)
{
    text_trim(m);
    if (m->tblen == 0) {
        text_reset(m);
        pending_images_flush(m);
        return;
    }
    content_block b = { .line = m->text_line ? m->text_line : m->line };
    text_kind(m, &b);
    if (m->npending)
        loader_diag_add(m->L, DIAG_WARNING, b.line, "a picture is shown only on a "
                        "line of its own; it is shown after this text");
    b.runs = arena_alloc(md_arena(m), sizeof *b.runs * (size_t)m->nruns);
    if (b.runs) {
        for (int i = 0; i < m->nruns; i++) {
            size_t end = i + 1 < m->nruns ? m->runs[i + 1].start : m->tblen;
            size_t st = m->runs[i].start;
            b.runs[i].text = arena_strndup(md_arena(m), m->tb + st, end - st);
            b.runs[i].len = (int)(end - st);
            b.runs[i].style = m->runs[i].style;
            if (!b.runs[i].text)
                return;
        }
        b.nruns = m->nruns;
        content_md_block_add(m, &b);
    }
    text_reset(m);
    pending_images_flush(m);
}

static void entity_append(md_state *m, const char *s, size_t n)
{
    char o[4];
    size_t k = content_entity_decode(s, n, o);
    if (k)
        text_append(m, o, k);
    else
        text_append(m, s, n);   /* unknown: shown as written */
}

/* ---- md4c callbacks ---- */

static int line_of(md_state *m, const char *p)
{
    const char *base = m->t->text;
    if (p >= base && p <= base + m->t->len)
        m->line = content_text_line_of(m->t, (size_t)(p - base));
    return m->line;
}

/* Line of a construct md4c reports without text (a rule, an empty
 * heading), searched for after the latest text and after the last one found
 * (content_md_find_line), so rules on lines 5, 7 and 9 are reported there. */
static int find_line(md_state *m, content_md_line_kind kind)
{
    int from = m->line + 1 > m->next_line ? m->line + 1 : m->next_line;
    int n = content_md_find_line(m->t, from, kind);
    if (!n)
        return m->line;
    m->next_line = n + 1;
    return n;
}

static void container_push(md_state *m, MD_BLOCKTYPE type, void *detail)
{
    if (m->nstack >= MAX_CONTAINERS)
        return;
    md_container *c = &m->stack[m->nstack++];
    memset(c, 0, sizeof *c);
    c->type = type;
    if (type == MD_BLOCK_OL)
        c->next_number = ((MD_BLOCK_OL_DETAIL *)detail)->start;
    if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_LI)
        m->levels++;
    if (type == MD_BLOCK_QUOTE && m->levels == 1)
        m->quotes_top++;
    /* Reached through indentation over several lines; reported at the
     * line of the text that follows. */
    if (m->levels > KIOSK_MAX_NESTING && !m->nest_reported)
        m->nest_reported = -1;
}

static void container_pop(md_state *m, MD_BLOCKTYPE type)
{
    if (m->nstack == 0 || m->stack[m->nstack - 1].type != type)
        return;
    m->nstack--;
    if (type == MD_BLOCK_QUOTE || type == MD_BLOCK_LI)
        m->levels--;
}

static int on_enter_block(MD_BLOCKTYPE type, void *detail, void *u)
{
    md_state *m = u;
    /* A table row becomes one paragraph, its cells split by " | ". */
    if (type == MD_BLOCK_TH || type == MD_BLOCK_TD) {
        if (m->tblen)
            text_append(m, " | ", 3);
        return 0;
    }
    if (type == MD_BLOCK_TR || type == MD_BLOCK_THEAD || type == MD_BLOCK_TBODY)
        return 0;
    text_flush(m);
    switch (type) {
    case MD_BLOCK_QUOTE: case MD_BLOCK_UL: case MD_BLOCK_OL: case MD_BLOCK_LI:
        container_push(m, type, detail);
        break;
    case MD_BLOCK_H: {
        unsigned level = ((MD_BLOCK_H_DETAIL *)detail)->level;
        if (level >= 4)
            warn_pending(m, "a #### heading");
        else
            m->heading = (int)level;
        break;
    }
    case MD_BLOCK_CODE:
        warn_pending(m, "a code block");
        break;
    case MD_BLOCK_HTML:
        warn_pending(m, "HTML");
        break;
    case MD_BLOCK_TABLE:
        warn_pending(m, "a table");
        break;
    case MD_BLOCK_HR:
        loader_diag_add(m->L, DIAG_WARNING, find_line(m, MD_LINE_RULE),
                        "a line across (---) "
                        "is not supported here; it is left out");
        break;
    default:
        break;
    }
    return 0;
}

/* A ### card continues the entry of the ## card before it. Before any ##
 * (or in reviews, which have no entries) it is read as a ## card. */
static int continues_entry(md_state *m, int line)
{
    if (m->topic->kind == TOPIC_REVIEWS) {
        loader_diag_add(m->L, DIAG_WARNING, line, "a ### heading in the reviews; "
                        "each review starts with ##, so this one is read as ##");
        return 0;
    }
    if (!m->seen_entry) {
        loader_diag_add(m->L, DIAG_WARNING, line, "a ### card belongs to the ## "
                        "card above it, but there is none; write ## instead of ###");
        return 0;
    }
    return 1;
}

/* A #, ## or ### heading ends: the topic title or a new card. */
static void heading_done(md_state *m)
{
    text_trim(m);
    int line = m->text_line ? m->text_line : find_line(m, MD_LINE_HEADING);
    char *title = arena_strndup(md_arena(m), m->tb ? m->tb : "", m->tblen);
    int level = m->heading;
    m->heading = 0;
    text_reset(m);
    if (!title)
        return;
    if (level == 1 && !m->topic->title) {
        m->topic->title = *title ? title : NULL;
        return;
    }
    if (level == 1)
        loader_diag_add(m->L, DIAG_WARNING, line, "a second # heading; a topic "
                        "has one # title, so this one starts a card like ##");
    if (!*title)
        loader_diag_add(m->L, DIAG_ERROR, line, "this card heading has no words; "
                        "write its title after the ##");
    content_card_kind kind = m->topic->kind == TOPIC_FAQ ? CARD_FAQ
                           : m->topic->kind == TOPIC_REVIEWS ? CARD_REVIEW
                           : CARD_TEXT;
    int continues = level == 3 && continues_entry(m, line);
    content_card *c = content_md_card_begin(m, title, line, kind);
    if (c)
        c->continues = continues;
    m->seen_entry = 1;
}

static int on_leave_block(MD_BLOCKTYPE type, void *detail, void *u)
{
    md_state *m = u;
    warn_flush(m, m->line);
    switch (type) {
    case MD_BLOCK_QUOTE: case MD_BLOCK_UL: case MD_BLOCK_OL: case MD_BLOCK_LI:
        text_flush(m);
        container_pop(m, type);
        break;
    case MD_BLOCK_H:
        if (m->heading)
            heading_done(m);
        else
            text_flush(m);
        break;
    case MD_BLOCK_TH: case MD_BLOCK_TD:
        break;
    default:
        text_flush(m);
        break;
    }
    return 0;
}

/* md4c hands over a copy of an image's path when it holds \ or & (and no
 * text at all for an empty one), so its line is then that of the next "!["
 * from the latest text on; img_off keeps the search moving forward, so a
 * line of such pictures is read once, not once per picture. */
static int src_line(md_state *m, const MD_ATTRIBUTE *src)
{
    const char *base = m->t->text;
    if (src->text && src->size && src->text >= base && src->text < base + m->t->len) {
        m->img_off = (size_t)(src->text - base);
        return line_of(m, src->text);
    }
    size_t from = (size_t)m->t->line_start[m->line - 1];
    if (m->img_off > from)
        from = m->img_off;
    const char *p = content_md_find_image(m->t, from);
    if (!p)
        return m->line;
    m->img_off = (size_t)(p - base) + 2;
    return line_of(m, p);
}

static void image_enter(md_state *m, MD_SPAN_IMG_DETAIL *d)
{
    m->in_image = 1;
    m->altlen = 0;
    m->src_line = src_line(m, &d->src);
    m->src_bad = d->src.size > KIOSK_MAX_PATH_BYTES;
    size_t n = m->src_bad ? 0 : d->src.size;
    if (n)
        memcpy(m->src, d->src.text, n);
    m->src[n] = '\0';
}

static void image_leave(md_state *m)
{
    m->in_image = 0;
    if (m->heading || m->npending >= 8) {
        loader_diag_add(m->L, DIAG_WARNING, m->src_line, "this picture is not "
                        "shown here; put it on a line of its own");
        return;
    }
    if (m->src_bad) {
        loader_diag_add(m->L, DIAG_ERROR, m->src_line, "this picture's file name "
                        "is too long; at most %d characters", KIOSK_MAX_PATH_BYTES);
        return;
    }
    content_block b = { .kind = BLOCK_IMAGE, .line = m->src_line };
    if (content_image_check(m->L, b.line, m->src, &b.image_w, &b.image_h))
        return;
    b.depth = m->levels > 0 ? m->levels - 1 : 0;
    b.image = arena_strdup(md_arena(m), m->src);
    b.alt = arena_strndup(md_arena(m), m->alt ? m->alt : "", m->altlen);
    if (!m->topic->image)
        m->topic->image = b.image;
    m->pending[m->npending++] = b;
}

static int on_enter_span(MD_SPANTYPE type, void *detail, void *u)
{
    md_state *m = u;
    switch (type) {
    case MD_SPAN_STRONG: m->bold++; break;
    case MD_SPAN_EM: m->italic++; break;
    case MD_SPAN_IMG:
        if (!m->in_image)
            image_enter(m, detail);
        else
            m->in_image++;
        break;
    case MD_SPAN_A: warn_pending(m, "a link (its address is left out)"); break;
    case MD_SPAN_CODE: warn_pending(m, "code"); break;
    case MD_SPAN_DEL: warn_pending(m, "crossed-out text (~~)"); break;
    default: break;
    }
    return 0;
}

static int on_leave_span(MD_SPANTYPE type, void *detail, void *u)
{
    md_state *m = u;
    switch (type) {
    case MD_SPAN_STRONG: m->bold--; break;
    case MD_SPAN_EM: m->italic--; break;
    case MD_SPAN_IMG:
        if (m->in_image > 1)
            m->in_image--;
        else if (m->in_image)
            image_leave(m);
        break;
    default: break;
    }
    return 0;
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *u)
{
    md_state *m = u;
    int line = line_of(m, s);
    if (!m->text_line && !m->in_image)
        m->text_line = line;
    if (type == MD_TEXT_NORMAL && content_md_looks_like_html(s, n))
        warn_pending(m, "HTML");
    /* Once per line: one bad picture may come in several pieces. */
    if (type == MD_TEXT_NORMAL && !m->in_image && m->raw_line != line &&
        content_md_raw_syntax(m->L, m->t, line, s, n))
        m->raw_line = line;
    warn_flush(m, line);
    switch (type) {
    case MD_TEXT_BR: case MD_TEXT_SOFTBR:
        text_append(m, " ", 1);
        break;
    case MD_TEXT_NULLCHAR:
        text_append(m, "\xEF\xBF\xBD", 3);
        break;
    case MD_TEXT_ENTITY:
        entity_append(m, s, n);
        break;
    default:
        text_append(m, s, n);
        break;
    }
    return 0;
}

/* ---- the topic ---- */

static void topic_finish(md_state *m)
{
    text_flush(m);
    content_md_cards_finish(m);
}

static void md_state_fini(md_state *m)
{
    free(m->tb), free(m->runs), free(m->alt), free(m->cards), free(m->blocks);
}

void content_md_load(content_loader *L, content_topic *topic)
{
    int errors_before = L->s->nerrors;
    content_text t;
    memset(&t, 0, sizeof t);
    if (content_md_read(L, topic->file, &t) == 0) {
        md_state m;
        memset(&m, 0, sizeof m);
        m.L = L;
        m.topic = topic;
        m.t = &t;
        m.line = 1;
        m.errors_before = errors_before;
        MD_PARSER p = {
            .flags = MD_FLAG_NOHTML | MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH |
                     MD_FLAG_COLLAPSEWHITESPACE | MD_FLAG_PERMISSIVEATXHEADERS,
            .enter_block = on_enter_block,
            .leave_block = on_leave_block,
            .enter_span = on_enter_span,
            .leave_span = on_leave_span,
            .text = on_text,
        };
        if (md_parse(t.text, (MD_SIZE)t.len, &p, &m) != 0)
            loader_diag_add(L, DIAG_ERROR, 0, "this file could not be read as "
                            "Markdown (out of memory?)");
        topic_finish(&m);
        md_state_fini(&m);
    }
    content_text_fini(&t);
    if (!topic->title)
        topic->title = topic->name;
    topic->nerrors = L->s->nerrors - errors_before;
}
