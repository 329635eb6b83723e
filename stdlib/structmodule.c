/* structmodule.c - the `_struct` module (re-exported by stdlib/struct.py): packing
 * Python values into C structs held in bytes and back. Formats are parsed once into a
 * list of items (kr_struct_*); Struct objects keep that list, the module functions
 * cache Structs by format. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "krait.h"

typedef struct {
    char code;
    kr_ssize offset;
    kr_ssize size;  /* bytes of one value (or of the whole string for s/p) */
    kr_ssize count; /* repeat count (1 for s/p; 0 for x) */
} FormatItem;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *format; /* str */
    kr_ssize size;
    kr_ssize nitems;  /* number of Python values packed/unpacked */
    int order;        /* '@' native aligned, '<' little, '>' big (standard sizes) */
    bool native_msgs; /* '@': native range-check messages */
    FormatItem *items;
    kr_ssize nfmt;
    KrObject *weakreflist;
} KrStruct;

extern KrType kr_struct_type;
static KrObject *struct_error; /* struct.error */

static KrObject *raise_error(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    KrObject *msg = kr_str_from_vformat(fmt, ap);
    va_end(ap);
    if (msg) {
        kr_err_set_object((KrType *)struct_error, msg);
        KR_DECREF(msg);
    }
    return NULL;
}

/* ---------------------------------------------------------------------------
 * Format parsing
 * ------------------------------------------------------------------------- */

static kr_ssize native_size(char c) {
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'f': return 4;
    case 'l': case 'L': return (kr_ssize)sizeof(long);
    case 'q': case 'Q': case 'd': return 8;
    case 'n': case 'N': return (kr_ssize)sizeof(size_t);
    case 'P': return (kr_ssize)sizeof(void *);
    default: return -1;
    }
}

static kr_ssize standard_size(char c) {
    switch (c) {
    case 'x': case 'c': case 'b': case 'B': case '?': case 's': case 'p': return 1;
    case 'h': case 'H': case 'e': return 2;
    case 'i': case 'I': case 'l': case 'L': case 'f': return 4;
    case 'q': case 'Q': case 'd': return 8;
    default: return -1;
    }
}

static int parse_format(KrStruct *st, const char *f, kr_ssize flen) {
    const char *end = f + flen;
    int order = '@';
    if (f < end && strchr("@=<>!", *f) && *f) {
        order = *f == '!' ? '>' : *f == '=' ? '<' : *f; /* x86-64 is little-endian */
        st->native_msgs = *f == '@';
        f++;
    } else {
        st->native_msgs = true;
    }
    bool native = order == '@';
    st->order = native ? '@' : order;
    /* first pass counts items; second fills them */
    kr_ssize cap = 8, n = 0, offset = 0, nvalues = 0;
    FormatItem *items = kr_mem_malloc(sizeof(FormatItem) * (size_t)cap);
    if (!items) return -1;
    while (f < end) {
        char c = *f;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
            f++;
            continue;
        }
        kr_ssize count = 1;
        bool has_count = false;
        if (c >= '0' && c <= '9') {
            count = 0;
            while (f < end && *f >= '0' && *f <= '9') {
                if (count > (INT64_MAX - 9) / 10) {
                    kr_mem_free(items);
                    raise_error("total struct size too long");
                    return -1;
                }
                count = count * 10 + (*f - '0');
                f++;
            }
            has_count = true;
            if (f >= end) {
                kr_mem_free(items);
                raise_error("repeat count given without format specifier");
                return -1;
            }
            c = *f;
        }
        (void)has_count;
        f++;
        kr_ssize size = native ? native_size(c) : standard_size(c);
        if (size < 0) {
            kr_mem_free(items);
            raise_error("bad char in struct format");
            return -1;
        }
        if (native && c != 's' && c != 'p' && c != 'x' && c != 'c' && size > 1)
            offset = (offset + size - 1) / size * size;
        if (n == cap) {
            cap *= 2;
            FormatItem *ni = kr_mem_realloc(items, sizeof(FormatItem) * (size_t)cap);
            if (!ni) {
                kr_mem_free(items);
                return -1;
            }
            items = ni;
        }
        FormatItem *it = &items[n++];
        it->code = c;
        it->offset = offset;
        if (c == 's' || c == 'p') {
            it->size = count;
            it->count = 1;
            offset += count;
            nvalues += 1;
        } else if (c == 'x') {
            it->size = 1;
            it->count = 0;
            offset += count;
        } else {
            it->size = size;
            it->count = count;
            offset += size * count;
            nvalues += count;
        }
    }
    st->items = items;
    st->nfmt = n;
    st->size = offset;
    st->nitems = nvalues;
    return 0;
}

/* ---------------------------------------------------------------------------
 * Half floats (IEEE 754 binary16), round half to even
 * ------------------------------------------------------------------------- */

static int pack_half(double x, unsigned char *out, bool little) {
    uint16_t bits;
    int sign = signbit(x) ? 1 : 0;
    if (isnan(x)) {
        bits = (uint16_t)((sign << 15) | 0x7e00);
    } else if (isinf(x)) {
        bits = (uint16_t)((sign << 15) | 0x7c00);
    } else {
        double a = fabs(x);
        if (a == 0.0) {
            bits = (uint16_t)(sign << 15);
        } else {
            int e;
            double m = frexp(a, &e); /* a = m * 2^e, 0.5 <= m < 1 */
            /* normal numbers: 2^-14 <= a < 65520 */
            if (e > 16) goto overflow;
            if (e < -13) {
                /* subnormal: value in units of 2^-24 */
                double units = ldexp(a, 24);
                double r = nearbyint(units); /* default rounding: half to even */
                bits = (uint16_t)((sign << 15) | (uint16_t)r);
            } else {
                double frac = ldexp(m, 11); /* 1024 <= frac < 2048 */
                double r = nearbyint(frac);
                int exp = e - 1 + 15;
                if (r >= 2048.0) {
                    r /= 2;
                    exp++;
                }
                if (exp >= 31) goto overflow;
                bits = (uint16_t)((sign << 15) | (exp << 10) | ((uint16_t)r - 1024));
            }
        }
    }
    if (little) {
        out[0] = (unsigned char)(bits & 0xff);
        out[1] = (unsigned char)(bits >> 8);
    } else {
        out[0] = (unsigned char)(bits >> 8);
        out[1] = (unsigned char)(bits & 0xff);
    }
    return 0;
overflow:
    kr_err_set_string(kr_exc_OverflowError, "float too large to pack with e format");
    return -1;
}

static double unpack_half(const unsigned char *p, bool little) {
    uint16_t bits = little ? (uint16_t)(p[0] | (p[1] << 8)) : (uint16_t)((p[0] << 8) | p[1]);
    int sign = bits >> 15;
    int exp = (bits >> 10) & 0x1f;
    int frac = bits & 0x3ff;
    double v;
    if (exp == 0x1f)
        v = frac ? NAN : INFINITY;
    else if (exp == 0)
        v = ldexp(frac, -24);
    else
        v = ldexp(frac + 1024, exp - 25);
    return sign ? -v : v;
}

/* ---------------------------------------------------------------------------
 * Packing
 * ------------------------------------------------------------------------- */

static void put_uint(unsigned char *p, uint64_t v, kr_ssize size, bool little) {
    for (kr_ssize i = 0; i < size; i++) {
        unsigned char b = (unsigned char)(v >> (8 * i));
        if (little)
            p[i] = b;
        else
            p[size - 1 - i] = b;
    }
}

static uint64_t get_uint(const unsigned char *p, kr_ssize size, bool little) {
    uint64_t v = 0;
    for (kr_ssize i = 0; i < size; i++) {
        uint64_t b = little ? p[i] : p[size - 1 - i];
        v |= b << (8 * i);
    }
    return v;
}

/* Converts v to an exact int through __index__, with struct's error message. */
static KrObject *as_index(KrObject *v) {
    if (KR_INT_CHECK(v)) return KR_NEWREF(v);
    if (KR_FLOAT_CHECK(v) || !kr_index_check(v))
        return raise_error("required argument is not an integer");
    return kr_number_index(v);
}

/* Raises CPython's message for an integer out of range. Native-order formats use the
 * native packers' messages (CPython shares them with '<' on little-endian machines
 * where the sizes agree); the others use the standard packers' messages. */
static int range_error(const KrStruct *st, char code, bool is_signed, kr_ssize size,
                       bool negative) {
    bool native = st->order == '@' || (st->order == '<' && code != 'l' && code != 'L');
    if (code == 'b') return raise_error("byte format requires -128 <= number <= 127"), -1;
    if (code == 'B') return raise_error("ubyte format requires 0 <= number <= 255"), -1;
    if (native) {
        if (code == 'h')
            return raise_error("short format requires -32768 <= number <= 32767"), -1;
        if (code == 'H') return raise_error("ushort format requires 0 <= number <= 65535"), -1;
        if (code != 'i' && code != 'I') return raise_error("argument out of range"), -1;
    }
    if (size >= 8 || (!is_signed && negative)) return raise_error("argument out of range"), -1;
    if (is_signed) {
        int64_t hi = (int64_t)(((uint64_t)1 << (8 * size - 1)) - 1);
        raise_error("'%c' format requires %lld <= number <= %lld", code, (long long)(-hi - 1),
                    (long long)hi);
    } else {
        uint64_t hi = ((uint64_t)1 << (8 * size)) - 1;
        raise_error("'%c' format requires 0 <= number <= %llu", code, (unsigned long long)hi);
    }
    return -1;
}

static int pack_int(const KrStruct *st, char code, kr_ssize size, KrObject *v, unsigned char *p,
                    bool little) {
    KrObject *iv = as_index(v);
    if (!iv) return -1;
    bool is_signed = code == 'b' || code == 'h' || code == 'i' || code == 'l' || code == 'q' ||
                     code == 'n';
    int64_t sv;
    uint64_t uv;
    int over = kr_int_as_i64_overflow(iv, &sv);
    if (over) {
        /* beyond int64: only unsigned 64-bit values up to 2**64-1 fit */
        mpz_t z;
        mpz_init(z);
        kr_int_to_mpz(iv, z);
        bool mpz_sgn_neg = mpz_sgn(z) < 0;
        bool ok = !is_signed && size == 8 && mpz_sgn(z) > 0 && mpz_sizeinbase(z, 2) <= 64;
        uv = 0;
        if (ok) {
            mpz_t lo;
            mpz_init(lo);
            mpz_tdiv_r_2exp(lo, z, 32);
            uint64_t low = mpz_get_ui(lo);
            mpz_tdiv_q_2exp(z, z, 32);
            uv = ((uint64_t)mpz_get_ui(z) << 32) | low;
            mpz_clear(lo);
        }
        mpz_clear(z);
        KR_DECREF(iv);
        if (!ok) {
            if (code == 'P') return raise_error("argument out of range"), -1;
            return range_error(st, code, is_signed, size, mpz_sgn_neg);
        }
        put_uint(p, uv, size, little);
        return 0;
    }
    KR_DECREF(iv);
    if (code == 'P') { /* pointers accept negative values, as void* casts do */
        put_uint(p, (uint64_t)sv, size, little);
        return 0;
    }
    if (is_signed) {
        if (size < 8) {
            int64_t hi = (int64_t)(((uint64_t)1 << (8 * size - 1)) - 1);
            if (sv > hi || sv < -hi - 1) return range_error(st, code, true, size, sv < 0);
        }
        uv = (uint64_t)sv;
    } else {
        if (sv < 0) return range_error(st, code, false, size, true);
        if (size < 8 && (uint64_t)sv > (((uint64_t)1 << (8 * size)) - 1))
            return range_error(st, code, false, size, false);
        uv = (uint64_t)sv;
    }
    put_uint(p, uv, size, little);
    return 0;
}

static int pack_one(const KrStruct *st, const FormatItem *it, KrObject *v, unsigned char *p) {
    bool little = st->order != '>';
    switch (it->code) {
    case 'c': {
        const char *d;
        kr_ssize n;
        if (!KR_BYTES_CHECK(v) || !kr_bytes_like_view(v, &d, &n) || n != 1)
            return raise_error("char format requires a bytes object of length 1"), -1;
        p[0] = (unsigned char)d[0];
        return 0;
    }
    case '?': {
        int t = kr_object_is_true(v);
        if (t < 0) return -1;
        p[0] = (unsigned char)t;
        return 0;
    }
    case 's':
    case 'p': {
        const char *d;
        kr_ssize n;
        if (!(KR_BYTES_CHECK(v) || KR_BYTEARRAY_CHECK(v)) || !kr_bytes_like_view(v, &d, &n)) {
            raise_error("argument for '%c' must be a bytes object", it->code);
            return -1;
        }
        kr_ssize size = it->size;
        memset(p, 0, (size_t)size);
        if (it->code == 's') {
            memcpy(p, d, (size_t)(n < size ? n : size));
        } else if (size > 0) {
            kr_ssize k = n < size - 1 ? n : size - 1;
            memcpy(p + 1, d, (size_t)k);
            p[0] = (unsigned char)(k > 255 ? 255 : k);
        }
        return 0;
    }
    case 'e':
    case 'f':
    case 'd': {
        if (!KR_FLOAT_CHECK(v) && !KR_INT_CHECK(v) && !kr_index_check(v) &&
            !(KR_TYPE(v)->tp_as_number && KR_TYPE(v)->tp_as_number->nb_float))
            return raise_error("required argument is not a float"), -1;
        double x = kr_float_as_double(v);
        if (x == -1.0 && kr_err_occurred()) return -1;
        if (it->code == 'e') return pack_half(x, p, little);
        if (it->code == 'f') {
            float fx = (float)x;
            if (isinf(fx) && !isinf(x)) {
                kr_err_set_string(kr_exc_OverflowError, "float too large to pack with f format");
                return -1;
            }
            uint32_t bits;
            memcpy(&bits, &fx, 4);
            put_uint(p, bits, 4, little);
        } else {
            uint64_t bits;
            memcpy(&bits, &x, 8);
            put_uint(p, bits, 8, little);
        }
        return 0;
    }
    default:
        return pack_int(st, it->code, it->size, v, p, little);
    }
}

/* Packs args into buf (st->size bytes, zeroed by the caller). */
static int pack_into_buf(KrStruct *st, KrObject *const *args, kr_ssize nargs, unsigned char *buf) {
    if (nargs != st->nitems) {
        raise_error("pack expected %zd items for packing (got %zd)", st->nitems, nargs);
        return -1;
    }
    kr_ssize ai = 0;
    for (kr_ssize i = 0; i < st->nfmt; i++) {
        FormatItem *it = &st->items[i];
        if (it->code == 'x') continue;
        for (kr_ssize k = 0; k < it->count; k++) {
            if (pack_one(st, it, args[ai++], buf + it->offset + k * it->size) < 0) return -1;
        }
    }
    return 0;
}

static KrObject *unpack_one(const KrStruct *st, const FormatItem *it, const unsigned char *p) {
    bool little = st->order != '>';
    switch (it->code) {
    case 'c': return kr_bytes_from_data((const char *)p, 1);
    case '?': return kr_bool_new(p[0] != 0);
    case 's': return kr_bytes_from_data((const char *)p, it->size);
    case 'p': {
        kr_ssize n = it->size ? p[0] : 0;
        if (n >= it->size) n = it->size ? it->size - 1 : 0;
        return kr_bytes_from_data((const char *)p + 1, n);
    }
    case 'e': return kr_float_from_double(unpack_half(p, little));
    case 'f': {
        uint32_t bits = (uint32_t)get_uint(p, 4, little);
        float fx;
        memcpy(&fx, &bits, 4);
        return kr_float_from_double(fx);
    }
    case 'd': {
        uint64_t bits = get_uint(p, 8, little);
        double x;
        memcpy(&x, &bits, 8);
        return kr_float_from_double(x);
    }
    default: {
        uint64_t u = get_uint(p, it->size, little);
        char c = it->code;
        bool is_signed = c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n';
        if (is_signed) {
            kr_ssize bits = 8 * it->size;
            int64_t s = bits == 64 ? (int64_t)u
                                   : (int64_t)(u ^ ((uint64_t)1 << (bits - 1))) -
                                         (int64_t)((uint64_t)1 << (bits - 1));
            return kr_int_from_i64(s);
        }
        return kr_int_from_u64(u);
    }
    }
}

static KrObject *unpack_buf(KrStruct *st, const unsigned char *buf) {
    KrObject *t = kr_tuple_new(st->nitems);
    if (!t) return NULL;
    kr_ssize ti = 0;
    for (kr_ssize i = 0; i < st->nfmt; i++) {
        FormatItem *it = &st->items[i];
        if (it->code == 'x') continue;
        for (kr_ssize k = 0; k < it->count; k++) {
            KrObject *v = unpack_one(st, it, buf + it->offset + k * it->size);
            if (!v) {
                KR_DECREF(t);
                return NULL;
            }
            KR_TUPLE_ITEM(t, ti++) = v;
        }
    }
    return t;
}

/* ---------------------------------------------------------------------------
 * Struct objects
 * ------------------------------------------------------------------------- */

static KrObject *struct_create(KrType *type, KrObject *format) {
    KrObject *fstr;
    if (KR_STR_CHECK(format)) {
        fstr = KR_NEWREF(format);
    } else if (KR_BYTES_CHECK(format)) {
        fstr = kr_str_decode(kr_bytes_data(format), kr_bytes_size(format), "ascii", NULL);
        if (!fstr) return NULL;
    } else {
        return kr_err_format(kr_exc_TypeError,
                             "Struct() argument 1 must be a str or bytes object, not %T", format);
    }
    KrStruct *st = (KrStruct *)kr_type_generic_alloc(type, 0);
    if (!st) {
        KR_DECREF(fstr);
        return NULL;
    }
    st->format = fstr;
    if (parse_format(st, kr_str_data(fstr), kr_str_size(fstr)) < 0) {
        KR_DECREF(st);
        return NULL;
    }
    return (KrObject *)st;
}

static KrObject *struct_new(KrType *type, KrObject *args, KrObject *kwargs) {
    KrObject *format = NULL;
    if (kwargs && kr_dict_size(kwargs) > 0) {
        format = kr_dict_get_item_str(kwargs, "format");
        if (!format || kr_dict_size(kwargs) != 1 || KR_SIZE(args) != 0)
            return kr_err_format(kr_exc_TypeError, "Struct() takes exactly one argument");
    } else {
        if (KR_SIZE(args) != 1)
            return kr_err_format(kr_exc_TypeError,
                                 "Struct() takes exactly 1 argument (%zd given)", KR_SIZE(args));
        format = KR_TUPLE_ITEM(args, 0);
    }
    return struct_create(type, format);
}

static void struct_dealloc(KrObject *o) {
    KrStruct *st = (KrStruct *)o;
    KR_XDECREF(st->format);
    kr_mem_free(st->items);
    KrType *t = KR_TYPE(o);
    kr_object_free(o);
    if (kr_type_has_flag(t, KR_TPFLAGS_HEAPTYPE)) KR_DECREF(t);
}

static KrObject *s_pack(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    KrStruct *st = (KrStruct *)self;
    KrObject *b = kr_bytes_new(st->size);
    if (!b) return NULL;
    memset(((KrBytes *)b)->data, 0, (size_t)st->size);
    if (pack_into_buf(st, args, nargs, (unsigned char *)((KrBytes *)b)->data) < 0) {
        KR_DECREF(b);
        return NULL;
    }
    return b;
}

static int get_offset(KrObject *o, kr_ssize *out) {
    kr_ssize v = kr_number_as_ssize(o, kr_exc_OverflowError);
    if (v == -1 && kr_err_occurred()) return -1;
    *out = v;
    return 0;
}

static KrObject *s_pack_into(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    KrStruct *st = (KrStruct *)self;
    if (nargs < 2) {
        if (nargs == 0)
            return kr_err_format(kr_exc_TypeError, "pack_into expected buffer argument");
        return kr_err_format(kr_exc_TypeError, "pack_into expected offset argument");
    }
    if (!KR_BYTEARRAY_CHECK(args[0]))
        return kr_err_format(kr_exc_TypeError, "argument must be read-write bytes-like object, not %T",
                             args[0]);
    kr_ssize buflen = KR_SIZE(args[0]);
    kr_ssize offset;
    if (get_offset(args[1], &offset) < 0) return NULL;
    if (offset < 0) {
        if (offset + st->size > 0) {
            return raise_error("no space to pack %zd bytes at offset %zd", st->size, offset);
        }
        if (offset + buflen < 0) {
            return raise_error("offset %zd out of range for %zd-byte buffer", offset, buflen);
        }
        offset += buflen;
    }
    if (buflen - offset < st->size) {
        return raise_error("pack_into requires a buffer of at least %zd bytes for packing %zd "
                           "bytes at offset %zd (actual buffer size is %zd)",
                           st->size + offset, st->size, offset, buflen);
    }
    unsigned char *tmp = kr_mem_calloc(1, (size_t)st->size + 1);
    if (!tmp) return NULL;
    if (pack_into_buf(st, args + 2, nargs - 2, tmp) < 0) {
        kr_mem_free(tmp);
        return NULL;
    }
    memcpy(kr_bytearray_data(args[0]) + offset, tmp, (size_t)st->size);
    kr_mem_free(tmp);
    return kr_none;
}

static int get_buffer(KrObject *o, const char **d, kr_ssize *n) {
    if (!kr_bytes_like_view(o, d, n)) {
        kr_err_format(kr_exc_TypeError, "a bytes-like object is required, not '%T'", o);
        return -1;
    }
    return 0;
}

static KrObject *s_unpack(KrObject *self, KrObject *arg) {
    KrStruct *st = (KrStruct *)self;
    const char *d;
    kr_ssize n;
    if (get_buffer(arg, &d, &n) < 0) return NULL;
    if (n != st->size) return raise_error("unpack requires a buffer of %zd bytes", st->size);
    return unpack_buf(st, (const unsigned char *)d);
}

static KrObject *s_unpack_from(KrObject *self, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames) {
    KrStruct *st = (KrStruct *)self;
    static const char *const kwlist[] = {"buffer", "offset", NULL};
    KrObject *buffer;
    kr_ssize offset = 0;
    if (kr_arg_parse(args, nargs, kwnames, "O|n:unpack_from", kwlist, &buffer, &offset) < 0)
        return NULL;
    const char *d;
    kr_ssize n;
    if (get_buffer(buffer, &d, &n) < 0) return NULL;
    if (offset < 0) {
        if (offset + st->size > 0)
            return raise_error("not enough data to unpack %zd bytes at offset %zd", st->size,
                               offset);
        if (offset + n < 0)
            return raise_error("offset %zd out of range for %zd-byte buffer", offset, n);
        offset += n;
    }
    if (n - offset < st->size)
        return raise_error("unpack_from requires a buffer of at least %zd bytes for unpacking "
                           "%zd bytes at offset %zd (actual buffer size is %zd)",
                           st->size + offset, st->size, offset, n);
    return unpack_buf(st, (const unsigned char *)d + offset);
}

static KrObject *s_iter_unpack(KrObject *self, KrObject *arg) {
    KrStruct *st = (KrStruct *)self;
    const char *d;
    kr_ssize n;
    if (get_buffer(arg, &d, &n) < 0) return NULL;
    if (st->size == 0) return raise_error("cannot iteratively unpack with a struct of length 0");
    if (n % st->size != 0)
        return raise_error("iterative unpacking requires a buffer of a multiple of %zd bytes",
                           st->size);
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    for (kr_ssize off = 0; off < n; off += st->size) {
        KrObject *t = unpack_buf(st, (const unsigned char *)d + off);
        if (!t || kr_list_append_steal(list, t) < 0) {
            KR_DECREF(list);
            return NULL;
        }
    }
    KrObject *it = kr_object_get_iter(list);
    KR_DECREF(list);
    return it;
}

static KrObject *s_calcsize_get(KrObject *self, void *c) {
    (void)c;
    return kr_int_from_ssize(((KrStruct *)self)->size);
}

static KrObject *s_format_get(KrObject *self, void *c) {
    (void)c;
    return KR_NEWREF(((KrStruct *)self)->format);
}

static KrObject *s_sizeof(KrObject *self, KrObject *unused) {
    (void)unused;
    KrStruct *st = (KrStruct *)self;
    return kr_int_from_ssize((kr_ssize)sizeof(KrStruct) +
                             st->nfmt * (kr_ssize)sizeof(FormatItem));
}

static KrMethodDef struct_methods[] = {
    {"pack", (void *)s_pack, KR_METH_FASTCALL, "S.pack(v1, v2, ...) -> bytes"},
    {"pack_into", (void *)s_pack_into, KR_METH_FASTCALL,
     "S.pack_into(buffer, offset, v1, v2, ...)"},
    {"unpack", (void *)s_unpack, KR_METH_O, "S.unpack(buffer) -> tuple"},
    {"unpack_from", (void *)s_unpack_from, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "S.unpack_from(buffer, offset=0) -> tuple"},
    {"iter_unpack", (void *)s_iter_unpack, KR_METH_O, "S.iter_unpack(buffer) -> iterator"},
    {"__sizeof__", (void *)s_sizeof, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef struct_getset[] = {
    {"format", s_format_get, NULL, "struct format string", NULL},
    {"size", s_calcsize_get, NULL, "struct size in bytes", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_struct_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "_struct.Struct",
    .tp_basicsize = sizeof(KrStruct),
    .tp_dealloc = struct_dealloc,
    .tp_flags = KR_TPFLAGS_BASETYPE,
    .tp_methods = struct_methods,
    .tp_getset = struct_getset,
    .tp_new = struct_new,
    .tp_weaklistoffset = offsetof(KrStruct, weakreflist),
};

/* ---------------------------------------------------------------------------
 * Module functions (a cache of Structs by format)
 * ------------------------------------------------------------------------- */

static KrObject *struct_cache;

static KrObject *cached_struct(KrObject *format) {
    KrObject *s = kr_dict_get_item(struct_cache, format);
    if (s) return KR_NEWREF(s);
    if (kr_err_occurred()) return NULL;
    s = struct_create(&kr_struct_type, format);
    if (!s) return NULL;
    if (kr_dict_size(struct_cache) > 100) kr_dict_clear(struct_cache);
    if (kr_dict_set_item(struct_cache, format, s) < 0) {
        KR_DECREF(s);
        return NULL;
    }
    return s;
}

static KrObject *m_calcsize(KrObject *m, KrObject *fmt) {
    (void)m;
    KrObject *s = cached_struct(fmt);
    if (!s) return NULL;
    KrObject *r = kr_int_from_ssize(((KrStruct *)s)->size);
    KR_DECREF(s);
    return r;
}

static KrObject *m_pack(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    (void)m;
    if (nargs < 1) return kr_err_format(kr_exc_TypeError, "pack expected at least 1 argument, got 0");
    KrObject *s = cached_struct(args[0]);
    if (!s) return NULL;
    KrObject *r = s_pack(s, args + 1, nargs - 1);
    KR_DECREF(s);
    return r;
}

static KrObject *m_pack_into(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    (void)m;
    if (nargs < 1)
        return kr_err_format(kr_exc_TypeError, "pack_into expected at least 1 argument, got 0");
    KrObject *s = cached_struct(args[0]);
    if (!s) return NULL;
    KrObject *r = s_pack_into(s, args + 1, nargs - 1);
    KR_DECREF(s);
    return r;
}

static KrObject *m_unpack(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    (void)m;
    if (kr_arg_check_positional("unpack", nargs, 2, 2) < 0) return NULL;
    KrObject *s = cached_struct(args[0]);
    if (!s) return NULL;
    KrObject *r = s_unpack(s, args[1]);
    KR_DECREF(s);
    return r;
}

static KrObject *m_unpack_from(KrObject *m, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames) {
    (void)m;
    if (nargs < 1)
        return kr_err_format(kr_exc_TypeError, "unpack_from() missing required argument 'format' (pos 1)");
    KrObject *s = cached_struct(args[0]);
    if (!s) return NULL;
    KrObject *r = s_unpack_from(s, args + 1, nargs - 1, kwnames);
    KR_DECREF(s);
    return r;
}

static KrObject *m_iter_unpack(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    (void)m;
    if (kr_arg_check_positional("iter_unpack", nargs, 2, 2) < 0) return NULL;
    KrObject *s = cached_struct(args[0]);
    if (!s) return NULL;
    KrObject *r = s_iter_unpack(s, args[1]);
    KR_DECREF(s);
    return r;
}

static KrObject *m_clearcache(KrObject *m, KrObject *unused) {
    (void)m;
    (void)unused;
    kr_dict_clear(struct_cache);
    return kr_none;
}

static KrMethodDef module_methods[] = {
    {"calcsize", (void *)m_calcsize, KR_METH_O, "Return size in bytes of the struct described by the format string."},
    {"pack", (void *)m_pack, KR_METH_FASTCALL, "pack(format, v1, v2, ...) -> bytes"},
    {"pack_into", (void *)m_pack_into, KR_METH_FASTCALL, "pack_into(format, buffer, offset, v1, ...)"},
    {"unpack", (void *)m_unpack, KR_METH_FASTCALL, "unpack(format, buffer) -> tuple"},
    {"unpack_from", (void *)m_unpack_from, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "unpack_from(format, /, buffer, offset=0) -> tuple"},
    {"iter_unpack", (void *)m_iter_unpack, KR_METH_FASTCALL, "iter_unpack(format, buffer) -> iterator"},
    {"_clearcache", (void *)m_clearcache, KR_METH_NOARGS, "Clear the internal cache."},
    {NULL, NULL, 0, NULL},
};

KrObject *kr_struct_module_init(void) {
    if (kr_type_ready(&kr_struct_type) < 0) return NULL;
    KrObject *m = kr_module_new_cstr("_struct");
    if (!m) return NULL;
    if (kr_module_add_functions(m, module_methods) < 0) goto fail;
    if (!struct_cache) {
        struct_cache = kr_dict_new();
        if (!struct_cache) goto fail;
    }
    if (!struct_error) {
        KrObject *name = kr_str_from_cstr("error");
        KrObject *bases = kr_tuple_pack(1, (KrObject *)kr_exc_Exception);
        KrObject *ns = kr_dict_new();
        KrObject *modname = kr_str_from_cstr("struct");
        if (name && bases && ns && modname && kr_dict_set_item_str(ns, "__module__", modname) == 0)
            struct_error = kr_type_new_from_ns(&kr_type_type, name, bases, ns, NULL);
        KR_XDECREF(name);
        KR_XDECREF(bases);
        KR_XDECREF(ns);
        KR_XDECREF(modname);
        if (!struct_error) goto fail;
    }
    KR_INCREF(struct_error);
    if (kr_module_add_object(m, "error", struct_error) < 0) goto fail;
    KR_INCREF(&kr_struct_type);
    if (kr_module_add_object(m, "Struct", (KrObject *)&kr_struct_type) < 0) goto fail;
    return m;
fail:
    KR_DECREF(m);
    return NULL;
}
