/* fileio.c - file objects over C stdio: text files (UTF-8, universal newlines on
 * read) and binary files, used by open() and for sys.stdin/stdout/stderr. A full
 * `io` module (StringIO, BytesIO, buffering classes) builds on this later. */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "krait.h"

typedef struct {
    KR_OBJECT_HEAD;
    FILE *fp;
    KrObject *name;     /* str or int */
    KrObject *mode;     /* str */
    KrObject *dict;
    bool binary;
    bool readable, writable;
    bool closefd;       /* close the descriptor on close() (not for std streams) */
    bool closed;
    int pending_cr;     /* text read: a '\r' was seen at the end of the last chunk */
} KrFile;

#define FILE_OF(o) ((KrFile *)(o))

static KrObject *err_closed(void) {
    return kr_err_format(kr_exc_ValueError, "I/O operation on closed file.");
}

static KrObject *check_open(KrObject *self) {
    if (FILE_OF(self)->closed || !FILE_OF(self)->fp) return err_closed();
    return self;
}

static KrObject *unsupported(const char *what) {
    return kr_err_format(kr_exc_OSError, "%s", what); /* io.UnsupportedOperation arrives with `io` */
}

/* ---------------------------------------------------------------------------
 * Writing
 * ------------------------------------------------------------------------- */

static KrObject *file_write(KrObject *self, KrObject *arg) {
    KrFile *f = FILE_OF(self);
    if (!check_open(self)) return NULL;
    if (!f->writable) return unsupported("not writable");
    const char *data;
    kr_ssize n, result;
    if (f->binary) {
        if (KR_BYTES_CHECK(arg)) {
            data = kr_bytes_data(arg);
            n = KR_SIZE(arg);
        } else if (KR_TYPE_IS(arg, &kr_bytearray_type)) {
            data = ((KrByteArray *)arg)->data;
            n = KR_SIZE(arg);
        } else {
            return kr_err_format(kr_exc_TypeError, "a bytes-like object is required, not '%T'", arg);
        }
        result = n;
    } else {
        if (!KR_STR_CHECK(arg))
            return kr_err_format(kr_exc_TypeError, "write() argument must be str, not %T", arg);
        data = kr_str_data(arg);
        n = kr_str_size(arg);
        result = kr_str_length(arg);
        /* lone surrogates (3-byte ED A0..BF sequences) cannot be written as UTF-8:
         * let the codec raise CPython's UnicodeEncodeError */
        if (!((KrStr *)arg)->ascii) {
            for (kr_ssize i = 0; i + 1 < n; i++) {
                if ((unsigned char)data[i] == 0xED && ((unsigned char)data[i + 1] & 0xE0) == 0xA0) {
                    KrObject *b = kr_str_encode(arg, "utf-8", "strict");
                    if (!b) return NULL;
                    KR_DECREF(b);
                    break;
                }
            }
        }
    }
    if (n > 0 && fwrite(data, 1, (size_t)n, f->fp) != (size_t)n) {
        clearerr(f->fp);
        return kr_err_from_errno(kr_exc_OSError);
    }
    /* interactive text streams flush at newlines, as CPython's line buffering does */
    if (!f->binary && f->fp == stdout && isatty(fileno(stdout)) && memchr(data, '\n', (size_t)n))
        fflush(f->fp);
    return kr_int_from_ssize(result);
}

static KrObject *file_writelines(KrObject *self, KrObject *lines) {
    KrObject *it = kr_object_get_iter(lines);
    if (!it) return NULL;
    KrObject *item;
    while ((item = kr_iter_next(it))) {
        KrObject *r = file_write(self, item);
        KR_DECREF(item);
        if (!r) {
            KR_DECREF(it);
            return NULL;
        }
        KR_DECREF(r);
    }
    KR_DECREF(it);
    if (kr_err_occurred()) return NULL;
    return KR_NEWREF(kr_none);
}

static KrObject *file_flush(KrObject *self, KrObject *unused) {
    if (!check_open(self)) return NULL;
    if (fflush(FILE_OF(self)->fp) != 0) return kr_err_from_errno(kr_exc_OSError);
    return KR_NEWREF(kr_none);
}

/* ---------------------------------------------------------------------------
 * Reading
 * ------------------------------------------------------------------------- */

/* Reads raw bytes: up to `limit` (or all when < 0), stopping after '\n' if line. */
static int read_raw(KrFile *f, kr_ssize limit, bool line, char **out, kr_ssize *outlen) {
    size_t cap = 256, len = 0;
    char *buf = kr_mem_malloc(cap);
    if (!buf) return -1;
    for (;;) {
        if (limit >= 0 && (kr_ssize)len >= limit) break;
        int c = getc(f->fp);
        if (c == EOF) {
            if (ferror(f->fp)) {
                clearerr(f->fp);
                if (errno == EINTR) {
                    if (kr_err_occurred()) goto fail;
                    continue;
                }
                kr_err_from_errno(kr_exc_OSError);
                goto fail;
            }
            clearerr(f->fp);
            break;
        }
        if (!f->binary) { /* universal newlines */
            if (c == '\r') {
                int d = getc(f->fp);
                if (d != '\n' && d != EOF) ungetc(d, f->fp);
                c = '\n';
            }
        }
        if (len + 1 >= cap) {
            cap *= 2;
            char *nb = kr_mem_realloc(buf, cap);
            if (!nb) goto fail;
            buf = nb;
        }
        buf[len++] = (char)c;
        if (line && c == '\n') break;
    }
    *out = buf;
    *outlen = (kr_ssize)len;
    return 0;
fail:
    kr_mem_free(buf);
    return -1;
}

/* In text mode `limit` counts characters: read bytes, then complete a partial UTF-8
 * sequence so no character is split. */
static KrObject *read_common(KrObject *self, kr_ssize limit, bool line) {
    KrFile *f = FILE_OF(self);
    if (!check_open(self)) return NULL;
    if (!f->readable) return unsupported("not readable");
    char *buf;
    kr_ssize len;
    if (read_raw(f, limit, line, &buf, &len) < 0) return NULL;
    KrObject *r;
    if (f->binary) {
        r = kr_bytes_from_data(buf, len);
    } else {
        /* finish a multi-byte character cut by the limit */
        if (limit >= 0 && len > 0) {
            kr_ssize i = len - 1;
            while (i > 0 && ((unsigned char)buf[i] & 0xC0) == 0x80) i--;
            unsigned char lead = (unsigned char)buf[i];
            kr_ssize need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            while (len - i < need) {
                int c = getc(f->fp);
                if (c == EOF) break;
                char *nb = kr_mem_realloc(buf, (size_t)len + 2);
                if (!nb) {
                    kr_mem_free(buf);
                    return NULL;
                }
                buf = nb;
                buf[len++] = (char)c;
            }
        }
        r = kr_str_from_utf8(buf, len);
    }
    kr_mem_free(buf);
    return r;
}

static kr_ssize size_arg(KrObject *const *args, kr_ssize nargs, const char *fname, int *ok) {
    *ok = 1;
    if (nargs > 1) {
        kr_err_format(kr_exc_TypeError, "%s expected at most 1 argument, got %zd", fname, nargs);
        *ok = 0;
        return 0;
    }
    if (nargs == 0 || args[0] == kr_none) return -1;
    kr_ssize n = kr_number_as_ssize(args[0], kr_exc_OverflowError);
    if (n == -1 && kr_err_occurred()) *ok = 0;
    return n;
}

static KrObject *file_read(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    int ok;
    kr_ssize n = size_arg(args, nargs, "read", &ok);
    if (!ok) return NULL;
    return read_common(self, n < 0 ? -1 : n, false);
}

static KrObject *file_readline(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    int ok;
    kr_ssize n = size_arg(args, nargs, "readline", &ok);
    if (!ok) return NULL;
    return read_common(self, n < 0 ? -1 : n, true);
}

static bool is_empty(KrObject *o) {
    return KR_STR_CHECK(o) ? kr_str_size(o) == 0 : KR_SIZE(o) == 0;
}

static KrObject *file_readlines(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    for (;;) {
        KrObject *l = read_common(self, -1, true);
        if (!l) {
            KR_DECREF(list);
            return NULL;
        }
        if (is_empty(l)) {
            KR_DECREF(l);
            break;
        }
        if (kr_list_append_steal(list, l) < 0) {
            KR_DECREF(list);
            return NULL;
        }
    }
    return list;
}

static KrObject *file_iternext(KrObject *self) {
    KrObject *l = read_common(self, -1, true);
    if (!l) return NULL;
    if (is_empty(l)) {
        KR_DECREF(l);
        return NULL;
    }
    return l;
}

static KrObject *file_iter(KrObject *self) {
    if (!check_open(self)) return NULL;
    return KR_NEWREF(self);
}

/* ---------------------------------------------------------------------------
 * Positioning, state, closing
 * ------------------------------------------------------------------------- */

static KrObject *file_seek(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (!check_open(self)) return NULL;
    if (kr_arg_check_positional("seek", nargs, 1, 2) < 0) return NULL;
    int64_t off = kr_int_as_i64(args[0]);
    if (off == -1 && kr_err_occurred()) return NULL;
    int whence = 0;
    if (nargs == 2) {
        whence = (int)kr_int_as_i64(args[1]);
        if (whence == -1 && kr_err_occurred()) return NULL;
    }
    if (fseeko(FILE_OF(self)->fp, (off_t)off, whence) != 0) return kr_err_from_errno(kr_exc_OSError);
    return kr_int_from_i64((int64_t)ftello(FILE_OF(self)->fp));
}

static KrObject *file_tell(KrObject *self, KrObject *unused) {
    if (!check_open(self)) return NULL;
    off_t pos = ftello(FILE_OF(self)->fp);
    if (pos < 0) return kr_err_from_errno(kr_exc_OSError);
    return kr_int_from_i64((int64_t)pos);
}

static KrObject *file_close(KrObject *self, KrObject *unused) {
    KrFile *f = FILE_OF(self);
    if (f->closed) return KR_NEWREF(kr_none);
    f->closed = true;
    int r = 0;
    if (f->fp) {
        if (f->closefd)
            r = fclose(f->fp);
        else
            r = fflush(f->fp);
        f->fp = f->closefd ? NULL : f->fp;
    }
    if (r != 0) return kr_err_from_errno(kr_exc_OSError);
    return KR_NEWREF(kr_none);
}

static KrObject *file_fileno(KrObject *self, KrObject *unused) {
    if (!check_open(self)) return NULL;
    return kr_int_from_i64(fileno(FILE_OF(self)->fp));
}

static KrObject *file_isatty(KrObject *self, KrObject *unused) {
    if (!check_open(self)) return NULL;
    return kr_bool_new(isatty(fileno(FILE_OF(self)->fp)));
}

static KrObject *file_readable(KrObject *self, KrObject *unused) {
    if (!check_open(self)) return NULL;
    return kr_bool_new(FILE_OF(self)->readable);
}

static KrObject *file_writable(KrObject *self, KrObject *unused) {
    if (!check_open(self)) return NULL;
    return kr_bool_new(FILE_OF(self)->writable);
}

static KrObject *file_seekable(KrObject *self, KrObject *unused) {
    if (!check_open(self)) return NULL;
    return kr_bool_new(ftello(FILE_OF(self)->fp) >= 0);
}

static KrObject *file_enter(KrObject *self, KrObject *unused) {
    if (!check_open(self)) return NULL;
    return KR_NEWREF(self);
}

static KrObject *file_exit(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    return file_close(self, NULL);
}

static KrObject *file_get_closed(KrObject *self, void *c) { return kr_bool_new(FILE_OF(self)->closed); }
static KrObject *file_get_name(KrObject *self, void *c) { return KR_NEWREF(FILE_OF(self)->name); }
static KrObject *file_get_mode(KrObject *self, void *c) { return KR_NEWREF(FILE_OF(self)->mode); }
static KrObject *file_get_encoding(KrObject *self, void *c) {
    if (FILE_OF(self)->binary)
        return kr_err_format(kr_exc_AttributeError, "'%T' object has no attribute 'encoding'", self);
    return kr_str_from_cstr("utf-8");
}
static KrObject *file_get_buffer(KrObject *self, void *c) {
    /* binary view of a text stream's descriptor (sys.stdout.buffer) */
    KrFile *f = FILE_OF(self);
    if (f->binary || !f->fp)
        return kr_err_format(kr_exc_AttributeError, "'%T' object has no attribute 'buffer'", self);
    fflush(f->fp);
    KrObject *b = kr_object_new(&kr_bufferedio_type);
    if (!b) return NULL;
    KrFile *bf = FILE_OF(b);
    bf->fp = f->fp;
    bf->name = KR_NEWREF(f->name);
    bf->mode = kr_str_from_cstr(f->writable ? "wb" : "rb");
    bf->binary = true;
    bf->readable = f->readable;
    bf->writable = f->writable;
    bf->closefd = false;
    return b;
}

static void file_dealloc(KrObject *self) {
    KrFile *f = FILE_OF(self);
    if (!f->closed && f->fp) {
        if (f->closefd)
            fclose(f->fp);
        else
            fflush(f->fp);
    }
    KR_CLEAR(f->name);
    KR_CLEAR(f->mode);
    KR_CLEAR(f->dict);
    kr_object_free(self);
}

static KrObject *file_repr(KrObject *self) {
    KrFile *f = FILE_OF(self);
    if (f->binary)
        return kr_str_from_format("<_io.%s name=%R>",
                                  f->writable ? "BufferedWriter" : "BufferedReader", f->name);
    return kr_str_from_format("<_io.TextIOWrapper name=%R mode=%R encoding='utf-8'>", f->name, f->mode);
}

static KrMethodDef file_methods[] = {
    {"write", (void *)file_write, KR_METH_O, NULL},
    {"writelines", (void *)file_writelines, KR_METH_O, NULL},
    {"flush", (void *)file_flush, KR_METH_NOARGS, NULL},
    {"read", (void *)file_read, KR_METH_FASTCALL, NULL},
    {"readline", (void *)file_readline, KR_METH_FASTCALL, NULL},
    {"readlines", (void *)file_readlines, KR_METH_FASTCALL, NULL},
    {"seek", (void *)file_seek, KR_METH_FASTCALL, NULL},
    {"tell", (void *)file_tell, KR_METH_NOARGS, NULL},
    {"close", (void *)file_close, KR_METH_NOARGS, NULL},
    {"fileno", (void *)file_fileno, KR_METH_NOARGS, NULL},
    {"isatty", (void *)file_isatty, KR_METH_NOARGS, NULL},
    {"readable", (void *)file_readable, KR_METH_NOARGS, NULL},
    {"writable", (void *)file_writable, KR_METH_NOARGS, NULL},
    {"seekable", (void *)file_seekable, KR_METH_NOARGS, NULL},
    {"__enter__", (void *)file_enter, KR_METH_NOARGS, NULL},
    {"__exit__", (void *)file_exit, KR_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef file_getset[] = {
    {"closed", file_get_closed, NULL, NULL, NULL},
    {"name", file_get_name, NULL, NULL, NULL},
    {"mode", file_get_mode, NULL, NULL, NULL},
    {"encoding", file_get_encoding, NULL, NULL, NULL},
    {"buffer", file_get_buffer, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_textio_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(KrFile),
    .tp_dealloc = file_dealloc,
    .tp_repr = file_repr,
    .tp_iter = file_iter,
    .tp_iternext = file_iternext,
    .tp_methods = file_methods,
    .tp_getset = file_getset,
    .tp_dictoffset = offsetof(KrFile, dict),
    .tp_flags = KR_TPFLAGS_BASETYPE,
};

KrType kr_bufferedio_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "_io.BufferedRandom",
    .tp_basicsize = sizeof(KrFile),
    .tp_dealloc = file_dealloc,
    .tp_repr = file_repr,
    .tp_iter = file_iter,
    .tp_iternext = file_iternext,
    .tp_methods = file_methods,
    .tp_getset = file_getset,
    .tp_dictoffset = offsetof(KrFile, dict),
    .tp_flags = KR_TPFLAGS_BASETYPE,
};

/* ---------------------------------------------------------------------------
 * Construction
 * ------------------------------------------------------------------------- */

KrObject *kr_io_file_from_fd(int fd, const char *mode, const char *name) {
    bool binary = strchr(mode, 'b') != NULL;
    KrObject *o = kr_object_new(binary ? &kr_bufferedio_type : &kr_textio_type);
    if (!o) return NULL;
    KrFile *f = FILE_OF(o);
    char cmode[4] = {mode[0] == 'r' ? 'r' : 'w', 0};
    f->fp = fd == 0 ? stdin : fd == 1 ? stdout : fd == 2 ? stderr : fdopen(fd, cmode);
    f->name = kr_str_from_cstr(name);
    f->mode = kr_str_from_cstr(mode);
    f->binary = binary;
    f->readable = mode[0] == 'r';
    f->writable = mode[0] != 'r';
    f->closefd = fd > 2;
    if (!f->fp || !f->name || !f->mode) {
        if (!f->fp) kr_err_from_errno(kr_exc_OSError);
        KR_DECREF(o);
        return NULL;
    }
    return o;
}

/* open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None) */
KrObject *kr_io_open(KrObject *const *args, kr_ssize nargs, KrObject *kwnames) {
    static const char *const kwlist[] = {"file", "mode", "buffering", "encoding", "errors",
                                         "newline", "closefd", "opener", NULL};
    KrObject *file = NULL, *mode_obj = NULL, *buffering = NULL, *encoding = NULL, *errors = NULL,
             *newline = NULL, *closefd = NULL, *opener = NULL;
    if (kr_arg_parse(args, nargs, kwnames, "O|OOOOOOO:open", kwlist, &file, &mode_obj, &buffering,
                     &encoding, &errors, &newline, &closefd, &opener) < 0)
        return NULL;
    const char *mode = "r";
    if (mode_obj) {
        if (!KR_STR_CHECK(mode_obj))
            return kr_err_format(kr_exc_TypeError, "open() argument 'mode' must be str, not %T", mode_obj);
        mode = kr_str_data(mode_obj);
    }
    /* validate the mode string as CPython does */
    int r = 0, w = 0, a = 0, x = 0, plus = 0, b = 0, t = 0;
    for (const char *p = mode; *p; p++) {
        int *flag = *p == 'r' ? &r : *p == 'w' ? &w : *p == 'a' ? &a : *p == 'x' ? &x
                    : *p == '+' ? &plus : *p == 'b' ? &b : *p == 't' ? &t : NULL;
        if (!flag || *flag) return kr_err_format(kr_exc_ValueError, "invalid mode: '%s'", mode);
        *flag = 1;
    }
    if (r + w + a + x != 1)
        return kr_err_format(kr_exc_ValueError,
                             "must have exactly one of create/read/write/append mode");
    if (b && t) return kr_err_format(kr_exc_ValueError, "can't have text and binary mode at once");
    if (b && encoding && encoding != kr_none)
        return kr_err_format(kr_exc_ValueError, "binary mode doesn't take an encoding argument");
    if (encoding && encoding != kr_none && KR_STR_CHECK(encoding)) {
        const char *e = kr_str_data(encoding);
        if (strcasecmp(e, "utf-8") && strcasecmp(e, "utf8") && strcasecmp(e, "ascii") &&
            strcasecmp(e, "utf_8"))
            return kr_err_format(kr_exc_LookupError, "unknown encoding: %s", e);
    }
    int flags = plus ? O_RDWR : r ? O_RDONLY : O_WRONLY;
    if (w) flags |= O_CREAT | O_TRUNC;
    if (a) flags |= O_CREAT | O_APPEND;
    if (x) flags |= O_CREAT | O_EXCL;
    int fd;
    KrObject *name;
    KrObject *fspath = NULL; /* os.PathLike: open the path its __fspath__ returns */
    if (!KR_INT_CHECK(file) && !KR_STR_CHECK(file) && !KR_BYTES_CHECK(file)) {
        int found = 0;
        fspath = kr_call_special(file, kr_str_intern_cstr("__fspath__"), NULL, 0, &found);
        if (!found)
            return kr_err_format(kr_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
        if (!fspath) return NULL;
        if (!KR_STR_CHECK(fspath) && !KR_BYTES_CHECK(fspath)) {
            kr_err_format(kr_exc_TypeError, "expected %T.__fspath__() to return str or bytes, not %T",
                          file, fspath);
            KR_DECREF(fspath);
            return NULL;
        }
        file = fspath;
    }
    if (KR_INT_CHECK(file)) {
        fd = (int)kr_int_as_i64(file);
        if (fd == -1 && kr_err_occurred()) return NULL;
        name = KR_NEWREF(file);
    } else if (KR_STR_CHECK(file) || KR_BYTES_CHECK(file)) {
        const char *path = KR_STR_CHECK(file) ? kr_str_data(file) : kr_bytes_data(file);
        kr_ssize plen = KR_STR_CHECK(file) ? kr_str_size(file) : KR_SIZE(file);
        if (strlen(path) != (size_t)plen) {
            KR_XDECREF(fspath);
            return kr_err_format(kr_exc_ValueError, "embedded null byte");
        }
        fd = open(path, flags | O_CLOEXEC, 0666);
        if (fd < 0) {
            kr_err_from_errno_filename(kr_exc_OSError, file);
            KR_XDECREF(fspath);
            return NULL;
        }
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            errno = EISDIR;
            return kr_err_from_errno_filename(kr_exc_OSError, file);
        }
        name = KR_NEWREF(file);
    } else {
        return kr_err_format(kr_exc_TypeError, "expected str, bytes or os.PathLike object, not %T", file);
    }
    KR_XDECREF(fspath); /* `name` holds the path now */
    const char *cmode = plus ? (r ? "r+" : w ? "w+" : a ? "a+" : "w+") : r ? "r" : a ? "a" : "w";
    FILE *fp = fdopen(fd, cmode);
    if (!fp) {
        KR_DECREF(name);
        close(fd);
        return kr_err_from_errno(kr_exc_OSError);
    }
    KrObject *o = kr_object_new(b ? &kr_bufferedio_type : &kr_textio_type);
    if (!o) {
        fclose(fp);
        KR_DECREF(name);
        return NULL;
    }
    KrFile *f = FILE_OF(o);
    f->fp = fp;
    f->name = name;
    /* CPython reports the text mode without 't' and 'b' files keep the 'b' */
    char norm[8], *q = norm;
    *q++ = r ? 'r' : w ? 'w' : a ? 'a' : 'x';
    if (plus) *q++ = '+';
    if (b) *q++ = 'b';
    *q = 0;
    f->mode = kr_str_from_cstr(b ? norm : mode);
    f->binary = b;
    f->readable = r || plus;
    f->writable = w || a || x || plus;
    f->closefd = true;
    if (!f->mode) {
        KR_DECREF(o);
        return NULL;
    }
    return o;
}
