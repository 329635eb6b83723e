/* abstract_seq.c - the generic container protocol: subscripts (get/set/del), len(),
 * `in`, iter() and next(), with CPython's dispatch order between the mapping and
 * sequence slots and its error messages; plus small helpers the container types
 * share (length hints, calling a type from vectorcall arguments, GenericAlias). */
#include "objects/containers.h"

/* ===========================================================================
 * Subscripts
 * ========================================================================= */

KrObject *kr_object_get_item(KrObject *o, KrObject *key) {
    KrType *t = KR_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
        return t->tp_as_mapping->mp_subscript(o, key);
    KrSequenceMethods *sq = t->tp_as_sequence;
    if (sq && sq->sq_item) {
        if (kr_index_check(key)) {
            kr_ssize i = kr_number_as_ssize(key, kr_exc_IndexError);
            if (i == -1 && kr_err_occurred()) return NULL;
            if (i < 0 && sq->sq_length) {
                kr_ssize n = sq->sq_length(o);
                if (n < 0) return NULL;
                i += n;
            }
            return sq->sq_item(o, i);
        }
        return kr_err_format(kr_exc_TypeError, "sequence index must be integer, not '%T'", key);
    }
    if (KR_TYPE_CHECK(o)) {
        if (o == (KrObject *)&kr_type_type) return kr_generic_alias(o, key);
        KrObject *meth;
        int r = kr_object_lookup_attr(o, kr_str_intern_cstr("__class_getitem__"), &meth);
        if (r < 0) return NULL;
        if (r > 0) {
            KrObject *res = kr_call_one(meth, key);
            KR_DECREF(meth);
            return res;
        }
        return kr_err_format(kr_exc_TypeError, "type '%s' is not subscriptable",
                             kr_type_name_cstr((KrType *)o));
    }
    return kr_err_format(kr_exc_TypeError, "'%T' object is not subscriptable", o);
}

KrObject *kr_object_seq_get_item(KrObject *o, kr_ssize i) {
    KrSequenceMethods *sq = KR_TYPE(o)->tp_as_sequence;
    if (sq && sq->sq_item) return sq->sq_item(o, i);
    KrObject *key = kr_int_from_ssize(i);
    if (!key) return NULL;
    KrObject *r = kr_object_get_item(o, key);
    KR_DECREF(key);
    return r;
}

/* PySequence_SetItem / DelItem: the index is normalised here. value NULL deletes. */
static int seq_ass_item(KrObject *o, KrObject *key, KrObject *value) {
    KrType *t = KR_TYPE(o);
    kr_ssize i = kr_number_as_ssize(key, kr_exc_IndexError);
    if (i == -1 && kr_err_occurred()) return -1;
    KrSequenceMethods *sq = t->tp_as_sequence;
    if (sq && sq->sq_ass_item) {
        if (i < 0 && sq->sq_length) {
            kr_ssize n = sq->sq_length(o);
            if (n < 0) return -1;
            i += n;
        }
        return sq->sq_ass_item(o, i, value);
    }
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript) {
        kr_err_format(kr_exc_TypeError, "%T is not a sequence", o);
        return -1;
    }
    if (value)
        kr_err_format(kr_exc_TypeError, "'%T' object does not support item assignment", o);
    else
        kr_err_format(kr_exc_TypeError, "'%T' object doesn't support item deletion", o);
    return -1;
}

int kr_object_set_item(KrObject *o, KrObject *key, KrObject *value) {
    KrType *t = KR_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        return t->tp_as_mapping->mp_ass_subscript(o, key, value);
    if (t->tp_as_sequence) {
        if (kr_index_check(key)) return seq_ass_item(o, key, value);
        if (t->tp_as_sequence->sq_ass_item) {
            kr_err_format(kr_exc_TypeError, "sequence index must be integer, not '%T'", key);
            return -1;
        }
    }
    kr_err_format(kr_exc_TypeError, "'%T' object does not support item assignment", o);
    return -1;
}

int kr_object_del_item(KrObject *o, KrObject *key) {
    KrType *t = KR_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        return t->tp_as_mapping->mp_ass_subscript(o, key, NULL);
    if (t->tp_as_sequence) {
        if (kr_index_check(key)) return seq_ass_item(o, key, NULL);
        if (t->tp_as_sequence->sq_ass_item) {
            kr_err_format(kr_exc_TypeError, "sequence index must be integer, not '%T'", key);
            return -1;
        }
    }
    kr_err_format(kr_exc_TypeError, "'%T' object does not support item deletion", o);
    return -1;
}

/* ===========================================================================
 * len() and `in`
 * ========================================================================= */

kr_ssize kr_object_length(KrObject *o) {
    KrType *t = KR_TYPE(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_length) return t->tp_as_sequence->sq_length(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length) return t->tp_as_mapping->mp_length(o);
    kr_err_format(kr_exc_TypeError, "object of type '%T' has no len()", o);
    return -1;
}

int kr_object_contains(KrObject *container, KrObject *item) {
    KrSequenceMethods *sq = KR_TYPE(container)->tp_as_sequence;
    if (sq && sq->sq_contains) return sq->sq_contains(container, item);
    KrObject *it = kr_object_get_iter(container);
    if (!it) {
        if (kr_err_matches(kr_exc_TypeError)) {
            kr_err_clear();
            kr_err_format(kr_exc_TypeError, "argument of type '%T' is not iterable", container);
        }
        return -1;
    }
    KrObject *x;
    while ((x = kr_iter_next(it)) != NULL) {
        int c = kr_object_richcompare_bool(x, item, KR_EQ);
        KR_DECREF(x);
        if (c != 0) {
            KR_DECREF(it);
            return c;
        }
    }
    KR_DECREF(it);
    return kr_err_occurred() ? -1 : 0;
}

kr_ssize kr_object_length_hint(KrObject *o, kr_ssize deflt) {
    KrType *t = KR_TYPE(o);
    if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
        (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
        kr_ssize n = kr_object_length(o);
        if (n >= 0) return n;
        if (!kr_err_matches(kr_exc_TypeError)) return -1;
        kr_err_clear();
    }
    int found = 0;
    KrObject *r = kr_call_special(o, kr_str_intern_cstr("__length_hint__"), NULL, 0, &found);
    if (!r) {
        if (!found && !kr_err_occurred()) return deflt;
        if (!kr_err_matches(kr_exc_TypeError)) return -1;
        kr_err_clear();
        return deflt;
    }
    if (r == kr_notimplemented) {
        KR_DECREF(r);
        return deflt;
    }
    if (!KR_INT_CHECK(r)) {
        kr_err_format(kr_exc_TypeError, "__length_hint__ must be an integer, not %T", r);
        KR_DECREF(r);
        return -1;
    }
    kr_ssize n = kr_number_as_ssize(r, kr_exc_OverflowError);
    KR_DECREF(r);
    if (n == -1 && kr_err_occurred()) return -1;
    if (n < 0) {
        kr_err_set_string(kr_exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

/* ===========================================================================
 * Iteration
 * ========================================================================= */

bool kr_object_sequence_check(KrObject *o) {
    KrType *t = KR_TYPE(o);
    if (KR_DICT_CHECK(o)) return false;
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) return true;
    /* A class defining __getitem__ fills mp_subscript; treat it like CPython's
     * slot_sq_item would. */
    return kr_type_has_flag(t, KR_TPFLAGS_HEAPTYPE) && t->tp_as_mapping &&
           t->tp_as_mapping->mp_subscript;
}

KrObject *kr_object_get_iter(KrObject *o) {
    KrType *t = KR_TYPE(o);
    kr_getiterfunc f = t->tp_iter;
    if (!f) {
        if (kr_object_sequence_check(o)) return kr_seqiter_new(o);
        return kr_err_format(kr_exc_TypeError, "'%T' object is not iterable", o);
    }
    KrObject *r = f(o);
    if (r && !KR_TYPE(r)->tp_iternext) {
        kr_err_format(kr_exc_TypeError, "iter() returned non-iterator of type '%T'", r);
        KR_DECREF(r);
        return NULL;
    }
    return r;
}

KrObject *kr_iter_next(KrObject *iter) {
    kr_iternextfunc f = KR_TYPE(iter)->tp_iternext;
    if (!f) return kr_err_format(kr_exc_TypeError, "'%T' object is not an iterator", iter);
    KrObject *r = f(iter);
    if (!r && kr_err_occurred() && kr_err_matches(kr_exc_StopIteration)) kr_err_clear();
    return r;
}

KrObject *kr_object_self_iter(KrObject *o) { return KR_NEWREF(o); }

/* ===========================================================================
 * Calling types from vectorcall arguments and back
 * ========================================================================= */

KrObject *kr_object_call_type_generic(KrType *t, KrObject *const *args, kr_ssize nargs,
                                      KrObject *kwnames) {
    if (!t->tp_new)
        return kr_err_format(kr_exc_TypeError, "cannot create '%s' instances", t->tp_name);
    KrObject *tuple = kr_tuple_from_array(args, nargs), *kwargs = NULL, *obj = NULL;
    if (!tuple) return NULL;
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    if (nkw) {
        kwargs = kr_dict_new();
        if (!kwargs) goto done;
        for (kr_ssize i = 0; i < nkw; i++)
            if (kr_dict_set_item(kwargs, KR_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0) goto done;
    }
    obj = t->tp_new(t, tuple, kwargs);
    if (obj && KR_TYPE_IS(obj, t) && KR_TYPE(obj)->tp_init &&
        KR_TYPE(obj)->tp_init(obj, tuple, kwargs) < 0)
        KR_CLEAR(obj);
done:
    KR_DECREF(tuple);
    KR_XDECREF(kwargs);
    return obj;
}

KrObject *kr_object_new_via_vector(kr_typed_vectorcall f, KrType *type, KrObject *args,
                                   KrObject *kwargs) {
    kr_ssize nargs = KR_SIZE(args), nkw = kwargs ? kr_dict_size(kwargs) : 0;
    if (nkw == 0) return f(type, KR_TUPLE_ITEMS(args), nargs, NULL);
    KrObject **vec = kr_mem_malloc((size_t)(nargs + nkw) * sizeof(KrObject *));
    if (!vec) return NULL;
    KrObject *kwnames = kr_tuple_new(nkw), *r = NULL;
    if (kwnames) {
        for (kr_ssize i = 0; i < nargs; i++)
            vec[i] = KR_TUPLE_ITEM(args, i);
        kr_ssize pos = 0, j = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            KR_TUPLE_ITEM(kwnames, j) = KR_NEWREF(k);
            vec[nargs + j] = v;
            j++;
        }
        r = f(type, vec, nargs, kwnames);
        KR_DECREF(kwnames);
    }
    kr_mem_free(vec);
    return r;
}

/* ===========================================================================
 * PEP 585 generics
 * ========================================================================= */

/* `list[int]` and friends: types.GenericAlias when a types module that provides it
 * has been imported; until then the origin itself (annotations keep working). */
KrObject *kr_generic_alias(KrObject *origin, KrObject *args) {
    /* types.GenericAlias is written in Python (stdlib/types.py): import it on first use */
    KrObject *types = kr_import_module("types");
    if (!types) return NULL;
    KrObject *ga;
    int r = kr_object_lookup_attr(types, kr_str_intern_cstr("GenericAlias"), &ga);
    KR_DECREF(types);
    if (r < 0) return NULL;
    if (r > 0) {
        KrObject *pair[2] = {origin, args};
        KrObject *res = kr_vectorcall(ga, pair, 2, NULL);
        KR_DECREF(ga);
        return res;
    }
    return KR_NEWREF(origin);
}
