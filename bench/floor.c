/*
 * The benchmark floor: the least work any indexer of a vault must do.
 *
 *     floor VAULT
 *
 * Walks VAULT recursively (not following symlinks, skipping dot-folders such as
 * .between/ and .git/), reads every *.md file, skips its front matter (from a
 * first line "---" to the next line "---" or "..."), parses the rest with
 * libcmark and frees the tree. Prints only the number of files parsed.
 * Single-threaded on purpose: it is the plain C program the performance targets
 * (docs/conventions.md, "Performance targets") measure against.
 *
 * Build: gcc -O2 -o floor floor.c $(pkg-config --cflags --libs libcmark)
 */
#include <cmark.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static long parsed = 0;

static int ends_with(const char *s, const char *suffix) {
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Is the line at p (of length len, without its newline) exactly `mark`, allowing a trailing \r? */
static int is_line(const char *p, size_t len, const char *mark) {
    size_t m = strlen(mark);
    if (len > 0 && p[len - 1] == '\r') len--;
    return len == m && memcmp(p, mark, m) == 0;
}

/* Offset of the body: after the closing front-matter line, or 0 when there is none (or it is unclosed). */
static size_t body_offset(const char *buf, size_t size) {
    size_t start = (size >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
    const char *nl = memchr(buf + start, '\n', size - start);
    if (!nl || !is_line(buf + start, (size_t)(nl - buf) - start, "---")) return 0;
    size_t line = (size_t)(nl - buf) + 1;
    while (line < size) {
        nl = memchr(buf + line, '\n', size - line);
        size_t end = nl ? (size_t)(nl - buf) : size;
        if (is_line(buf + line, end - line, "---") || is_line(buf + line, end - line, "..."))
            return nl ? end + 1 : size;
        line = end + 1;
    }
    return 0;
}

static void parse_file(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return;
    struct stat st;
    if (fstat(fileno(f), &st) != 0) { fclose(f); return; }
    size_t size = (size_t)st.st_size;
    char *buf = malloc(size + 1);
    size_t got = buf ? fread(buf, 1, size, f) : 0;
    fclose(f);
    if (!buf) return;
    size_t off = body_offset(buf, got);
    cmark_node *doc = cmark_parse_document(buf + off, got - off, CMARK_OPT_DEFAULT);
    cmark_node_free(doc);
    free(buf);
    parsed++;
}

static void walk(const char *dir) {
    DIR *d = opendir(dir);
    if (!d) return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.') continue; /* ., .., .between, .git, other dot-folders */
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *path = malloc(len);
        snprintf(path, len, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode)) walk(path);
            else if (S_ISREG(st.st_mode) && ends_with(e->d_name, ".md")) parse_file(path);
        }
        free(path);
    }
    closedir(d);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: floor VAULT\n");
        return 2;
    }
    walk(argv[1]);
    printf("%ld\n", parsed);
    return 0;
}
