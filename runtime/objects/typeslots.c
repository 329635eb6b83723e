/* typeslots.c - the two-way mapping between C slots and dunder methods, driven by one
 * table (KR_SLOT_LIST): C types get slot-wrapper descriptors (`int.__add__`) for the
 * slots they fill, and classes get C slot functions that call their dunders. Also the
 * dealloc/traverse/clear used for instances of classes. */
#include <stddef.h>
#include <string.h>

#include "type_internal.h"

#define ID(s) kr_interned(s)

/* ===========================================================================
 * Calling dunders from slot functions
 * ========================================================================= */

/* Looks name up on type(self) and calls it with self prepended. *found is 0 (and no
 * exception set) when the type has no such attribute. */
static KrObject *call_dunder(KrObject *self, const char *name, KrObject *const *args,
                             kr_ssize nargs, int *found) {
    int f;
    KrObject *r = kr_call_special(self, ID(name), args, nargs, &f);
    if (found) *found = f;
    return r;
}

/* Same, but a missing method raises AttributeError(name). */
static KrObject *call_dunder_req(KrObject *self, const char *name, KrObject *const *args,
                                 kr_ssize nargs) {
    int found;
    KrObject *r = call_dunder(self, name, args, nargs, &found);
    if (!r && !found && !kr_err_occurred()) kr_err_set_string(kr_exc_AttributeError, name);
    return r;
}

/* Missing method -> NotImplemented (binary operators). */
static KrObject *call_dunder_maybe(KrObject *self, const char *name, KrObject *other) {
    int found;
    KrObject *r = call_dunder(self, name, &other, 1, &found);
    if (!r && !found && !kr_err_occurred()) return KR_NEWREF(kr_notimplemented);
    return r;
}

#define NBSLOT(t, off) (*(void **)((char *)(t)->tp_as_number + (off)))

/* Whether right's type overrides the reflected method differently from left's. */
static int method_is_overloaded(KrObject *left, KrObject *right, const char *name) {
    KrObject *b = kr_type_lookup(KR_TYPE(right), ID(name));
    if (!b) return 0;
    KrObject *a = kr_type_lookup(KR_TYPE(left), ID(name));
    if (!a) return 1;
    return a != b;
}

/* CPython's SLOT1BINFULL: the binary operator slot of a class, honouring the
 * reflected method of a subclass operand first. */
static KrObject *binary_slot(KrObject *self, KrObject *other, size_t off, void *me,
                             const char *name, const char *rname) {
    KrType *ts = KR_TYPE(self), *to = KR_TYPE(other);
    bool do_other = ts != to && to->tp_as_number && NBSLOT(to, off) == me;
    if (ts->tp_as_number && NBSLOT(ts, off) == me) {
        if (do_other && kr_type_is_subtype(to, ts)) {
            int ov = method_is_overloaded(self, other, rname);
            if (ov) {
                KrObject *r = call_dunder_maybe(other, rname, self);
                if (r != kr_notimplemented) return r;
                KR_DECREF(r);
                do_other = false;
            }
        }
        KrObject *r = call_dunder_maybe(self, name, other);
        if (r != kr_notimplemented || ts == to) return r;
        KR_DECREF(r);
    }
    if (do_other) return call_dunder_maybe(other, rname, self);
    return KR_NEWREF(kr_notimplemented);
}

#define BINSLOT(fn, field, dunder, rdunder)                                                        \
    static KrObject *fn(KrObject *a, KrObject *b) {                                                \
        return binary_slot(a, b, offsetof(KrNumberMethods, field), (void *)fn, dunder, rdunder);   \
    }
BINSLOT(slot_nb_add, nb_add, "__add__", "__radd__")
BINSLOT(slot_nb_subtract, nb_subtract, "__sub__", "__rsub__")
BINSLOT(slot_nb_multiply, nb_multiply, "__mul__", "__rmul__")
BINSLOT(slot_nb_remainder, nb_remainder, "__mod__", "__rmod__")
BINSLOT(slot_nb_divmod, nb_divmod, "__divmod__", "__rdivmod__")
BINSLOT(slot_nb_lshift, nb_lshift, "__lshift__", "__rlshift__")
BINSLOT(slot_nb_rshift, nb_rshift, "__rshift__", "__rrshift__")
BINSLOT(slot_nb_and, nb_and, "__and__", "__rand__")
BINSLOT(slot_nb_xor, nb_xor, "__xor__", "__rxor__")
BINSLOT(slot_nb_or, nb_or, "__or__", "__ror__")
BINSLOT(slot_nb_floor_divide, nb_floor_divide, "__floordiv__", "__rfloordiv__")
BINSLOT(slot_nb_true_divide, nb_true_divide, "__truediv__", "__rtruediv__")
BINSLOT(slot_nb_matrix_multiply, nb_matrix_multiply, "__matmul__", "__rmatmul__")

static KrObject *slot_nb_power_binary(KrObject *a, KrObject *b);
static KrObject *slot_nb_power(KrObject *self, KrObject *other, KrObject *mod) {
    if (!mod || mod == kr_none) return slot_nb_power_binary(self, other);
    /* three-argument pow() only tries the left operand's __pow__ */
    if (KR_TYPE(self)->tp_as_number && KR_TYPE(self)->tp_as_number->nb_power == slot_nb_power) {
        KrObject *args[2] = {other, mod};
        int found;
        KrObject *r = call_dunder(self, "__pow__", args, 2, &found);
        if (!r && !found && !kr_err_occurred()) return KR_NEWREF(kr_notimplemented);
        return r;
    }
    return KR_NEWREF(kr_notimplemented);
}
static KrObject *slot_nb_power_binary(KrObject *a, KrObject *b) {
    KrType *ts = KR_TYPE(a), *to = KR_TYPE(b);
    /* binary_slot compares slot pointers: pow's slot is ternary, so inline its rule */
    bool do_other = ts != to && to->tp_as_number && to->tp_as_number->nb_power == slot_nb_power;
    if (ts->tp_as_number && ts->tp_as_number->nb_power == slot_nb_power) {
        if (do_other && kr_type_is_subtype(to, ts) && method_is_overloaded(a, b, "__rpow__")) {
            KrObject *r = call_dunder_maybe(b, "__rpow__", a);
            if (r != kr_notimplemented) return r;
            KR_DECREF(r);
            do_other = false;
        }
        KrObject *r = call_dunder_maybe(a, "__pow__", b);
        if (r != kr_notimplemented || ts == to) return r;
        KR_DECREF(r);
    }
    if (do_other) return call_dunder_maybe(b, "__rpow__", a);
    return KR_NEWREF(kr_notimplemented);
}

#define INPLACESLOT(fn, dunder)                                                                    \
    static KrObject *fn(KrObject *a, KrObject *b) { return call_dunder_maybe(a, dunder, b); }
INPLACESLOT(slot_nb_inplace_add, "__iadd__")
INPLACESLOT(slot_nb_inplace_subtract, "__isub__")
INPLACESLOT(slot_nb_inplace_multiply, "__imul__")
INPLACESLOT(slot_nb_inplace_remainder, "__imod__")
INPLACESLOT(slot_nb_inplace_lshift, "__ilshift__")
INPLACESLOT(slot_nb_inplace_rshift, "__irshift__")
INPLACESLOT(slot_nb_inplace_and, "__iand__")
INPLACESLOT(slot_nb_inplace_xor, "__ixor__")
INPLACESLOT(slot_nb_inplace_or, "__ior__")
INPLACESLOT(slot_nb_inplace_floor_divide, "__ifloordiv__")
INPLACESLOT(slot_nb_inplace_true_divide, "__itruediv__")
INPLACESLOT(slot_nb_inplace_matrix_multiply, "__imatmul__")
static KrObject *slot_nb_inplace_power(KrObject *a, KrObject *b, KrObject *mod) {
    return call_dunder_maybe(a, "__ipow__", b);
}

#define UNSLOT(fn, dunder)                                                                         \
    static KrObject *fn(KrObject *a) { return call_dunder_req(a, dunder, NULL, 0); }
UNSLOT(slot_nb_negative, "__neg__")
UNSLOT(slot_nb_positive, "__pos__")
UNSLOT(slot_nb_absolute, "__abs__")
UNSLOT(slot_nb_invert, "__invert__")
UNSLOT(slot_nb_int, "__int__")
UNSLOT(slot_nb_float, "__float__")
UNSLOT(slot_nb_index, "__index__")
UNSLOT(slot_am_await, "__await__")
UNSLOT(slot_am_aiter, "__aiter__")
UNSLOT(slot_am_anext, "__anext__")

/* __len__ must return a non-negative int that fits an index. */
static kr_ssize slot_length(KrObject *self) {
    KrObject *r = call_dunder_req(self, "__len__", NULL, 0);
    if (!r) return -1;
    if (!KR_INT_CHECK(r)) {
        if (!kr_index_check(r)) {
            kr_err_format(kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          kr_type_name_cstr(KR_TYPE(r)));
            KR_DECREF(r);
            return -1;
        }
        KR_SETREF(r, kr_number_index(r));
        if (!r) return -1;
    }
    if (kr_int_sign(r) < 0) {
        KR_DECREF(r);
        kr_err_set_string(kr_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    kr_ssize n = kr_number_as_ssize(r, kr_exc_OverflowError);
    KR_DECREF(r);
    return n;
}

static int slot_nb_bool(KrObject *self) {
    int found;
    KrObject *r = call_dunder(self, "__bool__", NULL, 0, &found);
    if (!r) {
        if (found || kr_err_occurred()) return -1;
        if (!kr_type_lookup(KR_TYPE(self), ID("__len__"))) return 1;
        kr_ssize n = slot_length(self);
        return n < 0 ? -1 : n > 0;
    }
    if (r != kr_true && r != kr_false) {
        kr_err_format(kr_exc_TypeError, "__bool__ should return bool, returned %s",
                      kr_type_name_cstr(KR_TYPE(r)));
        KR_DECREF(r);
        return -1;
    }
    return r == kr_true;
}

static KrObject *slot_tp_repr(KrObject *self) {
    int found;
    KrObject *r = call_dunder(self, "__repr__", NULL, 0, &found);
    if (!r && !found && !kr_err_occurred())
        return kr_str_from_format("<%s object at %p>", KR_TYPE(self)->tp_name, (void *)self);
    return r;
}

static KrObject *slot_tp_str(KrObject *self) { return call_dunder_req(self, "__str__", NULL, 0); }

kr_hash kr_typeslots_slot_tp_hash(KrObject *self) {
    KrObject *m = kr_type_lookup(KR_TYPE(self), ID("__hash__"));
    if (!m || m == kr_none) return kr_object_hash_not_implemented(self);
    KrObject *r = call_dunder_req(self, "__hash__", NULL, 0);
    if (!r) return -1;
    if (!KR_INT_CHECK(r)) {
        kr_err_set_string(kr_exc_TypeError, "__hash__ method should return an integer");
        KR_DECREF(r);
        return -1;
    }
    kr_hash h;
    int64_t v;
    if (kr_int_as_i64_overflow(r, &v) == 0)
        h = (kr_hash)v;
    else
        h = kr_int_hash(r); /* huge results are reduced the way int hashes are */
    KR_DECREF(r);
    if (h == -1) h = -2;
    return h;
}

static KrObject *slot_tp_call(KrObject *self, KrObject *const *args, size_t nargsf,
                              KrObject *kwnames) {
    kr_ssize nargs = kr_vectorcall_nargs(nargsf);
    KrObject *meth = kr_type_lookup(KR_TYPE(self), ID("__call__"));
    if (!meth)
        return kr_err_format(kr_exc_TypeError, "'%s' object is not callable",
                             kr_type_name_cstr(KR_TYPE(self)));
    KR_INCREF(meth);
    KrObject *r;
    if (kr_type_has_flag(KR_TYPE(meth), KR_TPFLAGS_METHOD_DESCRIPTOR)) {
        kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
        KrObject *small[8], **stack = small;
        if (nargs + nkw + 1 > 8) {
            stack = kr_mem_malloc(sizeof(KrObject *) * (size_t)(nargs + nkw + 1));
            if (!stack) {
                KR_DECREF(meth);
                return NULL;
            }
        }
        stack[0] = self;
        if (nargs + nkw) memcpy(stack + 1, args, sizeof(KrObject *) * (size_t)(nargs + nkw));
        r = kr_vectorcall(meth, stack, (size_t)(nargs + 1), kwnames);
        if (stack != small) kr_mem_free(stack);
    } else {
        kr_descrgetfunc f = KR_TYPE(meth)->tp_descr_get;
        KrObject *bound = f ? f(meth, self, (KrObject *)KR_TYPE(self)) : KR_NEWREF(meth);
        r = bound ? kr_vectorcall(bound, args, (size_t)nargs, kwnames) : NULL;
        KR_XDECREF(bound);
    }
    KR_DECREF(meth);
    return r;
}

/* __getattribute__ and/or __getattr__: the generic lookup is used directly when
 * __getattribute__ is object's, and __getattr__ runs when it raises AttributeError. */
KrObject *kr_typeslots_slot_tp_getattr_hook(KrObject *self, KrObject *name) {
    KrType *t = KR_TYPE(self);
    KrObject *getattribute = kr_type_lookup(t, ID("__getattribute__"));
    KrObject *res;
    if (!getattribute ||
        (KR_TYPE(getattribute) == &kr_wrapper_descr_type &&
         ((KrWrapperDescr *)getattribute)->wrapped == (void *)kr_object_generic_getattr)) {
        /* no exception object is built for a miss that __getattr__ will handle */
        bool has_getattr = kr_type_lookup(t, ID("__getattr__")) != NULL;
        res = kr_object_generic_getattr_ex(self, name, has_getattr);
        if (!res && has_getattr && !kr_err_occurred()) {
            int found;
            return call_dunder(self, "__getattr__", &name, 1, &found);
        }
        return res;
    } else {
        KR_INCREF(getattribute);
        KrObject *args[2] = {self, name};
        kr_descrgetfunc f = KR_TYPE(getattribute)->tp_descr_get;
        if (kr_type_has_flag(KR_TYPE(getattribute), KR_TPFLAGS_METHOD_DESCRIPTOR) || !f) {
            res = kr_type_has_flag(KR_TYPE(getattribute), KR_TPFLAGS_METHOD_DESCRIPTOR)
                      ? kr_vectorcall(getattribute, args, 2, NULL)
                      : kr_vectorcall(getattribute, args + 1, 1, NULL);
        } else {
            KrObject *bound = f(getattribute, self, (KrObject *)t);
            res = bound ? kr_vectorcall(bound, args + 1, 1, NULL) : NULL;
            KR_XDECREF(bound);
        }
        KR_DECREF(getattribute);
    }
    if (res || !kr_err_matches(kr_exc_AttributeError)) return res;
    KrObject *getattr = kr_type_lookup(t, ID("__getattr__"));
    if (!getattr) return NULL;
    kr_err_clear();
    int found;
    return call_dunder(self, "__getattr__", &name, 1, &found);
}

static int slot_tp_setattro(KrObject *self, KrObject *name, KrObject *value) {
    KrObject *r;
    if (value) {
        KrObject *args[2] = {name, value};
        r = call_dunder_req(self, "__setattr__", args, 2);
    } else {
        r = call_dunder_req(self, "__delattr__", &name, 1);
    }
    if (!r) return -1;
    KR_DECREF(r);
    return 0;
}

static KrObject *slot_tp_richcompare(KrObject *self, KrObject *other, int op) {
    static const char *const names[] = {"__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"};
    int found;
    KrObject *r = call_dunder(self, names[op], &other, 1, &found);
    if (!r && !found) {
        if (kr_err_occurred()) return NULL;
        return KR_NEWREF(kr_notimplemented);
    }
    return r;
}

static KrObject *slot_tp_iter(KrObject *self) {
    KrObject *m = kr_type_lookup(KR_TYPE(self), ID("__iter__"));
    if (m == kr_none)
        return kr_err_format(kr_exc_TypeError, "'%s' object is not iterable",
                             kr_type_name_cstr(KR_TYPE(self)));
    if (m) return call_dunder_req(self, "__iter__", NULL, 0);
    if (kr_type_lookup(KR_TYPE(self), ID("__getitem__"))) return kr_seqiter_new(self);
    return kr_err_format(kr_exc_TypeError, "'%s' object is not iterable",
                         kr_type_name_cstr(KR_TYPE(self)));
}

static KrObject *slot_tp_iternext(KrObject *self) {
    KrObject *r = call_dunder_req(self, "__next__", NULL, 0);
    if (!r && kr_err_matches(kr_exc_StopIteration)) kr_err_clear();
    return r;
}

static KrObject *slot_tp_descr_get(KrObject *self, KrObject *obj, KrObject *type) {
    KrObject *get = kr_type_lookup(KR_TYPE(self), ID("__get__"));
    if (!get) return KR_NEWREF(self);
    KrObject *args[2] = {obj ? obj : kr_none, type ? type : kr_none};
    return call_dunder_req(self, "__get__", args, 2);
}

static int slot_tp_descr_set(KrObject *self, KrObject *target, KrObject *value) {
    KrObject *r;
    if (value) {
        KrObject *args[2] = {target, value};
        r = call_dunder_req(self, "__set__", args, 2);
    } else {
        r = call_dunder_req(self, "__delete__", &target, 1);
    }
    if (!r) return -1;
    KR_DECREF(r);
    return 0;
}

/* Splits a tuple + dict call into vectorcall arguments: fills stack[1..] (stack[0] is
 * left for self) and returns kwnames (new ref or NULL); *n receives the positional
 * count. The caller frees *stack when it differs from `small`. */
static int args_to_vector(KrObject *args, KrObject *kwargs, KrObject **small, int nsmall,
                          KrObject ***stack, kr_ssize *n, KrObject **kwnames) {
    kr_ssize na = args ? KR_SIZE(args) : 0;
    kr_ssize nk = (kwargs && kr_dict_size(kwargs) > 0) ? kr_dict_size(kwargs) : 0;
    *kwnames = NULL;
    *stack = small;
    if (1 + na + nk > nsmall) {
        *stack = kr_mem_malloc(sizeof(KrObject *) * (size_t)(1 + na + nk));
        if (!*stack) return -1;
    }
    for (kr_ssize i = 0; i < na; i++)
        (*stack)[1 + i] = KR_TUPLE_ITEM(args, i);
    if (nk) {
        *kwnames = kr_tuple_new(nk);
        if (!*kwnames) {
            if (*stack != small) kr_mem_free(*stack);
            return -1;
        }
        kr_ssize pos = 0, i = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            KR_TUPLE_ITEM(*kwnames, i) = KR_NEWREF(k);
            (*stack)[1 + na + i] = v;
            i++;
        }
    }
    *n = na;
    return 0;
}

/* Calls type(self).name with self prepended and tuple/dict arguments. */
static KrObject *call_dunder_tuple(KrObject *self, KrObject *meth, KrObject *args,
                                   KrObject *kwargs) {
    KrObject *small[8], **stack, *kwnames;
    kr_ssize n;
    if (args_to_vector(args, kwargs, small, 8, &stack, &n, &kwnames) < 0) return NULL;
    KrObject *r;
    if (kr_type_has_flag(KR_TYPE(meth), KR_TPFLAGS_METHOD_DESCRIPTOR)) {
        stack[0] = self;
        r = kr_vectorcall(meth, stack, (size_t)(n + 1), kwnames);
    } else {
        kr_descrgetfunc f = KR_TYPE(meth)->tp_descr_get;
        KrObject *bound = f ? f(meth, self, (KrObject *)KR_TYPE(self)) : KR_NEWREF(meth);
        r = bound ? kr_vectorcall(bound, stack + 1, (size_t)n | KR_VECTORCALL_ARGUMENTS_OFFSET,
                                  kwnames)
                  : NULL;
        KR_XDECREF(bound);
    }
    KR_XDECREF(kwnames);
    if (stack != small) kr_mem_free(stack);
    return r;
}

static int slot_tp_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KrObject *meth = kr_type_lookup(KR_TYPE(self), ID("__init__"));
    if (!meth) {
        kr_err_set_string(kr_exc_AttributeError, "__init__");
        return -1;
    }
    KR_INCREF(meth);
    KrObject *r = call_dunder_tuple(self, meth, args, kwargs);
    KR_DECREF(meth);
    if (!r) return -1;
    if (r != kr_none) {
        kr_err_format(kr_exc_TypeError, "__init__() should return None, not '%s'",
                      kr_type_name_cstr(KR_TYPE(r)));
        KR_DECREF(r);
        return -1;
    }
    return 0;
}

static KrObject *slot_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {
    KrObject *func = kr_object_getattr((KrObject *)type, ID("__new__"));
    if (!func) return NULL;
    KrObject *small[8], **stack, *kwnames;
    kr_ssize n;
    KrObject *r = NULL;
    if (args_to_vector(args, kwargs, small, 8, &stack, &n, &kwnames) == 0) {
        stack[0] = (KrObject *)type;
        r = kr_vectorcall(func, stack, (size_t)(n + 1), kwnames);
        KR_XDECREF(kwnames);
        if (stack != small) kr_mem_free(stack);
    }
    KR_DECREF(func);
    return r;
}

bool kr_typeslots_is_slot_new(kr_newfunc f) { return f == slot_tp_new; }

static void slot_tp_finalize(KrObject *self) {
    KrObject *saved = kr_err_fetch();
    KrObject *del = kr_type_lookup(KR_TYPE(self), ID("__del__"));
    if (del) {
        KR_INCREF(del);
        int found;
        KrObject *r = call_dunder(self, "__del__", NULL, 0, &found);
        if (!r)
            kr_err_write_unraisable(del, "Exception ignored in");
        else
            KR_DECREF(r);
        KR_DECREF(del);
    }
    kr_err_restore(saved);
}

static KrObject *slot_mp_subscript(KrObject *self, KrObject *key) {
    return call_dunder_req(self, "__getitem__", &key, 1);
}

static int slot_mp_ass_subscript(KrObject *self, KrObject *key, KrObject *value) {
    KrObject *r;
    if (value) {
        KrObject *args[2] = {key, value};
        r = call_dunder_req(self, "__setitem__", args, 2);
    } else {
        r = call_dunder_req(self, "__delitem__", &key, 1);
    }
    if (!r) return -1;
    KR_DECREF(r);
    return 0;
}

static KrObject *slot_sq_item(KrObject *self, kr_ssize i) {
    KrObject *idx = kr_int_from_ssize(i);
    if (!idx) return NULL;
    KrObject *r = call_dunder_req(self, "__getitem__", &idx, 1);
    KR_DECREF(idx);
    return r;
}

static int slot_sq_ass_item(KrObject *self, kr_ssize i, KrObject *value) {
    KrObject *idx = kr_int_from_ssize(i);
    if (!idx) return -1;
    int r = slot_mp_ass_subscript(self, idx, value);
    KR_DECREF(idx);
    return r;
}

static int slot_sq_contains(KrObject *self, KrObject *value) {
    KrObject *m = kr_type_lookup(KR_TYPE(self), ID("__contains__"));
    if (m == kr_none) {
        kr_err_format(kr_exc_TypeError, "'%s' object is not a container",
                      kr_type_name_cstr(KR_TYPE(self)));
        return -1;
    }
    if (m) {
        KrObject *r = call_dunder_req(self, "__contains__", &value, 1);
        if (!r) return -1;
        int ok = kr_object_is_true(r);
        KR_DECREF(r);
        return ok;
    }
    /* no __contains__: search by iteration */
    KrObject *it = kr_object_get_iter(self);
    if (!it) return -1;
    for (;;) {
        KrObject *item = kr_iter_next(it);
        if (!item) {
            KR_DECREF(it);
            return kr_err_occurred() ? -1 : 0;
        }
        int eq = kr_object_richcompare_bool(item, value, KR_EQ);
        KR_DECREF(item);
        if (eq != 0) {
            KR_DECREF(it);
            return eq;
        }
    }
}

/* ===========================================================================
 * The slot table
 * ========================================================================= */

#define TP(f) KR_SLOT_TYPE, offsetof(KrType, f)
#define NB(f) KR_SLOT_NUMBER, offsetof(KrNumberMethods, f)
#define SQ(f) KR_SLOT_SEQUENCE, offsetof(KrSequenceMethods, f)
#define MP(f) KR_SLOT_MAPPING, offsetof(KrMappingMethods, f)
#define AM(f) KR_SLOT_ASYNC, offsetof(KrAsyncMethods, f)

/* KR_WRAP_UNARY is reused for entries that get no wrapper: they are marked by a
 * NULL-wrapper flag in `nowrap` below. Order = CPython's slotdefs order, which decides
 * which wrapper a C type gets when two slots share a name (mp_ before sq_). */
#define KR_SLOT_LIST(X)                                                                            \
    X("__repr__", TP(tp_repr), KR_WRAP_UNARY, slot_tp_repr, 0)                                     \
    X("__hash__", TP(tp_hash), KR_WRAP_HASH, kr_typeslots_slot_tp_hash, 0)                         \
    X("__call__", TP(tp_call), KR_WRAP_CALL, slot_tp_call, 0)                                      \
    X("__str__", TP(tp_str), KR_WRAP_UNARY, slot_tp_str, 0)                                        \
    X("__getattribute__", TP(tp_getattro), KR_WRAP_GETATTR, kr_typeslots_slot_tp_getattr_hook, 0)  \
    X("__getattr__", TP(tp_getattro), -1, kr_typeslots_slot_tp_getattr_hook, 0)                    \
    X("__setattr__", TP(tp_setattro), KR_WRAP_SETATTR, slot_tp_setattro, 0)                        \
    X("__delattr__", TP(tp_setattro), KR_WRAP_DELATTR, slot_tp_setattro, 0)                        \
    X("__lt__", TP(tp_richcompare), KR_WRAP_RICHCMP, slot_tp_richcompare, KR_LT)                   \
    X("__le__", TP(tp_richcompare), KR_WRAP_RICHCMP, slot_tp_richcompare, KR_LE)                   \
    X("__eq__", TP(tp_richcompare), KR_WRAP_RICHCMP, slot_tp_richcompare, KR_EQ)                   \
    X("__ne__", TP(tp_richcompare), KR_WRAP_RICHCMP, slot_tp_richcompare, KR_NE)                   \
    X("__gt__", TP(tp_richcompare), KR_WRAP_RICHCMP, slot_tp_richcompare, KR_GT)                   \
    X("__ge__", TP(tp_richcompare), KR_WRAP_RICHCMP, slot_tp_richcompare, KR_GE)                   \
    X("__iter__", TP(tp_iter), KR_WRAP_UNARY, slot_tp_iter, 0)                                     \
    X("__next__", TP(tp_iternext), KR_WRAP_NEXT, slot_tp_iternext, 0)                              \
    X("__get__", TP(tp_descr_get), KR_WRAP_DESCR_GET, slot_tp_descr_get, 0)                        \
    X("__set__", TP(tp_descr_set), KR_WRAP_DESCR_SET, slot_tp_descr_set, 0)                        \
    X("__delete__", TP(tp_descr_set), KR_WRAP_DESCR_DEL, slot_tp_descr_set, 0)                     \
    X("__init__", TP(tp_init), KR_WRAP_INIT, slot_tp_init, 0)                                      \
    X("__new__", TP(tp_new), -1, slot_tp_new, 0)                                                   \
    X("__del__", TP(tp_finalize), KR_WRAP_DEL, slot_tp_finalize, 0)                                \
    X("__await__", AM(am_await), KR_WRAP_UNARY, slot_am_await, 0)                                  \
    X("__aiter__", AM(am_aiter), KR_WRAP_UNARY, slot_am_aiter, 0)                                  \
    X("__anext__", AM(am_anext), KR_WRAP_UNARY, slot_am_anext, 0)                                  \
    X("__add__", NB(nb_add), KR_WRAP_BINARY_L, slot_nb_add, 0)                                     \
    X("__radd__", NB(nb_add), KR_WRAP_BINARY_R, slot_nb_add, 0)                                    \
    X("__sub__", NB(nb_subtract), KR_WRAP_BINARY_L, slot_nb_subtract, 0)                           \
    X("__rsub__", NB(nb_subtract), KR_WRAP_BINARY_R, slot_nb_subtract, 0)                          \
    X("__mul__", NB(nb_multiply), KR_WRAP_BINARY_L, slot_nb_multiply, 0)                           \
    X("__rmul__", NB(nb_multiply), KR_WRAP_BINARY_R, slot_nb_multiply, 0)                          \
    X("__mod__", NB(nb_remainder), KR_WRAP_BINARY_L, slot_nb_remainder, 0)                         \
    X("__rmod__", NB(nb_remainder), KR_WRAP_BINARY_R, slot_nb_remainder, 0)                        \
    X("__divmod__", NB(nb_divmod), KR_WRAP_BINARY_L, slot_nb_divmod, 0)                            \
    X("__rdivmod__", NB(nb_divmod), KR_WRAP_BINARY_R, slot_nb_divmod, 0)                           \
    X("__pow__", NB(nb_power), KR_WRAP_TERNARY, slot_nb_power, 0)                                  \
    X("__rpow__", NB(nb_power), KR_WRAP_TERNARY_R, slot_nb_power, 0)                               \
    X("__neg__", NB(nb_negative), KR_WRAP_UNARY, slot_nb_negative, 0)                              \
    X("__pos__", NB(nb_positive), KR_WRAP_UNARY, slot_nb_positive, 0)                              \
    X("__abs__", NB(nb_absolute), KR_WRAP_UNARY, slot_nb_absolute, 0)                              \
    X("__bool__", NB(nb_bool), KR_WRAP_INQUIRY, slot_nb_bool, 0)                                   \
    X("__invert__", NB(nb_invert), KR_WRAP_UNARY, slot_nb_invert, 0)                               \
    X("__lshift__", NB(nb_lshift), KR_WRAP_BINARY_L, slot_nb_lshift, 0)                            \
    X("__rlshift__", NB(nb_lshift), KR_WRAP_BINARY_R, slot_nb_lshift, 0)                           \
    X("__rshift__", NB(nb_rshift), KR_WRAP_BINARY_L, slot_nb_rshift, 0)                            \
    X("__rrshift__", NB(nb_rshift), KR_WRAP_BINARY_R, slot_nb_rshift, 0)                           \
    X("__and__", NB(nb_and), KR_WRAP_BINARY_L, slot_nb_and, 0)                                     \
    X("__rand__", NB(nb_and), KR_WRAP_BINARY_R, slot_nb_and, 0)                                    \
    X("__xor__", NB(nb_xor), KR_WRAP_BINARY_L, slot_nb_xor, 0)                                     \
    X("__rxor__", NB(nb_xor), KR_WRAP_BINARY_R, slot_nb_xor, 0)                                    \
    X("__or__", NB(nb_or), KR_WRAP_BINARY_L, slot_nb_or, 0)                                        \
    X("__ror__", NB(nb_or), KR_WRAP_BINARY_R, slot_nb_or, 0)                                       \
    X("__int__", NB(nb_int), KR_WRAP_UNARY, slot_nb_int, 0)                                        \
    X("__float__", NB(nb_float), KR_WRAP_UNARY, slot_nb_float, 0)                                  \
    X("__iadd__", NB(nb_inplace_add), KR_WRAP_BINARY_L, slot_nb_inplace_add, 0)                    \
    X("__isub__", NB(nb_inplace_subtract), KR_WRAP_BINARY_L, slot_nb_inplace_subtract, 0)          \
    X("__imul__", NB(nb_inplace_multiply), KR_WRAP_BINARY_L, slot_nb_inplace_multiply, 0)          \
    X("__imod__", NB(nb_inplace_remainder), KR_WRAP_BINARY_L, slot_nb_inplace_remainder, 0)        \
    X("__ipow__", NB(nb_inplace_power), KR_WRAP_TERNARY, slot_nb_inplace_power, 0)                 \
    X("__ilshift__", NB(nb_inplace_lshift), KR_WRAP_BINARY_L, slot_nb_inplace_lshift, 0)           \
    X("__irshift__", NB(nb_inplace_rshift), KR_WRAP_BINARY_L, slot_nb_inplace_rshift, 0)           \
    X("__iand__", NB(nb_inplace_and), KR_WRAP_BINARY_L, slot_nb_inplace_and, 0)                    \
    X("__ixor__", NB(nb_inplace_xor), KR_WRAP_BINARY_L, slot_nb_inplace_xor, 0)                    \
    X("__ior__", NB(nb_inplace_or), KR_WRAP_BINARY_L, slot_nb_inplace_or, 0)                       \
    X("__floordiv__", NB(nb_floor_divide), KR_WRAP_BINARY_L, slot_nb_floor_divide, 0)              \
    X("__rfloordiv__", NB(nb_floor_divide), KR_WRAP_BINARY_R, slot_nb_floor_divide, 0)             \
    X("__truediv__", NB(nb_true_divide), KR_WRAP_BINARY_L, slot_nb_true_divide, 0)                 \
    X("__rtruediv__", NB(nb_true_divide), KR_WRAP_BINARY_R, slot_nb_true_divide, 0)                \
    X("__ifloordiv__", NB(nb_inplace_floor_divide), KR_WRAP_BINARY_L,                              \
      slot_nb_inplace_floor_divide, 0)                                                             \
    X("__itruediv__", NB(nb_inplace_true_divide), KR_WRAP_BINARY_L, slot_nb_inplace_true_divide,   \
      0)                                                                                           \
    X("__index__", NB(nb_index), KR_WRAP_UNARY, slot_nb_index, 0)                                  \
    X("__matmul__", NB(nb_matrix_multiply), KR_WRAP_BINARY_L, slot_nb_matrix_multiply, 0)          \
    X("__rmatmul__", NB(nb_matrix_multiply), KR_WRAP_BINARY_R, slot_nb_matrix_multiply, 0)         \
    X("__imatmul__", NB(nb_inplace_matrix_multiply), KR_WRAP_BINARY_L,                             \
      slot_nb_inplace_matrix_multiply, 0)                                                          \
    X("__len__", MP(mp_length), KR_WRAP_LEN, slot_length, 0)                                       \
    X("__getitem__", MP(mp_subscript), KR_WRAP_BINARY_L, slot_mp_subscript, 0)                     \
    X("__setitem__", MP(mp_ass_subscript), KR_WRAP_OBJOBJARG, slot_mp_ass_subscript, 0)            \
    X("__delitem__", MP(mp_ass_subscript), KR_WRAP_DELITEM, slot_mp_ass_subscript, 0)              \
    X("__len__", SQ(sq_length), KR_WRAP_LEN, slot_length, 0)                                       \
    X("__add__", SQ(sq_concat), KR_WRAP_BINARY_L, NULL, 0)                                         \
    X("__mul__", SQ(sq_repeat), KR_WRAP_INDEXARG, NULL, 0)                                         \
    X("__rmul__", SQ(sq_repeat), KR_WRAP_INDEXARG_R, NULL, 0)                                      \
    X("__getitem__", SQ(sq_item), KR_WRAP_SQ_ITEM, slot_sq_item, 0)                                \
    X("__setitem__", SQ(sq_ass_item), KR_WRAP_SQ_SETITEM, slot_sq_ass_item, 0)                     \
    X("__delitem__", SQ(sq_ass_item), KR_WRAP_SQ_DELITEM, slot_sq_ass_item, 0)                     \
    X("__contains__", SQ(sq_contains), KR_WRAP_OBJOBJ, slot_sq_contains, 0)                        \
    X("__iadd__", SQ(sq_inplace_concat), KR_WRAP_BINARY_L, NULL, 0)                                \
    X("__imul__", SQ(sq_inplace_repeat), KR_WRAP_INDEXARG, NULL, 0)

#define KR_SLOTDEF_ROW(nm, slot, kind, fn, op)                                                     \
    {nm, slot, (KrWrapKind)(kind), (void *)(fn), op, NULL},
KrSlotDef kr_slotdefs[] = {KR_SLOT_LIST(KR_SLOTDEF_ROW){NULL, 0, 0, 0, NULL, 0, NULL}};
#undef KR_SLOTDEF_ROW

#define NSLOTDEFS (sizeof kr_slotdefs / sizeof kr_slotdefs[0] - 1)
#define NO_WRAPPER ((KrWrapKind)-1)

void kr_typeslots_init_names(void) {
    if (kr_slotdefs[0].name_obj) return;
    for (size_t i = 0; i < NSLOTDEFS; i++)
        kr_slotdefs[i].name_obj = kr_str_intern_cstr(kr_slotdefs[i].name);
}

void **kr_typeslots_slot_ptr(KrType *t, const KrSlotDef *sd) {
    char *base;
    switch (sd->table) {
    case KR_SLOT_TYPE:
        base = (char *)t;
        break;
    case KR_SLOT_NUMBER:
        base = (char *)t->tp_as_number;
        break;
    case KR_SLOT_SEQUENCE:
        base = (char *)t->tp_as_sequence;
        break;
    case KR_SLOT_MAPPING:
        base = (char *)t->tp_as_mapping;
        break;
    case KR_SLOT_ASYNC:
        base = (char *)t->tp_as_async;
        break;
    default:
        return NULL;
    }
    if (!base) return NULL;
    return (void **)(base + sd->offset);
}

bool kr_typeslots_is_slot_name(KrObject *name) {
    kr_typeslots_init_names();
    for (size_t i = 0; i < NSLOTDEFS; i++)
        if (kr_slotdefs[i].name_obj == name) return true;
    return false;
}

/* ===========================================================================
 * Wrapper descriptors for C types
 * ========================================================================= */

KrObject *kr_descr_new_wrapper(KrType *t, const KrSlotDef *sd, void *wrapped); /* descr.c */

int kr_typeslots_add_wrappers(KrType *t) {
    kr_typeslots_init_names();
    KrObject *dict = t->tp_dict;
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        const KrSlotDef *sd = &kr_slotdefs[i];
        if (sd->kind == NO_WRAPPER) continue;
        void **ptr = kr_typeslots_slot_ptr(t, sd);
        if (!ptr || !*ptr) continue;
        int has = kr_dict_contains(dict, sd->name_obj);
        if (has < 0) return -1;
        if (has) continue;
        KrObject *v;
        if (*ptr == (void *)kr_object_hash_not_implemented)
            v = KR_NEWREF(kr_none); /* __hash__ = None marks unhashable types */
        else
            v = kr_descr_new_wrapper(t, sd, *ptr);
        if (!v) return -1;
        int r = kr_dict_set_item(dict, sd->name_obj, v);
        KR_DECREF(v);
        if (r < 0) return -1;
    }
    return 0;
}

/* Calls the C slot a wrapper descriptor stands for, with Python-level arguments. */
static int check_nargs(kr_ssize nargs, kr_ssize n) {
    if (nargs == n) return 0;
    kr_err_format(kr_exc_TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s",
                  nargs);
    return -1;
}

static KrObject *none_or_error(int r) {
    if (r < 0) return NULL;
    return KR_NEWREF(kr_none);
}

/* setattr/delattr wrappers refuse objects whose C base uses another setattr: that is
 * how object.__setattr__(SomeClass, ...) is kept from bypassing type's rules. */
static int hackcheck(KrObject *self, void *func, const char *what) {
    KrType *t = KR_TYPE(self);
    while (t && KR_IS_HEAPTYPE(t))
        t = t->tp_base;
    if (t && (void *)t->tp_setattro != func) {
        kr_err_format(kr_exc_TypeError, "can't apply this %s to %s object", what, t->tp_name);
        return -1;
    }
    return 0;
}

static kr_ssize sq_index(KrObject *self, KrObject *arg, bool *ok) {
    kr_ssize i = kr_number_as_ssize(arg, kr_exc_OverflowError);
    *ok = !(i == -1 && kr_err_occurred());
    if (*ok && i < 0) {
        KrSequenceMethods *sq = KR_TYPE(self)->tp_as_sequence;
        if (sq && sq->sq_length) {
            kr_ssize n = sq->sq_length(self);
            if (n < 0) {
                *ok = false;
                return -1;
            }
            i += n;
        }
    }
    return i;
}

KrObject *kr_typeslots_call_wrapper(KrWrapperDescr *d, KrObject *self, KrObject *const *args,
                                    kr_ssize nargs, KrObject *kwnames) {
    const KrSlotDef *sd = d->slot;
    void *w = d->wrapped;
    KrWrapKind kind = sd->kind;
    if (kwnames && KR_SIZE(kwnames) > 0 && kind != KR_WRAP_CALL && kind != KR_WRAP_INIT)
        return kr_err_format(kr_exc_TypeError, "wrapper %s() takes no keyword arguments", sd->name);
    switch (kind) {
    case KR_WRAP_UNARY:
        if (check_nargs(nargs, 0) < 0) return NULL;
        return ((kr_unaryfunc)w)(self);
    case KR_WRAP_BINARY_L:
        if (check_nargs(nargs, 1) < 0) return NULL;
        return ((kr_binaryfunc)w)(self, args[0]);
    case KR_WRAP_BINARY_R:
        if (check_nargs(nargs, 1) < 0) return NULL;
        return ((kr_binaryfunc)w)(args[0], self);
    case KR_WRAP_TERNARY:
    case KR_WRAP_TERNARY_R: {
        if (nargs < 1 || nargs > 2)
            return kr_err_format(kr_exc_TypeError, "expected %s1 argument%s, got %zd",
                                 nargs < 1 ? "at least " : "at most ", "", nargs);
        KrObject *third = nargs > 1 ? args[1] : kr_none;
        if (kind == KR_WRAP_TERNARY) return ((kr_ternaryfunc)w)(self, args[0], third);
        return ((kr_ternaryfunc)w)(args[0], self, third);
    }
    case KR_WRAP_INQUIRY: {
        if (check_nargs(nargs, 0) < 0) return NULL;
        int r = ((kr_inquiry)w)(self);
        if (r < 0) return NULL;
        return KR_NEWREF(kr_bool_from(r));
    }
    case KR_WRAP_LEN: {
        if (check_nargs(nargs, 0) < 0) return NULL;
        kr_ssize n = ((kr_lenfunc)w)(self);
        if (n < 0) return NULL;
        return kr_int_from_ssize(n);
    }
    case KR_WRAP_HASH: {
        if (check_nargs(nargs, 0) < 0) return NULL;
        kr_hash h = ((kr_hashfunc)w)(self);
        if (h == -1 && kr_err_occurred()) return NULL;
        return kr_int_from_i64(h);
    }
    case KR_WRAP_RICHCMP:
        if (check_nargs(nargs, 1) < 0) return NULL;
        return ((kr_richcmpfunc)w)(self, args[0], sd->op);
    case KR_WRAP_GETATTR:
        if (check_nargs(nargs, 1) < 0) return NULL;
        return ((kr_getattrofunc)w)(self, args[0]);
    case KR_WRAP_SETATTR:
        if (check_nargs(nargs, 2) < 0) return NULL;
        if (hackcheck(self, w, "__setattr__") < 0) return NULL;
        return none_or_error(((kr_setattrofunc)w)(self, args[0], args[1]));
    case KR_WRAP_DELATTR:
        if (check_nargs(nargs, 1) < 0) return NULL;
        if (hackcheck(self, w, "__delattr__") < 0) return NULL;
        return none_or_error(((kr_setattrofunc)w)(self, args[0], NULL));
    case KR_WRAP_DESCR_GET: {
        if (nargs < 1 || nargs > 2)
            return kr_err_format(kr_exc_TypeError, "expected %s1 argument%s, got %zd",
                                 nargs < 1 ? "at least " : "at most ", "", nargs);
        KrObject *obj = args[0] == kr_none ? NULL : args[0];
        KrObject *type = nargs > 1 && args[1] != kr_none ? args[1] : NULL;
        if (!obj && !type) return kr_err_format(kr_exc_TypeError, "__get__(None, None) is invalid");
        return ((kr_descrgetfunc)w)(self, obj, type);
    }
    case KR_WRAP_DESCR_SET:
        if (check_nargs(nargs, 2) < 0) return NULL;
        return none_or_error(((kr_descrsetfunc)w)(self, args[0], args[1]));
    case KR_WRAP_DESCR_DEL:
        if (check_nargs(nargs, 1) < 0) return NULL;
        return none_or_error(((kr_descrsetfunc)w)(self, args[0], NULL));
    case KR_WRAP_CALL:
        return ((kr_vectorcallfunc)w)(self, args, (size_t)nargs, kwnames);
    case KR_WRAP_INIT: {
        KrObject *tuple = kr_tuple_from_array(args, nargs);
        if (!tuple) return NULL;
        KrObject *kwargs = NULL;
        if (kwnames && KR_SIZE(kwnames) > 0) {
            kwargs = kr_dict_new();
            for (kr_ssize i = 0; kwargs && i < KR_SIZE(kwnames); i++)
                if (kr_dict_set_item(kwargs, KR_TUPLE_ITEM(kwnames, i), args[nargs + i]) < 0)
                    KR_CLEAR(kwargs);
            if (!kwargs) {
                KR_DECREF(tuple);
                return NULL;
            }
        }
        int r = ((kr_initfunc)w)(self, tuple, kwargs);
        KR_DECREF(tuple);
        KR_XDECREF(kwargs);
        return none_or_error(r);
    }
    case KR_WRAP_NEXT: {
        if (check_nargs(nargs, 0) < 0) return NULL;
        KrObject *r = ((kr_iternextfunc)w)(self);
        if (!r && !kr_err_occurred()) kr_err_set_none(kr_exc_StopIteration);
        return r;
    }
    case KR_WRAP_OBJOBJ: {
        if (check_nargs(nargs, 1) < 0) return NULL;
        int r = ((kr_objobjproc)w)(self, args[0]);
        if (r < 0) return NULL;
        return KR_NEWREF(kr_bool_from(r));
    }
    case KR_WRAP_OBJOBJARG:
        if (check_nargs(nargs, 2) < 0) return NULL;
        return none_or_error(((kr_objobjargproc)w)(self, args[0], args[1]));
    case KR_WRAP_DELITEM:
        if (check_nargs(nargs, 1) < 0) return NULL;
        return none_or_error(((kr_objobjargproc)w)(self, args[0], NULL));
    case KR_WRAP_SQ_ITEM: {
        if (check_nargs(nargs, 1) < 0) return NULL;
        bool ok;
        kr_ssize i = sq_index(self, args[0], &ok);
        if (!ok) return NULL;
        return ((kr_ssizeargfunc)w)(self, i);
    }
    case KR_WRAP_SQ_SETITEM:
    case KR_WRAP_SQ_DELITEM: {
        if (check_nargs(nargs, kind == KR_WRAP_SQ_SETITEM ? 2 : 1) < 0) return NULL;
        bool ok;
        kr_ssize i = sq_index(self, args[0], &ok);
        if (!ok) return NULL;
        return none_or_error(
            ((kr_ssizeobjargproc)w)(self, i, kind == KR_WRAP_SQ_SETITEM ? args[1] : NULL));
    }
    case KR_WRAP_INDEXARG:
    case KR_WRAP_INDEXARG_R: {
        if (check_nargs(nargs, 1) < 0) return NULL;
        kr_ssize n = kr_number_as_ssize(args[0], kr_exc_OverflowError);
        if (n == -1 && kr_err_occurred()) return NULL;
        return ((kr_ssizeargfunc)w)(self, n);
    }
    case KR_WRAP_DEL:
        if (check_nargs(nargs, 0) < 0) return NULL;
        ((kr_destructor)w)(self);
        if (kr_err_occurred()) return NULL;
        return KR_NEWREF(kr_none);
    }
    kr_err_bad_internal_call("kr_typeslots_call_wrapper");
    return NULL;
}

/* ===========================================================================
 * Filling the slots of classes
 * ========================================================================= */

/* Recomputes one C slot of heap type t from the dunders its MRO provides (the rows
 * first..last all name this slot). */
static void update_one_slot(KrType *t, size_t first, size_t last) {
    const KrSlotDef *p0 = &kr_slotdefs[first];
    void **ptr = kr_typeslots_slot_ptr(t, p0);
    if (!ptr) return;
    void *specific = NULL, *generic = NULL;
    bool use_generic = false, found_any = false, only_foreign = true;
    for (size_t i = first; i <= last; i++) {
        const KrSlotDef *p = &kr_slotdefs[i];
        if (p->table != p0->table || p->offset != p0->offset) continue;
        KrObject *descr = kr_type_lookup(t, p->name_obj);
        if (!descr) continue;
        found_any = true;
        if (KR_TYPE(descr) == &kr_wrapper_descr_type) {
            KrWrapperDescr *d = (KrWrapperDescr *)descr;
            if (d->slot->table == p->table && d->slot->offset == p->offset &&
                kr_type_is_subtype(t, d->base.type)) {
                only_foreign = false;
                if (!specific || specific == d->wrapped)
                    specific = d->wrapped;
                else
                    use_generic = true, generic = p->heap_func;
                continue;
            }
            /* a wrapper of another slot with the same name (sq_item vs mp_subscript) */
            continue;
        }
        only_foreign = false;
        if (KR_TYPE(descr) == &kr_cfunction_type &&
            ((KrCFunction *)descr)->def == &kr_type_tp_new_def &&
            p->offset == offsetof(KrType, tp_new) && p->table == KR_SLOT_TYPE) {
            KrObject *owner = ((KrCFunction *)descr)->self;
            specific = owner && KR_TYPE_CHECK(owner) ? (void *)((KrType *)owner)->tp_new : NULL;
            continue;
        }
        if (descr == kr_none && p->table == KR_SLOT_TYPE &&
            p->offset == offsetof(KrType, tp_hash)) {
            specific = (void *)kr_object_hash_not_implemented;
            continue;
        }
        use_generic = true;
        generic = p->heap_func;
    }
    if (!found_any) {
        *ptr = NULL;
        return;
    }
    if (only_foreign) {
        /* keep what the base provides for this slot */
        KrType *b = t->tp_base;
        void **bp = b ? kr_typeslots_slot_ptr(b, p0) : NULL;
        *ptr = bp ? *bp : NULL;
        return;
    }
    *ptr = (specific && !use_generic) ? specific : generic;
}

void kr_typeslots_fixup(KrType *t) {
    kr_typeslots_init_names();
    /* each distinct slot once: rows before i naming the same slot already did it */
    for (size_t i = 0; i < NSLOTDEFS; i++) {
        bool seen = false;
        for (size_t j = 0; j < i && !seen; j++)
            seen = kr_slotdefs[j].table == kr_slotdefs[i].table &&
                   kr_slotdefs[j].offset == kr_slotdefs[i].offset;
        if (!seen) update_one_slot(t, i, NSLOTDEFS - 1);
    }
    if (t->tp_finalize) t->tp_flags |= KR_TPFLAGS_HAS_FINALIZE;
}

static void update_subclasses(KrType *t, KrObject *name, int depth) {
    if (KR_IS_HEAPTYPE(t)) {
        for (size_t i = 0; i < NSLOTDEFS; i++) {
            if (kr_slotdefs[i].name_obj != name) continue;
            /* find the first row of this slot so all its dunders are considered */
            size_t first = i;
            for (size_t j = 0; j < i; j++)
                if (kr_slotdefs[j].table == kr_slotdefs[i].table &&
                    kr_slotdefs[j].offset == kr_slotdefs[i].offset) {
                    first = j;
                    break;
                }
            update_one_slot(t, first, NSLOTDEFS - 1);
        }
        if (t->tp_finalize) t->tp_flags |= KR_TPFLAGS_HAS_FINALIZE;
    }
    if (!t->tp_subclasses || depth > 1000) return;
    kr_ssize pos = 0;
    KrObject *k, *v;
    while (kr_dict_next(t->tp_subclasses, &pos, &k, &v)) {
        KrType *sub = (KrType *)(uintptr_t)kr_int_as_i64(v);
        update_subclasses(sub, name, depth + 1);
    }
}

void kr_typeslots_update(KrType *t, KrObject *name) {
    kr_typeslots_init_names();
    update_subclasses(t, name, 0);
}

/* ===========================================================================
 * Instances of classes: dealloc / traverse / clear
 * ========================================================================= */

static KrType *static_base(KrType *t) {
    while (t && KR_IS_HEAPTYPE(t))
        t = t->tp_base;
    return t;
}

static void clear_slots(KrObject *self, KrType *t) {
    for (; t && KR_IS_HEAPTYPE(t); t = t->tp_base) {
        KrMemberDef *m = KR_HEAPTYPE(t)->members;
        if (!m) continue;
        for (; m->name; m++) {
            if (m->type != KR_MEMBER_OBJECT_EX) continue;
            KrObject **slot = (KrObject **)((char *)self + m->offset);
            KR_CLEAR(*slot);
        }
    }
}

void kr_typeslots_subtype_dealloc(KrObject *self) {
    KrType *t = KR_TYPE(self);
    if (t->tp_finalize == slot_tp_finalize) {
        /* __del__ runs once per object (PEP 442: the collector may have run it); if
         * it stored self somewhere the object is resurrected and the dealloc stops. */
        if (kr_gc_call_finalizer_from_dealloc(self) < 0) return;
        t = KR_TYPE(self); /* __del__ may have changed __class__ */
    }
    if (kr_type_has_flag(t, KR_TPFLAGS_HAVE_GC)) kr_gc_untrack(self);
    KrType *base = static_base(t);
    /* weakrefs die (their callbacks run) before the slots and the dict are cleared,
     * as in CPython; a static base with its own weakref list clears it itself */
    if (t->tp_weaklistoffset && (!base || !base->tp_weaklistoffset)) kr_weakref_clear_all(self);
    clear_slots(self, t);
    if (t->tp_dictoffset && (!base || base->tp_dictoffset != t->tp_dictoffset)) {
        if (t->tp_dictoffset < 0) {
            kr_type_var_dict_release(self);
        } else {
            KrObject **dp = (KrObject **)((char *)self + t->tp_dictoffset);
            KR_CLEAR(*dp);
        }
    }
    if (base && base->tp_dealloc)
        base->tp_dealloc(self);
    else
        kr_object_free(self);
    KR_DECREF(t);
}

int kr_typeslots_subtype_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrType *t = KR_TYPE(self);
    int r = visit((KrObject *)t, arg);
    if (r) return r;
    for (KrType *b = t; b && KR_IS_HEAPTYPE(b); b = b->tp_base) {
        KrMemberDef *m = KR_HEAPTYPE(b)->members;
        if (!m) continue;
        for (; m->name; m++) {
            KrObject *v = *(KrObject **)((char *)self + m->offset);
            if (m->type == KR_MEMBER_OBJECT_EX && v && (r = visit(v, arg))) return r;
        }
    }
    KrType *base = static_base(t);
    if (t->tp_dictoffset && (!base || base->tp_dictoffset != t->tp_dictoffset)) {
        KrObject **dp = kr_object_dictptr_any(self);
        if (dp && *dp && (r = visit(*dp, arg))) return r;
    }
    if (base && base->tp_traverse) return base->tp_traverse(self, visit, arg);
    return 0;
}

int kr_typeslots_subtype_clear(KrObject *self) {
    KrType *t = KR_TYPE(self);
    KrType *base = static_base(t);
    if (t->tp_dictoffset && (!base || base->tp_dictoffset != t->tp_dictoffset)) {
        KrObject **dp = kr_object_dictptr_any(self);
        if (dp) KR_CLEAR(*dp);
    }
    if (base && base->tp_clear) return base->tp_clear(self);
    return 0;
}
