/* watch.h — notices staff changing the content folder (inotify), and says
 * when the changes have settled, so a reload sees whole files: editors that
 * write a temp file and rename it, SFTP uploads that arrive in pieces, a
 * whole folder copied or replaced at once. No SDL; time is passed in.
 *
 * Use from the main loop:
 *   platform_watch *w = platform_watch_open(dir, PLATFORM_WATCH_SETTLE_MS);
 *   each turn: poll platform_watch_fd(w) (or just call drain every frame;
 *   it never blocks), then
 *     platform_watch_drain(w, now_ms);
 *     if (platform_watch_settled(w, now_ms)) start a reload;
 *   cap the wait with platform_watch_timeout_ms(w, now_ms).
 */
#ifndef KIOSK_WATCH_H
#define KIOSK_WATCH_H

/* Quiet time after the last change before a reload starts. An SFTP upload
 * writes a piece every few ms, an editor's temp-and-rename takes < 100 ms;
 * 700 ms leaves the rest of the 3 s budget for loading and the calm moment. */
#define PLATFORM_WATCH_SETTLE_MS 700

/* A file still open for writing (changed, not yet closed) keeps the folder
 * unsettled: SFTP servers and upload tools hold the file open for the whole
 * upload and may pause longer than the settle time between pieces, and the
 * first piece alone can be a valid file a visitor must not see. At most this
 * long from its first change, though: a writer that never closes (a program
 * left logging into the folder, a hung upload) must not stop reloads for
 * good. 30 s is far past any pause of a working upload of a topic file or a
 * photo, and still a wait staff can sit out. */
#define PLATFORM_WATCH_OPEN_CAP_MS 30000

/* Files tracked as open for writing at once: an upload writes one file at a
 * time, SFTP clients a few in parallel. When more are open, the one seen
 * first is forgotten (then only the settle time guards it). */
#define PLATFORM_WATCH_WRITERS 16

typedef struct platform_watch platform_watch;

/* Watches dir, every folder under it (up to KIOSK_MAX_WATCHED_FOLDERS, not
 * following links; folders made later are added as they come), and dir's
 * parent for dir being replaced, removed or created. NULL only when inotify itself is not available or
 * dir is longer than a path can be (then SIGHUP is the way to reload). dir
 * need not exist yet. */
platform_watch *platform_watch_open(const char *dir, int settle_ms);
void platform_watch_close(platform_watch *w);

/* For tests: a shorter cap than PLATFORM_WATCH_OPEN_CAP_MS. */
void platform_watch_set_open_cap(platform_watch *w, int cap_ms);

/* Non-blocking; readable when events are waiting. */
int platform_watch_fd(const platform_watch *w);

/* Reads every waiting event. A change that matters (not STATUS.txt, not
 * dotfiles or editor leftovers; a rename into place does count) restarts
 * the settle time. Re-arms itself when the folder was replaced. Returns 1
 * when a change that matters arrived. */
int platform_watch_drain(platform_watch *w, long long now_ms);

/* 1 once, when there was a change and none for settle_ms since, and no file
 * that changed is still open for writing (for up to the open cap). */
int platform_watch_settled(platform_watch *w, long long now_ms);

/* Plain words for STATUS.txt when some folders under dir are not watched
 * (more than the bound, or the system's inotify limit reached), so their
 * changes are not noticed; NULL when every folder is (or w is NULL). */
const char *platform_watch_problem(const platform_watch *w);

/* Milliseconds until platform_watch_settled may say yes; -1 when nothing
 * is pending. For capping the main loop's wait. */
int platform_watch_timeout_ms(const platform_watch *w, long long now_ms);

#endif
