/* specialize.c - the specialiser of the adaptive interpreter (PEP 659's idea): when a
 * generic instruction's counter says it is warm, these functions look at the operands
 * it is about to process and rewrite it into a specialised form with guards (type
 * version, dict version, exact type), or record why not and back off. */
#include "specialize.h"

#include "ceval_internal.h"
#include "objects/type_internal.h"

const uint16_t kr_spec_threshold[16] = {8,    16,   32,   64,   128,  256,  512,  1024,
                                        2048, 4000, 4000, 4000, 4000, 4000, 4000, 4000};

KrObject *kr_spec_builtin_len, *kr_spec_builtin_isinstance;
KrMethodDef *kr_spec_list_append_def;

/* Rewrites the instruction at `instr` into `op` (caches already filled). */
static void specialize(KrCodeUnit *instr, int op) {
    int base = kr_opcode_base(KR_CU_OP(*instr));
    KR_CODE_STORE(instr + 1, KR_COUNTER_COOLDOWN);
    KR_CODE_PUBLISH(instr, KR_CU_MAKE(op, KR_CU_ARG(*instr)));
    if (kr_stats_enabled) {
        kr_stats.attempts[base]++;
        kr_stats.successes[base]++;
    }
}

/* No specialisation fits: back to the generic form with a doubled wait. */
static void unspecialize(KrCodeUnit *instr, const char *reason) {
    int op = KR_CU_OP(*instr), base = kr_opcode_base(op);
    unsigned backoff = (unsigned)(instr[1] >> 12);
    if (backoff < 12) backoff++;
    KR_CODE_STORE(instr + 1, backoff << 12);
    if (op != base) {
        KR_CODE_PUBLISH(instr, KR_CU_MAKE(base, KR_CU_ARG(*instr)));
        if (kr_stats_enabled) kr_stats.deopt[op]++;
    }
    if (kr_stats_enabled) {
        kr_stats.attempts[base]++;
        kr_stats_fail(base, reason);
    }
}

/* ---------------------------------------------------------------------------
 * LOAD_GLOBAL
 * ------------------------------------------------------------------------- */

void kr_specialize_load_global(KrCodeUnit *instr, KrObject *globals, KrObject *builtins,
                               KrObject *name) {
    KrCodeUnit *cache = instr + 1;
    if (!KR_DICT_CHECK_EXACT(globals) || !KR_DICT_CHECK_EXACT(builtins))
        return unspecialize(instr, "globals or builtins not a dict");
    if (!KR_STR_CHECK_EXACT(name)) return unspecialize(instr, "name not a str");
    uint64_t gv = ((KrDict *)globals)->version, bv = ((KrDict *)builtins)->version;
    if (gv == 0 || bv == 0) return unspecialize(instr, "dict without version");
    KrObject *v = kr_dict_get_item(globals, name);
    if (v) {
        kr_cache_write_u48(cache + KR_LG_GLOBALS_VER, KR_VERSION48(gv));
        kr_cache_write_ptr(cache + KR_LG_VALUE, v);
        return specialize(instr, KR_OP_LOAD_GLOBAL_MODULE);
    }
    if (kr_err_occurred()) {
        kr_err_clear();
        return unspecialize(instr, "error in lookup");
    }
    v = kr_dict_get_item(builtins, name);
    if (!v) {
        kr_err_clear();
        return unspecialize(instr, "name not found");
    }
    kr_cache_write_u48(cache + KR_LG_GLOBALS_VER, KR_VERSION48(gv));
    kr_cache_write_u48(cache + KR_LG_BUILTINS_VER, KR_VERSION48(bv));
    kr_cache_write_ptr(cache + KR_LG_VALUE, v);
    specialize(instr, KR_OP_LOAD_GLOBAL_BUILTIN);
}

/* ---------------------------------------------------------------------------
 * LOAD_ATTR / STORE_ATTR
 * ------------------------------------------------------------------------- */

static void load_attr_on_type(KrCodeUnit *instr, KrObject *owner, KrObject *name) {
    KrCodeUnit *cache = instr + 1;
    KrType *cls = (KrType *)owner;
    if (KR_TYPE(owner) != &kr_type_type) return unspecialize(instr, "class with a metaclass");
    if (kr_type_lookup(&kr_type_type, name)) return unspecialize(instr, "attribute of type");
    uint32_t ver = kr_type_get_version(cls);
    if (!ver) return unspecialize(instr, "no type version");
    KrObject *descr = kr_type_lookup(cls, name);
    if (!descr) return unspecialize(instr, "class attribute not found");
    /* plain values, and functions (whose __get__ without an instance returns them) */
    if (KR_TYPE(descr)->tp_descr_get && KR_TYPE(descr) != &kr_function_type)
        return unspecialize(instr, "class attribute is a descriptor");
    kr_cache_write_u32(cache + KR_LA_TYPE_VER, ver);
    kr_cache_write_ptr(cache + KR_LA_PTR, descr);
    specialize(instr, KR_OP_LOAD_ATTR_CLASS);
}

void kr_specialize_load_attr(KrCodeUnit *instr, KrObject *owner, KrObject *name) {
    KrCodeUnit *cache = instr + 1;
    int method = KR_CU_ARG(*instr) & 1;
    if (!KR_STR_CHECK_EXACT(name)) return unspecialize(instr, "name not a str");
    KrType *t = KR_TYPE(owner);
    if (t == &kr_module_type) {
        KrObject *d = ((KrModule *)owner)->dict;
        if (!d || !KR_DICT_CHECK_EXACT(d)) return unspecialize(instr, "module without dict");
        uint64_t dv = ((KrDict *)d)->version;
        KrObject *v = kr_dict_get_item(d, name);
        if (!v || !dv) {
            kr_err_clear();
            return unspecialize(instr, "module attribute not found");
        }
        kr_cache_write_u48(cache + KR_LA_DICT_VER, KR_VERSION48(dv));
        kr_cache_write_ptr(cache + KR_LA_PTR, v);
        return specialize(instr, KR_OP_LOAD_ATTR_MODULE);
    }
    if (KR_TYPE_CHECK(owner)) return load_attr_on_type(instr, owner, name);
    if (t->tp_getattro != kr_object_generic_getattr)
        return unspecialize(instr, "__getattribute__ or __getattr__ overridden");
    uint32_t ver = kr_type_get_version(t);
    if (!ver) return unspecialize(instr, "no type version");
    KrObject *descr = kr_type_lookup(t, name);
    if (!descr) {
        if (t->tp_dictoffset <= 0) return unspecialize(instr, "not an instance dict");
        KrObject *dict = *(KrObject **)((char *)owner + t->tp_dictoffset);
        if (!dict || !KR_DICT_CHECK_EXACT(dict)) return unspecialize(instr, "no instance dict yet");
        if (method) return unspecialize(instr, "method form of an instance attribute");
        kr_cache_write_u32(cache + KR_LA_TYPE_VER, ver);
        return specialize(instr, KR_OP_LOAD_ATTR_INSTANCE);
    }
    KrType *dt = KR_TYPE(descr);
    if (dt == &kr_member_descr_type) {
        KrMemberDef *m = (KrMemberDef *)((KrDescr *)descr)->def;
        if (m->type != KR_MEMBER_OBJECT_EX || m->offset <= 0 || m->offset > 0xFFFF)
            return unspecialize(instr, "member of a non-object kind");
        if (method) return unspecialize(instr, "method form of a slot");
        kr_cache_write_u32(cache + KR_LA_TYPE_VER, ver);
        KR_CODE_STORE(cache + KR_LA_PTR, m->offset);
        return specialize(instr, KR_OP_LOAD_ATTR_SLOT);
    }
    bool has_dict = t->tp_dictoffset != 0;
    if (has_dict && t->tp_dictoffset < 0) return unspecialize(instr, "side-table instance dict");
    if (method && kr_type_has_flag(dt, KR_TPFLAGS_METHOD_DESCRIPTOR)) {
        kr_cache_write_u32(cache + KR_LA_TYPE_VER, ver);
        kr_cache_write_ptr(cache + KR_LA_PTR, descr);
        return specialize(instr, has_dict ? KR_OP_LOAD_ATTR_METHOD_WITH_DICT
                                          : KR_OP_LOAD_ATTR_METHOD_NO_DICT);
    }
    if (dt->tp_descr_get) {
        if (dt->tp_descr_set) return unspecialize(instr, "data descriptor (property, getset)");
        return unspecialize(instr, "non-method descriptor");
    }
    kr_cache_write_u32(cache + KR_LA_TYPE_VER, ver);
    kr_cache_write_ptr(cache + KR_LA_PTR, descr);
    specialize(instr, KR_OP_LOAD_ATTR_NONDESCRIPTOR);
}

void kr_specialize_store_attr(KrCodeUnit *instr, KrObject *owner, KrObject *name) {
    KrCodeUnit *cache = instr + 1;
    KrType *t = KR_TYPE(owner);
    if (!KR_STR_CHECK_EXACT(name)) return unspecialize(instr, "name not a str");
    if (t->tp_setattro != kr_object_generic_setattr)
        return unspecialize(instr, "__setattr__ overridden or not an instance");
    uint32_t ver = kr_type_get_version(t);
    if (!ver) return unspecialize(instr, "no type version");
    KrObject *descr = kr_type_lookup(t, name);
    if (!descr) {
        if (t->tp_dictoffset <= 0) return unspecialize(instr, "not an instance dict");
        KrObject *dict = *(KrObject **)((char *)owner + t->tp_dictoffset);
        if (dict && !KR_DICT_CHECK_EXACT(dict)) return unspecialize(instr, "instance dict replaced");
        kr_cache_write_u32(cache + KR_SA_TYPE_VER, ver);
        return specialize(instr, KR_OP_STORE_ATTR_INSTANCE);
    }
    if (KR_TYPE(descr) == &kr_member_descr_type) {
        KrMemberDef *m = (KrMemberDef *)((KrDescr *)descr)->def;
        if ((m->type != KR_MEMBER_OBJECT_EX && m->type != KR_MEMBER_OBJECT) ||
            (m->flags & KR_MEMBER_READONLY) || m->offset <= 0 || m->offset > 0xFFFF)
            return unspecialize(instr, "read-only or non-object member");
        kr_cache_write_u32(cache + KR_SA_TYPE_VER, ver);
        KR_CODE_STORE(cache + KR_SA_OFFSET, m->offset);
        return specialize(instr, KR_OP_STORE_ATTR_SLOT);
    }
    unspecialize(instr, KR_TYPE(descr)->tp_descr_set ? "data descriptor (property, getset)"
                                                     : "shadowed by a class attribute");
}

/* ---------------------------------------------------------------------------
 * Operators and subscripts
 * ------------------------------------------------------------------------- */

void kr_specialize_binary_op(KrCodeUnit *instr, KrObject *lhs, KrObject *rhs, int oparg) {
    KrType *lt = KR_TYPE(lhs), *rt = KR_TYPE(rhs);
    if (lt != rt) return unspecialize(instr, "operands of different types");
    if (lt == &kr_int_type) {
        if (!kr_int_is_small(lhs) || !kr_int_is_small(rhs))
            return unspecialize(instr, "int overflow (big int operand)");
        switch (oparg) {
        case KR_NB_ADD:
        case KR_NB_INPLACE_ADD:
            return specialize(instr, KR_OP_BINARY_OP_ADD_INT);
        case KR_NB_SUBTRACT:
        case KR_NB_INPLACE_SUBTRACT:
            return specialize(instr, KR_OP_BINARY_OP_SUBTRACT_INT);
        case KR_NB_MULTIPLY:
        case KR_NB_INPLACE_MULTIPLY:
            return specialize(instr, KR_OP_BINARY_OP_MULTIPLY_INT);
        case KR_NB_REMAINDER:
        case KR_NB_INPLACE_REMAINDER:
            return specialize(instr, KR_OP_BINARY_OP_REMAINDER_INT);
        case KR_NB_FLOOR_DIVIDE:
        case KR_NB_INPLACE_FLOOR_DIVIDE:
            return specialize(instr, KR_OP_BINARY_OP_FLOOR_DIVIDE_INT);
        case KR_NB_AND:
        case KR_NB_INPLACE_AND:
        case KR_NB_OR:
        case KR_NB_INPLACE_OR:
        case KR_NB_XOR:
        case KR_NB_INPLACE_XOR:
            return specialize(instr, KR_OP_BINARY_OP_BITWISE_INT);
        default:
            return unspecialize(instr, "int operator not specialised");
        }
    }
    if (lt == &kr_float_type) {
        switch (oparg) {
        case KR_NB_ADD:
        case KR_NB_INPLACE_ADD:
            return specialize(instr, KR_OP_BINARY_OP_ADD_FLOAT);
        case KR_NB_SUBTRACT:
        case KR_NB_INPLACE_SUBTRACT:
            return specialize(instr, KR_OP_BINARY_OP_SUBTRACT_FLOAT);
        case KR_NB_MULTIPLY:
        case KR_NB_INPLACE_MULTIPLY:
            return specialize(instr, KR_OP_BINARY_OP_MULTIPLY_FLOAT);
        case KR_NB_TRUE_DIVIDE:
        case KR_NB_INPLACE_TRUE_DIVIDE:
            return specialize(instr, KR_OP_BINARY_OP_TRUE_DIVIDE_FLOAT);
        default:
            return unspecialize(instr, "float operator not specialised");
        }
    }
    if (lt == &kr_str_type && (oparg == KR_NB_ADD || oparg == KR_NB_INPLACE_ADD))
        return specialize(instr, KR_OP_BINARY_OP_ADD_UNICODE);
    unspecialize(instr, lt == &kr_str_type ? "str operator not specialised"
                                            : "operand type not specialised");
}

void kr_specialize_compare_op(KrCodeUnit *instr, KrObject *lhs, KrObject *rhs, int oparg) {
    KrType *lt = KR_TYPE(lhs), *rt = KR_TYPE(rhs);
    if (lt != rt) return unspecialize(instr, "operands of different types");
    if (lt == &kr_int_type) {
        if (!kr_int_is_small(lhs) || !kr_int_is_small(rhs))
            return unspecialize(instr, "big int operand");
        return specialize(instr, KR_OP_COMPARE_OP_INT);
    }
    if (lt == &kr_float_type) return specialize(instr, KR_OP_COMPARE_OP_FLOAT);
    if (lt == &kr_str_type) return specialize(instr, KR_OP_COMPARE_OP_STR);
    unspecialize(instr, "operand type not specialised");
}

void kr_specialize_contains_op(KrCodeUnit *instr, KrObject *container) {
    KrType *t = KR_TYPE(container);
    if (t == &kr_dict_type) return specialize(instr, KR_OP_CONTAINS_OP_DICT);
    if (t == &kr_set_type || t == &kr_frozenset_type)
        return specialize(instr, KR_OP_CONTAINS_OP_SET);
    unspecialize(instr, "container not a dict or set");
}

void kr_specialize_binary_subscr(KrCodeUnit *instr, KrObject *container, KrObject *sub) {
    KrType *t = KR_TYPE(container);
    if (t == &kr_dict_type) return specialize(instr, KR_OP_BINARY_SUBSCR_DICT);
    if (!KR_INT_CHECK_EXACT(sub) || !kr_int_is_small(sub)) {
        return unspecialize(instr, t == &kr_list_type || t == &kr_tuple_type
                                       ? "index not an int"
                                       : "container type not specialised");
    }
    if (t == &kr_list_type) return specialize(instr, KR_OP_BINARY_SUBSCR_LIST_INT);
    if (t == &kr_tuple_type) return specialize(instr, KR_OP_BINARY_SUBSCR_TUPLE_INT);
    if (t == &kr_str_type) {
        if (!((KrStr *)container)->ascii) return unspecialize(instr, "non-ASCII str");
        return specialize(instr, KR_OP_BINARY_SUBSCR_STR_INT);
    }
    unspecialize(instr, "container type not specialised");
}

void kr_specialize_store_subscr(KrCodeUnit *instr, KrObject *container, KrObject *sub) {
    KrType *t = KR_TYPE(container);
    if (t == &kr_dict_type) return specialize(instr, KR_OP_STORE_SUBSCR_DICT);
    if (t == &kr_list_type && KR_INT_CHECK_EXACT(sub) && kr_int_is_small(sub))
        return specialize(instr, KR_OP_STORE_SUBSCR_LIST_INT);
    unspecialize(instr, t == &kr_list_type ? "index not an int" : "container type not specialised");
}

/* ---------------------------------------------------------------------------
 * CALL
 * ------------------------------------------------------------------------- */

/* A function whose frame CALL_PY_EXACT_ARGS can build by moving `nargs` arguments. */
static const char *exact_args_problem(KrFunction *fn, int nargs) {
    KrCode *co = (KrCode *)fn->code;
    if (co->flags & (KR_CO_VARARGS | KR_CO_VARKEYWORDS)) return "function with *args/**kwargs";
    if (co->kwonlyargcount) return "function with keyword-only parameters";
    if (co->argcount != nargs) return "argument count differs (defaults)";
    if (!fn->func_version) return "function without version";
    return NULL;
}

static void lookup_builtins(void) {
    if (kr_spec_builtin_len || !kr_interp.builtins) return;
    kr_spec_builtin_len = kr_dict_get_item_str(kr_interp.builtins, "len");
    kr_spec_builtin_isinstance = kr_dict_get_item_str(kr_interp.builtins, "isinstance");
    kr_err_clear();
}

void kr_specialize_call(KrCodeUnit *instr, KrObject *callable, KrObject *self_or_null,
                        int nargs, KrObject *kwnames) {
    KrCodeUnit *cache = instr + 1;
    if (kwnames) return unspecialize(instr, "keyword arguments");
    /* the generic CALL stack: [callable_or_NULL, self_or_callable, args...] */
    bool bound = self_or_null != NULL; /* [func, self, args] from LOAD_ATTR's method form */
    KrType *t = KR_TYPE(callable);
    if (t == &kr_function_type) {
        KrFunction *fn = (KrFunction *)callable;
        const char *why = exact_args_problem(fn, nargs + bound);
        if (why) return unspecialize(instr, why);
        kr_cache_write_u32(cache + KR_CALL_VER, fn->func_version);
        return specialize(instr, KR_OP_CALL_PY_EXACT_ARGS);
    }
    if (t == &kr_method_type && !bound) {
        KrObject *f = ((KrMethod *)callable)->func;
        if (KR_TYPE(f) != &kr_function_type) return unspecialize(instr, "bound method of a C function");
        const char *why = exact_args_problem((KrFunction *)f, nargs + 1);
        if (why) return unspecialize(instr, why);
        kr_cache_write_u32(cache + KR_CALL_VER, ((KrFunction *)f)->func_version);
        return specialize(instr, KR_OP_CALL_BOUND_METHOD_EXACT_ARGS);
    }
    if (t == &kr_type_type && !bound) {
        KrType *cls = (KrType *)callable;
        if (cls == &kr_type_type) {
            if (nargs == 1) return specialize(instr, KR_OP_CALL_TYPE_1);
            return unspecialize(instr, "type() with 3 arguments");
        }
        if (cls == &kr_str_type && nargs == 1) return specialize(instr, KR_OP_CALL_STR_1);
        if (cls == &kr_int_type && nargs == 1) return specialize(instr, KR_OP_CALL_INT_1);
        if (!KR_IS_HEAPTYPE(cls) || cls->tp_new != kr_object_default_new ||
            kr_type_has_flag(cls, KR_TPFLAGS_ABSTRACT))
            return unspecialize(instr, "class with its own __new__ or a builtin type");
        KrObject *init = kr_type_lookup(cls, kr_ceval_str("__init__"));
        if (!init || KR_TYPE(init) != &kr_function_type)
            return unspecialize(instr, "class without a Python __init__");
        const char *why = exact_args_problem((KrFunction *)init, nargs + 1);
        if (why) return unspecialize(instr, why);
        if (((KrCode *)((KrFunction *)init)->code)->flags &
            (KR_CO_GENERATOR | KR_CO_COROUTINE | KR_CO_ASYNC_GENERATOR))
            return unspecialize(instr, "__init__ is a generator");
        uint32_t ver = kr_type_get_version(cls);
        if (!ver) return unspecialize(instr, "no type version");
        KR_SETREF(cls->tp_cache, KR_NEWREF(init)); /* valid while the version holds */
        kr_cache_write_u32(cache + KR_CALL_VER, ver);
        return specialize(instr, KR_OP_CALL_ALLOC_AND_ENTER_INIT);
    }
    if (t == &kr_cfunction_type && !bound) {
        lookup_builtins();
        if (callable == kr_spec_builtin_len && nargs == 1) return specialize(instr, KR_OP_CALL_LEN);
        if (callable == kr_spec_builtin_isinstance && nargs == 2)
            return specialize(instr, KR_OP_CALL_ISINSTANCE);
        int flags = ((KrCFunction *)callable)->def->flags & ~KR_METH_COEXIST;
        if (flags == KR_METH_O && nargs == 1) return specialize(instr, KR_OP_CALL_BUILTIN_O);
        if (flags == KR_METH_FASTCALL || flags == (KR_METH_FASTCALL | KR_METH_KEYWORDS))
            return specialize(instr, KR_OP_CALL_BUILTIN_FAST);
        return unspecialize(instr, "C function with other calling convention");
    }
    if (t == &kr_method_descr_type && bound) {
        KrDescr *d = (KrDescr *)callable;
        KrMethodDef *def = (KrMethodDef *)d->def;
        int flags = def->flags & ~KR_METH_COEXIST;
        if (!kr_object_type_is_sub(KR_TYPE(self_or_null), d->type))
            return unspecialize(instr, "method descriptor of another type");
        if (d->type == &kr_list_type && KR_TYPE(self_or_null) == &kr_list_type && nargs == 1 &&
            strcmp(def->name, "append") == 0) {
            kr_spec_list_append_def = def;
            return specialize(instr, KR_OP_CALL_LIST_APPEND);
        }
        if (flags == KR_METH_O && nargs == 1)
            return specialize(instr, KR_OP_CALL_METHOD_DESCRIPTOR_O);
        if (flags == KR_METH_NOARGS && nargs == 0)
            return specialize(instr, KR_OP_CALL_METHOD_DESCRIPTOR_NOARGS);
        if (flags == KR_METH_FASTCALL || flags == (KR_METH_FASTCALL | KR_METH_KEYWORDS))
            return specialize(instr, KR_OP_CALL_METHOD_DESCRIPTOR_FAST);
        return unspecialize(instr, "method descriptor with other calling convention");
    }
    unspecialize(instr, bound ? "method of another kind" : "callable type not specialised");
}

/* ---------------------------------------------------------------------------
 * FOR_ITER / UNPACK_SEQUENCE
 * ------------------------------------------------------------------------- */

void kr_specialize_for_iter(KrCodeUnit *instr, KrObject *iter) {
    KrType *t = KR_TYPE(iter);
    if (t == &kr_range_iter_type) return specialize(instr, KR_OP_FOR_ITER_RANGE);
    if (t == &kr_list_iter_type) return specialize(instr, KR_OP_FOR_ITER_LIST);
    if (t == &kr_tuple_iter_type) return specialize(instr, KR_OP_FOR_ITER_TUPLE);
    if (t == &kr_gen_type) return specialize(instr, KR_OP_FOR_ITER_GEN);
    unspecialize(instr, "iterator type not specialised");
}

void kr_specialize_unpack_sequence(KrCodeUnit *instr, KrObject *seq, int n) {
    KrType *t = KR_TYPE(seq);
    if (t == &kr_tuple_type && KR_SIZE(seq) == n)
        return specialize(instr, n == 2 ? KR_OP_UNPACK_SEQUENCE_TWO_TUPLE
                                        : KR_OP_UNPACK_SEQUENCE_TUPLE);
    if (t == &kr_list_type && KR_SIZE(seq) == n) return specialize(instr, KR_OP_UNPACK_SEQUENCE_LIST);
    unspecialize(instr, t == &kr_tuple_type || t == &kr_list_type ? "length mismatch"
                                                                   : "not a tuple or list");
}
