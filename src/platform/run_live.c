/* run_live.c — content that follows staff's edits: the first load (or the
 * last good copy), reloads on a change in the folder, SIGHUP or the staff
 * view's button, the swap at a calm moment, and STATUS.txt plus the journal
 * after every load. The rules are loader.h's. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/lastgood.h"
#include "platform/notify.h"
#include "platform/run_internal.h"
#include "platform/signals.h"
#include "platform/status_file.h"

/* The USB import's last result, shown in STATUS.txt: a few lines. */
#define RUN_USB_BYTES 4096

void run_stamp(char *buf, size_t cap)
{
    time_t t = time(NULL);
    struct tm tm;
    if (!localtime_r(&t, &tm) || !strftime(buf, cap, "%a %d %b %Y %H:%M:%S", &tm))
        snprintf(buf, cap, "(time unknown)");
}

/* Frees s unless something still shows, reports or waits with it. */
static void drop(run *k, content_snapshot *s)
{
    if (s && s != k->content && s != k->current && s != k->pending)
        content_free(s);
}

/* Topics a visitor could open: without them only the spa's name shows. */
static status_showing partial_or_nothing(const content_snapshot *s)
{
    for (int t = 0; t < s->ntopics; t++)
        if (s->topics[t].nerrors == 0 && s->topics[t].ncards > 0)
            return STATUS_PARTIAL;
    return STATUS_NOTHING;
}

/* For the journal, once per load: the problem lines when they differ from
 * those of the load before (prev; NULL at the start), then one line that
 * says the folder was read. A touch or a save of the same text reloads
 * too, and must not repeat a long list each time. */
static void log_problems(const char *dir, const content_snapshot *prev,
                         const content_snapshot *s)
{
    char line[1200];
    int same = status_same_problems(prev, s);
    for (int i = 0; !same && i < s->ndiags; i++) {
        content_diag_format(&s->diags[i], line, sizeof line);
        fprintf(stderr, "kiosk: %s\n", line);
    }
    fprintf(stderr, "kiosk: read %s: %d topics, %d cards; %d error%s, %d warning%s%s%s\n",
            dir, s->ntopics, s->ncards, s->nerrors, s->nerrors == 1 ? "" : "s",
            s->nwarnings, s->nwarnings == 1 ? "" : "s",
            content_usable(s) ? "" : " - not shown until the errors are fixed",
            same && s->ndiags ? " (the same problems as before)" : "");
}

static void saved_at_from_state(run *k)
{
    k->saved_at[0] = 0;
    if (!k->state_dir || !lastgood_stamp(&fs_posix, k->state_dir, k->saved_at,
                                         sizeof k->saved_at))
        snprintf(k->saved_at, sizeof k->saved_at, "%s", k->since);
}

/* Formats the status (version NULL: left out, as the staff view shows it
 * on a line of its own). NULL when out of memory. */
static char *format_status(run *k, const char *version, size_t *len)
{
    static char usb[RUN_USB_BYTES];
    status_read_usb(&fs_posix, k->state_dir, usb, sizeof usb);
    /* A snapshot waiting for a calm moment is as good as shown: it will be
     * within a card's time, and staff read this file to see their edit. */
    status_report r = {
        .showing = k->pending ? k->pending_showing : k->showing,
        .since = k->pending ? k->checked_at : k->since,
        .checked_at = k->checked_at,
        .shown = k->pending ? k->pending : k->content,
        .current = k->current,
        .backup_note = k->backup_note,
        .watch_note = platform_watch_problem(k->watch),
        .usb = usb[0] ? usb : NULL,
        .version = version,
    };
    if (r.showing == STATUS_LAST_GOOD)
        r.saved_at = k->saved_at;
    size_t n = status_format(&r, NULL, 0);
    char *text = malloc(n + 1);
    if (text)
        status_format(&r, text, n + 1);
    *len = n;
    return text;
}

/* STATUS.txt in the content folder, and the staff view's copy. */
static void publish_status(run *k)
{
    size_t n;
    char *text = format_status(k, KIOSK_VERSION, &n);
    if (text && platform_status_write(k->content_dir, text, n) != 0)
        fprintf(stderr, "kiosk: could not write STATUS.txt in %s (%s); the screen "
                "is not affected\n", k->content_dir, strerror(errno));
    free(text);
    char *body = format_status(k, NULL, &n);
    if (body) {
        char *rest = strstr(body, "\n\n");
        if (rest)
            memmove(body, rest + 2, strlen(rest + 2) + 1);
        free(k->status_text);
        k->status_text = body;
    }
    k->status_gen++;
    if (run_staff_open(k))
        k->dirty = 1;
}

int run_live_first_load(run *k)
{
    if (k->state_dir) {
        lastgood_status st = lastgood_recover(&lastgood_os_posix, k->state_dir);
        if (st != LG_OK)
            fprintf(stderr, "kiosk: state folder %s: %s\n", k->state_dir,
                    lastgood_message(st));
    }
    /* Watching starts before the first read, so no edit falls between. */
    k->watch = platform_watch_open(k->content_dir, PLATFORM_WATCH_SETTLE_MS);
    if (!k->watch)
        fprintf(stderr, "kiosk: changes in %s are not noticed by themselves; "
                "send SIGHUP (systemctl reload kiosk) after editing\n", k->content_dir);
    run_stamp(k->checked_at, sizeof k->checked_at);
    snprintf(k->since, sizeof k->since, "%s", k->checked_at);
    /* Pictures by their headers only: decoding each (about 50 ms here,
     * several times that on a Pi) held the first frame back 11 s for 216
     * pictures, past systemd's start timeout on a Pi. The screen decodes
     * them in the sandbox anyway, and the loader's load right after the
     * first frame decodes them whole before anything is saved. */
    k->current = content_load(k->content_dir, &fs_posix);
    if (!k->current) {
        fprintf(stderr, "kiosk: out of memory\n");
        return -1;
    }
    snprintf(k->shown_dir, sizeof k->shown_dir, "%s", k->content_dir);
    if (content_usable(k->current)) {
        k->content = k->current;
        k->showing = STATUS_FRESH;
        return 0;
    }
    char lg[PATH_MAX];
    if (k->state_dir && lastgood_exists(&lastgood_os_posix, k->state_dir) &&
        lastgood_path(k->state_dir, lg, sizeof lg)) {
        content_snapshot *s = content_load(lg, &fs_posix);   /* decoded when saved */
        if (s && content_usable(s)) {
            k->content = s;
            k->showing = STATUS_LAST_GOOD;
            snprintf(k->shown_dir, sizeof k->shown_dir, "%s", lg);
            saved_at_from_state(k);
            return 0;
        }
        if (s)
            content_free(s);
    }
    k->content = k->current;
    k->showing = partial_or_nothing(k->current);
    return 0;
}

void run_live_start(run *k)
{
    /* Logged once the screen is open: without one, the only line on stderr
     * is the one that says so. */
    log_problems(k->content_dir, NULL, k->current);
    if (k->showing == STATUS_LAST_GOOD)
        fprintf(stderr, "kiosk: showing the last good copy (saved %s) until the "
                "errors in %s are fixed\n", k->saved_at, k->content_dir);
    if (platform_signals_init() != 0)
        fprintf(stderr, "kiosk: signal handlers could not be set; SIGHUP will not "
                "reload\n");
    k->loader = platform_loader_start(&k->fs, &lastgood_os_posix, k->state_dir);
    if (!k->loader)
        fprintf(stderr, "kiosk: the loader could not start; the content shown "
                "now stays until the kiosk restarts\n");
    k->wake_event = SDL_RegisterEvents(1);
    int fds[5] = { platform_signals_fd(), k->watch ? platform_watch_fd(k->watch) : -1,
                   k->loader ? platform_loader_fd(k->loader) : -1, run_usb_fd(k),
                   run_usb_done_fd(k) };
    if (k->wake_event != (Uint32)-1)
        k->wake = platform_wake_start(fds, 5, k->wake_event);
}

void run_live_request(run *k)
{
    char stamp[RUN_STAMP_BYTES];
    run_stamp(stamp, sizeof stamp);
    if (!k->loader || !platform_loader_request(k->loader, k->content_dir, 1, stamp))
        fprintf(stderr, "kiosk: could not read %s again\n", k->content_dir);
}

void run_live_after_first_frame(run *k)
{
    /* Saved off the render path: the first frame never waits for fsyncs.
     * Loaded again also without a state folder: this load decodes every
     * picture, which the first one left to the header. */
    if (k->showing == STATUS_FRESH && k->loader) {
        char stamp[RUN_STAMP_BYTES];
        run_stamp(stamp, sizeof stamp);
        k->startup_seq = platform_loader_request(k->loader, k->content_dir, 1, stamp);
    }
    publish_status(k);
}

static void set_current(run *k, content_snapshot *s)
{
    content_snapshot *old = k->current;
    k->current = s;
    drop(k, old);
}

static void set_pending(run *k, content_snapshot *s, status_showing showing, uint64_t now)
{
    content_snapshot *old = k->pending;
    nav_state st;
    nav_state_get(&k->nav, now, &st);
    k->pending = s;
    k->pending_showing = showing;
    k->pending_since = st.view;
    snprintf(k->pending_dir, sizeof k->pending_dir, "%s", k->content_dir);
    drop(k, old);
}

/* A good one is on screen or on its way: broken files leave it there. */
static int good_shown(const run *k)
{
    return k->showing == STATUS_FRESH || k->showing == STATUS_LAST_GOOD ||
           (k->pending && (k->pending_showing == STATUS_FRESH ||
                           k->pending_showing == STATUS_LAST_GOOD));
}

/* The folder no longer holds good content, but what is on screen came from
 * it: its pictures may be gone or replaced there. When the saved copy is
 * exactly what is on screen, read them from that copy from now on. */
static void pictures_from_saved_copy(run *k)
{
    char dir[PATH_MAX];
    if (!k->state_dir || !k->saved_seq || k->saved_seq != k->shown_seq ||
        strcmp(k->shown_dir, k->content_dir) ||
        !lastgood_path(k->state_dir, dir, sizeof dir))
        return;
    run_release_slots(k);
    run_staff_release(k);
    snprintf(k->shown_dir, sizeof k->shown_dir, "%s", dir);
    render_reset(&k->r, &k->content->settings, k->shown_dir);
    k->dirty = 1;
}

static void take_result(run *k, platform_load_result *res, uint64_t now)
{
    if (!res->snap) {
        fprintf(stderr, "kiosk: out of memory reading %s\n", k->content_dir);
        return;
    }
    run_stamp(k->checked_at, sizeof k->checked_at);
    if (res->save_asked && res->usable && k->state_dir) {
        const char *note = res->saved == LG_OK ? NULL : lastgood_message(res->saved);
        /* Once per new reason: a failing card must reach the journal too,
         * not only STATUS.txt, without a line per save. */
        if (note && (!k->backup_note || strcmp(note, k->backup_note)))
            fprintf(stderr, "kiosk: the last good copy was not saved: %s\n", note);
        k->backup_note = note;
        if (res->saved == LG_OK)
            k->saved_seq = res->seq;
    }
    log_problems(k->content_dir, k->current, res->snap);
    int same_as_shown = res->seq == k->startup_seq && res->usable &&
                        k->showing == STATUS_FRESH && !k->pending;
    set_current(k, res->snap);
    if (same_as_shown) {
        /* The start's content, read again to be saved: nothing new to show. */
        k->shown_seq = res->seq;
    } else if (res->usable) {
        set_pending(k, res->snap, STATUS_FRESH, now);
        k->pending_seq = res->seq;
    } else if (good_shown(k)) {
        if (k->showing == STATUS_FRESH) {
            k->showing = STATUS_LAST_GOOD;
            saved_at_from_state(k);
            pictures_from_saved_copy(k);
        }
        char dir[PATH_MAX];
        if (k->pending && k->pending_showing == STATUS_FRESH && k->state_dir &&
            k->saved_seq && k->saved_seq == k->pending_seq &&
            lastgood_path(k->state_dir, dir, sizeof dir))
            snprintf(k->pending_dir, sizeof k->pending_dir, "%s", dir);
        if (k->pending)
            k->pending_showing = STATUS_LAST_GOOD;
    } else {
        set_pending(k, res->snap, partial_or_nothing(res->snap), now);
        k->pending_seq = res->seq;
    }
    publish_status(k);
}

void run_live_poll(run *k, uint64_t now)
{
    if (platform_signal_take_term()) {
        k->quit = 1;
        return;
    }
    if (platform_signal_take_hup()) {
        platform_notify_reloading();
        k->hup_pending = 1;
        run_live_request(k);
    }
    if (k->watch) {
        platform_watch_drain(k->watch, (long long)now);
        if (platform_watch_settled(k->watch, (long long)now))
            run_live_request(k);
    }
    run_usb_poll(k, now);   /* a USB stick offered or taken out */
    platform_load_result res;
    if (k->loader && platform_loader_take(k->loader, &res))
        take_result(k, &res, now);
    /* systemd waits for READY=1 after RELOADING=1: once the load is in,
     * shown or waiting for a calm moment. */
    if (k->hup_pending && k->loader && !platform_loader_busy(k->loader)) {
        platform_notify_ready();
        k->hup_pending = 0;
    }
}

/* Index of old's topic t in s, by file name; -1 when s has no such file. */
static int same_topic(const content_snapshot *old, const content_snapshot *s, int t)
{
    if (t < 0 || t >= old->ntopics)
        return -1;
    for (int i = 0; i < s->ntopics; i++)
        if (!strcmp(s->topics[i].file, old->topics[t].file))
            return i;
    return -1;
}

static void swap_in(run *k, uint64_t now)
{
    run_release_slots(k);
    run_staff_release(k);
    content_snapshot *old = k->content;
    /* The visitor stays with the file they read, wherever it now sorts. */
    nav_move_topic(&k->nav, same_topic(old, k->pending, k->nav.view.topic));
    k->content = k->pending;
    k->pending = NULL;
    k->showing = k->pending_showing;
    k->shown_seq = k->pending_seq;
    snprintf(k->shown_dir, sizeof k->shown_dir, "%s", k->pending_dir);
    run_stamp(k->since, sizeof k->since);
    if (k->showing == STATUS_LAST_GOOD)
        saved_at_from_state(k);
    render_reset(&k->r, &k->content->settings, k->shown_dir);
    nav_set_settings(&k->nav, &k->content->settings);
    run_apply_screen_size(k, now);   /* rotation may have changed; new deck */
    drop(k, old);
    k->dirty = 1;
    fprintf(stderr, "kiosk: new content on screen: %d topics, %d cards\n",
            k->content->ntopics, k->content->ncards);
    publish_status(k);
}

void run_live_maybe_swap(run *k, uint64_t now)
{
    if (!k->pending)
        return;
    nav_state st;
    nav_state_get(&k->nav, now, &st);
    if (live_swap_due(&st, k->pending_since, run_staff_open(k)))
        swap_in(k, now);
}

int run_live_timeout_ms(run *k, uint64_t now)
{
    return k->watch ? platform_watch_timeout_ms(k->watch, (long long)now) : -1;
}

void run_live_stop(run *k)
{
    platform_wake_stop(k->wake);
    k->wake = NULL;
    platform_loader_stop(k->loader);
    k->loader = NULL;
    platform_watch_close(k->watch);
    k->watch = NULL;
}
