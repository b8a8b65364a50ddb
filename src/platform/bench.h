/* bench.h — kiosk --bench: measures start-up, layout, frames, memory, heap
 * allocations per frame and idle CPU of the real program and prints them as
 * "name: value unit" lines (issue 9; tests/bench/budget.sh checks them). */
#ifndef KIOSK_BENCH_H
#define KIOSK_BENCH_H

/* Runs every measurement for content_dir at w x h on $DISPLAY (else SDL's
 * offscreen driver). quick: fewer repeats and a shorter idle window, for CI.
 * Start-up and the idle window are measured in child processes running the
 * real main loop (the same binary, re-executed). Returns the exit status. */
int bench_main(const char *content_dir, const char *assets_arg, int w, int h, int quick);

#endif
