/* object.c - the base type `object` and the generic object protocol: repr/str/hash,
 * rich comparison with the reflected-operand rules, truth, attribute access through
 * descriptors and instance dicts, dir(), format() and isinstance()/issubclass(). */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "type_internal.h"

#define ID(s) kr_interned(s)

/* ===========================================================================
 * Attribute errors
 * ========================================================================= */

void kr_object_set_attribute_error(KrObject *obj, KrObject *name) {
    if (KR_TYPE_CHECK(obj))
        kr_err_format(kr_exc_AttributeError, "type object '%s' has no attribute '%U'",
                      ((KrType *)obj)->tp_name, name);
    else
        kr_err_format(kr_exc_AttributeError, "'%s' object has no attribute '%U'",
                      kr_type_name_cstr(KR_TYPE(obj)), name);
    KrObject *exc = kr_err_occurred();
    if (exc && KR_TYPE_IS(exc, kr_exc_AttributeError)) {
        KrAttributeError *ae = (KrAttributeError *)exc;
        KR_SETREF(ae->name, KR_NEWREF(name));
        KR_SETREF(ae->obj, KR_NEWREF(obj));
    }
}

static int check_attr_name(KrObject *name) {
    if (KR_STR_CHECK(name)) return 0;
    kr_err_format(kr_exc_TypeError, "attribute name must be string, not '%s'",
                  kr_type_name_cstr(KR_TYPE(name)));
    return -1;
}

/* ===========================================================================
 * repr / str / ascii
 * ========================================================================= */

KrObject *kr_object_repr(KrObject *o) {
    if (!o) return kr_str_from_cstr("<NULL>");
    KrType *t = KR_TYPE(o);
    if (!t->tp_repr) return kr_str_from_format("<%s object at %p>", t->tp_name, (void *)o);
    if (kr_enter_recursive_call(" while getting the repr of an object") < 0) return NULL;
    KrObject *r = t->tp_repr(o);
    kr_leave_recursive_call();
    if (r && !KR_STR_CHECK(r)) {
        kr_err_format(kr_exc_TypeError, "__repr__ returned non-string (type %s)",
                      kr_type_name_cstr(KR_TYPE(r)));
        KR_DECREF(r);
        return NULL;
    }
    return r;
}

KrObject *kr_object_str(KrObject *o) {
    if (!o) return kr_str_from_cstr("<NULL>");
    if (KR_STR_CHECK_EXACT(o)) return KR_NEWREF(o);
    KrType *t = KR_TYPE(o);
    if (!t->tp_str) return kr_object_repr(o);
    if (kr_enter_recursive_call(" while getting the str of an object") < 0) return NULL;
    KrObject *r = t->tp_str(o);
    kr_leave_recursive_call();
    if (r && !KR_STR_CHECK(r)) {
        kr_err_format(kr_exc_TypeError, "__str__ returned non-string (type %s)",
                      kr_type_name_cstr(KR_TYPE(r)));
        KR_DECREF(r);
        return NULL;
    }
    return r;
}

KrObject *kr_object_ascii(KrObject *o) {
    KrObject *r = kr_object_repr(o);
    if (!r || ((KrStr *)r)->ascii) return r;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_ssize n = kr_str_length(r);
    for (kr_ssize i = 0; i < n; i++) {
        uint32_t c = kr_str_char_at(r, i);
        char buf[16];
        int rc;
        if (c < 128) {
            rc = kr_strbuilder_append_codepoint(&b, c);
        } else {
            if (c < 0x100)
                snprintf(buf, sizeof buf, "\\x%02x", c);
            else if (c < 0x10000)
                snprintf(buf, sizeof buf, "\\u%04x", c);
            else
                snprintf(buf, sizeof buf, "\\U%08x", c);
            rc = kr_strbuilder_append_cstr(&b, buf);
        }
        if (rc < 0) {
            kr_strbuilder_discard(&b);
            KR_DECREF(r);
            return NULL;
        }
    }
    KR_DECREF(r);
    return kr_strbuilder_finish(&b);
}

/* ===========================================================================
 * Hashing
 * ========================================================================= */

/* CPython's pointer hash: rotate right by 4 so aligned addresses spread out. */
kr_hash kr_object_hash_pointer(const void *p) {
    uint64_t y = (uint64_t)(uintptr_t)p;
    y = (y >> 4) | (y << 60);
    kr_hash h = (kr_hash)y;
    return h == -1 ? -2 : h;
}

kr_hash kr_object_hash_not_implemented(KrObject *o) {
    kr_err_format(kr_exc_TypeError, "unhashable type: '%s'", kr_type_name_cstr(KR_TYPE(o)));
    return -1;
}

kr_hash kr_object_hash(KrObject *o) {
    KrType *t = KR_TYPE(o);
    if (t->tp_hash) return t->tp_hash(o);
    if (!kr_type_has_flag(t, KR_TPFLAGS_READY)) {
        if (kr_type_ready(t) < 0) return -1;
        if (t->tp_hash) return t->tp_hash(o);
    }
    return kr_object_hash_not_implemented(o);
}

static kr_hash object_hash(KrObject *o) { return kr_object_hash_pointer(o); }

/* ===========================================================================
 * Rich comparison
 * ========================================================================= */

static const int swapped_op[] = {KR_GT, KR_GE, KR_EQ, KR_NE, KR_LT, KR_LE};
static const char *const op_symbol[] = {"<", "<=", "==", "!=", ">", ">="};

KrObject *kr_object_default_richcompare(KrObject *a, KrObject *b, int op) {
    switch (op) {
    case KR_EQ:
        return KR_NEWREF(a == b ? kr_true : kr_notimplemented);
    case KR_NE: {
        /* __ne__ delegates to __eq__ and inverts it unless that is NotImplemented */
        kr_richcmpfunc f = KR_TYPE(a)->tp_richcompare;
        if (!f) return KR_NEWREF(kr_notimplemented);
        KrObject *r = f(a, b, KR_EQ);
        if (r && r != kr_notimplemented) {
            int ok = kr_object_is_true(r);
            KR_DECREF(r);
            if (ok < 0) return NULL;
            return KR_NEWREF(ok ? kr_false : kr_true);
        }
        return r;
    }
    default:
        return KR_NEWREF(kr_notimplemented);
    }
}

static KrObject *do_richcompare(KrObject *v, KrObject *w, int op) {
    kr_richcmpfunc f;
    KrObject *res;
    bool checked_reverse = false;
    KrType *tv = KR_TYPE(v), *tw = KR_TYPE(w);
    if (tv != tw && kr_type_is_subtype(tw, tv) && (f = tw->tp_richcompare) != NULL) {
        checked_reverse = true;
        res = f(w, v, swapped_op[op]);
        if (res != kr_notimplemented) return res;
        KR_DECREF(res);
    }
    if ((f = tv->tp_richcompare) != NULL) {
        res = f(v, w, op);
        if (res != kr_notimplemented) return res;
        KR_DECREF(res);
    }
    if (!checked_reverse && (f = tw->tp_richcompare) != NULL) {
        res = f(w, v, swapped_op[op]);
        if (res != kr_notimplemented) return res;
        KR_DECREF(res);
    }
    switch (op) {
    case KR_EQ:
        return KR_NEWREF(v == w ? kr_true : kr_false);
    case KR_NE:
        return KR_NEWREF(v != w ? kr_true : kr_false);
    default:
        return kr_err_format(kr_exc_TypeError,
                             "'%s' not supported between instances of '%s' and '%s'", op_symbol[op],
                             kr_type_name_cstr(tv), kr_type_name_cstr(tw));
    }
}

KrObject *kr_object_richcompare(KrObject *a, KrObject *b, int op) {
    if (op < KR_LT || op > KR_GE) {
        kr_err_bad_internal_call("kr_object_richcompare");
        return NULL;
    }
    if (kr_enter_recursive_call(" in comparison") < 0) return NULL;
    KrObject *r = do_richcompare(a, b, op);
    kr_leave_recursive_call();
    return r;
}

int kr_object_richcompare_bool(KrObject *a, KrObject *b, int op) {
    if (a == b) {
        if (op == KR_EQ) return 1;
        if (op == KR_NE) return 0;
    }
    KrObject *r = kr_object_richcompare(a, b, op);
    if (!r) return -1;
    int ok = (r == kr_true) ? 1 : (r == kr_false) ? 0 : kr_object_is_true(r);
    KR_DECREF(r);
    return ok;
}

/* ===========================================================================
 * Truth
 * ========================================================================= */

int kr_object_is_true(KrObject *o) {
    if (o == kr_true) return 1;
    if (o == kr_false || o == kr_none) return 0;
    KrType *t = KR_TYPE(o);
    kr_ssize n;
    if (t->tp_as_number && t->tp_as_number->nb_bool) return t->tp_as_number->nb_bool(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
        n = t->tp_as_mapping->mp_length(o);
    else if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
        n = t->tp_as_sequence->sq_length(o);
    else
        return 1;
    return n < 0 ? -1 : n > 0;
}

int kr_object_not(KrObject *o) {
    int r = kr_object_is_true(o);
    return r < 0 ? -1 : !r;
}

/* ===========================================================================
 * Attribute access
 * ========================================================================= */

KrObject *kr_object_getattr(KrObject *o, KrObject *name) {
    if (check_attr_name(name) < 0) return NULL;
    KrType *t = KR_TYPE(o);
    if (t->tp_getattro) return t->tp_getattro(o, name);
    kr_object_set_attribute_error(o, name);
    return NULL;
}

KrObject *kr_object_getattr_str(KrObject *o, const char *name) {
    KrObject *n = kr_str_intern_cstr(name);
    if (!n) return NULL;
    return kr_object_getattr(o, n);
}

int kr_object_lookup_attr(KrObject *o, KrObject *name, KrObject **result) {
    *result = NULL;
    if (check_attr_name(name) < 0) return -1;
    KrType *t = KR_TYPE(o);
    if (t->tp_getattro == kr_object_generic_getattr) {
        *result = kr_object_generic_getattr_ex(o, name, 1);
        if (*result) return 1;
        if (!kr_err_occurred()) return 0;
    } else if (t->tp_getattro) {
        *result = t->tp_getattro(o, name);
        if (*result) return 1;
    } else {
        return 0;
    }
    if (kr_err_matches(kr_exc_AttributeError)) {
        kr_err_clear();
        return 0;
    }
    return -1;
}

int kr_object_hasattr(KrObject *o, KrObject *name) {
    KrObject *r;
    int ok = kr_object_lookup_attr(o, name, &r);
    KR_XDECREF(r);
    return ok;
}

int kr_object_setattr(KrObject *o, KrObject *name, KrObject *value) {
    if (check_attr_name(name) < 0) return -1;
    KrType *t = KR_TYPE(o);
    if (KR_STR_CHECK_EXACT(name)) {
        KR_INCREF(name);
        name = kr_str_intern(name);
    } else {
        KR_INCREF(name);
    }
    int r;
    if (t->tp_setattro) {
        r = t->tp_setattro(o, name, value);
    } else {
        if (!t->tp_getattro)
            kr_err_format(kr_exc_TypeError, "'%s' object has no attributes (%s .%U)",
                          kr_type_name_cstr(t), value ? "assign to" : "del", name);
        else
            kr_err_format(kr_exc_TypeError, "'%s' object has only read-only attributes (%s .%U)",
                          kr_type_name_cstr(t), value ? "assign to" : "del", name);
        r = -1;
    }
    KR_DECREF(name);
    return r;
}

int kr_object_setattr_str(KrObject *o, const char *name, KrObject *value) {
    KrObject *n = kr_str_intern_cstr(name);
    if (!n) return -1;
    return kr_object_setattr(o, n, value);
}

/* object.__getattribute__: data descriptors on the type win over the instance dict,
 * which wins over non-data descriptors and plain class attributes. With `suppress`
 * a missing attribute returns NULL without raising (hasattr / getattr defaults). */
KrObject *kr_object_generic_getattr_ex(KrObject *o, KrObject *name, int suppress) {
    if (!KR_STR_CHECK(name)) {
        check_attr_name(name);
        return NULL;
    }
    KrType *t = KR_TYPE(o);
    KrObject *descr = kr_type_lookup(t, name);
    kr_descrgetfunc f = NULL;
    if (descr) {
        KR_INCREF(descr);
        f = KR_TYPE(descr)->tp_descr_get;
        if (f && KR_TYPE(descr)->tp_descr_set) {
            KrObject *r = f(descr, o, (KrObject *)t);
            KR_DECREF(descr);
            return r;
        }
    }
    KrObject **dictptr = kr_object_dictptr_any(o);
    if (dictptr && *dictptr) {
        KrObject *dict = *dictptr;
        KrObject *r = kr_dict_get_item(dict, name);
        if (r) {
            KR_INCREF(r);
            KR_XDECREF(descr);
            return r;
        }
        if (kr_err_occurred()) {
            KR_XDECREF(descr);
            return NULL;
        }
    }
    if (f) {
        KrObject *r = f(descr, o, (KrObject *)t);
        KR_DECREF(descr);
        return r;
    }
    if (descr) return descr;
    if (!suppress) kr_object_set_attribute_error(o, name);
    return NULL;
}

KrObject *kr_object_generic_getattr(KrObject *o, KrObject *name) {
    return kr_object_generic_getattr_ex(o, name, 0);
}

int kr_object_generic_setattr(KrObject *o, KrObject *name, KrObject *value) {
    if (check_attr_name(name) < 0) return -1;
    KrType *t = KR_TYPE(o);
    KrObject *descr = kr_type_lookup(t, name);
    if (descr) {
        kr_descrsetfunc f = KR_TYPE(descr)->tp_descr_set;
        if (f) {
            KR_INCREF(descr);
            int r = f(descr, o, value);
            KR_DECREF(descr);
            return r;
        }
    }
    KrObject **dictptr = kr_object_dictptr_any(o);
    if (!dictptr) {
        if (descr)
            kr_err_format(kr_exc_AttributeError, "'%s' object attribute '%U' is read-only",
                          kr_type_name_cstr(t), name);
        else
            kr_object_set_attribute_error(o, name);
        return -1;
    }
    if (!*dictptr) {
        if (!value) {
            kr_object_set_attribute_error(o, name);
            return -1;
        }
        *dictptr = kr_dict_new();
        if (!*dictptr) return -1;
    }
    KrObject *dict = *dictptr;
    if (value) return kr_dict_set_item(dict, name, value);
    KR_INCREF(dict);
    int r = kr_dict_del_item(dict, name);
    KR_DECREF(dict);
    if (r < 0 && kr_err_matches(kr_exc_KeyError)) {
        kr_err_clear();
        kr_object_set_attribute_error(o, name);
    }
    return r;
}

/* Method lookup without creating a bound method when the attribute resolves to a
 * plain function or method descriptor on the type. */
int kr_object_get_method(KrObject *obj, KrObject *name, KrObject **method) {
    KrType *t = KR_TYPE(obj);
    *method = NULL;
    if (t->tp_getattro != kr_object_generic_getattr || !KR_STR_CHECK(name)) {
        *method = kr_object_getattr(obj, name);
        return *method ? 0 : -1;
    }
    KrObject *descr = kr_type_lookup(t, name);
    kr_descrgetfunc f = NULL;
    bool meth_found = false;
    if (descr) {
        KR_INCREF(descr);
        if (kr_type_has_flag(KR_TYPE(descr), KR_TPFLAGS_METHOD_DESCRIPTOR)) {
            meth_found = true;
        } else {
            f = KR_TYPE(descr)->tp_descr_get;
            if (f && KR_TYPE(descr)->tp_descr_set) {
                *method = f(descr, obj, (KrObject *)t);
                KR_DECREF(descr);
                return *method ? 0 : -1;
            }
        }
    }
    KrObject **dictptr = kr_object_dictptr_any(obj);
    if (dictptr && *dictptr) {
        KrObject *r = kr_dict_get_item(*dictptr, name);
        if (r) {
            *method = KR_NEWREF(r);
            KR_XDECREF(descr);
            return 0;
        }
        if (kr_err_occurred()) {
            KR_XDECREF(descr);
            return -1;
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (f) {
        *method = f(descr, obj, (KrObject *)t);
        KR_DECREF(descr);
        return *method ? 0 : -1;
    }
    if (descr) {
        *method = descr;
        return 0;
    }
    kr_object_set_attribute_error(obj, name);
    return -1;
}

/* ===========================================================================
 * dir() and format()
 * ========================================================================= */

/* Adds the attribute names of a class and (recursively) its bases to dict. */
static int merge_class_dict(KrObject *dict, KrObject *cls) {
    KrObject *classdict, *bases;
    int r = kr_object_lookup_attr(cls, ID("__dict__"), &classdict);
    if (r < 0) return -1;
    if (r > 0) {
        r = kr_dict_update(dict, classdict);
        KR_DECREF(classdict);
        if (r < 0) return -1;
    }
    r = kr_object_lookup_attr(cls, ID("__bases__"), &bases);
    if (r < 0) return -1;
    if (r > 0) {
        if (KR_TUPLE_CHECK(bases)) {
            for (kr_ssize i = 0; i < KR_SIZE(bases); i++) {
                if (kr_enter_recursive_call(" in dir()") < 0) {
                    KR_DECREF(bases);
                    return -1;
                }
                r = merge_class_dict(dict, KR_TUPLE_ITEM(bases, i));
                kr_leave_recursive_call();
                if (r < 0) {
                    KR_DECREF(bases);
                    return -1;
                }
            }
        }
        KR_DECREF(bases);
    }
    return 0;
}

KrObject *kr_type_dir_list(KrObject *type); /* type.c's __dir__ helper */

static KrObject *object_dir(KrObject *self, KrObject *unused) {
    KrObject *dict, *cls;
    int r = kr_object_lookup_attr(self, ID("__dict__"), &dict);
    if (r < 0) return NULL;
    if (!dict || !KR_DICT_CHECK(dict)) {
        KR_XDECREF(dict);
        dict = kr_dict_new();
    } else {
        KrObject *copy = kr_dict_copy(dict);
        KR_DECREF(dict);
        dict = copy;
    }
    if (!dict) return NULL;
    r = kr_object_lookup_attr(self, ID("__class__"), &cls);
    if (r < 0 || (r > 0 && merge_class_dict(dict, cls) < 0)) {
        KR_XDECREF(cls);
        KR_DECREF(dict);
        return NULL;
    }
    KR_XDECREF(cls);
    KrObject *res = kr_dict_keys_list(dict);
    KR_DECREF(dict);
    return res;
}

KrObject *kr_object_dir(KrObject *o) {
    KrObject *res;
    if (!o) {
        KrObject *locals = kr_eval_get_locals();
        if (!locals) {
            if (!kr_err_occurred()) kr_err_set_string(kr_exc_SystemError, "frame does not exist");
            return NULL;
        }
        if (KR_DICT_CHECK(locals)) {
            res = kr_dict_keys_list(locals);
        } else {
            KrObject *keys = kr_call_method(locals, "keys", NULL, 0);
            res = keys ? kr_list_from_iterable(keys) : NULL;
            KR_XDECREF(keys);
        }
        KR_DECREF(locals);
    } else {
        int found;
        KrObject *r = kr_call_special(o, ID("__dir__"), NULL, 0, &found);
        if (!r) {
            if (!found && !kr_err_occurred())
                kr_err_set_string(kr_exc_TypeError, "object does not provide __dir__");
            return NULL;
        }
        res = kr_list_from_iterable(r);
        KR_DECREF(r);
    }
    if (res && kr_list_sort(res, NULL, false) < 0) KR_CLEAR(res);
    return res;
}

KrObject *kr_object_format(KrObject *o, KrObject *spec) {
    if (spec && !KR_STR_CHECK(spec))
        return kr_err_format(kr_exc_SystemError, "Format specifier must be a string, not %s",
                             kr_type_name_cstr(KR_TYPE(spec)));
    bool empty = !spec || kr_str_size(spec) == 0;
    if (empty && KR_STR_CHECK_EXACT(o)) return KR_NEWREF(o);
    KrObject *s = spec ? spec : kr_interned("");
    int found;
    KrObject *r = kr_call_special(o, ID("__format__"), &s, 1, &found);
    if (!r) {
        if (!found && !kr_err_occurred())
            kr_err_format(kr_exc_TypeError, "Type %s doesn't define __format__",
                          kr_type_name_cstr(KR_TYPE(o)));
        return NULL;
    }
    if (!KR_STR_CHECK(r)) {
        kr_err_format(kr_exc_TypeError, "__format__ must return a str, not %s",
                      kr_type_name_cstr(KR_TYPE(r)));
        KR_DECREF(r);
        return NULL;
    }
    return r;
}

/* ===========================================================================
 * isinstance / issubclass
 * ========================================================================= */

/* An object counts as a class for isinstance when it has a tuple __bases__. */
static int check_class(KrObject *cls, const char *error) {
    KrObject *bases;
    int r = kr_object_lookup_attr(cls, ID("__bases__"), &bases);
    if (r > 0 && !KR_TUPLE_CHECK(bases)) r = 0;
    KR_XDECREF(bases);
    if (r == 0) kr_err_set_string(kr_exc_TypeError, error);
    return r;
}

static int abstract_issubclass(KrObject *derived, KrObject *cls) {
    KrObject *held = NULL; /* keeps a single base alive while walking up */
    int res = 0;
    for (;;) {
        if (derived == cls) {
            res = 1;
            break;
        }
        KrObject *bases;
        int r = kr_object_lookup_attr(derived, ID("__bases__"), &bases);
        if (r <= 0) {
            res = r;
            break;
        }
        if (!KR_TUPLE_CHECK(bases) || KR_SIZE(bases) == 0) {
            KR_DECREF(bases);
            break;
        }
        if (KR_SIZE(bases) == 1) {
            derived = KR_TUPLE_ITEM(bases, 0);
            KR_XDECREF(held);
            held = bases;
            continue;
        }
        for (kr_ssize i = 0; i < KR_SIZE(bases) && res == 0; i++) {
            if (kr_enter_recursive_call(" in __issubclass__") < 0) {
                res = -1;
                break;
            }
            res = abstract_issubclass(KR_TUPLE_ITEM(bases, i), cls);
            kr_leave_recursive_call();
        }
        KR_DECREF(bases);
        break;
    }
    KR_XDECREF(held);
    return res;
}

static KrObject *object_class_descr(void);

/* Looks `__class__` up on inst unless it certainly is type(inst). */
static int inst_class(KrObject *inst, KrObject **cls) {
    KrType *t = KR_TYPE(inst);
    if (t->tp_getattro == kr_object_generic_getattr &&
        kr_type_lookup(t, ID("__class__")) == object_class_descr()) {
        *cls = NULL;
        return 0;
    }
    return kr_object_lookup_attr(inst, ID("__class__"), cls);
}

static int object_isinstance(KrObject *inst, KrObject *cls) {
    if (KR_TYPE_CHECK(cls)) {
        if (kr_object_type_is_sub(KR_TYPE(inst), (KrType *)cls)) return 1;
        KrObject *c;
        int r = inst_class(inst, &c);
        if (r <= 0) return r;
        int res = 0;
        if (c != (KrObject *)KR_TYPE(inst) && KR_TYPE_CHECK(c))
            res = kr_type_is_subtype((KrType *)c, (KrType *)cls);
        KR_DECREF(c);
        return res;
    }
    if (check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union") <= 0)
        return -1;
    KrObject *icls;
    int r = kr_object_lookup_attr(inst, ID("__class__"), &icls);
    if (r <= 0) return r;
    r = abstract_issubclass(icls, cls);
    KR_DECREF(icls);
    return r;
}

/* Looks a special method up on type(o) and binds it; NULL without error if absent. */
static KrObject *lookup_special(KrObject *o, KrObject *name) {
    KrObject *d = kr_type_lookup(KR_TYPE(o), name);
    if (!d) return NULL;
    kr_descrgetfunc f = KR_TYPE(d)->tp_descr_get;
    if (f) return f(d, o, (KrObject *)KR_TYPE(o));
    return KR_NEWREF(d);
}

static KrObject *union_args(KrObject *cls); /* types.UnionType support (union.c) */

int kr_object_isinstance(KrObject *inst, KrObject *cls) {
    if ((KrObject *)KR_TYPE(inst) == cls) return 1;
    if (KR_TYPE(cls) == &kr_type_type) return object_isinstance(inst, cls);
    KrObject *args = union_args(cls);
    if (args) cls = args;
    if (KR_TUPLE_CHECK(cls)) {
        if (kr_enter_recursive_call(" in __instancecheck__") < 0) return -1;
        int r = 0;
        for (kr_ssize i = 0; i < KR_SIZE(cls) && r == 0; i++)
            r = kr_object_isinstance(inst, KR_TUPLE_ITEM(cls, i));
        kr_leave_recursive_call();
        return r;
    }
    KrObject *checker = lookup_special(cls, ID("__instancecheck__"));
    if (checker) {
        if (kr_enter_recursive_call(" in __instancecheck__") < 0) {
            KR_DECREF(checker);
            return -1;
        }
        KrObject *res = kr_call_one(checker, inst);
        kr_leave_recursive_call();
        KR_DECREF(checker);
        if (!res) return -1;
        int ok = kr_object_is_true(res);
        KR_DECREF(res);
        return ok;
    }
    if (kr_err_occurred()) return -1;
    return object_isinstance(inst, cls);
}

static int recursive_issubclass(KrObject *derived, KrObject *cls) {
    if (KR_TYPE_CHECK(cls) && KR_TYPE_CHECK(derived))
        return kr_type_is_subtype((KrType *)derived, (KrType *)cls);
    if (check_class(derived, "issubclass() arg 1 must be a class") <= 0) return -1;
    if (!union_args(cls) &&
        check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union") <= 0)
        return -1;
    return abstract_issubclass(derived, cls);
}

int kr_object_issubclass(KrObject *derived, KrObject *cls) {
    if (KR_TYPE(cls) == &kr_type_type) {
        if (derived == cls) return 1;
        return recursive_issubclass(derived, cls);
    }
    KrObject *args = union_args(cls);
    if (args) cls = args;
    if (KR_TUPLE_CHECK(cls)) {
        if (kr_enter_recursive_call(" in __subclasscheck__") < 0) return -1;
        int r = 0;
        for (kr_ssize i = 0; i < KR_SIZE(cls) && r == 0; i++)
            r = kr_object_issubclass(derived, KR_TUPLE_ITEM(cls, i));
        kr_leave_recursive_call();
        return r;
    }
    KrObject *checker = lookup_special(cls, ID("__subclasscheck__"));
    if (checker) {
        if (kr_enter_recursive_call(" in __subclasscheck__") < 0) {
            KR_DECREF(checker);
            return -1;
        }
        KrObject *res = kr_call_one(checker, derived);
        kr_leave_recursive_call();
        KR_DECREF(checker);
        if (!res) return -1;
        int ok = kr_object_is_true(res);
        KR_DECREF(res);
        return ok;
    }
    if (kr_err_occurred()) return -1;
    return recursive_issubclass(derived, cls);
}

static KrObject *union_args(KrObject *cls) { return kr_union_args(cls); }

/* ===========================================================================
 * The `object` type
 * ========================================================================= */

static void object_dealloc(KrObject *self) { kr_object_free(self); }

static KrObject *object_repr(KrObject *self) {
    KrType *t = KR_TYPE(self);
    KrObject *mod = kr_type_module(t);
    if (!mod) {
        kr_err_clear();
    } else if (KR_STR_CHECK(mod) && !kr_str_eq_cstr(mod, "builtins")) {
        KrObject *qn = kr_type_qualname(t);
        if (!qn) {
            KR_DECREF(mod);
            return NULL;
        }
        KrObject *r = kr_str_from_format("<%U.%U object at %p>", mod, qn, (void *)self);
        KR_DECREF(qn);
        KR_DECREF(mod);
        return r;
    }
    KR_XDECREF(mod);
    return kr_str_from_format("<%s object at %p>", t->tp_name, (void *)self);
}

static KrObject *object_str(KrObject *self) {
    kr_unaryfunc f = KR_TYPE(self)->tp_repr;
    if (!f) f = object_repr;
    return f(self);
}

static bool excess_args(KrObject *args, KrObject *kwargs) {
    return (args && KR_SIZE(args) > 0) ||
           (kwargs && KR_DICT_CHECK(kwargs) && kr_dict_size(kwargs) > 0);
}

int kr_object_default_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KrType *t = KR_TYPE(self);
    if (excess_args(args, kwargs)) {
        if (t->tp_init != kr_object_default_init) {
            kr_err_set_string(kr_exc_TypeError, "object.__init__() takes exactly one argument "
                                                "(the instance to initialize)");
            return -1;
        }
        if (t->tp_new == kr_object_default_new) {
            kr_err_format(kr_exc_TypeError,
                          "%s.__init__() takes exactly one argument (the instance to initialize)",
                          kr_type_name_cstr(t));
            return -1;
        }
    }
    return 0;
}

/* "Can't instantiate abstract class A with abstract methods f, g" (3.11 wording). */
static KrObject *abstract_error(KrType *t) {
    KrObject *am = kr_object_getattr((KrObject *)t, ID("__abstractmethods__"));
    if (!am) return NULL;
    KrObject *sorted = kr_list_from_iterable(am);
    KR_DECREF(am);
    if (!sorted) return NULL;
    if (kr_list_sort(sorted, NULL, false) < 0) {
        KR_DECREF(sorted);
        return NULL;
    }
    KrObject *joined = kr_str_join(kr_interned(", "), sorted);
    kr_ssize n = KR_SIZE(sorted);
    KR_DECREF(sorted);
    if (!joined) return NULL;
    kr_err_format(kr_exc_TypeError, "Can't instantiate abstract class %s with abstract method%s %U",
                  kr_type_name_cstr(t), n > 1 ? "s" : "", joined);
    KR_DECREF(joined);
    return NULL;
}

KrObject *kr_object_default_new(KrType *t, KrObject *args, KrObject *kwargs) {
    if (excess_args(args, kwargs)) {
        if (t->tp_new != kr_object_default_new)
            return kr_err_format(kr_exc_TypeError, "object.__new__() takes exactly one argument "
                                                   "(the type to instantiate)");
        if (t->tp_init == kr_object_default_init)
            return kr_err_format(kr_exc_TypeError, "%s() takes no arguments", kr_type_name_cstr(t));
    }
    if (kr_type_has_flag(t, KR_TPFLAGS_ABSTRACT)) return abstract_error(t);
    return kr_type_generic_alloc(t, 0);
}

static KrObject *object_init_subclass(KrObject *cls, KrObject *unused) { return kr_none; }

static KrObject *object_subclasshook(KrObject *cls, KrObject *const *args, kr_ssize nargs,
                                     KrObject *kwnames) {
    return KR_NEWREF(kr_notimplemented);
}

static KrObject *object_format(KrObject *self, KrObject *spec) {
    if (!KR_STR_CHECK(spec))
        return kr_err_format(kr_exc_TypeError, "__format__() argument must be str, not %s",
                             kr_type_name_cstr(KR_TYPE(spec)));
    if (kr_str_size(spec) > 0)
        return kr_err_format(kr_exc_TypeError, "unsupported format string passed to %s.__format__",
                             kr_type_name_cstr(KR_TYPE(self)));
    return kr_object_str(self);
}

static KrObject *object_sizeof(KrObject *self, KrObject *unused) {
    KrType *t = KR_TYPE(self);
    kr_ssize size = t->tp_basicsize;
    if (t->tp_itemsize) {
        kr_ssize n = KR_SIZE(self);
        size += (n < 0 ? -n : n) * t->tp_itemsize;
    }
    return kr_int_from_ssize(size);
}

/* Names of the __slots__ of cls and its bases, for __getstate__. */
static int collect_slot_state(KrObject *self, KrObject **state) {
    KrObject *slots = NULL;
    KrObject *mro = KR_TYPE(self)->tp_mro;
    if (!mro) return 0;
    for (kr_ssize i = 0; i < KR_SIZE(mro); i++) {
        KrType *b = (KrType *)KR_TUPLE_ITEM(mro, i);
        if (!KR_IS_HEAPTYPE(b) || !KR_HEAPTYPE(b)->members) continue;
        for (KrMemberDef *m = KR_HEAPTYPE(b)->members; m->name; m++) {
            KrObject *v = *(KrObject **)((char *)self + m->offset);
            if (!v) continue;
            if (!slots && !(slots = kr_dict_new())) return -1;
            if (kr_dict_set_item_str(slots, m->name, v) < 0) {
                KR_DECREF(slots);
                return -1;
            }
        }
    }
    if (slots) {
        KrObject *pair = kr_tuple_pack(2, *state, slots);
        KR_DECREF(slots);
        if (!pair) return -1;
        KR_SETREF(*state, pair);
    }
    return 0;
}

static KrObject *object_getstate_impl(KrObject *self, bool required) {
    KrType *t = KR_TYPE(self);
    if (required && t->tp_itemsize)
        return kr_err_format(kr_exc_TypeError, "cannot pickle '%s' object", kr_type_name_cstr(t));
    KrObject **dp = kr_object_dictptr_any(self);
    KrObject *state;
    if (dp && *dp && kr_dict_size(*dp) > 0)
        state = kr_dict_copy(*dp);
    else
        state = KR_NEWREF(kr_none);
    if (!state) return NULL;
    if (collect_slot_state(self, &state) < 0) {
        KR_DECREF(state);
        return NULL;
    }
    return state;
}

static KrObject *object_getstate(KrObject *self, KrObject *unused) {
    return object_getstate_impl(self, false);
}

static KrObject *copyreg_attr(const char *name) {
    KrObject *mod = kr_import_module("copyreg");
    if (!mod) return NULL;
    KrObject *r = kr_object_getattr_str(mod, name);
    KR_DECREF(mod);
    return r;
}

/* The protocol-2 reduction: (copyreg.__newobj__, (cls, *newargs), state, listitems, dictitems) */
static KrObject *reduce_newobj(KrObject *self) {
    KrType *t = KR_TYPE(self);
    if (!t->tp_new)
        return kr_err_format(kr_exc_TypeError, "cannot pickle '%s' object", kr_type_name_cstr(t));
    KrObject *newargs = NULL;
    int found;
    KrObject *gna = kr_call_special(self, ID("__getnewargs__"), NULL, 0, &found);
    if (!gna && kr_err_occurred()) return NULL;
    if (gna) {
        if (!KR_TUPLE_CHECK(gna)) {
            kr_err_format(kr_exc_TypeError, "__getnewargs__ should return a tuple, not '%s'",
                          kr_type_name_cstr(KR_TYPE(gna)));
            KR_DECREF(gna);
            return NULL;
        }
        newargs = gna;
    }
    KrObject *newobj = copyreg_attr("__newobj__");
    if (!newobj) {
        KR_XDECREF(newargs);
        return NULL;
    }
    kr_ssize n = newargs ? KR_SIZE(newargs) : 0;
    KrObject *args = kr_tuple_new(n + 1);
    if (!args) goto fail;
    KR_TUPLE_ITEM(args, 0) = KR_NEWREF(t);
    for (kr_ssize i = 0; i < n; i++)
        KR_TUPLE_ITEM(args, i + 1) = KR_NEWREF(KR_TUPLE_ITEM(newargs, i));
    KrObject *state = kr_call_method(self, "__getstate__", NULL, 0);
    if (!state) {
        KR_DECREF(args);
        goto fail;
    }
    KrObject *listitems = kr_none, *dictitems = kr_none;
    KR_INCREF(listitems);
    KR_INCREF(dictitems);
    if (KR_LIST_CHECK(self)) KR_SETREF(listitems, kr_object_get_iter(self));
    if (listitems && KR_DICT_CHECK(self)) {
        KrObject *items = kr_call_method(self, "items", NULL, 0);
        KR_SETREF(dictitems, items ? kr_object_get_iter(items) : NULL);
        KR_XDECREF(items);
    }
    KrObject *res = NULL;
    if (listitems && dictitems) res = kr_tuple_pack(5, newobj, args, state, listitems, dictitems);
    KR_XDECREF(listitems);
    KR_XDECREF(dictitems);
    KR_DECREF(state);
    KR_DECREF(args);
    KR_DECREF(newobj);
    KR_XDECREF(newargs);
    return res;
fail:
    KR_DECREF(newobj);
    KR_XDECREF(newargs);
    return NULL;
}

static KrObject *common_reduce(KrObject *self, int proto) {
    if (proto >= 2) return reduce_newobj(self);
    KrObject *f = copyreg_attr("_reduce_ex");
    if (!f) return NULL;
    KrObject *p = kr_int_from_i64(proto);
    KrObject *args[2] = {self, p};
    KrObject *r = p ? kr_vectorcall(f, args, 2, NULL) : NULL;
    KR_XDECREF(p);
    KR_DECREF(f);
    return r;
}

static KrObject *object_reduce(KrObject *self, KrObject *unused) { return common_reduce(self, 0); }

static KrObject *object_reduce_ex(KrObject *self, KrObject *protocol) {
    int64_t proto = kr_int_as_i64(protocol);
    if (proto == -1 && kr_err_occurred()) return NULL;
    KrObject *reduce;
    int r = kr_object_lookup_attr(self, ID("__reduce__"), &reduce);
    if (r < 0) return NULL;
    if (r > 0) {
        KrObject *cls_reduce = kr_type_lookup(KR_TYPE(self), ID("__reduce__"));
        KrObject *obj_reduce = kr_dict_get_item_str(kr_object_type.tp_dict, "__reduce__");
        if (cls_reduce && cls_reduce != obj_reduce) {
            KrObject *res = kr_call_noargs(reduce);
            KR_DECREF(reduce);
            return res;
        }
        KR_DECREF(reduce);
    }
    return common_reduce(self, (int)proto);
}

static KrObject *object_get_class(KrObject *self, void *c) { return KR_NEWREF(KR_TYPE(self)); }

/* Classes can be swapped only between mutable types with the same layout. */
static bool compatible_layout(KrType *a, KrType *b) {
    if (a->tp_basicsize != b->tp_basicsize || a->tp_itemsize != b->tp_itemsize ||
        a->tp_dictoffset != b->tp_dictoffset || a->tp_weaklistoffset != b->tp_weaklistoffset ||
        kr_type_has_flag(a, KR_TPFLAGS_HAVE_GC) != kr_type_has_flag(b, KR_TPFLAGS_HAVE_GC))
        return false;
    /* the first static base fixes the C layout */
    KrType *sa = a, *sb = b;
    while (KR_IS_HEAPTYPE(sa))
        sa = sa->tp_base;
    while (KR_IS_HEAPTYPE(sb))
        sb = sb->tp_base;
    if (sa != sb) return false;
    KrObject *slots_a = KR_IS_HEAPTYPE(a) ? KR_HEAPTYPE(a)->slots : NULL;
    KrObject *slots_b = KR_IS_HEAPTYPE(b) ? KR_HEAPTYPE(b)->slots : NULL;
    if (!slots_a || !slots_b)
        return slots_a == slots_b || (!slots_a && !KR_SIZE(slots_b)) ||
               (!slots_b && !KR_SIZE(slots_a));
    int eq = kr_object_richcompare_bool(slots_a, slots_b, KR_EQ);
    if (eq < 0) kr_err_clear();
    return eq == 1;
}

static int object_set_class(KrObject *self, KrObject *value, void *c) {
    if (!value) {
        kr_err_set_string(kr_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!KR_TYPE_CHECK(value)) {
        kr_err_format(kr_exc_TypeError, "__class__ must be set to a class, not '%s' object",
                      kr_type_name_cstr(KR_TYPE(value)));
        return -1;
    }
    KrType *newto = (KrType *)value, *oldto = KR_TYPE(self);
    bool mutable_new = KR_IS_HEAPTYPE(newto) && !kr_type_has_flag(newto, KR_TPFLAGS_IMMUTABLETYPE);
    bool mutable_old = KR_IS_HEAPTYPE(oldto) && !kr_type_has_flag(oldto, KR_TPFLAGS_IMMUTABLETYPE);
    bool modules = kr_object_type_is_sub(newto, &kr_module_type) &&
                   kr_object_type_is_sub(oldto, &kr_module_type);
    if (!(mutable_new && mutable_old) && !modules) {
        kr_err_set_string(kr_exc_TypeError,
                          "__class__ assignment only supported for mutable types or ModuleType "
                          "subclasses");
        return -1;
    }
    if (!compatible_layout(oldto, newto)) {
        kr_err_format(kr_exc_TypeError,
                      "__class__ assignment: '%s' object layout differs from '%s'",
                      kr_type_name_cstr(newto), kr_type_name_cstr(oldto));
        return -1;
    }
    if (KR_IS_HEAPTYPE(newto)) KR_INCREF(newto);
    kr_object_set_type(self, newto);
    if (KR_IS_HEAPTYPE(oldto)) KR_DECREF(oldto);
    return 0;
}

static KrMethodDef object_methods[] = {
    {"__reduce_ex__", (void *)object_reduce_ex, KR_METH_O, "Helper for pickle."},
    {"__reduce__", (void *)object_reduce, KR_METH_NOARGS, "Helper for pickle."},
    {"__getstate__", (void *)object_getstate, KR_METH_NOARGS, "Helper for pickle."},
    {"__subclasshook__", (void *)object_subclasshook,
     KR_METH_CLASS | KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Abstract classes can override this to customize issubclass()."},
    {"__init_subclass__", (void *)object_init_subclass, KR_METH_CLASS | KR_METH_NOARGS,
     "This method is called when a class is subclassed."},
    {"__format__", (void *)object_format, KR_METH_O, "Default object formatter."},
    {"__sizeof__", (void *)object_sizeof, KR_METH_NOARGS, "Size of object in memory, in bytes."},
    {"__dir__", (void *)object_dir, KR_METH_NOARGS, "Default dir() implementation."},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_object_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "object",
    .tp_basicsize = sizeof(KrObject),
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_hash = object_hash,
    .tp_str = object_str,
    .tp_getattro = kr_object_generic_getattr,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = kr_object_default_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
    .tp_init = kr_object_default_init,
    .tp_new = kr_object_default_new,
};

static KrObject *object_class_descr(void) {
    static KrObject *cached;
    if (!cached && kr_object_type.tp_dict)
        cached = kr_dict_get_item_str(kr_object_type.tp_dict, "__class__");
    return cached;
}
