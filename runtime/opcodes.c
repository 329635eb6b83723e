/* opcodes.c - metadata tables expanded from kr_opcodes.def: names, cache sizes,
 * flags and stack effects. */
#include "kr_opcodes.h"

const KrOpInfo kr_opcode_info[256] = {
#define KR_OP(name, pop, push, jpop, jpush, cache, flags)                                  \
    [KR_OP_##name] = {#name, cache, flags, KR_OP_##name, 0},
#define KR_SPEC(name, base)                                                                \
    [KR_OP_##name] = {#name, KR_CACHE_##base, KR_OPFLAGS_##base, KR_OP_##base, 1},
#include "kr_opcodes.def"
#undef KR_SPEC
#undef KR_OP
};

int kr_opcode_stack_pop(int opcode, int oparg, int jump) {
    (void)oparg;
    switch (opcode) {
#define KR_OP(name, pop, push, jpop, jpush, cache, flags)                                  \
    case KR_OP_##name:                                                                     \
        return jump ? (jpop) : (pop);
#define KR_SPEC(name, base)                                                                \
    case KR_OP_##name:                                                                     \
        return kr_opcode_stack_pop(KR_OP_##base, oparg, jump);
#include "kr_opcodes.def"
#undef KR_SPEC
#undef KR_OP
    default:
        return -1;
    }
}

int kr_opcode_stack_push(int opcode, int oparg, int jump) {
    (void)oparg;
    switch (opcode) {
#define KR_OP(name, pop, push, jpop, jpush, cache, flags)                                  \
    case KR_OP_##name:                                                                     \
        return jump ? (jpush) : (push);
#define KR_SPEC(name, base)                                                                \
    case KR_OP_##name:                                                                     \
        return kr_opcode_stack_push(KR_OP_##base, oparg, jump);
#include "kr_opcodes.def"
#undef KR_SPEC
#undef KR_OP
    default:
        return -1;
    }
}
