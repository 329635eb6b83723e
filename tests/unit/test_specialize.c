/* test_specialize.c - unit tests of the specialising interpreter: after a loop has run
 * enough times, the instruction of a known family is in its specialised form; after
 * the operand types change it deopts (and re-specialises or backs off); `dis` prints
 * generic names; back-edge counters count; the opcode table is consistent. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "ceval_internal.h"
#include "compiler/compiler.h"
#include "specialize.h"

static int setup(void **state) {
    (void)state;
    char *argv[] = {"test_specialize", NULL};
    return kr_runtime_init(1, argv) < 0 ? -1 : 0;
}

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

static void exec_in(KrObject *g, const char *src) {
    KrObject *r = kr_run_string(src, "<test>", g, g, "exec");
    if (!r) {
        kr_err_print();
        fail_msg("program raised: %s", src);
    }
    KR_DECREF(r);
}

/* The code object of global function `name`. */
static KrCode *code_of(KrObject *g, const char *name) {
    KrObject *f = kr_dict_get_item_str(g, name);
    assert_non_null(f);
    assert_true(KR_TYPE(f) == &kr_function_type);
    return (KrCode *)((KrFunction *)f)->code;
}

/* The opcode now at the first instruction of family `base` (-1 if none). */
static int op_of_family(KrCode *co, int base) {
    for (kr_ssize i = 0; i < co->ncodeunits; i++) {
        int op = KR_CU_OP(co->code[i]);
        if (kr_opcode_base(op) == base) return op;
        i += kr_opcode_info[op].cache_entries;
    }
    return -1;
}

/* Whether any instruction of the code is `want`. */
static bool has_op(KrCode *co, int want) {
    for (kr_ssize i = 0; i < co->ncodeunits; i++) {
        int op = KR_CU_OP(co->code[i]);
        if (op == want) return true;
        i += kr_opcode_info[op].cache_entries;
    }
    return false;
}

static void test_opcode_table(void **state) {
    int nspec = 0;
    for (int op = 0; op < KR_OP__COUNT; op++) {
        const KrOpInfo *in = &kr_opcode_info[op];
        assert_non_null(in->name);
        int base = in->base;
        assert_int_equal(kr_opcode_info[base].base, base); /* bases are generic */
        assert_int_equal(in->cache_entries, kr_opcode_info[base].cache_entries);
        assert_int_equal(in->flags, kr_opcode_info[base].flags);
        if (in->specialized) {
            nspec++;
            assert_int_not_equal(base, op);
            assert_true(kr_opcode_info[base].cache_entries >= 1); /* room for the counter */
            assert_int_equal(kr_opcode_stack_effect(op, 2, 0), kr_opcode_stack_effect(base, 2, 0));
        } else {
            assert_int_equal(base, op);
        }
    }
    assert_true(nspec >= 40);
}

static void test_load_attr_specialises_and_deopts(void **state) {
    KrObject *g = run("class A:\n"
                      "    def __init__(self): self.x = 1\n"
                      "class S:\n"
                      "    __slots__ = ('x',)\n"
                      "    def __init__(self): self.x = 2\n"
                      "def f(o, n):\n"
                      "    t = 0\n"
                      "    for i in range(n): t += o.x\n"
                      "    return t\n"
                      "r1 = f(A(), 100)\n");
    KrCode *co = code_of(g, "f");
    assert_int_equal(op_of_family(co, KR_OP_LOAD_ATTR), KR_OP_LOAD_ATTR_INSTANCE);
    assert_int_equal(op_of_family(co, KR_OP_BINARY_OP), KR_OP_BINARY_OP_ADD_INT);
    assert_int_equal(op_of_family(co, KR_OP_FOR_ITER), KR_OP_FOR_ITER_RANGE);
    /* another type: misses go through the generic form, then it re-specialises */
    exec_in(g, "r2 = f(S(), 200)\n");
    assert_int_equal(op_of_family(co, KR_OP_LOAD_ATTR), KR_OP_LOAD_ATTR_SLOT);
    exec_in(g, "r3 = f(A(), 3)\n"); /* a few misses only: no rewrite yet */
    assert_int_equal(op_of_family(co, KR_OP_LOAD_ATTR), KR_OP_LOAD_ATTR_SLOT);
    KrObject *r2 = kr_dict_get_item_str(g, "r2"), *r3 = kr_dict_get_item_str(g, "r3");
    assert_int_equal(kr_int_as_i64(r2), 400);
    assert_int_equal(kr_int_as_i64(r3), 3);
    KR_DECREF(g);
}

static void test_binary_op_deopt_to_float(void **state) {
    KrObject *g = run("def add(a, b): return a + b\n"
                      "for i in range(50): add(i, 1)\n");
    KrCode *co = code_of(g, "add");
    assert_int_equal(op_of_family(co, KR_OP_BINARY_OP), KR_OP_BINARY_OP_ADD_INT);
    exec_in(g, "for i in range(200): r = add(0.5, 1.0)\n");
    assert_int_equal(op_of_family(co, KR_OP_BINARY_OP), KR_OP_BINARY_OP_ADD_FLOAT);
    /* mixed types: no specialisation fits, back to the generic form with back-off */
    exec_in(g, "for i in range(200): r = add(1, 'x') if False else add(1, 2.0)\n");
    assert_int_equal(op_of_family(co, KR_OP_BINARY_OP), KR_OP_BINARY_OP);
    assert_true((co->code[1] >> 12) >= 1 || KR_CU_OP(co->code[0]) != KR_OP_BINARY_OP);
    KR_DECREF(g);
}

static void test_globals_and_calls(void **state) {
    KrObject *g = run("K = 3\n"
                      "def h(x): return x + K\n"
                      "def caller(n):\n"
                      "    s = 0\n"
                      "    for i in range(n): s += h(i) + len('ab')\n"
                      "    return s\n"
                      "r = caller(100)\n");
    KrCode *co = code_of(g, "caller"), *hco = code_of(g, "h");
    assert_int_equal(op_of_family(hco, KR_OP_LOAD_GLOBAL), KR_OP_LOAD_GLOBAL_MODULE);
    assert_true(has_op(co, KR_OP_CALL_PY_EXACT_ARGS));
    assert_true(has_op(co, KR_OP_CALL_LEN));
    assert_int_equal(kr_int_as_i64(kr_dict_get_item_str(g, "r")), 4950 + 300 + 200);
    exec_in(g, "K = 10\nr = caller(100)\n");
    assert_int_equal(kr_int_as_i64(kr_dict_get_item_str(g, "r")), 4950 + 1000 + 200);
    KR_DECREF(g);
}

static void test_back_edge_counter(void **state) {
    KrObject *g = run("def loop(n):\n"
                      "    while n: n -= 1\n"
                      "loop(300)\n");
    KrCode *co = code_of(g, "loop");
    int found = 0;
    for (kr_ssize i = 0; i < co->ncodeunits; i++) {
        int op = KR_CU_OP(co->code[i]);
        if (op == KR_OP_JUMP_BACKWARD) {
            assert_int_equal(co->code[i + 1], 300); /* back to the test once per iteration */
            found = 1;
        }
        i += kr_opcode_info[op].cache_entries;
    }
    assert_true(found);
    KR_DECREF(g);
}

static void test_dis_prints_generic_names(void **state) {
    KrObject *g = run("class A:\n"
                      "    def __init__(self): self.x = 1\n"
                      "def f(o):\n"
                      "    return o.x\n"
                      "a = A()\n"
                      "for i in range(50): f(a)\n");
    KrObject *fn = kr_dict_get_item_str(g, "f");
    KrCode *co = code_of(g, "f");
    assert_int_equal(op_of_family(co, KR_OP_LOAD_ATTR), KR_OP_LOAD_ATTR_INSTANCE);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_non_null(out);
    kr_dis_code(((KrFunction *)fn)->code, out);
    fclose(out);
    assert_non_null(strstr(buf, "LOAD_ATTR"));
    assert_null(strstr(buf, "LOAD_ATTR_INSTANCE"));
    free(buf);
    KR_DECREF(g);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_opcode_table),
        cmocka_unit_test(test_load_attr_specialises_and_deopts),
        cmocka_unit_test(test_binary_op_deopt_to_float),
        cmocka_unit_test(test_globals_and_calls),
        cmocka_unit_test(test_back_edge_counter),
        cmocka_unit_test(test_dis_prints_generic_names),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
