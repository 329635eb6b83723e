/* opcodemodule.c - the `_opcode` module: Krait's instruction table (kr_opcodes.def) as
 * Python data for opcode.py and dis.py: names, inline-cache sizes, flags, the
 * intrinsic and binary-operator argument names, and stack_effect(). */
#include <stdio.h>
#include <string.h>

#include "krait.h"
#include "kr_code.h"
#include "kr_opcodes.h"

static int valid_opcode(int op) {
    return op > 0 && op < KR_OP__COUNT && kr_opcode_info[op].name != NULL;
}

/* stack_effect(opcode, oparg=None, *, jump=None) as CPython's dis.stack_effect */
static KrObject *op_stack_effect(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                 KrObject *kwnames) {
    (void)self;
    static const char *const kwlist[] = {"", "", "jump", NULL};
    int op;
    KrObject *oparg_obj = kr_none, *jump = kr_none;
    if (kr_arg_parse(args, nargs, kwnames, "i|O$O:stack_effect", kwlist, &op, &oparg_obj,
                     &jump) < 0)
        return NULL;
    int oparg = 0;
    if (!valid_opcode(op)) {
        kr_err_set_string(kr_exc_ValueError, "invalid opcode or oparg");
        return NULL;
    }
    int has_arg = (kr_opcode_info[op].flags & KR_OPF_ARG) != 0;
    if (oparg_obj != kr_none) {
        if (!has_arg) {
            kr_err_set_string(kr_exc_ValueError,
                              "stack_effect: opcode does not permit oparg argument");
            return NULL;
        }
        int64_t v = kr_int_as_i64(oparg_obj);
        if (v == -1 && kr_err_occurred()) return NULL;
        oparg = (int)v;
    } else if (has_arg) {
        kr_err_set_string(kr_exc_ValueError,
                          "stack_effect: opcode requires oparg but oparg was not specified");
        return NULL;
    }
    int e;
    if (jump == kr_none) {
        int a = kr_opcode_stack_effect(op, oparg, 0), b = kr_opcode_stack_effect(op, oparg, 1);
        e = a > b ? a : b;
    } else {
        int j = kr_object_is_true(jump);
        if (j < 0) return NULL;
        e = kr_opcode_stack_effect(op, oparg, j);
    }
    return kr_int_from_i64(e);
}

/* _code_details(code) -> (localsplusnames, ((start, end, target, depth, lasti), ...))
 * with exception-table offsets in bytes: what dis needs beyond the co_* attributes. */
static KrObject *op_code_details(KrObject *self, KrObject *arg) {
    (void)self;
    if (KR_TYPE(arg) != &kr_code_type)
        return kr_err_format(kr_exc_TypeError, "expected a code object, not %T", arg);
    KrCode *co = (KrCode *)arg;
    KrObject *tab = kr_tuple_new(co->nexctable);
    if (!tab) return NULL;
    for (int i = 0; i < co->nexctable; i++) {
        KrExcTableEntry *e = &co->exctable[i];
        KrObject *v[5] = {kr_int_from_i64(2 * (int64_t)e->start), kr_int_from_i64(2 * (int64_t)e->end),
                          kr_int_from_i64(2 * (int64_t)e->target), kr_int_from_i64(e->depth),
                          KR_NEWREF(kr_bool_from(e->lasti))};
        KrObject *t = kr_tuple_from_array_steal(v, 5);
        if (!t) {
            KR_DECREF(tab);
            return NULL;
        }
        KR_TUPLE_ITEM(tab, i) = t;
    }
    KrObject *r = kr_tuple_pack(2, co->localsplusnames, tab);
    KR_DECREF(tab);
    return r;
}

static KrMethodDef opcode_functions[] = {
    {"_code_details", (void *)op_code_details, KR_METH_O,
     "Slot names and exception table of a code object."},
    {"stack_effect", (void *)op_stack_effect, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Compute the stack effect of the opcode."},
    {NULL, NULL, 0, NULL},
};

static KrObject *cstr_list(const char *const *names, int n) {
    KrObject *l = kr_list_new(0);
    for (int i = 0; l && i < n; i++) {
        KrObject *s = kr_str_from_cstr(names[i]);
        if (!s || kr_list_append_steal(l, s) < 0) KR_CLEAR(l);
    }
    return l;
}

KrObject *kr_opcodemodule_init(void) {
    KrObject *m = kr_module_new_cstr("_opcode");
    if (!m) return NULL;
    if (kr_module_add_functions(m, opcode_functions) < 0) goto fail;
    KrObject *names = kr_list_new(0), *caches = kr_list_new(0), *flags = kr_list_new(0);
    if (!names || !caches || !flags) {
        KR_XDECREF(names);
        KR_XDECREF(caches);
        KR_XDECREF(flags);
        goto fail;
    }
    int err = 0;
    for (int op = 0; op < 256 && !err; op++) {
        const KrOpInfo *inf = &kr_opcode_info[op];
        char buf[16];
        snprintf(buf, sizeof buf, "<%d>", op);
        KrObject *s = kr_str_from_cstr(inf->name ? inf->name : buf);
        err = !s || kr_list_append_steal(names, s) < 0 ||
              kr_list_append_steal(caches, kr_int_from_i64(inf->cache_entries)) < 0 ||
              kr_list_append_steal(flags, kr_int_from_i64(inf->flags)) < 0;
    }
    if (kr_module_add_object(m, "opnames", names) < 0 ||
        kr_module_add_object(m, "cache_entries", caches) < 0 ||
        kr_module_add_object(m, "flags", flags) < 0 || err)
        goto fail;
    static const char *const intr1[] = {
#define X(n, s) s,
        KR_INTRINSIC1_LIST(X)
#undef X
    };
    static const char *const intr2[] = {
#define X(n, s) s,
        KR_INTRINSIC2_LIST(X)
#undef X
    };
    /* BINARY_OP arguments (KR_NB_* order, as CPython's opcode._nb_ops) */
    static const char *const nb_ops[] = {
        "+",  "&",  "//",  "<<",  "@",  "*",  "%",  "|",  "**",  ">>",  "-",  "/",  "^",
        "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
    static const char *const cmp_ops[] = {"<", "<=", "==", "!=", ">", ">="};
    if (kr_module_add_object(m, "intrinsic1_descs",
                             cstr_list(intr1, (int)(sizeof intr1 / sizeof *intr1))) < 0 ||
        kr_module_add_object(m, "intrinsic2_descs",
                             cstr_list(intr2, (int)(sizeof intr2 / sizeof *intr2))) < 0 ||
        kr_module_add_object(m, "nb_ops", cstr_list(nb_ops, 26)) < 0 ||
        kr_module_add_object(m, "cmp_op", cstr_list(cmp_ops, 6)) < 0)
        goto fail;
    static const struct {
        const char *name;
        int value;
    } consts[] = {
        {"OPF_ARG", KR_OPF_ARG},         {"OPF_CONST", KR_OPF_CONST},
        {"OPF_NAME", KR_OPF_NAME},       {"OPF_LOCAL", KR_OPF_LOCAL},
        {"OPF_FREE", KR_OPF_FREE},       {"OPF_JUMP", KR_OPF_JUMP},
        {"OPF_COMPARE", KR_OPF_COMPARE}, {"OPF_NOFALLTHROUGH", KR_OPF_NOFALLTHROUGH},
        {"NUM_OPCODES", KR_OP__COUNT},
    };
    for (size_t i = 0; i < sizeof consts / sizeof *consts; i++)
        if (kr_module_add_object(m, consts[i].name, kr_int_from_i64(consts[i].value)) < 0)
            goto fail;
    return m;
fail:
    KR_DECREF(m);
    return NULL;
}
