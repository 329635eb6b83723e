/* atexitmodule.c - the `atexit` module: functions registered to run at interpreter
 * shutdown, last registered first. The runtime calls kr_atexit_run() once while
 * shutting down (before the standard streams are flushed). */
#include "krait.h"

/* The callbacks: a list of (func, args tuple, kwargs dict or None) tuples. */
static KrObject *callbacks;

static int ensure_list(void) {
    if (!callbacks) callbacks = kr_list_new(0);
    return callbacks ? 0 : -1;
}

static KrObject *atexit_register(KrObject *m, KrObject *const *args, kr_ssize nargs,
                                 KrObject *kwnames) {
    if (nargs < 1)
        return kr_err_format(kr_exc_TypeError, "register() takes at least 1 argument (0 given)");
    KrObject *func = args[0];
    if (!KR_TYPE(func)->tp_call && !kr_type_lookup(KR_TYPE(func), kr_str_intern_cstr("__call__")))
        return kr_err_format(kr_exc_TypeError, "the first argument must be callable");
    if (ensure_list() < 0) return NULL;
    KrObject *pos = kr_tuple_from_array(args + 1, nargs - 1);
    KrObject *kw = kr_none;
    if (pos && kwnames && KR_SIZE(kwnames)) {
        kw = kr_dict_new();
        for (kr_ssize i = 0; kw && i < KR_SIZE(kwnames); i++)
            if (kr_dict_set_item(kw, KR_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0) KR_CLEAR(kw);
    }
    KrObject *entry = pos && kw ? kr_tuple_pack(3, func, pos, kw) : NULL;
    KR_XDECREF(pos);
    if (kw) KR_DECREF(kw);
    if (!entry || kr_list_append_steal(callbacks, entry) < 0) return NULL;
    return KR_NEWREF(func);
}

static KrObject *atexit_unregister(KrObject *m, KrObject *func) {
    if (!callbacks) return kr_none;
    /* compare with == as CPython does; a removed entry leaves a None hole, so
     * _ncallbacks() counts it until the next run, as in CPython */
    for (kr_ssize i = 0; i < KR_SIZE(callbacks); i++) {
        KrObject *entry = KR_LIST_ITEM(callbacks, i);
        if (entry == kr_none) continue;
        KR_INCREF(entry);
        int eq = kr_object_richcompare_bool(KR_TUPLE_ITEM(entry, 0), func, KR_EQ);
        KR_DECREF(entry);
        if (eq < 0) return NULL;
        if (eq && i < KR_SIZE(callbacks)) {
            KrObject *old = KR_LIST_ITEM(callbacks, i);
            KR_LIST_ITEM(callbacks, i) = KR_NEWREF(kr_none);
            KR_DECREF(old);
        }
    }
    return kr_none;
}

/* Runs and clears the callbacks; errors are reported and do not stop the others.
 * Returns the last exception raised (new ref) or NULL. */
static KrObject *run_all(void) {
    if (!callbacks) return NULL;
    KrObject *last = NULL;
    while (KR_SIZE(callbacks) > 0) {
        kr_ssize i = KR_SIZE(callbacks) - 1;
        KrObject *entry = KR_NEWREF(KR_LIST_ITEM(callbacks, i));
        KrObject *idx = kr_int_from_ssize(i);
        if (!idx || kr_object_del_item(callbacks, idx) < 0) {
            KR_XDECREF(idx);
            KR_DECREF(entry);
            kr_err_clear();
            break;
        }
        KR_DECREF(idx);
        if (entry == kr_none) {
            KR_DECREF(entry);
            continue;
        }
        KrObject *func = KR_TUPLE_ITEM(entry, 0);
        KrObject *kw = KR_TUPLE_ITEM(entry, 2);
        KrObject *r = kr_call(func, KR_TUPLE_ITEM(entry, 1), kw == kr_none ? NULL : kw);
        if (r) {
            KR_DECREF(r);
        } else {
            kr_err_write_unraisable(func, "Exception ignored in atexit callback");
        }
        KR_DECREF(entry);
    }
    return last;
}

static KrObject *atexit_run_exitfuncs(KrObject *m, KrObject *unused) {
    KrObject *last = run_all();
    KR_XDECREF(last);
    return kr_none;
}

static KrObject *atexit_clear(KrObject *m, KrObject *unused) {
    if (callbacks) KR_CLEAR(callbacks);
    return kr_none;
}

static KrObject *atexit_ncallbacks(KrObject *m, KrObject *unused) {
    return kr_int_from_ssize(callbacks ? KR_SIZE(callbacks) : 0);
}

/* Called by the runtime at shutdown. */
void kr_atexit_run(void) {
    KrObject *saved = kr_err_fetch();
    KrObject *last = run_all();
    KR_XDECREF(last);
    kr_err_restore(saved);
}

static KrMethodDef atexit_methods[] = {
    {"register", (void *)atexit_register, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"unregister", (void *)atexit_unregister, KR_METH_O, NULL},
    {"_run_exitfuncs", (void *)atexit_run_exitfuncs, KR_METH_NOARGS, NULL},
    {"_clear", (void *)atexit_clear, KR_METH_NOARGS, NULL},
    {"_ncallbacks", (void *)atexit_ncallbacks, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrObject *kr_atexit_module_init(void) {
    KrObject *m = kr_module_new_cstr("atexit");
    if (!m) return NULL;
    if (kr_module_add_functions(m, atexit_methods) < 0) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}
