/* parser.c - the recursive-descent parser's driver and statements: token buffer with
 * mark/reset for the few places that backtrack, error reporting with CPython's messages,
 * simple and compound statements, and kr_parse() for the four modes. Expressions live in
 * parser_expr.c, patterns in parser_pattern.c, string literals in parser_string.c. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser_internal.h"

/* ======================================================================== tokens */

static const char *const keyword_text[] = {
    "",
#define X(id, s) s,
    KR_KEYWORD_LIST(X)
#undef X
};

static int classify_keyword(const KrToken *t) {
    size_t n = (size_t)(t->end - t->start);
    if (n < 2 || n > 8) return 0;
    for (size_t i = 1; i < sizeof keyword_text / sizeof *keyword_text; i++)
        if (strlen(keyword_text[i]) == n && memcmp(keyword_text[i], t->start, n) == 0)
            return (int)i;
    return 0;
}

/* Tokens live in fixed-size blocks so pointers to them stay valid while more are read. */
static void fetch(Parser *p) {
    if (p->ntoks == p->cap) {
        int nb = p->cap / PTOK_BLOCK;
        PTok **blocks = realloc(p->blocks, sizeof(PTok *) * (nb + 1));
        PTok *blk = blocks ? malloc(sizeof(PTok) * PTOK_BLOCK) : NULL;
        if (blocks) p->blocks = blocks;
        if (!blk) {
            kr_parser_nomem(p);
            p->fatal = 1;
            return;
        }
        p->blocks[nb] = blk;
        p->cap += PTOK_BLOCK;
    }
    PTok *pt = PTOK_AT(p, p->ntoks);
    memset(pt, 0, sizeof *pt);
    if (p->ntoks > 0 && (PTOK_AT(p, p->ntoks - 1)->t.type == KR_TOK_ENDMARKER ||
                         PTOK_AT(p, p->ntoks - 1)->t.type == KR_TOK_ERRORTOKEN)) {
        *pt = *PTOK_AT(p, p->ntoks - 1);
        p->ntoks++;
        return;
    }
    KrTokenType ty = kr_tokenizer_next(p->tz, &pt->t);
    pt->t.type = ty;
    if (ty == KR_TOK_NAME) pt->kw = classify_keyword(&pt->t);
    int prev_nest = p->ntoks ? PTOK_AT(p, p->ntoks - 1)->fnest : 0;
    pt->fnest = prev_nest + (ty == KR_TOK_FSTRING_START) -
                (p->ntoks && PTOK_AT(p, p->ntoks - 1)->t.type == KR_TOK_FSTRING_END);
    if (ty == KR_TOK_ERRORTOKEN && !p->fatal && p->failed && p->err_in_fstring) {
        p->fatal = 1; /* CPython keeps an error raised inside an f-string's expression */
    } else if (ty == KR_TOK_ERRORTOKEN && !p->fatal) {
        const KrFrontendError *te = kr_tokenizer_error(p->tz);
        /* like CPython 3.12, a tokenizer error anywhere in the file wins over the parser's
         * syntax error, except that an unclosed bracket only does when the syntax error
         * is on a later line */
        size_t ml = te ? strlen(te->msg) : 0;
        int far = p->far_line ? p->far_line
                              : p->ntoks ? PTOK_AT(p, p->ntoks - 1)->t.end_lineno : 1;
        if (te && p->failed && ml > 16 && !strcmp(te->msg + ml - 16, "was never closed") &&
            far <= te->lineno) {
            p->fatal = 1;
            p->ntoks++;
            return;
        }
        if (te) *p->err = *te;
        else {
            memset(p->err, 0, sizeof *p->err);
            p->err->kind = KR_ERR_SYNTAX;
            snprintf(p->err->msg, sizeof p->err->msg, "invalid syntax");
            p->err->lineno = pt->t.lineno;
            p->err->col_offset = pt->t.col_offset;
        }
        p->failed = 1;
        p->fatal = 1;
        p->generic = 0;
    }
    p->ntoks++;
}

const PTok *kr_parser_peek(Parser *p, int k) {
    while (p->pos + k >= p->ntoks) {
        int before = p->ntoks;
        fetch(p);
        if (p->ntoks == before) { /* out of memory: stay on the last token we have */
            static const PTok end = {.t = {.type = KR_TOK_ERRORTOKEN, .start = "", .end = "", .lineno = 1, .end_lineno = 1}};
            return p->ntoks ? PTOK_AT(p, p->ntoks - 1) : &end;
        }
    }
    return PTOK_AT(p, p->pos + k);
}

int kr_parser_at(Parser *p, KrTokenType type) { return CUR(p)->t.type == type; }
int kr_parser_at_kw(Parser *p, int kw) {
    const PTok *t = CUR(p);
    return t->t.type == KR_TOK_NAME && t->kw == kw;
}
int kr_parser_at_name(Parser *p) {
    const PTok *t = CUR(p);
    return t->t.type == KR_TOK_NAME && t->kw == 0;
}
int kr_parser_at_soft(Parser *p, const char *kw) {
    const PTok *t = CUR(p);
    size_t n = strlen(kw);
    return t->t.type == KR_TOK_NAME && (size_t)(t->t.end - t->t.start) == n &&
           memcmp(t->t.start, kw, n) == 0;
}

const PTok *kr_parser_next(Parser *p) {
    const PTok *t = CUR(p);
    if (t->t.type != KR_TOK_ENDMARKER && t->t.type != KR_TOK_ERRORTOKEN && p->pos < p->ntoks)
        p->pos++;
    return t;
}

const PTok *kr_parser_prev(Parser *p) {
    if (p->pos == 0) return CUR(p);
    return PTOK_AT(p, p->pos - 1);
}

int kr_parser_accept(Parser *p, KrTokenType type) {
    if (CUR(p)->t.type != type) return 0;
    kr_parser_next(p);
    return 1;
}
int kr_parser_accept_kw(Parser *p, int kw) {
    if (!kr_parser_at_kw(p, kw)) return 0;
    kr_parser_next(p);
    return 1;
}

const PTok *kr_parser_expect(Parser *p, KrTokenType type) {
    if (CUR(p)->t.type == type) return kr_parser_next(p);
    kr_parser_syntax_error(p);
    return NULL;
}
const PTok *kr_parser_expect_kw(Parser *p, int kw) {
    if (kr_parser_at_kw(p, kw)) return kr_parser_next(p);
    kr_parser_syntax_error(p);
    return NULL;
}

const char *kr_parser_name(Parser *p) {
    if (!kr_parser_at_name(p)) {
        kr_parser_syntax_error(p);
        return NULL;
    }
    const PTok *t = kr_parser_next(p);
    char *s = kr_arena_strndup(p->arena, t->t.start, (size_t)(t->t.end - t->t.start));
    if (!s) kr_parser_nomem(p);
    return s;
}

/* ======================================================================== errors */

static void verror(Parser *p, KrFrontendErrorKind kind, int lineno, int col, int end_lineno,
                   int end_col, const char *fmt, va_list ap) {
    if (p->failed) return;
    p->failed = 1;
    p->generic = 0;
    p->err_in_fstring = p->pos < p->ntoks && PTOK_AT(p, p->pos)->fnest > 0;
    memset(p->err, 0, sizeof *p->err);
    p->err->kind = kind;
    vsnprintf(p->err->msg, sizeof p->err->msg, fmt, ap);
    p->err->lineno = lineno;
    p->err->col_offset = col;
    p->err->end_lineno = end_lineno;
    p->err->end_col_offset = end_col;
}

void kr_parser_error_at(Parser *p, KrFrontendErrorKind kind, int lineno, int col, int end_lineno,
                        int end_col, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(p, kind, lineno, col, end_lineno, end_col, fmt, ap);
    va_end(ap);
}

void kr_parser_error_node(Parser *p, const KrAstNode *n, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    verror(p, KR_ERR_SYNTAX, n->lineno, n->col_offset, n->end_lineno, n->end_col_offset, fmt, ap);
    va_end(ap);
}

/* Position of an error reported at token t. pegen gives INDENT, DEDENT and ENDMARKER no
 * column: CPython reports offset = their end column and end_offset -1. */
static void tok_error_pos(const PTok *t, int *l, int *c, int *el, int *ec) {
    KrTokenType ty = t->t.type;
    if (ty == KR_TOK_INDENT || ty == KR_TOK_DEDENT || ty == KR_TOK_ENDMARKER) {
        *l = *el = t->t.end_lineno;
        *c = t->t.end_col_offset - 1;
        *ec = -2;
    } else {
        *l = t->t.lineno, *c = t->t.col_offset;
        *el = t->t.end_lineno, *ec = t->t.end_col_offset;
        if (ty == KR_TOK_NEWLINE && *ec <= *c) *ec = *c + 1; /* 3.12 spans the '\n' */
    }
}

void kr_parser_error_tok(Parser *p, const PTok *t, const char *fmt, ...) {
    int l, c, el, ec;
    tok_error_pos(t, &l, &c, &el, &ec);
    va_list ap;
    va_start(ap, fmt);
    verror(p, KR_ERR_SYNTAX, l, c, el, ec, fmt, ap);
    va_end(ap);
}

void kr_parser_syntax_error(Parser *p) {
    if (p->failed) return;
    const PTok *t = CUR(p);
    if (p->failed) return; /* fetching it hit a tokenizer error */
    int l, c, el, ec;
    tok_error_pos(t, &l, &c, &el, &ec);
    if (t->t.type == KR_TOK_INDENT) {
        kr_parser_error_at(p, KR_ERR_INDENTATION, l, c, el, ec, "unexpected indent");
        return;
    }
    if (t->t.type == KR_TOK_DEDENT) {
        kr_parser_error_at(p, KR_ERR_INDENTATION, l, c, el, ec,
                           "unindent does not match any outer indentation level");
        return;
    }
    kr_parser_error_at(p, KR_ERR_SYNTAX, l, c, el, ec, "invalid syntax");
    p->generic = 1;
}

void kr_parser_nomem(Parser *p) {
    if (p->failed) return;
    p->failed = 1;
    p->fatal = 1;
    memset(p->err, 0, sizeof *p->err);
    p->err->kind = KR_ERR_SYNTAX;
    snprintf(p->err->msg, sizeof p->err->msg, "out of memory while parsing");
    p->err->lineno = 1;
}

int kr_parser_enter_n(Parser *p, int cost) {
    p->depth += cost;
    if (p->depth > KR_PARSER_MAX_DEPTH) {
        p->depth -= cost;
        if (!p->failed) {
            kr_parser_error_tok(p, CUR(p), "too many nested parentheses");
            /* do not let a speculative caller retry: the input is simply too deep */
            p->fatal = 1;
        }
        return 0;
    }
    return 1;
}

int kr_parser_enter(Parser *p) { return kr_parser_enter_n(p, 1); }

/* ======================================================================== nodes */

/* Expression nodes carry one private flag behind the public struct: whether the source
 * wrapped them in parentheses (AnnAssign.simple and several error messages depend on it). */
typedef struct {
    KrAstNode node;
    int parens;
} PNode;

static KrAstNode *alloc_node(Parser *p, KrAstKind kind, int l, int c, int el, int ec) {
    PNode *pn = kr_arena_alloc(p->arena, sizeof(PNode));
    if (!pn) {
        kr_parser_nomem(p);
        return NULL;
    }
    pn->node.kind = kind;
    pn->node.lineno = l;
    pn->node.col_offset = c;
    pn->node.end_lineno = el;
    pn->node.end_col_offset = ec;
    return &pn->node;
}

KrAstNode *kr_parser_node(Parser *p, KrAstKind kind, const PTok *start) {
    const PTok *end = kr_parser_prev(p);
    return alloc_node(p, kind, start->t.lineno, start->t.col_offset, end->t.end_lineno,
                      end->t.end_col_offset);
}

KrAstNode *kr_parser_node_span(Parser *p, KrAstKind kind, const KrAstNode *from,
                               const KrAstNode *to) {
    return alloc_node(p, kind, from->lineno, from->col_offset, to->end_lineno,
                      to->end_col_offset);
}

int kr_parser_is_parenthesized(const KrAstNode *n) { return ((const PNode *)n)->parens; }
void kr_parser_set_parenthesized(KrAstNode *n) { ((PNode *)n)->parens = 1; }

void kr_vec_init(NodeVec *v) {
    v->items = v->small;
    v->n = 0;
    v->cap = 8;
}

int kr_vec_push(Parser *p, NodeVec *v, KrAstNode *n) {
    if (v->n == v->cap) {
        int cap = v->cap * 2;
        KrAstNode **ni;
        if (v->items == v->small) {
            ni = malloc(sizeof(KrAstNode *) * cap);
            if (ni) memcpy(ni, v->small, sizeof(KrAstNode *) * v->n);
        } else {
            ni = realloc(v->items, sizeof(KrAstNode *) * cap);
        }
        if (!ni) {
            kr_parser_nomem(p);
            return 0;
        }
        v->items = ni;
        v->cap = cap;
    }
    v->items[v->n++] = n;
    return 1;
}

KrAstSeq kr_vec_finish(Parser *p, NodeVec *v) {
    KrAstSeq s = {0, NULL};
    if (v->n) {
        s.items = kr_arena_alloc(p->arena, sizeof(KrAstNode *) * v->n);
        if (!s.items) kr_parser_nomem(p);
        else {
            memcpy(s.items, v->items, sizeof(KrAstNode *) * v->n);
            s.n = v->n;
        }
    }
    kr_vec_free(v);
    return s;
}

void kr_vec_free(NodeVec *v) {
    if (v->items != v->small) free(v->items);
    kr_vec_init(v);
}

KrAstSeq kr_seq1(Parser *p, KrAstNode *n) {
    KrAstSeq s = {0, NULL};
    s.items = kr_arena_alloc(p->arena, sizeof(KrAstNode *));
    if (!s.items) {
        kr_parser_nomem(p);
        return s;
    }
    s.items[0] = n;
    s.n = 1;
    return s;
}

/* ======================================================================== statements */

static int statement(Parser *p, NodeVec *out);
static int simple_stmts(Parser *p, NodeVec *out);

static void indent_error(Parser *p, const char *what, int line) {
    const PTok *t = CUR(p);
    if (p->failed) return;
    int l, c, el, ec;
    tok_error_pos(t, &l, &c, &el, &ec);
    if (what)
        kr_parser_error_at(p, KR_ERR_INDENTATION, l, c, el, ec,
                           "expected an indented block after %s on line %d", what, line);
    else
        kr_parser_error_at(p, KR_ERR_INDENTATION, l, c, el, ec, "expected an indented block");
}

/* block: NEWLINE INDENT statements DEDENT | simple_stmts. `what` names the owner for
 * CPython's "expected an indented block after 'if' statement on line N". */
KrAstSeq kr_parse_block(Parser *p, const char *what, int what_line) {
    KrAstSeq empty = {0, NULL};
    NodeVec v;
    kr_vec_init(&v);
    if (!kr_parser_enter(p)) return empty;
    if (kr_parser_accept(p, KR_TOK_NEWLINE)) {
        if (!kr_parser_accept(p, KR_TOK_INDENT)) {
            indent_error(p, what, what_line);
            goto fail;
        }
        while (!p->failed && !kr_parser_at(p, KR_TOK_DEDENT) && !kr_parser_at(p, KR_TOK_ENDMARKER))
            if (!statement(p, &v)) goto fail;
        if (p->failed) goto fail;
        kr_parser_accept(p, KR_TOK_DEDENT);
    } else {
        if (!simple_stmts(p, &v)) goto fail;
    }
    LEAVE(p);
    return kr_vec_finish(p, &v);
fail:
    LEAVE(p);
    kr_vec_free(&v);
    return empty;
}

/* ':' before a block; "expected ':'" where CPython's grammar forces it */
static int expect_colon(Parser *p, int forced) {
    if (kr_parser_accept(p, KR_TOK_COLON)) return 1;
    const PTok *t = CUR(p);
    if (p->failed) return 0;
    if (t->t.type == KR_TOK_NEWLINE)
        kr_parser_error_tok(p, t, "expected ':'");
    else if (forced)
        kr_parser_error_tok(p, t, "expected ':'");
    else
        kr_parser_syntax_error(p);
    return 0;
}

static KrAstNode *new_node(Parser *p, KrAstKind kind, const PTok *start) {
    return kr_parser_node(p, kind, start);
}

static void set_end(KrAstNode *n, const KrAstNode *last) {
    if (n && last) {
        n->end_lineno = last->end_lineno;
        n->end_col_offset = last->end_col_offset;
    }
}

static void set_end_seq(KrAstNode *n, KrAstSeq s) {
    if (s.n) set_end(n, s.items[s.n - 1]);
}

/* ---- import ---- */

static KrAstNode *dotted_name(Parser *p, const PTok **startp) {
    const PTok *start = CUR(p);
    if (startp) *startp = start;
    const char *first = kr_parser_name(p);
    if (!first) return NULL;
    size_t len = strlen(first);
    char *buf = NULL;
    const char *res = first;
    while (kr_parser_at(p, KR_TOK_DOT)) {
        kr_parser_next(p);
        const char *part = kr_parser_name(p);
        if (!part) {
            free(buf);
            return NULL;
        }
        size_t pl = strlen(part);
        char *nb = realloc(buf, len + pl + 2);
        if (!nb) {
            free(buf);
            kr_parser_nomem(p);
            return NULL;
        }
        if (!buf) memcpy(nb, first, len);
        buf = nb;
        buf[len] = '.';
        memcpy(buf + len + 1, part, pl);
        len += pl + 1;
    }
    if (buf) {
        res = kr_arena_strndup(p->arena, buf, len);
        free(buf);
        if (!res) {
            kr_parser_nomem(p);
            return NULL;
        }
    }
    KrAstNode *a = new_node(p, KR_AST_alias, start);
    if (a) a->v.alias.name = res;
    return a;
}

static KrAstNode *import_stmt(Parser *p) {
    const PTok *start = kr_parser_next(p); /* 'import' */
    NodeVec v;
    kr_vec_init(&v);
    do {
        const PTok *as;
        KrAstNode *a = dotted_name(p, &as);
        if (!a) goto fail;
        if (kr_parser_accept_kw(p, KW_AS)) {
            if (!(a->v.alias.asname = kr_parser_name(p))) goto fail;
            set_end(a, NULL);
            a->end_lineno = kr_parser_prev(p)->t.end_lineno;
            a->end_col_offset = kr_parser_prev(p)->t.end_col_offset;
        }
        if (!kr_vec_push(p, &v, a)) goto fail;
    } while (kr_parser_accept(p, KR_TOK_COMMA));
    KrAstNode *n = new_node(p, KR_AST_Import, start);
    if (!n) goto fail;
    n->v.Import.names = kr_vec_finish(p, &v);
    return n;
fail:
    kr_vec_free(&v);
    return NULL;
}

static KrAstNode *import_as_name(Parser *p) {
    const PTok *start = CUR(p);
    const char *name = kr_parser_name(p);
    if (!name) return NULL;
    const char *asname = NULL;
    if (kr_parser_accept_kw(p, KW_AS) && !(asname = kr_parser_name(p))) return NULL;
    KrAstNode *a = new_node(p, KR_AST_alias, start);
    if (!a) return NULL;
    a->v.alias.name = name;
    a->v.alias.asname = asname;
    return a;
}

static KrAstNode *from_stmt(Parser *p) {
    const PTok *start = kr_parser_next(p); /* 'from' */
    int level = 0;
    for (;;) {
        if (kr_parser_accept(p, KR_TOK_DOT)) level++;
        else if (kr_parser_accept(p, KR_TOK_ELLIPSIS)) level += 3;
        else break;
    }
    const char *module = NULL;
    if (!kr_parser_at_kw(p, KW_IMPORT) || level == 0) {
        KrAstNode *m = dotted_name(p, NULL);
        if (!m) return NULL;
        module = m->v.alias.name;
    }
    if (!kr_parser_expect_kw(p, KW_IMPORT)) return NULL;
    NodeVec v;
    kr_vec_init(&v);
    if (kr_parser_at(p, KR_TOK_STAR)) {
        const PTok *st = kr_parser_next(p);
        KrAstNode *a = new_node(p, KR_AST_alias, st);
        if (!a) return NULL;
        a->v.alias.name = "*";
        if (!kr_vec_push(p, &v, a)) return NULL;
    } else if (kr_parser_accept(p, KR_TOK_LPAR)) {
        do {
            if (kr_parser_at(p, KR_TOK_RPAR) && v.n) break;
            KrAstNode *a = import_as_name(p);
            if (!a || !kr_vec_push(p, &v, a)) goto fail;
        } while (kr_parser_accept(p, KR_TOK_COMMA));
        if (!kr_parser_expect(p, KR_TOK_RPAR)) goto fail;
    } else {
        for (;;) {
            KrAstNode *a = import_as_name(p);
            if (!a || !kr_vec_push(p, &v, a)) goto fail;
            if (!kr_parser_at(p, KR_TOK_COMMA)) break;
            const PTok *comma = kr_parser_next(p);
            if (kr_parser_at(p, KR_TOK_NEWLINE)) {
                (void)comma;
                kr_parser_error_tok(p, CUR(p),
                                    "trailing comma not allowed without surrounding parentheses");
                goto fail;
            }
        }
    }
    KrAstNode *n = new_node(p, KR_AST_ImportFrom, start);
    if (!n) goto fail;
    n->v.ImportFrom.module = module;
    n->v.ImportFrom.names = kr_vec_finish(p, &v);
    n->v.ImportFrom.level = level;
    return n;
fail:
    kr_vec_free(&v);
    return NULL;
}

/* ---- simple statements ---- */

static KrAstNode *names_stmt(Parser *p, KrAstKind kind) {
    const PTok *start = kr_parser_next(p);
    const char *buf[64];
    const char **names = buf;
    int n = 0, cap = 64;
    do {
        const char *nm = kr_parser_name(p);
        if (!nm) goto fail;
        if (n == cap) {
            const char **nn = kr_arena_alloc(p->arena, sizeof(char *) * cap * 2);
            if (!nn) {
                kr_parser_nomem(p);
                goto fail;
            }
            memcpy(nn, names, sizeof(char *) * n);
            names = nn;
            cap *= 2;
        }
        names[n++] = nm;
    } while (kr_parser_accept(p, KR_TOK_COMMA));
    KrAstNode *node = new_node(p, kind, start);
    if (!node) goto fail;
    const char **items = kr_arena_alloc(p->arena, sizeof(char *) * n);
    if (!items) {
        kr_parser_nomem(p);
        goto fail;
    }
    memcpy(items, names, sizeof(char *) * n);
    KrAstIdentSeq s = {n, items};
    if (kind == KR_AST_Global) node->v.Global.names = s;
    else node->v.Nonlocal.names = s;
    return node;
fail:
    return NULL;
}

static int at_stmt_end(Parser *p) {
    KrTokenType t = CUR_TYPE(p);
    return t == KR_TOK_NEWLINE || t == KR_TOK_SEMI || t == KR_TOK_ENDMARKER;
}


/* del_targets: primaries separated by commas; when that fails, the text is re-read as an
 * expression list to name the offending target ("cannot delete literal"). */
static KrAstNode *del_stmt(Parser *p) {
    const PTok *start = kr_parser_next(p);
    int mark = p->pos, depth = p->depth, ok = 1;
    NodeVec v;
    kr_vec_init(&v);
    do {
        KrAstNode *t = kr_parse_primary(p);
        if (!t || kr_invalid_target(t, KR_CTX_DEL) || !kr_vec_push(p, &v, t)) {
            ok = 0;
            break;
        }
        if (!kr_parser_accept(p, KR_TOK_COMMA)) break;
    } while (!at_stmt_end(p));
    if (ok && !p->failed && at_stmt_end(p)) {
        KrAstNode *n = new_node(p, KR_AST_Delete, start);
        if (!n) goto fail;
        n->v.Delete.targets = kr_vec_finish(p, &v);
        for (int i = 0; i < n->v.Delete.targets.n; i++)
            if (!kr_set_context(p, n->v.Delete.targets.items[i], KR_CTX_DEL)) return NULL;
        return n;
    }
    kr_vec_free(&v);
    if (p->fatal) return NULL;
    if (!p->failed) kr_parser_syntax_error(p);
    KrFrontendError saved = *p->err;
    int generic = p->generic;
    p->failed = 0;
    p->pos = mark;
    p->depth = depth;
    KrAstNode *e = kr_parse_star_expressions(p);
    if (p->fatal) return NULL;
    if (e && !p->failed) {
        const KrAstNode *bad = kr_invalid_target(e, KR_CTX_DEL);
        if (bad) {
            kr_parser_error_node(p, bad, "cannot delete %s", kr_expr_name(bad));
            return NULL;
        }
    }
    *p->err = saved;
    p->failed = 1;
    p->generic = generic;
    return NULL;
fail:
    kr_vec_free(&v);
    return NULL;
}

static int augassign_op(KrTokenType t) {
    switch (t) {
    case KR_TOK_PLUSEQUAL: return KR_OPERATOR_ADD;
    case KR_TOK_MINEQUAL: return KR_OPERATOR_SUB;
    case KR_TOK_STAREQUAL: return KR_OPERATOR_MULT;
    case KR_TOK_ATEQUAL: return KR_OPERATOR_MATMULT;
    case KR_TOK_SLASHEQUAL: return KR_OPERATOR_DIV;
    case KR_TOK_PERCENTEQUAL: return KR_OPERATOR_MOD;
    case KR_TOK_AMPEREQUAL: return KR_OPERATOR_BITAND;
    case KR_TOK_VBAREQUAL: return KR_OPERATOR_BITOR;
    case KR_TOK_CIRCUMFLEXEQUAL: return KR_OPERATOR_BITXOR;
    case KR_TOK_LEFTSHIFTEQUAL: return KR_OPERATOR_LSHIFT;
    case KR_TOK_RIGHTSHIFTEQUAL: return KR_OPERATOR_RSHIFT;
    case KR_TOK_DOUBLESTAREQUAL: return KR_OPERATOR_POW;
    case KR_TOK_DOUBLESLASHEQUAL: return KR_OPERATOR_FLOORDIV;
    default: return 0;
    }
}

static KrAstNode *rhs(Parser *p) {
    if (kr_parser_at_kw(p, KW_YIELD)) return kr_parse_yield_expr(p);
    return kr_parse_star_expressions(p);
}

/* The leftmost atom of an expression (for CPython's !(list|tuple|genexp|True|None|False)). */
static const KrAstNode *leftmost(const KrAstNode *e) {
    for (;;) {
        if (kr_parser_is_parenthesized(e)) return e;
        switch (e->kind) {
        case KR_AST_BinOp: e = e->v.BinOp.left; break;
        case KR_AST_Call: e = e->v.Call.func; break;
        case KR_AST_Attribute: e = e->v.Attribute.value; break;
        case KR_AST_Subscript: e = e->v.Subscript.value; break;
        case KR_AST_Compare: e = e->v.Compare.left; break;
        case KR_AST_BoolOp: e = e->v.BoolOp.values.items[0]; break;
        case KR_AST_IfExp: e = e->v.IfExp.body; break;
        default: return e;
        }
    }
}

static int is_bitwise_level(const KrAstNode *e) {
    if (kr_parser_is_parenthesized(e)) return 1;
    switch (e->kind) {
    case KR_AST_BoolOp: case KR_AST_Compare: case KR_AST_IfExp: case KR_AST_Lambda:
    case KR_AST_NamedExpr: case KR_AST_Starred: case KR_AST_Yield: case KR_AST_YieldFrom:
        return 0;
    case KR_AST_Tuple: return 0;
    case KR_AST_UnaryOp: return e->v.UnaryOp.op != KR_UNARYOP_NOT;
    default: return 1;
    }
}

/* Report an invalid assignment target the way CPython's invalid_assignment rules do. */
static void assign_target_error(Parser *p, KrAstNode **parts, int nparts, const PTok *value_start) {
    for (int i = 0; i < nparts - 1; i++) {
        KrAstNode *t = parts[i];
        int is_yield = t->kind == KR_AST_Yield || t->kind == KR_AST_YieldFrom;
        const KrAstNode *bad = kr_invalid_target(t, KR_CTX_STORE);
        if (!bad) continue;
        if (i == 0 && nparts == 2 && is_bitwise_level(t)) {
            const KrAstNode *lm = leftmost(t);
            int excluded = lm->col_offset == t->col_offset && lm->lineno == t->lineno &&
                           ((lm->kind == KR_AST_List) ||
                            (lm->kind == KR_AST_Tuple && kr_parser_is_parenthesized(lm)) ||
                            lm->kind == KR_AST_GeneratorExp ||
                            (lm->kind == KR_AST_Constant &&
                             (lm->v.Constant.value.kind == KR_CONST_NONE ||
                              lm->v.Constant.value.kind == KR_CONST_TRUE ||
                              lm->v.Constant.value.kind == KR_CONST_FALSE)));
            int rhs_ok = !(value_start->t.type == KR_TOK_STAR ||
                           (value_start->t.type == KR_TOK_NAME &&
                            (value_start->kw == KW_NOT || value_start->kw == KW_LAMBDA ||
                             value_start->kw == KW_YIELD)));
            if (!excluded && rhs_ok) {
                kr_parser_error_node(p, t,
                                     "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                     kr_expr_name(t));
                return;
            }
        }
        if (is_yield) kr_parser_error_node(p, t, "assignment to yield expression not possible");
        else kr_parser_error_node(p, bad, "cannot assign to %s", kr_expr_name(bad));
        return;
    }
}

/* `print "x"`: CPython's invalid_legacy_expression */
static int legacy_print(Parser *p, KrAstNode *e) {
    if (e->kind != KR_AST_Name || kr_parser_is_parenthesized(e) ||
        (strcmp(e->v.Name.id, "print") && strcmp(e->v.Name.id, "exec")))
        return 0;
    const PTok *t = CUR(p);
    if (t->t.type == KR_TOK_LPAR || t->t.type == KR_TOK_NEWLINE || t->t.type == KR_TOK_SEMI ||
        t->t.type == KR_TOK_EQUAL || t->t.type == KR_TOK_COLON || t->t.type == KR_TOK_ENDMARKER)
        return 0;
    int mark = p->pos, depth = p->depth;
    KrAstNode *b = kr_parse_star_expressions(p);
    if (b && !p->failed) {
        kr_parser_error_at(p, KR_ERR_SYNTAX, e->lineno, e->col_offset, b->end_lineno,
                           b->end_col_offset, "Missing parentheses in call to '%s'. Did you mean %s(...)?",
                           e->v.Name.id, e->v.Name.id);
        return 1;
    }
    if (p->fatal) return 1;
    p->failed = 0;
    p->generic = 0;
    p->pos = mark;
    p->depth = depth;
    return 0;
}

static KrAstNode *expr_or_assign(Parser *p) {
    const PTok *start = CUR(p);
    KrAstNode *e = rhs(p);
    if (!e) return NULL;
    if (legacy_print(p, e)) return NULL;
    if (kr_parser_at(p, KR_TOK_COLONEQUAL)) {
        if (e->kind == KR_AST_Name && !kr_parser_is_parenthesized(e))
            kr_parser_syntax_error(p);
        else
            kr_parser_error_node(p, e, "cannot use assignment expressions with %s", kr_expr_name(e));
        return NULL;
    }
    KrTokenType tt = CUR_TYPE(p);
    if (tt == KR_TOK_COLON && e->kind != KR_AST_Yield && e->kind != KR_AST_YieldFrom) {
        /* annotated assignment */
        if (e->kind == KR_AST_Tuple || e->kind == KR_AST_List) {
            kr_parser_error_node(p, e, "only single target (not %s) can be annotated",
                                 e->kind == KR_AST_Tuple ? "tuple" : "list");
            return NULL;
        }
        if (e->kind != KR_AST_Name && e->kind != KR_AST_Attribute &&
            e->kind != KR_AST_Subscript) {
            kr_parser_error_node(p, e, "illegal target for annotation");
            return NULL;
        }
        kr_parser_next(p);
        KrAstNode *ann = kr_parse_expression(p);
        if (!ann) return NULL;
        KrAstNode *value = NULL;
        if (kr_parser_accept(p, KR_TOK_EQUAL)) {
            if (!(value = rhs(p))) return NULL;
        }
        if (!kr_set_context(p, e, KR_CTX_STORE)) return NULL;
        KrAstNode *n = new_node(p, KR_AST_AnnAssign, start);
        if (!n) return NULL;
        n->v.AnnAssign.target = e;
        n->v.AnnAssign.annotation = ann;
        n->v.AnnAssign.value = value;
        n->v.AnnAssign.simple = e->kind == KR_AST_Name && !kr_parser_is_parenthesized(e);
        return n;
    }
    int op = augassign_op(tt);
    if (op) {
        if (e->kind != KR_AST_Name && e->kind != KR_AST_Attribute &&
            e->kind != KR_AST_Subscript) {
            if (e->kind == KR_AST_Yield || e->kind == KR_AST_YieldFrom) {
                kr_parser_syntax_error(p);
                return NULL;
            }
            kr_parser_error_node(p, e, "'%s' is an illegal expression for augmented assignment",
                                 kr_expr_name(e));
            return NULL;
        }
        kr_parser_next(p);
        KrAstNode *value = rhs(p);
        if (!value) return NULL;
        if (!kr_set_context(p, e, KR_CTX_STORE)) return NULL;
        KrAstNode *n = new_node(p, KR_AST_AugAssign, start);
        if (!n) return NULL;
        n->v.AugAssign.target = e;
        n->v.AugAssign.op = op;
        n->v.AugAssign.value = value;
        return n;
    }
    if (tt == KR_TOK_EQUAL) {
        NodeVec v;
        kr_vec_init(&v);
        if (!kr_vec_push(p, &v, e)) return NULL;
        const PTok *value_start = NULL;
        while (kr_parser_accept(p, KR_TOK_EQUAL)) {
            value_start = CUR(p);
            KrAstNode *x = rhs(p);
            if (!x || !kr_vec_push(p, &v, x)) goto fail;
        }
        for (int i = 0; i < v.n - 1; i++) {
            KrAstNode *t = v.items[i];
            if (t->kind == KR_AST_Yield || t->kind == KR_AST_YieldFrom || kr_invalid_target(t, KR_CTX_STORE)) {
                assign_target_error(p, v.items, v.n, value_start);
                goto fail;
            }
        }
        for (int i = 0; i < v.n - 1; i++)
            if (!kr_set_context(p, v.items[i], KR_CTX_STORE)) goto fail;
        KrAstNode *n = new_node(p, KR_AST_Assign, start);
        if (!n) goto fail;
        n->v.Assign.value = v.items[v.n - 1];
        v.n--;
        n->v.Assign.targets = kr_vec_finish(p, &v);
        return n;
    fail:
        kr_vec_free(&v);
        return NULL;
    }
    KrAstNode *n = new_node(p, KR_AST_Expr, start);
    if (!n) return NULL;
    n->v.Expr.value = e;
    return n;
}

static KrAstNode *type_alias(Parser *p) {
    const PTok *start = kr_parser_next(p); /* 'type' */
    const PTok *nt = CUR(p);
    const char *name = kr_parser_name(p);
    if (!name) return NULL;
    KrAstNode *nm = new_node(p, KR_AST_Name, nt);
    if (!nm) return NULL;
    nm->v.Name.id = name;
    nm->v.Name.ctx = KR_CTX_STORE;
    KrAstSeq tps = {0, NULL};
    if (kr_parser_at(p, KR_TOK_LSQB)) {
        tps = kr_parse_type_params(p);
        if (p->failed) return NULL;
    }
    if (!kr_parser_expect(p, KR_TOK_EQUAL)) return NULL;
    KrAstNode *value = kr_parse_expression(p);
    if (!value) return NULL;
    KrAstNode *n = new_node(p, KR_AST_TypeAlias, start);
    if (!n) return NULL;
    n->v.TypeAlias.name = nm;
    n->v.TypeAlias.type_params = tps;
    n->v.TypeAlias.value = value;
    return n;
}

static KrAstNode *simple_stmt(Parser *p) {
    const PTok *t = CUR(p);
    if (p->failed) return NULL;
    if (t->t.type == KR_TOK_NAME) {
        switch (t->kw) {
        case KW_PASS: kr_parser_next(p); return new_node(p, KR_AST_Pass, t);
        case KW_BREAK: kr_parser_next(p); return new_node(p, KR_AST_Break, t);
        case KW_CONTINUE: kr_parser_next(p); return new_node(p, KR_AST_Continue, t);
        case KW_RETURN: {
            kr_parser_next(p);
            KrAstNode *v = NULL;
            if (!at_stmt_end(p) && !(v = kr_parse_star_expressions(p))) return NULL;
            KrAstNode *n = new_node(p, KR_AST_Return, t);
            if (n) n->v.Return.value = v;
            return n;
        }
        case KW_RAISE: {
            kr_parser_next(p);
            KrAstNode *exc = NULL, *cause = NULL;
            if (!at_stmt_end(p)) {
                if (!(exc = kr_parse_expression(p))) return NULL;
                if (kr_parser_accept_kw(p, KW_FROM) && !(cause = kr_parse_expression(p)))
                    return NULL;
            }
            KrAstNode *n = new_node(p, KR_AST_Raise, t);
            if (n) n->v.Raise.exc = exc, n->v.Raise.cause = cause;
            return n;
        }
        case KW_GLOBAL: return names_stmt(p, KR_AST_Global);
        case KW_NONLOCAL: return names_stmt(p, KR_AST_Nonlocal);
        case KW_DEL: return del_stmt(p);
        case KW_ASSERT: {
            kr_parser_next(p);
            KrAstNode *test = kr_parse_expression(p), *msg = NULL;
            if (!test) return NULL;
            if (kr_parser_accept(p, KR_TOK_COMMA) && !(msg = kr_parse_expression(p))) return NULL;
            KrAstNode *n = new_node(p, KR_AST_Assert, t);
            if (n) n->v.Assert.test = test, n->v.Assert.msg = msg;
            return n;
        }
        case KW_IMPORT: return import_stmt(p);
        case KW_FROM: return from_stmt(p);
        case 0:
            if (kr_parser_at_soft(p, "type")) {
                const PTok *t1 = PEEK(p, 1), *t2 = PEEK(p, 2);
                if (t1->t.type == KR_TOK_NAME && t1->kw == 0 &&
                    (t2->t.type == KR_TOK_EQUAL || t2->t.type == KR_TOK_LSQB))
                    return type_alias(p);
            }
            break;
        default: break;
        }
    }
    return expr_or_assign(p);
}

/* simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
static int simple_stmts(Parser *p, NodeVec *out) {
    for (;;) {
        KrAstNode *s = simple_stmt(p);
        if (!s || !kr_vec_push(p, out, s)) return 0;
        if (kr_parser_accept(p, KR_TOK_SEMI)) {
            if (kr_parser_at(p, KR_TOK_NEWLINE)) break;
            continue;
        }
        break;
    }
    if (kr_parser_accept(p, KR_TOK_NEWLINE)) return 1;
    if (kr_parser_at(p, KR_TOK_ENDMARKER)) return 1; /* tokenizer normally adds NEWLINE */
    kr_parser_syntax_error(p);
    return 0;
}

/* ---- compound statements ---- */

static KrAstNode *if_stmt(Parser *p) {
    const PTok *start = kr_parser_next(p); /* 'if' or 'elif' */
    int is_elif = start->kw == KW_ELIF;
    KrAstNode *test = kr_parse_named_expression(p);
    if (!test || !expect_colon(p, 0)) return NULL;
    KrAstSeq body = kr_parse_block(p, is_elif ? "'elif' statement" : "'if' statement",
                                   start->t.lineno);
    if (p->failed) return NULL;
    KrAstNode *n = new_node(p, KR_AST_If, start);
    if (!n) return NULL;
    n->v.If.test = test;
    n->v.If.body = body;
    set_end_seq(n, body);
    if (kr_parser_at_kw(p, KW_ELIF)) {
        if (!kr_parser_enter(p)) return NULL;
        KrAstNode *e = if_stmt(p);
        LEAVE(p);
        if (!e) return NULL;
        n->v.If.orelse = kr_seq1(p, e);
        set_end(n, e);
    } else if (kr_parser_at_kw(p, KW_ELSE)) {
        const PTok *et = kr_parser_next(p);
        if (!expect_colon(p, 1)) return NULL;
        n->v.If.orelse = kr_parse_block(p, "'else' statement", et->t.lineno);
        if (p->failed) return NULL;
        set_end_seq(n, n->v.If.orelse);
    }
    return n;
}

static int else_block(Parser *p, KrAstSeq *out) {
    if (!kr_parser_at_kw(p, KW_ELSE)) return 1;
    const PTok *et = kr_parser_next(p);
    if (!expect_colon(p, 1)) return 0;
    *out = kr_parse_block(p, "'else' statement", et->t.lineno);
    return !p->failed;
}

static KrAstNode *while_stmt(Parser *p) {
    const PTok *start = kr_parser_next(p);
    KrAstNode *test = kr_parse_named_expression(p);
    if (!test || !expect_colon(p, 0)) return NULL;
    KrAstSeq body = kr_parse_block(p, "'while' statement", start->t.lineno);
    if (p->failed) return NULL;
    KrAstNode *n = new_node(p, KR_AST_While, start);
    if (!n) return NULL;
    n->v.While.test = test;
    n->v.While.body = body;
    set_end_seq(n, body);
    if (!else_block(p, &n->v.While.orelse)) return NULL;
    set_end_seq(n, n->v.While.orelse);
    return n;
}

static KrAstNode *for_stmt(Parser *p, const PTok *start) {
    int is_async = start->kw == KW_ASYNC;
    kr_parser_next(p); /* 'for' */
    KrAstNode *target = kr_parse_for_targets(p);
    if (!target) return NULL;
    kr_parser_next(p); /* 'in' */
    KrAstNode *iter = kr_parse_star_expressions(p);
    if (!iter || !expect_colon(p, 0)) return NULL;
    KrAstSeq body = kr_parse_block(p, "'for' statement", start->t.lineno);
    if (p->failed) return NULL;
    KrAstNode *n = new_node(p, is_async ? KR_AST_AsyncFor : KR_AST_For, start);
    if (!n) return NULL;
    /* For and AsyncFor share their layout */
    n->v.For.target = target;
    n->v.For.iter = iter;
    n->v.For.body = body;
    set_end_seq(n, body);
    if (!else_block(p, &n->v.For.orelse)) return NULL;
    set_end_seq(n, n->v.For.orelse);
    return n;
}

static KrAstNode *with_item(Parser *p) {
    KrAstNode *e = kr_parse_expression(p);
    if (!e) return NULL;
    KrAstNode *vars = NULL;
    if (kr_parser_accept_kw(p, KW_AS)) {
        if (!(vars = kr_parse_star_target(p, KR_CTX_STORE))) return NULL;
        KrTokenType t = CUR_TYPE(p);
        if (t != KR_TOK_COMMA && t != KR_TOK_COLON && t != KR_TOK_RPAR) {
            kr_parser_syntax_error(p);
            return NULL;
        }
    }
    KrAstNode *w = kr_ast_new(p->arena, KR_AST_withitem, 0, 0, 0, 0);
    if (!w) {
        kr_parser_nomem(p);
        return NULL;
    }
    w->v.withitem.context_expr = e;
    w->v.withitem.optional_vars = vars;
    return w;
}

static KrAstNode *with_stmt(Parser *p, const PTok *start) {
    int is_async = start->kw == KW_ASYNC;
    kr_parser_next(p); /* 'with' */
    NodeVec v;
    kr_vec_init(&v);
    int done = 0;
    if (kr_parser_at(p, KR_TOK_LPAR)) {
        /* with (a as b, c): ... -- try the parenthesized item list, else an expression */
        int mark = p->pos, depth = p->depth;
        kr_parser_next(p);
        for (;;) {
            KrAstNode *w = with_item(p);
            if (!w || !kr_vec_push(p, &v, w)) break;
            if (!kr_parser_accept(p, KR_TOK_COMMA)) break;
            if (kr_parser_at(p, KR_TOK_RPAR)) break;
        }
        if (!p->failed && kr_parser_accept(p, KR_TOK_RPAR) && kr_parser_at(p, KR_TOK_COLON)) done = 1;
        if (!done) {
            if (p->fatal) goto fail;
            p->failed = 0;
            p->generic = 0;
            p->pos = mark;
            p->depth = depth;
            kr_vec_free(&v);
        }
    }
    if (!done) {
        do {
            KrAstNode *w = with_item(p);
            if (!w || !kr_vec_push(p, &v, w)) goto fail;
        } while (kr_parser_accept(p, KR_TOK_COMMA));
    }
    if (!expect_colon(p, 0)) goto fail;
    KrAstSeq body = kr_parse_block(p, "'with' statement", start->t.lineno);
    if (p->failed) goto fail;
    KrAstNode *n = new_node(p, is_async ? KR_AST_AsyncWith : KR_AST_With, start);
    if (!n) goto fail;
    n->v.With.items = kr_vec_finish(p, &v);
    n->v.With.body = body;
    set_end_seq(n, body);
    return n;
fail:
    kr_vec_free(&v);
    return NULL;
}

static KrAstNode *try_stmt(Parser *p) {
    const PTok *start = kr_parser_next(p);
    if (!expect_colon(p, 1)) return NULL;
    KrAstSeq body = kr_parse_block(p, "'try' statement", start->t.lineno);
    if (p->failed) return NULL;
    NodeVec handlers;
    kr_vec_init(&handlers);
    int star = -1;
    KrAstSeq orelse = {0, NULL}, finalbody = {0, NULL};
    while (kr_parser_at_kw(p, KW_EXCEPT)) {
        const PTok *et = kr_parser_next(p);
        int this_star = kr_parser_accept(p, KR_TOK_STAR);
        if (star >= 0 && this_star != star) {
            const PTok *end = this_star ? kr_parser_prev(p) : et;
            kr_parser_error_at(p, KR_ERR_SYNTAX, et->t.lineno, et->t.col_offset, end->t.end_lineno,
                               end->t.end_col_offset,
                               "cannot have both 'except' and 'except*' on the same 'try'");
            goto fail;
        }
        star = this_star;
        KrAstNode *type = NULL;
        const char *name = NULL;
        if (!kr_parser_at(p, KR_TOK_COLON) || this_star) {
            if (this_star && kr_parser_at(p, KR_TOK_COLON)) {
                kr_parser_error_tok(p, CUR(p), "expected one or more exception types");
                goto fail;
            }
            const PTok *ts = CUR(p);
            if (!(type = kr_parse_expression(p))) goto fail;
            if (kr_parser_at(p, KR_TOK_COMMA)) {
                /* except A, B: -- Python 2 syntax */
                int mark = p->pos;
                kr_parser_next(p);
                KrAstNode *more = kr_parse_expression(p);
                if (more && (kr_parser_at(p, KR_TOK_COLON) || kr_parser_at_kw(p, KW_AS))) {
                    p->failed = 0;
                    kr_parser_error_at(p, KR_ERR_SYNTAX, ts->t.lineno, ts->t.col_offset,
                                       more->end_lineno, more->end_col_offset,
                                       "multiple exception types must be parenthesized");
                    goto fail;
                }
                if (p->fatal) goto fail;
                p->failed = 0;
                p->pos = mark;
                kr_parser_syntax_error(p);
                goto fail;
            }
            if (kr_parser_accept_kw(p, KW_AS) && !(name = kr_parser_name(p))) goto fail;
        }
        if (!expect_colon(p, 1)) goto fail;
        KrAstSeq hb = kr_parse_block(p, this_star ? "'except*' statement" : "'except' statement",
                                     et->t.lineno);
        if (p->failed) goto fail;
        KrAstNode *h = new_node(p, KR_AST_ExceptHandler, et);
        if (!h) goto fail;
        h->v.ExceptHandler.type = type;
        h->v.ExceptHandler.name = name;
        h->v.ExceptHandler.body = hb;
        set_end_seq(h, hb);
        if (!kr_vec_push(p, &handlers, h)) goto fail;
    }
    if (handlers.n && !else_block(p, &orelse)) goto fail;
    if (kr_parser_at_kw(p, KW_FINALLY)) {
        const PTok *ft = kr_parser_next(p);
        if (!expect_colon(p, 1)) goto fail;
        finalbody = kr_parse_block(p, "'finally' statement", ft->t.lineno);
        if (p->failed) goto fail;
    }
    if (!handlers.n && !finalbody.n) {
        if (!p->failed) {
            const PTok *t = CUR(p);
            kr_parser_error_tok(p, t, "expected 'except' or 'finally' block");
        }
        goto fail;
    }
    KrAstNode *n = new_node(p, star == 1 ? KR_AST_TryStar : KR_AST_Try, start);
    if (!n) goto fail;
    n->v.Try.body = body;
    n->v.Try.handlers = kr_vec_finish(p, &handlers);
    n->v.Try.orelse = orelse;
    n->v.Try.finalbody = finalbody;
    set_end_seq(n, body);
    if (n->v.Try.handlers.n) set_end_seq(n, n->v.Try.handlers);
    set_end_seq(n, orelse);
    set_end_seq(n, finalbody);
    return n;
fail:
    kr_vec_free(&handlers);
    return NULL;
}

static KrAstNode *funcdef(Parser *p, const PTok *start, KrAstSeq decorators) {
    int is_async = start->kw == KW_ASYNC;
    const PTok *deft = kr_parser_next(p); /* 'def' */
    if (is_async) deft = start;
    const char *name = kr_parser_name(p);
    if (!name) return NULL;
    KrAstSeq tps = {0, NULL};
    if (kr_parser_at(p, KR_TOK_LSQB)) {
        tps = kr_parse_type_params(p);
        if (p->failed) return NULL;
    }
    if (!kr_parser_expect(p, KR_TOK_LPAR)) return NULL;
    KrAstNode *args = kr_parse_params(p, 0);
    if (!args || !kr_parser_expect(p, KR_TOK_RPAR)) return NULL;
    KrAstNode *returns = NULL;
    if (kr_parser_accept(p, KR_TOK_RARROW) && !(returns = kr_parse_expression(p))) return NULL;
    if (!expect_colon(p, 1)) return NULL;
    KrAstSeq body = kr_parse_block(p, "function definition", deft->t.lineno);
    if (p->failed) return NULL;
    KrAstNode *n = new_node(p, is_async ? KR_AST_AsyncFunctionDef : KR_AST_FunctionDef, start);
    if (!n) return NULL;
    n->v.FunctionDef.name = name;
    n->v.FunctionDef.args = args;
    n->v.FunctionDef.body = body;
    n->v.FunctionDef.decorator_list = decorators;
    n->v.FunctionDef.returns = returns;
    n->v.FunctionDef.type_params = tps;
    set_end_seq(n, body);
    return n;
}

static KrAstNode *classdef(Parser *p, const PTok *start, KrAstSeq decorators) {
    const PTok *ct = kr_parser_next(p);
    const char *name = kr_parser_name(p);
    if (!name) return NULL;
    KrAstSeq tps = {0, NULL};
    if (kr_parser_at(p, KR_TOK_LSQB)) {
        tps = kr_parse_type_params(p);
        if (p->failed) return NULL;
    }
    KrAstNode *call = NULL;
    if (kr_parser_at(p, KR_TOK_LPAR)) {
        const PTok *lp = kr_parser_next(p);
        if (!(call = kr_parse_arguments(p, lp, NULL, 0))) return NULL;
    }
    if (!expect_colon(p, 0)) return NULL;
    KrAstSeq body = kr_parse_block(p, "class definition", ct->t.lineno);
    if (p->failed) return NULL;
    KrAstNode *n = new_node(p, KR_AST_ClassDef, start);
    if (!n) return NULL;
    n->v.ClassDef.name = name;
    if (call) {
        n->v.ClassDef.bases = call->v.Call.args;
        n->v.ClassDef.keywords = call->v.Call.keywords;
    }
    n->v.ClassDef.body = body;
    n->v.ClassDef.decorator_list = decorators;
    n->v.ClassDef.type_params = tps;
    set_end_seq(n, body);
    return n;
}

static KrAstNode *decorated(Parser *p) {
    NodeVec v;
    kr_vec_init(&v);
    while (kr_parser_accept(p, KR_TOK_AT)) {
        KrAstNode *d = kr_parse_named_expression(p);
        if (!d || !kr_vec_push(p, &v, d)) goto fail;
        if (!kr_parser_expect(p, KR_TOK_NEWLINE)) goto fail;
    }
    const PTok *t = CUR(p);
    KrAstSeq decos = kr_vec_finish(p, &v);
    if (p->failed) return NULL;
    if (t->t.type == KR_TOK_NAME && t->kw == KW_DEF) return funcdef(p, t, decos);
    if (t->t.type == KR_TOK_NAME && t->kw == KW_CLASS) return classdef(p, t, decos);
    if (t->t.type == KR_TOK_NAME && t->kw == KW_ASYNC && PEEK(p, 1)->kw == KW_DEF) {
        kr_parser_next(p);
        return funcdef(p, t, decos);
    }
    kr_parser_syntax_error(p);
    return NULL;
fail:
    kr_vec_free(&v);
    return NULL;
}

static KrAstNode *match_stmt(Parser *p, int *not_match) {
    const PTok *start = CUR(p);
    int mark = p->pos, depth = p->depth;
    kr_parser_next(p); /* 'match' */
    KrAstNode *subject = NULL;
    /* subject: star_named_expression ',' star_named_expressions? | named_expression */
    if (!kr_parser_at(p, KR_TOK_COLON) && !kr_parser_at(p, KR_TOK_EQUAL))
        subject = kr_parse_star_named_expressions(p);
    if (!subject || !kr_parser_at(p, KR_TOK_COLON) || PEEK(p, 1)->t.type != KR_TOK_NEWLINE) {
        int missing_colon = subject && !p->failed && kr_parser_at(p, KR_TOK_NEWLINE) &&
                            subject->kind != KR_AST_Tuple && 0;
        (void)missing_colon;
        if (p->fatal) return NULL;
        p->failed = 0;
        p->generic = 0;
        p->pos = mark;
        p->depth = depth;
        *not_match = 1;
        return NULL;
    }
    kr_parser_next(p); /* ':' */
    kr_parser_next(p); /* NEWLINE */
    if (!kr_parser_accept(p, KR_TOK_INDENT)) {
        indent_error(p, "'match' statement", start->t.lineno);
        return NULL;
    }
    NodeVec cases;
    kr_vec_init(&cases);
    while (!kr_parser_at(p, KR_TOK_DEDENT) && !kr_parser_at(p, KR_TOK_ENDMARKER) && !p->failed) {
        if (!kr_parser_at_soft(p, "case")) {
            kr_parser_syntax_error(p);
            goto fail;
        }
        const PTok *ct = kr_parser_next(p);
        KrAstNode *pat = kr_parse_patterns(p);
        if (!pat) goto fail;
        KrAstNode *guard = NULL;
        if (kr_parser_accept_kw(p, KW_IF) && !(guard = kr_parse_named_expression(p))) goto fail;
        if (!expect_colon(p, 0)) goto fail;
        KrAstSeq body = kr_parse_block(p, "'case' statement", ct->t.lineno);
        if (p->failed) goto fail;
        KrAstNode *mc = kr_ast_new(p->arena, KR_AST_match_case, 0, 0, 0, 0);
        if (!mc) {
            kr_parser_nomem(p);
            goto fail;
        }
        mc->v.match_case.pattern = pat;
        mc->v.match_case.guard = guard;
        mc->v.match_case.body = body;
        if (!kr_vec_push(p, &cases, mc)) goto fail;
    }
    if (p->failed) goto fail;
    kr_parser_accept(p, KR_TOK_DEDENT);
    KrAstNode *n = new_node(p, KR_AST_Match, start);
    if (!n) goto fail;
    n->v.Match.subject = subject;
    n->v.Match.cases = kr_vec_finish(p, &cases);
    KrAstNode *last = n->v.Match.cases.items[n->v.Match.cases.n - 1];
    set_end_seq(n, last->v.match_case.body);
    return n;
fail:
    kr_vec_free(&cases);
    return NULL;
}

static int statement(Parser *p, NodeVec *out) {
    const PTok *t = CUR(p);
    if (p->failed) return 0;
    KrAstNode *s = NULL;
    KrAstSeq none = {0, NULL};
    if (!kr_parser_enter(p)) return 0;
    if (t->t.type == KR_TOK_NAME) {
        switch (t->kw) {
        case KW_IF: s = if_stmt(p); goto done;
        case KW_WHILE: s = while_stmt(p); goto done;
        case KW_FOR: s = for_stmt(p, t); goto done;
        case KW_TRY: s = try_stmt(p); goto done;
        case KW_WITH: s = with_stmt(p, t); goto done;
        case KW_DEF: s = funcdef(p, t, none); goto done;
        case KW_CLASS: s = classdef(p, t, none); goto done;
        case KW_ASYNC: {
            const PTok *n1 = PEEK(p, 1);
            if (n1->kw == KW_DEF || n1->kw == KW_FOR || n1->kw == KW_WITH) {
                kr_parser_next(p);
                if (n1->kw == KW_DEF) s = funcdef(p, t, none);
                else if (n1->kw == KW_FOR) s = for_stmt(p, t);
                else s = with_stmt(p, t);
                goto done;
            }
            kr_parser_next(p);
            kr_parser_syntax_error(p);
            goto done;
        }
        case KW_ELSE: case KW_ELIF: case KW_EXCEPT: case KW_FINALLY:
            kr_parser_syntax_error(p);
            goto done;
        case 0:
            if (kr_parser_at_soft(p, "match")) {
                KrTokenType n1 = PEEK(p, 1)->t.type;
                if (n1 != KR_TOK_EQUAL && n1 != KR_TOK_DOT && n1 != KR_TOK_NEWLINE &&
                    n1 != KR_TOK_SEMI && !augassign_op(n1)) {
                    int not_match = 0;
                    s = match_stmt(p, &not_match);
                    if (!not_match) goto done;
                }
            }
            break;
        default: break;
        }
    } else if (t->t.type == KR_TOK_AT) {
        s = decorated(p);
        goto done;
    } else if (t->t.type == KR_TOK_INDENT) {
        kr_parser_syntax_error(p);
        goto done;
    }
    LEAVE(p);
    return simple_stmts(p, out);
done:
    LEAVE(p);
    if (!s) return 0;
    return kr_vec_push(p, out, s);
}

/* ======================================================================== driver */

static KrAstNode *parse_file(Parser *p) {
    NodeVec v;
    kr_vec_init(&v);
    while (!p->failed && !kr_parser_at(p, KR_TOK_ENDMARKER)) {
        if (kr_parser_accept(p, KR_TOK_NEWLINE)) continue;
        if (!statement(p, &v)) break;
    }
    if (p->failed) {
        kr_vec_free(&v);
        return NULL;
    }
    KrAstNode *m = kr_ast_new(p->arena, KR_AST_Module, 0, 0, 0, 0);
    if (!m) {
        kr_parser_nomem(p);
        kr_vec_free(&v);
        return NULL;
    }
    m->v.Module.body = kr_vec_finish(p, &v);
    return m;
}

static KrAstNode *parse_eval(Parser *p) {
    KrAstNode *e = kr_parse_star_expressions(p);
    if (!e) return NULL;
    while (kr_parser_accept(p, KR_TOK_NEWLINE)) {
    }
    if (!kr_parser_at(p, KR_TOK_ENDMARKER)) {
        kr_parser_syntax_error(p);
        return NULL;
    }
    KrAstNode *m = kr_ast_new(p->arena, KR_AST_Expression, 0, 0, 0, 0);
    if (!m) {
        kr_parser_nomem(p);
        return NULL;
    }
    m->v.Expression.body = e;
    return m;
}

static KrAstNode *parse_single(Parser *p) {
    NodeVec v;
    kr_vec_init(&v);
    if (kr_parser_at(p, KR_TOK_NEWLINE) || kr_parser_at(p, KR_TOK_ENDMARKER)) {
        kr_parser_accept(p, KR_TOK_NEWLINE);
    } else {
        if (!statement(p, &v)) {
            kr_vec_free(&v);
            return NULL;
        }
        while (kr_parser_accept(p, KR_TOK_NEWLINE)) {
        }
        if (!kr_parser_at(p, KR_TOK_ENDMARKER)) {
            kr_parser_error_tok(p, CUR(p),
                                "multiple statements found while compiling a single statement");
            kr_vec_free(&v);
            return NULL;
        }
    }
    KrAstNode *m = kr_ast_new(p->arena, KR_AST_Interactive, 0, 0, 0, 0);
    if (!m) {
        kr_parser_nomem(p);
        kr_vec_free(&v);
        return NULL;
    }
    m->v.Interactive.body = kr_vec_finish(p, &v);
    return m;
}

static KrAstNode *parse_func_type(Parser *p) {
    if (!kr_parser_expect(p, KR_TOK_LPAR)) return NULL;
    NodeVec v;
    kr_vec_init(&v);
    while (!kr_parser_at(p, KR_TOK_RPAR)) {
        KrAstNode *e;
        if (kr_parser_at(p, KR_TOK_STAR) || kr_parser_at(p, KR_TOK_DOUBLESTAR)) {
            kr_parser_next(p);
            /* `*args` / `**kwargs` types: CPython keeps only the expression */
            if (!(e = kr_parse_expression(p))) goto fail;
        } else if (!(e = kr_parse_expression(p))) {
            goto fail;
        }
        if (!kr_vec_push(p, &v, e)) goto fail;
        if (!kr_parser_accept(p, KR_TOK_COMMA)) break;
    }
    if (!kr_parser_expect(p, KR_TOK_RPAR) || !kr_parser_expect(p, KR_TOK_RARROW)) goto fail;
    KrAstNode *ret = kr_parse_expression(p);
    if (!ret) goto fail;
    while (kr_parser_accept(p, KR_TOK_NEWLINE)) {
    }
    if (!kr_parser_at(p, KR_TOK_ENDMARKER)) {
        kr_parser_syntax_error(p);
        goto fail;
    }
    KrAstNode *m = kr_ast_new(p->arena, KR_AST_FunctionType, 0, 0, 0, 0);
    if (!m) {
        kr_parser_nomem(p);
        goto fail;
    }
    m->v.FunctionType.argtypes = kr_vec_finish(p, &v);
    m->v.FunctionType.returns = ret;
    return m;
fail:
    kr_vec_free(&v);
    return NULL;
}

KrAstNode *kr_parse(const char *src, size_t len, const char *filename, KrParseMode mode,
                    KrArena *arena, KrFrontendError *err) {
    (void)filename;
    Parser p;
    memset(&p, 0, sizeof p);
    memset(err, 0, sizeof *err);
    p.arena = arena;
    p.err = err;
    p.src = src;
    p.len = len;
    p.mode = mode;
    p.tz = kr_tokenizer_new(src, len, arena, 0);
    if (!p.tz) {
        err->kind = KR_ERR_SYNTAX;
        snprintf(err->msg, sizeof err->msg, "out of memory while parsing");
        err->lineno = 1;
        return NULL;
    }
    KrAstNode *r = NULL;
    switch (mode) {
    case KR_PARSE_FILE: r = parse_file(&p); break;
    case KR_PARSE_EVAL: r = parse_eval(&p); break;
    case KR_PARSE_SINGLE: r = parse_single(&p); break;
    case KR_PARSE_FUNC_TYPE: r = parse_func_type(&p); break;
    }
    if (p.failed) {
        r = NULL;
        /* like CPython 3.12: a parser error yields to a tokenizer error later on */
        if (!p.fatal) {
            /* the line of the furthest token read decides about unclosed brackets */
            p.far_line = p.ntoks ? PTOK_AT(&p, p.ntoks - 1)->t.end_lineno : 1;
            for (int guard = 0; guard < (1 << 30); guard++) {
                p.pos = p.ntoks;
                const PTok *t = CUR(&p);
                if (p.fatal || t->t.type == KR_TOK_ENDMARKER || t->t.type == KR_TOK_ERRORTOKEN)
                    break;
            }
        }
    }
    kr_tokenizer_free(p.tz);
    for (int i = 0; i < p.cap / PTOK_BLOCK; i++) free(p.blocks[i]);
    free(p.blocks);
    return r;
}
