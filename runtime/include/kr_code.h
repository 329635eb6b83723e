/* kr_code.h - code objects, interpreter frames and generators: the data shared by
 * the compiler/assembler (which builds code objects), the interpreter (which runs
 * them) and introspection (dis, tracebacks, frame objects). */
#ifndef KR_CODE_H
#define KR_CODE_H

#include "kr_object.h"
#include "kr_opcodes.h"
#include "kr_runtime.h"
#include "kr_types.h"

/* co_flags: same values as CPython (programs read them via inspect). */
enum {
    KR_CO_OPTIMIZED = 0x0001,
    KR_CO_NEWLOCALS = 0x0002,
    KR_CO_VARARGS = 0x0004,
    KR_CO_VARKEYWORDS = 0x0008,
    KR_CO_NESTED = 0x0010,
    KR_CO_GENERATOR = 0x0020,
    KR_CO_NOFREE = 0x0040,
    KR_CO_COROUTINE = 0x0080,
    KR_CO_ITERABLE_COROUTINE = 0x0100,
    KR_CO_ASYNC_GENERATOR = 0x0200,
    KR_CO_HAS_DOCSTRING = 0x4000000, /* Krait: first constant is the docstring */
};

/* Kinds of localsplus slots (a slot can be both an argument/local and a cell). */
enum {
    KR_LOCAL_KIND_ARG = 0x01,    /* a parameter (also LOCAL) */
    KR_LOCAL_KIND_LOCAL = 0x02,  /* a plain local variable */
    KR_LOCAL_KIND_CELL = 0x04,   /* captured by an inner scope: slot holds a cell after MAKE_CELL */
    KR_LOCAL_KIND_FREE = 0x08,   /* a free variable: slot holds the cell copied from the closure */
    KR_LOCAL_KIND_HIDDEN = 0x10, /* inlined comprehension iteration variable */
};

/* One entry of the exception table: instructions in [start, end) (code-unit offsets)
 * are covered by the handler at `target`; on an exception the value stack is popped
 * to `depth`, f_lasti is pushed when `lasti` is set, then the exception. Entries are
 * sorted by start and do not overlap (innermost handler wins by construction). */
typedef struct {
    uint32_t start, end, target;
    uint16_t depth;
    uint8_t lasti;
} KrExcTableEntry;

/* Source position of the instruction at a code unit; line -1 = no line (artificial). */
typedef struct {
    int32_t line, end_line;
    int32_t col, end_col; /* 0-based UTF-8 byte columns as CPython's co_positions(); -1 unknown */
} KrCodeLocation;

struct KrCode {
    KR_OBJECT_HEAD;
    KrCodeUnit *code;             /* wordcode incl. inline caches; mutable (specialisation) */
    kr_ssize ncodeunits;
    KrObject *consts;             /* tuple */
    KrObject *names;              /* tuple of str */
    KrObject *localsplusnames;    /* tuple of str: every localsplus slot */
    uint8_t *localspluskinds;     /* KR_LOCAL_KIND_* per slot */
    int argcount, posonlyargcount, kwonlyargcount;
    int nlocalsplus;              /* locals + cells that are not args + frees */
    int nlocals;                  /* slots that are ARG or LOCAL (co_varnames) */
    int ncellvars, nfreevars;
    int stacksize;
    int flags;
    int firstlineno;
    KrObject *filename, *name, *qualname; /* str */
    KrExcTableEntry *exctable;
    int nexctable;
    KrCodeLocation *locations;    /* one per code unit (caches repeat their instruction's) */
    KrObject *code_bytes;         /* lazily built bytes for co_code */
    KrObject *weakreflist;
    uint32_t version;             /* changes when the code is replaced / invalidated */
    void *jit_data;               /* reserved for the JIT (per-code trace anchors) */
};
extern KrType kr_code_type;

/* Creates a code object; steals nothing: arrays are copied, objects increfed. */
typedef struct {
    const KrCodeUnit *code;
    kr_ssize ncodeunits;
    KrObject *consts, *names, *localsplusnames;
    const uint8_t *localspluskinds;
    int argcount, posonlyargcount, kwonlyargcount, stacksize, flags, firstlineno;
    KrObject *filename, *name, *qualname;
    const KrExcTableEntry *exctable;
    int nexctable;
    const KrCodeLocation *locations;
} KrCodeSpec;
KrObject *kr_code_new(const KrCodeSpec *spec);
int kr_code_addr_to_line(KrCode *co, int code_unit_offset);
/* Looks up the handler for the instruction at `offset`; returns 0 if none. */
int kr_code_find_handler(KrCode *co, int offset, KrExcTableEntry *out);

/* ---------------------------------------------------------------------------
 * Interpreter frames (frame.c, ceval.c): a contiguous per-thread stack of KrFrame
 * records; Python-to-Python calls push one and continue in the same C loop.
 * ------------------------------------------------------------------------- */
enum {
    KR_FRAME_OWNED_BY_THREAD = 0,
    KR_FRAME_OWNED_BY_GENERATOR = 1,
    KR_FRAME_OWNED_BY_FRAME_OBJECT = 2,
};

struct KrFrame {
    KrObject *func;           /* KrFunction, strong */
    KrCode *code;             /* strong */
    KrObject *globals;        /* borrowed from func */
    KrObject *builtins;       /* borrowed from func */
    KrObject *locals;         /* strong; dict for module/class bodies and exec, else NULL */
    KrFrame *previous;        /* caller (NULL at the bottom, and for suspended generators) */
    /* The last code unit the frame consumed (CPython 3.12's prev_instr): the current
     * instruction while it runs, its last inline cache entry while a callee runs,
     * code->code - 1 before the first instruction. Execution resumes at instr_ptr + 1. */
    KrCodeUnit *instr_ptr;
    int stacktop;             /* index into localsplus of the first free stack slot */
    uint8_t owner;            /* KR_FRAME_OWNED_BY_* */
    uint8_t is_entry;         /* returning from this frame leaves the C eval loop */
    uint16_t return_kind;     /* KR_RETURN_*: what a returning callee does to this frame */
    int return_offset;        /* code units to skip in this frame when a callee returns */
    int _pad;
    KrObject *frame_obj;      /* lazily created Python frame object (strong) */
    KrObject *localsplus[];   /* locals, cells, frees, then the value stack */
};
/* How a callee's RETURN_VALUE resumes its caller: push the value (CALL, SEND), or for
 * a generator driven by FOR_ITER, pop the iterator and take the loop exit. */
enum { KR_RETURN_PUSH = 0, KR_RETURN_FOR_ITER = 1 };
static inline int kr_frame_nslots(KrCode *co) { return co->nlocalsplus + co->stacksize; }

/* Frame objects visible from Python (sys._getframe, tracebacks). Variable-size: the
 * frame is copied into `owned_data` when it leaves the thread stack or its generator
 * (ob_size = localsplus slots reserved there). */
typedef struct {
    KrVarObject ob_base;
    KrFrame *frame;           /* points into the thread stack / generator while live,
                                 else at owned_data */
    KrObject *back;           /* f_back captured when the frame finished, or NULL */
    int lineno;               /* f_lineno set by a tracer (-1: compute from instr_ptr) */
    char trace_lines, trace_opcodes;
    KrObject *trace;          /* f_trace */
    KrObject *owned_data[];   /* storage for the frame (a KrFrame + its slots) */
} KrFrameObject;
extern KrType kr_frame_type;
KrObject *kr_frame_get_object(KrFrame *f); /* new ref; creates the frame object lazily */
int kr_frame_lineno(KrFrame *f);
int kr_frame_lasti(KrFrame *f);            /* code-unit offset of the current instruction */
/* Python-level frame helpers (frame.c) */
KrObject *kr_frame_locals_dict(KrFrame *f); /* new ref: f_locals (snapshot for functions) */

/* Tracebacks */
typedef struct KrTraceback {
    KR_OBJECT_HEAD;
    struct KrTraceback *next;
    KrObject *frame;          /* KrFrameObject */
    int lasti;                /* code-unit offset */
    int lineno;
} KrTraceback;
extern KrType kr_traceback_type;
KrObject *kr_traceback_new(KrObject *next, KrObject *frame, int lasti, int lineno);
/* Adds the current frame to the current exception's traceback. */
int kr_traceback_here(KrFrame *f);

/* ---------------------------------------------------------------------------
 * Generators, coroutines, async generators (genobject.c): the frame is stored
 * inline in the generator object and copied into place when resumed.
 * ------------------------------------------------------------------------- */
typedef struct {
    KrVarObject ob_base;      /* ob_size = localsplus slots of the frame */
    KrObject *name, *qualname;
    KrObject *weakreflist;
    KrObject *exc_state;      /* the generator's own handled exception while suspended */
    KrObject *exc_prev;       /* the resumer's handled exception while running */
    KrObject *finalizer;      /* async generators: the sys.set_asyncgen_hooks finalizer */
    KrObject *code;           /* the code object (kept after the frame is cleared) */
    int8_t frame_state;       /* KR_FRAME_CREATED .. KR_FRAME_CLEARED */
    int8_t running_async;     /* async gen: an asend/athrow is in progress */
    int8_t hooks_inited;
    int8_t closed;            /* async gen: aclose() finished */
    int8_t finalized;         /* tp_finalize ran (dealloc must not run it again) */
    KrObject *frame_data[];   /* a KrFrame with its localsplus */
} KrGen;
#define KR_GEN_FRAME(g) ((KrFrame *)((KrGen *)(g))->frame_data)
extern KrType kr_gen_type, kr_coro_type, kr_async_gen_type, kr_coro_wrapper_type;
enum { KR_FRAME_CREATED = 0, KR_FRAME_SUSPENDED = 1, KR_FRAME_EXECUTING = 2,
       KR_FRAME_COMPLETED = 3, KR_FRAME_CLEARED = 4 };
/* Sends `arg` into any iterator the way `yield from` does (PyIter_Send): returns 1 and
 * the yielded value, 0 and the return value (the iterator finished), or -1 with an
 * exception. Generators and coroutines resume directly; others via send()/__next__. */
int kr_gen_send(KrObject *receiver, KrObject *arg, KrObject **result);
/* sys.set_asyncgen_hooks / get_asyncgen_hooks storage (NULL = unset). */
extern KrObject *kr_async_gen_firstiter_hook, *kr_async_gen_finalizer_hook;
extern KrType kr_async_gen_asend_type, kr_async_gen_athrow_type, kr_async_gen_wrapped_type;

/* ---------------------------------------------------------------------------
 * The evaluation loop (ceval.c)
 * ------------------------------------------------------------------------- */
/* Calls a Python function: builds its frame from the vectorcall arguments. */
KrObject *kr_function_vectorcall(KrObject *func, KrObject *const *args, size_t nargsf,
                                 KrObject *kwnames);
/* Runs frames starting at `frame` until it returns (frame->is_entry is set).
 * `throwflag` resumes by raising the current exception (generator.throw). */
KrObject *kr_eval_frame(KrThreadState *ts, KrFrame *frame, int throwflag);

/* Helpers the rest of the runtime needs from the interpreter (ceval.c). */
KrObject *kr_eval_get_globals(void);  /* borrowed: globals of the running Python frame, or NULL */
KrObject *kr_eval_get_builtins(void); /* borrowed */
KrObject *kr_eval_get_locals(void);   /* new ref: locals() of the running frame (dict snapshot for functions) */
KrFrame *kr_eval_current_frame(void);

/* Eval breaker bits (KrThreadState.eval_breaker), checked at RESUME and backward jumps. */
enum {
    KR_EVAL_SIGNALS = 1u << 0,        /* a signal arrived: run kr_signals_handle() */
    KR_EVAL_GIL_DROP = 1u << 1,       /* another thread wants the GIL */
    KR_EVAL_STOP_THE_WORLD = 1u << 2, /* the GC wants every thread parked */
    KR_EVAL_ASYNC_EXC = 1u << 3,      /* an asynchronous exception is pending */
};
/* Async-signal-safe: marks a pending signal on the main thread (pystate.c). */
void kr_eval_signal_pending(void);
/* Runs the Python-level signal handlers; -1 with an exception (KeyboardInterrupt...). */
int kr_signals_handle(void); /* lifecycle.c */
/* Handles every breaker bit except KR_EVAL_SIGNALS (GIL drop, stop-the-world); set by
 * the threading code. Returns -1 with an exception set to raise it in the loop. */
extern int (*kr_eval_breaker_hook)(KrThreadState *ts, uint32_t bits);
/* Runs a class body function with `locals` as its namespace (__build_class__). */
KrObject *kr_function_call_with_locals(KrObject *func, KrObject *locals);

#endif /* KR_CODE_H */
