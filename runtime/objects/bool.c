/* bool.c - the bool type: a final subclass of int with the immortal singletons True
 * and False. Only &, | and ^ differ from int (bool operands give a bool). */
#include "numbers.h"

static KrInt true_struct = {.ob_base = KR_STATIC_OBJECT_INIT(&kr_bool_type), .value = 1};
static KrInt false_struct = {.ob_base = KR_STATIC_OBJECT_INIT(&kr_bool_type), .value = 0};
KrObject *kr_true = (KrObject *)&true_struct;
KrObject *kr_false = (KrObject *)&false_struct;

static KrObject *bool_repr(KrObject *o) {
    return kr_str_intern_cstr(o == kr_true ? "True" : "False");
}

static KrObject *bool_new(KrType *type, KrObject *args, KrObject *kwargs) {
    if (kwargs && kr_dict_size(kwargs) > 0)
        return kr_err_format(kr_exc_TypeError, "bool() takes no keyword arguments");
    kr_ssize n = args ? KR_SIZE(args) : 0;
    if (n > 1)
        return kr_err_format(kr_exc_TypeError, "bool expected at most 1 argument, got %zd", n);
    if (n == 0) return kr_false;
    int t = kr_object_is_true(KR_TUPLE_ITEM(args, 0));
    if (t < 0) return NULL;
    return kr_bool_new(t);
}

static KrObject *bool_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                                 KrObject *kwnames) {
    kr_ssize n = kr_vectorcall_nargs(nargsf);
    if (kwnames && KR_SIZE(kwnames) > 0)
        return kr_err_format(kr_exc_TypeError, "bool() takes no keyword arguments");
    if (n > 1)
        return kr_err_format(kr_exc_TypeError, "bool expected at most 1 argument, got %zd", n);
    if (n == 0) return kr_false;
    int t = kr_object_is_true(args[0]);
    if (t < 0) return NULL;
    return kr_bool_new(t);
}

#define BOTH_BOOL(a, b) (KR_TYPE(a) == &kr_bool_type && KR_TYPE(b) == &kr_bool_type)

static KrObject *bool_and(KrObject *a, KrObject *b) {
    if (BOTH_BOOL(a, b)) return kr_bool_new(a == kr_true && b == kr_true);
    return kr_int_and(a, b);
}

static KrObject *bool_or(KrObject *a, KrObject *b) {
    if (BOTH_BOOL(a, b)) return kr_bool_new(a == kr_true || b == kr_true);
    return kr_int_or(a, b);
}

static KrObject *bool_xor(KrObject *a, KrObject *b) {
    if (BOTH_BOOL(a, b)) return kr_bool_new((a == kr_true) != (b == kr_true));
    return kr_int_xor(a, b);
}

static KrObject *bool_invert(KrObject *a) {
    /* 3.12 deprecates ~bool but still returns the int result */
    return kr_int_from_i64(a == kr_true ? -2 : -1);
}

static KrNumberMethods bool_as_number; /* int's slots with the bitwise ones replaced */

static int bool_init_slots(void) {
    bool_as_number = kr_int_as_number;
    bool_as_number.nb_and = bool_and;
    bool_as_number.nb_or = bool_or;
    bool_as_number.nb_xor = bool_xor;
    bool_as_number.nb_invert = bool_invert;
    return 0;
}

/* The number table is copied from int's before bool is readied: a constructor
 * keeps that independent of the start-up order. */
__attribute__((constructor)) static void bool_setup(void) { bool_init_slots(); }

KrType kr_bool_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "bool",
    .tp_basicsize = sizeof(KrInt),
    .tp_vectorcall = bool_vectorcall,
    .tp_repr = bool_repr,
    .tp_str = bool_repr,
    .tp_as_number = &bool_as_number,
    .tp_hash = kr_int_hash,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_LONG_SUBCLASS | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\nThe "
              "builtins True and False are the only two instances of the class bool.\nThe class "
              "bool is a subclass of the class int, and cannot be subclassed.",
    .tp_richcompare = kr_int_richcompare,
    .tp_base = &kr_int_type,
    .tp_new = bool_new,
};
