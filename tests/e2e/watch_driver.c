/* watch_driver.c — drives src/platform/watch.c through what staff do to the
 * content folder (tests/e2e/watch.sh runs it): each step runs a shell
 * command on folder ROOT/content and checks whether the watcher settles. */
#include "platform/watch.h"

#include <stdio.h>
#include <stdlib.h>
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
    ok &= step("permissions changed", "chmod 600 content/kiosk.ini", 1);
    ok &= step("a sibling folder", "mkdir other && echo o > other/x.md", 0);
    ok &= step("nothing", "true", 0);
    platform_watch_close(w);
    return ok ? 0 : 1;
}
