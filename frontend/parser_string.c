/* parser_string.c - string literals: prefixes, escape decoding (through the tokenizer's
 * kr_tokenizer_decode_escapes), implicit concatenation with the bytes/str mixing check, and
 * the assembly of PEP 701 f-string token streams into JoinedStr / FormattedValue nodes. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parser_internal.h"

/* ======================================================================== byte buffer */

typedef struct {
    char *buf;
    size_t len, cap;
} SBuf;

static int sb_put(Parser *p, SBuf *b, const char *s, size_t n) {
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 64;
        while (b->len + n + 1 > cap) cap *= 2;
        char *nb = realloc(b->buf, cap);
        if (!nb) {
            kr_parser_nomem(p);
            return 0;
        }
        b->buf = nb;
        b->cap = cap;
    }
    if (n) memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = 0;
    return 1;
}

/* ======================================================================== assembly */

typedef struct {
    SBuf pending;        /* literal text not yet turned into a Constant */
    NodeVec values;      /* JoinedStr values so far */
    const PTok *first;   /* first token of the concatenation */
} Parts;

static int flush(Parser *p, Parts *ps, const PTok *start, const PTok *end) {
    if (!ps->pending.len) return 1;
    KrAstNode *c = kr_ast_new(p->arena, KR_AST_Constant, start->t.lineno, start->t.col_offset,
                              end->t.end_lineno, end->t.end_col_offset);
    if (!c) {
        kr_parser_nomem(p);
        return 0;
    }
    c->v.Constant.value.kind = KR_CONST_STR;
    c->v.Constant.value.bytes = kr_arena_strndup(p->arena, ps->pending.buf, ps->pending.len);
    c->v.Constant.value.size = ps->pending.len;
    ps->pending.len = 0;
    if (!c->v.Constant.value.bytes) {
        kr_parser_nomem(p);
        return 0;
    }
    return kr_vec_push(p, &ps->values, c);
}

static KrAstNode *fstring_field(Parser *p, const PTok *fstart, Parts *outer);

/* Format spec after ':' up to the closing '}' of the field: a JoinedStr. */
static KrAstNode *format_spec(Parser *p, const PTok *colon) {
    Parts ps;
    memset(&ps, 0, sizeof ps);
    kr_vec_init(&ps.values);
    const PTok *first = CUR(p);
    for (;;) {
        const PTok *t = CUR(p);
        if (p->failed) goto fail;
        if (t->t.type == KR_TOK_FSTRING_MIDDLE) {
            kr_parser_next(p);
            const char *d = t->t.decoded ? t->t.decoded : t->t.start;
            size_t dl = t->t.decoded ? t->t.decoded_len : (size_t)(t->t.end - t->t.start);
            if (!sb_put(p, &ps.pending, d, dl)) goto fail;
        } else if (t->t.type == KR_TOK_LBRACE) {
            KrAstNode *fv = fstring_field(p, first, &ps);
            if (!fv || !flush(p, &ps, first, first) || !kr_vec_push(p, &ps.values, fv)) goto fail;
        } else {
            break;
        }
    }
    if (!flush(p, &ps, first, kr_parser_prev(p))) goto fail;
    free(ps.pending.buf);
    KrAstNode *js = kr_parser_node(p, KR_AST_JoinedStr, colon);
    if (!js) {
        kr_vec_free(&ps.values);
        return NULL;
    }
    js->v.JoinedStr.values = kr_vec_finish(p, &ps.values);
    return js;
fail:
    free(ps.pending.buf);
    kr_vec_free(&ps.values);
    return NULL;
}

/* The source of a `{expr=}` field as CPython shows it: comments dropped (string literals
 * inside the expression are skipped over so a '#' in them stays). */
static int debug_text(Parser *p, SBuf *out, const char *s, size_t n) {
    size_t i = 0;
    while (i < n) {
        char c = s[i];
        if (c == '#') {
            while (i < n && s[i] != '\n') i++;
            continue;
        }
        if (c == '\'' || c == '"') {
            size_t q = (i + 2 < n && s[i + 1] == c && s[i + 2] == c) ? 3 : 1, j = i + q;
            while (j < n) {
                if (s[j] == '\\') {
                    j += 2;
                    continue;
                }
                if (s[j] == c && (q == 1 || (j + 2 < n && s[j + 1] == c && s[j + 2] == c))) {
                    j += q;
                    break;
                }
                j++;
            }
            if (j > n) j = n;
            if (!sb_put(p, out, s + i, j - i)) return 0;
            i = j;
            continue;
        }
        if (c != '\r' && !sb_put(p, out, s + i, 1)) return 0;
        i++;
    }
    return 1;
}

/* One replacement field at '{'. Debug text (`{x=}`) goes into outer->pending. */
static KrAstNode *fstring_field(Parser *p, const PTok *fstart, Parts *outer) {
    (void)fstart;
    const PTok *lb = kr_parser_next(p); /* '{' */
    if (!kr_parser_enter(p)) return NULL;
    KrAstNode *r = NULL;
    KrTokenType tt = CUR_TYPE(p);
    if (tt == KR_TOK_RBRACE || tt == KR_TOK_EXCLAMATION || tt == KR_TOK_COLON ||
        tt == KR_TOK_EQUAL) {
        const PTok *t = CUR(p);
        kr_parser_error_tok(p, t, "f-string: valid expression required before '%c'",
                            tt == KR_TOK_RBRACE ? '}' : tt == KR_TOK_EXCLAMATION ? '!'
                                                      : tt == KR_TOK_COLON ? ':' : '=');
        goto out;
    }
    p->fstring_depth++;
    KrAstNode *e = kr_parser_at_kw(p, KW_YIELD) ? kr_parse_yield_expr(p)
                                                 : kr_parse_star_expressions(p);
    p->fstring_depth--;
    if (!e) goto out;
    tt = CUR_TYPE(p);
    if (tt != KR_TOK_EQUAL && tt != KR_TOK_EXCLAMATION && tt != KR_TOK_COLON &&
        tt != KR_TOK_RBRACE && tt != KR_TOK_FSTRING_MIDDLE && tt != KR_TOK_FSTRING_END) {
        kr_parser_bracket_error(p, e);
        goto out;
    }
    int conversion = -1, debug = 0;
    if (kr_parser_at(p, KR_TOK_EQUAL)) {
        kr_parser_next(p);
        debug = 1;
        const PTok *after = CUR(p);
        if (after->t.start && lb->t.end && after->t.start >= lb->t.end) {
            /* the source text between '{' and the next token, '=' and spaces included */
            if (!debug_text(p, &outer->pending, lb->t.end, (size_t)(after->t.start - lb->t.end)))
                goto out;
        }
    }
    if (kr_parser_at(p, KR_TOK_EXCLAMATION)) {
        const PTok *bang = kr_parser_next(p);
        const PTok *nt = CUR(p);
        if (nt->t.type != KR_TOK_NAME) {
            kr_parser_error_tok(p, nt, "f-string: missing conversion character");
            goto out;
        }
        if (nt->t.lineno != bang->t.end_lineno || nt->t.col_offset != bang->t.end_col_offset) {
            kr_parser_error_tok(p, nt,
                                "f-string: conversion type must come right after the exclamanation mark");
            goto out;
        }
        size_t n = (size_t)(nt->t.end - nt->t.start);
        char c = n == 1 ? nt->t.start[0] : 0;
        if (c != 's' && c != 'r' && c != 'a') {
            kr_parser_error_tok(p, nt,
                                "f-string: invalid conversion character %s%.*s%s: expected 's', 'r', or 'a'",
                                "'", (int)n, nt->t.start, "'");
            goto out;
        }
        kr_parser_next(p);
        conversion = (unsigned char)c;
    }
    KrAstNode *spec = NULL;
    if (kr_parser_at(p, KR_TOK_COLON)) {
        const PTok *colon = kr_parser_next(p);
        if (!(spec = format_spec(p, colon))) goto out;
    }
    if (!kr_parser_at(p, KR_TOK_RBRACE)) {
        if (!p->failed) kr_parser_error_tok(p, CUR(p), "f-string: expecting '}'");
        goto out;
    }
    kr_parser_next(p);
    if (debug && conversion == -1 && !spec) conversion = 'r';
    r = kr_parser_node(p, KR_AST_FormattedValue, lb);
    if (!r) goto out;
    r->v.FormattedValue.value = e;
    r->v.FormattedValue.conversion = conversion;
    r->v.FormattedValue.format_spec = spec;
out:
    LEAVE(p);
    return r;
}

static int string_prefix(const PTok *t, int *raw, int *bytes, int *u, size_t *plen) {
    const char *s = t->t.start;
    size_t n = (size_t)(t->t.end - t->t.start), i = 0;
    *raw = *bytes = *u = 0;
    while (i < n && s[i] != '\'' && s[i] != '"') {
        switch (s[i]) {
        case 'r': case 'R': *raw = 1; break;
        case 'b': case 'B': *bytes = 1; break;
        case 'u': case 'U': *u = 1; break;
        default: break;
        }
        i++;
    }
    *plen = i;
    return i < n;
}

KrAstNode *kr_parse_strings(Parser *p) {
    const PTok *first = CUR(p);
    Parts ps;
    memset(&ps, 0, sizeof ps);
    kr_vec_init(&ps.values);
    ps.first = first;
    int any_f = 0, any_bytes = 0, any_str = 0, first_u = 0;
    KrAstNode *result = NULL;
    int ntok = 0;
    for (;;) {
        const PTok *t = CUR(p);
        if (p->failed) goto fail;
        if (t->t.type == KR_TOK_STRING) {
            kr_parser_next(p);
            int raw, bytes, u;
            size_t plen;
            if (!string_prefix(t, &raw, &bytes, &u, &plen)) {
                kr_parser_syntax_error(p);
                goto fail;
            }
            if (ntok == 0) first_u = u;
            ntok++;
            if (bytes) any_bytes = 1;
            else any_str = 1;
            const char *s = t->t.start + plen;
            size_t n = (size_t)(t->t.end - s);
            size_t q = (n >= 6 && s[0] == s[1] && s[1] == s[2]) ? 3 : 1;
            if (n < 2 * q) {
                kr_parser_syntax_error(p);
                goto fail;
            }
            const char *body = s + q;
            size_t blen = n - 2 * q;
            if (bytes) {
                for (size_t i = 0; i < blen; i++)
                    if ((unsigned char)body[i] >= 0x80) {
                        kr_parser_error_tok(p, t, "bytes can only contain ASCII literal characters");
                        goto fail;
                    }
            }
            const char *dec;
            size_t dlen;
            KrFrontendError derr;
            memset(&derr, 0, sizeof derr);
            if (kr_tokenizer_decode_escapes(p->arena, body, blen,
                                            (bytes ? KR_ESCAPES_BYTES : 0) | (raw ? KR_ESCAPES_RAW : 0),
                                            &dec, &dlen, &derr) < 0) {
                kr_parser_error_tok(p, t, "%s", derr.msg);
                goto fail;
            }
            if (!sb_put(p, &ps.pending, dec, dlen)) goto fail;
        } else if (t->t.type == KR_TOK_FSTRING_START) {
            kr_parser_next(p);
            ntok++;
            any_f = 1;
            any_str = 1;
            for (;;) {
                const PTok *m = CUR(p);
                if (p->failed) goto fail;
                if (m->t.type == KR_TOK_FSTRING_MIDDLE) {
                    kr_parser_next(p);
                    const char *d = m->t.decoded ? m->t.decoded : m->t.start;
                    size_t dl = m->t.decoded ? m->t.decoded_len : (size_t)(m->t.end - m->t.start);
                    if (!sb_put(p, &ps.pending, d, dl)) goto fail;
                } else if (m->t.type == KR_TOK_LBRACE) {
                    Parts *outer = &ps;
                    /* debug text lands in pending before the field's own node */
                    KrAstNode *fv = fstring_field(p, first, outer);
                    if (!fv) goto fail;
                    if (!flush(p, &ps, first, first)) goto fail;
                    if (!kr_vec_push(p, &ps.values, fv)) goto fail;
                } else if (m->t.type == KR_TOK_FSTRING_END) {
                    kr_parser_next(p);
                    break;
                } else {
                    if (!p->failed) kr_parser_error_tok(p, m, "f-string: expecting '}'");
                    goto fail;
                }
            }
        } else {
            break;
        }
    }
    const PTok *last = kr_parser_prev(p);
    if (any_bytes && any_str) {
        kr_parser_error_tok(p, CUR(p), "cannot mix bytes and nonbytes literals");
        goto fail;
    }
    if (any_f) {
        /* fix the constants' spans to the whole literal, as CPython 3.11 reports them */
        if (!flush(p, &ps, first, last)) goto fail;
        result = kr_parser_node(p, KR_AST_JoinedStr, first);
        if (!result) goto fail;
        for (int i = 0; i < ps.values.n; i++) {
            KrAstNode *v = ps.values.items[i];
            if (v->kind == KR_AST_Constant) {
                v->lineno = first->t.lineno, v->col_offset = first->t.col_offset;
                v->end_lineno = last->t.end_lineno, v->end_col_offset = last->t.end_col_offset;
            }
        }
        result->v.JoinedStr.values = kr_vec_finish(p, &ps.values);
    } else {
        result = kr_parser_node(p, KR_AST_Constant, first);
        if (!result) goto fail;
        result->v.Constant.value.kind = any_bytes ? KR_CONST_BYTES : KR_CONST_STR;
        result->v.Constant.value.bytes =
            kr_arena_strndup(p->arena, ps.pending.buf ? ps.pending.buf : "", ps.pending.len);
        result->v.Constant.value.size = ps.pending.len;
        if (!result->v.Constant.value.bytes) {
            kr_parser_nomem(p);
            goto fail;
        }
        if (first_u) result->v.Constant.kind = "u";
        kr_vec_free(&ps.values);
    }
    free(ps.pending.buf);
    return result;
fail:
    free(ps.pending.buf);
    kr_vec_free(&ps.values);
    return NULL;
}
