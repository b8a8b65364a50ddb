/* loader_driver.c — drives src/platform/loader.c on real folders (run by
 * tests/e2e/loader.sh): a good load is handed over and saved as the last
 * good copy, a broken one is handed over but not saved, a burst of requests
 * ends with the newest, and stopping with work pending leaks nothing. */
#include "platform/loader.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/lastgood.h"

static int fails;
#define CHECK(c) do { if (!(c)) { printf("FAIL line %d: %s\n", __LINE__, #c); fails++; } } while (0)

/* Waits (at most 10 s) for a result. */
static int wait_result(platform_loader *l, platform_load_result *r)
{
    for (int i = 0; i < 100; i++) {
        if (platform_loader_take(l, r))
            return 1;
        struct pollfd p = { platform_loader_fd(l), POLLIN, 0 };
        poll(&p, 1, 100);
    }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 4)
        return 2;
    const char *good = argv[1], *broken = argv[2], *state = argv[3];
    platform_loader *l = platform_loader_start(&fs_posix, &lastgood_os_posix, state);
    CHECK(l != NULL);
    platform_load_result r;
    char stamp[64];

    unsigned seq = platform_loader_request(l, good, 1, "first");
    CHECK(wait_result(l, &r));
    CHECK(r.seq == seq && r.usable && r.save_asked && r.saved == LG_OK);
    CHECK(r.snap && r.snap->ntopics > 0);
    content_free(r.snap);
    CHECK(lastgood_stamp(&fs_posix, state, stamp, sizeof stamp));
    CHECK(!strcmp(stamp, "first"));

    seq = platform_loader_request(l, broken, 1, "second");
    CHECK(wait_result(l, &r));
    CHECK(r.seq == seq && !r.usable && r.snap && r.snap->nerrors > 0);
    content_free(r.snap);
    CHECK(lastgood_stamp(&fs_posix, state, stamp, sizeof stamp));
    CHECK(!strcmp(stamp, "first"));   /* the broken one was not kept */

    /* A burst: the newest request is the last result; older ones coalesce. */
    unsigned last = 0;
    for (int i = 0; i < 20; i++)
        last = platform_loader_request(l, i % 2 ? broken : good, 0, "");
    int results = 0;
    unsigned got = 0;
    while (got != last && wait_result(l, &r)) {
        results++;
        got = r.seq;
        content_free(r.snap);
    }
    CHECK(got == last);
    CHECK(results < 20);
    CHECK(!platform_loader_busy(l));

    /* Stop with a request pending and a result nobody took. */
    platform_loader_request(l, good, 0, "");
    platform_loader_request(l, good, 0, "");
    platform_loader_stop(l);
    printf("%s loader: burst of 20 gave %d results\n", fails ? "FAIL" : "ok", results);
    return fails ? 1 : 0;
}
