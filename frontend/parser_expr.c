/* parser_expr.c - expressions: the precedence ladder from lambda/ternary down to atoms,
 * calls and subscripts, displays and comprehensions, parameters (def and lambda), type
 * parameters, assignment targets and their contexts, and the expression-level syntax
 * errors of CPython's invalid_* rules. */
#include <stdlib.h>
#include <string.h>

#include "parser_internal.h"

#define FOR_TARGETS 99 /* pseudo-context for kr_invalid_target: `for` target lists */

static KrAstNode *expression_impl(Parser *p, int comma_check);
static KrAstNode *named_expression_impl(Parser *p, int eq_check);
static KrAstNode *star_expression(Parser *p);

/* ======================================================================== helpers */

static KrAstNode *name_node(Parser *p, const PTok *t, int ctx) {
    KrAstNode *n = kr_parser_node(p, KR_AST_Name, t);
    if (!n) return NULL;
    n->lineno = t->t.lineno, n->col_offset = t->t.col_offset;
    n->end_lineno = t->t.end_lineno, n->end_col_offset = t->t.end_col_offset;
    n->v.Name.id = kr_arena_strndup(p->arena, t->t.start, (size_t)(t->t.end - t->t.start));
    if (!n->v.Name.id) {
        kr_parser_nomem(p);
        return NULL;
    }
    n->v.Name.ctx = ctx;
    return n;
}

static int can_start_expression(const PTok *t) {
    switch (t->t.type) {
    case KR_TOK_NAME:
        return t->kw == 0 || t->kw == KW_NONE || t->kw == KW_TRUE || t->kw == KW_FALSE ||
               t->kw == KW_NOT || t->kw == KW_LAMBDA || t->kw == KW_AWAIT;
    case KR_TOK_NUMBER: case KR_TOK_STRING: case KR_TOK_FSTRING_START: case KR_TOK_LPAR:
    case KR_TOK_LSQB: case KR_TOK_LBRACE: case KR_TOK_MINUS: case KR_TOK_PLUS:
    case KR_TOK_TILDE: case KR_TOK_ELLIPSIS:
        return 1;
    default: return 0;
    }
}

/* Token nesting level: >0 inside brackets (CPython only suggests a missing comma there). */
static int in_brackets(Parser *p) {
    int level = 0;
    /* count bracket tokens consumed so far; cheap enough for an error path */
    for (int i = 0; i < p->pos; i++) {
        switch (PTOK_AT(p, i)->t.type) {
        case KR_TOK_LPAR: case KR_TOK_LSQB: case KR_TOK_LBRACE: level++; break;
        case KR_TOK_RPAR: case KR_TOK_RSQB: case KR_TOK_RBRACE: level--; break;
        default: break;
        }
    }
    return level > 0;
}

/* After element `a` inside brackets the parser expected ',' or a closing bracket. If an
 * expression follows, say "Perhaps you forgot a comma?" like CPython; else "invalid
 * syntax" at the current token. */
void kr_parser_bracket_error(Parser *p, const KrAstNode *a) {
    if (p->failed) return;
    const PTok *t = CUR(p);
    if (a && can_start_expression(t) && a->kind != KR_AST_IfExp && a->kind != KR_AST_Lambda &&
        a->kind != KR_AST_Starred && in_brackets(p) &&
        !(a->kind == KR_AST_Name &&
          (t->t.type == KR_TOK_STRING || t->t.type == KR_TOK_FSTRING_START)) &&
        !(a->kind == KR_AST_Name &&
          (!strcmp(a->v.Name.id, "match") || !strcmp(a->v.Name.id, "case") ||
           !strcmp(a->v.Name.id, "type") || !strcmp(a->v.Name.id, "_")))) {
        int mark = p->pos, depth = p->depth;
        KrAstNode *b = expression_impl(p, 0);
        if (b && !p->failed) {
            kr_parser_error_at(p, KR_ERR_SYNTAX, a->lineno, a->col_offset, b->end_lineno,
                               b->end_col_offset, "invalid syntax. Perhaps you forgot a comma?");
            return;
        }
        if (p->fatal) return;
        p->failed = 0;
        p->generic = 0;
        p->pos = mark;
        p->depth = depth;
    }
    kr_parser_syntax_error(p);
}

static const PTok *expect_close(Parser *p, KrTokenType type, const KrAstNode *last) {
    if (kr_parser_at(p, type)) return kr_parser_next(p);
    kr_parser_bracket_error(p, last);
    return NULL;
}

const char *kr_expr_name(const KrAstNode *e) {
    switch (e->kind) {
    case KR_AST_Attribute: return "attribute";
    case KR_AST_Subscript: return "subscript";
    case KR_AST_Starred: return "starred";
    case KR_AST_Name: return "name";
    case KR_AST_List: return "list";
    case KR_AST_Tuple: return "tuple";
    case KR_AST_Lambda: return "lambda";
    case KR_AST_Call: return "function call";
    case KR_AST_BoolOp: case KR_AST_BinOp: case KR_AST_UnaryOp: return "expression";
    case KR_AST_GeneratorExp: return "generator expression";
    case KR_AST_Yield: case KR_AST_YieldFrom: return "yield expression";
    case KR_AST_Await: return "await expression";
    case KR_AST_ListComp: return "list comprehension";
    case KR_AST_SetComp: return "set comprehension";
    case KR_AST_DictComp: return "dict comprehension";
    case KR_AST_Dict: return "dict literal";
    case KR_AST_Set: return "set display";
    case KR_AST_JoinedStr: case KR_AST_FormattedValue: return "f-string expression";
    case KR_AST_Constant:
        switch (e->v.Constant.value.kind) {
        case KR_CONST_NONE: return "None";
        case KR_CONST_TRUE: return "True";
        case KR_CONST_FALSE: return "False";
        case KR_CONST_ELLIPSIS: return "ellipsis";
        default: return "literal";
        }
    case KR_AST_Compare: return "comparison";
    case KR_AST_IfExp: return "conditional expression";
    case KR_AST_NamedExpr: return "named expression";
    default: return "expression";
    }
}

const KrAstNode *kr_invalid_target(const KrAstNode *e, int ctx) {
    switch (e->kind) {
    case KR_AST_Name: case KR_AST_Attribute: case KR_AST_Subscript: return NULL;
    case KR_AST_Starred:
        if (ctx == KR_CTX_DEL) return e;
        return kr_invalid_target(e->v.Starred.value, ctx);
    case KR_AST_List: case KR_AST_Tuple: {
        const KrAstSeq *s = e->kind == KR_AST_List ? &e->v.List.elts : &e->v.Tuple.elts;
        for (int i = 0; i < s->n; i++) {
            const KrAstNode *b = kr_invalid_target(s->items[i], ctx);
            if (b) return b;
        }
        return NULL;
    }
    case KR_AST_Compare:
        if (ctx == FOR_TARGETS) {
            if (e->v.Compare.ops.items[0] == KR_CMPOP_IN)
                return kr_invalid_target(e->v.Compare.left, ctx);
            return NULL;
        }
        return e;
    default: return e;
    }
}

int kr_set_context(Parser *p, KrAstNode *e, int ctx) {
    const KrAstNode *bad = kr_invalid_target(e, ctx);
    if (bad) {
        kr_parser_error_node(p, bad, ctx == KR_CTX_DEL ? "cannot delete %s" : "cannot assign to %s",
                             kr_expr_name(bad));
        return 0;
    }
    switch (e->kind) {
    case KR_AST_Name: e->v.Name.ctx = ctx; break;
    case KR_AST_Attribute: e->v.Attribute.ctx = ctx; break;
    case KR_AST_Subscript: e->v.Subscript.ctx = ctx; break;
    case KR_AST_Starred:
        e->v.Starred.ctx = ctx;
        return kr_set_context(p, e->v.Starred.value, ctx);
    case KR_AST_List: case KR_AST_Tuple: {
        KrAstSeq *s = e->kind == KR_AST_List ? &e->v.List.elts : &e->v.Tuple.elts;
        if (e->kind == KR_AST_List) e->v.List.ctx = ctx;
        else e->v.Tuple.ctx = ctx;
        for (int i = 0; i < s->n; i++)
            if (!kr_set_context(p, s->items[i], ctx)) return 0;
        break;
    }
    default: break;
    }
    return 1;
}

/* ======================================================================== tuples, lists */

/* star_expressions / star_named_expressions: items separated by commas, a Tuple if any
 * comma is present. */
static KrAstNode *expr_list(Parser *p, KrAstNode *(*item)(Parser *)) {
    const PTok *start = CUR(p);
    KrAstNode *first = item(p);
    if (!first) return NULL;
    if (!kr_parser_at(p, KR_TOK_COMMA)) return first;
    NodeVec v;
    kr_vec_init(&v);
    if (!kr_vec_push(p, &v, first)) return NULL;
    while (kr_parser_accept(p, KR_TOK_COMMA)) {
        if (!can_start_expression(CUR(p)) && !kr_parser_at(p, KR_TOK_STAR) &&
            !kr_parser_at_kw(p, KW_YIELD))
            break;
        KrAstNode *e = item(p);
        if (!e || !kr_vec_push(p, &v, e)) goto fail;
    }
    KrAstNode *t = kr_parser_node(p, KR_AST_Tuple, start);
    if (!t) goto fail;
    t->v.Tuple.elts = kr_vec_finish(p, &v);
    t->v.Tuple.ctx = KR_CTX_LOAD;
    return t;
fail:
    kr_vec_free(&v);
    return NULL;
}

KrAstNode *kr_parse_star_expressions(Parser *p) { return expr_list(p, star_expression); }
KrAstNode *kr_parse_star_named_expressions(Parser *p) {
    return expr_list(p, kr_parse_star_named_expression);
}

static KrAstNode *starred(Parser *p) {
    const PTok *st = kr_parser_next(p); /* '*' */
    KrAstNode *v = kr_parse_bitwise_or(p);
    if (!v) return NULL;
    KrAstNode *n = kr_parser_node(p, KR_AST_Starred, st);
    if (!n) return NULL;
    n->v.Starred.value = v;
    n->v.Starred.ctx = KR_CTX_LOAD;
    return n;
}

static KrAstNode *star_expression(Parser *p) {
    if (kr_parser_at(p, KR_TOK_STAR)) return starred(p);
    return kr_parse_expression(p);
}

KrAstNode *kr_parse_star_named_expression(Parser *p) {
    if (kr_parser_at(p, KR_TOK_STAR)) return starred(p);
    return kr_parse_named_expression(p);
}

/* ======================================================================== the ladder */

KrAstNode *kr_parse_yield_expr(Parser *p) {
    const PTok *st = kr_parser_next(p); /* 'yield' */
    if (kr_parser_accept_kw(p, KW_FROM)) {
        KrAstNode *v = kr_parse_expression(p);
        if (!v) return NULL;
        KrAstNode *n = kr_parser_node(p, KR_AST_YieldFrom, st);
        if (n) n->v.YieldFrom.value = v;
        return n;
    }
    KrAstNode *v = NULL;
    if (can_start_expression(CUR(p)) || kr_parser_at(p, KR_TOK_STAR)) {
        if (!(v = kr_parse_star_expressions(p))) return NULL;
    }
    KrAstNode *n = kr_parser_node(p, KR_AST_Yield, st);
    if (n) n->v.Yield.value = v;
    return n;
}

static KrAstNode *named_expression_impl(Parser *p, int eq_check) {
    const PTok *t = CUR(p);
    if (t->t.type == KR_TOK_NAME && t->kw == 0 && PEEK(p, 1)->t.type == KR_TOK_COLONEQUAL) {
        kr_parser_next(p);
        kr_parser_next(p);
        KrAstNode *target = name_node(p, t, KR_CTX_STORE);
        KrAstNode *value = target ? kr_parse_expression(p) : NULL;
        if (!value) return NULL;
        KrAstNode *n = kr_parser_node(p, KR_AST_NamedExpr, t);
        if (!n) return NULL;
        n->v.NamedExpr.target = target;
        n->v.NamedExpr.value = value;
        return n;
    }
    KrAstNode *e = kr_parse_expression(p);
    if (!e) return NULL;
    if (kr_parser_at(p, KR_TOK_COLONEQUAL)) {
        kr_parser_error_node(p, e, "cannot use assignment expressions with %s", kr_expr_name(e));
        return NULL;
    }
    if (eq_check && kr_parser_at(p, KR_TOK_EQUAL)) {
        /* `if x = 1:` and friends: CPython's invalid_named_expression */
        int mark = p->pos;
        kr_parser_next(p);
        KrAstNode *b = kr_parse_bitwise_or(p);
        if (b && !kr_parser_at(p, KR_TOK_EQUAL) && !kr_parser_at(p, KR_TOK_COLONEQUAL)) {
            if (e->kind == KR_AST_Name && !kr_parser_is_parenthesized(e)) {
                kr_parser_error_at(p, KR_ERR_SYNTAX, e->lineno, e->col_offset, b->end_lineno,
                                   b->end_col_offset,
                                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                return NULL;
            }
            int excl = (e->kind == KR_AST_List || e->kind == KR_AST_GeneratorExp ||
                        (e->kind == KR_AST_Tuple && kr_parser_is_parenthesized(e)) ||
                        (e->kind == KR_AST_Constant && (e->v.Constant.value.kind == KR_CONST_NONE ||
                                                        e->v.Constant.value.kind == KR_CONST_TRUE ||
                                                        e->v.Constant.value.kind == KR_CONST_FALSE)));
            int bitwise = kr_parser_is_parenthesized(e) ||
                          !(e->kind == KR_AST_BoolOp || e->kind == KR_AST_Compare ||
                            e->kind == KR_AST_IfExp || e->kind == KR_AST_Lambda ||
                            (e->kind == KR_AST_UnaryOp && e->v.UnaryOp.op == KR_UNARYOP_NOT));
            if (!excl && bitwise) {
                kr_parser_error_node(p, e,
                                     "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                     kr_expr_name(e));
                return NULL;
            }
        }
        if (p->fatal) return NULL;
        p->failed = 0;
        p->pos = mark;
    }
    return e;
}

KrAstNode *kr_parse_named_expression(Parser *p) { return named_expression_impl(p, 1); }

static KrAstNode *lambdef(Parser *p) {
    const PTok *st = kr_parser_next(p); /* 'lambda' */
    KrAstNode *args = kr_parse_params(p, 1);
    if (!args) return NULL;
    if (!kr_parser_at(p, KR_TOK_COLON)) {
        if (p->fstring_depth && !p->failed) {
            kr_parser_error_tok(p, st,
                                "f-string: lambda expressions are not allowed without parentheses");
            return NULL;
        }
        kr_parser_syntax_error(p);
        return NULL;
    }
    const PTok *colon = kr_parser_next(p);
    if (p->fstring_depth &&
        (kr_parser_at(p, KR_TOK_FSTRING_MIDDLE) || kr_parser_at(p, KR_TOK_RBRACE))) {
        /* the tokenizer took ':' as the start of a format spec */
        kr_parser_error_at(p, KR_ERR_SYNTAX, st->t.lineno, st->t.col_offset, colon->t.end_lineno,
                           colon->t.end_col_offset,
                           "f-string: lambda expressions are not allowed without parentheses");
        return NULL;
    }
    KrAstNode *body = kr_parse_expression(p);
    if (!body) return NULL;
    KrAstNode *n = kr_parser_node(p, KR_AST_Lambda, st);
    if (!n) return NULL;
    n->v.Lambda.args = args;
    n->v.Lambda.body = body;
    return n;
}

static KrAstNode *expression_impl(Parser *p, int comma_check) {
    (void)comma_check;
    if (!kr_parser_enter_n(p, KR_EXPR_COST)) return NULL;
    KrAstNode *r = NULL;
    if (kr_parser_at_kw(p, KW_LAMBDA)) {
        r = lambdef(p);
        goto out;
    }
    KrAstNode *a = kr_parse_disjunction(p);
    if (!a) goto out;
    if (!kr_parser_at_kw(p, KW_IF)) {
        r = a;
        goto out;
    }
    kr_parser_next(p);
    KrAstNode *b = kr_parse_disjunction(p);
    if (!b) goto out;
    if (!kr_parser_accept_kw(p, KW_ELSE)) {
        if (!p->failed)
            kr_parser_error_at(p, KR_ERR_SYNTAX, a->lineno, a->col_offset, b->end_lineno,
                               b->end_col_offset, "expected 'else' after 'if' expression");
        goto out;
    }
    KrAstNode *c = kr_parse_expression(p);
    if (!c) goto out;
    r = kr_parser_node_span(p, KR_AST_IfExp, a, c);
    if (r) {
        r->v.IfExp.test = b;
        r->v.IfExp.body = a;
        r->v.IfExp.orelse = c;
    }
out:
    LEAVE_N(p, KR_EXPR_COST);
    return r;
}

KrAstNode *kr_parse_expression(Parser *p) { return expression_impl(p, 1); }

static KrAstNode *boolop(Parser *p, int kw, KrAstNode *(*sub)(Parser *)) {
    KrAstNode *first = sub(p);
    if (!first || !kr_parser_at_kw(p, kw)) return first;
    NodeVec v;
    kr_vec_init(&v);
    if (!kr_vec_push(p, &v, first)) return NULL;
    while (kr_parser_accept_kw(p, kw)) {
        KrAstNode *e = sub(p);
        if (!e || !kr_vec_push(p, &v, e)) goto fail;
    }
    KrAstNode *n = kr_parser_node_span(p, KR_AST_BoolOp, first, v.items[v.n - 1]);
    if (!n) goto fail;
    n->v.BoolOp.op = kw == KW_OR ? KR_BOOLOP_OR : KR_BOOLOP_AND;
    n->v.BoolOp.values = kr_vec_finish(p, &v);
    return n;
fail:
    kr_vec_free(&v);
    return NULL;
}

static KrAstNode *comparison(Parser *p);

static KrAstNode *inversion(Parser *p) {
    if (!kr_parser_at_kw(p, KW_NOT)) return comparison(p);
    const PTok *st = kr_parser_next(p);
    if (!kr_parser_enter(p)) return NULL;
    KrAstNode *v = inversion(p);
    LEAVE(p);
    if (!v) return NULL;
    KrAstNode *n = kr_parser_node(p, KR_AST_UnaryOp, st);
    if (n) n->v.UnaryOp.op = KR_UNARYOP_NOT, n->v.UnaryOp.operand = v;
    return n;
}

static KrAstNode *conjunction(Parser *p) { return boolop(p, KW_AND, inversion); }
KrAstNode *kr_parse_disjunction(Parser *p) { return boolop(p, KW_OR, conjunction); }

static int cmp_op(Parser *p, int *two) {
    const PTok *t = CUR(p);
    *two = 0;
    switch (t->t.type) {
    case KR_TOK_EQEQUAL: return KR_CMPOP_EQ;
    case KR_TOK_NOTEQUAL: return KR_CMPOP_NOTEQ;
    case KR_TOK_LESS: return KR_CMPOP_LT;
    case KR_TOK_LESSEQUAL: return KR_CMPOP_LTE;
    case KR_TOK_GREATER: return KR_CMPOP_GT;
    case KR_TOK_GREATEREQUAL: return KR_CMPOP_GTE;
    case KR_TOK_NAME:
        if (t->kw == KW_IN) return KR_CMPOP_IN;
        if (t->kw == KW_IS) {
            if (PEEK(p, 1)->kw == KW_NOT && PEEK(p, 1)->t.type == KR_TOK_NAME) {
                *two = 1;
                return KR_CMPOP_ISNOT;
            }
            return KR_CMPOP_IS;
        }
        if (t->kw == KW_NOT && PEEK(p, 1)->kw == KW_IN && PEEK(p, 1)->t.type == KR_TOK_NAME) {
            *two = 1;
            return KR_CMPOP_NOTIN;
        }
        return 0;
    default: return 0;
    }
}

static KrAstNode *comparison(Parser *p) {
    KrAstNode *left = kr_parse_bitwise_or(p);
    if (!left) return NULL;
    int two, op = cmp_op(p, &two);
    if (!op) return left;
    NodeVec v;
    kr_vec_init(&v);
    int opsbuf[16], *ops = opsbuf, nops = 0, capops = 16;
    while (op) {
        kr_parser_next(p);
        if (two) kr_parser_next(p);
        KrAstNode *r = kr_parse_bitwise_or(p);
        if (!r || !kr_vec_push(p, &v, r)) goto fail;
        if (nops == capops) {
            int *no = kr_arena_alloc(p->arena, sizeof(int) * capops * 2);
            if (!no) {
                kr_parser_nomem(p);
                goto fail;
            }
            memcpy(no, ops, sizeof(int) * nops);
            ops = no;
            capops *= 2;
        }
        ops[nops++] = op;
        op = cmp_op(p, &two);
    }
    KrAstNode *n = kr_parser_node_span(p, KR_AST_Compare, left, v.items[v.n - 1]);
    if (!n) goto fail;
    int *items = kr_arena_alloc(p->arena, sizeof(int) * nops);
    if (!items) {
        kr_parser_nomem(p);
        goto fail;
    }
    memcpy(items, ops, sizeof(int) * nops);
    n->v.Compare.left = left;
    n->v.Compare.ops.n = nops;
    n->v.Compare.ops.items = items;
    n->v.Compare.comparators = kr_vec_finish(p, &v);
    return n;
fail:
    kr_vec_free(&v);
    return NULL;
}

/* Left-associative binary levels, from loosest to tightest. */
enum { LV_OR, LV_XOR, LV_AND, LV_SHIFT, LV_SUM, LV_TERM, LV_FACTOR };

static int binop_at(Parser *p, int level) {
    KrTokenType t = CUR_TYPE(p);
    switch (level) {
    case LV_OR: return t == KR_TOK_VBAR ? KR_OPERATOR_BITOR : 0;
    case LV_XOR: return t == KR_TOK_CIRCUMFLEX ? KR_OPERATOR_BITXOR : 0;
    case LV_AND: return t == KR_TOK_AMPER ? KR_OPERATOR_BITAND : 0;
    case LV_SHIFT:
        return t == KR_TOK_LEFTSHIFT ? KR_OPERATOR_LSHIFT
               : t == KR_TOK_RIGHTSHIFT ? KR_OPERATOR_RSHIFT : 0;
    case LV_SUM: return t == KR_TOK_PLUS ? KR_OPERATOR_ADD : t == KR_TOK_MINUS ? KR_OPERATOR_SUB : 0;
    case LV_TERM:
        switch (t) {
        case KR_TOK_STAR: return KR_OPERATOR_MULT;
        case KR_TOK_SLASH: return KR_OPERATOR_DIV;
        case KR_TOK_DOUBLESLASH: return KR_OPERATOR_FLOORDIV;
        case KR_TOK_PERCENT: return KR_OPERATOR_MOD;
        case KR_TOK_AT: return KR_OPERATOR_MATMULT;
        default: return 0;
        }
    default: return 0;
    }
}

static KrAstNode *factor(Parser *p);

static KrAstNode *binary(Parser *p, int level) {
    KrAstNode *left = level == LV_TERM ? factor(p) : binary(p, level + 1);
    if (!left) return NULL;
    int op, chain = 0;
    while ((op = binop_at(p, level)) != 0) {
        kr_parser_next(p);
        if (!kr_parser_enter(p)) break;
        chain++;
        KrAstNode *right = level == LV_TERM ? factor(p) : binary(p, level + 1);
        if (!right) break;
        KrAstNode *n = kr_parser_node_span(p, KR_AST_BinOp, left, right);
        if (!n) return NULL;
        n->v.BinOp.left = left;
        n->v.BinOp.op = op;
        n->v.BinOp.right = right;
        left = n;
    }
    LEAVE_N(p, chain);
    return p->failed ? NULL : left;
}

KrAstNode *kr_parse_bitwise_or(Parser *p) { return binary(p, LV_OR); }

static KrAstNode *power(Parser *p);

static KrAstNode *factor(Parser *p) {
    KrTokenType t = CUR_TYPE(p);
    int op = t == KR_TOK_PLUS ? KR_UNARYOP_UADD
             : t == KR_TOK_MINUS ? KR_UNARYOP_USUB
             : t == KR_TOK_TILDE ? KR_UNARYOP_INVERT : 0;
    if (!op) return power(p);
    const PTok *st = kr_parser_next(p);
    if (!kr_parser_enter(p)) return NULL;
    KrAstNode *v = factor(p);
    LEAVE(p);
    if (!v) return NULL;
    KrAstNode *n = kr_parser_node(p, KR_AST_UnaryOp, st);
    if (n) n->v.UnaryOp.op = op, n->v.UnaryOp.operand = v;
    return n;
}

static KrAstNode *power(Parser *p) {
    KrAstNode *left;
    if (kr_parser_at_kw(p, KW_AWAIT)) {
        const PTok *st = kr_parser_next(p);
        if (!kr_parser_enter(p)) return NULL;
        KrAstNode *v = kr_parse_primary(p);
        LEAVE(p);
        if (!v) return NULL;
        left = kr_parser_node(p, KR_AST_Await, st);
        if (!left) return NULL;
        left->v.Await.value = v;
    } else {
        left = kr_parse_primary(p);
        if (!left) return NULL;
    }
    if (!kr_parser_accept(p, KR_TOK_DOUBLESTAR)) return left;
    if (!kr_parser_enter(p)) return NULL;
    KrAstNode *right = factor(p);
    LEAVE(p);
    if (!right) return NULL;
    KrAstNode *n = kr_parser_node_span(p, KR_AST_BinOp, left, right);
    if (!n) return NULL;
    n->v.BinOp.left = left;
    n->v.BinOp.op = KR_OPERATOR_POW;
    n->v.BinOp.right = right;
    return n;
}

/* ======================================================================== primary */

static KrAstNode *atom(Parser *p);

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static KrAstNode *slice(Parser *p) {
    const PTok *st = CUR(p);
    KrAstNode *lower = NULL, *upper = NULL, *step = NULL;
    if (!kr_parser_at(p, KR_TOK_COLON)) {
        if (kr_parser_at(p, KR_TOK_STAR)) return starred(p);
        KrAstNode *e = named_expression_impl(p, 0);
        if (!e) return NULL;
        if (!kr_parser_at(p, KR_TOK_COLON)) return e;
        if (e->kind == KR_AST_NamedExpr && !kr_parser_is_parenthesized(e)) {
            kr_parser_syntax_error(p);
            return NULL;
        }
        lower = e;
    }
    kr_parser_next(p); /* ':' */
    KrTokenType t = CUR_TYPE(p);
    if (t != KR_TOK_COLON && t != KR_TOK_COMMA && t != KR_TOK_RSQB) {
        if (!(upper = kr_parse_expression(p))) return NULL;
    }
    if (kr_parser_accept(p, KR_TOK_COLON)) {
        t = CUR_TYPE(p);
        if (t != KR_TOK_COMMA && t != KR_TOK_RSQB && !(step = kr_parse_expression(p))) return NULL;
    }
    KrAstNode *n = kr_parser_node(p, KR_AST_Slice, st);
    if (!n) return NULL;
    n->v.Slice.lower = lower;
    n->v.Slice.upper = upper;
    n->v.Slice.step = step;
    return n;
}

static KrAstNode *subscript(Parser *p, KrAstNode *value) {
    kr_parser_next(p); /* '[' */
    const PTok *st = CUR(p);
    KrAstNode *first = slice(p);
    if (!first) return NULL;
    KrAstNode *idx = first;
    /* a lone starred item is not a slice: a[*b] indexes with the tuple (*b,) */
    if (kr_parser_at(p, KR_TOK_COMMA) || first->kind == KR_AST_Starred) {
        NodeVec v;
        kr_vec_init(&v);
        if (!kr_vec_push(p, &v, first)) return NULL;
        while (kr_parser_accept(p, KR_TOK_COMMA)) {
            if (kr_parser_at(p, KR_TOK_RSQB)) break;
            KrAstNode *e = slice(p);
            if (!e || !kr_vec_push(p, &v, e)) {
                kr_vec_free(&v);
                return NULL;
            }
        }
        idx = kr_parser_node(p, KR_AST_Tuple, st);
        if (!idx) {
            kr_vec_free(&v);
            return NULL;
        }
        idx->v.Tuple.elts = kr_vec_finish(p, &v);
        idx->v.Tuple.ctx = KR_CTX_LOAD;
    }
    KrAstNode *last = idx->kind == KR_AST_Tuple && idx->v.Tuple.elts.n
                          ? idx->v.Tuple.elts.items[idx->v.Tuple.elts.n - 1]
                          : idx;
    if (!expect_close(p, KR_TOK_RSQB, last)) return NULL;
    KrAstNode *n = kr_parser_node(p, KR_AST_Subscript, st);
    if (!n) return NULL;
    n->lineno = value->lineno, n->col_offset = value->col_offset;
    n->v.Subscript.value = value;
    n->v.Subscript.slice = idx;
    n->v.Subscript.ctx = KR_CTX_LOAD;
    return n;
}

KrAstNode *kr_parse_primary(Parser *p) {
    KrAstNode *e = atom(p);
    int chain = 0;
    while (e) {
        KrTokenType t = CUR_TYPE(p);
        if (t == KR_TOK_DOT || t == KR_TOK_LPAR || t == KR_TOK_LSQB) {
            if (!kr_parser_enter(p)) {
                e = NULL;
                break;
            }
            chain++;
        }
        if (t == KR_TOK_DOT) {
            kr_parser_next(p);
            const char *attr = kr_parser_name(p);
            KrAstNode *n = attr ? kr_parser_node(p, KR_AST_Attribute, kr_parser_prev(p)) : NULL;
            if (!n) {
                e = NULL;
                break;
            }
            n->lineno = e->lineno, n->col_offset = e->col_offset;
            n->v.Attribute.value = e;
            n->v.Attribute.attr = attr;
            n->v.Attribute.ctx = KR_CTX_LOAD;
            e = n;
        } else if (t == KR_TOK_LPAR) {
            const PTok *lp = kr_parser_next(p);
            e = kr_parse_arguments(p, lp, e, 1);
        } else if (t == KR_TOK_LSQB) {
            e = subscript(p, e);
        } else {
            break;
        }
    }
    LEAVE_N(p, chain);
    return e;
}

/* ---- call arguments ---- */

static KrAstNode *keyword_node(Parser *p, const PTok *st, const char *arg, KrAstNode *value) {
    KrAstNode *k = kr_parser_node(p, KR_AST_keyword, st);
    if (!k) return NULL;
    k->v.keyword.arg = arg;
    k->v.keyword.value = value;
    return k;
}

KrAstNode *kr_parse_arguments(Parser *p, const PTok *lpar, KrAstNode *func, int allow_genexp) {
    NodeVec args, kws;
    kr_vec_init(&args);
    kr_vec_init(&kws);
    int seen_kw = 0;
    const char *late_msg = NULL; /* reported where the argument list ends, like CPython */
    KrAstNode *seen_dstar = NULL, *last = NULL;
    while (!kr_parser_at(p, KR_TOK_RPAR)) {
        const PTok *st = CUR(p);
        if (p->failed) goto fail;
        if (st->t.type == KR_TOK_STAR) {
            /* call arguments take '*' expression (a conditional is fine), not bitwise_or */
            kr_parser_next(p);
            KrAstNode *sv = kr_parse_expression(p);
            KrAstNode *s = sv ? kr_parser_node(p, KR_AST_Starred, st) : NULL;
            if (!s) goto fail;
            s->v.Starred.value = sv;
            s->v.Starred.ctx = KR_CTX_LOAD;
            if (seen_dstar) {
                kr_parser_error_tok(p, st,
                                    "iterable argument unpacking follows keyword argument unpacking");
                goto fail;
            }
            if (kr_parser_at(p, KR_TOK_EQUAL)) {
                kr_parser_next(p);
                KrAstNode *rhs = kr_parse_expression(p);
                if (rhs)
                    kr_parser_error_at(p, KR_ERR_SYNTAX, st->t.lineno, st->t.col_offset,
                                       rhs->end_lineno, rhs->end_col_offset,
                                       "cannot assign to iterable argument unpacking");
                goto fail;
            }
            if (!kr_vec_push(p, &args, s)) goto fail;
            last = s;
        } else if (st->t.type == KR_TOK_DOUBLESTAR) {
            kr_parser_next(p);
            KrAstNode *v = kr_parse_expression(p);
            if (!v) goto fail;
            KrAstNode *k = keyword_node(p, st, NULL, v);
            if (!k || !kr_vec_push(p, &kws, k)) goto fail;
            seen_dstar = k;
            last = v;
        } else if (st->t.type == KR_TOK_NAME && st->kw == 0 &&
                   PEEK(p, 1)->t.type == KR_TOK_EQUAL) {
            const char *name = kr_parser_name(p);
            kr_parser_next(p); /* '=' */
            KrAstNode *v = kr_parse_expression(p);
            if (!name || !v) goto fail;
            KrAstNode *k = keyword_node(p, st, name, v);
            if (!k || !kr_vec_push(p, &kws, k)) goto fail;
            seen_kw = 1;
            last = v;
        } else {
            KrAstNode *e = named_expression_impl(p, 0);
            if (!e) goto fail;
            if (kr_parser_at(p, KR_TOK_EQUAL)) {
                const PTok *eq = CUR(p);
                if (st->t.type == KR_TOK_NAME && st->kw && PEEK(p, 0) == eq &&
                    e->kind == KR_AST_Constant) {
                    kr_parser_error_at(p, KR_ERR_SYNTAX, e->lineno, e->col_offset,
                                       eq->t.end_lineno, eq->t.end_col_offset,
                                       "cannot assign to %s", kr_expr_name(e));
                    goto fail;
                }
                kr_parser_error_at(p, KR_ERR_SYNTAX, e->lineno, e->col_offset, eq->t.end_lineno,
                                   eq->t.end_col_offset,
                                   "expression cannot contain assignment, perhaps you meant \"==\"?");
                goto fail;
            }
            if (kr_at_comp_for(p)) {
                if (!allow_genexp) {
                    kr_parser_syntax_error(p);
                    goto fail;
                }
                KrAstSeq gens = kr_parse_comp_for(p);
                if (p->failed) goto fail;
                KrAstNode *last_gen = gens.items[gens.n - 1];
                const KrAstNode *end = last_gen->v.comprehension.ifs.n
                                           ? last_gen->v.comprehension.ifs.items
                                                 [last_gen->v.comprehension.ifs.n - 1]
                                           : last_gen->v.comprehension.iter;
                if (args.n || kws.n || !kr_parser_at(p, KR_TOK_RPAR)) {
                    if (!kr_parser_at(p, KR_TOK_RPAR) && !kr_parser_at(p, KR_TOK_COMMA)) {
                        kr_parser_syntax_error(p);
                        goto fail;
                    }
                    kr_parser_error_at(p, KR_ERR_SYNTAX, e->lineno, e->col_offset,
                                       end->end_lineno, end->end_col_offset,
                                       "Generator expression must be parenthesized");
                    goto fail;
                }
                if (e->kind == KR_AST_Starred) {
                    kr_parser_error_node(p, e, "iterable unpacking cannot be used in comprehension");
                    goto fail;
                }
                const PTok *rp = kr_parser_next(p);
                KrAstNode *g = kr_parser_node(p, KR_AST_GeneratorExp, lpar);
                if (!g) goto fail;
                g->v.GeneratorExp.elt = e;
                g->v.GeneratorExp.generators = gens;
                if (!kr_vec_push(p, &args, g)) goto fail;
                (void)rp;
                goto done;
            }
            if (seen_dstar && !late_msg)
                late_msg = "positional argument follows keyword argument unpacking";
            else if (seen_kw && !late_msg)
                late_msg = "positional argument follows keyword argument";
            if (!kr_vec_push(p, &args, e)) goto fail;
            last = e;
        }
        if (!kr_parser_accept(p, KR_TOK_COMMA)) break;
    }
    if (late_msg) {
        kr_parser_error_tok(p, CUR(p), "%s", late_msg);
        goto fail;
    }
    if (!expect_close(p, KR_TOK_RPAR, last)) goto fail;
done:;
    KrAstNode *n;
    if (func) {
        n = kr_parser_node(p, KR_AST_Call, lpar);
        if (!n) goto fail;
        n->lineno = func->lineno, n->col_offset = func->col_offset;
    } else {
        n = kr_parser_node(p, KR_AST_Call, lpar);
        if (!n) goto fail;
    }
    n->v.Call.func = func;
    n->v.Call.args = kr_vec_finish(p, &args);
    n->v.Call.keywords = kr_vec_finish(p, &kws);
    return n;
fail:
    kr_vec_free(&args);
    kr_vec_free(&kws);
    return NULL;
}

/* ======================================================================== comprehensions */

int kr_at_comp_for(Parser *p) {
    if (kr_parser_at_kw(p, KW_FOR)) return 1;
    return kr_parser_at_kw(p, KW_ASYNC) && PEEK(p, 1)->kw == KW_FOR &&
           PEEK(p, 1)->t.type == KR_TOK_NAME;
}

/* star_targets followed by 'in'; on failure, re-read the text as an expression to name the
 * offending target like CPython's invalid_for_target rule. */
KrAstNode *kr_parse_for_targets(Parser *p) {
    int mark = p->pos, depth = p->depth;
    KrAstNode *t = kr_parse_star_targets(p, KR_CTX_STORE);
    if (t && kr_parser_at_kw(p, KW_IN)) return t;
    if (p->fatal) return NULL;
    KrFrontendError saved = *p->err;
    int had_error = p->failed, generic = p->generic;
    if (!had_error) {
        kr_parser_syntax_error(p);
        saved = *p->err;
        generic = p->generic;
    }
    p->failed = 0;
    p->pos = mark;
    p->depth = depth;
    KrAstNode *e = kr_parse_star_expressions(p);
    if (p->fatal) return NULL;
    if (e && !p->failed) {
        const KrAstNode *bad = kr_invalid_target(e, FOR_TARGETS);
        if (bad) {
            kr_parser_error_node(p, bad, "cannot assign to %s", kr_expr_name(bad));
            return NULL;
        }
    }
    *p->err = saved;
    p->failed = 1;
    p->generic = generic;
    return NULL;
}

KrAstSeq kr_parse_comp_for(Parser *p) {
    NodeVec v;
    kr_vec_init(&v);
    KrAstSeq empty = {0, NULL};
    while (kr_at_comp_for(p)) {
        int is_async = kr_parser_accept_kw(p, KW_ASYNC);
        kr_parser_next(p); /* 'for' */
        KrAstNode *target = kr_parse_for_targets(p);
        if (!target) goto fail;
        kr_parser_next(p); /* 'in' */
        KrAstNode *iter = kr_parse_disjunction(p);
        if (!iter) goto fail;
        NodeVec ifs;
        kr_vec_init(&ifs);
        while (kr_parser_accept_kw(p, KW_IF)) {
            KrAstNode *c = kr_parse_disjunction(p);
            if (!c || !kr_vec_push(p, &ifs, c)) {
                kr_vec_free(&ifs);
                goto fail;
            }
        }
        KrAstNode *c = kr_ast_new(p->arena, KR_AST_comprehension, 0, 0, 0, 0);
        if (!c) {
            kr_vec_free(&ifs);
            kr_parser_nomem(p);
            goto fail;
        }
        c->v.comprehension.target = target;
        c->v.comprehension.iter = iter;
        c->v.comprehension.ifs = kr_vec_finish(p, &ifs);
        c->v.comprehension.is_async = is_async;
        if (!kr_vec_push(p, &v, c)) goto fail;
    }
    return kr_vec_finish(p, &v);
fail:
    kr_vec_free(&v);
    return empty;
}

/* ======================================================================== atoms */

static KrAstNode *number(Parser *p) {
    const PTok *t = kr_parser_next(p);
    size_t n = (size_t)(t->t.end - t->t.start);
    char buf[128];
    char *s = n < sizeof buf ? buf : malloc(n + 1);
    if (!s) {
        kr_parser_nomem(p);
        return NULL;
    }
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (t->t.start[i] != '_') s[k++] = t->t.start[i];
    s[k] = 0;
    KrAstNode *c = kr_parser_node(p, KR_AST_Constant, t);
    if (!c) goto out;
    int is_hex = k > 1 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X');
    if (k && (s[k - 1] == 'j' || s[k - 1] == 'J')) {
        s[k - 1] = 0;
        c->v.Constant.value.kind = KR_CONST_IMAG;
        c->v.Constant.value.f = strtod(s, NULL);
    } else if (!is_hex && (strchr(s, '.') || strchr(s, 'e') || strchr(s, 'E'))) {
        c->v.Constant.value.kind = KR_CONST_FLOAT;
        c->v.Constant.value.f = strtod(s, NULL);
    } else {
        c->v.Constant.value.kind = KR_CONST_INT;
        c->v.Constant.value.text = kr_arena_strndup(p->arena, s, k);
        if (!c->v.Constant.value.text) {
            kr_parser_nomem(p);
            c = NULL;
        }
    }
out:
    if (s != buf) free(s);
    return c;
}

static KrAstNode *comp_node(Parser *p, KrAstKind kind, const PTok *st, KrAstNode *elt,
                            KrAstNode *value, const PTok *close) {
    if (elt->kind == KR_AST_Starred) {
        kr_parser_error_node(p, elt, "iterable unpacking cannot be used in comprehension");
        return NULL;
    }
    KrAstSeq gens = kr_parse_comp_for(p);
    if (p->failed) return NULL;
    if (!kr_parser_at(p, close->t.type)) {
        kr_parser_syntax_error(p);
        return NULL;
    }
    kr_parser_next(p);
    KrAstNode *n = kr_parser_node(p, kind, st);
    if (!n) return NULL;
    if (kind == KR_AST_DictComp) {
        n->v.DictComp.key = elt;
        n->v.DictComp.value = value;
        n->v.DictComp.generators = gens;
    } else {
        /* ListComp, SetComp and GeneratorExp share their layout */
        n->v.ListComp.elt = elt;
        n->v.ListComp.generators = gens;
    }
    return n;
}

/* elements of a list/tuple/set display after the first; stops before the closer */
static int more_items(Parser *p, NodeVec *v, KrTokenType close) {
    while (kr_parser_accept(p, KR_TOK_COMMA)) {
        if (kr_parser_at(p, close)) break;
        KrAstNode *e = kr_parse_star_named_expression(p);
        if (!e || !kr_vec_push(p, v, e)) return 0;
    }
    if (v->n > 1 && kr_at_comp_for(p)) {
        /* [x, y for x in z]: CPython's invalid_comprehension */
        const KrAstNode *a = v->items[0], *b = v->items[v->n - 1];
        kr_parser_error_at(p, KR_ERR_SYNTAX, a->lineno, a->col_offset, b->end_lineno,
                           b->end_col_offset,
                           "did you forget parentheses around the comprehension target?");
        return 0;
    }
    return 1;
}

static KrAstNode *paren_atom(Parser *p) {
    const PTok *lp = kr_parser_next(p);
    static const PTok rpar_tok = {.t = {.type = KR_TOK_RPAR}};
    if (kr_parser_accept(p, KR_TOK_RPAR)) {
        KrAstNode *t = kr_parser_node(p, KR_AST_Tuple, lp);
        if (t) t->v.Tuple.ctx = KR_CTX_LOAD, kr_parser_set_parenthesized(t);
        return t;
    }
    if (kr_parser_at_kw(p, KW_YIELD)) {
        KrAstNode *y = kr_parse_yield_expr(p);
        if (!y || !expect_close(p, KR_TOK_RPAR, y)) return NULL;
        kr_parser_set_parenthesized(y);
        return y;
    }
    KrAstNode *first = kr_parse_star_named_expression(p);
    if (!first) return NULL;
    if (kr_at_comp_for(p)) return comp_node(p, KR_AST_GeneratorExp, lp, first, NULL, &rpar_tok);
    if (kr_parser_at(p, KR_TOK_COMMA)) {
        NodeVec v;
        kr_vec_init(&v);
        if (!kr_vec_push(p, &v, first) || !more_items(p, &v, KR_TOK_RPAR) ||
            !expect_close(p, KR_TOK_RPAR, v.items[v.n - 1])) {
            kr_vec_free(&v);
            return NULL;
        }
        KrAstNode *t = kr_parser_node(p, KR_AST_Tuple, lp);
        if (!t) {
            kr_vec_free(&v);
            return NULL;
        }
        t->v.Tuple.elts = kr_vec_finish(p, &v);
        t->v.Tuple.ctx = KR_CTX_LOAD;
        kr_parser_set_parenthesized(t);
        return t;
    }
    if (first->kind == KR_AST_Starred && kr_parser_at(p, KR_TOK_RPAR)) {
        kr_parser_error_node(p, first, "cannot use starred expression here");
        return NULL;
    }
    if (!expect_close(p, KR_TOK_RPAR, first)) return NULL;
    kr_parser_set_parenthesized(first);
    return first;
}

static KrAstNode *list_atom(Parser *p) {
    const PTok *lb = kr_parser_next(p);
    static const PTok rsqb_tok = {.t = {.type = KR_TOK_RSQB}};
    NodeVec v;
    kr_vec_init(&v);
    if (!kr_parser_at(p, KR_TOK_RSQB)) {
        KrAstNode *first = kr_parse_star_named_expression(p);
        if (!first) return NULL;
        if (kr_at_comp_for(p)) return comp_node(p, KR_AST_ListComp, lb, first, NULL, &rsqb_tok);
        if (!kr_vec_push(p, &v, first) || !more_items(p, &v, KR_TOK_RSQB)) goto fail;
    }
    if (!expect_close(p, KR_TOK_RSQB, v.n ? v.items[v.n - 1] : NULL)) goto fail;
    KrAstNode *l = kr_parser_node(p, KR_AST_List, lb);
    if (!l) goto fail;
    l->v.List.elts = kr_vec_finish(p, &v);
    l->v.List.ctx = KR_CTX_LOAD;
    return l;
fail:
    kr_vec_free(&v);
    return NULL;
}

static KrAstNode *brace_atom(Parser *p) {
    const PTok *lb = kr_parser_next(p);
    static const PTok rbrace_tok = {.t = {.type = KR_TOK_RBRACE}};
    NodeVec keys, values;
    kr_vec_init(&keys);
    kr_vec_init(&values);
    if (kr_parser_accept(p, KR_TOK_RBRACE)) {
        KrAstNode *d = kr_parser_node(p, KR_AST_Dict, lb);
        return d;
    }
    KrAstNode *first_key = NULL, *first_val = NULL;
    const PTok *st = CUR(p);
    if (kr_parser_accept(p, KR_TOK_DOUBLESTAR)) {
        first_val = kr_parse_bitwise_or(p);
        if (!first_val) return NULL;
        if (kr_at_comp_for(p)) {
            kr_parser_error_tok(p, st, "dict unpacking cannot be used in dict comprehension");
            return NULL;
        }
    } else {
        KrAstNode *e = kr_parse_star_named_expression(p);
        if (!e) return NULL;
        if (kr_parser_at(p, KR_TOK_COLON) && e->kind != KR_AST_Starred &&
            !(e->kind == KR_AST_NamedExpr && !kr_parser_is_parenthesized(e))) {
            kr_parser_next(p);
            first_key = e;
            if (!(first_val = kr_parse_expression(p))) return NULL;
            if (kr_at_comp_for(p))
                return comp_node(p, KR_AST_DictComp, lb, first_key, first_val, &rbrace_tok);
        } else {
            /* a set */
            if (kr_at_comp_for(p)) return comp_node(p, KR_AST_SetComp, lb, e, NULL, &rbrace_tok);
            NodeVec v;
            kr_vec_init(&v);
            if (!kr_vec_push(p, &v, e) || !more_items(p, &v, KR_TOK_RBRACE) ||
                !expect_close(p, KR_TOK_RBRACE, v.items[v.n - 1])) {
                kr_vec_free(&v);
                return NULL;
            }
            KrAstNode *s = kr_parser_node(p, KR_AST_Set, lb);
            if (!s) {
                kr_vec_free(&v);
                return NULL;
            }
            s->v.Set.elts = kr_vec_finish(p, &v);
            return s;
        }
    }
    if (!kr_vec_push(p, &keys, first_key) || !kr_vec_push(p, &values, first_val)) goto fail;
    KrAstNode *last = first_val;
    while (kr_parser_accept(p, KR_TOK_COMMA)) {
        if (kr_parser_at(p, KR_TOK_RBRACE)) break;
        KrAstNode *k = NULL, *v;
        if (kr_parser_accept(p, KR_TOK_DOUBLESTAR)) {
            if (!(v = kr_parse_bitwise_or(p))) goto fail;
        } else {
            if (!(k = kr_parse_expression(p))) goto fail;
            if (!kr_parser_at(p, KR_TOK_COLON)) {
                if (kr_parser_at(p, KR_TOK_COMMA) || kr_parser_at(p, KR_TOK_RBRACE)) {
                    if (!p->failed)
                        kr_parser_error_at(p, KR_ERR_SYNTAX, k->lineno, k->col_offset,
                                           k->end_lineno, k->end_col_offset,
                                           "':' expected after dictionary key");
                    goto fail;
                }
                kr_parser_bracket_error(p, k);
                goto fail;
            }
            kr_parser_next(p);
            if (!(v = kr_parse_expression(p))) goto fail;
        }
        if (!kr_vec_push(p, &keys, k) || !kr_vec_push(p, &values, v)) goto fail;
        last = v;
    }
    if (!expect_close(p, KR_TOK_RBRACE, last)) goto fail;
    KrAstNode *d = kr_parser_node(p, KR_AST_Dict, lb);
    if (!d) goto fail;
    d->v.Dict.keys = kr_vec_finish(p, &keys);
    d->v.Dict.values = kr_vec_finish(p, &values);
    return d;
fail:
    kr_vec_free(&keys);
    kr_vec_free(&values);
    return NULL;
}

static KrAstNode *atom(Parser *p) {
    const PTok *t = CUR(p);
    if (p->failed) return NULL;
    switch (t->t.type) {
    case KR_TOK_NAME: {
        if (t->kw == 0) {
            kr_parser_next(p);
            return name_node(p, t, KR_CTX_LOAD);
        }
        int k = t->kw == KW_NONE ? KR_CONST_NONE
                : t->kw == KW_TRUE ? KR_CONST_TRUE
                : t->kw == KW_FALSE ? KR_CONST_FALSE : -1;
        if (k < 0) break;
        kr_parser_next(p);
        KrAstNode *c = kr_parser_node(p, KR_AST_Constant, t);
        if (c) c->v.Constant.value.kind = k;
        return c;
    }
    case KR_TOK_NUMBER: return number(p);
    case KR_TOK_STRING: case KR_TOK_FSTRING_START: return kr_parse_strings(p);
    case KR_TOK_ELLIPSIS: {
        kr_parser_next(p);
        KrAstNode *c = kr_parser_node(p, KR_AST_Constant, t);
        if (c) c->v.Constant.value.kind = KR_CONST_ELLIPSIS;
        return c;
    }
    case KR_TOK_LPAR: {
        if (!kr_parser_enter(p)) return NULL;
        KrAstNode *r = paren_atom(p);
        LEAVE(p);
        return r;
    }
    case KR_TOK_LSQB: {
        if (!kr_parser_enter(p)) return NULL;
        KrAstNode *r = list_atom(p);
        LEAVE(p);
        return r;
    }
    case KR_TOK_LBRACE: {
        if (!kr_parser_enter(p)) return NULL;
        KrAstNode *r = brace_atom(p);
        LEAVE(p);
        return r;
    }
    default: break;
    }
    kr_parser_syntax_error(p);
    return NULL;
}

/* ======================================================================== targets */

static KrAstNode *star_target(Parser *p, int ctx) {
    if (kr_parser_at(p, KR_TOK_STAR)) {
        const PTok *st = kr_parser_next(p);
        if (kr_parser_at(p, KR_TOK_STAR)) {
            kr_parser_syntax_error(p);
            return NULL;
        }
        if (!kr_parser_enter(p)) return NULL;
        KrAstNode *v = star_target(p, ctx);
        LEAVE(p);
        if (!v) return NULL;
        KrAstNode *n = kr_parser_node(p, KR_AST_Starred, st);
        if (!n) return NULL;
        n->v.Starred.value = v;
        n->v.Starred.ctx = ctx;
        return n;
    }
    KrAstNode *e = kr_parse_primary(p);
    if (!e || !kr_set_context(p, e, ctx)) return NULL;
    return e;
}

KrAstNode *kr_parse_star_target(Parser *p, int ctx) { return star_target(p, ctx); }

KrAstNode *kr_parse_star_targets(Parser *p, int ctx) {
    const PTok *st = CUR(p);
    KrAstNode *first = star_target(p, ctx);
    if (!first) return NULL;
    if (!kr_parser_at(p, KR_TOK_COMMA)) return first;
    NodeVec v;
    kr_vec_init(&v);
    if (!kr_vec_push(p, &v, first)) return NULL;
    while (kr_parser_accept(p, KR_TOK_COMMA)) {
        KrTokenType t = CUR_TYPE(p);
        if (!(t == KR_TOK_NAME && CUR(p)->kw == 0) && t != KR_TOK_LPAR && t != KR_TOK_LSQB &&
            t != KR_TOK_STAR)
            break;
        KrAstNode *e = star_target(p, ctx);
        if (!e || !kr_vec_push(p, &v, e)) goto fail;
    }
    KrAstNode *n = kr_parser_node(p, KR_AST_Tuple, st);
    if (!n) goto fail;
    n->v.Tuple.elts = kr_vec_finish(p, &v);
    n->v.Tuple.ctx = ctx;
    return n;
fail:
    kr_vec_free(&v);
    return NULL;
}

/* ======================================================================== parameters */

static KrAstNode *param(Parser *p, int is_lambda, int star) {
    const PTok *st = CUR(p);
    const char *name = kr_parser_name(p);
    if (!name) return NULL;
    KrAstNode *ann = NULL;
    if (!is_lambda && kr_parser_accept(p, KR_TOK_COLON)) {
        /* `*args: *Ts` takes a starred annotation */
        ann = (star && kr_parser_at(p, KR_TOK_STAR)) ? starred(p) : kr_parse_expression(p);
        if (!ann) return NULL;
    }
    KrAstNode *a = kr_parser_node(p, KR_AST_arg, st);
    if (!a) return NULL;
    a->v.arg.arg = name;
    a->v.arg.annotation = ann;
    return a;
}

KrAstNode *kr_parse_params(Parser *p, int is_lambda) {
    KrTokenType close = is_lambda ? KR_TOK_COLON : KR_TOK_RPAR;
    NodeVec posonly, args, defaults, kwonly, kwdefaults;
    kr_vec_init(&posonly);
    kr_vec_init(&args);
    kr_vec_init(&defaults);
    kr_vec_init(&kwonly);
    kr_vec_init(&kwdefaults);
    KrAstNode *vararg = NULL, *kwarg = NULL;
    int seen_star = 0, seen_slash = 0;
    const PTok *star_tok = NULL;
    while (!kr_parser_at(p, close)) {
        const PTok *t = CUR(p);
        if (p->failed) goto fail;
        if (kwarg) {
            kr_parser_error_tok(p, t, "arguments cannot follow var-keyword argument");
            goto fail;
        }
        if (t->t.type == KR_TOK_SLASH) {
            if (seen_slash) {
                kr_parser_error_tok(p, t, "/ may appear only once");
                goto fail;
            }
            if (seen_star) {
                kr_parser_error_tok(p, t, "/ must be ahead of *");
                goto fail;
            }
            if (!args.n) {
                kr_parser_error_tok(p, t, "at least one argument must precede /");
                goto fail;
            }
            kr_parser_next(p);
            seen_slash = 1;
            for (int i = 0; i < args.n; i++)
                if (!kr_vec_push(p, &posonly, args.items[i])) goto fail;
            args.n = 0;
        } else if (t->t.type == KR_TOK_STAR) {
            if (seen_star) {
                kr_parser_error_tok(p, t, "* argument may appear only once");
                goto fail;
            }
            kr_parser_next(p);
            seen_star = 1;
            star_tok = t;
            if (kr_parser_at(p, KR_TOK_COMMA) || kr_parser_at(p, close)) {
                const PTok *n1 = kr_parser_at(p, KR_TOK_COMMA) ? PEEK(p, 1) : CUR(p);
                if (n1->t.type == close || n1->t.type == KR_TOK_DOUBLESTAR) {
                    kr_parser_error_tok(p, is_lambda ? n1 : t, "named arguments must follow bare *");
                    goto fail;
                }
            } else {
                if (!(vararg = param(p, is_lambda, 1))) goto fail;
                if (kr_parser_at(p, KR_TOK_EQUAL)) {
                    kr_parser_error_tok(p, CUR(p), "var-positional argument cannot have default value");
                    goto fail;
                }
            }
        } else if (t->t.type == KR_TOK_DOUBLESTAR) {
            kr_parser_next(p);
            if (!(kwarg = param(p, is_lambda, 0))) goto fail;
            if (kr_parser_at(p, KR_TOK_EQUAL)) {
                kr_parser_error_tok(p, CUR(p), "var-keyword argument cannot have default value");
                goto fail;
            }
        } else {
            KrAstNode *a = param(p, is_lambda, 0);
            if (!a) goto fail;
            KrAstNode *def = NULL;
            if (kr_parser_accept(p, KR_TOK_EQUAL)) {
                if (!(def = kr_parse_expression(p))) goto fail;
            }
            if (seen_star) {
                if (!kr_vec_push(p, &kwonly, a) || !kr_vec_push(p, &kwdefaults, def)) goto fail;
            } else {
                if (def) {
                    if (!kr_vec_push(p, &defaults, def)) goto fail;
                } else if (defaults.n) {
                    kr_parser_error_node(p, a, "parameter without a default follows parameter with a default");
                    goto fail;
                }
                if (!kr_vec_push(p, &args, a)) goto fail;
            }
        }
        if (!kr_parser_accept(p, KR_TOK_COMMA)) break;
    }
    (void)star_tok;
    if (!kr_parser_at(p, close)) {
        kr_parser_syntax_error(p);
        goto fail;
    }
    KrAstNode *n = kr_ast_new(p->arena, KR_AST_arguments, 0, 0, 0, 0);
    if (!n) {
        kr_parser_nomem(p);
        goto fail;
    }
    n->v.arguments.posonlyargs = kr_vec_finish(p, &posonly);
    n->v.arguments.args = kr_vec_finish(p, &args);
    n->v.arguments.vararg = vararg;
    n->v.arguments.kwonlyargs = kr_vec_finish(p, &kwonly);
    n->v.arguments.kw_defaults = kr_vec_finish(p, &kwdefaults);
    n->v.arguments.kwarg = kwarg;
    n->v.arguments.defaults = kr_vec_finish(p, &defaults);
    return n;
fail:
    kr_vec_free(&posonly);
    kr_vec_free(&args);
    kr_vec_free(&defaults);
    kr_vec_free(&kwonly);
    kr_vec_free(&kwdefaults);
    return NULL;
}

KrAstSeq kr_parse_type_params(Parser *p) {
    KrAstSeq empty = {0, NULL};
    kr_parser_next(p); /* '[' */
    NodeVec v;
    kr_vec_init(&v);
    do {
        if (kr_parser_at(p, KR_TOK_RSQB) && v.n) break;
        const PTok *st = CUR(p);
        KrAstNode *tp;
        if (kr_parser_accept(p, KR_TOK_STAR) || kr_parser_accept(p, KR_TOK_DOUBLESTAR)) {
            const char *name = kr_parser_name(p);
            if (!name) goto fail;
            if (kr_parser_at(p, KR_TOK_COLON)) {
                kr_parser_error_tok(p, CUR(p),
                                    st->t.type == KR_TOK_STAR
                                        ? "cannot use bound with TypeVarTuple"
                                        : "cannot use bound with ParamSpec");
                goto fail;
            }
            tp = kr_parser_node(p, st->t.type == KR_TOK_STAR ? KR_AST_TypeVarTuple : KR_AST_ParamSpec, st);
            if (!tp) goto fail;
            tp->v.ParamSpec.name = name; /* same layout in TypeVarTuple */
        } else {
            const char *name = kr_parser_name(p);
            if (!name) goto fail;
            KrAstNode *bound = NULL;
            if (kr_parser_accept(p, KR_TOK_COLON) && !(bound = kr_parse_expression(p))) goto fail;
            tp = kr_parser_node(p, KR_AST_TypeVar, st);
            if (!tp) goto fail;
            tp->v.TypeVar.name = name;
            tp->v.TypeVar.bound = bound;
        }
        if (!kr_vec_push(p, &v, tp)) goto fail;
    } while (kr_parser_accept(p, KR_TOK_COMMA));
    if (!kr_parser_expect(p, KR_TOK_RSQB)) goto fail;
    return kr_vec_finish(p, &v);
fail:
    kr_vec_free(&v);
    return empty;
}
