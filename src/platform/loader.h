/* loader.h — loads and checks a content snapshot on a worker thread, so the
 * screen keeps moving while files are read (and the last good copy is saved,
 * fsyncs and all); the main loop takes the finished snapshot and swaps it in.
 *
 * What the main loop must do (the rules of issue 7):
 *  - At start: lastgood_recover(); request the content folder (save = 1) and
 *    wait for the result before the first frame (poll platform_loader_fd).
 *    Usable: show it (STATUS_FRESH). Not usable and lastgood_exists(): request
 *    lastgood_path() with save = 0 and show that (STATUS_LAST_GOOD, its time
 *    from lastgood_stamp()); keep the broken result for STATUS.txt's problem
 *    list. Neither: show the valid topics of the broken result, leaving out
 *    topics with nerrors > 0 (STATUS_PARTIAL), or with none the calm screen
 *    with the spa's name (STATUS_NOTHING). Never an error text on screen.
 *  - On platform_watch_settled() or platform_signal_take_hup(): request the
 *    content folder again (save = 1). Requests while one runs are coalesced:
 *    the newest runs next, so a burst of edits costs one or two loads.
 *  - When platform_loader_take() gives a result:
 *      usable → swap it in at a calm moment: at once on the loop; in the
 *        menu or a topic, at the next card change or the return to the loop.
 *        Only then content_free() the old snapshot, after every layout and
 *        texture made from it is gone. All of the new content or none.
 *      not usable → keep what is shown (it is the last good one), or, when
 *        only a partial snapshot was ever shown, show the new partial one.
 *    Either way rewrite STATUS.txt (status_format, platform_status_write) and
 *    log the same problem lines; the result owns its snapshot until freed.
 */
#ifndef KIOSK_LOADER_H
#define KIOSK_LOADER_H

#include "core/content.h"
#include "core/lastgood_os.h"

typedef struct platform_loader platform_loader;

typedef struct platform_load_result {
    content_snapshot *snap;     /* now the taker's; NULL only when out of memory */
    unsigned seq;               /* which request this answers */
    int usable;                 /* content_usable(snap) */
    int save_asked;             /* the request asked to save it as last good */
    lastgood_status saved;      /* asked and usable: LG_OK, or why not saved */
} platform_load_result;

/* Starts the worker. state may be NULL: then nothing is ever saved. fs and
 * os must outlive the loader. NULL when the thread cannot be started. */
platform_loader *platform_loader_start(const kiosk_fs *fs, const lastgood_os *os,
                                       const char *state);

/* Stops and joins the worker (waits for a load in progress), frees a result
 * nobody took. */
void platform_loader_stop(platform_loader *l);

/* Asks for dir to be loaded; save = 1: if usable, also save it as the last
 * good copy, with stamp (the caller's local time) as its time. Returns the
 * request's number, or 0 when dir or stamp is too long. */
unsigned platform_loader_request(platform_loader *l, const char *dir, int save,
                                 const char *stamp);

/* Readable (eventfd) when a result is waiting; for the main loop's poll. */
int platform_loader_fd(const platform_loader *l);

/* Takes the waiting result, if any (1), without blocking. An older result
 * not taken in time is freed when a newer one is done: only the newest
 * matters. */
int platform_loader_take(platform_loader *l, platform_load_result *out);

/* 1 while a request waits or runs. */
int platform_loader_busy(platform_loader *l);

#endif
