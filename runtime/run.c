/* run.c - compiling source text to code objects (parse + compile) and running
 * files, strings and the result of SystemExit the way the `python` command does. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "compiler/compiler.h"
#include "krait.h"

static KrType *frontend_error_type(KrFrontendErrorKind k) {
    return k == KR_ERR_TAB ? kr_exc_TabError
           : k == KR_ERR_INDENTATION ? kr_exc_IndentationError
                                     : kr_exc_SyntaxError;
}

static int parse_mode(const char *mode, KrParseMode *out) {
    if (!strcmp(mode, "exec")) *out = KR_PARSE_FILE;
    else if (!strcmp(mode, "eval")) *out = KR_PARSE_EVAL;
    else if (!strcmp(mode, "single")) *out = KR_PARSE_SINGLE;
    else if (!strcmp(mode, "func_type")) *out = KR_PARSE_FUNC_TYPE;
    else {
        kr_err_set_string(kr_exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        return -1;
    }
    return 0;
}

KrObject *kr_compile_string(const char *source, kr_ssize len, const char *filename,
                            const char *mode, int flags) {
    KrParseMode pm;
    if (parse_mode(mode, &pm) < 0) return NULL;
    if (memchr(source, 0, (size_t)len)) {
        kr_err_set_string(kr_exc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    KrObject *fname = kr_str_from_cstr(filename);
    if (!fname) return NULL;
    KrArena *arena = kr_arena_new();
    if (!arena) {
        KR_DECREF(fname);
        return kr_err_no_memory();
    }
    KrFrontendError err;
    memset(&err, 0, sizeof err);
    KrObject *code = NULL;
    KrAstNode *mod = kr_parse(source, (size_t)len, filename, pm, arena, &err);
    if (!mod) {
        kr_err_set_syntax_location(frontend_error_type(err.kind), err.msg, fname, err.lineno,
                                   err.col_offset, err.end_lineno, err.end_col_offset, source, len);
    } else {
        code = kr_compiler_compile(mod, fname, source, (size_t)len, pm, flags, 0);
    }
    kr_arena_free(arena);
    KR_DECREF(fname);
    return code;
}

KrObject *kr_run_string(const char *source, const char *filename, KrObject *globals,
                        KrObject *locals, const char *mode) {
    KrObject *code = kr_compile_string(source, (kr_ssize)strlen(source), filename, mode, 0);
    if (!code) return NULL;
    KrObject *r = kr_eval_code(code, globals, locals);
    KR_DECREF(code);
    return r;
}

/* Reads a whole file; returns malloc'ed contents or NULL with an OSError set. */
char *kr_run_read_file(const char *path, kr_ssize *len_out) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        KrObject *fn = kr_str_from_cstr(path);
        kr_err_from_errno_filename(kr_exc_OSError, fn);
        KR_XDECREF(fn);
        return NULL;
    }
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    if (!buf) {
        fclose(f);
        kr_err_no_memory();
        return NULL;
    }
    size_t n;
    while ((n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (cap - len - 1 == 0) {
            cap *= 2;
            char *nb = realloc(buf, cap);
            if (!nb) {
                free(buf);
                fclose(f);
                kr_err_no_memory();
                return NULL;
            }
            buf = nb;
        }
    }
    fclose(f);
    buf[len] = 0;
    *len_out = (kr_ssize)len;
    return buf;
}

/* Creates the __main__ module and runs `source` in it. */
int kr_run_main_source(const char *source, kr_ssize len, const char *filename, const char *file_attr) {
    KrObject *main = kr_module_new_cstr("__main__");
    if (!main) return -1;
    KrObject *d = kr_module_get_dict(main);
    int rc = -1;
    if (kr_dict_set_item_str(kr_interp.modules, "__main__", main) < 0 ||
        kr_dict_set_item_str(d, "__builtins__", kr_interp.builtins_module) < 0)
        goto done;
    if (file_attr) {
        KrObject *f = kr_str_from_cstr(file_attr);
        if (!f || kr_module_add_object(main, "__file__", f) < 0) goto done;
    }
    KrObject *code = kr_compile_string(source, len, filename, "exec", 0);
    if (!code) goto done;
    if (kr_interp.dis_mode) {
        kr_dis_code(code, stdout);
        KR_DECREF(code);
        rc = 0;
        goto done;
    }
    KrObject *r = kr_eval_code(code, d, d);
    KR_DECREF(code);
    if (r) {
        KR_DECREF(r);
        rc = 0;
    }
done:
    KR_DECREF(main);
    return rc;
}

/* SystemExit handling: returns the exit status it asks for, or -1 if the current
 * exception is not a SystemExit. Prints a non-integer code to stderr (status 1). */
int kr_handle_system_exit(void) {
    KrObject *exc = kr_err_occurred();
    if (!exc || !kr_object_type_is_sub(KR_TYPE(exc), kr_exc_SystemExit)) return -1;
    exc = kr_err_fetch();
    KrObject *code = ((KrSystemExit *)exc)->code;
    int status = 0;
    if (!code || code == kr_none) {
        status = 0;
    } else if (KR_INT_CHECK(code)) {
        int overflow = 0;
        int64_t v;
        overflow = kr_int_as_i64_overflow(code, &v);
        status = overflow ? -1 : (int)v;
    } else {
        KrObject *s = kr_object_str(code);
        if (s) {
            kr_sys_write_stderr(kr_str_data(s), kr_str_size(s));
            kr_sys_write_stderr("\n", 1);
            KR_DECREF(s);
        }
        kr_err_clear();
        status = 1;
    }
    KR_DECREF(exc);
    return status & 0xFF;
}
