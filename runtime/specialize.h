/* specialize.h - the specialising adaptive interpreter's private interface (PEP 659's
 * idea): inline-cache layouts and accessors, the adaptive counter with exponential
 * back-off, the specialisers called by the generic instructions (specialize.c), the
 * -X stats counters (stats.c) and the trace/profile hooks (trace.c). */
#ifndef KR_SPECIALIZE_H
#define KR_SPECIALIZE_H

#include <string.h>

#include "krait.h"

/* ---------------------------------------------------------------------------
 * Writing code. Every store into a code object's wordcode after it was created
 * (specialised opcodes, cache entries, counters) goes through these, so the
 * free-threaded build publishes them atomically: relaxed stores for cache data,
 * release for the opcode word written last (a reader that sees the new opcode sees
 * its caches). Readers use plain loads (races on these words are benign: every
 * specialised instruction re-checks its guards).
 * ------------------------------------------------------------------------- */
#define KR_CODE_STORE(p, v) __atomic_store_n((p), (KrCodeUnit)(v), __ATOMIC_RELAXED)
#define KR_CODE_PUBLISH(p, v) __atomic_store_n((p), (KrCodeUnit)(v), __ATOMIC_RELEASE)

static inline void kr_cache_write_u32(KrCodeUnit *p, uint32_t v) {
    KR_CODE_STORE(&p[0], v & 0xFFFF);
    KR_CODE_STORE(&p[1], v >> 16);
}
/* 48 bits: dict versions come from one 64-bit process-wide counter, so the low 48
 * bits never repeat in practice (2.8e14 dict mutations). */
static inline void kr_cache_write_u48(KrCodeUnit *p, uint64_t v) {
    KR_CODE_STORE(&p[0], v & 0xFFFF);
    KR_CODE_STORE(&p[1], (v >> 16) & 0xFFFF);
    KR_CODE_STORE(&p[2], (v >> 32) & 0xFFFF);
}
static inline void kr_cache_write_ptr(KrCodeUnit *p, const void *ptr) {
    uint64_t v = (uint64_t)(uintptr_t)ptr;
    for (int i = 0; i < 4; i++) KR_CODE_STORE(&p[i], (v >> (16 * i)) & 0xFFFF);
}
static inline uint32_t kr_cache_read_u32(const KrCodeUnit *p) {
    uint32_t v;
    memcpy(&v, p, 4);
    return v;
}
static inline uint64_t kr_cache_read_u48(const KrCodeUnit *p) {
    uint32_t lo;
    memcpy(&lo, p, 4);
    return (uint64_t)lo | ((uint64_t)p[2] << 32);
}
static inline void *kr_cache_read_ptr(const KrCodeUnit *p) {
    uint64_t v;
    memcpy(&v, p, 8);
    return (void *)(uintptr_t)v;
}
#define KR_VERSION48(v) ((uint64_t)(v) & 0xFFFFFFFFFFFFull)

/* Cache layouts (offsets from the first cache entry; entry 0 is always the counter). */
enum {
    KR_LG_GLOBALS_VER = 1,  /* LOAD_GLOBAL: u48 */
    KR_LG_BUILTINS_VER = 4, /* u48 */
    KR_LG_VALUE = 7,        /* ptr (borrowed: the dict keeps it while its version holds) */
    KR_LA_TYPE_VER = 1,     /* LOAD_ATTR: u32 type version */
    KR_LA_DICT_VER = 1,     /* LOAD_ATTR_MODULE: u48 module dict version */
    KR_LA_PTR = 5,          /* ptr: descriptor / value; or u16 slot offset */
    KR_SA_TYPE_VER = 1,     /* STORE_ATTR: u32 type version */
    KR_SA_OFFSET = 3,       /* u16 slot offset */
    KR_CALL_VER = 1,        /* CALL: u32 function or type version */
};

/* ---------------------------------------------------------------------------
 * The adaptive counter: cache entry 0 of every specialisable instruction.
 * High 4 bits: back-off exponent; low 12 bits: executions (or misses) counted so
 * far. Zero (how the compiler emits it) means "warming up": the first attempt
 * comes after 8 executions, as in CPython. A failed attempt doubles the wait; a
 * success leaves a cooldown of 52 misses before the instruction is re-examined.
 * ------------------------------------------------------------------------- */
extern const uint16_t kr_spec_threshold[16];
#define KR_COUNTER_READY(c) (((c) & 0xFFF) >= kr_spec_threshold[(c) >> 12])
#define KR_COUNTER_COOLDOWN ((uint16_t)((3u << 12) | 12u)) /* threshold 64: 52 to go */

/* Specialisers: each examines the operands of the generic instruction at `instr`,
 * rewrites it into a specialised form (filling its caches) or records the failure
 * with back-off. They never raise: an error met while looking is cleared. */
void kr_specialize_load_global(KrCodeUnit *instr, KrObject *globals, KrObject *builtins,
                               KrObject *name);
void kr_specialize_load_attr(KrCodeUnit *instr, KrObject *owner, KrObject *name);
void kr_specialize_store_attr(KrCodeUnit *instr, KrObject *owner, KrObject *name);
void kr_specialize_binary_op(KrCodeUnit *instr, KrObject *lhs, KrObject *rhs, int oparg);
void kr_specialize_compare_op(KrCodeUnit *instr, KrObject *lhs, KrObject *rhs, int oparg);
void kr_specialize_contains_op(KrCodeUnit *instr, KrObject *container);
void kr_specialize_binary_subscr(KrCodeUnit *instr, KrObject *container, KrObject *sub);
void kr_specialize_store_subscr(KrCodeUnit *instr, KrObject *container, KrObject *sub);
void kr_specialize_call(KrCodeUnit *instr, KrObject *callable, KrObject *self_or_null,
                        int nargs, KrObject *kwnames);
void kr_specialize_for_iter(KrCodeUnit *instr, KrObject *iter);
void kr_specialize_unpack_sequence(KrCodeUnit *instr, KrObject *seq, int n);

/* The builtins CALL_LEN / CALL_ISINSTANCE recognise (set on first use). */
extern KrObject *kr_spec_builtin_len, *kr_spec_builtin_isinstance;
extern KrMethodDef *kr_spec_list_append_def; /* list.append (CALL_LIST_APPEND) */

/* Iterator layouts of list.c / tuple.c that FOR_ITER_LIST/TUPLE step directly
 * (mirrors KrListIter / KrTupleIter: index of the next item, the sequence or NULL
 * once exhausted). */
typedef struct {
    KR_OBJECT_HEAD;
    kr_ssize index;
    KrObject *seq;
} KrSeqIterLayout;

/* ---------------------------------------------------------------------------
 * -X stats (stats.c). kr_stats_enabled is read when kr_eval_frame starts (and at
 * eval-breaker checks) to choose the counting dispatch table; misses are counted in
 * the (cold) deopt path, specialisation attempts in the specialiser.
 * ------------------------------------------------------------------------- */
extern int kr_stats_enabled, kr_stats_checked;
typedef struct {
    uint64_t exec[256];     /* instructions executed, by opcode (incl. specialised) */
    uint64_t miss[256];     /* guard failures, by specialised opcode */
    uint64_t deopt[256];    /* specialised -> generic rewrites, by specialised opcode */
    uint64_t attempts[256]; /* specialisation attempts, by generic opcode */
    uint64_t successes[256];
    uint64_t failures[256];
} KrStats;
extern KrStats kr_stats;
/* Records a failed attempt for the family `base` with a reason ("not an instance dict"). */
void kr_stats_fail(int base, const char *reason);
/* Counts one taken JUMP_BACKWARD (called from the counting dispatch only). */
void kr_stats_backedge(KrCode *co, const KrCodeUnit *instr);
/* Reads sys._xoptions (once it exists) and registers the exit report for -X stats. */
void kr_stats_init_from_xoptions(void);
/* Prints the report to stderr (also callable as sys._stats()). */
void kr_stats_dump(void);

/* ---------------------------------------------------------------------------
 * sys.settrace / sys.setprofile (trace.c). Zero cost when off: setting either
 * function raises KR_EVAL_TRACE on the thread's eval breaker; the loop then switches
 * to the instrumented dispatch table (every instruction passes kr_trace_instr) and
 * back when both are cleared.
 * ------------------------------------------------------------------------- */
#define KR_EVAL_TRACE (1u << 4)
typedef struct {
    KrObject *trace_func;   /* sys.settrace's function (strong) */
    KrObject *profile_func; /* sys.setprofile's function (strong) */
    int tracing;            /* >0 while a trace/profile function runs (no events) */
    int active;             /* trace_func || profile_func */
} KrTraceState;
extern _Thread_local KrTraceState kr_trace_state;
/* Before an instruction in instrumented mode: call/line/opcode events. `instr` is the
 * instruction about to run. -1 with an exception set if the tracer raised. */
int kr_trace_instr(KrThreadState *ts, KrFrame *f, KrCodeUnit *instr);
/* 'return' (value, or NULL when unwinding: None is passed). */
int kr_trace_return(KrThreadState *ts, KrFrame *f, KrObject *value);
/* 'exception' for the current exception, raised in f. */
int kr_trace_exception(KrThreadState *ts, KrFrame *f);
/* Calls a C callable with c_call / c_return / c_exception profile events. */
KrObject *kr_trace_c_call(KrThreadState *ts, KrFrame *f, KrObject *callable,
                          KrObject *const *args, size_t nargsf, KrObject *kwnames);
/* Offset + 1 of the frame's previously traced instruction (0: none yet), kept in the
 * frame's spare word while tracing (line-event bookkeeping). */
#define KR_FRAME_TRACE_PREV(f) ((f)->_pad)

/* sys functions (registered by sysmodule.c). */
KrObject *kr_sys_settrace(KrObject *self, KrObject *func);
KrObject *kr_sys_setprofile(KrObject *self, KrObject *func);
KrObject *kr_sys_gettrace(KrObject *self, KrObject *unused);
KrObject *kr_sys_getprofile(KrObject *self, KrObject *unused);
KrObject *kr_sys_stats(KrObject *self, KrObject *unused);
extern KrMethodDef kr_trace_sys_methods[]; /* the five above, for sys's method table */

#endif /* KR_SPECIALIZE_H */
