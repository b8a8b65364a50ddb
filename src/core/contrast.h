/* contrast.h — WCAG 2.x relative luminance and contrast ratio of sRGB
 * colours: pure arithmetic, for --check and for the QR code's two colours. */
#ifndef KIOSK_CONTRAST_H
#define KIOSK_CONTRAST_H

/* The smallest contrast WCAG 2.x (1.4.3, level AA) allows: words at body
 * size, and large text (at least 24 px-equivalent, or bold at 18.66). */
#define CONTRAST_MIN_TEXT 4.5
#define CONTRAST_MIN_LARGE 3.0

/* Relative luminance of an 8-bit sRGB colour: 0 (black) to 1 (white). */
double contrast_luminance(unsigned char r, unsigned char g, unsigned char b);
/* (lighter + 0.05) / (darker + 0.05), from 1 to 21, either order. */
double contrast_ratio_lum(double la, double lb);

#endif
