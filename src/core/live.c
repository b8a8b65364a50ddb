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

static void wait_for_calm(live_state *st, const live_load *ld, status_showing showing,
                          nav_view view)
{
    st->pending = 1;
    st->pending_showing = showing;
    st->pending_from = LIVE_FROM_FOLDER;
    st->pending_seq = ld->seq;
    st->pending_since = view;
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
        wait_for_calm(st, ld, STATUS_FRESH, view);
    } else if (good_shown(st)) {
        hold_good(st, &out);
        out.action = LIVE_HOLD;
    } else {
        wait_for_calm(st, ld, live_partial_or_nothing(ld->snap), view);
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
    live_swap_out out = { 1, 1, st->pending_showing == STATUS_LAST_GOOD };
    st->showing = st->pending_showing;
    st->shown_seq = st->pending_seq;
    st->shown_from = st->pending_from;
    st->pending = 0;
    return out;
}

void live_report(const live_state *st, const live_times *t,
                 const content_snapshot *shown, const content_snapshot *pending,
                 const content_snapshot *current, status_report *r)
{
    memset(r, 0, sizeof *r);
    r->showing = st->pending ? st->pending_showing : st->showing;
    r->since = st->pending ? t->checked_at : t->since;
    r->checked_at = t->checked_at;
    r->shown = st->pending ? pending : shown;
    r->current = current;
    r->backup_note = st->backup_note;
    if (r->showing == STATUS_LAST_GOOD)
        r->saved_at = t->saved_at;
}

