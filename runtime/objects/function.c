/* function.c - Python function objects: creation (MAKE_FUNCTION), attributes, the
 * descriptor that makes bound methods, and argument binding (the frame set-up shared
 * by kr_function_vectorcall and the eval loop's inlined CALL), with CPython's messages. */
#include <string.h>

#include "ceval_internal.h"

static uint32_t next_func_version = 1;

/* The builtins dict a function defined in `globals` sees (CPython's
 * _PyEval_BuiltinsFromGlobals). Borrowed. */
static KrObject *builtins_from_globals(KrObject *globals) {
    KrObject *b = kr_dict_get_item_str(globals, "__builtins__");
    if (b) {
        if (KR_TYPE_IS(b, &kr_module_type)) b = kr_module_get_dict(b);
        if (b && KR_DICT_CHECK(b)) return b;
    }
    KrObject *cur = kr_eval_get_builtins();
    return cur ? cur : kr_interp.builtins;
}

KrObject *kr_function_new(KrObject *code, KrObject *globals, KrObject *qualname) {
    if (!code || KR_TYPE(code) != &kr_code_type || !globals || !KR_DICT_CHECK(globals)) {
        kr_err_bad_internal_call("kr_function_new");
        return NULL;
    }
    KrCode *co = (KrCode *)code;
    KrObject *builtins = builtins_from_globals(globals);
    if (!builtins) {
        kr_err_set_string(kr_exc_SystemError, "no builtins available for a new function");
        return NULL;
    }
    KrFunction *fn = (KrFunction *)kr_object_new(&kr_function_type);
    if (!fn) return NULL;
    fn->vectorcall = kr_function_vectorcall;
    fn->code = KR_NEWREF(code);
    fn->globals = KR_NEWREF(globals);
    fn->builtins = KR_NEWREF(builtins);
    fn->name = KR_NEWREF(co->name);
    fn->qualname = KR_NEWREF(qualname ? qualname : co->qualname);
    if ((co->flags & KR_CO_HAS_DOCSTRING) && KR_SIZE(co->consts) > 0)
        fn->doc = KR_NEWREF(KR_TUPLE_ITEM(co->consts, 0));
    else
        fn->doc = KR_NEWREF(kr_none);
    KrObject *module = kr_dict_get_item_str(globals, "__name__");
    if (!module && kr_err_occurred()) {
        KR_DECREF(fn);
        return NULL;
    }
    fn->module = kr_xnewref(module);
    fn->func_version = next_func_version++;
    kr_gc_track((KrObject *)fn);
    return (KrObject *)fn;
}

static int func_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrFunction *f = (KrFunction *)self;
    KrObject *fields[] = {f->code,     f->globals, f->builtins, f->name,
                          f->qualname, f->defaults, f->kwdefaults, f->closure,
                          f->doc,      f->dict,    f->module,   f->annotations,
                          f->type_params};
    for (size_t i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r) return r;
        }
    }
    return 0;
}

static int func_clear(KrObject *self) {
    KrFunction *f = (KrFunction *)self;
    KR_CLEAR(f->globals);
    KR_CLEAR(f->builtins);
    KR_CLEAR(f->module);
    KR_CLEAR(f->defaults);
    KR_CLEAR(f->kwdefaults);
    KR_CLEAR(f->doc);
    KR_CLEAR(f->dict);
    KR_CLEAR(f->closure);
    KR_CLEAR(f->annotations);
    KR_CLEAR(f->type_params);
    return 0;
}

static void func_dealloc(KrObject *self) {
    KrFunction *f = (KrFunction *)self;
    kr_gc_untrack(self);
    kr_weakref_clear_all(self);
    func_clear(self);
    KR_CLEAR(f->code);
    KR_CLEAR(f->name);
    KR_CLEAR(f->qualname);
    kr_object_free(self);
}

static KrObject *func_repr(KrObject *self) {
    return kr_str_from_format("<function %U at %p>", ((KrFunction *)self)->qualname, self);
}

static KrObject *func_descr_get(KrObject *self, KrObject *obj, KrObject *type) {
    if (obj == NULL || obj == kr_none) return KR_NEWREF(self);
    return kr_method_new(self, obj);
}

/* ---------------------------------------------------------------------------
 * Attributes
 * ------------------------------------------------------------------------- */

static KrObject *func_get_code(KrObject *self, void *c) {
    return KR_NEWREF(((KrFunction *)self)->code);
}

static int func_set_code(KrObject *self, KrObject *value, void *c) {
    KrFunction *f = (KrFunction *)self;
    if (!value || KR_TYPE(value) != &kr_code_type) {
        kr_err_set_string(kr_exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    kr_ssize nclosure = f->closure ? KR_SIZE(f->closure) : 0;
    if (((KrCode *)value)->nfreevars != nclosure) {
        kr_err_format(kr_exc_ValueError, "%U() requires a code object with %zd free vars, not %d",
                      f->name, nclosure, ((KrCode *)value)->nfreevars);
        return -1;
    }
    KR_SETREF(f->code, KR_NEWREF(value));
    f->func_version = next_func_version++;
    return 0;
}

static int set_str_field(KrObject **field, KrObject *value, const char *what) {
    if (!value || !KR_STR_CHECK(value)) {
        kr_err_format(kr_exc_TypeError, "%s must be set to a string object", what);
        return -1;
    }
    KR_SETREF(*field, KR_NEWREF(value));
    return 0;
}

static KrObject *func_get_name(KrObject *self, void *c) {
    return KR_NEWREF(((KrFunction *)self)->name);
}
static int func_set_name(KrObject *self, KrObject *value, void *c) {
    return set_str_field(&((KrFunction *)self)->name, value, "__name__");
}
static KrObject *func_get_qualname(KrObject *self, void *c) {
    return KR_NEWREF(((KrFunction *)self)->qualname);
}
static int func_set_qualname(KrObject *self, KrObject *value, void *c) {
    return set_str_field(&((KrFunction *)self)->qualname, value, "__qualname__");
}

static KrObject *func_get_defaults(KrObject *self, void *c) {
    KrObject *d = ((KrFunction *)self)->defaults;
    return KR_NEWREF(d ? d : kr_none);
}
static int func_set_defaults(KrObject *self, KrObject *value, void *c) {
    KrFunction *f = (KrFunction *)self;
    if (value == kr_none) value = NULL;
    if (value && !KR_TUPLE_CHECK(value)) {
        kr_err_set_string(kr_exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    if (value && KR_SIZE(value) == 0) value = NULL;
    KR_SETREF(f->defaults, kr_xnewref(value));
    f->func_version = next_func_version++;
    return 0;
}

static KrObject *func_get_kwdefaults(KrObject *self, void *c) {
    KrObject *d = ((KrFunction *)self)->kwdefaults;
    return KR_NEWREF(d ? d : kr_none);
}
static int func_set_kwdefaults(KrObject *self, KrObject *value, void *c) {
    KrFunction *f = (KrFunction *)self;
    if (value == kr_none) value = NULL;
    if (value && !KR_DICT_CHECK(value)) {
        kr_err_set_string(kr_exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    KR_SETREF(f->kwdefaults, kr_xnewref(value));
    f->func_version = next_func_version++;
    return 0;
}

static KrObject *func_get_annotations(KrObject *self, void *c) {
    KrFunction *f = (KrFunction *)self;
    if (!f->annotations) {
        f->annotations = kr_dict_new();
        if (!f->annotations) return NULL;
    }
    return KR_NEWREF(f->annotations);
}
static int func_set_annotations(KrObject *self, KrObject *value, void *c) {
    KrFunction *f = (KrFunction *)self;
    if (value == kr_none) value = NULL;
    if (value && !KR_DICT_CHECK(value)) {
        kr_err_set_string(kr_exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    KR_SETREF(f->annotations, kr_xnewref(value));
    return 0;
}

static KrObject *func_get_dict(KrObject *self, void *c) {
    KrFunction *f = (KrFunction *)self;
    if (!f->dict) {
        f->dict = kr_dict_new();
        if (!f->dict) return NULL;
    }
    return KR_NEWREF(f->dict);
}
static int func_set_dict(KrObject *self, KrObject *value, void *c) {
    if (!value) {
        kr_err_set_string(kr_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!KR_DICT_CHECK(value)) {
        kr_err_set_string(kr_exc_TypeError, "setting function's dictionary to a non-dict");
        return -1;
    }
    KR_SETREF(((KrFunction *)self)->dict, KR_NEWREF(value));
    return 0;
}

static KrObject *func_get_doc(KrObject *self, void *c) {
    KrObject *d = ((KrFunction *)self)->doc;
    return KR_NEWREF(d ? d : kr_none);
}
static int func_set_doc(KrObject *self, KrObject *value, void *c) {
    KR_SETREF(((KrFunction *)self)->doc, KR_NEWREF(value ? value : kr_none));
    return 0;
}

static KrObject *func_get_module(KrObject *self, void *c) {
    KrObject *m = ((KrFunction *)self)->module;
    return KR_NEWREF(m ? m : kr_none);
}
static int func_set_module(KrObject *self, KrObject *value, void *c) {
    KR_SETREF(((KrFunction *)self)->module, kr_xnewref(value));
    return 0;
}

static KrObject *func_get_closure(KrObject *self, void *c) {
    KrObject *cl = ((KrFunction *)self)->closure;
    return KR_NEWREF(cl ? cl : kr_none);
}
static KrObject *func_get_globals(KrObject *self, void *c) {
    return KR_NEWREF(((KrFunction *)self)->globals);
}
static KrObject *func_get_builtins(KrObject *self, void *c) {
    return KR_NEWREF(((KrFunction *)self)->builtins);
}
static KrObject *func_get_type_params(KrObject *self, void *c) {
    KrObject *t = ((KrFunction *)self)->type_params;
    return KR_NEWREF(t ? t : kr_empty_tuple);
}
static int func_set_type_params(KrObject *self, KrObject *value, void *c) {
    if (!value || !KR_TUPLE_CHECK(value)) {
        kr_err_set_string(kr_exc_TypeError, "__type_params__ must be set to a tuple");
        return -1;
    }
    KR_SETREF(((KrFunction *)self)->type_params, KR_NEWREF(value));
    return 0;
}

static KrGetSetDef func_getset[] = {
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__dict__", func_get_dict, func_set_dict, NULL, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL, NULL},
    {"__module__", func_get_module, func_set_module, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL, NULL},
    {"__globals__", func_get_globals, NULL, NULL, NULL},
    {"__builtins__", func_get_builtins, NULL, NULL, NULL},
    {"__type_params__", func_get_type_params, func_set_type_params, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* function(code, globals, name=None, argdefs=None, closure=None) */
static KrObject *func_new(KrType *t, KrObject *args, KrObject *kwargs) {
    kr_ssize n = args ? KR_SIZE(args) : 0;
    if (kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_set_string(kr_exc_TypeError, "function() takes no keyword arguments");
        return NULL;
    }
    if (n < 2 || n > 5) {
        kr_err_format(kr_exc_TypeError, "function() takes from 2 to 5 arguments (%zd given)", n);
        return NULL;
    }
    KrObject *code = KR_TUPLE_ITEM(args, 0), *globals = KR_TUPLE_ITEM(args, 1);
    KrObject *name = n > 2 ? KR_TUPLE_ITEM(args, 2) : kr_none;
    KrObject *defs = n > 3 ? KR_TUPLE_ITEM(args, 3) : kr_none;
    KrObject *closure = n > 4 ? KR_TUPLE_ITEM(args, 4) : kr_none;
    if (KR_TYPE(code) != &kr_code_type) {
        kr_err_format(kr_exc_TypeError, "function() argument 'code' must be code, not %T", code);
        return NULL;
    }
    if (!KR_DICT_CHECK(globals)) {
        kr_err_format(kr_exc_TypeError, "function() argument 'globals' must be dict, not %T",
                      globals);
        return NULL;
    }
    if (name != kr_none && !KR_STR_CHECK(name)) {
        kr_err_set_string(kr_exc_TypeError, "arg 3 (name) must be None or string");
        return NULL;
    }
    if (defs != kr_none && !KR_TUPLE_CHECK(defs)) {
        kr_err_set_string(kr_exc_TypeError, "arg 4 (defaults) must be None or tuple");
        return NULL;
    }
    KrCode *co = (KrCode *)code;
    kr_ssize nclosure = closure == kr_none ? 0 : (KR_TUPLE_CHECK(closure) ? KR_SIZE(closure) : -1);
    if (nclosure < 0) {
        kr_err_set_string(kr_exc_TypeError, "arg 5 (closure) must be tuple");
        return NULL;
    }
    if (nclosure != co->nfreevars) {
        if (co->nfreevars && closure == kr_none)
            kr_err_set_string(kr_exc_TypeError, "arg 5 (closure) must be tuple");
        else
            kr_err_format(kr_exc_ValueError, "%U requires closure of length %d, not %zd",
                          co->name, co->nfreevars, nclosure);
        return NULL;
    }
    for (kr_ssize i = 0; i < nclosure; i++) {
        KrObject *c = KR_TUPLE_ITEM(closure, i);
        if (KR_TYPE(c) != &kr_cell_type) {
            kr_err_format(kr_exc_TypeError, "arg 5 (closure) expected cell, found %T", c);
            return NULL;
        }
    }
    KrFunction *fn = (KrFunction *)kr_function_new(code, globals, NULL);
    if (!fn) return NULL;
    if (name != kr_none) KR_SETREF(fn->name, KR_NEWREF(name));
    if (defs != kr_none) fn->defaults = KR_NEWREF(defs);
    if (nclosure) fn->closure = KR_NEWREF(closure);
    return (KrObject *)fn;
}

KrType kr_function_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "function",
    .tp_basicsize = sizeof(KrFunction),
    .tp_dealloc = func_dealloc,
    .tp_repr = func_repr,
    .tp_call = kr_function_vectorcall,
    .tp_vectorcall_offset = offsetof(KrFunction, vectorcall),
    .tp_getattro = kr_object_generic_getattr,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_doc = "Create a function object.",
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_weaklistoffset = offsetof(KrFunction, weakreflist),
    .tp_getset = func_getset,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(KrFunction, dict),
    .tp_new = func_new,
};

/* ---------------------------------------------------------------------------
 * Argument binding (CPython's initialize_locals and its error messages)
 * ------------------------------------------------------------------------- */

static KrObject *localsplus_name(KrCode *co, kr_ssize i) {
    return KR_TUPLE_ITEM(co->localsplusnames, i);
}

/* "'a'", "'a' and 'b'", "'a', 'b', and 'c'" */
static KrObject *join_missing(KrObject *names) {
    kr_ssize n = KR_SIZE(names);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    for (kr_ssize i = 0; i < n; i++) {
        if (i > 0) {
            const char *sep = n == 2 ? " and " : (i == n - 1 ? ", and " : ", ");
            if (kr_strbuilder_append_cstr(&b, sep) < 0) goto fail;
        }
        if (kr_strbuilder_append_str(&b, KR_LIST_ITEM(names, i)) < 0) goto fail;
    }
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

static void missing_arguments(KrCode *co, kr_ssize missing, kr_ssize defcount, KrObject **lp,
                              KrObject *qualname) {
    int positional = defcount != -1;
    kr_ssize start = positional ? 0 : co->argcount;
    kr_ssize end = positional ? co->argcount - defcount : co->argcount + co->kwonlyargcount;
    KrObject *names = kr_list_new(0);
    if (!names) return;
    for (kr_ssize i = start; i < end; i++) {
        if (lp[i]) continue;
        KrObject *r = kr_object_repr(localsplus_name(co, i));
        if (!r || kr_list_append_steal(names, r) < 0) {
            KR_DECREF(names);
            return;
        }
    }
    KrObject *joined = join_missing(names);
    KR_DECREF(names);
    if (!joined) return;
    kr_err_format(kr_exc_TypeError, "%U() missing %zd required %s argument%s: %U", qualname,
                  missing, positional ? "positional" : "keyword-only", missing == 1 ? "" : "s",
                  joined);
    KR_DECREF(joined);
}

static void too_many_positional(KrCode *co, kr_ssize given, KrObject *defaults, KrObject **lp,
                                KrObject *qualname) {
    kr_ssize kwonly_given = 0;
    for (int i = co->argcount; i < co->argcount + co->kwonlyargcount; i++)
        if (lp[i]) kwonly_given++;
    kr_ssize defcount = defaults ? KR_SIZE(defaults) : 0;
    int plural;
    KrObject *sig;
    if (defcount) {
        plural = 1;
        sig = kr_str_from_format("from %zd to %d", co->argcount - defcount, co->argcount);
    } else {
        plural = co->argcount != 1;
        sig = kr_str_from_format("%d", co->argcount);
    }
    if (!sig) return;
    KrObject *kwonly_sig;
    if (kwonly_given)
        kwonly_sig = kr_str_from_format(" positional argument%s (and %zd keyword-only argument%s)",
                                        given != 1 ? "s" : "", kwonly_given,
                                        kwonly_given != 1 ? "s" : "");
    else
        kwonly_sig = kr_str_from_cstr("");
    if (!kwonly_sig) {
        KR_DECREF(sig);
        return;
    }
    kr_err_format(kr_exc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given",
                  qualname, sig, plural ? "s" : "", given, kwonly_sig,
                  given == 1 && !kwonly_given ? "was" : "were");
    KR_DECREF(sig);
    KR_DECREF(kwonly_sig);
}

/* Returns 1 (error set) if some keyword names a positional-only parameter. */
static int posonly_passed_as_keyword(KrCode *co, KrObject *kwnames, KrObject *qualname) {
    KrObject *names = kr_list_new(0);
    if (!names) return -1;
    kr_ssize nkw = KR_SIZE(kwnames);
    for (int k = 0; k < co->posonlyargcount; k++) {
        KrObject *pname = localsplus_name(co, k);
        for (kr_ssize j = 0; j < nkw; j++) {
            KrObject *kw = KR_TUPLE_ITEM(kwnames, j);
            int eq = kw == pname ? 1 : kr_object_richcompare_bool(pname, kw, KR_EQ);
            if (eq < 0) goto fail;
            if (eq) {
                if (kr_list_append(names, kw) < 0) goto fail;
                break;
            }
        }
    }
    if (KR_SIZE(names) == 0) {
        KR_DECREF(names);
        return 0;
    }
    KrObject *sep = kr_str_from_cstr(", ");
    KrObject *joined = sep ? kr_str_join(sep, names) : NULL;
    KR_XDECREF(sep);
    if (joined) {
        kr_err_format(kr_exc_TypeError,
                      "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                      qualname, joined);
        KR_DECREF(joined);
    }
    KR_DECREF(names);
    return 1;
fail:
    KR_DECREF(names);
    return -1;
}

/* Stores the arguments into f->localsplus (new references). On failure the frame
 * holds whatever was bound; kr_frame_clear releases it. */
static int bind_args(KrFunction *fn, KrFrame *f, KrObject *const *args, kr_ssize argcount,
                     KrObject *kwnames) {
    KrCode *co = (KrCode *)fn->code;
    KrObject **lp = f->localsplus;
    int total_args = co->argcount + co->kwonlyargcount;
    KrObject *kwdict = NULL;
    kr_ssize i, n;

    if (co->flags & KR_CO_VARKEYWORDS) {
        kwdict = kr_dict_new();
        if (!kwdict) return -1;
        lp[total_args + ((co->flags & KR_CO_VARARGS) ? 1 : 0)] = kwdict;
    }
    n = argcount > co->argcount ? co->argcount : argcount;
    for (i = 0; i < n; i++) lp[i] = KR_NEWREF(args[i]);
    if (co->flags & KR_CO_VARARGS) {
        KrObject *u = argcount > n ? kr_tuple_from_array(args + n, argcount - n)
                                   : KR_NEWREF(kr_empty_tuple);
        if (!u) return -1;
        lp[total_args] = u;
    }
    if (kwnames) {
        kr_ssize nkw = KR_SIZE(kwnames);
        KrObject *const *kwvalues = args + argcount;
        for (i = 0; i < nkw; i++) {
            KrObject *key = KR_TUPLE_ITEM(kwnames, i), *value = kwvalues[i];
            int j;
            if (!KR_STR_CHECK(key)) {
                kr_err_format(kr_exc_TypeError, "%U() keywords must be strings", fn->qualname);
                return -1;
            }
            for (j = co->posonlyargcount; j < total_args; j++)
                if (localsplus_name(co, j) == key) goto kw_found;
            for (j = co->posonlyargcount; j < total_args; j++) {
                int eq = kr_object_richcompare_bool(localsplus_name(co, j), key, KR_EQ);
                if (eq < 0) return -1;
                if (eq) goto kw_found;
            }
            if (!kwdict) {
                if (co->posonlyargcount &&
                    posonly_passed_as_keyword(co, kwnames, fn->qualname) != 0)
                    return -1;
                kr_err_format(kr_exc_TypeError, "%U() got an unexpected keyword argument '%S'",
                              fn->qualname, key);
                return -1;
            }
            if (kr_dict_set_item(kwdict, key, value) < 0) return -1;
            continue;
        kw_found:
            if (lp[j]) {
                kr_err_format(kr_exc_TypeError, "%U() got multiple values for argument '%S'",
                              fn->qualname, key);
                return -1;
            }
            lp[j] = KR_NEWREF(value);
        }
    }
    if (argcount > co->argcount && !(co->flags & KR_CO_VARARGS)) {
        too_many_positional(co, argcount, fn->defaults, lp, fn->qualname);
        return -1;
    }
    if (argcount < co->argcount) {
        kr_ssize defcount = fn->defaults ? KR_SIZE(fn->defaults) : 0;
        kr_ssize m = co->argcount - defcount;
        kr_ssize missing = 0;
        for (i = argcount; i < m; i++)
            if (!lp[i]) missing++;
        if (missing) {
            missing_arguments(co, missing, defcount, lp, fn->qualname);
            return -1;
        }
        for (i = n > m ? n - m : 0; i < defcount; i++) {
            if (!lp[m + i]) lp[m + i] = KR_NEWREF(KR_TUPLE_ITEM(fn->defaults, i));
        }
    }
    if (co->kwonlyargcount > 0) {
        kr_ssize missing = 0;
        for (i = co->argcount; i < total_args; i++) {
            if (lp[i]) continue;
            if (fn->kwdefaults) {
                KrObject *def = kr_dict_get_item(fn->kwdefaults, localsplus_name(co, i));
                if (def) {
                    lp[i] = KR_NEWREF(def);
                    continue;
                }
                if (kr_err_occurred()) return -1;
            }
            missing++;
        }
        if (missing) {
            missing_arguments(co, missing, -1, lp, fn->qualname);
            return -1;
        }
    }
    return 0;
}

static inline bool simple_positional(KrCode *co, kr_ssize nargs, KrObject *kwnames) {
    return !kwnames && nargs == co->argcount && co->kwonlyargcount == 0 &&
           !(co->flags & (KR_CO_VARARGS | KR_CO_VARKEYWORDS));
}

KrFrame *kr_function_push_frame(KrThreadState *ts, KrFunction *fn, KrObject *const *args,
                                kr_ssize nargs, KrObject *kwnames) {
    KrCode *co = (KrCode *)fn->code;
    KrFrame *f = kr_tstate_push_frame(ts, kr_frame_nslots(co));
    if (!f) return NULL;
    kr_frame_init(f, fn, NULL);
    if (kwnames && KR_SIZE(kwnames) == 0) kwnames = NULL;
    if (simple_positional(co, nargs, kwnames)) {
        for (kr_ssize i = 0; i < nargs; i++) f->localsplus[i] = KR_NEWREF(args[i]);
        return f;
    }
    if (bind_args(fn, f, args, nargs, kwnames) < 0) {
        kr_frame_clear(f);
        kr_tstate_pop_frame(ts, f);
        return NULL;
    }
    return f;
}

KrFrame *kr_function_push_frame_steal(KrThreadState *ts, KrFunction *fn, KrObject **args,
                                      kr_ssize nargs, KrObject *kwnames) {
    KrCode *co = (KrCode *)fn->code;
    kr_ssize total = nargs + (kwnames ? KR_SIZE(kwnames) : 0);
    if (kwnames && KR_SIZE(kwnames) == 0) kwnames = NULL;
    if (simple_positional(co, nargs, kwnames)) {
        KrFrame *f = kr_tstate_push_frame(ts, kr_frame_nslots(co));
        if (!f) {
            for (kr_ssize i = 0; i < total; i++) KR_DECREF(args[i]);
            return NULL;
        }
        kr_frame_init(f, fn, NULL);
        for (kr_ssize i = 0; i < nargs; i++) f->localsplus[i] = args[i];
        return f;
    }
    KrFrame *f = kr_function_push_frame(ts, fn, args, nargs, kwnames);
    for (kr_ssize i = 0; i < total; i++) KR_DECREF(args[i]);
    return f;
}

KrObject *kr_function_vectorcall(KrObject *func, KrObject *const *args, size_t nargsf,
                                 KrObject *kwnames) {
    KrThreadState *ts = kr_tstate();
    KrFrame *f = kr_function_push_frame(ts, (KrFunction *)func, args, kr_vectorcall_nargs(nargsf),
                                        kwnames);
    if (!f) return NULL;
    return kr_eval_frame(ts, f, 0);
}

KrObject *kr_function_call_with_locals(KrObject *func, KrObject *locals) {
    KrThreadState *ts = kr_tstate();
    KrFrame *f = kr_function_push_frame(ts, (KrFunction *)func, NULL, 0, NULL);
    if (!f) return NULL;
    f->locals = kr_xnewref(locals);
    return kr_eval_frame(ts, f, 0);
}

/* ---------------------------------------------------------------------------
 * Describing a callable in call errors
 * ------------------------------------------------------------------------- */

KrObject *kr_function_str(KrObject *callable) {
    KrObject *qualname = NULL, *module = NULL, *result = NULL;
    int r = kr_object_lookup_attr(callable, kr_str_intern_cstr("__qualname__"), &qualname);
    if (r < 0) return NULL;
    if (r == 0) return kr_object_str(callable);
    r = kr_object_lookup_attr(callable, kr_str_intern_cstr("__module__"), &module);
    if (r < 0) goto done;
    if (module && module != kr_none && KR_STR_CHECK(module) &&
        !kr_str_eq_cstr(module, "builtins"))
        result = kr_str_from_format("%S.%S()", module, qualname);
    else
        result = kr_str_from_format("%S()", qualname);
done:
    KR_XDECREF(qualname);
    KR_XDECREF(module);
    return result;
}
