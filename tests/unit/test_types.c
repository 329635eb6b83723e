/* test_types.c - unit tests of the type machinery: classes built with
 * kr_type_new_from_ns, C3 MRO of diamond hierarchies (expectations from CPython
 * 3.11), MRO and layout errors, slot wrappers on C types, __slots__ layouts, version
 * tags and the method cache, and argument parsing messages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "krait.h"

static KrObject *S(const char *s) { return kr_str_intern_cstr(s); }

/* class <name>(*bases) with namespace items given as name/value pairs */
static KrObject *make_class(const char *name, KrObject *bases, KrObject *ns) {
    KrObject *n = kr_str_from_cstr(name);
    assert_non_null(n);
    KrObject *b = bases ? bases : kr_empty_tuple;
    KrObject *d = ns ? KR_NEWREF(ns) : kr_dict_new();
    assert_non_null(d);
    KrObject *cls = kr_type_new_from_ns(&kr_type_type, n, b, d, NULL);
    KR_DECREF(n);
    KR_DECREF(d);
    return cls;
}

static void assert_error(const char *type_name, const char *msg) {
    KrObject *exc = kr_err_fetch();
    assert_non_null(exc);
    assert_string_equal(kr_type_name_cstr(KR_TYPE(exc)), type_name);
    KrObject *s = kr_object_str(exc);
    assert_non_null(s);
    assert_string_equal(kr_str_data(s), msg);
    KR_DECREF(s);
    KR_DECREF(exc);
}

/* The __name__s of cls.__mro__ joined with spaces. */
static void assert_mro(KrObject *cls, const char *expected) {
    char buf[512] = "";
    KrObject *mro = ((KrType *)cls)->tp_mro;
    assert_non_null(mro);
    for (kr_ssize i = 0; i < KR_SIZE(mro); i++) {
        if (i) strcat(buf, " ");
        strcat(buf, kr_type_name_cstr((KrType *)KR_TUPLE_ITEM(mro, i)));
    }
    assert_string_equal(buf, expected);
}

static void test_class_from_ns(void **state) {
    KrObject *ns = kr_dict_new();
    KrObject *one = kr_int_from_i64(1);
    assert_int_equal(kr_dict_set_item_str(ns, "a", one), 0);
    KrObject *mod = kr_str_from_cstr("mymod");
    assert_int_equal(kr_dict_set_item_str(ns, "__module__", mod), 0);
    KrObject *cls = make_class("Foo", NULL, ns);
    assert_non_null(cls);
    assert_true(KR_TYPE_CHECK(cls));
    assert_string_equal(kr_type_name_cstr((KrType *)cls), "Foo");
    KrObject *a = kr_object_getattr(cls, S("a"));
    assert_ptr_equal(a, one);
    KR_DECREF(a);
    /* instances get a __dict__ and the default repr */
    KrObject *inst = kr_call_noargs(cls);
    assert_non_null(inst);
    assert_ptr_equal(KR_TYPE(inst), (KrType *)cls);
    KrObject *two = kr_int_from_i64(2);
    assert_int_equal(kr_object_setattr(inst, S("b"), two), 0);
    KrObject *b = kr_object_getattr(inst, S("b"));
    assert_ptr_equal(b, two);
    KR_DECREF(b);
    KrObject *r = kr_object_repr(inst);
    assert_non_null(r);
    assert_memory_equal(kr_str_data(r), "<mymod.Foo object at 0x", 23);
    KR_DECREF(r);
    r = kr_object_repr(cls);
    assert_string_equal(kr_str_data(r), "<class 'mymod.Foo'>");
    KR_DECREF(r);
    /* missing attributes raise CPython's message */
    assert_null(kr_object_getattr(inst, S("zz")));
    assert_error("AttributeError", "'Foo' object has no attribute 'zz'");
    assert_int_equal(kr_object_hasattr(inst, S("zz")), 0);
    assert_null(kr_err_occurred());
    /* Foo() takes no arguments */
    KrObject *arg = one;
    assert_null(kr_vectorcall(cls, &arg, 1, NULL));
    assert_error("TypeError", "Foo() takes no arguments");
    KR_DECREF(inst);
    KR_DECREF(cls);
    KR_DECREF(ns);
    KR_DECREF(mod);
    KR_DECREF(two);
}

static void test_mro_diamond(void **state) {
    KrObject *A = make_class("A", NULL, NULL);
    KrObject *b = kr_tuple_pack(1, A);
    KrObject *B = make_class("B", b, NULL);
    KrObject *C = make_class("C", b, NULL);
    KrObject *bc = kr_tuple_pack(2, B, C);
    KrObject *D = make_class("D", bc, NULL);
    assert_non_null(D);
    assert_mro(D, "D B C A object");
    KrObject *E = make_class("E", NULL, NULL);
    KrObject *de = kr_tuple_pack(2, D, E);
    KrObject *F = make_class("F", de, NULL);
    assert_mro(F, "F D B C A E object");
    assert_int_equal(kr_type_is_subtype((KrType *)F, (KrType *)A), 1);
    assert_int_equal(kr_type_is_subtype((KrType *)A, (KrType *)F), 0);
    /* (A, B) with B(A): no consistent order */
    KrObject *ab = kr_tuple_pack(2, A, B);
    assert_null(make_class("Z", ab, NULL));
    assert_error("TypeError",
                 "Cannot create a consistent method resolution\norder (MRO) for bases A, B");
    KrObject *aa = kr_tuple_pack(2, A, A);
    assert_null(make_class("Z", aa, NULL));
    assert_error("TypeError", "duplicate base class A");
    KR_DECREF(aa);
    KR_DECREF(ab);
    KR_DECREF(F);
    KR_DECREF(de);
    KR_DECREF(E);
    KR_DECREF(D);
    KR_DECREF(bc);
    KR_DECREF(C);
    KR_DECREF(B);
    KR_DECREF(b);
    KR_DECREF(A);
}

/* The classic example from the C3 paper, as CPython linearises it. */
static void test_mro_c3_example(void **state) {
    KrObject *O = make_class("O", NULL, NULL);
    KrObject *ob = kr_tuple_pack(1, O);
    KrObject *A = make_class("A", ob, NULL), *B = make_class("B", ob, NULL),
             *C = make_class("C", ob, NULL), *D = make_class("D", ob, NULL),
             *E = make_class("E", ob, NULL);
    KrObject *t1 = kr_tuple_pack(3, A, B, C), *t2 = kr_tuple_pack(3, D, B, E),
             *t3 = kr_tuple_pack(2, D, A);
    KrObject *K1 = make_class("K1", t1, NULL), *K2 = make_class("K2", t2, NULL),
             *K3 = make_class("K3", t3, NULL);
    KrObject *t4 = kr_tuple_pack(3, K1, K2, K3);
    KrObject *Z = make_class("Z", t4, NULL);
    assert_non_null(Z);
    assert_mro(Z, "Z K1 K2 K3 D A B C E O object");
    KrObject *all[] = {Z, t4, K3, K2, K1, t3, t2, t1, E, D, C, B, A, ob, O};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        KR_DECREF(all[i]);
}

static void test_layout_conflicts(void **state) {
    KrObject *b = kr_tuple_pack(2, (KrObject *)&kr_int_type, (KrObject *)&kr_str_type);
    assert_null(make_class("X", b, NULL));
    assert_error("TypeError", "multiple bases have instance lay-out conflict");
    KR_DECREF(b);
    b = kr_tuple_pack(1, (KrObject *)&kr_bool_type);
    assert_null(make_class("X", b, NULL));
    assert_error("TypeError", "type 'bool' is not an acceptable base type");
    KR_DECREF(b);
}

static void test_slots_layout(void **state) {
    KrObject *ns = kr_dict_new();
    KrObject *slots = kr_tuple_pack(2, S("b"), S("a"));
    assert_int_equal(kr_dict_set_item_str(ns, "__slots__", slots), 0);
    KrObject *cls = make_class("Sl", NULL, ns);
    assert_non_null(cls);
    KrType *t = (KrType *)cls;
    assert_int_equal(t->tp_dictoffset, 0);
    assert_int_equal(t->tp_weaklistoffset, 0);
    assert_int_equal(t->tp_basicsize, (kr_ssize)(sizeof(KrObject) + 2 * sizeof(KrObject *)));
    KrObject *da = kr_dict_get_item_str(t->tp_dict, "a");
    assert_non_null(da);
    assert_ptr_equal(KR_TYPE(da), &kr_member_descr_type);
    KrObject *inst = kr_call_noargs(cls);
    assert_null(kr_object_getattr(inst, S("a")));
    assert_error("AttributeError", "'Sl' object has no attribute 'a'");
    KrObject *v = kr_int_from_i64(5);
    assert_int_equal(kr_object_setattr(inst, S("a"), v), 0);
    KrObject *got = kr_object_getattr(inst, S("a"));
    assert_ptr_equal(got, v);
    KR_DECREF(got);
    assert_int_equal(kr_object_setattr(inst, S("c"), v), -1);
    assert_error("AttributeError", "'Sl' object has no attribute 'c'");
    KR_DECREF(v);
    KR_DECREF(inst);
    KR_DECREF(cls);
    KR_DECREF(slots);
    KR_DECREF(ns);
}

static void test_slot_wrappers(void **state) {
    KrObject *add = kr_dict_get_item_str(kr_int_type.tp_dict, "__add__");
    assert_non_null(add);
    assert_ptr_equal(KR_TYPE(add), &kr_wrapper_descr_type);
    KrObject *r = kr_object_repr(add);
    assert_string_equal(kr_str_data(r), "<slot wrapper '__add__' of 'int' objects>");
    KR_DECREF(r);
    KrObject *one = kr_int_from_i64(1), *two = kr_int_from_i64(2);
    KrObject *three = kr_call_method(one, "__add__", &two, 1);
    assert_non_null(three);
    assert_int_equal(kr_int_as_i64(three), 3);
    KR_DECREF(three);
    KrObject *args[2] = {one, two};
    three = kr_vectorcall(add, args, 2, NULL);
    assert_int_equal(kr_int_as_i64(three), 3);
    KR_DECREF(three);
    assert_non_null(kr_dict_get_item_str(kr_list_type.tp_dict, "__len__"));
    assert_ptr_equal(kr_dict_get_item_str(kr_list_type.tp_dict, "__hash__"), kr_none);
    KrObject *append = kr_dict_get_item_str(kr_list_type.tp_dict, "append");
    assert_ptr_equal(KR_TYPE(append), &kr_method_descr_type);
    /* list.append(l, x) called through the descriptor */
    KrObject *l = kr_list_new(0);
    KrObject *largs[2] = {l, one};
    KrObject *none = kr_vectorcall(append, largs, 2, NULL);
    assert_ptr_equal(none, kr_none);
    assert_int_equal(KR_SIZE(l), 1);
    assert_null(kr_vectorcall(append, largs, 1, NULL));
    assert_error("TypeError", "list.append() takes exactly one argument (0 given)");
    KR_DECREF(l);
    KR_DECREF(one);
    KR_DECREF(two);
}

static void test_version_tags(void **state) {
    KrObject *A = make_class("VA", NULL, NULL);
    KrObject *b = kr_tuple_pack(1, A);
    KrObject *B = make_class("VB", b, NULL);
    uint32_t va = kr_type_get_version((KrType *)A), vb = kr_type_get_version((KrType *)B);
    assert_int_not_equal(va, 0);
    assert_int_not_equal(vb, 0);
    assert_int_equal(kr_type_get_version((KrType *)A), va);
    /* the cache sees modifications of a base through the subclass */
    assert_null(kr_type_lookup((KrType *)B, S("x")));
    KrObject *v = kr_int_from_i64(7);
    assert_int_equal(kr_object_setattr(A, S("x"), v), 0);
    assert_ptr_equal(kr_type_lookup((KrType *)B, S("x")), v);
    uint32_t va2 = kr_type_get_version((KrType *)A), vb2 = kr_type_get_version((KrType *)B);
    assert_int_not_equal(va2, va);
    assert_int_not_equal(vb2, vb);
    assert_int_not_equal(va2, 0);
    /* static types are immutable */
    assert_int_equal(kr_object_setattr((KrObject *)&kr_int_type, S("x"), v), -1);
    assert_error("TypeError", "cannot set 'x' attribute of immutable type 'int'");
    KR_DECREF(v);
    KR_DECREF(B);
    KR_DECREF(b);
    KR_DECREF(A);
}

static void test_getargs(void **state) {
    static const char *const kwlist[] = {"x", "y", NULL};
    KrObject *o = NULL, *p = NULL;
    KrObject *one = kr_int_from_i64(1), *s = kr_str_from_cstr("s");
    KrObject *args[3] = {one, one, one};
    assert_int_equal(kr_arg_parse(args, 0, NULL, "O|O:f", kwlist, &o, &p), -1);
    assert_error("TypeError", "f() missing required argument 'x' (pos 1)");
    assert_int_equal(kr_arg_parse(args, 3, NULL, "O|O:f", kwlist, &o, &p), -1);
    assert_error("TypeError", "f() takes at most 2 arguments (3 given)");
    KrObject *kw = kr_tuple_pack(1, S("x"));
    assert_int_equal(kr_arg_parse(args, 1, kw, "O|O:f", kwlist, &o, &p), -1);
    assert_error("TypeError", "argument for f() given by name ('x') and position (1)");
    KR_DECREF(kw);
    kw = kr_tuple_pack(1, S("z"));
    assert_int_equal(kr_arg_parse(args, 1, kw, "O|O:f", kwlist, &o, &p), -1);
    assert_error("TypeError", "'z' is an invalid keyword argument for f()");
    KR_DECREF(kw);
    KrObject *u = NULL;
    assert_int_equal(kr_arg_parse(args, 1, NULL, "U:f", kwlist, &u), -1);
    assert_error("TypeError", "f() argument 1 must be str, not int");
    KrObject *sargs[1] = {s};
    assert_int_equal(kr_arg_parse(sargs, 1, NULL, "U:f", kwlist, &u), 0);
    assert_ptr_equal(u, s);
    assert_int_equal(kr_arg_check_positional("getattr", 1, 2, 3), -1);
    assert_error("TypeError", "getattr expected at least 2 arguments, got 1");
    KR_DECREF(one);
    KR_DECREF(s);
}

static int setup(void **state) {
    char *argv[] = {"test_types", NULL};
    return kr_runtime_init(1, argv) < 0 ? -1 : 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_class_from_ns),  cmocka_unit_test(test_mro_diamond),
        cmocka_unit_test(test_mro_c3_example), cmocka_unit_test(test_layout_conflicts),
        cmocka_unit_test(test_slots_layout),   cmocka_unit_test(test_slot_wrappers),
        cmocka_unit_test(test_version_tags),   cmocka_unit_test(test_getargs),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
