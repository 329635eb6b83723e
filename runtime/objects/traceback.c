/* traceback.c - traceback objects: one entry (frame, instruction, line) per frame an
 * exception passed through, linked innermost-last through tb_next. The eval loop adds
 * an entry with kr_traceback_here as an exception leaves each instruction. */
#include "ceval_internal.h"

KrObject *kr_traceback_new(KrObject *next, KrObject *frame, int lasti, int lineno) {
    if (next == kr_none) next = NULL;
    if ((next && KR_TYPE(next) != &kr_traceback_type) || !frame ||
        KR_TYPE(frame) != &kr_frame_type) {
        kr_err_bad_internal_call("kr_traceback_new");
        return NULL;
    }
    KrTraceback *tb = (KrTraceback *)kr_object_new(&kr_traceback_type);
    if (!tb) return NULL;
    tb->next = (KrTraceback *)kr_xnewref(next);
    tb->frame = KR_NEWREF(frame);
    tb->lasti = lasti;
    tb->lineno = lineno;
    kr_gc_track((KrObject *)tb);
    return (KrObject *)tb;
}

int kr_traceback_here(KrFrame *f) {
    KrObject *exc = kr_err_fetch();
    if (!exc) return 0;
    KrObject *fo = kr_frame_get_object(f);
    if (!fo) {
        /* keep the original exception rather than the MemoryError */
        kr_err_clear();
        kr_err_restore(exc);
        return -1;
    }
    if (!KR_EXC_CHECK(exc)) {
        KR_DECREF(fo);
        kr_err_restore(exc);
        return 0;
    }
    KrBaseException *be = (KrBaseException *)exc;
    KrObject *tb = kr_traceback_new(be->traceback, fo, kr_frame_lasti(f), kr_frame_lineno(f));
    KR_DECREF(fo);
    if (!tb) {
        kr_err_clear();
        kr_err_restore(exc);
        return -1;
    }
    KR_SETREF(be->traceback, tb);
    kr_err_restore(exc);
    return 0;
}

static void tb_dealloc(KrObject *self) {
    KrTraceback *tb = (KrTraceback *)self;
    kr_gc_untrack(self);
    KR_CLEAR(tb->next);
    KR_CLEAR(tb->frame);
    kr_object_free(self);
}

static int tb_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrTraceback *tb = (KrTraceback *)self;
    int r;
    if (tb->next && (r = visit((KrObject *)tb->next, arg))) return r;
    if (tb->frame && (r = visit(tb->frame, arg))) return r;
    return 0;
}

static int tb_clear(KrObject *self) {
    KrTraceback *tb = (KrTraceback *)self;
    KR_CLEAR(tb->next);
    KR_CLEAR(tb->frame);
    return 0;
}

static KrObject *tb_get_next(KrObject *self, void *c) {
    KrObject *n = (KrObject *)((KrTraceback *)self)->next;
    return KR_NEWREF(n ? n : kr_none);
}

static int tb_set_next(KrObject *self, KrObject *value, void *c) {
    if (!value) {
        kr_err_set_string(kr_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (value == kr_none) value = NULL;
    if (value && KR_TYPE(value) != &kr_traceback_type) {
        kr_err_format(kr_exc_TypeError, "expected traceback object, got '%s'",
                      KR_TYPE(value)->tp_name);
        return -1;
    }
    for (KrTraceback *cur = (KrTraceback *)value; cur; cur = cur->next) {
        if (cur == (KrTraceback *)self) {
            kr_err_set_string(kr_exc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    KR_SETREF(((KrTraceback *)self)->next, (KrTraceback *)kr_xnewref(value));
    return 0;
}

static KrObject *tb_get_frame(KrObject *self, void *c) {
    return KR_NEWREF(((KrTraceback *)self)->frame);
}
static KrObject *tb_get_lasti(KrObject *self, void *c) {
    int l = ((KrTraceback *)self)->lasti;
    return kr_int_from_i64(l < 0 ? -1 : (int64_t)l * 2);
}
static KrObject *tb_get_lineno(KrObject *self, void *c) {
    int l = ((KrTraceback *)self)->lineno;
    return l < 0 ? KR_NEWREF(kr_none) : kr_int_from_i64(l);
}

static KrGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* TracebackType(tb_next, tb_frame, tb_lasti, tb_lineno) */
static KrObject *tb_new(KrType *t, KrObject *args, KrObject *kwargs) {
    static const char *const kwlist[] = {"tb_next", "tb_frame", "tb_lasti", "tb_lineno", NULL};
    KrObject *next, *frame;
    int lasti, lineno;
    kr_ssize n = args ? KR_SIZE(args) : 0;
    KrObject *kwnames = NULL;
    KrObject *stack[8];
    kr_ssize nkw = kwargs ? kr_dict_size(kwargs) : 0;
    if (n + nkw > 4) {
        kr_err_format(kr_exc_TypeError, "TracebackType() takes at most 4 arguments (%zd given)",
                      n + nkw);
        return NULL;
    }
    for (kr_ssize i = 0; i < n; i++) stack[i] = KR_TUPLE_ITEM(args, i);
    if (nkw) {
        kwnames = kr_tuple_new(nkw);
        if (!kwnames) return NULL;
        kr_ssize pos = 0, j = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            KR_TUPLE_ITEM(kwnames, j) = KR_NEWREF(k);
            stack[n + j] = v;
            j++;
        }
    }
    int r = kr_arg_parse(stack, n, kwnames, "OOii:TracebackType", kwlist, &next, &frame, &lasti,
                         &lineno);
    KR_XDECREF(kwnames);
    if (r < 0) return NULL;
    if (next != kr_none && KR_TYPE(next) != &kr_traceback_type) {
        kr_err_format(kr_exc_TypeError, "expected traceback object or None, got '%s'",
                      KR_TYPE(next)->tp_name);
        return NULL;
    }
    if (KR_TYPE(frame) != &kr_frame_type) {
        kr_err_format(kr_exc_TypeError,
                      "TracebackType() argument 'tb_frame' must be frame, not %T", frame);
        return NULL;
    }
    return kr_traceback_new(next, frame, lasti < 0 ? -1 : lasti / 2, lineno);
}

static KrObject *tb_dir(KrObject *self, KrObject *unused) {
    return kr_tuple_pack(4, kr_str_intern_cstr("tb_frame"), kr_str_intern_cstr("tb_next"),
                         kr_str_intern_cstr("tb_lasti"), kr_str_intern_cstr("tb_lineno"));
}

static KrMethodDef tb_methods[] = {
    {"__dir__", (void *)tb_dir, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrType kr_traceback_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "traceback",
    .tp_basicsize = sizeof(KrTraceback),
    .tp_dealloc = tb_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a new traceback object.",
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_methods = tb_methods,
    .tp_getset = tb_getset,
    .tp_new = tb_new,
};
