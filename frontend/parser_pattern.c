/* parser_pattern.c - the patterns of `case` clauses (PEP 634): literal, capture,
 * wildcard, value, group, sequence, mapping, class, OR and AS patterns, producing the
 * Match* nodes of ast.def with CPython's positions and error messages. */
#include <string.h>

#include "parser_internal.h"

static KrAstNode *pattern(Parser *p);

static int at_name_text(const PTok *t, const char *s) {
    size_t n = strlen(s);
    return t->t.type == KR_TOK_NAME && (size_t)(t->t.end - t->t.start) == n &&
           memcmp(t->t.start, s, n) == 0;
}

static KrAstNode *pnode(Parser *p, KrAstKind kind, const PTok *start) {
    return kr_parser_node(p, kind, start);
}

/* signed_number ['+'|'-' imaginary] -> an expression node for MatchValue / mapping keys */
static KrAstNode *number_expr(Parser *p) {
    const PTok *st = CUR(p);
    KrAstNode *e;
    if (kr_parser_at(p, KR_TOK_MINUS)) {
        kr_parser_next(p);
        if (!kr_parser_at(p, KR_TOK_NUMBER)) {
            kr_parser_syntax_error(p);
            return NULL;
        }
        KrAstNode *num = kr_parse_primary(p);
        if (!num) return NULL;
        e = pnode(p, KR_AST_UnaryOp, st);
        if (!e) return NULL;
        e->v.UnaryOp.op = KR_UNARYOP_USUB;
        e->v.UnaryOp.operand = num;
    } else {
        const PTok *nt = kr_parser_next(p);
        /* a single NUMBER token: build the Constant via the primary parser's rules */
        p->pos--;
        (void)nt;
        e = kr_parse_primary(p);
        if (!e) return NULL;
        if (e->kind != KR_AST_Constant) {
            kr_parser_syntax_error(p);
            return NULL;
        }
    }
    if (kr_parser_at(p, KR_TOK_PLUS) || kr_parser_at(p, KR_TOK_MINUS)) {
        int op = kr_parser_at(p, KR_TOK_PLUS) ? KR_OPERATOR_ADD : KR_OPERATOR_SUB;
        const PTok *opt = kr_parser_next(p);
        KrAstNode *real = e->kind == KR_AST_UnaryOp ? e->v.UnaryOp.operand : e;
        if (real->v.Constant.value.kind == KR_CONST_IMAG) {
            kr_parser_error_node(p, e, "real number required in complex literal");
            return NULL;
        }
        if (!kr_parser_at(p, KR_TOK_NUMBER)) {
            kr_parser_syntax_error(p);
            return NULL;
        }
        (void)opt;
        KrAstNode *imag = kr_parse_primary(p);
        if (!imag) return NULL;
        if (imag->kind != KR_AST_Constant || imag->v.Constant.value.kind != KR_CONST_IMAG) {
            kr_parser_error_node(p, imag, "imaginary number required in complex literal");
            return NULL;
        }
        KrAstNode *b = kr_parser_node_span(p, KR_AST_BinOp, e, imag);
        if (!b) return NULL;
        b->v.BinOp.left = e;
        b->v.BinOp.op = op;
        b->v.BinOp.right = imag;
        e = b;
    }
    return e;
}

/* NAME ('.' NAME)* as Name / Attribute chain (Load) */
static KrAstNode *name_or_attr(Parser *p) {
    const PTok *st = CUR(p);
    const char *id = kr_parser_name(p);
    if (!id) return NULL;
    KrAstNode *e = pnode(p, KR_AST_Name, st);
    if (!e) return NULL;
    e->v.Name.id = id;
    e->v.Name.ctx = KR_CTX_LOAD;
    while (kr_parser_accept(p, KR_TOK_DOT)) {
        const char *attr = kr_parser_name(p);
        if (!attr) return NULL;
        KrAstNode *a = pnode(p, KR_AST_Attribute, st);
        if (!a) return NULL;
        a->v.Attribute.value = e;
        a->v.Attribute.attr = attr;
        a->v.Attribute.ctx = KR_CTX_LOAD;
        e = a;
    }
    return e;
}

static const char *capture_name(Parser *p) {
    const PTok *t = CUR(p);
    if (at_name_text(t, "_")) {
        kr_parser_error_tok(p, t, "cannot use '_' as a target");
        return NULL;
    }
    return kr_parser_name(p);
}

/* items of a sequence pattern up to `close` (already past the opener) */
static int sequence_items(Parser *p, NodeVec *v, KrTokenType close) {
    while (!kr_parser_at(p, close)) {
        KrAstNode *it = pattern(p);
        if (!it || !kr_vec_push(p, v, it)) return 0;
        if (!kr_parser_accept(p, KR_TOK_COMMA)) break;
    }
    return 1;
}

static KrAstNode *star_pattern(Parser *p) {
    const PTok *st = kr_parser_next(p); /* '*' */
    const char *name = NULL;
    if (at_name_text(CUR(p), "_")) kr_parser_next(p);
    else if (!(name = kr_parser_name(p))) return NULL;
    KrAstNode *n = pnode(p, KR_AST_MatchStar, st);
    if (n) n->v.MatchStar.name = name;
    return n;
}

static KrAstNode *mapping_pattern(Parser *p) {
    const PTok *lb = kr_parser_next(p);
    NodeVec keys, pats;
    kr_vec_init(&keys);
    kr_vec_init(&pats);
    const char *rest = NULL;
    while (!kr_parser_at(p, KR_TOK_RBRACE)) {
        if (rest) {
            kr_parser_syntax_error(p);
            goto fail;
        }
        const PTok *t = CUR(p);
        if (p->failed) goto fail;
        if (t->t.type == KR_TOK_DOUBLESTAR) {
            kr_parser_next(p);
            if (!(rest = capture_name(p))) goto fail;
        } else {
            KrAstNode *key;
            if (t->t.type == KR_TOK_NUMBER || t->t.type == KR_TOK_MINUS) key = number_expr(p);
            else if (t->t.type == KR_TOK_STRING || t->t.type == KR_TOK_FSTRING_START)
                key = kr_parse_strings(p);
            else if (t->t.type == KR_TOK_NAME &&
                     (t->kw == KW_NONE || t->kw == KW_TRUE || t->kw == KW_FALSE))
                key = kr_parse_primary(p);
            else if (t->t.type == KR_TOK_NAME && t->kw == 0 && PEEK(p, 1)->t.type == KR_TOK_DOT)
                key = name_or_attr(p);
            else {
                kr_parser_syntax_error(p);
                goto fail;
            }
            if (!key) goto fail;
            if (!kr_parser_expect(p, KR_TOK_COLON)) goto fail;
            KrAstNode *pat = pattern(p);
            if (!pat || !kr_vec_push(p, &keys, key) || !kr_vec_push(p, &pats, pat)) goto fail;
        }
        if (!kr_parser_accept(p, KR_TOK_COMMA)) break;
    }
    if (!kr_parser_expect(p, KR_TOK_RBRACE)) goto fail;
    KrAstNode *n = pnode(p, KR_AST_MatchMapping, lb);
    if (!n) goto fail;
    n->v.MatchMapping.keys = kr_vec_finish(p, &keys);
    n->v.MatchMapping.patterns = kr_vec_finish(p, &pats);
    n->v.MatchMapping.rest = rest;
    return n;
fail:
    kr_vec_free(&keys);
    kr_vec_free(&pats);
    return NULL;
}

static KrAstNode *class_pattern(Parser *p, KrAstNode *cls, const PTok *st) {
    kr_parser_next(p); /* '(' */
    NodeVec pats, kwpats;
    kr_vec_init(&pats);
    kr_vec_init(&kwpats);
    const char *kwbuf[16];
    const char **kwnames = kwbuf;
    int nkw = 0, capkw = 16;
    while (!kr_parser_at(p, KR_TOK_RPAR)) {
        const PTok *t = CUR(p);
        if (p->failed) goto fail;
        if (t->t.type == KR_TOK_NAME && t->kw == 0 && PEEK(p, 1)->t.type == KR_TOK_EQUAL) {
            const char *name = kr_parser_name(p);
            kr_parser_next(p);
            KrAstNode *pat = pattern(p);
            if (!name || !pat || !kr_vec_push(p, &kwpats, pat)) goto fail;
            if (nkw == capkw) {
                const char **nk = kr_arena_alloc(p->arena, sizeof(char *) * capkw * 2);
                if (!nk) {
                    kr_parser_nomem(p);
                    goto fail;
                }
                memcpy(nk, kwnames, sizeof(char *) * nkw);
                kwnames = nk;
                capkw *= 2;
            }
            kwnames[nkw++] = name;
        } else {
            KrAstNode *pat = pattern(p);
            if (!pat) goto fail;
            if (nkw) {
                kr_parser_error_node(p, pat, "positional patterns follow keyword patterns");
                goto fail;
            }
            if (!kr_vec_push(p, &pats, pat)) goto fail;
        }
        if (!kr_parser_accept(p, KR_TOK_COMMA)) break;
    }
    if (!kr_parser_expect(p, KR_TOK_RPAR)) goto fail;
    KrAstNode *n = pnode(p, KR_AST_MatchClass, st);
    if (!n) goto fail;
    n->v.MatchClass.cls = cls;
    n->v.MatchClass.patterns = kr_vec_finish(p, &pats);
    n->v.MatchClass.kwd_patterns = kr_vec_finish(p, &kwpats);
    if (nkw) {
        const char **items = kr_arena_alloc(p->arena, sizeof(char *) * nkw);
        if (!items) {
            kr_parser_nomem(p);
            return NULL;
        }
        memcpy(items, kwnames, sizeof(char *) * nkw);
        n->v.MatchClass.kwd_attrs.n = nkw;
        n->v.MatchClass.kwd_attrs.items = items;
    }
    return n;
fail:
    kr_vec_free(&pats);
    kr_vec_free(&kwpats);
    return NULL;
}

static KrAstNode *closed_pattern(Parser *p) {
    const PTok *t = CUR(p);
    if (p->failed) return NULL;
    switch (t->t.type) {
    case KR_TOK_NUMBER: case KR_TOK_MINUS: {
        KrAstNode *e = number_expr(p);
        if (!e) return NULL;
        KrAstNode *n = pnode(p, KR_AST_MatchValue, t);
        if (n) n->v.MatchValue.value = e;
        return n;
    }
    case KR_TOK_STRING: case KR_TOK_FSTRING_START: {
        KrAstNode *e = kr_parse_strings(p);
        if (!e) return NULL;
        KrAstNode *n = pnode(p, KR_AST_MatchValue, t);
        if (n) n->v.MatchValue.value = e;
        return n;
    }
    case KR_TOK_LPAR: case KR_TOK_LSQB: {
        KrTokenType close = t->t.type == KR_TOK_LPAR ? KR_TOK_RPAR : KR_TOK_RSQB;
        kr_parser_next(p);
        NodeVec v;
        kr_vec_init(&v);
        if (t->t.type == KR_TOK_LPAR && !kr_parser_at(p, KR_TOK_RPAR) &&
            !kr_parser_at(p, KR_TOK_STAR)) {
            /* group pattern unless a comma follows the first pattern */
            KrAstNode *first = pattern(p);
            if (!first) return NULL;
            if (kr_parser_accept(p, KR_TOK_RPAR)) return first;
            if (!kr_parser_expect(p, KR_TOK_COMMA)) return NULL;
            if (!kr_vec_push(p, &v, first)) return NULL;
        }
        if (!sequence_items(p, &v, close) || !kr_parser_expect(p, close)) {
            kr_vec_free(&v);
            return NULL;
        }
        KrAstNode *n = pnode(p, KR_AST_MatchSequence, t);
        if (!n) {
            kr_vec_free(&v);
            return NULL;
        }
        n->v.MatchSequence.patterns = kr_vec_finish(p, &v);
        return n;
    }
    case KR_TOK_LBRACE: return mapping_pattern(p);
    case KR_TOK_STAR: return star_pattern(p);
    case KR_TOK_NAME: {
        if (t->kw == KW_NONE || t->kw == KW_TRUE || t->kw == KW_FALSE) {
            kr_parser_next(p);
            KrAstNode *n = pnode(p, KR_AST_MatchSingleton, t);
            if (n)
                n->v.MatchSingleton.value.kind = t->kw == KW_NONE   ? KR_CONST_NONE
                                                 : t->kw == KW_TRUE ? KR_CONST_TRUE
                                                                    : KR_CONST_FALSE;
            return n;
        }
        if (t->kw) break;
        KrTokenType n1 = PEEK(p, 1)->t.type;
        if (n1 == KR_TOK_DOT || n1 == KR_TOK_LPAR) {
            KrAstNode *e = name_or_attr(p);
            if (!e) return NULL;
            if (kr_parser_at(p, KR_TOK_LPAR)) return class_pattern(p, e, t);
            KrAstNode *n = pnode(p, KR_AST_MatchValue, t);
            if (n) n->v.MatchValue.value = e;
            return n;
        }
        kr_parser_next(p);
        KrAstNode *n = pnode(p, KR_AST_MatchAs, t);
        if (!n) return NULL;
        if (!at_name_text(t, "_")) {
            n->v.MatchAs.name = kr_arena_strndup(p->arena, t->t.start, (size_t)(t->t.end - t->t.start));
            if (!n->v.MatchAs.name) kr_parser_nomem(p);
        }
        return n;
    }
    default: break;
    }
    kr_parser_syntax_error(p);
    return NULL;
}

/* or_pattern ['as' NAME] */
static KrAstNode *pattern(Parser *p) {
    if (!kr_parser_enter(p)) return NULL;
    KrAstNode *r = NULL;
    const PTok *st = CUR(p);
    KrAstNode *first = closed_pattern(p);
    if (!first) goto out;
    r = first;
    if (kr_parser_at(p, KR_TOK_VBAR)) {
        NodeVec v;
        kr_vec_init(&v);
        if (!kr_vec_push(p, &v, first)) goto out;
        while (kr_parser_accept(p, KR_TOK_VBAR)) {
            KrAstNode *alt = closed_pattern(p);
            if (!alt || !kr_vec_push(p, &v, alt)) {
                kr_vec_free(&v);
                r = NULL;
                goto out;
            }
        }
        r = pnode(p, KR_AST_MatchOr, st);
        if (!r) {
            kr_vec_free(&v);
            goto out;
        }
        r->v.MatchOr.patterns = kr_vec_finish(p, &v);
    }
    if (kr_parser_accept_kw(p, KW_AS)) {
        const PTok *nt = CUR(p);
        if (!(nt->t.type == KR_TOK_NAME && nt->kw == 0)) {
            KrAstNode *e = kr_parse_expression(p);
            if (e && !p->failed) kr_parser_error_node(p, e, "invalid pattern target");
            r = NULL;
            goto out;
        }
        const char *name = capture_name(p);
        if (!name) {
            r = NULL;
            goto out;
        }
        KrAstNode *as = pnode(p, KR_AST_MatchAs, st);
        if (!as) {
            r = NULL;
            goto out;
        }
        as->v.MatchAs.pattern = r;
        as->v.MatchAs.name = name;
        r = as;
    }
out:
    LEAVE(p);
    return r;
}

KrAstNode *kr_parse_patterns(Parser *p) {
    const PTok *st = CUR(p);
    KrAstNode *first = pattern(p);
    if (!first) return NULL;
    if (!kr_parser_at(p, KR_TOK_COMMA)) {
        if (first->kind == KR_AST_MatchStar) {
            /* a lone star pattern is only valid inside a sequence */
            kr_parser_error_node(p, first, "invalid syntax");
            return NULL;
        }
        return first;
    }
    NodeVec v;
    kr_vec_init(&v);
    if (!kr_vec_push(p, &v, first)) return NULL;
    while (kr_parser_accept(p, KR_TOK_COMMA)) {
        if (kr_parser_at(p, KR_TOK_COLON) || kr_parser_at_kw(p, KW_IF)) break;
        KrAstNode *it = pattern(p);
        if (!it || !kr_vec_push(p, &v, it)) {
            kr_vec_free(&v);
            return NULL;
        }
    }
    KrAstNode *n = pnode(p, KR_AST_MatchSequence, st);
    if (!n) {
        kr_vec_free(&v);
        return NULL;
    }
    n->v.MatchSequence.patterns = kr_vec_finish(p, &v);
    return n;
}
