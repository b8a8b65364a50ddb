/* live.c — the live-content rules (live.h): which snapshot shows after a
 * load, when a waiting one swaps in, where pictures are read, what
 * STATUS.txt says is shown. Pure functions over snapshots and a view. */
#include "live.h"

#include <string.h>

#include "lastgood.h"

void live_init(live_state *st, int has_state)
{
    memset(st, 0, sizeof *st);
    st->has_state = has_state;
    st->showing = STATUS_NOTHING;
}

status_showing live_partial_or_nothing(const content_snapshot *s)
{
    for (int t = 0; t < s->ntopics; t++)
        if (s->topics[t].nerrors == 0 && s->topics[t].ncards > 0)
            return STATUS_PARTIAL;
    return STATUS_NOTHING;
}

int live_start_wants_saved(const live_state *st, const content_snapshot *folder)
{
    return st->has_state && !content_usable(folder);
}

const content_snapshot *live_start(live_state *st, const content_snapshot *folder,
                                   const content_snapshot *saved)
{
    st->shown_from = LIVE_FROM_FOLDER;
    if (content_usable(folder)) {
        st->showing = STATUS_FRESH;
        return folder;
    }
    if (saved && content_usable(saved)) {
        st->showing = STATUS_LAST_GOOD;
        st->shown_from = LIVE_FROM_SAVED_COPY;
        return saved;
    }
    st->showing = live_partial_or_nothing(folder);
    return folder;
}

int live_start_save_wanted(const live_state *st)
{
    return st->showing == STATUS_FRESH;
}

/* Records a save's outcome; returns a new reason it failed, for the
 * journal: once per reason, not once per save, yet a failing copy must
 * reach the journal too, not only STATUS.txt. */
static const char *take_backup(live_state *st, const live_load *ld)
{
    if (!ld->save_asked || !ld->usable || !st->has_state)
        return NULL;
    const char *note = ld->saved == LG_OK ? NULL : lastgood_message(ld->saved);
    const char *fresh = note && (!st->backup_note || strcmp(note, st->backup_note))
                            ? note : NULL;
    st->backup_note = note;
    if (ld->saved == LG_OK)
        st->saved_seq = ld->seq;
    return fresh;
}

/* A good one is on screen or on its way: broken files leave it there. */
static int good_shown(const live_state *st)
{
    return st->showing == STATUS_FRESH || st->showing == STATUS_LAST_GOOD ||
           (st->pending && (st->pending_showing == STATUS_FRESH ||
                            st->pending_showing == STATUS_LAST_GOOD));
}

static void wait_for_calm(live_state *st, const live_load *ld, const live_snaps *sn,
                          status_showing showing, nav_view view)
{
    st->pending = 1;
    st->pending_showing = showing;
    st->pending_from = LIVE_FROM_FOLDER;
    st->pending_seq = ld->seq;
    st->pending_since = view;
    st->pending_same = showing == st->showing && st->shown_from == LIVE_FROM_FOLDER &&
                       live_same_content(sn->shown, ld->snap);
}

/* The folder broke under a good snapshot (shown or waiting): it stays, as
 * the last good one. The folder may no longer hold its pictures: read them
 * from the saved copy when that copy is exactly this load. */
static void hold_good(live_state *st, live_take_out *out)
{
    if (st->showing == STATUS_FRESH) {
        st->showing = STATUS_LAST_GOOD;
        out->read_saved_at = 1;
        if (st->saved_seq && st->saved_seq == st->shown_seq &&
            st->shown_from == LIVE_FROM_FOLDER) {
            st->shown_from = LIVE_FROM_SAVED_COPY;
            out->pictures_from_saved = 1;
        }
    }
    if (!st->pending)
        return;
    if (st->pending_showing == STATUS_FRESH && st->saved_seq &&
        st->saved_seq == st->pending_seq)
        st->pending_from = LIVE_FROM_SAVED_COPY;
    st->pending_showing = STATUS_LAST_GOOD;
    st->pending_same = 0;
}

live_take_out live_take(live_state *st, const live_load *ld, const live_snaps *sn,
                        nav_view view)
{
    live_take_out out = { LIVE_WAIT, 0, NULL, 0, 0 };
    out.log_backup = take_backup(st, ld);
    out.same_problems = status_same_problems(sn->current, ld->snap);
    if (ld->seq == st->startup_seq && ld->usable && st->showing == STATUS_FRESH &&
        !st->pending) {
        /* The start's content, read again to be saved: nothing new to show. */
        st->shown_seq = ld->seq;
        out.action = LIVE_KEEP;
    } else if (ld->usable) {
        wait_for_calm(st, ld, sn, STATUS_FRESH, view);
    } else if (good_shown(st)) {
        hold_good(st, &out);
        out.action = LIVE_HOLD;
    } else {
        wait_for_calm(st, ld, sn, live_partial_or_nothing(ld->snap), view);
    }
    return out;
}

int live_swap_due(const nav_state *ns, nav_view since, int content_hidden)
{
    if (content_hidden)
        return 1;
    if (!nav_view_same(ns->view, since))
        return 1;   /* the visitor (or the loop) moved on: change with it */
    int moving = ns->tr.active && ns->progress < 1.0f;
    return ns->view.mode == NAV_LOOP && !moving;
}

int live_swap_now(const live_state *st, const nav_state *ns, int content_hidden)
{
    return st->pending && live_swap_due(ns, st->pending_since, content_hidden);
}

live_swap_out live_swapped(live_state *st)
{
    live_swap_out out = { !st->pending_same, !st->pending_same,
                          st->pending_showing == STATUS_LAST_GOOD };
    st->showing = st->pending_showing;
    st->shown_seq = st->pending_seq;
    st->shown_from = st->pending_from;
    st->pending = 0;
    st->pending_same = 0;
    return out;
}

void live_report(const live_state *st, const live_times *t,
                 const content_snapshot *shown, const content_snapshot *pending,
                 const content_snapshot *current, status_report *r)
{
    memset(r, 0, sizeof *r);
    int waiting = st->pending && !st->pending_same;
    r->showing = st->pending ? st->pending_showing : st->showing;
    r->since = waiting ? t->checked_at : t->since;
    r->checked_at = t->checked_at;
    r->shown = st->pending ? pending : shown;
    r->current = current;
    r->backup_note = st->backup_note;
    if (r->showing == STATUS_LAST_GOOD)
        r->saved_at = t->saved_at;
}

/* ---- the same content ---- */

static int same_str(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

static int same_block(const content_block *a, const content_block *b)
{
    if (a->kind != b->kind || a->line != b->line || a->depth != b->depth ||
        a->number != b->number || a->nruns != b->nruns || !same_str(a->image, b->image) ||
        !same_str(a->alt, b->alt) || a->image_w != b->image_w || a->image_h != b->image_h)
        return 0;
    for (int i = 0; i < a->nruns; i++)
        if (a->runs[i].len != b->runs[i].len || a->runs[i].style != b->runs[i].style ||
            memcmp(a->runs[i].text, b->runs[i].text, (size_t)a->runs[i].len))
            return 0;
    return 1;
}

static int same_card(const content_card *a, const content_card *b)
{
    if (a->kind != b->kind || a->line != b->line || a->nblocks != b->nblocks ||
        a->words != b->words || a->continues != b->continues ||
        !same_str(a->title, b->title) ||
        !same_str(a->review_name, b->review_name) ||
        !same_str(a->review_date, b->review_date))
        return 0;
    for (int i = 0; i < a->nblocks; i++)
        if (!same_block(&a->blocks[i], &b->blocks[i]))
            return 0;
    return 1;
}

static int same_topic(const content_topic *a, const content_topic *b)
{
    if (a->kind != b->kind || a->ncards != b->ncards || a->in_loop != b->in_loop ||
        a->nerrors != b->nerrors || !same_str(a->file, b->file) ||
        !same_str(a->name, b->name) || !same_str(a->title, b->title) ||
        !same_str(a->image, b->image))
        return 0;
    for (int i = 0; i < a->ncards; i++)
        if (!same_card(&a->cards[i], &b->cards[i]))
            return 0;
    return 1;
}

/* Every translation the same: its folder, its words and its topics (an
 * edit of es/30-causes.md alone is new content like any other). */
static int same_langs(const content_snapshot *a, const content_snapshot *b)
{
    if (a->nlangs != b->nlangs)
        return 0;
    for (int g = 1; g < a->nlangs; g++) {
        const content_lang *x = &a->langs[g], *y = &b->langs[g];
        if (!same_str(x->code, y->code) || !same_str(x->name, y->name))
            return 0;
        for (int l = 0; l < LABEL_COUNT; l++)
            if (!same_str(x->label[l], y->label[l]))
                return 0;
        for (int t = 0; t < a->ntopics; t++)
            if (!same_topic(&x->topics[t], &y->topics[t]))
                return 0;
    }
    return 1;
}

int live_same_content(const content_snapshot *a, const content_snapshot *b)
{
    if (!a || !b || a->ntopics != b->ntopics || a->ncards != b->ncards ||
        a->nimages != b->nimages || !content_settings_same(&a->settings, &b->settings))
        return 0;
    for (int t = 0; t < a->ntopics; t++)
        if (!same_topic(&a->topics[t], &b->topics[t]))
            return 0;
    return same_langs(a, b);
}
