/* test_visits_powercut.c — a power cut at every step of writing the visit
 * counts (each write, fsync, close, rename and the folder's fsync, through
 * the linker's --wrap, CMakeLists.txt): from the cut on nothing reaches the
 * disk and nothing is cleaned up, and the file read at the next start holds
 * the last complete hour, whole. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "visits.h"
#include "visits_file.h"

/* ---- the cut: calls from number cut_at on fail as if never made ---- */

static int calls, cut_at;   /* cut_at 0: no cut */

static int cut(void)
{
    calls++;
    if (cut_at && calls >= cut_at) {
        errno = EIO;
        return 1;
    }
    return 0;
}

ssize_t __real_write(int fd, const void *p, size_t n);
int __real_fsync(int fd);
int __real_close(int fd);
int __real_rename(const char *from, const char *to);
int __real_unlink(const char *path);

ssize_t __wrap_write(int fd, const void *p, size_t n)
{
    return cut() ? -1 : __real_write(fd, p, n);
}

int __wrap_fsync(int fd)
{
    return cut() ? -1 : __real_fsync(fd);
}

int __wrap_close(int fd)
{
    int r = __real_close(fd);   /* the descriptor goes either way */
    return cut() ? -1 : r;
}

int __wrap_rename(const char *from, const char *to)
{
    return cut() ? -1 : __real_rename(from, to);
}

int __wrap_unlink(const char *path)
{
    /* After the cut the program is gone: its clean-up never happens. */
    return cut_at && calls >= cut_at ? 0 : __real_unlink(path);
}

static char dir[64];
static visits V, R;
static unsigned char buf[VISITS_MAX_FILE_BYTES];

static int setup(void **state)
{
    calls = cut_at = 0;
    visits_init(&V);
    strcpy(dir, "/tmp/kiosk-visits-cut-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    char cmd[128];
    cut_at = 0;
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

static visits_clock at(int32_t date, int hour, int minute)
{
    return (visits_clock){(uint64_t)visits_day_number(date) * 86400000u +
                              (uint64_t)(hour * 60 + minute) * 60000u,
                          date, hour};
}

/* An hour of visitors: n sessions of a topic page each. */
static void hour_of_visits(int32_t date, int hour, int n)
{
    for (int i = 0; i < n; i++) {
        visits_clock c = at(date, hour, i);
        visits_touch_down(&V, c);
        visits_count_events(&V, VE_SESSION_START, NULL, c);
        visits_count_events(&V, VE_TOPIC | VE_PAGE, "massage", c);
        c.mono_ms += 30000;
        visits_count_events(&V, VE_SESSION_END, NULL, c);
    }
}

static uint32_t sessions_read_back(void)
{
    char why[160] = "";
    if (visits_load(&R, dir, why, sizeof why) != 0)
        fail_msg("the file after the cut was refused: %s", why);
    uint32_t n = 0;
    for (int i = 0; i < R.ndays; i++)
        n += R.day[i].n[VC_SESSIONS];
    return n;
}

/* Steps (counted calls) of one whole save. */
static int steps_of_a_save(void)
{
    calls = 0;
    assert_int_equal(visits_save(&V, dir, buf, sizeof buf), 0);
    return calls;
}

static void test_cut_at_every_step_leaves_last_complete_hour(void **state)
{
    hour_of_visits(20261202, 9, 3);
    int steps = steps_of_a_save();   /* 09:00-10:00 written: 3 sessions */
    assert_true(steps >= 5);
    hour_of_visits(20261202, 10, 4);   /* 10:00-11:00: 7 in all, being written */
    int renamed = 0;
    for (int k = 1; k <= steps + 1; k++) {
        calls = 0;
        cut_at = k;
        int e = visits_save(&V, dir, buf, sizeof buf);
        cut_at = 0;
        uint32_t n = sessions_read_back();
        if (n == 7) {
            renamed = 1;   /* the rename reached the disk: the new hour, whole */
        } else {
            assert_int_equal(n, 3);   /* else the hour before, whole */
            assert_int_not_equal(e, 0);
            assert_false(renamed);    /* never the old one after the new */
        }
    }
    assert_true(renamed);
    /* the next save after the restart writes over any temp file left */
    assert_int_equal(visits_save(&V, dir, buf, sizeof buf), 0);
    assert_int_equal(sessions_read_back(), 7);
}

static void test_cut_in_first_save_leaves_no_file_and_a_fresh_start(void **state)
{
    hour_of_visits(20261202, 9, 2);
    for (int k = 1; k <= 3; k++) {
        calls = 0;
        cut_at = k;
        assert_int_not_equal(visits_save(&V, dir, buf, sizeof buf), 0);
        cut_at = 0;
        assert_int_equal(sessions_read_back(), 0);
    }
}

int main(void)
{
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
    const struct CMUnitTest tests[] = {
        T(test_cut_at_every_step_leaves_last_complete_hour),
        T(test_cut_in_first_save_leaves_no_file_and_a_fresh_start),
    };
#undef T
    return cmocka_run_group_tests(tests, NULL, NULL);
}
