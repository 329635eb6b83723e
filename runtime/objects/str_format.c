/* str_format.c - str.format / str.format_map (replacement fields with attribute and
 * index lookups, conversions, nested specs, auto-numbering) and printf-style formatting
 * for both `str % args` and `bytes % args` (one engine, two output modes). */
#include <stdio.h>

#include "strings.h"

/* ===========================================================================
 * str.format
 * ========================================================================= */

typedef struct {
    KrObject *const *args; /* positional */
    kr_ssize nargs;
    KrObject *kwargs;  /* dict, or NULL */
    KrObject *mapping; /* format_map: any mapping */
    int auto_state;    /* 0 unknown, 1 auto, 2 manual */
    kr_ssize auto_next;
} FmtCtx;

static KrObject *sub_str(const char *s, kr_ssize a, kr_ssize b) {
    return kr_str_from_utf8_unchecked(s + a, b - a, kr_utf8_count(s + a, b - a),
                                      kr_utf8_count(s + a, b - a) == b - a);
}

/* Parses a non-negative decimal; -1 if the text is not all digits. */
static kr_ssize parse_index(const char *s, kr_ssize n) {
    if (n == 0) return -1;
    kr_ssize v = 0;
    for (kr_ssize i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9') return -1;
        if (v > (PTRDIFF_MAX - 9) / 10) {
            kr_err_set_string(kr_exc_ValueError, "Too many decimal digits in format string");
            return -2;
        }
        v = v * 10 + (s[i] - '0');
    }
    return v;
}

static KrObject *get_first(FmtCtx *c, const char *s, kr_ssize n) {
    kr_ssize idx;
    if (n == 0) {
        if (c->auto_state == 2) {
            kr_err_set_string(kr_exc_ValueError, "cannot switch from manual field specification to "
                                                 "automatic field numbering");
            return NULL;
        }
        c->auto_state = 1;
        idx = c->auto_next++;
    } else {
        idx = parse_index(s, n);
        if (idx == -2) return NULL;
        if (idx >= 0) {
            if (c->auto_state == 1) {
                kr_err_set_string(kr_exc_ValueError, "cannot switch from automatic field numbering "
                                                     "to manual field specification");
                return NULL;
            }
            c->auto_state = 2;
        }
    }
    if (idx < 0) {
        KrObject *key = sub_str(s, 0, n);
        if (!key) return NULL;
        KrObject *r;
        if (c->mapping) {
            r = kr_object_get_item(c->mapping, key);
        } else {
            r = c->kwargs ? kr_dict_get_item(c->kwargs, key) : NULL;
            if (r)
                KR_INCREF(r);
            else if (!kr_err_occurred())
                kr_dict_key_error(key);
        }
        KR_DECREF(key);
        return r;
    }
    if (c->mapping || idx >= c->nargs) {
        if (c->mapping) {
            kr_err_set_string(kr_exc_ValueError, "Format string contains positional fields");
            return NULL;
        }
        return kr_err_format(kr_exc_IndexError,
                             "Replacement index %zd out of range for positional args tuple", idx);
    }
    return KR_NEWREF(c->args[idx]);
}

/* Resolves "name.attr[key]..." */
static KrObject *get_field(FmtCtx *c, const char *s, kr_ssize n) {
    kr_ssize i = 0;
    while (i < n && s[i] != '.' && s[i] != '[')
        i++;
    KrObject *obj = get_first(c, s, i);
    if (!obj) return NULL;
    while (i < n) {
        char kind = s[i++];
        kr_ssize start = i;
        KrObject *next;
        if (kind == '.') {
            while (i < n && s[i] != '.' && s[i] != '[')
                i++;
            if (i == start) {
                KR_DECREF(obj);
                kr_err_set_string(kr_exc_ValueError, "Empty attribute in format string");
                return NULL;
            }
            KrObject *name = sub_str(s, start, i);
            next = name ? kr_object_getattr(obj, name) : NULL;
            KR_XDECREF(name);
        } else if (kind == '[') {
            while (i < n && s[i] != ']')
                i++;
            if (i >= n) {
                KR_DECREF(obj);
                kr_err_set_string(kr_exc_ValueError, "Missing ']' in format string");
                return NULL;
            }
            if (i == start) {
                KR_DECREF(obj);
                kr_err_set_string(kr_exc_ValueError, "Empty attribute in format string");
                return NULL;
            }
            kr_ssize idx = parse_index(s + start, i - start);
            KrObject *key = idx >= 0    ? kr_int_from_ssize(idx)
                            : idx == -2 ? NULL
                                        : sub_str(s, start, i);
            next = key ? kr_object_get_item(obj, key) : NULL;
            KR_XDECREF(key);
            i++; /* ']' */
            if (next && i < n && s[i] != '.' && s[i] != '[') {
                KR_DECREF(next);
                KR_DECREF(obj);
                kr_err_set_string(kr_exc_ValueError,
                                  "Only '.' or '[' may follow ']' in format field specifier");
                return NULL;
            }
        } else {
            KR_DECREF(obj);
            kr_err_set_string(kr_exc_ValueError,
                              "Only '.' or '[' may follow ']' in format field specifier");
            return NULL;
        }
        KR_DECREF(obj);
        if (!next) return NULL;
        obj = next;
    }
    return obj;
}

static int do_format(FmtCtx *c, KrObject *fmt, int depth, KrStrBuilder *b);

/* Parses one replacement field starting after its '{' at s[*pos] (CPython's parse_field:
 * the field name, an optional !conversion, an optional :spec with nested braces), and
 * renders it. Advances *pos past the closing '}'. */
static int render_field(FmtCtx *c, const char *s, kr_ssize n, kr_ssize *pos, int depth,
                        KrStrBuilder *b) {
    kr_ssize i = *pos, name_start = i;
    char ch = 0;
    bool terminated = false;
    while (i < n) {
        ch = s[i++];
        if (ch == '{') {
            kr_err_set_string(kr_exc_ValueError, "unexpected '{' in field name");
            return -1;
        }
        if (ch == '[') {
            while (i < n && s[i] != ']')
                i++;
            continue;
        }
        if (ch == '}' || ch == ':' || ch == '!') {
            terminated = true;
            break;
        }
    }
    kr_ssize name_end = terminated ? i - 1 : i;
    char conv = 0;
    kr_ssize spec_start = i, spec_end = i;
    if (terminated && (ch == '!' || ch == ':')) {
        bool spec_done = false;
        if (ch == '!') {
            if (i >= n) {
                kr_err_set_string(kr_exc_ValueError,
                                  "end of string while looking for conversion specifier");
                return -1;
            }
            conv = s[i++];
            if (i < n) {
                char c2 = s[i++];
                if (c2 == '}') {
                    spec_start = spec_end = i - 1;
                    spec_done = true;
                } else if (c2 != ':') {
                    kr_err_set_string(kr_exc_ValueError, "expected ':' after conversion specifier");
                    return -1;
                }
            }
        }
        if (!spec_done) {
            spec_start = i;
            int count = 1;
            while (i < n) {
                char c3 = s[i++];
                if (c3 == '{') {
                    count++;
                } else if (c3 == '}' && --count == 0) {
                    spec_end = i - 1;
                    spec_done = true;
                    break;
                }
            }
            if (!spec_done) {
                kr_err_set_string(kr_exc_ValueError, "unmatched '{' in format spec");
                return -1;
            }
        }
    } else if (!terminated || ch != '}') {
        kr_err_set_string(kr_exc_ValueError, "expected '}' before end of string");
        return -1;
    }
    *pos = i;
    s += name_start;
    name_end -= name_start;
    spec_start -= name_start;
    spec_end -= name_start;
    KrObject *obj = get_field(c, s, name_end);
    if (!obj) return -1;
    if (conv) {
        KrObject *t;
        switch (conv) {
        case 'r':
            t = kr_object_repr(obj);
            break;
        case 's':
            t = kr_object_str(obj);
            break;
        case 'a':
            t = kr_object_ascii(obj);
            break;
        default:
            KR_DECREF(obj);
            if ((unsigned char)conv > 32 && (unsigned char)conv < 127)
                kr_err_format(kr_exc_ValueError, "Unknown conversion specifier %c", conv);
            else
                kr_err_format(kr_exc_ValueError, "Unknown conversion specifier \\x%x",
                              (unsigned)(unsigned char)conv);
            return -1;
        }
        KR_DECREF(obj);
        if (!t) return -1;
        obj = t;
    }
    KrObject *spec = sub_str(s, spec_start, spec_end);
    if (!spec) {
        KR_DECREF(obj);
        return -1;
    }
    if (memchr(kr_str_data(spec), '{', (size_t)kr_str_size(spec))) {
        KrStrBuilder sb;
        kr_strbuilder_init(&sb);
        int rc = do_format(c, spec, depth - 1, &sb);
        KR_DECREF(spec);
        if (rc < 0) {
            kr_strbuilder_discard(&sb);
            KR_DECREF(obj);
            return -1;
        }
        spec = kr_strbuilder_finish(&sb);
        if (!spec) {
            KR_DECREF(obj);
            return -1;
        }
    }
    KrObject *r = kr_object_format(obj, spec);
    KR_DECREF(obj);
    KR_DECREF(spec);
    if (!r) return -1;
    int rc = kr_strbuilder_append_str(b, r);
    KR_DECREF(r);
    return rc;
}

static int do_format(FmtCtx *c, KrObject *fmt, int depth, KrStrBuilder *b) {
    if (depth <= 0) {
        kr_err_set_string(kr_exc_ValueError, "Max string recursion exceeded");
        return -1;
    }
    const char *s = kr_str_data(fmt);
    kr_ssize n = kr_str_size(fmt), i = 0;
    while (i < n) {
        kr_ssize start = i;
        while (i < n && s[i] != '{' && s[i] != '}')
            i++;
        if (kr_strbuilder_append(b, s + start, i - start) < 0) return -1;
        if (i >= n) break;
        char ch = s[i++];
        if (ch == '}') {
            if (i < n && s[i] == '}') {
                i++;
                if (kr_strbuilder_append(b, "}", 1) < 0) return -1;
                continue;
            }
            kr_err_set_string(kr_exc_ValueError, "Single '}' encountered in format string");
            return -1;
        }
        if (i >= n) {
            kr_err_set_string(kr_exc_ValueError, "Single '{' encountered in format string");
            return -1;
        }
        if (s[i] == '{') {
            i++;
            if (kr_strbuilder_append(b, "{", 1) < 0) return -1;
            continue;
        }
        if (render_field(c, s, n, &i, depth, b) < 0) return -1;
    }
    return 0;
}

KrObject *kr_str_format_method(KrObject *fmt, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames) {
    FmtCtx c = {args, nargs, NULL, NULL, 0, 0};
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    if (nkw) {
        c.kwargs = kr_dict_new();
        if (!c.kwargs) return NULL;
        for (kr_ssize i = 0; i < nkw; i++)
            if (kr_dict_set_item(c.kwargs, KR_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0) {
                KR_DECREF(c.kwargs);
                return NULL;
            }
    }
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    int rc = do_format(&c, fmt, 2, &b);
    KR_XDECREF(c.kwargs);
    if (rc < 0) {
        kr_strbuilder_discard(&b);
        return NULL;
    }
    return kr_strbuilder_finish(&b);
}

KrObject *kr_str_format_map(KrObject *fmt, KrObject *mapping) {
    FmtCtx c = {NULL, 0, NULL, mapping, 0, 0};
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    if (do_format(&c, fmt, 2, &b) < 0) {
        kr_strbuilder_discard(&b);
        return NULL;
    }
    return kr_strbuilder_finish(&b);
}

/* ===========================================================================
 * printf-style formatting: str % args, bytes % args
 * ========================================================================= */

enum { F_LJUST = 1, F_SIGN = 2, F_BLANK = 4, F_ALT = 8, F_ZERO = 16 };

typedef struct {
    bool bytes; /* output bytes (bytes % args) */
    KrObject *args;
    kr_ssize arglen, argidx;
    KrObject *dict; /* mapping for %(key)s */
    KrObject *cur;  /* owned value from the mapping */
} PctCtx;

static KrObject *next_arg(PctCtx *c) {
    if (c->argidx < c->arglen) {
        kr_ssize i = c->argidx++;
        return c->arglen < 0 ? c->args : KR_TUPLE_ITEM(c->args, i);
    }
    kr_err_set_string(kr_exc_TypeError, c->bytes ? "not enough arguments for format string"
                                                 : "not enough arguments for format string");
    return NULL;
}

/* Appends [sign][prefix][zeros]body with width/flags applied. */
static int emit_padded(KrStrBuilder *b, const char *sign, const char *prefix, const char *body,
                       kr_ssize nbody, kr_ssize body_cps, kr_ssize width, int flags, bool numeric) {
    kr_ssize ns = (kr_ssize)strlen(sign), np = (kr_ssize)strlen(prefix);
    kr_ssize len = ns + np + body_cps;
    kr_ssize pad = width > len ? width - len : 0;
    if (!(flags & F_LJUST) && !(numeric && (flags & F_ZERO)) &&
        kr_strbuilder_append_fill(b, ' ', pad) < 0)
        return -1;
    if (kr_strbuilder_append(b, sign, ns) < 0 || kr_strbuilder_append(b, prefix, np) < 0) return -1;
    if (!(flags & F_LJUST) && numeric && (flags & F_ZERO) &&
        kr_strbuilder_append_fill(b, '0', pad) < 0)
        return -1;
    if (kr_strbuilder_append(b, body, nbody) < 0) return -1;
    if ((flags & F_LJUST) && kr_strbuilder_append_fill(b, ' ', pad) < 0) return -1;
    return 0;
}

static bool is_number_like(KrObject *v) {
    KrNumberMethods *nb = KR_TYPE(v)->tp_as_number;
    return nb && (nb->nb_index || nb->nb_int || nb->nb_float);
}

static int format_int_arg(KrStrBuilder *b, KrObject *v, char conv, int flags, kr_ssize width,
                          kr_ssize prec) {
    KrObject *iv;
    if (KR_INT_CHECK(v)) {
        iv = KR_NEWREF(v);
    } else if (conv == 'd' || conv == 'i' || conv == 'u') {
        if (!is_number_like(v) || KR_STR_CHECK(v)) {
            kr_err_format(kr_exc_TypeError, "%%%c format: a real number is required, not %T", conv,
                          v);
            return -1;
        }
        iv = kr_number_long(v);
    } else {
        if (!KR_TYPE(v)->tp_as_number || !KR_TYPE(v)->tp_as_number->nb_index) {
            kr_err_format(kr_exc_TypeError, "%%%c format: an integer is required, not %T", conv, v);
            return -1;
        }
        iv = kr_number_index(v);
    }
    if (!iv) return -1;
    int base = (conv == 'o') ? 8 : (conv == 'x' || conv == 'X') ? 16 : 10;
    KrObject *t = kr_int_format_base(iv, base, false);
    KR_DECREF(iv);
    if (!t) return -1;
    const char *d = kr_str_data(t);
    const char *sign = "";
    if (*d == '-') {
        sign = "-";
        d++;
    } else if (flags & F_SIGN) {
        sign = "+";
    } else if (flags & F_BLANK) {
        sign = " ";
    }
    kr_ssize nd = (kr_ssize)strlen(d);
    const char *prefix = "";
    if ((flags & F_ALT) && base != 10) prefix = conv == 'o' ? "0o" : conv == 'x' ? "0x" : "0X";
    char *buf = kr_mem_malloc((size_t)(nd + (prec > nd ? prec : 0) + 1));
    if (!buf) {
        KR_DECREF(t);
        return -1;
    }
    kr_ssize z = prec > nd ? prec - nd : 0;
    memset(buf, '0', (size_t)z);
    for (kr_ssize i = 0; i < nd; i++)
        buf[z + i] = conv == 'X' && d[i] >= 'a' ? d[i] - 32 : d[i];
    int rc = emit_padded(b, sign, prefix, buf, z + nd, z + nd, width, flags, true);
    kr_mem_free(buf);
    KR_DECREF(t);
    return rc;
}

static int format_float_arg(KrStrBuilder *b, KrObject *v, char conv, int flags, kr_ssize width,
                            kr_ssize prec) {
    if (!KR_FLOAT_CHECK(v) && !is_number_like(v)) {
        kr_err_format(kr_exc_TypeError, "must be real number, not %T", v);
        return -1;
    }
    double x = kr_float_as_double(v);
    if (x == -1.0 && kr_err_occurred()) return -1;
    if (prec < 0) prec = 6;
    char *text =
        kr_float_format_double(x, conv, (int)prec, (flags & F_ALT) ? KR_DTSF_ALT : 0, NULL);
    if (!text) return -1;
    const char *d = text, *sign = "";
    if (*d == '-') {
        sign = "-";
        d++;
    } else if (flags & F_SIGN) {
        sign = "+";
    } else if (flags & F_BLANK) {
        sign = " ";
    }
    kr_ssize nd = (kr_ssize)strlen(d);
    int rc = emit_padded(b, sign, "", d, nd, nd, width, flags, true);
    kr_mem_free(text);
    return rc;
}

/* The text for %s/%r/%a/%b/%c in the output's mode; *owned receives an object whose
 * data the returned pointer refers to. */
static int text_arg(PctCtx *c, KrObject *v, char conv, KrObject **owned, const char **data,
                    kr_ssize *size) {
    *owned = NULL;
    if (conv == 'c') {
        if (c->bytes) {
            static _Thread_local char one;
            const char *bd;
            kr_ssize bn;
            if (kr_bytes_like_view(v, &bd, &bn) && (KR_BYTES_CHECK(v) || KR_BYTEARRAY_CHECK(v))) {
                if (bn != 1) goto bad_c_bytes;
                one = bd[0];
            } else if (KR_INT_CHECK(v) || kr_index_check(v)) {
                kr_ssize iv = kr_number_as_ssize(v, kr_exc_OverflowError);
                if (iv == -1 && kr_err_occurred()) {
                    kr_err_clear();
                    kr_err_set_string(kr_exc_OverflowError, "%c arg not in range(256)");
                    return -1;
                }
                if (iv < 0 || iv > 255) {
                    kr_err_set_string(kr_exc_OverflowError, "%c arg not in range(256)");
                    return -1;
                }
                one = (char)iv;
            } else {
            bad_c_bytes:
                kr_err_set_string(kr_exc_TypeError,
                                  "%c requires an integer in range(256) or a single byte");
                return -1;
            }
            *data = &one;
            *size = 1;
            return 0;
        }
        if (KR_STR_CHECK(v)) {
            if (kr_str_length(v) != 1) {
                kr_err_set_string(kr_exc_TypeError, "%c requires int or char");
                return -1;
            }
            *owned = KR_NEWREF(v);
        } else if (KR_INT_CHECK(v) || kr_index_check(v)) {
            int64_t iv;
            KrObject *idx = kr_number_index(v);
            if (!idx) return -1;
            int ovf = kr_int_as_i64_overflow(idx, &iv);
            KR_DECREF(idx);
            if (ovf || iv < 0 || iv >= 0x110000) {
                kr_err_set_string(kr_exc_OverflowError, "%c arg not in range(0x110000)");
                return -1;
            }
            *owned = kr_str_char((uint32_t)iv);
            if (!*owned) return -1;
        } else {
            kr_err_set_string(kr_exc_TypeError, "%c requires int or char");
            return -1;
        }
    } else if (c->bytes && (conv == 's' || conv == 'b')) {
        const char *bd;
        kr_ssize bn;
        if (KR_BYTES_CHECK(v)) {
            *owned = KR_NEWREF(v);
        } else if (kr_bytes_like_view(v, &bd, &bn)) {
            *owned = kr_bytes_from_data(bd, bn);
            if (!*owned) return -1;
        } else {
            int found;
            KrObject *r = kr_call_special(v, kr_str_intern_cstr("__bytes__"), NULL, 0, &found);
            if (!r) {
                if (!found && !kr_err_occurred())
                    kr_err_format(kr_exc_TypeError,
                                  "%%b requires a bytes-like object, or an object that implements "
                                  "__bytes__, not '%.100s'",
                                  kr_type_name_cstr(KR_TYPE(v)));
                return -1;
            }
            if (!KR_BYTES_CHECK(r)) {
                kr_err_format(kr_exc_TypeError, "__bytes__ returned non-bytes (type %T)", r);
                KR_DECREF(r);
                return -1;
            }
            *owned = r;
        }
        *data = kr_bytes_data(*owned);
        *size = KR_SIZE(*owned);
        return 0;
    } else {
        KrObject *s = conv == 's'                ? kr_object_str(v)
                      : conv == 'r' && !c->bytes ? kr_object_repr(v)
                                                 : kr_object_ascii(v);
        if (!s) return -1;
        *owned = s;
    }
    *data = kr_str_data(*owned);
    *size = kr_str_size(*owned);
    return 0;
}

static KrObject *percent_format(const char *fmt, kr_ssize n, KrObject *args, bool bytes) {
    PctCtx c = {bytes, args, -1, -2, NULL, NULL};
    if (KR_TUPLE_CHECK(args)) {
        c.arglen = KR_SIZE(args);
        c.argidx = 0;
    }
    KrMappingMethods *mp = KR_TYPE(args)->tp_as_mapping;
    if (mp && mp->mp_subscript && !KR_TUPLE_CHECK(args) && !KR_STR_CHECK(args) &&
        !(bytes && (KR_BYTES_CHECK(args) || KR_BYTEARRAY_CHECK(args))))
        c.dict = args;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_ssize i = 0;
    while (i < n) {
        kr_ssize start = i;
        while (i < n && fmt[i] != '%')
            i++;
        if (kr_strbuilder_append(&b, fmt + start, i - start) < 0) goto fail;
        if (i >= n) break;
        kr_ssize pct = i++;
        if (i < n && fmt[i] == '%') {
            if (kr_strbuilder_append(&b, "%", 1) < 0) goto fail;
            i++;
            continue;
        }
        KR_CLEAR(c.cur);
        if (i < n && fmt[i] == '(') {
            if (!c.dict) {
                kr_err_set_string(kr_exc_TypeError, "format requires a mapping");
                goto fail;
            }
            kr_ssize ks = ++i;
            int depth = 1;
            while (i < n && depth > 0) {
                if (fmt[i] == '(')
                    depth++;
                else if (fmt[i] == ')')
                    depth--;
                i++;
            }
            if (depth > 0) {
                kr_err_set_string(kr_exc_ValueError, "incomplete format key");
                goto fail;
            }
            KrObject *key =
                bytes ? kr_bytes_from_data(fmt + ks, i - 1 - ks)
                      : kr_str_from_utf8_unchecked(fmt + ks, i - 1 - ks,
                                                   kr_utf8_count(fmt + ks, i - 1 - ks), false);
            if (!key) goto fail;
            if (!bytes && KR_STR(key)->length == KR_STR(key)->size) KR_STR(key)->ascii = 1;
            c.cur = kr_object_get_item(c.dict, key);
            KR_DECREF(key);
            if (!c.cur) goto fail;
            c.args = c.cur;
            c.arglen = -1;
            c.argidx = -2;
        }
        int flags = 0;
        for (; i < n; i++) {
            char f = fmt[i];
            if (f == '-')
                flags |= F_LJUST;
            else if (f == '+')
                flags |= F_SIGN;
            else if (f == ' ')
                flags |= F_BLANK;
            else if (f == '#')
                flags |= F_ALT;
            else if (f == '0')
                flags |= F_ZERO;
            else
                break;
        }
        kr_ssize width = -1, prec = -1;
        if (i < n && fmt[i] == '*') {
            KrObject *w = next_arg(&c);
            if (!w) goto fail;
            if (!KR_INT_CHECK(w)) {
                kr_err_set_string(kr_exc_TypeError, "* wants int");
                goto fail;
            }
            width = kr_int_as_ssize(w);
            if (width == -1 && kr_err_occurred()) goto fail;
            if (width < 0) {
                flags |= F_LJUST;
                width = -width;
            }
            i++;
        } else {
            while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
                if (width < 0) width = 0;
                if (width > (PTRDIFF_MAX - 9) / 10) {
                    kr_err_set_string(kr_exc_ValueError, "width too big");
                    goto fail;
                }
                width = width * 10 + (fmt[i++] - '0');
            }
        }
        if (i < n && fmt[i] == '.') {
            i++;
            prec = 0;
            if (i < n && fmt[i] == '*') {
                KrObject *p = next_arg(&c);
                if (!p) goto fail;
                if (!KR_INT_CHECK(p)) {
                    kr_err_set_string(kr_exc_TypeError, "* wants int");
                    goto fail;
                }
                prec = kr_int_as_ssize(p);
                if (prec == -1 && kr_err_occurred()) goto fail;
                if (prec < 0) prec = 0;
                i++;
            } else {
                while (i < n && fmt[i] >= '0' && fmt[i] <= '9') {
                    if (prec > (PTRDIFF_MAX - 9) / 10) {
                        kr_err_set_string(kr_exc_ValueError, "precision too big");
                        goto fail;
                    }
                    prec = prec * 10 + (fmt[i++] - '0');
                }
            }
        }
        while (i < n && (fmt[i] == 'h' || fmt[i] == 'l' || fmt[i] == 'L'))
            i++;
        if (i >= n) {
            kr_err_set_string(kr_exc_ValueError, "incomplete format");
            goto fail;
        }
        unsigned char conv = (unsigned char)fmt[i];
        kr_ssize conv_at = i;
        int clen = bytes ? 1 : kr_utf8_len_of_lead(conv);
        i += clen;
        KrObject *v = NULL;
        if (conv == '%') {
            /* '%' after flags or width: CPython fetches an argument, then rejects it */
            if (!next_arg(&c)) goto fail;
            goto unsupported;
        }
        switch (conv) {
        case 's':
        case 'r':
        case 'a':
        case 'c':
        case 'b':
            if (conv == 'b' && !bytes) goto unsupported;
            v = next_arg(&c);
            if (!v) goto fail;
            {
                KrObject *owned;
                const char *d;
                kr_ssize sz;
                if (text_arg(&c, v, (char)conv, &owned, &d, &sz) < 0) goto fail;
                if (prec >= 0 && conv != 'c') {
                    if (bytes) {
                        if (sz > prec) sz = prec;
                    } else {
                        const unsigned char *u = (const unsigned char *)d;
                        kr_ssize off = 0, k = 0;
                        while (off < sz && k < prec) {
                            off += kr_utf8_len_of_lead(u[off]);
                            k++;
                        }
                        sz = off;
                    }
                }
                kr_ssize cps = bytes ? sz : kr_utf8_count(d, sz);
                int rc = emit_padded(&b, "", "", d, sz, cps, width, flags, false);
                KR_XDECREF(owned);
                if (rc < 0) goto fail;
            }
            break;
        case 'd':
        case 'i':
        case 'u':
        case 'o':
        case 'x':
        case 'X':
            v = next_arg(&c);
            if (!v) goto fail;
            if (format_int_arg(&b, v, (char)conv, flags, width, prec) < 0) goto fail;
            break;
        case 'e':
        case 'E':
        case 'f':
        case 'F':
        case 'g':
        case 'G':
            v = next_arg(&c);
            if (!v) goto fail;
            if (format_float_arg(&b, v, (char)conv, flags, width, prec) < 0) goto fail;
            break;
        default:
        unsupported : {
            uint32_t cp = conv;
            if (!bytes) kr_utf8_decode((const unsigned char *)fmt + conv_at, &cp);
            kr_ssize idx = bytes ? conv_at : kr_utf8_count(fmt, conv_at);
            if (cp > 32 && cp < 127)
                kr_err_format(kr_exc_ValueError,
                              "unsupported format character '%c' (0x%x) at index %zd", (int)cp,
                              (unsigned)cp, idx);
            else if (!bytes)
                kr_err_format(kr_exc_ValueError,
                              "unsupported format character '%c' (0x%x) at index %zd", (int)cp,
                              (unsigned)cp, idx);
            else
                kr_err_format(kr_exc_ValueError,
                              "unsupported format character '\\x%x' (0x%x) at index %zd",
                              (unsigned)cp, (unsigned)cp, idx);
            goto fail;
        }
        }
        (void)pct;
    }
    if (c.argidx < c.arglen && !c.dict) {
        kr_err_set_string(kr_exc_TypeError,
                          bytes ? "not all arguments converted during bytes formatting"
                                : "not all arguments converted during string formatting");
        goto fail;
    }
    KR_XDECREF(c.cur);
    if (bytes) {
        KrObject *r = kr_bytes_from_data(b.buf ? b.buf : "", b.size);
        kr_strbuilder_discard(&b);
        return r;
    }
    return kr_strbuilder_finish(&b);
fail:
    KR_XDECREF(c.cur);
    kr_strbuilder_discard(&b);
    return NULL;
}

KrObject *kr_str_percent_format(KrObject *fmt, KrObject *args) {
    return percent_format(kr_str_data(fmt), kr_str_size(fmt), args, false);
}

KrObject *kr_str_mod(KrObject *a, KrObject *b) {
    if (!KR_STR_CHECK(a)) return KR_NEWREF(kr_notimplemented);
    return kr_str_percent_format(a, b);
}

KrObject *kr_bytes_percent_format(KrObject *fmt, KrObject *args, bool is_bytearray) {
    const char *d;
    kr_ssize n;
    if (!kr_bytes_like_view(fmt, &d, &n)) return KR_NEWREF(kr_notimplemented);
    KrObject *r = percent_format(d, n, args, true);
    if (r && is_bytearray) {
        KrObject *ba = kr_bytearray_from_data(kr_bytes_data(r), KR_SIZE(r));
        KR_DECREF(r);
        return ba;
    }
    return r;
}
