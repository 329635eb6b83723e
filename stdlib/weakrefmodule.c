/* weakrefmodule.c - the `_weakref` module: the weak reference types and functions
 * (runtime/objects/weakref.c) that stdlib/weakref.py builds its containers on. */
#include "krait.h"

static KrObject *wm_proxy(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (nargs < 1)
        return kr_err_format(kr_exc_TypeError, "proxy expected at least 1 argument, got %zd",
                             nargs);
    if (nargs > 2)
        return kr_err_format(kr_exc_TypeError, "proxy expected at most 2 arguments, got %zd",
                             nargs);
    return kr_weakref_new_proxy(args[0], nargs > 1 ? args[1] : NULL);
}

static KrObject *wm_getweakrefcount(KrObject *m, KrObject *o) {
    return kr_int_from_ssize(kr_weakref_count(o));
}

static KrObject *wm_getweakrefs(KrObject *m, KrObject *o) { return kr_weakref_list(o); }

/* _remove_dead_weakref(dict, key): deletes dict[key] if it is a dead weakref (the
 * callback of WeakValueDictionary, which must not remove a newer live value). */
static KrObject *wm_remove_dead_weakref(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("_remove_dead_weakref", nargs, 2, 2) < 0) return NULL;
    KrObject *d = args[0], *key = args[1];
    if (!KR_DICT_CHECK(d))
        return kr_err_format(kr_exc_TypeError,
                             "_remove_dead_weakref() argument 1 must be dict, not %s",
                             kr_type_name_cstr(KR_TYPE(d)));
    KrObject *v = kr_dict_get_item(d, key);
    if (!v) {
        if (kr_err_occurred()) return NULL;
        return KR_NEWREF(kr_none); /* already gone */
    }
    if (kr_weakref_check(v) && !kr_weakref_get_object(v) && kr_dict_del_item(d, key) < 0) {
        if (!kr_err_matches(kr_exc_KeyError)) return NULL;
        kr_err_clear();
    }
    return KR_NEWREF(kr_none);
}

static KrMethodDef weakref_functions[] = {
    {"proxy", (void *)wm_proxy, KR_METH_FASTCALL,
     "Create a proxy object that weakly references 'object'.\n\n'callback', if given, is called "
     "with a reference to the proxy when 'object' is about to be finalized."},
    {"getweakrefcount", (void *)wm_getweakrefcount, KR_METH_O,
     "Return the number of weak references to 'object'."},
    {"getweakrefs", (void *)wm_getweakrefs, KR_METH_O,
     "Return a list of all weak reference objects pointing to 'object'."},
    {"_remove_dead_weakref", (void *)wm_remove_dead_weakref, KR_METH_FASTCALL,
     "Atomically remove key from dict if it points to a dead weakref."},
    {NULL, NULL, 0, NULL},
};

KrObject *kr_weakref_module_init(void) {
    if (kr_weakref_types_init() < 0) return NULL;
    KrObject *m = kr_module_new_cstr("_weakref");
    if (!m) return NULL;
    if (kr_module_add_functions(m, weakref_functions) < 0 ||
        kr_module_add_object(m, "ref", KR_NEWREF(&kr_weakref_ref_type)) < 0 ||
        kr_module_add_object(m, "ReferenceType", KR_NEWREF(&kr_weakref_ref_type)) < 0 ||
        kr_module_add_object(m, "ProxyType", KR_NEWREF(&kr_weakref_proxy_type)) < 0 ||
        kr_module_add_object(m, "CallableProxyType", KR_NEWREF(&kr_weakref_callable_proxy_type)) <
            0) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}
