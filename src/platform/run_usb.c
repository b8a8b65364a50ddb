/* run_usb.c — a USB stick on offer in the running kiosk (run_usb.h): the
 * offer file in STATE/usb, the offer and result screens, the PIN, the
 * import (on usb_worker's thread), and usb-import.txt for STATUS.txt. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fs_durable.h"
#include "core/status.h"
#include "platform/run_internal.h"
#include "platform/usb_import.h"
#include "platform/usb_worker.h"

/* The stage step's folder in STATE, and its offer file in it. */
#define RUN_USB_DIR "usb"
#define RUN_USB_OFFER_FILE "offer"

static void usb_dir(const run *k, char *out, size_t cap)
{
    snprintf(out, cap, "%s/%s", k->state_dir, RUN_USB_DIR);
}

void run_usb_init(run *k)
{
    k->usb.fd = -1;
    k->usb.why = LABEL_COUNT;
    usb_import_recover(k->content_dir);
    if (!k->state_dir)
        return;
    k->usb.worker = usb_worker_open();
    if (!k->usb.worker)
        fprintf(stderr, "kiosk: out of memory; USB sticks can be offered but not "
                "imported\n");
    char dir[PATH_MAX];
    usb_dir(k, dir, sizeof dir);
    /* No set-group-ID bit in the mode: kiosk.service's RestrictSUIDSGID=yes
     * refuses such a mkdir with EPERM even when the folder exists (seen in
     * the VM test: no watch, so no stick was ever offered). install.sh makes
     * the folder (kiosk-usb:kiosk 2750); made here, it is the kiosk's own. */
    if (mkdir(dir, 0750) != 0 && errno != EEXIST) {
        fprintf(stderr, "kiosk: cannot make %s (%s); USB sticks are not offered\n", dir,
                strerror(errno));
        return;
    }
    k->usb.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (k->usb.fd < 0 ||
        inotify_add_watch(k->usb.fd, dir, IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
                                          IN_DELETE | IN_CREATE | IN_ONLYDIR) < 0) {
        fprintf(stderr, "kiosk: cannot watch %s (%s); USB sticks are not offered\n", dir,
                strerror(errno));
        if (k->usb.fd >= 0)
            close(k->usb.fd);
        k->usb.fd = -1;
    }
}

int run_usb_fd(const run *k)
{
    return k->usb.fd;
}

int run_usb_done_fd(const run *k)
{
    return usb_worker_fd(k->usb.worker);
}

void run_usb_quit(run *k)
{
    if (k->usb.mode == RUN_USB_IMPORTING && k->usb.worker)
        fprintf(stderr, "kiosk: stopping during the import of USB stick %s; the "
                "content folder stays as it was unless the import was already "
                "swapping it in\n", k->usb.stick);
    usb_worker_close(k->usb.worker, RUN_USB_STOP_WAIT_MS);
    k->usb.worker = NULL;
}

void run_usb_stop(run *k)
{
    if (k->usb.fd >= 0)
        close(k->usb.fd);
    k->usb.fd = -1;
    run_usb_quit(k);   /* when the screen never opened */
}

int run_usb_showing(const run *k)
{
    return k->usb.mode != RUN_USB_NONE;
}

static void changed(run *k)
{
    k->usb.changed++;
    k->dirty = 1;
}

/* A name the stage step gives: the kernel's device name, letters and digits. */
static int plain_name(const char *s)
{
    if (!*s)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
            return 0;
    return 1;
}

/* Reads STATE/usb/offer into k->usb (not its mode). Returns its id, 0 when
 * there is none or it is not one the stage step wrote. */
static unsigned long long read_offer(run *k)
{
    char path[PATH_MAX], line[1024];
    snprintf(path, sizeof path, "%s/%s/%s", k->state_dir, RUN_USB_DIR, RUN_USB_OFFER_FILE);
    FILE *f = fopen(path, "re");
    if (!f)
        return 0;
    struct stat st;
    run_usb *u = &k->usb;
    unsigned long long id = 0;
    if (fstat(fileno(f), &st) == 0)
        id = usb_offer_id(&st);
    u->stick[0] = u->folder[0] = u->text[0] = 0;
    u->usable = u->ntopics = u->npictures = 0;
    size_t n = 0;
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = 0;
        char *v = strchr(line, ' ');
        if (!v)
            continue;
        *v++ = 0;
        if (!strcmp(line, "stick"))
            snprintf(u->stick, sizeof u->stick, "%s", v);
        else if (!strcmp(line, "folder"))
            snprintf(u->folder, sizeof u->folder, "%s", v);
        else if (!strcmp(line, "usable"))
            u->usable = !strcmp(v, "yes");
        else if (!strcmp(line, "topics"))
            u->ntopics = atoi(v);
        else if (!strcmp(line, "pictures"))
            u->npictures = atoi(v);
        else if (!strcmp(line, "problem") && n + strlen(v) + 2 < sizeof u->text) {
            /* Escaped by the stage step; a control character that is still
             * there (another writer) becomes '?', never a line break. */
            for (char *c = v; *c; c++)
                if ((unsigned char)*c < 0x20 || *c == 0x7f)
                    *c = '?';
            n += (size_t)snprintf(u->text + n, sizeof u->text - n, "%s\n", v);
        }
    }
    fclose(f);
    if (!plain_name(u->stick) || !plain_name(u->folder) || strncmp(u->folder, "stick-", 6))
        return 0;
    return id ? id : 1;
}

/* The last import's result for STATUS.txt and the staff view. */
static void write_result(run *k, const char *what)
{
    char stamp[RUN_STAMP_BYTES], text[RUN_USB_TEXT_BYTES + 512];
    run_stamp(stamp, sizeof stamp);
    int n = snprintf(text, sizeof text, "%s: %s\n%s", stamp, what, k->usb.text);
    if (n >= (int)sizeof text)
        n = (int)sizeof text - 1;
    if (fs_durable_replace(k->state_dir, STATUS_USB_FILE, text, (size_t)n, 0640,
                           FS_DURABLE_SYNC_DIR) != 0)
        fprintf(stderr, "kiosk: could not write %s/%s\n", k->state_dir, STATUS_USB_FILE);
    fprintf(stderr, "kiosk: %s\n", what);
}

static void offer_gone(run *k, uint64_t now)
{
    if (k->staff.mode == STAFF_PIN && k->staff.purpose == STAFF_FOR_USB)
        run_staff_close(k, now);
    if (k->usb.mode == RUN_USB_OFFER) {
        k->usb.mode = RUN_USB_NONE;
        fprintf(stderr, "kiosk: USB stick taken out; its offer is gone\n");
        changed(k);
    }
}

static void offer_new(run *k, unsigned long long id, uint64_t now)
{
    run_usb *u = &k->usb;
    u->shown_id = id;
    if (!k->content->settings.staff_pin || !usb_labels_present(&k->content->settings)) {
        char what[256];
        snprintf(what, sizeof what, "USB stick %s not offered: kiosk.ini has %s, so "
                 "nobody could confirm the import on screen. %s", u->stick,
                 k->content->settings.staff_pin ? "no usb_ labels under [labels]"
                                                : "no staff PIN under [staff]",
                 "Add them (see the staff guide) or copy the content over SFTP.");
        u->text[0] = 0;
        write_result(k, what);
        return;
    }
    if (run_staff_open(k))
        run_staff_close(k, now);
    u->mode = RUN_USB_OFFER;
    u->last_input = now;
    fprintf(stderr, "kiosk: USB stick %s offered: %d topics, %d pictures, %s\n", u->stick,
            u->ntopics, u->npictures, u->usable ? "passes the checks" : "has errors");
    changed(k);
}

static void import_done(run *k, usb_import_result *r, uint64_t now);

void run_usb_poll(run *k, uint64_t now)
{
    static usb_import_result done;
    if (usb_worker_take(k->usb.worker, &done))
        import_done(k, &done, now);
    if (k->usb.fd < 0)
        return;
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    int any = 0;
    while (read(k->usb.fd, buf, sizeof buf) > 0)
        any = 1;
    if (!any && k->usb.looked)
        return;   /* nothing changed in STATE/usb since the last look */
    /* The import and its result stay on screen; a stick taken out or a
     * second one is read when they are gone (import_done, dismiss). */
    k->usb.looked = k->usb.mode != RUN_USB_IMPORTING && k->usb.mode != RUN_USB_RESULT;
    if (!k->usb.looked)
        return;
    unsigned long long id = read_offer(k);
    if (!id) {
        offer_gone(k, now);
        k->usb.shown_id = 0;
        return;
    }
    if (id == k->usb.shown_id || id == k->usb.dismissed_id)
        return;
    offer_new(k, id, now);
}

void run_usb_layout(run *k, layout_screen *sc, uint64_t now)
{
    run_usb *u = &k->usb;
    usb_screen s = {
        .kind = u->mode == RUN_USB_RESULT ? USB_RESULT : USB_OFFER,
        .usable = u->usable, .ntopics = u->ntopics, .npictures = u->npictures,
        .locked = k->staff.locked && now < k->staff.locked_until,
        .importing = u->mode == RUN_USB_IMPORTING,
        .imported = u->imported, .why = u->why, .problems = u->text,
    };
    k->usb.shown_locked = s.locked;
    layout_usb_screen(sc, k->content, &k->m, k->disp.w, k->disp.h, &s);
}

static void dismiss(run *k)
{
    k->usb.dismissed_id = k->usb.shown_id;
    k->usb.mode = RUN_USB_NONE;
    k->usb.looked = 0;   /* an offer that came meanwhile is read now */
    changed(k);
}

void run_usb_tap(run *k, staff_key key, uint64_t now)
{
    k->usb.last_input = now;
    if (k->usb.mode == RUN_USB_IMPORTING)
        return;   /* no buttons: it ends by itself */
    if (key == STAFF_KEY_CANCEL || key == STAFF_KEY_CLOSE) {
        if (k->usb.mode == RUN_USB_OFFER)
            fprintf(stderr, "kiosk: USB stick %s not imported: cancelled\n", k->usb.stick);
        dismiss(k);
    } else if (key == STAFF_KEY_IMPORT && k->usb.mode == RUN_USB_OFFER && k->usb.usable) {
        if (!staff_request_usb(&k->staff, k->content->settings.staff_pin, now))
            changed(k);   /* locked: the offer says so */
    }
}

static void result(run *k, int imported, content_label why, const char *what)
{
    k->usb.mode = RUN_USB_RESULT;
    k->usb.imported = imported;
    k->usb.why = why;
    write_result(k, what);
    changed(k);
}

void run_usb_pin_ok(run *k, uint64_t now)
{
    run_usb *u = &k->usb;
    char staged[PATH_MAX], offer[PATH_MAX];
    u->last_input = now;
    u->dismissed_id = u->shown_id;
    if (read_offer(k) != u->shown_id) {
        result(k, 0, LABEL_USB_GONE, "USB stick not imported: it was taken out before "
               "the import. The content on screen is unchanged.");
        return;
    }
    snprintf(staged, sizeof staged, "%s/%s/%s", k->state_dir, RUN_USB_DIR, u->folder);
    snprintf(offer, sizeof offer, "%s/%s/%s", k->state_dir, RUN_USB_DIR, RUN_USB_OFFER_FILE);
    usb_import_job job = { staged, k->content_dir, offer, u->shown_id, NULL };
    if (usb_worker_start(u->worker, &job) != 0) {
        result(k, 0, LABEL_USB_FAILED, "USB stick not imported: the kiosk could not "
               "start the import (out of memory?). The content on screen is unchanged.");
        return;
    }
    u->mode = RUN_USB_IMPORTING;
    u->started = now;
    fprintf(stderr, "kiosk: importing USB stick %s\n", u->stick);
    changed(k);
}

/* The worker is done: say what happened. */
static void import_done(run *k, usb_import_result *r, uint64_t now)
{
    run_usb *u = &k->usb;
    char what[PATH_MAX + 256];
    u->last_input = now;
    u->looked = 0;   /* the stick taken out or a second one meanwhile */
    /* What the stage step found stays with the result (files it left out);
     * a refused import's own problems take its place. */
    size_t n = strlen(u->text);
    if (r->status != USB_IMPORT_OK && *r->notes)
        snprintf(u->text, sizeof u->text, "%s", r->notes);
    else
        snprintf(u->text + n, sizeof u->text - n, "%s", r->notes);
    switch (r->status) {
    case USB_IMPORT_OK:
        snprintf(what, sizeof what, "USB stick %s imported in %.1f s: %d topics, %d "
                 "cards. The content before it is kept in %s.previous.", u->stick,
                 (double)(now - u->started) / 1000, r->topics, r->cards, k->content_dir);
        result(k, 1, LABEL_COUNT, what);
        run_live_request(k);
        break;
    case USB_IMPORT_UNUSABLE:
        result(k, 0, LABEL_USB_UNUSABLE, "USB stick not imported: the content on it has "
               "problems, listed below. Fix them on the stick (kiosk folder) and plug "
               "it in again. The content on screen is unchanged.");
        break;
    case USB_IMPORT_GONE:
    case USB_IMPORT_STOPPED:
        result(k, 0, LABEL_USB_GONE, "USB stick not imported: it was taken out during "
               "the import. The content on screen is unchanged.");
        break;
    case USB_IMPORT_WRITE:
        snprintf(what, sizeof what, "USB stick not imported: the kiosk could not write "
                 "beside %s (disk full, or its rights changed?). The content on screen "
                 "is unchanged.", k->content_dir);
        result(k, 0, LABEL_USB_FAILED, what);
        break;
    }
}

void run_usb_tick(run *k, uint64_t now)
{
    uint64_t idle = (uint64_t)k->content->settings.idle_timeout_s * 1000;
    if (k->usb.mode != RUN_USB_NONE && k->usb.mode != RUN_USB_IMPORTING &&
        !run_staff_pad_open(k) && now >= k->usb.last_input + idle)
        dismiss(k);
    int locked = k->staff.locked && now < k->staff.locked_until;
    if (k->usb.mode == RUN_USB_OFFER && locked != k->usb.shown_locked)
        changed(k);   /* Import is back (or gone) */
}

uint64_t run_usb_deadline(const run *k)
{
    if (k->usb.mode == RUN_USB_NONE || k->usb.mode == RUN_USB_IMPORTING)
        return NAV_NEVER;
    uint64_t due = k->usb.last_input + (uint64_t)k->content->settings.idle_timeout_s * 1000;
    if (k->staff.locked && k->staff.locked_until < due)
        due = k->staff.locked_until;   /* Import comes back when the lock ends */
    return due;
}
