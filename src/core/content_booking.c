/* content_booking.c — [booking]: the link encoded as a QR code once per
 * load (layout draws the matrix), and the cards whose heading is
 * [booking] card marked to show it. */
#include "content_internal.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* [booking] link: what a phone may open from the code, and short enough
 * for modules a phone reads at arm's length (kiosk_limits.h). */
const char *content_booking_link_problem(const char *v)
{
    size_t n = strlen(v);
    if (!strncasecmp(v, "tel:", 4)) {
        size_t digits = 0;
        for (size_t i = 4; i < n; i++) {
            if (isdigit((unsigned char)v[i]))
                digits++;
            else if (!strchr("+-.()", v[i]) || (v[i] == '+' && i != 4))
                return "link: a phone link is tel: and the number with its "
                       "country code, digits only, like tel:+18017994999";
        }
        if (digits < 3)
            return "link: a phone link needs the number after tel:, like "
                   "tel:+18017994999";
    } else if (!strncasecmp(v, "https://", 8) || !strncasecmp(v, "http://", 7)) {
        const char *host = strstr(v, "//") + 2;
        if (!*host || *host == '/')
            return "link: the web address has no site after https://; copy the "
                   "whole address of the booking page from the browser";
        for (size_t i = 0; i < n; i++)
            if (v[i] == ' ' || v[i] == '\t' || (unsigned char)v[i] >= 0x80)
                return "link: a web address has no spaces or accented letters; "
                       "copy it from the browser's address bar";
    } else {
        return "link must be a web address starting with https:// (the booking "
               "page) or a phone link starting with tel: (like tel:+18017994999)";
    }
    kiosk_qr q;
    if (qr_encode(v, &q) == QR_TOO_LONG)
        return "link is too long for a QR code a phone can read from arm's "
               "length (about 60 characters at most); use a shorter address "
               "of the booking page";
    return NULL;
}

/* Marks card k of topic i in every translation too: cards are matched by
 * their order, and [booking] card names the heading in the first language
 * (the Spanish "Haga su cita" showed no code). A topic not translated
 * shares the first language's cards. */
static void mark_translations(content_snapshot *s, int i, int k)
{
    for (int g = 1; s->langs && g < s->nlangs; g++) {
        content_topic *t = &s->langs[g].topics[i];
        if (k < t->ncards)
            t->cards[k].booking = 1;
    }
}

/* Marks the cards headed [booking] card; returns how many. */
static int mark_cards(content_snapshot *s, const char *heading)
{
    int n = 0;
    for (int i = 0; i < s->ntopics; i++)
        for (int k = 0; k < s->topics[i].ncards; k++) {
            content_card *card = &s->topics[i].cards[k];
            if (card->title && !strcmp(card->title, heading)) {
                card->booking = 1;
                mark_translations(s, i, k);
                n++;
            }
        }
    return n;
}

static void encode(content_loader *L, const char *link)
{
    /* A bad link was reported where it was read (content_settings.c):
     * no code at all rather than one that opens nothing. */
    kiosk_qr *q = content_booking_link_problem(link) ? NULL
                  : arena_alloc(&L->s->arena, sizeof *q);
    if (q && qr_encode(link, q) == QR_OK)
        L->s->booking_qr = q;
    if (!L->s->settings.label[LABEL_BOOKING_QR])
        loader_diag_add(L, DIAG_ERROR, 0, "[labels] has no booking_qr; the QR "
                        "code needs a few words beside it saying what it does, "
                        "so add a line under [labels] like booking_qr = Scan "
                        "to call and book");
}

void content_booking_resolve(content_loader *L)
{
    const content_settings *c = &L->s->settings;
    if (!c->booking_link && !c->booking_card)
        return;
    loader_file_begin(L, "kiosk.ini", 1);
    if (c->booking_link)
        encode(L, c->booking_link);
    if (c->booking_card && !c->booking_link)
        loader_diag_add(L, DIAG_WARNING, L->booking_card_line, "card is set but "
                        "there is no link, so no QR code is shown; add a line "
                        "under [booking] like link = tel:+18017994999");
    else if (c->booking_card && !mark_cards(L->s, c->booking_card))
        loader_diag_add(L, DIAG_WARNING, L->booking_card_line, "card: no card "
                        "has the heading %s, so the QR code is only on the "
                        "slideshow; write a card's ## heading exactly as it is "
                        "in its topic file", c->booking_card);
    loader_file_end(L);
}
