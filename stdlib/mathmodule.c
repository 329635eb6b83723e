/* mathmodule.c - the `math` module: libm wrappers with CPython's error rules (ValueError
 * "math domain error" for invalid inputs, OverflowError "math range error"), exact integer
 * functions on GMP (isqrt, factorial, comb, perm, gcd, lcm) and the accurate float
 * algorithms CPython uses (fsum's exact partials, hypot's compensated norm, sumprod). */
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "krait.h"

static const double PI = 3.141592653589793238462643383279502884197;
static const double LOGPI = 1.144729885849400174143427351353058711647;

/* ---------------------------------------------------------------------------
 * Error reporting shared by the wrappers
 * ------------------------------------------------------------------------- */

static KrObject *domain_error(void) {
    kr_err_set_string(kr_exc_ValueError, "math domain error");
    return NULL;
}

static KrObject *range_error(void) {
    kr_err_set_string(kr_exc_OverflowError, "math range error");
    return NULL;
}

/* Called with errno set after a libm call that returned r: sets the exception and
 * returns 1, or returns 0 when the errno only reports a harmless underflow. */
static int is_error(double r) {
    if (errno == EDOM) {
        domain_error();
        return 1;
    }
    if (errno == ERANGE) {
        /* an underflow towards 0 (or towards -1 for expm1) is not an error */
        if (fabs(r) < 1.5) return 0;
        range_error();
        return 1;
    }
    kr_err_from_errno(kr_exc_ValueError);
    return 1;
}

static int as_double(KrObject *o, double *out) {
    if (KR_FLOAT_CHECK_EXACT(o)) {
        *out = ((KrFloat *)o)->value;
        return 0;
    }
    double d = kr_float_as_double(o);
    if (d == -1.0 && kr_err_occurred()) return -1;
    *out = d;
    return 0;
}

/* One-argument libm function: NaN from a non-NaN is a domain error, an infinity
 * from a finite input overflows (or is a singularity when can_overflow is 0). */
static KrObject *math_1(KrObject *arg, double (*func)(double), int can_overflow) {
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    errno = 0;
    double r = func(x);
    if (isnan(r) && !isnan(x)) return domain_error();
    if (isinf(r) && isfinite(x)) return can_overflow ? range_error() : domain_error();
    if (isfinite(r) && errno && is_error(r)) return NULL;
    return kr_float_from_double(r);
}

/* For functions that set errno themselves (our gamma, lgamma; libm erf). */
static KrObject *math_1a(KrObject *arg, double (*func)(double)) {
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    errno = 0;
    double r = func(x);
    if (errno && is_error(r)) return NULL;
    return kr_float_from_double(r);
}

static KrObject *math_2(KrObject *const *args, kr_ssize nargs, double (*func)(double, double),
                        const char *name) {
    if (nargs != 2)
        return kr_err_format(kr_exc_TypeError, "%s expected 2 arguments, got %zd", name, nargs);
    double x, y;
    if (as_double(args[0], &x) < 0 || as_double(args[1], &y) < 0) return NULL;
    errno = 0;
    double r = func(x, y);
    if (isnan(r))
        errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
    else if (isinf(r))
        errno = (isfinite(x) && isfinite(y)) ? ERANGE : 0;
    if (errno && is_error(r)) return NULL;
    return kr_float_from_double(r);
}

/* ---------------------------------------------------------------------------
 * Special functions CPython implements itself (so results match bit for bit)
 * ------------------------------------------------------------------------- */

/* sin(pi*x), exact at integers; used by gamma's reflection formula. */
static double sinpi(double x) {
    double y = fmod(fabs(x), 2.0), r;
    int n = (int)round(2.0 * y);
    switch (n) {
    case 0: r = sin(PI * y); break;
    case 1: r = cos(PI * (y - 0.5)); break;
    case 2: r = sin(PI * (1.0 - y)); break; /* keeps +0.0 at y == 1 */
    case 3: r = -cos(PI * (y - 1.5)); break;
    default: r = sin(PI * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

/* Lanczos approximation, N=13, g=6.024680040776729583740234375 (Boost's parameters),
 * written as a rational function; the numerator/denominator coefficients below. */
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
static const double lanczos_den[LANCZOS_N] = {0.0,      39916800.0, 120543840.0, 150917976.0,
                                              105258076.0, 45995730.0, 13339535.0, 2637558.0,
                                              357423.0, 32670.0,    1925.0,      66.0,
                                              1.0};
#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
};

static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    /* for large x evaluate in 1/x so the powers don't overflow */
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num[i];
            den = den * x + lanczos_den[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num[i];
            den = den / x + lanczos_den[i];
        }
    }
    return num / den;
}

static double m_tgamma(double x) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL) return gamma_integral[(int)x - 1];
    }
    double absx = fabs(x), r;
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (isinf(r)) errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0) return 0.0 / sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    volatile double y = absx + lanczos_g_minus_half;
    double z;
    /* the rounding error of y, corrected for below (it is magnified by pow and exp) */
    if (absx > lanczos_g_minus_half) {
        volatile double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        volatile double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -PI / sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            double sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r)) errno = ERANGE;
    return r;
}

static double m_lgamma(double x) {
    if (!isfinite(x)) return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20) return -log(absx);
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0) r = LOGPI - log(fabs(sinpi(absx))) - log(absx) - r;
    if (isinf(r)) errno = ERANGE;
    return r;
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

/* IEEE remainder, exact; ties go to the even multiple. */
static double m_remainder(double x, double y) {
    if (isfinite(x) && isfinite(y)) {
        if (y == 0.0) return NAN;
        double absx = fabs(x), absy = fabs(y);
        double m = fmod(absx, absy);
        /* compare m with absy - m rather than 0.5*absy, which may be inexact */
        double c = absy - m, r;
        if (m < c)
            r = m;
        else if (m > c)
            r = -c;
        else
            r = m - 2.0 * fmod(0.5 * (absx - m), absy);
        return copysign(1.0, x) * r;
    }
    if (isnan(x)) return x;
    if (isnan(y)) return y;
    if (isinf(x)) return NAN;
    return x;
}

static double m_log(double x) {
    if (isfinite(x)) {
        if (x > 0.0) return log(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
}

static double m_log2(double x) {
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0) return x;
        errno = EDOM;
        return NAN;
    }
    if (x > 0.0) return log2(x);
    errno = EDOM;
    return x == 0.0 ? -HUGE_VAL : NAN;
}

static double m_log10(double x) {
    if (isfinite(x)) {
        if (x > 0.0) return log10(x);
        errno = EDOM;
        return x == 0.0 ? -HUGE_VAL : NAN;
    }
    if (isnan(x) || x > 0.0) return x;
    errno = EDOM;
    return NAN;
}

static double m_log1p(double x) {
    /* log1p(-0.0) must keep its sign */
    if (x == 0.0) return x;
    return log1p(x);
}

static double m_erf(double x) { return erf(x); }
static double m_erfc(double x) { return erfc(x); }

/* ---------------------------------------------------------------------------
 * Plain one- and two-argument functions
 * ------------------------------------------------------------------------- */

#define FUNC1(name, func, can_overflow)                                                    \
    static KrObject *math_##name(KrObject *self, KrObject *arg) {                          \
        (void)self;                                                                        \
        return math_1(arg, func, can_overflow);                                            \
    }
#define FUNC1A(name, func)                                                                 \
    static KrObject *math_##name(KrObject *self, KrObject *arg) {                          \
        (void)self;                                                                        \
        return math_1a(arg, func);                                                         \
    }
#define FUNC2(name, func)                                                                  \
    static KrObject *math_##name(KrObject *self, KrObject *const *args, kr_ssize nargs) {  \
        (void)self;                                                                        \
        return math_2(args, nargs, func, #name);                                           \
    }

FUNC1(acos, acos, 0)
FUNC1(acosh, acosh, 0)
FUNC1(asin, asin, 0)
FUNC1(asinh, asinh, 0)
FUNC1(atan, atan, 0)
FUNC1(atanh, atanh, 0)
FUNC1(cbrt, cbrt, 0)
FUNC1(cos, cos, 0)
FUNC1(cosh, cosh, 1)
FUNC1(exp, exp, 1)
FUNC1(exp2, exp2, 1)
FUNC1(expm1, expm1, 1)
FUNC1(fabs, fabs, 0)
FUNC1(log1p, m_log1p, 0)
FUNC1(sin, sin, 0)
FUNC1(sinh, sinh, 1)
FUNC1(sqrt, sqrt, 0)
FUNC1(tan, tan, 0)
FUNC1(tanh, tanh, 0)
FUNC1A(erf, m_erf)
FUNC1A(erfc, m_erfc)
FUNC1A(gamma, m_tgamma)
FUNC1A(lgamma, m_lgamma)
FUNC2(atan2, m_atan2)
FUNC2(copysign, copysign)
FUNC2(remainder, m_remainder)

static int check_two(const char *name, kr_ssize nargs) {
    if (nargs == 2) return 0;
    kr_err_format(kr_exc_TypeError, "%s expected 2 arguments, got %zd", name, nargs);
    return -1;
}

static KrObject *math_fmod(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    double x, y;
    if (check_two("fmod", nargs) < 0) return NULL;
    if (as_double(args[0], &x) < 0 || as_double(args[1], &y) < 0) return NULL;
    if (isinf(y) && isfinite(x)) return kr_float_from_double(x);
    errno = 0;
    double r = fmod(x, y);
    if (isnan(r)) errno = (!isnan(x) && !isnan(y)) ? EDOM : 0;
    if (errno && is_error(r)) return NULL;
    return kr_float_from_double(r);
}

static KrObject *math_pow(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    double x, y, r = 0.;
    if (check_two("pow", nargs) < 0) return NULL;
    if (as_double(args[0], &x) < 0 || as_double(args[1], &y) < 0) return NULL;
    errno = 0;
    /* IEEE special values by hand: C99 Annex F, the same on every platform */
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            r = y == 0. ? 1. : x;
        else if (isnan(y))
            r = x == 1. ? 1. : y;
        else if (isinf(x)) {
            int odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0. && fabs(x) > 1.0)
                r = y;
            else if (y < 0. && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.;
        }
    } else {
        r = pow(x, y);
        if (isnan(r))
            errno = EDOM;
        else if (isinf(r))
            errno = x == 0. ? EDOM : ERANGE; /* 0**-n is a singularity, else overflow */
    }
    if (errno && is_error(r)) return NULL;
    return kr_float_from_double(r);
}

static KrObject *math_degrees(KrObject *self, KrObject *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return kr_float_from_double(x * (180.0 / PI));
}

static KrObject *math_radians(KrObject *self, KrObject *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return kr_float_from_double(x * (PI / 180.0));
}

static KrObject *math_isfinite(KrObject *self, KrObject *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return kr_bool_new(isfinite(x));
}

static KrObject *math_isnan(KrObject *self, KrObject *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return kr_bool_new(isnan(x));
}

static KrObject *math_isinf(KrObject *self, KrObject *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return kr_bool_new(isinf(x));
}

static KrObject *math_isclose(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    (void)self;
    static const char *const kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    double a, b, rel_tol = 1e-09, abs_tol = 0.0;
    if (kr_arg_parse(args, nargs, kwnames, "dd|$dd:isclose", kwlist, &a, &b, &rel_tol,
                      &abs_tol) < 0)
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        kr_err_set_string(kr_exc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (a == b) return kr_bool_new(1);
    if (isinf(a) || isinf(b)) return kr_bool_new(0);
    double diff = fabs(b - a);
    return kr_bool_new(diff <= fabs(rel_tol * b) || diff <= fabs(rel_tol * a) ||
                       diff <= abs_tol);
}

static KrObject *math_frexp(KrObject *self, KrObject *arg) {
    (void)self;
    double x;
    int e = 0;
    if (as_double(arg, &x) < 0) return NULL;
    if (!(isnan(x) || isinf(x) || x == 0.0)) x = frexp(x, &e);
    KrObject *m = kr_float_from_double(x);
    KrObject *ei = kr_int_from_i64(e);
    KrObject *r = (m && ei) ? kr_tuple_pack(2, m, ei) : NULL;
    KR_XDECREF(m);
    KR_XDECREF(ei);
    return r;
}

static KrObject *math_ldexp(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    double x, r;
    if (check_two("ldexp", nargs) < 0) return NULL;
    if (as_double(args[0], &x) < 0) return NULL;
    if (!KR_INT_CHECK(args[1])) {
        kr_err_set_string(kr_exc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int64_t e;
    if (kr_int_as_i64_overflow(args[1], &e)) e = kr_int_sign(args[1]) < 0 ? INT64_MIN : INT64_MAX;
    errno = 0;
    if (x == 0. || !isfinite(x)) {
        r = x;
    } else if (e > INT_MAX) {
        r = copysign(HUGE_VAL, x);
        errno = ERANGE;
    } else if (e < INT_MIN) {
        r = copysign(0., x);
    } else {
        r = ldexp(x, (int)e);
        if (isinf(r)) errno = ERANGE;
    }
    if (errno && is_error(r)) return NULL;
    return kr_float_from_double(r);
}

static KrObject *pack_doubles(double a, double b) {
    KrObject *x = kr_float_from_double(a), *y = kr_float_from_double(b);
    KrObject *r = (x && y) ? kr_tuple_pack(2, x, y) : NULL;
    KR_XDECREF(x);
    KR_XDECREF(y);
    return r;
}

static KrObject *math_modf(KrObject *self, KrObject *arg) {
    (void)self;
    double x, ip;
    if (as_double(arg, &x) < 0) return NULL;
    if (isinf(x)) return pack_doubles(copysign(0., x), x);
    if (isnan(x)) return pack_doubles(x, x);
    x = modf(x, &ip);
    return pack_doubles(x, ip);
}

/* ---------------------------------------------------------------------------
 * Rounding to integers: __ceil__ / __floor__ / __trunc__
 * ------------------------------------------------------------------------- */

static KrObject *call_special_noargs(KrObject *o, const char *name, int *found) {
    return kr_call_special(o, kr_str_intern_cstr(name), NULL, 0, found);
}

static KrObject *round_to_int(KrObject *arg, const char *special, double (*func)(double)) {
    if (!KR_FLOAT_CHECK_EXACT(arg)) {
        if (KR_INT_CHECK_EXACT(arg)) return KR_NEWREF(arg);
        int found = 0;
        KrObject *r = call_special_noargs(arg, special, &found);
        if (r || kr_err_occurred()) return r;
    }
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    return kr_int_from_double(func(x));
}

static KrObject *math_ceil(KrObject *self, KrObject *arg) {
    (void)self;
    return round_to_int(arg, "__ceil__", ceil);
}

static KrObject *math_floor(KrObject *self, KrObject *arg) {
    (void)self;
    return round_to_int(arg, "__floor__", floor);
}

static KrObject *math_trunc(KrObject *self, KrObject *arg) {
    (void)self;
    if (KR_FLOAT_CHECK_EXACT(arg)) return kr_int_from_double(((KrFloat *)arg)->value);
    if (KR_INT_CHECK_EXACT(arg)) return KR_NEWREF(arg);
    int found = 0;
    KrObject *r = call_special_noargs(arg, "__trunc__", &found);
    if (r || kr_err_occurred()) return r;
    return kr_err_format(kr_exc_TypeError, "type %s doesn't define __trunc__ method",
                         KR_TYPE(arg)->tp_name);
}

/* ---------------------------------------------------------------------------
 * Logarithms, exact for ints too big for a double
 * ------------------------------------------------------------------------- */

/* frexp of a positive big int, correctly rounded (half-even) to 53 bits. */
static double int_frexp(KrObject *v, int64_t *e) {
    mpz_t z;
    mpz_init(z);
    kr_int_to_mpz(v, z);
    size_t nbits = mpz_sizeinbase(z, 2);
    uint64_t m;
    if (nbits <= 55) {
        m = (uint64_t)mpz_get_ui(z) << (55 - nbits);
    } else {
        mpz_t t;
        mpz_init(t);
        mpz_tdiv_q_2exp(t, z, nbits - 55);
        m = mpz_get_ui(t);
        if (mpz_scan1(z, 0) < nbits - 55) m |= 1; /* sticky bit */
        mpz_clear(t);
    }
    mpz_clear(z);
    static const int correction[8] = {0, -1, -2, 1, 0, -1, 2, 1};
    m = (uint64_t)((int64_t)m + correction[m & 7]);
    *e = (int64_t)nbits;
    double x = ldexp((double)m, -55);
    if (x == 1.0) {
        x = 0.5;
        *e += 1;
    }
    return x;
}

static KrObject *loghelper(KrObject *arg, double (*func)(double)) {
    if (KR_INT_CHECK(arg)) {
        if (kr_int_sign(arg) <= 0) return domain_error();
        double x = kr_int_as_double(arg);
        if (x == -1.0 && kr_err_occurred()) {
            if (!kr_err_matches(kr_exc_OverflowError)) return NULL;
            kr_err_clear();
            int64_t e;
            x = int_frexp(arg, &e);
            return kr_float_from_double(func(x) + func(2.0) * (double)e);
        }
        return kr_float_from_double(func(x));
    }
    return math_1(arg, func, 0);
}

static KrObject *math_log(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    if (nargs < 1 || nargs > 2)
        return kr_err_format(kr_exc_TypeError, "log expected 1 or 2 arguments, got %zd", nargs);
    KrObject *num = loghelper(args[0], m_log);
    if (!num || nargs == 1) return num;
    KrObject *den = loghelper(args[1], m_log);
    if (!den) {
        KR_DECREF(num);
        return NULL;
    }
    KrObject *r = kr_number_true_divide(num, den);
    KR_DECREF(num);
    KR_DECREF(den);
    return r;
}

static KrObject *math_log2(KrObject *self, KrObject *arg) {
    (void)self;
    return loghelper(arg, m_log2);
}

static KrObject *math_log10(KrObject *self, KrObject *arg) {
    (void)self;
    return loghelper(arg, m_log10);
}

/* ---------------------------------------------------------------------------
 * fsum: Shewchuk's exact partials with CPython's half-even fix-up
 * ------------------------------------------------------------------------- */

static KrObject *math_fsum(KrObject *self, KrObject *seq) {
    (void)self;
    KrObject *it = kr_object_get_iter(seq);
    if (!it) return NULL;
    double stack[32], *p = stack;
    kr_ssize n = 0, cap = 32;
    double special_sum = 0.0, inf_sum = 0.0;
    volatile double hi, yr, lo = 0.0;
    KrObject *result = NULL;
    for (;;) {
        KrObject *item = kr_iter_next(it);
        if (!item) {
            if (kr_err_occurred()) goto done;
            break;
        }
        double x;
        int rc = as_double(item, &x);
        KR_DECREF(item);
        if (rc < 0) goto done;
        double xsave = x;
        kr_ssize i = 0;
        for (kr_ssize j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* an inf/nan summand, or an overflow of the partial sums */
                if (isfinite(xsave)) {
                    kr_err_set_string(kr_exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave)) inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= cap) {
                    double *np = kr_mem_malloc(sizeof(double) * (size_t)cap * 2);
                    if (!np) goto done;
                    memcpy(np, p, sizeof(double) * (size_t)n);
                    if (p != stack) kr_mem_free(p);
                    p = np;
                    cap *= 2;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum))
            kr_err_set_string(kr_exc_ValueError, "-inf + inf in fsum");
        else
            result = kr_float_from_double(special_sum);
        goto done;
    }
    hi = 0.0;
    if (n > 0) {
        hi = p[--n];
        /* add the partials from the top until the sum becomes inexact */
        while (n > 0) {
            double x = hi, y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0) break;
        }
        /* half-even rounding across several partials: the rest may tip a tie */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            double y = lo * 2.0;
            double x = hi + y;
            yr = x - hi;
            if (y == yr) hi = x;
        }
    }
    result = kr_float_from_double(hi);
done:
    KR_DECREF(it);
    if (p != stack) kr_mem_free(p);
    return result;
}

/* ---------------------------------------------------------------------------
 * hypot / dist: scaled, compensated sum of squares with a square-root correction
 * ------------------------------------------------------------------------- */

typedef struct {
    double hi, lo;
} DoubleLength;

/* error-free transformations: hi + lo equals the exact result */
static DoubleLength dl_fast_sum(double a, double b) {
    double x = a + b;
    double y = (a - x) + b; /* needs |a| >= |b| */
    return (DoubleLength){x, y};
}

static DoubleLength dl_sum(double a, double b) {
    double x = a + b;
    double z = x - a;
    double y = (a - (x - z)) + (b - z);
    return (DoubleLength){x, y};
}

static DoubleLength dl_mul(double x, double y) {
    double z = x * y;
    double zz = fma(x, y, -z);
    return (DoubleLength){z, zz};
}

static double vector_norm(kr_ssize n, double *vec, double max, int found_nan) {
    if (isinf(max)) return max;
    if (found_nan) return NAN;
    if (max == 0.0 || n <= 1) return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        /* 2**-max_e would overflow: lift subnormals into the normal range first */
        for (kr_ssize i = 0; i < n; i++) vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e);
    double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (kr_ssize i = 0; i < n; i++) {
        double x = vec[i] * scale; /* lossless: a power of two */
        DoubleLength pr = dl_mul(x, x);
        DoubleLength sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    DoubleLength pr = dl_mul(-h, h);
    DoubleLength sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h); /* one Newton step on the rounded square root */
    return h / scale;
}

static KrObject *math_hypot(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    double stack[16], *v = stack, max = 0.0;
    int found_nan = 0;
    if (nargs > 16) {
        v = kr_mem_malloc(sizeof(double) * (size_t)nargs);
        if (!v) return NULL;
    }
    KrObject *r = NULL;
    for (kr_ssize i = 0; i < nargs; i++) {
        double x;
        if (as_double(args[i], &x) < 0) goto done;
        x = fabs(x);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    r = kr_float_from_double(vector_norm(nargs, v, max, found_nan));
done:
    if (v != stack) kr_mem_free(v);
    return r;
}

static KrObject *math_dist(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    if (check_two("dist", nargs) < 0) return NULL;
    KrObject *p = KR_TUPLE_CHECK(args[0]) ? KR_NEWREF(args[0]) : kr_tuple_from_iterable(args[0]);
    if (!p) return NULL;
    KrObject *q = KR_TUPLE_CHECK(args[1]) ? KR_NEWREF(args[1]) : kr_tuple_from_iterable(args[1]);
    if (!q) {
        KR_DECREF(p);
        return NULL;
    }
    KrObject *r = NULL;
    double stack[16], *v = stack, max = 0.0;
    int found_nan = 0;
    kr_ssize n = KR_SIZE(p);
    if (n != KR_SIZE(q)) {
        kr_err_set_string(kr_exc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    if (n > 16 && !(v = kr_mem_malloc(sizeof(double) * (size_t)n))) goto done;
    for (kr_ssize i = 0; i < n; i++) {
        double px, qx;
        if (as_double(KR_TUPLE_ITEM(p, i), &px) < 0 || as_double(KR_TUPLE_ITEM(q, i), &qx) < 0)
            goto done;
        double x = fabs(px - qx);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max) max = x;
    }
    r = kr_float_from_double(vector_norm(n, v, max, found_nan));
done:
    if (v && v != stack) kr_mem_free(v);
    KR_DECREF(p);
    KR_DECREF(q);
    return r;
}

/* ---------------------------------------------------------------------------
 * Integer functions (GMP)
 * ------------------------------------------------------------------------- */

static KrObject *math_gcd(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    mpz_t acc, t;
    mpz_init(acc);
    mpz_init(t);
    for (kr_ssize i = 0; i < nargs; i++) {
        KrObject *x = kr_number_index(args[i]);
        if (!x) {
            mpz_clear(acc);
            mpz_clear(t);
            return NULL;
        }
        kr_int_to_mpz(x, t);
        KR_DECREF(x);
        mpz_gcd(acc, acc, t);
    }
    KrObject *r = kr_int_from_mpz(acc);
    mpz_clear(acc);
    mpz_clear(t);
    return r;
}

static KrObject *math_lcm(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    mpz_t acc, t;
    mpz_init_set_ui(acc, 1);
    mpz_init(t);
    for (kr_ssize i = 0; i < nargs; i++) {
        KrObject *x = kr_number_index(args[i]);
        if (!x) {
            mpz_clear(acc);
            mpz_clear(t);
            return NULL;
        }
        kr_int_to_mpz(x, t);
        KR_DECREF(x);
        mpz_lcm(acc, acc, t);
    }
    KrObject *r = kr_int_from_mpz(acc);
    mpz_clear(acc);
    mpz_clear(t);
    return r;
}

static KrObject *math_isqrt(KrObject *self, KrObject *arg) {
    (void)self;
    KrObject *n = kr_number_index(arg);
    if (!n) return NULL;
    if (kr_int_sign(n) < 0) {
        KR_DECREF(n);
        kr_err_set_string(kr_exc_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    mpz_t z;
    mpz_init(z);
    kr_int_to_mpz(n, z);
    KR_DECREF(n);
    mpz_sqrt(z, z);
    KrObject *r = kr_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

/* Converts through __index__ to an int64; *overflow is +1/-1 when it does not fit. */
static int index_i64(KrObject *o, int64_t *out, int *overflow) {
    KrObject *v = kr_number_index(o);
    if (!v) return -1;
    *overflow = 0;
    if (kr_int_as_i64_overflow(v, out)) *overflow = kr_int_sign(v) < 0 ? -1 : 1;
    KR_DECREF(v);
    return 0;
}

static KrObject *math_factorial(KrObject *self, KrObject *arg) {
    (void)self;
    int64_t x;
    int overflow;
    if (index_i64(arg, &x, &overflow) < 0) return NULL;
    if (overflow > 0)
        return kr_err_format(kr_exc_OverflowError, "factorial() argument should not exceed %lld",
                             (long long)INT64_MAX);
    if (overflow < 0 || x < 0) {
        kr_err_set_string(kr_exc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    mpz_t z;
    mpz_init(z);
    mpz_fac_ui(z, (unsigned long)x);
    KrObject *r = kr_int_from_mpz(z);
    mpz_clear(z);
    return r;
}

/* Shared argument handling of comb and perm: n and k as mpz, both checked >= 0. */
static int comb_perm_args(KrObject *n_obj, KrObject *k_obj, mpz_t n, mpz_t k) {
    KrObject *nv = kr_number_index(n_obj);
    if (!nv) return -1;
    KrObject *kv = kr_number_index(k_obj);
    if (!kv) {
        KR_DECREF(nv);
        return -1;
    }
    int ns = kr_int_sign(nv), ks = kr_int_sign(kv);
    kr_int_to_mpz(nv, n);
    kr_int_to_mpz(kv, k);
    KR_DECREF(nv);
    KR_DECREF(kv);
    if (ns < 0) {
        kr_err_set_string(kr_exc_ValueError, "n must be a non-negative integer");
        return -1;
    }
    if (ks < 0) {
        kr_err_set_string(kr_exc_ValueError, "k must be a non-negative integer");
        return -1;
    }
    return 0;
}

static KrObject *math_comb(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    if (check_two("comb", nargs) < 0) return NULL;
    mpz_t n, k;
    mpz_init(n);
    mpz_init(k);
    KrObject *r = NULL;
    if (comb_perm_args(args[0], args[1], n, k) < 0) goto done;
    if (mpz_cmp(k, n) > 0) {
        r = kr_int_from_i64(0);
        goto done;
    }
    mpz_sub(n, n, k); /* n - k, then min(n - k, k) */
    if (mpz_cmp(n, k) < 0) mpz_swap(n, k);
    mpz_add(n, n, k); /* back to n, with k the smaller side */
    if (!mpz_fits_slong_p(k)) {
        kr_err_format(kr_exc_OverflowError, "min(n - k, k) must not exceed %lld",
                      (long long)INT64_MAX);
        goto done;
    }
    mpz_bin_ui(n, n, mpz_get_ui(k));
    r = kr_int_from_mpz(n);
done:
    mpz_clear(n);
    mpz_clear(k);
    return r;
}

static KrObject *math_perm(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    if (nargs < 1 || nargs > 2)
        return kr_err_format(kr_exc_TypeError, "perm expected at most 2 arguments, got %zd",
                             nargs);
    if (nargs == 1 || args[1] == kr_none) return math_factorial(NULL, args[0]);
    mpz_t n, k;
    mpz_init(n);
    mpz_init(k);
    KrObject *r = NULL;
    if (comb_perm_args(args[0], args[1], n, k) < 0) goto done;
    if (mpz_cmp(k, n) > 0) {
        r = kr_int_from_i64(0);
        goto done;
    }
    if (!mpz_fits_slong_p(k)) {
        kr_err_format(kr_exc_OverflowError, "k must not exceed %lld", (long long)INT64_MAX);
        goto done;
    }
    /* n! / (n-k)! = comb(n, k) * k! */
    {
        unsigned long kk = mpz_get_ui(k);
        mpz_t f;
        mpz_init(f);
        mpz_bin_ui(n, n, kk);
        mpz_fac_ui(f, kk);
        mpz_mul(n, n, f);
        mpz_clear(f);
        r = kr_int_from_mpz(n);
    }
done:
    mpz_clear(n);
    mpz_clear(k);
    return r;
}

static KrObject *math_prod(KrObject *self, KrObject *const *args, kr_ssize nargs,
                           KrObject *kwnames) {
    (void)self;
    static const char *const kwlist[] = {"", "start", NULL};
    KrObject *iterable, *start = NULL;
    if (nargs > 1)
        return kr_err_format(kr_exc_TypeError,
                             "prod() takes exactly 1 positional argument (%zd given)", nargs);
    if (kr_arg_parse(args, nargs, kwnames, "O|$O:prod", kwlist, &iterable, &start) < 0) return NULL;
    KrObject *it = kr_object_get_iter(iterable);
    if (!it) return NULL;
    KrObject *acc = start ? KR_NEWREF(start) : kr_int_from_i64(1);
    for (;;) {
        KrObject *item = kr_iter_next(it);
        if (!item) {
            if (kr_err_occurred()) KR_CLEAR(acc);
            break;
        }
        KrObject *t = kr_number_multiply(acc, item);
        KR_DECREF(item);
        KR_DECREF(acc);
        acc = t;
        if (!acc) break;
    }
    KR_DECREF(it);
    return acc;
}

/* ---------------------------------------------------------------------------
 * sumprod: exact int path, triple-length float path, generic fallback
 * ------------------------------------------------------------------------- */

typedef struct {
    double hi, lo, tiny;
} TripleLength;

static TripleLength tl_fma(double x, double y, TripleLength total) {
    DoubleLength pr = dl_mul(x, y);
    DoubleLength sm = dl_sum(total.hi, pr.hi);
    DoubleLength r1 = dl_sum(total.lo, pr.lo);
    DoubleLength r2 = dl_sum(r1.hi, sm.lo);
    return (TripleLength){sm.hi, r2.hi, total.tiny + r1.lo + r2.lo};
}

static double tl_to_d(TripleLength total) {
    DoubleLength last = dl_sum(total.lo, total.hi);
    return total.tiny + last.lo + last.hi;
}

static int add_term(KrObject **total, KrObject *term) {
    if (!term) return -1;
    KrObject *t = kr_number_add(*total, term);
    KR_DECREF(term);
    if (!t) return -1;
    KR_SETREF(*total, t);
    return 0;
}

/* float value of an exact int/bool for the float path; 0 if it does not fit */
static int small_int_double(KrObject *o, double *out) {
    if (!(KR_INT_CHECK_EXACT(o) || KR_TYPE(o) == &kr_bool_type)) return 0;
    double d = kr_int_as_double(o);
    if (d == -1.0 && kr_err_occurred()) {
        kr_err_clear();
        return 0;
    }
    *out = d;
    return 1;
}

static KrObject *math_sumprod(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    if (check_two("sumprod", nargs) < 0) return NULL;
    KrObject *p_it = kr_object_get_iter(args[0]);
    if (!p_it) return NULL;
    KrObject *q_it = kr_object_get_iter(args[1]);
    if (!q_it) {
        KR_DECREF(p_it);
        return NULL;
    }
    KrObject *total = kr_int_from_i64(0);
    bool int_path = true, int_in_use = false, flt_path = true, flt_in_use = false;
    int64_t int_total = 0;
    TripleLength flt_total = {0.0, 0.0, 0.0};
    KrObject *p_i = NULL, *q_i = NULL;
    for (;;) {
        p_i = kr_iter_next(p_it);
        if (!p_i && kr_err_occurred()) goto error;
        q_i = kr_iter_next(q_it);
        if (!q_i && kr_err_occurred()) goto error;
        bool p_stop = p_i == NULL, q_stop = q_i == NULL;
        if (p_stop != q_stop) {
            kr_err_set_string(kr_exc_ValueError, "Inputs are not the same length");
            goto error;
        }
        bool finished = p_stop;
        if (int_path) {
            if (!finished && KR_INT_CHECK_EXACT(p_i) && KR_INT_CHECK_EXACT(q_i)) {
                int64_t a, b, prod, sum;
                if (!kr_int_as_i64_overflow(p_i, &a) && !kr_int_as_i64_overflow(q_i, &b) &&
                    !__builtin_mul_overflow(a, b, &prod) &&
                    !__builtin_add_overflow(int_total, prod, &sum)) {
                    int_total = sum;
                    int_in_use = true;
                    KR_CLEAR(p_i);
                    KR_CLEAR(q_i);
                    continue;
                }
            }
            int_path = false;
            if (int_in_use) {
                if (add_term(&total, kr_int_from_i64(int_total)) < 0) goto error;
                int_total = 0;
                int_in_use = false;
            }
        }
        if (flt_path) {
            if (!finished) {
                double fp = 0, fq = 0;
                bool pf = KR_FLOAT_CHECK_EXACT(p_i), qf = KR_FLOAT_CHECK_EXACT(q_i), ok = true;
                if (pf && qf) {
                    fp = ((KrFloat *)p_i)->value;
                    fq = ((KrFloat *)q_i)->value;
                } else if (pf) {
                    fp = ((KrFloat *)p_i)->value;
                    ok = small_int_double(q_i, &fq);
                } else if (qf) {
                    fq = ((KrFloat *)q_i)->value;
                    ok = small_int_double(p_i, &fp);
                } else {
                    ok = false;
                }
                if (ok) {
                    TripleLength nt = tl_fma(fp, fq, flt_total);
                    if (isfinite(nt.hi)) {
                        flt_total = nt;
                        flt_in_use = true;
                        KR_CLEAR(p_i);
                        KR_CLEAR(q_i);
                        continue;
                    }
                }
            }
            flt_path = false;
            if (flt_in_use) {
                if (add_term(&total, kr_float_from_double(tl_to_d(flt_total))) < 0) goto error;
                flt_in_use = false;
            }
        }
        if (finished) break;
        if (add_term(&total, kr_number_multiply(p_i, q_i)) < 0) goto error;
        KR_CLEAR(p_i);
        KR_CLEAR(q_i);
    }
    KR_DECREF(p_it);
    KR_DECREF(q_it);
    return total;
error:
    KR_XDECREF(p_i);
    KR_XDECREF(q_i);
    KR_DECREF(p_it);
    KR_DECREF(q_it);
    KR_XDECREF(total);
    return NULL;
}

/* ---------------------------------------------------------------------------
 * nextafter / ulp
 * ------------------------------------------------------------------------- */

static double bits_to_double(uint64_t i) {
    double d;
    memcpy(&d, &i, sizeof d);
    return d;
}

static uint64_t double_to_bits(double d) {
    uint64_t i;
    memcpy(&i, &d, sizeof i);
    return i;
}

static KrObject *math_nextafter(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    (void)self;
    static const char *const kwlist[] = {"", "", "steps", NULL};
    double x, y;
    KrObject *steps = kr_none;
    if (nargs != 2)
        return kr_err_format(kr_exc_TypeError,
                             "nextafter() takes exactly 2 positional arguments (%zd given)", nargs);
    if (kr_arg_parse(args, nargs, kwnames, "dd|$O:nextafter", kwlist, &x, &y, &steps) < 0)
        return NULL;
    if (steps == kr_none) return kr_float_from_double(nextafter(x, y));
    KrObject *sv = kr_number_index(steps);
    if (!sv) return NULL;
    if (kr_int_sign(sv) < 0) {
        KR_DECREF(sv);
        kr_err_set_string(kr_exc_ValueError, "steps must be a non-negative integer");
        return NULL;
    }
    uint64_t n = UINT64_MAX;
    mpz_t z;
    mpz_init(z);
    kr_int_to_mpz(sv, z);
    KR_DECREF(sv);
    if (mpz_sizeinbase(z, 2) <= 64) {
        /* assemble 64 bits from two 32-bit halves (unsigned long may be 32-bit) */
        mpz_t hi;
        mpz_init(hi);
        mpz_tdiv_q_2exp(hi, z, 32);
        n = ((uint64_t)mpz_get_ui(hi) << 32) | (uint64_t)(mpz_get_ui(z) & 0xffffffffUL);
        mpz_clear(hi);
    }
    mpz_clear(z);
    if (n == 0) return kr_float_from_double(x);
    if (isnan(x)) return kr_float_from_double(x);
    if (isnan(y)) return kr_float_from_double(y);
    uint64_t ux = double_to_bits(x), uy = double_to_bits(y);
    if (ux == uy) return kr_float_from_double(x);
    const uint64_t sign = 1ULL << 63;
    uint64_t ax = ux & ~sign, ay = uy & ~sign;
    if ((ux ^ uy) & sign) {
        /* opposite signs: walk through zero */
        if (ax + ay <= n) return kr_float_from_double(y);
        if (ax < n) return kr_float_from_double(bits_to_double((uy & sign) | (n - ax)));
        return kr_float_from_double(bits_to_double(ux - n));
    }
    if (ax > ay) {
        if (ax - ay >= n) return kr_float_from_double(bits_to_double(ux - n));
        return kr_float_from_double(y);
    }
    if (ay - ax >= n) return kr_float_from_double(bits_to_double(ux + n));
    return kr_float_from_double(y);
}

static KrObject *math_ulp(KrObject *self, KrObject *arg) {
    (void)self;
    double x;
    if (as_double(arg, &x) < 0) return NULL;
    if (isnan(x)) return kr_float_from_double(x);
    x = fabs(x);
    if (isinf(x)) return kr_float_from_double(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return kr_float_from_double(x - x2);
    }
    return kr_float_from_double(x2 - x);
}

/* ---------------------------------------------------------------------------
 * The module
 * ------------------------------------------------------------------------- */

#define O1(name) {#name, (void *)math_##name, KR_METH_O, NULL}
#define FC(name) {#name, (void *)math_##name, KR_METH_FASTCALL, NULL}
#define FK(name) {#name, (void *)math_##name, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL}

static KrMethodDef math_methods[] = {
    O1(acos),     O1(acosh),    O1(asin),   O1(asinh),     O1(atan),      FC(atan2),
    O1(atanh),    O1(cbrt),     O1(ceil),   FC(comb),      FC(copysign),  O1(cos),
    O1(cosh),     O1(degrees),  FC(dist),   O1(erf),       O1(erfc),      O1(exp),
    O1(exp2),     O1(expm1),    O1(fabs),   O1(factorial), O1(floor),     FC(fmod),
    O1(frexp),    O1(fsum),     O1(gamma),  FC(gcd),       FC(hypot),     FK(isclose),
    O1(isfinite), O1(isinf),    O1(isnan),  O1(isqrt),     FC(lcm),       FC(ldexp),
    O1(lgamma),   FC(log),      O1(log10),  O1(log1p),     O1(log2),      O1(modf),
    FK(nextafter), FC(perm),    FC(pow),    FK(prod),      O1(radians),   FC(remainder),
    O1(sin),      O1(sinh),     O1(sqrt),   FC(sumprod),   O1(tan),       O1(tanh),
    O1(trunc),    O1(ulp),      {NULL, NULL, 0, NULL},
};

KrObject *kr_mod_math_init(void) {
    KrObject *m = kr_module_new_cstr("math");
    if (!m) return NULL;
    if (kr_module_add_functions(m, math_methods) < 0 ||
        kr_module_add_object(m, "pi", kr_float_from_double(PI)) < 0 ||
        kr_module_add_object(m, "e", kr_float_from_double(2.718281828459045235360287471352662))
            < 0 ||
        kr_module_add_object(m, "tau", kr_float_from_double(2.0 * PI)) < 0 ||
        kr_module_add_object(m, "inf", kr_float_from_double(INFINITY)) < 0 ||
        kr_module_add_object(m, "nan", kr_float_from_double(fabs(NAN))) < 0) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}
