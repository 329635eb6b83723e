/* sysmodule.c - the `sys` module: interpreter parameters, the standard streams,
 * recursion and switch-interval settings, exception inspection and introspection
 * hooks. */
#include <float.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "krait.h"
#include "kr_code.h"
#include "specialize.h"

#define KR_VERSION_STRING "3.12.0 (krait 0.1)"

static KrObject *sys_dict; /* borrowed from the module */

KrObject *kr_sys_get(const char *name) {
    if (!sys_dict) return NULL;
    return kr_dict_get_item_str(sys_dict, name);
}

static int write_to(const char *stream, int fd, const char *s, kr_ssize n) {
    KrObject *f = kr_sys_get(stream);
    if (f && f != kr_none) {
        KrObject *str = kr_str_from_utf8(s, n);
        if (!str) {
            kr_err_clear();
            str = kr_str_from_cstr("<undecodable>");
            if (!str) return -1;
        }
        KrObject *r = kr_call_method(f, "write", &str, 1);
        KR_DECREF(str);
        if (r) {
            KR_DECREF(r);
            return 0;
        }
        kr_err_clear();
    }
    return write(fd, s, (size_t)n) == (ssize_t)n ? 0 : -1;
}

int kr_sys_write_stdout(const char *s, kr_ssize n) { return write_to("stdout", 1, s, n); }
int kr_sys_write_stderr(const char *s, kr_ssize n) { return write_to("stderr", 2, s, n); }

/* ---------------------------------------------------------------------------
 * Functions
 * ------------------------------------------------------------------------- */

static KrObject *sys_exit(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("exit", nargs, 0, 1) < 0) return NULL;
    kr_err_set_object(kr_exc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

static KrObject *sys_getrecursionlimit(KrObject *self, KrObject *unused) {
    return kr_int_from_i64(kr_interp.recursion_limit);
}

static KrObject *sys_setrecursionlimit(KrObject *self, KrObject *arg) {
    if (!KR_INT_CHECK(arg))
        return kr_err_format(kr_exc_TypeError, "'%T' object cannot be interpreted as an integer", arg);
    int64_t v = kr_int_as_i64(arg);
    if (v == -1 && kr_err_occurred()) return NULL;
    if (v < 1) return kr_err_format(kr_exc_ValueError, "recursion limit must be greater or equal than 1");
    if (v > 0x7fffffff) return kr_err_format(kr_exc_OverflowError, "Python int too large to convert to C int");
    KrThreadState *ts = kr_tstate();
    if (ts->recursion_depth >= v)
        return kr_err_format(kr_exc_RecursionError,
                             "cannot set the recursion limit to %lld at the recursion depth %d: the limit is too low",
                             (long long)v, ts->recursion_depth);
    kr_interp.recursion_limit = (int)v;
    return KR_NEWREF(kr_none);
}

static KrObject *sys_getswitchinterval(KrObject *self, KrObject *unused) {
    return kr_float_from_double(kr_interp.switch_interval);
}

static KrObject *sys_setswitchinterval(KrObject *self, KrObject *arg) {
    double d = kr_float_as_double(arg);
    if (d == -1.0 && kr_err_occurred()) return NULL;
    if (d <= 0.0) return kr_err_format(kr_exc_ValueError, "switch interval must be strictly positive");
    kr_interp.switch_interval = d;
    return KR_NEWREF(kr_none);
}

static KrObject *sys_intern(KrObject *self, KrObject *arg) {
    if (!KR_STR_CHECK_EXACT(arg))
        return kr_err_format(kr_exc_TypeError, "intern() argument must be str, not %T", arg);
    return kr_str_intern(KR_NEWREF(arg));
}

static KrObject *sys_getrefcount(KrObject *self, KrObject *arg) {
    return kr_int_from_ssize(kr_refcnt(arg));
}

static KrObject *sys_getsizeof(KrObject *self, KrObject *const *args, kr_ssize nargs, KrObject *kwnames) {
    static const char *const kwlist[] = {"object", "default", NULL};
    KrObject *o = NULL, *deflt = NULL;
    if (kr_arg_parse(args, nargs, kwnames, "O|O:getsizeof", kwlist, &o, &deflt) < 0) return NULL;
    int found = 0;
    KrObject *r = kr_call_special(o, kr_str_intern_cstr("__sizeof__"), NULL, 0, &found);
    if (!found) {
        if (deflt) return KR_NEWREF(deflt);
        return kr_err_format(kr_exc_TypeError, "Type %T doesn't define __sizeof__", o);
    }
    if (!r) {
        if (deflt && kr_err_matches(kr_exc_TypeError)) {
            kr_err_clear();
            return KR_NEWREF(deflt);
        }
        return NULL;
    }
    if (!KR_INT_CHECK(r)) {
        KR_DECREF(r);
        return kr_err_format(kr_exc_TypeError, "an integer is required");
    }
    int64_t size = kr_int_as_i64(r);
    KR_DECREF(r);
    if (size == -1 && kr_err_occurred()) return NULL;
    if (size < 0) return kr_err_format(kr_exc_ValueError, "__sizeof__() should return >= 0");
    /* like CPython, add the GC header for GC-tracked objects */
    if (kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_HAVE_GC)) size += (int64_t)sizeof(KrGCHead);
    return kr_int_from_i64(size);
}

static KrObject *sys_exc_info(KrObject *self, KrObject *unused) {
    KrObject *e = kr_tstate()->handled_exception;
    if (!e || e == kr_none) return kr_tuple_pack(3, kr_none, kr_none, kr_none);
    KrObject *tb = kr_exception_get_traceback(e);
    return kr_tuple_pack(3, (KrObject *)KR_TYPE(e), e, tb ? tb : kr_none);
}

static KrObject *sys_exception(KrObject *self, KrObject *unused) {
    KrObject *e = kr_tstate()->handled_exception;
    return KR_NEWREF(e ? e : kr_none);
}

static KrObject *sys_getframe(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("_getframe", nargs, 0, 1) < 0) return NULL;
    int64_t depth = 0;
    if (nargs) {
        depth = kr_int_as_i64(args[0]);
        if (depth == -1 && kr_err_occurred()) return NULL;
    }
    KrFrame *f = kr_eval_current_frame();
    while (f && depth > 0) {
        f = f->previous;
        depth--;
    }
    if (!f) return kr_err_format(kr_exc_ValueError, "call stack is not deep enough");
    return kr_frame_get_object(f);
}

static KrObject *sys_is_gil_enabled(KrObject *self, KrObject *unused) {
#ifdef KR_FREE_THREADED
    return KR_NEWREF(kr_false);
#else
    return KR_NEWREF(kr_true);
#endif
}

static KrObject *sys_getdefaultencoding(KrObject *self, KrObject *unused) { return kr_str_from_cstr("utf-8"); }

static KrObject *sys_excepthook(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("excepthook", nargs, 3, 3) < 0) return NULL;
    kr_err_display(args[1]);
    return KR_NEWREF(kr_none);
}

static KrObject *sys_displayhook(KrObject *self, KrObject *value) {
    if (value == kr_none) return KR_NEWREF(kr_none);
    KrObject *builtins = kr_interp.builtins;
    if (kr_dict_set_item_str(builtins, "_", kr_none) < 0) return NULL;
    KrObject *r = kr_object_repr(value);
    if (!r) return NULL;
    int ok = kr_sys_write_stdout(kr_str_data(r), kr_str_size(r));
    KR_DECREF(r);
    if (ok < 0 || kr_err_occurred()) return NULL;
    kr_sys_write_stdout("\n", 1);
    if (kr_dict_set_item_str(builtins, "_", value) < 0) return NULL;
    return KR_NEWREF(kr_none);
}

static int64_t int_max_str_digits = 4300;
int64_t kr_sys_int_max_str_digits(void) { return int_max_str_digits; }

static KrObject *sys_get_int_max_str_digits(KrObject *self, KrObject *unused) {
    return kr_int_from_i64(int_max_str_digits);
}

static KrObject *sys_set_int_max_str_digits(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                            KrObject *kwnames) {
    static const char *const kwlist[] = {"maxdigits", NULL};
    int64_t v;
    if (kr_arg_parse(args, nargs, kwnames, "L:set_int_max_str_digits", kwlist, &v) < 0) return NULL;
    if (v != 0 && v < 640)
        return kr_err_format(kr_exc_ValueError, "maxdigits must be 0 or larger than %d", 640);
    int_max_str_digits = v;
    return KR_NEWREF(kr_none);
}

/* sys.set_asyncgen_hooks(firstiter=<unchanged>, finalizer=<unchanged>) */
static KrObject *sys_set_asyncgen_hooks(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                        KrObject *kwnames) {
    static const char *const kwlist[] = {"firstiter", "finalizer", NULL};
    KrObject *firstiter = NULL, *finalizer = NULL;
    if (kr_arg_parse(args, nargs, kwnames, "|OO:set_asyncgen_hooks", kwlist, &firstiter, &finalizer) < 0)
        return NULL;
    if (finalizer && finalizer != kr_none && !KR_TYPE(finalizer)->tp_call &&
        !KR_TYPE(finalizer)->tp_vectorcall_offset)
        return kr_err_format(kr_exc_TypeError, "callable finalizer expected, got %T", finalizer);
    if (firstiter && firstiter != kr_none && !KR_TYPE(firstiter)->tp_call &&
        !KR_TYPE(firstiter)->tp_vectorcall_offset)
        return kr_err_format(kr_exc_TypeError, "callable firstiter expected, got %T", firstiter);
    if (finalizer) KR_SETREF(kr_async_gen_finalizer_hook, finalizer == kr_none ? NULL : KR_NEWREF(finalizer));
    if (firstiter) KR_SETREF(kr_async_gen_firstiter_hook, firstiter == kr_none ? NULL : KR_NEWREF(firstiter));
    return KR_NEWREF(kr_none);
}

static KrObject *sys_get_asyncgen_hooks(KrObject *self, KrObject *unused) {
    KrObject *a = kr_async_gen_firstiter_hook ? kr_async_gen_firstiter_hook : kr_none;
    KrObject *b = kr_async_gen_finalizer_hook ? kr_async_gen_finalizer_hook : kr_none;
    static KrType *hooks_type;
    if (!hooks_type) {
        static const char *const fields[] = {"firstiter", "finalizer", NULL};
        hooks_type = kr_structseq_new_type("asyncgen_hooks", fields, NULL);
        if (!hooks_type) return NULL;
    }
    KrObject *vals[2] = {KR_NEWREF(a), KR_NEWREF(b)};
    return kr_structseq_new(hooks_type, vals, 2);
}

static KrMethodDef sys_methods[] = {
    {"set_asyncgen_hooks", (void *)sys_set_asyncgen_hooks, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"get_asyncgen_hooks", (void *)sys_get_asyncgen_hooks, KR_METH_NOARGS, NULL},
    {"exit", (void *)sys_exit, KR_METH_FASTCALL, NULL},
    {"getrecursionlimit", (void *)sys_getrecursionlimit, KR_METH_NOARGS, NULL},
    {"setrecursionlimit", (void *)sys_setrecursionlimit, KR_METH_O, NULL},
    {"getswitchinterval", (void *)sys_getswitchinterval, KR_METH_NOARGS, NULL},
    {"setswitchinterval", (void *)sys_setswitchinterval, KR_METH_O, NULL},
    {"intern", (void *)sys_intern, KR_METH_O, NULL},
    {"getrefcount", (void *)sys_getrefcount, KR_METH_O, NULL},
    {"getsizeof", (void *)sys_getsizeof, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"exc_info", (void *)sys_exc_info, KR_METH_NOARGS, NULL},
    {"exception", (void *)sys_exception, KR_METH_NOARGS, NULL},
    {"_getframe", (void *)sys_getframe, KR_METH_FASTCALL, NULL},
    {"_is_gil_enabled", (void *)sys_is_gil_enabled, KR_METH_NOARGS, NULL},
    {"getdefaultencoding", (void *)sys_getdefaultencoding, KR_METH_NOARGS, NULL},
    {"getfilesystemencoding", (void *)sys_getdefaultencoding, KR_METH_NOARGS, NULL},
    {"excepthook", (void *)sys_excepthook, KR_METH_FASTCALL, NULL},
    {"displayhook", (void *)sys_displayhook, KR_METH_O, NULL},
    {"get_int_max_str_digits", (void *)sys_get_int_max_str_digits, KR_METH_NOARGS, NULL},
    {"set_int_max_str_digits", (void *)sys_set_int_max_str_digits, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---------------------------------------------------------------------------
 * Module creation
 * ------------------------------------------------------------------------- */

static int add(KrObject *m, const char *name, KrObject *v) { return kr_module_add_object(m, name, v); }

static KrObject *str_list(int n, char **items) {
    KrObject *l = kr_list_new(0);
    if (!l) return NULL;
    for (int i = 0; i < n; i++) {
        KrObject *s = kr_str_from_utf8(items[i], (kr_ssize)strlen(items[i]));
        if (!s) {
            kr_err_clear(); /* undecodable argument: keep the bytes' latin-1 reading */
            s = kr_str_from_cstr("?");
        }
        if (!s || kr_list_append_steal(l, s) < 0) {
            KR_DECREF(l);
            return NULL;
        }
    }
    return l;
}

static KrObject *i64(int64_t v) { return kr_int_from_i64(v); }
static KrObject *dbl(double v) { return kr_float_from_double(v); }

/* version_info, float_info, int_info, hash_info, flags and implementation */
static int add_info_structs(KrObject *m) {
    static const char *const vi_fields[] = {"major", "minor", "micro", "releaselevel", "serial", NULL};
    KrType *vi_t = kr_structseq_new_type("sys.version_info", vi_fields, NULL);
    if (!vi_t) return -1;
    KrObject *vi_vals[] = {i64(3), i64(12), i64(0), kr_str_from_cstr("final"), i64(0)};
    KrObject *vi = kr_structseq_new(vi_t, vi_vals, 5);
    if (!vi || kr_dict_set_item_str(sys_dict, "version_info", vi) < 0) return -1;

    static const char *const fi_fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp",
                                            "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
                                            "rounds", NULL};
    KrType *fi_t = kr_structseq_new_type("sys.float_info", fi_fields, NULL);
    if (!fi_t) return -1;
    KrObject *fi_vals[] = {dbl(DBL_MAX), i64(DBL_MAX_EXP), i64(DBL_MAX_10_EXP), dbl(DBL_MIN),
                           i64(DBL_MIN_EXP), i64(DBL_MIN_10_EXP), i64(DBL_DIG), i64(DBL_MANT_DIG),
                           dbl(DBL_EPSILON), i64(FLT_RADIX), i64(FLT_ROUNDS)};
    if (add(m, "float_info", kr_structseq_new(fi_t, fi_vals, 11)) < 0) return -1;

    /* Krait's ints are int64 inside, GMP limbs beyond: one "digit" is a 64-bit limb */
    static const char *const ii_fields[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                            "str_digits_check_threshold", NULL};
    KrType *ii_t = kr_structseq_new_type("sys.int_info", ii_fields, NULL);
    if (!ii_t) return -1;
    KrObject *ii_vals[] = {i64(64), i64(8), i64(4300), i64(640)};
    if (add(m, "int_info", kr_structseq_new(ii_t, ii_vals, 4)) < 0) return -1;

    static const char *const hi_fields[] = {"width", "modulus", "inf", "nan", "imag", "algorithm",
                                            "hash_bits", "seed_bits", "cutoff", NULL};
    KrType *hi_t = kr_structseq_new_type("sys.hash_info", hi_fields, NULL);
    if (!hi_t) return -1;
    KrObject *hi_vals[] = {i64(64), i64(((int64_t)1 << 61) - 1), i64(314159), i64(0), i64(1000003),
                           kr_str_from_cstr("siphash13"), i64(64), i64(128), i64(0)};
    if (add(m, "hash_info", kr_structseq_new(hi_t, hi_vals, 9)) < 0) return -1;

    static const char *const fl_fields[] = {"debug", "inspect", "interactive", "optimize",
                                            "dont_write_bytecode", "no_user_site", "no_site",
                                            "ignore_environment", "verbose", "bytes_warning",
                                            "quiet", "hash_randomization", "isolated", "dev_mode",
                                            "utf8_mode", "warn_default_encoding", "safe_path",
                                            "int_max_str_digits", NULL};
    KrType *fl_t = kr_structseq_new_type("sys.flags", fl_fields, NULL);
    if (!fl_t) return -1;
    KrObject *fl_vals[18];
    for (int k = 0; k < 18; k++) fl_vals[k] = i64(0);
    KR_SETREF(fl_vals[11], i64(1));               /* hash_randomization */
    KR_SETREF(fl_vals[13], KR_NEWREF(kr_false));  /* dev_mode */
    KR_SETREF(fl_vals[16], KR_NEWREF(kr_false));  /* safe_path */
    KR_SETREF(fl_vals[17], i64(-1));              /* int_max_str_digits */
    if (add(m, "flags", kr_structseq_new(fl_t, fl_vals, 18)) < 0) return -1;

    KrObject *impl = kr_dict_new();
    if (!impl) return -1;
#ifdef KR_FREE_THREADED
    KrObject *ft = kr_true;
#else
    KrObject *ft = kr_false;
#endif
    int r = -1;
    KrObject *cache_tag = kr_str_from_cstr("krait-312");
    KrObject *hexv = i64(0x030C00F0);
    if (cache_tag && hexv && kr_dict_set_item_str(impl, "name", kr_str_intern_cstr("krait")) == 0 &&
        kr_dict_set_item_str(impl, "cache_tag", cache_tag) == 0 &&
        kr_dict_set_item_str(impl, "version", vi) == 0 &&
        kr_dict_set_item_str(impl, "hexversion", hexv) == 0 &&
        kr_dict_set_item_str(impl, "_multiarch", kr_str_intern_cstr("x86_64-linux-gnu")) == 0 &&
        kr_dict_set_item_str(impl, "_jit", kr_false) == 0 &&
        kr_dict_set_item_str(impl, "_free_threaded", ft) == 0)
        r = add(m, "implementation", kr_namespace_new(impl));
    KR_XDECREF(cache_tag);
    KR_XDECREF(hexv);
    KR_DECREF(impl);
    KR_DECREF(vi);
    return r;
}

KrObject *kr_sys_init(int argc, char **argv) {
    KrObject *m = kr_module_new_cstr("sys");
    if (!m) return NULL;
    sys_dict = kr_module_get_dict(m);
    if (kr_module_add_functions(m, sys_methods) < 0 ||
        kr_module_add_functions(m, kr_trace_sys_methods) < 0) /* settrace & co, trace.c */
        goto fail;
    KrObject *hook = kr_dict_get_item_str(sys_dict, "excepthook");
    KrObject *dhook = kr_dict_get_item_str(sys_dict, "displayhook");
    if (kr_dict_set_item_str(sys_dict, "__excepthook__", hook) < 0 ||
        kr_dict_set_item_str(sys_dict, "__displayhook__", dhook) < 0)
        goto fail;
    KrObject *out = kr_io_file_from_fd(1, "w", "<stdout>");
    KrObject *err = kr_io_file_from_fd(2, "w", "<stderr>");
    KrObject *in = kr_io_file_from_fd(0, "r", "<stdin>");
    if (!out || !err || !in) goto fail;
    if (kr_dict_set_item_str(sys_dict, "__stdout__", out) < 0 ||
        kr_dict_set_item_str(sys_dict, "__stderr__", err) < 0 ||
        kr_dict_set_item_str(sys_dict, "__stdin__", in) < 0)
        goto fail;
    if (add(m, "stdout", out) < 0 || add(m, "stderr", err) < 0 || add(m, "stdin", in) < 0) goto fail;
    if (add(m, "argv", str_list(argc, argv)) < 0) goto fail;
    if (add(m, "orig_argv", kr_list_new(0)) < 0) goto fail;
    if (add(m, "path", kr_list_new(0)) < 0) goto fail;
    if (kr_dict_set_item_str(sys_dict, "modules", kr_interp.modules) < 0) goto fail;
    if (add(m, "meta_path", kr_list_new(0)) < 0 || add(m, "path_hooks", kr_list_new(0)) < 0 ||
        add(m, "path_importer_cache", kr_dict_new()) < 0 || add(m, "warnoptions", kr_list_new(0)) < 0)
        goto fail;
    if (add(m, "maxsize", kr_int_from_i64(INT64_MAX)) < 0 ||
        add(m, "maxunicode", kr_int_from_i64(0x10FFFF)) < 0 ||
        add(m, "byteorder", kr_str_from_cstr("little")) < 0 ||
        add(m, "platform", kr_str_from_cstr("linux")) < 0 ||
        add(m, "version", kr_str_from_cstr(KR_VERSION_STRING)) < 0 ||
        add(m, "hexversion", kr_int_from_i64(0x030C00F0)) < 0 ||
        add(m, "api_version", kr_int_from_i64(1013)) < 0 ||
        add(m, "copyright", kr_str_from_cstr("Copyright (c) the Krait developers.")) < 0 ||
        add(m, "dont_write_bytecode", KR_NEWREF(kr_false)) < 0 ||
        add(m, "builtin_module_names", kr_tuple_pack(2, kr_str_intern_cstr("builtins"),
                                                     kr_str_intern_cstr("sys"))) < 0)
        goto fail;
    if (add_info_structs(m) < 0) goto fail;
    char exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n < 0) n = 0;
    exe[n] = 0;
    if (add(m, "executable", kr_str_from_cstr(exe)) < 0) goto fail;
    if (add(m, "prefix", KR_NEWREF(kr_interp.stdlib_dir)) < 0 ||
        add(m, "exec_prefix", KR_NEWREF(kr_interp.stdlib_dir)) < 0)
        goto fail;
    return m;
fail:
    KR_DECREF(m);
    sys_dict = NULL;
    return NULL;
}
