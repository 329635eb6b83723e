/* numbers.h - private helpers shared by the numeric types (int.c, int_ops.c,
 * int_methods.c, bool.c, float.c, float_repr.c, complex.c) and abstract.c.
 * Not part of the public C API. */
#ifndef KR_NUMBERS_H
#define KR_NUMBERS_H

#include <math.h>

#include "krait.h"

_Static_assert(GMP_LIMB_BITS == 64, "Krait's int needs 64-bit GMP limbs");

/* 2**61 - 1: numeric hashes are reduced modulo this prime, as in CPython. */
#define KR_HASH_BITS 61
#define KR_HASH_MODULUS (((uint64_t)1 << KR_HASH_BITS) - 1)
#define KR_HASH_INF 314159

/* The largest result, in bits, an int operation may try to build. GMP aborts the
 * process when it cannot allocate, so absurd sizes are refused up front with
 * MemoryError (CPython gets there by failing the allocation). */
#define KR_INT_MAX_BITS ((uint64_t)1 << 37)

/* ---- int internals (int.c) ---- */

/* int_dealloc's last step: keeps exact-int objects on a per-thread free list. */
void kr_int_release(KrObject *o);

/* The cached small ints -5..256, statically allocated and immortal. */
extern KrInt kr_small_ints[KR_SMALL_INT_MAX - KR_SMALL_INT_MIN + 1];

/* A read-only mpz view of any int without copying: big ints lend their mpz, small
 * ones are presented through one stack limb. */
typedef struct {
    __mpz_struct z;
    mp_limb_t limb;
} KrMpzView;

static inline mpz_srcptr kr_int_view(KrObject *o, KrMpzView *v) {
    KrInt *i = (KrInt *)o;
    if (i->big) return i->big;
    int64_t x = i->value;
    v->limb = x < 0 ? (mp_limb_t)0 - (mp_limb_t)x : (mp_limb_t)x;
    mpz_roinit_n(&v->z, &v->limb, x < 0 ? -1 : (x > 0 ? 1 : 0));
    return &v->z;
}

/* Takes over z's limbs (z is left cleared/invalid); normalises to the small form. */
KrObject *kr_int_from_mpz_steal(mpz_ptr z);
/* An instance of `type` (int or a subclass) holding the value of the int v. */
KrObject *kr_int_new_of_type(KrType *type, KrObject *v);
/* An exact int equal to the int (or int subclass instance) v. */
KrObject *kr_int_exact(KrObject *v);
/* Parses int literal text (UTF-8 for str, raw for bytes); `orig` (str/bytes) is what the
 * error message shows; may be NULL. */
KrObject *kr_int_parse(const char *s, kr_ssize len, int base, KrObject *orig, bool is_bytes);
/* The exact comparison of an int with a finite or infinite (not NaN) double: -1/0/1. */
int kr_int_compare_double(KrObject *i, double d);
/* Number of bits of |v| (0 for 0). */
uint64_t kr_int_bit_length_u(KrObject *v);

/* sys.get_int_max_str_digits() (sysmodule.c); 0 = unlimited. */
int64_t kr_sys_int_max_str_digits(void);

/* ---- correctly rounded conversions (int.c) ---- */

/* Rounds q * 2**s to the nearest double (ties to even), where bit 0 of q is a sticky
 * bit (q was rounded to odd). q needs at least 2 bits below the final rounding
 * position; returns HUGE_VAL on overflow. */
double kr_num_ldexp_rounded(uint64_t q, int64_t s);
/* a as a correctly rounded double; -1 on overflow (no exception set). */
int kr_num_mpz_to_double(mpz_srcptr a, double *out);
/* a / b correctly rounded (b != 0); -1 on overflow (no exception set). */
int kr_num_mpz_ratio_to_double(mpz_srcptr a, mpz_srcptr b, double *out);

/* ---- int arithmetic shared with bool and float (int_ops.c) ---- */
extern KrNumberMethods kr_int_as_number;
KrObject *kr_int_richcompare(KrObject *a, KrObject *b, int op);
KrObject *kr_int_repr(KrObject *o);
KrObject *kr_int_and(KrObject *a, KrObject *b);
KrObject *kr_int_or(KrObject *a, KrObject *b);
KrObject *kr_int_xor(KrObject *a, KrObject *b);
/* round(int, ndigits) for a negative ndigits given as an int. */
KrObject *kr_int_round_ndigits(KrObject *v, KrObject *ndigits);

/* ---- float internals (float.c, float_repr.c) ---- */
/* Reads a float operand: 1 and *out for float/int, 0 for "not a number type"
 * (NotImplemented), -1 on error (int too large). */
int kr_float_operand(KrObject *o, double *out);
KrObject *kr_float_pow_doubles(double iv, double iw);
/* float(str) on raw text; `orig` is shown by the error message. */
KrObject *kr_float_parse(const char *s, kr_ssize len, KrObject *orig, bool is_bytes);
/* Parses a float literal (whitespace already stripped, ASCII); 0 ok, -1 bad syntax.
 * Used by complex(str). Leaves *end after the number. */
int kr_float_parse_prefix(const char *s, const char *end, double *out, const char **stop);
/* Copies s to ASCII for numeric parsing: non-ASCII whitespace -> ' ', Unicode decimal
 * digits -> '0'..'9', anything else non-ASCII -> '?'. Returns a kr_mem buffer. */
char *kr_num_to_ascii(const char *s, kr_ssize len, bool is_bytes, kr_ssize *out_len);
KrObject *kr_float_repr(KrObject *o);
KrObject *kr_float_hex(KrObject *self, KrObject *unused);
KrObject *kr_float_fromhex(KrObject *cls, KrObject *arg);
kr_hash kr_num_pointer_hash(const void *p);

/* ---- complex internals (complex.c) ---- */
KrObject *kr_complex_pow_values(double ar, double ai, double br, double bi);

#endif /* KR_NUMBERS_H */
