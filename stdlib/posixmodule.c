/* posixmodule.c - the `posix` module: the thin layer over the C library that os.py
 * builds on (files and directories, descriptors, processes, environment, misc).
 * The stat family and stat_result live in posix_stat.c. */
#define _GNU_SOURCE /* pipe2, dup3, O_PATH, strsignal */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "posix_internal.h"

extern char **environ;

/* ---------------------------------------------------------------------------
 * Shared helpers
 * ------------------------------------------------------------------------- */

KrObject *kr_posix_fspath(KrObject *o) {
    if (KR_STR_CHECK(o) || KR_BYTES_CHECK(o)) return KR_NEWREF(o);
    KrObject *meth = kr_type_lookup(KR_TYPE(o), kr_str_intern_cstr("__fspath__"));
    if (!meth || meth == kr_none)
        return kr_err_format(kr_exc_TypeError,
                             "expected str, bytes or os.PathLike object, not %T", o);
    KrObject *r = kr_call_method(o, "__fspath__", NULL, 0);
    if (!r) return NULL;
    if (!KR_STR_CHECK(r) && !KR_BYTES_CHECK(r)) {
        kr_err_format(kr_exc_TypeError, "expected %T.__fspath__() to return str or bytes, not %T",
                      o, r);
        KR_DECREF(r);
        return NULL;
    }
    return r;
}

static KrObject *path_type_error(KrPathArg *p, KrObject *o) {
    const char *kinds = p->allow_fd ? (p->nullable ? "string, bytes, os.PathLike, integer or None"
                                                   : "string, bytes, os.PathLike or integer")
                                    : (p->nullable ? "string, bytes, os.PathLike or None"
                                                   : "string, bytes or os.PathLike");
    return kr_err_format(kr_exc_TypeError, "%s: %s should be %s, not %T", p->func,
                         p->argname ? p->argname : "path", kinds, o);
}

int kr_posix_path_convert(KrObject *o, KrPathArg *p) {
    p->object = o;
    p->narrow = NULL;
    p->fd = -1;
    p->is_bytes = false;
    p->cleanup = NULL;
    if (o == kr_none && p->nullable) {
        p->narrow = ".";
        return 0;
    }
    if (p->allow_fd && KR_INT_CHECK(o) && !KR_TYPE_IS(o, &kr_bool_type)) {
        int64_t v = kr_int_as_i64(o);
        if (v == -1 && kr_err_occurred()) return -1;
        if (v < INT_MIN || v > INT_MAX) {
            kr_err_set_string(kr_exc_OverflowError, v > 0 ? "fd is greater than maximum"
                                                          : "fd is less than minimum");
            return -1;
        }
        p->fd = (int)v;
        return 0;
    }
    KrObject *s;
    if (KR_STR_CHECK(o) || KR_BYTES_CHECK(o)) {
        s = KR_NEWREF(o);
    } else if (KR_BYTEARRAY_CHECK(o)) {
        s = kr_bytes_from_data(kr_bytearray_data(o), KR_SIZE(o));
        if (!s) return -1;
    } else {
        KrObject *meth = kr_type_lookup(KR_TYPE(o), kr_str_intern_cstr("__fspath__"));
        if (!meth || meth == kr_none) {
            path_type_error(p, o);
            return -1;
        }
        s = kr_posix_fspath(o);
        if (!s) return -1;
    }
    const char *data;
    kr_ssize n;
    if (KR_STR_CHECK(s)) {
        data = kr_str_data(s);
        n = kr_str_size(s);
    } else {
        data = kr_bytes_data(s);
        n = kr_bytes_size(s);
        p->is_bytes = true;
    }
    if ((kr_ssize)strlen(data) != n) {
        KR_DECREF(s);
        kr_err_set_string(kr_exc_ValueError, "embedded null byte");
        return -1;
    }
    p->narrow = data;
    p->cleanup = s;
    return 0;
}

void kr_posix_path_cleanup(KrPathArg *p) { KR_CLEAR(p->cleanup); }

KrObject *kr_posix_error(KrObject *filename, KrObject *filename2) {
    int e = errno;
    if (e == ENOMEM) return kr_err_no_memory();
    if (!filename2) return kr_err_from_errno_filename(kr_exc_OSError, filename);
    KrType *t = kr_oserror_subclass_for_errno(e);
    if (!t) t = kr_exc_OSError;
    KrObject *code = kr_int_from_i64(e);
    KrObject *msg = kr_str_from_cstr(strerror(e));
    KrObject *args = code && msg ? kr_tuple_pack(5, code, msg, filename ? filename : kr_none,
                                                  kr_none, filename2)
                                 : NULL;
    KR_XDECREF(code);
    KR_XDECREF(msg);
    if (!args) return NULL;
    kr_err_set_object(t, args);
    KR_DECREF(args);
    return NULL;
}

KrObject *kr_posix_fs_result(const char *s, kr_ssize n, bool as_bytes) {
    if (as_bytes) return kr_bytes_from_data(s, n);
    return kr_str_decode_utf8_surrogateescape(s, n);
}

int kr_posix_int_arg(KrObject *o, const char *func, long *out) {
    (void)func;
    if (KR_FLOAT_CHECK(o)) {
        kr_err_format(kr_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    KrObject *i = kr_number_index(o);
    if (!i) return -1;
    int64_t v = kr_int_as_i64(i);
    KR_DECREF(i);
    if (v == -1 && kr_err_occurred()) return -1;
    *out = (long)v;
    return 0;
}

/* Parses a descriptor argument; -1 with an error set on failure. */
static int fd_arg(KrObject *o, const char *func, int *fd) {
    long v;
    if (kr_posix_int_arg(o, func, &v) < 0) return -1;
    if (v < INT_MIN || v > INT_MAX) {
        kr_err_set_string(kr_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *fd = (int)v;
    return 0;
}

static KrObject *none_or_error(int r, KrObject *filename) {
    if (r < 0) return kr_posix_error(filename, NULL);
    return kr_none;
}

/* ---------------------------------------------------------------------------
 * Files and directories
 * ------------------------------------------------------------------------- */

static KrObject *posix_getcwd(KrObject *m, KrObject *unused) {
    char buf[PATH_MAX + 1];
    if (!getcwd(buf, sizeof buf)) return kr_posix_error(NULL, NULL);
    return kr_posix_fs_result(buf, (kr_ssize)strlen(buf), false);
}

static KrObject *posix_getcwdb(KrObject *m, KrObject *unused) {
    char buf[PATH_MAX + 1];
    if (!getcwd(buf, sizeof buf)) return kr_posix_error(NULL, NULL);
    return kr_bytes_from_data(buf, (kr_ssize)strlen(buf));
}

/* One-path functions: (path) -> None, with a C call. */
#define PATH1_FUNC(pyname, call)                                                           \
    static KrObject *posix_##pyname(KrObject *m, KrObject *const *args, kr_ssize nargs,    \
                                    KrObject *kwnames) {                                   \
        static const char *const kwlist[] = {"path", "dir_fd", NULL};                      \
        KrObject *po = NULL, *dirfd = NULL;                                                \
        if (kr_arg_parse(args, nargs, kwnames, "O|$O:" #pyname, kwlist, &po, &dirfd) < 0)  \
            return NULL;                                                                   \
        KrPathArg p = {.func = #pyname};                                                   \
        if (kr_posix_path_convert(po, &p) < 0) return NULL;                                \
        int r = call(p.narrow);                                                            \
        KrObject *res = none_or_error(r, po);                                              \
        kr_posix_path_cleanup(&p);                                                         \
        return res;                                                                        \
    }

PATH1_FUNC(rmdir, rmdir)
PATH1_FUNC(unlink, unlink)
PATH1_FUNC(remove, unlink)

static KrObject *posix_chdir(KrObject *m, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    static const char *const kwlist[] = {"path", NULL};
    KrObject *po;
    if (kr_arg_parse(args, nargs, kwnames, "O:chdir", kwlist, &po) < 0) return NULL;
    KrPathArg p = {.func = "chdir", .allow_fd = true};
    if (kr_posix_path_convert(po, &p) < 0) return NULL;
    int r = p.narrow ? chdir(p.narrow) : fchdir(p.fd);
    KrObject *res = none_or_error(r, po);
    kr_posix_path_cleanup(&p);
    return res;
}

static KrObject *posix_mkdir(KrObject *m, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    static const char *const kwlist[] = {"path", "mode", "dir_fd", NULL};
    KrObject *po, *dirfd = NULL;
    int mode = 0777;
    if (kr_arg_parse(args, nargs, kwnames, "O|i$O:mkdir", kwlist, &po, &mode, &dirfd) < 0)
        return NULL;
    KrPathArg p = {.func = "mkdir"};
    if (kr_posix_path_convert(po, &p) < 0) return NULL;
    KrObject *res = none_or_error(mkdir(p.narrow, (mode_t)mode), po);
    kr_posix_path_cleanup(&p);
    return res;
}

/* rename/replace/link/symlink: two paths */
static KrObject *two_paths(KrObject *const *args, kr_ssize nargs, KrObject *kwnames,
                           const char *fmt, const char *func, const char *a1, const char *a2,
                           int (*call)(const char *, const char *)) {
    static const char *const kwlist_src[] = {"src", "dst", "src_dir_fd", "dst_dir_fd", NULL};
    KrObject *s, *d, *x1 = NULL, *x2 = NULL;
    if (kr_arg_parse(args, nargs, kwnames, fmt, kwlist_src, &s, &d, &x1, &x2) < 0) return NULL;
    KrPathArg ps = {.func = func, .argname = a1}, pd = {.func = func, .argname = a2};
    if (kr_posix_path_convert(s, &ps) < 0) return NULL;
    if (kr_posix_path_convert(d, &pd) < 0) {
        kr_posix_path_cleanup(&ps);
        return NULL;
    }
    KrObject *res = kr_none;
    if (ps.is_bytes != pd.is_bytes) {
        res = kr_err_format(kr_exc_TypeError, "%s: %s and %s must be the same type", func, a1,
                            a2);
    } else if (call(ps.narrow, pd.narrow) < 0) {
        res = kr_posix_error(s, d);
    }
    kr_posix_path_cleanup(&ps);
    kr_posix_path_cleanup(&pd);
    return res;
}

static KrObject *posix_rename(KrObject *m, KrObject *const *a, kr_ssize n, KrObject *kw) {
    return two_paths(a, n, kw, "OO|$OO:rename", "rename", "src", "dst", rename);
}
static KrObject *posix_replace(KrObject *m, KrObject *const *a, kr_ssize n, KrObject *kw) {
    return two_paths(a, n, kw, "OO|$OO:replace", "replace", "src", "dst", rename);
}
static KrObject *posix_link(KrObject *m, KrObject *const *a, kr_ssize n, KrObject *kw) {
    return two_paths(a, n, kw, "OO|$OO:link", "link", "src", "dst", link);
}
static int do_symlink(const char *a, const char *b) { return symlink(a, b); }
static KrObject *posix_symlink(KrObject *m, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames) {
    static const char *const kwlist[] = {"src", "dst", "target_is_directory", "dir_fd", NULL};
    KrObject *s, *d, *tid = NULL, *dfd = NULL;
    if (kr_arg_parse(args, nargs, kwnames, "OO|O$O:symlink", kwlist, &s, &d, &tid, &dfd) < 0)
        return NULL;
    KrObject *pair[2] = {s, d};
    return two_paths(pair, 2, NULL, "OO|$OO:symlink", "symlink", "src", "dst", do_symlink);
}

static KrObject *posix_readlink(KrObject *m, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    static const char *const kwlist[] = {"path", "dir_fd", NULL};
    KrObject *po, *dfd = NULL;
    if (kr_arg_parse(args, nargs, kwnames, "O|$O:readlink", kwlist, &po, &dfd) < 0) return NULL;
    KrPathArg p = {.func = "readlink"};
    if (kr_posix_path_convert(po, &p) < 0) return NULL;
    char buf[PATH_MAX + 1];
    ssize_t n = readlink(p.narrow, buf, sizeof buf - 1);
    KrObject *res = n < 0 ? kr_posix_error(po, NULL) : kr_posix_fs_result(buf, n, p.is_bytes);
    kr_posix_path_cleanup(&p);
    return res;
}

/* Reads a directory: names (and, for _scandir, d_type and inode) */
static KrObject *read_dir(KrObject *po, const char *func, bool with_types) {
    KrPathArg p = {.func = func, .allow_fd = !with_types, .nullable = true};
    if (kr_posix_path_convert(po ? po : kr_none, &p) < 0) return NULL;
    DIR *d;
    if (p.narrow) {
        d = opendir(p.narrow);
    } else {
        int fd2 = dup(p.fd);
        d = fd2 < 0 ? NULL : fdopendir(fd2);
        if (!d && fd2 >= 0) close(fd2);
        if (d) rewinddir(d);
    }
    if (!d) {
        KrObject *r = kr_posix_error(po && po != kr_none ? po : NULL, NULL);
        if (!po || po == kr_none) {
            /* CPython names '.' when listing the default directory */
            kr_err_clear();
            KrObject *dot = kr_str_from_cstr(".");
            r = kr_posix_error(dot, NULL);
            KR_XDECREF(dot);
        }
        kr_posix_path_cleanup(&p);
        return r;
    }
    KrObject *list = kr_list_new(0);
    struct dirent *e;
    errno = 0;
    while (list && (e = readdir(d)) != NULL) {
        if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
        KrObject *name = kr_posix_fs_result(e->d_name, (kr_ssize)strlen(e->d_name), p.is_bytes);
        KrObject *item = name;
        if (name && with_types) {
            KrObject *t = kr_int_from_i64(e->d_type);
            KrObject *ino = kr_int_from_u64((uint64_t)e->d_ino);
            item = t && ino ? kr_tuple_pack(3, name, t, ino) : NULL;
            KR_XDECREF(t);
            KR_XDECREF(ino);
            KR_DECREF(name);
        }
        if (!item || kr_list_append_steal(list, item) < 0) KR_CLEAR(list);
        errno = 0;
    }
    if (list && errno) {
        KR_CLEAR(list);
        kr_posix_error(po, NULL);
    }
    closedir(d);
    kr_posix_path_cleanup(&p);
    return list;
}

static KrObject *posix_listdir(KrObject *m, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames) {
    static const char *const kwlist[] = {"path", NULL};
    KrObject *po = NULL;
    if (kr_arg_parse(args, nargs, kwnames, "|O:listdir", kwlist, &po) < 0) return NULL;
    return read_dir(po, "listdir", false);
}

/* _scandir(path) -> [(name, d_type, inode), ...]; os.scandir builds DirEntry objects */
static KrObject *posix_scandir_raw(KrObject *m, KrObject *const *args, kr_ssize nargs,
                                   KrObject *kwnames) {
    static const char *const kwlist[] = {"path", NULL};
    KrObject *po = NULL;
    if (kr_arg_parse(args, nargs, kwnames, "|O:scandir", kwlist, &po) < 0) return NULL;
    return read_dir(po, "scandir", true);
}

static KrObject *posix_chmod(KrObject *m, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    static const char *const kwlist[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    KrObject *po, *dfd = NULL, *fs = NULL;
    int mode;
    if (kr_arg_parse(args, nargs, kwnames, "Oi|$OO:chmod", kwlist, &po, &mode, &dfd, &fs) < 0)
        return NULL;
    KrPathArg p = {.func = "chmod", .allow_fd = true};
    if (kr_posix_path_convert(po, &p) < 0) return NULL;
    int r = p.narrow ? chmod(p.narrow, (mode_t)mode) : fchmod(p.fd, (mode_t)mode);
    KrObject *res = none_or_error(r, po);
    kr_posix_path_cleanup(&p);
    return res;
}

static KrObject *posix_access(KrObject *m, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    static const char *const kwlist[] = {"path", "mode", "dir_fd", "effective_ids",
                                         "follow_symlinks", NULL};
    KrObject *po, *a = NULL, *b = NULL, *c = NULL;
    int mode;
    if (kr_arg_parse(args, nargs, kwnames, "Oi|$OOO:access", kwlist, &po, &mode, &a, &b, &c) < 0)
        return NULL;
    KrPathArg p = {.func = "access"};
    if (kr_posix_path_convert(po, &p) < 0) return NULL;
    int r = access(p.narrow, mode);
    kr_posix_path_cleanup(&p);
    return kr_bool_new(r == 0);
}

/* utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True) */
static int time_pair(KrObject *o, bool ns, struct timespec ts[2]) {
    for (int i = 0; i < 2; i++) {
        KrObject *v = KR_TUPLE_ITEM(o, i);
        if (ns) {
            KrObject *q = kr_number_index(v);
            if (!q) return -1;
            KrObject *bil = kr_int_from_i64(1000000000);
            KrObject *dm = kr_number_divmod(q, bil);
            KR_DECREF(q);
            KR_DECREF(bil);
            if (!dm) return -1;
            ts[i].tv_sec = (time_t)kr_int_as_i64(KR_TUPLE_ITEM(dm, 0));
            ts[i].tv_nsec = (long)kr_int_as_i64(KR_TUPLE_ITEM(dm, 1));
            KR_DECREF(dm);
            if (kr_err_occurred()) return -1;
        } else {
            double d = kr_float_as_double(v);
            if (d == -1.0 && kr_err_occurred()) return -1;
            double fl = (double)(int64_t)d;
            if (fl > d) fl -= 1.0;
            ts[i].tv_sec = (time_t)fl;
            ts[i].tv_nsec = (long)((d - fl) * 1e9 + 0.5);
            if (ts[i].tv_nsec >= 1000000000L) {
                ts[i].tv_sec++;
                ts[i].tv_nsec -= 1000000000L;
            }
        }
    }
    return 0;
}

static KrObject *posix_utime(KrObject *m, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    static const char *const kwlist[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", NULL};
    KrObject *po, *times = NULL, *ns = NULL, *dfd = NULL, *fs = NULL;
    if (kr_arg_parse(args, nargs, kwnames, "O|O$OOO:utime", kwlist, &po, &times, &ns, &dfd, &fs) <
        0)
        return NULL;
    struct timespec ts[2], *tp = NULL;
    if (times && times != kr_none && ns)
        return kr_err_format(kr_exc_ValueError,
                             "utime: you may specify either 'times' or 'ns' but not both");
    if (times && times != kr_none) {
        if (!KR_TUPLE_CHECK(times) || KR_SIZE(times) != 2)
            return kr_err_format(kr_exc_TypeError,
                                 "utime: 'times' must be either a tuple of two ints or None");
        if (time_pair(times, false, ts) < 0) return NULL;
        tp = ts;
    } else if (ns) {
        if (!KR_TUPLE_CHECK(ns) || KR_SIZE(ns) != 2)
            return kr_err_format(kr_exc_TypeError, "utime: 'ns' must be a tuple of two ints");
        if (time_pair(ns, true, ts) < 0) return NULL;
        tp = ts;
    }
    bool follow = !fs || kr_object_is_true(fs);
    KrPathArg p = {.func = "utime", .allow_fd = true};
    if (kr_posix_path_convert(po, &p) < 0) return NULL;
    int r = p.narrow ? utimensat(AT_FDCWD, p.narrow, tp, follow ? 0 : AT_SYMLINK_NOFOLLOW)
                     : futimens(p.fd, tp);
    KrObject *res = none_or_error(r, po);
    kr_posix_path_cleanup(&p);
    return res;
}

static KrObject *posix_truncate(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("truncate", nargs, 2, 2) < 0) return NULL;
    long len;
    if (kr_posix_int_arg(args[1], "truncate", &len) < 0) return NULL;
    KrPathArg p = {.func = "truncate", .allow_fd = true};
    if (kr_posix_path_convert(args[0], &p) < 0) return NULL;
    int r = p.narrow ? truncate(p.narrow, (off_t)len) : ftruncate(p.fd, (off_t)len);
    KrObject *res = none_or_error(r, args[0]);
    kr_posix_path_cleanup(&p);
    return res;
}

static KrObject *posix_umask(KrObject *m, KrObject *arg) {
    long v;
    if (kr_posix_int_arg(arg, "umask", &v) < 0) return NULL;
    return kr_int_from_i64(umask((mode_t)v));
}

/* ---------------------------------------------------------------------------
 * Descriptors
 * ------------------------------------------------------------------------- */

static KrObject *posix_open(KrObject *m, KrObject *const *args, kr_ssize nargs,
                            KrObject *kwnames) {
    static const char *const kwlist[] = {"path", "flags", "mode", "dir_fd", NULL};
    KrObject *po, *dfd = NULL;
    int flags, mode = 0777;
    if (kr_arg_parse(args, nargs, kwnames, "Oi|i$O:open", kwlist, &po, &flags, &mode, &dfd) < 0)
        return NULL;
    KrPathArg p = {.func = "open"};
    if (kr_posix_path_convert(po, &p) < 0) return NULL;
    int fd = open(p.narrow, flags | O_CLOEXEC, mode);
    KrObject *res = fd < 0 ? kr_posix_error(po, NULL) : kr_int_from_i64(fd);
    kr_posix_path_cleanup(&p);
    return res;
}

static KrObject *posix_close(KrObject *m, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    static const char *const kwlist[] = {"fd", NULL};
    int fd;
    if (kr_arg_parse(args, nargs, kwnames, "i:close", kwlist, &fd) < 0) return NULL;
    return none_or_error(close(fd), NULL);
}

static KrObject *posix_closerange(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("closerange", nargs, 2, 2) < 0) return NULL;
    int lo, hi;
    if (fd_arg(args[0], "closerange", &lo) < 0 || fd_arg(args[1], "closerange", &hi) < 0)
        return NULL;
    for (int fd = lo < 0 ? 0 : lo; fd < hi; fd++) close(fd);
    return kr_none;
}

static KrObject *posix_read(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("read", nargs, 2, 2) < 0) return NULL;
    int fd;
    long n;
    if (fd_arg(args[0], "read", &fd) < 0 || kr_posix_int_arg(args[1], "read", &n) < 0) return NULL;
    if (n < 0) {
        errno = EINVAL;
        return kr_posix_error(NULL, NULL);
    }
    KrObject *b = kr_bytes_new(n);
    if (!b) return NULL;
    ssize_t got;
    do {
        got = read(fd, (char *)kr_bytes_data(b), (size_t)n);
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        KR_DECREF(b);
        return kr_posix_error(NULL, NULL);
    }
    if (got != n) return kr_bytes_resize(b, got);
    return b;
}

static KrObject *posix_write(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("write", nargs, 2, 2) < 0) return NULL;
    int fd;
    if (fd_arg(args[0], "write", &fd) < 0) return NULL;
    const char *data;
    kr_ssize n;
    if (!kr_bytes_like_view(args[1], &data, &n))
        return kr_err_format(kr_exc_TypeError, "a bytes-like object is required, not '%T'",
                             args[1]);
    ssize_t w;
    do {
        w = write(fd, data, (size_t)n);
    } while (w < 0 && errno == EINTR);
    if (w < 0) return kr_posix_error(NULL, NULL);
    return kr_int_from_i64(w);
}

static KrObject *posix_lseek(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("lseek", nargs, 3, 3) < 0) return NULL;
    int fd;
    long pos, how;
    if (fd_arg(args[0], "lseek", &fd) < 0 || kr_posix_int_arg(args[1], "lseek", &pos) < 0 ||
        kr_posix_int_arg(args[2], "lseek", &how) < 0)
        return NULL;
    off_t r = lseek(fd, (off_t)pos, (int)how);
    if (r < 0) return kr_posix_error(NULL, NULL);
    return kr_int_from_i64(r);
}

static KrObject *posix_pipe(KrObject *m, KrObject *unused) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0) return kr_posix_error(NULL, NULL);
    KrObject *a = kr_int_from_i64(fds[0]), *b = kr_int_from_i64(fds[1]);
    KrObject *t = kr_tuple_pack(2, a, b);
    KR_DECREF(a);
    KR_DECREF(b);
    return t;
}

static KrObject *posix_dup(KrObject *m, KrObject *arg) {
    int fd;
    if (fd_arg(arg, "dup", &fd) < 0) return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0) return kr_posix_error(NULL, NULL);
    return kr_int_from_i64(r);
}

static KrObject *posix_dup2(KrObject *m, KrObject *const *args, kr_ssize nargs,
                            KrObject *kwnames) {
    static const char *const kwlist[] = {"fd", "fd2", "inheritable", NULL};
    int fd, fd2, inh = 1;
    if (kr_arg_parse(args, nargs, kwnames, "ii|p:dup2", kwlist, &fd, &fd2, &inh) < 0) return NULL;
    int r = inh ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (r < 0) return kr_posix_error(NULL, NULL);
    return kr_int_from_i64(r);
}

static KrObject *posix_fsync(KrObject *m, KrObject *arg) {
    int fd;
    if (!KR_INT_CHECK(arg)) {
        KrObject *r = kr_call_method(arg, "fileno", NULL, 0);
        if (!r) return NULL;
        int ok = fd_arg(r, "fsync", &fd);
        KR_DECREF(r);
        if (ok < 0) return NULL;
    } else if (fd_arg(arg, "fsync", &fd) < 0) {
        return NULL;
    }
    return none_or_error(fsync(fd), NULL);
}

static KrObject *posix_ftruncate(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("ftruncate", nargs, 2, 2) < 0) return NULL;
    int fd;
    long len;
    if (fd_arg(args[0], "ftruncate", &fd) < 0 || kr_posix_int_arg(args[1], "ftruncate", &len) < 0)
        return NULL;
    return none_or_error(ftruncate(fd, (off_t)len), NULL);
}

static KrObject *posix_isatty(KrObject *m, KrObject *arg) {
    int fd;
    if (fd_arg(arg, "isatty", &fd) < 0) return NULL;
    return kr_bool_new(isatty(fd));
}

static KrObject *posix_get_inheritable(KrObject *m, KrObject *arg) {
    int fd;
    if (fd_arg(arg, "get_inheritable", &fd) < 0) return NULL;
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0) return kr_posix_error(NULL, NULL);
    return kr_bool_new(!(fl & FD_CLOEXEC));
}

static KrObject *posix_set_inheritable(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("set_inheritable", nargs, 2, 2) < 0) return NULL;
    int fd;
    if (fd_arg(args[0], "set_inheritable", &fd) < 0) return NULL;
    int inh = kr_object_is_true(args[1]);
    int fl = fcntl(fd, F_GETFD);
    if (fl < 0) return kr_posix_error(NULL, NULL);
    fl = inh ? (fl & ~FD_CLOEXEC) : (fl | FD_CLOEXEC);
    return none_or_error(fcntl(fd, F_SETFD, fl), NULL);
}

static KrObject *posix_get_blocking(KrObject *m, KrObject *arg) {
    int fd;
    if (fd_arg(arg, "get_blocking", &fd) < 0) return NULL;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) return kr_posix_error(NULL, NULL);
    return kr_bool_new(!(fl & O_NONBLOCK));
}

static KrObject *posix_set_blocking(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("set_blocking", nargs, 2, 2) < 0) return NULL;
    int fd;
    if (fd_arg(args[0], "set_blocking", &fd) < 0) return NULL;
    int blocking = kr_object_is_true(args[1]);
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0) return kr_posix_error(NULL, NULL);
    fl = blocking ? (fl & ~O_NONBLOCK) : (fl | O_NONBLOCK);
    return none_or_error(fcntl(fd, F_SETFL, fl), NULL);
}

static KrObject *posix_device_encoding(KrObject *m, KrObject *arg) {
    int fd;
    if (fd_arg(arg, "device_encoding", &fd) < 0) return NULL;
    if (!isatty(fd)) return kr_none;
    return kr_str_from_cstr("UTF-8");
}

/* ---------------------------------------------------------------------------
 * Processes
 * ------------------------------------------------------------------------- */

static KrObject *posix_getpid(KrObject *m, KrObject *u) { return kr_int_from_i64(getpid()); }
static KrObject *posix_getppid(KrObject *m, KrObject *u) { return kr_int_from_i64(getppid()); }
static KrObject *posix_getuid(KrObject *m, KrObject *u) { return kr_int_from_i64(getuid()); }
static KrObject *posix_geteuid(KrObject *m, KrObject *u) { return kr_int_from_i64(geteuid()); }
static KrObject *posix_getgid(KrObject *m, KrObject *u) { return kr_int_from_i64(getgid()); }
static KrObject *posix_getegid(KrObject *m, KrObject *u) { return kr_int_from_i64(getegid()); }
static KrObject *posix_getpgrp(KrObject *m, KrObject *u) { return kr_int_from_i64(getpgrp()); }
static KrObject *posix_setsid(KrObject *m, KrObject *u) {
    return none_or_error(setsid() < 0 ? -1 : 0, NULL);
}

static KrObject *posix_getlogin(KrObject *m, KrObject *u) {
    const char *s = getlogin();
    if (!s) return kr_posix_error(NULL, NULL);
    return kr_str_from_cstr(s);
}

static KrObject *posix_cpu_count(KrObject *m, KrObject *u) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1) return kr_none;
    return kr_int_from_i64(n);
}

static KrObject *posix_urandom(KrObject *m, KrObject *arg) {
    long n;
    if (kr_posix_int_arg(arg, "urandom", &n) < 0) return NULL;
    if (n < 0) return kr_err_format(kr_exc_ValueError, "negative argument not allowed");
    KrObject *b = kr_bytes_new(n);
    if (!b) return NULL;
    char *p = (char *)kr_bytes_data(b);
    long done = 0;
    while (done < n) {
        ssize_t r = getrandom(p + done, (size_t)(n - done), 0);
        if (r < 0) {
            if (errno == EINTR) continue;
            KR_DECREF(b);
            return kr_posix_error(NULL, NULL);
        }
        done += r;
    }
    return b;
}

static KrObject *posix_fork(KrObject *m, KrObject *u) {
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0) return kr_posix_error(NULL, NULL);
    return kr_int_from_i64(pid);
}

static KrObject *posix_waitpid(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("waitpid", nargs, 2, 2) < 0) return NULL;
    long pid, opts;
    if (kr_posix_int_arg(args[0], "waitpid", &pid) < 0 ||
        kr_posix_int_arg(args[1], "waitpid", &opts) < 0)
        return NULL;
    int status = 0;
    pid_t r;
    do {
        r = waitpid((pid_t)pid, &status, (int)opts);
    } while (r < 0 && errno == EINTR);
    if (r < 0) return kr_posix_error(NULL, NULL);
    KrObject *a = kr_int_from_i64(r), *b = kr_int_from_i64(status);
    KrObject *t = kr_tuple_pack(2, a, b);
    KR_DECREF(a);
    KR_DECREF(b);
    return t;
}

static KrObject *posix_wait(KrObject *m, KrObject *u) {
    int status = 0;
    pid_t r;
    do {
        r = wait(&status);
    } while (r < 0 && errno == EINTR);
    if (r < 0) return kr_posix_error(NULL, NULL);
    KrObject *a = kr_int_from_i64(r), *b = kr_int_from_i64(status);
    KrObject *t = kr_tuple_pack(2, a, b);
    KR_DECREF(a);
    KR_DECREF(b);
    return t;
}

static KrObject *posix_waitstatus_to_exitcode(KrObject *m, KrObject *arg) {
    long st;
    if (kr_posix_int_arg(arg, "waitstatus_to_exitcode", &st) < 0) return NULL;
    int s = (int)st;
    if (WIFEXITED(s)) return kr_int_from_i64(WEXITSTATUS(s));
    if (WIFSIGNALED(s)) return kr_int_from_i64(-WTERMSIG(s));
    return kr_err_format(kr_exc_ValueError, "invalid wait status: %d", s);
}

#define WAIT_MACRO(name, expr, isbool)                                                     \
    static KrObject *posix_##name(KrObject *m, KrObject *arg) {                            \
        long st;                                                                           \
        if (kr_posix_int_arg(arg, #name, &st) < 0) return NULL;                            \
        int s = (int)st;                                                                   \
        return isbool ? kr_bool_new(expr) : kr_int_from_i64(expr);                         \
    }
WAIT_MACRO(WIFEXITED, WIFEXITED(s), 1)
WAIT_MACRO(WEXITSTATUS, WEXITSTATUS(s), 0)
WAIT_MACRO(WIFSIGNALED, WIFSIGNALED(s), 1)
WAIT_MACRO(WTERMSIG, WTERMSIG(s), 0)
WAIT_MACRO(WIFSTOPPED, WIFSTOPPED(s), 1)
WAIT_MACRO(WSTOPSIG, WSTOPSIG(s), 0)
WAIT_MACRO(WIFCONTINUED, WIFCONTINUED(s), 1)
WAIT_MACRO(WCOREDUMP, WCOREDUMP(s), 1)

static KrObject *posix__exit(KrObject *m, KrObject *arg) {
    long code;
    if (kr_posix_int_arg(arg, "_exit", &code) < 0) return NULL;
    _exit((int)code);
}

static KrObject *posix_kill(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("kill", nargs, 2, 2) < 0) return NULL;
    long pid, sig;
    if (kr_posix_int_arg(args[0], "kill", &pid) < 0 || kr_posix_int_arg(args[1], "kill", &sig) < 0)
        return NULL;
    if (kill((pid_t)pid, (int)sig) < 0) return kr_posix_error(NULL, NULL);
    return kr_none;
}

/* Converts a sequence of str/bytes to a NULL-terminated C array (owned strings). */
static char **string_array(KrObject *seq, const char *func, const char *what) {
    KrObject *list = kr_list_from_iterable(seq);
    if (!list) return NULL;
    kr_ssize n = KR_SIZE(list);
    char **arr = kr_mem_calloc((size_t)n + 1, sizeof(char *));
    if (!arr) {
        KR_DECREF(list);
        return NULL;
    }
    for (kr_ssize i = 0; i < n; i++) {
        KrPathArg p = {.func = func, .argname = what};
        if (kr_posix_path_convert(KR_LIST_ITEM(list, i), &p) < 0) {
            for (kr_ssize j = 0; j < i; j++) kr_mem_free(arr[j]);
            kr_mem_free(arr);
            KR_DECREF(list);
            return NULL;
        }
        arr[i] = kr_mem_strdup(p.narrow);
        kr_posix_path_cleanup(&p);
    }
    KR_DECREF(list);
    return arr;
}

static void free_array(char **a) {
    if (!a) return;
    for (char **p = a; *p; p++) kr_mem_free(*p);
    kr_mem_free(a);
}

/* Builds "KEY=VALUE" strings from a mapping. */
static char **env_array(KrObject *env) {
    KrObject *items = kr_call_method(env, "items", NULL, 0);
    if (!items) return NULL;
    KrObject *list = kr_list_from_iterable(items);
    KR_DECREF(items);
    if (!list) return NULL;
    kr_ssize n = KR_SIZE(list);
    char **arr = kr_mem_calloc((size_t)n + 1, sizeof(char *));
    for (kr_ssize i = 0; arr && i < n; i++) {
        KrObject *kv = KR_LIST_ITEM(list, i);
        KrPathArg pk = {.func = "execve", .argname = "env key"};
        KrPathArg pv = {.func = "execve", .argname = "env value"};
        if (!KR_TUPLE_CHECK(kv) || KR_SIZE(kv) != 2 ||
            kr_posix_path_convert(KR_TUPLE_ITEM(kv, 0), &pk) < 0) {
            free_array(arr);
            arr = NULL;
            break;
        }
        if (kr_posix_path_convert(KR_TUPLE_ITEM(kv, 1), &pv) < 0) {
            kr_posix_path_cleanup(&pk);
            free_array(arr);
            arr = NULL;
            break;
        }
        size_t len = strlen(pk.narrow) + strlen(pv.narrow) + 2;
        arr[i] = kr_mem_malloc(len);
        if (arr[i]) snprintf(arr[i], len, "%s=%s", pk.narrow, pv.narrow);
        kr_posix_path_cleanup(&pk);
        kr_posix_path_cleanup(&pv);
    }
    KR_DECREF(list);
    return arr;
}

static KrObject *do_exec(KrObject *const *args, kr_ssize nargs, bool with_env, const char *func) {
    if (kr_arg_check_positional(func, nargs, with_env ? 3 : 2, with_env ? 3 : 2) < 0) return NULL;
    KrPathArg p = {.func = func};
    if (kr_posix_path_convert(args[0], &p) < 0) return NULL;
    if (!KR_TUPLE_CHECK(args[1]) && !KR_LIST_CHECK(args[1])) {
        kr_posix_path_cleanup(&p);
        return kr_err_format(kr_exc_TypeError, "%s: argv must be a tuple or list", func);
    }
    if (kr_object_length(args[1]) < 1) {
        kr_posix_path_cleanup(&p);
        return kr_err_format(kr_exc_ValueError, "%s: argv must not be empty", func);
    }
    char **argv = string_array(args[1], func, "argv");
    char **envp = argv && with_env ? env_array(args[2]) : NULL;
    if (argv && (!with_env || envp)) {
        fflush(stdout);
        fflush(stderr);
        if (with_env)
            execve(p.narrow, argv, envp);
        else
            execv(p.narrow, argv);
        kr_posix_error(NULL, NULL);
    }
    free_array(argv);
    free_array(envp);
    kr_posix_path_cleanup(&p);
    return NULL;
}

static KrObject *posix_execv(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    return do_exec(args, nargs, false, "execv");
}
static KrObject *posix_execve(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    return do_exec(args, nargs, true, "execve");
}

static KrObject *posix_system(KrObject *m, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    static const char *const kwlist[] = {"command", NULL};
    KrObject *cmd;
    if (kr_arg_parse(args, nargs, kwnames, "O:system", kwlist, &cmd) < 0) return NULL;
    KrPathArg p = {.func = "system", .argname = "command"};
    if (kr_posix_path_convert(cmd, &p) < 0) return NULL;
    fflush(stdout);
    fflush(stderr);
    int r = system(p.narrow);
    kr_posix_path_cleanup(&p);
    return kr_int_from_i64(r);
}

static KrObject *posix_nice(KrObject *m, KrObject *arg) {
    long inc;
    if (kr_posix_int_arg(arg, "nice", &inc) < 0) return NULL;
    errno = 0;
    int r = nice((int)inc);
    if (r == -1 && errno) return kr_posix_error(NULL, NULL);
    return kr_int_from_i64(r);
}

/* ---------------------------------------------------------------------------
 * Environment and miscellany
 * ------------------------------------------------------------------------- */

static KrObject *posix_putenv(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("putenv", nargs, 2, 2) < 0) return NULL;
    KrPathArg k = {.func = "putenv", .argname = "name"}, v = {.func = "putenv", .argname = "value"};
    if (kr_posix_path_convert(args[0], &k) < 0) return NULL;
    if (kr_posix_path_convert(args[1], &v) < 0) {
        kr_posix_path_cleanup(&k);
        return NULL;
    }
    KrObject *res = kr_none;
    if (!*k.narrow || strchr(k.narrow, '=')) {
        res = kr_err_format(kr_exc_ValueError, "illegal environment variable name");
    } else if (setenv(k.narrow, v.narrow, 1) < 0) {
        res = kr_posix_error(NULL, NULL);
    }
    kr_posix_path_cleanup(&k);
    kr_posix_path_cleanup(&v);
    return res;
}

static KrObject *posix_unsetenv(KrObject *m, KrObject *arg) {
    KrPathArg k = {.func = "unsetenv", .argname = "name"};
    if (kr_posix_path_convert(arg, &k) < 0) return NULL;
    KrObject *res = kr_none;
    if (!*k.narrow || strchr(k.narrow, '='))
        res = kr_err_format(kr_exc_ValueError, "illegal environment variable name");
    else if (unsetenv(k.narrow) < 0)
        res = kr_posix_error(NULL, NULL);
    kr_posix_path_cleanup(&k);
    return res;
}

static KrObject *posix_strerror(KrObject *m, KrObject *arg) {
    long code;
    if (kr_posix_int_arg(arg, "strerror", &code) < 0) return NULL;
    return kr_str_from_cstr(strerror((int)code));
}

static KrObject *posix_fspath(KrObject *m, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    static const char *const kwlist[] = {"path", NULL};
    KrObject *p;
    if (kr_arg_parse(args, nargs, kwnames, "O:fspath", kwlist, &p) < 0) return NULL;
    return kr_posix_fspath(p);
}

static KrType *uname_type, *terminal_size_type, *times_type;

static KrObject *posix_uname(KrObject *m, KrObject *u) {
    struct utsname un;
    if (uname(&un) < 0) return kr_posix_error(NULL, NULL);
    KrObject *v[5] = {kr_str_from_cstr(un.sysname), kr_str_from_cstr(un.nodename),
                      kr_str_from_cstr(un.release), kr_str_from_cstr(un.version),
                      kr_str_from_cstr(un.machine)};
    return kr_structseq_new(uname_type, v, 5);
}

static KrObject *posix_times(KrObject *m, KrObject *u) {
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1) return kr_posix_error(NULL, NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    KrObject *v[5] = {kr_float_from_double((double)t.tms_utime / tick),
                      kr_float_from_double((double)t.tms_stime / tick),
                      kr_float_from_double((double)t.tms_cutime / tick),
                      kr_float_from_double((double)t.tms_cstime / tick),
                      kr_float_from_double((double)c / tick)};
    return kr_structseq_new(times_type, v, 5);
}

static KrObject *posix_get_terminal_size(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("get_terminal_size", nargs, 0, 1) < 0) return NULL;
    int fd = 1;
    if (nargs && fd_arg(args[0], "get_terminal_size", &fd) < 0) return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) < 0) return kr_posix_error(NULL, NULL);
    KrObject *v[2] = {kr_int_from_i64(w.ws_col), kr_int_from_i64(w.ws_row)};
    return kr_structseq_new(terminal_size_type, v, 2);
}

static KrObject *posix_terminal_size_new(KrObject *m, KrObject *arg) {
    /* os.terminal_size((columns, lines)) */
    KrObject *t = kr_tuple_from_iterable(arg);
    if (!t) return NULL;
    if (KR_SIZE(t) != 2) {
        KrObject *r = kr_err_format(kr_exc_TypeError,
                                    "os.terminal_size() takes a 2-sequence (%zd-sequence given)",
                                    KR_SIZE(t));
        KR_DECREF(t);
        return r;
    }
    KrObject *v[2] = {KR_NEWREF(KR_TUPLE_ITEM(t, 0)), KR_NEWREF(KR_TUPLE_ITEM(t, 1))};
    KR_DECREF(t);
    return kr_structseq_new(terminal_size_type, v, 2);
}

static KrObject *posix_getloadavg(KrObject *m, KrObject *u) {
    double l[3];
    if (getloadavg(l, 3) != 3) return kr_err_format(kr_exc_OSError, "Load averages are unobtainable");
    KrObject *a = kr_float_from_double(l[0]), *b = kr_float_from_double(l[1]),
             *c = kr_float_from_double(l[2]);
    KrObject *t = kr_tuple_pack(3, a, b, c);
    KR_DECREF(a);
    KR_DECREF(b);
    KR_DECREF(c);
    return t;
}

static KrMethodDef posix_methods[] = {
    {"getcwd", (void *)posix_getcwd, KR_METH_NOARGS, NULL},
    {"getcwdb", (void *)posix_getcwdb, KR_METH_NOARGS, NULL},
    {"chdir", (void *)posix_chdir, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"listdir", (void *)posix_listdir, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"_scandir", (void *)posix_scandir_raw, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"mkdir", (void *)posix_mkdir, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"rmdir", (void *)posix_rmdir, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"unlink", (void *)posix_unlink, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"remove", (void *)posix_remove, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"rename", (void *)posix_rename, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"replace", (void *)posix_replace, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"link", (void *)posix_link, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"symlink", (void *)posix_symlink, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"readlink", (void *)posix_readlink, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"chmod", (void *)posix_chmod, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"access", (void *)posix_access, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"utime", (void *)posix_utime, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"truncate", (void *)posix_truncate, KR_METH_FASTCALL, NULL},
    {"umask", (void *)posix_umask, KR_METH_O, NULL},
    {"open", (void *)posix_open, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"close", (void *)posix_close, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"closerange", (void *)posix_closerange, KR_METH_FASTCALL, NULL},
    {"read", (void *)posix_read, KR_METH_FASTCALL, NULL},
    {"write", (void *)posix_write, KR_METH_FASTCALL, NULL},
    {"lseek", (void *)posix_lseek, KR_METH_FASTCALL, NULL},
    {"pipe", (void *)posix_pipe, KR_METH_NOARGS, NULL},
    {"dup", (void *)posix_dup, KR_METH_O, NULL},
    {"dup2", (void *)posix_dup2, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"fsync", (void *)posix_fsync, KR_METH_O, NULL},
    {"ftruncate", (void *)posix_ftruncate, KR_METH_FASTCALL, NULL},
    {"isatty", (void *)posix_isatty, KR_METH_O, NULL},
    {"get_inheritable", (void *)posix_get_inheritable, KR_METH_O, NULL},
    {"set_inheritable", (void *)posix_set_inheritable, KR_METH_FASTCALL, NULL},
    {"get_blocking", (void *)posix_get_blocking, KR_METH_O, NULL},
    {"set_blocking", (void *)posix_set_blocking, KR_METH_FASTCALL, NULL},
    {"device_encoding", (void *)posix_device_encoding, KR_METH_O, NULL},
    {"getpid", (void *)posix_getpid, KR_METH_NOARGS, NULL},
    {"getppid", (void *)posix_getppid, KR_METH_NOARGS, NULL},
    {"getuid", (void *)posix_getuid, KR_METH_NOARGS, NULL},
    {"geteuid", (void *)posix_geteuid, KR_METH_NOARGS, NULL},
    {"getgid", (void *)posix_getgid, KR_METH_NOARGS, NULL},
    {"getegid", (void *)posix_getegid, KR_METH_NOARGS, NULL},
    {"getpgrp", (void *)posix_getpgrp, KR_METH_NOARGS, NULL},
    {"setsid", (void *)posix_setsid, KR_METH_NOARGS, NULL},
    {"getlogin", (void *)posix_getlogin, KR_METH_NOARGS, NULL},
    {"cpu_count", (void *)posix_cpu_count, KR_METH_NOARGS, NULL},
    {"urandom", (void *)posix_urandom, KR_METH_O, NULL},
    {"fork", (void *)posix_fork, KR_METH_NOARGS, NULL},
    {"waitpid", (void *)posix_waitpid, KR_METH_FASTCALL, NULL},
    {"wait", (void *)posix_wait, KR_METH_NOARGS, NULL},
    {"waitstatus_to_exitcode", (void *)posix_waitstatus_to_exitcode, KR_METH_O, NULL},
    {"WIFEXITED", (void *)posix_WIFEXITED, KR_METH_O, NULL},
    {"WEXITSTATUS", (void *)posix_WEXITSTATUS, KR_METH_O, NULL},
    {"WIFSIGNALED", (void *)posix_WIFSIGNALED, KR_METH_O, NULL},
    {"WTERMSIG", (void *)posix_WTERMSIG, KR_METH_O, NULL},
    {"WIFSTOPPED", (void *)posix_WIFSTOPPED, KR_METH_O, NULL},
    {"WSTOPSIG", (void *)posix_WSTOPSIG, KR_METH_O, NULL},
    {"WIFCONTINUED", (void *)posix_WIFCONTINUED, KR_METH_O, NULL},
    {"WCOREDUMP", (void *)posix_WCOREDUMP, KR_METH_O, NULL},
    {"_exit", (void *)posix__exit, KR_METH_O, NULL},
    {"kill", (void *)posix_kill, KR_METH_FASTCALL, NULL},
    {"execv", (void *)posix_execv, KR_METH_FASTCALL, NULL},
    {"execve", (void *)posix_execve, KR_METH_FASTCALL, NULL},
    {"system", (void *)posix_system, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"nice", (void *)posix_nice, KR_METH_O, NULL},
    {"putenv", (void *)posix_putenv, KR_METH_FASTCALL, NULL},
    {"unsetenv", (void *)posix_unsetenv, KR_METH_O, NULL},
    {"strerror", (void *)posix_strerror, KR_METH_O, NULL},
    {"fspath", (void *)posix_fspath, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"uname", (void *)posix_uname, KR_METH_NOARGS, NULL},
    {"times", (void *)posix_times, KR_METH_NOARGS, NULL},
    {"get_terminal_size", (void *)posix_get_terminal_size, KR_METH_FASTCALL, NULL},
    {"_terminal_size", (void *)posix_terminal_size_new, KR_METH_O, NULL},
    {"getloadavg", (void *)posix_getloadavg, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---------------------------------------------------------------------------
 * Module
 * ------------------------------------------------------------------------- */

static KrObject *build_environ(void) {
    KrObject *d = kr_dict_new();
    if (!d) return NULL;
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq || eq == *e) continue;
        KrObject *k = kr_bytes_from_data(*e, eq - *e);
        KrObject *v = kr_bytes_from_data(eq + 1, (kr_ssize)strlen(eq + 1));
        int bad = !k || !v;
        /* the first definition wins, as in CPython */
        if (!bad && !kr_dict_contains(d, k)) bad = kr_dict_set_item(d, k, v) < 0;
        KR_XDECREF(k);
        KR_XDECREF(v);
        if (bad) {
            KR_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static const struct {
    const char *name;
    long value;
} posix_constants[] = {
    {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
    {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
    {"O_APPEND", O_APPEND}, {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC},
    {"O_NONBLOCK", O_NONBLOCK}, {"O_NDELAY", O_NDELAY}, {"O_SYNC", O_SYNC},
    {"O_DSYNC", O_DSYNC}, {"O_NOCTTY", O_NOCTTY}, {"O_CLOEXEC", O_CLOEXEC},
    {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW}, {"O_ACCMODE", O_ACCMODE},
    {"O_ASYNC", O_ASYNC}, {"O_NOATIME", O_NOATIME}, {"O_PATH", O_PATH},
    {"O_TMPFILE", O_TMPFILE}, {"O_LARGEFILE", O_LARGEFILE}, {"O_RSYNC", O_RSYNC},
    {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED},
    {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
    {"SEEK_DATA", SEEK_DATA}, {"SEEK_HOLE", SEEK_HOLE},
    {"EX_OK", 0}, {"EX_USAGE", 64}, {"EX_DATAERR", 65}, {"EX_NOINPUT", 66},
    {"EX_NOUSER", 67}, {"EX_NOHOST", 68}, {"EX_UNAVAILABLE", 69}, {"EX_SOFTWARE", 70},
    {"EX_OSERR", 71}, {"EX_OSFILE", 72}, {"EX_CANTCREAT", 73}, {"EX_IOERR", 74},
    {"EX_TEMPFAIL", 75}, {"EX_PROTOCOL", 76}, {"EX_NOPERM", 77}, {"EX_CONFIG", 78},
    {"F_LOCK", F_LOCK}, {"F_TLOCK", F_TLOCK}, {"F_ULOCK", F_ULOCK}, {"F_TEST", F_TEST},
    {"AT_FDCWD", AT_FDCWD},
};

KrObject *kr_posix_module_init(void) {
    KrObject *m = kr_module_new_cstr("posix");
    if (!m) return NULL;
    if (kr_module_add_functions(m, posix_methods) < 0 ||
        kr_module_add_functions(m, kr_posix_stat_methods) < 0)
        goto fail;
    for (size_t i = 0; i < sizeof posix_constants / sizeof *posix_constants; i++)
        if (kr_module_add_object(m, posix_constants[i].name,
                                 kr_int_from_i64(posix_constants[i].value)) < 0)
            goto fail;
    if (kr_module_add_object(m, "environ", build_environ()) < 0) goto fail;
    if (!uname_type) {
        static const char *const uf[] = {"sysname", "nodename", "release", "version", "machine",
                                         NULL};
        static const char *const tf[] = {"columns", "lines", NULL};
        static const char *const mf[] = {"user", "system", "children_user", "children_system",
                                         "elapsed", NULL};
        uname_type = kr_structseq_new_type("posix.uname_result", uf, NULL);
        terminal_size_type = kr_structseq_new_type("os.terminal_size", tf, NULL);
        times_type = kr_structseq_new_type("posix.times_result", mf, NULL);
        if (!uname_type || !terminal_size_type || !times_type) goto fail;
    }
    if (kr_module_add_object(m, "uname_result", KR_NEWREF(uname_type)) < 0 ||
        kr_module_add_object(m, "terminal_size", KR_NEWREF(terminal_size_type)) < 0 ||
        kr_module_add_object(m, "times_result", KR_NEWREF(times_type)) < 0)
        goto fail;
    if (kr_posix_stat_add(m) < 0) goto fail;
    return m;
fail:
    KR_DECREF(m);
    return NULL;
}
