/* layout_staff.c — the staff view's two screens: the PIN pad, and the
 * status screen (what is shown, problems a page at a time, address,
 * version, reload and close); and the USB stick's offer and result screens.
 * Sized from s like every screen. */
#include "layout_kit.h"
#include "layout_staff.h"
#include "layout_visits.h"

#include <stdio.h>
#include <string.h>

/* A key: a rounded box of at least a target, its word centred, marked with
 * ACT_TOPIC and the staff_key (layout_staff.h says why). */
static void key_box(const lay_ctx *c, layout_screen *sc, const char *word, int px,
                    staff_key k, int x, int y, int w, int h, int primary)
{
    lay_key(c, sc, word, px, c->z.gap / 2, ACT_TOPIC, (int)k, x, y, w, h, primary, 1);
}

/* Staff read the status at arm's length: the smallest size the design
 * allows (s/22), so a whole status fits one page on a 7" panel. */
static int staff_px(const lay_ctx *c)
{
    return (c->z.s + 21) / 22;
}

/* Width of a button for word: its text and padding, at least a target. */
static int button_w(const lay_ctx *c, const char *word)
{
    int w = lay_text_w(c, word, FACE_BOLD, c->z.px_small) + 2 * c->z.gap;
    return w < c->z.target ? c->z.target : w;
}

staff_key staff_hit(const layout_screen *sc, int x, int y)
{
    int arg = 0;
    return layout_hit(sc, x, y, &arg) == ACT_TOPIC ? (staff_key)arg : STAFF_KEY_NONE;
}

/* ---- the PIN pad ---- */

/* 1 2 3 / 4 5 6 / 7 8 9 / Clear 0 Cancel in a grid of key x key cells;
 * with words = 0, Clear and Cancel are left to the caller (their words do
 * not fit a key) and the last row holds only 0. */
static void keypad(const lay_ctx *c, layout_screen *sc, int x, int y, int key, int gap,
                   int words)
{
    static const char digits[] = "1234567890";
    for (int i = 0; i < 9; i++)
        key_box(c, sc, (char[2]){ digits[i], 0 }, c->z.px_title, STAFF_KEY_0 + i + 1,
                x + (i % 3) * (key + gap), y + (i / 3) * (key + gap), key, key, 0);
    int y3 = y + 3 * (key + gap);
    key_box(c, sc, "0", c->z.px_title, STAFF_KEY_0, x + key + gap, y3, key, key, 0);
    if (!words)
        return;
    key_box(c, sc, lay_label(c, LABEL_STAFF_CLEAR), c->z.px_small, STAFF_KEY_CLEAR,
            x, y3, key, key, 0);
    key_box(c, sc, lay_label(c, LABEL_STAFF_CANCEL), c->z.px_small, STAFF_KEY_CANCEL,
            x + 2 * (key + gap), y3, key, key, 0);
}

/* Clear and Cancel fit on keys of this size. */
static int words_fit(const lay_ctx *c, int key)
{
    return button_w(c, lay_label(c, LABEL_STAFF_CLEAR)) <= key &&
           button_w(c, lay_label(c, LABEL_STAFF_CANCEL)) <= key;
}

/* Clear and Cancel as a pair of buttons of height h from (x, y), side by
 * side within width w, else Cancel above Clear. */
static void pad_buttons(const lay_ctx *c, layout_screen *sc, int x, int y, int w, int h)
{
    const char *cl = lay_label(c, LABEL_STAFF_CLEAR), *ca = lay_label(c, LABEL_STAFF_CANCEL);
    int cw = button_w(c, cl), aw = button_w(c, ca), G = c->z.gap;
    if (cw > w)
        cw = w;
    if (aw > w)
        aw = w;
    key_box(c, sc, cl, c->z.px_small, STAFF_KEY_CLEAR, x, y, cw, h, 0);
    if (cw + G + aw <= w)
        key_box(c, sc, ca, c->z.px_small, STAFF_KEY_CANCEL, x + cw + G, y, aw, h, 0);
    else
        key_box(c, sc, ca, c->z.px_small, STAFF_KEY_CANCEL, x, y - h - G, aw, h, 0);
}

/* The prompt, a dot per digit typed and the "wrong" line, in width w from
 * (x, y), centred when centre. Returns the height used. */
static int pin_prompt(const lay_ctx *c, layout_screen *sc, const staff_pin_view *st, int x,
                      int y, int w, int centre)
{
    const char *prompt = lay_label(c, LABEL_STAFF_PIN_PROMPT);
    content_run run = { prompt, (int)strlen(prompt), 0 };
    lay_text t = { &run, 1, RUN_BOLD, { 0, 0 } };
    int top = y;
    y += lay_paragraph(c, sc, &t, c->z.px_title, x, y, w, 2, centre, COL_TEXT, 0);
    int d = c->z.px_small, G = c->z.gap;
    y += G;
    int row = st->nentered * d + (st->nentered > 0 ? (st->nentered - 1) * d / 2 : 0);
    int dx = centre ? x + (w - row) / 2 : x;
    for (int i = 0; i < st->nentered; i++)
        lay_rect(sc, dx + i * (d + d / 2), y, d, d, COL_ACCENT, d / 2);
    y += d + G;
    if (st->show_wrong) {
        const char *msg = lay_label(c, LABEL_STAFF_PIN_WRONG);
        content_run r2 = { msg, (int)strlen(msg), 0 };
        lay_text t2 = { &r2, 1, 0, { 0, 0 } };
        y += lay_paragraph(c, sc, &t2, c->z.px_small, x, y, w, 2, centre, COL_ACCENT, 0);
    }
    return y - top;
}

void layout_staff_pin(layout_screen *out, const content_snapshot *s,
                      const layout_metrics *m, int w, int h, const staff_pin_view *st)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, w, h);
    lay_screen_start(out, &c, ACT_NONE);
    int M = c.z.margin, G = c.z.gap, W = lay_inner_w(&c), H = h - 2 * M;
    if (!c.z.portrait && w > h) {
        /* Prompt at the left, keys filling the right half's height. */
        int half = (W - G) / 2;
        int key = (H - 3 * G) / 4;
        if (3 * key + 2 * G > half)
            key = (half - 2 * G) / 3;
        int pad_w = 3 * key + 2 * G, pad_y = M + (H - (4 * key + 3 * G)) / 2;
        int px0 = M + W - pad_w, words = words_fit(&c, key);
        pin_prompt(&c, out, st, M, M, px0 - M - G, 0);
        keypad(&c, out, px0, pad_y, key, G, words);
        if (!words)   /* beside the last row, under the prompt */
            pad_buttons(&c, out, M, pad_y + 3 * (key + G), px0 - M - G, key);
        return;
    }
    int used = pin_prompt(&c, out, st, M, M, W, 1);
    int key = (W - 2 * G) / 3, room = H - used - G;
    if (4 * key + 3 * G > room)
        key = (room - 3 * G) / 4;
    if (key > c.z.target * 2)
        key = c.z.target * 2;   /* a thumb's reach: no need for palm-sized keys */
    int words = words_fit(&c, key);
    if (!words) {
        room -= c.z.target + G;
        if (4 * key + 3 * G > room)
            key = (room - 3 * G) / 4;
    }
    int pad_w = 3 * key + 2 * G, pad_h = 4 * key + 3 * G;
    int x0 = M + (W - pad_w) / 2, y0 = h - M - pad_h;
    keypad(&c, out, x0, y0, key, G, words);
    if (!words)   /* a row of their own above the keys */
        pad_buttons(&c, out, x0, y0 - G - c.z.target, pad_w, c.z.target);
}

/* ---- the staff screen ---- */

/* The buttons along the bottom: Reload and Close at the right, Previous and
 * Next at the left when there are pages; two rows when one is too narrow.
 * Returns the top of the buttons. */
static int staff_buttons(const lay_ctx *c, layout_screen *sc, int page, int npages)
{
    int M = c->z.margin, G = c->z.gap, T = c->z.target, W = lay_inner_w(c);
    const char *rel = lay_label(c, LABEL_STAFF_RELOAD), *clo = lay_label(c, LABEL_STAFF_CLOSE);
    const char *prv = lay_label(c, LABEL_PREVIOUS), *nxt = lay_label(c, LABEL_NEXT);
    int rw = button_w(c, rel), cw = button_w(c, clo);
    int pw = button_w(c, prv), nw = button_w(c, nxt);
    int paged = npages > 1;
    int rows = paged && pw + nw + rw + cw + 3 * G > W ? 2 : 1;
    int y = c->h - M - T;
    int top = rows == 2 ? y - T - G : y;
    int px = c->z.px_small;
    key_box(c, sc, clo, px, STAFF_KEY_CLOSE, M + W - cw, top, cw, T, 0);
    key_box(c, sc, rel, px, STAFF_KEY_RELOAD, M + W - cw - G - rw, top, rw, T, 1);
    if (paged) {
        if (page > 0)
            key_box(c, sc, prv, px, STAFF_KEY_PREV, M, y, pw, T, 0);
        if (page + 1 < npages)
            key_box(c, sc, nxt, px, STAFF_KEY_NEXT, rows == 2 ? M + W - nw : M + pw + G,
                    y, nw, T, 0);
    }
    return top;
}

/* One status line as a lay_text. */
static lay_text status_text(content_run *run, const char *p, int len)
{
    run->text = p;
    run->len = len;
    run->style = 0;
    return (lay_text){ run, 1, 0, { 0, 0 } };
}

/* Lays the status lines out page by page between y0 and y1; draws page
 * `page` (sc may be NULL to count). Blank lines are half a line's gap.
 * Returns the number of pages. */
static int status_pages(const lay_ctx *c, layout_screen *sc, const char *text, int y0,
                        int y1, int page)
{
    int px = staff_px(c), lh = lay_line_height(c, px), W = lay_inner_w(c);
    int max_lines = (y1 - y0) / lh;
    if (max_lines < 1)
        max_lines = 1;
    int pg = 0, y = y0;
    for (const char *p = text ? text : ""; *p;) {
        const char *e = strchr(p, '\n');
        int len = e ? (int)(e - p) : (int)strlen(p);
        if (len == 0) {
            if (y > y0)
                y += lh / 2;
        } else {
            content_run run;
            lay_text t = status_text(&run, p, len);
            int n = lay_count_lines(c, &t, px, W, max_lines);
            if (y + n * lh > y1 && y > y0) {
                pg++;
                y = y0;
            }
            if (pg == page && sc)
                lay_paragraph(c, sc, &t, px, c->z.margin, y, W, max_lines, 0,
                              COL_TEXT, 1);
            /* A little air after each line, so a problem that wraps does
             * not read as two. */
            y += n * lh + lh / 6;
        }
        p = e ? e + 1 : p + len;
    }
    return pg + 1;
}

/* "Label: value" in the muted small type at (x, y) in width w, at most
 * max_lines; returns its height (0 lines: measures only, with sc NULL). */
static int info_line(const lay_ctx *c, layout_screen *sc, content_label l,
                     const char *value, int x, int y, int w, int max_lines)
{
    char line[2 * KIOSK_MAX_VALUE_BYTES + 8];
    snprintf(line, sizeof line, "%s: %s", lay_label(c, l), value ? value : "");
    content_run run = { line, (int)strlen(line), 0 };
    lay_text t = { &run, 1, 0, { 0, 0 } };
    return lay_paragraph(c, sc, &t, staff_px(c), x, y, w, max_lines, 0, COL_MUTED, 1);
}

/* The title, with the version at the right of the same row when both fit
 * (else on a line of its own); returns the height used. */
static int staff_header(const lay_ctx *c, layout_screen *sc, const char *version, int y)
{
    int M = c->z.margin, W = lay_inner_w(c), G = c->z.gap, px = c->z.px_title;
    const char *title = lay_label(c, LABEL_STAFF_TITLE);
    int tw = lay_text_w(c, title, FACE_BOLD, px);
    char v[KIOSK_MAX_VALUE_BYTES + 64];
    snprintf(v, sizeof v, "%s: %s", lay_label(c, LABEL_STAFF_VERSION), version ? version : "");
    int vw = lay_text_w(c, v, FACE_REGULAR, staff_px(c));
    int lh = lay_line_height(c, px);
    lay_one_line(c, sc, title, FACE_BOLD, px, M, y, W, COL_TEXT, 0);
    if (tw + G + vw <= W) {
        int sl = lay_line_height(c, staff_px(c));
        lay_one_line(c, sc, v, FACE_REGULAR, staff_px(c), M + W - vw, y + lh - sl, vw,
                     COL_MUTED, 1);
        return lh;
    }
    return lh + info_line(c, sc, LABEL_STAFF_VERSION, version, M, y + lh, W, 1);
}

int layout_staff_view(layout_screen *out, const content_snapshot *s,
                      const layout_metrics *m, int w, int h,
                      const staff_info *info, int page)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, w, h);
    lay_screen_start(out, &c, ACT_NONE);
    int M = c.z.margin, G = c.z.gap, W = lay_inner_w(&c), y = M;
    /* Buttons first with the worst case (paged), so pages are counted for
     * the room that is really left. */
    int bottom = staff_buttons(&c, NULL, 0, 2) - G;
    y += staff_header(&c, NULL, info ? info->version : "", y);   /* measured */
    const char *addr = info && info->address && *info->address
        ? info->address : lay_label(&c, LABEL_STAFF_NO_ADDRESS);
    int top = y + info_line(&c, NULL, LABEL_STAFF_ADDRESS, addr, M, y, W, 2) + G / 2;
    const char *text = info ? info->status : "";
    int charts = info && info->chart && visits_labels_present(&s->settings);
    int npages = status_pages(&c, NULL, text, top, bottom, -1) + charts;
    if (page >= npages)
        page = npages - 1;
    if (page < 0)
        page = 0;
    if (charts && page == npages - 1) {
        /* The charts' own heading in place of the staff view's: on a 7"
         * panel the charts need every line of the screen. */
        lay_visits(&c, out, info->chart, c.z.px_body, M, M, W, bottom - M);
    } else {
        staff_header(&c, out, info ? info->version : "", M);
        info_line(&c, out, LABEL_STAFF_ADDRESS, addr, M, y, W, 2);
        status_pages(&c, out, text, top, bottom, page);
    }
    staff_buttons(&c, out, page, npages);
    return npages;
}

/* ---- the USB stick screens ---- */

int usb_labels_present(const content_settings *c)
{
    for (int l = LABEL_USB_TITLE; l <= LABEL_USB_IMPORTING; l++)
        if (!c->label[l] || !*c->label[l])
            return 0;
    return 1;
}

/* A paragraph of word in the staff size; returns its height. */
static int usb_line(const lay_ctx *c, layout_screen *sc, const char *word, int y,
                    int bold, int colour)
{
    content_run run = { word, (int)strlen(word), 0 };
    lay_text t = { &run, 1, bold ? RUN_BOLD : 0, { 0, 0 } };
    return lay_paragraph(c, sc, &t, staff_px(c), c->z.margin, y, lay_inner_w(c), 3, 0,
                         colour, 1);
}

/* Cancel and Import (offer), or Close (result), at the bottom right. */
static int usb_buttons(const lay_ctx *c, layout_screen *sc, const usb_screen *u)
{
    int M = c->z.margin, G = c->z.gap, T = c->z.target, W = lay_inner_w(c);
    int y = c->h - M - T, px = c->z.px_small;
    if (u->kind == USB_RESULT) {
        const char *clo = lay_label(c, LABEL_STAFF_CLOSE);
        int cw = button_w(c, clo);
        key_box(c, sc, clo, px, STAFF_KEY_CLOSE, M + W - cw, y, cw, T, 1);
        return y;
    }
    if (u->importing)
        return y;   /* nothing to choose until the import is done */
    const char *ca = lay_label(c, LABEL_STAFF_CANCEL), *im = lay_label(c, LABEL_USB_IMPORT);
    int aw = button_w(c, ca), iw = button_w(c, im);
    int x = M + W - aw;
    key_box(c, sc, ca, px, STAFF_KEY_CANCEL, x, y, aw, T, !u->usable);
    if (u->usable && !u->locked)
        key_box(c, sc, im, px, STAFF_KEY_IMPORT, x - G - iw, y, iw, T, 1);
    return y;
}

void layout_usb_screen(layout_screen *out, const content_snapshot *s,
                       const layout_metrics *m, int w, int h, const usb_screen *u)
{
    lay_ctx c;
    lay_ctx_init(&c, s, m, w, h);
    lay_screen_start(out, &c, ACT_NONE);
    int M = c.z.margin, G = c.z.gap, y = M;
    lay_one_line(&c, out, lay_label(&c, LABEL_USB_TITLE), FACE_BOLD, c.z.px_title, M, y,
                 lay_inner_w(&c), COL_TEXT, 0);
    y += lay_line_height(&c, c.z.px_title) + G / 2;
    char line[2 * KIOSK_MAX_VALUE_BYTES + 32];
    if (u->kind == USB_OFFER) {
        snprintf(line, sizeof line, "%s: %d    %s: %d", lay_label(&c, LABEL_USB_TOPICS),
                 u->ntopics, lay_label(&c, LABEL_USB_PICTURES), u->npictures);
        y += usb_line(&c, out, line, y, 1, COL_TEXT);
        if (!u->usable)
            y += usb_line(&c, out, lay_label(&c, LABEL_USB_UNUSABLE), y, 0, COL_ACCENT);
        if (u->importing)
            y += usb_line(&c, out, lay_label(&c, LABEL_USB_IMPORTING), y, 1, COL_ACCENT);
        else if (u->locked)
            y += usb_line(&c, out, lay_label(&c, LABEL_USB_LOCKED), y, 0, COL_ACCENT);
    } else {
        y += usb_line(&c, out, lay_label(&c, u->imported ? LABEL_USB_IMPORTED
                                                         : LABEL_USB_NOT_IMPORTED),
                      y, 1, u->imported ? COL_TEXT : COL_ACCENT);
        if (!u->imported && u->why < LABEL_COUNT)
            y += usb_line(&c, out, lay_label(&c, u->why), y, 0, COL_TEXT);
    }
    int bottom = usb_buttons(&c, out, u) - G;
    if (u->problems && *u->problems) {
        y += G / 2;
        y += usb_line(&c, out, lay_label(&c, LABEL_USB_PROBLEMS), y, 1, COL_MUTED);
        status_pages(&c, out, u->problems, y, bottom, 0);   /* the first that fit */
    }
}
