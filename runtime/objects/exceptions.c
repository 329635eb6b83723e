/* exceptions.c - the built-in exception hierarchy: one static type per entry of
 * KR_EXCEPTION_LIST, BaseException's machinery (args, traceback, context, cause,
 * notes) and the extra attributes of StopIteration, SystemExit, OSError, SyntaxError,
 * ImportError, NameError, AttributeError, the Unicode errors and exception groups. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "krait.h"

/* ---------------------------------------------------------------------------
 * BaseException
 * ------------------------------------------------------------------------- */

#define EXC(o) ((KrBaseException *)(o))

static KrObject *base_new(KrType *t, KrObject *args, KrObject *kwargs) {
    KrObject *self = kr_type_generic_alloc(t, 0);
    if (!self) return NULL;
    EXC(self)->args = args ? KR_NEWREF(args) : KR_NEWREF(kr_empty_tuple);
    return self;
}

static int base_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    if (kwargs && kr_dict_size(kwargs) > 0 && KR_TYPE(self)->tp_init == base_init) {
        kr_err_format(kr_exc_TypeError, "%s() takes no keyword arguments",
                      kr_type_name_cstr(KR_TYPE(self)));
        return -1;
    }
    KR_SETREF(EXC(self)->args, KR_NEWREF(args ? args : kr_empty_tuple));
    return 0;
}

static int base_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrBaseException *e = EXC(self);
    KrObject *fields[] = {e->dict, e->args, e->notes, e->traceback, e->context, e->cause};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i]) {
            int r = visit(fields[i], arg);
            if (r) return r;
        }
    return 0;
}

static int base_clear(KrObject *self) {
    KrBaseException *e = EXC(self);
    KR_CLEAR(e->dict);
    KR_CLEAR(e->args);
    KR_CLEAR(e->notes);
    KR_CLEAR(e->traceback);
    KR_CLEAR(e->context);
    KR_CLEAR(e->cause);
    return 0;
}

/* Subclass layouts add object fields after KrBaseException: clear them generically
 * from the type's member table. */
static void clear_members(KrObject *self) {
    for (KrType *t = KR_TYPE(self); t; t = t->tp_base) {
        if (!t->tp_members) continue;
        for (KrMemberDef *m = t->tp_members; m->name; m++)
            if (m->type == KR_MEMBER_OBJECT || m->type == KR_MEMBER_OBJECT_EX) {
                KrObject **slot = (KrObject **)((char *)self + m->offset);
                if (m->offset >= (kr_ssize)sizeof(KrBaseException) || m->offset < 0) KR_CLEAR(*slot);
            }
    }
}

static void base_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    kr_weakref_clear_all(self); /* a no-op unless a subclass adds __weakref__ */
    clear_members(self);
    base_clear(self);
    kr_object_free(self); /* a heap subclass's dealloc releases the type afterwards */
}

static KrObject *base_str(KrObject *self) {
    KrObject *args = EXC(self)->args;
    kr_ssize n = args ? KR_SIZE(args) : 0;
    if (n == 0) return kr_str_from_cstr("");
    if (n == 1) return kr_object_str(KR_TUPLE_ITEM(args, 0));
    return kr_object_str(args);
}

static KrObject *base_repr(KrObject *self) {
    KrObject *args = EXC(self)->args;
    const char *name = kr_type_name_cstr(KR_TYPE(self));
    if (!args || KR_SIZE(args) == 0) return kr_str_from_format("%s()", name);
    if (KR_SIZE(args) == 1) return kr_str_from_format("%s(%R)", name, KR_TUPLE_ITEM(args, 0));
    return kr_str_from_format("%s%R", name, args);
}

static KrObject *get_args(KrObject *self, void *c) {
    return KR_NEWREF(EXC(self)->args ? EXC(self)->args : kr_empty_tuple);
}
static int set_args(KrObject *self, KrObject *v, void *c) {
    if (!v) {
        kr_err_set_string(kr_exc_TypeError, "args may not be deleted");
        return -1;
    }
    KrObject *t = kr_tuple_from_iterable(v);
    if (!t) return -1;
    KR_SETREF(EXC(self)->args, t);
    return 0;
}

static KrObject *get_tb(KrObject *self, void *c) {
    return KR_NEWREF(EXC(self)->traceback ? EXC(self)->traceback : kr_none);
}
static int set_tb(KrObject *self, KrObject *v, void *c) {
    if (!v) {
        kr_err_set_string(kr_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != kr_none && KR_TYPE(v) != &kr_traceback_type) {
        kr_err_set_string(kr_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    kr_exception_set_traceback(self, v == kr_none ? NULL : v);
    return 0;
}

static KrObject *get_context(KrObject *self, void *c) {
    return KR_NEWREF(EXC(self)->context ? EXC(self)->context : kr_none);
}
static int set_context(KrObject *self, KrObject *v, void *c) {
    if (!v) {
        kr_err_set_string(kr_exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (v != kr_none && !KR_EXC_CHECK(v)) {
        kr_err_set_string(kr_exc_TypeError, "exception context must be None or derive from BaseException");
        return -1;
    }
    KR_SETREF(EXC(self)->context, v == kr_none ? NULL : KR_NEWREF(v));
    return 0;
}

static KrObject *get_cause(KrObject *self, void *c) {
    return KR_NEWREF(EXC(self)->cause ? EXC(self)->cause : kr_none);
}
static int set_cause(KrObject *self, KrObject *v, void *c) {
    if (!v) {
        kr_err_set_string(kr_exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (v != kr_none && !KR_EXC_CHECK(v)) {
        kr_err_set_string(kr_exc_TypeError, "exception cause must be None or derive from BaseException");
        return -1;
    }
    KR_SETREF(EXC(self)->cause, v == kr_none ? NULL : KR_NEWREF(v));
    EXC(self)->suppress_context = 1;
    return 0;
}

static KrObject *get_suppress(KrObject *self, void *c) {
    return kr_bool_new(EXC(self)->suppress_context);
}
static int set_suppress(KrObject *self, KrObject *v, void *c) {
    if (!v) {
        kr_err_set_string(kr_exc_TypeError, "__suppress_context__ may not be deleted");
        return -1;
    }
    int t = kr_object_is_true(v);
    if (t < 0) return -1;
    EXC(self)->suppress_context = (char)t;
    return 0;
}

static KrObject *get_dict(KrObject *self, void *c) {
    if (!EXC(self)->dict && !(EXC(self)->dict = kr_dict_new())) return NULL;
    return KR_NEWREF(EXC(self)->dict);
}

static KrObject *exc_with_traceback(KrObject *self, KrObject *tb) {
    if (set_tb(self, tb, NULL) < 0) return NULL;
    return KR_NEWREF(self);
}

static KrObject *exc_add_note(KrObject *self, KrObject *note) {
    if (!KR_STR_CHECK(note))
        return kr_err_format(kr_exc_TypeError, "note must be a str, not '%T'", note);
    KrObject *name = kr_str_intern_cstr("__notes__");
    KrObject *notes = NULL;
    if (kr_object_lookup_attr(self, name, &notes) < 0) return NULL;
    if (!notes) {
        notes = kr_list_new(0);
        if (!notes) return NULL;
        if (kr_object_setattr(self, name, notes) < 0) {
            KR_DECREF(notes);
            return NULL;
        }
    } else if (!KR_LIST_CHECK(notes)) {
        KR_DECREF(notes);
        return kr_err_format(kr_exc_TypeError, "Cannot add note: __notes__ is not a list");
    }
    int r = kr_list_append(notes, note);
    KR_DECREF(notes);
    if (r < 0) return NULL;
    return KR_NEWREF(kr_none);
}

static KrObject *exc_reduce(KrObject *self, KrObject *unused) {
    KrObject *args = EXC(self)->args ? EXC(self)->args : kr_empty_tuple;
    if (EXC(self)->dict && kr_dict_size(EXC(self)->dict) > 0)
        return kr_tuple_pack(3, (KrObject *)KR_TYPE(self), args, EXC(self)->dict);
    return kr_tuple_pack(2, (KrObject *)KR_TYPE(self), args);
}

static KrObject *exc_setstate(KrObject *self, KrObject *state) {
    if (state != kr_none) {
        if (!KR_DICT_CHECK(state)) return kr_err_format(kr_exc_TypeError, "state is not a dictionary");
        kr_ssize pos = 0;
        KrObject *k, *v;
        while (kr_dict_next(state, &pos, &k, &v))
            if (kr_object_setattr(self, k, v) < 0) return NULL;
    }
    return KR_NEWREF(kr_none);
}

static KrMethodDef base_methods[] = {
    {"with_traceback", (void *)exc_with_traceback, KR_METH_O,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"add_note", (void *)exc_add_note, KR_METH_O,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {"__reduce__", (void *)exc_reduce, KR_METH_NOARGS, NULL},
    {"__setstate__", (void *)exc_setstate, KR_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef base_getset[] = {
    {"__dict__", get_dict, NULL, NULL, NULL},
    {"args", get_args, set_args, NULL, NULL},
    {"__traceback__", get_tb, set_tb, NULL, NULL},
    {"__context__", get_context, set_context, "exception context", NULL},
    {"__cause__", get_cause, set_cause, "exception cause", NULL},
    {"__suppress_context__", get_suppress, set_suppress, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---------------------------------------------------------------------------
 * Accessors used by the runtime
 * ------------------------------------------------------------------------- */

KrObject *kr_exception_get_args(KrObject *exc) { return EXC(exc)->args; }
KrObject *kr_exception_get_context(KrObject *exc) { return EXC(exc)->context; }
KrObject *kr_exception_get_cause(KrObject *exc) { return EXC(exc)->cause; }
KrObject *kr_exception_get_traceback(KrObject *exc) { return EXC(exc)->traceback; }

void kr_exception_set_context(KrObject *exc, KrObject *ctx) { KR_SETREF(EXC(exc)->context, ctx); }

void kr_exception_set_cause(KrObject *exc, KrObject *cause) {
    KR_SETREF(EXC(exc)->cause, cause);
    EXC(exc)->suppress_context = 1;
}

void kr_exception_set_traceback(KrObject *exc, KrObject *tb) {
    KR_XINCREF(tb);
    KR_SETREF(EXC(exc)->traceback, tb);
}

KrObject *kr_exception_new(KrType *type, KrObject *args) {
    return kr_call((KrObject *)type, args ? args : kr_empty_tuple, NULL);
}

/* ---------------------------------------------------------------------------
 * Subclasses with extra state
 * ------------------------------------------------------------------------- */

/* Stores args[i] into the field when present. */
static void set_from_args(KrObject **field, KrObject *args, kr_ssize i) {
    KrObject *v = (args && KR_SIZE(args) > i) ? KR_TUPLE_ITEM(args, i) : kr_none;
    KR_SETREF(*field, KR_NEWREF(v));
}

/* StopIteration(value) */
static int stopiteration_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    if (base_init(self, args, kwargs) < 0) return -1;
    set_from_args(&((KrStopIteration *)self)->value, args, 0);
    return 0;
}
static KrMemberDef stopiteration_members[] = {
    {"value", KR_MEMBER_OBJECT, offsetof(KrStopIteration, value), 0, "generator return value"},
    {NULL, 0, 0, 0, NULL},
};

/* SystemExit(code) */
static int systemexit_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    if (base_init(self, args, kwargs) < 0) return -1;
    kr_ssize n = KR_SIZE(args);
    KrObject *code = n == 0 ? kr_none : n == 1 ? KR_TUPLE_ITEM(args, 0) : args;
    KR_SETREF(((KrSystemExit *)self)->code, KR_NEWREF(code));
    return 0;
}
static KrMemberDef systemexit_members[] = {
    {"code", KR_MEMBER_OBJECT, offsetof(KrSystemExit, code), 0, "exception code"},
    {NULL, 0, 0, 0, NULL},
};

/* KeyError's str is the repr of its single argument. */
static KrObject *keyerror_str(KrObject *self) {
    KrObject *args = EXC(self)->args;
    if (args && KR_SIZE(args) == 1) return kr_object_repr(KR_TUPLE_ITEM(args, 0));
    return base_str(self);
}

/* ImportError(msg, name=, path=) */
static int importerror_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KrImportError *e = (KrImportError *)self;
    KrObject *name = NULL, *path = NULL, *name_from = NULL;
    if (kwargs) {
        kr_ssize pos = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            if (kr_str_eq_cstr(k, "name")) name = v;
            else if (kr_str_eq_cstr(k, "path")) path = v;
            else if (kr_str_eq_cstr(k, "name_from")) name_from = v;
            else {
                kr_err_format(kr_exc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                              kr_type_name_cstr(KR_TYPE(self)));
                return -1;
            }
        }
    }
    if (base_init(self, args, NULL) < 0) return -1;
    KR_SETREF(e->name, KR_NEWREF(name ? name : kr_none));
    KR_SETREF(e->path, KR_NEWREF(path ? path : kr_none));
    KR_SETREF(e->name_from, KR_NEWREF(name_from ? name_from : kr_none));
    if (KR_SIZE(args) == 1)
        KR_SETREF(e->msg, KR_NEWREF(KR_TUPLE_ITEM(args, 0)));
    else
        KR_SETREF(e->msg, KR_NEWREF(kr_none));
    return 0;
}
static KrObject *importerror_str(KrObject *self) {
    KrImportError *e = (KrImportError *)self;
    if (e->msg && e->msg != kr_none) return kr_object_str(e->msg);
    return base_str(self);
}
static KrMemberDef importerror_members[] = {
    {"msg", KR_MEMBER_OBJECT, offsetof(KrImportError, msg), 0, "exception message"},
    {"name", KR_MEMBER_OBJECT, offsetof(KrImportError, name), 0, "module name"},
    {"path", KR_MEMBER_OBJECT, offsetof(KrImportError, path), 0, "module path"},
    {"name_from", KR_MEMBER_OBJECT, offsetof(KrImportError, name_from), 0, "name imported from module"},
    {NULL, 0, 0, 0, NULL},
};

/* NameError(name=) and AttributeError(name=, obj=) take keyword-only extras. */
static int kwonly_extras_init(KrObject *self, KrObject *args, KrObject *kwargs,
                              const char **names, KrObject **fields, int nfields) {
    for (int i = 0; i < nfields; i++) KR_SETREF(fields[i], NULL);
    if (kwargs) {
        kr_ssize pos = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            int found = 0;
            for (int i = 0; i < nfields; i++)
                if (kr_str_eq_cstr(k, names[i])) {
                    KR_SETREF(fields[i], KR_NEWREF(v));
                    found = 1;
                }
            if (!found) {
                kr_err_format(kr_exc_TypeError, "%s() got an unexpected keyword argument '%U'",
                              kr_type_name_cstr(KR_TYPE(self)), k);
                return -1;
            }
        }
    }
    return base_init(self, args, NULL);
}
static int nameerror_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    static const char *names[] = {"name"};
    KrNameError *e = (KrNameError *)self;
    KrObject *fields[1] = {e->name};
    e->name = NULL;
    int r = kwonly_extras_init(self, args, kwargs, names, fields, 1);
    e->name = fields[0];
    return r;
}
static KrMemberDef nameerror_members[] = {
    {"name", KR_MEMBER_OBJECT, offsetof(KrNameError, name), 0, "name"},
    {NULL, 0, 0, 0, NULL},
};
static int attributeerror_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    static const char *names[] = {"name", "obj"};
    KrAttributeError *e = (KrAttributeError *)self;
    KrObject *fields[2] = {e->name, e->obj};
    e->name = e->obj = NULL;
    int r = kwonly_extras_init(self, args, kwargs, names, fields, 2);
    e->name = fields[0];
    e->obj = fields[1];
    return r;
}
static KrMemberDef attributeerror_members[] = {
    {"name", KR_MEMBER_OBJECT, offsetof(KrAttributeError, name), 0, "attribute name"},
    {"obj", KR_MEMBER_OBJECT, offsetof(KrAttributeError, obj), 0, "object"},
    {NULL, 0, 0, 0, NULL},
};

/* OSError(errno, strerror, ...) picks the subclass for the errno (OSError(2, 'x') is
 * a FileNotFoundError), as CPython's OSError.__new__ does. */
static KrObject *oserror_new(KrType *t, KrObject *args, KrObject *kwargs) {
    if (t == kr_exc_OSError && args && KR_SIZE(args) >= 2 && KR_INT_CHECK(KR_TUPLE_ITEM(args, 0))) {
        int overflow;
        int64_t e;
        overflow = kr_int_as_i64_overflow(KR_TUPLE_ITEM(args, 0), &e);
        if (!overflow && e > 0 && e < 100000) {
            KrType *sub = kr_oserror_subclass_for_errno((int)e);
            if (sub) t = sub;
        }
    }
    return base_new(t, args, kwargs);
}

/* OSError(errno, strerror[, filename[, winerror[, filename2]]]) */
static int oserror_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KrOSError *e = (KrOSError *)self;
    if (base_init(self, args, kwargs) < 0) return -1;
    kr_ssize n = KR_SIZE(args);
    KR_CLEAR(e->myerrno);
    KR_CLEAR(e->strerror);
    KR_CLEAR(e->filename);
    KR_CLEAR(e->filename2);
    if (n >= 2 && n <= 5) {
        e->myerrno = KR_NEWREF(KR_TUPLE_ITEM(args, 0));
        e->strerror = KR_NEWREF(KR_TUPLE_ITEM(args, 1));
        if (n >= 3) e->filename = KR_NEWREF(KR_TUPLE_ITEM(args, 2));
        if (n == 5) e->filename2 = KR_NEWREF(KR_TUPLE_ITEM(args, 4));
        /* like CPython, args keeps only (errno, strerror) when a filename is given */
        if (n >= 3) {
            KrObject *two = kr_tuple_pack(2, e->myerrno, e->strerror);
            if (!two) return -1;
            KR_SETREF(e->base.args, two);
        }
    }
    return 0;
}
static KrObject *oserror_str(KrObject *self) {
    KrOSError *e = (KrOSError *)self;
    if (e->filename && e->filename != kr_none) {
        if (e->filename2 && e->filename2 != kr_none)
            return kr_str_from_format("[Errno %S] %S: %R -> %R", e->myerrno, e->strerror,
                                      e->filename, e->filename2);
        return kr_str_from_format("[Errno %S] %S: %R", e->myerrno, e->strerror, e->filename);
    }
    if (e->myerrno && e->strerror)
        return kr_str_from_format("[Errno %S] %S", e->myerrno, e->strerror);
    return base_str(self);
}
static KrMemberDef oserror_members[] = {
    {"errno", KR_MEMBER_OBJECT, offsetof(KrOSError, myerrno), 0, "POSIX exception code"},
    {"strerror", KR_MEMBER_OBJECT, offsetof(KrOSError, strerror), 0, "exception strerror"},
    {"filename", KR_MEMBER_OBJECT, offsetof(KrOSError, filename), 0, "exception filename"},
    {"filename2", KR_MEMBER_OBJECT, offsetof(KrOSError, filename2), 0, "second exception filename"},
    {NULL, 0, 0, 0, NULL},
};

/* SyntaxError(msg, (filename, lineno, offset, text[, end_lineno, end_offset])) */
static int syntaxerror_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KrSyntaxError *e = (KrSyntaxError *)self;
    if (base_init(self, args, kwargs) < 0) return -1;
    kr_ssize n = KR_SIZE(args);
    if (n >= 1) KR_SETREF(e->msg, KR_NEWREF(KR_TUPLE_ITEM(args, 0)));
    if (n == 2) {
        KrObject *info = kr_tuple_from_iterable(KR_TUPLE_ITEM(args, 1));
        if (!info) return -1;
        kr_ssize m = KR_SIZE(info);
        if (m < 4 || m > 6) {
            KR_DECREF(info);
            kr_err_set_string(kr_exc_IndexError, "tuple index out of range");
            return -1;
        }
        KrObject **fields[] = {&e->filename, &e->lineno, &e->offset, &e->text, &e->end_lineno,
                               &e->end_offset};
        for (kr_ssize i = 0; i < m; i++) KR_SETREF(*fields[i], KR_NEWREF(KR_TUPLE_ITEM(info, i)));
        KR_DECREF(info);
    }
    return 0;
}
static KrObject *syntaxerror_str(KrObject *self) {
    KrSyntaxError *e = (KrSyntaxError *)self;
    KrObject *msg = e->msg ? e->msg : kr_none;
    const char *fname = NULL;
    if (e->filename && KR_STR_CHECK(e->filename)) {
        const char *full = kr_str_data(e->filename);
        const char *slash = strrchr(full, '/');
        fname = slash ? slash + 1 : full;
    }
    bool have_line = e->lineno && KR_INT_CHECK(e->lineno);
    if (fname && have_line)
        return kr_str_from_format("%S (%s, line %S)", msg, fname, e->lineno);
    if (fname) return kr_str_from_format("%S (%s)", msg, fname);
    if (have_line) return kr_str_from_format("%S (line %S)", msg, e->lineno);
    return kr_object_str(msg);
}
static KrMemberDef syntaxerror_members[] = {
    {"msg", KR_MEMBER_OBJECT, offsetof(KrSyntaxError, msg), 0, "exception msg"},
    {"filename", KR_MEMBER_OBJECT, offsetof(KrSyntaxError, filename), 0, "exception filename"},
    {"lineno", KR_MEMBER_OBJECT, offsetof(KrSyntaxError, lineno), 0, "exception lineno"},
    {"offset", KR_MEMBER_OBJECT, offsetof(KrSyntaxError, offset), 0, "exception offset"},
    {"text", KR_MEMBER_OBJECT, offsetof(KrSyntaxError, text), 0, "exception text"},
    {"end_lineno", KR_MEMBER_OBJECT, offsetof(KrSyntaxError, end_lineno), 0, "exception end lineno"},
    {"end_offset", KR_MEMBER_OBJECT, offsetof(KrSyntaxError, end_offset), 0, "exception end offset"},
    {"print_file_and_line", KR_MEMBER_OBJECT, offsetof(KrSyntaxError, print_file_and_line), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* UnicodeDecodeError(encoding, object, start, end, reason) and friends */
static int unicodeerror_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KrUnicodeError *e = (KrUnicodeError *)self;
    if (base_init(self, args, kwargs) < 0) return -1;
    KrType *t = KR_TYPE(self);
    if (kr_object_type_is_sub(t, kr_exc_UnicodeError) && t != kr_exc_UnicodeError) {
        bool translate = kr_object_type_is_sub(t, kr_exc_UnicodeTranslateError);
        kr_ssize want = translate ? 4 : 5;
        if (KR_SIZE(args) != want) {
            kr_err_format(kr_exc_TypeError, "function takes exactly %zd arguments (%zd given)", want,
                          KR_SIZE(args));
            return -1;
        }
        kr_ssize i = 0;
        if (!translate) KR_SETREF(e->encoding, KR_NEWREF(KR_TUPLE_ITEM(args, i++)));
        KR_SETREF(e->object, KR_NEWREF(KR_TUPLE_ITEM(args, i++)));
        e->start = kr_number_as_ssize(KR_TUPLE_ITEM(args, i++), NULL);
        e->end = kr_number_as_ssize(KR_TUPLE_ITEM(args, i++), NULL);
        if (kr_err_occurred()) return -1;
        KR_SETREF(e->reason, KR_NEWREF(KR_TUPLE_ITEM(args, i)));
    }
    return 0;
}
static KrObject *unicodeerror_str(KrObject *self) {
    KrUnicodeError *e = (KrUnicodeError *)self;
    KrType *t = KR_TYPE(self);
    if (!e->object || !e->reason) return base_str(self);
    kr_ssize len = KR_BYTES_CHECK(e->object) ? KR_SIZE(e->object)
                   : KR_STR_CHECK(e->object) ? kr_str_length(e->object) : 0;
    bool one = e->start >= 0 && e->start < len && e->end == e->start + 1;
    if (kr_object_type_is_sub(t, kr_exc_UnicodeDecodeError)) {
        if (one)
            return kr_str_from_format("'%S' codec can't decode byte 0x%02x in position %zd: %S",
                                      e->encoding, (unsigned)(unsigned char)kr_bytes_data(e->object)[e->start],
                                      e->start, e->reason);
        return kr_str_from_format("'%S' codec can't decode bytes in position %zd-%zd: %S",
                                  e->encoding, e->start, e->end - 1, e->reason);
    }
    const char *what = kr_object_type_is_sub(t, kr_exc_UnicodeEncodeError) ? "encode" : "translate";
    if (one) {
        uint32_t ch = kr_str_char_at(e->object, e->start);
        const char *fmt = ch <= 0xff ? "\\x%02x" : ch <= 0xffff ? "\\u%04x" : "\\U%08x";
        char esc[16];
        snprintf(esc, sizeof esc, fmt, ch);
        if (what[0] == 'e')
            return kr_str_from_format("'%S' codec can't encode character '%s' in position %zd: %S",
                                      e->encoding, esc, e->start, e->reason);
        return kr_str_from_format("can't translate character '%s' in position %zd: %S", esc,
                                  e->start, e->reason);
    }
    if (what[0] == 'e')
        return kr_str_from_format("'%S' codec can't encode characters in position %zd-%zd: %S",
                                  e->encoding, e->start, e->end - 1, e->reason);
    return kr_str_from_format("can't translate characters in position %zd-%zd: %S", e->start,
                              e->end - 1, e->reason);
}
static KrMemberDef unicodeerror_members[] = {
    {"encoding", KR_MEMBER_OBJECT, offsetof(KrUnicodeError, encoding), 0, "exception encoding"},
    {"object", KR_MEMBER_OBJECT, offsetof(KrUnicodeError, object), 0, "exception object"},
    {"start", KR_MEMBER_SSIZE, offsetof(KrUnicodeError, start), 0, "exception start"},
    {"end", KR_MEMBER_SSIZE, offsetof(KrUnicodeError, end), 0, "exception end"},
    {"reason", KR_MEMBER_OBJECT, offsetof(KrUnicodeError, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL},
};

/* ---------------------------------------------------------------------------
 * BaseExceptionGroup / ExceptionGroup
 * ------------------------------------------------------------------------- */

#define EG(o) ((KrBaseExceptionGroup *)(o))

static KrObject *eg_new(KrType *t, KrObject *args, KrObject *kwargs) {
    const char *name = kr_type_name_cstr(t);
    if (kwargs && kr_dict_size(kwargs) > 0)
        return kr_err_format(kr_exc_TypeError, "%s() takes no keyword arguments", name);
    if (KR_SIZE(args) != 2)
        return kr_err_format(kr_exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zd given)",
                             KR_SIZE(args));
    KrObject *msg = KR_TUPLE_ITEM(args, 0), *seq = KR_TUPLE_ITEM(args, 1);
    if (!KR_STR_CHECK(msg))
        return kr_err_format(kr_exc_TypeError, "argument 1 must be str, not %T", msg);
    if (KR_ANYSET_CHECK(seq) || KR_DICT_CHECK(seq) || KR_STR_CHECK(seq) ||
        !(KR_LIST_CHECK(seq) || KR_TUPLE_CHECK(seq) || KR_TYPE(seq)->tp_as_sequence))
        return kr_err_format(kr_exc_TypeError, "second argument (exceptions) must be a sequence");
    KrObject *excs = kr_tuple_from_iterable(seq);
    if (!excs) return NULL;
    if (KR_SIZE(excs) == 0) {
        KR_DECREF(excs);
        return kr_err_format(kr_exc_ValueError, "second argument (exceptions) must be a non-empty sequence");
    }
    bool all_exceptions = true;
    for (kr_ssize i = 0; i < KR_SIZE(excs); i++) {
        KrObject *x = KR_TUPLE_ITEM(excs, i);
        if (!KR_EXC_CHECK(x)) {
            KR_DECREF(excs);
            return kr_err_format(kr_exc_ValueError, "Item %zd of second argument (exceptions) is not an exception", i);
        }
        if (!kr_object_type_is_sub(KR_TYPE(x), kr_exc_Exception)) all_exceptions = false;
    }
    KrType *cls = t;
    if (t == kr_exc_BaseExceptionGroup) {
        if (all_exceptions) cls = kr_exc_ExceptionGroup;
    } else if (t == kr_exc_ExceptionGroup) {
        if (!all_exceptions) {
            KR_DECREF(excs);
            return kr_err_format(kr_exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
        }
    } else if (!all_exceptions && kr_object_type_is_sub(t, kr_exc_Exception)) {
        KR_DECREF(excs);
        return kr_err_format(kr_exc_TypeError, "Cannot nest BaseExceptions in '%s'", name);
    }
    KrObject *self = base_new(cls, args, kwargs);
    if (!self) {
        KR_DECREF(excs);
        return NULL;
    }
    EG(self)->msg = KR_NEWREF(msg);
    EG(self)->excs = excs;
    return self;
}

static int eg_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KR_SETREF(EXC(self)->args, KR_NEWREF(args));
    return 0;
}

static KrObject *eg_str(KrObject *self) {
    kr_ssize n = EG(self)->excs ? KR_SIZE(EG(self)->excs) : 0;
    return kr_str_from_format("%S (%zd sub-exception%s)", EG(self)->msg ? EG(self)->msg : kr_none,
                              n, n == 1 ? "" : "s");
}

static KrObject *eg_get_message(KrObject *self, void *c) {
    return KR_NEWREF(EG(self)->msg ? EG(self)->msg : kr_none);
}
static KrObject *eg_get_exceptions(KrObject *self, void *c) {
    return KR_NEWREF(EG(self)->excs ? EG(self)->excs : kr_empty_tuple);
}

/* derive(excs) -> a new group of the same kind with the same message */
static KrObject *eg_derive(KrObject *self, KrObject *excs) {
    KrObject *args = kr_tuple_pack(2, EG(self)->msg, excs);
    if (!args) return NULL;
    KrObject *r = kr_call((KrObject *)kr_exc_BaseExceptionGroup, args, NULL);
    KR_DECREF(args);
    return r;
}

/* Copies __traceback__, __context__, __cause__ and __notes__ to a derived group. */
static int copy_metadata(KrObject *from, KrObject *to) {
    kr_exception_set_traceback(to, EXC(from)->traceback);
    KR_XINCREF(EXC(from)->context);
    kr_exception_set_context(to, EXC(from)->context);
    KR_XINCREF(EXC(from)->cause);
    KR_SETREF(EXC(to)->cause, EXC(from)->cause);
    EXC(to)->suppress_context = EXC(from)->suppress_context;
    KrObject *notes = NULL;
    KrObject *name = kr_str_intern_cstr("__notes__");
    if (kr_object_lookup_attr(from, name, &notes) < 0) return -1;
    if (notes) {
        int r = kr_object_setattr(to, name, notes);
        KR_DECREF(notes);
        return r;
    }
    return 0;
}

typedef enum { MATCH_TYPE, MATCH_PREDICATE } MatcherKind;

static int exc_matches(KrObject *exc, KrObject *matcher, MatcherKind kind) {
    if (kind == MATCH_TYPE) return kr_err_given_matches(exc, matcher);
    KrObject *r = kr_call_one(matcher, exc);
    if (!r) return -1;
    int t = kr_object_is_true(r);
    KR_DECREF(r);
    return t;
}

/* Splits `exc` (a group or a leaf) into the parts that match and the rest. */
static int split_recursive(KrObject *exc, KrObject *matcher, MatcherKind kind, bool construct_rest,
                           KrObject **match, KrObject **rest) {
    *match = *rest = NULL;
    int m = exc_matches(exc, matcher, kind);
    if (m < 0) return -1;
    if (m) {
        *match = KR_NEWREF(exc);
        return 0;
    }
    if (!kr_object_type_is_sub(KR_TYPE(exc), kr_exc_BaseExceptionGroup)) {
        if (construct_rest) *rest = KR_NEWREF(exc);
        return 0;
    }
    KrObject *excs = EG(exc)->excs;
    KrObject *mlist = kr_list_new(0), *rlist = construct_rest ? kr_list_new(0) : NULL;
    if (!mlist || (construct_rest && !rlist)) goto fail;
    for (kr_ssize i = 0; i < KR_SIZE(excs); i++) {
        KrObject *sm, *sr;
        if (split_recursive(KR_TUPLE_ITEM(excs, i), matcher, kind, construct_rest, &sm, &sr) < 0) goto fail;
        if (sm && kr_list_append_steal(mlist, sm) < 0) {
            KR_XDECREF(sr);
            goto fail;
        }
        if (sr && kr_list_append_steal(rlist, sr) < 0) goto fail;
    }
    /* derive() receives lists, as in CPython (observable in the reprs of the parts) */
    if (KR_SIZE(mlist) > 0) {
        *match = kr_call_method(exc, "derive", &mlist, 1);
        if (!*match || copy_metadata(exc, *match) < 0) goto fail;
    }
    if (rlist && KR_SIZE(rlist) > 0) {
        *rest = kr_call_method(exc, "derive", &rlist, 1);
        if (!*rest || copy_metadata(exc, *rest) < 0) goto fail;
    }
    KR_DECREF(mlist);
    KR_XDECREF(rlist);
    return 0;
fail:
    KR_XDECREF(mlist);
    KR_XDECREF(rlist);
    KR_CLEAR(*match);
    KR_CLEAR(*rest);
    return -1;
}

static int get_matcher_kind(KrObject *matcher, MatcherKind *kind) {
    if (KR_TYPE_CHECK(matcher) && kr_object_type_is_sub((KrType *)matcher, kr_exc_BaseException)) {
        *kind = MATCH_TYPE;
        return 0;
    }
    if (KR_TUPLE_CHECK(matcher)) {
        for (kr_ssize i = 0; i < KR_SIZE(matcher); i++) {
            KrObject *x = KR_TUPLE_ITEM(matcher, i);
            if (!(KR_TYPE_CHECK(x) && kr_object_type_is_sub((KrType *)x, kr_exc_BaseException))) goto bad;
        }
        *kind = MATCH_TYPE;
        return 0;
    }
    if (kr_object_isinstance(matcher, (KrObject *)&kr_function_type) > 0 ||
        KR_TYPE(matcher)->tp_call) {
        *kind = MATCH_PREDICATE;
        return 0;
    }
bad:
    kr_err_set_string(kr_exc_TypeError, "expected an exception type, a tuple of exception types, or a callable (other than a class)");
    return -1;
}

int kr_exception_group_split(KrObject *eg, KrObject *matcher, KrObject **match, KrObject **rest) {
    MatcherKind kind;
    if (get_matcher_kind(matcher, &kind) < 0) return -1;
    return split_recursive(eg, matcher, kind, true, match, rest);
}

static KrObject *eg_split(KrObject *self, KrObject *matcher) {
    KrObject *m, *r;
    if (kr_exception_group_split(self, matcher, &m, &r) < 0) return NULL;
    KrObject *res = kr_tuple_pack(2, m ? m : kr_none, r ? r : kr_none);
    KR_XDECREF(m);
    KR_XDECREF(r);
    return res;
}

static KrObject *eg_subgroup(KrObject *self, KrObject *matcher) {
    MatcherKind kind;
    if (get_matcher_kind(matcher, &kind) < 0) return NULL;
    KrObject *m, *r;
    if (split_recursive(self, matcher, kind, false, &m, &r) < 0) return NULL;
    KR_XDECREF(r);
    return m ? m : KR_NEWREF(kr_none);
}

static int eg_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    if (EG(self)->msg && visit(EG(self)->msg, arg)) return 1;
    if (EG(self)->excs && visit(EG(self)->excs, arg)) return 1;
    return base_traverse(self, visit, arg);
}

static KrMethodDef eg_methods[] = {
    {"derive", (void *)eg_derive, KR_METH_O, NULL},
    {"split", (void *)eg_split, KR_METH_O, NULL},
    {"subgroup", (void *)eg_subgroup, KR_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};
static KrGetSetDef eg_getset[] = {
    {"message", eg_get_message, NULL, "exception message", NULL},
    {"exceptions", eg_get_exceptions, NULL, "nested exceptions", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};
/* ---------------------------------------------------------------------------
 * The static types
 * ------------------------------------------------------------------------- */

#define KR_DEFINE_EXC(cname, pyname, base, layout)                                         \
    static KrType exc_type_##cname = {                                                     \
        .ob_base = KR_STATIC_TYPE_HEAD,                                                    \
        .tp_name = pyname,                                                                 \
        .tp_basicsize = sizeof(layout),                                                    \
        .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASE_EXC_SUBCLASS,  \
        .tp_dictoffset = offsetof(KrBaseException, dict),                                  \
    };                                                                                     \
    KrType *kr_exc_##cname = &exc_type_##cname;
KR_EXCEPTION_LIST(KR_DEFINE_EXC)
#undef KR_DEFINE_EXC

static void set_doc(KrType *t, const char *doc) { t->tp_doc = doc; }

int kr_exceptions_init(void) {
    /* link each type to its base as the list says (BaseException's base is object) */
    __attribute__((unused)) KrType *base_type_of_object = &kr_object_type;
#define KR_DECL_BASE(cname, pyname, base, layout) \
    __attribute__((unused)) KrType *base_type_of_##cname = &exc_type_##cname;
    KR_EXCEPTION_LIST(KR_DECL_BASE)
#undef KR_DECL_BASE
#define KR_SET_BASE(cname, pyname, base, layout) exc_type_##cname.tp_base = base_type_of_##base;
    KR_EXCEPTION_LIST(KR_SET_BASE)
#undef KR_SET_BASE

    /* BaseException's behaviour, inherited by all through kr_type_ready */
    KrType *be = kr_exc_BaseException;
    be->tp_new = base_new;
    be->tp_init = base_init;
    be->tp_dealloc = base_dealloc;
    be->tp_traverse = base_traverse;
    be->tp_clear = base_clear;
    be->tp_str = base_str;
    be->tp_repr = base_repr;
    be->tp_methods = base_methods;
    be->tp_getset = base_getset;
    set_doc(be, "Common base class for all exceptions");

    kr_exc_StopIteration->tp_init = stopiteration_init;
    kr_exc_StopIteration->tp_members = stopiteration_members;
    kr_exc_SystemExit->tp_init = systemexit_init;
    kr_exc_SystemExit->tp_members = systemexit_members;
    kr_exc_KeyError->tp_str = keyerror_str;
    kr_exc_ImportError->tp_init = importerror_init;
    kr_exc_ImportError->tp_str = importerror_str;
    kr_exc_ImportError->tp_members = importerror_members;
    kr_exc_NameError->tp_init = nameerror_init;
    kr_exc_NameError->tp_members = nameerror_members;
    kr_exc_AttributeError->tp_init = attributeerror_init;
    kr_exc_AttributeError->tp_members = attributeerror_members;
    kr_exc_OSError->tp_new = oserror_new;
    kr_exc_OSError->tp_init = oserror_init;
    kr_exc_OSError->tp_str = oserror_str;
    kr_exc_OSError->tp_members = oserror_members;
    kr_exc_SyntaxError->tp_init = syntaxerror_init;
    kr_exc_SyntaxError->tp_str = syntaxerror_str;
    kr_exc_SyntaxError->tp_members = syntaxerror_members;
    kr_exc_UnicodeError->tp_init = unicodeerror_init;
    kr_exc_UnicodeError->tp_str = unicodeerror_str;
    kr_exc_UnicodeError->tp_members = unicodeerror_members;
    KrType *beg = kr_exc_BaseExceptionGroup;
    beg->tp_new = eg_new;
    beg->tp_init = eg_init;
    beg->tp_str = eg_str;
    beg->tp_traverse = eg_traverse;
    beg->tp_methods = eg_methods;
    beg->tp_getset = eg_getset;

#define KR_READY_EXC(cname, pyname, base, layout)                                          \
    if (kr_type_ready(&exc_type_##cname) < 0) return -1;
    KR_EXCEPTION_LIST(KR_READY_EXC)
#undef KR_READY_EXC
    /* ExceptionGroup is also an Exception: CPython gives it two bases. */
    KrObject *bases = kr_tuple_pack(2, (KrObject *)kr_exc_BaseExceptionGroup, (KrObject *)kr_exc_Exception);
    if (!bases) return -1;
    KR_SETREF(kr_exc_ExceptionGroup->tp_bases, bases);
    KrObject *mro = kr_tuple_pack(5, (KrObject *)kr_exc_ExceptionGroup,
                                  (KrObject *)kr_exc_BaseExceptionGroup, (KrObject *)kr_exc_Exception,
                                  (KrObject *)kr_exc_BaseException, (KrObject *)&kr_object_type);
    if (!mro) return -1;
    KR_SETREF(kr_exc_ExceptionGroup->tp_mro, mro);
    kr_type_modified(kr_exc_ExceptionGroup);
    return 0;
}
