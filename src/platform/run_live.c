/* run_live.c — content that follows staff's edits: the first load (or the
 * last good copy), reloads on a change in the folder, SIGHUP or the staff
 * view's button, the swap at a calm moment, and STATUS.txt plus the journal
 * after every load. The rules are core/live.h's: this file gathers what they
 * need and carries out what they decide. */
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
    if (s && s != k->content && s != k->live.current && s != k->live.pending)
        content_free(s);
}

/* For the journal, once per load: the problem lines unless they are the
 * same as those of the load before (same; 0 at the start), then one line
 * that says the folder was read. A touch or a save of the same text
 * reloads too, and must not repeat a long list each time. */
static void log_problems(const char *dir, int same, const content_snapshot *s)
{
    char line[1200];
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
    run_live *l = &k->live;
    l->saved_at[0] = 0;
    if (!k->state_dir || !lastgood_stamp(&fs_posix, k->state_dir, l->saved_at,
                                         sizeof l->saved_at))
        snprintf(l->saved_at, sizeof l->saved_at, "%s", l->since);
}

/* The folder a snapshot's pictures are read from. */
static const char *folder(const run *k, live_from from)
{
    return from == LIVE_FROM_SAVED_COPY ? k->live.saved_dir : k->content_dir;
}

/* Formats the status (version NULL: left out, as the staff view shows it
 * on a line of its own). NULL when out of memory. */
static char *format_status(run *k, const char *version, size_t *len)
{
    static char usb[RUN_USB_BYTES];
    run_live *l = &k->live;
    status_read_usb(&fs_posix, k->state_dir, usb, sizeof usb);
    live_times t = { l->since, l->checked_at, l->saved_at };
    status_report r;
    live_report(&l->st, &t, k->content, l->pending, l->current, &r);
    r.watch_note = platform_watch_problem(l->watch);
    r.usb = usb[0] ? usb : NULL;
    r.version = version;
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

/* The last good copy, when live.h's rules want it at start; NULL else. */
static content_snapshot *load_saved_copy(run *k)
{
    run_live *l = &k->live;
    if (!live_start_wants_saved(&l->st, l->current) ||
        !lastgood_exists(&lastgood_os_posix, k->state_dir))
        return NULL;
    return content_load(l->saved_dir, &fs_posix);   /* decoded when saved */
}

int run_live_first_load(run *k)
{
    run_live *l = &k->live;
    live_init(&l->st, k->state_dir &&
              lastgood_path(k->state_dir, l->saved_dir, sizeof l->saved_dir));
    if (k->state_dir) {
        lastgood_status st = lastgood_recover(&lastgood_os_posix, k->state_dir);
        if (st != LG_OK)
            fprintf(stderr, "kiosk: state folder %s: %s\n", k->state_dir,
                    lastgood_message(st));
    }
    /* Watching starts before the first read, so no edit falls between. */
    l->watch = platform_watch_open(k->content_dir, PLATFORM_WATCH_SETTLE_MS);
    if (!l->watch)
        fprintf(stderr, "kiosk: changes in %s are not noticed by themselves; "
                "send SIGHUP (systemctl reload kiosk) after editing\n", k->content_dir);
    run_stamp(l->checked_at, sizeof l->checked_at);
    snprintf(l->since, sizeof l->since, "%s", l->checked_at);
    /* Pictures by their headers only: decoding each (about 50 ms here,
     * several times that on a Pi) held the first frame back 11 s for 216
     * pictures, past systemd's start timeout on a Pi. The screen decodes
     * them in the sandbox anyway, and the loader's load right after the
     * first frame decodes them whole before anything is saved. */
    l->current = content_load(k->content_dir, &fs_posix);
    if (!l->current) {
        fprintf(stderr, "kiosk: out of memory\n");
        return -1;
    }
    content_snapshot *saved = load_saved_copy(k);
    k->content = live_start(&l->st, l->current, saved) == saved ? saved : l->current;
    if (saved && saved != k->content)
        content_free(saved);
    snprintf(k->shown_dir, sizeof k->shown_dir, "%s", folder(k, l->st.shown_from));
    if (l->st.showing == STATUS_LAST_GOOD)
        saved_at_from_state(k);
    return 0;
}

void run_live_start(run *k)
{
    run_live *l = &k->live;
    /* Logged once the screen is open: without one, the only line on stderr
     * is the one that says so. */
    log_problems(k->content_dir, 0, l->current);
    if (l->st.showing == STATUS_LAST_GOOD)
        fprintf(stderr, "kiosk: showing the last good copy (saved %s) until the "
                "errors in %s are fixed\n", l->saved_at, k->content_dir);
    if (platform_signals_init() != 0)
        fprintf(stderr, "kiosk: signal handlers could not be set; SIGHUP will not "
                "reload\n");
    l->loader = platform_loader_start(&k->fs, &lastgood_os_posix, k->state_dir);
    if (!l->loader)
        fprintf(stderr, "kiosk: the loader could not start; the content shown "
                "now stays until the kiosk restarts\n");
    k->wake_event = SDL_RegisterEvents(1);
    int fds[5] = { platform_signals_fd(), l->watch ? platform_watch_fd(l->watch) : -1,
                   l->loader ? platform_loader_fd(l->loader) : -1, run_usb_fd(k),
                   run_usb_done_fd(k) };
    if (k->wake_event != (Uint32)-1)
        k->wake = platform_wake_start(fds, 5, k->wake_event);
}

void run_live_request(run *k)
{
    char stamp[RUN_STAMP_BYTES];
    run_stamp(stamp, sizeof stamp);
    if (!k->live.loader || !platform_loader_request(k->live.loader, k->content_dir, 1, stamp))
        fprintf(stderr, "kiosk: could not read %s again\n", k->content_dir);
}

void run_live_after_first_frame(run *k)
{
    run_live *l = &k->live;
    /* Saved off the render path: the first frame never waits for fsyncs.
     * Loaded again also without a state folder: this load decodes every
     * picture, which the first one left to the header. */
    if (live_start_save_wanted(&l->st) && l->loader) {
        char stamp[RUN_STAMP_BYTES];
        run_stamp(stamp, sizeof stamp);
        l->st.startup_seq = platform_loader_request(l->loader, k->content_dir, 1, stamp);
    }
    publish_status(k);
}

static void set_current(run *k, content_snapshot *s)
{
    content_snapshot *old = k->live.current;
    k->live.current = s;
    drop(k, old);
}

static void set_pending(run *k, content_snapshot *s)
{
    content_snapshot *old = k->live.pending;
    k->live.pending = s;
    drop(k, old);
}

/* What is on screen now reads its pictures from the saved copy. */
static void pictures_from_saved_copy(run *k)
{
    run_release_slots(k);
    run_staff_release(k);
    snprintf(k->shown_dir, sizeof k->shown_dir, "%s", k->live.saved_dir);
    render_reset(&k->r, &k->content->settings, k->shown_dir);
    render_palette(&k->r, &k->view.settings);   /* a visitor's high contrast */
    k->dirty = 1;
}

/* A load is in: live_take decides, this carries it out. */
static void take_result(run *k, platform_load_result *res, uint64_t now)
{
    run_live *l = &k->live;
    if (!res->snap) {
        fprintf(stderr, "kiosk: out of memory reading %s\n", k->content_dir);
        return;
    }
    run_stamp(l->checked_at, sizeof l->checked_at);
    nav_state ns;
    nav_state_get(&k->nav, now, &ns);
    live_load ld = { res->snap, res->seq, res->usable, res->save_asked, res->saved };
    live_snaps sn = { k->content, l->current };
    live_take_out d = live_take(&l->st, &ld, &sn, ns.view);
    if (d.log_backup)
        fprintf(stderr, "kiosk: the last good copy was not saved: %s\n", d.log_backup);
    log_problems(k->content_dir, d.same_problems, res->snap);
    set_current(k, res->snap);
    if (d.action == LIVE_WAIT)
        set_pending(k, res->snap);
    if (d.read_saved_at)
        saved_at_from_state(k);
    if (d.pictures_from_saved)
        pictures_from_saved_copy(k);
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
        k->live.hup_pending = 1;
        run_live_request(k);
    }
    run_live *l = &k->live;
    if (l->watch) {
        platform_watch_drain(l->watch, (long long)now);
        if (platform_watch_settled(l->watch, (long long)now))
            run_live_request(k);
    }
    run_usb_poll(k, now);   /* a USB stick offered or taken out */
    platform_load_result res;
    if (l->loader && platform_loader_take(l->loader, &res))
        take_result(k, &res, now);
    /* systemd waits for READY=1 after RELOADING=1: once the load is in,
     * shown or waiting for a calm moment. */
    if (l->hup_pending && l->loader && !platform_loader_busy(l->loader)) {
        platform_notify_ready();
        l->hup_pending = 0;
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
    run_live *l = &k->live;
    run_release_slots(k);
    run_staff_release(k);
    content_snapshot *old = k->content;
    /* The visitor stays with the file they read, wherever it now sorts. */
    nav_move_topic(&k->nav, same_topic(old, l->pending, k->nav.view.topic));
    k->content = l->pending;
    l->pending = NULL;
    live_swap_out d = live_swapped(&l->st);
    snprintf(k->shown_dir, sizeof k->shown_dir, "%s", folder(k, l->st.shown_from));
    if (d.renew_since)
        run_stamp(l->since, sizeof l->since);
    if (d.read_saved_at)
        saved_at_from_state(k);
    render_reset(&k->r, &k->content->settings, k->shown_dir);
    nav_set_settings(&k->nav, &k->content->settings);
    run_apply_screen_size(k, now);   /* rotation may have changed; new deck */
    drop(k, old);
    k->dirty = 1;
    /* The same content read again (a touch, the same text saved) is swapped
     * in all the same, so a picture replaced under its old name shows, but
     * it is not news. */
    if (d.announce)
        fprintf(stderr, "kiosk: new content on screen: %d topics, %d cards\n",
                k->content->ntopics, k->content->ncards);
    publish_status(k);
}

void run_live_maybe_swap(run *k, uint64_t now)
{
    if (!k->live.pending)
        return;
    nav_state st;
    nav_state_get(&k->nav, now, &st);
    if (live_swap_now(&k->live.st, &st, run_staff_open(k)))
        swap_in(k, now);
}

int run_live_timeout_ms(run *k, uint64_t now)
{
    return k->live.watch ? platform_watch_timeout_ms(k->live.watch, (long long)now) : -1;
}

void run_live_stop(run *k)
{
    platform_wake_stop(k->wake);
    k->wake = NULL;
    platform_loader_stop(k->live.loader);
    k->live.loader = NULL;
    platform_watch_close(k->live.watch);
    k->live.watch = NULL;
}

void run_live_fini(run *k)
{
    content_snapshot *snaps[3] = { k->content, k->live.current, k->live.pending };
    k->content = k->live.current = k->live.pending = NULL;
    for (int i = 0; i < 3; i++) {
        int seen = 0;
        for (int j = 0; j < i; j++)
            seen |= snaps[j] == snaps[i];
        if (snaps[i] && !seen)
            content_free(snaps[i]);
    }
}
