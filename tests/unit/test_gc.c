/* test_gc.c - unit tests of the cyclic collector and weak references: cycles built
 * from the C API (lists, dicts, tuples, sets, cells) and from Python (instances,
 * closures), finalisers running once, resurrection, weakref callbacks on collection,
 * tracking bits and the weakref list of an object. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "krait.h"

static int setup(void **state) {
    (void)state;
    char *argv[] = {"test_gc", NULL};
    return kr_runtime_init(1, argv) < 0 || kr_weakref_types_init() < 0 ? -1 : 0;
}

/* Runs `src` as a module and returns its globals (new ref); fails the test on error. */
static KrObject *run(const char *src) {
    KrObject *g = kr_dict_new();
    assert_non_null(g);
    KrObject *name = kr_str_from_cstr("__test__");
    kr_dict_set_item_str(g, "__name__", name);
    KR_DECREF(name);
    KrObject *r = kr_run_string(src, "<test>", g, g, "exec");
    if (!r) {
        kr_err_print();
        fail_msg("program raised: %s", src);
    }
    KR_DECREF(r);
    return g;
}

static int64_t get_int(KrObject *g, const char *name) {
    KrObject *v = kr_dict_get_item_str(g, name);
    assert_non_null(v);
    return kr_int_as_i64(v);
}

/* A weakly referenceable probe: an instance of a fresh class. The caller owns it. */
static KrObject *make_probe(KrObject **weak) {
    KrObject *g = run("class Probe:\n    pass\np = Probe()\n");
    KrObject *p = KR_NEWREF(kr_dict_get_item_str(g, "p"));
    kr_dict_clear(g);
    KR_DECREF(g);
    *weak = kr_weakref_new_ref(p, NULL);
    assert_non_null(*weak);
    return p;
}

static void test_list_cycle(void **state) {
    (void)state;
    kr_gc_collect(2);
    KrObject *weak;
    KrObject *probe = make_probe(&weak);
    KrObject *l = kr_list_new(0);
    assert_int_equal(kr_list_append(l, l), 0);
    assert_int_equal(kr_list_append(l, probe), 0);
    assert_true(kr_gc_is_tracked(l));
    KR_DECREF(probe);
    KR_DECREF(l);
    assert_non_null(kr_weakref_get_object(weak));
    assert_true(kr_gc_collect(2) >= 1);
    assert_null(kr_weakref_get_object(weak));
    KR_DECREF(weak);
}

static void test_dict_tuple_set_cycle(void **state) {
    (void)state;
    kr_gc_collect(2);
    KrObject *weak;
    KrObject *probe = make_probe(&weak);
    /* dict -> tuple -> list -> dict, plus a set holding the probe */
    KrObject *d = kr_dict_new();
    KrObject *l = kr_list_new(0);
    KrObject *t = kr_tuple_pack(2, l, probe);
    assert_int_equal(kr_list_append(l, d), 0);
    assert_int_equal(kr_dict_set_item_str(d, "t", t), 0);
    KrObject *s = kr_set_new(NULL);
    assert_int_equal(kr_set_add(s, probe), 0);
    assert_int_equal(kr_dict_set_item_str(d, "s", s), 0);
    KR_DECREF(s);
    KR_DECREF(t);
    KR_DECREF(l);
    KR_DECREF(probe);
    KR_DECREF(d);
    assert_non_null(kr_weakref_get_object(weak));
    assert_true(kr_gc_collect(2) >= 4);
    assert_null(kr_weakref_get_object(weak));
    KR_DECREF(weak);
}

static void test_cell_cycle(void **state) {
    (void)state;
    kr_gc_collect(2);
    KrObject *weak;
    KrObject *probe = make_probe(&weak);
    KrObject *cell = kr_cell_new(NULL);
    KrObject *l = kr_list_new(0);
    assert_int_equal(kr_list_append(l, cell), 0);
    assert_int_equal(kr_list_append(l, probe), 0);
    ((KrCell *)cell)->ref = l; /* steals l: cell -> list -> cell */
    KR_DECREF(probe);
    KR_DECREF(cell);
    assert_true(kr_gc_collect(2) >= 2);
    assert_null(kr_weakref_get_object(weak));
    KR_DECREF(weak);
}

static void test_reachable_survives(void **state) {
    (void)state;
    kr_gc_collect(2);
    KrObject *weak;
    KrObject *probe = make_probe(&weak);
    KrObject *l = kr_list_new(0);
    assert_int_equal(kr_list_append(l, l), 0);
    assert_int_equal(kr_list_append(l, probe), 0);
    KR_DECREF(probe);
    /* l is still held here: neither it nor the probe may go */
    kr_gc_collect(2);
    assert_non_null(kr_weakref_get_object(weak));
    assert_int_equal(KR_SIZE(l), 2);
    assert_true(KR_LIST_ITEM(l, 0) == l);
    KR_DECREF(l);
    kr_gc_collect(2);
    assert_null(kr_weakref_get_object(weak));
    KR_DECREF(weak);
}

static void test_instances_and_closures(void **state) {
    (void)state;
    KrObject *g = run("import gc, _weakref as weakref\n"
                      "class A:\n    pass\n"
                      "a, b = A(), A()\n"
                      "a.b, b.a = b, a\n"
                      "wa = weakref.ref(a)\n"
                      "def outer():\n"
                      "    def inner():\n"
                      "        return inner\n"
                      "    return inner\n"
                      "f = outer()\n"
                      "wf = weakref.ref(f)\n"
                      "del a, b, f\n"
                      "before = (wa() is not None) + (wf() is not None)\n"
                      "n = gc.collect()\n"
                      "after = (wa() is None) + (wf() is None)\n");
    assert_int_equal(get_int(g, "before"), 2);
    assert_int_equal(get_int(g, "after"), 2);
    assert_true(get_int(g, "n") >= 4);
    kr_dict_clear(g);
    KR_DECREF(g);
}

static void test_finalizer_once_and_resurrection(void **state) {
    (void)state;
    KrObject *g = run("import gc\n"
                      "calls = 0\n"
                      "saved = []\n"
                      "class P:\n"
                      "    def __del__(self):\n"
                      "        global calls\n"
                      "        calls += 1\n"
                      "        saved.append(self)\n"
                      "p = P()\n"
                      "p.me = p\n"
                      "del p\n"
                      "gc.collect()\n"
                      "first = calls\n"
                      "resurrected = len(saved)\n"
                      "finalized = gc.is_finalized(saved[0])\n"
                      "saved.clear()\n"
                      "gc.collect()\n"
                      "second = calls\n");
    assert_int_equal(get_int(g, "first"), 1);
    assert_int_equal(get_int(g, "resurrected"), 1);
    assert_true(kr_dict_get_item_str(g, "finalized") == kr_true);
    assert_int_equal(get_int(g, "second"), 1);
    kr_dict_clear(g);
    KR_DECREF(g);
}

static void test_weakref_callbacks_on_collection(void **state) {
    (void)state;
    KrObject *g = run("import gc, _weakref as weakref\n"
                      "log = []\n"
                      "class N:\n    pass\n"
                      "a, b = N(), N()\n"
                      "a.o, b.o = b, a\n"
                      "w1 = weakref.ref(a, lambda r: log.append(1))\n"
                      "w2 = weakref.ref(a, lambda r: log.append(2))\n"
                      "b.w = weakref.ref(a, lambda r: log.append('garbage'))\n"
                      "del a, b\n"
                      "gc.collect()\n"
                      "ok = log == [2, 1] and w1() is None\n");
    assert_true(kr_dict_get_item_str(g, "ok") == kr_true);
    kr_dict_clear(g);
    KR_DECREF(g);
}

static void test_weakref_list_and_tracking(void **state) {
    (void)state;
    KrObject *weak;
    KrObject *probe = make_probe(&weak);
    KrObject *again = kr_weakref_new_ref(probe, NULL);
    assert_true(again == weak); /* the basic ref is shared */
    KrObject *prox = kr_weakref_new_proxy(probe, NULL);
    assert_non_null(prox);
    assert_int_equal(kr_weakref_count(probe), 2);
    assert_true(kr_weakref_check(prox));
    assert_false(kr_weakref_check(probe));
    assert_true(kr_gc_is_tracked(probe));
    assert_false(kr_gc_is_tracked(kr_none));
    assert_false(kr_gc_is_tracked((KrObject *)&kr_list_type)); /* static: no GC header */
    KrObject *one = kr_int_from_i64(1);
    assert_null(kr_weakref_new_ref(one, NULL));
    KrObject *exc = kr_err_fetch();
    assert_non_null(exc);
    KR_DECREF(exc);
    KR_DECREF(probe);
    assert_null(kr_weakref_get_object(weak));
    KR_DECREF(again);
    KR_DECREF(prox);
    KR_DECREF(weak);
}

static void test_many_cycles_are_freed_automatically(void **state) {
    (void)state;
    KrObject *g = run("import gc, _weakref as weakref\n"
                      "class N:\n    pass\n"
                      "refs = []\n"
                      "for i in range(5000):\n"
                      "    n = N()\n"
                      "    n.me = n\n"
                      "    if i % 500 == 0:\n"
                      "        refs.append(weakref.ref(n))\n"
                      "del n\n"
                      "alive = sum(1 for r in refs[:-1] if r() is not None)\n");
    /* automatic collections ran while the loop allocated: most early cycles are gone */
    assert_true(get_int(g, "alive") < 9);
    kr_dict_clear(g);
    KR_DECREF(g);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_cycle),
        cmocka_unit_test(test_dict_tuple_set_cycle),
        cmocka_unit_test(test_cell_cycle),
        cmocka_unit_test(test_reachable_survives),
        cmocka_unit_test(test_instances_and_closures),
        cmocka_unit_test(test_finalizer_once_and_resurrection),
        cmocka_unit_test(test_weakref_callbacks_on_collection),
        cmocka_unit_test(test_weakref_list_and_tracking),
        cmocka_unit_test(test_many_cycles_are_freed_automatically),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
