/* usb_worker_driver.c — drives src/platform/usb_worker.c and usb_import.c
 * on real folders (run by tests/e2e/usb_worker.sh): a good stick is
 * imported on the worker thread; one taken out while it is copied (offer
 * removed, then its staged copy, as the stage step does) is refused and
 * changes nothing; a second stick offered meanwhile does not stop the
 * first; stopping during a big import returns within its bound and leaves
 * the content folder whole (old or new, never neither). */
#include "platform/usb_worker.h"

#include <dirent.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

static const char *root;
static char content[1024], usb[1024], offer[1100];

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

/* Writes the offer for staged folder `folder`; returns its id. */
static unsigned long long write_offer(const char *folder)
{
    char tmp[1200];
    snprintf(tmp, sizeof tmp, "%s.new", offer);
    FILE *f = fopen(tmp, "w");
    if (!f)
        return 0;
    fprintf(f, "stick %s\nfolder %s\nusable yes\n", folder + 6, folder);
    fclose(f);
    rename(tmp, offer);
    struct stat st;
    return stat(offer, &st) == 0 ? usb_offer_id(&st) : 0;
}

static usb_import_job job;

static int start(usb_worker *w, const char *folder, char *staged, size_t cap)
{
    snprintf(staged, cap, "%s/%s", usb, folder);
    job = (usb_import_job){ staged, content, offer, write_offer(folder), NULL };
    return usb_worker_start(w, &job);
}

/* Waits (at most 60 s: sanitizers on a busy machine) for the result. */
static int wait_result(usb_worker *w, usb_import_result *r)
{
    long long until = now_ms() + 60000;
    while (now_ms() < until) {
        if (usb_worker_take(w, r)) {
            printf("import: status %d%s%s", (int)r->status, *r->notes ? ", notes:\n" : "\n",
                   r->notes);
            return 1;
        }
        struct pollfd p = { usb_worker_fd(w), POLLIN, 0 };
        poll(&p, 1, 100);
    }
    return 0;
}

/* The import's own folder beside the content folder, with its images/
 * folder made: it is past the offer check and copying. */
static int copying(void)
{
    DIR *d = opendir(root);
    struct dirent *e;
    int found = 0;
    while (d && !found && (e = readdir(d))) {
        char p[2048];
        struct stat st;
        snprintf(p, sizeof p, "%s/%s/images", root, e->d_name);
        found = !strncmp(e->d_name, ".content.import-", 16) && stat(p, &st) == 0;
    }
    if (d)
        closedir(d);
    return found;
}

static int wait_copying(void)
{
    long long until = now_ms() + 30000;
    while (now_ms() < until && !copying())
        usleep(1000);
    return copying();
}

static int leftovers(void)
{
    DIR *d = opendir(root);
    struct dirent *e;
    int n = 0;
    while (d && (e = readdir(d)))
        n += !strncmp(e->d_name, ".content.import-", 16);
    if (d)
        closedir(d);
    return n;
}

/* The first line of the content folder's 10-runners-knee.md. */
static void title(char *out, size_t cap)
{
    char p[1100];
    snprintf(p, sizeof p, "%s/10-runners-knee.md", content);
    FILE *f = fopen(p, "r");
    out[0] = 0;
    if (f && fgets(out, (int)cap, f))
        out[strcspn(out, "\n")] = 0;
    if (f)
        fclose(f);
}

static void rm_rf(const char *path)
{
    char cmd[2200];
    snprintf(cmd, sizeof cmd, "rm -rf -- '%s'", path);
    CHECK(system(cmd) == 0);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: usb_worker_driver ROOT\n");
        return 2;
    }
    root = argv[1];
    snprintf(content, sizeof content, "%s/content", root);
    snprintf(usb, sizeof usb, "%s/state/usb", root);
    snprintf(offer, sizeof offer, "%s/offer", usb);
    usb_worker *w = usb_worker_open();
    CHECK(w && usb_worker_fd(w) >= 0);
    usb_import_result r;
    char staged[1100], t[256], before[256];
    struct stat st;

    /* A good stick: imported; staff's notes kept; the old as .previous. */
    CHECK(start(w, "stick-good", staged, sizeof staged) == 0);
    CHECK(usb_worker_start(w, &job) == -1);   /* one at a time */
    CHECK(wait_result(w, &r) && r.status == USB_IMPORT_OK);
    title(t, sizeof t);
    CHECK(!strcmp(t, "# Good stick"));
    char p[1200];
    snprintf(p, sizeof p, "%s/notes.txt", content);
    CHECK(stat(p, &st) == 0);
    snprintf(p, sizeof p, "%s.previous", content);
    CHECK(stat(p, &st) == 0);
    printf("good stick imported: %d topics, %d cards\n", r.topics, r.cards);

    /* Taken out while it is copied: the stage step's --forget. */
    title(before, sizeof before);
    CHECK(start(w, "stick-big1", staged, sizeof staged) == 0);
    CHECK(wait_copying());
    unlink(offer);
    rm_rf(staged);
    CHECK(wait_result(w, &r) && r.status == USB_IMPORT_GONE);
    title(t, sizeof t);
    CHECK(!strcmp(t, before));
    CHECK(leftovers() == 0);
    printf("taken out while copying: refused, content unchanged\n");

    /* A second stick offered while the first is copied: the first goes on. */
    long long t0 = now_ms();
    CHECK(start(w, "stick-big2", staged, sizeof staged) == 0);
    CHECK(wait_copying());
    write_offer("stick-sdc1");
    CHECK(wait_result(w, &r) && r.status == USB_IMPORT_OK);
    title(t, sizeof t);
    CHECK(!strcmp(t, "# Big stick"));
    CHECK(leftovers() == 0);
    printf("second stick offered meanwhile: the first imported, %d topics, %d cards, "
           "in %lld ms\n", r.topics, r.cards, now_ms() - t0);

    /* Stopped while it copies: back within the bound; the content folder
     * whole, with the old content (the stop came before the swap). */
    title(before, sizeof before);
    CHECK(start(w, "stick-big3", staged, sizeof staged) == 0);
    CHECK(wait_copying());
    t0 = now_ms();
    usb_worker_close(w, 300);
    long long took = now_ms() - t0;
    printf("stopped during the import in %lld ms\n", took);
    CHECK(took < 1000);
    CHECK(stat(content, &st) == 0 && S_ISDIR(st.st_mode));
    title(t, sizeof t);
    CHECK(!strcmp(t, before));
    long long until = now_ms() + 30000;   /* a thread left in the check ends */
    while (leftovers() && now_ms() < until)
        usleep(10000);
    usb_import_recover(content);
    CHECK(leftovers() == 0);
    if (fails)
        printf("%d checks failed\n", fails);
    return fails != 0;
}
