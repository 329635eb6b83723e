/* alloc.c - object and raw memory allocation. Everything goes through mimalloc;
 * objects of GC types carry a KrGCHead prefix in front of the object header. */
#include <mimalloc.h>
#include <string.h>

#include "krait.h"

void *kr_mem_malloc(size_t n) {
    void *p = mi_malloc(n ? n : 1);
    if (!p) kr_err_no_memory();
    return p;
}

void *kr_mem_calloc(size_t count, size_t n) {
    void *p = mi_calloc(count ? count : 1, n ? n : 1);
    if (!p) kr_err_no_memory();
    return p;
}

void *kr_mem_realloc(void *p, size_t n) {
    void *q = mi_realloc(p, n ? n : 1);
    if (!q) kr_err_no_memory();
    return q;
}

void kr_mem_free(void *p) { mi_free(p); }

char *kr_mem_strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = kr_mem_malloc(n);
    if (d) memcpy(d, s, n);
    return d;
}

static KrObject *alloc_object(KrType *t, size_t size) {
    size = (size + 7) & ~(size_t)7;
    if (kr_type_has_flag(t, KR_TPFLAGS_HAVE_GC)) {
        char *mem = mi_zalloc(sizeof(KrGCHead) + size);
        if (!mem) return kr_err_no_memory();
        KrObject *o = (KrObject *)(mem + sizeof(KrGCHead));
        kr_object_init_header(o, t);
        return o;
    }
    KrObject *o = mi_zalloc(size);
    if (!o) return kr_err_no_memory();
    kr_object_init_header(o, t);
    return o;
}

KrObject *kr_object_new(KrType *t) {
    KrObject *o = alloc_object(t, (size_t)t->tp_basicsize);
    if (o && kr_type_has_flag(t, KR_TPFLAGS_HEAPTYPE)) KR_INCREF(t);
    return o;
}

KrObject *kr_object_new_var(KrType *t, kr_ssize n) {
    if (n < 0) {
        kr_err_bad_internal_call("kr_object_new_var");
        return NULL;
    }
    if (t->tp_itemsize && (size_t)n > (SIZE_MAX - (size_t)t->tp_basicsize) / (size_t)t->tp_itemsize)
        return kr_err_no_memory();
    KrObject *o = alloc_object(t, (size_t)t->tp_basicsize + (size_t)n * (size_t)t->tp_itemsize);
    if (!o) return NULL;
    ((KrVarObject *)o)->ob_size = n;
    if (kr_type_has_flag(t, KR_TPFLAGS_HEAPTYPE)) KR_INCREF(t);
    return o;
}

void kr_object_free(KrObject *o) {
    if (kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_HAVE_GC))
        mi_free((char *)o - sizeof(KrGCHead));
    else
        mi_free(o);
}

void kr_object_dealloc(KrObject *o) {
    KrType *t = KR_TYPE(o);
    t->tp_dealloc(o);
}
