/* ceval.c - the evaluation loop: one C function that runs wordcode for a stack of
 * frames. Python-to-Python calls and generator resumptions push or switch frames and
 * continue in the same loop (no C recursion); slow paths live in ceval_helpers.c and
 * the dispatch macros in ceval_macros.h. Every opcode of kr_opcodes.def has a handler
 * here; specialised variants will sit next to their generic instruction. */
#include <stdatomic.h>

#include "ceval_internal.h"
#include "ceval_macros.h"
#include "specialize.h"

int (*kr_eval_breaker_hook)(KrThreadState *ts, uint32_t bits);

static inline int recursion_limit(void) {
    return kr_interp.recursion_limit > 0 ? kr_interp.recursion_limit : 1000;
}

/* Pops a frame that finished (returned or raised). A generator's frame stays inside
 * the generator, which is marked complete. */
static void finish_frame(KrThreadState *ts, KrFrame *f) {
    ts->recursion_depth--;
    ts->current_frame = f->previous;
    if (f->owner == KR_FRAME_OWNED_BY_GENERATOR) {
        KrGen *gen = kr_gen_of_frame(f);
        gen->frame_state = KR_FRAME_COMPLETED;
        kr_gen_exc_exit(ts, gen, 1);
        kr_frame_clear(f);
        f->previous = NULL;
    } else {
        kr_frame_clear(f);
        kr_tstate_pop_frame(ts, f);
    }
}

/* Small-int fast paths shared by BINARY_OP and COMPARE_OP (the specialiser will turn
 * these into separate instructions; until then they are guarded inline checks). */
static inline bool both_small_ints(KrObject *a, KrObject *b) {
    return KR_INT_CHECK_EXACT(a) && KR_INT_CHECK_EXACT(b) && kr_int_is_small(a) &&
           kr_int_is_small(b);
}

static KrObject *small_int_binary(KrObject *a, KrObject *b, int op) {
    int64_t x = ((KrInt *)a)->value, y = ((KrInt *)b)->value, r;
    switch (op) {
    case KR_NB_ADD:
    case KR_NB_INPLACE_ADD:
        if (__builtin_add_overflow(x, y, &r)) return NULL;
        return kr_int_from_i64(r);
    case KR_NB_SUBTRACT:
    case KR_NB_INPLACE_SUBTRACT:
        if (__builtin_sub_overflow(x, y, &r)) return NULL;
        return kr_int_from_i64(r);
    case KR_NB_MULTIPLY:
    case KR_NB_INPLACE_MULTIPLY:
        if (__builtin_mul_overflow(x, y, &r)) return NULL;
        return kr_int_from_i64(r);
    case KR_NB_AND:
    case KR_NB_INPLACE_AND:
        return kr_int_from_i64(x & y);
    case KR_NB_OR:
    case KR_NB_INPLACE_OR:
        return kr_int_from_i64(x | y);
    case KR_NB_XOR:
    case KR_NB_INPLACE_XOR:
        return kr_int_from_i64(x ^ y);
    default:
        return NULL;
    }
}

/* Python's % and // on int64 (result takes the divisor's sign); true = cannot (zero
 * divisor, or INT64_MIN // -1 overflowing). */
static inline bool i64_mod(int64_t x, int64_t y, int64_t *r) {
    if (y == 0 || y == -1) {
        if (y == 0) return true;
        *r = 0;
        return false;
    }
    int64_t m = x % y;
    if (m != 0 && ((m ^ y) < 0)) m += y;
    *r = m;
    return false;
}

static inline bool i64_floordiv(int64_t x, int64_t y, int64_t *r) {
    if (y == 0 || (y == -1 && x == INT64_MIN)) return true;
    int64_t q = x / y;
    if ((x % y != 0) && ((x ^ y) < 0)) q--;
    *r = q;
    return false;
}

static inline bool i64_bitwise(int64_t x, int64_t y, int op, int64_t *r) {
    switch (op) {
    case KR_NB_AND:
    case KR_NB_INPLACE_AND: *r = x & y; break;
    case KR_NB_OR:
    case KR_NB_INPLACE_OR: *r = x | y; break;
    default: *r = x ^ y; break;
    }
    return false;
}

static inline int compare_i64(int64_t x, int64_t y, int op) {
    switch (op) {
    case KR_LT: return x < y;
    case KR_LE: return x <= y;
    case KR_EQ: return x == y;
    case KR_NE: return x != y;
    case KR_GT: return x > y;
    default: return x >= y;
    }
}

/* Pushes the frame of a function called with exactly its positional parameters
 * (CALL_PY_EXACT_ARGS): the `n` argument references move from the caller's stack.
 * NULL + MemoryError/RecursionError leaves them on the stack. */
static inline KrFrame *push_exact_frame(KrThreadState *ts, KrFunction *fn, KrObject **args,
                                        int n) {
    KrCode *co = (KrCode *)fn->code;
    KrFrame *f = kr_tstate_push_frame(ts, kr_frame_nslots(co));
    if (!f) return NULL;
    kr_frame_init(f, fn, NULL);
    for (int i = 0; i < n; i++) f->localsplus[i] = args[i];
    return f;
}

KrObject *kr_eval_frame(KrThreadState *ts, KrFrame *frame, int throwflag) {
#if KR_COMPUTED_GOTO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const dispatch_table[256] = {
        [0 ... 255] = &&unknown_opcode,
#define KR_OP(name, pop, push, jpop, jpush, cache, flags) [KR_OP_##name] = &&TARGET_##name,
#define KR_SPEC(name, base) [KR_OP_##name] = &&TARGET_##name,
#include "kr_opcodes.def"
#undef KR_SPEC
#undef KR_OP
    };
    /* -X stats and settrace/setprofile run every instruction through a stub first */
    static void *const counting_table[256] = {[0 ... 255] = &&dispatch_stub};
    static void *const tracing_table[256] = {[0 ... 255] = &&dispatch_stub};
#pragma GCC diagnostic pop
    void *const *dt;
#define SELECT_DISPATCH()                                                                  \
    do {                                                                                   \
        dispatch_mode = kr_trace_state.active ? 2 : kr_stats_enabled;                      \
        dt = dispatch_mode == 2 ? tracing_table                                            \
             : dispatch_mode  ? counting_table                                             \
                              : dispatch_table;                                            \
    } while (0)
#else
#define SELECT_DISPATCH() (dispatch_mode = kr_trace_state.active ? 2 : kr_stats_enabled)
#endif
    int dispatch_mode; /* 0 plain, 1 counting (-X stats), 2 tracing/profiling */
    KrCode *code;
    KrCodeUnit *first_instr, *next_instr;
    KrObject **localsplus, **sp;
    KrObject *const *consts, *const *names;
    KrObject *kwnames = NULL;   /* set by KW_NAMES for the CALL that follows */
    KrObject *retval;
    KrFrame *new_frame;
    int opcode, oparg;
    int unwind_offset;          /* instruction whose handler exception_unwind looks up */

    frame->previous = ts->current_frame;
    frame->is_entry = 1;
    ts->current_frame = frame;
    SELECT_DISPATCH();
    LOAD_FRAME_REGISTERS();
    next_instr = frame->instr_ptr + 1;
    if (++ts->recursion_depth > recursion_limit()) {
        kr_err_set_string(kr_exc_RecursionError, "maximum recursion depth exceeded");
        goto exit_unwind;
    }
    if (__builtin_expect(!kr_stats_checked, 0)) {
        kr_stats_init_from_xoptions();
        SELECT_DISPATCH();
    }
    if (throwflag) goto error;
    DISPATCH();

#if !KR_COMPUTED_GOTO
dispatch_switch:
    switch (opcode) {
#endif

    /* ---- basics and stack manipulation ---- */

    TARGET(CACHE) { goto unknown_opcode; }

    TARGET(NOP) { DISPATCH(); }

    TARGET(EXTENDED_ARG) {
        KrCodeUnit w = *next_instr;
        frame->instr_ptr = next_instr++;
        opcode = KR_CU_OP(w);
        oparg = (oparg << 8) | KR_CU_ARG(w);
        DISPATCH_GOTO();
    }

    TARGET(RESUME) {
        if (oparg < KR_RESUME_AFTER_YIELD_FROM) CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(POP_TOP) {
        KrObject *v = POP();
        KR_XDECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        KrObject *v = PEEK(oparg);
        PUSH(kr_xnewref(v));
        DISPATCH();
    }

    TARGET(SWAP) {
        KrObject *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }

    /* ---- loads and stores ---- */

    TARGET(LOAD_CONST) {
        PUSH(KR_NEWREF(consts[oparg]));
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        KrObject *v = GETLOCAL(oparg);
        if (__builtin_expect(v == NULL, 0)) {
            kr_ceval_format_unbound_local(code, oparg);
            goto error;
        }
        PUSH(KR_NEWREF(v));
        DISPATCH();
    }

    TARGET(LOAD_FAST_CHECK) {
        KrObject *v = GETLOCAL(oparg);
        if (v == NULL) {
            kr_ceval_format_unbound_local(code, oparg);
            goto error;
        }
        PUSH(KR_NEWREF(v));
        DISPATCH();
    }

    TARGET(LOAD_FAST_AND_CLEAR) {
        PUSH(GETLOCAL(oparg));
        GETLOCAL(oparg) = NULL;
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        KrObject *v = POP();
        KrObject *old = GETLOCAL(oparg);
        GETLOCAL(oparg) = v;
        KR_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        KrObject *v = GETLOCAL(oparg);
        if (v == NULL) {
            kr_ceval_format_unbound_local(code, oparg);
            goto error;
        }
        GETLOCAL(oparg) = NULL;
        KR_DECREF(v);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        KrObject *v = ((KrCell *)GETLOCAL(oparg))->ref;
        if (v == NULL) {
            kr_ceval_format_unbound_free(code, oparg);
            goto error;
        }
        PUSH(KR_NEWREF(v));
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        KrCell *cell = (KrCell *)GETLOCAL(oparg);
        KrObject *old = cell->ref;
        cell->ref = POP();
        KR_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        KrCell *cell = (KrCell *)GETLOCAL(oparg);
        KrObject *old = cell->ref;
        if (old == NULL) {
            kr_ceval_format_unbound_free(code, oparg);
            goto error;
        }
        cell->ref = NULL;
        KR_DECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PUSH(kr_xnewref(GETLOCAL(oparg)));
        DISPATCH();
    }

    TARGET(MAKE_CELL) {
        KrObject *init = GETLOCAL(oparg);
        KrObject *cell = kr_cell_new(init);
        ERROR_IF(cell == NULL);
        GETLOCAL(oparg) = cell;
        KR_XDECREF(init);
        DISPATCH();
    }

    TARGET(COPY_FREE_VARS) {
        KrObject *closure = ((KrFunction *)frame->func)->closure;
        if (!closure || KR_SIZE(closure) < oparg) {
            kr_err_set_string(kr_exc_SystemError, "function closure does not match its code");
            goto error;
        }
        int offset = code->nlocalsplus - oparg;
        for (int i = 0; i < oparg; i++) GETLOCAL(offset + i) = KR_NEWREF(KR_TUPLE_ITEM(closure, i));
        DISPATCH();
    }

    TARGET(LOAD_FROM_DICT_OR_DEREF) {
        KrObject *mapping = TOP();
        KrObject *v;
        ERROR_IF(kr_ceval_mapping_get(mapping, KR_TUPLE_ITEM(code->localsplusnames, oparg), &v) < 0);
        if (!v) {
            v = ((KrCell *)GETLOCAL(oparg))->ref;
            if (!v) {
                kr_ceval_format_unbound_free(code, oparg);
                goto error;
            }
            KR_INCREF(v);
        }
        KR_DECREF(mapping);
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(LOAD_FROM_DICT_OR_GLOBALS) {
        KrObject *mapping = TOP();
        KrObject *v;
        ERROR_IF(kr_ceval_mapping_get(mapping, names[oparg], &v) < 0);
        if (!v) {
            v = kr_ceval_load_global(frame, names[oparg]);
            ERROR_IF(v == NULL);
        }
        KR_DECREF(mapping);
        SET_TOP(v);
        DISPATCH();
    }

    TARGET(LOAD_LOCALS) {
        if (!frame->locals) {
            kr_err_set_string(kr_exc_SystemError, "no locals found");
            goto error;
        }
        PUSH(KR_NEWREF(frame->locals));
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        KrObject *v = kr_ceval_load_name(frame, names[oparg]);
        ERROR_IF(v == NULL);
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        KrObject *name = names[oparg], *ns = frame->locals;
        if (!ns) {
            kr_err_format(kr_exc_SystemError, "no locals found when storing %R", name);
            goto error;
        }
        KrObject *v = TOP();
        int err = KR_DICT_CHECK_EXACT(ns) ? kr_dict_set_item(ns, name, v)
                                          : kr_object_set_item(ns, name, v);
        ERROR_IF(err < 0);
        STACK_SHRINK(1);
        KR_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        KrObject *name = names[oparg], *ns = frame->locals;
        if (!ns) {
            kr_err_format(kr_exc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        if (kr_object_del_item(ns, name) < 0) {
            kr_err_clear();
            kr_ceval_name_error(name);
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
    deopt_LOAD_GLOBAL:;
        KrObject *name = names[oparg >> 1];
        KrObject *v;
        MAYBE_SPECIALIZE(kr_specialize_load_global(this_, frame->globals, frame->builtins, name));
        if (KR_DICT_CHECK_EXACT(frame->globals) && KR_DICT_CHECK_EXACT(frame->builtins)) {
            v = kr_dict_get_item(frame->globals, name);
            if (!v) {
                ERROR_IF(kr_err_occurred());
                v = kr_dict_get_item(frame->builtins, name);
                if (!v) {
                    if (!kr_err_occurred()) kr_ceval_name_error(name);
                    goto error;
                }
            }
            KR_INCREF(v);
        } else {
            v = kr_ceval_load_global(frame, name);
            ERROR_IF(v == NULL);
        }
        if (oparg & 1) PUSH(NULL);
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL_MODULE) {
        KrCodeUnit *cache = CACHE_BASE(LOAD_GLOBAL);
        DEOPT_IF(KR_VERSION48(((KrDict *)frame->globals)->version) !=
                     kr_cache_read_u48(cache + KR_LG_GLOBALS_VER),
                 LOAD_GLOBAL);
        KrObject *v = kr_cache_read_ptr(cache + KR_LG_VALUE);
        if (oparg & 1) PUSH(NULL);
        PUSH(KR_NEWREF(v));
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL_BUILTIN) {
        KrCodeUnit *cache = CACHE_BASE(LOAD_GLOBAL);
        DEOPT_IF(KR_VERSION48(((KrDict *)frame->globals)->version) !=
                     kr_cache_read_u48(cache + KR_LG_GLOBALS_VER),
                 LOAD_GLOBAL);
        DEOPT_IF(KR_VERSION48(((KrDict *)frame->builtins)->version) !=
                     kr_cache_read_u48(cache + KR_LG_BUILTINS_VER),
                 LOAD_GLOBAL);
        KrObject *v = kr_cache_read_ptr(cache + KR_LG_VALUE);
        if (oparg & 1) PUSH(NULL);
        PUSH(KR_NEWREF(v));
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        KrObject *v = TOP();
        ERROR_IF(kr_dict_set_item(frame->globals, names[oparg], v) < 0);
        STACK_SHRINK(1);
        KR_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        if (kr_dict_del_item(frame->globals, names[oparg]) < 0) {
            if (kr_err_matches(kr_exc_KeyError)) {
                kr_err_clear();
                kr_ceval_name_error(names[oparg]);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
    deopt_LOAD_ATTR:;
        KrObject *name = names[oparg >> 1];
        KrObject *owner = TOP();
        MAYBE_SPECIALIZE(kr_specialize_load_attr(this_, owner, name));
        if (oparg & 1) {
            KrObject *meth = NULL;
            int found = kr_ceval_get_method(owner, name, &meth);
            ERROR_IF(found < 0);
            if (found) {
                SET_TOP(meth); /* [meth, self]: the owner's reference moves up */
                PUSH(owner);
            } else {
                SET_TOP(NULL);
                KR_DECREF(owner);
                PUSH(meth);
            }
        } else {
            KrObject *res = kr_object_getattr(owner, name);
            ERROR_IF(res == NULL);
            KR_DECREF(owner);
            SET_TOP(res);
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR_INSTANCE) {
        KrCodeUnit *cache = CACHE_BASE(LOAD_ATTR);
        KrObject *owner = TOP();
        KrType *tp = KR_TYPE(owner);
        DEOPT_IF(tp->tp_version_tag != kr_cache_read_u32(cache + KR_LA_TYPE_VER), LOAD_ATTR);
        KrObject *dict = *(KrObject **)((char *)owner + tp->tp_dictoffset);
        DEOPT_IF(dict == NULL, LOAD_ATTR);
        KrObject *res = kr_dict_get_item(dict, names[oparg >> 1]);
        if (res == NULL) {
            ERROR_IF(ts->current_exception != NULL);
            DEOPT_IF(1, LOAD_ATTR);
        }
        SET_TOP(KR_NEWREF(res));
        KR_DECREF(owner);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_SLOT) {
        KrCodeUnit *cache = CACHE_BASE(LOAD_ATTR);
        KrObject *owner = TOP();
        DEOPT_IF(KR_TYPE(owner)->tp_version_tag != kr_cache_read_u32(cache + KR_LA_TYPE_VER),
                 LOAD_ATTR);
        KrObject *res = *(KrObject **)((char *)owner + cache[KR_LA_PTR]);
        DEOPT_IF(res == NULL, LOAD_ATTR);
        SET_TOP(KR_NEWREF(res));
        KR_DECREF(owner);
        DISPATCH();
    }

    TARGET(LOAD_ATTR_CLASS) {
        KrCodeUnit *cache = CACHE_BASE(LOAD_ATTR);
        KrObject *owner = TOP();
        DEOPT_IF(KR_TYPE(owner) != &kr_type_type, LOAD_ATTR);
        DEOPT_IF(((KrType *)owner)->tp_version_tag != kr_cache_read_u32(cache + KR_LA_TYPE_VER),
                 LOAD_ATTR);
        KrObject *res = kr_cache_read_ptr(cache + KR_LA_PTR);
        KR_DECREF(owner);
        if (oparg & 1) {
            SET_TOP(NULL);
            PUSH(KR_NEWREF(res));
        } else {
            SET_TOP(KR_NEWREF(res));
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR_MODULE) {
        KrCodeUnit *cache = CACHE_BASE(LOAD_ATTR);
        KrObject *owner = TOP();
        DEOPT_IF(KR_TYPE(owner) != &kr_module_type, LOAD_ATTR);
        DEOPT_IF(KR_VERSION48(((KrDict *)((KrModule *)owner)->dict)->version) !=
                     kr_cache_read_u48(cache + KR_LA_DICT_VER),
                 LOAD_ATTR);
        KrObject *res = kr_cache_read_ptr(cache + KR_LA_PTR);
        KR_DECREF(owner);
        if (oparg & 1) {
            SET_TOP(NULL);
            PUSH(KR_NEWREF(res));
        } else {
            SET_TOP(KR_NEWREF(res));
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR_NONDESCRIPTOR) {
        KrCodeUnit *cache = CACHE_BASE(LOAD_ATTR);
        KrObject *owner = TOP();
        KrType *tp = KR_TYPE(owner);
        DEOPT_IF(tp->tp_version_tag != kr_cache_read_u32(cache + KR_LA_TYPE_VER), LOAD_ATTR);
        if (tp->tp_dictoffset) {
            KrObject *dict = *(KrObject **)((char *)owner + tp->tp_dictoffset);
            DEOPT_IF(dict != NULL && ((KrDict *)dict)->used != 0 &&
                         kr_dict_get_item(dict, names[oparg >> 1]) != NULL,
                     LOAD_ATTR);
            ERROR_IF(ts->current_exception != NULL);
        }
        KrObject *res = kr_cache_read_ptr(cache + KR_LA_PTR);
        KR_DECREF(owner);
        if (oparg & 1) {
            SET_TOP(NULL);
            PUSH(KR_NEWREF(res));
        } else {
            SET_TOP(KR_NEWREF(res));
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR_METHOD_NO_DICT) {
        KrCodeUnit *cache = CACHE_BASE(LOAD_ATTR);
        KrObject *owner = TOP();
        DEOPT_IF(KR_TYPE(owner)->tp_version_tag != kr_cache_read_u32(cache + KR_LA_TYPE_VER),
                 LOAD_ATTR);
        SET_TOP(KR_NEWREF((KrObject *)kr_cache_read_ptr(cache + KR_LA_PTR)));
        PUSH(owner); /* [meth, self]: the owner's reference moves up */
        DISPATCH();
    }

    TARGET(LOAD_ATTR_METHOD_WITH_DICT) {
        KrCodeUnit *cache = CACHE_BASE(LOAD_ATTR);
        KrObject *owner = TOP();
        KrType *tp = KR_TYPE(owner);
        DEOPT_IF(tp->tp_version_tag != kr_cache_read_u32(cache + KR_LA_TYPE_VER), LOAD_ATTR);
        KrObject *dict = *(KrObject **)((char *)owner + tp->tp_dictoffset);
        DEOPT_IF(dict != NULL && ((KrDict *)dict)->used != 0 &&
                     kr_dict_get_item(dict, names[oparg >> 1]) != NULL,
                 LOAD_ATTR);
        ERROR_IF(ts->current_exception != NULL);
        SET_TOP(KR_NEWREF((KrObject *)kr_cache_read_ptr(cache + KR_LA_PTR)));
        PUSH(owner);
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
    deopt_STORE_ATTR:;
        KrObject *owner = TOP(), *v = SECOND();
        MAYBE_SPECIALIZE(kr_specialize_store_attr(this_, owner, names[oparg]));
        ERROR_IF(kr_object_setattr(owner, names[oparg], v) < 0);
        STACK_SHRINK(2);
        KR_DECREF(owner);
        KR_DECREF(v);
        DISPATCH();
    }

    TARGET(STORE_ATTR_INSTANCE) {
        KrCodeUnit *cache = CACHE_BASE(STORE_ATTR);
        KrObject *owner = TOP(), *v = SECOND();
        KrType *tp = KR_TYPE(owner);
        DEOPT_IF(tp->tp_version_tag != kr_cache_read_u32(cache + KR_SA_TYPE_VER), STORE_ATTR);
        KrObject **dictptr = (KrObject **)((char *)owner + tp->tp_dictoffset);
        if (*dictptr == NULL) { /* the first attribute (usually in __init__) */
            *dictptr = kr_dict_new();
            ERROR_IF(*dictptr == NULL);
        }
        ERROR_IF(kr_dict_set_item(*dictptr, names[oparg], v) < 0);
        STACK_SHRINK(2);
        KR_DECREF(owner);
        KR_DECREF(v);
        DISPATCH();
    }

    TARGET(STORE_ATTR_SLOT) {
        KrCodeUnit *cache = CACHE_BASE(STORE_ATTR);
        KrObject *owner = TOP(), *v = SECOND();
        DEOPT_IF(KR_TYPE(owner)->tp_version_tag != kr_cache_read_u32(cache + KR_SA_TYPE_VER),
                 STORE_ATTR);
        KrObject **slot = (KrObject **)((char *)owner + cache[KR_SA_OFFSET]);
        KrObject *old = *slot;
        *slot = v; /* the stack's reference moves into the slot */
        STACK_SHRINK(2);
        KR_XDECREF(old);
        KR_DECREF(owner);
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        KrObject *owner = TOP();
        ERROR_IF(kr_object_setattr(owner, names[oparg], NULL) < 0);
        STACK_SHRINK(1);
        KR_DECREF(owner);
        DISPATCH();
    }

    TARGET(LOAD_SUPER_ATTR) {
        KrObject *global_super = PEEK(3), *cls = PEEK(2), *self = PEEK(1);
        int method = oparg & 1;
        KrObject *attr = kr_ceval_load_super_attr(global_super, cls, self, names[oparg >> 2],
                                                  oparg & 2, &method);
        ERROR_IF(attr == NULL);
        STACK_SHRINK(3);
        KR_DECREF(global_super);
        KR_DECREF(cls);
        if (oparg & 1) {
            if (method) {
                PUSH(attr);
                PUSH(self);
            } else {
                KR_DECREF(self);
                PUSH(NULL);
                PUSH(attr);
            }
        } else {
            KR_DECREF(self);
            PUSH(attr);
        }
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        KrObject *bc = kr_ceval_load_build_class(frame);
        ERROR_IF(bc == NULL);
        PUSH(bc);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(KR_NEWREF(kr_exc_AssertionError));
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        ERROR_IF(kr_ceval_setup_annotations(frame) < 0);
        DISPATCH();
    }

    /* ---- operators ---- */

    TARGET(UNARY_NEGATIVE) {
        KrObject *v = TOP();
        KrObject *res = kr_number_negative(v);
        ERROR_IF(res == NULL);
        KR_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        KrObject *v = TOP();
        KrObject *res = kr_number_positive(v);
        ERROR_IF(res == NULL);
        KR_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        KrObject *v = TOP();
        KrObject *res = kr_number_invert(v);
        ERROR_IF(res == NULL);
        KR_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        KrObject *v = TOP();
        int r = kr_object_is_true(v);
        ERROR_IF(r < 0);
        KR_DECREF(v);
        SET_TOP(KR_NEWREF(r ? kr_false : kr_true));
        DISPATCH();
    }

    TARGET(BINARY_OP) {
    deopt_BINARY_OP:;
        KrObject *rhs = TOP(), *lhs = SECOND();
        KrObject *res = NULL;
        MAYBE_SPECIALIZE(kr_specialize_binary_op(this_, lhs, rhs, oparg));
        if (both_small_ints(lhs, rhs)) res = small_int_binary(lhs, rhs, oparg);
        if (!res) {
            res = kr_number_binary_op(lhs, rhs, oparg);
            ERROR_IF(res == NULL);
        }
        STACK_SHRINK(1);
        KR_DECREF(lhs);
        KR_DECREF(rhs);
        SET_TOP(res);
        DISPATCH();
    }

#define INT_BINOP(NAME, EXPR)                                                              \
    TARGET(NAME) {                                                                         \
        KrObject *rhs = TOP(), *lhs = SECOND();                                            \
        DEOPT_IF(KR_TYPE(lhs) != &kr_int_type || KR_TYPE(rhs) != &kr_int_type, BINARY_OP); \
        DEOPT_IF(!kr_int_is_small(lhs) || !kr_int_is_small(rhs), BINARY_OP);              \
        int64_t x = ((KrInt *)lhs)->value, y = ((KrInt *)rhs)->value, r;                   \
        DEOPT_IF(EXPR, BINARY_OP);                                                         \
        KrObject *res = kr_int_from_i64(r);                                                \
        ERROR_IF(res == NULL);                                                             \
        STACK_SHRINK(1);                                                                   \
        KR_DECREF(lhs);                                                                    \
        KR_DECREF(rhs);                                                                    \
        SET_TOP(res);                                                                      \
        DISPATCH();                                                                        \
    }
    /* int64 overflow, a zero divisor or INT64_MIN // -1 deopt to the generic form,
     * which produces the big int or the exception */
    INT_BINOP(BINARY_OP_ADD_INT, __builtin_add_overflow(x, y, &r))
    INT_BINOP(BINARY_OP_SUBTRACT_INT, __builtin_sub_overflow(x, y, &r))
    INT_BINOP(BINARY_OP_MULTIPLY_INT, __builtin_mul_overflow(x, y, &r))
    INT_BINOP(BINARY_OP_REMAINDER_INT, i64_mod(x, y, &r))
    INT_BINOP(BINARY_OP_FLOOR_DIVIDE_INT, i64_floordiv(x, y, &r))
    INT_BINOP(BINARY_OP_BITWISE_INT, i64_bitwise(x, y, oparg, &r))
#undef INT_BINOP

#define FLOAT_BINOP(NAME, OP)                                                              \
    TARGET(NAME) {                                                                         \
        KrObject *rhs = TOP(), *lhs = SECOND();                                            \
        DEOPT_IF(KR_TYPE(lhs) != &kr_float_type || KR_TYPE(rhs) != &kr_float_type,         \
                 BINARY_OP);                                                               \
        double y = ((KrFloat *)rhs)->value;                                                \
        DEOPT_IF(OP == '/' && y == 0.0, BINARY_OP); /* ZeroDivisionError */                \
        double x = ((KrFloat *)lhs)->value;                                                \
        double r = OP == '+' ? x + y : OP == '-' ? x - y : OP == '*' ? x * y : x / y;      \
        KrObject *res;                                                                     \
        if (kr_refcnt(lhs) == 1) { /* reuse the dying left operand */                      \
            ((KrFloat *)lhs)->value = r;                                                   \
            res = lhs;                                                                     \
        } else {                                                                           \
            res = kr_float_from_double(r);                                                 \
            ERROR_IF(res == NULL);                                                         \
            KR_DECREF(lhs);                                                                \
        }                                                                                  \
        STACK_SHRINK(1);                                                                   \
        KR_DECREF(rhs);                                                                    \
        SET_TOP(res);                                                                      \
        DISPATCH();                                                                        \
    }
    FLOAT_BINOP(BINARY_OP_ADD_FLOAT, '+')
    FLOAT_BINOP(BINARY_OP_SUBTRACT_FLOAT, '-')
    FLOAT_BINOP(BINARY_OP_MULTIPLY_FLOAT, '*')
    FLOAT_BINOP(BINARY_OP_TRUE_DIVIDE_FLOAT, '/')
#undef FLOAT_BINOP

    TARGET(BINARY_OP_ADD_UNICODE) {
        KrObject *rhs = TOP(), *lhs = SECOND();
        DEOPT_IF(KR_TYPE(lhs) != &kr_str_type || KR_TYPE(rhs) != &kr_str_type, BINARY_OP);
        KrObject *res = kr_str_concat(lhs, rhs);
        ERROR_IF(res == NULL);
        STACK_SHRINK(1);
        KR_DECREF(lhs);
        KR_DECREF(rhs);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
    deopt_COMPARE_OP:;
        KrObject *rhs = TOP(), *lhs = SECOND();
        KrObject *res;
        MAYBE_SPECIALIZE(kr_specialize_compare_op(this_, lhs, rhs, oparg));
        if (both_small_ints(lhs, rhs)) {
            res = KR_NEWREF(kr_bool_new(
                compare_i64(((KrInt *)lhs)->value, ((KrInt *)rhs)->value, oparg >> 4)));
        } else {
            res = kr_object_richcompare(lhs, rhs, oparg >> 4);
            ERROR_IF(res == NULL);
        }
        STACK_SHRINK(1);
        KR_DECREF(lhs);
        KR_DECREF(rhs);
        SET_TOP(res);
        DISPATCH();
    }

/* Pushes the comparison result, or when a POP_JUMP_IF_FALSE/TRUE follows (the common
 * `if a < b:`), takes its branch directly without materialising the bool. */
#define COMPARE_RESULT(r)                                                                  \
    do {                                                                                   \
        int r_ = (r);                                                                      \
        KrCodeUnit nx_ = *next_instr;                                                      \
        if (KR_CU_OP(nx_) == KR_OP_POP_JUMP_IF_FALSE && !dispatch_mode) {                  \
            STACK_SHRINK(2);                                                               \
            next_instr++;                                                                  \
            if (!r_) JUMPBY(KR_CU_ARG(nx_));                                               \
        } else if (KR_CU_OP(nx_) == KR_OP_POP_JUMP_IF_TRUE && !dispatch_mode) {            \
            STACK_SHRINK(2);                                                               \
            next_instr++;                                                                  \
            if (r_) JUMPBY(KR_CU_ARG(nx_));                                                \
        } else {                                                                           \
            STACK_SHRINK(1);                                                               \
            SET_TOP(KR_NEWREF(r_ ? kr_true : kr_false));                                   \
        }                                                                                  \
    } while (0)

    TARGET(COMPARE_OP_INT) {
        KrObject *rhs = TOP(), *lhs = SECOND();
        DEOPT_IF(KR_TYPE(lhs) != &kr_int_type || KR_TYPE(rhs) != &kr_int_type, COMPARE_OP);
        DEOPT_IF(!kr_int_is_small(lhs) || !kr_int_is_small(rhs), COMPARE_OP);
        int r = compare_i64(((KrInt *)lhs)->value, ((KrInt *)rhs)->value, oparg >> 4);
        KR_DECREF(lhs);
        KR_DECREF(rhs);
        COMPARE_RESULT(r);
        DISPATCH();
    }

    TARGET(COMPARE_OP_FLOAT) {
        KrObject *rhs = TOP(), *lhs = SECOND();
        DEOPT_IF(KR_TYPE(lhs) != &kr_float_type || KR_TYPE(rhs) != &kr_float_type, COMPARE_OP);
        double x = ((KrFloat *)lhs)->value, y = ((KrFloat *)rhs)->value;
        int r;
        switch (oparg >> 4) {
        case KR_LT: r = x < y; break;
        case KR_LE: r = x <= y; break;
        case KR_EQ: r = x == y; break;
        case KR_NE: r = x != y; break;
        case KR_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        KR_DECREF(lhs);
        KR_DECREF(rhs);
        COMPARE_RESULT(r);
        DISPATCH();
    }

    TARGET(COMPARE_OP_STR) {
        KrObject *rhs = TOP(), *lhs = SECOND();
        DEOPT_IF(KR_TYPE(lhs) != &kr_str_type || KR_TYPE(rhs) != &kr_str_type, COMPARE_OP);
        int op = oparg >> 4, r;
        if (op == KR_EQ || op == KR_NE) {
            r = (lhs == rhs || kr_str_eq(lhs, rhs)) == (op == KR_EQ);
        } else {
            int c = kr_str_compare(lhs, rhs);
            r = op == KR_LT ? c < 0 : op == KR_LE ? c <= 0 : op == KR_GT ? c > 0 : c >= 0;
        }
        KR_DECREF(lhs);
        KR_DECREF(rhs);
        COMPARE_RESULT(r);
        DISPATCH();
    }

    TARGET(IS_OP) {
        KrObject *rhs = POP(), *lhs = TOP();
        int r = (lhs == rhs) ^ oparg;
        KR_DECREF(rhs);
        KR_DECREF(lhs);
        SET_TOP(KR_NEWREF(kr_bool_new(r)));
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
    deopt_CONTAINS_OP:;
        KrObject *rhs = TOP(), *lhs = SECOND();
        MAYBE_SPECIALIZE(kr_specialize_contains_op(this_, rhs));
        int r = kr_object_contains(rhs, lhs);
        ERROR_IF(r < 0);
        STACK_SHRINK(1);
        KR_DECREF(rhs);
        KR_DECREF(lhs);
        SET_TOP(KR_NEWREF(kr_bool_new(r ^ oparg)));
        DISPATCH();
    }

    TARGET(CONTAINS_OP_DICT) {
        KrObject *rhs = TOP(), *lhs = SECOND();
        DEOPT_IF(KR_TYPE(rhs) != &kr_dict_type, CONTAINS_OP);
        int r = kr_dict_contains(rhs, lhs);
        ERROR_IF(r < 0);
        STACK_SHRINK(1);
        KR_DECREF(rhs);
        KR_DECREF(lhs);
        SET_TOP(KR_NEWREF(kr_bool_new(r ^ oparg)));
        DISPATCH();
    }

    TARGET(CONTAINS_OP_SET) {
        KrObject *rhs = TOP(), *lhs = SECOND();
        DEOPT_IF(KR_TYPE(rhs) != &kr_set_type && KR_TYPE(rhs) != &kr_frozenset_type, CONTAINS_OP);
        int r = kr_set_contains(rhs, lhs);
        ERROR_IF(r < 0);
        STACK_SHRINK(1);
        KR_DECREF(rhs);
        KR_DECREF(lhs);
        SET_TOP(KR_NEWREF(kr_bool_new(r ^ oparg)));
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
    deopt_BINARY_SUBSCR:;
        KrObject *sub = TOP(), *container = SECOND();
        KrObject *res;
        MAYBE_SPECIALIZE(kr_specialize_binary_subscr(this_, container, sub));
        if (KR_LIST_CHECK_EXACT(container) && KR_INT_CHECK_EXACT(sub) && kr_int_is_small(sub) &&
            ((KrInt *)sub)->value >= 0 && ((KrInt *)sub)->value < KR_SIZE(container)) {
            res = KR_NEWREF(KR_LIST_ITEM(container, ((KrInt *)sub)->value));
        } else if (KR_TUPLE_CHECK_EXACT(container) && KR_INT_CHECK_EXACT(sub) &&
                   kr_int_is_small(sub) && ((KrInt *)sub)->value >= 0 &&
                   ((KrInt *)sub)->value < KR_SIZE(container)) {
            res = KR_NEWREF(KR_TUPLE_ITEM(container, ((KrInt *)sub)->value));
        } else {
            res = kr_object_get_item(container, sub);
            ERROR_IF(res == NULL);
        }
        STACK_SHRINK(1);
        KR_DECREF(sub);
        KR_DECREF(container);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR_LIST_INT) {
        KrObject *sub = TOP(), *container = SECOND();
        DEOPT_IF(KR_TYPE(container) != &kr_list_type || KR_TYPE(sub) != &kr_int_type, BINARY_SUBSCR);
        DEOPT_IF(!kr_int_is_small(sub), BINARY_SUBSCR);
        int64_t i = ((KrInt *)sub)->value;
        DEOPT_IF((uint64_t)i >= (uint64_t)KR_SIZE(container), BINARY_SUBSCR);
        KrObject *res = KR_NEWREF(KR_LIST_ITEM(container, i));
        STACK_SHRINK(1);
        KR_DECREF(sub);
        KR_DECREF(container);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR_TUPLE_INT) {
        KrObject *sub = TOP(), *container = SECOND();
        DEOPT_IF(KR_TYPE(container) != &kr_tuple_type || KR_TYPE(sub) != &kr_int_type,
                 BINARY_SUBSCR);
        DEOPT_IF(!kr_int_is_small(sub), BINARY_SUBSCR);
        int64_t i = ((KrInt *)sub)->value;
        DEOPT_IF((uint64_t)i >= (uint64_t)KR_SIZE(container), BINARY_SUBSCR);
        KrObject *res = KR_NEWREF(KR_TUPLE_ITEM(container, i));
        STACK_SHRINK(1);
        KR_DECREF(sub);
        KR_DECREF(container);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR_STR_INT) {
        KrObject *sub = TOP(), *container = SECOND();
        DEOPT_IF(KR_TYPE(container) != &kr_str_type || KR_TYPE(sub) != &kr_int_type,
                 BINARY_SUBSCR);
        DEOPT_IF(!kr_int_is_small(sub) || !((KrStr *)container)->ascii, BINARY_SUBSCR);
        int64_t i = ((KrInt *)sub)->value;
        DEOPT_IF((uint64_t)i >= (uint64_t)kr_str_size(container), BINARY_SUBSCR);
        KrObject *res = kr_str_substring(container, (kr_ssize)i, (kr_ssize)i + 1);
        ERROR_IF(res == NULL);
        STACK_SHRINK(1);
        KR_DECREF(sub);
        KR_DECREF(container);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR_DICT) {
        KrObject *sub = TOP(), *container = SECOND();
        DEOPT_IF(KR_TYPE(container) != &kr_dict_type, BINARY_SUBSCR);
        KrObject *res = kr_dict_get_item(container, sub);
        if (res == NULL) {
            if (!kr_err_occurred()) kr_dict_key_error(sub);
            goto error;
        }
        KR_INCREF(res);
        STACK_SHRINK(1);
        KR_DECREF(sub);
        KR_DECREF(container);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
    deopt_STORE_SUBSCR:;
        KrObject *sub = TOP(), *container = SECOND(), *v = PEEK(3);
        MAYBE_SPECIALIZE(kr_specialize_store_subscr(this_, container, sub));
        ERROR_IF(kr_object_set_item(container, sub, v) < 0);
        STACK_SHRINK(3);
        KR_DECREF(sub);
        KR_DECREF(container);
        KR_DECREF(v);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR_LIST_INT) {
        KrObject *sub = TOP(), *container = SECOND(), *v = PEEK(3);
        DEOPT_IF(KR_TYPE(container) != &kr_list_type || KR_TYPE(sub) != &kr_int_type,
                 STORE_SUBSCR);
        DEOPT_IF(!kr_int_is_small(sub), STORE_SUBSCR);
        int64_t i = ((KrInt *)sub)->value;
        DEOPT_IF((uint64_t)i >= (uint64_t)KR_SIZE(container), STORE_SUBSCR);
        KrObject *old = KR_LIST_ITEM(container, i);
        KR_LIST_ITEM(container, i) = v; /* the stack's reference moves into the list */
        STACK_SHRINK(3);
        KR_DECREF(old);
        KR_DECREF(sub);
        KR_DECREF(container);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR_DICT) {
        KrObject *sub = TOP(), *container = SECOND(), *v = PEEK(3);
        DEOPT_IF(KR_TYPE(container) != &kr_dict_type, STORE_SUBSCR);
        ERROR_IF(kr_dict_set_item(container, sub, v) < 0);
        STACK_SHRINK(3);
        KR_DECREF(sub);
        KR_DECREF(container);
        KR_DECREF(v);
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        KrObject *sub = TOP(), *container = SECOND();
        ERROR_IF(kr_object_del_item(container, sub) < 0);
        STACK_SHRINK(2);
        KR_DECREF(sub);
        KR_DECREF(container);
        DISPATCH();
    }

    TARGET(BINARY_SLICE) {
        KrObject *stop = TOP(), *start = SECOND(), *container = PEEK(3);
        KrObject *slice = kr_slice_new(start, stop, NULL);
        ERROR_IF(slice == NULL);
        KrObject *res = kr_object_get_item(container, slice);
        KR_DECREF(slice);
        ERROR_IF(res == NULL);
        STACK_SHRINK(2);
        KR_DECREF(stop);
        KR_DECREF(start);
        KR_DECREF(container);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(STORE_SLICE) {
        KrObject *stop = TOP(), *start = SECOND(), *container = PEEK(3), *v = PEEK(4);
        KrObject *slice = kr_slice_new(start, stop, NULL);
        ERROR_IF(slice == NULL);
        int err = kr_object_set_item(container, slice, v);
        KR_DECREF(slice);
        ERROR_IF(err < 0);
        STACK_SHRINK(4);
        KR_DECREF(stop);
        KR_DECREF(start);
        KR_DECREF(container);
        KR_DECREF(v);
        DISPATCH();
    }

    /* ---- building ---- */

    TARGET(BUILD_TUPLE) {
        KrObject *t = kr_tuple_new(oparg);
        ERROR_IF(t == NULL);
        STACK_SHRINK(oparg);
        for (int i = 0; i < oparg; i++) KR_TUPLE_ITEM(t, i) = sp[i];
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        KrObject *l = kr_list_new(oparg);
        ERROR_IF(l == NULL);
        STACK_SHRINK(oparg);
        for (int i = 0; i < oparg; i++) KR_LIST_ITEM(l, i) = sp[i];
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        KrObject *s = kr_set_new(NULL);
        ERROR_IF(s == NULL);
        for (int i = oparg; i > 0; i--) {
            if (kr_set_add(s, PEEK(i)) < 0) {
                KR_DECREF(s);
                goto error;
            }
        }
        for (int i = 0; i < oparg; i++) KR_DECREF(POP());
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        KrObject *d = kr_dict_new();
        ERROR_IF(d == NULL);
        KrObject **items = sp - 2 * oparg;
        for (int i = 0; i < oparg; i++) {
            if (kr_dict_set_item(d, items[2 * i], items[2 * i + 1]) < 0) {
                KR_DECREF(d);
                goto error;
            }
        }
        for (int i = 0; i < 2 * oparg; i++) KR_DECREF(POP());
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        KrObject *keys = TOP();
        if (!KR_TUPLE_CHECK_EXACT(keys) || KR_SIZE(keys) != oparg) {
            kr_err_set_string(kr_exc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
            goto error;
        }
        KrObject *d = kr_dict_new();
        ERROR_IF(d == NULL);
        KrObject **values = sp - 1 - oparg;
        for (int i = 0; i < oparg; i++) {
            if (kr_dict_set_item(d, KR_TUPLE_ITEM(keys, i), values[i]) < 0) {
                KR_DECREF(d);
                goto error;
            }
        }
        for (int i = 0; i < oparg + 1; i++) KR_DECREF(POP());
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        KrObject *s = kr_ceval_build_string(sp - oparg, oparg);
        ERROR_IF(s == NULL);
        for (int i = 0; i < oparg; i++) KR_DECREF(POP());
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        KrObject *step = oparg == 3 ? TOP() : NULL;
        KrObject *stop = PEEK(oparg == 3 ? 2 : 1), *start = PEEK(oparg == 3 ? 3 : 2);
        KrObject *s = kr_slice_new(start, stop, step);
        ERROR_IF(s == NULL);
        for (int i = 0; i < oparg; i++) KR_DECREF(POP());
        PUSH(s);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        KrObject *v = TOP();
        ERROR_IF(kr_list_append(PEEK(oparg + 1), v) < 0);
        STACK_SHRINK(1);
        KR_DECREF(v);
        DISPATCH();
    }

    TARGET(SET_ADD) {
        KrObject *v = TOP();
        ERROR_IF(kr_set_add(PEEK(oparg + 1), v) < 0);
        STACK_SHRINK(1);
        KR_DECREF(v);
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        KrObject *value = TOP(), *key = SECOND();
        ERROR_IF(kr_dict_set_item(PEEK(oparg + 2), key, value) < 0);
        STACK_SHRINK(2);
        KR_DECREF(key);
        KR_DECREF(value);
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        KrObject *iterable = TOP();
        ERROR_IF(kr_ceval_list_extend(PEEK(oparg + 1), iterable) < 0);
        STACK_SHRINK(1);
        KR_DECREF(iterable);
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        KrObject *iterable = TOP();
        ERROR_IF(kr_set_update(PEEK(oparg + 1), iterable) < 0);
        STACK_SHRINK(1);
        KR_DECREF(iterable);
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        KrObject *update = TOP();
        ERROR_IF(kr_ceval_dict_update(PEEK(oparg + 1), update) < 0);
        STACK_SHRINK(1);
        KR_DECREF(update);
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        KrObject *update = TOP();
        /* [NULL, callable, args, kwargs, ..., update]: the callable names the error */
        ERROR_IF(kr_ceval_dict_merge(PEEK(oparg + 3), PEEK(oparg + 1), update) < 0);
        STACK_SHRINK(1);
        KR_DECREF(update);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
    deopt_UNPACK_SEQUENCE:;
        KrObject *seq = TOP();
        KrObject **items = NULL;
        MAYBE_SPECIALIZE(kr_specialize_unpack_sequence(this_, seq, oparg));
        if (KR_TUPLE_CHECK_EXACT(seq) && KR_SIZE(seq) == oparg)
            items = KR_TUPLE_ITEMS(seq);
        else if (KR_LIST_CHECK_EXACT(seq) && KR_SIZE(seq) == oparg)
            items = KR_LIST_ITEMS(seq);
        if (items) {
            STACK_SHRINK(1);
            for (int i = oparg; --i >= 0;) PUSH(KR_NEWREF(items[i]));
        } else {
            STACK_SHRINK(1);
            if (kr_ceval_unpack_iterable(seq, oparg, -1, sp + oparg) < 0) {
                PUSH(seq);
                goto error;
            }
            sp += oparg;
        }
        KR_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE_TWO_TUPLE) {
        KrObject *seq = TOP();
        DEOPT_IF(KR_TYPE(seq) != &kr_tuple_type || KR_SIZE(seq) != 2, UNPACK_SEQUENCE);
        SET_TOP(KR_NEWREF(KR_TUPLE_ITEM(seq, 1)));
        PUSH(KR_NEWREF(KR_TUPLE_ITEM(seq, 0)));
        KR_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE_TUPLE) {
        KrObject *seq = TOP();
        DEOPT_IF(KR_TYPE(seq) != &kr_tuple_type || KR_SIZE(seq) != oparg, UNPACK_SEQUENCE);
        STACK_SHRINK(1);
        for (int i = oparg; --i >= 0;) PUSH(KR_NEWREF(KR_TUPLE_ITEM(seq, i)));
        KR_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE_LIST) {
        KrObject *seq = TOP();
        DEOPT_IF(KR_TYPE(seq) != &kr_list_type || KR_SIZE(seq) != oparg, UNPACK_SEQUENCE);
        STACK_SHRINK(1);
        for (int i = oparg; --i >= 0;) PUSH(KR_NEWREF(KR_LIST_ITEM(seq, i)));
        KR_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        KrObject *seq = TOP();
        int total = (oparg & 0xFF) + (oparg >> 8) + 1;
        STACK_SHRINK(1);
        if (kr_ceval_unpack_iterable(seq, oparg & 0xFF, oparg >> 8, sp + total) < 0) {
            PUSH(seq);
            goto error;
        }
        sp += total;
        KR_DECREF(seq);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        int have_spec = (oparg & 4) != 0;
        KrObject *spec = have_spec ? TOP() : NULL;
        KrObject *value = have_spec ? SECOND() : TOP();
        KrObject *res = kr_ceval_format_value(value, oparg & 3, spec);
        ERROR_IF(res == NULL);
        if (have_spec) KR_DECREF(POP());
        KR_DECREF(value);
        SET_TOP(res);
        DISPATCH();
    }

    /* ---- control flow ---- */

    TARGET(JUMP_FORWARD) {
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD) {
        /* the inline cache entry counts iterations: the hot-loop trigger of later tiers */
        KrCodeUnit *counter = next_instr - 1;
        if (*counter != 0xFFFF) KR_CODE_STORE(counter, *counter + 1);
        JUMPBY(-oparg);
        CHECK_EVAL_BREAKER();
        DISPATCH();
    }

    TARGET(JUMP_BACKWARD_NO_INTERRUPT) {
        JUMPBY(-oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        KrObject *cond = POP();
        if (cond == kr_false) {
            JUMPBY(oparg);
        } else if (cond != kr_true) {
            int r = kr_object_is_true(cond);
            KR_DECREF(cond);
            ERROR_IF(r < 0);
            if (!r) JUMPBY(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        KrObject *cond = POP();
        if (cond == kr_true) {
            JUMPBY(oparg);
        } else if (cond != kr_false) {
            int r = kr_object_is_true(cond);
            KR_DECREF(cond);
            ERROR_IF(r < 0);
            if (r) JUMPBY(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        KrObject *v = POP();
        if (v == kr_none) JUMPBY(oparg);
        KR_DECREF(v);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        KrObject *v = POP();
        if (v != kr_none) JUMPBY(oparg);
        KR_DECREF(v);
        DISPATCH();
    }

    TARGET(GET_ITER) {
        KrObject *iterable = TOP();
        KrObject *it = kr_object_get_iter(iterable);
        ERROR_IF(it == NULL);
        KR_DECREF(iterable);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(FOR_ITER) {
    deopt_FOR_ITER:;
        KrObject *it = TOP();
        MAYBE_SPECIALIZE(kr_specialize_for_iter(this_, it));
        if (KR_TYPE(it) == &kr_gen_type) {
            KrGen *gen = (KrGen *)it;
            if (gen->frame_state == KR_FRAME_SUSPENDED || gen->frame_state == KR_FRAME_CREATED) {
                /* resume the generator in this loop; RETURN_VALUE takes the loop exit */
                new_frame = KR_GEN_FRAME(gen);
                new_frame->localsplus[new_frame->stacktop++] = KR_NEWREF(kr_none);
                gen->frame_state = KR_FRAME_EXECUTING;
                kr_gen_exc_enter(ts, gen);
                frame->return_kind = KR_RETURN_FOR_ITER;
                frame->return_offset = oparg;
                goto enter_frame;
            }
        }
        KrObject *next;
        if (KR_TYPE(it) == &kr_range_iter_type) {
            /* the common `for i in range(...)`: step the C counter directly */
            KrRangeIter *ri = (KrRangeIter *)it;
            if (ri->remaining > 0) {
                next = kr_int_from_i64(ri->next);
                ERROR_IF(next == NULL);
                ri->next = (int64_t)((uint64_t)ri->next + (uint64_t)ri->step);
                ri->remaining--;
                PUSH(next);
                DISPATCH();
            }
            next = NULL;
        } else {
            kr_iternextfunc iternext = KR_TYPE(it)->tp_iternext;
            next = iternext ? iternext(it) : kr_iter_next(it);
        }
        if (next == NULL) {
            if (kr_err_occurred()) {
                if (!kr_err_matches(kr_exc_StopIteration)) goto error;
                kr_err_clear();
            }
            STACK_SHRINK(1);
            KR_DECREF(it);
            JUMPBY(oparg);
            DISPATCH();
        }
        PUSH(next);
        DISPATCH();
    }

    TARGET(FOR_ITER_RANGE) {
        KrObject *it = TOP();
        DEOPT_IF(KR_TYPE(it) != &kr_range_iter_type, FOR_ITER);
        KrRangeIter *ri = (KrRangeIter *)it;
        if (ri->remaining > 0) {
            KrObject *next = kr_int_from_i64(ri->next);
            ERROR_IF(next == NULL);
            ri->next = (int64_t)((uint64_t)ri->next + (uint64_t)ri->step);
            ri->remaining--;
            PUSH(next);
            DISPATCH();
        }
        STACK_SHRINK(1);
        KR_DECREF(it);
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(FOR_ITER_LIST) {
        KrObject *it = TOP();
        DEOPT_IF(KR_TYPE(it) != &kr_list_iter_type, FOR_ITER);
        KrSeqIterLayout *li = (KrSeqIterLayout *)it;
        KrObject *seq = li->seq;
        if (seq) {
            if (li->index < KR_SIZE(seq)) {
                PUSH(KR_NEWREF(KR_LIST_ITEM(seq, li->index++)));
                DISPATCH();
            }
            li->seq = NULL;
            KR_DECREF(seq);
        }
        STACK_SHRINK(1);
        KR_DECREF(it);
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(FOR_ITER_TUPLE) {
        KrObject *it = TOP();
        DEOPT_IF(KR_TYPE(it) != &kr_tuple_iter_type, FOR_ITER);
        KrSeqIterLayout *ti = (KrSeqIterLayout *)it;
        KrObject *seq = ti->seq;
        if (seq) {
            if (ti->index < KR_SIZE(seq)) {
                PUSH(KR_NEWREF(KR_TUPLE_ITEM(seq, ti->index++)));
                DISPATCH();
            }
            ti->seq = NULL;
            KR_DECREF(seq);
        }
        STACK_SHRINK(1);
        KR_DECREF(it);
        JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(FOR_ITER_GEN) {
        KrObject *it = TOP();
        DEOPT_IF(KR_TYPE(it) != &kr_gen_type, FOR_ITER);
        KrGen *gen = (KrGen *)it;
        DEOPT_IF(gen->frame_state != KR_FRAME_SUSPENDED && gen->frame_state != KR_FRAME_CREATED,
                 FOR_ITER);
        new_frame = KR_GEN_FRAME(gen);
        new_frame->localsplus[new_frame->stacktop++] = KR_NEWREF(kr_none);
        gen->frame_state = KR_FRAME_EXECUTING;
        kr_gen_exc_enter(ts, gen);
        frame->return_kind = KR_RETURN_FOR_ITER;
        frame->return_offset = oparg;
        goto enter_frame;
    }

    TARGET(RETURN_CONST) {
        retval = KR_NEWREF(consts[oparg]);
        goto do_return;
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
        goto do_return;
    }

    /* ---- calls and functions ---- */

    TARGET(KW_NAMES) {
        kwnames = consts[oparg];
        DISPATCH();
    }

    TARGET(CALL) {
    deopt_CALL:;
        KrObject **base = sp - oparg - 2;
        MAYBE_SPECIALIZE(kr_specialize_call(this_, base[0] ? base[0] : base[1],
                                            base[0] ? base[1] : NULL, oparg, kwnames));
        KrObject *callable = base[0];
        KrObject **args;
        int total;
        if (callable != NULL) { /* [meth, self, args...] */
            args = base + 1;
            total = oparg + 1;
        } else {
            callable = base[1];
            args = base + 2;
            total = oparg;
            if (KR_TYPE(callable) == &kr_method_type) {
                /* unpack the bound method so a Python function can be inlined */
                KrObject *func = ((KrMethod *)callable)->func, *self = ((KrMethod *)callable)->self;
                base[0] = KR_NEWREF(func);
                base[1] = KR_NEWREF(self);
                KR_DECREF(callable);
                callable = func;
                args = base + 1;
                total = oparg + 1;
            }
        }
        KrObject *kwn = kwnames;
        kwnames = NULL;
        kr_ssize npos = total - (kwn ? KR_SIZE(kwn) : 0);
        if (KR_TYPE(callable) == &kr_function_type) {
            sp = base;
            SAVE_SP();
            frame->instr_ptr = next_instr - 1;
            new_frame = kr_function_push_frame_steal(ts, (KrFunction *)callable, args, npos, kwn);
            KR_DECREF(callable);
            ERROR_IF(new_frame == NULL);
            goto enter_frame;
        }
        KrObject *res = kr_vectorcall(callable, args, (size_t)npos | KR_VECTORCALL_ARGUMENTS_OFFSET,
                                      kwn);
        for (int i = 0; i < total; i++) KR_DECREF(args[i]);
        KR_DECREF(callable);
        sp = base;
        ERROR_IF(res == NULL);
        PUSH(res);
        CHECK_EVAL_BREAKER(); /* e.g. settrace() just switched tracing on */
        DISPATCH();
    }

    TARGET(CALL_PY_EXACT_ARGS) {
        KrObject **base = sp - oparg - 2;
        int bound = base[0] != NULL;
        KrObject *callable = bound ? base[0] : base[1];
        DEOPT_IF(kwnames != NULL || KR_TYPE(callable) != &kr_function_type, CALL);
        DEOPT_IF(((KrFunction *)callable)->func_version !=
                     kr_cache_read_u32(CACHE_BASE(CALL) + KR_CALL_VER),
                 CALL);
        new_frame = push_exact_frame(ts, (KrFunction *)callable, base + 2 - bound, oparg + bound);
        if (new_frame == NULL) {
            /* the arguments are still on the stack: unwinding releases them */
            goto error;
        }
        KR_DECREF(callable);
        sp = base;
        SAVE_SP();
        frame->instr_ptr = next_instr - 1;
        goto enter_frame;
    }

    TARGET(CALL_BOUND_METHOD_EXACT_ARGS) {
        KrObject **base = sp - oparg - 2;
        KrObject *meth = base[1];
        DEOPT_IF(kwnames != NULL || base[0] != NULL || KR_TYPE(meth) != &kr_method_type, CALL);
        KrObject *callable = ((KrMethod *)meth)->func;
        DEOPT_IF(KR_TYPE(callable) != &kr_function_type, CALL);
        DEOPT_IF(((KrFunction *)callable)->func_version !=
                     kr_cache_read_u32(CACHE_BASE(CALL) + KR_CALL_VER),
                 CALL);
        base[0] = KR_NEWREF(callable);
        base[1] = KR_NEWREF(((KrMethod *)meth)->self);
        KR_DECREF(meth);
        new_frame = push_exact_frame(ts, (KrFunction *)callable, base + 1, oparg + 1);
        ERROR_IF(new_frame == NULL);
        KR_DECREF(callable);
        sp = base;
        SAVE_SP();
        frame->instr_ptr = next_instr - 1;
        goto enter_frame;
    }

    TARGET(CALL_ALLOC_AND_ENTER_INIT) {
        KrObject **base = sp - oparg - 2;
        KrObject *callable = base[1];
        DEOPT_IF(kwnames != NULL || base[0] != NULL || KR_TYPE(callable) != &kr_type_type, CALL);
        KrType *cls = (KrType *)callable;
        DEOPT_IF(cls->tp_version_tag != kr_cache_read_u32(CACHE_BASE(CALL) + KR_CALL_VER), CALL);
        KrObject *init = cls->tp_cache;
        DEOPT_IF(init == NULL || KR_TYPE(init) != &kr_function_type, CALL);
        KrCode *ico = (KrCode *)((KrFunction *)init)->code;
        /* __init__.__code__ may have been replaced without touching the class */
        DEOPT_IF(ico->argcount != oparg + 1 || ico->kwonlyargcount != 0 ||
                     (ico->flags & (KR_CO_VARARGS | KR_CO_VARKEYWORDS | KR_CO_GENERATOR |
                                    KR_CO_COROUTINE | KR_CO_ASYNC_GENERATOR)),
                 CALL);
        KrObject *self = kr_type_generic_alloc(cls, 0);
        ERROR_IF(self == NULL);
        base[1] = KR_NEWREF(self); /* [NULL, self, args...]: the class's reference goes */
        new_frame = push_exact_frame(ts, (KrFunction *)init, base + 1, oparg + 1);
        KR_DECREF(callable);
        if (new_frame == NULL) {
            KR_DECREF(self); /* the stack still holds [NULL, self, args]: unwinding drops them */
            goto error;
        }
        sp = base;
        PUSH(self); /* what the call evaluates to once __init__ returns None */
        frame->return_kind = KR_RETURN_INIT;
        SAVE_SP();
        frame->instr_ptr = next_instr - 1;
        goto enter_frame;
    }

/* Ends a C-level call made by a specialised CALL: releases the callable slots and the
 * `n` argument slots above base, pushes the result. */
#define FINISH_C_CALL(res, n)                                                              \
    do {                                                                                   \
        for (int i_ = 0; i_ < (n) + 2; i_++) KR_XDECREF(base[i_]);                         \
        sp = base;                                                                         \
        ERROR_IF((res) == NULL);                                                           \
        PUSH(res);                                                                         \
        CHECK_EVAL_BREAKER();                                                              \
        DISPATCH();                                                                        \
    } while (0)

    TARGET(CALL_BUILTIN_O) {
        KrObject **base = sp - oparg - 2;
        KrObject *callable = base[1];
        DEOPT_IF(kwnames != NULL || base[0] != NULL || oparg != 1 ||
                     KR_TYPE(callable) != &kr_cfunction_type,
                 CALL);
        KrMethodDef *def = ((KrCFunction *)callable)->def;
        DEOPT_IF((def->flags & ~KR_METH_COEXIST) != KR_METH_O, CALL);
        ERROR_IF(kr_enter_recursive_call(" while calling a Python object") < 0);
        KrObject *res = ((kr_cfunction)def->func)(((KrCFunction *)callable)->self, base[2]);
        kr_leave_recursive_call();
        FINISH_C_CALL(res, oparg);
    }

    TARGET(CALL_BUILTIN_FAST) {
        KrObject **base = sp - oparg - 2;
        KrObject *callable = base[1];
        DEOPT_IF(kwnames != NULL || base[0] != NULL || KR_TYPE(callable) != &kr_cfunction_type,
                 CALL);
        KrMethodDef *def = ((KrCFunction *)callable)->def;
        int flags = def->flags & ~KR_METH_COEXIST;
        DEOPT_IF(flags != KR_METH_FASTCALL && flags != (KR_METH_FASTCALL | KR_METH_KEYWORDS), CALL);
        ERROR_IF(kr_enter_recursive_call(" while calling a Python object") < 0);
        KrObject *self = ((KrCFunction *)callable)->self;
        KrObject *res = flags == KR_METH_FASTCALL
                            ? ((kr_cfunction_fast)def->func)(self, base + 2, oparg)
                            : ((kr_cfunction_fastkw)def->func)(self, base + 2, oparg, NULL);
        kr_leave_recursive_call();
        FINISH_C_CALL(res, oparg);
    }

    TARGET(CALL_LEN) {
        KrObject **base = sp - oparg - 2;
        DEOPT_IF(kwnames != NULL || base[0] != NULL || oparg != 1 ||
                     base[1] != kr_spec_builtin_len,
                 CALL);
        kr_ssize n = kr_object_length(base[2]);
        KrObject *res = n < 0 ? NULL : kr_int_from_ssize(n);
        FINISH_C_CALL(res, 1);
    }

    TARGET(CALL_ISINSTANCE) {
        KrObject **base = sp - oparg - 2;
        DEOPT_IF(kwnames != NULL || base[0] != NULL || oparg != 2 ||
                     base[1] != kr_spec_builtin_isinstance,
                 CALL);
        int r = kr_object_isinstance(base[2], base[3]);
        KrObject *res = r < 0 ? NULL : KR_NEWREF(kr_bool_new(r));
        FINISH_C_CALL(res, 2);
    }

    TARGET(CALL_TYPE_1) {
        KrObject **base = sp - oparg - 2;
        DEOPT_IF(kwnames != NULL || base[0] != NULL || oparg != 1 ||
                     base[1] != (KrObject *)&kr_type_type,
                 CALL);
        KrObject *res = KR_NEWREF((KrObject *)KR_TYPE(base[2]));
        FINISH_C_CALL(res, 1);
    }

    TARGET(CALL_STR_1) {
        KrObject **base = sp - oparg - 2;
        DEOPT_IF(kwnames != NULL || base[0] != NULL || oparg != 1 ||
                     base[1] != (KrObject *)&kr_str_type,
                 CALL);
        KrObject *res = kr_object_str(base[2]);
        FINISH_C_CALL(res, 1);
    }

    TARGET(CALL_INT_1) {
        KrObject **base = sp - oparg - 2;
        DEOPT_IF(kwnames != NULL || base[0] != NULL || oparg != 1 ||
                     base[1] != (KrObject *)&kr_int_type,
                 CALL);
        /* only what needs no parsing: int(int), int(float) */
        DEOPT_IF(KR_TYPE(base[2]) != &kr_int_type && KR_TYPE(base[2]) != &kr_float_type, CALL);
        KrObject *res = kr_number_long(base[2]);
        FINISH_C_CALL(res, 1);
    }

    TARGET(CALL_LIST_APPEND) {
        KrObject **base = sp - oparg - 2;
        KrObject *callable = base[0];
        DEOPT_IF(kwnames != NULL || callable == NULL || oparg != 1 ||
                     KR_TYPE(callable) != &kr_method_descr_type ||
                     ((KrDescr *)callable)->def != kr_spec_list_append_def ||
                     KR_TYPE(base[1]) != &kr_list_type,
                 CALL);
        KrObject *res = kr_list_append(base[1], base[2]) < 0 ? NULL : kr_none;
        FINISH_C_CALL(res, 1);
    }

    TARGET(CALL_METHOD_DESCRIPTOR_O) {
        KrObject **base = sp - oparg - 2;
        KrObject *callable = base[0];
        DEOPT_IF(kwnames != NULL || callable == NULL || oparg != 1 ||
                     KR_TYPE(callable) != &kr_method_descr_type,
                 CALL);
        KrDescr *d = (KrDescr *)callable;
        KrMethodDef *def = (KrMethodDef *)d->def;
        DEOPT_IF((def->flags & ~KR_METH_COEXIST) != KR_METH_O, CALL);
        DEOPT_IF(KR_TYPE(base[1]) != d->type && !kr_object_type_is_sub(KR_TYPE(base[1]), d->type),
                 CALL);
        ERROR_IF(kr_enter_recursive_call(" while calling a Python object") < 0);
        KrObject *res = ((kr_cfunction)def->func)(base[1], base[2]);
        kr_leave_recursive_call();
        FINISH_C_CALL(res, 1);
    }

    TARGET(CALL_METHOD_DESCRIPTOR_NOARGS) {
        KrObject **base = sp - oparg - 2;
        KrObject *callable = base[0];
        DEOPT_IF(kwnames != NULL || callable == NULL || oparg != 0 ||
                     KR_TYPE(callable) != &kr_method_descr_type,
                 CALL);
        KrDescr *d = (KrDescr *)callable;
        KrMethodDef *def = (KrMethodDef *)d->def;
        DEOPT_IF((def->flags & ~KR_METH_COEXIST) != KR_METH_NOARGS, CALL);
        DEOPT_IF(KR_TYPE(base[1]) != d->type && !kr_object_type_is_sub(KR_TYPE(base[1]), d->type),
                 CALL);
        ERROR_IF(kr_enter_recursive_call(" while calling a Python object") < 0);
        KrObject *res = ((kr_cfunction)def->func)(base[1], NULL);
        kr_leave_recursive_call();
        FINISH_C_CALL(res, 0);
    }

    TARGET(CALL_METHOD_DESCRIPTOR_FAST) {
        KrObject **base = sp - oparg - 2;
        KrObject *callable = base[0];
        DEOPT_IF(kwnames != NULL || callable == NULL || KR_TYPE(callable) != &kr_method_descr_type,
                 CALL);
        KrDescr *d = (KrDescr *)callable;
        KrMethodDef *def = (KrMethodDef *)d->def;
        int flags = def->flags & ~KR_METH_COEXIST;
        DEOPT_IF(flags != KR_METH_FASTCALL && flags != (KR_METH_FASTCALL | KR_METH_KEYWORDS), CALL);
        DEOPT_IF(KR_TYPE(base[1]) != d->type && !kr_object_type_is_sub(KR_TYPE(base[1]), d->type),
                 CALL);
        ERROR_IF(kr_enter_recursive_call(" while calling a Python object") < 0);
        KrObject *res = flags == KR_METH_FASTCALL
                            ? ((kr_cfunction_fast)def->func)(base[1], base + 2, oparg)
                            : ((kr_cfunction_fastkw)def->func)(base[1], base + 2, oparg, NULL);
        kr_leave_recursive_call();
        FINISH_C_CALL(res, oparg);
    }
#undef FINISH_C_CALL

    TARGET(CALL_FUNCTION_EX) {
        int has_kw = oparg & 1;
        KrObject *kwargs = has_kw ? TOP() : NULL;
        KrObject *callargs = PEEK(1 + has_kw), *func = PEEK(2 + has_kw);
        if (!KR_TUPLE_CHECK_EXACT(callargs)) {
            KrObject *t = kr_ceval_star_args_tuple(func, callargs);
            ERROR_IF(t == NULL);
            KR_DECREF(callargs);
            PEEK(1 + has_kw) = callargs = t;
        }
        if (KR_TYPE(func) == &kr_function_type) {
            new_frame = kr_ceval_push_frame_ex(ts, (KrFunction *)func, callargs, kwargs);
            if (new_frame) {
                STACK_SHRINK(3 + has_kw);
                KR_XDECREF(kwargs);
                KR_DECREF(callargs);
                KR_DECREF(func);
                KR_XDECREF(sp[0]);
                SAVE_SP();
                frame->instr_ptr = next_instr - 1;
                goto enter_frame;
            }
            goto error;
        }
        KrObject *res = kr_ceval_call_ex(func, callargs, kwargs);
        ERROR_IF(res == NULL);
        STACK_SHRINK(3 + has_kw);
        KR_XDECREF(kwargs);
        KR_DECREF(callargs);
        KR_DECREF(func);
        KR_XDECREF(sp[0]);
        PUSH(res);
        DISPATCH();
    }

    TARGET(CALL_INTRINSIC_1) {
        KrObject *v = TOP();
        KrObject *res = kr_ceval_intrinsic1(ts, frame, oparg, v);
        ERROR_IF(res == NULL);
        KR_DECREF(v);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(CALL_INTRINSIC_2) {
        KrObject *b = TOP(), *a = SECOND();
        KrObject *res = kr_ceval_intrinsic2(ts, frame, oparg, a, b);
        ERROR_IF(res == NULL);
        STACK_SHRINK(1);
        KR_DECREF(a);
        KR_DECREF(b);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        KrObject *codeobj = TOP();
        KrFunction *fn = (KrFunction *)kr_function_new(codeobj, frame->globals, NULL);
        ERROR_IF(fn == NULL);
        STACK_SHRINK(1);
        KR_DECREF(codeobj);
        if (oparg & 0x08) fn->closure = POP();
        if (oparg & 0x04) fn->annotations = POP();
        if (oparg & 0x02) fn->kwdefaults = POP();
        if (oparg & 0x01) fn->defaults = POP();
        PUSH((KrObject *)fn);
        DISPATCH();
    }

    /* ---- exceptions ---- */

    TARGET(RAISE_VARARGS) {
        KrObject *cause = NULL, *exc = NULL;
        switch (oparg) {
        case 2:
            cause = POP();
            /* fall through */
        case 1:
            exc = POP();
            /* fall through */
        case 0:
            break;
        default:
            kr_err_set_string(kr_exc_SystemError, "bad RAISE_VARARGS oparg");
            goto error;
        }
        if (kr_ceval_do_raise(ts, exc, cause) == 1) {
            unwind_offset = INSTR_OFFSET();
            goto exception_unwind;
        }
        goto error;
    }

    TARGET(RERAISE) {
        KrObject *exc = POP();
        unwind_offset = INSTR_OFFSET();
        if (oparg) {
            KrObject *lasti = PEEK(oparg);
            if (!KR_INT_CHECK(lasti)) {
                KR_DECREF(exc);
                kr_err_set_string(kr_exc_SystemError, "lasti is not an int");
                goto error;
            }
            frame->instr_ptr = first_instr + kr_int_as_i64(lasti);
        }
        kr_err_restore(exc);
        goto exception_unwind;
    }

    TARGET(PUSH_EXC_INFO) {
        KrObject *exc = TOP();
        KrObject *prev = ts->handled_exception;
        SET_TOP(prev ? prev : KR_NEWREF(kr_none));
        ts->handled_exception = KR_NEWREF(exc);
        PUSH(exc);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        KrObject *prev = POP();
        KrObject *old = ts->handled_exception;
        if (prev == kr_none) {
            ts->handled_exception = NULL;
            KR_DECREF(prev);
        } else {
            ts->handled_exception = prev;
        }
        KR_XDECREF(old);
        DISPATCH();
    }

    TARGET(CHECK_EXC_MATCH) {
        KrObject *type = TOP(), *exc = SECOND();
        ERROR_IF(kr_ceval_check_except_type(type) < 0);
        int r = kr_err_given_matches(exc, type);
        KR_DECREF(type);
        SET_TOP(KR_NEWREF(kr_bool_new(r)));
        DISPATCH();
    }

    TARGET(CHECK_EG_MATCH) {
        KrObject *type = TOP(), *exc = SECOND();
        ERROR_IF(kr_ceval_check_except_star_type(type) < 0);
        KrObject *match = NULL, *rest = NULL;
        ERROR_IF(kr_ceval_exception_group_match(exc, type, &match, &rest) < 0);
        KR_DECREF(type);
        KR_DECREF(exc);
        SET_SECOND(rest);
        SET_TOP(match);
        if (match != kr_none) KR_SETREF(ts->handled_exception, KR_NEWREF(match));
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        /* [exit, lasti, prev_exc, exc] -> [..., exit(type(exc), exc, tb)] */
        KrObject *exc = TOP(), *exit_func = PEEK(4);
        KrObject *tb = KR_EXC_CHECK(exc) ? ((KrBaseException *)exc)->traceback : NULL;
        KrObject *stack[4] = {NULL, (KrObject *)KR_TYPE(exc), exc, tb ? tb : kr_none};
        KrObject *res =
            kr_vectorcall(exit_func, stack + 1, 3 | KR_VECTORCALL_ARGUMENTS_OFFSET, NULL);
        ERROR_IF(res == NULL);
        PUSH(res);
        DISPATCH();
    }

    TARGET(BEFORE_WITH) {
        KrObject *mgr = TOP(), *enter_res = NULL;
        KrObject *exit_func = kr_ceval_before_with(mgr, &enter_res, 0);
        ERROR_IF(exit_func == NULL);
        KR_DECREF(mgr);
        SET_TOP(exit_func);
        PUSH(enter_res);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        KrObject *mgr = TOP(), *enter_res = NULL;
        KrObject *exit_func = kr_ceval_before_with(mgr, &enter_res, 1);
        ERROR_IF(exit_func == NULL);
        KR_DECREF(mgr);
        SET_TOP(exit_func);
        PUSH(enter_res);
        DISPATCH();
    }

    TARGET(CLEANUP_THROW) {
        /* [sub_iter, last_sent, exc] -> [None, value] when exc is StopIteration */
        KrObject *exc = TOP();
        if (kr_err_given_matches(exc, (KrObject *)kr_exc_StopIteration)) {
            KrObject *value = ((KrStopIteration *)exc)->value;
            value = KR_NEWREF(value ? value : kr_none);
            for (int i = 0; i < 3; i++) KR_DECREF(POP());
            PUSH(KR_NEWREF(kr_none));
            PUSH(value);
            DISPATCH();
        }
        kr_err_restore(KR_NEWREF(exc));
        unwind_offset = INSTR_OFFSET();
        goto exception_unwind;
    }

    TARGET(LOAD_EXC_NONE_UNUSED) { goto unknown_opcode; }

    /* ---- generators and coroutines ---- */

    TARGET(RETURN_GENERATOR) {
        SAVE_SP();
        KrObject *gen = kr_gen_new_from_frame(frame);
        ERROR_IF(gen == NULL);
        /* the frame's contents now live in the generator: "return" it from this frame
         * (its value stack moved too, so nothing is left to pop) */
        sp = localsplus;
        retval = gen;
        goto do_return;
    }

    TARGET(YIELD_VALUE) {
        retval = POP();
        SAVE_SP();
        KrGen *gen = kr_gen_of_frame(frame);
        gen->frame_state = KR_FRAME_SUSPENDED;
        kr_gen_exc_exit(ts, gen, 0);
        ts->recursion_depth--;
        KrFrame *prev = frame->previous;
        frame->previous = NULL;
        ts->current_frame = prev;
        if (frame->is_entry) return retval;
        frame = prev;
        LOAD_FRAME_REGISTERS();
        next_instr = frame->instr_ptr + 1;
        frame->return_kind = KR_RETURN_PUSH;
        frame->return_offset = 0;
        PUSH(retval);
        DISPATCH();
    }

    TARGET(SEND) {
        KrObject *v = TOP(), *receiver = SECOND();
        if (KR_TYPE(receiver) == &kr_gen_type || KR_TYPE(receiver) == &kr_coro_type) {
            KrGen *gen = (KrGen *)receiver;
            if (gen->frame_state == KR_FRAME_SUSPENDED ||
                (gen->frame_state == KR_FRAME_CREATED && v == kr_none)) {
                new_frame = KR_GEN_FRAME(gen);
                STACK_SHRINK(1);
                new_frame->localsplus[new_frame->stacktop++] = v;
                gen->frame_state = KR_FRAME_EXECUTING;
                kr_gen_exc_enter(ts, gen);
                frame->return_kind = KR_RETURN_PUSH;
                frame->return_offset = oparg;
                goto enter_frame;
            }
        }
        KrObject *res = NULL;
        int r = kr_gen_send(receiver, v, &res);
        ERROR_IF(r < 0);
        KR_DECREF(v);
        SET_TOP(res);
        if (r == 0) JUMPBY(oparg);
        DISPATCH();
    }

    TARGET(END_SEND) {
        KrObject *value = POP();
        KR_DECREF(TOP());
        SET_TOP(value);
        DISPATCH();
    }

    TARGET(GET_YIELD_FROM_ITER) {
        KrObject *iterable = TOP();
        KrObject *it = kr_ceval_get_yield_from_iter(frame, iterable);
        ERROR_IF(it == NULL);
        KR_DECREF(iterable);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        KrObject *iterable = TOP();
        KrObject *it = kr_coro_get_awaitable_iter(iterable, oparg);
        ERROR_IF(it == NULL);
        KR_DECREF(iterable);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_AITER) {
        KrObject *obj = TOP();
        KrObject *it = kr_ceval_get_aiter(obj);
        ERROR_IF(it == NULL);
        KR_DECREF(obj);
        SET_TOP(it);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        KrObject *awaitable = kr_ceval_get_anext(TOP());
        ERROR_IF(awaitable == NULL);
        PUSH(awaitable);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        KrObject *exc = TOP();
        if (kr_err_given_matches(exc, (KrObject *)kr_exc_StopAsyncIteration)) {
            KR_DECREF(POP());
            KR_DECREF(POP());
            DISPATCH();
        }
        kr_err_restore(KR_NEWREF(exc));
        unwind_offset = INSTR_OFFSET();
        goto exception_unwind;
    }

    /* ---- pattern matching ---- */

    TARGET(GET_LEN) {
        kr_ssize n = kr_object_length(TOP());
        ERROR_IF(n < 0);
        KrObject *len = kr_int_from_ssize(n);
        ERROR_IF(len == NULL);
        PUSH(len);
        DISPATCH();
    }

    TARGET(MATCH_MAPPING) {
        int r = kr_type_has_flag(KR_TYPE(TOP()), KR_TPFLAGS_MAPPING);
        PUSH(KR_NEWREF(kr_bool_new(r)));
        DISPATCH();
    }

    TARGET(MATCH_SEQUENCE) {
        int r = kr_type_has_flag(KR_TYPE(TOP()), KR_TPFLAGS_SEQUENCE);
        PUSH(KR_NEWREF(kr_bool_new(r)));
        DISPATCH();
    }

    TARGET(MATCH_KEYS) {
        KrObject *values = kr_ceval_match_keys(SECOND(), TOP());
        ERROR_IF(values == NULL);
        PUSH(values);
        DISPATCH();
    }

    TARGET(MATCH_CLASS) {
        KrObject *kw = TOP(), *type = SECOND(), *subject = PEEK(3);
        KrObject *attrs = kr_ceval_match_class(subject, type, oparg, kw);
        ERROR_IF(attrs == NULL);
        STACK_SHRINK(2);
        KR_DECREF(kw);
        KR_DECREF(type);
        KR_DECREF(subject);
        SET_TOP(attrs);
        DISPATCH();
    }

    /* ---- imports ---- */

    TARGET(IMPORT_NAME) {
        KrObject *fromlist = TOP(), *level = SECOND();
        KrObject *res = kr_ceval_import_name(frame, names[oparg], fromlist, level);
        ERROR_IF(res == NULL);
        STACK_SHRINK(1);
        KR_DECREF(fromlist);
        KR_DECREF(level);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        KrObject *res = kr_ceval_import_from(TOP(), names[oparg]);
        ERROR_IF(res == NULL);
        PUSH(res);
        DISPATCH();
    }

#if !KR_COMPUTED_GOTO
    default:
        goto unknown_opcode;
    }
#endif

dispatch_stub: {
        /* -X stats counting and settrace/setprofile events, before the real handler */
        if (kr_stats_enabled) {
            kr_stats.exec[opcode]++;
            if (opcode == KR_OP_JUMP_BACKWARD) kr_stats_backedge(code, frame->instr_ptr);
        }
        if (dispatch_mode == 2 && kr_trace_state.active && !kr_trace_state.tracing) {
            SAVE_SP();
            if (kr_trace_instr(ts, frame, frame->instr_ptr) < 0) goto error;
            int base_op = kr_opcode_base(opcode);
            if (base_op == KR_OP_RETURN_VALUE || base_op == KR_OP_YIELD_VALUE ||
                base_op == KR_OP_RETURN_CONST) {
                KrObject *rv = base_op == KR_OP_RETURN_CONST ? consts[oparg] : TOP();
                if (kr_trace_return(ts, frame, rv) < 0) goto error;
            } else if (base_op == KR_OP_CALL && kr_trace_state.profile_func) {
                /* c_call / c_return / c_exception around calls of C functions */
                KrObject **base = sp - oparg - 2;
                KrObject *callable = base[0] ? base[0] : base[1];
                KrType *ct = KR_TYPE(callable);
                if (ct == &kr_cfunction_type || (ct == &kr_method_descr_type && base[0])) {
                    KrObject **args = base[0] ? base + 1 : base + 2;
                    int total = base[0] ? oparg + 1 : oparg;
                    KrObject *kwn = kwnames;
                    kwnames = NULL;
                    kr_ssize npos = total - (kwn ? KR_SIZE(kwn) : 0);
                    KrObject *res = kr_trace_c_call(ts, frame, callable, args, (size_t)npos, kwn);
                    for (int i = 0; i < total; i++) KR_DECREF(args[i]);
                    KR_DECREF(callable);
                    sp = base;
                    ERROR_IF(res == NULL);
                    PUSH(res);
                    next_instr += KR_CACHE_CALL;
                    DISPATCH();
                }
            }
        }
        DISPATCH_REAL();
    }

unknown_opcode:
    kr_err_format(kr_exc_SystemError, "%U:%d: unknown opcode %d", code->filename,
                  kr_frame_lineno(frame), opcode);
    goto error;

    /* ---- frame transitions ---- */

enter_frame:
    /* new_frame is set up (arguments bound, or a generator with its value pushed);
     * the caller's stack pointer and instr_ptr are saved. */
    SAVE_SP();
    if (frame->instr_ptr < next_instr - 1) frame->instr_ptr = next_instr - 1;
    new_frame->previous = frame;
    new_frame->is_entry = 0;
    ts->current_frame = new_frame;
    frame = new_frame;
    LOAD_FRAME_REGISTERS();
    next_instr = frame->instr_ptr + 1;
    if (++ts->recursion_depth > recursion_limit()) {
        kr_err_set_string(kr_exc_RecursionError, "maximum recursion depth exceeded");
        goto exit_unwind;
    }
    DISPATCH();

do_return: {
        while (sp > STACK_BASE()) {
            KrObject *v = POP();
            KR_XDECREF(v);
        }
        SAVE_SP();
        KrFrame *prev = frame->previous;
        int entry = frame->is_entry;
        finish_frame(ts, frame);
        if (entry) return retval;
        frame = prev;
        LOAD_FRAME_REGISTERS();
        next_instr = frame->instr_ptr + 1 + frame->return_offset;
        if (frame->return_kind == KR_RETURN_FOR_ITER) {
            /* a generator driven by FOR_ITER finished: leave the loop */
            KrObject *it = POP();
            KR_DECREF(it);
            KR_DECREF(retval);
        } else if (frame->return_kind == KR_RETURN_INIT) {
            /* CALL_ALLOC_AND_ENTER_INIT: the new instance is already on the stack */
            frame->return_kind = KR_RETURN_PUSH;
            frame->return_offset = 0;
            if (retval != kr_none) {
                kr_err_format(kr_exc_TypeError, "__init__() should return None, not '%s'",
                              kr_type_name_cstr(KR_TYPE(retval)));
                KR_DECREF(retval);
                goto error;
            }
            KR_DECREF(retval);
        } else {
            PUSH(retval);
        }
        frame->return_kind = KR_RETURN_PUSH;
        frame->return_offset = 0;
        DISPATCH();
    }

error:
    kwnames = NULL;
    if (!kr_err_occurred())
        kr_err_set_string(kr_exc_SystemError, "error return without exception set");
    kr_traceback_here(frame);
    unwind_offset = INSTR_OFFSET();
    if (dispatch_mode == 2 && kr_trace_state.active && !kr_trace_state.tracing) {
        SAVE_SP();
        kr_trace_exception(ts, frame); /* a tracer error replaces the exception */
    }

exception_unwind: {
        KrExcTableEntry entry;
        if (!kr_code_find_handler(code, unwind_offset, &entry)) goto exit_unwind;
        KrObject **target = STACK_BASE() + entry.depth;
        while (sp > target) {
            KrObject *v = POP();
            KR_XDECREF(v);
        }
        if (entry.lasti) {
            KrObject *lasti = kr_int_from_i64(INSTR_OFFSET());
            if (!lasti) goto exit_unwind;
            PUSH(lasti);
        }
        KrObject *exc = kr_err_fetch();
        PUSH(exc ? exc : KR_NEWREF(kr_none));
        next_instr = first_instr + entry.target;
        DISPATCH();
    }

exit_unwind: {
        /* no handler in this frame: pop it and continue unwinding in the caller */
        while (sp > STACK_BASE()) {
            KrObject *v = POP();
            KR_XDECREF(v);
        }
        SAVE_SP();
        if (dispatch_mode == 2 && kr_trace_state.active && !kr_trace_state.tracing) {
            KrObject *exc = kr_err_fetch();
            int r = kr_trace_return(ts, frame, NULL);
            if (r < 0) KR_XDECREF(exc); /* the tracer's error wins */
            else kr_err_restore(exc);
        }
        KrFrame *prev = frame->previous;
        int entry = frame->is_entry;
        finish_frame(ts, frame);
        if (entry) return NULL;
        frame = prev;
        LOAD_FRAME_REGISTERS();
        frame->return_kind = KR_RETURN_PUSH;
        frame->return_offset = 0;
        goto error;
    }
}

/* ---------------------------------------------------------------------------
 * Entry points and introspection
 * ------------------------------------------------------------------------- */

KrObject *kr_eval_code(KrObject *code, KrObject *globals, KrObject *locals) {
    if (!code || KR_TYPE(code) != &kr_code_type || !globals || !KR_DICT_CHECK(globals)) {
        kr_err_bad_internal_call("kr_eval_code");
        return NULL;
    }
    if (!locals) locals = globals;
    KrObject *b = kr_dict_get_item_str(globals, "__builtins__");
    if (!b) {
        if (kr_err_occurred()) return NULL;
        KrFrame *cur = kr_eval_current_frame();
        KrObject *ins = cur ? cur->builtins
                            : (kr_interp.builtins_module ? kr_interp.builtins_module
                                                         : kr_interp.builtins);
        if (ins && kr_dict_set_item_str(globals, "__builtins__", ins) < 0) return NULL;
    }
    KrObject *func = kr_function_new(code, globals, NULL);
    if (!func) return NULL;
    KrThreadState *ts = kr_tstate();
    KrFrame *f = kr_function_push_frame(ts, (KrFunction *)func, NULL, 0, NULL);
    KR_DECREF(func);
    if (!f) return NULL;
    f->locals = KR_NEWREF(locals);
    return kr_eval_frame(ts, f, 0);
}

KrFrame *kr_eval_current_frame(void) {
    KrThreadState *ts = kr_tstate();
    return ts ? ts->current_frame : NULL;
}

KrObject *kr_eval_get_globals(void) {
    KrFrame *f = kr_eval_current_frame();
    return f ? f->globals : NULL;
}

KrObject *kr_eval_get_builtins(void) {
    KrFrame *f = kr_eval_current_frame();
    return f ? f->builtins : kr_interp.builtins;
}

KrObject *kr_eval_get_locals(void) {
    KrFrame *f = kr_eval_current_frame();
    if (!f) {
        kr_err_set_string(kr_exc_SystemError, "frame does not exist");
        return NULL;
    }
    return kr_frame_locals_dict(f);
}
