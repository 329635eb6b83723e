/* call.c - calling objects: the vectorcall protocol (an object's own vectorcall
 * pointer at tp_vectorcall_offset, else its type's tp_call), conversions from
 * tuple/dict calls, and helpers for calling methods and special methods. */
#include <stdarg.h>
#include <string.h>

#include "krait.h"

KrObject *kr_vectorcall(KrObject *callable, KrObject *const *args, size_t nargsf,
                        KrObject *kwnames) {
    KrType *t = KR_TYPE(callable);
    if (t->tp_vectorcall_offset > 0) {
        kr_vectorcallfunc f = *(kr_vectorcallfunc *)((char *)callable + t->tp_vectorcall_offset);
        if (f) return f(callable, args, nargsf, kwnames);
    }
    if (t->tp_call) {
        /* Calls through tp_call (classes, __call__) can recurse without a Python frame.
         * Exception classes are exempt: CPython creates the exceptions C code raises
         * lazily, so raising RecursionError itself must not trip this guard. */
        if (KR_EXC_TYPE_CHECK(callable)) return t->tp_call(callable, args, nargsf, kwnames);
        if (kr_enter_recursive_call(" while calling a Python object") < 0) return NULL;
        KrObject *r = t->tp_call(callable, args, nargsf, kwnames);
        kr_leave_recursive_call();
        return r;
    }
    return kr_err_format(kr_exc_TypeError, "'%s' object is not callable", kr_type_name_cstr(t));
}

KrObject *kr_call(KrObject *callable, KrObject *args, KrObject *kwargs) {
    kr_ssize nargs = args ? KR_SIZE(args) : 0;
    KrObject *const *items = args ? KR_TUPLE_ITEMS(args) : NULL;
    kr_ssize nkw = kwargs ? kr_dict_size(kwargs) : 0;
    if (nkw == 0) return kr_vectorcall(callable, items, (size_t)nargs, NULL);
    KrObject *small[9], **stack = small;
    if (1 + nargs + nkw > 9) {
        stack = kr_mem_malloc(sizeof(KrObject *) * (size_t)(1 + nargs + nkw));
        if (!stack) return NULL;
    }
    KrObject *kwnames = kr_tuple_new(nkw);
    if (!kwnames) {
        if (stack != small) kr_mem_free(stack);
        return NULL;
    }
    if (nargs) memcpy(stack + 1, items, sizeof(KrObject *) * (size_t)nargs);
    kr_ssize pos = 0, i = 0;
    KrObject *k, *v;
    /* hold the values: the callee may mutate the dict it was given */
    while (kr_dict_next(kwargs, &pos, &k, &v) && i < nkw) {
        if (!KR_STR_CHECK(k)) {
            KR_DECREF(kwnames);
            for (kr_ssize j = 0; j < i; j++)
                KR_DECREF(stack[1 + nargs + j]);
            if (stack != small) kr_mem_free(stack);
            return kr_err_format(kr_exc_TypeError, "keywords must be strings");
        }
        KR_TUPLE_ITEM(kwnames, i) = KR_NEWREF(k);
        stack[1 + nargs + i] = KR_NEWREF(v);
        i++;
    }
    KrObject *r =
        kr_vectorcall(callable, stack + 1, (size_t)nargs | KR_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    for (kr_ssize j = 0; j < i; j++)
        KR_DECREF(stack[1 + nargs + j]);
    KR_DECREF(kwnames);
    if (stack != small) kr_mem_free(stack);
    return r;
}

KrObject *kr_call_noargs(KrObject *callable) { return kr_vectorcall(callable, NULL, 0, NULL); }

KrObject *kr_call_one(KrObject *callable, KrObject *arg) {
    KrObject *stack[2] = {NULL, arg};
    return kr_vectorcall(callable, stack + 1, 1 | KR_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

/* Calls `meth` (an unbound method when is_unbound) on obj with args. */
static KrObject *call_with_self(KrObject *meth, KrObject *obj, bool is_unbound,
                                KrObject *const *args, kr_ssize nargs, KrObject *kwnames) {
    kr_ssize total = nargs + (kwnames ? KR_SIZE(kwnames) : 0);
    KrObject *small[9], **stack = small;
    if (total + 1 > 9) {
        stack = kr_mem_malloc(sizeof(KrObject *) * (size_t)(total + 1));
        if (!stack) return NULL;
    }
    if (total) memcpy(stack + 1, args, sizeof(KrObject *) * (size_t)total);
    KrObject *r;
    if (is_unbound) {
        stack[0] = obj;
        r = kr_vectorcall(meth, stack, (size_t)(nargs + 1), kwnames);
    } else {
        r = kr_vectorcall(meth, stack + 1, (size_t)nargs | KR_VECTORCALL_ARGUMENTS_OFFSET, kwnames);
    }
    if (stack != small) kr_mem_free(stack);
    return r;
}

KrObject *kr_call_method(KrObject *obj, const char *name, KrObject *const *args, kr_ssize nargs) {
    KrObject *n = kr_str_intern_cstr(name);
    if (!n) return NULL;
    KrObject *meth;
    int r = kr_object_get_method(obj, n, &meth);
    if (r < 0) return NULL;
    KrObject *res = call_with_self(meth, obj, r == 1, args, nargs, NULL);
    KR_DECREF(meth);
    return res;
}

/* Arguments are KrObject* terminated by NULL. */
KrObject *kr_call_function(KrObject *callable, const char *fmt_unused, ...) {
    KrObject *small[16];
    kr_ssize n = 0;
    va_list ap;
    va_start(ap, fmt_unused);
    KrObject *a;
    while ((a = va_arg(ap, KrObject *)) != NULL) {
        if (n == 15) {
            va_end(ap);
            return kr_err_format(kr_exc_SystemError, "kr_call_function: too many arguments");
        }
        small[1 + n++] = a;
    }
    va_end(ap);
    return kr_vectorcall(callable, small + 1, (size_t)n | KR_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

KrObject *kr_call_special(KrObject *self, KrObject *name, KrObject *const *args, kr_ssize nargs,
                          int *found) {
    KrType *t = KR_TYPE(self);
    KrObject *descr = kr_type_lookup(t, name);
    if (!descr) {
        if (found) *found = 0;
        return NULL;
    }
    if (found) *found = 1;
    KR_INCREF(descr);
    KrObject *r;
    if (kr_type_has_flag(KR_TYPE(descr), KR_TPFLAGS_METHOD_DESCRIPTOR)) {
        r = call_with_self(descr, self, true, args, nargs, NULL);
    } else {
        kr_descrgetfunc f = KR_TYPE(descr)->tp_descr_get;
        if (f) {
            KrObject *bound = f(descr, self, (KrObject *)t);
            r = bound ? call_with_self(bound, self, false, args, nargs, NULL) : NULL;
            KR_XDECREF(bound);
        } else {
            r = call_with_self(descr, self, false, args, nargs, NULL);
        }
    }
    KR_DECREF(descr);
    return r;
}
