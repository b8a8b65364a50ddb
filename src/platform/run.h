/* run.h — the kiosk itself: the main loop that turns SDL events and time into
 * navigation, draws only when something changed or moves, and otherwise
 * sleeps until the next event or deadline. */
#ifndef KIOSK_RUN_H
#define KIOSK_RUN_H

typedef struct run_options {
    const char *content_dir;
    const char *assets_dir;    /* with fonts/, found by metrics_ttf_find_assets */
    int win_w, win_h;          /* 0: the whole display */
} run_options;

/* Returns the process exit status; prints one plain line on failure. */
int platform_run(const run_options *o);
/* The same, keeping the last good content in state_dir (--state; NULL:
 * nothing kept, as platform_run). */
int platform_run_with_state(const run_options *o, const char *state_dir);

#endif
