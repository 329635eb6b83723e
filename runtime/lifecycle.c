/* lifecycle.c - start-up and shutdown of the runtime: the main thread state, the
 * static types, singletons and caches, builtins, sys, the module search path, and
 * signal handling (Ctrl-C raises KeyboardInterrupt through the eval breaker). */
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "krait.h"

KrInterp kr_interp = {.recursion_limit = 1000, .switch_interval = 0.005};

int kr_int_init(void);
void kr_str_hash_init(void);

/* Every statically allocated type, readied in this order (bases first). */
static KrType *const static_types[] = {
    &kr_object_type, &kr_type_type, &kr_none_type, &kr_notimplemented_type, &kr_ellipsis_type,
    &kr_int_type, &kr_bool_type, &kr_float_type, &kr_complex_type,
    &kr_str_type, &kr_bytes_type, &kr_bytearray_type, &kr_bytearray_iter_type,
    &kr_tuple_type, &kr_list_type, &kr_dict_type, &kr_set_type, &kr_frozenset_type,
    &kr_range_type, &kr_range_iter_type, &kr_longrange_iter_type, &kr_slice_type,
    &kr_enumerate_type, &kr_zip_type, &kr_map_type, &kr_filter_type, &kr_reversed_type,
    &kr_seqiter_type, &kr_calliter_type,
    &kr_list_iter_type, &kr_list_reverseiter_type, &kr_tuple_iter_type, &kr_str_iter_type,
    &kr_bytes_iter_type, &kr_dict_keyiter_type, &kr_dict_valueiter_type, &kr_dict_itemiter_type,
    &kr_dict_revkeyiter_type, &kr_dict_revvalueiter_type, &kr_dict_revitemiter_type,
    &kr_set_iter_type, &kr_dict_keys_type, &kr_dict_values_type, &kr_dict_items_type,
    &kr_cell_type, &kr_function_type, &kr_method_type, &kr_cfunction_type,
    &kr_method_descr_type, &kr_classmethod_descr_type, &kr_member_descr_type,
    &kr_getset_descr_type, &kr_wrapper_descr_type, &kr_method_wrapper_type,
    &kr_classmethod_type, &kr_staticmethod_type, &kr_property_type, &kr_super_type, &kr_mappingproxy_type, &kr_union_type,
    &kr_module_type, &kr_code_type, &kr_frame_type, &kr_traceback_type,
    &kr_gen_type, &kr_coro_type, &kr_async_gen_type, &kr_coro_wrapper_type,
    &kr_async_gen_asend_type, &kr_async_gen_athrow_type, &kr_async_gen_wrapped_type,
    &kr_textio_type, &kr_bufferedio_type, &kr_namespace_type,
    &kr_weakref_ref_type, &kr_weakref_proxy_type, &kr_weakref_callable_proxy_type,
};

/* ---------------------------------------------------------------------------
 * Signals
 * ------------------------------------------------------------------------- */

static volatile sig_atomic_t sigint_pending;

static void on_sigint(int sig) {
    (void)sig;
    sigint_pending = 1;
    kr_eval_signal_pending();
}

/* Called by the eval loop when the eval breaker reports a pending signal. */
int kr_signals_handle(void) {
    if (kr_signal_run_handlers() < 0) return -1;
    if (sigint_pending) {
        sigint_pending = 0;
        kr_err_set_none(kr_exc_KeyboardInterrupt);
        return -1;
    }
    return 0;
}

/* ---------------------------------------------------------------------------
 * Paths
 * ------------------------------------------------------------------------- */

/* The stdlib lives in lib/ next to the executable (build/lib -> stdlib/). */
static KrObject *find_stdlib_dir(void) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0) return kr_str_from_cstr("lib");
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash) *slash = 0;
    char path[PATH_MAX + 8];
    snprintf(path, sizeof path, "%s/lib", exe);
    char real[PATH_MAX];
    if (realpath(path, real)) return kr_str_from_cstr(real);
    return kr_str_from_cstr(path);
}

/* sys.path = [script dir (set by the caller), PYTHONPATH entries..., stdlib dir] */
static int init_sys_path(KrObject *sys) {
    KrObject *path = kr_dict_get_item_str(kr_module_get_dict(sys), "path");
    const char *pp = getenv("PYTHONPATH");
    if (pp && *pp) {
        char *copy = strdup(pp);
        if (!copy) return -1;
        for (char *tok = strtok(copy, ":"); tok; tok = strtok(NULL, ":")) {
            KrObject *s = kr_str_from_cstr(tok);
            if (!s || kr_list_append_steal(path, s) < 0) {
                free(copy);
                return -1;
            }
        }
        free(copy);
    }
    return kr_list_append(path, kr_interp.stdlib_dir);
}

/* ---------------------------------------------------------------------------
 * Start-up and shutdown
 * ------------------------------------------------------------------------- */

int kr_runtime_init(int argc, char **argv) {
    KrThreadState *ts = kr_tstate_new();
    if (!ts) {
        fprintf(stderr, "krait: cannot allocate the main thread state\n");
        return -1;
    }
    kr_tstate_current = ts;
    kr_str_hash_init();
    for (size_t i = 0; i < sizeof static_types / sizeof *static_types; i++) {
        if (kr_type_ready(static_types[i]) < 0) {
            fprintf(stderr, "krait: cannot initialise type %s\n", static_types[i]->tp_name);
            return -1;
        }
    }
    if (kr_int_init() < 0 || kr_exceptions_init() < 0) {
        fprintf(stderr, "krait: cannot initialise the core objects\n");
        return -1;
    }
    kr_interp.modules = kr_dict_new();
    kr_interp.stdlib_dir = find_stdlib_dir();
    if (!kr_interp.modules || !kr_interp.stdlib_dir) return -1;
    KrObject *bm = kr_builtins_init();
    if (!bm) goto fail;
    kr_interp.builtins_module = bm;
    kr_interp.builtins = kr_module_get_dict(bm);
    KrObject *sys = kr_sys_init(argc, argv);
    if (!sys) goto fail;
    kr_interp.sys_module = sys;
    if (kr_dict_set_item_str(kr_interp.modules, "builtins", bm) < 0 ||
        kr_dict_set_item_str(kr_interp.modules, "sys", sys) < 0 || init_sys_path(sys) < 0)
        goto fail;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);
    return 0;
fail:
    fprintf(stderr, "krait: start-up failed\n");
    if (kr_err_occurred()) kr_err_print();
    return -1;
}

/* Flushes sys.stdout/sys.stderr; a failed flush of stdout (e.g. a closed pipe) is
 * reported the way CPython does and turns the exit status into 120. */
int kr_runtime_flush_std_streams(void) {
    int status = 0;
    KrObject *out = kr_sys_get("stdout");
    if (out && out != kr_none) {
        KrObject *r = kr_call_method(out, "flush", NULL, 0);
        if (!r) {
            kr_err_write_unraisable(out, "Exception ignored on flushing sys.stdout");
            status = -1;
        }
        KR_XDECREF(r);
    }
    KrObject *err = kr_sys_get("stderr");
    if (err && err != kr_none) {
        KrObject *r = kr_call_method(err, "flush", NULL, 0);
        if (!r) kr_err_clear();
        KR_XDECREF(r);
    }
    fflush(stdout);
    fflush(stderr);
    return status;
}

void kr_runtime_fini(void) { kr_runtime_flush_std_streams(); }
