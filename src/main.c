/* main.c — the command line: run the kiosk, --check, --render, --bench. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/content.h"

static const char *default_content_dir(void)
{
    return "content";
}

static void usage(FILE *f)
{
    fputs("usage: kiosk [--content DIR] [--window WxH]\n"
          "       kiosk --check [--content DIR]\n"
          "       kiosk --render OUTDIR [--size WxH] [--content DIR]\n", f);
}

/* Prints every problem, then one summary line. Exit 0 when usable. */
static int run_check(const char *dir)
{
    content_snapshot *s = content_load(dir, &fs_posix);
    if (!s) {
        fprintf(stderr, "kiosk: out of memory\n");
        return 1;
    }
    char line[1024];
    for (int i = 0; i < s->ndiags; i++) {
        content_diag_format(&s->diags[i], line, sizeof line);
        printf("%s\n", line);
    }
    if (s->nerrors + s->nwarnings > s->ndiags)
        printf("(%d more problems not shown: fix the ones above first)\n",
               s->nerrors + s->nwarnings - s->ndiags);
    int ok = content_usable(s);
    printf("%s: %d topics, %d cards, %d images; %d errors, %d warnings%s\n",
           dir, s->ntopics, s->ncards, s->nimages, s->nerrors, s->nwarnings,
           ok ? "" : " - the kiosk will not show this content until the errors are fixed");
    content_free(s);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *dir = default_content_dir();
    int check = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--check")) {
            check = 1;
        } else if (!strcmp(argv[i], "--content") && i + 1 < argc) {
            dir = argv[++i];
        } else if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) {
            usage(stdout);
            return 0;
        } else {
            fprintf(stderr, "kiosk: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    if (check)
        return run_check(dir);
    usage(stderr);
    return 2;
}
