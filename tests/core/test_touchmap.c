/* test_touchmap.c — touch and mouse land where the turned picture shows the
 * layout, on every supported screen and rotation: checked against a forward
 * turn written independently here (the picture placed as SDL is told to and
 * turned clockwise by a rotation matrix, as SDL_RenderCopyEx draws it). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <cmocka.h>

#include "touchmap.h"

static const int sizes[][2] = {
    {800, 480}, {720, 1280}, {1280, 800}, {1920, 1080}, {3840, 2160},
};
#define NSIZES ((int)(sizeof sizes / sizeof sizes[0]))
static const int turns[] = {0, 90, 180, 270};

static touchmap screen(int i, int rotate)
{
    touchmap t = {sizes[i][0], sizes[i][1], 0, 0, rotate};
    return t;
}

static void layout_size(const touchmap *t, int *w, int *h)
{
    int side = t->rotate % 180 != 0;
    *w = side ? t->out_h : t->out_w;
    *h = side ? t->out_w : t->out_h;
}

/* Where the centre of layout pixel (lx, ly) is drawn on the output: the
 * picture placed centred, turned clockwise about its own centre. */
static void forward(const touchmap *t, int lx, int ly, double *ox, double *oy)
{
    int w, h;
    layout_size(t, &w, &h);
    double cx = (t->out_w - w) / 2 + w / 2.0, cy = (t->out_h - h) / 2 + h / 2.0;
    double a = t->rotate * M_PI / 180.0;
    double vx = lx + 0.5 - w / 2.0, vy = ly + 0.5 - h / 2.0;
    *ox = cx + vx * cos(a) - vy * sin(a);
    *oy = cy + vx * sin(a) + vy * cos(a);
}

static void assert_inside(const touchmap *t, int x, int y)
{
    int w, h;
    layout_size(t, &w, &h);
    assert_in_range(x, 0, w - 1);
    assert_in_range(y, 0, h - 1);
}

static void test_touchmap_rotation_normalised(void **state)
{
    assert_int_equal(touchmap_rotation(0), 0);
    assert_int_equal(touchmap_rotation(90), 90);
    assert_int_equal(touchmap_rotation(270), 270);
    assert_int_equal(touchmap_rotation(-90), 270);
    assert_int_equal(touchmap_rotation(450), 90);
    assert_int_equal(touchmap_rotation(360), 0);
    assert_int_equal(touchmap_rotation(45), 0);
}

static void test_touchmap_layout_size_and_dest(void **state)
{
    touchmap t = {800, 480, 0, 0, 90};
    int x, y, w, h;
    touchmap_layout_size(&t, &w, &h);
    assert_int_equal(w, 480);
    assert_int_equal(h, 800);
    touchmap_dest(&t, &x, &y, &w, &h);
    assert_int_equal(x, 160);
    assert_int_equal(y, -160);
    t.rotate = 180;
    touchmap_dest(&t, &x, &y, &w, &h);
    assert_true(x == 0 && y == 0 && w == 800 && h == 480);
    for (int i = 0; i < NSIZES; i++)
        for (int r = 0; r < 4; r++) {
            touchmap s = screen(i, turns[r]);
            int ew, eh;
            layout_size(&s, &ew, &eh);
            touchmap_layout_size(&s, &w, &h);
            assert_true(w == ew && h == eh);
        }
}

/* 800x480 by hand: the panel's top-left pixel and centre, each turn. */
static void test_touchmap_800x480_by_hand(void **state)
{
    static const struct { int rotate, x, y; } top_left[] = {
        {0, 0, 0}, {90, 0, 799}, {180, 799, 479}, {270, 479, 0},
    };
    for (int i = 0; i < 4; i++) {
        touchmap t = {800, 480, 0, 0, top_left[i].rotate};
        int x, y;
        touchmap_finger(&t, 0.0f, 0.0f, &x, &y);
        assert_int_equal(x, top_left[i].x);
        assert_int_equal(y, top_left[i].y);
        touchmap_mouse(&t, 0, 0, &x, &y);
        assert_int_equal(x, top_left[i].x);
        assert_int_equal(y, top_left[i].y);
        touchmap_finger(&t, 0.5f, 0.5f, &x, &y);
        assert_int_equal(x, t.rotate % 180 ? 240 : 400);
        assert_int_equal(y, t.rotate % 180 ? 400 : 240);
    }
}

/* The layout pixel drawn on panel pixel (px, py), found by search with the
 * forward turn: the one whose centre falls in that pixel. */
static void drawn_at(const touchmap *t, int px, int py, int *x, int *y)
{
    int w, h, found = 0;
    layout_size(t, &w, &h);
    int cand[][2] = {{0, 0}, {w - 1, 0}, {0, h - 1}, {w - 1, h - 1}, {w / 2, h / 2},
                     {w / 2 - 1, h / 2}, {w / 2, h / 2 - 1}, {w / 2 - 1, h / 2 - 1}};
    for (int i = 0; i < 8; i++) {
        double ox, oy;
        forward(t, cand[i][0], cand[i][1], &ox, &oy);
        if ((int)floor(ox) == px && (int)floor(oy) == py) {
            *x = cand[i][0];
            *y = cand[i][1];
            found++;
        }
    }
    assert_int_equal(found, 1);
}

/* The panel's four corners and centre, by finger and by mouse. */
static void test_touchmap_corners_and_centre(void **state)
{
    for (int i = 0; i < NSIZES; i++)
        for (int r = 0; r < 4; r++) {
            touchmap t = screen(i, turns[r]);
            int W = t.out_w, H = t.out_h;
            int pts[][2] = {{0, 0}, {W - 1, 0}, {0, H - 1}, {W - 1, H - 1}, {W / 2, H / 2}};
            for (int p = 0; p < 5; p++) {
                int ex, ey, x, y;
                drawn_at(&t, pts[p][0], pts[p][1], &ex, &ey);
                touchmap_mouse(&t, pts[p][0], pts[p][1], &x, &y);
                assert_int_equal(x, ex);
                assert_int_equal(y, ey);
                touchmap_finger(&t, (pts[p][0] + 0.5f) / W, (pts[p][1] + 0.5f) / H, &x, &y);
                assert_int_equal(x, ex);
                assert_int_equal(y, ey);
            }
        }
}

/* A grid of layout pixels, edges included, drawn forward and touched there,
 * comes back to itself: by finger (SDL's float 0..1) and by mouse. */
static void test_touchmap_round_trip_grid(void **state)
{
    for (int i = 0; i < NSIZES; i++)
        for (int r = 0; r < 4; r++) {
            touchmap t = screen(i, turns[r]);
            int w, h;
            layout_size(&t, &w, &h);
            for (int gy = 0; gy <= 24; gy++)
                for (int gx = 0; gx <= 24; gx++) {
                    int lx = (w - 1) * gx / 24, ly = (h - 1) * gy / 24, x, y;
                    double ox, oy;
                    forward(&t, lx, ly, &ox, &oy);
                    touchmap_finger(&t, (float)(ox / t.out_w), (float)(oy / t.out_h), &x, &y);
                    assert_int_equal(x, lx);
                    assert_int_equal(y, ly);
                    touchmap_mouse(&t, (int)floor(ox), (int)floor(oy), &x, &y);
                    assert_int_equal(x, lx);
                    assert_int_equal(y, ly);
                }
        }
}

/* x = 1.0 (one past the last pixel), off the panel, infinite or NaN from a
 * broken driver: always a pixel inside the layout, at the nearest edge. */
static void test_touchmap_out_of_range_clamped(void **state)
{
    const float odd[] = {1.0f, 1.5f, -0.001f, -3.0f, INFINITY, -INFINITY, NAN, 1e30f};
    for (int i = 0; i < NSIZES; i++)
        for (int r = 0; r < 4; r++) {
            touchmap t = screen(i, turns[r]);
            int x, y, ex, ey;
            for (int a = 0; a < 8; a++)
                for (int b = 0; b < 8; b++) {
                    touchmap_finger(&t, odd[a], odd[b], &x, &y);
                    assert_inside(&t, x, y);
                }
            /* 1.0 is the last pixel, as 0.99999 is; NaN is the 0 edge. */
            touchmap_finger(&t, 1.0f, 1.0f, &x, &y);
            touchmap_finger(&t, 0.99999f, 0.99999f, &ex, &ey);
            assert_true(x == ex && y == ey);
            touchmap_finger(&t, NAN, NAN, &x, &y);
            touchmap_finger(&t, 0.0f, 0.0f, &ex, &ey);
            assert_true(x == ex && y == ey);
            touchmap_finger(&t, -1.0f, 2.0f, &x, &y);
            touchmap_finger(&t, 0.0f, 0.99999f, &ex, &ey);
            assert_true(x == ex && y == ey);
            const int far[] = {-1, -100000, INT32_MIN, t.out_w, INT32_MAX};
            for (int a = 0; a < 5; a++)
                for (int b = 0; b < 5; b++) {
                    touchmap_mouse(&t, far[a], far[b], &x, &y);
                    assert_inside(&t, x, y);
                }
        }
}

/* Mouse point (wx, wy) of a window at scale 2 lands on a layout pixel that
 * is drawn inside that point's 2x2 output pixels. */
static void assert_under_point(const touchmap *t, int wx, int wy)
{
    int x, y;
    double ox, oy;
    touchmap_mouse(t, wx, wy, &x, &y);
    assert_inside(t, x, y);
    forward(t, x, y, &ox, &oy);
    assert_in_range((int)floor(ox), 2 * wx, 2 * wx + 1);
    assert_in_range((int)floor(oy), 2 * wy, 2 * wy + 1);
}

/* HiDPI: a window of 800x480 points drawn at 1600x960 pixels. */
static void test_touchmap_mouse_hidpi_scale_2(void **state)
{
    for (int r = 0; r < 4; r++) {
        touchmap t = {1600, 960, 800, 480, turns[r]};
        for (int wy = 0; wy < 480; wy += 7)
            for (int wx = 0; wx < 800; wx += 7)
                assert_under_point(&t, wx, wy);
        assert_under_point(&t, 799, 479);   /* the window's last point */
        assert_under_point(&t, 799, 0);
        assert_under_point(&t, 0, 479);
    }
    /* No window size known: the same as the output (scale 1). */
    touchmap t = {800, 480, 0, 0, 90};
    int x, y;
    touchmap_mouse(&t, 10, 20, &x, &y);
    assert_int_equal(x, 20);
    assert_int_equal(y, 789);
}

/* An odd-sized panel (801x480) turned on its side: the picture is placed
 * half a pixel off the output's grid, so a pixel centre can fall on a
 * boundary; touch still lands within a pixel of what is drawn there. */
static void test_touchmap_odd_panel_within_a_pixel(void **state)
{
    for (int r = 0; r < 4; r++) {
        touchmap t = {801, 480, 0, 0, turns[r]};
        int w, h;
        layout_size(&t, &w, &h);
        for (int ly = 0; ly < h; ly += 3)
            for (int lx = 0; lx < w; lx += 3) {
                int x, y;
                double ox, oy;
                forward(&t, lx, ly, &ox, &oy);
                touchmap_mouse(&t, (int)floor(ox), (int)floor(oy), &x, &y);
                assert_inside(&t, x, y);
                assert_true(abs(x - lx) <= 1 && abs(y - ly) <= 1);
                touchmap_finger(&t, (float)(ox / t.out_w), (float)(oy / t.out_h), &x, &y);
                assert_true(abs(x - lx) <= 1 && abs(y - ly) <= 1);
            }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_touchmap_rotation_normalised),
        cmocka_unit_test(test_touchmap_layout_size_and_dest),
        cmocka_unit_test(test_touchmap_800x480_by_hand),
        cmocka_unit_test(test_touchmap_corners_and_centre),
        cmocka_unit_test(test_touchmap_round_trip_grid),
        cmocka_unit_test(test_touchmap_out_of_range_clamped),
        cmocka_unit_test(test_touchmap_mouse_hidpi_scale_2),
        cmocka_unit_test(test_touchmap_odd_panel_within_a_pixel),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
