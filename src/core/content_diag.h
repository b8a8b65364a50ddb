/* content_diag.h — the diagnostics sink of one content load: every problem
 * the parsers report, kept within bounds (KIOSK_MAX_DIAGS_PER_FILE a file,
 * KIOSK_MAX_DIAGS in all; errors crowd out warnings, never the other way),
 * closed with "...and N more" notes and sorted by file and line into the
 * snapshot. Knows nothing of the loader or the parsers. Not for use outside
 * src/core/content*.c. */
#ifndef KIOSK_CONTENT_DIAG_H
#define KIOSK_CONTENT_DIAG_H

#include "content.h"

/* The name used for problems of the folder as a whole. */
#define CONTENT_FOLDER "(content folder)"

/* One diagnostic plus what sorts it into file, then line order. */
typedef struct content_diag_slot {
    content_diag d;
    int rank;      /* file order: folder, kiosk.ini, topic files by name */
    int sortline;  /* line, or past the end for a file's closing summary */
    int seq;       /* emission order, so equal lines keep it */
} content_diag_slot;

/* The problems of one load so far. */
typedef struct content_diags {
    content_snapshot *s;         /* counts go into it, texts into its arena */
    content_diag_slot *slot;     /* KIOSK_MAX_DIAGS, the last kept for a summary */
    int n, seq;
    int nnotes;                  /* of n, "...and N more" notes, not problems */
    int hidden, hidden_errors;   /* dropped once the list is full */

    const char *file;            /* file being read */
    int rank;
    int file_shown, file_hidden, file_hidden_errors;
} content_diags;

/* An empty sink for snapshot s. Returns 0, or -1 when out of memory. */
int content_diags_init(content_diags *D, content_snapshot *s);
void content_diags_fini(content_diags *D);
/* Problems from now on are of file, sorted as rank. */
void content_diags_file_begin(content_diags *D, const char *file, int rank);
/* A problem at the current file, 1-based line or 0. Counted always, kept
 * while there is room. */
void content_diags_add(content_diags *D, content_severity sev, int line,
                       const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Adds "...and N more problems in this file" when some were dropped. */
void content_diags_file_end(content_diags *D);
/* Closes the list (the folder's "...and N more" note), sorts it into file,
 * then line order and hands it to the snapshot. */
void content_diags_finish(content_diags *D);

#endif
