/* str_codecs.c - the built-in codecs behind str.encode and bytes.decode: UTF-8, ASCII,
 * Latin-1, UTF-16 and UTF-32 (with and without BOM), cp1252, utf-8-sig, and the error
 * handlers strict, ignore, replace, backslashreplace, surrogateescape, surrogatepass and
 * xmlcharrefreplace, raising UnicodeDecodeError/UnicodeEncodeError as CPython does. */
#include <ctype.h>
#include <stdio.h>

#include "strings.h"

typedef enum {
    ENC_UTF8,
    ENC_UTF8_SIG,
    ENC_ASCII,
    ENC_LATIN1,
    ENC_UTF16,
    ENC_UTF16LE,
    ENC_UTF16BE,
    ENC_UTF32,
    ENC_UTF32LE,
    ENC_UTF32BE,
    ENC_CP1252,
} Encoding;

typedef enum {
    ERR_STRICT,
    ERR_IGNORE,
    ERR_REPLACE,
    ERR_BACKSLASH,
    ERR_SURROGATEESCAPE,
    ERR_SURROGATEPASS,
    ERR_XMLCHARREF,
    ERR_UNKNOWN,
} ErrMode;

static const char *const enc_names[] = {
    "utf-8",     "utf-8-sig", "ascii",     "latin-1",   "utf-16", "utf-16-le",
    "utf-16-be", "utf-32",    "utf-32-le", "utf-32-be", "cp1252",
};

static int lookup_encoding(const char *name, Encoding *out) {
    if (!name) {
        *out = ENC_UTF8;
        return 0;
    }
    char norm[64];
    size_t n = strlen(name), j = 0;
    if (n >= sizeof norm) goto unknown;
    for (size_t i = 0; i < n; i++) {
        char c = (char)tolower((unsigned char)name[i]);
        norm[j++] = (c == '-' || c == ' ') ? '_' : c;
    }
    norm[j] = 0;
    static const struct {
        const char *name;
        Encoding enc;
    } aliases[] = {
        {"utf_8", ENC_UTF8},        {"utf8", ENC_UTF8},         {"u8", ENC_UTF8},
        {"utf", ENC_UTF8},          {"cp65001", ENC_UTF8},      {"utf_8_sig", ENC_UTF8_SIG},
        {"utf8_sig", ENC_UTF8_SIG}, {"ascii", ENC_ASCII},       {"us_ascii", ENC_ASCII},
        {"646", ENC_ASCII},         {"us", ENC_ASCII},          {"latin_1", ENC_LATIN1},
        {"latin1", ENC_LATIN1},     {"latin", ENC_LATIN1},      {"l1", ENC_LATIN1},
        {"iso_8859_1", ENC_LATIN1}, {"iso8859_1", ENC_LATIN1},  {"8859", ENC_LATIN1},
        {"cp819", ENC_LATIN1},      {"iso_ir_100", ENC_LATIN1}, {"utf_16", ENC_UTF16},
        {"utf16", ENC_UTF16},       {"u16", ENC_UTF16},         {"utf_16_le", ENC_UTF16LE},
        {"utf_16le", ENC_UTF16LE},  {"utf_16_be", ENC_UTF16BE}, {"utf_16be", ENC_UTF16BE},
        {"utf_32", ENC_UTF32},      {"utf32", ENC_UTF32},       {"u32", ENC_UTF32},
        {"utf_32_le", ENC_UTF32LE}, {"utf_32le", ENC_UTF32LE},  {"utf_32_be", ENC_UTF32BE},
        {"utf_32be", ENC_UTF32BE},  {"cp1252", ENC_CP1252},     {"windows_1252", ENC_CP1252},
    };
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcmp(norm, aliases[i].name) == 0) {
            *out = aliases[i].enc;
            return 0;
        }
unknown:
    kr_err_format(kr_exc_LookupError, "unknown encoding: %s", name);
    return -1;
}

static ErrMode error_mode(const char *errors) {
    if (!errors || strcmp(errors, "strict") == 0) return ERR_STRICT;
    if (strcmp(errors, "ignore") == 0) return ERR_IGNORE;
    if (strcmp(errors, "replace") == 0) return ERR_REPLACE;
    if (strcmp(errors, "backslashreplace") == 0) return ERR_BACKSLASH;
    if (strcmp(errors, "surrogateescape") == 0) return ERR_SURROGATEESCAPE;
    if (strcmp(errors, "surrogatepass") == 0) return ERR_SURROGATEPASS;
    if (strcmp(errors, "xmlcharrefreplace") == 0) return ERR_XMLCHARREF;
    return ERR_UNKNOWN;
}

static void unknown_handler(const char *errors) {
    kr_err_format(kr_exc_LookupError, "unknown error handler name '%s'", errors);
}

/* cp1252 bytes 0x80..0x9f; 0 = undefined */
static const uint16_t cp1252_high[32] = {
    0x20ac, 0,      0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017d, 0,      0,      0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
    0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0,      0x017e, 0x0178,
};

/* ===========================================================================
 * Errors
 * ========================================================================= */

static void raise_unicode_error(KrType *type, const char *encoding, KrObject *obj, kr_ssize start,
                                kr_ssize end, const char *reason) {
    KrObject *enc = kr_str_from_cstr(encoding);
    KrObject *s = kr_int_from_ssize(start), *e = kr_int_from_ssize(end);
    KrObject *r = kr_str_from_cstr(reason);
    KrObject *args = enc && s && e && r ? kr_tuple_pack(5, enc, obj, s, e, r) : NULL;
    KR_XDECREF(enc);
    KR_XDECREF(s);
    KR_XDECREF(e);
    KR_XDECREF(r);
    if (!args) return;
    KrObject *exc = kr_exception_new(type, args);
    KR_DECREF(args);
    if (exc) kr_err_set_raised(exc);
}

static void raise_decode(const char *encoding, const char *data, kr_ssize n, kr_ssize start,
                         kr_ssize end, const char *reason) {
    KrObject *b = kr_bytes_from_data(data, n);
    if (!b) return;
    raise_unicode_error(kr_exc_UnicodeDecodeError, encoding, b, start, end, reason);
    KR_DECREF(b);
}

/* Handles a decode error over data[start:end). Returns 0 (output appended), -1 error. */
static int decode_error(KrStrBuilder *b, ErrMode mode, const char *errors, const char *encoding,
                        const char *data, kr_ssize n, kr_ssize start, kr_ssize end,
                        const char *reason) {
    switch (mode) {
    case ERR_IGNORE:
        return 0;
    case ERR_REPLACE:
        return kr_strbuilder_append_codepoint(b, 0xfffd);
    case ERR_BACKSLASH:
        for (kr_ssize i = start; i < end; i++) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\x%02x", (unsigned char)data[i]);
            if (kr_strbuilder_append_cstr(b, esc) < 0) return -1;
        }
        return 0;
    case ERR_SURROGATEESCAPE: {
        for (kr_ssize i = start; i < end; i++)
            if ((unsigned char)data[i] < 128) goto strict;
        for (kr_ssize i = start; i < end; i++)
            if (kr_strbuilder_append_codepoint(b, 0xdc00 + (unsigned char)data[i]) < 0) return -1;
        return 0;
    }
    case ERR_UNKNOWN:
        unknown_handler(errors);
        return -1;
    default:
        break;
    }
strict:
    raise_decode(encoding, data, n, start, end, reason);
    return -1;
}

/* ===========================================================================
 * Decoding
 * ========================================================================= */

static KrObject *decode_utf8(const char *s, kr_ssize n, ErrMode mode, const char *errors,
                             const char *encname) {
    const char *reason;
    kr_ssize badlen, cps;
    kr_ssize bad = kr_utf8_validate(s, n, &reason, &badlen, &cps);
    if (bad < 0) return kr_str_from_utf8_unchecked(s, n, cps, cps == n);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_ssize pos = 0;
    while (bad >= 0) {
        bad += pos;
        if (kr_strbuilder_append(&b, s + pos, bad - pos) < 0) goto fail;
        const unsigned char *u = (const unsigned char *)s + bad;
        if (mode == ERR_SURROGATEPASS && bad + 2 < n && u[0] == 0xed && u[1] >= 0xa0 &&
            u[1] <= 0xbf && (u[2] & 0xc0) == 0x80) {
            if (kr_strbuilder_append(&b, (const char *)u, 3) < 0) goto fail;
            b.ascii = false;
            pos = bad + 3;
        } else {
            ErrMode m = mode == ERR_SURROGATEPASS ? ERR_STRICT : mode;
            if (decode_error(&b, m, errors, encname, s, n, bad, bad + badlen, reason) < 0)
                goto fail;
            pos = bad + badlen;
        }
        bad = kr_utf8_validate(s + pos, n - pos, &reason, &badlen, NULL);
    }
    if (kr_strbuilder_append(&b, s + pos, n - pos) < 0) goto fail;
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

static KrObject *decode_single_byte(const char *s, kr_ssize n, Encoding enc, ErrMode mode,
                                    const char *errors) {
    const unsigned char *u = (const unsigned char *)s;
    if (enc == ENC_LATIN1) return kr_str_from_latin1(u, n);
    kr_ssize i = 0;
    while (i < n && u[i] < 128)
        i++;
    if (i == n) return kr_str_from_utf8_unchecked(s, n, n, true);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    if (kr_strbuilder_append(&b, s, i) < 0) goto fail;
    for (; i < n; i++) {
        unsigned c = u[i];
        if (c < 128) {
            if (kr_strbuilder_append(&b, s + i, 1) < 0) goto fail;
            continue;
        }
        if (enc == ENC_CP1252) {
            uint32_t cp = c >= 0xa0 ? c : cp1252_high[c - 0x80];
            if (cp) {
                if (kr_strbuilder_append_codepoint(&b, cp) < 0) goto fail;
                continue;
            }
            if (decode_error(&b, mode, errors, "charmap", s, n, i, i + 1,
                             "character maps to <undefined>") < 0)
                goto fail;
            continue;
        }
        if (decode_error(&b, mode, errors, "ascii", s, n, i, i + 1, "ordinal not in range(128)") <
            0)
            goto fail;
    }
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

static KrObject *decode_utf16(const char *s, kr_ssize n, int order, ErrMode mode,
                              const char *errors) {
    /* order: 0 detect by BOM (default little-endian), -1 LE, 1 BE */
    const unsigned char *u = (const unsigned char *)s;
    kr_ssize i = 0;
    if (order == 0) {
        order = -1;
        if (n >= 2 && u[0] == 0xff && u[1] == 0xfe)
            i = 2;
        else if (n >= 2 && u[0] == 0xfe && u[1] == 0xff) {
            order = 1;
            i = 2;
        }
    }
    const char *name = order < 0 ? "utf-16-le" : "utf-16-be";
    int lo = order < 0 ? 0 : 1, hi = 1 - lo;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    while (i < n) {
        if (n - i < 2) {
            if (decode_error(&b, mode, errors, name, s, n, i, n, "truncated data") < 0) goto fail;
            break;
        }
        uint32_t c = u[i + lo] | (u[i + hi] << 8);
        if (c < 0xd800 || c > 0xdfff) {
            if (kr_strbuilder_append_codepoint(&b, c) < 0) goto fail;
            i += 2;
            continue;
        }
        if (c >= 0xdc00) {
            if (mode == ERR_SURROGATEPASS) {
                if (kr_strbuilder_append_codepoint(&b, c) < 0) goto fail;
            } else if (decode_error(&b, mode, errors, name, s, n, i, i + 2, "illegal encoding") <
                       0) {
                goto fail;
            }
            i += 2;
            continue;
        }
        if (n - i < 4) {
            if (mode == ERR_SURROGATEPASS && n - i >= 2) {
                if (kr_strbuilder_append_codepoint(&b, c) < 0) goto fail;
                i += 2;
                continue;
            }
            if (decode_error(&b, mode, errors, name, s, n, i, n, "unexpected end of data") < 0)
                goto fail;
            break;
        }
        uint32_t c2 = u[i + 2 + lo] | (u[i + 2 + hi] << 8);
        if (c2 < 0xdc00 || c2 > 0xdfff) {
            if (mode == ERR_SURROGATEPASS) {
                if (kr_strbuilder_append_codepoint(&b, c) < 0) goto fail;
            } else if (decode_error(&b, mode, errors, name, s, n, i, i + 2,
                                    "illegal UTF-16 surrogate") < 0) {
                goto fail;
            }
            i += 2;
            continue;
        }
        if (kr_strbuilder_append_codepoint(&b, 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00)) < 0)
            goto fail;
        i += 4;
    }
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

static KrObject *decode_utf32(const char *s, kr_ssize n, int order, ErrMode mode,
                              const char *errors) {
    const unsigned char *u = (const unsigned char *)s;
    kr_ssize i = 0;
    if (order == 0) {
        order = -1;
        if (n >= 4 && u[0] == 0xff && u[1] == 0xfe && u[2] == 0 && u[3] == 0)
            i = 4;
        else if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xfe && u[3] == 0xff) {
            order = 1;
            i = 4;
        }
    }
    const char *name = order < 0 ? "utf-32-le" : "utf-32-be";
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    while (i < n) {
        if (n - i < 4) {
            if (decode_error(&b, mode, errors, name, s, n, i, n, "truncated data") < 0) goto fail;
            break;
        }
        uint32_t c = order < 0 ? (uint32_t)u[i] | (uint32_t)u[i + 1] << 8 |
                                     (uint32_t)u[i + 2] << 16 | (uint32_t)u[i + 3] << 24
                               : (uint32_t)u[i + 3] | (uint32_t)u[i + 2] << 8 |
                                     (uint32_t)u[i + 1] << 16 | (uint32_t)u[i] << 24;
        const char *reason = NULL;
        if (c >= 0x110000)
            reason = "code point not in range(0x110000)";
        else if (c >= 0xd800 && c <= 0xdfff && mode != ERR_SURROGATEPASS)
            reason = "code point in surrogate code point range(0xd800, 0xe000)";
        if (reason) {
            if (decode_error(&b, mode, errors, name, s, n, i, i + 4, reason) < 0) goto fail;
        } else if (kr_strbuilder_append_codepoint(&b, c) < 0) {
            goto fail;
        }
        i += 4;
    }
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

KrObject *kr_str_decode(const char *s, kr_ssize n, const char *encoding, const char *errors) {
    Encoding enc;
    if (lookup_encoding(encoding, &enc) < 0) return NULL;
    ErrMode mode = error_mode(errors);
    switch (enc) {
    case ENC_UTF8:
        return decode_utf8(s, n, mode, errors, "utf-8");
    case ENC_UTF8_SIG:
        if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0) {
            s += 3;
            n -= 3;
        }
        return decode_utf8(s, n, mode, errors, "utf-8");
    case ENC_ASCII:
    case ENC_LATIN1:
    case ENC_CP1252:
        return decode_single_byte(s, n, enc, mode, errors);
    case ENC_UTF16:
        return decode_utf16(s, n, 0, mode, errors);
    case ENC_UTF16LE:
        return decode_utf16(s, n, -1, mode, errors);
    case ENC_UTF16BE:
        return decode_utf16(s, n, 1, mode, errors);
    case ENC_UTF32:
        return decode_utf32(s, n, 0, mode, errors);
    case ENC_UTF32LE:
        return decode_utf32(s, n, -1, mode, errors);
    case ENC_UTF32BE:
        return decode_utf32(s, n, 1, mode, errors);
    }
    return NULL;
}

KrObject *kr_str_decode_utf8_surrogateescape(const char *s, kr_ssize n) {
    return decode_utf8(s, n, ERR_SURROGATEESCAPE, "surrogateescape", "utf-8");
}

/* ===========================================================================
 * Encoding
 * ========================================================================= */

/* Output buffer for raw bytes (reuses the builder; its length fields are ignored). */
typedef KrStrBuilder ByteBuf;

static int put(ByteBuf *b, const void *p, kr_ssize n) {
    if (kr_strbuilder_reserve(b, n) < 0) return -1;
    memcpy(b->buf + b->size, p, (size_t)n);
    b->size += n;
    return 0;
}

/* Code point unit writer for the target encoding. Returns 0, or 1 if unencodable. */
static int put_cp(ByteBuf *b, Encoding enc, uint32_t cp, bool allow_surrogates) {
    unsigned char o[8];
    int n = 0;
    bool sur = cp >= 0xd800 && cp <= 0xdfff;
    switch (enc) {
    case ENC_UTF8:
    case ENC_UTF8_SIG:
        if (sur && !allow_surrogates) return 1;
        n = kr_utf8_encode(cp, (char *)o);
        break;
    case ENC_ASCII:
        if (cp >= 128) return 1;
        o[n++] = (unsigned char)cp;
        break;
    case ENC_LATIN1:
        if (cp >= 256) return 1;
        o[n++] = (unsigned char)cp;
        break;
    case ENC_CP1252:
        if (cp < 128 || (cp >= 0xa0 && cp < 0x100)) {
            o[n++] = (unsigned char)cp;
        } else {
            int k;
            for (k = 0; k < 32; k++)
                if (cp1252_high[k] == cp && cp) break;
            if (k == 32) return 1;
            o[n++] = (unsigned char)(0x80 + k);
        }
        break;
    case ENC_UTF16:
    case ENC_UTF16LE:
    case ENC_UTF16BE: {
        if (sur && !allow_surrogates) return 1;
        bool be = enc == ENC_UTF16BE;
        uint32_t units[2];
        int nu = 0;
        if (cp >= 0x10000) {
            units[nu++] = 0xd800 + ((cp - 0x10000) >> 10);
            units[nu++] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
        } else {
            units[nu++] = cp;
        }
        for (int i = 0; i < nu; i++) {
            o[n++] = (unsigned char)(be ? units[i] >> 8 : units[i] & 0xff);
            o[n++] = (unsigned char)(be ? units[i] & 0xff : units[i] >> 8);
        }
        break;
    }
    default: { /* UTF-32 */
        if (sur && !allow_surrogates) return 1;
        bool be = enc == ENC_UTF32BE;
        for (int i = 0; i < 4; i++)
            o[n++] = (unsigned char)(cp >> (8 * (be ? 3 - i : i)));
        break;
    }
    }
    return put(b, o, n) < 0 ? -1 : 0;
}

KrObject *kr_str_encode(KrObject *str, const char *encoding, const char *errors) {
    Encoding enc;
    if (lookup_encoding(encoding, &enc) < 0) return NULL;
    KrStr *s = KR_STR(str);
    ErrMode mode = error_mode(errors);
    /* fast paths: the UTF-8 bytes are the answer */
    if (s->ascii && (enc == ENC_UTF8 || enc == ENC_ASCII || enc == ENC_LATIN1 || enc == ENC_CP1252))
        return kr_bytes_from_data(s->data, s->size);
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
    if (enc == ENC_UTF8 || enc == ENC_UTF8_SIG) {
        /* a surrogate is the only thing UTF-8 cannot encode: ED A0..BF */
        bool has_sur = false;
        for (const unsigned char *q = p; q + 1 < end; q++)
            if (q[0] == 0xed && q[1] >= 0xa0) {
                has_sur = true;
                break;
            }
        if (!has_sur) {
            if (enc == ENC_UTF8) return kr_bytes_from_data(s->data, s->size);
        }
    }
    const char *encname = enc_names[enc];
    if (enc == ENC_UTF8_SIG) encname = "utf-8";
    if (enc == ENC_CP1252) encname = "charmap";
    const char *reason = enc == ENC_ASCII    ? "ordinal not in range(128)"
                         : enc == ENC_LATIN1 ? "ordinal not in range(256)"
                         : enc == ENC_CP1252 ? "character maps to <undefined>"
                                             : "surrogates not allowed";
    ByteBuf b;
    kr_strbuilder_init(&b);
    if (enc == ENC_UTF8_SIG && put(&b, "\xef\xbb\xbf", 3) < 0) goto fail;
    if (enc == ENC_UTF16 && put(&b, "\xff\xfe", 2) < 0) goto fail;
    if (enc == ENC_UTF32 && put(&b, "\xff\xfe\x00\x00", 4) < 0) goto fail;
    Encoding unit = enc == ENC_UTF16 ? ENC_UTF16LE : enc == ENC_UTF32 ? ENC_UTF32LE : enc;
    kr_ssize idx = 0;
    bool allow_sur = mode == ERR_SURROGATEPASS;
    while (p < end) {
        uint32_t cp;
        int w = kr_utf8_decode(p, &cp);
        int r = put_cp(&b, unit, cp, allow_sur);
        if (r < 0) goto fail;
        if (r == 0) {
            p += w;
            idx++;
            continue;
        }
        /* the run of unencodable characters starting here */
        const unsigned char *q = p;
        kr_ssize eidx = idx;
        ByteBuf probe;
        kr_strbuilder_init(&probe);
        while (q < end) {
            uint32_t c2;
            int w2 = kr_utf8_decode(q, &c2);
            probe.size = 0;
            int r2 = put_cp(&probe, unit, c2, allow_sur);
            if (r2 < 0) {
                kr_strbuilder_discard(&probe);
                goto fail;
            }
            if (r2 == 0) break;
            q += w2;
            eidx++;
        }
        kr_strbuilder_discard(&probe);
        switch (mode) {
        case ERR_IGNORE:
            break;
        case ERR_REPLACE:
            for (kr_ssize k = idx; k < eidx; k++)
                if (put_cp(&b, unit, '?', false) < 0) goto fail;
            break;
        case ERR_BACKSLASH:
        case ERR_XMLCHARREF:
            for (const unsigned char *t = p; t < q;) {
                uint32_t c3;
                t += kr_utf8_decode(t, &c3);
                char esc[16];
                if (mode == ERR_XMLCHARREF)
                    snprintf(esc, sizeof esc, "&#%u;", c3);
                else
                    snprintf(esc, sizeof esc,
                             c3 < 0x100     ? "\\x%02x"
                             : c3 < 0x10000 ? "\\u%04x"
                                            : "\\U%08x",
                             c3);
                for (char *e = esc; *e; e++)
                    if (put_cp(&b, unit, (unsigned char)*e, false) < 0) goto fail;
            }
            break;
        case ERR_SURROGATEESCAPE: {
            for (const unsigned char *t = p; t < q;) {
                uint32_t c3;
                int w3 = kr_utf8_decode(t, &c3);
                if (c3 < 0xdc80 || c3 > 0xdcff) {
                    kr_ssize at = idx + kr_utf8_count((const char *)p, t - p);
                    raise_unicode_error(kr_exc_UnicodeEncodeError, encname, str, at, at + 1,
                                        reason);
                    goto fail;
                }
                unsigned char byte = (unsigned char)(c3 - 0xdc00);
                if (enc == ENC_UTF16 || enc == ENC_UTF16LE || enc == ENC_UTF16BE ||
                    enc == ENC_UTF32 || enc == ENC_UTF32LE || enc == ENC_UTF32BE) {
                    kr_ssize at = idx + kr_utf8_count((const char *)p, t - p);
                    raise_unicode_error(kr_exc_UnicodeEncodeError, encname, str, at, at + 1,
                                        reason);
                    goto fail;
                }
                if (put(&b, &byte, 1) < 0) goto fail;
                t += w3;
            }
            break;
        }
        case ERR_UNKNOWN:
            unknown_handler(errors);
            goto fail;
        default:
            raise_unicode_error(kr_exc_UnicodeEncodeError, encname, str, idx, eidx, reason);
            goto fail;
        }
        p = q;
        idx = eidx;
    }
    KrObject *r = kr_bytes_from_data(b.buf ? b.buf : "", b.size);
    kr_strbuilder_discard(&b);
    return r;
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}
