/* float_repr.c - text conversions of floats: the shortest round-trip digits behind
 * repr(), kr_float_format_double for the formatting engine ('e', 'f', 'g', 'r'),
 * float(str) parsing with Python's grammar, and float.hex / float.fromhex.
 * Digits come from glibc's correctly rounded printf, checked by reading them back. */
#include <float.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numbers.h"

/* ---------------------------------------------------------------------------
 * Shortest digits
 * ------------------------------------------------------------------------- */

/* Significant digits of v (> 0, finite) at `prec` digits: digits (no point, no
 * trailing-zero stripping) and decpt, with v ~= 0.DIGITS * 10**decpt. */
static int digits_at(double v, int prec, char *digits, int *decpt) {
    char buf[64];
    snprintf(buf, sizeof buf, "%.*e", prec - 1, v);
    int n = 0;
    const char *p = buf;
    for (; *p && *p != 'e'; p++)
        if (*p >= '0' && *p <= '9') digits[n++] = *p;
    digits[n] = 0;
    *decpt = atoi(p + 1) + 1;
    return n;
}

static bool reads_back(const char *digits, int n, int decpt, double v) {
    char buf[64];
    snprintf(buf, sizeof buf, "0.%.*se%d", n, digits, decpt);
    return strtod(buf, NULL) == v;
}

/* Adds one unit in the last place of an n-digit string; returns false when it
 * carries out (all nines). */
static bool increment_digits(char *digits, int n) {
    for (int k = n - 1; k >= 0; k--) {
        if (digits[k] != '9') {
            digits[k]++;
            return true;
        }
        digits[k] = '0';
    }
    return false;
}

/* The shortest digit string that reads back as v (v > 0, finite), the nearest to v
 * among those of that length: CPython's repr digits (dtoa mode 0). */
static int shortest_digits(double v, char *digits, int *decpt) {
    /* Reading back is monotone in the number of digits, so binary search. */
    int lo = 1, hi = 17;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        char d[32];
        int dp;
        int n = digits_at(v, mid, d, &dp);
        if (reads_back(d, n, dp, v))
            hi = mid;
        else
            lo = mid + 1;
    }
    int n = digits_at(v, lo, digits, decpt);
    int e;
    if (frexp(v, &e) == 0.5 && lo > 1) {
        /* A power of two has a narrower gap below it than above, so a shorter string
         * can exist just above v even though the nearest one (below) misses. */
        for (int k = 1; k < lo; k++) {
            char d[32];
            int dp;
            int m = digits_at(v, k, d, &dp);
            if (!increment_digits(d, m)) {
                d[0] = '1';
                dp++;
            }
            if (reads_back(d, m, dp, v)) {
                memcpy(digits, d, (size_t)m + 1);
                *decpt = dp;
                n = m;
                break;
            }
        }
    }
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = 0;
    return n;
}

/* ---------------------------------------------------------------------------
 * Layout
 * ------------------------------------------------------------------------- */

typedef struct {
    char *buf;
    size_t len, cap;
} Out;

static void out_add(Out *o, const char *s, size_t n) {
    if (!o->buf) return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = (o->len + n + 1) * 2;
        char *b = kr_mem_realloc(o->buf, cap);
        if (!b) {
            kr_mem_free(o->buf);
            o->buf = NULL;
            return;
        }
        o->buf = b;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = 0;
}

static void out_cstr(Out *o, const char *s) { out_add(o, s, strlen(s)); }

static void out_repeat(Out *o, char c, int n) {
    for (int k = 0; k < n; k++)
        out_add(o, &c, 1);
}

/* repr-style layout of shortest digits (mode 'r'). */
static void layout_repr(Out *o, const char *digits, int n, int decpt, bool add_dot_0, bool alt,
                        bool upper) {
    if (decpt <= -4 || decpt > 16) {
        out_add(o, digits, 1);
        if (n > 1 || alt) out_cstr(o, ".");
        if (n > 1) out_add(o, digits + 1, (size_t)n - 1);
        char e[16];
        int x = decpt - 1;
        snprintf(e, sizeof e, "%c%c%02d", upper ? 'E' : 'e', x < 0 ? '-' : '+', x < 0 ? -x : x);
        out_cstr(o, e);
    } else if (decpt <= 0) {
        out_cstr(o, "0.");
        out_repeat(o, '0', -decpt);
        out_add(o, digits, (size_t)n);
    } else if (decpt >= n) {
        out_add(o, digits, (size_t)n);
        out_repeat(o, '0', decpt - n);
        if (add_dot_0)
            out_cstr(o, ".0");
        else if (alt)
            out_cstr(o, ".");
    } else {
        out_add(o, digits, (size_t)decpt);
        out_cstr(o, ".");
        out_add(o, digits + decpt, (size_t)(n - decpt));
    }
}

char *kr_float_format_double(double v, char code, int precision, int flags, int *type_out) {
    bool upper = code == 'E' || code == 'F' || code == 'G';
    char lc = upper ? (char)(code + 32) : code;
    if (lc != 'e' && lc != 'f' && lc != 'g' && lc != 'r') {
        kr_err_bad_internal_call("kr_float_format_double");
        return NULL;
    }
    Out o = {kr_mem_malloc(32), 0, 32};
    if (!o.buf) return NULL;
    o.buf[0] = 0;
    int type = KR_DTST_FINITE;
    bool neg = signbit(v) != 0;
    if (isnan(v)) {
        type = KR_DTST_NAN;
        neg = false;
    } else if (isinf(v)) {
        type = KR_DTST_INFINITE;
    }
    double a = fabs(v);
    Out body = {kr_mem_malloc(32), 0, 32};
    if (!body.buf) {
        kr_mem_free(o.buf);
        return NULL;
    }
    body.buf[0] = 0;
    bool alt = (flags & KR_DTSF_ALT) != 0;
    if (type == KR_DTST_NAN) {
        out_cstr(&body, upper ? "NAN" : "nan");
    } else if (type == KR_DTST_INFINITE) {
        out_cstr(&body, upper ? "INF" : "inf");
    } else if (lc == 'r') {
        char digits[32];
        int decpt = 1, n = 1;
        if (a == 0.0)
            strcpy(digits, "0");
        else
            n = shortest_digits(a, digits, &decpt);
        layout_repr(&body, digits, n, decpt, (flags & KR_DTSF_ADD_DOT_0) != 0, alt, upper);
    } else {
        if (precision < 0) precision = 6;
        if (lc == 'g' && precision == 0) precision = 1;
        char fmt[16];
        char fcode = code;
        int fprec = precision;
        /* With ADD_DOT_0 (format() without a type), CPython switches 'g' to exponent
         * notation one digit earlier: when the exponent reaches precision - 1, since
         * the fixed form would need a ".0" digit the precision does not allow. */
        if (lc == 'g' && (flags & KR_DTSF_ADD_DOT_0) && a != 0.0) {
            char probe[64];
            snprintf(probe, sizeof probe, "%.*e", precision - 1, a);
            const char *e = strchr(probe, 'e');
            int x = e ? atoi(e + 1) : 0;
            if (x >= precision - 1 && x < precision) {
                fcode = upper ? 'E' : 'e';
                fprec = precision - 1;
            }
        }
        snprintf(fmt, sizeof fmt, "%%%s.*%c", alt ? "#" : "", fcode);
        precision = fprec;
        int need = snprintf(NULL, 0, fmt, precision, a);
        char *tmp = kr_mem_malloc((size_t)need + 1);
        if (!tmp) {
            kr_mem_free(o.buf);
            kr_mem_free(body.buf);
            return NULL;
        }
        snprintf(tmp, (size_t)need + 1, fmt, precision, a);
        if (fcode != code && !alt) { /* 'g' drops trailing zeros of the mantissa */
            char *e = strpbrk(tmp, "eE");
            char *m = e;
            while (m > tmp && m[-1] == '0') m--;
            if (m > tmp && m[-1] == '.') m--;
            memmove(m, e, strlen(e) + 1);
            need = (int)strlen(tmp);
        }
        out_add(&body, tmp, (size_t)need);
        kr_mem_free(tmp);
        if ((flags & KR_DTSF_ADD_DOT_0) && body.buf && !strpbrk(body.buf, ".eE"))
            out_cstr(&body, ".0");
    }
    if (!body.buf) {
        kr_mem_free(o.buf);
        return NULL;
    }
    if (neg && (flags & KR_DTSF_NO_NEG_0) && type == KR_DTST_FINITE &&
        !strpbrk(body.buf, "123456789"))
        neg = false; /* rounded to zero: 'z' drops the sign */
    if (neg)
        out_cstr(&o, "-");
    else if (flags & KR_DTSF_SIGN)
        out_cstr(&o, "+");
    out_add(&o, body.buf, body.len);
    kr_mem_free(body.buf);
    if (!o.buf) return NULL;
    if (type_out) *type_out = type;
    return o.buf;
}

KrObject *kr_float_repr_double(double v) {
    char *s = kr_float_format_double(v, 'r', 0, KR_DTSF_ADD_DOT_0, NULL);
    if (!s) return NULL;
    size_t n = strlen(s);
    KrObject *r = kr_str_from_utf8_unchecked(s, (kr_ssize)n, (kr_ssize)n, true);
    kr_mem_free(s);
    return r;
}

KrObject *kr_float_repr(KrObject *o) { return kr_float_repr_double(((KrFloat *)o)->value); }

/* ---------------------------------------------------------------------------
 * Parsing
 * ------------------------------------------------------------------------- */

static bool c_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool match_word(const char *s, const char *end, const char *w) {
    size_t n = strlen(w);
    if ((size_t)(end - s) < n) return false;
    for (size_t k = 0; k < n; k++)
        if ((s[k] | 0x20) != w[k]) return false;
    return true;
}

/* Copies a run of digits with single underscores between them into *dst; returns
 * the number of digits, or -1 when an underscore is misplaced. */
static int digit_part(const char **sp, const char *end, char **dst) {
    const char *s = *sp;
    int n = 0;
    while (s < end) {
        if (is_digit(*s)) {
            *(*dst)++ = *s++;
            n++;
        } else if (*s == '_' && n > 0 && s + 1 < end && is_digit(s[1])) {
            s++;
        } else {
            break;
        }
    }
    *sp = s;
    return n;
}

int kr_float_parse_prefix(const char *s, const char *end, double *out, const char **stop) {
    const char *p = s;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    if (match_word(p, end, "infinity")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        *stop = p + 8;
        return 0;
    }
    if (match_word(p, end, "inf")) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        *stop = p + 3;
        return 0;
    }
    if (match_word(p, end, "nan")) {
        *out = neg ? -NAN : NAN;
        *stop = p + 3;
        return 0;
    }
    char *clean = kr_mem_malloc((size_t)(end - s) + 2);
    if (!clean) return -2;
    char *d = clean;
    if (neg) *d++ = '-';
    int ni = digit_part(&p, end, &d);
    int nf = 0;
    if (p < end && *p == '.') {
        *d++ = *p++;
        nf = digit_part(&p, end, &d);
    }
    if (ni == 0 && nf == 0) {
        kr_mem_free(clean);
        return -1;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        const char *save = p;
        char *dsave = d;
        *d++ = *p++;
        if (p < end && (*p == '+' || *p == '-')) *d++ = *p++;
        if (digit_part(&p, end, &d) == 0) {
            /* "1e" is not an exponent: stop before it */
            p = save;
            d = dsave;
        }
    }
    *d = 0;
    *out = strtod(clean, NULL);
    kr_mem_free(clean);
    *stop = p;
    return 0;
}

KrObject *kr_float_parse(const char *s, kr_ssize len, KrObject *orig, bool is_bytes) {
    kr_ssize n;
    char *buf = kr_num_to_ascii(s, len, is_bytes, &n);
    if (!buf) return NULL;
    const char *p = buf, *end = buf + n;
    while (p < end && c_space(*p))
        p++;
    while (end > p && c_space(end[-1]))
        end--;
    double v;
    const char *stop;
    int rc = p < end ? kr_float_parse_prefix(p, end, &v, &stop) : -1;
    kr_mem_free(buf);
    if (rc == -2) return NULL;
    if (rc == 0 && stop == end) return kr_float_from_double(v);
    KrObject *src = orig       ? KR_NEWREF(orig)
                    : is_bytes ? kr_bytes_from_data(s, len)
                               : kr_str_from_utf8(s, len);
    if (!src) return NULL;
    kr_err_format(kr_exc_ValueError, "could not convert string to float: %R", src);
    KR_DECREF(src);
    return NULL;
}

KrObject *kr_float_from_string(KrObject *s) {
    if (KR_STR_CHECK(s)) return kr_float_parse(kr_str_data(s), kr_str_size(s), s, false);
    if (KR_BYTES_CHECK(s)) return kr_float_parse(kr_bytes_data(s), KR_SIZE(s), s, true);
    if (KR_TYPE_IS(s, &kr_bytearray_type)) {
        const char *d = ((KrByteArray *)s)->data;
        return kr_float_parse(d ? d : "", KR_SIZE(s), s, true);
    }
    return kr_err_format(kr_exc_TypeError,
                         "float() argument must be a string or a real number, "
                         "not '%s'",
                         kr_type_name_cstr(KR_TYPE(s)));
}

/* ---------------------------------------------------------------------------
 * float.hex / float.fromhex
 * ------------------------------------------------------------------------- */

KrObject *kr_float_hex(KrObject *self, KrObject *unused) {
    double v = ((KrFloat *)self)->value;
    if (!isfinite(v)) return kr_float_repr_double(v);
    char buf[48];
    const char *sign = signbit(v) ? "-" : "";
    if (v == 0.0) {
        snprintf(buf, sizeof buf, "%s0x0.0p+0", sign);
    } else {
        uint64_t bits;
        memcpy(&bits, &v, sizeof bits);
        uint64_t frac = bits & (((uint64_t)1 << 52) - 1);
        int ex = (int)((bits >> 52) & 0x7ff);
        if (ex == 0)
            snprintf(buf, sizeof buf, "%s0x0.%013llxp-1022", sign, (unsigned long long)frac);
        else
            snprintf(buf, sizeof buf, "%s0x1.%013llxp%+d", sign, (unsigned long long)frac,
                     ex - 1023);
    }
    return kr_str_from_cstr(buf);
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    c = (char)(c | 0x20);
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

static KrObject *fromhex_value(const char *s, kr_ssize len, double *out) {
    const char *p = s, *end = s + len;
    while (p < end && c_space(*p))
        p++;
    while (end > p && c_space(end[-1]))
        end--;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    if (match_word(p, end, "infinity") && end - p == 8) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return kr_none;
    }
    if (match_word(p, end, "inf") && end - p == 3) {
        *out = neg ? -HUGE_VAL : HUGE_VAL;
        return kr_none;
    }
    if (match_word(p, end, "nan") && end - p == 3) {
        *out = NAN;
        return kr_none;
    }
    if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x') p += 2;
    char *hex = kr_mem_malloc((size_t)(end - p) + 2);
    if (!hex) return NULL;
    int nh = 0, nfrac = 0;
    while (p < end && hex_value(*p) >= 0)
        hex[nh++] = *p++;
    if (p < end && *p == '.') {
        p++;
        while (p < end && hex_value(*p) >= 0) {
            hex[nh++] = *p++;
            nfrac++;
        }
    }
    hex[nh] = 0;
    int64_t exp = 0;
    bool bad = nh == 0;
    if (!bad && p < end && (*p | 0x20) == 'p') {
        p++;
        bool eneg = false;
        if (p < end && (*p == '+' || *p == '-')) eneg = *p++ == '-';
        if (p >= end || !is_digit(*p)) bad = true;
        while (p < end && is_digit(*p)) {
            if (exp < ((int64_t)1 << 40)) exp = exp * 10 + (*p - '0'); /* saturates */
            p++;
        }
        if (eneg) exp = -exp;
    }
    if (bad || p != end) {
        kr_mem_free(hex);
        kr_err_set_string(kr_exc_ValueError, "invalid hexadecimal floating-point string");
        return NULL;
    }
    mpz_t m;
    mpz_init(m);
    mpz_set_str(m, hex, 16);
    kr_mem_free(hex);
    int64_t e = exp - 4 * (int64_t)nfrac;
    double r;
    if (mpz_sgn(m) == 0) {
        r = 0.0;
    } else {
        int64_t nb = (int64_t)mpz_sizeinbase(m, 2);
        if (nb - 1 + e > 1024) {
            r = HUGE_VAL;
        } else if (nb - 1 + e < -1080) {
            r = 0.0;
        } else {
            uint64_t q;
            int64_t s = e;
            if (nb > 55) {
                mp_bitcnt_t shift = (mp_bitcnt_t)(nb - 55);
                bool sticky = mpz_scan1(m, 0) < shift;
                mpz_tdiv_q_2exp(m, m, shift);
                q = mpz_get_ui(m) | (uint64_t)sticky;
                s += (int64_t)shift;
            } else {
                q = mpz_get_ui(m);
            }
            r = kr_num_ldexp_rounded(q, s);
        }
    }
    mpz_clear(m);
    if (isinf(r)) {
        kr_err_set_string(kr_exc_OverflowError,
                          "hexadecimal value too large to represent as a float");
        return NULL;
    }
    *out = neg ? -r : r;
    return kr_none;
}

KrObject *kr_float_fromhex(KrObject *cls, KrObject *arg) {
    if (!KR_STR_CHECK(arg))
        return kr_err_format(kr_exc_TypeError, "fromhex() argument must be str, not %T", arg);
    kr_ssize n;
    char *ascii = kr_num_to_ascii(kr_str_data(arg), kr_str_size(arg), false, &n);
    if (!ascii) return NULL;
    double v;
    KrObject *ok = fromhex_value(ascii, n, &v);
    kr_mem_free(ascii);
    if (!ok) return NULL;
    KrObject *r = kr_float_from_double(v);
    if (!r || (KrType *)cls == &kr_float_type) return r;
    KrObject *sub = kr_call_one(cls, r);
    KR_DECREF(r);
    return sub;
}
