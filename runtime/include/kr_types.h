/* kr_types.h - layouts and C APIs of the built-in object types.
 * Each section names the file under runtime/objects/ that implements it; a function's
 * prefix matches that file (kr_list_* in list.c). Returns follow one rule: a
 * KrObject* result is a new reference or NULL with an exception set; an int result
 * is 0 / -1 (or 1 / 0 / -1 for predicates). Arguments are borrowed unless the name
 * says "steal". */
#ifndef KR_TYPES_H
#define KR_TYPES_H

#include <gmp.h>
#include <stdarg.h>

#include "kr_object.h"

/* ---------------------------------------------------------------------------
 * object.c - allocation, the base `object` type, generic protocol helpers
 * ------------------------------------------------------------------------- */

/* Allocation of objects: all memory comes from mimalloc. Objects of types with
 * KR_TPFLAGS_HAVE_GC get a KrGCHead prefix (the cyclic GC's links) before the header. */
typedef struct KrGCHead {
    uintptr_t gc_next;
    uintptr_t gc_prev;
} KrGCHead;

KrObject *kr_object_new(KrType *t);                  /* tp_basicsize, header initialised, rest zeroed */
KrObject *kr_object_new_var(KrType *t, kr_ssize n); /* basicsize + n * itemsize, ob_size = n */
void kr_object_free(KrObject *o);                    /* releases the memory only */
void *kr_mem_malloc(size_t n);                       /* raw memory (no header); sets MemoryError on failure */
void *kr_mem_calloc(size_t count, size_t n);
void *kr_mem_realloc(void *p, size_t n);
void kr_mem_free(void *p);
char *kr_mem_strdup(const char *s);

/* GC tracking (gc.c; the rest of the collector's API is in the "gc.c / weakref.c" section) */
void kr_gc_track(KrObject *o);
void kr_gc_untrack(KrObject *o);
bool kr_gc_is_tracked(KrObject *o);

/* Generic object protocol (object.c / abstract ops) */
KrObject *kr_object_repr(KrObject *o);
KrObject *kr_object_str(KrObject *o);
KrObject *kr_object_ascii(KrObject *o);
kr_hash kr_object_hash(KrObject *o);
kr_hash kr_object_hash_not_implemented(KrObject *o); /* raises "unhashable type: 'X'" */
KrObject *kr_object_richcompare(KrObject *a, KrObject *b, int op);
int kr_object_richcompare_bool(KrObject *a, KrObject *b, int op); /* identity shortcut for EQ/NE */
int kr_object_is_true(KrObject *o);
int kr_object_not(KrObject *o);
KrObject *kr_object_getattr(KrObject *o, KrObject *name);
KrObject *kr_object_getattr_str(KrObject *o, const char *name);
/* Returns 1 and *result (new ref) if found, 0 and *result NULL if AttributeError
 * (cleared), -1 on other errors. */
int kr_object_lookup_attr(KrObject *o, KrObject *name, KrObject **result);
int kr_object_setattr(KrObject *o, KrObject *name, KrObject *value); /* value NULL = delete */
int kr_object_setattr_str(KrObject *o, const char *name, KrObject *value);
int kr_object_hasattr(KrObject *o, KrObject *name);
KrObject *kr_object_generic_getattr(KrObject *o, KrObject *name); /* object.__getattribute__ */
int kr_object_generic_setattr(KrObject *o, KrObject *name, KrObject *value);
KrObject *kr_object_get_iter(KrObject *o);
KrObject *kr_iter_next(KrObject *iter); /* NULL + no exception = exhausted */
KrObject *kr_object_get_item(KrObject *o, KrObject *key);
int kr_object_set_item(KrObject *o, KrObject *key, KrObject *value);
int kr_object_del_item(KrObject *o, KrObject *key);
kr_ssize kr_object_length(KrObject *o); /* len(); -1 on error */
int kr_object_contains(KrObject *container, KrObject *item); /* `in`; 1/0/-1 */
KrObject *kr_object_dir(KrObject *o);
KrObject *kr_object_format(KrObject *o, KrObject *spec);
int kr_object_isinstance(KrObject *inst, KrObject *cls);
int kr_object_issubclass(KrObject *derived, KrObject *cls);
KrObject *kr_object_self_iter(KrObject *o); /* tp_iter returning self */

/* Calls (call.c) */
KrObject *kr_call(KrObject *callable, KrObject *args_tuple, KrObject *kwargs_dict);
KrObject *kr_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                        KrObject *kwnames);
KrObject *kr_call_noargs(KrObject *callable);
KrObject *kr_call_one(KrObject *callable, KrObject *arg);
KrObject *kr_call_method(KrObject *obj, const char *name, KrObject *const *args, kr_ssize nargs);
KrObject *kr_call_function(KrObject *callable, const char *fmt_unused, ...);
/* Look up a special method on the type (skipping the instance dict) and call it
 * with self prepended. Returns NULL with no exception if the method is missing
 * and *found is set to 0. */
KrObject *kr_call_special(KrObject *self, KrObject *name, KrObject *const *args, kr_ssize nargs,
                          int *found);

/* Numbers (abstract.c) */
KrObject *kr_number_add(KrObject *a, KrObject *b);
KrObject *kr_number_subtract(KrObject *a, KrObject *b);
KrObject *kr_number_multiply(KrObject *a, KrObject *b);
KrObject *kr_number_matrix_multiply(KrObject *a, KrObject *b);
KrObject *kr_number_true_divide(KrObject *a, KrObject *b);
KrObject *kr_number_floor_divide(KrObject *a, KrObject *b);
KrObject *kr_number_remainder(KrObject *a, KrObject *b);
KrObject *kr_number_divmod(KrObject *a, KrObject *b);
KrObject *kr_number_power(KrObject *a, KrObject *b, KrObject *mod); /* mod may be None */
KrObject *kr_number_lshift(KrObject *a, KrObject *b);
KrObject *kr_number_rshift(KrObject *a, KrObject *b);
KrObject *kr_number_and(KrObject *a, KrObject *b);
KrObject *kr_number_or(KrObject *a, KrObject *b);
KrObject *kr_number_xor(KrObject *a, KrObject *b);
KrObject *kr_number_negative(KrObject *a);
KrObject *kr_number_positive(KrObject *a);
KrObject *kr_number_invert(KrObject *a);
KrObject *kr_number_absolute(KrObject *a);
KrObject *kr_number_index(KrObject *a);  /* __index__, result exact int */
KrObject *kr_number_long(KrObject *a);   /* int(x) */
KrObject *kr_number_float(KrObject *a);  /* float(x) */
/* BINARY_OP argument numbering (same as CPython 3.12's NB_* for dis output) */
enum {
    KR_NB_ADD = 0, KR_NB_AND = 1, KR_NB_FLOOR_DIVIDE = 2, KR_NB_LSHIFT = 3,
    KR_NB_MATRIX_MULTIPLY = 4, KR_NB_MULTIPLY = 5, KR_NB_REMAINDER = 6, KR_NB_OR = 7,
    KR_NB_POWER = 8, KR_NB_RSHIFT = 9, KR_NB_SUBTRACT = 10, KR_NB_TRUE_DIVIDE = 11,
    KR_NB_XOR = 12, KR_NB_INPLACE_ADD = 13, KR_NB_INPLACE_AND = 14,
    KR_NB_INPLACE_FLOOR_DIVIDE = 15, KR_NB_INPLACE_LSHIFT = 16,
    KR_NB_INPLACE_MATRIX_MULTIPLY = 17, KR_NB_INPLACE_MULTIPLY = 18,
    KR_NB_INPLACE_REMAINDER = 19, KR_NB_INPLACE_OR = 20, KR_NB_INPLACE_POWER = 21,
    KR_NB_INPLACE_RSHIFT = 22, KR_NB_INPLACE_SUBTRACT = 23, KR_NB_INPLACE_TRUE_DIVIDE = 24,
    KR_NB_INPLACE_XOR = 25,
};
KrObject *kr_number_binary_op(KrObject *a, KrObject *b, int nb_op);
/* Converts an object with __index__ to kr_ssize; on overflow raises `err`
 * (OverflowError / IndexError) or clamps when err is NULL. */
kr_ssize kr_number_as_ssize(KrObject *o, KrType *err);
int kr_index_check(KrObject *o);

/* ---------------------------------------------------------------------------
 * type.c - `type`, class creation, MRO, attribute lookup on types
 * ------------------------------------------------------------------------- */
int kr_type_ready(KrType *t);                          /* fills inherited slots, mro, dict */
KrObject *kr_type_lookup(KrType *t, KrObject *name);   /* MRO lookup, borrowed ref or NULL (no error) */
int kr_type_is_subtype(KrType *a, KrType *b);
KrObject *kr_type_generic_alloc(KrType *t, kr_ssize nitems);
KrObject *kr_type_generic_new(KrType *t, KrObject *args, KrObject *kwargs);
KrObject *kr_type_name(KrType *t);     /* new ref: __name__ */
const char *kr_type_name_cstr(KrType *t); /* short name ("int", "Foo") for messages */
void kr_type_modified(KrType *t);      /* bump version tags of t and subclasses */
/* type(name, bases, dict) machinery used by the class statement */
KrObject *kr_type_new_from_ns(KrType *metatype, KrObject *name, KrObject *bases, KrObject *ns,
                              KrObject *kwargs);
/* builtins.__build_class__(func, name, *bases, metaclass=..., **kwds) */
KrObject *kr_type_build_class(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames);
extern KrType kr_super_type;
/* Version tag of t for inline caches; assigns one if needed. 0 = cannot cache. */
uint32_t kr_type_get_version(KrType *t);
/* Attribute lookup through the MRO of obj's type (or obj itself when it is a type)
 * starting after start_type, for LOAD_SUPER_ATTR. When is_method is non-NULL and
 * *is_method is nonzero on input, a method descriptor (function, ...) is returned
 * unbound with *is_method left 1 (call it with obj prepended); otherwise *is_method is
 * set to 0 and the result is bound. New ref, or NULL + AttributeError. */
KrObject *kr_super_lookup(KrType *start_type, KrObject *obj, KrObject *name, int *is_method);
/* Method lookup for LOAD_ATTR's method form and kr_call_method: returns 1 with *method
 * an unbound function/method descriptor (call with obj prepended), 0 with *method the
 * ordinary attribute value, -1 on error. */
int kr_object_get_method(KrObject *obj, KrObject *name, KrObject **method);
/* Instance dicts of classes derived from variable-size types (tp_dictoffset < 0). */
KrObject **kr_type_var_dictptr(KrObject *o);
/* types.MappingProxyType (type.__dict__) */
extern KrType kr_mappingproxy_type;
KrObject *kr_mappingproxy_new(KrObject *mapping);
extern KrType kr_union_type; /* types.UnionType: int | str */
#define KR_TYPE_CHECK(o) kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_TYPE_SUBCLASS)

/* ---------------------------------------------------------------------------
 * none.c / bool.c - singletons
 * ------------------------------------------------------------------------- */
extern KrObject kr_none_struct;
extern KrObject kr_notimplemented_struct;
extern KrObject kr_ellipsis_struct;
extern KrType kr_none_type, kr_notimplemented_type, kr_ellipsis_type;
#define kr_none (&kr_none_struct)
#define kr_notimplemented (&kr_notimplemented_struct)
#define kr_ellipsis (&kr_ellipsis_struct)
static inline KrObject *kr_none_new(void) { return kr_none; } /* immortal: no incref needed */

/* ---------------------------------------------------------------------------
 * int.c - arbitrary precision integers: int64 fast path, GMP beyond
 * ------------------------------------------------------------------------- */
typedef struct {
    KR_OBJECT_HEAD;
    int64_t value;      /* valid when big == NULL */
    __mpz_struct *big;  /* NULL for values that fit in int64 */
} KrInt;
extern KrType kr_int_type;
extern KrType kr_bool_type;
#define KR_INT_CHECK(o) kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_LONG_SUBCLASS)
#define KR_INT_CHECK_EXACT(o) (KR_TYPE(o) == &kr_int_type)
#define KR_SMALL_INT_MIN (-5)
#define KR_SMALL_INT_MAX 256
static inline bool kr_int_is_small(KrObject *o) { return ((KrInt *)o)->big == NULL; }
KrObject *kr_int_from_i64(int64_t v);          /* small ints are the cached immortals */
KrObject *kr_int_from_u64(uint64_t v);
KrObject *kr_int_from_ssize(kr_ssize v);
KrObject *kr_int_from_double(double d);        /* truncates; errors for inf/nan as CPython */
KrObject *kr_int_from_mpz(const mpz_t z);      /* copies; normalises to small form */
KrObject *kr_int_from_string(const char *s, kr_ssize len, int base); /* int(str, base) rules */
int64_t kr_int_as_i64(KrObject *o);            /* OverflowError if too big; -1 + error */
kr_ssize kr_int_as_ssize(KrObject *o);
int kr_int_as_i64_overflow(KrObject *o, int64_t *out); /* 0 ok, 1 overflow (no error set) */
double kr_int_as_double(KrObject *o);          /* OverflowError "int too large to convert to float" */
void kr_int_to_mpz(KrObject *o, mpz_t out);    /* out must be initialised */
int kr_int_sign(KrObject *o);
KrObject *kr_int_to_decimal_string(KrObject *o); /* str(int) */
KrObject *kr_int_format_base(KrObject *o, int base, bool prefix); /* hex/oct/bin */
int kr_int_compare(KrObject *a, KrObject *b);   /* -1, 0, 1 for exact ints */
kr_hash kr_int_hash(KrObject *o);
extern KrObject *kr_true, *kr_false; /* pointers to the bool singletons */
/* Called once at start-up (after kr_type_ready of int/bool): the small-int cache and
 * the bools are static, so this only checks them. */
int kr_int_init(void);
#define kr_bool_from(c) ((c) ? kr_true : kr_false)
static inline KrObject *kr_bool_new(int c) { return (c) ? kr_true : kr_false; }

/* ---------------------------------------------------------------------------
 * float.c
 * ------------------------------------------------------------------------- */
typedef struct {
    KR_OBJECT_HEAD;
    double value;
} KrFloat;
extern KrType kr_float_type;
#define KR_FLOAT_CHECK(o) kr_object_type_is_sub(KR_TYPE(o), &kr_float_type)
#define KR_FLOAT_CHECK_EXACT(o) (KR_TYPE(o) == &kr_float_type)
KrObject *kr_float_from_double(double v);
double kr_float_as_double(KrObject *o); /* accepts float, int, __float__, __index__; -1.0 + error */
KrObject *kr_float_repr_double(double v);       /* CPython's shortest round-trip repr */
/* Formats v like CPython's PyOS_double_to_string. code: 'e','E','f','F','g','G' with
 * `precision`, or 'r' (repr: shortest round-trip, precision ignored). flags: KR_DTSF_*.
 * *type_out (may be NULL) receives KR_DTST_*. Returns kr_mem_malloc'ed text (free with
 * kr_mem_free), or NULL + MemoryError/ValueError (bad code). inf/nan print as
 * "inf"/"nan" ("INF"/"NAN" for upper-case codes). */
char *kr_float_format_double(double v, char code, int precision, int flags, int *type_out);
enum {
    KR_DTSF_SIGN = 0x01,      /* always print a sign ('+' for positives) */
    KR_DTSF_ADD_DOT_0 = 0x02, /* integral results in fixed notation get ".0" */
    KR_DTSF_ALT = 0x04,       /* '#': keep the point and trailing zeros */
    KR_DTSF_NO_NEG_0 = 0x08,  /* 'z': negative zero (after rounding) prints as zero */
};
enum { KR_DTST_FINITE = 0, KR_DTST_INFINITE = 1, KR_DTST_NAN = 2 };
kr_hash kr_float_hash_double(double v);
KrObject *kr_float_from_string(KrObject *s);    /* float(str) rules */

/* ---------------------------------------------------------------------------
 * complex.c
 * ------------------------------------------------------------------------- */
typedef struct {
    KR_OBJECT_HEAD;
    double real, imag;
} KrComplex;
extern KrType kr_complex_type;
KrObject *kr_complex_from_doubles(double real, double imag);

/* ---------------------------------------------------------------------------
 * str.c - UTF-8 strings with a cached code-point length and ASCII flag
 * ------------------------------------------------------------------------- */
typedef struct {
    KR_OBJECT_HEAD;
    kr_ssize length;      /* code points */
    kr_ssize size;        /* bytes of UTF-8, excluding the trailing NUL */
    kr_hash hash;         /* -1 until computed */
    uint8_t ascii;        /* all code points < 128: byte offset == index */
    uint8_t interned;     /* 0 no, 1 interned (immortal) */
    uint8_t _pad[6];
    kr_ssize *index;      /* lazy: byte offset of every 32nd code point (non-ASCII only) */
    char data[];          /* UTF-8, NUL-terminated; may contain surrogates (WTF-8 style) */
} KrStr;
extern KrType kr_str_type;
#define KR_STR_CHECK(o) kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_STR_SUBCLASS)
#define KR_STR_CHECK_EXACT(o) (KR_TYPE(o) == &kr_str_type)
static inline const char *kr_str_data(KrObject *o) { return ((KrStr *)o)->data; }
static inline kr_ssize kr_str_size(KrObject *o) { return ((KrStr *)o)->size; }
static inline kr_ssize kr_str_length(KrObject *o) { return ((KrStr *)o)->length; }
KrObject *kr_str_from_cstr(const char *s);                     /* UTF-8 input */
KrObject *kr_str_from_utf8(const char *s, kr_ssize size);      /* validates; UnicodeDecodeError */
KrObject *kr_str_from_utf8_unchecked(const char *s, kr_ssize size, kr_ssize length, bool ascii);
KrObject *kr_str_from_format(const char *fmt, ...);            /* see below */
KrObject *kr_str_from_vformat(const char *fmt, va_list ap);
/* Format directives: %s (C string), %d %i %ld %lld %zd %u %lu %llu %zu %x %c(int code point)
 * %p, %%, %S (str(obj)), %R (repr(obj)), %U (a str object, inserted as is), %N (the
 * tp_name of a type: arg is KrType*), %T (the tp_name of an object's type),
 * %V (a str object or, if NULL, the following C string). */
KrObject *kr_str_from_codepoint(uint32_t cp);
KrObject *kr_str_intern(KrObject *s);          /* steals s, returns the interned (immortal) string */
KrObject *kr_str_intern_cstr(const char *s);   /* borrowed-like: interned strings are immortal */
kr_hash kr_str_hash(KrObject *s);
bool kr_str_eq(KrObject *a, KrObject *b);      /* exact str equality */
bool kr_str_eq_cstr(KrObject *a, const char *s);
int kr_str_compare(KrObject *a, KrObject *b);  /* code-point order: -1/0/1 */
KrObject *kr_str_concat(KrObject *a, KrObject *b);
KrObject *kr_str_join(KrObject *sep, KrObject *iterable);
KrObject *kr_str_substring(KrObject *s, kr_ssize start, kr_ssize end); /* code point indexes */
uint32_t kr_str_char_at(KrObject *s, kr_ssize index);              /* 0 <= index < length */
kr_ssize kr_str_byte_offset(KrObject *s, kr_ssize index);          /* O(1) amortised */
KrObject *kr_str_repr_of(KrObject *s);
KrObject *kr_str_format_method(KrObject *fmt, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames);                  /* str.format */
KrObject *kr_str_percent_format(KrObject *fmt, KrObject *args);     /* str % args */
KrObject *kr_str_builtin_format(KrObject *value, KrObject *spec);   /* format(v, spec) core */
/* A growable UTF-8 buffer for building strings. */
typedef struct {
    char *buf;
    kr_ssize size, cap, length;
    bool ascii;
} KrStrBuilder;
void kr_strbuilder_init(KrStrBuilder *b);
int kr_strbuilder_append(KrStrBuilder *b, const char *s, kr_ssize n); /* UTF-8 bytes */
int kr_strbuilder_append_cstr(KrStrBuilder *b, const char *s);
int kr_strbuilder_append_str(KrStrBuilder *b, KrObject *s);
int kr_strbuilder_append_codepoint(KrStrBuilder *b, uint32_t cp);
KrObject *kr_strbuilder_finish(KrStrBuilder *b); /* frees the buffer */
void kr_strbuilder_discard(KrStrBuilder *b);
int kr_strbuilder_append_fill(KrStrBuilder *b, uint32_t cp, kr_ssize count);
int kr_strbuilder_reserve(KrStrBuilder *b, kr_ssize extra);
/* More of str.c's API */
void kr_str_hash_init(void);         /* reads PYTHONHASHSEED; call before any str is hashed */
int kr_str_hash_seed(unsigned long *seed); /* 1 + the PYTHONHASHSEED value if one was set */
extern KrObject *kr_str_empty;       /* the immortal "" */
KrObject *kr_str_new_raw(kr_ssize size); /* uninitialised UTF-8 buffer of size bytes (+NUL) ... */
KrObject *kr_str_finish_raw(KrObject *s); /* ... then this computes length/ascii (no validation) */
KrObject *kr_str_from_latin1(const unsigned char *s, kr_ssize n);
kr_hash kr_str_hash_bytes(const void *data, kr_ssize n); /* SipHash-1-3, "" -> 0 (bytes share it) */
KrObject *kr_str_repeat(KrObject *s, kr_ssize n);
KrObject *kr_str_ascii_of(KrObject *s);  /* ascii(): repr with non-ASCII escaped */
int kr_str_contains(KrObject *s, KrObject *sub); /* `sub in s`; TypeError for non-str */
/* str(obj) / str(obj, encoding, errors) for a subtype of str */
KrObject *kr_str_new_of_type(KrType *t, KrObject *obj, const char *encoding, const char *errors);
/* Decoding / encoding (str_codecs.c). encoding/errors NULL = "utf-8"/"strict". */
KrObject *kr_str_decode(const char *s, kr_ssize n, const char *encoding, const char *errors);
KrObject *kr_str_encode(KrObject *s, const char *encoding, const char *errors); /* -> bytes */
KrObject *kr_str_decode_utf8_surrogateescape(const char *s, kr_ssize n); /* os.fsdecode */
extern KrType kr_str_iter_type;

/* format.c - the format-spec mini-language; spec is a str. __format__ of str, int,
 * float, complex call these (the numbers helper's methods call the numeric ones). */
KrObject *kr_format_str(KrObject *v, KrObject *spec);
KrObject *kr_format_int(KrObject *v, KrObject *spec);
KrObject *kr_format_float(KrObject *v, KrObject *spec);
KrObject *kr_format_complex(KrObject *v, KrObject *spec);

/* unicode_ctype.c - character classes and case mapping over all of Unicode (tables
 * generated into unicode_db.c). The to_* functions write 1-3 code points, return count. */
unsigned kr_unicode_flags(uint32_t cp);
bool kr_unicode_isalpha(uint32_t cp);
bool kr_unicode_isdecimal(uint32_t cp);
bool kr_unicode_isdigit(uint32_t cp);
bool kr_unicode_isnumeric(uint32_t cp);
bool kr_unicode_isalnum(uint32_t cp);
bool kr_unicode_isspace(uint32_t cp);
bool kr_unicode_isupper(uint32_t cp);
bool kr_unicode_islower(uint32_t cp);
bool kr_unicode_istitle(uint32_t cp);
bool kr_unicode_iscased(uint32_t cp);
bool kr_unicode_iscaseignorable(uint32_t cp);
bool kr_unicode_isprintable(uint32_t cp);
bool kr_unicode_isxidstart(uint32_t cp);
bool kr_unicode_isxidcontinue(uint32_t cp);
bool kr_unicode_islinebreak(uint32_t cp);
int kr_unicode_decimal_value(uint32_t cp); /* 0..9 or -1 */
int kr_unicode_digit_value(uint32_t cp);   /* 0..9 or -1 */
int kr_unicode_to_lower(uint32_t cp, uint32_t out[3]);
int kr_unicode_to_upper(uint32_t cp, uint32_t out[3]);
int kr_unicode_to_title(uint32_t cp, uint32_t out[3]);
int kr_unicode_to_fold(uint32_t cp, uint32_t out[3]);

/* ---------------------------------------------------------------------------
 * bytes.c / bytearray.c
 * ------------------------------------------------------------------------- */
typedef struct {
    KrVarObject ob_base; /* ob_size = byte count */
    kr_hash hash;
    char data[];         /* NUL-terminated */
} KrBytes;
extern KrType kr_bytes_type;
#define KR_BYTES_CHECK(o) kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_BYTES_SUBCLASS)
static inline const char *kr_bytes_data(KrObject *o) { return ((KrBytes *)o)->data; }
KrObject *kr_bytes_from_data(const char *s, kr_ssize n);
KrObject *kr_bytes_repr_data(const char *s, kr_ssize n, const char *prefix_unused);
static inline kr_ssize kr_bytes_size(KrObject *o) { return KR_SIZE(o); }
KrObject *kr_bytes_new(kr_ssize n);                /* uninitialised contents, NUL-terminated */
KrObject *kr_bytes_resize(KrObject *b, kr_ssize n); /* steals b (refcount 1); NULL on error */
KrObject *kr_bytes_from_object(KrObject *o);       /* bytes(o) */
KrObject *kr_bytes_concat(KrObject *a, KrObject *b);
KrObject *kr_bytes_percent_format(KrObject *fmt, KrObject *args, bool is_bytearray); /* b % x */
/* A read-only view of a bytes-like object (bytes, bytearray, memoryview when it exists):
 * 1 with data/size, 0 if o is not bytes-like (no error set). */
int kr_bytes_like_view(KrObject *o, const char **data, kr_ssize *size);

typedef struct {
    KrVarObject ob_base; /* ob_size = byte count */
    kr_ssize alloc;
    char *data;
    kr_ssize exports;    /* live memoryviews / iterators forbidding resize */
} KrByteArray;
extern KrType kr_bytearray_type, kr_bytearray_iter_type;
#define KR_BYTEARRAY_CHECK(o) kr_object_type_is_sub(KR_TYPE(o), &kr_bytearray_type)
KrObject *kr_bytearray_from_data(const char *s, kr_ssize n);
static inline char *kr_bytearray_data(KrObject *o) { return ((KrByteArray *)o)->data; }
int kr_bytearray_resize(KrObject *ba, kr_ssize n); /* BufferError while exported */

/* ---------------------------------------------------------------------------
 * tuple.c
 * ------------------------------------------------------------------------- */
typedef struct {
    KrVarObject ob_base;
    kr_hash hash;        /* cached; -1 until computed */
    KrObject *items[];
} KrTuple;
extern KrType kr_tuple_type;
#define KR_TUPLE_CHECK(o) kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_TUPLE_SUBCLASS)
#define KR_TUPLE_CHECK_EXACT(o) (KR_TYPE(o) == &kr_tuple_type)
#define KR_TUPLE_ITEMS(o) (((KrTuple *)(o))->items)
#define KR_TUPLE_ITEM(o, i) (((KrTuple *)(o))->items[i])
KrObject *kr_tuple_new(kr_ssize n);                 /* items NULL; fill with KR_TUPLE_ITEM() */
KrObject *kr_tuple_pack(kr_ssize n, ...);           /* borrowed args */
KrObject *kr_tuple_from_array(KrObject *const *items, kr_ssize n); /* increfs */
KrObject *kr_tuple_from_array_steal(KrObject *const *items, kr_ssize n);
KrObject *kr_tuple_from_iterable(KrObject *it);
KrObject *kr_tuple_slice(KrObject *t, kr_ssize lo, kr_ssize hi);
extern KrObject *kr_empty_tuple; /* immortal */

/* ---------------------------------------------------------------------------
 * list.c
 * ------------------------------------------------------------------------- */
typedef struct {
    KrVarObject ob_base;
    KrObject **items;
    kr_ssize allocated;
} KrList;
extern KrType kr_list_type;
#define KR_LIST_CHECK(o) kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_LIST_SUBCLASS)
#define KR_LIST_CHECK_EXACT(o) (KR_TYPE(o) == &kr_list_type)
#define KR_LIST_ITEMS(o) (((KrList *)(o))->items)
#define KR_LIST_ITEM(o, i) (((KrList *)(o))->items[i])
KrObject *kr_list_new(kr_ssize n);                   /* n NULL items: fill with KR_LIST_ITEM() */
int kr_list_append(KrObject *list, KrObject *item);  /* increfs item */
int kr_list_append_steal(KrObject *list, KrObject *item);
int kr_list_extend(KrObject *list, KrObject *iterable);
int kr_list_insert(KrObject *list, kr_ssize i, KrObject *item);
KrObject *kr_list_from_iterable(KrObject *it);
KrObject *kr_list_as_tuple(KrObject *list);
int kr_list_sort(KrObject *list, KrObject *key, bool reverse); /* stable (timsort) */
int kr_list_reverse(KrObject *list);

/* ---------------------------------------------------------------------------
 * dict.c - compact, insertion-ordered dict with a version for inline caches
 * ------------------------------------------------------------------------- */
typedef struct KrDictKeys KrDictKeys; /* private layout (dict.c) */
typedef struct {
    KR_OBJECT_HEAD;
    kr_ssize used;      /* number of items */
    uint64_t version;   /* changes on every mutation (inline caches check it) */
    KrDictKeys *keys;
} KrDict;
extern KrType kr_dict_type;
#define KR_DICT_CHECK(o) kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_DICT_SUBCLASS)
#define KR_DICT_CHECK_EXACT(o) (KR_TYPE(o) == &kr_dict_type)
KrObject *kr_dict_new(void);
/* Lookups return a BORROWED reference or NULL. _get_item raises only on errors in
 * __eq__/__hash__ (check kr_err_occurred); missing keys set no exception. */
KrObject *kr_dict_get_item(KrObject *d, KrObject *key);
KrObject *kr_dict_get_item_str(KrObject *d, const char *key);
KrObject *kr_dict_get_item_known_hash(KrObject *d, KrObject *key, kr_hash h);
int kr_dict_set_item(KrObject *d, KrObject *key, KrObject *value);    /* increfs both */
int kr_dict_set_item_str(KrObject *d, const char *key, KrObject *value);
int kr_dict_del_item(KrObject *d, KrObject *key);                     /* KeyError if missing */
int kr_dict_del_item_str(KrObject *d, const char *key);
int kr_dict_contains(KrObject *d, KrObject *key);
/* Iteration: *pos starts at 0; returns 1 with borrowed key/value, 0 at the end. */
int kr_dict_next(KrObject *d, kr_ssize *pos, KrObject **key, KrObject **value);
kr_ssize kr_dict_size(KrObject *d);
KrObject *kr_dict_copy(KrObject *d);
int kr_dict_update(KrObject *d, KrObject *other);   /* mapping or iterable of pairs */
int kr_dict_merge(KrObject *d, KrObject *other, int override); /* override 0: keep existing; 2: error on dup (for f(**a, **b)) */
KrObject *kr_dict_keys_list(KrObject *d);
KrObject *kr_dict_values_list(KrObject *d);
KrObject *kr_dict_items_list(KrObject *d);
void kr_dict_clear(KrObject *d);
KrObject *kr_dict_pop(KrObject *d, KrObject *key, KrObject *deflt); /* deflt NULL: KeyError */
KrObject *kr_dict_setdefault(KrObject *d, KrObject *key, KrObject *deflt); /* borrowed */
/* Raises KeyError(key); the key is wrapped in a 1-tuple so tuple keys survive intact. */
void kr_dict_key_error(KrObject *key);

/* ---------------------------------------------------------------------------
 * set.c - set and frozenset, iteration order identical to CPython's
 * ------------------------------------------------------------------------- */
typedef struct {
    KrObject *key;
    kr_hash hash;
} KrSetEntry;
typedef struct {
    KR_OBJECT_HEAD;
    kr_ssize fill;      /* active + dummy */
    kr_ssize used;      /* active */
    kr_ssize mask;
    KrSetEntry *table;
    kr_hash hash;       /* frozenset only */
    kr_ssize finger;
    KrSetEntry smalltable[8];
    KrObject *weakreflist;
} KrSet;
extern KrType kr_set_type, kr_frozenset_type;
#define KR_ANYSET_CHECK(o)                                                                 \
    (kr_object_type_is_sub(KR_TYPE(o), &kr_set_type) ||                                    \
     kr_object_type_is_sub(KR_TYPE(o), &kr_frozenset_type))
KrObject *kr_set_new(KrObject *iterable);       /* iterable may be NULL */
KrObject *kr_frozenset_new(KrObject *iterable);
int kr_set_add(KrObject *set, KrObject *key);
int kr_set_discard(KrObject *set, KrObject *key);  /* 1 found, 0 not, -1 err */
int kr_set_contains(KrObject *set, KrObject *key);
kr_ssize kr_set_size(KrObject *set);
int kr_set_next(KrObject *set, kr_ssize *pos, KrObject **key); /* borrowed */
int kr_set_update(KrObject *set, KrObject *iterable);

/* ---------------------------------------------------------------------------
 * range.c / slice.c / enumerate, zip, map, filter, reversed (iterobjects.c)
 * ------------------------------------------------------------------------- */
typedef struct {
    KR_OBJECT_HEAD;
    KrObject *start, *stop, *step, *length; /* ints */
} KrRange;
extern KrType kr_range_type, kr_range_iter_type, kr_longrange_iter_type;
typedef struct {
    KR_OBJECT_HEAD;
    int64_t next, step, remaining;  /* the fast iterator, used by FOR_ITER_RANGE */
} KrRangeIter;

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *start, *stop, *step;
} KrSlice;
extern KrType kr_slice_type;
KrObject *kr_slice_new(KrObject *start, KrObject *stop, KrObject *step); /* NULL = None */
/* Computes start/stop/step/slicelength for a sequence of `length`. */
int kr_slice_indices(KrObject *slice, kr_ssize length, kr_ssize *start, kr_ssize *stop,
                     kr_ssize *step, kr_ssize *slicelength);

extern KrType kr_enumerate_type, kr_zip_type, kr_map_type, kr_filter_type, kr_reversed_type;
extern KrType kr_seqiter_type, kr_calliter_type;
KrObject *kr_seqiter_new(KrObject *seq);                /* iteration via __getitem__ */
KrObject *kr_calliter_new(KrObject *callable, KrObject *sentinel);

/* Iterators of the core containers (defined with their containers). */
extern KrType kr_list_iter_type, kr_list_reverseiter_type, kr_tuple_iter_type,
    kr_str_iter_type, kr_bytes_iter_type, kr_dict_keyiter_type, kr_dict_valueiter_type,
    kr_dict_itemiter_type, kr_set_iter_type;
extern KrType kr_dict_keys_type, kr_dict_values_type, kr_dict_items_type;
extern KrType kr_dict_revkeyiter_type, kr_dict_revvalueiter_type, kr_dict_revitemiter_type;

/* ---------------------------------------------------------------------------
 * cell.c, function.c, method.c, descr.c (methods/members/getsets of C types),
 * classmethod / staticmethod / property (descrobject.c)
 * ------------------------------------------------------------------------- */
typedef struct {
    KR_OBJECT_HEAD;
    KrObject *ref; /* NULL = empty cell */
} KrCell;
extern KrType kr_cell_type;
KrObject *kr_cell_new(KrObject *value); /* value may be NULL */

typedef struct KrCode KrCode;
typedef struct {
    KR_OBJECT_HEAD;
    kr_vectorcallfunc vectorcall;
    KrObject *code;        /* KrCode */
    KrObject *globals;     /* dict */
    KrObject *builtins;    /* dict */
    KrObject *name;        /* str */
    KrObject *qualname;    /* str */
    KrObject *defaults;    /* tuple or NULL */
    KrObject *kwdefaults;  /* dict or NULL */
    KrObject *closure;     /* tuple of cells or NULL */
    KrObject *doc;
    KrObject *dict;        /* __dict__ or NULL */
    KrObject *module;      /* __module__ */
    KrObject *annotations; /* dict or NULL */
    KrObject *type_params; /* tuple or NULL */
    KrObject *weakreflist;
    uint32_t func_version; /* for call specialisation / JIT guards; 0 = none */
} KrFunction;
extern KrType kr_function_type;
KrObject *kr_function_new(KrObject *code, KrObject *globals, KrObject *qualname);

typedef struct {
    KR_OBJECT_HEAD;
    kr_vectorcallfunc vectorcall;
    KrObject *func;
    KrObject *self;
    KrObject *weakreflist;
} KrMethod;
extern KrType kr_method_type;
KrObject *kr_method_new(KrObject *func, KrObject *self);

/* A C function or bound C method (builtins like len, and `[].append`). */
typedef struct {
    KR_OBJECT_HEAD;
    kr_vectorcallfunc vectorcall;
    KrMethodDef *def;
    KrObject *self;    /* bound object or module, may be NULL */
    KrObject *module;  /* __module__ str or NULL */
    KrObject *weakreflist;
} KrCFunction;
extern KrType kr_cfunction_type;
KrObject *kr_cfunction_new(KrMethodDef *def, KrObject *self, KrObject *module);

/* Descriptors created from a C type's tp_methods / tp_members / tp_getset. */
typedef struct {
    KR_OBJECT_HEAD;
    KrType *type;
    KrObject *name;
    void *def; /* KrMethodDef* / KrMemberDef* / KrGetSetDef* */
    kr_vectorcallfunc vectorcall;
} KrDescr;
extern KrType kr_method_descr_type, kr_classmethod_descr_type, kr_member_descr_type,
    kr_getset_descr_type, kr_wrapper_descr_type, kr_method_wrapper_type;
KrObject *kr_descr_new_method(KrType *t, KrMethodDef *def);
KrObject *kr_descr_new_classmethod(KrType *t, KrMethodDef *def);
KrObject *kr_descr_new_member(KrType *t, KrMemberDef *def);
KrObject *kr_descr_new_getset(KrType *t, KrGetSetDef *def);

extern KrType kr_classmethod_type, kr_staticmethod_type, kr_property_type;

/* ---------------------------------------------------------------------------
 * module.c
 * ------------------------------------------------------------------------- */
typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict;
    KrObject *name;
    KrObject *weakreflist;
    void *state; /* C module state, if any */
} KrModule;
extern KrType kr_module_type;
KrObject *kr_module_new(KrObject *name);            /* sets __name__, __doc__=None etc. */
KrObject *kr_module_new_cstr(const char *name);
KrObject *kr_module_get_dict(KrObject *m);          /* borrowed */
int kr_module_add_object(KrObject *m, const char *name, KrObject *value); /* steals value */
int kr_module_add_functions(KrObject *m, KrMethodDef *defs);
void kr_module_clear_dict(KrObject *dict); /* shutdown: globals -> None, CPython's order */

/* structseq.c - named tuples of the runtime (sys.version_info, sys.float_info) */
KrType *kr_structseq_new_type(const char *name, const char *const *fields, const char *doc);
KrObject *kr_structseq_new(KrType *t, KrObject **values, kr_ssize n); /* steals values */

/* namespace.c - types.SimpleNamespace */
extern KrType kr_namespace_type;
KrObject *kr_namespace_new(KrObject *attrs); /* attrs: dict (borrowed) or NULL */

/* fileio.c - file objects (open(), sys.stdin/stdout/stderr) */
extern KrType kr_textio_type, kr_bufferedio_type;
KrObject *kr_io_open(KrObject *const *args, kr_ssize nargs, KrObject *kwnames); /* builtins.open */
KrObject *kr_io_file_from_fd(int fd, const char *mode, const char *name);

/* ---------------------------------------------------------------------------
 * exceptions.c - the built-in exception hierarchy
 * ------------------------------------------------------------------------- */
typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict;
    KrObject *args;          /* tuple */
    KrObject *notes;         /* list or NULL */
    KrObject *traceback;     /* KrTraceback or NULL */
    KrObject *context;       /* __context__ */
    KrObject *cause;         /* __cause__ */
    char suppress_context;
    KrObject *weakreflist;
} KrBaseException;
typedef struct {
    KrBaseException base;
    KrObject *value;         /* StopIteration.value */
} KrStopIteration;
typedef struct {
    KrBaseException base;
    KrObject *code;          /* SystemExit.code */
} KrSystemExit;
typedef struct {
    KrBaseException base;
    KrObject *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset,
        *print_file_and_line;
} KrSyntaxError;
typedef struct {
    KrBaseException base;
    KrObject *msg, *name, *path, *name_from;
} KrImportError;
typedef struct {
    KrBaseException base;
    KrObject *name, *obj;
} KrAttributeError;
typedef struct {
    KrBaseException base;
    KrObject *name;
} KrNameError;
typedef struct {
    KrBaseException base;
    KrObject *myerrno, *strerror, *filename, *filename2;
    kr_ssize written;
} KrOSError;
typedef struct {
    KrBaseException base;
    KrObject *encoding, *object;
    kr_ssize start, end;
    KrObject *reason;
} KrUnicodeError;
typedef struct {
    KrBaseException base;
    KrObject *msg;
    KrObject *excs; /* tuple */
} KrBaseExceptionGroup;

#define KR_EXC_CHECK(o) kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_BASE_EXC_SUBCLASS)
#define KR_EXC_TYPE_CHECK(o)                                                               \
    (KR_TYPE_CHECK(o) && kr_type_has_flag((KrType *)(o), KR_TPFLAGS_BASE_EXC_SUBCLASS))

/* X-macro of the built-in exception types: (C name, Python name, base C name, layout)
 * Order matters: bases come before subclasses. */
#define KR_EXCEPTION_LIST(X)                                                               \
    X(BaseException, "BaseException", object, KrBaseException)                            \
    X(BaseExceptionGroup, "BaseExceptionGroup", BaseException, KrBaseExceptionGroup)       \
    X(SystemExit, "SystemExit", BaseException, KrSystemExit)                               \
    X(KeyboardInterrupt, "KeyboardInterrupt", BaseException, KrBaseException)              \
    X(GeneratorExit, "GeneratorExit", BaseException, KrBaseException)                      \
    X(Exception, "Exception", BaseException, KrBaseException)                              \
    X(ArithmeticError, "ArithmeticError", Exception, KrBaseException)                      \
    X(FloatingPointError, "FloatingPointError", ArithmeticError, KrBaseException)          \
    X(OverflowError, "OverflowError", ArithmeticError, KrBaseException)                    \
    X(ZeroDivisionError, "ZeroDivisionError", ArithmeticError, KrBaseException)            \
    X(AssertionError, "AssertionError", Exception, KrBaseException)                        \
    X(AttributeError, "AttributeError", Exception, KrAttributeError)                       \
    X(BufferError, "BufferError", Exception, KrBaseException)                              \
    X(EOFError, "EOFError", Exception, KrBaseException)                                    \
    X(ExceptionGroup, "ExceptionGroup", BaseExceptionGroup, KrBaseExceptionGroup)          \
    X(ImportError, "ImportError", Exception, KrImportError)                                \
    X(ModuleNotFoundError, "ModuleNotFoundError", ImportError, KrImportError)              \
    X(LookupError, "LookupError", Exception, KrBaseException)                              \
    X(IndexError, "IndexError", LookupError, KrBaseException)                              \
    X(KeyError, "KeyError", LookupError, KrBaseException)                                  \
    X(MemoryError, "MemoryError", Exception, KrBaseException)                              \
    X(NameError, "NameError", Exception, KrNameError)                                      \
    X(UnboundLocalError, "UnboundLocalError", NameError, KrNameError)                      \
    X(OSError, "OSError", Exception, KrOSError)                                            \
    X(BlockingIOError, "BlockingIOError", OSError, KrOSError)                              \
    X(ChildProcessError, "ChildProcessError", OSError, KrOSError)                          \
    X(ConnectionError, "ConnectionError", OSError, KrOSError)                              \
    X(BrokenPipeError, "BrokenPipeError", ConnectionError, KrOSError)                      \
    X(ConnectionAbortedError, "ConnectionAbortedError", ConnectionError, KrOSError)        \
    X(ConnectionRefusedError, "ConnectionRefusedError", ConnectionError, KrOSError)        \
    X(ConnectionResetError, "ConnectionResetError", ConnectionError, KrOSError)            \
    X(FileExistsError, "FileExistsError", OSError, KrOSError)                              \
    X(FileNotFoundError, "FileNotFoundError", OSError, KrOSError)                          \
    X(InterruptedError, "InterruptedError", OSError, KrOSError)                            \
    X(IsADirectoryError, "IsADirectoryError", OSError, KrOSError)                          \
    X(NotADirectoryError, "NotADirectoryError", OSError, KrOSError)                        \
    X(PermissionError, "PermissionError", OSError, KrOSError)                              \
    X(ProcessLookupError, "ProcessLookupError", OSError, KrOSError)                        \
    X(TimeoutError, "TimeoutError", OSError, KrOSError)                                    \
    X(ReferenceError, "ReferenceError", Exception, KrBaseException)                        \
    X(RuntimeError, "RuntimeError", Exception, KrBaseException)                            \
    X(NotImplementedError, "NotImplementedError", RuntimeError, KrBaseException)           \
    X(RecursionError, "RecursionError", RuntimeError, KrBaseException)                     \
    X(StopAsyncIteration, "StopAsyncIteration", Exception, KrBaseException)                \
    X(StopIteration, "StopIteration", Exception, KrStopIteration)                          \
    X(SyntaxError, "SyntaxError", Exception, KrSyntaxError)                                \
    X(IndentationError, "IndentationError", SyntaxError, KrSyntaxError)                    \
    X(TabError, "TabError", IndentationError, KrSyntaxError)                               \
    X(SystemError, "SystemError", Exception, KrBaseException)                              \
    X(TypeError, "TypeError", Exception, KrBaseException)                                  \
    X(ValueError, "ValueError", Exception, KrBaseException)                                \
    X(UnicodeError, "UnicodeError", ValueError, KrBaseException)                           \
    X(UnicodeDecodeError, "UnicodeDecodeError", UnicodeError, KrUnicodeError)              \
    X(UnicodeEncodeError, "UnicodeEncodeError", UnicodeError, KrUnicodeError)              \
    X(UnicodeTranslateError, "UnicodeTranslateError", UnicodeError, KrUnicodeError)        \
    X(Warning, "Warning", Exception, KrBaseException)                                      \
    X(BytesWarning, "BytesWarning", Warning, KrBaseException)                              \
    X(DeprecationWarning, "DeprecationWarning", Warning, KrBaseException)                  \
    X(EncodingWarning, "EncodingWarning", Warning, KrBaseException)                        \
    X(FutureWarning, "FutureWarning", Warning, KrBaseException)                            \
    X(ImportWarning, "ImportWarning", Warning, KrBaseException)                            \
    X(PendingDeprecationWarning, "PendingDeprecationWarning", Warning, KrBaseException)    \
    X(ResourceWarning, "ResourceWarning", Warning, KrBaseException)                        \
    X(RuntimeWarning, "RuntimeWarning", Warning, KrBaseException)                          \
    X(SyntaxWarning, "SyntaxWarning", Warning, KrBaseException)                            \
    X(UnicodeWarning, "UnicodeWarning", Warning, KrBaseException)                          \
    X(UserWarning, "UserWarning", Warning, KrBaseException)

/* Each exception type is reachable as kr_exc_<Name> (a KrType*). */
#define KR_DECLARE_EXC(cname, pyname, base, layout) extern KrType *kr_exc_##cname;
KR_EXCEPTION_LIST(KR_DECLARE_EXC)
#undef KR_DECLARE_EXC
int kr_exceptions_init(void);
/* Creates an exception instance: type(*args). */
KrObject *kr_exception_new(KrType *type, KrObject *args_tuple);
KrObject *kr_exception_get_args(KrObject *exc); /* borrowed */
KrObject *kr_exception_get_context(KrObject *exc);   /* borrowed or NULL */
KrObject *kr_exception_get_cause(KrObject *exc);     /* borrowed or NULL */
KrObject *kr_exception_get_traceback(KrObject *exc); /* borrowed or NULL */
void kr_exception_set_context(KrObject *exc, KrObject *ctx); /* steals ctx (may be NULL) */
void kr_exception_set_cause(KrObject *exc, KrObject *cause); /* steals; sets __suppress_context__ */
void kr_exception_set_traceback(KrObject *exc, KrObject *tb); /* borrowed tb (may be NULL) */
/* ExceptionGroup.split(matcher) for except*: on success *match and *rest are new refs or NULL */
int kr_exception_group_split(KrObject *eg, KrObject *matcher_type, KrObject **match, KrObject **rest);

/* ---------------------------------------------------------------------------
 * gc.c / weakref.c - the cyclic garbage collector and weak references
 * ------------------------------------------------------------------------- */
/* Runs a collection of generations 0..generation (2 = full); returns the number of
 * unreachable objects found. Returns 0 at once while a collection is running. */
kr_ssize kr_gc_collect(int generation);
bool kr_gc_is_finalized(KrObject *o); /* tp_finalize has run on o (PEP 442) */
/* For tp_dealloc of types with tp_finalize: runs the finaliser unless it already ran
 * (the collector may have called it). Returns -1 if the finaliser resurrected the
 * object: the dealloc must stop there. Returns 0 otherwise (o then carries one
 * leftover reference, irrelevant since o is being freed). */
int kr_gc_call_finalizer_from_dealloc(KrObject *o);
/* Interpreter shutdown, after the atexit callbacks and before the standard streams
 * are flushed: clears __main__'s globals (kr_module_clear_dict) and runs a full
 * collection, so objects left at exit get their __del__ / weakref callbacks. */
void kr_gc_fini(void);

/* A weak reference (weakref.ref and subclasses, proxies). Objects of types with a
 * tp_weaklistoffset keep a KrObject* there: the head of the doubly linked list of the
 * weak references to them (basic refs without callback first). */
typedef struct KrWeakRef {
    KR_OBJECT_HEAD;
    KrObject *wr_object;   /* the referent (not owned), NULL once dead */
    KrObject *wr_callback; /* owned, or NULL */
    kr_hash hash;          /* cached hash of the referent, -1 until computed */
    struct KrWeakRef *wr_prev, *wr_next;
    kr_vectorcallfunc vectorcall;
} KrWeakRef;
extern KrType kr_weakref_ref_type, kr_weakref_proxy_type, kr_weakref_callable_proxy_type;
int kr_weakref_types_init(void); /* kr_type_ready on the three types */
bool kr_weakref_check(KrObject *o); /* a ref (or subclass) or a proxy */
/* weakref.ref(o, callback) / weakref.proxy(o, callback); callback may be NULL. */
KrObject *kr_weakref_new_ref(KrObject *o, KrObject *callback);
KrObject *kr_weakref_new_proxy(KrObject *o, KrObject *callback);
KrObject *kr_weakref_get_object(KrObject *ref); /* borrowed referent or NULL if dead */
/* Called from tp_dealloc of every type with tp_weaklistoffset (the object's count is
 * 0): clears the weak references to o and runs their callbacks, newest first. */
void kr_weakref_clear_all(KrObject *o);
/* For the collector: detaches one weakref from its referent without calling its
 * callback; whether it has one; calls it (errors go to the unraisable hook). */
void kr_weakref_clear_ref(KrObject *ref);
bool kr_weakref_has_callback(KrObject *ref);
void kr_weakref_run_callback(KrObject *ref);
kr_ssize kr_weakref_count(KrObject *o);   /* weakref.getweakrefcount */
KrObject *kr_weakref_list(KrObject *o);   /* weakref.getweakrefs: new list */

/* ---------------------------------------------------------------------------
 * Helpers shared by many types
 * ------------------------------------------------------------------------- */
static inline bool kr_object_type_is_sub(KrType *t, KrType *base) {
    return t == base || kr_type_is_subtype(t, base);
}
#define KR_TYPE_IS(o, t) kr_object_type_is_sub(KR_TYPE(o), (t))

/* Argument parsing for C functions (getargs.c). Format characters:
 *   O object (borrowed)    i int       n kr_ssize   d double   s UTF-8 const char*
 *   U str object           p bool(int) L int64_t
 *   |  optional from here  $ keyword-only from here
 * e.g. kr_arg_parse(args, nargs, kwnames, "O|n$p:pop", kwlist, &a, &n, &flag)
 * `kwlist` is a NULL-terminated array of parameter names ("" = positional-only). The
 * name after ':' is the function name used in error messages. */
int kr_arg_parse(KrObject *const *args, kr_ssize nargs, KrObject *kwnames, const char *format,
                 const char *const *kwlist, ...);
int kr_arg_no_kwargs(const char *funcname, KrObject *kwnames);
int kr_arg_check_positional(const char *name, kr_ssize nargs, kr_ssize min, kr_ssize max);

#endif /* KR_TYPES_H */
