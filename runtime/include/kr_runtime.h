/* kr_runtime.h - thread state, errors, the interpreter entry points and start-up.
 * Errors follow one rule everywhere: a failing C function returns NULL or -1 and
 * leaves the exception on the current thread state (errors.c). */
#ifndef KR_RUNTIME_H
#define KR_RUNTIME_H

#include "kr_object.h"
#include "kr_types.h"

/* ---------------------------------------------------------------------------
 * Thread state (pystate.c)
 * ------------------------------------------------------------------------- */
typedef struct KrFrame KrFrame;

typedef struct KrThreadState {
    KrObject *current_exception;   /* the exception being raised (normalised instance) */
    KrObject *handled_exception;   /* sys.exception(): innermost exception being handled */
    KrFrame *current_frame;        /* top of this thread's frame stack */
    int recursion_depth;           /* Python frames + C recursion guard */
    int recursion_limit_headroom;
    _Atomic(uint32_t) eval_breaker; /* nonzero: handle signals / GIL drop / stop-the-world */
    char *datastack_base;           /* per-thread frame stack */
    char *datastack_top;
    char *datastack_limit;
    struct KrThreadState *next;
} KrThreadState;

extern _Thread_local KrThreadState *kr_tstate_current;
static inline KrThreadState *kr_tstate(void) { return kr_tstate_current; }
KrThreadState *kr_tstate_new(void);
void kr_tstate_delete(KrThreadState *ts);

/* Interpreter-wide state (one per process for now). */
typedef struct {
    KrObject *builtins;      /* dict of the builtins module */
    KrObject *builtins_module;
    KrObject *sys_module;
    KrObject *modules;       /* sys.modules */
    int recursion_limit;     /* sys.getrecursionlimit(), default 1000 */
    double switch_interval;  /* sys.getswitchinterval(), default 0.005 */
    KrObject *stdlib_dir;    /* str: directory of Krait's stdlib */
    int dis_mode;            /* -X dis */
} KrInterp;
extern KrInterp kr_interp;

/* ---------------------------------------------------------------------------
 * Errors (errors.c)
 * ------------------------------------------------------------------------- */
void kr_err_set_object(KrType *type, KrObject *value); /* value: instance, args tuple, or single arg */
void kr_err_set_none(KrType *type);
void kr_err_set_string(KrType *type, const char *msg);
KrObject *kr_err_format(KrType *type, const char *fmt, ...); /* kr_str_from_format directives; returns NULL */
void kr_err_set_raised(KrObject *exc);          /* steals an exception instance */
KrObject *kr_err_occurred(void);                /* borrowed current exception or NULL */
bool kr_err_matches(KrType *type);              /* current exception is an instance of type */
bool kr_err_given_matches(KrObject *exc, KrObject *type_or_tuple);
KrObject *kr_err_fetch(void);                   /* takes the current exception (new ref), clears it */
void kr_err_restore(KrObject *exc);             /* steals; NULL clears */
void kr_err_clear(void);
KrObject *kr_err_no_memory(void);
KrObject *kr_err_from_errno(KrType *type);
KrType *kr_oserror_subclass_for_errno(int e); /* FileNotFoundError for ENOENT...; NULL if none */      /* OSError subclass chosen from errno */
KrObject *kr_err_from_errno_filename(KrType *type, KrObject *filename);
int kr_err_bad_internal_call(const char *where);
void kr_err_write_unraisable(KrObject *obj, const char *context); /* "Exception ignored in: ..." */
/* Sets a StopIteration carrying `value` (for generator returns). */
void kr_err_set_stop_iteration(KrObject *value);
/* Raises SyntaxError (or `type`, a subclass) with CPython's attributes: filename,
 * lineno, offset (1-based, in code points), text (the source line, from `source` if
 * given, else read from the file), end_lineno, end_offset. Columns are 0-based UTF-8
 * byte offsets as the front end reports them (converted here). */
void kr_err_set_syntax_location(KrType *type, const char *msg, KrObject *filename, int lineno,
                                int col_offset, int end_lineno, int end_col_offset,
                                const char *source, kr_ssize source_len);
/* Chains: sets __context__ of the new current exception to `context` (if not the same). */
void kr_err_chain_context(KrObject *exc, KrObject *context);

/* Recursion guard for C-level recursion (repr of nested containers, etc.). */
int kr_enter_recursive_call(const char *where); /* -1 + RecursionError when too deep */
void kr_leave_recursive_call(void);

/* Repr recursion guard: returns 1 if o is already being repr'd (caller prints "[...]"). */
int kr_repr_enter(KrObject *o);
void kr_repr_leave(KrObject *o);

/* ---------------------------------------------------------------------------
 * Evaluation and running code (ceval.c, run.c)
 * ------------------------------------------------------------------------- */
/* Runs a code object in the given namespaces (exec semantics). locals may be NULL
 * (= globals). */
KrObject *kr_eval_code(KrObject *code, KrObject *globals, KrObject *locals);
/* Compiles source text. mode: "exec", "eval" or "single". Raises SyntaxError. */
KrObject *kr_compile_string(const char *source, kr_ssize len, const char *filename,
                            const char *mode, int flags);
KrObject *kr_run_string(const char *source, const char *filename, KrObject *globals,
                        KrObject *locals, const char *mode);
/* Prints the current exception with its traceback to sys.stderr and clears it. */
void kr_err_print(void);
void kr_err_display(KrObject *exc); /* print one exception (with chain) to stderr */
/* If the current exception is SystemExit, returns its exit status and clears it;
 * returns -1 otherwise. */
int kr_handle_system_exit(void);

/* Builtins and sys (builtins.c, sysmodule.c) */
KrObject *kr_builtins_init(void);  /* returns the builtins module */
KrObject *kr_sys_init(int argc, char **argv);
KrObject *kr_sys_get(const char *name); /* borrowed attribute of sys, or NULL */
int kr_sys_write_stdout(const char *s, kr_ssize n);
int kr_sys_write_stderr(const char *s, kr_ssize n);

/* Start-up / shutdown (lifecycle.c) */
int kr_runtime_init(int argc, char **argv);
void kr_runtime_fini(void);

/* compile() of AST objects and PyCF_ONLY_AST (stdlib/astmodule.c); *handled = 0 when
 * `source` is ordinary text to compile the usual way. */
KrObject *kr_ast_compile_hook(KrObject *source, const char *filename, const char *mode, int flags,
                              int optimize, int *handled);

/* Shutdown and signal hooks of stdlib C modules (atexitmodule.c, signalmodule.c) */
void kr_atexit_run(void);
int kr_signal_run_handlers(void);

/* Import (import.c) */
KrObject *kr_import_module(const char *name);
bool kr_module_is_builtin_name(KrObject *name); /* a C module compiled into the binary */
KrObject *kr_import_name(KrObject *name, KrObject *globals, KrObject *fromlist, int level);

#endif /* KR_RUNTIME_H */
