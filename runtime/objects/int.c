/* int.c - the int type's core: the small-int cache, construction from C values and
 * GMP, conversions back (correctly rounded to double), hashing, comparison and the
 * text conversions int(str) / str(int). Arithmetic is in int_ops.c, methods in
 * int_methods.c. Values that fit int64 always live in `value` with big == NULL. */
#include <stdio.h>
#include <string.h>

#include "numbers.h"

/* ---------------------------------------------------------------------------
 * The small-int cache: static and immortal, so it is usable before start-up ends
 * ------------------------------------------------------------------------- */

#define SI(v)                                                                                      \
    { .ob_base = KR_STATIC_OBJECT_INIT(&kr_int_type), .value = (v), .big = NULL }
#define SI10(b)                                                                                    \
    SI(b), SI(b + 1), SI(b + 2), SI(b + 3), SI(b + 4), SI(b + 5), SI(b + 6), SI(b + 7), SI(b + 8), \
        SI(b + 9)
#define SI50(b) SI10(b), SI10(b + 10), SI10(b + 20), SI10(b + 30), SI10(b + 40)

KrInt kr_small_ints[KR_SMALL_INT_MAX - KR_SMALL_INT_MIN + 1] = {
    SI(-5),    SI(-4),  SI(-3),  SI(-2),  SI(-1),  SI50(0), SI50(50), SI50(100), SI50(150),
    SI50(200), SI(250), SI(251), SI(252), SI(253), SI(254), SI(255),  SI(256),
};
_Static_assert(sizeof kr_small_ints / sizeof *kr_small_ints == 262, "small int cache size");

int kr_int_init(void) {
    for (int64_t v = KR_SMALL_INT_MIN; v <= KR_SMALL_INT_MAX; v++) {
        KrInt *o = &kr_small_ints[v - KR_SMALL_INT_MIN];
        if (o->value != v || !kr_is_immortal((KrObject *)o)) {
            kr_err_set_string(kr_exc_SystemError, "small int cache is corrupt");
            return -1;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------------------
 * Construction
 * ------------------------------------------------------------------------- */

/* A per-thread free list of exact-int objects (linked through `value`): loops make
 * and drop millions of temporary ints, and this skips the allocator both ways. */
#define INT_FREELIST_MAX 256
static _Thread_local KrInt *int_freelist;
static _Thread_local int int_freelist_len;

void kr_int_release(KrObject *o) {
    if (KR_TYPE(o) == &kr_int_type && int_freelist_len < INT_FREELIST_MAX) {
        KrInt *i = (KrInt *)o;
        i->value = (int64_t)(intptr_t)int_freelist;
        int_freelist = i;
        int_freelist_len++;
        return;
    }
    kr_object_free(o);
}

KrObject *kr_int_from_i64(int64_t v) {
    if (v >= KR_SMALL_INT_MIN && v <= KR_SMALL_INT_MAX)
        return (KrObject *)&kr_small_ints[v - KR_SMALL_INT_MIN];
    KrInt *o = int_freelist;
    if (o) {
        int_freelist = (KrInt *)(intptr_t)o->value;
        int_freelist_len--;
        kr_object_init_header((KrObject *)o, &kr_int_type);
        o->value = v;
        o->big = NULL;
        return (KrObject *)o;
    }
    o = (KrInt *)kr_object_new(&kr_int_type);
    if (!o) return NULL;
    o->value = v;
    return (KrObject *)o;
}

KrObject *kr_int_from_ssize(kr_ssize v) { return kr_int_from_i64((int64_t)v); }

KrObject *kr_int_from_mpz_steal(mpz_ptr z) {
    if (mpz_fits_slong_p(z)) {
        int64_t v = mpz_get_si(z);
        mpz_clear(z);
        return kr_int_from_i64(v);
    }
    KrInt *o = (KrInt *)kr_object_new(&kr_int_type);
    __mpz_struct *big = o ? kr_mem_malloc(sizeof *big) : NULL;
    if (!big) {
        if (o) kr_object_free((KrObject *)o);
        mpz_clear(z);
        return NULL;
    }
    *big = *z; /* the limbs now belong to the object */
    o->big = big;
    return (KrObject *)o;
}

KrObject *kr_int_from_u64(uint64_t v) {
    if (v <= INT64_MAX) return kr_int_from_i64((int64_t)v);
    mpz_t z;
    mpz_init_set_ui(z, v);
    return kr_int_from_mpz_steal(z);
}

KrObject *kr_int_from_mpz(const mpz_t z) {
    if (mpz_fits_slong_p(z)) return kr_int_from_i64(mpz_get_si(z));
    mpz_t c;
    mpz_init_set(c, z);
    return kr_int_from_mpz_steal(c);
}

KrObject *kr_int_from_double(double d) {
    if (isinf(d))
        return kr_err_format(kr_exc_OverflowError, "cannot convert float infinity to integer");
    if (isnan(d)) return kr_err_format(kr_exc_ValueError, "cannot convert float NaN to integer");
    d = trunc(d);
    if (d >= -9223372036854775808.0 && d < 9223372036854775808.0)
        return kr_int_from_i64((int64_t)d);
    mpz_t z;
    mpz_init_set_d(z, d); /* exact: d is integral */
    return kr_int_from_mpz_steal(z);
}

KrObject *kr_int_new_of_type(KrType *type, KrObject *v) {
    if (type == &kr_int_type) return kr_int_exact(v);
    KrInt *o = (KrInt *)kr_type_generic_alloc(type, 0);
    if (!o) return NULL;
    KrInt *src = (KrInt *)v;
    o->value = src->value;
    o->big = NULL;
    if (src->big) {
        o->big = kr_mem_malloc(sizeof *o->big);
        if (!o->big) {
            KR_DECREF(o);
            return NULL;
        }
        mpz_init_set(o->big, src->big);
        o->value = 0;
    }
    return (KrObject *)o;
}

KrObject *kr_int_exact(KrObject *v) {
    if (KR_INT_CHECK_EXACT(v)) return KR_NEWREF(v);
    KrInt *src = (KrInt *)v;
    if (!src->big) return kr_int_from_i64(src->value);
    return kr_int_from_mpz(src->big);
}

/* ---------------------------------------------------------------------------
 * Conversion to C values
 * ------------------------------------------------------------------------- */

/* An exact int for o (__index__ for non-ints), new reference. */
static KrObject *as_int(KrObject *o) {
    if (KR_INT_CHECK(o)) return KR_NEWREF(o);
    return kr_number_index(o);
}

int kr_int_as_i64_overflow(KrObject *o, int64_t *out) {
    if (!KR_INT_CHECK(o)) {
        kr_err_format(kr_exc_TypeError, "an integer is required (got type %T)", o);
        return -1;
    }
    KrInt *i = (KrInt *)o;
    if (i->big) return 1;
    *out = i->value;
    return 0;
}

int64_t kr_int_as_i64(KrObject *o) {
    KrObject *v = as_int(o);
    if (!v) return -1;
    KrInt *i = (KrInt *)v;
    int64_t r = i->value;
    bool big = i->big != NULL;
    KR_DECREF(v);
    if (big) {
        kr_err_set_string(kr_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    return r;
}

kr_ssize kr_int_as_ssize(KrObject *o) {
    KrObject *v = as_int(o);
    if (!v) return -1;
    KrInt *i = (KrInt *)v;
    int64_t r = i->value;
    bool big = i->big != NULL;
    KR_DECREF(v);
    if (big || r > (int64_t)SSIZE_MAX || r < -(int64_t)SSIZE_MAX - 1) {
        kr_err_set_string(kr_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    return (kr_ssize)r;
}

void kr_int_to_mpz(KrObject *o, mpz_t out) {
    KrMpzView v;
    mpz_set(out, kr_int_view(o, &v));
}

int kr_int_sign(KrObject *o) {
    KrInt *i = (KrInt *)o;
    if (i->big) return mpz_sgn(i->big);
    return i->value < 0 ? -1 : (i->value > 0);
}

uint64_t kr_int_bit_length_u(KrObject *v) {
    KrInt *i = (KrInt *)v;
    if (i->big) return mpz_sizeinbase(i->big, 2);
    if (i->value == 0) return 0;
    uint64_t m = i->value < 0 ? (uint64_t)0 - (uint64_t)i->value : (uint64_t)i->value;
    return 64 - (uint64_t)__builtin_clzll(m);
}

/* ---------------------------------------------------------------------------
 * Correctly rounded conversion to double
 * ------------------------------------------------------------------------- */

double kr_num_ldexp_rounded(uint64_t q, int64_t s) {
    if (q == 0) return 0.0;
    int nb = 64 - __builtin_clzll(q);
    /* bits to drop: down to 53 significant bits, or to the subnormal grid 2**-1074 */
    int64_t excess = nb - 53;
    if (-1074 - s > excess) excess = -1074 - s;
    if (excess > 0) {
        if (excess >= 64) {
            q = excess == 64 && q > ((uint64_t)1 << 63); /* everything is below the grid */
        } else {
            uint64_t mask = ((uint64_t)1 << excess) - 1, half = (uint64_t)1 << (excess - 1);
            uint64_t rem = q & mask;
            q >>= excess;
            if (rem > half || (rem == half && (q & 1))) q++;
        }
        s += excess;
    }
    if (s > 1024) return HUGE_VAL;
    return ldexp((double)q, (int)s); /* exact unless it overflows to inf */
}

int kr_num_mpz_to_double(mpz_srcptr a, double *out) {
    size_t nb = mpz_sizeinbase(a, 2);
    int sign = mpz_sgn(a);
    if (nb <= 63) {
        /* int64 -> double rounds correctly in hardware */
        *out = (double)mpz_get_si(a);
        return 0;
    }
    if (nb > 1025) return -1;
    mpz_t t;
    mpz_init(t);
    mpz_abs(t, a);
    size_t shift = nb - 55;
    bool sticky = mpz_scan1(t, 0) < shift;
    mpz_tdiv_q_2exp(t, t, shift);
    uint64_t q = mpz_get_ui(t) | (uint64_t)sticky;
    mpz_clear(t);
    double d = kr_num_ldexp_rounded(q, (int64_t)shift);
    if (isinf(d)) return -1;
    *out = sign < 0 ? -d : d;
    return 0;
}

int kr_num_mpz_ratio_to_double(mpz_srcptr a, mpz_srcptr b, double *out) {
    int sign = mpz_sgn(a) * mpz_sgn(b);
    if (sign == 0) {
        *out = mpz_sgn(b) < 0 ? -0.0 : 0.0; /* 0 / negative is -0.0 */
        return 0;
    }
    int64_t e = (int64_t)mpz_sizeinbase(a, 2) - (int64_t)mpz_sizeinbase(b, 2);
    /* a/b lies in (2**(e-1), 2**(e+1)) */
    if (e > 1025) return -1;
    if (e < -1080) {
        *out = sign < 0 ? -0.0 : 0.0;
        return 0;
    }
    int64_t s = e - 55 > -1076 ? e - 55 : -1076;
    mpz_t n, d, q, r;
    mpz_inits(n, d, q, r, NULL);
    mpz_abs(n, a);
    mpz_abs(d, b);
    if (s >= 0)
        mpz_mul_2exp(d, d, (mp_bitcnt_t)s);
    else
        mpz_mul_2exp(n, n, (mp_bitcnt_t)-s);
    mpz_tdiv_qr(q, r, n, d);
    uint64_t qq = mpz_get_ui(q) | (uint64_t)(mpz_sgn(r) != 0);
    mpz_clears(n, d, q, r, NULL);
    double v = kr_num_ldexp_rounded(qq, s);
    if (isinf(v)) return -1;
    *out = sign < 0 ? -v : v;
    return 0;
}

double kr_int_as_double(KrObject *o) {
    KrObject *v = as_int(o);
    if (!v) return -1.0;
    KrInt *i = (KrInt *)v;
    double d;
    if (!i->big) {
        d = (double)i->value;
    } else if (kr_num_mpz_to_double(i->big, &d) < 0) {
        KR_DECREF(v);
        kr_err_set_string(kr_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    KR_DECREF(v);
    return d;
}

/* ---------------------------------------------------------------------------
 * Comparison and hashing
 * ------------------------------------------------------------------------- */

int kr_int_compare(KrObject *a, KrObject *b) {
    KrInt *x = (KrInt *)a, *y = (KrInt *)b;
    if (!x->big && !y->big) return (x->value > y->value) - (x->value < y->value);
    KrMpzView va, vb;
    int c = mpz_cmp(kr_int_view(a, &va), kr_int_view(b, &vb));
    return (c > 0) - (c < 0);
}

int kr_int_compare_double(KrObject *i, double d) {
    if (isinf(d)) return d > 0 ? -1 : 1;
    KrInt *x = (KrInt *)i;
    if (!x->big && x->value >= -((int64_t)1 << 53) && x->value <= ((int64_t)1 << 53)) {
        double xv = (double)x->value; /* exact */
        return (xv > d) - (xv < d);
    }
    /* Compare with floor(d) exactly; the fractional part only matters on a tie. */
    double fl = floor(d);
    mpz_t z;
    mpz_init_set_d(z, fl);
    KrMpzView v;
    int c = mpz_cmp(kr_int_view(i, &v), z);
    mpz_clear(z);
    if (c != 0) return c > 0 ? 1 : -1;
    return fl == d ? 0 : -1;
}

kr_hash kr_int_hash(KrObject *o) {
    KrInt *i = (KrInt *)o;
    uint64_t h;
    int neg;
    if (!i->big) {
        int64_t v = i->value;
        neg = v < 0;
        uint64_t m = neg ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
        h = m % KR_HASH_MODULUS;
    } else {
        neg = mpz_sgn(i->big) < 0;
        h = mpz_tdiv_ui(i->big, KR_HASH_MODULUS);
    }
    kr_hash r = neg ? -(kr_hash)h : (kr_hash)h;
    return r == -1 ? -2 : r;
}

/* ---------------------------------------------------------------------------
 * Text: str(int), hex/oct/bin
 * ------------------------------------------------------------------------- */

static KrObject *ascii_str(const char *s, size_t n) {
    return kr_str_from_utf8_unchecked(s, (kr_ssize)n, (kr_ssize)n, true);
}

static KrObject *too_many_digits_out(int64_t limit) {
    return kr_err_format(kr_exc_ValueError,
                         "Exceeds the limit (%lld digits) for integer string conversion; use "
                         "sys.set_int_max_str_digits() to increase the limit",
                         (long long)limit);
}

KrObject *kr_int_to_decimal_string(KrObject *o) {
    KrInt *i = (KrInt *)o;
    if (!i->big) {
        char buf[24];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)i->value);
        return ascii_str(buf, (size_t)n);
    }
    int64_t limit = kr_sys_int_max_str_digits();
    size_t est = mpz_sizeinbase(i->big, 10); /* exact or one too many */
    if (limit > 0 && est > (uint64_t)limit + 1) return too_many_digits_out(limit);
    char *buf = kr_mem_malloc(est + 2);
    if (!buf) return NULL;
    mpz_get_str(buf, 10, i->big);
    size_t n = strlen(buf);
    size_t digits = n - (buf[0] == '-');
    if (limit > 0 && digits > (uint64_t)limit) {
        kr_mem_free(buf);
        return too_many_digits_out(limit);
    }
    KrObject *r = ascii_str(buf, n);
    kr_mem_free(buf);
    return r;
}

KrObject *kr_int_repr(KrObject *o) { return kr_int_to_decimal_string(o); }

KrObject *kr_int_format_base(KrObject *o, int base, bool prefix) {
    if (base == 10) return kr_int_to_decimal_string(o);
    if (base != 2 && base != 8 && base != 16) {
        kr_err_bad_internal_call("kr_int_format_base");
        return NULL;
    }
    KrMpzView v;
    mpz_srcptr z = kr_int_view(o, &v);
    size_t n = mpz_sizeinbase(z, base);
    char *buf = kr_mem_malloc(n + 5);
    if (!buf) return NULL;
    char *p = buf;
    if (mpz_sgn(z) < 0) *p++ = '-';
    if (prefix) {
        *p++ = '0';
        *p++ = base == 2 ? 'b' : base == 8 ? 'o' : 'x';
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, z);
    mpz_get_str(p, base, a);
    mpz_clear(a);
    KrObject *r = ascii_str(buf, strlen(buf));
    kr_mem_free(buf);
    return r;
}

/* ---------------------------------------------------------------------------
 * Text: int(str, base)
 * ------------------------------------------------------------------------- */

/* The code points whose Unicode decimal value is 0 and start a run of ten digits
 * (every Nd character belongs to one such run). */
static const uint32_t decimal_zeros[] = {
    0x660,   0x6f0,   0x7c0,   0x966,   0x9e6,   0xa66,   0xae6,   0xb66,   0xbe6,   0xc66,
    0xce6,   0xd66,   0xde6,   0xe50,   0xed0,   0xf20,   0x1040,  0x1090,  0x17e0,  0x1810,
    0x1946,  0x19d0,  0x1a80,  0x1a90,  0x1b50,  0x1bb0,  0x1c40,  0x1c50,  0xa620,  0xa8d0,
    0xa900,  0xa9d0,  0xa9f0,  0xaa50,  0xabf0,  0xff10,  0x104a0, 0x10d30, 0x11066, 0x110f0,
    0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x11730, 0x118e0, 0x11950,
    0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec,
    0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
};

static int unicode_decimal(uint32_t cp) {
    for (size_t i = 0; i < sizeof decimal_zeros / sizeof *decimal_zeros; i++)
        if (cp >= decimal_zeros[i] && cp < decimal_zeros[i] + 10)
            return (int)(cp - decimal_zeros[i]);
    return -1;
}

static bool unicode_space(uint32_t cp) {
    return cp == 0x85 || cp == 0xa0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) ||
           cp == 0x2028 || cp == 0x2029 || cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

/* Decodes one UTF-8 sequence (lenient: surrogates allowed); returns its length or 0. */
static int utf8_decode(const unsigned char *s, const unsigned char *end, uint32_t *cp) {
    unsigned c = s[0];
    int n = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
    if (n == 0 || end - s < n) return 0;
    uint32_t v = c & (0x3f >> (n - 1));
    for (int k = 1; k < n; k++) {
        if ((s[k] & 0xc0) != 0x80) return 0;
        v = (v << 6) | (s[k] & 0x3f);
    }
    *cp = v;
    return n;
}

char *kr_num_to_ascii(const char *s, kr_ssize len, bool is_bytes, kr_ssize *out_len) {
    char *buf = kr_mem_malloc((size_t)len + 1);
    if (!buf) return NULL;
    const unsigned char *p = (const unsigned char *)s, *end = p + len;
    kr_ssize n = 0;
    while (p < end) {
        if (*p < 0x80 || is_bytes) {
            buf[n++] = *p < 0x80 ? (char)*p : '?';
            p++;
            continue;
        }
        uint32_t cp;
        int k = utf8_decode(p, end, &cp);
        if (k == 0) {
            buf[n++] = '?';
            p++;
            continue;
        }
        p += k;
        int d;
        if (unicode_space(cp))
            buf[n++] = ' ';
        else if ((d = unicode_decimal(cp)) >= 0)
            buf[n++] = (char)('0' + d);
        else
            buf[n++] = '?';
    }
    buf[n] = 0;
    *out_len = n;
    return buf;
}

static bool c_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

static KrObject *invalid_literal(int base, const char *s, kr_ssize len, KrObject *orig,
                                 bool is_bytes) {
    KrObject *src = orig       ? KR_NEWREF(orig)
                    : is_bytes ? kr_bytes_from_data(s, len)
                               : kr_str_from_utf8(s, len);
    if (!src) return NULL;
    KrObject *r = kr_object_repr(src);
    KR_DECREF(src);
    if (!r) return NULL;
    if (kr_str_length(r) > 200) KR_SETREF(r, kr_str_substring(r, 0, 200));
    if (!r) return NULL;
    kr_err_format(kr_exc_ValueError, "invalid literal for int() with base %d: %U", base, r);
    KR_DECREF(r);
    return NULL;
}

KrObject *kr_int_parse(const char *s, kr_ssize len, int base, KrObject *orig, bool is_bytes) {
    if ((base != 0 && base < 2) || base > 36) {
        kr_err_set_string(kr_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    kr_ssize n;
    char *buf = kr_num_to_ascii(s, len, is_bytes, &n);
    if (!buf) return NULL;
    const char *p = buf, *end = buf + n;
    int orig_base = base;
    while (p < end && c_space(*p))
        p++;
    int neg = 0;
    if (p < end && (*p == '+' || *p == '-')) neg = *p++ == '-';
    bool leading_zero_only = false; /* base 0 without prefix starting with 0 */
    bool after_prefix = false;
    if (p + 1 < end && p[0] == '0') {
        char c = (char)(p[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) {
            base = pb;
            p += 2;
            after_prefix = true;
        }
    }
    if (base == 0) {
        base = 10;
        if (p < end && *p == '0') leading_zero_only = true;
    }
    /* Digits, with single underscores between them (or right after a prefix). */
    char *digits = kr_mem_malloc((size_t)(end - p) + 1);
    if (!digits) {
        kr_mem_free(buf);
        return NULL;
    }
    kr_ssize nd = 0;
    /* "0x_1" is allowed: an underscore may follow the prefix like it follows a digit */
    bool ok = true, prev_us = false, last_was_digit = false;
    while (p < end) {
        if (*p == '_') {
            if (!(last_was_digit || (after_prefix && nd == 0 && !prev_us))) {
                ok = false;
                break;
            }
            if (prev_us) {
                ok = false;
                break;
            }
            prev_us = true;
            last_was_digit = false;
            p++;
            continue;
        }
        int d = digit_value(*p);
        if (d >= base) break;
        digits[nd++] = *p++;
        prev_us = false;
        last_was_digit = true;
    }
    digits[nd] = 0;
    if (prev_us) ok = false;
    if (ok && nd > 0 && (base & (base - 1)) != 0) {
        int64_t limit = kr_sys_int_max_str_digits();
        if (limit > 0 && nd > limit) {
            kr_mem_free(buf);
            kr_mem_free(digits);
            kr_err_format(kr_exc_ValueError,
                          "Exceeds the limit (%lld digits) for integer string conversion: value "
                          "has %zd digits; use sys.set_int_max_str_digits() to increase the "
                          "limit",
                          (long long)limit, nd);
            return NULL;
        }
    }
    while (ok && p < end && c_space(*p))
        p++;
    if (!ok || p != end || nd == 0) goto invalid;
    if (leading_zero_only) {
        for (kr_ssize k = 0; k < nd; k++)
            if (digits[k] != '0') goto invalid;
    }
    kr_mem_free(buf);
    /* Small values accumulate in a machine word; longer ones go to GMP. */
    uint64_t acc = 0;
    bool small = true;
    for (kr_ssize k = 0; k < nd; k++) {
        if (__builtin_mul_overflow(acc, (uint64_t)base, &acc) ||
            __builtin_add_overflow(acc, (uint64_t)digit_value(digits[k]), &acc)) {
            small = false;
            break;
        }
    }
    if (small && acc <= (uint64_t)INT64_MAX) {
        kr_mem_free(digits);
        return kr_int_from_i64(neg ? -(int64_t)acc : (int64_t)acc);
    }
    mpz_t z;
    mpz_init(z);
    mpz_set_str(z, digits, base);
    kr_mem_free(digits);
    if (neg) mpz_neg(z, z);
    return kr_int_from_mpz_steal(z);

invalid:
    kr_mem_free(buf);
    kr_mem_free(digits);
    return invalid_literal(orig_base, s, len, orig, is_bytes);
}

KrObject *kr_int_from_string(const char *s, kr_ssize len, int base) {
    return kr_int_parse(s, len, base, NULL, false);
}
