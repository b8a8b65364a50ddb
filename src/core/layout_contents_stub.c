/* layout_contents_stub.c — a stand-in for layout_topic_has_contents on the
 * h-chrome branch only, so the button bar and the loop's list build and are
 * tested for topics with and without a contents screen. The lead replaces
 * this file with the contents helper's real rule (src/core/layout_contents.c,
 * the kiosk.ini setting) at merge. */
#include "layout.h"

/* Cards from which the stand-in gives a topic a contents screen. */
enum { STUB_CONTENTS_MIN_CARDS = 5 };

int layout_topic_has_contents(const content_snapshot *s, int topic)
{
    if (!s || topic < 0 || topic >= s->ntopics)
        return 0;
    const content_topic *t = &s->topics[topic];
    return t->kind == TOPIC_FAQ || t->ncards >= STUB_CONTENTS_MIN_CARDS;
}
