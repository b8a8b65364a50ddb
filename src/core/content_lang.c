/* content_lang.c — translations: each folder beside the topics named by a
 * language code (es, fr, zh-Hant) holds the same topic files and a kiosk.ini
 * of [labels]; each is loaded into the snapshot and matched with the
 * default language's topics, cards (by position) and labels. */
#include "content_internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Where a language's problems sort: after every file of the content folder
 * (ranks 0 .. KIOSK_MAX_DIR_ENTRIES + 1), then its folder, its kiosk.ini,
 * its topics in menu order and its files with no counterpart. */
#define LANG_RANK(l) (2 + (KIOSK_MAX_DIR_ENTRIES + 4) * (l))

/* Two lowercase letters (an ISO 639-1 code: es, fr, vi), then optionally
 * parts of two to eight letters or digits after a dash (a script or a
 * region: zh-Hant, pt-BR, es-419). A three-letter code (ISO 639-2/3:
 * haw, yue) needs such a part too (haw-US, yue-HK), so folders staff name
 * "old", "new" or "tmp" are never taken for a language; "images" is
 * longer. */
int content_lang_code(const char *name)
{
    const char *p = name;
    while (islower((unsigned char)*p))
        p++;
    if (p - name < 2 || p - name > 3 || (p - name == 3 && *p != '-'))
        return 0;
    while (*p == '-') {
        const char *q = ++p;
        while (isalnum((unsigned char)*p))
            p++;
        if (p - q < 2 || p - q > 8)
            return 0;
    }
    return *p == '\0';
}

/* The names in one translation folder that could be content, sorted;
 * scratch memory (only the names used are copied into the snapshot). */
typedef struct lang_names {
    char **names;
    int n, seen, dropped;
} lang_names;

static int ends_with_icase(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    return n >= m && !strcasecmp(s + n - m, tail);
}

static void names_each(void *u, const char *name)
{
    lang_names *ln = u;
    if (++ln->seen > KIOSK_MAX_DIR_SCAN || name[0] == '.' ||
        (!ends_with_icase(name, ".md") && !ends_with_icase(name, ".ini")) ||
        !strcasecmp(name, "README.md"))
        return;
    if (ln->n >= KIOSK_MAX_DIR_ENTRIES) {
        ln->dropped++;
        return;
    }
    char *copy = strdup(name);
    if (copy)
        ln->names[ln->n++] = copy;
}

static int names_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void names_free(lang_names *ln)
{
    for (int i = 0; i < ln->n; i++)
        free(ln->names[i]);
    free(ln->names);
}

/* Lists folder code; reports what is wrong with the folder as a whole.
 * Returns -1 when it is not a folder (a file named "es": not ours). */
static int names_read(content_loader *L, const char *code, lang_names *ln)
{
    memset(ln, 0, sizeof *ln);
    char *path = arena_printf(&L->s->arena, "%s/%s", L->dir, code);
    ln->names = malloc(sizeof *ln->names * KIOSK_MAX_DIR_ENTRIES);
    if (!path || !ln->names)
        return -1;
    fs_status st = L->fs->list(L->fs->ctx, path, names_each, ln);
    if (st == FS_NOT_REGULAR || st == FS_NOT_FOUND)
        return -1;
    if (st != FS_OK)
        loader_diag_add(L, DIAG_ERROR, 0, "this translation folder cannot be "
                        "read (%s); the kiosk shows the content folder's words "
                        "until it can", content_fs_problem(st));
    else if (ln->seen > KIOSK_MAX_DIR_SCAN || ln->dropped)
        loader_diag_add(L, DIAG_ERROR, 0, "this translation folder holds more "
                        "than %d files; only the first were looked at. Keep only "
                        "kiosk.ini and the translated topic files in it",
                        ln->seen > KIOSK_MAX_DIR_SCAN ? KIOSK_MAX_DIR_SCAN
                                                      : KIOSK_MAX_DIR_ENTRIES);
    qsort(ln->names, (size_t)ln->n, sizeof *ln->names, names_cmp);
    return 0;
}

static int names_has(const lang_names *ln, const char *name)
{
    return bsearch(&name, ln->names, (size_t)ln->n, sizeof *ln->names,
                   names_cmp) != NULL;
}

/* ---- matching a translated topic with its original ---- */

static void lang_file_add(content_lang *g, const char *file)
{
    if (g->files && g->nfiles < 1 + KIOSK_MAX_TOPICS)
        g->files[g->nfiles++] = file;
}

/* What card c (0-based) of topic t is called in a message. */
static const char *card_words(const content_topic *t, int c)
{
    const char *title = t->cards[c].title;
    return title ? title : "(untitled)";
}

/* Cards are matched by position: the same number of cards, in the same
 * order. Returns 1 when they match; otherwise reports the first card that
 * has no partner, in the words staff need to find it. */
static int cards_match(content_loader *L, const content_topic *orig,
                       const content_topic *tr, const char *lang_name)
{
    if (orig->ncards == tr->ncards)
        return 1;
    int fewer = tr->ncards < orig->ncards;
    int c = fewer ? tr->ncards : orig->ncards;
    int more = (fewer ? orig->ncards : tr->ncards) - c - 1;
    char also[64] = "";
    if (more > 0)
        snprintf(also, sizeof also, " (nor have the %d after it)", more);
    if (fewer)
        loader_diag_add(L, DIAG_WARNING, 0, "has %d cards, %s has %d: the card "
                        "\"%s\" (%s:%d) has no translation%s. Cards are "
                        "matched by their order, so translate it at the same place; "
                        "until then this topic shows in %s", tr->ncards,
                        orig->name, orig->ncards, card_words(orig, c), orig->file,
                        orig->cards[c].line, also, lang_name);
    else
        loader_diag_add(L, DIAG_WARNING, tr->cards[c].line, "has %d cards, %s has "
                        "%d: the card \"%s\"%s has no counterpart in %s. Cards are "
                        "matched by their order, so remove it or add the card "
                        "there; until then this topic shows in %s", tr->ncards,
                        orig->name, orig->ncards, card_words(tr, c), also,
                        orig->file, lang_name);
    return 0;
}

/* Topic i of language g from its file, or the default's where there is
 * none that can stand in its place. */
static void topic_load(content_loader *L, content_lang *g, int i,
                       const lang_names *ln, int rank)
{
    const content_topic *orig = &L->s->topics[i];
    content_topic *t = &g->topics[i];
    const char *def = L->s->langs[0].name ? L->s->langs[0].name
                      : "the content folder's language";
    *t = *orig;
    char *file = arena_printf(&L->s->arena, "%s/%s", g->code, orig->file);
    if (!file)
        return;
    loader_file_begin(L, file, rank);
    if (!names_has(ln, orig->file)) {
        loader_diag_add(L, DIAG_WARNING, 0, "there is no translation of %s; copy "
                        "it into %s/ under the same name and translate it. Until "
                        "then this topic shows in %s", orig->file, g->code, def);
        loader_file_end(L);
        return;
    }
    content_topic tr = { .kind = orig->kind, .file = file, .name = orig->name,
                         .in_loop = orig->in_loop };
    content_md_load(L, &tr);
    if (tr.nerrors == 0 && orig->nerrors == 0 && cards_match(L, orig, &tr, def)) {
        *t = tr;
        g->ntranslated++;
        lang_file_add(g, file);
    }
    loader_file_end(L);
}

/* Files of the folder that match no topic: reported, never shown. Only the
 * first few are named, so a folder of thousands costs a few messages. */
static void extras_report(content_loader *L, content_lang *g, const lang_names *ln,
                          int rank)
{
    int named = 0, more = 0;
    for (int k = 0; k < ln->n; k++) {
        const char *nm = ln->names[k];
        int known = !strcmp(nm, "kiosk.ini");
        for (int i = 0; !known && i < L->s->ntopics; i++)
            known = !strcmp(nm, L->s->topics[i].file);
        if (known)
            continue;
        if (named >= KIOSK_MAX_DIAGS_PER_FILE) {
            more++;
            continue;
        }
        char *file = arena_printf(&L->s->arena, "%s/%s", g->code, nm);
        if (!file)
            return;
        loader_file_begin(L, file, rank + 1 + named++);
        loader_diag_add(L, DIAG_WARNING, 0, "not shown: there is no %s in the "
                        "content folder for this to translate. A translation "
                        "holds the topic files under the same names (and its "
                        "kiosk.ini); rename it to match a topic, or remove it", nm);
        loader_file_end(L);
    }
    if (more) {
        loader_file_begin(L, arena_printf(&L->s->arena, "%s/", g->code),
                          rank + 1 + KIOSK_MAX_DIAGS_PER_FILE);
        loader_diag_add(L, DIAG_WARNING, 0, "%d more files here have no topic in "
                        "the content folder to translate; remove them", more);
        loader_file_end(L);
    }
}

/* The folder's kiosk.ini: its labels over the default's. */
static void labels_load(content_loader *L, content_lang *g, const lang_names *ln,
                        int rank)
{
    const content_settings *def = &L->s->settings;
    memcpy(g->label, def->label, sizeof g->label);
    g->label[LABEL_LANGUAGE] = NULL;
    char *file = arena_printf(&L->s->arena, "%s/kiosk.ini", g->code);
    if (!file)
        return;
    loader_file_begin(L, file, rank);
    if (!names_has(ln, "kiosk.ini")) {
        loader_diag_add(L, DIAG_ERROR, 0, "this translation has no kiosk.ini; "
                        "copy the [labels] part of the content folder's kiosk.ini "
                        "into %s/kiosk.ini, translate the words and add "
                        "language = the language's own name", g->code);
        loader_file_end(L);
        return;
    }
    content_settings *own = malloc(sizeof *own);
    if (!own) {
        loader_diag_add(L, DIAG_ERROR, 0, "out of memory while reading this file");
        loader_file_end(L);
        return;
    }
    content_ini_load_labels(L, file, own);
    lang_file_add(g, file);
    for (int i = 0; i < LABEL_COUNT; i++)
        if (own->label[i])
            g->label[i] = own->label[i];
    free(own);
    loader_file_end(L);
}

static void lang_load(content_loader *L, content_lang *g, int index)
{
    int rank = LANG_RANK(index);
    lang_names ln;
    loader_file_begin(L, arena_printf(&L->s->arena, "%s/", g->code), rank);
    int not_folder = names_read(L, g->code, &ln);
    loader_file_end(L);
    if (not_folder) {
        names_free(&ln);
        return;
    }
    g->topics = arena_alloc(&L->s->arena, sizeof *g->topics * (size_t)(L->s->ntopics + 1));
    g->files = arena_alloc(&L->s->arena, sizeof *g->files * (1 + KIOSK_MAX_TOPICS));
    if (!g->topics) {
        names_free(&ln);
        return;
    }
    labels_load(L, g, &ln, rank + 1);
    g->name = g->label[LABEL_LANGUAGE];
    for (int i = 0; i < L->s->ntopics; i++)
        topic_load(L, g, i, &ln, rank + 2 + i);
    extras_report(L, g, &ln, rank + 2 + L->s->ntopics);
    names_free(&ln);
    L->s->nlangs++;
}

/* Two languages with one name would be two buttons nobody can tell apart. */
static void names_distinct(content_loader *L)
{
    content_snapshot *s = L->s;
    for (int i = 1; i < s->nlangs; i++)
        for (int j = 0; j < i; j++) {
            if (!s->langs[i].name || !s->langs[j].name ||
                strcmp(s->langs[i].name, s->langs[j].name))
                continue;
            loader_file_begin(L, s->langs[i].nfiles ? s->langs[i].files[0]
                                 : s->langs[i].code, LANG_RANK(i) + 1);
            loader_diag_add(L, DIAG_WARNING, 0, "language = %s is also the name "
                            "of %s; give each language its own name as its "
                            "speakers write it", s->langs[i].name,
                            j ? s->langs[j].code : "the content folder's kiosk.ini");
            loader_file_end(L);
            break;
        }
}

static void default_lang(content_snapshot *s, content_lang *g)
{
    g->name = s->settings.label[LABEL_LANGUAGE];
    g->topics = s->topics;
    memcpy(g->label, s->settings.label, sizeof g->label);
    g->ntranslated = s->ntopics;
    s->nlangs = 1;
}

void content_langs_load(content_loader *L)
{
    content_snapshot *s = L->s;
    int n = L->nlang_dirs < KIOSK_MAX_LANGUAGES - 1 ? L->nlang_dirs
                                                    : KIOSK_MAX_LANGUAGES - 1;
    s->langs = arena_alloc(&s->arena, sizeof *s->langs * (size_t)(n + 1));
    if (!s->langs)
        return;
    default_lang(s, &s->langs[0]);
    for (int i = 0; i < L->nlang_dirs; i++) {
        const char *code = L->lang_dirs[i];
        if (s->nlangs >= KIOSK_MAX_LANGUAGES) {
            loader_file_begin(L, arena_printf(&s->arena, "%s/", code),
                              LANG_RANK(KIOSK_MAX_LANGUAGES));
            loader_diag_add(L, DIAG_ERROR, 0, "not shown: the content holds more "
                            "than %d languages, more than a language button can "
                            "offer; remove a translation folder",
                            KIOSK_MAX_LANGUAGES);
            loader_file_end(L);
            continue;
        }
        content_lang *g = &s->langs[s->nlangs];
        memset(g, 0, sizeof *g);
        g->code = code;
        lang_load(L, g, s->nlangs);
    }
    names_distinct(L);
}

content_snapshot content_visitor_view(const content_snapshot *s, int lang, int large)
{
    content_snapshot v = content_view(s, lang);
    content_settings *c = &v.settings;
    v.large_text = large != 0;
    if (large || c->high_contrast) {
        c->ground = c->hc_ground;
        c->surface = c->hc_surface;
        c->text = c->hc_text;
        c->muted = c->hc_muted;
        c->accent = c->hc_accent;
        c->accent_text = c->hc_accent_text;
    }
    return v;
}

content_snapshot content_view(const content_snapshot *s, int lang)
{
    content_snapshot v = *s;
    if (lang <= 0 || lang >= s->nlangs || !s->langs)
        return v;
    const content_lang *g = &s->langs[lang];
    v.lang = lang;
    v.topics = g->topics;
    memcpy(v.settings.label, g->label, sizeof v.settings.label);
    return v;
}
