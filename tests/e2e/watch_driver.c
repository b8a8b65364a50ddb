/* watch_driver.c — drives src/platform/watch.c through what staff do to the
 * content folder (tests/e2e/watch.sh runs it): each step runs a shell
 * command on folder ROOT/content and checks whether the watcher settles; the
 * slow steps run it in the background and check what the file holds at
 * each settle (an upload held open must not settle half-way). */
#include "platform/watch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { SETTLE_MS = 300, WAIT_MS = 1200 };

static platform_watch *w;
static const char *root;

static long long now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec * 1000LL + t.tv_nsec / 1000000;
}

/* Runs cmd in ROOT, then waits up to WAIT_MS for the watcher to settle. */
static int step(const char *what, const char *cmd, int expect)
{
    char full[1024];
    snprintf(full, sizeof full, "cd '%s' && %s", root, cmd);
    if (system(full) != 0) {
        printf("FAIL %s: command failed: %s\n", what, cmd);
        return 0;
    }
    long long t0 = now_ms();
    int settled = 0;
    while (!settled && now_ms() - t0 < WAIT_MS) {
        platform_watch_drain(w, now_ms());
        settled = platform_watch_settled(w, now_ms());
        if (!settled)
            usleep(10 * 1000);
    }
    int ok = settled == expect;
    printf("%s %s: %s\n", ok ? "ok  " : "FAIL", what,
           settled ? "reload" : "no reload");
    return ok;
}

/* What ROOT/path holds now, into buf. */
static void file_text(const char *path, char *buf, size_t size)
{
    char full[1024];
    snprintf(full, sizeof full, "%s/%s", root, path);
    buf[0] = '\0';
    FILE *f = fopen(full, "r");
    if (!f)
        return;
    size_t n = fread(buf, 1, size - 1, f);
    buf[n] = '\0';
    fclose(f);
}

/* Runs cmd in ROOT in the background, and watches while it runs and WAIT_MS
 * after: there must be exactly nwant settles, the i-th finding `path`
 * holding want[i]. */
static int step_async(const char *what, const char *cmd, const char *path,
                      const char *const *want, int nwant)
{
    char full[1024];
    snprintf(full, sizeof full, "cd '%s' && %s", root, cmd);
    long long t0 = now_ms(), done_ms = -1;
    pid_t pid = fork();
    if (pid == 0) {
        execl("/bin/sh", "sh", "-c", full, (char *)NULL);
        _exit(127);
    }
    int ok = pid > 0, nsettled = 0, status = 0;
    while (ok && (done_ms < 0 || now_ms() - done_ms < WAIT_MS)) {
        if (done_ms < 0 && waitpid(pid, &status, WNOHANG) == pid) {
            done_ms = now_ms();
            ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
        }
        platform_watch_drain(w, now_ms());
        if (platform_watch_settled(w, now_ms())) {
            char text[256];
            file_text(path, text, sizeof text);
            int right = nsettled < nwant && !strcmp(text, want[nsettled]);
            printf("     %s: reload at %lld ms, %s holds %zu bytes%s\n", what,
                   now_ms() - t0, path, strlen(text), right ? "" : " (wrong)");
            ok &= right;
            nsettled++;
        }
        usleep(10 * 1000);
    }
    ok &= nsettled == nwant;
    printf("%s %s: %d reload(s), %d expected\n", ok ? "ok  " : "FAIL", what,
           nsettled, nwant);
    return ok;
}

/* An upload tool's way: one open file, a pause longer than the settle time
 * between the halves. Reloaded only once it is closed, and whole. With a
 * short cap, a writer that never closes still lets the reload through. */
static int held_open(void)
{
    static const char *const whole[] = { "half\nrest\n" };
    static const char *const capped[] = { "half\n", "half\nrest\n" };
    int ok = step_async("file held open between two halves",
                        "exec 3>content/20-b.md; echo half >&3; sleep 1.5; "
                        "echo rest >&3; exec 3>&-", "content/20-b.md", whole, 1);
    ok &= step_async("image held open between two halves",
                     "exec 3>content/images/b.png; echo half >&3; sleep 1.5; "
                     "echo rest >&3; exec 3>&-", "content/images/b.png", whole, 1);
    platform_watch_set_open_cap(w, 800);
    ok &= step_async("writer open past the cap",
                     "exec 3>content/30-c.md; echo half >&3; sleep 2.5; "
                     "echo rest >&3; exec 3>&-", "content/30-c.md", capped, 2);
    platform_watch_set_open_cap(w, PLATFORM_WATCH_OPEN_CAP_MS);
    ok &= step_async("editor swap file held open (ignored)",
                     "exec 3>content/.20-b.md.swp; echo s >&3; sleep 1; exec 3>&-",
                     "content/20-b.md", NULL, 0);
    return ok;
}

/* Pictures outside images/ (a topic may show any file in the folder): in a
 * folder made while watching, in a folder moved in whole with folders of its
 * own, deleted again; a picture in a link to a folder outside is no part of
 * the content (the loader refuses it) and is not watched. */
static int sub_folders(void)
{
    int ok = step("picture in a new folder outside images/",
                  "mkdir -p content/photos/spa && echo p > content/photos/spa/a.png", 1);
    ok &= step("that picture edited", "echo q > content/photos/spa/a.png", 1);
    ok &= step("that picture deleted", "rm content/photos/spa/a.png", 1);
    ok &= step("a folder tree moved in whole",
               "mkdir -p g/x/y && echo g > g/x/y/a.png && mv g content/gallery", 1);
    ok &= step("picture deleted deep in it", "rm content/gallery/x/y/a.png", 1);
    ok &= step("a link to a folder outside",
               "mkdir -p outside && ln -s ../outside content/linked", 1);
    ok &= step("a picture in the linked folder (not watched)",
               "echo l > outside/a.png", 0);
    ok &= step("the tree removed", "rm -rf content/gallery content/photos", 1);
    return ok;
}

int main(int argc, char **argv)
{
    if (argc != 2)
        return 2;
    root = argv[1];
    char dir[512];
    snprintf(dir, sizeof dir, "%s/content/", root);   /* trailing slash too */
    w = platform_watch_open(dir, SETTLE_MS);
    if (!w)
        return 1;
    int ok = 1;
    ok &= step("edit in place", "echo a > content/10-a.md", 1);
    ok &= step("STATUS.txt rewritten by the kiosk",
               "echo s > content/.STATUS.txt.tmp && mv content/.STATUS.txt.tmp content/STATUS.txt", 0);
    ok &= step("editor swap and backup files",
               "echo s > content/.10-a.md.swp && echo x > content/10-a.md~ && echo y > 'content/~$doc.md'", 0);
    ok &= step("macOS droppings", "echo m > content/._10-a.md", 0);
    ok &= step("Syncthing's temporary files and folders",
               "echo h > content/.syncthing.10-a.md.tmp && echo h > 'content/~syncthing~10-a.md.tmp' && "
               "mkdir -p content/.stfolder content/.stversions && echo v > content/.stversions/10-a.md", 0);
    ok &= step("Syncthing's temporary file renamed into place",
               "mv content/.syncthing.10-a.md.tmp content/10-a.md", 1);
    ok &= step("temp file renamed into place",
               "echo b > content/10-a.md.tmp && mv content/10-a.md.tmp content/10-a.md", 1);
    ok &= step("images/ created", "mkdir content/images", 1);
    ok &= step("image added", "echo i > content/images/a.png", 1);
    ok &= step("whole folder replaced",
               "cp -r content new && mv content content.previous && mv new content", 1);
    ok &= step("old folder no longer watched", "echo z > content.previous/10-a.md", 0);
    ok &= step("edit in the new folder", "echo c > content/10-a.md", 1);
    ok &= step("image edit in the new folder", "echo c > content/images/a.png", 1);
    ok &= step("folder removed", "rm -rf content", 1);
    ok &= step("folder made again", "mkdir content", 1);
    ok &= step("edit after that", "echo d > content/kiosk.ini", 1);
    ok &= step("images/ made again", "mkdir content/images", 1);
    ok &= sub_folders();
    ok &= held_open();
    ok &= step("permissions changed", "chmod 600 content/kiosk.ini", 1);
    ok &= step("a sibling folder", "mkdir other && echo o > other/x.md", 0);
    ok &= step("nothing", "true", 0);
    platform_watch_close(w);
    return ok ? 0 : 1;
}
