/* ceval_internal.h - private interface between the interpreter's files: the eval loop
 * (ceval.c, ceval_helpers.c), frames (frame.c), the thread state's frame stack
 * (pystate.c), functions (function.c) and generators (genobject.c). */
#ifndef KR_CEVAL_INTERNAL_H
#define KR_CEVAL_INTERNAL_H

#include "krait.h"

/* ---------------------------------------------------------------------------
 * pystate.c: per-thread frame stack, grown in chunks
 * ------------------------------------------------------------------------- */
/* Reserves room for a frame with `nslots` localsplus slots (locals + value stack);
 * the memory is uninitialised. NULL + MemoryError on failure. */
KrFrame *kr_tstate_push_frame(KrThreadState *ts, int nslots);
/* Releases the most recently pushed frame (must be `f`). */
void kr_tstate_pop_frame(KrThreadState *ts, KrFrame *f);

/* Initialises a frame for `func` (strong refs taken to func and its code); every slot
 * starts empty. `locals` (may be NULL) is increfed. */
static inline void kr_frame_init(KrFrame *f, KrFunction *func, KrObject *locals) {
    KrCode *co = (KrCode *)func->code;
    f->func = KR_NEWREF(func);
    f->code = (KrCode *)KR_NEWREF(co);
    f->globals = func->globals;
    f->builtins = func->builtins;
    f->locals = kr_xnewref(locals);
    f->previous = NULL;
    f->instr_ptr = co->code - 1;
    f->stacktop = co->nlocalsplus;
    f->owner = KR_FRAME_OWNED_BY_THREAD;
    f->is_entry = 0;
    f->return_kind = KR_RETURN_PUSH;
    f->return_offset = 0;
    f->_pad = 0;
    f->frame_obj = NULL;
    for (int i = 0; i < co->nlocalsplus; i++) f->localsplus[i] = NULL;
}

/* A third KrFrame.return_kind (after KR_RETURN_PUSH / KR_RETURN_FOR_ITER): the callee
 * is the __init__ of CALL_ALLOC_AND_ENTER_INIT; the instance is already on the
 * caller's stack and the callee must return None. */
#define KR_RETURN_INIT 2

static inline int kr_frame_lasti_of(KrFrame *f) { return (int)(f->instr_ptr - f->code->code); }

/* ---------------------------------------------------------------------------
 * frame.c
 * ------------------------------------------------------------------------- */
/* Releases everything the frame holds. If a frame object still refers to it from
 * elsewhere, the frame's contents move into the frame object instead (which then
 * owns them) so that tracebacks and f_locals keep working. */
void kr_frame_clear(KrFrame *f);
/* Copies a frame record with its live slots (references move, not copied). */
void kr_frame_copy(KrFrame *dst, KrFrame *src);

/* ---------------------------------------------------------------------------
 * function.c: argument binding shared by kr_function_vectorcall and CALL
 * ------------------------------------------------------------------------- */
/* Pushes a frame for `func` on the thread's frame stack and binds the vectorcall
 * arguments into it (borrowed). NULL with an exception (frame already popped). */
KrFrame *kr_function_push_frame(KrThreadState *ts, KrFunction *func, KrObject *const *args,
                                kr_ssize nargs, KrObject *kwnames);
/* Same, but steals the references in args[0..nargs + len(kwnames)) on every path. */
KrFrame *kr_function_push_frame_steal(KrThreadState *ts, KrFunction *func, KrObject **args,
                                      kr_ssize nargs, KrObject *kwnames);
/* "__main__.f()" / "print()": CPython's _PyObject_FunctionStr, for call errors. */
KrObject *kr_function_str(KrObject *callable);

/* ---------------------------------------------------------------------------
 * genobject.c
 * ------------------------------------------------------------------------- */
static inline KrGen *kr_gen_of_frame(KrFrame *f) {
    return (KrGen *)((char *)f - offsetof(KrGen, frame_data));
}
static inline bool kr_gen_check_exact(KrObject *o) {
    return KR_TYPE(o) == &kr_gen_type || KR_TYPE(o) == &kr_coro_type;
}
/* RETURN_GENERATOR: builds the generator / coroutine / async generator object for
 * the running frame `f` and moves the frame into it. */
KrObject *kr_gen_new_from_frame(KrFrame *f);
/* Switches the thread's handled exception to the generator's own while it runs. */
void kr_gen_exc_enter(KrThreadState *ts, KrGen *gen);
void kr_gen_exc_exit(KrThreadState *ts, KrGen *gen, int completed);
/* The sub-iterator a suspended `yield from` / `await` is delegating to, or NULL. */
KrObject *kr_gen_yieldfrom(KrGen *gen); /* borrowed */
/* GET_AWAITABLE / `await` machinery. where: 0 await, 1 __aenter__, 2 __aexit__. */
KrObject *kr_coro_get_awaitable_iter(KrObject *o, int where);
KrObject *kr_async_gen_wrap_value(KrObject *v);   /* ASYNC_GEN_WRAP intrinsic */
KrObject *kr_async_gen_anext(KrObject *agen);     /* GET_ANEXT for async generators */

/* ---------------------------------------------------------------------------
 * ceval_helpers.c: out-of-line slow paths of the eval loop
 * ------------------------------------------------------------------------- */
/* Looks `key` up in a mapping: 1 and a new reference, 0 if missing, -1 on error. */
int kr_ceval_mapping_get(KrObject *mapping, KrObject *key, KrObject **out);
/* CALL_FUNCTION_EX on a Python function: binds a tuple and an optional dict. */
KrFrame *kr_ceval_push_frame_ex(KrThreadState *ts, KrFunction *func, KrObject *args,
                                KrObject *kwargs);
int kr_ceval_unpack_iterable(KrObject *v, int argcnt, int argcntafter, KrObject **sp);
int kr_ceval_import_star(KrFrame *f, KrObject *module);
KrObject *kr_ceval_import_name(KrFrame *f, KrObject *name, KrObject *fromlist,
                               KrObject *level);
KrObject *kr_ceval_import_from(KrObject *module, KrObject *name);
int kr_ceval_check_except_type(KrObject *type);       /* CHECK_EXC_MATCH validation */
int kr_ceval_check_except_star_type(KrObject *type);
int kr_ceval_exception_group_match(KrObject *exc, KrObject *type, KrObject **match,
                                   KrObject **rest);
KrObject *kr_ceval_prep_reraise_star(KrObject *orig, KrObject *excs);
int kr_ceval_do_raise(KrThreadState *ts, KrObject *exc, KrObject *cause); /* 1: reraise */
KrObject *kr_ceval_match_class(KrObject *subject, KrObject *type, int nargs,
                               KrObject *kwargs);
KrObject *kr_ceval_match_keys(KrObject *map, KrObject *keys);
KrObject *kr_ceval_intrinsic1(KrThreadState *ts, KrFrame *f, int which, KrObject *v);
KrObject *kr_ceval_intrinsic2(KrThreadState *ts, KrFrame *f, int which, KrObject *a,
                              KrObject *b);
KrObject *kr_ceval_lookup_special(KrObject *o, KrObject *name); /* bound, or NULL w/o error */
int kr_ceval_get_method(KrObject *obj, KrObject *name, KrObject **meth);
KrObject *kr_ceval_call_ex(KrObject *callable, KrObject *args, KrObject *kwargs);
KrObject *kr_ceval_star_args_tuple(KrObject *callable, KrObject *iterable);
int kr_ceval_dict_merge(KrObject *callable, KrObject *dict, KrObject *update);
int kr_ceval_dict_update(KrObject *dict, KrObject *update);
int kr_ceval_list_extend(KrObject *list, KrObject *iterable);
KrObject *kr_ceval_format_value(KrObject *value, int conversion, KrObject *spec);
KrObject *kr_ceval_build_string(KrObject **pieces, int n);
KrObject *kr_ceval_before_with(KrObject *mgr, KrObject **enter_res, int async);
KrObject *kr_ceval_get_aiter(KrObject *o);
KrObject *kr_ceval_get_anext(KrObject *aiter);
KrObject *kr_ceval_get_yield_from_iter(KrFrame *f, KrObject *iterable);
KrObject *kr_ceval_load_name(KrFrame *f, KrObject *name);
KrObject *kr_ceval_load_global(KrFrame *f, KrObject *name);
KrObject *kr_ceval_load_super_attr(KrObject *global_super, KrObject *cls, KrObject *self,
                                   KrObject *name, int two_args, int *method);
int kr_ceval_setup_annotations(KrFrame *f);
void kr_ceval_format_unbound_local(KrCode *co, int oparg);
void kr_ceval_format_unbound_free(KrCode *co, int oparg);
void kr_ceval_name_error(KrObject *name);
int kr_ceval_handle_eval_breaker(KrThreadState *ts);
KrObject *kr_ceval_load_build_class(KrFrame *f);

/* Interned names used by the loop (ceval_helpers.c, valid after first use). */
KrObject *kr_ceval_str(const char *s);

#endif /* KR_CEVAL_INTERNAL_H */
