/* func_internal.h - small helpers shared by the functional-programming C modules
 * (itertools, _operator, _functools, _collections): constructing objects from
 * vectorcall arguments and the GC boilerplate of structs whose object fields come first. */
#ifndef KR_FUNC_INTERNAL_H
#define KR_FUNC_INTERNAL_H

#include "krait.h"

/* Runtime helpers exported by abstract_seq.c (not in the public headers). */
kr_ssize kr_object_length_hint(KrObject *o, kr_ssize deflt);

typedef KrObject *(*fi_ctor)(KrType *type, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames);

/* tp_new in terms of a vectorcall-style constructor: (args tuple, kwargs dict) are
 * flattened to an argument vector plus a tuple of keyword names. */
static inline KrObject *fi_new_via_vector(fi_ctor f, KrType *type, KrObject *args,
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

static inline int fi_no_kwargs(const char *name, KrObject *kwnames) {
    if (!kwnames || KR_SIZE(kwnames) == 0) return 0;
    kr_err_format(kr_exc_TypeError, "%s() takes no keyword arguments", name);
    return -1;
}

/* Defines NAME_vectorcall and NAME_tp_new around NAME_impl (a fi_ctor). */
#define FI_CTOR_WRAPPERS(NAME)                                                             \
    static KrObject *NAME##_vectorcall(KrObject *callable, KrObject *const *args,          \
                                       size_t nargsf, KrObject *kwnames) {                 \
        return NAME##_impl((KrType *)callable, args, kr_vectorcall_nargs(nargsf), kwnames); \
    }                                                                                      \
    static KrObject *NAME##_tp_new(KrType *type, KrObject *args, KrObject *kwargs) {        \
        return fi_new_via_vector(NAME##_impl, type, args, kwargs);                          \
    }

/* Defines NAME_dealloc, NAME_traverse and NAME_clear for a struct whose first N
 * fields after the header (starting at FIRST) are KrObject pointers (NULL allowed). */
#define FI_GC_FUNCS(NAME, STRUCT, FIRST, N)                                                \
    static int NAME##_traverse(KrObject *o, kr_visitproc visit, void *arg) {               \
        KrObject **f = (KrObject **)&((STRUCT *)o)->FIRST;                                 \
        for (int i = 0; i < (N); i++)                                                      \
            if (f[i]) {                                                                    \
                int r_ = visit(f[i], arg);                                                 \
                if (r_) return r_;                                                         \
            }                                                                              \
        return 0;                                                                          \
    }                                                                                      \
    static int NAME##_clear(KrObject *o) {                                                 \
        KrObject **f = (KrObject **)&((STRUCT *)o)->FIRST;                                 \
        for (int i = 0; i < (N); i++)                                                      \
            KR_CLEAR(f[i]);                                                                \
        return 0;                                                                          \
    }                                                                                      \
    static void NAME##_dealloc(KrObject *o) {                                              \
        kr_gc_untrack(o);                                                                  \
        NAME##_clear(o);                                                                   \
        kr_object_free(o);                                                                 \
    }

#endif /* KR_FUNC_INTERNAL_H */
