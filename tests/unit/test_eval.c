/* test_eval.c - unit tests of the interpreter: compiles small programs, runs them with
 * kr_eval_code and checks the values they leave in their globals (ints, strings,
 * exceptions, generators), plus the code-object and frame-stack internals. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "ceval_internal.h"

static int setup(void **state) {
    (void)state;
    char *argv[] = {"test_eval", NULL};
    return kr_runtime_init(1, argv) < 0 ? -1 : 0;
}

/* Runs `src` as a module and returns its globals (new ref); fails the test on error. */
static KrObject *run(const char *src) {
    KrObject *g = kr_dict_new();
    assert_non_null(g);
    kr_dict_set_item_str(g, "__name__", kr_str_from_cstr("__test__"));
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
    assert_true(KR_INT_CHECK(v));
    return kr_int_as_i64(v);
}

static void assert_str(KrObject *g, const char *name, const char *want) {
    KrObject *v = kr_dict_get_item_str(g, name);
    assert_non_null(v);
    assert_true(KR_STR_CHECK(v));
    assert_string_equal(kr_str_data(v), want);
}

static void test_arith_and_loops(void **state) {
    KrObject *g = run("s = 0\n"
                      "for i in range(100):\n"
                      "    if i % 3 == 0: continue\n"
                      "    s += i\n"
                      "n = 0\n"
                      "while n < 10: n += 1\n"
                      "big = 2 ** 70 // 2 ** 68\n");
    assert_int_equal(get_int(g, "s"), 3267);
    assert_int_equal(get_int(g, "n"), 10);
    assert_int_equal(get_int(g, "big"), 4);
    KR_DECREF(g);
}

static void test_calls(void **state) {
    KrObject *g = run("def f(a, b=2, *args, c, d=4, **kw):\n"
                      "    return a + b + sum(args) + c + d + sum(kw.values())\n"
                      "r1 = f(1, c=3)\n"
                      "r2 = f(1, 2, 3, 4, c=5, d=6, e=7)\n"
                      "r3 = f(*[1, 2], **{'c': 3})\n"
                      "def fact(n): return 1 if n < 2 else n * fact(n - 1)\n"
                      "r4 = fact(20)\n"
                      "class A:\n"
                      "    def __init__(self, x): self.x = x\n"
                      "    def m(self, y): return self.x * y\n"
                      "r5 = A(6).m(7)\n");
    assert_int_equal(get_int(g, "r1"), 10);
    assert_int_equal(get_int(g, "r2"), 28);
    assert_int_equal(get_int(g, "r3"), 10);
    assert_int_equal(get_int(g, "r4"), 2432902008176640000LL);
    assert_int_equal(get_int(g, "r5"), 42);
    KR_DECREF(g);
}

static void test_call_errors(void **state) {
    KrObject *g = run("def f(a, b): pass\n"
                      "try: f(1)\n"
                      "except TypeError as e: m1 = str(e)\n"
                      "try: f(1, 2, 3)\n"
                      "except TypeError as e: m2 = str(e)\n"
                      "try: f(1, 2, z=3)\n"
                      "except TypeError as e: m3 = str(e)\n"
                      "try: f(1, a=1)\n"
                      "except TypeError as e: m4 = str(e)\n");
    assert_str(g, "m1", "f() missing 1 required positional argument: 'b'");
    assert_str(g, "m2", "f() takes 2 positional arguments but 3 were given");
    assert_str(g, "m3", "f() got an unexpected keyword argument 'z'");
    assert_str(g, "m4", "f() got multiple values for argument 'a'");
    KR_DECREF(g);
}

static void test_closures(void **state) {
    KrObject *g = run("def counter():\n"
                      "    n = 0\n"
                      "    def inc():\n"
                      "        nonlocal n\n"
                      "        n += 1\n"
                      "        return n\n"
                      "    return inc\n"
                      "c = counter(); c(); c()\n"
                      "r = c()\n"
                      "fs = [lambda x, i=i: x * i for i in range(4)]\n"
                      "r2 = fs[3](5)\n");
    assert_int_equal(get_int(g, "r"), 3);
    assert_int_equal(get_int(g, "r2"), 15);
    KR_DECREF(g);
}

static void test_exceptions(void **state) {
    KrObject *g = run("log = []\n"
                      "def f():\n"
                      "    try:\n"
                      "        try:\n"
                      "            1 / 0\n"
                      "        finally:\n"
                      "            log.append('f')\n"
                      "    except ZeroDivisionError as e:\n"
                      "        log.append('z')\n"
                      "        return 1\n"
                      "    finally:\n"
                      "        log.append('g')\n"
                      "r = f()\n"
                      "s = ''.join(log)\n"
                      "try:\n"
                      "    try: raise KeyError('k')\n"
                      "    except KeyError: raise ValueError('v')\n"
                      "except ValueError as e: ctx = type(e.__context__).__name__\n"
                      "try:\n"
                      "    raise ValueError from KeyError()\n"
                      "except ValueError as e: cause = type(e.__cause__).__name__\n");
    assert_int_equal(get_int(g, "r"), 1);
    assert_str(g, "s", "fzg");
    assert_str(g, "ctx", "KeyError");
    assert_str(g, "cause", "KeyError");
    KR_DECREF(g);
}

static void test_generators(void **state) {
    KrObject *g = run("def gen(n):\n"
                      "    for i in range(n):\n"
                      "        x = yield i\n"
                      "        if x: yield x\n"
                      "    return 'done'\n"
                      "r1 = sum(gen(5))\n"
                      "g = gen(3); next(g)\n"
                      "r2 = g.send(10)\n"
                      "def outer():\n"
                      "    r = yield from gen(2)\n"
                      "    yield r\n"
                      "r3 = list(outer())\n"
                      "def closing():\n"
                      "    try:\n"
                      "        yield 1\n"
                      "    finally:\n"
                      "        log.append('closed')\n"
                      "log = []\n"
                      "c = closing(); next(c); c.close()\n"
                      "r4 = len(log)\n");
    assert_int_equal(get_int(g, "r1"), 10);
    assert_int_equal(get_int(g, "r2"), 10);
    KrObject *r3 = kr_dict_get_item_str(g, "r3");
    assert_non_null(r3);
    assert_int_equal(KR_SIZE(r3), 3);
    assert_int_equal(get_int(g, "r4"), 1);
    KR_DECREF(g);
}

static void test_with_and_match(void **state) {
    KrObject *g = run("class CM:\n"
                      "    def __enter__(self): return 5\n"
                      "    def __exit__(self, t, v, tb): return True\n"
                      "with CM() as v:\n"
                      "    raise ValueError\n"
                      "def m(x):\n"
                      "    match x:\n"
                      "        case [1, *rest]: return len(rest)\n"
                      "        case {'k': v}: return v\n"
                      "        case int(n) if n > 10: return n\n"
                      "        case _: return -1\n"
                      "r = m([1, 2, 3]) + m({'k': 100}) + m(50) + m('x')\n");
    assert_int_equal(get_int(g, "v"), 5);
    assert_int_equal(get_int(g, "r"), 2 + 100 + 50 - 1);
    KR_DECREF(g);
}

static void test_recursion_limit(void **state) {
    KrObject *g = run("def f(n):\n"
                      "    try: return f(n + 1)\n"
                      "    except RecursionError: return n\n"
                      "r = f(1)\n");
    int64_t r = get_int(g, "r");
    assert_true(r > 900 && r <= 1000);
    KR_DECREF(g);
}

static void test_frame_stack_chunks(void **state) {
    KrThreadState *ts = kr_tstate();
    char *top = ts->datastack_top;
    /* frames bigger than a chunk force new chunks; popping returns to the old one */
    KrFrame *a = kr_tstate_push_frame(ts, 100000);
    KrFrame *b = kr_tstate_push_frame(ts, 10);
    assert_non_null(a);
    assert_non_null(b);
    kr_tstate_pop_frame(ts, b);
    kr_tstate_pop_frame(ts, a);
    assert_ptr_equal(ts->datastack_top, top);
}

static void test_code_object(void **state) {
    KrObject *g = run("def f(a, b):\n"
                      "    c = a + b\n"
                      "    return c\n"
                      "co = f.__code__\n"
                      "names = co.co_varnames\n"
                      "argc = co.co_argcount\n"
                      "nm = co.co_name\n");
    assert_int_equal(get_int(g, "argc"), 2);
    assert_str(g, "nm", "f");
    KrObject *names = kr_dict_get_item_str(g, "names");
    assert_int_equal(KR_SIZE(names), 3);
    KrCode *co = (KrCode *)kr_dict_get_item_str(g, "co");
    assert_int_equal(kr_code_addr_to_line(co, -1), 1);
    KR_DECREF(g);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arith_and_loops), cmocka_unit_test(test_calls),
        cmocka_unit_test(test_call_errors),     cmocka_unit_test(test_closures),
        cmocka_unit_test(test_exceptions),      cmocka_unit_test(test_generators),
        cmocka_unit_test(test_with_and_match),  cmocka_unit_test(test_recursion_limit),
        cmocka_unit_test(test_frame_stack_chunks), cmocka_unit_test(test_code_object),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
