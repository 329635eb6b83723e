/* tokenizemodule.c - the `_tokenize` module: Krait's own tokenizer (frontend/tokenizer.c,
 * with comments and NL tokens) as an iterator of raw token tuples for tokenize.py:
 * (type, string, (srow, scol), (erow, ecol), line), columns in code points. */
#include <string.h>

#include "krait.h"
#include "token.h"

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *source;  /* bytes: the UTF-8 text the tokenizer reads (kept alive) */
    KrArena *arena;
    KrTokenizer *tok;
    int done;
} KrTokIter;

extern KrType kr_tokenizer_iter_type;

/* Code points in the first `nbytes` bytes of a UTF-8 string. */
static int cp_count(const char *s, size_t nbytes) {
    int n = 0;
    for (size_t i = 0; i < nbytes; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) n++;
    return n;
}

static KrObject *tokiter_new(KrType *t, KrObject *args, KrObject *kwargs) {
    (void)kwargs;
    if (!args || KR_SIZE(args) != 1)
        return kr_err_format(kr_exc_TypeError, "TokenizerIter() takes exactly one argument");
    KrObject *src = KR_TUPLE_ITEM(args, 0);
    KrObject *bytes;
    if (KR_STR_CHECK(src)) {
        bytes = kr_bytes_from_data(kr_str_data(src), kr_str_size(src));
    } else {
        const char *d;
        kr_ssize n;
        if (!kr_bytes_like_view(src, &d, &n))
            return kr_err_format(kr_exc_TypeError, "TokenizerIter() argument must be str or bytes, not %T",
                                 src);
        bytes = kr_bytes_from_data(d, n);
    }
    if (!bytes) return NULL;
    KrTokIter *it = (KrTokIter *)kr_type_generic_alloc(t, 0);
    if (!it) {
        KR_DECREF(bytes);
        return NULL;
    }
    it->source = bytes;
    it->arena = kr_arena_new();
    it->tok = it->arena ? kr_tokenizer_new(kr_bytes_data(bytes), (size_t)kr_bytes_size(bytes),
                                           it->arena, KR_TOKENIZE_EMIT_COMMENTS)
                        : NULL;
    if (!it->tok) {
        KR_DECREF(it);
        return kr_err_no_memory();
    }
    return (KrObject *)it;
}

static void tokiter_dealloc(KrObject *self) {
    KrTokIter *it = (KrTokIter *)self;
    if (it->tok) kr_tokenizer_free(it->tok);
    if (it->arena) kr_arena_free(it->arena);
    KR_CLEAR(it->source);
    kr_object_free(self);
}

static KrObject *pos_tuple(int line, int col) {
    KrObject *a = kr_int_from_i64(line), *b = kr_int_from_i64(col);
    KrObject *t = (a && b) ? kr_tuple_pack(2, a, b) : NULL;
    KR_XDECREF(a);
    KR_XDECREF(b);
    return t;
}

/* The physical lines first..last of the source, each with its '\n'. */
static KrObject *lines_text(KrTokenizer *tok, int first, int last) {
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    for (int l = first; l <= last; l++) {
        size_t len;
        const char *p = kr_tokenizer_line(tok, l, &len);
        if (!p) break;
        if (kr_strbuilder_append(&b, p, (kr_ssize)len) < 0 ||
            kr_strbuilder_append(&b, "\n", 1) < 0) {
            kr_strbuilder_discard(&b);
            return NULL;
        }
    }
    return kr_strbuilder_finish(&b);
}

static int col_in_line(KrTokenizer *tok, int line, int bytecol) {
    size_t len;
    const char *p = kr_tokenizer_line(tok, line, &len);
    if (!p || bytecol <= 0) return bytecol < 0 ? 0 : bytecol;
    if ((size_t)bytecol > len) return cp_count(p, len) + (bytecol - (int)len);
    return cp_count(p, (size_t)bytecol);
}

static KrObject *tokiter_next(KrObject *self) {
    KrTokIter *it = (KrTokIter *)self;
    if (it->done) return NULL;
    KrToken t;
    memset(&t, 0, sizeof t);
    KrTokenType type = kr_tokenizer_next(it->tok, &t);
    if (type == KR_TOK_ERRORTOKEN) {
        const KrFrontendError *e = kr_tokenizer_error(it->tok);
        it->done = 1;
        KrType *et = e->kind == KR_ERR_TAB           ? kr_exc_TabError
                     : e->kind == KR_ERR_INDENTATION ? kr_exc_IndentationError
                                                     : kr_exc_SyntaxError;
        KrObject *fname = kr_str_from_cstr("<string>");
        if (!fname) return NULL;
        kr_err_set_syntax_location(et, e->msg[0] ? e->msg : "invalid syntax", fname, e->lineno,
                                   e->col_offset, e->end_lineno, e->end_col_offset,
                                   kr_bytes_data(it->source), kr_bytes_size(it->source));
        KR_DECREF(fname);
        return NULL;
    }
    if (type == KR_TOK_ENDMARKER) it->done = 1;
    /* the token's source text (FSTRING_MIDDLE too: tokenize shows it undecoded) */
    KrObject *text = NULL;
    if (t.start && t.end && t.end >= t.start) {
        text = kr_str_from_utf8(t.start, (kr_ssize)(t.end - t.start));
    } else {
        text = kr_str_from_cstr("");
    }
    if (!text) return NULL;
    int scol = col_in_line(it->tok, t.lineno, t.col_offset);
    int ecol = col_in_line(it->tok, t.end_lineno, t.end_col_offset);
    KrObject *line = (type == KR_TOK_ENDMARKER)
                         ? kr_str_from_cstr("")
                         : lines_text(it->tok, t.lineno,
                                      t.end_lineno >= t.lineno ? t.end_lineno : t.lineno);
    KrObject *ty = kr_int_from_i64(type);
    KrObject *sp = pos_tuple(t.lineno, scol), *ep = pos_tuple(t.end_lineno, ecol);
    KrObject *r = NULL;
    if (line && ty && sp && ep) r = kr_tuple_pack(5, ty, text, sp, ep, line);
    KR_XDECREF(text);
    KR_XDECREF(line);
    KR_XDECREF(ty);
    KR_XDECREF(sp);
    KR_XDECREF(ep);
    return r;
}

KrType kr_tokenizer_iter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "_tokenize.TokenizerIter",
    .tp_basicsize = sizeof(KrTokIter),
    .tp_dealloc = tokiter_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = tokiter_next,
    .tp_new = tokiter_new,
    .tp_doc = "TokenizerIter(source): the raw tokens of a Python source text.",
};

KrObject *kr_tokenizemodule_init(void) {
    if (!(kr_tokenizer_iter_type.tp_flags & KR_TPFLAGS_READY) &&
        kr_type_ready(&kr_tokenizer_iter_type) < 0)
        return NULL;
    KrObject *m = kr_module_new_cstr("_tokenize");
    if (!m) return NULL;
    KR_INCREF(&kr_tokenizer_iter_type);
    if (kr_module_add_object(m, "TokenizerIter", (KrObject *)&kr_tokenizer_iter_type) < 0)
        goto fail;
    KrObject *names = kr_list_new(0), *strings = kr_list_new(0);
    if (!names || !strings) {
        KR_XDECREF(names);
        KR_XDECREF(strings);
        goto fail;
    }
    int err = 0;
    for (int i = 0; i < KR_TOK__COUNT && !err; i++) {
        KrObject *s = kr_str_from_cstr(kr_token_names[i]);
        KrObject *x = kr_token_strings[i] ? kr_str_from_cstr(kr_token_strings[i])
                                          : KR_NEWREF(kr_none);
        err = !s || !x || kr_list_append_steal(names, s) < 0 || kr_list_append_steal(strings, x) < 0;
    }
    if (kr_module_add_object(m, "tok_names", names) < 0 ||
        kr_module_add_object(m, "tok_strings", strings) < 0 || err)
        goto fail;
    return m;
fail:
    KR_DECREF(m);
    return NULL;
}
