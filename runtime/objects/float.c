/* float.c - the float type: arithmetic with CPython's semantics (floor division and
 * modulo take the divisor's sign, ** follows C99 Annex F plus Python's errors),
 * exact comparison with ints, CPython's hash, float() and the methods. Text
 * conversions (repr, formatting, parsing, hex) are in float_repr.c. */
#include <errno.h>
#include <float.h>
#include <string.h>

#include "containers.h" /* kr_object_call_type_generic */
#include "numbers.h"

#define FVAL(o) (((KrFloat *)(o))->value)

/* A per-thread free list of exact floats (linked through the value's bits): numeric
 * loops make and drop a float per operation. */
#define FLOAT_FREELIST_MAX 256
static _Thread_local KrFloat *float_freelist;
static _Thread_local int float_freelist_len;

KrObject *kr_float_from_double(double v) {
    KrFloat *o = float_freelist;
    if (o) {
        memcpy(&float_freelist, &o->value, sizeof(KrFloat *));
        float_freelist_len--;
        kr_object_init_header((KrObject *)o, &kr_float_type);
        o->value = v;
        return (KrObject *)o;
    }
    o = (KrFloat *)kr_object_new(&kr_float_type);
    if (!o) return NULL;
    o->value = v;
    return (KrObject *)o;
}

static void float_dealloc(KrObject *o) {
    if (KR_TYPE(o) == &kr_float_type && float_freelist_len < FLOAT_FREELIST_MAX) {
        KrFloat *f = (KrFloat *)o;
        memcpy(&f->value, &float_freelist, sizeof(KrFloat *));
        float_freelist = f;
        float_freelist_len++;
        return;
    }
    kr_object_free(o);
}

static KrObject *float_new_of_type(KrType *type, double v) {
    if (type == &kr_float_type) return kr_float_from_double(v);
    KrFloat *o = (KrFloat *)kr_type_generic_alloc(type, 0);
    if (!o) return NULL;
    o->value = v;
    return (KrObject *)o;
}

double kr_float_as_double(KrObject *o) {
    if (KR_FLOAT_CHECK_EXACT(o)) return FVAL(o);
    if (KR_INT_CHECK_EXACT(o)) return kr_int_as_double(o);
    if (KR_FLOAT_CHECK(o)) return FVAL(o);
    KrNumberMethods *nb = KR_TYPE(o)->tp_as_number;
    if (nb && nb->nb_float) {
        KrObject *r = nb->nb_float(o);
        if (!r) return -1.0;
        if (!KR_FLOAT_CHECK(r)) {
            kr_err_format(kr_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                          kr_type_name_cstr(KR_TYPE(o)), kr_type_name_cstr(KR_TYPE(r)));
            KR_DECREF(r);
            return -1.0;
        }
        double d = FVAL(r);
        KR_DECREF(r);
        return d;
    }
    if (nb && nb->nb_index) {
        KrObject *i = kr_number_index(o);
        if (!i) return -1.0;
        double d = kr_int_as_double(i);
        KR_DECREF(i);
        return d;
    }
    kr_err_format(kr_exc_TypeError, "must be real number, not %s", kr_type_name_cstr(KR_TYPE(o)));
    return -1.0;
}

int kr_float_operand(KrObject *o, double *out) {
    /* exact float and int first: the subclass test walks the MRO */
    if (KR_FLOAT_CHECK_EXACT(o)) {
        *out = FVAL(o);
        return 1;
    }
    if (KR_INT_CHECK(o)) {
        KrInt *i = (KrInt *)o;
        if (!i->big) {
            *out = (double)i->value;
            return 1;
        }
        if (kr_num_mpz_to_double(i->big, out) < 0) {
            kr_err_set_string(kr_exc_OverflowError, "int too large to convert to float");
            return -1;
        }
        return 1;
    }
    if (KR_FLOAT_CHECK(o)) {
        *out = FVAL(o);
        return 1;
    }
    return 0;
}

#define OPERANDS(a, b, x, y)                                                                       \
    double x, y;                                                                                   \
    do {                                                                                           \
        int ra_ = kr_float_operand(a, &x);                                                         \
        if (ra_ < 0) return NULL;                                                                  \
        int rb_ = ra_ ? kr_float_operand(b, &y) : 0;                                               \
        if (rb_ < 0) return NULL;                                                                  \
        if (!ra_ || !rb_) return KR_NEWREF(kr_notimplemented);                                     \
    } while (0)

static KrObject *float_add(KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return kr_float_from_double(x + y);
}

static KrObject *float_sub(KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return kr_float_from_double(x - y);
}

static KrObject *float_mul(KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return kr_float_from_double(x * y);
}

static KrObject *float_div(KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        kr_err_set_string(kr_exc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return kr_float_from_double(x / y);
}

static double float_mod_values(double x, double y) {
    double mod = fmod(x, y);
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) mod += y;
    } else {
        mod = copysign(0.0, y);
    }
    return mod;
}

static KrObject *float_mod(KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        kr_err_set_string(kr_exc_ZeroDivisionError, "float modulo");
        return NULL;
    }
    return kr_float_from_double(float_mod_values(x, y));
}

static void float_divmod_values(double x, double y, double *floordiv, double *mod_out) {
    double mod = fmod(x, y);
    double div = (x - mod) / y;
    if (mod != 0.0) {
        if ((y < 0) != (mod < 0)) {
            mod += y;
            div -= 1.0;
        }
    } else {
        mod = copysign(0.0, y);
    }
    double fd;
    if (div != 0.0) {
        fd = floor(div);
        if (div - fd > 0.5) fd += 1.0;
    } else {
        fd = copysign(0.0, x / y);
    }
    *floordiv = fd;
    *mod_out = mod;
}

static KrObject *float_floordiv(KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        kr_err_set_string(kr_exc_ZeroDivisionError, "float floor division by zero");
        return NULL;
    }
    double q, r;
    float_divmod_values(x, y, &q, &r);
    return kr_float_from_double(q);
}

static KrObject *float_divmod(KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    if (y == 0.0) {
        kr_err_set_string(kr_exc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    double q, r;
    float_divmod_values(x, y, &q, &r);
    KrObject *qo = kr_float_from_double(q);
    if (!qo) return NULL;
    KrObject *ro = kr_float_from_double(r);
    if (!ro) {
        KR_DECREF(qo);
        return NULL;
    }
    KrObject *t = kr_tuple_new(2);
    if (!t) {
        KR_DECREF(qo);
        KR_DECREF(ro);
        return NULL;
    }
    KR_TUPLE_ITEM(t, 0) = qo;
    KR_TUPLE_ITEM(t, 1) = ro;
    return t;
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

static KrObject *errno_error(int err) {
    KrType *t = err == ERANGE ? kr_exc_OverflowError : kr_exc_ValueError;
    KrObject *msg = kr_str_from_cstr(strerror(err));
    if (!msg) return NULL;
    KrObject *code = kr_int_from_i64(err);
    KrObject *args = code ? kr_tuple_pack(2, code, msg) : NULL;
    KR_XDECREF(code);
    KR_DECREF(msg);
    if (!args) return NULL;
    kr_err_set_object(t, args);
    KR_DECREF(args);
    return NULL;
}

KrObject *kr_float_pow_doubles(double iv, double iw) {
    if (iw == 0.0) return kr_float_from_double(1.0);
    if (isnan(iv)) return kr_float_from_double(iv);
    if (isnan(iw)) return kr_float_from_double(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0) return kr_float_from_double(1.0);
        if ((iw > 0.0) == (iv > 1.0)) return kr_float_from_double(fabs(iw));
        return kr_float_from_double(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0) return kr_float_from_double(odd ? iv : fabs(iv));
        return kr_float_from_double(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0) {
            kr_err_set_string(kr_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return kr_float_from_double(odd ? iv : 0.0);
    }
    bool negate = false;
    if (iv < 0.0) {
        if (iw != floor(iw)) return kr_complex_pow_values(iv, 0.0, iw, 0.0);
        iv = -iv;
        negate = is_odd_integer(iw);
    }
    if (iv == 1.0) return kr_float_from_double(negate ? -1.0 : 1.0);
    errno = 0;
    double r = pow(iv, iw);
    int err = errno;
    if (negate) r = -r;
    if (err == 0 && isinf(r))
        err = ERANGE;
    else if (err == ERANGE && r == 0.0)
        err = 0; /* underflow to zero is not an error */
    if (err) return errno_error(err);
    return kr_float_from_double(r);
}

static KrObject *float_pow(KrObject *a, KrObject *b, KrObject *m) {
    if (m && m != kr_none) {
        kr_err_set_string(kr_exc_TypeError,
                          "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    OPERANDS(a, b, x, y);
    return kr_float_pow_doubles(x, y);
}

static KrObject *float_neg(KrObject *a) { return kr_float_from_double(-FVAL(a)); }
static KrObject *float_abs(KrObject *a) { return kr_float_from_double(fabs(FVAL(a))); }
static int float_bool(KrObject *a) { return FVAL(a) != 0.0; }

static KrObject *float_pos(KrObject *a) {
    if (KR_FLOAT_CHECK_EXACT(a)) return KR_NEWREF(a);
    return kr_float_from_double(FVAL(a));
}

static KrObject *float_trunc(KrObject *a, KrObject *unused) { return kr_int_from_double(FVAL(a)); }
static KrObject *float_int(KrObject *a) { return kr_int_from_double(FVAL(a)); }

static KrNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_mod,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_pos,
    .nb_floor_divide = float_floordiv,
    .nb_true_divide = float_div,
};

/* ---------------------------------------------------------------------------
 * Comparison and hashing
 * ------------------------------------------------------------------------- */

static KrObject *float_richcompare(KrObject *a, KrObject *b, int op) {
    double x = FVAL(a);
    int c;
    if (KR_FLOAT_CHECK_EXACT(b) || (!KR_INT_CHECK(b) && KR_FLOAT_CHECK(b))) {
        double y = FVAL(b);
        bool r;
        switch (op) {
        case KR_LT:
            r = x < y;
            break;
        case KR_LE:
            r = x <= y;
            break;
        case KR_EQ:
            r = x == y;
            break;
        case KR_NE:
            r = x != y;
            break;
        case KR_GT:
            r = x > y;
            break;
        default:
            r = x >= y;
            break;
        }
        return kr_bool_new(r);
    }
    if (!KR_INT_CHECK(b)) return KR_NEWREF(kr_notimplemented);
    if (isnan(x)) return kr_bool_new(op == KR_NE);
    c = -kr_int_compare_double(b, x);
    bool r;
    switch (op) {
    case KR_LT:
        r = c < 0;
        break;
    case KR_LE:
        r = c <= 0;
        break;
    case KR_EQ:
        r = c == 0;
        break;
    case KR_NE:
        r = c != 0;
        break;
    case KR_GT:
        r = c > 0;
        break;
    default:
        r = c >= 0;
        break;
    }
    return kr_bool_new(r);
}

kr_hash kr_float_hash_double(double v) {
    if (!isfinite(v)) {
        if (isinf(v)) return v > 0 ? KR_HASH_INF : -KR_HASH_INF;
        return 0; /* NaN: callers with an object use its identity instead */
    }
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    /* process 28 bits at a time; each step multiplies by 2**28 modulo P */
    uint64_t x = 0;
    while (m != 0.0) {
        x = ((x << 28) & KR_HASH_MODULUS) | x >> (KR_HASH_BITS - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= KR_HASH_MODULUS) x -= KR_HASH_MODULUS;
    }
    e = e >= 0 ? e % KR_HASH_BITS : KR_HASH_BITS - 1 - ((-1 - e) % KR_HASH_BITS);
    x = ((x << e) & KR_HASH_MODULUS) | x >> (KR_HASH_BITS - e);
    kr_hash h = (kr_hash)x * sign;
    return h == -1 ? -2 : h;
}

kr_hash kr_num_pointer_hash(const void *p) {
    uintptr_t y = (uintptr_t)p;
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4)); /* low bits of addresses are zero */
    kr_hash h = (kr_hash)y;
    return h == -1 ? -2 : h;
}

static kr_hash float_hash(KrObject *o) {
    double v = FVAL(o);
    if (isnan(v)) return kr_num_pointer_hash(o);
    return kr_float_hash_double(v);
}

/* ---------------------------------------------------------------------------
 * float(x)
 * ------------------------------------------------------------------------- */

static KrObject *float_new(KrType *type, KrObject *args, KrObject *kwargs) {
    if (kwargs && kr_dict_size(kwargs) > 0)
        return kr_err_format(kr_exc_TypeError, "float() takes no keyword arguments");
    kr_ssize n = args ? KR_SIZE(args) : 0;
    if (n > 1)
        return kr_err_format(kr_exc_TypeError, "float expected at most 1 argument, got %zd", n);
    KrObject *r = n == 0 ? kr_float_from_double(0.0) : kr_number_float(KR_TUPLE_ITEM(args, 0));
    if (!r || type == &kr_float_type) return r;
    KrObject *sub = float_new_of_type(type, FVAL(r));
    KR_DECREF(r);
    return sub;
}

static KrObject *float_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                  KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    if ((KrType *)callable == &kr_float_type && (!kwnames || KR_SIZE(kwnames) == 0)) {
        if (nargs == 0) return kr_float_from_double(0.0);
        if (nargs == 1) return kr_number_float(args[0]);
    }
    return kr_object_call_type_generic((KrType *)callable, args, nargs, kwnames);
}

/* ---------------------------------------------------------------------------
 * Methods
 * ------------------------------------------------------------------------- */

static KrObject *float_is_integer(KrObject *self, KrObject *unused) {
    double v = FVAL(self);
    if (!isfinite(v)) return kr_false;
    return kr_bool_new(floor(v) == v);
}

static KrObject *float_conjugate(KrObject *self, KrObject *unused) { return float_pos(self); }

static KrObject *float_floor(KrObject *self, KrObject *unused) {
    return kr_int_from_double(floor(FVAL(self)));
}

static KrObject *float_ceil(KrObject *self, KrObject *unused) {
    return kr_int_from_double(ceil(FVAL(self)));
}

static KrObject *float_as_integer_ratio(KrObject *self, KrObject *unused) {
    double v = FVAL(self);
    if (isinf(v))
        return kr_err_format(kr_exc_OverflowError, "cannot convert Infinity to integer ratio");
    if (isnan(v)) return kr_err_format(kr_exc_ValueError, "cannot convert NaN to integer ratio");
    int e;
    double m = frexp(v, &e);
    /* scale the mantissa to an integer (at most 53 bits) */
    for (int k = 0; k < 300 && m != floor(m); k++) {
        m *= 2.0;
        e--;
    }
    mpz_t num, den;
    mpz_init_set_d(num, m);
    mpz_init_set_ui(den, 1);
    if (e > 0)
        mpz_mul_2exp(num, num, (mp_bitcnt_t)e);
    else
        mpz_mul_2exp(den, den, (mp_bitcnt_t)-e);
    /* reduce: the denominator is a power of two */
    mp_bitcnt_t tz = mpz_sgn(num) ? mpz_scan1(num, 0) : 0;
    mp_bitcnt_t dz = mpz_scan1(den, 0);
    mp_bitcnt_t common = tz < dz ? tz : dz;
    mpz_fdiv_q_2exp(num, num, common);
    mpz_fdiv_q_2exp(den, den, common);
    KrObject *n = kr_int_from_mpz_steal(num);
    KrObject *d = kr_int_from_mpz_steal(den);
    KrObject *t = n && d ? kr_tuple_pack(2, n, d) : NULL;
    KR_XDECREF(n);
    KR_XDECREF(d);
    return t;
}

/* round(x, ndigits): the correctly rounded decimal (half to even), read back. */
static KrObject *float_round_ndigits(double x, int64_t nd) {
    if (!isfinite(x) || x == 0.0) return kr_float_from_double(x);
    if (nd > 323) return kr_float_from_double(x);
    if (nd < -308) return kr_float_from_double(copysign(0.0, x));
    mpq_t q;
    mpq_init(q);
    mpq_set_d(q, x);
    mpz_t p, n, r, twice;
    mpz_inits(p, n, r, twice, NULL);
    mpz_ui_pow_ui(p, 10, (unsigned long)(nd < 0 ? -nd : nd));
    /* n/d = x * 10**nd, rounded half-even to an integer */
    if (nd >= 0)
        mpz_mul(mpq_numref(q), mpq_numref(q), p);
    else
        mpz_mul(mpq_denref(q), mpq_denref(q), p);
    mpz_fdiv_qr(n, r, mpq_numref(q), mpq_denref(q));
    mpz_mul_2exp(twice, r, 1);
    int c = mpz_cmp(twice, mpq_denref(q));
    if (c > 0 || (c == 0 && mpz_odd_p(n))) mpz_add_ui(n, n, 1);
    double res;
    int rc;
    if (nd >= 0) {
        rc = kr_num_mpz_ratio_to_double(n, p, &res);
    } else {
        mpz_mul(n, n, p);
        rc = kr_num_mpz_to_double(n, &res);
    }
    mpz_clears(p, n, r, twice, NULL);
    mpq_clear(q);
    if (rc < 0) return kr_err_format(kr_exc_OverflowError, "rounded value too large to represent");
    if (res == 0.0) res = copysign(0.0, x);
    return kr_float_from_double(res);
}

static KrObject *float_round(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("__round__", nargs, 0, 1) < 0) return NULL;
    double x = FVAL(self);
    if (nargs == 0 || args[0] == kr_none) {
        double r = nearbyint(x); /* the default rounding mode: half to even */
        return kr_int_from_double(r);
    }
    kr_ssize nd = kr_number_as_ssize(args[0], NULL); /* clamps huge values */
    if (nd == -1 && kr_err_occurred()) return NULL;
    return float_round_ndigits(x, nd);
}

static KrObject *float_getnewargs(KrObject *self, KrObject *unused) {
    KrObject *f = kr_float_from_double(FVAL(self));
    if (!f) return NULL;
    KrObject *t = kr_tuple_pack(1, f);
    KR_DECREF(f);
    return t;
}

static KrObject *float_format(KrObject *self, KrObject *spec) {
    if (!KR_STR_CHECK(spec))
        return kr_err_format(kr_exc_TypeError, "__format__() argument must be str, not %T", spec);
    return kr_format_float(self, spec);
}

static KrObject *float_getformat(KrObject *cls, KrObject *arg) {
    if (!KR_STR_CHECK(arg))
        return kr_err_format(kr_exc_TypeError, "__getformat__() argument must be str, not %T", arg);
    if (!kr_str_eq_cstr(arg, "double") && !kr_str_eq_cstr(arg, "float"))
        return kr_err_format(kr_exc_ValueError,
                             "__getformat__() argument 1 must be 'double' or 'float'");
    return kr_str_from_cstr("IEEE, little-endian");
}

static KrObject *float_get_real(KrObject *self, void *c) { return float_pos(self); }
static KrObject *float_get_imag(KrObject *self, void *c) { return kr_float_from_double(0.0); }

static KrMethodDef float_methods[] = {
    {"conjugate", (void *)float_conjugate, KR_METH_NOARGS,
     "Return self, the complex conjugate of any float."},
    {"__trunc__", (void *)float_trunc, KR_METH_NOARGS,
     "Return the Integral closest to x between 0 and x."},
    {"__floor__", (void *)float_floor, KR_METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", (void *)float_ceil, KR_METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", (void *)float_round, KR_METH_FASTCALL,
     "Return the Integral closest to x, rounding half toward even."},
    {"as_integer_ratio", (void *)float_as_integer_ratio, KR_METH_NOARGS, "Return integer ratio."},
    {"fromhex", (void *)kr_float_fromhex, KR_METH_O | KR_METH_CLASS,
     "Create a floating-point number from a hexadecimal string."},
    {"hex", (void *)kr_float_hex, KR_METH_NOARGS,
     "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", (void *)float_is_integer, KR_METH_NOARGS,
     "Return True if the float is an integer."},
    {"__getnewargs__", (void *)float_getnewargs, KR_METH_NOARGS, NULL},
    {"__getformat__", (void *)float_getformat, KR_METH_O | KR_METH_CLASS, NULL},
    {"__format__", (void *)float_format, KR_METH_O, "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_float_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "float",
    .tp_basicsize = sizeof(KrFloat),
    .tp_dealloc = float_dealloc,
    .tp_vectorcall = float_vectorcall,
    .tp_repr = kr_float_repr,
    .tp_as_number = &float_as_number,
    .tp_hash = float_hash,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_richcompare = float_richcompare,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
};
