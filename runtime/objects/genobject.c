/* genobject.c - generators, coroutines and async generators. Each owns its frame
 * (inline, after the object header); the eval loop runs that frame in place, either
 * from send()/__next__ here or directly from FOR_ITER / SEND in the caller's loop.
 * Also the awaitables around them: coroutine wrappers and async-gen asend/athrow. */
#include <string.h>

#include "ceval_internal.h"

KrObject *kr_async_gen_firstiter_hook, *kr_async_gen_finalizer_hook;

static bool is_async_gen(KrGen *g) { return KR_TYPE(g) == &kr_async_gen_type; }
static bool is_coro(KrGen *g) { return KR_TYPE(g) == &kr_coro_type; }

static const char *gen_kind(KrGen *g) {
    return is_coro(g) ? "coroutine" : is_async_gen(g) ? "async generator" : "generator";
}

/* ---------------------------------------------------------------------------
 * Creation and the handled-exception state
 * ------------------------------------------------------------------------- */

KrObject *kr_gen_new_from_frame(KrFrame *f) {
    KrCode *co = f->code;
    KrType *t = (co->flags & KR_CO_COROUTINE)         ? &kr_coro_type
                : (co->flags & KR_CO_ASYNC_GENERATOR) ? &kr_async_gen_type
                                                      : &kr_gen_type;
    KrGen *gen = (KrGen *)kr_object_new_var(t, kr_frame_nslots(co));
    if (!gen) return NULL;
    KrFunction *fn = (KrFunction *)f->func;
    gen->name = KR_NEWREF(fn->name);
    gen->qualname = KR_NEWREF(fn->qualname);
    gen->code = KR_NEWREF(co);
    gen->frame_state = KR_FRAME_CREATED;
    KrFrame *gf = KR_GEN_FRAME(gen);
    kr_frame_copy(gf, f); /* references move into the generator */
    gf->owner = KR_FRAME_OWNED_BY_GENERATOR;
    gf->previous = NULL;
    gf->is_entry = 0;
    gf->return_kind = KR_RETURN_PUSH;
    gf->return_offset = 0;
    if (gf->frame_obj) ((KrFrameObject *)gf->frame_obj)->frame = gf;
    f->frame_obj = NULL;
    f->stacktop = 0;
    f->func = NULL;
    f->code = NULL;
    f->locals = NULL;
    kr_gc_track((KrObject *)gen);
    return (KrObject *)gen;
}

/* While a generator runs, the thread's handled exception is the generator's own (if
 * it is suspended inside an except block) or else the resumer's, as CPython's chained
 * exc_info gives; the resumer's is restored when the generator yields or finishes. */
void kr_gen_exc_enter(KrThreadState *ts, KrGen *gen) {
    KrObject *prev = ts->handled_exception; /* moves into the generator */
    gen->exc_prev = prev;
    if (gen->exc_state) {
        ts->handled_exception = gen->exc_state;
        gen->exc_state = NULL;
    } else {
        ts->handled_exception = kr_xnewref(prev);
    }
}

void kr_gen_exc_exit(KrThreadState *ts, KrGen *gen, int completed) {
    KrObject *cur = ts->handled_exception;
    ts->handled_exception = gen->exc_prev;
    gen->exc_prev = NULL;
    if (!completed && cur && cur != ts->handled_exception) {
        KR_XDECREF(gen->exc_state);
        gen->exc_state = cur;
    } else {
        KR_XDECREF(cur);
    }
}

KrObject *kr_gen_yieldfrom(KrGen *gen) {
    if (gen->frame_state != KR_FRAME_SUSPENDED) return NULL;
    KrFrame *f = KR_GEN_FRAME(gen);
    KrCodeUnit next = f->instr_ptr[1];
    if (KR_CU_OP(next) != KR_OP_RESUME || KR_CU_ARG(next) < KR_RESUME_AFTER_YIELD_FROM) return NULL;
    if (f->stacktop <= f->code->nlocalsplus) return NULL;
    return f->localsplus[f->stacktop - 1];
}

/* ---------------------------------------------------------------------------
 * Resuming
 * ------------------------------------------------------------------------- */

/* Runs the generator until it yields (1), returns (0) or raises (-1). With `exc`, the
 * current exception is thrown in at the suspension point. */
static int gen_send_ex2(KrGen *gen, KrObject *arg, int exc, int closing, KrObject **presult) {
    KrThreadState *ts = kr_tstate();
    *presult = NULL;
    if (gen->frame_state == KR_FRAME_CREATED && arg && arg != kr_none && !exc) {
        kr_err_format(kr_exc_TypeError, "can't send non-None value to a just-started %s",
                      gen_kind(gen));
        return -1;
    }
    if (gen->frame_state == KR_FRAME_EXECUTING) {
        kr_err_format(kr_exc_ValueError, "%s already executing", gen_kind(gen));
        return -1;
    }
    if (gen->frame_state >= KR_FRAME_COMPLETED) {
        if (is_coro(gen) && !closing) {
            /* `gen` is an exhausted coroutine: raise an error, except when called from
             * gen_close(), which should always be a silent method. */
            if (exc) kr_err_clear();
            kr_err_set_string(kr_exc_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (arg && !exc) {
            *presult = KR_NEWREF(kr_none);
            return 0;
        }
        return -1;
    }
    KrFrame *f = KR_GEN_FRAME(gen);
    f->localsplus[f->stacktop++] = KR_NEWREF(arg ? arg : kr_none);
    gen->frame_state = KR_FRAME_EXECUTING;
    kr_gen_exc_enter(ts, gen);
    KrObject *result = kr_eval_frame(ts, f, exc);
    if (gen->frame_state == KR_FRAME_SUSPENDED) {
        *presult = result;
        return 1;
    }
    if (result) {
        *presult = result;
        return 0;
    }
    return -1;
}

static void set_stop_iteration(KrObject *value) {
    if (value == kr_none)
        kr_err_set_none(kr_exc_StopIteration);
    else
        kr_err_set_stop_iteration(value);
}

/* gen_send_ex2 with the return turned into StopIteration (StopAsyncIteration for
 * async generators), as send()/throw() report it. */
static KrObject *gen_send_ex(KrGen *gen, KrObject *arg, int exc, int closing) {
    KrObject *result;
    if (gen_send_ex2(gen, arg, exc, closing, &result) == 0) {
        if (is_async_gen(gen))
            kr_err_set_none(kr_exc_StopAsyncIteration);
        else
            set_stop_iteration(result);
        KR_CLEAR(result);
    }
    return result;
}

/* Takes the value out of a pending StopIteration (0), or -1 if another error. */
static int fetch_stop_iteration_value(KrObject **value) {
    if (!kr_err_matches(kr_exc_StopIteration)) return -1;
    KrObject *exc = kr_err_fetch();
    KrObject *v = exc && KR_EXC_CHECK(exc) ? ((KrStopIteration *)exc)->value : NULL;
    *value = KR_NEWREF(v ? v : kr_none);
    KR_XDECREF(exc);
    return 0;
}

int kr_gen_send(KrObject *receiver, KrObject *arg, KrObject **result) {
    if (KR_TYPE(receiver) == &kr_gen_type || KR_TYPE(receiver) == &kr_coro_type)
        return gen_send_ex2((KrGen *)receiver, arg, 0, 0, result);
    if (arg == kr_none && KR_TYPE(receiver)->tp_iternext) {
        *result = KR_TYPE(receiver)->tp_iternext(receiver);
        if (*result) return 1;
        if (!kr_err_occurred()) {
            *result = KR_NEWREF(kr_none);
            return 0;
        }
    } else {
        *result = kr_call_method(receiver, "send", &arg, 1);
        if (*result) return 1;
    }
    return fetch_stop_iteration_value(result) == 0 ? 0 : -1;
}

static KrObject *gen_iternext(KrObject *self) {
    KrObject *result;
    if (gen_send_ex2((KrGen *)self, NULL, 0, 0, &result) == 0) {
        if (result != kr_none) set_stop_iteration(result);
        KR_CLEAR(result);
    }
    return result;
}

static KrObject *gen_send_method(KrObject *self, KrObject *arg) {
    return gen_send_ex((KrGen *)self, arg, 0, 0);
}

/* ---------------------------------------------------------------------------
 * close() and throw()
 * ------------------------------------------------------------------------- */

static KrObject *gen_close(KrObject *self, KrObject *unused);

static int gen_close_iter(KrObject *yf) {
    KrObject *retval = NULL;
    if (KR_TYPE(yf) == &kr_gen_type || KR_TYPE(yf) == &kr_coro_type) {
        retval = gen_close(yf, NULL);
        if (!retval) return -1;
    } else {
        KrObject *meth = NULL;
        if (kr_object_lookup_attr(yf, kr_str_intern_cstr("close"), &meth) < 0)
            kr_err_write_unraisable(yf, NULL);
        if (meth) {
            retval = kr_call_noargs(meth);
            KR_DECREF(meth);
            if (!retval) return -1;
        }
    }
    KR_XDECREF(retval);
    return 0;
}

static void clear_gen_frame(KrGen *gen) {
    if (gen->frame_state < KR_FRAME_COMPLETED) {
        KrFrame *f = KR_GEN_FRAME(gen);
        gen->frame_state = KR_FRAME_COMPLETED;
        kr_frame_clear(f);
    }
}

static KrObject *gen_close(KrObject *self, KrObject *unused) {
    KrGen *gen = (KrGen *)self;
    if (gen->frame_state == KR_FRAME_CREATED) {
        clear_gen_frame(gen);
        return KR_NEWREF(kr_none);
    }
    if (gen->frame_state >= KR_FRAME_COMPLETED) return KR_NEWREF(kr_none);
    KrObject *yf = kr_xnewref(kr_gen_yieldfrom(gen));
    int err = 0;
    if (yf) {
        int8_t state = gen->frame_state;
        gen->frame_state = KR_FRAME_EXECUTING;
        err = gen_close_iter(yf);
        gen->frame_state = state;
        KR_DECREF(yf);
    }
    if (err == 0) kr_err_set_none(kr_exc_GeneratorExit);
    KrObject *retval = gen_send_ex(gen, kr_none, 1, 1);
    if (retval) {
        KR_DECREF(retval);
        kr_err_format(kr_exc_RuntimeError, "%s ignored GeneratorExit", gen_kind(gen));
        return NULL;
    }
    if (kr_err_matches(kr_exc_StopIteration) || kr_err_matches(kr_exc_GeneratorExit)) {
        kr_err_clear();
        return KR_NEWREF(kr_none);
    }
    return NULL;
}

/* Builds the exception instance for throw(typ[, val[, tb]]) and sets it. */
static int set_thrown_exception(KrObject *typ, KrObject *val, KrObject *tb) {
    if (tb == kr_none) tb = NULL;
    if (tb && KR_TYPE(tb) != &kr_traceback_type) {
        kr_err_set_string(kr_exc_TypeError, "throw() third argument must be a traceback object");
        return -1;
    }
    KrObject *exc;
    if (KR_EXC_TYPE_CHECK(typ)) {
        if (val && val != kr_none && kr_object_isinstance(val, typ) > 0) {
            exc = KR_NEWREF(val);
        } else {
            KrObject *args;
            if (!val || val == kr_none)
                args = KR_NEWREF(kr_empty_tuple);
            else if (KR_TUPLE_CHECK(val))
                args = KR_NEWREF(val);
            else
                args = kr_tuple_pack(1, val);
            if (!args) return -1;
            exc = kr_call(typ, args, NULL);
            KR_DECREF(args);
            if (!exc) return -1;
            if (!KR_EXC_CHECK(exc)) {
                kr_err_format(kr_exc_TypeError,
                              "calling %R should have returned an instance of BaseException, "
                              "not %R",
                              typ, (KrObject *)KR_TYPE(exc));
                KR_DECREF(exc);
                return -1;
            }
        }
    } else if (KR_EXC_CHECK(typ)) {
        if (val && val != kr_none) {
            kr_err_set_string(kr_exc_TypeError,
                              "instance exception may not have a separate value");
            return -1;
        }
        exc = KR_NEWREF(typ);
    } else {
        kr_err_format(kr_exc_TypeError,
                      "exceptions must be classes or instances deriving from BaseException, "
                      "not %s",
                      KR_TYPE(typ)->tp_name);
        return -1;
    }
    if (tb) KR_SETREF(((KrBaseException *)exc)->traceback, KR_NEWREF(tb));
    kr_err_restore(exc);
    return 0;
}

static KrObject *gen_throw_impl(KrGen *gen, int close_on_genexit, KrObject *typ, KrObject *val,
                                KrObject *tb) {
    KrObject *yf = kr_xnewref(kr_gen_yieldfrom(gen));
    if (yf) {
        KrThreadState *ts = kr_tstate();
        KrObject *ret;
        if (typ == (KrObject *)kr_exc_GeneratorExit && close_on_genexit) {
            /* Asynchronous generators *should not* be closed right away: awaiting
             * athrow() with GeneratorExit must propagate into the frame. */
            gen->frame_state = KR_FRAME_EXECUTING;
            int err = gen_close_iter(yf);
            gen->frame_state = KR_FRAME_SUSPENDED;
            KR_DECREF(yf);
            if (err < 0) return gen_send_ex(gen, kr_none, 1, 0);
            goto throw_here;
        }
        /* link our frame while the sub-iterator runs, so its f_back is right */
        KrFrame *gf = KR_GEN_FRAME(gen);
        gf->previous = ts->current_frame;
        ts->current_frame = gf;
        gen->frame_state = KR_FRAME_EXECUTING;
        if (KR_TYPE(yf) == &kr_gen_type || KR_TYPE(yf) == &kr_coro_type) {
            ret = gen_throw_impl((KrGen *)yf, close_on_genexit, typ, val, tb);
        } else {
            KrObject *meth = NULL;
            if (kr_object_lookup_attr(yf, kr_str_intern_cstr("throw"), &meth) < 0) {
                gen->frame_state = KR_FRAME_SUSPENDED;
                ts->current_frame = gf->previous;
                gf->previous = NULL;
                KR_DECREF(yf);
                return NULL;
            }
            if (!meth) {
                gen->frame_state = KR_FRAME_SUSPENDED;
                ts->current_frame = gf->previous;
                gf->previous = NULL;
                KR_DECREF(yf);
                goto throw_here;
            }
            KrObject *args[3] = {typ, val ? val : kr_none, tb ? tb : kr_none};
            ret = kr_vectorcall(meth, args, val ? (tb ? 3 : 2) : 1, NULL);
            KR_DECREF(meth);
        }
        gen->frame_state = KR_FRAME_SUSPENDED;
        ts->current_frame = gf->previous;
        gf->previous = NULL;
        KR_DECREF(yf);
        if (!ret) {
            /* the sub-iterator finished or failed: its exception (a StopIteration
             * carrying the return value, or the error) is thrown into our frame,
             * where CLEANUP_THROW sorts it out */
            ret = gen_send_ex(gen, kr_none, 1, 0);
        }
        return ret;
    }
throw_here:
    if (set_thrown_exception(typ, val, tb) < 0) return NULL;
    return gen_send_ex(gen, kr_none, 1, 0);
}

static KrObject *gen_throw(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("throw", nargs, 1, 3) < 0) return NULL;
    return gen_throw_impl((KrGen *)self, 1, args[0], nargs > 1 ? args[1] : NULL,
                          nargs > 2 ? args[2] : NULL);
}

/* ---------------------------------------------------------------------------
 * Finalisation and the type slots
 * ------------------------------------------------------------------------- */

static void gen_finalize(KrObject *self) {
    KrGen *gen = (KrGen *)self;
    if (gen->frame_state >= KR_FRAME_COMPLETED || gen->finalized) return;
    gen->finalized = 1;
    KrObject *saved = kr_err_fetch();
    if (is_async_gen(gen) && gen->finalizer && !gen->closed) {
        KrObject *res = kr_call_one(gen->finalizer, self);
        if (!res)
            kr_err_write_unraisable(self, NULL);
        else
            KR_DECREF(res);
        kr_err_restore(saved);
        return;
    }
    KrObject *res = gen_close(self, NULL);
    if (!res)
        kr_err_write_unraisable(self, NULL);
    else
        KR_DECREF(res);
    kr_err_restore(saved);
}

static void gen_dealloc(KrObject *self) {
    KrGen *gen = (KrGen *)self;
    bool needs_finalize = gen->frame_state == KR_FRAME_SUSPENDED ||
                          (is_async_gen(gen) && gen->finalizer && !gen->closed &&
                           gen->frame_state < KR_FRAME_COMPLETED);
    if (!gen->finalized && needs_finalize) {
        /* run close() with the object briefly alive again; the final decref re-enters
         * this function (finalized is set) unless close() resurrected it */
        kr_incref(self);
        gen_finalize(self);
        gen->finalized = 1;
        kr_decref(self);
        return;
    }
    kr_gc_untrack(self);
    kr_weakref_clear_all(self);
    clear_gen_frame(gen);
    KR_CLEAR(gen->name);
    KR_CLEAR(gen->qualname);
    KR_CLEAR(gen->code);
    KR_CLEAR(gen->exc_state);
    KR_CLEAR(gen->exc_prev);
    KR_CLEAR(gen->finalizer);
    kr_object_free(self);
}

static int gen_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrGen *gen = (KrGen *)self;
    KrObject *fields[] = {gen->name, gen->qualname, gen->code, gen->exc_state, gen->finalizer};
    int r;
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        if (fields[i] && (r = visit(fields[i], arg))) return r;
    if (gen->frame_state < KR_FRAME_COMPLETED) {
        KrFrame *f = KR_GEN_FRAME(gen);
        if (f->func && (r = visit(f->func, arg))) return r;
        if (f->locals && (r = visit(f->locals, arg))) return r;
        if (f->frame_obj && (r = visit(f->frame_obj, arg))) return r;
        /* While the generator runs, stacktop is only saved at calls and yields: value
         * stack slots may hold stale pointers, so only the locals are visited then
         * (what the running frame holds counts as external: it stays alive). */
        int n = f->stacktop;
        if (gen->frame_state == KR_FRAME_EXECUTING && n > f->code->nlocalsplus)
            n = f->code->nlocalsplus;
        for (int i = 0; i < n; i++)
            if (f->localsplus[i] && (r = visit(f->localsplus[i], arg))) return r;
    }
    return 0;
}

static KrObject *gen_repr(KrObject *self) {
    KrGen *gen = (KrGen *)self;
    const char *kind = is_coro(gen) ? "coroutine" : is_async_gen(gen) ? "async_generator"
                                                                       : "generator";
    return kr_str_from_format("<%s object %U at %p>", kind, gen->qualname, self);
}

static KrObject *gen_get_name(KrObject *self, void *c) { return KR_NEWREF(((KrGen *)self)->name); }
static int gen_set_name(KrObject *self, KrObject *v, void *c) {
    if (!v || !KR_STR_CHECK(v)) {
        kr_err_set_string(kr_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    KR_SETREF(((KrGen *)self)->name, KR_NEWREF(v));
    return 0;
}
static KrObject *gen_get_qualname(KrObject *self, void *c) {
    return KR_NEWREF(((KrGen *)self)->qualname);
}
static int gen_set_qualname(KrObject *self, KrObject *v, void *c) {
    if (!v || !KR_STR_CHECK(v)) {
        kr_err_set_string(kr_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    KR_SETREF(((KrGen *)self)->qualname, KR_NEWREF(v));
    return 0;
}
static KrObject *gen_get_frame(KrObject *self, void *c) {
    KrGen *gen = (KrGen *)self;
    if (gen->frame_state >= KR_FRAME_COMPLETED) return KR_NEWREF(kr_none);
    return kr_frame_get_object(KR_GEN_FRAME(gen));
}
static KrObject *gen_get_running(KrObject *self, void *c) {
    return KR_NEWREF(kr_bool_new(((KrGen *)self)->frame_state == KR_FRAME_EXECUTING));
}
static KrObject *gen_get_suspended(KrObject *self, void *c) {
    return KR_NEWREF(kr_bool_new(((KrGen *)self)->frame_state == KR_FRAME_SUSPENDED));
}
static KrObject *gen_get_code(KrObject *self, void *c) { return KR_NEWREF(((KrGen *)self)->code); }
static KrObject *gen_get_yieldfrom(KrObject *self, void *c) {
    KrObject *yf = kr_gen_yieldfrom((KrGen *)self);
    return KR_NEWREF(yf ? yf : kr_none);
}
static KrObject *gen_get_none(KrObject *self, void *c) { return KR_NEWREF(kr_none); }
static KrObject *agen_get_running(KrObject *self, void *c) {
    return KR_NEWREF(kr_bool_new(((KrGen *)self)->running_async));
}

static KrObject *gen_sizeof(KrObject *self, KrObject *unused) {
    return kr_int_from_ssize((kr_ssize)sizeof(KrGen) + (kr_ssize)sizeof(KrFrame) +
                             KR_SIZE(self) * (kr_ssize)sizeof(KrObject *));
}

static KrGetSetDef gen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static KrMethodDef gen_methods[] = {
    {"send", (void *)gen_send_method, KR_METH_O, NULL},
    {"throw", (void *)gen_throw, KR_METH_FASTCALL, NULL},
    {"close", (void *)gen_close, KR_METH_NOARGS, NULL},
    {"__sizeof__", (void *)gen_sizeof, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrType kr_gen_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "generator",
    .tp_basicsize = sizeof(KrGen) + sizeof(KrFrame),
    .tp_itemsize = sizeof(KrObject *),
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(KrGen, weakreflist),
    .tp_iter = kr_object_self_iter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
    .tp_finalize = gen_finalize,
};

/* ---------------------------------------------------------------------------
 * Coroutines and their __await__ wrapper
 * ------------------------------------------------------------------------- */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *coro;
} KrCoroWrapper;

static KrObject *coro_await(KrObject *self) {
    KrCoroWrapper *w = (KrCoroWrapper *)kr_object_new(&kr_coro_wrapper_type);
    if (!w) return NULL;
    w->coro = KR_NEWREF(self);
    kr_gc_track((KrObject *)w);
    return (KrObject *)w;
}

static KrObject *coro_await_method(KrObject *self, KrObject *unused) { return coro_await(self); }

static KrGetSetDef coro_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"cr_frame", gen_get_frame, NULL, NULL, NULL},
    {"cr_running", gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {"cr_origin", gen_get_none, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static KrMethodDef coro_methods[] = {
    {"send", (void *)gen_send_method, KR_METH_O, NULL},
    {"throw", (void *)gen_throw, KR_METH_FASTCALL, NULL},
    {"close", (void *)gen_close, KR_METH_NOARGS, NULL},
    {"__await__", (void *)coro_await_method, KR_METH_NOARGS, NULL},
    {"__sizeof__", (void *)gen_sizeof, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KrAsyncMethods coro_as_async = {.am_await = coro_await};

KrType kr_coro_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "coroutine",
    .tp_basicsize = sizeof(KrGen) + sizeof(KrFrame),
    .tp_itemsize = sizeof(KrObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &coro_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(KrGen, weakreflist),
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
    .tp_finalize = gen_finalize,
};

static void cw_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KR_CLEAR(((KrCoroWrapper *)self)->coro);
    kr_object_free(self);
}
static int cw_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrObject *c = ((KrCoroWrapper *)self)->coro;
    return c ? visit(c, arg) : 0;
}
static KrObject *cw_iternext(KrObject *self) {
    return gen_send_ex((KrGen *)((KrCoroWrapper *)self)->coro, kr_none, 0, 0);
}
static KrObject *cw_send(KrObject *self, KrObject *arg) {
    return gen_send_ex((KrGen *)((KrCoroWrapper *)self)->coro, arg, 0, 0);
}
static KrObject *cw_throw(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return gen_throw(((KrCoroWrapper *)self)->coro, args, nargs);
}
static KrObject *cw_close(KrObject *self, KrObject *unused) {
    return gen_close(((KrCoroWrapper *)self)->coro, NULL);
}

static KrMethodDef cw_methods[] = {
    {"send", (void *)cw_send, KR_METH_O, NULL},
    {"throw", (void *)cw_throw, KR_METH_FASTCALL, NULL},
    {"close", (void *)cw_close, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrType kr_coro_wrapper_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(KrCoroWrapper),
    .tp_dealloc = cw_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = cw_traverse,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = cw_iternext,
    .tp_methods = cw_methods,
};

/* The iterator `await o` drives: the coroutine itself, or what __await__ returns. */
KrObject *kr_coro_get_awaitable_iter(KrObject *o, int where) {
    KrType *t = KR_TYPE(o);
    if (t == &kr_coro_type) {
        if (kr_gen_yieldfrom((KrGen *)o)) {
            kr_err_set_string(kr_exc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
        return KR_NEWREF(o);
    }
    if (t == &kr_gen_type && (((KrCode *)((KrGen *)o)->code)->flags & KR_CO_ITERABLE_COROUTINE))
        return KR_NEWREF(o);
    KrObject *res = NULL;
    if (t->tp_as_async && t->tp_as_async->am_await) {
        res = t->tp_as_async->am_await(o);
    } else {
        KrObject *meth = kr_ceval_lookup_special(o, kr_str_intern_cstr("__await__"));
        if (!meth) {
            if (kr_err_occurred()) return NULL;
            if (where == 1)
                kr_err_format(kr_exc_TypeError,
                              "'async with' received an object from __aenter__ that does not "
                              "implement __await__: %s",
                              t->tp_name);
            else if (where == 2)
                kr_err_format(kr_exc_TypeError,
                              "'async with' received an object from __aexit__ that does not "
                              "implement __await__: %s",
                              t->tp_name);
            else
                kr_err_format(kr_exc_TypeError, "object %s can't be used in 'await' expression",
                              t->tp_name);
            return NULL;
        }
        res = kr_call_noargs(meth);
        KR_DECREF(meth);
    }
    if (!res) return NULL;
    if (KR_TYPE(res) == &kr_coro_type ||
        (KR_TYPE(res) == &kr_gen_type &&
         (((KrCode *)((KrGen *)res)->code)->flags & KR_CO_ITERABLE_COROUTINE))) {
        kr_err_set_string(kr_exc_TypeError, "__await__() returned a coroutine");
        KR_DECREF(res);
        return NULL;
    }
    if (!KR_TYPE(res)->tp_iternext) {
        kr_err_format(kr_exc_TypeError, "__await__() returned non-iterator of type '%s'",
                      KR_TYPE(res)->tp_name);
        KR_DECREF(res);
        return NULL;
    }
    return res;
}

/* ---------------------------------------------------------------------------
 * Async generators
 * ------------------------------------------------------------------------- */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *val;
} KrAsyncGenWrapped;

KrObject *kr_async_gen_wrap_value(KrObject *v) {
    KrAsyncGenWrapped *w = (KrAsyncGenWrapped *)kr_object_new(&kr_async_gen_wrapped_type);
    if (!w) return NULL;
    w->val = KR_NEWREF(v);
    kr_gc_track((KrObject *)w);
    return (KrObject *)w;
}

static void agw_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KR_CLEAR(((KrAsyncGenWrapped *)self)->val);
    kr_object_free(self);
}
static int agw_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrObject *v = ((KrAsyncGenWrapped *)self)->val;
    return v ? visit(v, arg) : 0;
}

KrType kr_async_gen_wrapped_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(KrAsyncGenWrapped),
    .tp_dealloc = agw_dealloc,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = agw_traverse,
};

static int async_gen_init_hooks(KrGen *gen) {
    if (gen->hooks_inited) return 0;
    gen->hooks_inited = 1;
    if (kr_async_gen_finalizer_hook)
        KR_SETREF(gen->finalizer, KR_NEWREF(kr_async_gen_finalizer_hook));
    if (kr_async_gen_firstiter_hook) {
        KrObject *hook = KR_NEWREF(kr_async_gen_firstiter_hook);
        KrObject *res = kr_call_one(hook, (KrObject *)gen);
        KR_DECREF(hook);
        if (!res) return -1;
        KR_DECREF(res);
    }
    return 0;
}

/* Turns what the async generator's frame produced into the awaitable's result: a
 * wrapped value is an async yield (StopIteration(value) ends this await). */
static KrObject *async_gen_unwrap_value(KrGen *gen, KrObject *result) {
    if (!result) {
        if (!kr_err_occurred()) kr_err_set_none(kr_exc_StopAsyncIteration);
        if (kr_err_matches(kr_exc_StopAsyncIteration) || kr_err_matches(kr_exc_GeneratorExit))
            gen->closed = 1;
        gen->running_async = 0;
        return NULL;
    }
    if (KR_TYPE(result) == &kr_async_gen_wrapped_type) {
        set_stop_iteration(((KrAsyncGenWrapped *)result)->val);
        KR_DECREF(result);
        gen->running_async = 0;
        return NULL;
    }
    return result;
}

enum { AWAITABLE_INIT = 0, AWAITABLE_ITER = 1, AWAITABLE_CLOSED = 2 };

typedef struct {
    KR_OBJECT_HEAD;
    KrGen *gen;
    KrObject *sendval;   /* asend: the value; athrow: the (typ, val, tb) args or NULL */
    int state;
} KrAsyncGenAwaitable;

static KrObject *awaitable_new(KrType *t, KrGen *gen, KrObject *v) {
    KrAsyncGenAwaitable *a = (KrAsyncGenAwaitable *)kr_object_new(t);
    if (!a) return NULL;
    a->gen = (KrGen *)KR_NEWREF(gen);
    a->sendval = kr_xnewref(v);
    a->state = AWAITABLE_INIT;
    kr_gc_track((KrObject *)a);
    return (KrObject *)a;
}

static void awaitable_dealloc(KrObject *self) {
    KrAsyncGenAwaitable *a = (KrAsyncGenAwaitable *)self;
    kr_gc_untrack(self);
    KR_CLEAR(a->gen);
    KR_CLEAR(a->sendval);
    kr_object_free(self);
}

static int awaitable_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrAsyncGenAwaitable *a = (KrAsyncGenAwaitable *)self;
    int r;
    if (a->gen && (r = visit((KrObject *)a->gen, arg))) return r;
    if (a->sendval && (r = visit(a->sendval, arg))) return r;
    return 0;
}

static KrObject *awaitable_close(KrObject *self, KrObject *unused) {
    ((KrAsyncGenAwaitable *)self)->state = AWAITABLE_CLOSED;
    return KR_NEWREF(kr_none);
}

/* -- asend -- */

static KrObject *asend_send(KrObject *self, KrObject *arg) {
    KrAsyncGenAwaitable *o = (KrAsyncGenAwaitable *)self;
    if (o->state == AWAITABLE_CLOSED) {
        kr_err_set_string(kr_exc_RuntimeError,
                          "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (o->state == AWAITABLE_INIT) {
        if (o->gen->running_async) {
            o->state = AWAITABLE_CLOSED;
            kr_err_set_string(kr_exc_RuntimeError,
                              "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (!arg || arg == kr_none) arg = o->sendval ? o->sendval : kr_none;
        o->state = AWAITABLE_ITER;
    }
    o->gen->running_async = 1;
    KrObject *result = gen_send_ex(o->gen, arg, 0, 0);
    result = async_gen_unwrap_value(o->gen, result);
    if (!result) o->state = AWAITABLE_CLOSED;
    return result;
}

static KrObject *asend_iternext(KrObject *self) { return asend_send(self, NULL); }

static KrObject *asend_throw(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    KrAsyncGenAwaitable *o = (KrAsyncGenAwaitable *)self;
    if (o->state == AWAITABLE_CLOSED) {
        kr_err_set_string(kr_exc_RuntimeError,
                          "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (kr_arg_check_positional("throw", nargs, 1, 3) < 0) return NULL;
    KrObject *result = gen_throw_impl(o->gen, 1, args[0], nargs > 1 ? args[1] : NULL,
                                      nargs > 2 ? args[2] : NULL);
    result = async_gen_unwrap_value(o->gen, result);
    if (!result) o->state = AWAITABLE_CLOSED;
    return result;
}

static KrObject *awaitable_await(KrObject *self, KrObject *unused) { return KR_NEWREF(self); }

static KrMethodDef asend_methods[] = {
    {"__await__", (void *)awaitable_await, KR_METH_NOARGS, NULL},
    {"send", (void *)asend_send, KR_METH_O, NULL},
    {"throw", (void *)asend_throw, KR_METH_FASTCALL, NULL},
    {"close", (void *)awaitable_close, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KrAsyncMethods awaitable_as_async = {.am_await = kr_object_self_iter};

KrType kr_async_gen_asend_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(KrAsyncGenAwaitable),
    .tp_dealloc = awaitable_dealloc,
    .tp_as_async = &awaitable_as_async,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = awaitable_traverse,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = asend_iternext,
    .tp_methods = asend_methods,
};

/* -- athrow / aclose (sendval NULL) -- */

static KrObject *athrow_check_error(KrAsyncGenAwaitable *o) {
    o->gen->running_async = 0;
    o->state = AWAITABLE_CLOSED;
    if (kr_err_matches(kr_exc_StopAsyncIteration) || kr_err_matches(kr_exc_GeneratorExit)) {
        if (!o->sendval) {
            /* aclose() is done: end this await with StopIteration */
            kr_err_clear();
            kr_err_set_none(kr_exc_StopIteration);
        }
    }
    return NULL;
}

static KrObject *athrow_yield_close(KrAsyncGenAwaitable *o) {
    o->gen->running_async = 0;
    o->state = AWAITABLE_CLOSED;
    kr_err_set_string(kr_exc_RuntimeError, "async generator ignored GeneratorExit");
    return NULL;
}

static KrObject *athrow_send(KrObject *self, KrObject *arg) {
    KrAsyncGenAwaitable *o = (KrAsyncGenAwaitable *)self;
    KrGen *gen = o->gen;
    KrObject *retval;
    if (o->state == AWAITABLE_CLOSED) {
        kr_err_set_string(kr_exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (gen->frame_state >= KR_FRAME_COMPLETED) {
        o->state = AWAITABLE_CLOSED;
        kr_err_set_none(kr_exc_StopIteration);
        return NULL;
    }
    if (o->state == AWAITABLE_INIT) {
        if (gen->running_async) {
            o->state = AWAITABLE_CLOSED;
            kr_err_set_string(kr_exc_RuntimeError,
                              o->sendval ? "athrow(): asynchronous generator is already running"
                                         : "aclose(): asynchronous generator is already running");
            return NULL;
        }
        if (gen->closed) {
            o->state = AWAITABLE_CLOSED;
            kr_err_set_none(kr_exc_StopAsyncIteration);
            return NULL;
        }
        if (arg && arg != kr_none) {
            kr_err_set_string(kr_exc_RuntimeError,
                              "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        o->state = AWAITABLE_ITER;
        gen->running_async = 1;
        if (!o->sendval) {
            gen->closed = 1;
            retval = gen_throw_impl(gen, 0, (KrObject *)kr_exc_GeneratorExit, NULL, NULL);
            if (retval && KR_TYPE(retval) == &kr_async_gen_wrapped_type) {
                KR_DECREF(retval);
                return athrow_yield_close(o);
            }
        } else {
            KrObject *t = o->sendval;
            kr_ssize n = KR_SIZE(t);
            retval = gen_throw_impl(gen, 0, KR_TUPLE_ITEM(t, 0), n > 1 ? KR_TUPLE_ITEM(t, 1) : NULL,
                                    n > 2 ? KR_TUPLE_ITEM(t, 2) : NULL);
            retval = async_gen_unwrap_value(gen, retval);
        }
        if (!retval) return athrow_check_error(o);
        return retval;
    }
    retval = gen_send_ex(gen, arg ? arg : kr_none, 0, 0);
    if (o->sendval) return async_gen_unwrap_value(gen, retval);
    if (retval) {
        if (KR_TYPE(retval) == &kr_async_gen_wrapped_type) {
            KR_DECREF(retval);
            return athrow_yield_close(o);
        }
        return retval;
    }
    return athrow_check_error(o);
}

static KrObject *athrow_iternext(KrObject *self) { return athrow_send(self, kr_none); }

static KrObject *athrow_throw(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    KrAsyncGenAwaitable *o = (KrAsyncGenAwaitable *)self;
    if (o->state == AWAITABLE_CLOSED) {
        kr_err_set_string(kr_exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (kr_arg_check_positional("throw", nargs, 1, 3) < 0) return NULL;
    KrObject *retval = gen_throw_impl(o->gen, 1, args[0], nargs > 1 ? args[1] : NULL,
                                      nargs > 2 ? args[2] : NULL);
    if (o->sendval) return async_gen_unwrap_value(o->gen, retval);
    if (retval && KR_TYPE(retval) == &kr_async_gen_wrapped_type) {
        KR_DECREF(retval);
        return athrow_yield_close(o);
    }
    if (!retval &&
        (kr_err_matches(kr_exc_StopAsyncIteration) || kr_err_matches(kr_exc_GeneratorExit))) {
        kr_err_clear();
        kr_err_set_none(kr_exc_StopIteration);
    }
    return retval;
}

static KrMethodDef athrow_methods[] = {
    {"__await__", (void *)awaitable_await, KR_METH_NOARGS, NULL},
    {"send", (void *)athrow_send, KR_METH_O, NULL},
    {"throw", (void *)athrow_throw, KR_METH_FASTCALL, NULL},
    {"close", (void *)awaitable_close, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrType kr_async_gen_athrow_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(KrAsyncGenAwaitable),
    .tp_dealloc = awaitable_dealloc,
    .tp_as_async = &awaitable_as_async,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = awaitable_traverse,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = athrow_iternext,
    .tp_methods = athrow_methods,
};

/* -- the async generator itself -- */

KrObject *kr_async_gen_anext(KrObject *agen) {
    if (async_gen_init_hooks((KrGen *)agen) < 0) return NULL;
    return awaitable_new(&kr_async_gen_asend_type, (KrGen *)agen, NULL);
}

static KrObject *agen_asend(KrObject *self, KrObject *arg) {
    if (async_gen_init_hooks((KrGen *)self) < 0) return NULL;
    return awaitable_new(&kr_async_gen_asend_type, (KrGen *)self, arg);
}

static KrObject *agen_athrow(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("athrow", nargs, 1, 3) < 0) return NULL;
    if (async_gen_init_hooks((KrGen *)self) < 0) return NULL;
    KrObject *t = kr_tuple_from_array(args, nargs);
    if (!t) return NULL;
    KrObject *r = awaitable_new(&kr_async_gen_athrow_type, (KrGen *)self, t);
    KR_DECREF(t);
    return r;
}

static KrObject *agen_aclose(KrObject *self, KrObject *unused) {
    if (async_gen_init_hooks((KrGen *)self) < 0) return NULL;
    return awaitable_new(&kr_async_gen_athrow_type, (KrGen *)self, NULL);
}

static KrObject *agen_anext_method(KrObject *self, KrObject *unused) {
    return kr_async_gen_anext(self);
}

static KrObject *agen_aiter_method(KrObject *self, KrObject *unused) { return KR_NEWREF(self); }

static KrGetSetDef agen_getset[] = {
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {"ag_frame", gen_get_frame, NULL, NULL, NULL},
    {"ag_running", agen_get_running, NULL, NULL, NULL},
    {"ag_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL, NULL},
    {"ag_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static KrMethodDef agen_methods[] = {
    {"asend", (void *)agen_asend, KR_METH_O, NULL},
    {"athrow", (void *)agen_athrow, KR_METH_FASTCALL, NULL},
    {"aclose", (void *)agen_aclose, KR_METH_NOARGS, NULL},
    {"__anext__", (void *)agen_anext_method, KR_METH_NOARGS, NULL},
    {"__aiter__", (void *)agen_aiter_method, KR_METH_NOARGS, NULL},
    {"__sizeof__", (void *)gen_sizeof, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KrAsyncMethods agen_as_async = {
    .am_aiter = kr_object_self_iter,
    .am_anext = kr_async_gen_anext,
};

KrType kr_async_gen_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "async_generator",
    .tp_basicsize = sizeof(KrGen) + sizeof(KrFrame),
    .tp_itemsize = sizeof(KrObject *),
    .tp_dealloc = gen_dealloc,
    .tp_as_async = &agen_as_async,
    .tp_repr = gen_repr,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = gen_traverse,
    .tp_weaklistoffset = offsetof(KrGen, weakreflist),
    .tp_methods = agen_methods,
    .tp_getset = agen_getset,
    .tp_finalize = gen_finalize,
};
