/* content.c — content_load(): scans the content folder and drives the load:
 * kiosk.ini, then the topic files, through the fs interface; every problem
 * goes to the load's diagnostics sink (content_diag.c). */
#include "content_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- the folder ---- */

typedef struct name_list {
    content_loader *L;
    const char **names;
    int n, seen;
    int dropped;   /* content-like names past KIOSK_MAX_DIR_ENTRIES */
} name_list;

static int ends_with(const char *s, const char *tail, int icase);
static const char *conflict_mark(const char *n);

/* Only names that could be content are kept (classify() says what each
 * is), so photos or backups by the thousand do not push topics out; and
 * Syncthing's conflict copies, which staff must hear about. */
static void list_each(void *u, const char *name)
{
    name_list *nl = u;
    if (++nl->seen > KIOSK_MAX_DIR_SCAN)
        return;
    if (!ends_with(name, ".md", 1) && !ends_with(name, ".ini", 1) &&
        !conflict_mark(name))
        return;
    if (nl->n >= KIOSK_MAX_DIR_ENTRIES) {
        nl->dropped++;
        return;
    }
    const char *copy = arena_strdup(&nl->L->s->arena, name);
    if (copy)
        nl->names[nl->n++] = copy;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int ends_with(const char *s, const char *tail, int icase)
{
    size_t n = strlen(s), m = strlen(tail);
    if (n < m)
        return 0;
    return icase ? !strcasecmp(s + n - m, tail) : !strcmp(s + n - m, tail);
}

/* Editor leftovers, macOS and Windows droppings, the staff guide: never
 * mentioned, because staff did not mean them as content. */
static int name_ignored(const char *n)
{
    return n[0] == '.' || ends_with(n, "~", 0) || ends_with(n, ".swp", 1) ||
           !strncmp(n, "~$", 2) || ends_with(n, ".tmp", 1) ||
           !strcasecmp(n, "README.md") || !strcmp(n, "STATUS.txt");
}

/* Where a Syncthing conflict copy's mark starts in n, or NULL. Syncthing
 * keeps both sides of a file changed on two computers at once: the loser
 * as NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT beside NAME.EXT. */
static const char *conflict_mark(const char *n)
{
    static const char mark[] = ".sync-conflict-";
    for (const char *p = strstr(n, mark); p; p = strstr(p + 1, mark)) {
        const char *d = p + sizeof mark - 1;
        int ok = 1;
        for (int i = 0; i < 15 && ok; i++)
            ok = i == 8 ? d[i] == '-' : isdigit((unsigned char)d[i]);
        if (ok && d[15] == '-' && d[16] && d[16] != '.')
            return p;
    }
    return NULL;
}

/* A conflict copy is never content: staff hear which file it belongs to
 * and what to do, until one of the two is deleted. */
static void conflict_report(content_loader *L, const char *n, const char *mark)
{
    const char *dev = mark + sizeof ".sync-conflict-YYYYMMDD-HHMMSS" - 1;
    const char *ext = strchr(dev + 1, '.');
    int base = (int)(mark - n);
    if (!ext)
        ext = "";
    loader_file_begin(L, n, 2);
    if (!strncmp(n, "STATUS", (size_t)base) && base == 6 && !strcmp(ext, ".txt"))
        loader_diag_add(L, DIAG_WARNING, 0, "not used: an old STATUS.txt that "
                        "Syncthing kept because two computers wrote it at the "
                        "same time; delete this copy");
    else
        loader_diag_add(L, DIAG_WARNING, 0, "not shown: a copy Syncthing kept "
                        "because %.*s%s was changed on two computers at the same "
                        "time. Compare the two files, put the text you want in "
                        "%.*s%s, then delete this copy", base, n, ext, base, n, ext);
    loader_file_end(L);
}

/* "10-runners-knee.md": digits, a dash, a name, ".md". */
static int name_is_topic(const char *n)
{
    const char *p = n;
    while (isdigit((unsigned char)*p))
        p++;
    if (p == n || *p != '-')
        return 0;
    size_t rest = strlen(p + 1);
    return rest > 3 && ends_with(p + 1, ".md", 1);
}

static const char *topic_name(content_loader *L, const char *file)
{
    const char *p = strchr(file, '-') + 1;
    return arena_strndup(&L->s->arena, p, strlen(p) - 3);
}

static void topics_add(content_loader *L, const char **files, int n)
{
    content_snapshot *s = L->s;
    int keep = n < KIOSK_MAX_TOPICS ? n : KIOSK_MAX_TOPICS;
    s->topics = arena_alloc(&s->arena, sizeof *s->topics * (size_t)(keep + 1));
    if (!s->topics)
        return;
    for (int i = 0; i < n; i++) {
        loader_file_begin(L, files[i], 2 + i);
        if (i >= KIOSK_MAX_TOPICS) {
            loader_diag_add(L, DIAG_ERROR, 0,
                "not shown: there are more than %d topic files, more than a "
                "menu can show; join or remove some", KIOSK_MAX_TOPICS);
            loader_file_end(L);
            continue;
        }
        content_topic *t = &s->topics[s->ntopics++];
        t->file = files[i];
        t->name = topic_name(L, files[i]);
        if (!strcasecmp(t->name ? t->name : "", "faq"))
            t->kind = TOPIC_FAQ;
        else if (!strcasecmp(t->name ? t->name : "", "reviews"))
            t->kind = TOPIC_REVIEWS;
        t->in_loop = 1;
        content_md_load(L, t);
        loader_file_end(L);
    }
}

/* [loop] topics = all, or a list of file names: only those are in the loop. */
static void loop_resolve(content_loader *L)
{
    content_snapshot *s = L->s;
    const char *v = L->loop_topics;
    if (!v || !strcasecmp(v, "all"))
        return;
    loader_file_begin(L, "kiosk.ini", 1);
    for (int i = 0; i < s->ntopics; i++)
        s->topics[i].in_loop = 0;
    while (*v) {
        while (*v == ',' || *v == ' ' || *v == '\t')
            v++;
        const char *e = v;
        while (*e && *e != ',')
            e++;
        const char *end = e;
        while (end > v && (end[-1] == ' ' || end[-1] == '\t'))
            end--;
        if (end > v) {
            int found = 0;
            for (int i = 0; i < s->ntopics; i++) {
                const char *f = s->topics[i].file;
                if (strlen(f) == (size_t)(end - v) && !strncmp(f, v, (size_t)(end - v))) {
                    s->topics[i].in_loop = 1;
                    found = 1;
                }
            }
            if (!found)
                loader_diag_add(L, DIAG_ERROR, L->loop_topics_line,
                    "topics: %.*s is not a topic file in this folder; write the "
                    "file names exactly (like 10-runners-knee.md), or all",
                    (int)(end - v), v);
        }
        v = e;
    }
    loader_file_end(L);
}

static void classify(content_loader *L, const char **names, int n, int partial)
{
    const char **topics = malloc(sizeof *topics * (size_t)(n + 1));
    if (!topics)
        return;
    int ntopics = 0, have_ini = 0;
    for (int i = 0; i < n; i++) {
        const char *nm = names[i];
        const char *mark = conflict_mark(nm);
        if (!strcmp(nm, "kiosk.ini")) {
            have_ini = 1;
        } else if (name_ignored(nm)) {
            continue;
        } else if (mark) {
            conflict_report(L, nm, mark);
            continue;
        } else if (name_is_topic(nm)) {
            topics[ntopics++] = nm;
        } else if (ends_with(nm, ".md", 1)) {
            loader_file_begin(L, nm, 2);
            loader_diag_add(L, DIAG_WARNING, 0, "not shown: a topic file name "
                            "starts with a number, like 40-massage.md");
        } else if (ends_with(nm, ".ini", 1)) {
            loader_file_begin(L, nm, 1);
            loader_diag_add(L, DIAG_WARNING, 0, "not used: the kiosk reads its "
                            "settings only from a file named kiosk.ini");
        }
    }
    loader_file_begin(L, "kiosk.ini", 1);
    if (have_ini)
        content_ini_load(L);
    else
        loader_diag_add(L, DIAG_ERROR, 0, "the settings file is missing; put "
                        "kiosk.ini (the spa's name, colours and screen words) "
                        "in the content folder");
    loader_file_end(L);
    topics_add(L, topics, ntopics);
    free(topics);
    loader_file_begin(L, CONTENT_FOLDER, 0);
    if (ntopics == 0 && partial)
        loader_diag_add(L, DIAG_ERROR, 0, "no topic files among the first %d "
                        "files the kiosk looked at; move what is not content "
                        "out of the folder", KIOSK_MAX_DIR_SCAN);
    else if (ntopics == 0)
        loader_diag_add(L, DIAG_ERROR, 0, "no topic files; add one named like "
                        "10-welcome.md (see README.md)");
    loader_file_end(L);
}

static void scan(content_loader *L)
{
    name_list nl = { L, NULL, 0, 0, 0 };
    nl.names = arena_alloc(&L->s->arena, sizeof *nl.names * KIOSK_MAX_DIR_ENTRIES);
    if (!nl.names)
        return;
    fs_status st = L->fs->list(L->fs->ctx, L->dir, list_each, &nl);
    loader_file_begin(L, CONTENT_FOLDER, 0);
    if (st != FS_OK) {
        loader_diag_add(L, DIAG_ERROR, 0, "%s cannot be read: %s", L->dir,
                        st == FS_NOT_FOUND ? "there is no such folder"
                        : st == FS_DENIED ? "the kiosk is not allowed to read it"
                        : st == FS_NOT_REGULAR ? "it is not a folder"
                        : "the disk could not be read");
        return;
    }
    int partial = nl.seen > KIOSK_MAX_DIR_SCAN || nl.dropped > 0;
    if (nl.seen > KIOSK_MAX_DIR_SCAN)
        loader_diag_add(L, DIAG_ERROR, 0, "the folder holds more than %d files; "
                        "the kiosk looked at the first %d only, so topics may be "
                        "missing. Move what is not content (photos, backups) "
                        "elsewhere", KIOSK_MAX_DIR_SCAN, KIOSK_MAX_DIR_SCAN);
    else if (nl.dropped > 0)
        loader_diag_add(L, DIAG_ERROR, 0, "the folder holds more than %d files "
                        "ending in .md or .ini; only the first ones were looked "
                        "at. Move what is not content elsewhere",
                        KIOSK_MAX_DIR_ENTRIES);
    else if (nl.seen > KIOSK_MAX_DIR_ENTRIES)
        loader_diag_add(L, DIAG_WARNING, 0, "the folder holds %d files; the "
                        "kiosk needs only kiosk.ini, the topic files and the "
                        "images folder. Move the rest elsewhere: every check "
                        "reads past them", nl.seen);
    qsort(nl.names, (size_t)nl.n, sizeof *nl.names, name_cmp);
    classify(L, nl.names, nl.n, partial);
}

/* Cards and images of topics that can be shown. */
static void count_usable(content_snapshot *s)
{
    for (int i = 0; i < s->ntopics; i++) {
        content_topic *t = &s->topics[i];
        if (t->nerrors)
            continue;
        s->ncards += t->ncards;
        for (int c = 0; c < t->ncards; c++)
            for (int b = 0; b < t->cards[c].nblocks; b++)
                s->nimages += t->cards[c].blocks[b].kind == BLOCK_IMAGE;
    }
}

content_snapshot *content_load(const char *dir, const kiosk_fs *fs)
{
    content_snapshot *s = calloc(1, sizeof *s);
    if (!s)
        return NULL;
    arena_init(&s->arena, KIOSK_MAX_SNAPSHOT_BYTES);
    content_loader L = { .s = s, .fs = fs, .dir = dir };
    int no_diags = content_diags_init(&L.diag, s);
    L.buf = malloc(KIOSK_MAX_FILE_BYTES + 1);
    L.bufcap = KIOSK_MAX_FILE_BYTES + 1;
    L.imgbuf = malloc(KIOSK_IMAGE_HEAD_BYTES);
    L.images = malloc(sizeof *L.images * KIOSK_MAX_IMAGES);
    if (no_diags || !L.buf || !L.imgbuf || !L.images) {
        content_diags_fini(&L.diag);
        free(L.buf), free(L.imgbuf), free(L.images);
        content_free(s);
        return NULL;
    }
    scan(&L);
    loop_resolve(&L);
    if (s->arena.failed) {
        loader_file_begin(&L, CONTENT_FOLDER, 0);
        loader_diag_add(&L, DIAG_ERROR, 0, "there is more content than the "
                        "kiosk can hold in memory; remove some topics or cards");
    }
    count_usable(s);
    content_diags_finish(&L.diag);
    content_diags_fini(&L.diag);
    free(L.buf), free(L.imgbuf), free(L.images);
    return s;
}

void content_free(content_snapshot *s)
{
    if (!s)
        return;
    arena_fini(&s->arena);
    free(s);
}

int content_usable(const content_snapshot *s)
{
    return s && s->nerrors == 0;
}
