/* symtable.h - the symbol table: scopes built from the AST and every name's scope
 * (local, global, free, cell) resolved the way CPython 3.12 resolves them. Object-free:
 * it works on C strings and reports errors through KrFrontendError. */
#ifndef KR_SYMTABLE_H
#define KR_SYMTABLE_H

#include "ast.h"

/* How a name is used in one block (bit flags) */
enum {
    KR_DEF_GLOBAL = 1 << 0,     /* global statement */
    KR_DEF_LOCAL = 1 << 1,      /* assigned in this block */
    KR_DEF_PARAM = 1 << 2,      /* formal parameter */
    KR_DEF_NONLOCAL = 1 << 3,   /* nonlocal statement */
    KR_USE = 1 << 4,            /* read */
    KR_DEF_FREE = 1 << 5,       /* free in this block (unused by analysis) */
    KR_DEF_FREE_CLASS = 1 << 6, /* free variable of a class method that the class binds */
    KR_DEF_IMPORT = 1 << 7,     /* bound by import */
    KR_DEF_ANNOT = 1 << 8,      /* annotated */
    KR_DEF_COMP_ITER = 1 << 9,  /* comprehension iteration variable */
    KR_DEF_TYPE_PARAM = 1 << 10,
    KR_DEF_BOUND = KR_DEF_LOCAL | KR_DEF_PARAM | KR_DEF_IMPORT,
};

/* Resolved scope of a name (stored in the flags above bit KR_SCOPE_SHIFT) */
enum {
    KR_SC_NONE = 0,
    KR_SC_LOCAL = 1,
    KR_SC_GLOBAL_EXPLICIT,
    KR_SC_GLOBAL_IMPLICIT,
    KR_SC_FREE,
    KR_SC_CELL
};
#define KR_SCOPE_SHIFT 12
#define KR_SCOPE_MASK 7

typedef enum {
    KR_BLOCK_MODULE,
    KR_BLOCK_CLASS,
    KR_BLOCK_FUNCTION,   /* def, lambda, comprehension */
    KR_BLOCK_TYPEPARAMS, /* PEP 695 annotation scope holding type parameters */
    KR_BLOCK_TYPEALIAS,  /* PEP 695 lazily evaluated `type X = ...` value */
} KrBlockType;

enum { KR_COMP_NONE = 0, KR_COMP_LIST, KR_COMP_SET, KR_COMP_DICT, KR_COMP_GEN };

typedef struct {
    const char *name; /* mangled */
    int flags;        /* KR_DEF_* | scope << KR_SCOPE_SHIFT */
} KrSymbol;

typedef struct KrSymScope KrSymScope;
struct KrSymScope {
    KrBlockType type;
    const char *name;
    const void *key; /* the AST node (or field) this block belongs to */
    int lineno, col_offset;
    KrSymbol *syms; /* in order of first appearance */
    int nsyms, capsyms;
    int *index; /* open-addressed hash of syms (indexes + 1) */
    int indexcap;
    const char **varnames; /* parameters in order */
    int nvarnames, capvarnames;
    KrSymScope **children;
    int nchildren, capchildren;
    KrSymScope *parent;
    /* directive locations (global/nonlocal), for error messages */
    struct KrSymDirective {
        const char *name;
        int lineno, col, end_lineno, end_col;
    } * directives;
    int ndirectives, capdirectives;
    unsigned nested : 1, generator : 1, coroutine : 1, varargs : 1, varkeywords : 1,
        returns_value : 1, needs_class_closure : 1, needs_classdict : 1, child_free : 1,
        has_free : 1, can_see_class_scope : 1, has_docstring : 1;
    int comprehension;        /* KR_COMP_* */
    int comp_iter_target;     /* visiting a comprehension's target */
    int comp_iter_expr;       /* visiting a comprehension's iterable */
    const char *private_name; /* class name for mangling inside this block */
};

typedef struct KrSymtable KrSymtable;

/* Builds and analyses the table. future_flags: KR_FUTURE_* (future annotations). Returns
 * NULL with *err filled on a SyntaxError, or NULL with err->kind == 0 on out of memory. */
KrSymtable *kr_symtable_build(KrAstNode *mod, int future_flags, KrFrontendError *err);
void kr_symtable_free(KrSymtable *st);
KrSymScope *kr_symtable_top(KrSymtable *st);
KrSymScope *kr_symtable_lookup(KrSymtable *st, const void *key);
/* Flags of a (mangled) name in a block; 0 if absent. */
int kr_symtable_flags(KrSymScope *s, const char *name);
static inline int kr_symtable_scope(KrSymScope *s, const char *name) {
    return (kr_symtable_flags(s, name) >> KR_SCOPE_SHIFT) & KR_SCOPE_MASK;
}
/* Private-name mangling: "__x" inside class "C" -> "_C__x". Returns `name` itself when no
 * mangling applies, otherwise a string allocated from the table (st may not be NULL). */
const char *kr_symtable_mangle(KrSymtable *st, const char *private_name, const char *name);
/* Copies n bytes into memory owned by the table (lives until kr_symtable_free). */
const char *kr_symtable_strdup(KrSymtable *st, const char *s, size_t n);
/* True for blocks that have fast locals (functions, lambdas, comprehensions, PEP 695 scopes). */
static inline int kr_symtable_is_function_like(const KrSymScope *s) {
    return s->type == KR_BLOCK_FUNCTION || s->type == KR_BLOCK_TYPEPARAMS ||
           s->type == KR_BLOCK_TYPEALIAS;
}

/* Keys used for PEP 695 scopes (distinct addresses inside the owning node) */
#define KR_SYMKEY_TYPEPARAMS(node) ((const void *)((const char *)(node) + 1))
#define KR_SYMKEY_TYPEALIAS_VALUE(node) ((const void *)((const char *)(node) + 2))

/* err->msg when the AST nests too deeply (the compiler raises RecursionError) */
#define KR_SYMTABLE_RECURSION_MSG "maximum recursion depth exceeded during compilation"

enum { KR_FUTURE_ANNOTATIONS = 0x1000000 }; /* CO_FUTURE_ANNOTATIONS value */

#endif /* KR_SYMTABLE_H */
