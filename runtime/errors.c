/* errors.c - the current exception of a thread: set, fetch, match, chain; plus
 * SyntaxError construction with CPython's location attributes. A failing function
 * returns NULL or -1 and leaves its exception here. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "krait.h"

/* ---------------------------------------------------------------------------
 * Setting
 * ------------------------------------------------------------------------- */

/* Implicit chaining: an exception raised while another is being handled gets the
 * handled one as __context__, breaking any cycle the link would create. */
static void chain_handled(KrObject *exc) {
    KrThreadState *ts = kr_tstate();
    KrObject *handled = ts->handled_exception;
    if (!handled || handled == kr_none || handled == exc) return;
    /* walk the context chain of `handled`: if exc is on it, cut the link there */
    KrObject *o = handled;
    int steps = 0;
    while (o) {
        KrObject *ctx = kr_exception_get_context(o);
        if (ctx == exc) {
            kr_exception_set_context(o, NULL);
            break;
        }
        o = ctx;
        if (++steps > 100000) break; /* a pre-existing cycle: stop (Floyd not needed here) */
    }
    KR_INCREF(handled);
    kr_exception_set_context(exc, handled);
}

void kr_err_set_raised(KrObject *exc) {
    KrThreadState *ts = kr_tstate();
    chain_handled(exc);
    KrObject *old = ts->current_exception;
    ts->current_exception = exc;
    KR_XDECREF(old);
}

void kr_err_restore(KrObject *exc) {
    KrThreadState *ts = kr_tstate();
    KrObject *old = ts->current_exception;
    ts->current_exception = exc;
    KR_XDECREF(old);
}

void kr_err_set_object(KrType *type, KrObject *value) {
    if (value && KR_EXC_CHECK(value) && kr_object_type_is_sub(KR_TYPE(value), type)) {
        KR_INCREF(value);
        kr_err_set_raised(value);
        return;
    }
    KrObject *args;
    if (!value || value == kr_none)
        args = KR_NEWREF(kr_empty_tuple);
    else if (KR_TUPLE_CHECK(value))
        args = KR_NEWREF(value);
    else
        args = kr_tuple_pack(1, value);
    if (!args) return;
    /* Construct through the slots, not a call: this must work at the recursion limit
     * (RecursionError itself is raised there) and is the hot path for C errors. */
    KrObject *exc = type->tp_new ? type->tp_new(type, args, NULL) : NULL;
    if (!type->tp_new) kr_err_format(kr_exc_TypeError, "cannot create '%s' instances", type->tp_name);
    if (exc && KR_EXC_CHECK(exc) && kr_object_type_is_sub(KR_TYPE(exc), type) && KR_TYPE(exc)->tp_init &&
        KR_TYPE(exc)->tp_init(exc, args, NULL) < 0)
        KR_CLEAR(exc);
    KR_DECREF(args);
    if (!exc) return; /* constructing the exception failed: that error stands */
    if (!KR_EXC_CHECK(exc)) {
        kr_err_format(kr_exc_TypeError,
                      "calling %R should have returned an instance of BaseException, not %T",
                      (KrObject *)type, exc);
        KR_DECREF(exc);
        return;
    }
    kr_err_set_raised(exc);
}

void kr_err_set_none(KrType *type) { kr_err_set_object(type, NULL); }

void kr_err_set_string(KrType *type, const char *msg) {
    KrObject *s = kr_str_from_cstr(msg);
    if (!s) return;
    kr_err_set_object(type, s);
    KR_DECREF(s);
}

KrObject *kr_err_format(KrType *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    KrObject *msg = kr_str_from_vformat(fmt, ap);
    va_end(ap);
    if (msg) {
        kr_err_set_object(type, msg);
        KR_DECREF(msg);
    }
    return NULL;
}

/* MemoryError must not allocate: raise a preallocated instance. */
static KrObject *memory_error_instance;

KrObject *kr_err_no_memory(void) {
    if (!memory_error_instance && kr_exc_MemoryError) {
        memory_error_instance = kr_exception_new(kr_exc_MemoryError, kr_empty_tuple);
        if (memory_error_instance) kr_set_immortal(memory_error_instance);
    }
    if (memory_error_instance) {
        kr_exception_set_traceback(memory_error_instance, NULL);
        kr_err_restore(memory_error_instance);
    } else {
        fprintf(stderr, "krait: out of memory during start-up\n");
        _exit(1);
    }
    return NULL;
}

int kr_err_bad_internal_call(const char *where) {
    kr_err_format(kr_exc_SystemError, "bad argument to internal function (%s)", where);
    return -1;
}

void kr_err_set_stop_iteration(KrObject *value) {
    KrObject *args = (value && value != kr_none) ? kr_tuple_pack(1, value) : KR_NEWREF(kr_empty_tuple);
    if (!args) return;
    KrObject *exc = kr_exception_new(kr_exc_StopIteration, args);
    KR_DECREF(args);
    if (exc) kr_err_set_raised(exc);
}

/* ---------------------------------------------------------------------------
 * Inspecting and clearing
 * ------------------------------------------------------------------------- */

KrObject *kr_err_occurred(void) { return kr_tstate()->current_exception; }

bool kr_err_given_matches(KrObject *exc, KrObject *type_or_tuple) {
    if (!exc || !type_or_tuple) return false;
    if (KR_TUPLE_CHECK(type_or_tuple)) {
        for (kr_ssize i = 0; i < KR_SIZE(type_or_tuple); i++)
            if (kr_err_given_matches(exc, KR_TUPLE_ITEM(type_or_tuple, i))) return true;
        return false;
    }
    KrType *et = KR_EXC_CHECK(exc) ? KR_TYPE(exc) : (KR_TYPE_CHECK(exc) ? (KrType *)exc : NULL);
    if (!et || !KR_TYPE_CHECK(type_or_tuple)) return false;
    return kr_object_type_is_sub(et, (KrType *)type_or_tuple);
}

bool kr_err_matches(KrType *type) {
    KrObject *exc = kr_tstate()->current_exception;
    return exc && kr_object_type_is_sub(KR_TYPE(exc), type);
}

KrObject *kr_err_fetch(void) {
    KrThreadState *ts = kr_tstate();
    KrObject *exc = ts->current_exception;
    ts->current_exception = NULL;
    return exc;
}

void kr_err_clear(void) { kr_err_restore(NULL); }

void kr_err_chain_context(KrObject *exc, KrObject *context) {
    if (!exc || !context || exc == context) return;
    KR_INCREF(context);
    kr_exception_set_context(exc, context);
}

/* ---------------------------------------------------------------------------
 * OSError from errno
 * ------------------------------------------------------------------------- */

static KrType *oserror_subclass_for(int e, KrType *deflt);

KrType *kr_oserror_subclass_for_errno(int e) { return oserror_subclass_for(e, NULL); }

static KrType *oserror_subclass_for(int e, KrType *deflt) {
    switch (e) {
    case ENOENT: return kr_exc_FileNotFoundError;
    case EEXIST: return kr_exc_FileExistsError;
    case EISDIR: return kr_exc_IsADirectoryError;
    case ENOTDIR: return kr_exc_NotADirectoryError;
    case EACCES: case EPERM: return kr_exc_PermissionError;
    case EINTR: return kr_exc_InterruptedError;
    case EAGAIN: case EINPROGRESS: case EALREADY: return kr_exc_BlockingIOError;
    case ECHILD: return kr_exc_ChildProcessError;
    case EPIPE: case ESHUTDOWN: return kr_exc_BrokenPipeError;
    case ECONNABORTED: return kr_exc_ConnectionAbortedError;
    case ECONNREFUSED: return kr_exc_ConnectionRefusedError;
    case ECONNRESET: return kr_exc_ConnectionResetError;
    case ESRCH: return kr_exc_ProcessLookupError;
    case ETIMEDOUT: return kr_exc_TimeoutError;
    default: return deflt;
    }
}

KrObject *kr_err_from_errno_filename(KrType *type, KrObject *filename) {
    int e = errno;
    if (e == ENOMEM) return kr_err_no_memory();
    KrType *t = type == kr_exc_OSError ? oserror_subclass_for(e, type) : type;
    KrObject *code = kr_int_from_i64(e);
    KrObject *msg = kr_str_from_cstr(strerror(e));
    KrObject *args = (code && msg) ? (filename ? kr_tuple_pack(3, code, msg, filename)
                                               : kr_tuple_pack(2, code, msg))
                                   : NULL;
    KR_XDECREF(code);
    KR_XDECREF(msg);
    if (!args) return NULL;
    kr_err_set_object(t, args);
    KR_DECREF(args);
    return NULL;
}

KrObject *kr_err_from_errno(KrType *type) { return kr_err_from_errno_filename(type, NULL); }

/* ---------------------------------------------------------------------------
 * SyntaxError with location
 * ------------------------------------------------------------------------- */

/* Returns line `lineno` (1-based) of the source as a new str including its newline. */
static KrObject *source_line(const char *src, kr_ssize len, int lineno) {
    const char *p = src, *end = src + len;
    for (int l = 1; l < lineno && p < end; l++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (!nl) return NULL;
        p = nl + 1;
    }
    if (p > end || (p == end && lineno > 1)) return NULL;
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    kr_ssize n = nl ? (kr_ssize)(nl - p + 1) : (kr_ssize)(end - p);
    KrObject *s = kr_str_from_utf8(p, n);
    if (!s) kr_err_clear(); /* undecodable line: report no text */
    return s;
}

static KrObject *file_line(KrObject *filename, int lineno) {
    if (!filename || !KR_STR_CHECK(filename)) return NULL;
    FILE *f = fopen(kr_str_data(filename), "rb");
    if (!f) return NULL;
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n = 0;
    KrObject *res = NULL;
    for (int l = 1; (n = getline(&buf, &cap, f)) >= 0; l++) {
        if (l == lineno) {
            res = kr_str_from_utf8(buf, n);
            if (!res) kr_err_clear();
            break;
        }
    }
    free(buf);
    fclose(f);
    return res;
}

/* Converts a 0-based byte column within `line` to CPython's 1-based character offset. */
static int byte_col_to_offset(KrObject *line, int col) {
    /* the front end encodes CPython's odd end offsets 0 and -1 as columns -1 and -2 */
    if (col < 0) return col + 1;
    if (!line) return col + 1;
    const unsigned char *s = (const unsigned char *)kr_str_data(line);
    kr_ssize n = kr_str_size(line);
    int chars = 0;
    for (kr_ssize i = 0; i < n && i < col; i++)
        if ((s[i] & 0xC0) != 0x80) chars++;
    if (col > n) chars += (int)(col - n);
    return chars + 1;
}

void kr_err_set_syntax_location(KrType *type, const char *msg, KrObject *filename, int lineno,
                                int col_offset, int end_lineno, int end_col_offset,
                                const char *source, kr_ssize source_len) {
    KrObject *text = source ? source_line(source, source_len, lineno) : file_line(filename, lineno);
    KrObject *end_text = text;
    if (end_lineno > 0 && end_lineno != lineno)
        end_text = source ? source_line(source, source_len, end_lineno) : file_line(filename, end_lineno);
    int offset = byte_col_to_offset(text, col_offset);
    int end_offset = end_lineno > 0 ? byte_col_to_offset(end_text, end_col_offset) : 0;
    if (end_text != text) KR_XDECREF(end_text);
    KrObject *m = kr_str_from_cstr(msg);
    KrObject *fn = filename ? KR_NEWREF(filename) : KR_NEWREF(kr_none);
    KrObject *ln = kr_int_from_i64(lineno);
    KrObject *off = kr_int_from_i64(offset);
    KrObject *eln = end_lineno > 0 ? kr_int_from_i64(end_lineno) : kr_int_from_i64(lineno);
    KrObject *eoff = kr_int_from_i64(end_lineno > 0 ? end_offset : 0);
    KrObject *loc = NULL, *args = NULL;
    if (m && fn && ln && off && eln && eoff)
        loc = kr_tuple_pack(6, fn, ln, off, text ? text : kr_none, eln, eoff);
    if (loc) args = kr_tuple_pack(2, m, loc);
    KR_XDECREF(m);
    KR_XDECREF(fn);
    KR_XDECREF(ln);
    KR_XDECREF(off);
    KR_XDECREF(eln);
    KR_XDECREF(eoff);
    KR_XDECREF(text);
    KR_XDECREF(loc);
    if (!args) return;
    kr_err_set_object(type ? type : kr_exc_SyntaxError, args);
    KR_DECREF(args);
}

/* ---------------------------------------------------------------------------
 * Unraisable exceptions (__del__ failures and the like)
 * ------------------------------------------------------------------------- */

void kr_err_write_unraisable(KrObject *obj, const char *context) {
    KrObject *exc = kr_err_fetch();
    if (!exc) return;
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    if (context) {
        kr_strbuilder_append_cstr(&b, context);
        kr_strbuilder_append_cstr(&b, ": ");
    } else {
        kr_strbuilder_append_cstr(&b, "Exception ignored in: ");
    }
    if (obj) {
        KrObject *r = kr_object_repr(obj);
        if (r) {
            kr_strbuilder_append_str(&b, r);
            KR_DECREF(r);
        } else {
            kr_err_clear();
            kr_strbuilder_append_cstr(&b, "<object repr() failed>");
        }
    }
    kr_strbuilder_append_cstr(&b, "\n");
    KrObject *s = kr_strbuilder_finish(&b);
    if (s) {
        kr_sys_write_stderr(kr_str_data(s), kr_str_size(s));
        KR_DECREF(s);
    }
    kr_err_display(exc);
    KR_DECREF(exc);
    kr_err_clear();
}
