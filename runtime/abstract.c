/* abstract.c - the number protocol: binary operator dispatch exactly as CPython's
 * binary_op1 (left slot first unless the right operand's type is a subclass that
 * overrides the slot; NotImplemented falls through), in-place operators, the
 * sequence fallbacks of + and *, unary operators, and __index__ / int() / float(). */
#include <stddef.h>

#include "objects/numbers.h"

#define NB_OFF(slot) offsetof(KrNumberMethods, slot)

static inline kr_binaryfunc nb_binary(KrType *t, size_t off) {
    KrNumberMethods *nb = t->tp_as_number;
    return nb ? *(kr_binaryfunc *)((char *)nb + off) : NULL;
}

static inline kr_ternaryfunc nb_ternary(KrType *t, size_t off) {
    KrNumberMethods *nb = t->tp_as_number;
    return nb ? *(kr_ternaryfunc *)((char *)nb + off) : NULL;
}

/* Returns a new reference: the result, NotImplemented, or NULL on error. */
static KrObject *binary_op1(KrObject *v, KrObject *w, size_t off) {
    KrType *tv = KR_TYPE(v), *tw = KR_TYPE(w);
    kr_binaryfunc slotv = nb_binary(tv, off), slotw = NULL;
    if (tw != tv) {
        slotw = nb_binary(tw, off);
        if (slotw == slotv) slotw = NULL;
    }
    KrObject *x;
    if (slotv) {
        if (slotw && kr_type_is_subtype(tw, tv)) {
            x = slotw(v, w);
            if (x != kr_notimplemented) return x;
            KR_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w);
        if (x != kr_notimplemented) return x;
        KR_DECREF(x);
    }
    if (slotw) {
        x = slotw(v, w);
        if (x != kr_notimplemented) return x;
        KR_DECREF(x);
    }
    return KR_NEWREF(kr_notimplemented);
}

static KrObject *binop_type_error(KrObject *v, KrObject *w, const char *op) {
    return kr_err_format(kr_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", op,
                         kr_type_name_cstr(KR_TYPE(v)), kr_type_name_cstr(KR_TYPE(w)));
}

static KrObject *binary_op(KrObject *v, KrObject *w, size_t off, const char *op) {
    KrObject *r = binary_op1(v, w, off);
    if (r != kr_notimplemented) return r;
    KR_DECREF(r);
    return binop_type_error(v, w, op);
}

/* In-place: the in-place slot of the left operand, then the ordinary operator. */
static KrObject *binary_iop1(KrObject *v, KrObject *w, size_t ioff, size_t off) {
    kr_binaryfunc islot = nb_binary(KR_TYPE(v), ioff);
    if (islot) {
        KrObject *x = islot(v, w);
        if (x != kr_notimplemented) return x;
        KR_DECREF(x);
    }
    return binary_op1(v, w, off);
}

static KrObject *binary_iop(KrObject *v, KrObject *w, size_t ioff, size_t off, const char *op) {
    KrObject *r = binary_iop1(v, w, ioff, off);
    if (r != kr_notimplemented) return r;
    KR_DECREF(r);
    return binop_type_error(v, w, op);
}

static KrObject *ternary_op(KrObject *v, KrObject *w, KrObject *z, size_t off, const char *op) {
    KrType *tv = KR_TYPE(v), *tw = KR_TYPE(w);
    kr_ternaryfunc slotv = nb_ternary(tv, off), slotw = NULL;
    if (tw != tv) {
        slotw = nb_ternary(tw, off);
        if (slotw == slotv) slotw = NULL;
    }
    KrObject *x;
    if (slotv) {
        if (slotw && kr_type_is_subtype(tw, tv)) {
            x = slotw(v, w, z);
            if (x != kr_notimplemented) return x;
            KR_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (x != kr_notimplemented) return x;
        KR_DECREF(x);
    }
    if (slotw) {
        x = slotw(v, w, z);
        if (x != kr_notimplemented) return x;
        KR_DECREF(x);
    }
    kr_ternaryfunc slotz = nb_ternary(KR_TYPE(z), off);
    if (slotz && slotz != slotv && slotz != slotw) {
        x = slotz(v, w, z);
        if (x != kr_notimplemented) return x;
        KR_DECREF(x);
    }
    if (z == kr_none) return binop_type_error(v, w, op);
    return kr_err_format(kr_exc_TypeError, "unsupported operand type(s) for %s: '%s', '%s', '%s'",
                         op, kr_type_name_cstr(KR_TYPE(v)), kr_type_name_cstr(KR_TYPE(w)),
                         kr_type_name_cstr(KR_TYPE(z)));
}

/* ---------------------------------------------------------------------------
 * Sequence fallbacks
 * ------------------------------------------------------------------------- */

static KrObject *sequence_repeat(kr_ssizeargfunc repeat, KrObject *seq, KrObject *n) {
    if (!kr_index_check(n))
        return kr_err_format(kr_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                             kr_type_name_cstr(KR_TYPE(n)));
    kr_ssize count = kr_number_as_ssize(n, kr_exc_OverflowError);
    if (count == -1 && kr_err_occurred()) return NULL;
    return repeat(seq, count);
}

static kr_ssizeargfunc sq_repeat_of(KrObject *o) {
    KrSequenceMethods *sq = KR_TYPE(o)->tp_as_sequence;
    return sq ? sq->sq_repeat : NULL;
}

KrObject *kr_number_add(KrObject *v, KrObject *w) {
    KrObject *r = binary_op1(v, w, NB_OFF(nb_add));
    if (r != kr_notimplemented) return r;
    KR_DECREF(r);
    KrSequenceMethods *sq = KR_TYPE(v)->tp_as_sequence;
    if (sq && sq->sq_concat) return sq->sq_concat(v, w);
    return binop_type_error(v, w, "+");
}

KrObject *kr_number_multiply(KrObject *v, KrObject *w) {
    KrObject *r = binary_op1(v, w, NB_OFF(nb_multiply));
    if (r != kr_notimplemented) return r;
    KR_DECREF(r);
    kr_ssizeargfunc mv = sq_repeat_of(v), mw = sq_repeat_of(w);
    if (mv) return sequence_repeat(mv, v, w);
    if (mw) return sequence_repeat(mw, w, v);
    return binop_type_error(v, w, "*");
}

static KrObject *inplace_add(KrObject *v, KrObject *w) {
    KrObject *r = binary_iop1(v, w, NB_OFF(nb_inplace_add), NB_OFF(nb_add));
    if (r != kr_notimplemented) return r;
    KR_DECREF(r);
    KrSequenceMethods *sq = KR_TYPE(v)->tp_as_sequence;
    if (sq && sq->sq_inplace_concat) return sq->sq_inplace_concat(v, w);
    if (sq && sq->sq_concat) return sq->sq_concat(v, w);
    return binop_type_error(v, w, "+=");
}

static KrObject *inplace_multiply(KrObject *v, KrObject *w) {
    KrObject *r = binary_iop1(v, w, NB_OFF(nb_inplace_multiply), NB_OFF(nb_multiply));
    if (r != kr_notimplemented) return r;
    KR_DECREF(r);
    KrSequenceMethods *sv = KR_TYPE(v)->tp_as_sequence;
    if (sv && sv->sq_inplace_repeat) return sequence_repeat(sv->sq_inplace_repeat, v, w);
    if (sv && sv->sq_repeat) return sequence_repeat(sv->sq_repeat, v, w);
    kr_ssizeargfunc mw = sq_repeat_of(w);
    if (mw) return sequence_repeat(mw, w, v);
    return binop_type_error(v, w, "*=");
}

/* ---------------------------------------------------------------------------
 * Binary operators
 * ------------------------------------------------------------------------- */

KrObject *kr_number_subtract(KrObject *v, KrObject *w) {
    return binary_op(v, w, NB_OFF(nb_subtract), "-");
}
KrObject *kr_number_matrix_multiply(KrObject *v, KrObject *w) {
    return binary_op(v, w, NB_OFF(nb_matrix_multiply), "@");
}
KrObject *kr_number_true_divide(KrObject *v, KrObject *w) {
    return binary_op(v, w, NB_OFF(nb_true_divide), "/");
}
KrObject *kr_number_floor_divide(KrObject *v, KrObject *w) {
    return binary_op(v, w, NB_OFF(nb_floor_divide), "//");
}
KrObject *kr_number_remainder(KrObject *v, KrObject *w) {
    return binary_op(v, w, NB_OFF(nb_remainder), "%");
}
KrObject *kr_number_divmod(KrObject *v, KrObject *w) {
    return binary_op(v, w, NB_OFF(nb_divmod), "divmod()");
}
KrObject *kr_number_lshift(KrObject *v, KrObject *w) {
    return binary_op(v, w, NB_OFF(nb_lshift), "<<");
}
KrObject *kr_number_rshift(KrObject *v, KrObject *w) {
    return binary_op(v, w, NB_OFF(nb_rshift), ">>");
}
KrObject *kr_number_and(KrObject *v, KrObject *w) { return binary_op(v, w, NB_OFF(nb_and), "&"); }
KrObject *kr_number_or(KrObject *v, KrObject *w) { return binary_op(v, w, NB_OFF(nb_or), "|"); }
KrObject *kr_number_xor(KrObject *v, KrObject *w) { return binary_op(v, w, NB_OFF(nb_xor), "^"); }

KrObject *kr_number_power(KrObject *v, KrObject *w, KrObject *z) {
    return ternary_op(v, w, z ? z : kr_none, NB_OFF(nb_power), "** or pow()");
}

static KrObject *inplace_power(KrObject *v, KrObject *w) {
    kr_ternaryfunc islot = nb_ternary(KR_TYPE(v), NB_OFF(nb_inplace_power));
    if (islot) {
        KrObject *x = islot(v, w, kr_none);
        if (x != kr_notimplemented) return x;
        KR_DECREF(x);
    }
    return ternary_op(v, w, kr_none, NB_OFF(nb_power), "**=");
}

/* One row per KR_NB_* operator (the non-in-place half). */
static const struct {
    size_t off, ioff;
    const char *op, *iop;
} binops[] = {
    [KR_NB_ADD] = {NB_OFF(nb_add), NB_OFF(nb_inplace_add), "+", "+="},
    [KR_NB_AND] = {NB_OFF(nb_and), NB_OFF(nb_inplace_and), "&", "&="},
    [KR_NB_FLOOR_DIVIDE] = {NB_OFF(nb_floor_divide), NB_OFF(nb_inplace_floor_divide), "//", "//="},
    [KR_NB_LSHIFT] = {NB_OFF(nb_lshift), NB_OFF(nb_inplace_lshift), "<<", "<<="},
    [KR_NB_MATRIX_MULTIPLY] = {NB_OFF(nb_matrix_multiply), NB_OFF(nb_inplace_matrix_multiply), "@",
                               "@="},
    [KR_NB_MULTIPLY] = {NB_OFF(nb_multiply), NB_OFF(nb_inplace_multiply), "*", "*="},
    [KR_NB_REMAINDER] = {NB_OFF(nb_remainder), NB_OFF(nb_inplace_remainder), "%", "%="},
    [KR_NB_OR] = {NB_OFF(nb_or), NB_OFF(nb_inplace_or), "|", "|="},
    [KR_NB_POWER] = {NB_OFF(nb_power), NB_OFF(nb_inplace_power), "** or pow()", "**="},
    [KR_NB_RSHIFT] = {NB_OFF(nb_rshift), NB_OFF(nb_inplace_rshift), ">>", ">>="},
    [KR_NB_SUBTRACT] = {NB_OFF(nb_subtract), NB_OFF(nb_inplace_subtract), "-", "-="},
    [KR_NB_TRUE_DIVIDE] = {NB_OFF(nb_true_divide), NB_OFF(nb_inplace_true_divide), "/", "/="},
    [KR_NB_XOR] = {NB_OFF(nb_xor), NB_OFF(nb_inplace_xor), "^", "^="},
};
_Static_assert(KR_NB_INPLACE_ADD == KR_NB_XOR + 1 && KR_NB_INPLACE_XOR == 2 * KR_NB_XOR + 1,
               "in-place operators mirror the plain ones");

KrObject *kr_number_binary_op(KrObject *a, KrObject *b, int nb_op) {
    switch (nb_op) {
    case KR_NB_ADD:
        return kr_number_add(a, b);
    case KR_NB_MULTIPLY:
        return kr_number_multiply(a, b);
    case KR_NB_POWER:
        return kr_number_power(a, b, kr_none);
    case KR_NB_INPLACE_ADD:
        return inplace_add(a, b);
    case KR_NB_INPLACE_MULTIPLY:
        return inplace_multiply(a, b);
    case KR_NB_INPLACE_POWER:
        return inplace_power(a, b);
    default:
        break;
    }
    if (nb_op >= 0 && nb_op <= KR_NB_XOR)
        return binary_op(a, b, binops[nb_op].off, binops[nb_op].op);
    if (nb_op >= KR_NB_INPLACE_ADD && nb_op <= KR_NB_INPLACE_XOR) {
        int k = nb_op - KR_NB_INPLACE_ADD;
        return binary_iop(a, b, binops[k].ioff, binops[k].off, binops[k].iop);
    }
    kr_err_bad_internal_call("kr_number_binary_op");
    return NULL;
}

/* ---------------------------------------------------------------------------
 * Unary operators
 * ------------------------------------------------------------------------- */

static KrObject *unary_op(KrObject *o, size_t off, const char *what) {
    KrNumberMethods *nb = KR_TYPE(o)->tp_as_number;
    kr_unaryfunc f = nb ? *(kr_unaryfunc *)((char *)nb + off) : NULL;
    if (f) return f(o);
    return kr_err_format(kr_exc_TypeError, "bad operand type for %s: '%s'", what,
                         kr_type_name_cstr(KR_TYPE(o)));
}

KrObject *kr_number_negative(KrObject *o) { return unary_op(o, NB_OFF(nb_negative), "unary -"); }
KrObject *kr_number_positive(KrObject *o) { return unary_op(o, NB_OFF(nb_positive), "unary +"); }
KrObject *kr_number_invert(KrObject *o) { return unary_op(o, NB_OFF(nb_invert), "unary ~"); }
KrObject *kr_number_absolute(KrObject *o) { return unary_op(o, NB_OFF(nb_absolute), "abs()"); }

/* ---------------------------------------------------------------------------
 * __index__, int(), float()
 * ------------------------------------------------------------------------- */

int kr_index_check(KrObject *o) {
    KrNumberMethods *nb = KR_TYPE(o)->tp_as_number;
    return nb && nb->nb_index;
}

KrObject *kr_number_index(KrObject *o) {
    if (KR_INT_CHECK_EXACT(o)) return KR_NEWREF(o);
    if (KR_INT_CHECK(o)) return kr_int_exact(o);
    KrNumberMethods *nb = KR_TYPE(o)->tp_as_number;
    if (!nb || !nb->nb_index)
        return kr_err_format(kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                             kr_type_name_cstr(KR_TYPE(o)));
    KrObject *r = nb->nb_index(o);
    if (!r || KR_INT_CHECK_EXACT(r)) return r;
    if (!KR_INT_CHECK(r)) {
        kr_err_format(kr_exc_TypeError, "__index__ returned non-int (type %s)",
                      kr_type_name_cstr(KR_TYPE(r)));
        KR_DECREF(r);
        return NULL;
    }
    KR_SETREF(r, kr_int_exact(r)); /* CPython deprecates int subclasses here */
    return r;
}

kr_ssize kr_number_as_ssize(KrObject *o, KrType *err) {
    KrObject *v = kr_number_index(o);
    if (!v) return -1;
    KrInt *i = (KrInt *)v;
    int64_t x = i->value;
    bool big = i->big != NULL;
    int sign = big ? mpz_sgn(i->big) : 0;
    KR_DECREF(v);
    if (!big) return (kr_ssize)x; /* kr_ssize is 64-bit: every int64 fits */
    if (!err) return sign < 0 ? -(kr_ssize)SSIZE_MAX - 1 : (kr_ssize)SSIZE_MAX;
    kr_err_format(err, "cannot fit '%s' into an index-sized integer",
                  kr_type_name_cstr(KR_TYPE(o)));
    return -1;
}
_Static_assert(sizeof(kr_ssize) == sizeof(int64_t), "kr_ssize is 64-bit");

static KrObject *text_to_int(KrObject *o, bool *handled) {
    *handled = true;
    if (KR_STR_CHECK(o)) return kr_int_parse(kr_str_data(o), kr_str_size(o), 10, o, false);
    if (KR_BYTES_CHECK(o)) return kr_int_parse(kr_bytes_data(o), KR_SIZE(o), 10, o, true);
    if (KR_TYPE_IS(o, &kr_bytearray_type)) {
        const char *d = ((KrByteArray *)o)->data;
        return kr_int_parse(d ? d : "", KR_SIZE(o), 10, o, true);
    }
    *handled = false;
    return NULL;
}

KrObject *kr_number_long(KrObject *o) {
    if (KR_INT_CHECK_EXACT(o)) return KR_NEWREF(o);
    KrNumberMethods *nb = KR_TYPE(o)->tp_as_number;
    if (nb && nb->nb_int) {
        KrObject *r = nb->nb_int(o);
        if (!r || KR_INT_CHECK_EXACT(r)) return r;
        if (!KR_INT_CHECK(r)) {
            kr_err_format(kr_exc_TypeError, "__int__ returned non-int (type %s)",
                          kr_type_name_cstr(KR_TYPE(r)));
            KR_DECREF(r);
            return NULL;
        }
        KR_SETREF(r, kr_int_exact(r));
        return r;
    }
    if (nb && nb->nb_index) return kr_number_index(o);
    static KrObject *trunc_name;
    if (!trunc_name) trunc_name = kr_str_intern_cstr("__trunc__");
    int found = 0;
    KrObject *t = kr_call_special(o, trunc_name, NULL, 0, &found);
    if (found) {
        /* deprecated since 3.11, still honoured in 3.12 */
        if (!t) return NULL;
        if (KR_INT_CHECK(t)) {
            KR_SETREF(t, kr_int_exact(t));
            return t;
        }
        if (!kr_index_check(t)) {
            kr_err_format(kr_exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                          kr_type_name_cstr(KR_TYPE(t)));
            KR_DECREF(t);
            return NULL;
        }
        KR_SETREF(t, kr_number_index(t));
        return t;
    }
    if (kr_err_occurred()) return NULL;
    bool handled;
    KrObject *r = text_to_int(o, &handled);
    if (handled) return r;
    return kr_err_format(kr_exc_TypeError,
                         "int() argument must be a string, a bytes-like object or a real number, "
                         "not '%s'",
                         kr_type_name_cstr(KR_TYPE(o)));
}

KrObject *kr_number_float(KrObject *o) {
    if (KR_FLOAT_CHECK_EXACT(o)) return KR_NEWREF(o);
    KrNumberMethods *nb = KR_TYPE(o)->tp_as_number;
    if (nb && nb->nb_float) {
        KrObject *r = nb->nb_float(o);
        if (!r || KR_FLOAT_CHECK_EXACT(r)) return r;
        if (!KR_FLOAT_CHECK(r)) {
            kr_err_format(kr_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                          kr_type_name_cstr(KR_TYPE(o)), kr_type_name_cstr(KR_TYPE(r)));
            KR_DECREF(r);
            return NULL;
        }
        KR_SETREF(r, kr_float_from_double(((KrFloat *)r)->value));
        return r;
    }
    if (nb && nb->nb_index) {
        KrObject *i = kr_number_index(o);
        if (!i) return NULL;
        double d = kr_int_as_double(i);
        KR_DECREF(i);
        if (d == -1.0 && kr_err_occurred()) return NULL;
        return kr_float_from_double(d);
    }
    if (KR_FLOAT_CHECK(o)) return kr_float_from_double(((KrFloat *)o)->value);
    if (KR_STR_CHECK(o) || KR_BYTES_CHECK(o) || KR_TYPE_IS(o, &kr_bytearray_type))
        return kr_float_from_string(o);
    return kr_err_format(kr_exc_TypeError,
                         "float() argument must be a string or a real number, not '%s'",
                         kr_type_name_cstr(KR_TYPE(o)));
}
