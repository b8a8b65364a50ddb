/* nav_deck.c — the counts navigation needs, taken from a built layout deck
 * (pages, contents screens, loop words, languages), and the screen shown
 * kept in place when the deck changes under it. Rules in nav.h. */
#include "nav.h"

#include <string.h>

void nav_deck_from_layout(nav_deck *d, const layout_deck *ld,
                          const content_snapshot *s, int *loop_words)
{
    memset(d, 0, sizeof *d);
    d->ntopics = s->ntopics < 0 ? 0
        : s->ntopics > KIOSK_MAX_TOPICS ? KIOSK_MAX_TOPICS : s->ntopics;
    for (int t = 0; t < d->ntopics && ld->topic; t++) {
        d->npages[t] = ld->topic[t].npages;
        d->ncontents[t] = ld->topic[t].ncontents;
        d->contents_of[t] = ld->topic[t].contents_of;
    }
    d->nloop = ld->nloop > 0 ? ld->nloop : 0;
    d->nlangs = s->nlangs;
    d->loop_words = loop_words;
    for (int i = 0; i < d->nloop; i++) {
        const layout_page *p = &ld->loop[i];
        if (p->words > 0) {        /* what the loop page really shows */
            loop_words[i] = p->words;
            continue;
        }
        int words = 0;
        if (p->topic >= 0 && p->topic < s->ntopics
            && p->card >= 0 && p->card < s->topics[p->topic].ncards)
            words = s->topics[p->topic].cards[p->card].words;
        int parts = p->nparts > 0 ? p->nparts : 1;
        loop_words[i] = (words + parts - 1) / parts;
    }
}

void nav_relayout(nav *n, const nav_deck *d, uint64_t now)
{
    nav_transition tr = n->tr;
    nav_set_deck(n, d, now);
    if (!tr.active || !nav_view_same(tr.to, n->view))
        return;
    /* No frame of it was drawn: the new deck was laid out first. */
    n->tr = tr;
    n->tr.start_ms = now;
}

void nav_move_topic(nav *n, int topic)
{
    if (!nav_mode_in_topic(n->view.mode))
        return;
    if (topic < 0) {
        n->view.mode = NAV_MENU;
        n->view.topic = n->view.page = 0;
        return;
    }
    n->view.topic = topic;   /* nav_set_deck clamps it and the page */
}

void nav_move_page(nav *n, int page)
{
    if (n->view.mode == NAV_TOPIC && page >= 0)
        n->view.page = page;   /* nav_set_deck clamps it */
}
