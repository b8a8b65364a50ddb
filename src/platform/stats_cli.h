/* stats_cli.h — `kiosk --stats`: the visit counts of a state folder as a
 * table for staff and the owner, and with --png the charts as a picture. */
#ifndef KIOSK_STATS_CLI_H
#define KIOSK_STATS_CLI_H

/* The state folder the installed kiosk uses (deploy/kiosk.service). */
#define STATS_DEFAULT_STATE "/var/lib/kiosk/state"
/* Days shown when --days is not given: two weeks, a screenful of rows. */
#define STATS_DEFAULT_DAYS 14

typedef struct stats_options {
    const char *state;         /* NULL: STATS_DEFAULT_STATE */
    int days;                  /* 0: STATS_DEFAULT_DAYS */
    const char *png;           /* NULL: the table only */
    const char *content_dir;   /* the words of the chart ([labels]) */
    const char *assets;        /* the fonts */
    int w, h;                  /* the picture's size */
} stats_options;

/* Exit status: 0, or 1 with a plain sentence on stderr. */
int stats_main(const stats_options *o);

#endif
