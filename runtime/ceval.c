/* ceval.c - the evaluation loop: one C function that runs wordcode for a stack of
 * frames. Python-to-Python calls and generator resumptions push or switch frames and
 * continue in the same loop (no C recursion); slow paths live in ceval_helpers.c and
 * the dispatch macros in ceval_macros.h. Every opcode of kr_opcodes.def has a handler
 * here; specialised variants will sit next to their generic instruction. */
#include <stdatomic.h>

#include "ceval_internal.h"
#include "ceval_macros.h"

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

KrObject *kr_eval_frame(KrThreadState *ts, KrFrame *frame, int throwflag) {
#if KR_COMPUTED_GOTO
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Woverride-init"
    static void *const dispatch_table[256] = {
        [0 ... 255] = &&unknown_opcode,
#define KR_OP(name, pop, push, jpop, jpush, cache, flags) [KR_OP_##name] = &&TARGET_##name,
#include "kr_opcodes.def"
#undef KR_OP
    };
#pragma GCC diagnostic pop
#endif
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
    LOAD_FRAME_REGISTERS();
    next_instr = frame->instr_ptr + 1;
    if (++ts->recursion_depth > recursion_limit()) {
        kr_err_set_string(kr_exc_RecursionError, "maximum recursion depth exceeded");
        goto exit_unwind;
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
        KrObject *name = names[oparg >> 1];
        KrObject *v;
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
        KrObject *name = names[oparg >> 1];
        KrObject *owner = TOP();
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

    TARGET(STORE_ATTR) {
        KrObject *owner = TOP(), *v = SECOND();
        ERROR_IF(kr_object_setattr(owner, names[oparg], v) < 0);
        STACK_SHRINK(2);
        KR_DECREF(owner);
        KR_DECREF(v);
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
        KrObject *rhs = TOP(), *lhs = SECOND();
        KrObject *res = NULL;
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

    TARGET(COMPARE_OP) {
        KrObject *rhs = TOP(), *lhs = SECOND();
        KrObject *res;
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

    TARGET(IS_OP) {
        KrObject *rhs = POP(), *lhs = TOP();
        int r = (lhs == rhs) ^ oparg;
        KR_DECREF(rhs);
        KR_DECREF(lhs);
        SET_TOP(KR_NEWREF(kr_bool_new(r)));
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        KrObject *rhs = TOP(), *lhs = SECOND();
        int r = kr_object_contains(rhs, lhs);
        ERROR_IF(r < 0);
        STACK_SHRINK(1);
        KR_DECREF(rhs);
        KR_DECREF(lhs);
        SET_TOP(KR_NEWREF(kr_bool_new(r ^ oparg)));
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        KrObject *sub = TOP(), *container = SECOND();
        KrObject *res;
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

    TARGET(STORE_SUBSCR) {
        KrObject *sub = TOP(), *container = SECOND(), *v = PEEK(3);
        ERROR_IF(kr_object_set_item(container, sub, v) < 0);
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
        KrObject *seq = TOP();
        KrObject **items = NULL;
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
        if (*counter != 0xFFFF) (*counter)++;
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
        KrObject *it = TOP();
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
        KrObject **base = sp - oparg - 2;
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
        DISPATCH();
    }

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
