/* parser_internal.h - state and helpers shared by the recursive-descent parser's files
 * (parser.c: driver + statements, parser_expr.c: expressions, parser_pattern.c: match
 * patterns, parser_string.c: string literals and f-strings). Not a public header. */
#ifndef KR_PARSER_INTERNAL_H
#define KR_PARSER_INTERNAL_H

#include <stddef.h>

#include "ast.h"
#include "token.h"

/* Hard keywords; NAME tokens are classified once when fetched. */
#define KR_KEYWORD_LIST(X)                                                                    \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and") X(AS, "as")               \
    X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await") X(BREAK, "break")                 \
    X(CLASS, "class") X(CONTINUE, "continue") X(DEF, "def") X(DEL, "del") X(ELIF, "elif")     \
    X(ELSE, "else") X(EXCEPT, "except") X(FINALLY, "finally") X(FOR, "for") X(FROM, "from")   \
    X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import") X(IN, "in") X(IS, "is")               \
    X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal") X(NOT, "not") X(OR, "or") X(PASS, "pass")     \
    X(RAISE, "raise") X(RETURN, "return") X(TRY, "try") X(WHILE, "while") X(WITH, "with")     \
    X(YIELD, "yield")

enum {
    KW_NOT_KEYWORD = 0,
#define X(id, s) KW_##id,
    KR_KEYWORD_LIST(X)
#undef X
};

typedef struct {
    KrToken t;
    int kw;    /* KW_* for NAME tokens that are hard keywords, else 0 */
    int fnest; /* f-strings open at this token (FSTRING_START counts, FSTRING_END too) */
} PTok;

/* Nesting budget across expressions, statements and patterns. It bounds both the C stack
 * of the parser (the fuzzer feeds things like "-" * 100000 + "x") and the depth of the tree
 * (left-nested chains like a.b.b.b... or 1+1+1... are built by loops but make later
 * recursive passes deep). A full expression level costs KR_EXPR_COST, other levels 1. */
#define KR_PARSER_MAX_DEPTH 3000
#define KR_EXPR_COST 10

typedef struct Parser {
    KrTokenizer *tz;
    KrArena *arena;
    KrFrontendError *err;
    const char *src;
    size_t len;
    PTok **blocks; /* PTOK_BLOCK tokens each; see KR_TOK_AT */
    int ntoks, cap;
    int pos;
    int failed;       /* an error is recorded in *err */
    int fatal;        /* the error came from the tokenizer: backtracking cannot undo it */
    int generic;      /* the recorded error is the plain "invalid syntax" */
    int err_in_fstring; /* the recorded error lies inside an f-string */
    int far_line;       /* set while re-reading the rest of the file after an error */
    int depth;
    KrParseMode mode;
    int fstring_depth; /* >0 while parsing a replacement field's expression */
} Parser;

/* ---- tokens (parser.c) ---- */
#define PTOK_BLOCK 256
#define PTOK_AT(p, i) (&(p)->blocks[(i) / PTOK_BLOCK][(i) % PTOK_BLOCK])
const PTok *kr_parser_peek(Parser *p, int k);
#define CUR(p) (kr_parser_peek((p), 0))
#define PEEK(p, k) (kr_parser_peek((p), (k)))
#define CUR_TYPE(p) (CUR(p)->t.type)
int kr_parser_at(Parser *p, KrTokenType type);     /* current token has this type */
int kr_parser_at_kw(Parser *p, int kw);            /* current token is this keyword */
int kr_parser_at_name(Parser *p);                  /* NAME that is not a hard keyword */
int kr_parser_at_soft(Parser *p, const char *kw);  /* NAME spelled kw (soft keyword) */
const PTok *kr_parser_next(Parser *p);             /* consume, return consumed token */
const PTok *kr_parser_prev(Parser *p);             /* last consumed token */
int kr_parser_accept(Parser *p, KrTokenType type); /* consume if current has type */
int kr_parser_accept_kw(Parser *p, int kw);
const PTok *kr_parser_expect(Parser *p, KrTokenType type); /* or "invalid syntax" */
const PTok *kr_parser_expect_kw(Parser *p, int kw);
const char *kr_parser_name(Parser *p);              /* expect identifier, return its text */

/* ---- errors (parser.c) ---- */
void kr_parser_error_at(Parser *p, KrFrontendErrorKind kind, int lineno, int col, int end_lineno,
                        int end_col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
void kr_parser_error_node(Parser *p, const KrAstNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void kr_parser_error_tok(Parser *p, const PTok *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void kr_parser_syntax_error(Parser *p); /* "invalid syntax" at the current token */
void kr_parser_nomem(Parser *p);
int kr_parser_enter(Parser *p); /* depth check; 0 on overflow (error set) */
int kr_parser_enter_n(Parser *p, int cost);
#define LEAVE(p) ((p)->depth--)
#define LEAVE_N(p, n) ((p)->depth -= (n))

/* ---- node construction ---- */
KrAstNode *kr_parser_node(Parser *p, KrAstKind kind, const PTok *start); /* ends at prev */
KrAstNode *kr_parser_node_span(Parser *p, KrAstKind kind, const KrAstNode *from,
                               const KrAstNode *to);
/* only for nodes made by the two functions above */
int kr_parser_is_parenthesized(const KrAstNode *n);
void kr_parser_set_parenthesized(KrAstNode *n);

/* growable node list; copied into the arena when finished */
typedef struct {
    KrAstNode **items;
    int n, cap;
    KrAstNode *small[8];
} NodeVec;
void kr_vec_init(NodeVec *v);
int kr_vec_push(Parser *p, NodeVec *v, KrAstNode *n);
KrAstSeq kr_vec_finish(Parser *p, NodeVec *v);
void kr_vec_free(NodeVec *v);
KrAstSeq kr_seq1(Parser *p, KrAstNode *n);

/* ---- expressions (parser_expr.c) ---- */
KrAstNode *kr_parse_expression(Parser *p);          /* expression (incl. lambda, ternary) */
KrAstNode *kr_parse_named_expression(Parser *p);    /* walrus allowed */
KrAstNode *kr_parse_star_expressions(Parser *p);    /* a, *b, c -> Tuple */
KrAstNode *kr_parse_star_named_expression(Parser *p);
KrAstNode *kr_parse_star_named_expressions(Parser *p); /* subject of match, tuple cover */
KrAstNode *kr_parse_yield_expr(Parser *p);
KrAstNode *kr_parse_bitwise_or(Parser *p);
KrAstNode *kr_parse_disjunction(Parser *p);
KrAstNode *kr_parse_primary(Parser *p);
KrAstNode *kr_parse_arguments(Parser *p, const PTok *lpar, KrAstNode *func, int allow_genexp);
KrAstNode *kr_parse_params(Parser *p, int is_lambda); /* `arguments` node, up to ')' or ':' */
KrAstNode *kr_parse_star_targets(Parser *p, int ctx);
KrAstNode *kr_parse_star_target(Parser *p, int ctx);  /* one target: with ... as X */
KrAstNode *kr_parse_for_targets(Parser *p);          /* star_targets, then at 'in' */
KrAstSeq kr_parse_type_params(Parser *p);            /* after '[' seen at current */
/* set Store/Del contexts; on an invalid target reports "cannot assign to X" / "cannot delete X"
 * and returns 0 */
int kr_set_context(Parser *p, KrAstNode *e, int ctx);
/* the first sub-expression that cannot be a target (NULL if all valid) */
const KrAstNode *kr_invalid_target(const KrAstNode *e, int ctx);
const char *kr_expr_name(const KrAstNode *e);
int kr_at_comp_for(Parser *p);
KrAstSeq kr_parse_comp_for(Parser *p);
/* an element ended where ',' or a closer was expected: "Perhaps you forgot a comma?" or
 * "invalid syntax" */
void kr_parser_bracket_error(Parser *p, const KrAstNode *a);

/* ---- strings (parser_string.c) ---- */
KrAstNode *kr_parse_strings(Parser *p); /* one or more STRING/FSTRING tokens */

/* ---- patterns (parser_pattern.c) ---- */
KrAstNode *kr_parse_patterns(Parser *p); /* the pattern of a case clause */

/* ---- statements (parser.c) ---- */
KrAstSeq kr_parse_block(Parser *p, const char *what, int what_line);

#endif /* KR_PARSER_INTERNAL_H */
