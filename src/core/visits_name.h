/* visits_name.h — the names of the visits summaries the kiosk writes into
 * the content folder; header-only, so the watcher (and its test driver,
 * tests/e2e/watch.sh, which builds watch.c alone) needs nothing more. */
#ifndef KIOSK_VISITS_NAME_H
#define KIOSK_VISITS_NAME_H

#include <string.h>
#include <strings.h>

/* In the content folder the summaries are VISITS-<kiosk>.csv and
 * VISITS-<kiosk>-topics.csv: several kiosks share one synced folder, each
 * writes its own. */
#define VISITS_CONTENT_PREFIX "VISITS"

/* 1 for a name the kiosk writes into the content folder (VISITS*.csv, in
 * any case, Syncthing's conflict copies of them too): not content, and
 * never a reason to read the folder again. */
static inline int visits_report_name(const char *n)
{
    size_t len = strlen(n), p = strlen(VISITS_CONTENT_PREFIX);
    return len >= p + 4 && !strncasecmp(n, VISITS_CONTENT_PREFIX, p) &&
           !strcasecmp(n + len - 4, ".csv");
}

#endif
