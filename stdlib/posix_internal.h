/* posix_internal.h - helpers shared by the files of the `posix` module
 * (posixmodule.c: processes, descriptors, files; posix_stat.c: stat_result and the
 * stat family): path arguments, OSError construction, fs-encoded results. */
#ifndef KR_POSIX_INTERNAL_H
#define KR_POSIX_INTERNAL_H

#include <stdbool.h>

#include "krait.h"

/* A converted path argument: a str/bytes/os.PathLike (or, where allowed, an int fd
 * or None). `object` is the original argument (used as OSError.filename). */
typedef struct {
    const char *func;   /* function name for error messages */
    const char *argname;
    bool allow_fd;
    bool nullable;      /* None means "." (listdir/scandir) */
    const char *narrow; /* the path as a C string, NULL when an fd was given */
    int fd;             /* -1 unless an integer was given */
    bool is_bytes;      /* results should be bytes */
    KrObject *object;   /* borrowed: the argument as passed */
    KrObject *cleanup;  /* owned: str/bytes holding `narrow` */
} KrPathArg;

int kr_posix_path_convert(KrObject *o, KrPathArg *p);
void kr_posix_path_cleanup(KrPathArg *p);
/* os.fspath(o): str/bytes or the result of __fspath__ (new ref). */
KrObject *kr_posix_fspath(KrObject *o);
/* Raises the OSError subclass for errno with the given filename(s) (may be NULL). */
KrObject *kr_posix_error(KrObject *filename, KrObject *filename2);
/* A str (fs-decoded) or bytes result depending on the kind of path given. */
KrObject *kr_posix_fs_result(const char *s, kr_ssize n, bool as_bytes);
/* Parses an int argument (fd or flag); -1 + error on failure. */
int kr_posix_int_arg(KrObject *o, const char *func, long *out);

/* posix_stat.c */
int kr_posix_stat_add(KrObject *module);
extern KrMethodDef kr_posix_stat_methods[];

#endif /* KR_POSIX_INTERNAL_H */
