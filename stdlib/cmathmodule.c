/* cmathmodule.c - the `cmath` module: complex functions on finite inputs by CPython's
 * formulas (careful scaling near overflow/underflow, so results match), non-finite
 * inputs through C99 Annex G's complex functions, and CPython's error rules
 * (ValueError "math domain error", OverflowError "math range error"). */
#include <complex.h>

/* clang (used for the fuzzing build) lacks C11's CMPLX: build the value through its
 * two parts, which keeps signed zeros and infinities intact */
#ifndef CMPLX
static inline double complex cmplx_from_parts(double re, double im) {
    union {
        double complex z;
        double parts[2];
    } u;
    u.parts[0] = re;
    u.parts[1] = im;
    return u.z;
}
#define CMPLX(x, y) cmplx_from_parts((x), (y))
#endif
#include <errno.h>
#include <float.h>
#include <math.h>

#include "krait.h"

typedef struct {
    double real, imag;
} Cx;

static const double PI = 3.141592653589793238462643383279502884197;
static const double LN2 = 0.6931471805599453094;
static const double LN10 = 2.302585092994045684;

#define CM_LARGE_DOUBLE (DBL_MAX / 4.)
#define CM_SCALE_UP (2 * (DBL_MANT_DIG / 2) + 1)
#define CM_SCALE_DOWN (-(CM_SCALE_UP + 1) / 2)

static double cm_sqrt_large_double, cm_log_large_double, cm_sqrt_dbl_min;

static bool cx_finite(Cx z) { return isfinite(z.real) && isfinite(z.imag); }

static Cx from_c99(double complex c) { return (Cx){creal(c), cimag(c)}; }

/* libm may leave errno set for special values; CPython's tables decide instead */
static Cx c99_clean(double complex c) {
    errno = 0;
    return from_c99(c);
}
static double complex to_c99(Cx z) { return CMPLX(z.real, z.imag); }

/* ---------------------------------------------------------------------------
 * The functions on Cx values; errno reports domain (EDOM) and range (ERANGE) errors
 * ------------------------------------------------------------------------- */

static Cx c_sqrt(Cx z) {
    if (!cx_finite(z)) return c99_clean(csqrt(to_c99(z)));
    if (z.real == 0. && z.imag == 0.) return (Cx){0., z.imag};
    double ax = fabs(z.real), ay = fabs(z.imag), s;
    if (ax < DBL_MIN && ay < DBL_MIN) {
        /* scale subnormals up so the hypot keeps its precision */
        ax = ldexp(ax, CM_SCALE_UP);
        s = ldexp(sqrt(ax + hypot(ax, ldexp(ay, CM_SCALE_UP))), CM_SCALE_DOWN);
    } else {
        ax /= 8.;
        s = 2. * sqrt(ax + hypot(ax, ay / 8.));
    }
    double d = ay / (2. * s);
    if (z.real >= 0.) return (Cx){s, copysign(d, z.imag)};
    return (Cx){d, copysign(s, z.imag)};
}

static Cx c_log(Cx z) {
    errno = 0;
    if (!cx_finite(z)) return c99_clean(clog(to_c99(z)));
    double ax = fabs(z.real), ay = fabs(z.imag);
    Cx r;
    if (ax > CM_LARGE_DOUBLE || ay > CM_LARGE_DOUBLE) {
        r.real = log(hypot(ax / 2., ay / 2.)) + LN2;
    } else if (ax < DBL_MIN && ay < DBL_MIN) {
        if (ax > 0. || ay > 0.) {
            r.real = log(hypot(ldexp(ax, DBL_MANT_DIG), ldexp(ay, DBL_MANT_DIG))) -
                     DBL_MANT_DIG * LN2;
        } else {
            r.real = -INFINITY;
            r.imag = atan2(z.imag, z.real);
            errno = EDOM;
            return r;
        }
    } else {
        double h = hypot(ax, ay);
        if (0.71 <= h && h <= 1.73) {
            double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
            r.real = log1p((am - 1) * (am + 1) + an * an) / 2.;
        } else {
            r.real = log(h);
        }
    }
    r.imag = atan2(z.imag, z.real);
    return r;
}

static Cx c_exp(Cx z) {
    if (!cx_finite(z)) {
        Cx r = c99_clean(cexp(to_c99(z)));
        /* exp(+-inf + nonfinite j) style cases: CPython reports the invalid ones */
        if (isinf(z.real) && z.real > 0 && !isfinite(z.imag) && !isnan(z.imag)) errno = EDOM;
        return r;
    }
    Cx r;
    if (z.real > cm_log_large_double) {
        double l = exp(z.real - 1.);
        r.real = l * cos(z.imag) * M_E;
        r.imag = l * sin(z.imag) * M_E;
    } else {
        double l = exp(z.real);
        r.real = l * cos(z.imag);
        r.imag = l * sin(z.imag);
    }
    errno = (isinf(r.real) || isinf(r.imag)) ? ERANGE : 0;
    return r;
}

static Cx c_cosh(Cx z) {
    if (!cx_finite(z)) return c99_clean(ccosh(to_c99(z)));
    Cx r;
    if (fabs(z.real) > cm_log_large_double) {
        double x1 = z.real - copysign(1., z.real);
        r.real = cos(z.imag) * cosh(x1) * M_E;
        r.imag = sin(z.imag) * sinh(x1) * M_E;
    } else {
        r.real = cos(z.imag) * cosh(z.real);
        r.imag = sin(z.imag) * sinh(z.real);
    }
    errno = (isinf(r.real) || isinf(r.imag)) ? ERANGE : 0;
    return r;
}

static Cx c_sinh(Cx z) {
    if (!cx_finite(z)) return c99_clean(csinh(to_c99(z)));
    Cx r;
    if (fabs(z.real) > cm_log_large_double) {
        double x1 = z.real - copysign(1., z.real);
        r.real = cos(z.imag) * sinh(x1) * M_E;
        r.imag = sin(z.imag) * cosh(x1) * M_E;
    } else {
        r.real = cos(z.imag) * sinh(z.real);
        r.imag = sin(z.imag) * cosh(z.real);
    }
    errno = (isinf(r.real) || isinf(r.imag)) ? ERANGE : 0;
    return r;
}

static Cx c_tanh(Cx z) {
    if (!cx_finite(z)) return c99_clean(ctanh(to_c99(z)));
    Cx r;
    if (fabs(z.real) > cm_log_large_double) {
        r.real = copysign(1., z.real);
        r.imag = 4. * sin(z.imag) * cos(z.imag) * exp(-2. * fabs(z.real));
    } else {
        double tx = tanh(z.real), ty = tan(z.imag), cx = 1. / cosh(z.real);
        double txty = tx * ty, denom = 1. + txty * txty;
        r.real = tx * (1. + ty * ty) / denom;
        r.imag = ((ty / denom) * cx) * cx;
    }
    errno = 0;
    return r;
}

static Cx c_asinh(Cx z) {
    if (!cx_finite(z)) return c99_clean(casinh(to_c99(z)));
    Cx r;
    if (fabs(z.real) > cm_sqrt_large_double || fabs(z.imag) > cm_sqrt_large_double) {
        double l = log(hypot(z.real / 2., z.imag / 2.)) + LN2 + LN2;
        r.real = z.imag >= 0. ? copysign(l, z.real) : -copysign(l, -z.real);
        r.imag = atan2(z.imag, fabs(z.real));
    } else {
        Cx s1 = c_sqrt((Cx){1. + z.imag, -z.real});
        Cx s2 = c_sqrt((Cx){1. - z.imag, z.real});
        r.real = asinh(s1.real * s2.imag - s2.real * s1.imag);
        r.imag = atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag);
    }
    errno = 0;
    return r;
}

static Cx c_acos(Cx z) {
    if (!cx_finite(z)) return c99_clean(cacos(to_c99(z)));
    Cx r;
    if (fabs(z.real) > cm_sqrt_large_double || fabs(z.imag) > cm_sqrt_large_double) {
        r.real = atan2(fabs(z.imag), z.real);
        double l = log(hypot(z.real / 2., z.imag / 2.)) + LN2 + LN2;
        r.imag = z.real < 0 ? -copysign(l, z.imag) : copysign(l, -z.imag);
    } else {
        Cx s1 = c_sqrt((Cx){1. - z.real, -z.imag});
        Cx s2 = c_sqrt((Cx){1. + z.real, z.imag});
        r.real = 2. * atan2(s1.real, s2.real);
        r.imag = asinh(s2.real * s1.imag - s2.imag * s1.real);
    }
    errno = 0;
    return r;
}

static Cx c_acosh(Cx z) {
    if (!cx_finite(z)) return c99_clean(cacosh(to_c99(z)));
    Cx r;
    if (fabs(z.real) > cm_sqrt_large_double || fabs(z.imag) > cm_sqrt_large_double) {
        r.real = log(hypot(z.real / 2., z.imag / 2.)) + LN2 + LN2;
        r.imag = atan2(z.imag, z.real);
    } else {
        Cx s1 = c_sqrt((Cx){z.real - 1., z.imag});
        Cx s2 = c_sqrt((Cx){z.real + 1., z.imag});
        r.real = asinh(s1.real * s2.real + s1.imag * s2.imag);
        r.imag = 2. * atan2(s1.imag, s2.real);
    }
    errno = 0;
    return r;
}

static Cx c_atanh(Cx z) {
    errno = 0;
    if (!cx_finite(z)) return c99_clean(catanh(to_c99(z)));
    if (z.real < 0.) {
        Cx r = c_atanh((Cx){-z.real, -z.imag});
        return (Cx){-r.real, -r.imag};
    }
    double ay = fabs(z.imag);
    Cx r;
    if (z.real > cm_sqrt_large_double || ay > cm_sqrt_large_double) {
        double h = hypot(z.real / 2., z.imag / 2.);
        r.real = z.real / 4. / h / h;
        r.imag = -copysign(PI / 2., -z.imag);
    } else if (z.real == 1. && ay < cm_sqrt_dbl_min) {
        if (ay == 0.) {
            r.real = INFINITY;
            r.imag = z.imag;
            errno = EDOM;
        } else {
            r.real = -log(sqrt(ay) / sqrt(hypot(ay, 2.)));
            r.imag = copysign(atan2(2., -ay) / 2, z.imag);
        }
    } else {
        r.real = log1p(4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.;
        r.imag = -atan2(-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.;
    }
    return r;
}

/* The trigonometric functions through the hyperbolic ones: f(z) = -i g(iz). */
static Cx c_asin(Cx z) {
    Cx s = c_asinh((Cx){-z.imag, z.real});
    return (Cx){s.imag, -s.real};
}
static Cx c_atan(Cx z) {
    Cx s = c_atanh((Cx){-z.imag, z.real});
    return (Cx){s.imag, -s.real};
}
static Cx c_cos(Cx z) { return c_cosh((Cx){-z.imag, z.real}); }
static Cx c_sin(Cx z) {
    Cx s = c_sinh((Cx){-z.imag, z.real});
    return (Cx){s.imag, -s.real};
}
static Cx c_tan(Cx z) {
    Cx s = c_tanh((Cx){-z.imag, z.real});
    return (Cx){s.imag, -s.real};
}

static Cx c_log10(Cx z) {
    Cx r = c_log(z);
    int e = errno;
    r.real /= LN10;
    r.imag /= LN10;
    errno = e;
    return r;
}

/* CPython's complex division (Smith's method); dividing by zero is EDOM. */
static Cx c_quot(Cx a, Cx b) {
    double abs_br = fabs(b.real), abs_bi = fabs(b.imag);
    Cx r;
    if (abs_br >= abs_bi) {
        if (abs_br == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        } else {
            double ratio = b.imag / b.real, denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bi >= abs_br) {
        double ratio = b.real / b.imag, denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN;
    }
    return r;
}

/* ---------------------------------------------------------------------------
 * Argument conversion and the Python wrappers
 * ------------------------------------------------------------------------- */

static int as_complex(KrObject *o, Cx *out) {
    if (KR_TYPE_IS(o, &kr_complex_type)) {
        out->real = ((KrComplex *)o)->real;
        out->imag = ((KrComplex *)o)->imag;
        return 0;
    }
    if (!KR_FLOAT_CHECK(o) && !KR_INT_CHECK(o)) {
        int found = 0;
        KrObject *c = kr_call_special(o, kr_str_intern_cstr("__complex__"), NULL, 0, &found);
        if (c) {
            if (!KR_TYPE_IS(c, &kr_complex_type)) {
                kr_err_format(kr_exc_TypeError, "__complex__ returned non-complex (type %s)",
                              kr_type_name_cstr(KR_TYPE(c)));
                KR_DECREF(c);
                return -1;
            }
            out->real = ((KrComplex *)c)->real;
            out->imag = ((KrComplex *)c)->imag;
            KR_DECREF(c);
            return 0;
        }
        if (kr_err_occurred()) return -1;
    }
    double d = kr_float_as_double(o);
    if (d == -1.0 && kr_err_occurred()) return -1;
    out->real = d;
    out->imag = 0.0;
    return 0;
}

static KrObject *math_error(void) {
    if (errno == EDOM)
        kr_err_set_string(kr_exc_ValueError, "math domain error");
    else
        kr_err_set_string(kr_exc_OverflowError, "math range error");
    return NULL;
}

static KrObject *cmath_1(KrObject *arg, Cx (*func)(Cx)) {
    Cx z;
    if (as_complex(arg, &z) < 0) return NULL;
    errno = 0;
    Cx r = func(z);
    if (errno) return math_error();
    return kr_complex_from_doubles(r.real, r.imag);
}

#define CFUNC(name)                                                                        \
    static KrObject *cmath_##name(KrObject *self, KrObject *arg) {                         \
        (void)self;                                                                        \
        return cmath_1(arg, c_##name);                                                     \
    }

CFUNC(acos)
CFUNC(acosh)
CFUNC(asin)
CFUNC(asinh)
CFUNC(atan)
CFUNC(atanh)
CFUNC(cos)
CFUNC(cosh)
CFUNC(exp)
CFUNC(log10)
CFUNC(sin)
CFUNC(sinh)
CFUNC(sqrt)
CFUNC(tan)
CFUNC(tanh)

static KrObject *cmath_log(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    if (kr_arg_check_positional("log", nargs, 1, 2) < 0) return NULL;
    Cx x, y;
    if (as_complex(args[0], &x) < 0) return NULL;
    if (nargs == 2 && as_complex(args[1], &y) < 0) return NULL;
    errno = 0;
    x = c_log(x);
    if (nargs == 2) {
        y = c_log(y);
        x = c_quot(x, y);
    }
    if (errno) return math_error();
    return kr_complex_from_doubles(x.real, x.imag);
}

static double m_atan2(double y, double x) {
    if (isnan(x) || isnan(y)) return NAN;
    if (isinf(y)) {
        if (isinf(x)) return copysign(copysign(1., x) == 1. ? 0.25 * PI : 0.75 * PI, y);
        return copysign(0.5 * PI, y);
    }
    if (isinf(x) || y == 0.) return copysign(copysign(1., x) == 1. ? 0. : PI, y);
    return atan2(y, x);
}

static double c_abs(Cx z, int *err) {
    *err = 0;
    if (!cx_finite(z)) {
        if (isinf(z.real)) return fabs(z.real);
        if (isinf(z.imag)) return fabs(z.imag);
        return NAN;
    }
    double r = hypot(z.real, z.imag);
    if (isinf(r)) *err = ERANGE;
    return r;
}

static KrObject *cmath_phase(KrObject *self, KrObject *arg) {
    (void)self;
    Cx z;
    if (as_complex(arg, &z) < 0) return NULL;
    return kr_float_from_double(m_atan2(z.imag, z.real));
}

static KrObject *cmath_polar(KrObject *self, KrObject *arg) {
    (void)self;
    Cx z;
    int err;
    if (as_complex(arg, &z) < 0) return NULL;
    double phi = m_atan2(z.imag, z.real), r = c_abs(z, &err);
    if (err) {
        errno = err;
        return math_error();
    }
    KrObject *a = kr_float_from_double(r), *b = kr_float_from_double(phi);
    KrObject *t = (a && b) ? kr_tuple_pack(2, a, b) : NULL;
    KR_XDECREF(a);
    KR_XDECREF(b);
    return t;
}

static KrObject *cmath_rect(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    if (nargs != 2)
        return kr_err_format(kr_exc_TypeError, "rect expected 2 arguments, got %zd", nargs);
    double r = kr_float_as_double(args[0]);
    if (r == -1.0 && kr_err_occurred()) return NULL;
    double phi = kr_float_as_double(args[1]);
    if (phi == -1.0 && kr_err_occurred()) return NULL;
    Cx z;
    errno = 0;
    if (!isfinite(r) || !isfinite(phi)) {
        if (isinf(r) && isfinite(phi) && phi != 0.) {
            /* infinite modulus, finite nonzero angle: signs from cos/sin */
            if (r > 0) {
                z.real = copysign(INFINITY, cos(phi));
                z.imag = copysign(INFINITY, sin(phi));
            } else {
                z.real = -copysign(INFINITY, cos(phi));
                z.imag = -copysign(INFINITY, sin(phi));
            }
        } else if (isinf(r) && phi == 0.) {
            z.real = r;
            z.imag = r > 0 ? phi : -phi;
        } else if (isnan(r)) {
            z.real = NAN;
            z.imag = phi == 0. ? phi : NAN;
        } else if (isnan(phi)) {
            z.real = r == 0. ? 0. : (isinf(r) ? INFINITY : NAN);
            z.imag = r == 0. ? 0. : NAN;
        } else {
            /* finite r, infinite phi */
            if (r == 0.) {
                z.real = 0.;
                z.imag = 0.;
            } else {
                z.real = z.imag = NAN;
                errno = EDOM;
            }
            if (isinf(r)) z.real = INFINITY, z.imag = NAN, errno = EDOM;
        }
    } else if (phi == 0.0) {
        /* keep the sign of zero right: r*sin(0) would lose it for negative r */
        z.real = r;
        z.imag = r * phi;
    } else {
        z.real = r * cos(phi);
        z.imag = r * sin(phi);
    }
    if (errno) return math_error();
    return kr_complex_from_doubles(z.real, z.imag);
}

static KrObject *cmath_isfinite(KrObject *self, KrObject *arg) {
    (void)self;
    Cx z;
    if (as_complex(arg, &z) < 0) return NULL;
    return kr_bool_new(cx_finite(z));
}

static KrObject *cmath_isnan(KrObject *self, KrObject *arg) {
    (void)self;
    Cx z;
    if (as_complex(arg, &z) < 0) return NULL;
    return kr_bool_new(isnan(z.real) || isnan(z.imag));
}

static KrObject *cmath_isinf(KrObject *self, KrObject *arg) {
    (void)self;
    Cx z;
    if (as_complex(arg, &z) < 0) return NULL;
    return kr_bool_new(isinf(z.real) || isinf(z.imag));
}

static KrObject *cmath_isclose(KrObject *self, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames) {
    (void)self;
    static const char *const kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    KrObject *ao, *bo;
    double rel_tol = 1e-09, abs_tol = 0.0;
    if (kr_arg_parse(args, nargs, kwnames, "OO|$dd:isclose", kwlist, &ao, &bo, &rel_tol,
                     &abs_tol) < 0)
        return NULL;
    Cx a, b;
    if (as_complex(ao, &a) < 0 || as_complex(bo, &b) < 0) return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        kr_err_set_string(kr_exc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a.real == b.real && a.imag == b.imag) return kr_bool_new(1);
    if (isinf(a.real) || isinf(a.imag) || isinf(b.real) || isinf(b.imag)) return kr_bool_new(0);
    int err;
    double diff = c_abs((Cx){a.real - b.real, a.imag - b.imag}, &err);
    double aa = c_abs(a, &err), ab = c_abs(b, &err);
    return kr_bool_new(diff <= rel_tol * ab || diff <= rel_tol * aa || diff <= abs_tol);
}

#define O1(name) {#name, (void *)cmath_##name, KR_METH_O, NULL}

static KrMethodDef cmath_methods[] = {
    O1(acos),  O1(acosh), O1(asin),  O1(asinh),  O1(atan),  O1(atanh),
    O1(cos),   O1(cosh),  O1(exp),   O1(isfinite), O1(isinf), O1(isnan),
    {"isclose", (void *)cmath_isclose, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"log", (void *)cmath_log, KR_METH_FASTCALL, NULL},
    O1(log10), O1(phase), O1(polar),
    {"rect", (void *)cmath_rect, KR_METH_FASTCALL, NULL},
    O1(sin),   O1(sinh),  O1(sqrt),  O1(tan),    O1(tanh),  {NULL, NULL, 0, NULL},
};

KrObject *kr_mod_cmath_init(void) {
    cm_sqrt_large_double = sqrt(CM_LARGE_DOUBLE);
    cm_log_large_double = log(CM_LARGE_DOUBLE);
    cm_sqrt_dbl_min = sqrt(DBL_MIN);
    KrObject *m = kr_module_new_cstr("cmath");
    if (!m) return NULL;
    if (kr_module_add_functions(m, cmath_methods) < 0 ||
        kr_module_add_object(m, "pi", kr_float_from_double(PI)) < 0 ||
        kr_module_add_object(m, "e", kr_float_from_double(M_E)) < 0 ||
        kr_module_add_object(m, "tau", kr_float_from_double(2 * PI)) < 0 ||
        kr_module_add_object(m, "inf", kr_float_from_double(INFINITY)) < 0 ||
        kr_module_add_object(m, "infj", kr_complex_from_doubles(0.0, INFINITY)) < 0 ||
        kr_module_add_object(m, "nan", kr_float_from_double(fabs(NAN))) < 0 ||
        kr_module_add_object(m, "nanj", kr_complex_from_doubles(0.0, fabs(NAN))) < 0) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}
