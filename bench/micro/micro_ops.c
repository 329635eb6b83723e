/* micro_ops.c - the measured loops of the micro-benchmarks, in C because Krait's
 * headers are C11 (_Atomic, gmp.h) and cannot be included from C++.  Each
 * krm_* function performs `n` operations on the runtime's C API; micro_main.cpp
 * times them with google-benchmark.  Compiled once per flavour (GIL, free-threaded). */
#include <stdio.h>
#include <string.h>

#include "krait.h"
#include "micro_ops.h"

#define NKEYS 1024 /* power of two: the loops index with i & (NKEYS - 1) */

/* Keeps the compiler from folding an incref/decref pair or dropping a result. */
#define KEEP(p) __asm__ volatile("" : : "r"(p) : "memory")

static KrObject *int_keys[NKEYS], *str_keys[NKEYS];
static KrObject *int_dict, *str_dict;
static KrObject *instance, *attr_name;
static KrObject *int_a, *int_b, *float_a, *float_b;
static KrObject *c_func, *c_args, *py_func, *py_args;
static KrObject *big_list, *index_objs[NKEYS];
static KrObject *str_a, *str_b, *refcounted;

static const char setup_source[] =
    "class Point:\n"
    "    def __init__(self):\n"
    "        self.x = 1\n"
    "        self.y = 2\n"
    "        self.z = 3\n"
    "p = Point()\n"
    "def f(a, b):\n"
    "    return a\n";

static int fail(const char *what) {
    fprintf(stderr, "krait_micro: setup failed at %s\n", what);
    if (kr_err_occurred()) kr_err_print();
    return -1;
}

int krm_setup(void) {
    static char arg0[] = "krait_micro";
    char *argv[] = {arg0, NULL};
    if (kr_runtime_init(1, argv) < 0) return fail("kr_runtime_init");

    int_dict = kr_dict_new();
    str_dict = kr_dict_new();
    big_list = kr_list_new(0);
    if (!int_dict || !str_dict || !big_list) return fail("containers");
    for (int i = 0; i < NKEYS; i++) {
        char buf[32];
        snprintf(buf, sizeof buf, "key_%d", i);
        /* large ints so the small-int cache is not what gets measured */
        int_keys[i] = kr_int_from_i64(1000003 + (int64_t)i * 7919);
        str_keys[i] = kr_str_from_cstr(buf);
        index_objs[i] = kr_int_from_i64(i);
        if (!int_keys[i] || !str_keys[i] || !index_objs[i]) return fail("keys");
        if (kr_dict_set_item(int_dict, int_keys[i], index_objs[i]) < 0 ||
            kr_dict_set_item(str_dict, str_keys[i], index_objs[i]) < 0 ||
            kr_list_append(big_list, str_keys[i]) < 0)
            return fail("fill");
    }

    KrObject *code = kr_compile_string(setup_source, (kr_ssize)strlen(setup_source),
                                       "<micro>", "exec", 0);
    if (!code) return fail("kr_compile_string");
    KrObject *globals = kr_dict_new();
    if (!globals || kr_dict_set_item_str(globals, "__name__", str_keys[0]) < 0)
        return fail("globals");
    KrObject *r = kr_eval_code(code, globals, NULL);
    if (!r) return fail("kr_eval_code");
    KR_DECREF(r);
    KR_DECREF(code);
    instance = kr_dict_get_item_str(globals, "p");
    py_func = kr_dict_get_item_str(globals, "f");
    c_func = kr_dict_get_item_str(kr_interp.builtins, "len");
    if (!instance || !py_func || !c_func) return fail("lookups");
    KR_INCREF(instance);
    KR_INCREF(py_func);
    KR_INCREF(c_func);
    attr_name = kr_str_from_cstr("y");

    int_a = kr_int_from_i64(123456789);
    int_b = kr_int_from_i64(987654);
    float_a = kr_float_from_double(1.25);
    float_b = kr_float_from_double(3.5);
    c_args = kr_tuple_pack(1, big_list);
    py_args = kr_tuple_pack(2, int_a, int_b);
    str_a = kr_str_from_cstr("abcdefghijklmnop");
    str_b = kr_str_from_cstr("qrstuvwxyz012345");
    refcounted = kr_list_new(0);
    if (!attr_name || !int_a || !int_b || !float_a || !float_b || !c_args || !py_args ||
        !str_a || !str_b || !refcounted)
        return fail("operands");
    return 0;
}

/* A failing API call aborts the benchmark run: the numbers would be meaningless. */
static int check(const void *p) {
    if (p) return 0;
    fail("an operation");
    return -1;
}

int krm_dict_get_int(int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        KrObject *v = kr_dict_get_item(int_dict, int_keys[i & (NKEYS - 1)]);
        if (check(v)) return -1;
        KEEP(v);
    }
    return 0;
}

int krm_dict_get_str(int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        KrObject *v = kr_dict_get_item(str_dict, str_keys[i & (NKEYS - 1)]);
        if (check(v)) return -1;
        KEEP(v);
    }
    return 0;
}

/* Inserts into a fresh dict, NKEYS keys at a time (growth included). */
static int dict_insert(KrObject **keys, int64_t n) {
    KrObject *d = NULL;
    for (int64_t i = 0; i < n; i++) {
        int k = (int)(i & (NKEYS - 1));
        if (k == 0) {
            KR_XDECREF(d);
            d = kr_dict_new();
            if (check(d)) return -1;
        }
        if (kr_dict_set_item(d, keys[k], index_objs[k]) < 0) return fail("set_item");
    }
    KR_XDECREF(d);
    return 0;
}

int krm_dict_insert_int(int64_t n) { return dict_insert(int_keys, n); }
int krm_dict_insert_str(int64_t n) { return dict_insert(str_keys, n); }

/* Overwrites existing keys: lookup + value swap, no growth. */
int krm_dict_replace_str(int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        int k = (int)(i & (NKEYS - 1));
        if (kr_dict_set_item(str_dict, str_keys[k], index_objs[k]) < 0) return fail("set_item");
    }
    return 0;
}

int krm_getattr(int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        KrObject *v = kr_object_getattr(instance, attr_name);
        if (check(v)) return -1;
        KR_DECREF(v);
    }
    return 0;
}

static int binary_loop(KrObject *a, KrObject *b, int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        KrObject *v = kr_number_add(a, b);
        if (check(v)) return -1;
        KR_DECREF(v);
    }
    return 0;
}

int krm_int_add(int64_t n) { return binary_loop(int_a, int_b, n); }
int krm_float_add(int64_t n) { return binary_loop(float_a, float_b, n); }

int krm_call_c(int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        KrObject *v = kr_call(c_func, c_args, NULL);
        if (check(v)) return -1;
        KR_DECREF(v);
    }
    return 0;
}

int krm_call_py(int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        KrObject *v = kr_call(py_func, py_args, NULL);
        if (check(v)) return -1;
        KR_DECREF(v);
    }
    return 0;
}

int krm_call_py_vector(int64_t n) {
    KrObject *args[2] = {int_a, int_b};
    for (int64_t i = 0; i < n; i++) {
        KrObject *v = kr_vectorcall(py_func, args, 2, NULL);
        if (check(v)) return -1;
        KR_DECREF(v);
    }
    return 0;
}

/* Appends to a fresh list, NKEYS items at a time (growth and teardown included). */
int krm_list_append(int64_t n) {
    KrObject *l = NULL;
    for (int64_t i = 0; i < n; i++) {
        int k = (int)(i & (NKEYS - 1));
        if (k == 0) {
            KR_XDECREF(l);
            l = kr_list_new(0);
            if (check(l)) return -1;
        }
        if (kr_list_append(l, index_objs[k]) < 0) return fail("append");
    }
    KR_XDECREF(l);
    return 0;
}

int krm_list_index(int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        KrObject *v = kr_object_get_item(big_list, index_objs[i & (NKEYS - 1)]);
        if (check(v)) return -1;
        KR_DECREF(v);
    }
    return 0;
}

/* Hash of a freshly made 32-character string (creation + hashing + free). */
int krm_str_hash_fresh(int64_t n) {
    static const char text[] = "the quick brown fox jumps over..";
    for (int64_t i = 0; i < n; i++) {
        KrObject *s = kr_str_from_utf8(text, 32);
        if (check(s)) return -1;
        kr_hash h = kr_object_hash(s);
        KEEP(h);
        KR_DECREF(s);
    }
    return 0;
}

/* The same without the hash, to subtract from the above. */
int krm_str_new(int64_t n) {
    static const char text[] = "the quick brown fox jumps over..";
    for (int64_t i = 0; i < n; i++) {
        KrObject *s = kr_str_from_utf8(text, 32);
        if (check(s)) return -1;
        KR_DECREF(s);
    }
    return 0;
}

int krm_str_hash_cached(int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        kr_hash h = kr_object_hash(str_keys[i & (NKEYS - 1)]);
        KEEP(h);
    }
    return 0;
}

int krm_str_concat(int64_t n) {
    for (int64_t i = 0; i < n; i++) {
        KrObject *v = kr_str_concat(str_a, str_b);
        if (check(v)) return -1;
        KR_DECREF(v);
    }
    return 0;
}

int krm_incref_decref(int64_t n) {
    KrObject *o = refcounted;
    for (int64_t i = 0; i < n; i++) {
        kr_incref(o);
        KEEP(o);
        kr_decref(o);
        KEEP(o);
    }
    return 0;
}

const char *krm_flavour(void) {
#ifdef KR_FREE_THREADED
    return "free-threaded";
#else
    return "GIL";
#endif
}
