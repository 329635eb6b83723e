/* kr_opcodes.h - the opcode enum and metadata tables generated from kr_opcodes.def,
 * plus the intrinsic-function numbering. Everything that needs to know about
 * instructions (compiler, interpreter, dis, JIT recorder) includes this. */
#ifndef KR_OPCODES_H
#define KR_OPCODES_H

#include <stdint.h>

enum {
    KR_OPF_ARG = 1 << 0,           /* uses its argument */
    KR_OPF_CONST = 1 << 1,         /* argument indexes co_consts */
    KR_OPF_NAME = 1 << 2,          /* argument indexes co_names (maybe shifted) */
    KR_OPF_LOCAL = 1 << 3,         /* argument indexes localsplus */
    KR_OPF_FREE = 1 << 4,          /* argument indexes localsplus (cell/free) */
    KR_OPF_JUMP = 1 << 5,          /* argument is a relative jump */
    KR_OPF_COMPARE = 1 << 6,
    KR_OPF_NOFALLTHROUGH = 1 << 7, /* never continues to the next instruction */
};

typedef enum {
#define KR_OP(name, pop, push, jpop, jpush, cache, flags) KR_OP_##name,
#define KR_SPEC(name, base) KR_OP_##name,
#include "kr_opcodes.def"
#undef KR_SPEC
#undef KR_OP
    KR_OP__COUNT
} KrOpcode;

/* Inline cache sizes and flags as compile-time constants, one per opcode; a
 * specialised opcode shares its generic opcode's. */
enum {
#define KR_OP(name, pop, push, jpop, jpush, cache, flags) KR_CACHE_##name = (cache),
#define KR_SPEC(name, base) KR_CACHE_##name = KR_CACHE_##base,
#include "kr_opcodes.def"
#undef KR_SPEC
#undef KR_OP
};
enum {
#define KR_OP(name, pop, push, jpop, jpush, cache, flags) KR_OPFLAGS_##name = (flags),
#define KR_SPEC(name, base) KR_OPFLAGS_##name = KR_OPFLAGS_##base,
#include "kr_opcodes.def"
#undef KR_SPEC
#undef KR_OP
};

_Static_assert(KR_OP_CACHE == 0, "CACHE must be opcode 0");
_Static_assert(KR_OP__COUNT <= 256, "opcodes must fit in a byte");

typedef struct {
    const char *name;
    uint8_t cache_entries;
    uint16_t flags;
    uint8_t base;        /* the generic opcode of the family (itself for generic ones) */
    uint8_t specialized; /* 1: written only by the specialiser (KR_SPEC) */
} KrOpInfo;

extern const KrOpInfo kr_opcode_info[256];     /* opcodes.c */
/* The generic opcode of `op`: what `dis` prints and what the compiler's tables know. */
static inline int kr_opcode_base(int op) { return kr_opcode_info[op].base; }
/* Stack effects; jump = 1 for the effect when the jump is taken. */
int kr_opcode_stack_pop(int opcode, int oparg, int jump);
int kr_opcode_stack_push(int opcode, int oparg, int jump);
static inline int kr_opcode_stack_effect(int opcode, int oparg, int jump) {
    return kr_opcode_stack_push(opcode, oparg, jump) - kr_opcode_stack_pop(opcode, oparg, jump);
}

/* Wordcode: one 16-bit unit per instruction, opcode in the low byte. */
typedef uint16_t KrCodeUnit;
#define KR_CU_OP(cu) ((cu) & 0xFF)
#define KR_CU_ARG(cu) ((cu) >> 8)
#define KR_CU_MAKE(op, arg) ((KrCodeUnit)(((op) & 0xFF) | (((arg) & 0xFF) << 8)))

/* CALL_INTRINSIC_1 arguments */
#define KR_INTRINSIC1_LIST(X)                                                              \
    X(INVALID, "INTRINSIC_1_INVALID")                                                      \
    X(PRINT, "INTRINSIC_PRINT")                 /* REPL: echo an expression's value */      \
    X(IMPORT_STAR, "INTRINSIC_IMPORT_STAR")                                                \
    X(STOPITERATION_ERROR, "INTRINSIC_STOPITERATION_ERROR") /* PEP 479 */                  \
    X(ASYNC_GEN_WRAP, "INTRINSIC_ASYNC_GEN_WRAP")                                          \
    X(UNARY_POSITIVE, "INTRINSIC_UNARY_POSITIVE")                                          \
    X(LIST_TO_TUPLE, "INTRINSIC_LIST_TO_TUPLE")                                            \
    X(TYPEVAR, "INTRINSIC_TYPEVAR")                                                        \
    X(PARAMSPEC, "INTRINSIC_PARAMSPEC")                                                    \
    X(TYPEVARTUPLE, "INTRINSIC_TYPEVARTUPLE")                                              \
    X(SUBSCRIPT_GENERIC, "INTRINSIC_SUBSCRIPT_GENERIC")                                    \
    X(TYPEALIAS, "INTRINSIC_TYPEALIAS")
/* CALL_INTRINSIC_2 arguments */
#define KR_INTRINSIC2_LIST(X)                                                              \
    X(INVALID, "INTRINSIC_2_INVALID")                                                      \
    X(PREP_RERAISE_STAR, "INTRINSIC_PREP_RERAISE_STAR")                                    \
    X(TYPEVAR_WITH_BOUND, "INTRINSIC_TYPEVAR_WITH_BOUND")                                  \
    X(TYPEVAR_WITH_CONSTRAINTS, "INTRINSIC_TYPEVAR_WITH_CONSTRAINTS")                      \
    X(SET_FUNCTION_TYPE_PARAMS, "INTRINSIC_SET_FUNCTION_TYPE_PARAMS")
enum {
#define X(n, s) KR_INTRINSIC1_##n,
    KR_INTRINSIC1_LIST(X)
#undef X
};
enum {
#define X(n, s) KR_INTRINSIC2_##n,
    KR_INTRINSIC2_LIST(X)
#undef X
};

/* RESUME arguments */
enum { KR_RESUME_AT_START = 0, KR_RESUME_AFTER_YIELD = 1, KR_RESUME_AFTER_YIELD_FROM = 2,
       KR_RESUME_AFTER_AWAIT = 3 };

#endif /* KR_OPCODES_H */
