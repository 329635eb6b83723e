/* cinternal.h - private data structures shared by the compiler's files: the
 * instruction / basic-block representation, compilation units, frame blocks, and
 * the helpers codegen uses to emit instructions. Not for use outside frontend/compiler. */
#ifndef KR_COMPILER_INTERNAL_H
#define KR_COMPILER_INTERNAL_H

#include <stdint.h>

#include "compiler.h"
#include "kr_code.h"
#include "kr_runtime.h"
#include "kr_types.h"
#include "symtable.h"

/* ---- source locations ---- */
typedef struct {
    int line, end_line, col, end_col;
} Loc;
#define NO_LOC ((Loc){-1, -1, -1, -1})
static inline Loc loc_of(const KrAstNode *n) {
    return (Loc){n->lineno, n->end_lineno, n->col_offset, n->end_col_offset};
}
static inline int loc_is_none(Loc l) { return l.line < 0; }

/* ---- pseudo-instructions (compiler only; lowered by flowgraph.c / assemble.c) ---- */
enum {
    OP_SETUP_FINALLY = 256, /* push a handler: jump effect +1 (exc) */
    OP_SETUP_CLEANUP,       /* handler that also gets lasti: jump effect +2 */
    OP_SETUP_WITH,          /* like SETUP_CLEANUP, under the __enter__ result: +1 */
    OP_POP_BLOCK,           /* pop the innermost handler */
    OP_JUMP,                /* unconditional jump -> JUMP_FORWARD / JUMP_BACKWARD */
    OP_JUMP_NO_INTERRUPT,   /* -> JUMP_FORWARD / JUMP_BACKWARD_NO_INTERRUPT */
    OP__PSEUDO_END
};
static inline int is_pseudo(int op) { return op >= 256; }
static inline int is_block_push(int op) {
    return op == OP_SETUP_FINALLY || op == OP_SETUP_CLEANUP || op == OP_SETUP_WITH;
}
static inline int is_deref_op(int op) {
    return op == KR_OP_LOAD_DEREF || op == KR_OP_STORE_DEREF || op == KR_OP_DELETE_DEREF ||
           op == KR_OP_LOAD_CLOSURE || op == KR_OP_MAKE_CELL || op == KR_OP_LOAD_FROM_DICT_OR_DEREF;
}

typedef struct Block Block;
typedef struct {
    int op, arg;
    Block *target; /* jumps and SETUP_* */
    Block *except; /* handler covering this instruction (set by flowgraph.c) */
    Loc loc;
} Instr;

struct Block {
    Instr *instrs;
    int n, cap;
    Block *next;       /* layout (fallthrough) order */
    Block *alloc_next; /* every block of the unit, for freeing */
    int id;
    int startdepth; /* -1: not reached yet */
    int offset;     /* in code units, set by the assembler */
    int predecessors;
    unsigned visited : 1, preserve_lasti : 1, except_handler : 1, reachable : 1;
    void *exstack;   /* except stack while labelling handlers */
    uint64_t unsafe; /* locals possibly unbound at entry (flowgraph.c) */
};

/* ---- frame blocks: what break/continue/return must unwind ---- */
typedef enum {
    FB_WHILE_LOOP,
    FB_FOR_LOOP,
    FB_TRY_EXCEPT,
    FB_FINALLY_TRY,
    FB_FINALLY_END,
    FB_WITH,
    FB_ASYNC_WITH,
    FB_HANDLER_CLEANUP,
    FB_POP_VALUE,
    FB_EXCEPTION_HANDLER,
    FB_EXCEPTION_GROUP_HANDLER,
    FB_ASYNC_COMPREHENSION_GENERATOR,
    FB_STOP_ITERATION
} FBlockType;

typedef struct {
    FBlockType type;
    Block *block, *exit;
    const void *datum; /* FINALLY_TRY: KrAstSeq* finalbody; WITH: stmt; HANDLER_CLEANUP: name */
} FBlock;
#define MAX_FBLOCKS 20

/* ---- per-unit tables ---- */
typedef struct {
    KrObject **items;
    int n, cap;
    int *hidx; /* open-addressed hash of indexes + 1 */
    int hcap;
} ConstTable;

typedef struct {
    const char **items;
    int n, cap;
    int *hidx;
    int hcap;
} NameTable;

enum {
    SCOPE_MODULE,
    SCOPE_CLASS,
    SCOPE_FUNCTION,
    SCOPE_ASYNC_FUNCTION,
    SCOPE_LAMBDA,
    SCOPE_COMPREHENSION,
    SCOPE_TYPEPARAMS,
    SCOPE_TYPEALIAS
};

typedef struct Unit {
    struct Unit *parent;
    KrSymScope *ste;
    int scope_type;
    KrObject *name, *qualname; /* str */
    const char *private_name;
    ConstTable consts;
    NameTable names, varnames, cellvars, freevars;
    int argcount, posonlyargcount, kwonlyargcount;
    Block *blocks; /* allocation list */
    Block *entry, *cur;
    int nblocks;
    FBlock fblocks[MAX_FBLOCKS];
    int nfblocks;
    int firstlineno;
    int has_docstring;
    int nest; /* units above this one */
} Unit;

typedef struct Compiler {
    KrObject *filename;
    const char *source;
    size_t source_len;
    KrSymtable *st;
    int optimize;
    int flags; /* KR_CF_* incl. future features */
    int interactive;
    Unit *u;
    int depth;      /* recursion guard for deeply nested expressions */
    Loc future_loc; /* the last `from __future__ import` at the top of the module */
} Compiler;

/* ---- compile.c: units, tables, emission ---- */
Block *cg_new_block(Compiler *c);
void cg_use_block(Compiler *c, Block *b);
int cg_emit(Compiler *c, Loc loc, int op, int arg);
int cg_emit_jump(Compiler *c, Loc loc, int op, Block *target);
int cg_add_const(Compiler *c, KrObject *o);                 /* borrowed; returns index or -1 */
int cg_load_const(Compiler *c, Loc loc, KrObject *o);       /* borrowed */
int cg_load_const_steal(Compiler *c, Loc loc, KrObject *o); /* steals (NULL: error) */
int cg_add_name(Compiler *c, const char *name);             /* mangles; index in co_names */
int cg_add_name_raw(Compiler *c, const char *name);         /* no mangling */
const char *cg_mangle(Compiler *c, const char *name);
int cg_error(Compiler *c, Loc loc, const char *fmt, ...);
int cg_nameop(Compiler *c, Loc loc, const char *name, int ctx);
int cg_push_fblock(Compiler *c, Loc loc, FBlockType t, Block *b, Block *exit, const void *datum);
void cg_pop_fblock(Compiler *c);
int cg_stmts(Compiler *c, KrAstSeq *stmts);
int cg_stmt(Compiler *c, KrAstNode *s);
int cg_enter_scope(Compiler *c, const char *name, int scope_type, const void *key, int lineno);
void cg_exit_scope(Compiler *c);
KrObject *cg_assemble_unit(Compiler *c, int add_none); /* code object of c->u */
int cg_make_closure(Compiler *c, Loc loc, KrObject *code, int flags);
int cg_wrap_in_stopiteration_handler(Compiler *c);
int cg_call_exit_with_nones(Compiler *c, Loc loc);
int cg_add_yield_from(Compiler *c, Loc loc, int await);
int cg_unwind_fblock_stack(Compiler *c, Loc *loc, int preserve_tos, FBlock **loop);
int cg_is_docstring(Compiler *c, KrAstSeq *body);
KrObject *cg_str(const char *s, size_t n); /* str object from UTF-8 that may hold surrogates */

/* ---- compile_expr.c ---- */
int cg_expr(Compiler *c, KrAstNode *e);
int cg_exprs(Compiler *c, KrAstSeq *seq);
int cg_jump_if(Compiler *c, Loc loc, KrAstNode *e, Block *next, int cond);
int cg_call_helper(Compiler *c, Loc loc, int n, KrAstSeq *args, KrAstSeq *keywords);
int cg_compare_op(Compiler *c, Loc loc, int cmpop);
int cg_validate_keywords(Compiler *c, KrAstSeq *keywords);
int cg_lambda(Compiler *c, KrAstNode *e);
int cg_default_arguments(Compiler *c, Loc loc, KrAstNode *args);
int cg_annotations(Compiler *c, Loc loc, KrAstNode *args, KrAstNode *returns);
int cg_annotation_value(Compiler *c, KrAstNode *ann);
KrObject *cg_const_value(Compiler *c,
                         KrAstNode *e); /* new ref, NULL if not a constant (no error) */
KrObject *cg_const_from_ast(const KrAstConstant *k);
int cg_yield_op(Compiler *c, Loc loc);
Loc cg_update_start_to_attr(Loc loc, KrAstNode *attr);

/* ---- compile_flow.c ---- */
int cg_for(Compiler *c, KrAstNode *s);
int cg_async_for(Compiler *c, KrAstNode *s);
int cg_while(Compiler *c, KrAstNode *s);
int cg_try(Compiler *c, KrAstNode *s);
int cg_try_star(Compiler *c, KrAstNode *s);
int cg_with(Compiler *c, KrAstNode *s, int pos);
int cg_async_with(Compiler *c, KrAstNode *s, int pos);
int cg_return(Compiler *c, KrAstNode *s);
int cg_break(Compiler *c, KrAstNode *s);
int cg_continue(Compiler *c, KrAstNode *s);

/* ---- compile_pattern.c ---- */
int cg_match(Compiler *c, KrAstNode *s);

/* ---- flowgraph.c / assemble.c ---- */
/* Runs the CFG passes on c->u and builds the code object. */
int fg_optimize(Compiler *c, Unit *u, int code_flags, int *stacksize);
KrObject *asm_build_code(Compiler *c, Unit *u, int code_flags, int stacksize);
int fg_stack_pop(int op, int arg, int jump);
int fg_stack_push(int op, int arg, int jump);

#define RETURN_IF_ERROR(x)                                                                         \
    do {                                                                                           \
        if ((x) < 0) return -1;                                                                    \
    } while (0)
#define EMIT(c, loc, op, arg) RETURN_IF_ERROR(cg_emit((c), (loc), KR_OP_##op, (arg)))
#define EMIT_JUMP(c, loc, op, target) RETURN_IF_ERROR(cg_emit_jump((c), (loc), (op), (target)))
#define VISIT(c, e) RETURN_IF_ERROR(cg_expr((c), (e)))
#define NEW_BLOCK(c, name)                                                                         \
    Block *name = cg_new_block(c);                                                                 \
    if (!name) return -1
#define USE_BLOCK(c, b) cg_use_block((c), (b))

#define STACK_USE_GUIDELINE 30

#endif /* KR_COMPILER_INTERNAL_H */
