/* tokenizer_source.c - what the tokenizer does to the source before and while reading
 * it: BOM, PEP 263 coding line, newline normalisation, latin-1 transcoding, UTF-8
 * checks, and the Unicode identifier / printable tests (tables in tokenizer_unicode.h). */
#include <ctype.h>
#include <string.h>

#include "tokenizer_internal.h"
#include "tokenizer_unicode.h"

/* ======================================================================== coding line */

/* Finds a PEP 263 declaration in one line (`^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)`).
 * Returns 1 and the name's bytes when found, 0 when not; *is_code is set when the line
 * holds something else than a comment or blanks (then line 2 is not looked at). */
static int coding_spec(const char *s, const char *end, const char **name, size_t *name_len,
                       int *is_code) {
    const char *p = s;
    *is_code = 0;
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\014'))
        p++;
    if (p >= end || *p == '\n') return 0;
    if (*p != '#') {
        *is_code = 1;
        return 0;
    }
    for (; end - p >= 6; p++) {
        if (memcmp(p, "coding", 6) != 0) continue;
        const char *t = p + 6;
        if (t >= end || (*t != ':' && *t != '=')) continue;
        do {
            t++;
        } while (t < end && (*t == ' ' || *t == '\t'));
        const char *b = t;
        while (t < end && (isalnum((unsigned char)*t) || *t == '-' || *t == '_' || *t == '.'))
            t++;
        if (t > b) {
            *name = b;
            *name_len = (size_t)(t - b);
            return 1;
        }
    }
    return 0;
}

enum { ENC_UTF8, ENC_LATIN1, ENC_UNKNOWN };

/* The encodings Krait reads; CPython's codec registry knows more (an "unknown
 * encoding" here may be a real codec there). */
static int classify_encoding(const char *name, size_t len) {
    char n[32];
    size_t i;
    if (len >= sizeof n) return ENC_UNKNOWN;
    for (i = 0; i < len; i++)
        n[i] = name[i] == '_' ? '-' : (char)tolower((unsigned char)name[i]);
    n[len] = 0;
    static const char *const utf8[] = {"utf-8", "utf8",     "u8",  "utf", "cp65001",
                                       "ascii", "us-ascii", "646", NULL};
    static const char *const latin1[] = {"latin-1",     "latin1",     "iso-8859-1",  "iso8859-1",
                                         "iso-latin-1", "l1",         "latin",       "cp819",
                                         "8859",        "iso-ir-100", "csisolatin1", NULL};
    for (i = 0; utf8[i]; i++)
        if (strcmp(n, utf8[i]) == 0) return ENC_UTF8;
    if (strncmp(n, "utf-8-", 6) == 0) /* as CPython's get_normal_name */
        return ENC_UTF8;
    for (i = 0; latin1[i]; i++)
        if (strcmp(n, latin1[i]) == 0) return ENC_LATIN1;
    if (strncmp(n, "latin-1-", 8) == 0 || strncmp(n, "iso-8859-1-", 11) == 0 ||
        strncmp(n, "iso-latin-1-", 12) == 0)
        return ENC_LATIN1;
    return ENC_UNKNOWN;
}

/* CPython raises encoding errors with lineno 0 and offset -1 */
static int encoding_error(KrTokenizer *tok, const char *fmt, const char *name, size_t len) {
    char n[64];
    if (len >= sizeof n) len = sizeof n - 1;
    memcpy(n, name, len);
    n[len] = 0;
    kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, 0, -2, 0, 0, fmt, n);
    return -1;
}

int kr_tokenizer_prepare_source(KrTokenizer *tok, const char *src, size_t len) {
    const char *end = src + len;
    int bom = 0, enc = ENC_UTF8;
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        bom = 1;
    }

    /* the coding line: line 1, or line 2 after a comment-only or blank line 1 */
    const char *line = src;
    for (int n = 0; n < 2 && line < end; n++) {
        const char *eol = line;
        while (eol < end && *eol != '\n' && *eol != '\r')
            eol++;
        const char *name;
        size_t name_len;
        int is_code;
        if (coding_spec(line, eol, &name, &name_len, &is_code)) {
            enc = classify_encoding(name, name_len);
            if (enc == ENC_UNKNOWN)
                return encoding_error(tok, "unknown encoding: %s", name, name_len);
            if (bom && enc != ENC_UTF8) /* named as CPython normalises it */
                return encoding_error(tok, "encoding problem: %s with BOM", "iso-8859-1", 10);
            break;
        }
        if (is_code) break;
        line = eol;
        if (line < end && *line == '\r') line++;
        if (line < end && *line == '\n') line++;
    }

    /* copy: \r\n and \r -> \n, latin-1 -> UTF-8, a final \n */
    size_t cap = (enc == ENC_LATIN1 ? 2 * (size_t)(end - src) : (size_t)(end - src)) + 2;
    char *out = kr_arena_alloc(tok->arena, cap);
    if (!out) return -1;
    char *o = out;
    for (const char *p = src; p < end; p++) {
        unsigned char b = (unsigned char)*p;
        if (b == '\r') {
            *o++ = '\n';
            if (p + 1 < end && p[1] == '\n') p++;
        } else if (b >= 0x80 && enc == ENC_LATIN1) {
            *o++ = (char)(0xC0 | (b >> 6));
            *o++ = (char)(0x80 | (b & 0x3F));
        } else {
            *o++ = (char)b;
        }
    }
    if (o > out && o[-1] != '\n') {
        *o++ = '\n';
        tok->synth_newline = 1;
    }
    *o = 0;
    tok->buf = out;
    tok->bufend = o;
    tok->decode_utf8 = enc != ENC_LATIN1;
    return 0;
}

/* ======================================================================== UTF-8 */

/* Length of the longest valid prefix of a UTF-8 sequence at s (1..4), and whether it is
 * complete; follows the rules (and so the messages) of CPython's UTF-8 decoder. */
static int utf8_scan(const unsigned char *s, const unsigned char *end, int *complete) {
    unsigned char b = s[0];
    int need;
    unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
    *complete = 0;
    if (b < 0x80) {
        *complete = 1;
        return 1;
    }
    if (b < 0xC2 || b > 0xF4) return 0; /* invalid start byte */
    if (b < 0xE0) {
        need = 1;
    } else if (b < 0xF0) {
        need = 2;
        if (b == 0xE0)
            lo = 0xA0;
        else if (b == 0xED)
            hi = 0x9F; /* no surrogates */
    } else {
        need = 3;
        if (b == 0xF0)
            lo = 0x90;
        else if (b == 0xF4)
            hi = 0x8F;
    }
    int n = 1;
    for (int i = 1; i <= need; i++) {
        if (s + i >= end) return n; /* truncated */
        unsigned char c = s[i];
        if (i == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xBF)) return n;
        n++;
    }
    *complete = 1;
    return n;
}

int kr_tokenizer_check_utf8_line(KrTokenizer *tok, const char *line, const char *end) {
    const unsigned char *p = (const unsigned char *)line, *e = (const unsigned char *)end;
    while (p < e) {
        if (*p < 0x80) {
            p++;
            continue;
        }
        int complete;
        int n = utf8_scan(p, e, &complete);
        if (complete) {
            p += n;
            continue;
        }
        int pos = (int)((const char *)p - line);
        const char *why = n == 0 ? "invalid start byte"
                          : (p + n >= (const unsigned char *)tok->bufend)
                              ? "unexpected end of data"
                              : "invalid continuation byte";
        if (n <= 1)
            kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, tok->lineno, pos, tok->lineno, pos,
                                   "(unicode error) 'utf-8' codec can't decode byte 0x%02x in "
                                   "position %d: %s",
                                   *p, pos, why);
        else
            kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, tok->lineno, pos, tok->lineno, pos,
                                   "(unicode error) 'utf-8' codec can't decode bytes in position "
                                   "%d-%d: %s",
                                   pos, pos + n - 1, why);
        return 0;
    }
    return 1;
}

int kr_tokenizer_utf8_decode(const char *s, const char *end, uint32_t *cp) {
    const unsigned char *p = (const unsigned char *)s;
    int complete;
    int n = utf8_scan(p, (const unsigned char *)end, &complete);
    if (!complete) {
        *cp = p[0];
        return 1;
    }
    switch (n) {
    case 1:
        *cp = p[0];
        break;
    case 2:
        *cp = ((uint32_t)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
        break;
    case 3:
        *cp = ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        break;
    default:
        *cp = ((uint32_t)(p[0] & 0x07) << 18) | ((uint32_t)(p[1] & 0x3F) << 12) |
              ((uint32_t)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    }
    return n;
}

int kr_tokenizer_utf8_encode(uint32_t cp, char *out) {
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ======================================================================== Unicode classes */

static int in_ranges(const KrUniRange *r, size_t n, uint32_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c < r[mid].lo)
            hi = mid;
        else if (c > r[mid].hi)
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

#define IN_TABLE(t, c) in_ranges(t, sizeof(t) / sizeof(t[0]), c)

int kr_tokenizer_is_id_start(uint32_t c) {
    if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    return IN_TABLE(uni_id_start, c);
}

int kr_tokenizer_is_id_continue(uint32_t c) {
    if (c < 0x80)
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    return IN_TABLE(uni_id_continue, c);
}

int kr_tokenizer_is_printable(uint32_t c) {
    if (c < 0x80) return c >= 0x20 && c < 0x7F;
    return !IN_TABLE(uni_nonprintable, c);
}
