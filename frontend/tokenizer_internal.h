/* tokenizer_internal.h - the tokenizer's private state and the helpers shared by
 * tokenizer.c (the scanner), tokenizer_source.c (source normalisation, UTF-8 and
 * Unicode tests) and tokenizer_escape.c (string escape decoding). */
#ifndef KR_TOKENIZER_INTERNAL_H
#define KR_TOKENIZER_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include "token.h"

/* CPython's limits, with its messages */
#define KR_TOK_TABSIZE 8
#define KR_TOK_MAXINDENT 100  /* "too many levels of indentation" */
#define KR_TOK_MAXLEVEL 200   /* "too many nested parentheses" */
#define KR_TOK_MAXFSTRING 150 /* "too many nested f-strings" */
#define KR_TOK_MAXEXPRNEST 3  /* "f-string: expressions nested too deeply" */

/* One entry of the mode stack: entry 0 is plain code; each f-string being scanned
 * pushes one. An f-string entry is in FSTRING mode while its literal text is read
 * and in REGULAR mode while a replacement field's expression is tokenized. */
typedef enum { KR_MODE_REGULAR, KR_MODE_FSTRING } KrTokModeKind;

typedef struct {
    KrTokModeKind kind;
    char quote;             /* ' or " */
    int quote_size;         /* 1 or 3 */
    int raw;                /* rf"..." : no escape processing */
    const char *start;      /* first byte of the FSTRING_START token (its prefix) */
    const char *start_line; /* first byte of its line */
    int start_lineno;
    int bracket_depth;    /* brackets of any kind open inside this f-string */
    int expr_start_depth; /* bracket_depth where the innermost open field began; -1: none */
    int in_format_spec;   /* the literal text being read is a format spec */
} KrTokMode;

struct KrTokenizer {
    KrArena *arena;
    int flags;
    int decode_utf8; /* check each line is UTF-8 (not after a latin-1 transcode) */

    /* The normalised source: UTF-8, '\n' line ends, ending in '\n' unless empty. */
    const char *buf, *bufend;
    int synth_newline; /* the final '\n' was added here, not in the source */

    const char *cur;        /* next byte to read */
    const char *inp;        /* end of the lines read so far */
    const char *line_start; /* first byte of line `lineno` */
    int lineno;             /* line of the last line read (0 before the first) */
    int at_eof;             /* the whole source has been read */

    int failed; /* an error is recorded; every later call returns ERRORTOKEN */
    KrFrontendError err;

    /* indentation */
    int atbol;  /* at the beginning of a line */
    int pendin; /* > 0: INDENTs to send, < 0: DEDENTs */
    int indent;
    int indstack[KR_TOK_MAXINDENT];
    int altindstack[KR_TOK_MAXINDENT];
    int ended; /* ENDMARKER has been sent (endtoken): it is repeated */
    KrToken endtoken;
    int cont_line;       /* the line continues a backslash-ended one */
    int comment_newline; /* EMIT_COMMENTS: a comment-only line's COMMENT was sent */

    /* open brackets */
    int level;
    char parenstack[KR_TOK_MAXLEVEL];
    int parenlineno[KR_TOK_MAXLEVEL];
    int parencol[KR_TOK_MAXLEVEL];

    /* f-strings */
    int mode_index;
    KrTokMode modes[KR_TOK_MAXFSTRING];

    /* the token being scanned */
    const char *start;      /* its first byte (NULL: none yet) */
    const char *start_line; /* line_start of its first line */
    int start_lineno;
};

/* ---- tokenizer.c ---- */
/* Records an error at an explicit position (first error wins). */
void kr_tokenizer_set_error(KrTokenizer *tok, KrFrontendErrorKind kind, int lineno, int col,
                            int end_lineno, int end_col, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

/* ---- tokenizer_source.c ---- */
/* Builds tok->buf from the raw source: drops a UTF-8 BOM, reads a PEP 263 coding line
 * (latin-1 sources are transcoded), turns \r\n and \r into \n and adds a final \n.
 * Returns 0, or -1 with the error recorded (lineno 0, as CPython for encoding errors). */
int kr_tokenizer_prepare_source(KrTokenizer *tok, const char *src, size_t len);
/* Checks one line is valid UTF-8; on failure records CPython's decode error. */
int kr_tokenizer_check_utf8_line(KrTokenizer *tok, const char *line, const char *end);
/* Decodes one UTF-8 sequence at s (s < end); returns its length (1 for a bad byte,
 * with *cp set to that byte) and the code point in *cp. */
int kr_tokenizer_utf8_decode(const char *s, const char *end, uint32_t *cp);
/* Appends the UTF-8 form of cp (surrogates included, as 3 bytes) at out; returns the
 * number of bytes written (1-4). */
int kr_tokenizer_utf8_encode(uint32_t cp, char *out);
int kr_tokenizer_is_id_start(uint32_t c);
int kr_tokenizer_is_id_continue(uint32_t c);
int kr_tokenizer_is_printable(uint32_t c);

/* ---- tokenizer_escape.c ---- */
/* Looks up a \N{...} name (case-insensitive); returns the code point or -1. */
long kr_tokenizer_lookup_char_name(const char *name, size_t len);

#endif /* KR_TOKENIZER_INTERNAL_H */
