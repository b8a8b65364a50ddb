/* test_fs_durable.c — write, fsync, rename on a real disk, with faults put in
 * between the code and the system (the linker's --wrap, CMakeLists.txt):
 * a write, an fsync, a close or a rename fails, a write takes a few bytes
 * only or is interrupted; the old file stays whole and no temp file is left. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs_durable.h"

/* ---- the faults: each, when set, is the errno of the next such call ---- */

static int fail_write, fail_fsync, fail_close, fail_rename;
static size_t write_at_most;   /* 0: no limit; else a write takes this much */
static int interrupt_writes;   /* this many writes fail with EINTR first */
static int write_takes_nothing;   /* a write returns 0 (no error, no byte) */

ssize_t __real_write(int fd, const void *p, size_t n);
int __real_fsync(int fd);
int __real_close(int fd);
int __real_rename(const char *from, const char *to);

ssize_t __wrap_write(int fd, const void *p, size_t n)
{
    if (fail_write) {
        errno = fail_write;
        return -1;
    }
    if (write_takes_nothing)
        return 0;
    if (interrupt_writes > 0) {
        interrupt_writes--;
        errno = EINTR;
        return -1;
    }
    return __real_write(fd, p, write_at_most && n > write_at_most ? write_at_most : n);
}

int __wrap_fsync(int fd)
{
    if (fail_fsync) {
        errno = fail_fsync;
        return -1;
    }
    return __real_fsync(fd);
}

int __wrap_close(int fd)
{
    int r = __real_close(fd);   /* closed either way, as close(2) says */
    if (fail_close) {
        errno = fail_close;
        return -1;
    }
    return r;
}

int __wrap_rename(const char *from, const char *to)
{
    if (fail_rename) {
        errno = fail_rename;
        return -1;
    }
    return __real_rename(from, to);
}

/* ---- a scratch folder holding STATUS.txt = "old" ---- */

static char dir[64];

static int setup(void **state)
{
    fail_write = fail_fsync = fail_close = fail_rename = 0;
    write_at_most = 0;
    interrupt_writes = write_takes_nothing = 0;
    strcpy(dir, "/tmp/kiosk-durable-XXXXXX");
    if (!mkdtemp(dir))
        return -1;
    return fs_durable_replace(dir, "STATUS.txt", "old", 3, 0644, 0) ? -1 : 0;
}

static int teardown(void **state)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* dir/name's whole text, or "" when it cannot be read. */
static const char *text_of(const char *name)
{
    static char buf[256];
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (!f)
        return buf;
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

/* Names in the folder, so a left-over temp file shows up whatever its name. */
static int entries(void)
{
    DIR *d = opendir(dir);
    int n = 0;
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    if (d)
        closedir(d);
    return n;
}

static void assert_old_kept_alone(int e, int expected)
{
    assert_int_equal(e, expected);
    assert_string_equal(text_of("STATUS.txt"), "old");
    assert_int_equal(entries(), 1);
}

static int replace_new(void)
{
    return fs_durable_replace(dir, "STATUS.txt", "new text", 8, 0644, FS_DURABLE_SYNC_DIR);
}

/* ---- replace ---- */

static void test_replace_writes_whole_new_text(void **state)
{
    assert_int_equal(replace_new(), 0);
    assert_string_equal(text_of("STATUS.txt"), "new text");
    assert_int_equal(entries(), 1);
}

static void test_replace_disk_full_at_write_keeps_old(void **state)
{
    fail_write = ENOSPC;
    assert_old_kept_alone(replace_new(), ENOSPC);
}

static void test_replace_io_error_at_fsync_keeps_old(void **state)
{
    fail_fsync = EIO;
    assert_old_kept_alone(replace_new(), EIO);
}

static void test_replace_disk_full_at_close_keeps_old(void **state)
{
    fail_close = EDQUOT;
    assert_old_kept_alone(replace_new(), EDQUOT);
}

static void test_replace_rename_refused_keeps_old(void **state)
{
    fail_rename = EACCES;
    assert_old_kept_alone(replace_new(), EACCES);
}

static void test_replace_short_and_interrupted_writes_complete(void **state)
{
    write_at_most = 3;
    interrupt_writes = 2;
    assert_int_equal(replace_new(), 0);
    assert_string_equal(text_of("STATUS.txt"), "new text");
}

static void test_replace_write_taking_nothing_is_disk_full(void **state)
{
    write_takes_nothing = 1;
    assert_old_kept_alone(replace_new(), ENOSPC);
}

static void test_replace_stale_temp_from_crash_replaced(void **state)
{
    char tmp[128];
    snprintf(tmp, sizeof tmp, "%s/.STATUS.txt.tmp", dir);
    FILE *f = fopen(tmp, "w");
    assert_non_null(f);
    fputs("half wri", f);
    fclose(f);
    assert_int_equal(replace_new(), 0);
    assert_string_equal(text_of("STATUS.txt"), "new text");
    assert_int_equal(entries(), 1);
}

static void test_replace_link_at_temp_not_followed(void **state)
{
    char tmp[128], victim[128];
    snprintf(tmp, sizeof tmp, "%s/.STATUS.txt.tmp", dir);
    snprintf(victim, sizeof victim, "%s/victim", dir);
    FILE *f = fopen(victim, "w");
    assert_non_null(f);
    fputs("mine", f);
    fclose(f);
    assert_int_equal(symlink(victim, tmp), 0);
    assert_int_equal(replace_new(), 0);
    assert_string_equal(text_of("victim"), "mine");
    assert_string_equal(text_of("STATUS.txt"), "new text");
}

static void test_replace_folder_gone_says_so(void **state)
{
    char gone[128];
    snprintf(gone, sizeof gone, "%s/gone", dir);
    assert_int_equal(fs_durable_replace(gone, "x", "a", 1, 0644, 0), ENOENT);
}

static void test_replace_name_too_long_refused(void **state)
{
    static char name[PATH_MAX + 8];
    memset(name, 'a', sizeof name - 1);
    assert_int_equal(fs_durable_replace(dir, name, "a", 1, 0644, 0), ENAMETOOLONG);
    assert_int_equal(entries(), 1);
}

static void test_replace_sets_mode(void **state)
{
    mode_t old = umask(0);
    assert_int_equal(fs_durable_replace(dir, "lock", "a", 1, 0600, 0), 0);
    umask(old);
    char path[128];
    struct stat st;
    snprintf(path, sizeof path, "%s/lock", dir);
    assert_int_equal(stat(path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
}

/* ---- create and sync_dir ---- */

static void test_create_existing_file_refused_untouched(void **state)
{
    char path[128];
    snprintf(path, sizeof path, "%s/STATUS.txt", dir);
    assert_int_equal(fs_durable_create(path, "x", 1, 0644), EEXIST);
    assert_string_equal(text_of("STATUS.txt"), "old");
}

static void test_create_io_error_at_fsync_removes_file(void **state)
{
    char path[128];
    snprintf(path, sizeof path, "%s/part", dir);
    fail_fsync = EIO;
    assert_int_equal(fs_durable_create(path, "abc", 3, 0644), EIO);
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(entries(), 1);
}

static void test_sync_dir_cannot_sync_folder_counts_as_done(void **state)
{
    fail_fsync = EINVAL;
    assert_int_equal(fs_durable_sync_dir(dir), 0);
    fail_fsync = EIO;
    assert_int_equal(fs_durable_sync_dir(dir), EIO);
    fail_fsync = 0;
    assert_int_equal(fs_durable_sync_dir(dir), 0);
}

static void test_sync_dir_missing_folder_says_so(void **state)
{
    char gone[128];
    snprintf(gone, sizeof gone, "%s/gone", dir);
    assert_int_equal(fs_durable_sync_dir(gone), ENOENT);
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_replace_writes_whole_new_text),
        T(test_replace_disk_full_at_write_keeps_old),
        T(test_replace_io_error_at_fsync_keeps_old),
        T(test_replace_disk_full_at_close_keeps_old),
        T(test_replace_rename_refused_keeps_old),
        T(test_replace_short_and_interrupted_writes_complete),
        T(test_replace_write_taking_nothing_is_disk_full),
        T(test_replace_stale_temp_from_crash_replaced),
        T(test_replace_link_at_temp_not_followed),
        T(test_replace_folder_gone_says_so),
        T(test_replace_name_too_long_refused),
        T(test_replace_sets_mode),
        T(test_create_existing_file_refused_untouched),
        T(test_create_io_error_at_fsync_removes_file),
        T(test_sync_dir_cannot_sync_folder_counts_as_done),
        T(test_sync_dir_missing_folder_says_so),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
