/* test_core_arrows.c — the rooms inside src/core keep their arrows one way
 * (content -> layout -> navigation; the layout kit below the page composers;
 * the diagnostics sink below the loader) and no file grows past 600 lines:
 * reads the sources and fails on an include that points back up. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* About what one person holds in mind (STYLE.md). */
enum { MAX_LINES = 600 };

static const char *core_dir(char *buf, size_t cap)
{
    const char *src = getenv("KIOSK_SOURCE_DIR");
    snprintf(buf, cap, "%s/src/core", src ? src : KIOSK_SOURCE_DIR);
    return buf;
}

static int starts(const char *s, const char *prefix)
{
    return !strncmp(s, prefix, strlen(prefix));
}

/* A rule: files whose name starts with `files` include none of `banned`. */
typedef struct rule {
    const char *files;
    const char *banned[4];
} rule;

static const rule rules[] = {
    { "content", { "layout", "nav.h", "staff.h", NULL } },
    { "layout", { "nav.h", "staff.h", NULL } },
    { "layout_kit", { "layout_internal.h", "layout_staff.h", NULL } },
    { "layout_text", { "layout_internal.h", "layout_staff.h", NULL } },
    { "content_diag", { "content_internal.h", "content_md.h", NULL } },
};

/* The problems of one file, printed; returns how many. */
static int check_file(const char *dir, const char *name)
{
    char path[2048], line[1024];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    int n = 0, bad = 0;
    while (fgets(line, sizeof line, f)) {
        n++;
        const char *q = starts(line, "#include \"") ? line + 10 : NULL;
        for (size_t r = 0; q && r < sizeof rules / sizeof rules[0]; r++)
            for (int b = 0; starts(name, rules[r].files) && rules[r].banned[b]; b++)
                if (starts(q, rules[r].banned[b])) {
                    printf("%s:%d: includes %.*s\n", name, n, (int)strcspn(q, "\""), q);
                    bad++;
                }
    }
    fclose(f);
    if (n > MAX_LINES) {
        printf("%s: %d lines, more than %d; split it along a seam\n", name, n, MAX_LINES);
        bad++;
    }
    return bad;
}

static void test_core_include_pointing_back(void **state)
{
    (void)state;
    char dir[1024];
    DIR *d = opendir(core_dir(dir, sizeof dir));
    assert_non_null(d);
    int files = 0, bad = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t len = strlen(e->d_name);
        if (len < 3 || (strcmp(e->d_name + len - 2, ".c") && strcmp(e->d_name + len - 2, ".h")))
            continue;
        files++;
        bad += check_file(dir, e->d_name);
    }
    closedir(d);
    assert_true(files > 20);   /* the folder really was read */
    assert_int_equal(bad, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_core_include_pointing_back),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
