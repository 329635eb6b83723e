/* module.c - module objects: a named namespace dict with attribute access through it,
 * plus helpers for C modules to add their functions and objects. */
#include <stddef.h>
#include <string.h>

#include "krait.h"

#define MOD(o) ((KrModule *)(o))

KrObject *kr_module_new(KrObject *name) {
    KrObject *m = kr_type_generic_alloc(&kr_module_type, 0);
    if (!m) return NULL;
    MOD(m)->dict = kr_dict_new();
    if (!MOD(m)->dict) goto fail;
    MOD(m)->name = KR_NEWREF(name);
    if (kr_dict_set_item_str(MOD(m)->dict, "__name__", name) < 0 ||
        kr_dict_set_item_str(MOD(m)->dict, "__doc__", kr_none) < 0 ||
        kr_dict_set_item_str(MOD(m)->dict, "__package__", kr_none) < 0 ||
        kr_dict_set_item_str(MOD(m)->dict, "__loader__", kr_none) < 0 ||
        kr_dict_set_item_str(MOD(m)->dict, "__spec__", kr_none) < 0)
        goto fail;
    return m;
fail:
    KR_DECREF(m);
    return NULL;
}

KrObject *kr_module_new_cstr(const char *name) {
    KrObject *n = kr_str_from_cstr(name);
    if (!n) return NULL;
    KrObject *m = kr_module_new(n);
    KR_DECREF(n);
    return m;
}

KrObject *kr_module_get_dict(KrObject *m) { return MOD(m)->dict; }

int kr_module_add_object(KrObject *m, const char *name, KrObject *value) {
    if (!value) return -1;
    int r = kr_dict_set_item_str(MOD(m)->dict, name, value);
    KR_DECREF(value);
    return r;
}

int kr_module_add_functions(KrObject *m, KrMethodDef *defs) {
    for (KrMethodDef *d = defs; d->name; d++) {
        KrObject *f = kr_cfunction_new(d, m, MOD(m)->name);
        if (!f || kr_module_add_object(m, d->name, f) < 0) return -1;
    }
    return 0;
}

/* Interpreter shutdown: sets the module's globals to None the way CPython does, so
 * objects held only by them die in a predictable order (their __del__ runs): first
 * the names with one leading underscore, then every other name but __builtins__,
 * each pass in insertion order. */
void kr_module_clear_dict(KrObject *d) {
    for (int pass = 0; pass < 2; pass++) {
        kr_ssize pos = 0;
        KrObject *k, *v;
        while (kr_dict_next(d, &pos, &k, &v)) {
            if (v == kr_none || !KR_STR_CHECK(k)) continue;
            const char *name = kr_str_data(k);
            bool single_underscore = name[0] == '_' && name[1] != '_';
            if (pass == 0 ? !single_underscore : !strcmp(name, "__builtins__")) continue;
            KR_INCREF(k);
            if (kr_dict_set_item(d, k, kr_none) < 0) kr_err_write_unraisable(NULL, NULL);
            KR_DECREF(k);
        }
    }
}

static KrObject *module_tp_new(KrType *t, KrObject *args, KrObject *kwargs) {
    KrObject *m = kr_type_generic_alloc(t, 0);
    if (!m) return NULL;
    MOD(m)->dict = kr_dict_new();
    if (!MOD(m)->dict) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}

static int module_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KrObject *name = NULL, *doc = kr_none;
    kr_ssize n = KR_SIZE(args);
    if (n < 1 && !(kwargs && kr_dict_get_item_str(kwargs, "name"))) {
        kr_err_set_string(kr_exc_TypeError, "module.__init__() missing required argument 'name' (pos 1)");
        return -1;
    }
    name = n >= 1 ? KR_TUPLE_ITEM(args, 0) : kr_dict_get_item_str(kwargs, "name");
    if (n >= 2) doc = KR_TUPLE_ITEM(args, 1);
    else if (kwargs && kr_dict_get_item_str(kwargs, "doc")) doc = kr_dict_get_item_str(kwargs, "doc");
    if (!KR_STR_CHECK(name)) {
        kr_err_format(kr_exc_TypeError, "module.__init__() argument 'name' must be str, not %T", name);
        return -1;
    }
    KR_SETREF(MOD(self)->name, KR_NEWREF(name));
    if (kr_dict_set_item_str(MOD(self)->dict, "__name__", name) < 0 ||
        kr_dict_set_item_str(MOD(self)->dict, "__doc__", doc) < 0 ||
        kr_dict_set_item_str(MOD(self)->dict, "__package__", kr_none) < 0 ||
        kr_dict_set_item_str(MOD(self)->dict, "__loader__", kr_none) < 0 ||
        kr_dict_set_item_str(MOD(self)->dict, "__spec__", kr_none) < 0)
        return -1;
    return 0;
}

static void module_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    kr_weakref_clear_all(self);
    KR_CLEAR(MOD(self)->dict);
    KR_CLEAR(MOD(self)->name);
    kr_object_free(self);
}

static int module_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    if (MOD(self)->dict && visit(MOD(self)->dict, arg)) return 1;
    if (MOD(self)->name && visit(MOD(self)->name, arg)) return 1;
    return 0;
}

static int module_clear(KrObject *self) {
    KR_CLEAR(MOD(self)->dict);
    return 0;
}

static KrObject *module_repr(KrObject *self) {
    KrObject *d = MOD(self)->dict;
    KrObject *name = d ? kr_dict_get_item_str(d, "__name__") : NULL;
    KrObject *file = d ? kr_dict_get_item_str(d, "__file__") : NULL;
    if (!name) name = kr_str_intern_cstr("?");
    if (file && KR_STR_CHECK(file)) return kr_str_from_format("<module %R from %R>", name, file);
    if (kr_module_is_builtin_name(name)) return kr_str_from_format("<module %R (built-in)>", name);
    return kr_str_from_format("<module %R>", name);
}

/* Attribute lookup falls back to the module dict with CPython's error message, and to
 * a module-level __getattr__ (PEP 562). */
static KrObject *module_getattro(KrObject *self, KrObject *name) {
    KrObject *attr = kr_object_generic_getattr(self, name);
    if (attr || !kr_err_matches(kr_exc_AttributeError)) return attr;
    kr_err_clear();
    KrObject *d = MOD(self)->dict;
    if (d) {
        KrObject *getattr = kr_dict_get_item_str(d, "__getattr__");
        if (getattr) return kr_call_one(getattr, name);
        KrObject *mname = kr_dict_get_item_str(d, "__name__");
        if (mname && KR_STR_CHECK(mname))
            return kr_err_format(kr_exc_AttributeError, "module '%U' has no attribute '%U'", mname, name);
    }
    return kr_err_format(kr_exc_AttributeError, "module has no attribute '%U'", name);
}

static KrObject *module_dir(KrObject *self, KrObject *unused) {
    KrObject *d = MOD(self)->dict;
    if (!d) return kr_list_new(0);
    KrObject *dirfunc = kr_dict_get_item_str(d, "__dir__");
    if (dirfunc) return kr_call_noargs(dirfunc);
    return kr_dict_keys_list(d);
}

static KrMethodDef module_methods[] = {
    {"__dir__", (void *)module_dir, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KrObject *module_get_dict(KrObject *self, void *c) {
    return KR_NEWREF(MOD(self)->dict ? MOD(self)->dict : kr_none);
}
static KrGetSetDef module_getset[] = {
    {"__dict__", module_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_module_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "module",
    .tp_basicsize = sizeof(KrModule),
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_methods = module_methods,
    .tp_getset = module_getset,
    .tp_dictoffset = offsetof(KrModule, dict),
    .tp_weaklistoffset = offsetof(KrModule, weakreflist),
    .tp_init = module_init,
    .tp_new = module_tp_new,
    .tp_doc = "Create a module object.",
};
