/* iomodule.c - the `_io` module: in-memory streams (StringIO over an array of code
 * points, BytesIO over a byte buffer), io.UnsupportedOperation, and the names of the
 * runtime's file types (fileio.c). io.py adds the abstract base classes. */
#include <stddef.h>
#include <string.h>

#include "krait.h"

static KrObject *unsupported_operation; /* io.UnsupportedOperation */

static KrObject *err_closed(void) {
    return kr_err_format(kr_exc_ValueError, "I/O operation on closed file.");
}

static KrObject *raise_unsupported(const char *msg) {
    KrObject *s = kr_str_from_cstr(msg);
    if (s) {
        kr_err_set_object((KrType *)unsupported_operation, s);
        KR_DECREF(s);
    }
    return NULL;
}

/* size argument of read()/readline(): None or an int; -1 means "all" */
static int size_arg(KrObject *const *args, kr_ssize nargs, kr_ssize *out) {
    *out = -1;
    if (nargs < 1 || args[0] == kr_none) return 0;
    if (!KR_INT_CHECK(args[0]) && !kr_index_check(args[0])) {
        kr_err_format(kr_exc_TypeError, "argument should be integer or None, not '%T'", args[0]);
        return -1;
    }
    kr_ssize v = kr_number_as_ssize(args[0], kr_exc_OverflowError);
    if (v == -1 && kr_err_occurred()) return -1;
    *out = v;
    return 0;
}

/* ===========================================================================
 * StringIO
 * ========================================================================= */

extern KrType kr_stringio_type;

typedef struct {
    KR_OBJECT_HEAD;
    uint32_t *buf;
    kr_ssize len, cap, pos;
    bool closed;
    bool ok;            /* initialised */
    bool readuniversal; /* newline None or '': lines end at \r, \n or \r\n */
    bool readtranslate; /* newline None: \r\n and \r become \n on write */
    uint32_t readnl[2]; /* line end for non-universal reads (\n, \r or \r\n) */
    int readnl_len;
    uint32_t writenl[2]; /* newline '\r' or '\r\n': \n becomes this on write */
    int writenl_len;
    KrObject *dict;
    KrObject *weakreflist;
} StringIO;

#define SIO(o) ((StringIO *)(o))

/* Decodes Krait's internal UTF-8 (surrogates allowed) into code points. */
static kr_ssize utf8_to_ucs4(const unsigned char *s, kr_ssize n, uint32_t *out) {
    kr_ssize k = 0;
    for (kr_ssize i = 0; i < n;) {
        unsigned c = s[i];
        uint32_t cp;
        int len;
        if (c < 0x80) {
            cp = c;
            len = 1;
        } else if (c < 0xE0) {
            cp = c & 0x1F;
            len = 2;
        } else if (c < 0xF0) {
            cp = c & 0x0F;
            len = 3;
        } else {
            cp = c & 0x07;
            len = 4;
        }
        for (int j = 1; j < len && i + j < n; j++) cp = (cp << 6) | (s[i + j] & 0x3F);
        out[k++] = cp;
        i += len;
    }
    return k;
}

static KrObject *ucs4_to_str(const uint32_t *cps, kr_ssize n) {
    if (n <= 0) return KR_NEWREF(kr_str_empty);
    bool ascii = true;
    kr_ssize size = 0;
    for (kr_ssize i = 0; i < n; i++) {
        uint32_t c = cps[i];
        size += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
        if (c >= 0x80) ascii = false;
    }
    char *tmp = kr_mem_malloc((size_t)size + 1);
    if (!tmp) return NULL;
    char *p = tmp;
    for (kr_ssize i = 0; i < n; i++) {
        uint32_t c = cps[i];
        if (c < 0x80) {
            *p++ = (char)c;
        } else if (c < 0x800) {
            *p++ = (char)(0xC0 | (c >> 6));
            *p++ = (char)(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            *p++ = (char)(0xE0 | (c >> 12));
            *p++ = (char)(0x80 | ((c >> 6) & 0x3F));
            *p++ = (char)(0x80 | (c & 0x3F));
        } else {
            *p++ = (char)(0xF0 | (c >> 18));
            *p++ = (char)(0x80 | ((c >> 12) & 0x3F));
            *p++ = (char)(0x80 | ((c >> 6) & 0x3F));
            *p++ = (char)(0x80 | (c & 0x3F));
        }
    }
    *p = 0;
    KrObject *r = kr_str_from_utf8_unchecked(tmp, size, n, ascii);
    kr_mem_free(tmp);
    return r;
}

static int sio_reserve(StringIO *s, kr_ssize need) {
    if (need <= s->cap) return 0;
    kr_ssize cap = s->cap ? s->cap : 16;
    while (cap < need) cap += cap >> 1 > 16 ? cap >> 1 : 16;
    uint32_t *nb = kr_mem_realloc(s->buf, (size_t)cap * sizeof(uint32_t));
    if (!nb) return -1;
    s->buf = nb;
    s->cap = cap;
    return 0;
}

static KrObject *sio_check(KrObject *self) {
    StringIO *s = SIO(self);
    if (!s->ok)
        return kr_err_format(kr_exc_ValueError, "I/O operation on uninitialized object");
    if (s->closed) return kr_err_format(kr_exc_ValueError, "I/O operation on closed file");
    return kr_none;
}

/* Writes str `obj` at the current position with the newline translations. */
static kr_ssize sio_write_str(StringIO *s, KrObject *obj) {
    kr_ssize n = kr_str_length(obj);
    if (n == 0) return 0;
    uint32_t *tmp = kr_mem_malloc((size_t)n * 2 * sizeof(uint32_t) + 4);
    if (!tmp) return -1;
    kr_ssize k = utf8_to_ucs4((const unsigned char *)kr_str_data(obj), kr_str_size(obj), tmp);
    if (s->readtranslate) {
        kr_ssize j = 0;
        for (kr_ssize i = 0; i < k; i++) {
            if (tmp[i] == '\r') {
                if (i + 1 < k && tmp[i + 1] == '\n') i++;
                tmp[j++] = '\n';
            } else {
                tmp[j++] = tmp[i];
            }
        }
        k = j;
    }
    uint32_t *data = tmp;
    uint32_t *out = NULL;
    if (s->writenl_len) {
        kr_ssize nl = 0;
        for (kr_ssize i = 0; i < k; i++) nl += tmp[i] == '\n';
        if (nl) {
            out = kr_mem_malloc((size_t)(k + nl) * sizeof(uint32_t));
            if (!out) {
                kr_mem_free(tmp);
                return -1;
            }
            kr_ssize j = 0;
            for (kr_ssize i = 0; i < k; i++) {
                if (tmp[i] == '\n') {
                    for (int w = 0; w < s->writenl_len; w++) out[j++] = s->writenl[w];
                } else {
                    out[j++] = tmp[i];
                }
            }
            k = j;
            data = out;
        }
    }
    kr_ssize end = s->pos + k;
    if (sio_reserve(s, end) < 0) {
        kr_mem_free(tmp);
        kr_mem_free(out);
        return -1;
    }
    /* writing past the end pads with NULs */
    if (s->pos > s->len) memset(s->buf + s->len, 0, (size_t)(s->pos - s->len) * sizeof(uint32_t));
    memcpy(s->buf + s->pos, data, (size_t)k * sizeof(uint32_t));
    s->pos = end;
    if (end > s->len) s->len = end;
    kr_mem_free(tmp);
    kr_mem_free(out);
    return n;
}

static KrObject *sio_new(KrType *type, KrObject *args, KrObject *kwargs) {
    KrObject *o = kr_type_generic_alloc(type, 0);
    if (!o) return NULL;
    SIO(o)->readnl[0] = '\n';
    SIO(o)->readnl_len = 1;
    return o;
}

static int sio_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    static const char *const kwlist[] = {"initial_value", "newline", NULL};
    KrObject *init = NULL, *newline = NULL;
    kr_ssize nargs = args ? KR_SIZE(args) : 0;
    KrObject *kwnames = NULL;
    KrObject *vec[4];
    kr_ssize nkw = kwargs ? kr_dict_size(kwargs) : 0;
    if (nargs + nkw > 2) {
        kr_err_format(kr_exc_TypeError, "StringIO() takes at most 2 arguments (%zd given)",
                      nargs + nkw);
        return -1;
    }
    for (kr_ssize i = 0; i < nargs; i++) vec[i] = KR_TUPLE_ITEM(args, i);
    if (nkw) {
        kwnames = kr_tuple_new(nkw);
        if (!kwnames) return -1;
        kr_ssize pos = 0, i = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            KR_TUPLE_ITEM(kwnames, i) = KR_NEWREF(k);
            vec[nargs + i++] = v;
        }
    }
    int r = kr_arg_parse(vec, nargs, kwnames, "|OO:StringIO", kwlist, &init, &newline);
    KR_XDECREF(kwnames);
    if (r < 0) return -1;
    StringIO *s = SIO(self);
    if (newline && newline != kr_none && !KR_STR_CHECK(newline)) {
        kr_err_format(kr_exc_TypeError, "newline must be str or None, not %T", newline);
        return -1;
    }
    const char *nl = !newline ? "\n" : newline == kr_none ? NULL : kr_str_data(newline);
    if (nl && strcmp(nl, "") && strcmp(nl, "\n") && strcmp(nl, "\r") && strcmp(nl, "\r\n")) {
        kr_err_format(kr_exc_ValueError, "illegal newline value: %R", newline);
        return -1;
    }
    if (init && init != kr_none && !KR_STR_CHECK(init)) {
        kr_err_format(kr_exc_TypeError, "initial_value must be str or None, not %T", init);
        return -1;
    }
    s->readuniversal = !nl || !*nl;
    s->readtranslate = !nl;
    s->readnl_len = 0;
    if (nl && *nl) {
        for (const char *p = nl; *p; p++) s->readnl[s->readnl_len++] = (uint32_t)*p;
    }
    s->writenl_len = 0;
    if (nl && nl[0] == '\r') {
        for (const char *p = nl; *p; p++) s->writenl[s->writenl_len++] = (uint32_t)*p;
    }
    s->len = s->pos = 0;
    s->closed = false;
    s->ok = true;
    if (init && init != kr_none && kr_str_length(init) > 0) {
        if (sio_write_str(s, init) < 0) return -1;
        s->pos = 0;
    }
    return 0;
}

static void sio_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    kr_mem_free(SIO(self)->buf);
    KR_CLEAR(SIO(self)->dict);
    kr_object_free(self);
}

static int sio_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    if (SIO(self)->dict) return visit(SIO(self)->dict, arg);
    return 0;
}

static int sio_clear(KrObject *self) {
    KR_CLEAR(SIO(self)->dict);
    return 0;
}

static KrObject *sio_write(KrObject *self, KrObject *arg) {
    if (!sio_check(self)) return NULL;
    if (!KR_STR_CHECK(arg))
        return kr_err_format(kr_exc_TypeError, "string argument expected, got '%T'", arg);
    kr_ssize n = sio_write_str(SIO(self), arg);
    if (n < 0) return NULL;
    return kr_int_from_ssize(n);
}

static KrObject *sio_writelines(KrObject *self, KrObject *lines) {
    if (!sio_check(self)) return NULL;
    KrObject *it = kr_object_get_iter(lines);
    if (!it) return NULL;
    KrObject *line;
    while ((line = kr_iter_next(it)) != NULL) {
        KrObject *r = sio_write(self, line);
        KR_DECREF(line);
        if (!r) {
            KR_DECREF(it);
            return NULL;
        }
        KR_DECREF(r);
    }
    KR_DECREF(it);
    if (kr_err_occurred()) return NULL;
    return kr_none;
}

static KrObject *sio_read(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("read", nargs, 0, 1) < 0) return NULL;
    if (!sio_check(self)) return NULL;
    kr_ssize size;
    if (size_arg(args, nargs, &size) < 0) return NULL;
    StringIO *s = SIO(self);
    kr_ssize avail = s->len > s->pos ? s->len - s->pos : 0;
    if (size < 0 || size > avail) size = avail;
    KrObject *r = ucs4_to_str(s->buf + s->pos, size);
    if (r) s->pos += size;
    return r;
}

/* Length of the next line from pos (limit < 0: unlimited), newline included. */
static kr_ssize sio_line_len(StringIO *s, kr_ssize limit) {
    kr_ssize start = s->pos, end = s->len;
    if (start >= end) return 0;
    if (limit >= 0 && start + limit < end) end = start + limit;
    for (kr_ssize i = start; i < end; i++) {
        uint32_t c = s->buf[i];
        if (s->readtranslate) {
            if (c == '\n') return i - start + 1;
        } else if (s->readuniversal) {
            if (c == '\n') return i - start + 1;
            if (c == '\r') {
                if (i + 1 < end && s->buf[i + 1] == '\n') return i - start + 2;
                return i - start + 1;
            }
        } else if (c == s->readnl[0]) {
            if (s->readnl_len == 1) return i - start + 1;
            if (i + 1 < end && s->buf[i + 1] == s->readnl[1]) return i - start + 2;
        }
    }
    return end - start;
}

static KrObject *sio_readline(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("readline", nargs, 0, 1) < 0) return NULL;
    if (!sio_check(self)) return NULL;
    kr_ssize size;
    if (size_arg(args, nargs, &size) < 0) return NULL;
    StringIO *s = SIO(self);
    kr_ssize n = sio_line_len(s, size);
    KrObject *r = ucs4_to_str(s->buf + s->pos, n);
    if (r) s->pos += n;
    return r;
}

static KrObject *sio_readlines(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("readlines", nargs, 0, 1) < 0) return NULL;
    if (!sio_check(self)) return NULL;
    kr_ssize hint;
    if (size_arg(args, nargs, &hint) < 0) return NULL;
    StringIO *s = SIO(self);
    KrObject *list = kr_list_new(0);
    kr_ssize total = 0;
    while (list) {
        kr_ssize n = sio_line_len(s, -1);
        if (n == 0) break;
        KrObject *line = ucs4_to_str(s->buf + s->pos, n);
        if (!line || kr_list_append_steal(list, line) < 0) {
            KR_CLEAR(list);
            break;
        }
        s->pos += n;
        total += n;
        if (hint > 0 && total >= hint) break;
    }
    return list;
}

static KrObject *sio_iternext(KrObject *self) {
    if (!sio_check(self)) return NULL;
    StringIO *s = SIO(self);
    if (KR_TYPE(self) != &kr_stringio_type) {
        /* a subclass may override readline() */
        KrObject *line = kr_call_method(self, "readline", NULL, 0);
        if (!line) return NULL;
        if (!KR_STR_CHECK(line)) {
            kr_err_format(kr_exc_OSError, "readline() should have returned a str object, not '%T'",
                          line);
            KR_DECREF(line);
            return NULL;
        }
        if (kr_str_length(line) == 0) {
            KR_DECREF(line);
            return NULL;
        }
        return line;
    }
    kr_ssize n = sio_line_len(s, -1);
    if (n == 0) return NULL;
    KrObject *r = ucs4_to_str(s->buf + s->pos, n);
    if (r) s->pos += n;
    return r;
}

static KrObject *sio_iter(KrObject *self) {
    if (!sio_check(self)) return NULL;
    return KR_NEWREF(self);
}

static KrObject *sio_getvalue(KrObject *self, KrObject *unused) {
    if (!sio_check(self)) return NULL;
    return ucs4_to_str(SIO(self)->buf, SIO(self)->len);
}

static KrObject *sio_tell(KrObject *self, KrObject *unused) {
    if (!sio_check(self)) return NULL;
    return kr_int_from_ssize(SIO(self)->pos);
}

static KrObject *sio_seek(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("seek", nargs, 1, 2) < 0) return NULL;
    if (!KR_INT_CHECK(args[0]) && !kr_index_check(args[0]))
        return kr_err_format(kr_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                             args[0]);
    kr_ssize pos = kr_number_as_ssize(args[0], kr_exc_OverflowError);
    if (pos == -1 && kr_err_occurred()) return NULL;
    int64_t whence = 0;
    if (nargs > 1) {
        whence = kr_int_as_i64(args[1]);
        if (whence == -1 && kr_err_occurred()) return NULL;
    }
    if (whence != 0 && whence != 1 && whence != 2)
        return kr_err_format(kr_exc_ValueError, "Invalid whence (%d, should be 0, 1 or 2)",
                             (int)whence);
    if (pos < 0 && whence == 0)
        return kr_err_format(kr_exc_ValueError, "Negative seek position %zd", pos);
    if (whence != 0 && pos != 0)
        return kr_err_format(kr_exc_OSError, "Can't do nonzero cur-relative seeks");
    if (!sio_check(self)) return NULL;
    StringIO *s = SIO(self);
    if (whence == 1) pos = s->pos;
    else if (whence == 2) pos = s->len;
    s->pos = pos;
    return kr_int_from_ssize(pos);
}

static KrObject *sio_truncate(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("truncate", nargs, 0, 1) < 0) return NULL;
    if (!sio_check(self)) return NULL;
    StringIO *s = SIO(self);
    kr_ssize size = s->pos;
    if (nargs && args[0] != kr_none) {
        if (!KR_INT_CHECK(args[0]) && !kr_index_check(args[0]))
            return kr_err_format(kr_exc_TypeError,
                                 "'%T' object cannot be interpreted as an integer", args[0]);
        size = kr_number_as_ssize(args[0], kr_exc_OverflowError);
        if (size == -1 && kr_err_occurred()) return NULL;
        if (size < 0) return kr_err_format(kr_exc_ValueError, "Negative size value %zd", size);
    }
    if (size < s->len) s->len = size;
    return kr_int_from_ssize(size);
}

static KrObject *sio_close(KrObject *self, KrObject *unused) {
    StringIO *s = SIO(self);
    s->closed = true;
    kr_mem_free(s->buf);
    s->buf = NULL;
    s->len = s->cap = 0;
    return kr_none;
}

static KrObject *sio_true_if_open(KrObject *self, KrObject *unused) {
    if (!sio_check(self)) return NULL;
    return kr_true;
}

static KrObject *sio_false_if_open(KrObject *self, KrObject *unused) {
    if (!sio_check(self)) return NULL;
    return kr_false;
}

static KrObject *sio_flush(KrObject *self, KrObject *unused) {
    if (!sio_check(self)) return NULL;
    return kr_none;
}

static KrObject *io_fileno(KrObject *self, KrObject *unused) { return raise_unsupported("fileno"); }
static KrObject *io_detach(KrObject *self, KrObject *unused) { return raise_unsupported("detach"); }

static KrObject *io_enter(KrObject *self, KrObject *unused);
static KrObject *io_exit(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    KrObject *r = kr_call_method(self, "close", NULL, 0);
    if (!r) return NULL;
    KR_DECREF(r);
    return kr_none;
}

static KrObject *sio_get_closed(KrObject *self, void *c) {
    if (!SIO(self)->ok)
        return kr_err_format(kr_exc_ValueError, "I/O operation on uninitialized object");
    return kr_bool_new(SIO(self)->closed);
}
static KrObject *get_none(KrObject *self, void *c) { return kr_none; }
static KrObject *get_false(KrObject *self, void *c) { return kr_false; }

static KrObject *sio_getstate(KrObject *self, KrObject *unused) {
    if (!sio_check(self)) return NULL;
    KrObject *v = ucs4_to_str(SIO(self)->buf, SIO(self)->len);
    KrObject *p = kr_int_from_ssize(SIO(self)->pos);
    KrObject *t = v && p ? kr_tuple_pack(4, v, kr_none, p, SIO(self)->dict ? SIO(self)->dict : kr_none)
                         : NULL;
    KR_XDECREF(v);
    KR_XDECREF(p);
    return t;
}

static KrMethodDef sio_methods[] = {
    {"write", (void *)sio_write, KR_METH_O, NULL},
    {"writelines", (void *)sio_writelines, KR_METH_O, NULL},
    {"read", (void *)sio_read, KR_METH_FASTCALL, NULL},
    {"readline", (void *)sio_readline, KR_METH_FASTCALL, NULL},
    {"readlines", (void *)sio_readlines, KR_METH_FASTCALL, NULL},
    {"getvalue", (void *)sio_getvalue, KR_METH_NOARGS, NULL},
    {"tell", (void *)sio_tell, KR_METH_NOARGS, NULL},
    {"seek", (void *)sio_seek, KR_METH_FASTCALL, NULL},
    {"truncate", (void *)sio_truncate, KR_METH_FASTCALL, NULL},
    {"close", (void *)sio_close, KR_METH_NOARGS, NULL},
    {"readable", (void *)sio_true_if_open, KR_METH_NOARGS, NULL},
    {"writable", (void *)sio_true_if_open, KR_METH_NOARGS, NULL},
    {"seekable", (void *)sio_true_if_open, KR_METH_NOARGS, NULL},
    {"isatty", (void *)sio_false_if_open, KR_METH_NOARGS, NULL},
    {"flush", (void *)sio_flush, KR_METH_NOARGS, NULL},
    {"fileno", (void *)io_fileno, KR_METH_NOARGS, NULL},
    {"detach", (void *)io_detach, KR_METH_NOARGS, NULL},
    {"__enter__", (void *)io_enter, KR_METH_NOARGS, NULL},
    {"__exit__", (void *)io_exit, KR_METH_FASTCALL, NULL},
    {"__getstate__", (void *)sio_getstate, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef sio_getset[] = {
    {"closed", sio_get_closed, NULL, NULL, NULL},
    {"newlines", get_none, NULL, NULL, NULL},
    {"encoding", get_none, NULL, NULL, NULL},
    {"errors", get_none, NULL, NULL, NULL},
    {"line_buffering", get_false, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_stringio_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "_io.StringIO",
    .tp_basicsize = sizeof(StringIO),
    .tp_dealloc = sio_dealloc,
    .tp_iter = sio_iter,
    .tp_iternext = sio_iternext,
    .tp_methods = sio_methods,
    .tp_getset = sio_getset,
    .tp_dictoffset = offsetof(StringIO, dict),
    .tp_weaklistoffset = offsetof(StringIO, weakreflist),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_traverse = sio_traverse,
    .tp_clear = sio_clear,
    .tp_new = sio_new,
    .tp_init = sio_init,
    .tp_doc = "Text I/O implementation using an in-memory buffer.",
};

/* ===========================================================================
 * BytesIO
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    char *buf;
    kr_ssize len, cap, pos;
    bool closed;
    KrObject *dict;
    KrObject *weakreflist;
} BytesIO;

#define BIO(o) ((BytesIO *)(o))

static KrObject *bio_check(KrObject *self) {
    if (BIO(self)->closed) return err_closed();
    return kr_none;
}

static int bio_reserve(BytesIO *b, kr_ssize need) {
    if (need <= b->cap) return 0;
    kr_ssize cap = b->cap ? b->cap : 64;
    while (cap < need) cap += cap >> 1;
    char *nb = kr_mem_realloc(b->buf, (size_t)cap);
    if (!nb) return -1;
    b->buf = nb;
    b->cap = cap;
    return 0;
}

static kr_ssize bio_write_data(BytesIO *b, const char *data, kr_ssize n) {
    if (n == 0) return 0;
    kr_ssize end = b->pos + n;
    if (bio_reserve(b, end) < 0) return -1;
    if (b->pos > b->len) memset(b->buf + b->len, 0, (size_t)(b->pos - b->len));
    memmove(b->buf + b->pos, data, (size_t)n);
    b->pos = end;
    if (end > b->len) b->len = end;
    return n;
}

static KrObject *bio_new(KrType *type, KrObject *args, KrObject *kwargs) {
    return kr_type_generic_alloc(type, 0);
}

static int bio_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KrObject *init = NULL;
    kr_ssize nargs = args ? KR_SIZE(args) : 0;
    if (nargs > 1) {
        kr_err_format(kr_exc_TypeError, "BytesIO() takes at most 1 argument (%zd given)", nargs);
        return -1;
    }
    if (nargs) init = KR_TUPLE_ITEM(args, 0);
    if (kwargs && kr_dict_size(kwargs)) {
        KrObject *v = kr_dict_get_item_str(kwargs, "initial_bytes");
        if (!v || kr_dict_size(kwargs) > 1 || init) {
            kr_ssize pos = 0;
            KrObject *k, *val;
            while (kr_dict_next(kwargs, &pos, &k, &val)) {
                if (!kr_str_eq_cstr(k, "initial_bytes")) {
                    kr_err_format(kr_exc_TypeError,
                                  "'%U' is an invalid keyword argument for BytesIO()", k);
                    return -1;
                }
            }
            kr_err_format(kr_exc_TypeError,
                          "argument for BytesIO() given by name ('initial_bytes') and position (1)");
            return -1;
        }
        init = v;
    }
    BytesIO *b = BIO(self);
    b->len = b->pos = 0;
    b->closed = false;
    if (init && init != kr_none) {
        const char *data;
        kr_ssize n;
        if (!kr_bytes_like_view(init, &data, &n)) {
            kr_err_format(kr_exc_TypeError, "a bytes-like object is required, not '%T'", init);
            return -1;
        }
        if (bio_write_data(b, data, n) < 0) return -1;
        b->pos = 0;
    }
    return 0;
}

static void bio_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    kr_mem_free(BIO(self)->buf);
    KR_CLEAR(BIO(self)->dict);
    kr_object_free(self);
}

static int bio_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    if (BIO(self)->dict) return visit(BIO(self)->dict, arg);
    return 0;
}

static int bio_clear(KrObject *self) {
    KR_CLEAR(BIO(self)->dict);
    return 0;
}

static KrObject *bio_write(KrObject *self, KrObject *arg) {
    if (!bio_check(self)) return NULL;
    const char *data;
    kr_ssize n;
    if (!kr_bytes_like_view(arg, &data, &n))
        return kr_err_format(kr_exc_TypeError, "a bytes-like object is required, not '%T'", arg);
    KR_INCREF(arg); /* data may belong to self's own buffer view */
    kr_ssize r = bio_write_data(BIO(self), data, n);
    KR_DECREF(arg);
    if (r < 0) return NULL;
    return kr_int_from_ssize(r);
}

static KrObject *bio_writelines(KrObject *self, KrObject *lines) {
    if (!bio_check(self)) return NULL;
    KrObject *it = kr_object_get_iter(lines);
    if (!it) return NULL;
    KrObject *line;
    while ((line = kr_iter_next(it)) != NULL) {
        KrObject *r = bio_write(self, line);
        KR_DECREF(line);
        if (!r) {
            KR_DECREF(it);
            return NULL;
        }
        KR_DECREF(r);
    }
    KR_DECREF(it);
    if (kr_err_occurred()) return NULL;
    return kr_none;
}

static KrObject *bio_take(BytesIO *b, kr_ssize n) {
    KrObject *r = kr_bytes_from_data(b->buf ? b->buf + b->pos : "", n);
    if (r) b->pos += n;
    return r;
}

static KrObject *bio_read(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("read", nargs, 0, 1) < 0) return NULL;
    if (!bio_check(self)) return NULL;
    kr_ssize size;
    if (size_arg(args, nargs, &size) < 0) return NULL;
    BytesIO *b = BIO(self);
    kr_ssize avail = b->len > b->pos ? b->len - b->pos : 0;
    if (size < 0 || size > avail) size = avail;
    return bio_take(b, size);
}

static kr_ssize bio_line_len(BytesIO *b, kr_ssize limit) {
    kr_ssize start = b->pos, end = b->len;
    if (start >= end) return 0;
    if (limit >= 0 && start + limit < end) end = start + limit;
    const char *nl = memchr(b->buf + start, '\n', (size_t)(end - start));
    return nl ? nl - (b->buf + start) + 1 : end - start;
}

static KrObject *bio_readline(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("readline", nargs, 0, 1) < 0) return NULL;
    if (!bio_check(self)) return NULL;
    kr_ssize size;
    if (size_arg(args, nargs, &size) < 0) return NULL;
    return bio_take(BIO(self), bio_line_len(BIO(self), size));
}

static KrObject *bio_readlines(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("readlines", nargs, 0, 1) < 0) return NULL;
    if (!bio_check(self)) return NULL;
    kr_ssize hint;
    if (size_arg(args, nargs, &hint) < 0) return NULL;
    BytesIO *b = BIO(self);
    KrObject *list = kr_list_new(0);
    kr_ssize total = 0;
    while (list) {
        kr_ssize n = bio_line_len(b, -1);
        if (n == 0) break;
        KrObject *line = bio_take(b, n);
        if (!line || kr_list_append_steal(list, line) < 0) {
            KR_CLEAR(list);
            break;
        }
        total += n;
        if (hint > 0 && total >= hint) break;
    }
    return list;
}

static KrObject *bio_readinto(KrObject *self, KrObject *arg) {
    if (!bio_check(self)) return NULL;
    if (!KR_BYTEARRAY_CHECK(arg))
        return kr_err_format(kr_exc_TypeError,
                             "readinto() argument must be read-write bytes-like object, not %T",
                             arg);
    BytesIO *b = BIO(self);
    kr_ssize avail = b->len > b->pos ? b->len - b->pos : 0;
    kr_ssize n = KR_SIZE(arg) < avail ? KR_SIZE(arg) : avail;
    if (n > 0) memcpy(kr_bytearray_data(arg), b->buf + b->pos, (size_t)n);
    b->pos += n;
    return kr_int_from_ssize(n);
}

static KrObject *bio_iternext(KrObject *self) {
    if (!bio_check(self)) return NULL;
    kr_ssize n = bio_line_len(BIO(self), -1);
    if (n == 0) return NULL;
    return bio_take(BIO(self), n);
}

static KrObject *bio_iter(KrObject *self) {
    if (!bio_check(self)) return NULL;
    return KR_NEWREF(self);
}

static KrObject *bio_getvalue(KrObject *self, KrObject *unused) {
    if (!bio_check(self)) return NULL;
    return kr_bytes_from_data(BIO(self)->buf ? BIO(self)->buf : "", BIO(self)->len);
}

static KrObject *bio_tell(KrObject *self, KrObject *unused) {
    if (!bio_check(self)) return NULL;
    return kr_int_from_ssize(BIO(self)->pos);
}

static KrObject *bio_seek(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("seek", nargs, 1, 2) < 0) return NULL;
    if (!bio_check(self)) return NULL;
    if (!KR_INT_CHECK(args[0]) && !kr_index_check(args[0]))
        return kr_err_format(kr_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                             args[0]);
    kr_ssize pos = kr_number_as_ssize(args[0], kr_exc_OverflowError);
    if (pos == -1 && kr_err_occurred()) return NULL;
    int64_t whence = 0;
    if (nargs > 1) {
        whence = kr_int_as_i64(args[1]);
        if (whence == -1 && kr_err_occurred()) return NULL;
    }
    if (whence != 0 && whence != 1 && whence != 2)
        return kr_err_format(kr_exc_ValueError, "invalid whence (%d, should be 0, 1 or 2)",
                             (int)whence);
    if (pos < 0 && whence == 0)
        return kr_err_format(kr_exc_ValueError, "negative seek value %zd", pos);
    BytesIO *b = BIO(self);
    if (whence == 1) pos += b->pos;
    else if (whence == 2) pos += b->len;
    if (pos < 0) pos = 0;
    b->pos = pos;
    return kr_int_from_ssize(pos);
}

static KrObject *bio_truncate(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("truncate", nargs, 0, 1) < 0) return NULL;
    if (!bio_check(self)) return NULL;
    BytesIO *b = BIO(self);
    kr_ssize size = b->pos;
    if (nargs && args[0] != kr_none) {
        if (!KR_INT_CHECK(args[0]) && !kr_index_check(args[0]))
            return kr_err_format(kr_exc_TypeError,
                                 "'%T' object cannot be interpreted as an integer", args[0]);
        size = kr_number_as_ssize(args[0], kr_exc_OverflowError);
        if (size == -1 && kr_err_occurred()) return NULL;
        if (size < 0) return kr_err_format(kr_exc_ValueError, "negative size value %zd", size);
    }
    if (size < b->len) b->len = size;
    return kr_int_from_ssize(size);
}

static KrObject *bio_close(KrObject *self, KrObject *unused) {
    BytesIO *b = BIO(self);
    b->closed = true;
    kr_mem_free(b->buf);
    b->buf = NULL;
    b->len = b->cap = 0;
    return kr_none;
}

static KrObject *bio_true_if_open(KrObject *self, KrObject *unused) {
    if (!bio_check(self)) return NULL;
    return kr_true;
}

static KrObject *bio_false_if_open(KrObject *self, KrObject *unused) {
    if (!bio_check(self)) return NULL;
    return kr_false;
}

static KrObject *bio_flush(KrObject *self, KrObject *unused) {
    if (!bio_check(self)) return NULL;
    return kr_none;
}

static KrObject *io_enter(KrObject *self, KrObject *unused) {
    KrObject *closed = kr_object_getattr_str(self, "closed");
    if (!closed) return NULL;
    int c = kr_object_is_true(closed);
    KR_DECREF(closed);
    if (c < 0) return NULL;
    if (c) return err_closed();
    return KR_NEWREF(self);
}

static KrObject *bio_get_closed(KrObject *self, void *c) { return kr_bool_new(BIO(self)->closed); }

static KrMethodDef bio_methods[] = {
    {"write", (void *)bio_write, KR_METH_O, NULL},
    {"writelines", (void *)bio_writelines, KR_METH_O, NULL},
    {"read", (void *)bio_read, KR_METH_FASTCALL, NULL},
    {"read1", (void *)bio_read, KR_METH_FASTCALL, NULL},
    {"readline", (void *)bio_readline, KR_METH_FASTCALL, NULL},
    {"readlines", (void *)bio_readlines, KR_METH_FASTCALL, NULL},
    {"readinto", (void *)bio_readinto, KR_METH_O, NULL},
    {"getvalue", (void *)bio_getvalue, KR_METH_NOARGS, NULL},
    {"tell", (void *)bio_tell, KR_METH_NOARGS, NULL},
    {"seek", (void *)bio_seek, KR_METH_FASTCALL, NULL},
    {"truncate", (void *)bio_truncate, KR_METH_FASTCALL, NULL},
    {"close", (void *)bio_close, KR_METH_NOARGS, NULL},
    {"readable", (void *)bio_true_if_open, KR_METH_NOARGS, NULL},
    {"writable", (void *)bio_true_if_open, KR_METH_NOARGS, NULL},
    {"seekable", (void *)bio_true_if_open, KR_METH_NOARGS, NULL},
    {"isatty", (void *)bio_false_if_open, KR_METH_NOARGS, NULL},
    {"flush", (void *)bio_flush, KR_METH_NOARGS, NULL},
    {"fileno", (void *)io_fileno, KR_METH_NOARGS, NULL},
    {"detach", (void *)io_detach, KR_METH_NOARGS, NULL},
    {"__enter__", (void *)io_enter, KR_METH_NOARGS, NULL},
    {"__exit__", (void *)io_exit, KR_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef bio_getset[] = {
    {"closed", bio_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_bytesio_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "_io.BytesIO",
    .tp_basicsize = sizeof(BytesIO),
    .tp_dealloc = bio_dealloc,
    .tp_iter = bio_iter,
    .tp_iternext = bio_iternext,
    .tp_methods = bio_methods,
    .tp_getset = bio_getset,
    .tp_dictoffset = offsetof(BytesIO, dict),
    .tp_weaklistoffset = offsetof(BytesIO, weakreflist),
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_HAVE_GC,
    .tp_traverse = bio_traverse,
    .tp_clear = bio_clear,
    .tp_new = bio_new,
    .tp_init = bio_init,
    .tp_doc = "Buffered I/O implementation using an in-memory bytes buffer.",
};

/* ===========================================================================
 * Module
 * ========================================================================= */

static KrObject *io_text_encoding(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("text_encoding", nargs, 1, 2) < 0) return NULL;
    if (args[0] != kr_none) return KR_NEWREF(args[0]);
    return kr_str_from_cstr("locale");
}

static KrObject *io_open_func(KrObject *m, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    return kr_io_open(args, nargs, kwnames);
}

static KrMethodDef io_methods[] = {
    {"text_encoding", (void *)io_text_encoding, KR_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static KrMethodDef io_open_def = {"open", (void *)io_open_func,
                                  KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL};

static KrObject *make_unsupported_operation(void) {
    KrObject *name = kr_str_from_cstr("UnsupportedOperation");
    KrObject *bases = kr_tuple_pack(2, (KrObject *)kr_exc_OSError, (KrObject *)kr_exc_ValueError);
    KrObject *ns = kr_dict_new();
    KrObject *mod = kr_str_from_cstr("io");
    KrObject *t = NULL;
    if (name && bases && ns && mod && kr_dict_set_item_str(ns, "__module__", mod) == 0)
        t = kr_type_new_from_ns(&kr_type_type, name, bases, ns, NULL);
    KR_XDECREF(name);
    KR_XDECREF(bases);
    KR_XDECREF(ns);
    KR_XDECREF(mod);
    return t;
}

KrObject *kr_io_module_init(void) {
    if (kr_type_ready(&kr_stringio_type) < 0 || kr_type_ready(&kr_bytesio_type) < 0) return NULL;
    if (!unsupported_operation) {
        unsupported_operation = make_unsupported_operation();
        if (!unsupported_operation) return NULL;
    }
    KrObject *m = kr_module_new_cstr("_io");
    if (!m || kr_module_add_functions(m, io_methods) < 0) goto fail;
    struct {
        const char *name;
        KrObject *value;
    } objs[] = {
        {"StringIO", (KrObject *)&kr_stringio_type},
        {"BytesIO", (KrObject *)&kr_bytesio_type},
        {"TextIOWrapper", (KrObject *)&kr_textio_type},
        {"BufferedReader", (KrObject *)&kr_bufferedio_type},
        {"BufferedWriter", (KrObject *)&kr_bufferedio_type},
        {"BufferedRandom", (KrObject *)&kr_bufferedio_type},
        {"FileIO", (KrObject *)&kr_bufferedio_type},
        {"UnsupportedOperation", unsupported_operation},
    };
    for (size_t i = 0; i < sizeof objs / sizeof *objs; i++)
        if (kr_module_add_object(m, objs[i].name, KR_NEWREF(objs[i].value)) < 0) goto fail;
    if (kr_module_add_object(m, "DEFAULT_BUFFER_SIZE", kr_int_from_i64(8192)) < 0) goto fail;
    /* io.open is builtins.open (the same object, as in CPython) */
    KrObject *bopen = kr_interp.builtins ? kr_dict_get_item_str(kr_interp.builtins, "open") : NULL;
    KrObject *open_obj = bopen ? KR_NEWREF(bopen) : kr_cfunction_new(&io_open_def, NULL, NULL);
    if (kr_module_add_object(m, "open", open_obj) < 0) goto fail;
    return m;
fail:
    KR_XDECREF(m);
    return NULL;
}
