/* int_ops.c - int arithmetic: the number slots of int (shared by bool) and rich
 * comparison. Every operation tries the int64 fast path with overflow checks first
 * and falls back to GMP; results are always normalised (small values unboxed). */
#include "numbers.h"

#define BINOP_CHECK(a, b)                                                                          \
    do {                                                                                           \
        if (!KR_INT_CHECK(a) || !KR_INT_CHECK(b)) return KR_NEWREF(kr_notimplemented);             \
    } while (0)

#define SMALL2(a, b) (!((KrInt *)(a))->big && !((KrInt *)(b))->big)
#define IVAL(o) (((KrInt *)(o))->value)

typedef void (*mpz_binop)(mpz_ptr, mpz_srcptr, mpz_srcptr);

static KrObject *big_binop(KrObject *a, KrObject *b, mpz_binop fn) {
    KrMpzView va, vb;
    mpz_t r;
    mpz_init(r);
    fn(r, kr_int_view(a, &va), kr_int_view(b, &vb));
    return kr_int_from_mpz_steal(r);
}

static KrObject *int_add(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    int64_t r;
    if (SMALL2(a, b) && !__builtin_add_overflow(IVAL(a), IVAL(b), &r)) return kr_int_from_i64(r);
    return big_binop(a, b, mpz_add);
}

static KrObject *int_sub(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    int64_t r;
    if (SMALL2(a, b) && !__builtin_sub_overflow(IVAL(a), IVAL(b), &r)) return kr_int_from_i64(r);
    return big_binop(a, b, mpz_sub);
}

static KrObject *int_mul(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    int64_t r;
    if (SMALL2(a, b) && !__builtin_mul_overflow(IVAL(a), IVAL(b), &r)) return kr_int_from_i64(r);
    return big_binop(a, b, mpz_mul);
}

static bool is_zero(KrObject *o) { return !((KrInt *)o)->big && IVAL(o) == 0; }

static KrObject *zero_div(const char *msg) {
    kr_err_set_string(kr_exc_ZeroDivisionError, msg);
    return NULL;
}

/* Floor division and modulo of int64s; false when the quotient overflows
 * (INT64_MIN // -1). */
static bool small_divmod(int64_t x, int64_t y, int64_t *q, int64_t *r) {
    if (y == -1) {
        if (x == INT64_MIN) return false;
        *q = -x;
        *r = 0;
        return true;
    }
    int64_t qq = x / y, rr = x % y;
    if (rr != 0 && ((rr < 0) != (y < 0))) {
        qq--;
        rr += y;
    }
    *q = qq;
    *r = rr;
    return true;
}

static KrObject *int_floordiv(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    if (is_zero(b)) return zero_div("integer division or modulo by zero");
    int64_t q, r;
    if (SMALL2(a, b) && small_divmod(IVAL(a), IVAL(b), &q, &r)) return kr_int_from_i64(q);
    return big_binop(a, b, mpz_fdiv_q);
}

static KrObject *int_mod(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    if (is_zero(b)) return zero_div("integer modulo by zero");
    int64_t q, r;
    if (SMALL2(a, b) && small_divmod(IVAL(a), IVAL(b), &q, &r)) return kr_int_from_i64(r);
    return big_binop(a, b, mpz_fdiv_r);
}

static KrObject *int_divmod(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    if (is_zero(b)) return zero_div("integer division or modulo by zero");
    int64_t q, r;
    KrObject *qo, *ro;
    if (SMALL2(a, b) && small_divmod(IVAL(a), IVAL(b), &q, &r)) {
        qo = kr_int_from_i64(q);
        ro = qo ? kr_int_from_i64(r) : NULL;
    } else {
        KrMpzView va, vb;
        mpz_t mq, mr;
        mpz_inits(mq, mr, NULL);
        mpz_fdiv_qr(mq, mr, kr_int_view(a, &va), kr_int_view(b, &vb));
        qo = kr_int_from_mpz_steal(mq);
        if (qo) {
            ro = kr_int_from_mpz_steal(mr);
        } else {
            mpz_clear(mr);
            ro = NULL;
        }
    }
    if (!ro) {
        KR_XDECREF(qo);
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

static KrObject *int_truediv(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    if (is_zero(b)) return zero_div("division by zero");
    const int64_t lim = (int64_t)1 << 53;
    if (SMALL2(a, b) && IVAL(a) >= -lim && IVAL(a) <= lim && IVAL(b) >= -lim && IVAL(b) <= lim)
        return kr_float_from_double((double)IVAL(a) / (double)IVAL(b)); /* both exact */
    KrMpzView va, vb;
    double d;
    if (kr_num_mpz_ratio_to_double(kr_int_view(a, &va), kr_int_view(b, &vb), &d) < 0) {
        kr_err_set_string(kr_exc_OverflowError, "integer division result too large for a float");
        return NULL;
    }
    return kr_float_from_double(d);
}

/* ---------------------------------------------------------------------------
 * Power
 * ------------------------------------------------------------------------- */

static KrObject *int_pow_mod(KrObject *a, KrObject *b, KrObject *m) {
    if (is_zero(m)) {
        kr_err_set_string(kr_exc_ValueError, "pow() 3rd argument cannot be 0");
        return NULL;
    }
    KrMpzView va, vb, vm;
    mpz_srcptr za = kr_int_view(a, &va), zb = kr_int_view(b, &vb), zm = kr_int_view(m, &vm);
    mpz_t mod, base, exp, r;
    mpz_inits(mod, base, exp, r, NULL);
    mpz_abs(mod, zm);
    mpz_set(base, za);
    mpz_set(exp, zb);
    if (mpz_sgn(exp) < 0) {
        /* exponent -k: (base**-1 mod m)**k */
        if (mpz_cmp_ui(mod, 1) == 0 || !mpz_invert(base, base, mod)) {
            if (mpz_cmp_ui(mod, 1) != 0) {
                mpz_clears(mod, base, exp, r, NULL);
                kr_err_set_string(kr_exc_ValueError,
                                  "base is not invertible for the given modulus");
                return NULL;
            }
            mpz_set_ui(base, 0); /* everything is 0 modulo 1 */
        }
        mpz_neg(exp, exp);
    }
    if (mpz_cmp_ui(mod, 1) == 0)
        mpz_set_ui(r, 0);
    else
        mpz_powm(r, base, exp, mod); /* in [0, |m|) */
    if (mpz_sgn(zm) < 0 && mpz_sgn(r) != 0) mpz_sub(r, r, mod);
    mpz_clears(mod, base, exp, NULL);
    return kr_int_from_mpz_steal(r);
}

static KrObject *int_pow(KrObject *a, KrObject *b, KrObject *m) {
    if (m && m != kr_none) {
        if (!KR_INT_CHECK(a) || !KR_INT_CHECK(b) || !KR_INT_CHECK(m))
            return KR_NEWREF(kr_notimplemented);
        return int_pow_mod(a, b, m);
    }
    BINOP_CHECK(a, b);
    if (kr_int_sign(b) < 0) {
        /* negative exponents give floats, computed as float ** float */
        double x = kr_int_as_double(a);
        if (x == -1.0 && kr_err_occurred()) return NULL;
        double y = kr_int_as_double(b);
        if (y == -1.0 && kr_err_occurred()) return NULL;
        return kr_float_pow_doubles(x, y);
    }
    KrInt *x = (KrInt *)a;
    if (!x->big && x->value >= -1 && x->value <= 1) {
        /* 0, 1 and -1 raised to anything, even a huge exponent */
        if (x->value == 1 || is_zero(b)) return kr_int_from_i64(1);
        if (x->value == 0) return kr_int_from_i64(0);
        KrMpzView vb;
        return kr_int_from_i64(mpz_odd_p(kr_int_view(b, &vb)) ? -1 : 1);
    }
    if (((KrInt *)b)->big) return kr_err_no_memory();
    uint64_t e = (uint64_t)IVAL(b);
    if (!x->big) {
        /* square-and-multiply in int64 while it fits */
        int64_t base = x->value, result = 1;
        uint64_t k = e;
        bool ok = true;
        while (k) {
            if ((k & 1) && __builtin_mul_overflow(result, base, &result)) {
                ok = false;
                break;
            }
            k >>= 1;
            if (k && __builtin_mul_overflow(base, base, &base)) {
                ok = false;
                break;
            }
        }
        if (ok) return kr_int_from_i64(result);
    }
    uint64_t bits = kr_int_bit_length_u(a);
    if (e > KR_INT_MAX_BITS / (bits - 1)) return kr_err_no_memory(); /* |a| >= 2 here */
    KrMpzView va;
    mpz_t r;
    mpz_init(r);
    mpz_pow_ui(r, kr_int_view(a, &va), e);
    return kr_int_from_mpz_steal(r);
}

/* ---------------------------------------------------------------------------
 * Shifts and bitwise operations (two's complement semantics, as GMP's)
 * ------------------------------------------------------------------------- */

static KrObject *int_lshift(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    if (kr_int_sign(b) < 0) {
        kr_err_set_string(kr_exc_ValueError, "negative shift count");
        return NULL;
    }
    if (is_zero(a)) return kr_int_from_i64(0);
    if (((KrInt *)b)->big) return kr_err_no_memory();
    uint64_t s = (uint64_t)IVAL(b);
    if (!((KrInt *)a)->big && s < 63) {
        int64_t r;
        if (!__builtin_mul_overflow(IVAL(a), (int64_t)1 << s, &r)) return kr_int_from_i64(r);
    }
    if (s > KR_INT_MAX_BITS) return kr_err_no_memory();
    KrMpzView va;
    mpz_t r;
    mpz_init(r);
    mpz_mul_2exp(r, kr_int_view(a, &va), s);
    return kr_int_from_mpz_steal(r);
}

static KrObject *int_rshift(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    int sb = kr_int_sign(b);
    if (sb < 0) {
        kr_err_set_string(kr_exc_ValueError, "negative shift count");
        return NULL;
    }
    int sa = kr_int_sign(a);
    if (((KrInt *)b)->big || (uint64_t)IVAL(b) >= kr_int_bit_length_u(a))
        return kr_int_from_i64(sa < 0 ? -1 : 0);
    uint64_t s = (uint64_t)IVAL(b);
    if (!((KrInt *)a)->big) return kr_int_from_i64(IVAL(a) >> s); /* arithmetic shift */
    KrMpzView va;
    mpz_t r;
    mpz_init(r);
    mpz_fdiv_q_2exp(r, kr_int_view(a, &va), s);
    return kr_int_from_mpz_steal(r);
}

KrObject *kr_int_and(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    if (SMALL2(a, b)) return kr_int_from_i64(IVAL(a) & IVAL(b));
    return big_binop(a, b, mpz_and);
}

KrObject *kr_int_or(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    if (SMALL2(a, b)) return kr_int_from_i64(IVAL(a) | IVAL(b));
    return big_binop(a, b, mpz_ior);
}

KrObject *kr_int_xor(KrObject *a, KrObject *b) {
    BINOP_CHECK(a, b);
    if (SMALL2(a, b)) return kr_int_from_i64(IVAL(a) ^ IVAL(b));
    return big_binop(a, b, mpz_xor);
}

/* ---------------------------------------------------------------------------
 * Unary operations and conversions
 * ------------------------------------------------------------------------- */

static KrObject *int_neg(KrObject *a) {
    KrInt *x = (KrInt *)a;
    if (!x->big && x->value != INT64_MIN) return kr_int_from_i64(-x->value);
    KrMpzView v;
    mpz_t r;
    mpz_init(r);
    mpz_neg(r, kr_int_view(a, &v));
    return kr_int_from_mpz_steal(r);
}

static KrObject *int_pos(KrObject *a) { return kr_int_exact(a); }

static KrObject *int_abs(KrObject *a) {
    if (kr_int_sign(a) < 0) return int_neg(a);
    return kr_int_exact(a);
}

static KrObject *int_invert(KrObject *a) {
    KrInt *x = (KrInt *)a;
    if (!x->big) return kr_int_from_i64(~x->value);
    mpz_t r;
    mpz_init(r);
    mpz_com(r, x->big);
    return kr_int_from_mpz_steal(r);
}

static int int_bool(KrObject *a) { return !is_zero(a); }

static KrObject *int_float(KrObject *a) {
    double d = kr_int_as_double(a);
    if (d == -1.0 && kr_err_occurred()) return NULL;
    return kr_float_from_double(d);
}

KrNumberMethods kr_int_as_number = {
    .nb_add = int_add,
    .nb_subtract = int_sub,
    .nb_multiply = int_mul,
    .nb_remainder = int_mod,
    .nb_divmod = int_divmod,
    .nb_power = int_pow,
    .nb_negative = int_neg,
    .nb_positive = int_pos,
    .nb_absolute = int_abs,
    .nb_bool = int_bool,
    .nb_invert = int_invert,
    .nb_lshift = int_lshift,
    .nb_rshift = int_rshift,
    .nb_and = kr_int_and,
    .nb_xor = kr_int_xor,
    .nb_or = kr_int_or,
    .nb_int = kr_int_exact,
    .nb_float = int_float,
    .nb_floor_divide = int_floordiv,
    .nb_true_divide = int_truediv,
    .nb_index = kr_int_exact,
};

/* ---------------------------------------------------------------------------
 * Comparison
 * ------------------------------------------------------------------------- */

static KrObject *cmp_result(int c, int op) {
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

KrObject *kr_int_richcompare(KrObject *a, KrObject *b, int op) {
    BINOP_CHECK(a, b);
    if (a == b) return cmp_result(0, op);
    return cmp_result(kr_int_compare(a, b), op);
}
