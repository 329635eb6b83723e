/* tokenizer_escape.c - decoding the backslash escapes of str and bytes literals with
 * CPython's rules and error messages; used for FSTRING_MIDDLE tokens here and by the
 * parser for STRING tokens. \N{...} knows the names in tokenizer_names.h. */
#include <stdio.h>
#include <string.h>

#include "tokenizer_internal.h"
#include "tokenizer_names.h"

long kr_tokenizer_lookup_char_name(const char *name, size_t len) {
    char key[96];
    if (len == 0 || len >= sizeof key) return -1;
    for (size_t i = 0; i < len; i++) {
        char ch = name[i];
        key[i] = (ch >= 'a' && ch <= 'z') ? (char)(ch - 'a' + 'A') : ch; /* names ignore case */
    }
    key[len] = 0;
    size_t lo = 0, hi = sizeof uni_names / sizeof uni_names[0];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int r = strcmp(key, uni_names[mid].name);
        if (r == 0) return (long)uni_names[mid].cp;
        if (r < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return -1;
}

static int hexval(int c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* CPython's UnicodeDecodeError text for the bytes start..end-1 of the literal */
static int unicode_error(KrFrontendError *err, size_t start, size_t end, const char *why) {
    err->kind = KR_ERR_SYNTAX;
    if (end - start == 1)
        snprintf(err->msg, sizeof err->msg,
                 "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position %zu: "
                 "%s",
                 start, why);
    else
        snprintf(err->msg, sizeof err->msg,
                 "(unicode error) 'unicodeescape' codec can't decode bytes in position %zu-%zu: "
                 "%s",
                 start, end - 1, why);
    return -1;
}

int kr_tokenizer_decode_escapes(KrArena *arena, const char *s, size_t len, int flags,
                                const char **out, size_t *out_len, KrFrontendError *err) {
    int is_bytes = flags & KR_ESCAPES_BYTES, raw = flags & KR_ESCAPES_RAW;
    int braces = flags & KR_ESCAPES_FSTRING;
    /* every escape is at least as long as what it stands for, in UTF-8 too */
    char *buf = kr_arena_alloc(arena, len + 1);
    if (!buf) {
        err->kind = KR_ERR_SYNTAX;
        snprintf(err->msg, sizeof err->msg, "out of memory");
        return -1;
    }
    char *o = buf;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (braces && (c == '{' || c == '}')) {
            *o++ = (char)c;
            i += (i + 1 < len && (unsigned char)s[i + 1] == c) ? 2 : 1;
            continue;
        }
        if (c != '\\' || raw || i + 1 >= len) {
            /* a lone backslash at the end: before an f-string's '{' ("\{" is kept) */
            *o++ = (char)c;
            i++;
            continue;
        }
        size_t start = i;
        c = (unsigned char)s[i + 1];
        i += 2;
        uint32_t ch;
        int count;
        const char *why;
        switch (c) {
        case '\n':
            continue; /* backslash-newline joins the lines */
        case '\\':
            *o++ = '\\';
            continue;
        case '\'':
            *o++ = '\'';
            continue;
        case '"':
            *o++ = '"';
            continue;
        case 'a':
            *o++ = '\a';
            continue;
        case 'b':
            *o++ = '\b';
            continue;
        case 'f':
            *o++ = '\f';
            continue;
        case 'n':
            *o++ = '\n';
            continue;
        case 'r':
            *o++ = '\r';
            continue;
        case 't':
            *o++ = '\t';
            continue;
        case 'v':
            *o++ = '\v';
            continue;
        case '0':
        case '1':
        case '2':
        case '3':
        case '4':
        case '5':
        case '6':
        case '7':
            /* up to three octal digits; above 0o377 CPython only warns */
            ch = (uint32_t)(c - '0');
            for (count = 1; count < 3 && i < len && s[i] >= '0' && s[i] <= '7'; count++)
                ch = ch * 8 + (uint32_t)(s[i++] - '0');
            if (is_bytes)
                *o++ = (char)(ch & 0xFF);
            else
                o += kr_tokenizer_utf8_encode(ch, o);
            continue;
        case 'x':
            count = 2;
            why = "truncated \\xXX escape";
            goto hex;
        case 'u':
            count = 4;
            why = "truncated \\uXXXX escape";
            goto hex;
        case 'U':
            count = 8;
            why = "truncated \\UXXXXXXXX escape";
        hex:
            if (is_bytes && c != 'x') break; /* not an escape in bytes */
            ch = 0;
            for (; count > 0; count--, i++) {
                int h = i < len ? hexval((unsigned char)s[i]) : -1;
                if (h < 0) {
                    if (is_bytes) {
                        err->kind = KR_ERR_SYNTAX;
                        snprintf(err->msg, sizeof err->msg,
                                 "(value error) invalid \\x escape at position %zu", start);
                        return -1;
                    }
                    return unicode_error(err, start, i, why);
                }
                ch = ch * 16 + (uint32_t)h;
            }
            if (is_bytes) {
                *o++ = (char)ch;
                continue;
            }
            if (ch > 0x10FFFF) return unicode_error(err, start, i, "illegal Unicode character");
            o += kr_tokenizer_utf8_encode(ch, o);
            continue;
        case 'N':
            if (is_bytes) break;
            why = "malformed \\N character escape";
            if (i < len && s[i] == '{') {
                size_t name = ++i;
                while (i < len && s[i] != '}')
                    i++;
                if (i < len && i > name) {
                    long cp = kr_tokenizer_lookup_char_name(s + name, i - name);
                    i++;
                    if (cp >= 0) {
                        o += kr_tokenizer_utf8_encode((uint32_t)cp, o);
                        continue;
                    }
                    why = "unknown Unicode character name";
                }
            }
            return unicode_error(err, start, i, why);
        default:
            break;
        }
        /* not an escape: both characters stay (CPython warns "invalid escape sequence") */
        *o++ = '\\';
        i = start + 1;
    }
    *o = 0;
    *out = buf;
    *out_len = (size_t)(o - buf);
    return 0;
}
