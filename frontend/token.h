/* token.h - token kinds and the tokenizer interface (tokenizer.c). Token kinds and
 * their numbering follow CPython 3.12's `token` module so `tokenize` can expose them. */
#ifndef KR_TOKEN_H
#define KR_TOKEN_H

#include <stddef.h>

#include "ast.h" /* KrFrontendError */

/* X(NAME, string form or NULL) in CPython 3.12 token.py order */
#define KR_TOKEN_LIST(X)                                                                   \
    X(ENDMARKER, NULL) X(NAME, NULL) X(NUMBER, NULL) X(STRING, NULL) X(NEWLINE, NULL)      \
    X(INDENT, NULL) X(DEDENT, NULL) X(LPAR, "(") X(RPAR, ")") X(LSQB, "[") X(RSQB, "]")    \
    X(COLON, ":") X(COMMA, ",") X(SEMI, ";") X(PLUS, "+") X(MINUS, "-") X(STAR, "*")       \
    X(SLASH, "/") X(VBAR, "|") X(AMPER, "&") X(LESS, "<") X(GREATER, ">") X(EQUAL, "=")    \
    X(DOT, ".") X(PERCENT, "%") X(LBRACE, "{") X(RBRACE, "}") X(EQEQUAL, "==")             \
    X(NOTEQUAL, "!=") X(LESSEQUAL, "<=") X(GREATEREQUAL, ">=") X(TILDE, "~")               \
    X(CIRCUMFLEX, "^") X(LEFTSHIFT, "<<") X(RIGHTSHIFT, ">>") X(DOUBLESTAR, "**")          \
    X(PLUSEQUAL, "+=") X(MINEQUAL, "-=") X(STAREQUAL, "*=") X(SLASHEQUAL, "/=")            \
    X(PERCENTEQUAL, "%=") X(AMPEREQUAL, "&=") X(VBAREQUAL, "|=") X(CIRCUMFLEXEQUAL, "^=")  \
    X(LEFTSHIFTEQUAL, "<<=") X(RIGHTSHIFTEQUAL, ">>=") X(DOUBLESTAREQUAL, "**=")           \
    X(DOUBLESLASH, "//") X(DOUBLESLASHEQUAL, "//=") X(AT, "@") X(ATEQUAL, "@=")            \
    X(RARROW, "->") X(ELLIPSIS, "...") X(COLONEQUAL, ":=") X(EXCLAMATION, "!")             \
    X(OP, NULL) X(TYPE_IGNORE, NULL) X(TYPE_COMMENT, NULL) X(SOFT_KEYWORD, NULL)           \
    X(FSTRING_START, NULL) X(FSTRING_MIDDLE, NULL) X(FSTRING_END, NULL) X(COMMENT, NULL)   \
    X(NL, NULL) X(ERRORTOKEN, NULL) X(ENCODING, NULL)

typedef enum {
#define X(name, str) KR_TOK_##name,
    KR_TOKEN_LIST(X)
#undef X
    KR_TOK__COUNT
} KrTokenType;

extern const char *const kr_token_names[KR_TOK__COUNT]; /* "NAME", "LPAR", ... */
extern const char *const kr_token_strings[KR_TOK__COUNT]; /* "(" for LPAR, NULL for others */

typedef struct {
    KrTokenType type;           /* exact type: operators have their own kind, never OP */
    const char *start, *end;    /* the token's bytes in the (UTF-8) source buffer */
    int lineno, col_offset;     /* 1-based line, 0-based byte column */
    int end_lineno, end_col_offset;
    /* FSTRING_MIDDLE: decoded text (escapes processed unless raw, "{{" -> "{"), arena-owned */
    const char *decoded;
    size_t decoded_len;
} KrToken;

enum {
    KR_TOKENIZE_EMIT_COMMENTS = 1, /* also emit COMMENT and NL tokens (the tokenize module) */
};

typedef struct KrTokenizer KrTokenizer;
/* The source must stay alive while the tokenizer is used. A leading UTF-8 BOM and a
 * PEP 263 coding declaration are handled (utf-8/latin-1 recognised; anything else is a
 * SyntaxError "unknown encoding: X"). */
KrTokenizer *kr_tokenizer_new(const char *src, size_t len, KrArena *arena, int flags);
void kr_tokenizer_free(KrTokenizer *tok);
/* Produces the next token. On error returns KR_TOK_ERRORTOKEN and fills the error
 * (kr_tokenizer_error); after ENDMARKER it keeps returning ENDMARKER. */
KrTokenType kr_tokenizer_next(KrTokenizer *tok, KrToken *out);
const KrFrontendError *kr_tokenizer_error(KrTokenizer *tok);
/* Returns the text of line `lineno` (without newline), for error messages. */
const char *kr_tokenizer_line(KrTokenizer *tok, int lineno, size_t *len);

/* Escape decoding of a literal's body (the text between the quotes), tokenizer_escape.c.
 * Default: str rules, result UTF-8 (lone surrogates from \ud800 as 3-byte sequences).
 * BYTES: bytes rules (no \u \U \N; \ooo taken mod 256), result raw byte values.
 * RAW: no escapes. FSTRING: also "{{" -> "{" and "}}" -> "}". The result is arena-owned and
 * NUL-terminated. Returns 0, or -1 with err->kind/msg set to CPython's message, e.g.
 * "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: truncated
 * \xXX escape" (positions are byte offsets in s); err's location is left 0. */
enum { KR_ESCAPES_BYTES = 1, KR_ESCAPES_RAW = 2, KR_ESCAPES_FSTRING = 4 };
int kr_tokenizer_decode_escapes(KrArena *arena, const char *s, size_t len, int flags,
                                const char **out, size_t *out_len, KrFrontendError *err);

#endif /* KR_TOKEN_H */
