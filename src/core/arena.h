/* arena.h — bump allocator: everything built from one content snapshot lives in
 * one arena and is freed in one call. */
#ifndef KIOSK_ARENA_H
#define KIOSK_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head;   /* newest block first */
    size_t used;         /* bytes handed out in all blocks, for figures */
    size_t limit;        /* total bytes this arena may take; 0 = no limit */
    int failed;          /* set once an allocation was refused */
} arena;

void arena_init(arena *a, size_t limit);
void arena_fini(arena *a);
/* Zeroed memory aligned for any type, or NULL when the limit is reached. */
void *arena_alloc(arena *a, size_t size);
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
