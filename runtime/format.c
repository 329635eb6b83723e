/* format.c - the format-spec mini-language ([[fill]align][sign][z][#][0][width]
 * [grouping][.precision][type]) for str, int, float and complex, with CPython's layout
 * rules (sign, prefix, '=' padding inside zero-filled groups) and error messages. The
 * numeric digits come from the numbers helper (kr_float_format_double, int to string). */
#include <limits.h>
#include <math.h>
#include <stdio.h>

#include "objects/strings.h"

typedef struct {
    uint32_t fill;
    uint32_t align;
    uint32_t sign;  /* 0, '+', '-', ' ' */
    bool no_neg_0;  /* 'z' */
    bool alternate; /* '#' */
    bool fill_given;
    kr_ssize width;     /* -1: none */
    char thousands;     /* 0, ',' or '_' */
    kr_ssize precision; /* -1: none */
    uint32_t type;      /* 0: none given */
} Spec;

static bool is_align(uint32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }

static KrObject *unknown_code(uint32_t type, KrObject *obj) {
    if (type > 32 && type < 128)
        return kr_err_format(kr_exc_ValueError,
                             "Unknown format code '%c' for object of type '%.200s'", (int)type,
                             kr_type_name_cstr(KR_TYPE(obj)));
    return kr_err_format(kr_exc_ValueError,
                         "Unknown format code '\\x%x' for object of type '%.200s'", (unsigned)type,
                         kr_type_name_cstr(KR_TYPE(obj)));
}

static int read_int(const uint32_t *s, kr_ssize n, kr_ssize *pos, kr_ssize *out) {
    kr_ssize v = 0, digits = 0;
    while (*pos < n && s[*pos] >= '0' && s[*pos] <= '9') {
        int d = (int)(s[*pos] - '0');
        if (v > (PTRDIFF_MAX - d) / 10) {
            kr_err_set_string(kr_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + d;
        (*pos)++;
        digits++;
    }
    *out = digits ? v : -1;
    return 0;
}

static int parse_spec(KrObject *specobj, KrObject *obj, uint32_t default_type,
                      uint32_t default_align, Spec *sp) {
    kr_ssize n = kr_str_length(specobj);
    uint32_t s[64];
    uint32_t *buf = n <= 64 ? s : kr_mem_malloc((size_t)n * sizeof(uint32_t));
    if (!buf) return -1;
    const unsigned char *p = (const unsigned char *)kr_str_data(specobj);
    for (kr_ssize i = 0; i < n; i++)
        p += kr_utf8_decode(p, &buf[i]);
    int rc = -1;
    sp->fill = ' ';
    sp->align = default_align;
    sp->sign = 0;
    sp->no_neg_0 = sp->alternate = sp->fill_given = false;
    sp->width = -1;
    sp->thousands = 0;
    sp->precision = -1;
    sp->type = default_type;
    kr_ssize pos = 0;
    bool align_given = false;
    if (n >= 2 && is_align(buf[1])) {
        sp->fill = buf[0];
        sp->align = buf[1];
        sp->fill_given = align_given = true;
        pos = 2;
    } else if (n >= 1 && is_align(buf[0])) {
        sp->align = buf[0];
        align_given = true;
        pos = 1;
    }
    if (pos < n && (buf[pos] == '+' || buf[pos] == '-' || buf[pos] == ' ')) sp->sign = buf[pos++];
    if (pos < n && buf[pos] == 'z') {
        sp->no_neg_0 = true;
        pos++;
    }
    if (pos < n && buf[pos] == '#') {
        sp->alternate = true;
        pos++;
    }
    if (!sp->fill_given && pos < n && buf[pos] == '0') {
        sp->fill = '0';
        if (!align_given && default_align == '>') sp->align = '=';
        pos++;
    }
    if (read_int(buf, n, &pos, &sp->width) < 0) goto done;
    if (pos < n && buf[pos] == ',') {
        sp->thousands = ',';
        pos++;
    }
    if (pos < n && buf[pos] == '_') {
        if (sp->thousands) {
            kr_err_set_string(kr_exc_ValueError, "Cannot specify both ',' and '_'.");
            goto done;
        }
        sp->thousands = '_';
        pos++;
    }
    if (pos < n && buf[pos] == ',' && sp->thousands == '_') {
        kr_err_set_string(kr_exc_ValueError, "Cannot specify both ',' and '_'.");
        goto done;
    }
    if (pos < n && buf[pos] == '.') {
        pos++;
        if (read_int(buf, n, &pos, &sp->precision) < 0) goto done;
        if (sp->precision < 0) {
            kr_err_set_string(kr_exc_ValueError, "Format specifier missing precision");
            goto done;
        }
    }
    if (n - pos > 1) {
        kr_err_format(kr_exc_ValueError,
                      "Invalid format specifier '%U' for object of type '%.200s'", specobj,
                      kr_type_name_cstr(KR_TYPE(obj)));
        goto done;
    }
    if (n - pos == 1) sp->type = buf[pos];
    if (sp->thousands) {
        switch (sp->type) {
        case 'd':
        case 'e':
        case 'f':
        case 'g':
        case 'E':
        case 'G':
        case '%':
        case 'F':
        case 0:
            break;
        case 'b':
        case 'o':
        case 'x':
        case 'X':
            if (sp->thousands == '_') break;
            /* fall through */
        default:
            if (sp->type > 32 && sp->type < 128)
                kr_err_format(kr_exc_ValueError, "Cannot specify '%c' with '%c'.", sp->thousands,
                              (int)sp->type);
            else
                kr_err_format(kr_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", sp->thousands,
                              (unsigned)sp->type);
            goto done;
        }
    }
    rc = 0;
done:
    if (buf != s) kr_mem_free(buf);
    return rc;
}

/* ===========================================================================
 * Layout of numbers
 * ========================================================================= */

typedef struct {
    const char *digits; /* integer-part digits (ASCII) */
    kr_ssize n_digits;
    bool has_decimal;
    const char *rest; /* after the decimal point: fraction, exponent, '%' */
    kr_ssize n_rest;
    char sign_char;     /* '-' or 0 */
    const char *prefix; /* "0x" etc. */
    kr_ssize n_prefix;
    bool upper; /* 'X': digits and prefix upper-cased */
} NumParts;

/* Groups digits from the right like CPython's _PyUnicode_InsertThousandsGrouping,
 * padding with zeros up to min_width. Writes into out (sized by the caller) backwards
 * from out + cap; returns the number of chars. sep 0 means no separators. */
static kr_ssize group_digits(char *out, kr_ssize cap, const char *digits, kr_ssize n,
                             kr_ssize min_width, char sep, int group) {
    char *w = out + cap;
    kr_ssize remaining = n, count = 0;
    bool use_sep = false;
    const char *d = digits + n;
    if (sep) {
        for (;;) {
            kr_ssize l = remaining > min_width ? remaining : min_width;
            if (l < 1) l = 1;
            if (l > group) l = group;
            kr_ssize n_zeros = l - remaining > 0 ? l - remaining : 0;
            kr_ssize n_chars = remaining < l ? remaining : l;
            if (n_chars < 0) n_chars = 0;
            if (use_sep) {
                *--w = sep;
                count++;
            }
            for (kr_ssize i = 0; i < n_chars; i++)
                *--w = *--d;
            for (kr_ssize i = 0; i < n_zeros; i++)
                *--w = '0';
            count += n_chars + n_zeros;
            use_sep = true;
            remaining -= n_chars;
            min_width -= l;
            if (remaining <= 0 && min_width <= 0) return count;
            min_width -= 1;
        }
    }
    kr_ssize l = remaining > min_width ? remaining : min_width;
    if (l < 1) l = 1;
    kr_ssize n_zeros = l - remaining > 0 ? l - remaining : 0;
    for (kr_ssize i = 0; i < remaining; i++)
        *--w = *--d;
    for (kr_ssize i = 0; i < n_zeros; i++)
        *--w = '0';
    return count + remaining + n_zeros;
}

/* Writes a number laid out per sp (fill/align/width/sign). */
static int write_number(KrStrBuilder *b, const Spec *sp, const NumParts *np, char sep, int group) {
    char sign = 0;
    if (sp->sign == '+')
        sign = np->sign_char == '-' ? '-' : '+';
    else if (sp->sign == ' ')
        sign = np->sign_char == '-' ? '-' : ' ';
    else if (np->sign_char == '-')
        sign = '-';
    kr_ssize n_non_digit =
        (sign != 0) + np->n_prefix + np->has_decimal + kr_utf8_count(np->rest, np->n_rest);
    kr_ssize min_width = (sp->fill == '0' && sp->align == '=') ? sp->width - n_non_digit : 0;
    kr_ssize cap = np->n_digits + (min_width > 0 ? min_width : 0);
    cap += cap / 3 + 4;
    char *gbuf = kr_mem_malloc((size_t)cap);
    if (!gbuf) return -1;
    kr_ssize n_grouped = np->n_digits == 0 ? 0
                                           : group_digits(gbuf, cap, np->digits, np->n_digits,
                                                          min_width, sep, group);
    const char *grouped = gbuf + cap - n_grouped;
    kr_ssize padding = sp->width - (n_non_digit + n_grouped);
    kr_ssize lpad = 0, spad = 0, rpad = 0;
    if (padding > 0) {
        switch (sp->align) {
        case '<':
            rpad = padding;
            break;
        case '^':
            lpad = padding / 2;
            rpad = padding - lpad;
            break;
        case '=':
            spad = padding;
            break;
        default:
            lpad = padding;
            break;
        }
    }
    int rc = -1;
    if (kr_strbuilder_append_fill(b, sp->fill, lpad) < 0) goto done;
    if (sign && kr_strbuilder_append(b, &sign, 1) < 0) goto done;
    if (np->n_prefix) {
        char pre[4];
        memcpy(pre, np->prefix, (size_t)np->n_prefix);
        if (np->upper)
            for (kr_ssize i = 0; i < np->n_prefix; i++)
                if (pre[i] >= 'a' && pre[i] <= 'z') pre[i] -= 32;
        if (kr_strbuilder_append(b, pre, np->n_prefix) < 0) goto done;
    }
    if (kr_strbuilder_append_fill(b, sp->fill, spad) < 0) goto done;
    if (np->upper) {
        for (kr_ssize i = 0; i < n_grouped; i++) {
            char c = grouped[i];
            if (c >= 'a' && c <= 'z') c -= 32;
            if (kr_strbuilder_append(b, &c, 1) < 0) goto done;
        }
    } else if (kr_strbuilder_append(b, grouped, n_grouped) < 0) {
        goto done;
    }
    if (np->has_decimal && kr_strbuilder_append(b, ".", 1) < 0) goto done;
    if (kr_strbuilder_append(b, np->rest, np->n_rest) < 0) goto done;
    if (kr_strbuilder_append_fill(b, sp->fill, rpad) < 0) goto done;
    rc = 0;
done:
    kr_mem_free(gbuf);
    return rc;
}

/* Splits the text of a formatted float ("-123.45e+06", "inf", "12%") into parts. */
static void split_float_text(const char *text, NumParts *np) {
    memset(np, 0, sizeof *np);
    const char *p = text;
    if (*p == '-') {
        np->sign_char = '-';
        p++;
    }
    np->digits = p;
    while (*p >= '0' && *p <= '9')
        p++;
    np->n_digits = p - np->digits;
    if (*p == '.') {
        np->has_decimal = true;
        p++;
    }
    np->rest = p;
    np->n_rest = (kr_ssize)strlen(p);
}

/* ===========================================================================
 * str
 * ========================================================================= */

static int pad_text(KrStrBuilder *b, const Spec *sp, KrObject *text, kr_ssize len_cp,
                    kr_ssize nbytes) {
    kr_ssize total = sp->width > len_cp ? sp->width : len_cp;
    kr_ssize lpad = 0;
    if (sp->align == '>')
        lpad = total - len_cp;
    else if (sp->align == '^')
        lpad = (total - len_cp) / 2;
    kr_ssize rpad = total - len_cp - lpad;
    if (kr_strbuilder_append_fill(b, sp->fill, lpad) < 0) return -1;
    if (kr_strbuilder_append(b, kr_str_data(text), nbytes) < 0) return -1;
    return kr_strbuilder_append_fill(b, sp->fill, rpad);
}

KrObject *kr_format_str(KrObject *v, KrObject *spec) {
    if (kr_str_size(spec) == 0) return kr_str_exact_copy(v);
    Spec sp;
    if (parse_spec(spec, v, 's', '<', &sp) < 0) return NULL;
    if (sp.type != 's') return unknown_code(sp.type, v);
    if (sp.sign) {
        kr_err_set_string(kr_exc_ValueError, "Sign not allowed in string format specifier");
        return NULL;
    }
    if (sp.no_neg_0) {
        kr_err_set_string(kr_exc_ValueError,
                          "Negative zero coercion (z) not allowed in string format specifier");
        return NULL;
    }
    if (sp.alternate) {
        kr_err_set_string(kr_exc_ValueError,
                          "Alternate form (#) not allowed in string format specifier");
        return NULL;
    }
    if (sp.align == '=') {
        kr_err_set_string(kr_exc_ValueError,
                          "'=' alignment not allowed in string format specifier");
        return NULL;
    }
    kr_ssize len = kr_str_length(v);
    if (sp.precision >= 0 && sp.precision < len) len = sp.precision;
    if (sp.width <= len && len == kr_str_length(v)) return kr_str_exact_copy(v);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    if (pad_text(&b, &sp, v, len, kr_str_byte_offset(v, len)) < 0) {
        kr_strbuilder_discard(&b);
        return NULL;
    }
    return kr_strbuilder_finish(&b);
}

/* ===========================================================================
 * float
 * ========================================================================= */

static KrObject *format_double(double val, Spec *sp, KrObject *obj) {
    uint32_t type = sp->type;
    int flags = 0;
    int default_precision = 6;
    bool add_pct = false;
    if (sp->precision > INT_MAX) {
        kr_err_set_string(kr_exc_ValueError, "precision too big");
        return NULL;
    }
    kr_ssize precision = sp->precision;
    if (sp->alternate) flags |= KR_DTSF_ALT;
    if (sp->no_neg_0) flags |= KR_DTSF_NO_NEG_0;
    if (type == 0) {
        flags |= KR_DTSF_ADD_DOT_0;
        type = 'r';
        default_precision = 0;
    }
    if (type == 'n') type = 'g';
    if (type == '%') {
        type = 'f';
        val *= 100;
        add_pct = true;
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    char *text = kr_float_format_double(val, (char)type, (int)precision, flags, NULL);
    if (!text) return NULL;
    size_t tl = strlen(text);
    char *full = text;
    if (add_pct) {
        full = kr_mem_malloc(tl + 2);
        if (!full) {
            kr_mem_free(text);
            return NULL;
        }
        memcpy(full, text, tl);
        full[tl] = '%';
        full[tl + 1] = 0;
        kr_mem_free(text);
    }
    NumParts np;
    split_float_text(full, &np);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    int rc = write_number(&b, sp, &np, sp->type == 'n' ? 0 : sp->thousands, 3);
    kr_mem_free(full);
    if (rc < 0) {
        kr_strbuilder_discard(&b);
        return NULL;
    }
    (void)obj;
    return kr_strbuilder_finish(&b);
}

KrObject *kr_format_float(KrObject *v, KrObject *spec) {
    if (kr_str_size(spec) == 0) return kr_object_str(v);
    Spec sp;
    if (parse_spec(spec, v, 0, '>', &sp) < 0) return NULL;
    switch (sp.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
    case '%':
        break;
    default:
        return unknown_code(sp.type, v);
    }
    double d = kr_float_as_double(v);
    if (d == -1.0 && kr_err_occurred()) return NULL;
    return format_double(d, &sp, v);
}

/* ===========================================================================
 * int
 * ========================================================================= */

static KrObject *format_int_char(KrObject *v, Spec *sp) {
    if (sp->sign) {
        kr_err_set_string(kr_exc_ValueError, "Sign not allowed with integer format specifier 'c'");
        return NULL;
    }
    if (sp->alternate) {
        kr_err_set_string(kr_exc_ValueError,
                          "Alternate form (#) not allowed with integer format specifier 'c'");
        return NULL;
    }
    int64_t c;
    if (kr_int_as_i64_overflow(v, &c) || c < 0 || c > 0x10ffff) {
        kr_err_set_string(kr_exc_OverflowError, "%c arg not in range(0x110000)");
        return NULL;
    }
    KrObject *ch = kr_str_char((uint32_t)c);
    if (!ch) return NULL;
    /* the character is laid out as a number made only of "remainder" */
    NumParts np;
    memset(&np, 0, sizeof np);
    np.digits = "";
    np.rest = kr_str_data(ch);
    np.n_rest = kr_str_size(ch);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    int rc = write_number(&b, sp, &np, 0, 3);
    KR_DECREF(ch);
    if (rc < 0) {
        kr_strbuilder_discard(&b);
        return NULL;
    }
    return kr_strbuilder_finish(&b);
}

KrObject *kr_format_int(KrObject *v, KrObject *spec) {
    if (kr_str_size(spec) == 0) return kr_object_str(v);
    Spec sp;
    if (parse_spec(spec, v, 'd', '>', &sp) < 0) return NULL;
    int base = 10;
    const char *prefix = NULL;
    switch (sp.type) {
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case '%': {
        double d = kr_int_as_double(v);
        if (d == -1.0 && kr_err_occurred()) return NULL;
        return format_double(d, &sp, v);
    }
    case 'b':
        base = 2;
        prefix = "0b";
        break;
    case 'o':
        base = 8;
        prefix = "0o";
        break;
    case 'x':
    case 'X':
        base = 16;
        prefix = "0x";
        break;
    case 'd':
    case 'n':
    case 'c':
        break;
    default:
        return unknown_code(sp.type, v);
    }
    if (sp.precision != -1) {
        kr_err_set_string(kr_exc_ValueError, "Precision not allowed in integer format specifier");
        return NULL;
    }
    if (sp.no_neg_0) {
        kr_err_set_string(kr_exc_ValueError,
                          "Negative zero coercion (z) not allowed in integer format specifier");
        return NULL;
    }
    if (sp.type == 'c') return format_int_char(v, &sp);
    KrObject *text = base == 10 ? kr_int_to_decimal_string(v) : kr_int_format_base(v, base, false);
    if (!text) return NULL;
    NumParts np;
    memset(&np, 0, sizeof np);
    const char *t = kr_str_data(text);
    if (*t == '-') {
        np.sign_char = '-';
        t++;
    }
    /* kr_int_format_base may include a prefix despite prefix=false on some paths */
    if (base != 10 && t[0] == '0' && (t[1] == 'b' || t[1] == 'o' || t[1] == 'x')) t += 2;
    np.digits = t;
    np.n_digits = (kr_ssize)strlen(t);
    np.rest = "";
    if (sp.alternate && prefix) {
        np.prefix = prefix;
        np.n_prefix = 2;
    }
    np.upper = sp.type == 'X';
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    char sep = sp.type == 'n' ? 0 : sp.thousands;
    int rc = write_number(&b, &sp, &np, sep, base == 10 ? 3 : 4);
    KR_DECREF(text);
    if (rc < 0) {
        kr_strbuilder_discard(&b);
        return NULL;
    }
    return kr_strbuilder_finish(&b);
}

/* ===========================================================================
 * complex
 * ========================================================================= */

KrObject *kr_format_complex(KrObject *v, KrObject *spec) {
    if (kr_str_size(spec) == 0) return kr_object_str(v);
    Spec sp;
    if (parse_spec(spec, v, 0, '>', &sp) < 0) return NULL;
    switch (sp.type) {
    case 0:
    case 'e':
    case 'E':
    case 'f':
    case 'F':
    case 'g':
    case 'G':
    case 'n':
        break;
    default:
        return unknown_code(sp.type, v);
    }
    if (sp.fill == '0') {
        kr_err_set_string(kr_exc_ValueError,
                          "Zero padding is not allowed in complex format specifier");
        return NULL;
    }
    if (sp.align == '=') {
        kr_err_set_string(kr_exc_ValueError,
                          "'=' alignment flag is not allowed in complex format specifier");
        return NULL;
    }
    if (sp.precision > INT_MAX) {
        kr_err_set_string(kr_exc_ValueError, "precision too big");
        return NULL;
    }
    double re = ((KrComplex *)v)->real, im = ((KrComplex *)v)->imag;
    uint32_t type = sp.type;
    int flags = 0, default_precision = 6;
    bool skip_re = false, add_parens = false;
    kr_ssize precision = sp.precision;
    if (sp.alternate) flags |= KR_DTSF_ALT;
    if (sp.no_neg_0) flags |= KR_DTSF_NO_NEG_0;
    if (type == 0) {
        type = 'r';
        default_precision = 0;
        if (re == 0.0 && copysign(1.0, re) == 1.0)
            skip_re = true;
        else
            add_parens = true;
    }
    if (type == 'n') type = 'g';
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    char *re_text = kr_float_format_double(re, (char)type, (int)precision, flags, NULL);
    if (!re_text) return NULL;
    char *im_text = kr_float_format_double(im, (char)type, (int)precision, flags, NULL);
    if (!im_text) {
        kr_mem_free(re_text);
        return NULL;
    }
    NumParts rp, ip;
    split_float_text(re_text, &rp);
    split_float_text(im_text, &ip);
    Spec tmp = sp;
    tmp.align = '<';
    tmp.width = -1;
    char sep = sp.type == 'n' ? 0 : sp.thousands;
    KrStrBuilder parts;
    kr_strbuilder_init(&parts);
    int rc = 0;
    if (add_parens) rc = kr_strbuilder_append(&parts, "(", 1);
    if (rc == 0 && !skip_re) rc = write_number(&parts, &tmp, &rp, sep, 3);
    if (!skip_re) tmp.sign = '+';
    if (rc == 0) rc = write_number(&parts, &tmp, &ip, sep, 3);
    if (rc == 0) rc = kr_strbuilder_append(&parts, "j", 1);
    if (rc == 0 && add_parens) rc = kr_strbuilder_append(&parts, ")", 1);
    kr_mem_free(re_text);
    kr_mem_free(im_text);
    if (rc < 0) {
        kr_strbuilder_discard(&parts);
        return NULL;
    }
    KrObject *body = kr_strbuilder_finish(&parts);
    if (!body) return NULL;
    if (sp.width <= kr_str_length(body)) return body;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    rc = pad_text(&b, &sp, body, kr_str_length(body), kr_str_size(body));
    KR_DECREF(body);
    if (rc < 0) {
        kr_strbuilder_discard(&b);
        return NULL;
    }
    return kr_strbuilder_finish(&b);
}

/* format(value, spec): the builtin's core. */
KrObject *kr_str_builtin_format(KrObject *value, KrObject *spec) {
    return kr_object_format(value, spec);
}
