/* ceval_macros.h - the eval loop's dispatch machinery: computed goto (GCC/Clang) or a
 * plain switch, chosen here and only here, plus the stack and frame-register macros
 * the instruction handlers in ceval.c are written with. */
#ifndef KR_CEVAL_MACROS_H
#define KR_CEVAL_MACROS_H

/* Define KR_EVAL_USE_SWITCH to build the portable switch-based loop. */
#if defined(__GNUC__) && !defined(KR_EVAL_USE_SWITCH)
#define KR_COMPUTED_GOTO 1
#else
#define KR_COMPUTED_GOTO 0
#endif

/* TARGET(op) opens a handler; it steps over the instruction's inline caches first, so
 * jumps (relative to the end of the caches) and falls-through need no extra work. A
 * handler whose label is missing fails to compile in the computed-goto build, because
 * the dispatch table (expanded from kr_opcodes.def) names every TARGET_ label. */
#if KR_COMPUTED_GOTO
#define TARGET(op)                                                                         \
    TARGET_##op:                                                                           \
    next_instr += KR_CACHE_##op;
/* `dt` is the table chosen at entry: the plain one, the -X stats counting one or
 * the tracing one (every entry of the last two is a stub that ends in
 * DISPATCH_REAL()). */
#define DISPATCH_GOTO() goto *dt[opcode]
#define DISPATCH_REAL() goto *dispatch_table[opcode]
#else
#define TARGET(op)                                                                         \
    case KR_OP_##op:                                                                       \
        next_instr += KR_CACHE_##op;
#define DISPATCH_GOTO()                                                                    \
    do {                                                                                   \
        if (dispatch_mode) goto dispatch_stub;                                             \
        goto dispatch_switch;                                                              \
    } while (0)
#define DISPATCH_REAL() goto dispatch_switch
#endif

/* Fetches the next instruction, records it as the frame's current one, dispatches. */
#define DISPATCH()                                                                         \
    do {                                                                                   \
        frame->instr_ptr = next_instr;                                                     \
        KrCodeUnit word_ = *next_instr++;                                                  \
        opcode = KR_CU_OP(word_);                                                          \
        oparg = KR_CU_ARG(word_);                                                          \
        DISPATCH_GOTO();                                                                   \
    } while (0)

#define JUMPBY(n) (next_instr += (n))
#define INSTR_OFFSET() ((int)(frame->instr_ptr - first_instr))

/* Value stack */
#define STACK_BASE() (localsplus + code->nlocalsplus)
#define STACK_LEVEL() ((int)(sp - STACK_BASE()))
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define STACK_SHRINK(n) (sp -= (n))
#define GETLOCAL(i) (localsplus[i])

/* (Re)loads the registers that mirror the current frame. */
#define LOAD_FRAME_REGISTERS()                                                             \
    do {                                                                                   \
        code = frame->code;                                                                \
        first_instr = code->code;                                                          \
        localsplus = frame->localsplus;                                                    \
        sp = localsplus + frame->stacktop;                                                 \
        consts = KR_TUPLE_ITEMS(code->consts);                                             \
        names = KR_TUPLE_ITEMS(code->names);                                               \
    } while (0)

#define SAVE_SP() (frame->stacktop = (int)(sp - localsplus))

/* The breaker also carries KR_EVAL_TRACE (settrace/setprofile changed): the dispatch
 * table is re-chosen after handling it. */
#define CHECK_EVAL_BREAKER()                                                               \
    do {                                                                                   \
        if (atomic_load_explicit(&ts->eval_breaker, memory_order_relaxed)) {               \
            SELECT_DISPATCH();                                                             \
            if (kr_ceval_handle_eval_breaker(ts) < 0) goto error;                          \
        }                                                                                  \
    } while (0)

/* ---- specialisation (PEP 659) ---- */
/* In a generic instruction with an inline cache: count this execution; when the
 * counter is ready, let the specialiser rewrite the instruction and re-dispatch it
 * (same oparg) so that the new form runs now. */
#define MAYBE_SPECIALIZE(SPECIALIZE_CALL)                                                  \
    do {                                                                                   \
        KrCodeUnit *this_ = frame->instr_ptr;                                              \
        uint16_t c_ = this_[1];                                                            \
        if (__builtin_expect(KR_COUNTER_READY(c_), 0)) {                                   \
            SPECIALIZE_CALL;                                                               \
            next_instr = this_ + 1;                                                        \
            opcode = KR_CU_OP(*this_);                                                     \
            DISPATCH_REAL();                                                               \
        }                                                                                  \
        KR_CODE_STORE(&this_[1], c_ + 1);                                                  \
    } while (0)
/* The instruction's first cache entry (next_instr is past all of them in a handler). */
#define CACHE_BASE(op) (next_instr - KR_CACHE_##op)
/* A failed guard in a specialised instruction: run the generic one (which counts the
 * miss towards re-specialisation). */
#define DEOPT_IF(cond, BASE)                                                               \
    do {                                                                                   \
        if (__builtin_expect((cond), 0)) {                                                 \
            if (kr_stats_enabled) kr_stats.miss[opcode]++;                                 \
            goto deopt_##BASE;                                                             \
        }                                                                                  \
    } while (0)

#define ERROR_IF(cond)                                                                     \
    do {                                                                                   \
        if (cond) goto error;                                                              \
    } while (0)

#endif /* KR_CEVAL_MACROS_H */
