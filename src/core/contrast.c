/* contrast.c — WCAG 2.x relative luminance and contrast ratio. */
#include "contrast.h"

#include <math.h>

/* One sRGB channel made linear. WCAG 2.0 writes the knee as 0.03928, sRGB
 * itself as 0.04045: no 8-bit value lies between them (10/255 = 0.0392,
 * 11/255 = 0.0431), so both give the same for every colour kiosk.ini holds. */
static double linear(unsigned char v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

double contrast_luminance(unsigned char r, unsigned char g, unsigned char b)
{
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

double contrast_ratio_lum(double la, double lb)
{
    double hi = la > lb ? la : lb, lo = la > lb ? lb : la;
    return (hi + 0.05) / (lo + 0.05);
}
