/* ceval_helpers.c - the eval loop's out-of-line slow paths: name lookups and their
 * errors, unpacking, call argument plumbing (*args / **kwargs), raising and exception
 * matching (incl. except*), with statements, imports, pattern matching and intrinsics.
 * Each returns NULL / -1 with the exception set, like the rest of the runtime. */
#include <string.h>

#include "ceval_internal.h"
#include "specialize.h"

KrObject *kr_ceval_str(const char *s) { return kr_str_intern_cstr(s); }

/* ---------------------------------------------------------------------------
 * Small shared helpers
 * ------------------------------------------------------------------------- */

int kr_ceval_mapping_get(KrObject *mapping, KrObject *key, KrObject **out) {
    *out = NULL;
    if (KR_DICT_CHECK_EXACT(mapping)) {
        KrObject *v = kr_dict_get_item(mapping, key);
        if (v) {
            *out = KR_NEWREF(v);
            return 1;
        }
        return kr_err_occurred() ? -1 : 0;
    }
    KrObject *v = kr_object_get_item(mapping, key);
    if (v) {
        *out = v;
        return 1;
    }
    if (kr_err_matches(kr_exc_KeyError)) {
        kr_err_clear();
        return 0;
    }
    return -1;
}

/* Something `iter()` could walk through __getitem__ (CPython's PySequence_Check). */
static bool looks_like_sequence(KrObject *o) {
    if (KR_DICT_CHECK(o)) return false;
    KrSequenceMethods *sq = KR_TYPE(o)->tp_as_sequence;
    if (sq && sq->sq_item) return true;
    return kr_type_lookup(KR_TYPE(o), kr_ceval_str("__getitem__")) != NULL;
}

static bool not_iterable(KrObject *o) { return KR_TYPE(o)->tp_iter == NULL && !looks_like_sequence(o); }

/* Raises a new TypeError whose __cause__ is the exception currently set. */
static void format_from_cause(KrType *type, const char *fmt, ...) {
    KrObject *cause = kr_err_fetch();
    va_list ap;
    va_start(ap, fmt);
    KrObject *msg = kr_str_from_vformat(fmt, ap);
    va_end(ap);
    if (!msg) {
        KR_XDECREF(cause);
        return;
    }
    kr_err_set_object(type, msg);
    KR_DECREF(msg);
    KrObject *exc = kr_err_occurred();
    if (exc && cause && KR_EXC_CHECK(exc) && KR_EXC_CHECK(cause)) {
        KrBaseException *be = (KrBaseException *)exc;
        KR_SETREF(be->cause, KR_NEWREF(cause));
        be->suppress_context = 1;
        KR_SETREF(be->context, cause);
        return;
    }
    KR_XDECREF(cause);
}

KrObject *kr_ceval_lookup_special(KrObject *o, KrObject *name) {
    KrObject *descr = kr_type_lookup(KR_TYPE(o), name);
    if (!descr) return NULL;
    kr_descrgetfunc get = KR_TYPE(descr)->tp_descr_get;
    if (!get) return KR_NEWREF(descr);
    KR_INCREF(descr);
    KrObject *r = get(descr, o, (KrObject *)KR_TYPE(o));
    KR_DECREF(descr);
    return r;
}

/* LOAD_ATTR's method form: 1 and the plain function when obj.name would be a bound
 * method made from a function on the type (the caller passes obj as self); 0 and the
 * attribute itself otherwise. */
int kr_ceval_get_method(KrObject *obj, KrObject *name, KrObject **meth) {
    KrType *tp = KR_TYPE(obj);
    *meth = NULL;
    if (tp->tp_getattro == kr_object_generic_getattr && KR_STR_CHECK_EXACT(name)) {
        KrObject *descr = kr_type_lookup(tp, name);
        if (descr && kr_type_has_flag(KR_TYPE(descr), KR_TPFLAGS_METHOD_DESCRIPTOR)) {
            KR_INCREF(descr);
            KrObject **dictptr = kr_object_dictptr(obj);
            if (dictptr && *dictptr) {
                KrObject *d = KR_NEWREF(*dictptr);
                KrObject *v = kr_dict_get_item(d, name);
                if (v) {
                    *meth = KR_NEWREF(v);
                    KR_DECREF(d);
                    KR_DECREF(descr);
                    return 0;
                }
                KR_DECREF(d);
                if (kr_err_occurred()) {
                    KR_DECREF(descr);
                    return -1;
                }
            }
            *meth = descr;
            return 1;
        }
    }
    *meth = kr_object_getattr(obj, name);
    return *meth ? 0 : -1;
}

/* ---------------------------------------------------------------------------
 * Names
 * ------------------------------------------------------------------------- */

void kr_ceval_name_error(KrObject *name) {
    kr_err_format(kr_exc_NameError, "name '%U' is not defined", name);
    KrObject *exc = kr_err_occurred();
    if (exc && KR_TYPE(exc) == kr_exc_NameError)
        KR_SETREF(((KrNameError *)exc)->name, KR_NEWREF(name));
}

void kr_ceval_format_unbound_local(KrCode *co, int oparg) {
    KrObject *name = KR_TUPLE_ITEM(co->localsplusnames, oparg);
    kr_err_format(kr_exc_UnboundLocalError,
                  "cannot access local variable '%U' where it is not associated with a value",
                  name);
}

void kr_ceval_format_unbound_free(KrCode *co, int oparg) {
    if (!(co->localspluskinds[oparg] & KR_LOCAL_KIND_FREE)) {
        kr_ceval_format_unbound_local(co, oparg);
        return;
    }
    KrObject *name = KR_TUPLE_ITEM(co->localsplusnames, oparg);
    kr_err_format(kr_exc_NameError,
                  "cannot access free variable '%U' where it is not associated with a value in "
                  "enclosing scope",
                  name);
    KrObject *exc = kr_err_occurred();
    if (exc && KR_TYPE(exc) == kr_exc_NameError)
        KR_SETREF(((KrNameError *)exc)->name, KR_NEWREF(name));
}

KrObject *kr_ceval_load_global(KrFrame *f, KrObject *name) {
    KrObject *v;
    int r = kr_ceval_mapping_get(f->globals, name, &v);
    if (r < 0) return NULL;
    if (r) return v;
    r = kr_ceval_mapping_get(f->builtins, name, &v);
    if (r < 0) return NULL;
    if (r) return v;
    kr_ceval_name_error(name);
    return NULL;
}

KrObject *kr_ceval_load_name(KrFrame *f, KrObject *name) {
    if (!f->locals) {
        kr_err_format(kr_exc_SystemError, "no locals when loading %R", name);
        return NULL;
    }
    KrObject *v;
    int r = kr_ceval_mapping_get(f->locals, name, &v);
    if (r < 0) return NULL;
    if (r) return v;
    return kr_ceval_load_global(f, name);
}

KrObject *kr_ceval_load_build_class(KrFrame *f) {
    KrObject *v;
    int r = kr_ceval_mapping_get(f->builtins, kr_ceval_str("__build_class__"), &v);
    if (r < 0) {
        if (kr_err_matches(kr_exc_KeyError)) {
            kr_err_clear();
            kr_err_set_string(kr_exc_NameError, "__build_class__ not found");
        }
        return NULL;
    }
    if (!r) {
        kr_err_set_string(kr_exc_NameError, "__build_class__ not found");
        return NULL;
    }
    return v;
}

int kr_ceval_setup_annotations(KrFrame *f) {
    if (!f->locals) {
        kr_err_set_string(kr_exc_SystemError, "no locals found when setting up annotations");
        return -1;
    }
    KrObject *key = kr_ceval_str("__annotations__");
    KrObject *v;
    int r = kr_ceval_mapping_get(f->locals, key, &v);
    if (r < 0) return -1;
    if (r) {
        KR_DECREF(v);
        return 0;
    }
    KrObject *d = kr_dict_new();
    if (!d) return -1;
    r = kr_object_set_item(f->locals, key, d);
    KR_DECREF(d);
    return r;
}

KrObject *kr_ceval_load_super_attr(KrObject *global_super, KrObject *cls, KrObject *self,
                                   KrObject *name, int two_args, int *method) {
    /* the builtin super: look the attribute up directly (what super(cls, self).name
     * does, which is also what the zero-argument form computes) */
    if (global_super == (KrObject *)&kr_super_type && KR_TYPE_CHECK(cls))
        return kr_super_lookup((KrType *)cls, self, name, method);
    /* an overridden `super` gets the call as written */
    KrObject *args[2] = {cls, self};
    KrObject *sup = kr_vectorcall(global_super, args, two_args ? 2 : 0, NULL);
    if (!sup) return NULL;
    KrObject *attr = kr_object_getattr(sup, name);
    KR_DECREF(sup);
    *method = 0;
    return attr;
}

/* ---------------------------------------------------------------------------
 * Unpacking and building
 * ------------------------------------------------------------------------- */

/* Unpacks `v` into argcnt values (+ a list + argcntafter values when argcntafter >= 0),
 * storing them downwards from `top` (the first value ends up nearest the top). */
int kr_ceval_unpack_iterable(KrObject *v, int argcnt, int argcntafter, KrObject **top) {
    KrObject **sp = top;
    int i = 0;
    KrObject *it = kr_object_get_iter(v);
    if (!it) {
        if (kr_err_matches(kr_exc_TypeError) && not_iterable(v)) {
            kr_err_clear();
            kr_err_format(kr_exc_TypeError, "cannot unpack non-iterable %s object",
                          KR_TYPE(v)->tp_name);
        }
        return -1;
    }
    for (; i < argcnt; i++) {
        KrObject *w = kr_iter_next(it);
        if (!w) {
            if (!kr_err_occurred() || kr_err_matches(kr_exc_StopIteration)) {
                kr_err_clear();
                if (argcntafter == -1)
                    kr_err_format(kr_exc_ValueError,
                                  "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    kr_err_format(kr_exc_ValueError,
                                  "not enough values to unpack (expected at least %d, got %d)",
                                  argcnt + argcntafter, i);
            }
            goto error;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        KrObject *w = kr_iter_next(it);
        if (!w) {
            if (kr_err_occurred()) {
                if (!kr_err_matches(kr_exc_StopIteration)) goto error;
                kr_err_clear();
            }
            KR_DECREF(it);
            return 0;
        }
        KR_DECREF(w);
        kr_err_format(kr_exc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto error;
    }
    KrObject *l = kr_list_from_iterable(it);
    if (!l) goto error;
    *--sp = l;
    i++;
    kr_ssize ll = KR_SIZE(l);
    if (ll < argcntafter) {
        kr_err_format(kr_exc_ValueError,
                      "not enough values to unpack (expected at least %d, got %zd)",
                      argcnt + argcntafter, argcnt + ll);
        goto error;
    }
    /* move the trailing values out of the list and shrink it */
    for (int j = argcntafter; j > 0; j--, i++) *--sp = KR_LIST_ITEM(l, ll - j);
    ((KrVarObject *)l)->ob_size = ll - argcntafter;
    KR_DECREF(it);
    return 0;
error:
    for (; i > 0; i--, sp++) KR_DECREF(*sp);
    KR_XDECREF(it);
    return -1;
}

KrObject *kr_ceval_format_value(KrObject *value, int conversion, KrObject *spec) {
    KrObject *v;
    switch (conversion) {
    case 1: v = kr_object_str(value); break;
    case 2: v = kr_object_repr(value); break;
    case 3: v = kr_object_ascii(value); break;
    default: v = KR_NEWREF(value); break;
    }
    if (!v) return NULL;
    if (!spec && KR_STR_CHECK_EXACT(v)) return v;
    KrObject *res = kr_object_format(v, spec ? spec : kr_ceval_str(""));
    KR_DECREF(v);
    return res;
}

KrObject *kr_ceval_build_string(KrObject **pieces, int n) {
    if (n == 1 && KR_STR_CHECK_EXACT(pieces[0])) return KR_NEWREF(pieces[0]);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    for (int i = 0; i < n; i++) {
        if (kr_strbuilder_append_str(&b, pieces[i]) < 0) {
            kr_strbuilder_discard(&b);
            return NULL;
        }
    }
    return kr_strbuilder_finish(&b);
}

int kr_ceval_list_extend(KrObject *list, KrObject *iterable) {
    if (kr_list_extend(list, iterable) == 0) return 0;
    if (kr_err_matches(kr_exc_TypeError) && not_iterable(iterable)) {
        kr_err_clear();
        kr_err_format(kr_exc_TypeError, "Value after * must be an iterable, not %s",
                      KR_TYPE(iterable)->tp_name);
    }
    return -1;
}

static int is_mapping_like(KrObject *o) {
    if (KR_DICT_CHECK(o)) return 1;
    return kr_object_hasattr(o, kr_ceval_str("keys"));
}

int kr_ceval_dict_update(KrObject *dict, KrObject *update) {
    int m = is_mapping_like(update);
    if (m < 0) return -1;
    if (!m) {
        kr_err_format(kr_exc_TypeError, "'%s' object is not a mapping", KR_TYPE(update)->tp_name);
        return -1;
    }
    if (kr_dict_merge(dict, update, 1) == 0) return 0;
    if (kr_err_matches(kr_exc_AttributeError)) {
        kr_err_clear();
        kr_err_format(kr_exc_TypeError, "'%s' object is not a mapping", KR_TYPE(update)->tp_name);
    }
    return -1;
}

/* f(**update) building the kwargs dict: duplicates are errors naming the callee. */
int kr_ceval_dict_merge(KrObject *callable, KrObject *dict, KrObject *update) {
    int m = is_mapping_like(update);
    if (m < 0) return -1;
    if (!m) goto not_mapping;
    if (kr_dict_merge(dict, update, 2) == 0) return 0;
    if (kr_err_matches(kr_exc_AttributeError)) {
        kr_err_clear();
        goto not_mapping;
    }
    if (kr_err_matches(kr_exc_KeyError)) {
        KrObject *exc = kr_err_fetch();
        KrObject *args = exc ? kr_exception_get_args(exc) : NULL;
        if (args && KR_TUPLE_CHECK(args) && KR_SIZE(args) == 1) {
            KrObject *key = KR_TUPLE_ITEM(args, 0);
            if (!KR_STR_CHECK(key)) {
                kr_err_set_string(kr_exc_TypeError, "keywords must be strings");
            } else {
                KrObject *fs = kr_function_str(callable);
                if (fs) {
                    kr_err_format(kr_exc_TypeError,
                                  "%U got multiple values for keyword argument '%S'", fs, key);
                    KR_DECREF(fs);
                }
            }
            KR_DECREF(exc);
        } else {
            kr_err_restore(exc);
        }
    }
    return -1;
not_mapping: {
        KrObject *fs = kr_function_str(callable);
        if (fs) {
            kr_err_format(kr_exc_TypeError, "%U argument after ** must be a mapping, not %s", fs,
                          KR_TYPE(update)->tp_name);
            KR_DECREF(fs);
        }
        return -1;
    }
}

/* ---------------------------------------------------------------------------
 * Calls with *args / **kwargs
 * ------------------------------------------------------------------------- */

KrObject *kr_ceval_star_args_tuple(KrObject *callable, KrObject *iterable) {
    KrObject *t = kr_tuple_from_iterable(iterable);
    if (t) return t;
    if (kr_err_matches(kr_exc_TypeError) && not_iterable(iterable)) {
        kr_err_clear();
        KrObject *fs = kr_function_str(callable);
        if (fs) {
            kr_err_format(kr_exc_TypeError, "%U argument after * must be an iterable, not %s", fs,
                          KR_TYPE(iterable)->tp_name);
            KR_DECREF(fs);
        }
    }
    return NULL;
}

/* Flattens (args tuple, kwargs dict) into vectorcall form. On success *stackp must be
 * released with kr_mem_free and *kwnamesp decrefed (if set). */
static int unpack_kwargs(KrObject *args, KrObject *kwargs, KrObject ***stackp,
                         KrObject **kwnamesp) {
    kr_ssize n = KR_SIZE(args);
    kr_ssize nkw = kwargs ? kr_dict_size(kwargs) : 0;
    KrObject **stack = kr_mem_malloc((size_t)(n + nkw + 1) * sizeof(KrObject *));
    if (!stack) return -1;
    for (kr_ssize i = 0; i < n; i++) stack[i] = KR_TUPLE_ITEM(args, i);
    KrObject *kwnames = NULL;
    if (nkw) {
        kwnames = kr_tuple_new(nkw);
        if (!kwnames) {
            kr_mem_free(stack);
            return -1;
        }
        kr_ssize pos = 0, j = 0;
        KrObject *k, *v;
        while (j < nkw && kr_dict_next(kwargs, &pos, &k, &v)) {
            if (!KR_STR_CHECK(k)) {
                for (kr_ssize m = j; m < nkw; m++) KR_TUPLE_ITEM(kwnames, m) = KR_NEWREF(kr_none);
                KR_DECREF(kwnames);
                kr_mem_free(stack);
                kr_err_set_string(kr_exc_TypeError, "keywords must be strings");
                return -1;
            }
            KR_TUPLE_ITEM(kwnames, j) = KR_NEWREF(k);
            stack[n + j] = v;
            j++;
        }
    }
    *stackp = stack;
    *kwnamesp = kwnames;
    return 0;
}

KrFrame *kr_ceval_push_frame_ex(KrThreadState *ts, KrFunction *func, KrObject *args,
                                KrObject *kwargs) {
    if (!kwargs || kr_dict_size(kwargs) == 0)
        return kr_function_push_frame(ts, func, KR_TUPLE_ITEMS(args), KR_SIZE(args), NULL);
    KrObject **stack, *kwnames;
    if (unpack_kwargs(args, kwargs, &stack, &kwnames) < 0) return NULL;
    KrFrame *f = kr_function_push_frame(ts, func, stack, KR_SIZE(args), kwnames);
    kr_mem_free(stack);
    KR_XDECREF(kwnames);
    return f;
}

KrObject *kr_ceval_call_ex(KrObject *callable, KrObject *args, KrObject *kwargs) {
    if (!kwargs || kr_dict_size(kwargs) == 0)
        return kr_vectorcall(callable, KR_TUPLE_ITEMS(args), (size_t)KR_SIZE(args), NULL);
    KrObject **stack, *kwnames;
    if (unpack_kwargs(args, kwargs, &stack, &kwnames) < 0) return NULL;
    KrObject *res = kr_vectorcall(callable, stack, (size_t)KR_SIZE(args), kwnames);
    kr_mem_free(stack);
    KR_XDECREF(kwnames);
    return res;
}

/* ---------------------------------------------------------------------------
 * Raising and matching exceptions
 * ------------------------------------------------------------------------- */

/* Implicit chaining: exc.__context__ = the exception being handled, first cutting any
 * chain from `handled` back to `exc` so no cycle forms (as CPython's _PyErr_SetObject). */
static void chain_context(KrObject *exc, KrObject *handled) {
    if (!handled || handled == kr_none || handled == exc || !KR_EXC_CHECK(exc) ||
        !KR_EXC_CHECK(handled))
        return;
    KrBaseException *o = (KrBaseException *)handled, *slow = o;
    int toggle = 0;
    while (o->context) {
        KrBaseException *ctx = (KrBaseException *)o->context;
        if ((KrObject *)ctx == exc) {
            KR_CLEAR(o->context);
            break;
        }
        o = ctx;
        if (o == slow) break; /* a pre-existing cycle */
        if (toggle) slow = (KrBaseException *)slow->context;
        toggle = !toggle;
    }
    KR_SETREF(((KrBaseException *)exc)->context, KR_NEWREF(handled));
}

static KrObject *instantiate_exception(KrObject *type) {
    KrObject *v = kr_call_noargs(type);
    if (v && !KR_EXC_CHECK(v)) {
        kr_err_format(kr_exc_TypeError,
                      "calling %R should have returned an instance of BaseException, not %R",
                      type, (KrObject *)KR_TYPE(v));
        KR_CLEAR(v);
    }
    return v;
}

/* RAISE_VARARGS: steals exc and cause. Returns 1 for a bare `raise` (traceback kept as
 * is), 0 otherwise (the new exception, or an error raised while making it, is set). */
int kr_ceval_do_raise(KrThreadState *ts, KrObject *exc, KrObject *cause) {
    KrObject *value = NULL;
    if (!exc) {
        KrObject *h = ts->handled_exception;
        if (!h || h == kr_none) {
            kr_err_set_string(kr_exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        kr_err_restore(KR_NEWREF(h));
        return 1;
    }
    if (KR_EXC_TYPE_CHECK(exc)) {
        value = instantiate_exception(exc);
        if (!value) goto done;
    } else if (KR_EXC_CHECK(exc)) {
        value = KR_NEWREF(exc);
    } else {
        kr_err_set_string(kr_exc_TypeError, "exceptions must derive from BaseException");
        goto done;
    }
    if (cause) {
        KrObject *fixed;
        if (KR_EXC_TYPE_CHECK(cause)) {
            fixed = instantiate_exception(cause);
            if (!fixed) goto done;
        } else if (KR_EXC_CHECK(cause)) {
            fixed = KR_NEWREF(cause);
        } else if (cause == kr_none) {
            fixed = NULL;
        } else {
            kr_err_set_string(kr_exc_TypeError, "exception causes must derive from BaseException");
            goto done;
        }
        KrBaseException *be = (KrBaseException *)value;
        KR_SETREF(be->cause, fixed);
        be->suppress_context = 1;
    }
    chain_context(value, ts->handled_exception);
    kr_err_set_raised(value);
    value = NULL;
done:
    KR_XDECREF(value);
    KR_XDECREF(exc);
    KR_XDECREF(cause);
    return 0;
}

static const char CANNOT_CATCH_MSG[] =
    "catching classes that do not inherit from BaseException is not allowed";

int kr_ceval_check_except_type(KrObject *type) {
    if (KR_TUPLE_CHECK(type)) {
        for (kr_ssize i = 0; i < KR_SIZE(type); i++) {
            if (!KR_EXC_TYPE_CHECK(KR_TUPLE_ITEM(type, i))) {
                kr_err_set_string(kr_exc_TypeError, CANNOT_CATCH_MSG);
                return -1;
            }
        }
        return 0;
    }
    if (!KR_EXC_TYPE_CHECK(type)) {
        kr_err_set_string(kr_exc_TypeError, CANNOT_CATCH_MSG);
        return -1;
    }
    return 0;
}

int kr_ceval_check_except_star_type(KrObject *type) {
    if (kr_ceval_check_except_type(type) < 0) return -1;
    kr_ssize n = KR_TUPLE_CHECK(type) ? KR_SIZE(type) : 1;
    for (kr_ssize i = 0; i < n; i++) {
        KrObject *t = KR_TUPLE_CHECK(type) ? KR_TUPLE_ITEM(type, i) : type;
        if (kr_type_is_subtype((KrType *)t, kr_exc_BaseExceptionGroup)) {
            kr_err_set_string(kr_exc_TypeError,
                              "catching ExceptionGroup with except* is not allowed. Use except "
                              "instead.");
            return -1;
        }
    }
    return 0;
}

static bool is_exception_group(KrObject *o) { return KR_TYPE_IS(o, kr_exc_BaseExceptionGroup); }

static KrObject *make_exception_group(KrObject *excs) {
    KrObject *msg = kr_ceval_str("");
    KrObject *args = kr_tuple_pack(2, msg, excs);
    if (!args) return NULL;
    KrObject *eg = kr_exception_new(kr_exc_BaseExceptionGroup, args);
    KR_DECREF(args);
    return eg;
}

int kr_ceval_exception_group_match(KrObject *exc, KrObject *type, KrObject **match,
                                   KrObject **rest) {
    *match = *rest = NULL;
    if (exc == kr_none) {
        *match = KR_NEWREF(kr_none);
        *rest = KR_NEWREF(kr_none);
        return 0;
    }
    if (kr_err_given_matches(exc, type)) {
        if (is_exception_group(exc)) {
            *match = KR_NEWREF(exc);
        } else {
            /* a naked exception caught by except*: wrap it in a group */
            KrObject *excs = kr_tuple_pack(1, exc);
            if (!excs) return -1;
            KrObject *wrapped = make_exception_group(excs);
            KR_DECREF(excs);
            if (!wrapped) return -1;
            KrObject *tb = ((KrBaseException *)exc)->traceback;
            if (tb) KR_SETREF(((KrBaseException *)wrapped)->traceback, KR_NEWREF(tb));
            *match = wrapped;
        }
        *rest = KR_NEWREF(kr_none);
        return 0;
    }
    if (is_exception_group(exc)) {
        KrObject *pair = kr_call_method(exc, "split", &type, 1);
        if (!pair) return -1;
        if (!KR_TUPLE_CHECK(pair) || KR_SIZE(pair) != 2) {
            kr_err_format(kr_exc_TypeError, "%s.split must return a 2-tuple, got %s",
                          KR_TYPE(exc)->tp_name, KR_TYPE(pair)->tp_name);
            KR_DECREF(pair);
            return -1;
        }
        *match = KR_NEWREF(KR_TUPLE_ITEM(pair, 0));
        *rest = KR_NEWREF(KR_TUPLE_ITEM(pair, 1));
        KR_DECREF(pair);
        return 0;
    }
    *match = KR_NEWREF(kr_none);
    *rest = KR_NEWREF(exc);
    return 0;
}

static bool same_exception_metadata(KrObject *a, KrObject *b) {
    KrBaseException *x = (KrBaseException *)a, *y = (KrBaseException *)b;
    return x->notes == y->notes && x->traceback == y->traceback && x->cause == y->cause &&
           x->context == y->context;
}

static int collect_leaf_ids(KrObject *e, KrObject *ids) {
    if (e == kr_none) return 0;
    if (!is_exception_group(e)) {
        KrObject *id = kr_int_from_i64((int64_t)(intptr_t)e);
        if (!id) return -1;
        int r = kr_set_add(ids, id);
        KR_DECREF(id);
        return r;
    }
    KrObject *excs = ((KrBaseExceptionGroup *)e)->excs;
    for (kr_ssize i = 0; excs && i < KR_SIZE(excs); i++)
        if (collect_leaf_ids(KR_TUPLE_ITEM(excs, i), ids) < 0) return -1;
    return 0;
}

/* the predicate given to split(): is this leaf one of the re-raised ones? */
static KrObject *leaf_id_matches(KrObject *ids, KrObject *e) {
    if (is_exception_group(e)) return KR_NEWREF(kr_false);
    KrObject *id = kr_int_from_i64((int64_t)(intptr_t)e);
    if (!id) return NULL;
    int r = kr_set_contains(ids, id);
    KR_DECREF(id);
    if (r < 0) return NULL;
    return KR_NEWREF(kr_bool_new(r));
}

static KrMethodDef leaf_id_matches_def = {"_leaf_id_matches", (void *)leaf_id_matches, KR_METH_O,
                                          NULL};

/* The part of `eg` made of the leaves of the exceptions in `keep` (a list). */
static KrObject *exception_group_projection(KrObject *eg, KrObject *keep) {
    KrObject *ids = kr_set_new(NULL);
    if (!ids) return NULL;
    for (kr_ssize i = 0; i < KR_SIZE(keep); i++) {
        if (collect_leaf_ids(KR_LIST_ITEM(keep, i), ids) < 0) {
            KR_DECREF(ids);
            return NULL;
        }
    }
    KrObject *pred = kr_cfunction_new(&leaf_id_matches_def, ids, NULL);
    KR_DECREF(ids);
    if (!pred) return NULL;
    KrObject *pair = kr_call_method(eg, "split", &pred, 1);
    KR_DECREF(pred);
    if (!pair) return NULL;
    KrObject *res = KR_TUPLE_CHECK(pair) && KR_SIZE(pair) == 2 ? KR_TUPLE_ITEM(pair, 0) : kr_none;
    res = KR_NEWREF(res);
    KR_DECREF(pair);
    return res;
}

/* What an except* statement re-raises: the unhandled and re-raised parts of the
 * original group (keeping its structure) plus any new exceptions raised in clauses. */
KrObject *kr_ceval_prep_reraise_star(KrObject *orig, KrObject *excs) {
    if (!KR_LIST_CHECK(excs)) {
        kr_err_set_string(kr_exc_SystemError, "bad except* state");
        return NULL;
    }
    kr_ssize n = KR_SIZE(excs);
    if (n == 0) return KR_NEWREF(kr_none);
    if (!is_exception_group(orig)) return KR_NEWREF(KR_LIST_ITEM(excs, 0));
    KrObject *raised = kr_list_new(0), *reraised = kr_list_new(0), *result = NULL,
             *reraised_eg = NULL;
    if (!raised || !reraised) goto done;
    for (kr_ssize i = 0; i < n; i++) {
        KrObject *e = KR_LIST_ITEM(excs, i);
        if (e == kr_none) continue;
        bool is_reraise = same_exception_metadata(e, orig);
        if (kr_list_append(is_reraise ? reraised : raised, e) < 0) goto done;
    }
    reraised_eg = exception_group_projection(orig, reraised);
    if (!reraised_eg) goto done;
    if (KR_SIZE(raised) == 0) {
        result = KR_NEWREF(reraised_eg);
    } else {
        if (reraised_eg != kr_none && kr_list_append(raised, reraised_eg) < 0) goto done;
        if (KR_SIZE(raised) > 1)
            result = make_exception_group(raised);
        else
            result = KR_NEWREF(KR_LIST_ITEM(raised, 0));
    }
done:
    KR_XDECREF(raised);
    KR_XDECREF(reraised);
    KR_XDECREF(reraised_eg);
    return result;
}

/* ---------------------------------------------------------------------------
 * with / async with / async for / yield from
 * ------------------------------------------------------------------------- */

KrObject *kr_ceval_before_with(KrObject *mgr, KrObject **enter_res, int async) {
    KrObject *enter = kr_ceval_lookup_special(mgr, kr_ceval_str(async ? "__aenter__" : "__enter__"));
    if (!enter) {
        if (!kr_err_occurred())
            kr_err_format(kr_exc_TypeError,
                          "'%s' object does not support the %scontext manager protocol",
                          KR_TYPE(mgr)->tp_name, async ? "asynchronous " : "");
        return NULL;
    }
    KrObject *exit_func =
        kr_ceval_lookup_special(mgr, kr_ceval_str(async ? "__aexit__" : "__exit__"));
    if (!exit_func) {
        if (!kr_err_occurred())
            kr_err_format(kr_exc_TypeError,
                          "'%s' object does not support the %scontext manager protocol "
                          "(missed %s method)",
                          KR_TYPE(mgr)->tp_name, async ? "asynchronous " : "",
                          async ? "__aexit__" : "__exit__");
        KR_DECREF(enter);
        return NULL;
    }
    KrObject *res = kr_call_noargs(enter);
    KR_DECREF(enter);
    if (!res) {
        KR_DECREF(exit_func);
        return NULL;
    }
    *enter_res = res;
    return exit_func;
}

static bool has_anext(KrObject *o) {
    KrAsyncMethods *am = KR_TYPE(o)->tp_as_async;
    if (am && am->am_anext) return true;
    return kr_type_lookup(KR_TYPE(o), kr_ceval_str("__anext__")) != NULL;
}

KrObject *kr_ceval_get_aiter(KrObject *obj) {
    KrAsyncMethods *am = KR_TYPE(obj)->tp_as_async;
    KrObject *it;
    if (am && am->am_aiter) {
        it = am->am_aiter(obj);
    } else {
        KrObject *meth = kr_ceval_lookup_special(obj, kr_ceval_str("__aiter__"));
        if (!meth) {
            if (!kr_err_occurred())
                kr_err_format(kr_exc_TypeError,
                              "'async for' requires an object with __aiter__ method, got %s",
                              KR_TYPE(obj)->tp_name);
            return NULL;
        }
        it = kr_call_noargs(meth);
        KR_DECREF(meth);
    }
    if (!it) return NULL;
    if (!has_anext(it)) {
        kr_err_format(kr_exc_TypeError,
                      "'async for' received an object from __aiter__ that does not implement "
                      "__anext__: %s",
                      KR_TYPE(it)->tp_name);
        KR_DECREF(it);
        return NULL;
    }
    return it;
}

KrObject *kr_ceval_get_anext(KrObject *aiter) {
    if (KR_TYPE(aiter) == &kr_async_gen_type) return kr_async_gen_anext(aiter);
    KrAsyncMethods *am = KR_TYPE(aiter)->tp_as_async;
    KrObject *next;
    if (am && am->am_anext) {
        next = am->am_anext(aiter);
    } else {
        KrObject *meth = kr_ceval_lookup_special(aiter, kr_ceval_str("__anext__"));
        if (!meth) {
            if (!kr_err_occurred())
                kr_err_format(kr_exc_TypeError,
                              "'async for' requires an iterator with __anext__ method, got %s",
                              KR_TYPE(aiter)->tp_name);
            return NULL;
        }
        next = kr_call_noargs(meth);
        KR_DECREF(meth);
    }
    if (!next) return NULL;
    KrObject *awaitable = kr_coro_get_awaitable_iter(next, 0);
    if (!awaitable) {
        format_from_cause(kr_exc_TypeError,
                          "'async for' received an invalid object from __anext__: %s",
                          KR_TYPE(next)->tp_name);
    }
    KR_DECREF(next);
    return awaitable;
}

KrObject *kr_ceval_get_yield_from_iter(KrFrame *f, KrObject *iterable) {
    if (KR_TYPE(iterable) == &kr_coro_type) {
        if (!(f->code->flags & (KR_CO_COROUTINE | KR_CO_ITERABLE_COROUTINE))) {
            kr_err_set_string(kr_exc_TypeError,
                              "cannot 'yield from' a coroutine object in a non-coroutine "
                              "generator");
            return NULL;
        }
        return KR_NEWREF(iterable);
    }
    if (KR_TYPE(iterable) == &kr_gen_type) return KR_NEWREF(iterable);
    return kr_object_get_iter(iterable);
}

/* ---------------------------------------------------------------------------
 * Imports
 * ------------------------------------------------------------------------- */

static bool is_builtin_import(KrObject *f) {
    if (KR_TYPE(f) != &kr_cfunction_type) return false;
    KrMethodDef *def = ((KrCFunction *)f)->def;
    return def && def->name && strcmp(def->name, "__import__") == 0;
}

KrObject *kr_ceval_import_name(KrFrame *f, KrObject *name, KrObject *fromlist, KrObject *level) {
    KrObject *import_func;
    int r = kr_ceval_mapping_get(f->builtins, kr_ceval_str("__import__"), &import_func);
    if (r < 0) return NULL;
    if (!r) {
        kr_err_set_string(kr_exc_ImportError, "__import__ not found");
        return NULL;
    }
    KrObject *res;
    if (is_builtin_import(import_func)) {
        int64_t lvl = kr_int_as_i64(level);
        if (lvl == -1 && kr_err_occurred()) {
            KR_DECREF(import_func);
            return NULL;
        }
        res = kr_import_name(name, f->globals, fromlist, (int)lvl);
    } else {
        KrObject *args[5] = {name, f->globals, f->locals ? f->locals : kr_none, fromlist, level};
        res = kr_vectorcall(import_func, args, 5, NULL);
    }
    KR_DECREF(import_func);
    return res;
}

static bool spec_is_initializing(KrObject *module) {
    KrObject *spec = NULL, *init = NULL;
    bool r = false;
    if (kr_object_lookup_attr(module, kr_ceval_str("__spec__"), &spec) > 0 && spec != kr_none) {
        if (kr_object_lookup_attr(spec, kr_ceval_str("_initializing"), &init) > 0)
            r = kr_object_is_true(init) > 0;
    }
    kr_err_clear();
    KR_XDECREF(spec);
    KR_XDECREF(init);
    return r;
}

KrObject *kr_ceval_import_from(KrObject *module, KrObject *name) {
    KrObject *x = NULL;
    int r = kr_object_lookup_attr(module, name, &x);
    if (r != 0) return x; /* found, or a real error */
    /* a submodule being imported may be in sys.modules before it is an attribute */
    KrObject *pkgname = NULL, *pkgpath = NULL;
    if (kr_object_lookup_attr(module, kr_ceval_str("__name__"), &pkgname) < 0) kr_err_clear();
    if (pkgname && KR_STR_CHECK(pkgname) && kr_interp.modules) {
        KrObject *full = kr_str_from_format("%U.%U", pkgname, name);
        if (!full) goto fail;
        KrObject *m;
        r = kr_ceval_mapping_get(kr_interp.modules, full, &m);
        KR_DECREF(full);
        if (r < 0) goto fail;
        if (r) {
            KR_DECREF(pkgname);
            return m;
        }
    }
    if (kr_object_lookup_attr(module, kr_ceval_str("__file__"), &pkgpath) < 0) kr_err_clear();
    KrObject *shown = pkgname && KR_STR_CHECK(pkgname) ? pkgname
                                                       : kr_ceval_str("<unknown module name>");
    if (!pkgpath || !KR_STR_CHECK(pkgpath)) {
        kr_err_format(kr_exc_ImportError, "cannot import name %R from %R (unknown location)", name,
                      shown);
    } else if (spec_is_initializing(module)) {
        kr_err_format(kr_exc_ImportError,
                      "cannot import name %R from partially initialized module %R (most likely "
                      "due to a circular import) (%S)",
                      name, shown, pkgpath);
    } else {
        kr_err_format(kr_exc_ImportError, "cannot import name %R from %R (%S)", name, shown,
                      pkgpath);
    }
    KrObject *exc = kr_err_occurred();
    if (exc && KR_TYPE_IS(exc, kr_exc_ImportError)) {
        KrImportError *ie = (KrImportError *)exc;
        if (pkgname) KR_SETREF(ie->name, KR_NEWREF(pkgname));
        if (pkgpath && KR_STR_CHECK(pkgpath)) KR_SETREF(ie->path, KR_NEWREF(pkgpath));
        KR_SETREF(ie->name_from, KR_NEWREF(name));
    }
fail:
    KR_XDECREF(pkgname);
    KR_XDECREF(pkgpath);
    return NULL;
}

int kr_ceval_import_star(KrFrame *f, KrObject *module) {
    KrObject *locals = f->locals;
    if (!locals) {
        kr_err_set_string(kr_exc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    KrObject *all = NULL, *it = NULL, *name = NULL;
    int skip_private = 0, ret = -1;
    int r = kr_object_lookup_attr(module, kr_ceval_str("__all__"), &all);
    if (r < 0) return -1;
    if (!r) {
        KrObject *dict = NULL;
        r = kr_object_lookup_attr(module, kr_ceval_str("__dict__"), &dict);
        if (r < 0) return -1;
        if (!r) {
            kr_err_set_string(kr_exc_ImportError,
                              "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = KR_DICT_CHECK(dict) ? kr_dict_keys_list(dict) : kr_call_method(dict, "keys", NULL, 0);
        KR_DECREF(dict);
        if (!all) return -1;
        skip_private = 1;
    }
    it = kr_object_get_iter(all);
    if (!it) goto done;
    while ((name = kr_iter_next(it))) {
        if (!KR_STR_CHECK(name)) {
            KrObject *modname = NULL;
            if (kr_object_lookup_attr(module, kr_ceval_str("__name__"), &modname) < 0) goto done;
            if (!modname || !KR_STR_CHECK(modname))
                kr_err_format(kr_exc_TypeError, "module __name__ must be a string, not %s",
                              modname ? KR_TYPE(modname)->tp_name : "NoneType");
            else if (skip_private)
                kr_err_format(kr_exc_TypeError, "Key in %U.__dict__ must be str, not %s", modname,
                              KR_TYPE(name)->tp_name);
            else
                kr_err_format(kr_exc_TypeError, "Item in %U.__all__ must be str, not %s", modname,
                              KR_TYPE(name)->tp_name);
            KR_XDECREF(modname);
            goto done;
        }
        if (skip_private && kr_str_size(name) > 0 && kr_str_data(name)[0] == '_') {
            KR_CLEAR(name);
            continue;
        }
        KrObject *value = kr_object_getattr(module, name);
        if (!value) goto done;
        int err = KR_DICT_CHECK_EXACT(locals) ? kr_dict_set_item(locals, name, value)
                                              : kr_object_set_item(locals, name, value);
        KR_DECREF(value);
        if (err < 0) goto done;
        KR_CLEAR(name);
    }
    if (!kr_err_occurred()) ret = 0;
done:
    KR_XDECREF(name);
    KR_XDECREF(it);
    KR_XDECREF(all);
    return ret;
}

/* ---------------------------------------------------------------------------
 * Pattern matching
 * ------------------------------------------------------------------------- */

/* Types whose instances match a single positional sub-pattern as themselves. */
static bool match_self_type(KrType *t) {
    KrType *selfs[] = {&kr_bool_type,      &kr_bytearray_type, &kr_bytes_type, &kr_dict_type,
                       &kr_float_type,     &kr_frozenset_type, &kr_int_type,   &kr_list_type,
                       &kr_set_type,       &kr_str_type,       &kr_tuple_type};
    for (size_t i = 0; i < sizeof(selfs) / sizeof(selfs[0]); i++)
        if (kr_object_type_is_sub(t, selfs[i])) return true;
    return false;
}

/* subject.name for a class pattern; NULL without an error means "no match". */
static KrObject *match_class_attr(KrObject *subject, KrType *type, KrObject *name,
                                  KrObject *seen) {
    int r = kr_set_contains(seen, name);
    if (r < 0) return NULL;
    if (r) {
        kr_err_format(kr_exc_TypeError, "%s() got multiple sub-patterns for attribute %R",
                      type->tp_name, name);
        return NULL;
    }
    if (kr_set_add(seen, name) < 0) return NULL;
    KrObject *attr = NULL;
    if (kr_object_lookup_attr(subject, name, &attr) < 0) return NULL;
    return attr;
}

KrObject *kr_ceval_match_class(KrObject *subject, KrObject *typeobj, int nargs,
                               KrObject *kwargs) {
    if (!KR_TYPE_CHECK(typeobj)) {
        kr_err_set_string(kr_exc_TypeError, "called match pattern must be a type");
        return NULL;
    }
    KrType *type = (KrType *)typeobj;
    int r = kr_object_isinstance(subject, typeobj);
    if (r < 0) return NULL;
    if (!r) return KR_NEWREF(kr_none);
    KrObject *seen = kr_set_new(NULL), *attrs = kr_list_new(0), *match_args = NULL;
    KrObject *result = NULL;
    if (!seen || !attrs) goto done;
    if (nargs) {
        int match_self = 0;
        kr_ssize allowed;
        r = kr_object_lookup_attr(typeobj, kr_ceval_str("__match_args__"), &match_args);
        if (r < 0) goto done;
        if (r) {
            if (!KR_TUPLE_CHECK_EXACT(match_args)) {
                kr_err_format(kr_exc_TypeError, "%s.__match_args__ must be a tuple (got %s)",
                              type->tp_name, KR_TYPE(match_args)->tp_name);
                goto done;
            }
            allowed = KR_SIZE(match_args);
        } else {
            match_self = match_self_type(type);
            allowed = match_self ? 1 : 0;
        }
        if (allowed < nargs) {
            kr_err_format(kr_exc_TypeError, "%s() accepts %zd positional sub-pattern%s (%d given)",
                          type->tp_name, allowed, allowed == 1 ? "" : "s", nargs);
            goto done;
        }
        if (match_self) {
            if (kr_list_append(attrs, subject) < 0) goto done;
        } else {
            for (int i = 0; i < nargs; i++) {
                KrObject *name = KR_TUPLE_ITEM(match_args, i);
                if (!KR_STR_CHECK(name)) {
                    kr_err_format(kr_exc_TypeError, "__match_args__ elements must be strings (got %s)",
                                  KR_TYPE(name)->tp_name);
                    goto done;
                }
                KrObject *attr = match_class_attr(subject, type, name, seen);
                if (!attr) {
                    if (!kr_err_occurred()) result = KR_NEWREF(kr_none);
                    goto done;
                }
                if (kr_list_append_steal(attrs, attr) < 0) goto done;
            }
        }
    }
    for (kr_ssize i = 0; i < KR_SIZE(kwargs); i++) {
        KrObject *attr = match_class_attr(subject, type, KR_TUPLE_ITEM(kwargs, i), seen);
        if (!attr) {
            if (!kr_err_occurred()) result = KR_NEWREF(kr_none);
            goto done;
        }
        if (kr_list_append_steal(attrs, attr) < 0) goto done;
    }
    result = kr_list_as_tuple(attrs);
done:
    KR_XDECREF(seen);
    KR_XDECREF(attrs);
    KR_XDECREF(match_args);
    return result;
}

/* MATCH_KEYS: a tuple of map[key] for every key, or None if a key is missing. */
KrObject *kr_ceval_match_keys(KrObject *map, KrObject *keys) {
    kr_ssize nkeys = KR_SIZE(keys);
    if (nkeys == 0) return KR_NEWREF(kr_empty_tuple);
    KrObject *get = NULL, *seen = NULL, *values = NULL, *dummy = NULL, *result = NULL;
    get = kr_object_getattr(map, kr_ceval_str("get"));
    if (!get) return NULL;
    seen = kr_set_new(NULL);
    values = kr_list_new(0);
    dummy = kr_cell_new(NULL); /* a fresh object no mapping can contain */
    if (!seen || !values || !dummy) goto done;
    for (kr_ssize i = 0; i < nkeys; i++) {
        KrObject *key = KR_TUPLE_ITEM(keys, i);
        int r = kr_set_contains(seen, key);
        if (r < 0) goto done;
        if (r) {
            kr_err_format(kr_exc_ValueError, "mapping pattern checks duplicate key (%R)", key);
            goto done;
        }
        if (kr_set_add(seen, key) < 0) goto done;
        KrObject *args[2] = {key, dummy};
        KrObject *v = kr_vectorcall(get, args, 2, NULL);
        if (!v) goto done;
        if (v == dummy) {
            KR_DECREF(v);
            result = KR_NEWREF(kr_none);
            goto done;
        }
        if (kr_list_append_steal(values, v) < 0) goto done;
    }
    result = kr_list_as_tuple(values);
done:
    KR_XDECREF(get);
    KR_XDECREF(seen);
    KR_XDECREF(values);
    KR_XDECREF(dummy);
    return result;
}

/* ---------------------------------------------------------------------------
 * Intrinsics
 * ------------------------------------------------------------------------- */

static KrObject *stopiteration_error(KrFrame *f, KrObject *exc) {
    int flags = f->code->flags;
    const char *msg = NULL;
    if (kr_err_given_matches(exc, (KrObject *)kr_exc_StopIteration)) {
        msg = (flags & KR_CO_ASYNC_GENERATOR) ? "async generator raised StopIteration"
              : (flags & KR_CO_COROUTINE)     ? "coroutine raised StopIteration"
                                              : "generator raised StopIteration";
    } else if ((flags & KR_CO_ASYNC_GENERATOR) &&
               kr_err_given_matches(exc, (KrObject *)kr_exc_StopAsyncIteration)) {
        msg = "async generator raised StopAsyncIteration";
    }
    if (!msg) return KR_NEWREF(exc);
    KrObject *m = kr_str_from_cstr(msg);
    KrObject *args = m ? kr_tuple_pack(1, m) : NULL;
    KR_XDECREF(m);
    if (!args) return NULL;
    KrObject *err = kr_exception_new(kr_exc_RuntimeError, args);
    KR_DECREF(args);
    if (!err) return NULL;
    KrBaseException *be = (KrBaseException *)err;
    KR_SETREF(be->cause, KR_NEWREF(exc));
    be->suppress_context = 1;
    KR_SETREF(be->context, KR_NEWREF(exc));
    return err;
}

static KrObject *print_expr(KrObject *v) {
    KrObject *hook = kr_sys_get("displayhook");
    if (!hook) {
        kr_err_set_string(kr_exc_RuntimeError, "lost sys.displayhook");
        return NULL;
    }
    KR_INCREF(hook);
    KrObject *r = kr_call_one(hook, v);
    KR_DECREF(hook);
    if (!r) return NULL;
    KR_DECREF(r);
    return KR_NEWREF(kr_none);
}

/* PEP 695 objects come from the typing module where it provides them. */
static KrObject *typing_call(const char *attr, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    KrObject *typing = kr_import_module("typing");
    if (!typing) {
        if (kr_err_matches(kr_exc_ImportError)) {
            kr_err_clear();
            kr_err_set_string(kr_exc_SystemError,
                              "PEP 695 type parameters are not supported yet (no typing module)");
        }
        return NULL;
    }
    KrObject *f = NULL;
    int r = kr_object_lookup_attr(typing, kr_ceval_str(attr), &f);
    KR_DECREF(typing);
    if (r < 0) return NULL;
    if (!r) {
        kr_err_format(kr_exc_SystemError,
                      "PEP 695 type parameters are not supported yet (typing.%s missing)", attr);
        return NULL;
    }
    KrObject *res = kr_vectorcall(f, args, (size_t)nargs, kwnames);
    KR_DECREF(f);
    return res;
}

KrObject *kr_ceval_intrinsic1(KrThreadState *ts, KrFrame *f, int which, KrObject *v) {
    switch (which) {
    case KR_INTRINSIC1_PRINT:
        return print_expr(v);
    case KR_INTRINSIC1_IMPORT_STAR:
        if (kr_ceval_import_star(f, v) < 0) return NULL;
        return KR_NEWREF(kr_none);
    case KR_INTRINSIC1_STOPITERATION_ERROR:
        return stopiteration_error(f, v);
    case KR_INTRINSIC1_ASYNC_GEN_WRAP:
        return kr_async_gen_wrap_value(v);
    case KR_INTRINSIC1_UNARY_POSITIVE:
        return kr_number_positive(v);
    case KR_INTRINSIC1_LIST_TO_TUPLE:
        return kr_list_as_tuple(v);
    case KR_INTRINSIC1_TYPEVAR:
        return typing_call("TypeVar", &v, 1, NULL);
    case KR_INTRINSIC1_PARAMSPEC:
        return typing_call("ParamSpec", &v, 1, NULL);
    case KR_INTRINSIC1_TYPEVARTUPLE:
        return typing_call("TypeVarTuple", &v, 1, NULL);
    case KR_INTRINSIC1_SUBSCRIPT_GENERIC: {
        KrObject *typing = kr_import_module("typing");
        if (!typing) return NULL;
        KrObject *generic = kr_object_getattr(typing, kr_ceval_str("Generic"));
        KR_DECREF(typing);
        if (!generic) return NULL;
        KrObject *r = kr_object_get_item(generic, v);
        KR_DECREF(generic);
        return r;
    }
    case KR_INTRINSIC1_TYPEALIAS: {
        /* v = (name, type_params, compute_value); the value is computed eagerly */
        if (!KR_TUPLE_CHECK(v) || KR_SIZE(v) != 3) break;
        KrObject *value = kr_call_noargs(KR_TUPLE_ITEM(v, 2));
        if (!value) return NULL;
        KrObject *tp = KR_TUPLE_ITEM(v, 1);
        KrObject *args[3] = {KR_TUPLE_ITEM(v, 0), value, tp == kr_none ? kr_empty_tuple : tp};
        KrObject *kwn = kr_tuple_pack(1, kr_ceval_str("type_params"));
        KrObject *r = kwn ? typing_call("TypeAliasType", args, 2, kwn) : NULL;
        KR_XDECREF(kwn);
        KR_DECREF(value);
        return r;
    }
    default:
        break;
    }
    kr_err_format(kr_exc_SystemError, "invalid intrinsic function %d", which);
    return NULL;
}

KrObject *kr_ceval_intrinsic2(KrThreadState *ts, KrFrame *f, int which, KrObject *a,
                              KrObject *b) {
    switch (which) {
    case KR_INTRINSIC2_PREP_RERAISE_STAR:
        return kr_ceval_prep_reraise_star(a, b);
    case KR_INTRINSIC2_TYPEVAR_WITH_BOUND: {
        /* b lazily computes the bound (PEP 695); typing.TypeVar wants the value */
        KrObject *bound = KR_TYPE(b) == &kr_function_type ? kr_call_noargs(b) : KR_NEWREF(b);
        if (!bound) return NULL;
        KrObject *args[2] = {a, bound};
        KrObject *kwn = kr_tuple_pack(1, kr_ceval_str("bound"));
        KrObject *r = kwn ? typing_call("TypeVar", args, 1, kwn) : NULL;
        KR_XDECREF(kwn);
        KR_DECREF(bound);
        return r;
    }
    case KR_INTRINSIC2_TYPEVAR_WITH_CONSTRAINTS: {
        KrObject *cons = KR_TYPE(b) == &kr_function_type ? kr_call_noargs(b) : KR_NEWREF(b);
        if (!cons) return NULL;
        if (!KR_TUPLE_CHECK(cons)) {
            KR_DECREF(cons);
            break;
        }
        kr_ssize n = KR_SIZE(cons);
        KrObject **args = kr_mem_malloc((size_t)(n + 1) * sizeof(KrObject *));
        if (!args) {
            KR_DECREF(cons);
            return NULL;
        }
        args[0] = a;
        for (kr_ssize i = 0; i < n; i++) args[i + 1] = KR_TUPLE_ITEM(cons, i);
        KrObject *r = typing_call("TypeVar", args, n + 1, NULL);
        kr_mem_free(args);
        KR_DECREF(cons);
        return r;
    }
    case KR_INTRINSIC2_SET_FUNCTION_TYPE_PARAMS:
        if (KR_TYPE(a) == &kr_function_type && KR_TUPLE_CHECK(b))
            KR_SETREF(((KrFunction *)a)->type_params, KR_NEWREF(b));
        return KR_NEWREF(a);
    default:
        break;
    }
    kr_err_format(kr_exc_SystemError, "invalid intrinsic function %d", which);
    return NULL;
}

/* ---------------------------------------------------------------------------
 * The eval breaker
 * ------------------------------------------------------------------------- */

int kr_ceval_handle_eval_breaker(KrThreadState *ts) {
    uint32_t bits = atomic_load_explicit(&ts->eval_breaker, memory_order_acquire);
    if (bits & KR_EVAL_SIGNALS) {
        atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)KR_EVAL_SIGNALS);
        if (kr_signals_handle() < 0) return -1;
    }
    if (bits & KR_EVAL_TRACE) /* the loop re-chose its dispatch table already */
        atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)KR_EVAL_TRACE);
    uint32_t other = bits & ~(uint32_t)(KR_EVAL_SIGNALS | KR_EVAL_TRACE);
    if (other) {
        if (kr_eval_breaker_hook) return kr_eval_breaker_hook(ts, other);
        atomic_fetch_and(&ts->eval_breaker, ~other);
    }
    return 0;
}
