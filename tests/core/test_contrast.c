/* test_contrast.c — the WCAG 2.x maths against pairs whose ratio is known
 * (black on white 21:1, #777 on white just under 4.5:1, #767676 just over,
 * #595959 7:1, red on white 4:1), and the ratio's symmetry. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <cmocka.h>

#include "contrast.h"

static double ratio(unsigned hex_a, unsigned hex_b)
{
    double a = contrast_luminance((unsigned char)(hex_a >> 16), (unsigned char)(hex_a >> 8),
                                  (unsigned char)hex_a);
    double b = contrast_luminance((unsigned char)(hex_b >> 16), (unsigned char)(hex_b >> 8),
                                  (unsigned char)hex_b);
    return contrast_ratio_lum(a, b);
}

static void test_contrast_luminance_ends_and_primaries(void **state)
{
    (void)state;
    assert_true(contrast_luminance(0, 0, 0) == 0.0);
    assert_float_equal(contrast_luminance(255, 255, 255), 1.0, 1e-9);
    assert_float_equal(contrast_luminance(255, 0, 0), 0.2126, 1e-9);
    assert_float_equal(contrast_luminance(0, 255, 0), 0.7152, 1e-9);
    assert_float_equal(contrast_luminance(0, 0, 255), 0.0722, 1e-9);
    /* Below the knee the channel is linear: 10/255/12.92. */
    assert_float_equal(contrast_luminance(10, 10, 10), 10 / 255.0 / 12.92, 1e-12);
    /* Mid grey is far darker than half: the sRGB curve. */
    assert_float_equal(contrast_luminance(128, 128, 128), 0.2158605, 1e-6);
}

static void test_contrast_known_pairs(void **state)
{
    (void)state;
    assert_float_equal(ratio(0x000000, 0xffffff), 21.0, 1e-9);
    assert_float_equal(ratio(0x777777, 0xffffff), 4.478, 1e-3);
    assert_true(ratio(0x777777, 0xffffff) < CONTRAST_MIN_TEXT);
    assert_float_equal(ratio(0x767676, 0xffffff), 4.542, 1e-3);
    assert_true(ratio(0x767676, 0xffffff) >= CONTRAST_MIN_TEXT);
    assert_float_equal(ratio(0x595959, 0xffffff), 7.005, 1e-3);
    assert_float_equal(ratio(0xff0000, 0xffffff), 3.998, 1e-3);
    /* The bundled kiosk.ini's text on ground, as its note says. */
    assert_float_equal(ratio(0xf7efe3, 0x122a2c), 13.21, 1e-2);
}

static void test_contrast_same_colour_and_either_order(void **state)
{
    (void)state;
    assert_float_equal(ratio(0x284140, 0x284140), 1.0, 1e-12);
    assert_float_equal(ratio(0xffffff, 0x000000), ratio(0x000000, 0xffffff), 1e-12);
    assert_float_equal(ratio(0xe8b07a, 0x122a2c), ratio(0x122a2c, 0xe8b07a), 1e-12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contrast_luminance_ends_and_primaries),
        cmocka_unit_test(test_contrast_known_pairs),
        cmocka_unit_test(test_contrast_same_colour_and_either_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
