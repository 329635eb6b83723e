/* frame.c - Python-visible frame objects (sys._getframe, tracebacks, gi_frame). The
 * interpreter's frames live on the thread's frame stack or inside a generator; a frame
 * object points at its frame while it runs and takes a copy when the frame finishes. */
#include <string.h>

#include "ceval_internal.h"

/* ---------------------------------------------------------------------------
 * Frame records
 * ------------------------------------------------------------------------- */

void kr_frame_copy(KrFrame *dst, KrFrame *src) {
    memcpy(dst, src, sizeof(KrFrame) + (size_t)src->stacktop * sizeof(KrObject *));
}

static void clear_contents(KrFrame *f) {
    for (int i = 0; i < f->stacktop; i++) KR_XDECREF(f->localsplus[i]);
    f->stacktop = 0;
    KR_CLEAR(f->locals);
    KR_CLEAR(f->func);
    KR_CLEAR(f->code);
}

/* Moves a finishing frame into its frame object, which outlives it. */
static void take_ownership(KrFrameObject *fo, KrFrame *f) {
    KrFrame *dst = (KrFrame *)fo->owned_data;
    kr_frame_copy(dst, f);
    dst->owner = KR_FRAME_OWNED_BY_FRAME_OBJECT;
    dst->frame_obj = (KrObject *)fo; /* borrowed: the frame lives inside fo */
    dst->previous = NULL;
    dst->is_entry = 0;
    fo->frame = dst;
    if (f->previous && !fo->back) {
        KrObject *saved = kr_err_fetch();
        fo->back = kr_frame_get_object(f->previous);
        if (!fo->back) kr_err_clear();
        kr_err_restore(saved);
    }
    f->stacktop = 0;
    f->locals = NULL;
    f->func = NULL;
    f->code = NULL;
}

void kr_frame_clear(KrFrame *f) {
    if (f->frame_obj) {
        KrFrameObject *fo = (KrFrameObject *)f->frame_obj;
        f->frame_obj = NULL;
        if (kr_refcnt((KrObject *)fo) > 1) {
            take_ownership(fo, f);
            KR_DECREF(fo);
            return;
        }
        KR_DECREF(fo);
    }
    clear_contents(f);
}

int kr_frame_lasti(KrFrame *f) {
    if (!f->code) return -1;
    return (int)(f->instr_ptr - f->code->code);
}

int kr_frame_lineno(KrFrame *f) {
    if (f->frame_obj && f->owner != KR_FRAME_OWNED_BY_FRAME_OBJECT) {
        int l = ((KrFrameObject *)f->frame_obj)->lineno;
        if (l >= 0) return l;
    }
    int lasti = kr_frame_lasti(f);
    if (lasti < 0) return f->code ? f->code->firstlineno : -1;
    return kr_code_addr_to_line(f->code, lasti);
}

KrObject *kr_frame_get_object(KrFrame *f) {
    if (f->frame_obj) return KR_NEWREF(f->frame_obj);
    KrFrameObject *fo =
        (KrFrameObject *)kr_object_new_var(&kr_frame_type, kr_frame_nslots(f->code));
    if (!fo) return NULL;
    fo->frame = f;
    fo->back = NULL;
    fo->lineno = -1;
    fo->trace_lines = 1;
    fo->trace_opcodes = 0;
    fo->trace = NULL;
    f->frame_obj = (KrObject *)fo; /* the frame's reference */
    kr_gc_track((KrObject *)fo);
    return KR_NEWREF(fo);
}

/* f_locals: the real namespace for module and class bodies; for functions a dict kept
 * on the frame and refreshed from the fast locals on every request (as CPython 3.11). */
KrObject *kr_frame_locals_dict(KrFrame *f) {
    KrCode *co = f->code;
    if (!(co->flags & KR_CO_OPTIMIZED)) {
        if (!f->locals) {
            f->locals = kr_dict_new();
            if (!f->locals) return NULL;
        }
        return KR_NEWREF(f->locals);
    }
    if (!f->locals) {
        f->locals = kr_dict_new();
        if (!f->locals) return NULL;
    }
    KrObject *d = f->locals;
    for (int i = 0; i < co->nlocalsplus; i++) {
        uint8_t kind = co->localspluskinds[i];
        if (kind & KR_LOCAL_KIND_HIDDEN) continue;
        KrObject *name = KR_TUPLE_ITEM(co->localsplusnames, i);
        KrObject *v = f->localsplus[i];
        if (v && (kind & (KR_LOCAL_KIND_CELL | KR_LOCAL_KIND_FREE)) &&
            KR_TYPE(v) == &kr_cell_type)
            v = ((KrCell *)v)->ref;
        if (v) {
            if (kr_dict_set_item(d, name, v) < 0) return NULL;
        } else {
            int has = kr_dict_contains(d, name);
            if (has < 0) return NULL;
            if (has && kr_dict_del_item(d, name) < 0) return NULL;
        }
    }
    return KR_NEWREF(d);
}

/* ---------------------------------------------------------------------------
 * The frame type
 * ------------------------------------------------------------------------- */

static bool frame_is_owned(KrFrameObject *fo) { return fo->frame == (KrFrame *)fo->owned_data; }

static void frame_dealloc(KrObject *self) {
    KrFrameObject *fo = (KrFrameObject *)self;
    kr_gc_untrack(self);
    if (frame_is_owned(fo)) {
        KrFrame *f = fo->frame;
        f->frame_obj = NULL;
        clear_contents(f);
    }
    KR_CLEAR(fo->back);
    KR_CLEAR(fo->trace);
    kr_object_free(self);
}

static int frame_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrFrameObject *fo = (KrFrameObject *)self;
    int r;
    if (fo->back && (r = visit(fo->back, arg))) return r;
    if (fo->trace && (r = visit(fo->trace, arg))) return r;
    if (frame_is_owned(fo)) {
        KrFrame *f = fo->frame;
        for (int i = 0; i < f->stacktop; i++)
            if (f->localsplus[i] && (r = visit(f->localsplus[i], arg))) return r;
        if (f->locals && (r = visit(f->locals, arg))) return r;
        if (f->func && (r = visit(f->func, arg))) return r;
    }
    return 0;
}

static int frame_tp_clear(KrObject *self) {
    KrFrameObject *fo = (KrFrameObject *)self;
    KR_CLEAR(fo->back);
    KR_CLEAR(fo->trace);
    if (frame_is_owned(fo)) {
        KrFrame *f = fo->frame;
        for (int i = 0; i < f->stacktop; i++) KR_CLEAR(f->localsplus[i]);
        KR_CLEAR(f->locals);
    }
    return 0;
}

static KrObject *frame_repr(KrObject *self) {
    KrFrame *f = ((KrFrameObject *)self)->frame;
    if (!f->code) return kr_str_from_format("<frame at %p (cleared)>", self);
    return kr_str_from_format("<frame at %p, file %R, line %d, code %U>", self, f->code->filename,
                              kr_frame_lineno(f), f->code->name);
}

static KrObject *frame_get_back(KrObject *self, void *c) {
    KrFrameObject *fo = (KrFrameObject *)self;
    if (frame_is_owned(fo)) return KR_NEWREF(fo->back ? fo->back : kr_none);
    KrFrame *prev = fo->frame->previous;
    if (!prev) return KR_NEWREF(kr_none);
    return kr_frame_get_object(prev);
}

static KrObject *frame_get_code(KrObject *self, void *c) {
    KrFrame *f = ((KrFrameObject *)self)->frame;
    return KR_NEWREF(f->code);
}
static KrObject *frame_get_globals(KrObject *self, void *c) {
    KrFrame *f = ((KrFrameObject *)self)->frame;
    return KR_NEWREF(f->globals ? f->globals : kr_none);
}
static KrObject *frame_get_builtins(KrObject *self, void *c) {
    KrFrame *f = ((KrFrameObject *)self)->frame;
    return KR_NEWREF(f->builtins ? f->builtins : kr_none);
}
static KrObject *frame_get_locals(KrObject *self, void *c) {
    KrFrame *f = ((KrFrameObject *)self)->frame;
    if (!f->code) return kr_dict_new();
    return kr_frame_locals_dict(f);
}
static KrObject *frame_get_lineno(KrObject *self, void *c) {
    KrFrameObject *fo = (KrFrameObject *)self;
    if (fo->lineno >= 0) return kr_int_from_i64(fo->lineno);
    if (!fo->frame->code) return KR_NEWREF(kr_none);
    int l = kr_frame_lineno(fo->frame);
    return l < 0 ? KR_NEWREF(kr_none) : kr_int_from_i64(l);
}
static int frame_set_lineno(KrObject *self, KrObject *value, void *c) {
    kr_err_set_string(kr_exc_ValueError, "f_lineno can only be set by a trace function");
    return -1;
}
static KrObject *frame_get_lasti(KrObject *self, void *c) {
    KrFrame *f = ((KrFrameObject *)self)->frame;
    int lasti = kr_frame_lasti(f);
    return kr_int_from_i64(lasti < 0 ? -1 : lasti * 2);
}
static KrObject *frame_get_trace(KrObject *self, void *c) {
    KrObject *t = ((KrFrameObject *)self)->trace;
    return KR_NEWREF(t ? t : kr_none);
}
static int frame_set_trace(KrObject *self, KrObject *value, void *c) {
    if (value == kr_none) value = NULL;
    KR_SETREF(((KrFrameObject *)self)->trace, kr_xnewref(value));
    return 0;
}
static KrObject *frame_get_trace_lines(KrObject *self, void *c) {
    return kr_bool_new(((KrFrameObject *)self)->trace_lines);
}
static int frame_set_trace_lines(KrObject *self, KrObject *value, void *c) {
    if (!value || !kr_is_type(value, &kr_bool_type)) {
        kr_err_set_string(kr_exc_TypeError, "attribute value type must be bool");
        return -1;
    }
    ((KrFrameObject *)self)->trace_lines = value == kr_true;
    return 0;
}
static KrObject *frame_get_trace_opcodes(KrObject *self, void *c) {
    return kr_bool_new(((KrFrameObject *)self)->trace_opcodes);
}
static int frame_set_trace_opcodes(KrObject *self, KrObject *value, void *c) {
    if (!value || !kr_is_type(value, &kr_bool_type)) {
        kr_err_set_string(kr_exc_TypeError, "attribute value type must be bool");
        return -1;
    }
    ((KrFrameObject *)self)->trace_opcodes = value == kr_true;
    return 0;
}

static KrObject *frame_clear_method(KrObject *self, KrObject *unused) {
    KrFrameObject *fo = (KrFrameObject *)self;
    if (!frame_is_owned(fo)) {
        if (fo->frame->owner == KR_FRAME_OWNED_BY_GENERATOR) {
            KrGen *gen = kr_gen_of_frame(fo->frame);
            if (gen->frame_state == KR_FRAME_EXECUTING) goto running;
            KrObject *r = kr_call_method((KrObject *)gen, "close", NULL, 0);
            if (!r) return NULL;
            KR_DECREF(r);
            return KR_NEWREF(kr_none);
        }
    running:
        kr_err_set_string(kr_exc_RuntimeError, "cannot clear an executing frame");
        return NULL;
    }
    KrFrame *f = fo->frame;
    KrCode *co = f->code;
    if (co) {
        for (int i = 0; i < f->stacktop; i++) KR_CLEAR(f->localsplus[i]);
        f->stacktop = co->nlocalsplus;
    }
    KR_CLEAR(fo->trace);
    return KR_NEWREF(kr_none);
}

static KrGetSetDef frame_getset[] = {
    {"f_back", frame_get_back, NULL, NULL, NULL},
    {"f_code", frame_get_code, NULL, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL, NULL},
    {"f_lineno", frame_get_lineno, frame_set_lineno, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL, NULL},
    {"f_trace", frame_get_trace, frame_set_trace, NULL, NULL},
    {"f_trace_lines", frame_get_trace_lines, frame_set_trace_lines, NULL, NULL},
    {"f_trace_opcodes", frame_get_trace_opcodes, frame_set_trace_opcodes, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static KrMethodDef frame_methods[] = {
    {"clear", (void *)frame_clear_method, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrType kr_frame_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "frame",
    .tp_basicsize = sizeof(KrFrameObject) + sizeof(KrFrame),
    .tp_itemsize = sizeof(KrObject *),
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_getattro = kr_object_generic_getattr,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_tp_clear,
    .tp_methods = frame_methods,
    .tp_getset = frame_getset,
};
