/* test_dict.c - unit tests of the compact dict: insertion, lookup and deletion with
 * int and str keys, growth, insertion order across deletions and re-insertions,
 * popitem, copy/merge, KeyError payloads and the version tag the inline caches
 * depend on. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <cmocka.h>

#include "krait.h"

static KrObject *I(int64_t v) {
    KrObject *o = kr_int_from_i64(v);
    assert_non_null(o);
    return o;
}

static int64_t V(KrObject *o) {
    int64_t v = kr_int_as_i64(o);
    assert_null(kr_err_occurred());
    return v;
}

static void set_ii(KrObject *d, int64_t k, int64_t v) {
    KrObject *ko = I(k), *vo = I(v);
    assert_int_equal(kr_dict_set_item(d, ko, vo), 0);
    KR_DECREF(ko);
    KR_DECREF(vo);
}

static KrObject *get_i(KrObject *d, int64_t k) {
    KrObject *ko = I(k);
    KrObject *v = kr_dict_get_item(d, ko);
    KR_DECREF(ko);
    assert_null(kr_err_occurred());
    return v;
}

static void test_int_keys(void **state) {
    KrObject *d = kr_dict_new();
    for (int i = 0; i < 1000; i++)
        set_ii(d, i, i * 10);
    assert_int_equal(kr_dict_size(d), 1000);
    for (int i = 0; i < 1000; i++)
        assert_int_equal(V(get_i(d, i)), i * 10);
    assert_null(get_i(d, 1000));
    /* overwrite keeps the size and the position */
    set_ii(d, 5, -1);
    assert_int_equal(kr_dict_size(d), 1000);
    assert_int_equal(V(get_i(d, 5)), -1);
    /* delete the evens */
    for (int i = 0; i < 1000; i += 2) {
        KrObject *k = I(i);
        assert_int_equal(kr_dict_del_item(d, k), 0);
        KR_DECREF(k);
    }
    assert_int_equal(kr_dict_size(d), 500);
    for (int i = 0; i < 1000; i++) {
        KrObject *v = get_i(d, i);
        if (i % 2)
            assert_non_null(v);
        else
            assert_null(v);
    }
    /* re-insert 0 and 2: they go to the end, in that order */
    set_ii(d, 2, 2);
    set_ii(d, 0, 0);
    kr_ssize pos = 0;
    KrObject *k, *v;
    int64_t expect = 1;
    int n = 0;
    while (kr_dict_next(d, &pos, &k, &v)) {
        if (n < 500) {
            assert_int_equal(V(k), expect);
            expect += 2;
        } else if (n == 500) {
            assert_int_equal(V(k), 2);
        } else {
            assert_int_equal(V(k), 0);
        }
        n++;
    }
    assert_int_equal(n, 502);
    KR_DECREF(d);
}

static void test_str_keys(void **state) {
    KrObject *d = kr_dict_new();
    char buf[32];
    for (int i = 0; i < 300; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        KrObject *v = I(i);
        assert_int_equal(kr_dict_set_item_str(d, buf, v), 0);
        KR_DECREF(v);
    }
    for (int i = 0; i < 300; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        /* a fresh (non-interned) string equal to the key */
        KrObject *k = kr_str_from_cstr(buf);
        KrObject *v = kr_dict_get_item(d, k);
        assert_non_null(v);
        assert_int_equal(V(v), i);
        KR_DECREF(k);
    }
    assert_null(kr_dict_get_item_str(d, "nope"));
    assert_int_equal(kr_dict_del_item_str(d, "key7"), 0);
    assert_null(kr_dict_get_item_str(d, "key7"));
    assert_int_equal(kr_dict_del_item_str(d, "key7"), -1);
    assert_true(kr_err_matches(kr_exc_KeyError));
    kr_err_clear();
    KR_DECREF(d);
}

static void test_version(void **state) {
    KrObject *d = kr_dict_new();
    uint64_t v0 = ((KrDict *)d)->version;
    set_ii(d, 1, 1);
    uint64_t v1 = ((KrDict *)d)->version;
    assert_true(v1 != v0);
    (void)get_i(d, 1);
    assert_true(((KrDict *)d)->version == v1); /* lookups do not change it */
    set_ii(d, 1, 2);
    uint64_t v2 = ((KrDict *)d)->version;
    assert_true(v2 != v1);
    KrObject *k = I(1);
    assert_int_equal(kr_dict_del_item(d, k), 0);
    KR_DECREF(k);
    uint64_t v3 = ((KrDict *)d)->version;
    assert_true(v3 != v2);
    set_ii(d, 3, 3);
    kr_dict_clear(d);
    assert_true(((KrDict *)d)->version != v3);
    /* two dicts never share a version */
    KrObject *e = kr_dict_new();
    assert_true(((KrDict *)e)->version != ((KrDict *)d)->version);
    KR_DECREF(e);
    KR_DECREF(d);
}

static void test_popitem_copy_merge(void **state) {
    KrObject *d = kr_dict_new();
    for (int i = 0; i < 20; i++)
        set_ii(d, i, i);
    KrObject *c = kr_dict_copy(d);
    assert_int_equal(kr_object_richcompare_bool(c, d, KR_EQ), 1);
    KrObject *p = kr_call_method(d, "popitem", NULL, 0);
    assert_non_null(p);
    assert_int_equal(V(KR_TUPLE_ITEM(p, 0)), 19);
    KR_DECREF(p);
    assert_int_equal(kr_object_richcompare_bool(c, d, KR_EQ), 0);
    set_ii(d, 100, 100);
    /* merge without override keeps existing values */
    set_ii(c, 0, -5);
    assert_int_equal(kr_dict_merge(c, d, 0), 0);
    assert_int_equal(V(get_i(c, 0)), -5);
    assert_int_equal(V(get_i(c, 100)), 100);
    assert_int_equal(kr_dict_merge(c, d, 1), 0);
    assert_int_equal(V(get_i(c, 0)), 0);
    /* override 2: duplicate keys are an error */
    assert_int_equal(kr_dict_merge(c, d, 2), -1);
    assert_true(kr_err_matches(kr_exc_KeyError));
    kr_err_clear();
    KR_DECREF(c);
    KrObject *e = kr_dict_new();
    assert_null(kr_call_method(e, "popitem", NULL, 0));
    assert_true(kr_err_matches(kr_exc_KeyError));
    kr_err_clear();
    KR_DECREF(e);
    KR_DECREF(d);
}

static void test_tuple_key_error(void **state) {
    KrObject *d = kr_dict_new();
    KrObject *a = I(1), *b = I(2);
    KrObject *t = kr_tuple_pack(2, a, b);
    assert_null(kr_object_get_item(d, t));
    KrObject *exc = kr_err_fetch();
    assert_non_null(exc);
    assert_true(kr_object_type_is_sub(KR_TYPE(exc), kr_exc_KeyError));
    KrObject *args = kr_exception_get_args(exc);
    assert_int_equal(KR_SIZE(args), 1);
    assert_true(KR_TUPLE_ITEM(args, 0) == t); /* the key itself, not unpacked */
    KR_DECREF(exc);
    /* unhashable keys raise TypeError */
    KrObject *l = kr_list_new(0);
    assert_int_equal(kr_dict_set_item(d, l, a), -1);
    assert_true(kr_err_matches(kr_exc_TypeError));
    kr_err_clear();
    KR_DECREF(l);
    KR_DECREF(t);
    KR_DECREF(a);
    KR_DECREF(b);
    KR_DECREF(d);
}

static void test_growth_and_holes(void **state) {
    /* Many insert/delete cycles must not grow the table without bound. */
    KrObject *d = kr_dict_new();
    for (int round = 0; round < 100; round++) {
        for (int i = 0; i < 50; i++)
            set_ii(d, round * 1000 + i, i);
        for (int i = 0; i < 50; i++) {
            KrObject *k = I(round * 1000 + i);
            assert_int_equal(kr_dict_del_item(d, k), 0);
            KR_DECREF(k);
        }
    }
    assert_int_equal(kr_dict_size(d), 0);
    KrObject *sz = kr_call_method(d, "__sizeof__", NULL, 0);
    assert_non_null(sz);
    assert_true(V(sz) < 4096);
    KR_DECREF(sz);
    KR_DECREF(d);
}

static int setup(void **state) {
    char *argv[] = {"test_dict", NULL};
    return kr_runtime_init(1, argv) < 0 ? -1 : 0;
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_int_keys),        cmocka_unit_test(test_str_keys),
        cmocka_unit_test(test_version),         cmocka_unit_test(test_popitem_copy_merge),
        cmocka_unit_test(test_tuple_key_error), cmocka_unit_test(test_growth_and_holes),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
