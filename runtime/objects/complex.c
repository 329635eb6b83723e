/* complex.c - the complex type: CPython's arithmetic (Smith-style division, integer
 * powers by repeated squaring, polar form otherwise), repr, hash, comparison with
 * int/float, complex(real, imag) and complex(str). */
#include <errno.h>
#include <string.h>

#include "numbers.h"

typedef struct {
    double real, imag;
} Cval;

#define CVAL(o) ((Cval){((KrComplex *)(o))->real, ((KrComplex *)(o))->imag})

KrObject *kr_complex_from_doubles(double real, double imag) {
    KrComplex *o = (KrComplex *)kr_object_new(&kr_complex_type);
    if (!o) return NULL;
    o->real = real;
    o->imag = imag;
    return (KrObject *)o;
}

static KrObject *complex_new_of_type(KrType *type, Cval c) {
    if (type == &kr_complex_type) return kr_complex_from_doubles(c.real, c.imag);
    KrComplex *o = (KrComplex *)kr_type_generic_alloc(type, 0);
    if (!o) return NULL;
    o->real = c.real;
    o->imag = c.imag;
    return (KrObject *)o;
}

static KrObject *from_cval(Cval c) { return kr_complex_from_doubles(c.real, c.imag); }

static void complex_dealloc(KrObject *o) { kr_object_free(o); }

/* ---------------------------------------------------------------------------
 * Arithmetic on values
 * ------------------------------------------------------------------------- */

static Cval c_sum(Cval a, Cval b) { return (Cval){a.real + b.real, a.imag + b.imag}; }
static Cval c_diff(Cval a, Cval b) { return (Cval){a.real - b.real, a.imag - b.imag}; }

static Cval c_prod(Cval a, Cval b) {
    return (Cval){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

/* Division scaled by the larger component of b (avoids needless overflow); sets
 * errno = EDOM for a zero divisor. */
static Cval c_quot(Cval a, Cval b) {
    Cval r;
    double abs_br = fabs(b.real), abs_bi = fabs(b.imag);
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        } else {
            double ratio = b.imag / b.real;
            double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bi >= abs_br) {
        double ratio = b.real / b.imag;
        double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN; /* a NaN in b */
    }
    return r;
}

static Cval c_pow(Cval a, Cval b) {
    Cval r;
    if (b.real == 0.0 && b.imag == 0.0) {
        r.real = 1.0;
        r.imag = 0.0;
    } else if (a.real == 0.0 && a.imag == 0.0) {
        if (b.imag != 0.0 || b.real < 0.0) errno = EDOM;
        r.real = r.imag = 0.0;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

static Cval c_powu(Cval x, long n) {
    Cval r = {1.0, 0.0}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask) r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

static Cval c_powi(Cval x, long n) {
    if (n > 100 || n < -100) return c_pow(x, (Cval){(double)n, 0.0});
    if (n > 0) return c_powu(x, n);
    return c_quot((Cval){1.0, 0.0}, c_powu(x, -n));
}

KrObject *kr_complex_pow_values(double ar, double ai, double br, double bi) {
    Cval a = {ar, ai}, b = {br, bi}, p;
    errno = 0;
    if (bi == 0.0 && br >= -2147483648.0 && br <= 2147483647.0 && br == (double)(long)br)
        p = c_powi(a, (long)br);
    else
        p = c_pow(a, b);
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0) errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM) {
        kr_err_set_string(kr_exc_ZeroDivisionError, "0.0 to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        kr_err_set_string(kr_exc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return from_cval(p);
}

/* ---------------------------------------------------------------------------
 * Number slots
 * ------------------------------------------------------------------------- */

/* 1 and *out for complex/float/int, 0 for other types, -1 on error. */
static int operand(KrObject *o, Cval *out) {
    if (KR_TYPE_IS(o, &kr_complex_type)) {
        *out = CVAL(o);
        return 1;
    }
    double d;
    int r = kr_float_operand(o, &d);
    if (r > 0) *out = (Cval){d, 0.0};
    return r;
}

#define OPERANDS(a, b, x, y)                                                                       \
    Cval x, y;                                                                                     \
    do {                                                                                           \
        int ra_ = operand(a, &x);                                                                  \
        if (ra_ < 0) return NULL;                                                                  \
        int rb_ = ra_ ? operand(b, &y) : 0;                                                        \
        if (rb_ < 0) return NULL;                                                                  \
        if (!ra_ || !rb_) return KR_NEWREF(kr_notimplemented);                                     \
    } while (0)

static KrObject *complex_add(KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return from_cval(c_sum(x, y));
}

static KrObject *complex_sub(KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return from_cval(c_diff(x, y));
}

static KrObject *complex_mul(KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    return from_cval(c_prod(x, y));
}

static KrObject *complex_div(KrObject *a, KrObject *b) {
    OPERANDS(a, b, x, y);
    errno = 0;
    Cval q = c_quot(x, y);
    if (errno == EDOM) {
        kr_err_set_string(kr_exc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return from_cval(q);
}

static KrObject *complex_pow(KrObject *a, KrObject *b, KrObject *m) {
    OPERANDS(a, b, x, y);
    if (m && m != kr_none) {
        kr_err_set_string(kr_exc_ValueError, "complex modulo");
        return NULL;
    }
    return kr_complex_pow_values(x.real, x.imag, y.real, y.imag);
}

static KrObject *complex_neg(KrObject *a) {
    Cval c = CVAL(a);
    return kr_complex_from_doubles(-c.real, -c.imag);
}

static KrObject *complex_pos(KrObject *a) {
    if (KR_TYPE(a) == &kr_complex_type) return KR_NEWREF(a);
    return from_cval(CVAL(a));
}

static KrObject *complex_abs(KrObject *a) {
    Cval c = CVAL(a);
    double r;
    if (isinf(c.real) || isinf(c.imag)) {
        r = HUGE_VAL;
    } else if (isnan(c.real) || isnan(c.imag)) {
        r = NAN;
    } else {
        r = hypot(c.real, c.imag);
        if (isinf(r)) {
            kr_err_set_string(kr_exc_OverflowError, "absolute value too large");
            return NULL;
        }
    }
    return kr_float_from_double(r);
}

static int complex_bool(KrObject *a) {
    Cval c = CVAL(a);
    return c.real != 0.0 || c.imag != 0.0;
}

static KrNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

/* ---------------------------------------------------------------------------
 * Comparison, hash, repr
 * ------------------------------------------------------------------------- */

static KrObject *complex_richcompare(KrObject *a, KrObject *b, int op) {
    if (op != KR_EQ && op != KR_NE) return KR_NEWREF(kr_notimplemented);
    Cval c = CVAL(a);
    bool eq;
    if (KR_INT_CHECK(b)) {
        /* exact: compare the real part with the int, as float == int does */
        eq = c.imag == 0.0 && !isnan(c.real) && kr_int_compare_double(b, c.real) == 0;
    } else if (KR_FLOAT_CHECK(b)) {
        eq = c.real == ((KrFloat *)b)->value && c.imag == 0.0;
    } else if (KR_TYPE_IS(b, &kr_complex_type)) {
        Cval d = CVAL(b);
        eq = c.real == d.real && c.imag == d.imag;
    } else {
        return KR_NEWREF(kr_notimplemented);
    }
    return kr_bool_new(op == KR_EQ ? eq : !eq);
}

static kr_hash complex_hash(KrObject *o) {
    Cval c = CVAL(o);
    uint64_t hr = (uint64_t)(isnan(c.real) ? kr_num_pointer_hash(o) : kr_float_hash_double(c.real));
    uint64_t hi = (uint64_t)(isnan(c.imag) ? kr_num_pointer_hash(o) : kr_float_hash_double(c.imag));
    kr_hash h = (kr_hash)(hr + 1000003u * hi);
    return h == -1 ? -2 : h;
}

static KrObject *complex_repr(KrObject *o) {
    Cval c = CVAL(o);
    char *re = NULL, *im;
    if (c.real == 0.0 && !signbit(c.real)) {
        im = kr_float_format_double(c.imag, 'r', 0, 0, NULL);
    } else {
        re = kr_float_format_double(c.real, 'r', 0, 0, NULL);
        if (!re) return NULL;
        im = kr_float_format_double(c.imag, 'r', 0, KR_DTSF_SIGN, NULL);
    }
    if (!im) {
        kr_mem_free(re);
        return NULL;
    }
    KrObject *r = re ? kr_str_from_format("(%s%sj)", re, im) : kr_str_from_format("%sj", im);
    kr_mem_free(re);
    kr_mem_free(im);
    return r;
}

/* ---------------------------------------------------------------------------
 * complex(str)
 * ------------------------------------------------------------------------- */

static bool c_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

static KrObject *malformed(void) {
    kr_err_set_string(kr_exc_ValueError, "complex() arg is a malformed string");
    return NULL;
}

static KrObject *complex_from_text(KrType *type, const char *s0, kr_ssize len) {
    kr_ssize n;
    char *buf = kr_num_to_ascii(s0, len, false, &n);
    if (!buf) return NULL;
    const char *s = buf, *end = buf + n;
    double x = 0.0, y = 0.0, z;
    const char *stop;
    bool bracket = false;
    while (s < end && c_space(*s))
        s++;
    if (s < end && *s == '(') {
        bracket = true;
        s++;
        while (s < end && c_space(*s))
            s++;
    }
    int rc = kr_float_parse_prefix(s, end, &z, &stop);
    if (rc == -2) goto fail_nomsg;
    if (rc == 0) {
        s = stop;
        if (s < end && (*s == '+' || *s == '-')) {
            x = z;
            rc = kr_float_parse_prefix(s, end, &y, &stop);
            if (rc == -2) goto fail_nomsg;
            if (rc == 0) {
                s = stop;
            } else {
                y = *s == '+' ? 1.0 : -1.0;
                s++;
            }
            if (!(s < end && (*s == 'j' || *s == 'J'))) goto fail;
            s++;
        } else if (s < end && (*s == 'j' || *s == 'J')) {
            s++;
            y = z;
        } else {
            x = z;
        }
    } else {
        if (s < end && (*s == '+' || *s == '-')) {
            y = *s == '+' ? 1.0 : -1.0;
            s++;
        } else {
            y = 1.0;
        }
        if (!(s < end && (*s == 'j' || *s == 'J'))) goto fail;
        s++;
    }
    while (s < end && c_space(*s))
        s++;
    if (bracket) {
        if (!(s < end && *s == ')')) goto fail;
        s++;
        while (s < end && c_space(*s))
            s++;
    }
    if (s != end) goto fail;
    kr_mem_free(buf);
    return complex_new_of_type(type, (Cval){x, y});
fail:
    kr_mem_free(buf);
    return malformed();
fail_nomsg:
    kr_mem_free(buf);
    return NULL;
}

/* ---------------------------------------------------------------------------
 * complex(real=0, imag=0)
 * ------------------------------------------------------------------------- */

/* __complex__ of o if its type defines one: 1 and *out, 0 if absent, -1 on error. */
static int try_complex_dunder(KrObject *o, Cval *out) {
    static KrObject *name;
    if (!name) name = kr_str_intern_cstr("__complex__");
    int found = 0;
    KrObject *r = kr_call_special(o, name, NULL, 0, &found);
    if (!found) return 0;
    if (!r) return -1;
    if (!KR_TYPE_IS(r, &kr_complex_type)) {
        kr_err_format(kr_exc_TypeError, "__complex__ returned non-complex (type %s)",
                      kr_type_name_cstr(KR_TYPE(r)));
        KR_DECREF(r);
        return -1;
    }
    *out = CVAL(r);
    KR_DECREF(r);
    return 1;
}

/* A real part or imaginary part argument. */
static int number_arg(KrObject *o, Cval *out, bool *is_complex, const char *which) {
    *is_complex = false;
    int r = try_complex_dunder(o, out);
    if (r < 0) return -1;
    if (r > 0) {
        *is_complex = true;
        return 0;
    }
    if (KR_TYPE_IS(o, &kr_complex_type)) {
        *out = CVAL(o);
        *is_complex = true;
        return 0;
    }
    KrNumberMethods *nb = KR_TYPE(o)->tp_as_number;
    if (!KR_FLOAT_CHECK(o) && !(nb && (nb->nb_float || nb->nb_index))) {
        if (which[0] == 'f')
            kr_err_format(kr_exc_TypeError,
                          "complex() first argument must be a string or a number, not '%s'",
                          kr_type_name_cstr(KR_TYPE(o)));
        else
            kr_err_format(kr_exc_TypeError, "complex() second argument must be a number, not '%s'",
                          kr_type_name_cstr(KR_TYPE(o)));
        return -1;
    }
    double d = kr_float_as_double(o);
    if (d == -1.0 && kr_err_occurred()) return -1;
    *out = (Cval){d, 0.0};
    return 0;
}

static KrObject *complex_new(KrType *type, KrObject *args, KrObject *kwargs) {
    kr_ssize nargs = args ? KR_SIZE(args) : 0;
    KrObject *r = nargs > 0 ? KR_TUPLE_ITEM(args, 0) : NULL;
    KrObject *i = nargs > 1 ? KR_TUPLE_ITEM(args, 1) : NULL;
    if (nargs > 2)
        return kr_err_format(kr_exc_TypeError, "complex() takes at most 2 arguments (%zd given)",
                             nargs);
    if (kwargs && kr_dict_size(kwargs) > 0) {
        kr_ssize pos = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            if (KR_STR_CHECK(k) && kr_str_eq_cstr(k, "real") && nargs < 1) {
                r = v;
            } else if (KR_STR_CHECK(k) && kr_str_eq_cstr(k, "imag") && nargs < 2) {
                i = v;
            } else if (KR_STR_CHECK(k) &&
                       (kr_str_eq_cstr(k, "real") || kr_str_eq_cstr(k, "imag"))) {
                return kr_err_format(kr_exc_TypeError,
                                     "argument for complex() given by name (%R) and position (%d)",
                                     k, kr_str_eq_cstr(k, "real") ? 1 : 2);
            } else {
                return kr_err_format(kr_exc_TypeError,
                                     "complex() got an unexpected keyword argument %R", k);
            }
        }
    }
    if (!r) r = kr_int_from_i64(0);
    if (KR_STR_CHECK(r)) {
        if (i)
            return kr_err_format(kr_exc_TypeError,
                                 "complex() can't take second arg if first is a string");
        return complex_from_text(type, kr_str_data(r), kr_str_size(r));
    }
    if (i && KR_STR_CHECK(i))
        return kr_err_format(kr_exc_TypeError, "complex() second arg can't be a string");
    if (!i && KR_TYPE(r) == &kr_complex_type && type == &kr_complex_type) return KR_NEWREF(r);
    Cval cr, ci = {0.0, 0.0};
    bool cr_is_complex, ci_is_complex = false;
    if (number_arg(r, &cr, &cr_is_complex, "first") < 0) return NULL;
    if (i && number_arg(i, &ci, &ci_is_complex, "second") < 0) return NULL;
    /* (a+bj) + (c+dj)*j */
    /* adding zeros only where an operand is complex keeps the sign of -0.0 parts */
    Cval res;
    res.real = cr.real;
    if (ci_is_complex) res.real -= ci.imag;
    if (!i)
        res.imag = cr_is_complex ? cr.imag : 0.0;
    else
        res.imag = cr_is_complex ? ci.real + cr.imag : ci.real;
    return complex_new_of_type(type, res);
}

/* ---------------------------------------------------------------------------
 * Methods and type
 * ------------------------------------------------------------------------- */

static KrObject *complex_conjugate(KrObject *self, KrObject *unused) {
    Cval c = CVAL(self);
    return kr_complex_from_doubles(c.real, -c.imag);
}

static KrObject *complex_getnewargs(KrObject *self, KrObject *unused) {
    Cval c = CVAL(self);
    KrObject *a = kr_float_from_double(c.real);
    KrObject *b = a ? kr_float_from_double(c.imag) : NULL;
    KrObject *t = b ? kr_tuple_pack(2, a, b) : NULL;
    KR_XDECREF(a);
    KR_XDECREF(b);
    return t;
}

static KrObject *complex_complex(KrObject *self, KrObject *unused) { return complex_pos(self); }

/* format(z, spec): the engine formats each part; an empty spec is str(z). */
static KrObject *complex_format(KrObject *self, KrObject *spec) {
    if (!KR_STR_CHECK(spec))
        return kr_err_format(kr_exc_TypeError, "__format__() argument must be str, not %T", spec);
    if (kr_str_size(spec) == 0) return kr_object_str(self);
    return kr_format_complex(self, spec);
}

static KrMethodDef complex_methods[] = {
    {"conjugate", (void *)complex_conjugate, KR_METH_NOARGS,
     "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__getnewargs__", (void *)complex_getnewargs, KR_METH_NOARGS, NULL},
    {"__complex__", (void *)complex_complex, KR_METH_NOARGS, "Convert complex to a complex."},
    {"__format__", (void *)complex_format, KR_METH_O,
     "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static KrMemberDef complex_members[] = {
    {"real", KR_MEMBER_DOUBLE, offsetof(KrComplex, real), KR_MEMBER_READONLY,
     "the real part of a complex number"},
    {"imag", KR_MEMBER_DOUBLE, offsetof(KrComplex, imag), KR_MEMBER_READONLY,
     "the imaginary part of a complex number"},
    {NULL, 0, 0, 0, NULL},
};

KrType kr_complex_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "complex",
    .tp_basicsize = sizeof(KrComplex),
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_as_number = &complex_as_number,
    .tp_hash = complex_hash,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.\n\nThis "
              "is equivalent to (real + imag*1j) where imag defaults to 0.",
    .tp_richcompare = complex_richcompare,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
    .tp_new = complex_new,
};
