/* int_methods.c - the int type object: int() / int.__new__ (subclasses included),
 * the Python-visible methods (bit_length, to_bytes, from_bytes, __round__, ...) and
 * the numerator/denominator/real/imag attributes. */
#include <string.h>

#include "containers.h" /* kr_object_call_type_generic */
#include "numbers.h"

static void int_dealloc(KrObject *o) {
    KrInt *i = (KrInt *)o;
    if (i->big) {
        mpz_clear(i->big);
        kr_mem_free(i->big);
        i->big = NULL;
    }
    kr_int_release(o); /* int.c: free list */
}

/* ---------------------------------------------------------------------------
 * int(x=0, base=10)
 * ------------------------------------------------------------------------- */

/* Text of a str/bytes/bytearray argument; false for other types. */
static bool text_arg(KrObject *x, const char **s, kr_ssize *n, bool *is_bytes) {
    if (KR_STR_CHECK(x)) {
        *s = kr_str_data(x);
        *n = kr_str_size(x);
        *is_bytes = false;
        return true;
    }
    if (KR_BYTES_CHECK(x)) {
        *s = kr_bytes_data(x);
        *n = KR_SIZE(x);
        *is_bytes = true;
        return true;
    }
    if (KR_TYPE_IS(x, &kr_bytearray_type)) {
        *s = ((KrByteArray *)x)->data;
        *n = KR_SIZE(x);
        if (!*s) *s = "";
        *is_bytes = true;
        return true;
    }
    return false;
}

static KrObject *int_new(KrType *type, KrObject *args, KrObject *kwargs) {
    kr_ssize nargs = args ? KR_SIZE(args) : 0;
    KrObject *x = nargs > 0 ? KR_TUPLE_ITEM(args, 0) : NULL;
    KrObject *base = nargs > 1 ? KR_TUPLE_ITEM(args, 1) : NULL;
    if (nargs > 2)
        return kr_err_format(kr_exc_TypeError, "int() takes at most 2 arguments (%zd given)",
                             nargs);
    if (kwargs && kr_dict_size(kwargs) > 0) {
        kr_ssize pos = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            if (KR_STR_CHECK(k) && kr_str_eq_cstr(k, "base") && !base) {
                base = v;
                continue;
            }
            if (KR_STR_CHECK(k) && kr_str_eq_cstr(k, "base"))
                return kr_err_format(kr_exc_TypeError,
                                     "argument for int() given by name ('base') and position (2)");
            return kr_err_format(kr_exc_TypeError, "%R is an invalid keyword argument for int()",
                                 k);
        }
    }
    KrObject *result;
    if (!x) {
        if (base) return kr_err_format(kr_exc_TypeError, "int() missing string argument");
        result = kr_int_from_i64(0);
    } else if (base) {
        kr_ssize b = kr_number_as_ssize(base, NULL);
        if (b == -1 && kr_err_occurred()) return NULL;
        if (b != 0 && (b < 2 || b > 36))
            return kr_err_format(kr_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        const char *s;
        kr_ssize n;
        bool is_bytes;
        if (!text_arg(x, &s, &n, &is_bytes))
            return kr_err_format(kr_exc_TypeError,
                                 "int() can't convert non-string with explicit base");
        result = kr_int_parse(s, n, (int)b, x, is_bytes);
    } else {
        result = kr_number_long(x);
    }
    if (!result || type == &kr_int_type) return result;
    KrObject *sub = kr_int_new_of_type(type, result);
    KR_DECREF(result);
    return sub;
}

/* int(x) and int() without building an argument tuple; everything else (base=,
 * subclasses) takes the generic path through int_new. */
static KrObject *int_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if ((KrType *)callable == &kr_int_type && (!kwnames || KR_SIZE(kwnames) == 0)) {
        if (nargs == 0) return kr_int_from_i64(0);
        if (nargs == 1) return kr_number_long(args[0]);
    }
    return kr_object_call_type_generic((KrType *)callable, args, nargs, kwnames);
}

/* ---------------------------------------------------------------------------
 * Methods
 * ------------------------------------------------------------------------- */

static KrObject *int_conjugate(KrObject *self, KrObject *unused) { return kr_int_exact(self); }

static KrObject *int_bit_length(KrObject *self, KrObject *unused) {
    return kr_int_from_u64(kr_int_bit_length_u(self));
}

static KrObject *int_bit_count(KrObject *self, KrObject *unused) {
    KrInt *i = (KrInt *)self;
    if (!i->big) {
        uint64_t m = i->value < 0 ? (uint64_t)0 - (uint64_t)i->value : (uint64_t)i->value;
        return kr_int_from_i64(__builtin_popcountll(m));
    }
    mpz_t a;
    mpz_init(a);
    mpz_abs(a, i->big);
    mp_bitcnt_t c = mpz_popcount(a);
    mpz_clear(a);
    return kr_int_from_u64(c);
}

static KrObject *int_as_integer_ratio(KrObject *self, KrObject *unused) {
    KrObject *n = kr_int_exact(self);
    if (!n) return NULL;
    KrObject *t = kr_tuple_pack(2, n, kr_int_from_i64(1));
    KR_DECREF(n);
    return t;
}

static KrObject *int_is_integer(KrObject *self, KrObject *unused) { return kr_true; }

static KrObject *int_getnewargs(KrObject *self, KrObject *unused) {
    KrObject *n = kr_int_exact(self);
    if (!n) return NULL;
    KrObject *t = kr_tuple_pack(1, n);
    KR_DECREF(n);
    return t;
}

static KrObject *int_sizeof(KrObject *self, KrObject *unused) {
    /* CPython's layout: 24 bytes of header plus 30-bit digits, at least one */
    uint64_t bits = kr_int_bit_length_u(self);
    uint64_t digits = bits ? (bits + 29) / 30 : 1;
    kr_ssize extra = KR_TYPE(self)->tp_basicsize - (kr_ssize)sizeof(KrInt);
    return kr_int_from_i64(24 + 4 * (int64_t)digits + (extra > 0 ? extra : 0));
}

static KrObject *int_format(KrObject *self, KrObject *spec) {
    if (!KR_STR_CHECK(spec))
        return kr_err_format(kr_exc_TypeError, "__format__() argument must be str, not %T", spec);
    return kr_format_int(self, spec);
}

KrObject *kr_int_round_ndigits(KrObject *v, KrObject *nd) {
    if (kr_int_sign(nd) >= 0) return kr_int_exact(v);
    /* round half to even to a multiple of 10**k */
    KrMpzView vv, vn;
    mpz_srcptr z = kr_int_view(v, &vv), zn = kr_int_view(nd, &vn);
    size_t digits = mpz_sizeinbase(z, 10);
    mpz_t k;
    mpz_init(k);
    mpz_neg(k, zn);
    bool tiny = mpz_cmp_ui(k, digits + 1) > 0; /* 10**k > 2|v|: rounds to 0 */
    unsigned long kk = tiny ? 0 : mpz_get_ui(k);
    mpz_clear(k);
    if (tiny) return kr_int_from_i64(0);
    mpz_t p, q, r, twice;
    mpz_inits(p, q, r, twice, NULL);
    mpz_ui_pow_ui(p, 10, kk);
    mpz_fdiv_qr(q, r, z, p);
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, p);
    if (c > 0 || (c == 0 && mpz_odd_p(q))) mpz_add_ui(q, q, 1);
    mpz_mul(q, q, p);
    mpz_clears(p, r, twice, NULL);
    return kr_int_from_mpz_steal(q);
}

static KrObject *int_round(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("__round__", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0 || args[0] == kr_none) return kr_int_exact(self);
    KrObject *nd = kr_number_index(args[0]);
    if (!nd) return NULL;
    KrObject *r = kr_int_round_ndigits(self, nd);
    KR_DECREF(nd);
    return r;
}

/* byteorder argument: 1 little, 0 big, -1 error */
static int parse_byteorder(KrObject *o) {
    if (!o) return 0;
    if (!KR_STR_CHECK(o)) {
        kr_err_format(kr_exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %T", o);
        return -1;
    }
    if (kr_str_eq_cstr(o, "little")) return 1;
    if (kr_str_eq_cstr(o, "big")) return 0;
    kr_err_set_string(kr_exc_ValueError, "byteorder must be either 'little' or 'big'");
    return -1;
}

static KrObject *int_to_bytes(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    static const char *const kwlist[] = {"length", "byteorder", "signed", NULL};
    kr_ssize length = 1;
    KrObject *order = NULL;
    int is_signed = 0;
    if (kr_arg_parse(args, nargs, kwnames, "|nO$p:to_bytes", kwlist, &length, &order, &is_signed) <
        0)
        return NULL;
    int little = parse_byteorder(order);
    if (little < 0) return NULL;
    if (length < 0) return kr_err_format(kr_exc_ValueError, "length argument must be non-negative");
    KrMpzView vv;
    mpz_srcptr z = kr_int_view(self, &vv);
    if (!is_signed && mpz_sgn(z) < 0)
        return kr_err_format(kr_exc_OverflowError, "can't convert negative int to unsigned");
    /* Range check: unsigned fits 8*length bits; signed fits in [-2**(n-1), 2**(n-1)). */
    uint64_t nbits = 8 * (uint64_t)length;
    bool fits;
    if (mpz_sgn(z) == 0) {
        fits = true;
    } else if (!is_signed) {
        fits = mpz_sizeinbase(z, 2) <= nbits;
    } else if (mpz_sgn(z) > 0) {
        fits = mpz_sizeinbase(z, 2) < nbits;
    } else {
        /* -v fits when v - 1 < 2**(n-1) */
        mpz_t t;
        mpz_init(t);
        mpz_neg(t, z);
        mpz_sub_ui(t, t, 1);
        fits = nbits > 0 && (mpz_sgn(t) == 0 || mpz_sizeinbase(t, 2) < nbits);
        mpz_clear(t);
    }
    if (!fits) return kr_err_format(kr_exc_OverflowError, "int too big to convert");
    char *buf = kr_mem_calloc((size_t)length + 1, 1);
    if (!buf) return NULL;
    if (mpz_sgn(z) != 0) {
        mpz_t t;
        mpz_init_set(t, z);
        if (mpz_sgn(t) < 0) {
            /* two's complement: add 2**nbits */
            mpz_t m;
            mpz_init(m);
            mpz_setbit(m, nbits);
            mpz_add(t, t, m);
            mpz_clear(m);
        }
        size_t count = 0;
        size_t need = (mpz_sizeinbase(t, 2) + 7) / 8;
        /* export little-endian into the low end, then reverse for big-endian */
        unsigned char *tmp = kr_mem_malloc(need + 1);
        if (!tmp) {
            mpz_clear(t);
            kr_mem_free(buf);
            return NULL;
        }
        mpz_export(tmp, &count, -1, 1, 0, 0, t);
        mpz_clear(t);
        for (size_t k = 0; k < count && k < (size_t)length; k++) {
            if (little)
                buf[k] = (char)tmp[k];
            else
                buf[length - 1 - (kr_ssize)k] = (char)tmp[k];
        }
        kr_mem_free(tmp);
    }
    KrObject *out = kr_bytes_from_data(buf, length);
    kr_mem_free(buf);
    return out;
}

static KrObject *int_from_bytes(KrObject *cls, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    static const char *const kwlist[] = {"bytes", "byteorder", "signed", NULL};
    KrObject *data, *order = NULL;
    int is_signed = 0;
    if (kr_arg_parse(args, nargs, kwnames, "O|O$p:from_bytes", kwlist, &data, &order, &is_signed) <
        0)
        return NULL;
    int little = parse_byteorder(order);
    if (little < 0) return NULL;
    KrObject *bytes;
    if (KR_BYTES_CHECK(data)) {
        bytes = KR_NEWREF(data);
    } else if (KR_STR_CHECK(data)) {
        return kr_err_format(kr_exc_TypeError, "cannot convert '%s' object to bytes",
                             kr_type_name_cstr(KR_TYPE(data)));
    } else {
        bytes = kr_call_one((KrObject *)&kr_bytes_type, data);
        if (!bytes) return NULL;
    }
    const unsigned char *p = (const unsigned char *)kr_bytes_data(bytes);
    kr_ssize n = KR_SIZE(bytes);
    mpz_t z;
    mpz_init(z);
    if (n > 0) mpz_import(z, (size_t)n, little ? -1 : 1, 1, 0, 0, p);
    if (is_signed && n > 0 && (p[little ? n - 1 : 0] & 0x80)) {
        mpz_t m;
        mpz_init(m);
        mpz_setbit(m, 8 * (mp_bitcnt_t)n);
        mpz_sub(z, z, m);
        mpz_clear(m);
    }
    KR_DECREF(bytes);
    KrObject *r = kr_int_from_mpz_steal(z);
    if (!r || (KrType *)cls == &kr_int_type) return r;
    KrObject *sub = kr_call_one(cls, r);
    KR_DECREF(r);
    return sub;
}

static KrObject *int_get_real(KrObject *self, void *c) { return kr_int_exact(self); }
static KrObject *int_get_zero(KrObject *self, void *c) { return kr_int_from_i64(0); }
static KrObject *int_get_one(KrObject *self, void *c) { return kr_int_from_i64(1); }

static KrMethodDef int_methods[] = {
    {"conjugate", (void *)int_conjugate, KR_METH_NOARGS,
     "Returns self, the complex conjugate of any int."},
    {"bit_length", (void *)int_bit_length, KR_METH_NOARGS,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", (void *)int_bit_count, KR_METH_NOARGS,
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", (void *)int_to_bytes, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Return an array of bytes representing an integer."},
    {"from_bytes", (void *)int_from_bytes, KR_METH_FASTCALL | KR_METH_KEYWORDS | KR_METH_CLASS,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", (void *)int_as_integer_ratio, KR_METH_NOARGS, "Return integer ratio."},
    {"is_integer", (void *)int_is_integer, KR_METH_NOARGS,
     "Returns True. Exists for duck type compatibility with float.is_integer."},
    {"__trunc__", (void *)int_conjugate, KR_METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", (void *)int_conjugate, KR_METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", (void *)int_conjugate, KR_METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", (void *)int_round, KR_METH_FASTCALL, "Rounding an Integral returns itself."},
    {"__getnewargs__", (void *)int_getnewargs, KR_METH_NOARGS, NULL},
    {"__format__", (void *)int_format, KR_METH_O, "Convert to a string according to format_spec."},
    {"__sizeof__", (void *)int_sizeof, KR_METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef int_getset[] = {
    {"real", int_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", int_get_real, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms",
     NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_int_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "int",
    .tp_basicsize = sizeof(KrInt),
    .tp_dealloc = int_dealloc,
    .tp_vectorcall = int_vectorcall,
    .tp_repr = kr_int_repr,
    .tp_as_number = &kr_int_as_number,
    .tp_hash = kr_int_hash,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_LONG_SUBCLASS | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer\n\nConvert a number or string to "
              "an integer, or return 0 if no arguments\nare given.",
    .tp_richcompare = kr_int_richcompare,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_new = int_new,
};
