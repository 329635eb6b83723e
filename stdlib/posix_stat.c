/* posix_stat.c - os.stat_result and the stat family (stat, lstat, fstat).
 * stat_result is a tuple of 10 visible items (mode ... integer ctime) that carries 9
 * more hidden items after them (float times, *_ns, blksize, blocks, rdev). */
#define _GNU_SOURCE /* pipe2, dup3, O_PATH, strsignal */
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "posix_internal.h"

#define N_VISIBLE 10
#define N_TOTAL 19

#define ITEM_OFFSET(i) ((kr_ssize)(offsetof(KrTuple, items) + (size_t)(i) * sizeof(KrObject *)))

static KrMemberDef stat_members[] = {
    {"st_mode", KR_MEMBER_OBJECT, ITEM_OFFSET(0), KR_MEMBER_READONLY, "protection bits"},
    {"st_ino", KR_MEMBER_OBJECT, ITEM_OFFSET(1), KR_MEMBER_READONLY, "inode"},
    {"st_dev", KR_MEMBER_OBJECT, ITEM_OFFSET(2), KR_MEMBER_READONLY, "device"},
    {"st_nlink", KR_MEMBER_OBJECT, ITEM_OFFSET(3), KR_MEMBER_READONLY, "number of hard links"},
    {"st_uid", KR_MEMBER_OBJECT, ITEM_OFFSET(4), KR_MEMBER_READONLY, "user ID of owner"},
    {"st_gid", KR_MEMBER_OBJECT, ITEM_OFFSET(5), KR_MEMBER_READONLY, "group ID of owner"},
    {"st_size", KR_MEMBER_OBJECT, ITEM_OFFSET(6), KR_MEMBER_READONLY, "total size, in bytes"},
    {"st_atime", KR_MEMBER_OBJECT, ITEM_OFFSET(10), KR_MEMBER_READONLY, "time of last access"},
    {"st_mtime", KR_MEMBER_OBJECT, ITEM_OFFSET(11), KR_MEMBER_READONLY,
     "time of last modification"},
    {"st_ctime", KR_MEMBER_OBJECT, ITEM_OFFSET(12), KR_MEMBER_READONLY, "time of last change"},
    {"st_atime_ns", KR_MEMBER_OBJECT, ITEM_OFFSET(13), KR_MEMBER_READONLY, NULL},
    {"st_mtime_ns", KR_MEMBER_OBJECT, ITEM_OFFSET(14), KR_MEMBER_READONLY, NULL},
    {"st_ctime_ns", KR_MEMBER_OBJECT, ITEM_OFFSET(15), KR_MEMBER_READONLY, NULL},
    {"st_blksize", KR_MEMBER_OBJECT, ITEM_OFFSET(16), KR_MEMBER_READONLY, NULL},
    {"st_blocks", KR_MEMBER_OBJECT, ITEM_OFFSET(17), KR_MEMBER_READONLY, NULL},
    {"st_rdev", KR_MEMBER_OBJECT, ITEM_OFFSET(18), KR_MEMBER_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

/* names shown by repr() for the visible items (the integer times print as st_*time) */
static const char *const visible_names[N_VISIBLE] = {
    "st_mode", "st_ino", "st_dev", "st_nlink", "st_uid",
    "st_gid",  "st_size", "st_atime", "st_mtime", "st_ctime",
};

static void stat_dealloc(KrObject *o) {
    KrTuple *t = (KrTuple *)o;
    /* the hidden items lie beyond ob_size, where the tuple's dealloc does not look */
    for (int i = N_VISIBLE; i < N_TOTAL; i++) KR_CLEAR(t->items[i]);
    kr_tuple_type.tp_dealloc(o);
}

static KrObject *stat_repr(KrObject *self) {
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    kr_strbuilder_append_cstr(&b, "os.stat_result(");
    for (int i = 0; i < N_VISIBLE && i < KR_SIZE(self); i++) {
        if (i) kr_strbuilder_append_cstr(&b, ", ");
        kr_strbuilder_append_cstr(&b, visible_names[i]);
        kr_strbuilder_append_cstr(&b, "=");
        KrObject *r = kr_object_repr(KR_TUPLE_ITEM(self, i));
        if (!r) {
            kr_strbuilder_discard(&b);
            return NULL;
        }
        kr_strbuilder_append_str(&b, r);
        KR_DECREF(r);
    }
    kr_strbuilder_append_cstr(&b, ")");
    return kr_strbuilder_finish(&b);
}

static KrObject *stat_alloc(KrObject **values) {
    extern KrType kr_posix_stat_result_type;
    KrObject *o = kr_object_new_var(&kr_posix_stat_result_type, N_TOTAL);
    if (!o) {
        for (int i = 0; i < N_TOTAL; i++) KR_XDECREF(values[i]);
        return NULL;
    }
    ((KrTuple *)o)->hash = -1;
    bool ok = true;
    for (int i = 0; i < N_TOTAL; i++) {
        KR_TUPLE_ITEM(o, i) = values[i];
        if (!values[i]) ok = false;
    }
    KR_SIZE(o) = N_VISIBLE;
    if (!ok) {
        KR_DECREF(o);
        return NULL;
    }
    return o;
}

/* os.stat_result(sequence): 10 to 19 items; missing float times copy the ints */
static KrObject *stat_new(KrType *type, KrObject *args, KrObject *kwargs) {
    if (!args || KR_SIZE(args) < 1 || KR_SIZE(args) > 2)
        return kr_err_format(kr_exc_TypeError, "os.stat_result() takes 1 or 2 arguments");
    KrObject *t = kr_tuple_from_iterable(KR_TUPLE_ITEM(args, 0));
    if (!t) return NULL;
    kr_ssize n = KR_SIZE(t);
    if (n < N_VISIBLE || n > N_TOTAL) {
        KR_DECREF(t);
        return kr_err_format(kr_exc_TypeError,
                             "os.stat_result() takes an at least %d-sequence (%zd-sequence given)",
                             N_VISIBLE, n);
    }
    KrObject *v[N_TOTAL];
    for (int i = 0; i < N_TOTAL; i++) {
        KrObject *x = i < n ? KR_TUPLE_ITEM(t, i) : (i >= 10 && i <= 12) ? KR_TUPLE_ITEM(t, i - 3)
                                                                       : kr_none;
        v[i] = KR_NEWREF(x);
    }
    KR_DECREF(t);
    return stat_alloc(v);
}

KrType kr_posix_stat_result_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "os.stat_result",
    .tp_basicsize = sizeof(KrTuple),
    .tp_itemsize = sizeof(KrObject *),
    .tp_dealloc = stat_dealloc,
    .tp_repr = stat_repr,
    .tp_members = stat_members,
    .tp_base = &kr_tuple_type,
    .tp_new = stat_new,
    .tp_doc = "stat_result: Result from stat, fstat, or lstat.",
};

static KrObject *ns_int(struct timespec ts) {
    KrObject *s = kr_int_from_i64(ts.tv_sec);
    KrObject *bil = kr_int_from_i64(1000000000);
    KrObject *ns = kr_int_from_i64(ts.tv_nsec);
    KrObject *r = NULL;
    if (s && bil && ns) {
        KrObject *prod = kr_number_multiply(s, bil);
        if (prod) {
            r = kr_number_add(prod, ns);
            KR_DECREF(prod);
        }
    }
    KR_XDECREF(s);
    KR_XDECREF(bil);
    KR_XDECREF(ns);
    return r;
}

static KrObject *stat_from_struct(const struct stat *st) {
    KrObject *v[N_TOTAL] = {
        kr_int_from_i64(st->st_mode),
        kr_int_from_u64((uint64_t)st->st_ino),
        kr_int_from_u64((uint64_t)st->st_dev),
        kr_int_from_u64((uint64_t)st->st_nlink),
        kr_int_from_i64(st->st_uid),
        kr_int_from_i64(st->st_gid),
        kr_int_from_i64(st->st_size),
        kr_int_from_i64(st->st_atim.tv_sec),
        kr_int_from_i64(st->st_mtim.tv_sec),
        kr_int_from_i64(st->st_ctim.tv_sec),
        kr_float_from_double((double)st->st_atim.tv_sec + st->st_atim.tv_nsec * 1e-9),
        kr_float_from_double((double)st->st_mtim.tv_sec + st->st_mtim.tv_nsec * 1e-9),
        kr_float_from_double((double)st->st_ctim.tv_sec + st->st_ctim.tv_nsec * 1e-9),
        ns_int(st->st_atim),
        ns_int(st->st_mtim),
        ns_int(st->st_ctim),
        kr_int_from_i64(st->st_blksize),
        kr_int_from_i64(st->st_blocks),
        kr_int_from_u64((uint64_t)st->st_rdev),
    };
    return stat_alloc(v);
}

static KrObject *do_stat(KrObject *const *args, kr_ssize nargs, KrObject *kwnames,
                         const char *func, bool follow_default) {
    static const char *const kwlist[] = {"path", "dir_fd", "follow_symlinks", NULL};
    KrObject *po, *dfd = NULL, *fs = NULL;
    char fmt[32];
    snprintf(fmt, sizeof fmt, "O|$OO:%s", func);
    if (kr_arg_parse(args, nargs, kwnames, fmt, kwlist, &po, &dfd, &fs) < 0) return NULL;
    bool follow = follow_default && (!fs || kr_object_is_true(fs));
    KrPathArg p = {.func = func, .allow_fd = true};
    if (kr_posix_path_convert(po, &p) < 0) return NULL;
    struct stat st;
    int dirfd = AT_FDCWD;
    if (dfd && dfd != kr_none) {
        long v;
        if (kr_posix_int_arg(dfd, func, &v) < 0) {
            kr_posix_path_cleanup(&p);
            return NULL;
        }
        dirfd = (int)v;
    }
    int r = p.narrow ? fstatat(dirfd, p.narrow, &st, follow ? 0 : AT_SYMLINK_NOFOLLOW)
                     : fstat(p.fd, &st);
    KrObject *res = r < 0 ? kr_posix_error(p.narrow ? po : NULL, NULL) : stat_from_struct(&st);
    kr_posix_path_cleanup(&p);
    return res;
}

static KrObject *posix_stat(KrObject *m, KrObject *const *a, kr_ssize n, KrObject *kw) {
    return do_stat(a, n, kw, "stat", true);
}

static KrObject *posix_lstat(KrObject *m, KrObject *const *a, kr_ssize n, KrObject *kw) {
    return do_stat(a, n, kw, "lstat", false);
}

static KrObject *posix_fstat(KrObject *m, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    static const char *const kwlist[] = {"fd", NULL};
    int fd;
    if (kr_arg_parse(args, nargs, kwnames, "i:fstat", kwlist, &fd) < 0) return NULL;
    struct stat st;
    if (fstat(fd, &st) < 0) return kr_posix_error(NULL, NULL);
    return stat_from_struct(&st);
}

KrMethodDef kr_posix_stat_methods[] = {
    {"stat", (void *)posix_stat, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"lstat", (void *)posix_lstat, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"fstat", (void *)posix_fstat, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

int kr_posix_stat_add(KrObject *module) {
    if (kr_type_ready(&kr_posix_stat_result_type) < 0) return -1;
    return kr_module_add_object(module, "stat_result", KR_NEWREF(&kr_posix_stat_result_type));
}
