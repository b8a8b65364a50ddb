/* content_internal.h — what the content loader's files (content.c,
 * content_text.c, content_ini.c, content_settings.c, content_md*.c,
 * content_image.c) share; not for use outside src/core/content*.c. */
#ifndef KIOSK_CONTENT_INTERNAL_H
#define KIOSK_CONTENT_INTERNAL_H

#include <stddef.h>

#include "content.h"
#include "content_diag.h"

/* One image file already looked at during this load. */
typedef struct loader_image {
    const char *path;
    int w, h;
    const char *problem;   /* NULL when fine, else the message to repeat */
    int over_total;        /* took the pictures past KIOSK_MAX_PICTURES_BYTES */
} loader_image;

/* Everything one content_load() call works with. */
typedef struct content_loader {
    content_snapshot *s;
    const kiosk_fs *fs;
    const char *dir;
    char *buf;             /* scratch: one file's bytes at a time */
    unsigned char *imgbuf; /* scratch: KIOSK_IMAGE_HEAD_BYTES of one image */
    size_t bufcap;

    content_diags diag;    /* every problem reported so far */

    loader_image *images;  /* KIOSK_MAX_IMAGES slots */
    int nimages_seen;
    size_t image_bytes;    /* of the pictures seen without a problem */
    int slow_pictures;     /* decodes that ran into the time bound */

    content_settings *settings;   /* where kiosk.ini's values go: the
                                     snapshot's, or a translation's labels */
    const char *ini_file;  /* the kiosk.ini being read ("es/kiosk.ini") */
    int translation;       /* reading a translation's kiosk.ini: [labels] only */
    const char **lang_dirs;   /* folders named like a language, by name */
    int nlang_dirs;

    int total_cards;       /* cards in all topics so far, for KIOSK_MAX_CARDS */
    const char *loop_topics;   /* [loop] topics as written, resolved at the end */
    int loop_topics_line;
    int booking_card_line;     /* line of [booking] card, for its warning */
} content_loader;

/* The parsers report into the load's sink (content_diag.h): at the file
 * begun last, 1-based line or 0. */
#define loader_diag_add(L, ...) content_diags_add(&(L)->diag, __VA_ARGS__)
static inline void loader_file_begin(content_loader *L, const char *file, int rank)
{
    content_diags_file_begin(&L->diag, file, rank);
}
static inline void loader_file_end(content_loader *L)
{
    content_diags_file_end(&L->diag);
}

/* Text checks shared by kiosk.ini and topic files (content_text.c). */
typedef struct content_text {
    char *text;        /* normalised in place: no BOM, '\n' line ends */
    size_t len;
    int *line_start;   /* malloc'd: byte offset where line i+1 starts */
    int nlines;
} content_text;

/* Strips a UTF-8 BOM, turns CRLF and CR into LF, builds the line table.
 * Returns 0, or -1 when out of memory. */
int content_text_init(content_text *t, char *buf, size_t len);
void content_text_fini(content_text *t);
/* 1-based line of byte offset off (clamped into the text). */
int content_text_line_of(const content_text *t, size_t off);
/* Start and length of 1-based line n, without its '\n'. */
const char *content_text_line(const content_text *t, int n, size_t *len);
/* Nonzero when the text looks like a binary file (a picture, a program)
 * rather than text with a few bad bytes. */
int content_text_is_binary(const char *buf, size_t len);
/* Offset of the first byte in s[0..len) that is not valid UTF-8, or len. */
size_t content_utf8_check(const char *s, size_t len);
/* Code points in valid UTF-8 s[0..len). */
int content_utf8_count(const char *s, size_t len);
/* A check of one line's content (valid UTF-8, no NUL) that reports its
 * own problem and returns nonzero when it found one. */
typedef int (*content_line_check)(content_loader *L, int line, const char *s,
                                  size_t len);
/* Reports NUL bytes and bad UTF-8, then extra's problem, then lines longer
 * than maxline bytes: at most one per line. Returns the problems found.
 * Control characters (ESC, BEL, ...) are only warned about: they become
 * blanks in t->text, so no parser or screen ever sees them. */
int content_text_check_lines(content_loader *L, const content_text *t,
                             size_t maxline, content_line_check extra);
/* Message for a file the fs could not hand over. */
const char *content_fs_problem(fs_status st);
/* "123 KB" / "4 MB", for messages about sizes. */
const char *content_size_words(content_loader *L, size_t bytes);

/* "&amp;", "&#8220;" into UTF-8 in out; 0 when not one staff would mean. */
size_t content_entity_decode(const char *s, size_t n, char out[4]);

/* kiosk.ini into L->s->settings (content_ini.c). */
void content_ini_load(content_loader *L);
/* A translation's kiosk.ini (rel, like "es/kiosk.ini") into *labels: only
 * [labels] is read, anything else is reported as not used; a missing
 * visitor label is a warning (the default's word shows), a missing
 * language an error. *labels is left zeroed where nothing was set. */
void content_ini_load_labels(content_loader *L, const char *rel,
                             content_settings *labels);

/* Translations (content_lang.c; content_lang_code() is in content.h).
 * Loads every folder of L->lang_dirs into L->s->langs, after the default
 * language's topics; the default language is langs[0]. */
void content_langs_load(content_loader *L);
/* Every colour pair the screens draw against the WCAG contrast minimum;
 * line[] is where each row of the settings table was set (0: default). */
void content_contrast_check(content_loader *L, const int *line);
/* What is wrong with v as [booking] link (not https, http or tel, or too
 * long for the code), or NULL. */
const char *content_booking_link_problem(const char *v);
/* [booking]: the QR code and the cards that show it, once the topics are
 * loaded (content_booking.c). */
void content_booking_resolve(content_loader *L);

/* Reads a topic file into L->buf and checks what md4c must never see
 * (content_mdcheck.c). Returns 0 when *t can be parsed. */
int content_md_read(content_loader *L, const char *file, content_text *t);
/* A line of only -, * or _ (three or more) and blanks: a rule. */
int content_md_is_rule(const char *s, size_t len);

/* A topic's source where md4c gives no position (content_mdsource.c). */
typedef enum content_md_line_kind { MD_LINE_RULE, MD_LINE_HEADING } content_md_line_kind;
/* First line from line from on (past quote and list markers) that is a rule
 * or a heading, looking a bounded way ahead; 0 when none. */
int content_md_find_line(const content_text *t, int from, content_md_line_kind kind);
/* The next "![" at or after byte from, or NULL. */
const char *content_md_find_image(const content_text *t, size_t from);
/* Text md4c handed over holds what looks like HTML ("<b>", "</p>"). */
int content_md_looks_like_html(const char *s, size_t n);
/* Text s[0..n) at line still holds picture or link syntax ("![", "](");
 * reports it as an error saying how to write it and returns 1. */
int content_md_raw_syntax(content_loader *L, const content_text *t, int line,
                          const char *s, size_t n);

/* One topic file into *topic, whose file field is set (content_md.c). */
void content_md_load(content_loader *L, content_topic *topic);

/* Image header (content_image.c). */
typedef enum image_status {
    IMAGE_OK,
    IMAGE_NOT_IMAGE,   /* neither PNG nor JPEG */
    IMAGE_TRUNCATED,   /* PNG/JPEG, but its size was not in the bytes given */
    IMAGE_BAD          /* PNG/JPEG with a broken header */
} image_status;
image_status content_image_size(const unsigned char *p, size_t len,
                                int *w, int *h);
/* Checks images/x.jpg as referenced at line of the current file: a safe
 * relative path, a readable PNG/JPEG within the size bounds. Fills w and h.
 * Returns 0 when fine; otherwise the error has been reported. */
int content_image_check(content_loader *L, int line, const char *path,
                        int *w, int *h);

#endif
