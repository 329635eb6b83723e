/* ast.h - the abstract syntax tree: C structs expanded from ast.def, allocated in an
 * arena. The front end is independent of the object model: constants are kept as
 * plain C data (KrAstConstant) and turned into objects by the compiler. */
#ifndef KR_AST_H
#define KR_AST_H

#include <stddef.h>
#include <stdint.h>

/* ---- arena: every AST allocation lives until the arena is freed ---- */
typedef struct KrArena KrArena;
KrArena *kr_arena_new(void);
void kr_arena_free(KrArena *a);
void *kr_arena_alloc(KrArena *a, size_t n);          /* zeroed, 16-byte aligned; NULL on OOM */
char *kr_arena_strndup(KrArena *a, const char *s, size_t n);

typedef struct KrAstNode KrAstNode;
typedef struct {
    int n;
    KrAstNode **items;
} KrAstSeq;            /* sequence of nodes */
typedef struct {
    int n;
    const char **items;
} KrAstIdentSeq;       /* sequence of identifiers (Global, Nonlocal, MatchClass.kwd_attrs) */
typedef struct {
    int n;
    int *items;
} KrAstCmpopSeq;

typedef enum {
    KR_CONST_NONE, KR_CONST_TRUE, KR_CONST_FALSE, KR_CONST_ELLIPSIS,
    KR_CONST_INT,     /* text: the literal as written minus underscores, with 0x/0o/0b prefix kept */
    KR_CONST_FLOAT,   /* f */
    KR_CONST_IMAG,    /* f: the imaginary part */
    KR_CONST_STR,     /* bytes/size: decoded UTF-8 (escapes processed; may hold surrogates) */
    KR_CONST_BYTES,   /* bytes/size: raw byte values */
} KrAstConstKind;
typedef struct {
    KrAstConstKind kind;
    double f;
    const char *text;   /* INT */
    const char *bytes;  /* STR, BYTES (arena, NUL-terminated too) */
    size_t size;
} KrAstConstant;

/* Enumerations, in ASDL order (the `ast` module exposes the same order) */
typedef enum { KR_CTX_LOAD = 1, KR_CTX_STORE, KR_CTX_DEL } KrAstExprContext;
typedef enum { KR_BOOLOP_AND = 1, KR_BOOLOP_OR } KrAstBoolop;
typedef enum {
    KR_OPERATOR_ADD = 1, KR_OPERATOR_SUB, KR_OPERATOR_MULT, KR_OPERATOR_MATMULT,
    KR_OPERATOR_DIV, KR_OPERATOR_MOD, KR_OPERATOR_POW, KR_OPERATOR_LSHIFT,
    KR_OPERATOR_RSHIFT, KR_OPERATOR_BITOR, KR_OPERATOR_BITXOR, KR_OPERATOR_BITAND,
    KR_OPERATOR_FLOORDIV
} KrAstOperator;
typedef enum { KR_UNARYOP_INVERT = 1, KR_UNARYOP_NOT, KR_UNARYOP_UADD, KR_UNARYOP_USUB } KrAstUnaryop;
typedef enum {
    KR_CMPOP_EQ = 1, KR_CMPOP_NOTEQ, KR_CMPOP_LT, KR_CMPOP_LTE, KR_CMPOP_GT, KR_CMPOP_GTE,
    KR_CMPOP_IS, KR_CMPOP_ISNOT, KR_CMPOP_IN, KR_CMPOP_NOTIN
} KrAstCmpop;

/* C types of the field kinds named in ast.def */
typedef KrAstNode *KrAstF_NODE;
typedef KrAstNode *KrAstF_NODE_OPT;
typedef KrAstSeq KrAstF_SEQ;
typedef const char *KrAstF_IDENT;
typedef const char *KrAstF_IDENT_OPT;
typedef KrAstIdentSeq KrAstF_IDENT_SEQ;
typedef const char *KrAstF_STRING_OPT;
typedef KrAstConstant KrAstF_CONST;
typedef int KrAstF_INT;
typedef int KrAstF_EXPR_CONTEXT;
typedef int KrAstF_BOOLOP;
typedef int KrAstF_OPERATOR;
typedef int KrAstF_UNARYOP;
typedef KrAstCmpopSeq KrAstF_CMPOP_SEQ;

typedef enum {
    KR_AST_INVALID = 0,
#define KR_AST_NODE(cat, kind, loc) KR_AST_##kind,
#define KR_AST_FIELD(kind, ftype, name)
#define KR_AST_END(kind)
#include "ast.def"
#undef KR_AST_NODE
#undef KR_AST_FIELD
#undef KR_AST_END
    KR_AST__COUNT
} KrAstKind;

struct KrAstNode {
    KrAstKind kind;
    /* 1-based lines, 0-based UTF-8 byte columns, as CPython's ast */
    int lineno, col_offset, end_lineno, end_col_offset;
    union {
#define KR_AST_NODE(cat, kind, loc) struct {
#define KR_AST_FIELD(kind, ftype, name) KrAstF_##ftype name;
#define KR_AST_END(kind) } kind;
#include "ast.def"
#undef KR_AST_NODE
#undef KR_AST_FIELD
#undef KR_AST_END
    } v;
};

/* Metadata for generic walkers (ast.c) */
typedef struct {
    const char *name;     /* "BinOp" */
    const char *category; /* "expr" */
    int has_location;
    int nfields;
    const char *const *field_names;
} KrAstKindInfo;
extern const KrAstKindInfo kr_ast_kind_info[KR_AST__COUNT];
KrAstNode *kr_ast_new(KrArena *a, KrAstKind kind, int lineno, int col, int end_lineno, int end_col);
/* ast.dump()-style text (CPython format, no indent, no attributes); malloc'ed. */
char *kr_ast_dump(const KrAstNode *node);

/* ---- errors reported by the tokenizer, parser, symbol table and compiler ---- */
typedef enum { KR_ERR_SYNTAX = 1, KR_ERR_INDENTATION, KR_ERR_TAB } KrFrontendErrorKind;
typedef struct {
    KrFrontendErrorKind kind;
    char msg[320];        /* CPython's message, e.g. "invalid syntax", "unterminated string literal (detected at line 3)" */
    int lineno, col_offset;          /* 1-based line, 0-based byte column */
    int end_lineno, end_col_offset;  /* 0 when unknown */
} KrFrontendError;

/* ---- parser entry point (parser.c) ---- */
typedef enum { KR_PARSE_FILE, KR_PARSE_EVAL, KR_PARSE_SINGLE, KR_PARSE_FUNC_TYPE } KrParseMode;
/* Returns the mod node or NULL with *err filled. Never crashes on any input. */
KrAstNode *kr_parse(const char *src, size_t len, const char *filename, KrParseMode mode,
                    KrArena *arena, KrFrontendError *err);

#endif /* KR_AST_H */
