/* tokenizer.c - Python 3.12's lexical analysis: turns the (normalised, UTF-8) source
 * into tokens for the parser, or with KR_TOKENIZE_EMIT_COMMENTS for the tokenize module,
 * with CPython's positions and error messages. f-strings are split the PEP 701 way. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tokenizer_internal.h"

#define END (-1) /* what nextc returns past the end of the source (or after an error) */

#define IS_DIGIT(c) ((c) >= '0' && (c) <= '9')
#define IS_XDIGIT(c) (IS_DIGIT(c) || ((c) >= 'a' && (c) <= 'f') || ((c) >= 'A' && (c) <= 'F'))
/* Bytes >= 128 start or continue a name; verify_identifier checks them afterwards. */
#define IS_NAME_START(c)                                                                           \
    (((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || (c) == '_' || (c) >= 128)
#define IS_NAME_CHAR(c) (IS_NAME_START(c) || IS_DIGIT(c))

#define EXTRA(tok) ((tok)->flags & KR_TOKENIZE_EMIT_COMMENTS)
#define MODE(tok) (&(tok)->modes[(tok)->mode_index])
#define INSIDE_FSTRING(tok) ((tok)->mode_index > 0)
#define INSIDE_FSTRING_EXPR(m) ((m)->expr_start_depth >= 0)

/* ======================================================================== errors */

void kr_tokenizer_set_error(KrTokenizer *tok, KrFrontendErrorKind kind, int lineno, int col,
                            int end_lineno, int end_col, const char *fmt, ...) {
    if (tok->failed) return; /* the first error is the one CPython reports */
    tok->failed = 1;
    tok->err.kind = kind;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tok->err.msg, sizeof tok->err.msg, fmt, ap);
    va_end(ap);
    tok->err.lineno = lineno;
    tok->err.col_offset = col;
    tok->err.end_lineno = end_lineno;
    tok->err.end_col_offset = end_col;
    tok->cur = tok->inp; /* as CPython: nothing more is read from this line */
}

/* Byte column of the character that ends just before p on the current line (-1 when p
 * is at the line's start): CPython reports its tokenizer errors with offset = the
 * number of characters before p, i.e. pointing at that character. */
static int col_before(const KrTokenizer *tok, const char *p) {
    if (p <= tok->line_start) return -1;
    const char *q = p - 1;
    while (q > tok->line_start && ((unsigned char)*q & 0xC0) == 0x80)
        q--;
    return (int)(q - tok->line_start);
}

/* A SyntaxError at the current position (CPython's _PyTokenizer_syntaxerror). */
static KrTokenType syntax_error(KrTokenizer *tok, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static KrTokenType syntax_error(KrTokenizer *tok, const char *fmt, ...) {
    char msg[sizeof tok->err.msg];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    int col = col_before(tok, tok->cur);
    kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, tok->lineno, col, tok->lineno, col, "%s", msg);
    return KR_TOK_ERRORTOKEN;
}

/* The errors pegen reports for tokenizer error codes without a message of their own:
 * at column 0 of the current line, with end_offset 0. */
static KrTokenType indent_error(KrTokenizer *tok, KrFrontendErrorKind kind, const char *msg) {
    kr_tokenizer_set_error(tok, kind, tok->lineno, 0, tok->lineno, -1, "%s", msg);
    return KR_TOK_ERRORTOKEN;
}

/* ======================================================================== reading */

/* Makes the next line of the source readable: CPython reads line by line, and checks
 * each line for NUL bytes and (without a coding line) for valid UTF-8 as it arrives. */
static int underflow(KrTokenizer *tok) {
    if (tok->inp >= tok->bufend) {
        tok->at_eof = 1;
        return 0;
    }
    const char *nl = memchr(tok->inp, '\n', (size_t)(tok->bufend - tok->inp));
    const char *end = nl ? nl + 1 : tok->bufend;
    tok->line_start = tok->inp;
    tok->inp = end;
    tok->lineno++;
    if (memchr(tok->line_start, '\0', (size_t)(end - tok->line_start))) {
        /* CPython checks as the line arrives, nothing of it read: offset 0 */
        kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, tok->lineno, -1, tok->lineno, -1,
                               "source code cannot contain null bytes");
        return 0;
    }
    if (tok->decode_utf8 && !kr_tokenizer_check_utf8_line(tok, tok->line_start, end)) return 0;
    return 1;
}

static int nextc(KrTokenizer *tok) {
    for (;;) {
        if (tok->cur < tok->inp) return (unsigned char)*tok->cur++;
        if (tok->failed || tok->at_eof || !underflow(tok)) return END;
    }
}

static void backup(KrTokenizer *tok, int c) {
    if (c != END && tok->cur > tok->buf) tok->cur--;
}

/* Records the start of a token at the next character, reading the next line first if
 * the current one is used up, so the position names the right line. */
static void mark_start(KrTokenizer *tok) {
    int c = nextc(tok);
    backup(tok, c);
    tok->start = tok->cur;
    tok->start_line = tok->line_start;
    tok->start_lineno = tok->lineno;
}

/* ======================================================================== tokens */

static KrTokenType make(KrTokenizer *tok, KrToken *out, KrTokenType type, const char *s,
                        const char *e) {
    out->type = type;
    out->start = s;
    out->end = e;
    out->lineno = tok->start_lineno;
    out->col_offset = (int)(s - tok->start_line);
    out->end_lineno = tok->lineno;
    out->end_col_offset = (int)(e - tok->line_start);
    return type;
}

/* A token with explicit positions (INDENT, DEDENT, ENDMARKER, NEWLINE). */
static KrTokenType make_at(KrToken *out, KrTokenType type, const char *s, const char *e, int lineno,
                           int col, int end_lineno, int end_col) {
    out->type = type;
    out->start = s;
    out->end = e;
    out->lineno = lineno;
    out->col_offset = col;
    out->end_lineno = end_lineno;
    out->end_col_offset = end_col;
    return type;
}

/* single-character operators; 0 (ENDMARKER) where none */
static const unsigned char one_char_table[128] = {
    ['!'] = KR_TOK_EXCLAMATION, ['%'] = KR_TOK_PERCENT,    ['&'] = KR_TOK_AMPER,
    ['('] = KR_TOK_LPAR,        [')'] = KR_TOK_RPAR,       ['*'] = KR_TOK_STAR,
    ['+'] = KR_TOK_PLUS,        [','] = KR_TOK_COMMA,      ['-'] = KR_TOK_MINUS,
    ['.'] = KR_TOK_DOT,         ['/'] = KR_TOK_SLASH,      [':'] = KR_TOK_COLON,
    [';'] = KR_TOK_SEMI,        ['<'] = KR_TOK_LESS,       ['='] = KR_TOK_EQUAL,
    ['>'] = KR_TOK_GREATER,     ['@'] = KR_TOK_AT,         ['['] = KR_TOK_LSQB,
    [']'] = KR_TOK_RSQB,        ['^'] = KR_TOK_CIRCUMFLEX, ['{'] = KR_TOK_LBRACE,
    ['|'] = KR_TOK_VBAR,        ['}'] = KR_TOK_RBRACE,     ['~'] = KR_TOK_TILDE,
};

static KrTokenType one_char(int c) {
    if (c < 0 || c >= 128 || one_char_table[c] == KR_TOK_ENDMARKER) return KR_TOK_OP;
    return (KrTokenType)one_char_table[c];
}

static KrTokenType two_chars(int c1, int c2) {
    switch (c1) {
    case '!':
        if (c2 == '=') return KR_TOK_NOTEQUAL;
        break;
    case '%':
        if (c2 == '=') return KR_TOK_PERCENTEQUAL;
        break;
    case '&':
        if (c2 == '=') return KR_TOK_AMPEREQUAL;
        break;
    case '*':
        if (c2 == '*') return KR_TOK_DOUBLESTAR;
        if (c2 == '=') return KR_TOK_STAREQUAL;
        break;
    case '+':
        if (c2 == '=') return KR_TOK_PLUSEQUAL;
        break;
    case '-':
        if (c2 == '=') return KR_TOK_MINEQUAL;
        if (c2 == '>') return KR_TOK_RARROW;
        break;
    case '/':
        if (c2 == '/') return KR_TOK_DOUBLESLASH;
        if (c2 == '=') return KR_TOK_SLASHEQUAL;
        break;
    case ':':
        if (c2 == '=') return KR_TOK_COLONEQUAL;
        break;
    case '<':
        if (c2 == '<') return KR_TOK_LEFTSHIFT;
        if (c2 == '=') return KR_TOK_LESSEQUAL;
        if (c2 == '>') return KR_TOK_NOTEQUAL; /* "<>": the parser rejects it (Barry as FLUFL) */
        break;
    case '=':
        if (c2 == '=') return KR_TOK_EQEQUAL;
        break;
    case '>':
        if (c2 == '=') return KR_TOK_GREATEREQUAL;
        if (c2 == '>') return KR_TOK_RIGHTSHIFT;
        break;
    case '@':
        if (c2 == '=') return KR_TOK_ATEQUAL;
        break;
    case '^':
        if (c2 == '=') return KR_TOK_CIRCUMFLEXEQUAL;
        break;
    case '|':
        if (c2 == '=') return KR_TOK_VBAREQUAL;
        break;
    }
    return KR_TOK_OP;
}

static KrTokenType three_chars(int c1, int c2, int c3) {
    if (c3 != '=' && !(c1 == '.' && c2 == '.' && c3 == '.')) return KR_TOK_OP;
    if (c1 == '*' && c2 == '*') return KR_TOK_DOUBLESTAREQUAL;
    if (c1 == '/' && c2 == '/') return KR_TOK_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<') return KR_TOK_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return KR_TOK_RIGHTSHIFTEQUAL;
    if (c1 == '.' && c2 == '.') return KR_TOK_ELLIPSIS;
    return KR_TOK_OP;
}

/* ======================================================================== helpers */

/* After a backslash: the rest of the line must be empty, and the source must go on. */
static int continuation_line(KrTokenizer *tok) {
    int c = nextc(tok);
    if (c != '\n') {
        /* pegen: col = the character after the backslash, end_offset 0 */
        int col = col_before(tok, tok->cur);
        kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, tok->lineno, col, tok->lineno, -1,
                               "unexpected character after line continuation character");
        return -1;
    }
    c = nextc(tok);
    if (c == END) {
        if (!tok->failed) {
            /* pegen's "unexpected EOF": offset = the line's length, end_offset -1 */
            if (tok->level > 0) {
                int l = tok->level - 1;
                kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, tok->parenlineno[l], tok->parencol[l],
                                       tok->parenlineno[l], -1, "'%c' was never closed",
                                       tok->parenstack[l]);
            } else {
                int col = (int)(tok->inp - tok->line_start) - 1;
                kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, tok->lineno, col, tok->lineno, -2,
                                       "unexpected EOF while parsing");
            }
        }
        return -1;
    }
    backup(tok, c);
    return c;
}

/* Does the source continue with `test` and then a character that cannot go on a name?
 * Reads nothing (net). */
static int lookahead(KrTokenizer *tok, const char *test) {
    const char *s = test;
    for (;;) {
        int c = nextc(tok);
        int res = 0;
        if (*s == 0) {
            res = !IS_NAME_CHAR(c);
        } else if (c == (unsigned char)*s) {
            s++;
            continue;
        }
        backup(tok, c);
        while (s != test)
            backup(tok, *--s);
        return res;
    }
}

/* A number directly followed by a letter is an error, except before the keywords that
 * can follow a number in valid code (1if x else y): CPython only warns there. */
static int verify_end_of_number(KrTokenizer *tok, int c, const char *kind) {
    int r = 0;
    if (c == 'a') {
        r = lookahead(tok, "nd");
    } else if (c == 'e') {
        r = lookahead(tok, "lse");
    } else if (c == 'f') {
        r = lookahead(tok, "or");
    } else if (c == 'i') {
        int c2 = nextc(tok);
        r = c2 == 'f' || c2 == 'n' || c2 == 's';
        backup(tok, c2);
    } else if (c == 'o') {
        r = lookahead(tok, "r");
    } else if (c == 'n') {
        r = lookahead(tok, "ot");
    }
    if (r) return 1; /* CPython: SyntaxWarning "invalid %s literal" */
    if (c >= 0 && c < 128 && IS_NAME_CHAR(c)) {
        backup(tok, c);
        syntax_error(tok, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

/* Digits with single underscores between them, the first digit already read. Returns
 * the character after them, or 0 after an error. */
static int decimal_tail(KrTokenizer *tok) {
    int c;
    for (;;) {
        do {
            c = nextc(tok);
        } while (IS_DIGIT(c));
        if (c != '_') break;
        c = nextc(tok);
        if (!IS_DIGIT(c)) {
            backup(tok, c);
            syntax_error(tok, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

/* Checks a name with non-ASCII characters is made of XID_Start/XID_Continue characters
 * (the name runs from tok->start to tok->cur). */
static int verify_identifier(KrTokenizer *tok) {
    const char *p = tok->start;
    int first = 1;
    while (p < tok->cur) {
        uint32_t ch;
        int n = kr_tokenizer_utf8_decode(p, tok->cur, &ch);
        int ok = first ? kr_tokenizer_is_id_start(ch) : kr_tokenizer_is_id_continue(ch);
        if (!ok) {
            tok->cur = p + n; /* CPython points at the bad character */
            if (kr_tokenizer_is_printable(ch)) {
                char enc[5] = {0};
                kr_tokenizer_utf8_encode(ch, enc);
                syntax_error(tok, "invalid character '%s' (U+%04X)", enc, (unsigned)ch);
            } else {
                syntax_error(tok, "invalid non-printable character U+%04X", (unsigned)ch);
            }
            return 0;
        }
        first = 0;
        p += n;
    }
    return 1;
}

/* ======================================================================== numbers */

/* c: the first digit, read; from_dot: c is the first digit after a leading '.'. */
static KrTokenType number(KrTokenizer *tok, KrToken *out, int c, int from_dot) {
    int e;
    if (from_dot) goto fraction;
    if (c == '0') {
        /* hex, octal or binary, maybe */
        c = nextc(tok);
        if (c == 'x' || c == 'X') {
            c = nextc(tok);
            do {
                if (c == '_') c = nextc(tok);
                if (!IS_XDIGIT(c)) {
                    backup(tok, c);
                    return syntax_error(tok, "invalid hexadecimal literal");
                }
                do {
                    c = nextc(tok);
                } while (IS_XDIGIT(c));
            } while (c == '_');
            if (!verify_end_of_number(tok, c, "hexadecimal")) return KR_TOK_ERRORTOKEN;
        } else if (c == 'o' || c == 'O') {
            c = nextc(tok);
            do {
                if (c == '_') c = nextc(tok);
                if (c < '0' || c >= '8') {
                    if (IS_DIGIT(c))
                        return syntax_error(tok, "invalid digit '%c' in octal literal", c);
                    backup(tok, c);
                    return syntax_error(tok, "invalid octal literal");
                }
                do {
                    c = nextc(tok);
                } while ('0' <= c && c < '8');
            } while (c == '_');
            if (IS_DIGIT(c)) return syntax_error(tok, "invalid digit '%c' in octal literal", c);
            if (!verify_end_of_number(tok, c, "octal")) return KR_TOK_ERRORTOKEN;
        } else if (c == 'b' || c == 'B') {
            c = nextc(tok);
            do {
                if (c == '_') c = nextc(tok);
                if (c != '0' && c != '1') {
                    if (IS_DIGIT(c))
                        return syntax_error(tok, "invalid digit '%c' in binary literal", c);
                    backup(tok, c);
                    return syntax_error(tok, "invalid binary literal");
                }
                do {
                    c = nextc(tok);
                } while (c == '0' || c == '1');
            } while (c == '_');
            if (IS_DIGIT(c)) return syntax_error(tok, "invalid digit '%c' in binary literal", c);
            if (!verify_end_of_number(tok, c, "binary")) return KR_TOK_ERRORTOKEN;
        } else {
            /* zeros, then maybe an old-style octal (an error) or a float */
            int nonzero = 0;
            for (;;) {
                if (c == '_') {
                    c = nextc(tok);
                    if (!IS_DIGIT(c)) {
                        backup(tok, c);
                        return syntax_error(tok, "invalid decimal literal");
                    }
                }
                if (c != '0') break;
                c = nextc(tok);
            }
            const char *zeros_end = tok->cur;
            if (IS_DIGIT(c)) {
                nonzero = 1;
                c = decimal_tail(tok);
                if (c == 0) return KR_TOK_ERRORTOKEN;
            }
            if (c == '.') {
                c = nextc(tok);
                goto fraction;
            } else if (c == 'e' || c == 'E') {
                goto exponent;
            } else if (c == 'j' || c == 'J') {
                goto imaginary;
            } else if (nonzero) {
                backup(tok, c);
                int col = (int)(tok->start - tok->line_start);
                int end_col = (int)(zeros_end - tok->line_start) - 1;
                kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, tok->lineno, col, tok->lineno, end_col,
                                       "leading zeros in decimal integer literals are not "
                                       "permitted; use an 0o prefix for octal integers");
                return KR_TOK_ERRORTOKEN;
            }
            if (!verify_end_of_number(tok, c, "decimal")) return KR_TOK_ERRORTOKEN;
        }
    } else {
        c = decimal_tail(tok);
        if (c == 0) return KR_TOK_ERRORTOKEN;
        if (c == '.') {
            c = nextc(tok);
        fraction:
            if (IS_DIGIT(c)) {
                c = decimal_tail(tok);
                if (c == 0) return KR_TOK_ERRORTOKEN;
            }
        }
        if (c == 'e' || c == 'E') {
        exponent:
            e = c;
            c = nextc(tok);
            if (c == '+' || c == '-') {
                c = nextc(tok);
                if (!IS_DIGIT(c)) {
                    backup(tok, c);
                    return syntax_error(tok, "invalid decimal literal");
                }
            } else if (!IS_DIGIT(c)) {
                /* "1else": the 'e' is not an exponent */
                backup(tok, c);
                if (!verify_end_of_number(tok, e, "decimal")) return KR_TOK_ERRORTOKEN;
                backup(tok, e);
                return make(tok, out, KR_TOK_NUMBER, tok->start, tok->cur);
            }
            c = decimal_tail(tok);
            if (c == 0) return KR_TOK_ERRORTOKEN;
        }
        if (c == 'j' || c == 'J') {
        imaginary:
            c = nextc(tok);
            if (!verify_end_of_number(tok, c, "imaginary")) return KR_TOK_ERRORTOKEN;
        } else if (!verify_end_of_number(tok, c, "decimal")) {
            return KR_TOK_ERRORTOKEN;
        }
    }
    backup(tok, c);
    return make(tok, out, KR_TOK_NUMBER, tok->start, tok->cur);
}

/* ======================================================================== strings */

/* A string literal; the opening quote c has been read (the prefix, if any, before it). */
static KrTokenType string(KrTokenizer *tok, KrToken *out, int quote) {
    int quote_size = 1, end_quote_size = 0;
    int c = nextc(tok);
    if (c == quote) {
        c = nextc(tok);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1; /* the empty string */
    }
    if (c != quote) backup(tok, c);

    while (end_quote_size != quote_size) {
        c = nextc(tok);
        if (tok->failed) return KR_TOK_ERRORTOKEN;
        if (c == END || (quote_size == 1 && c == '\n')) {
            /* reported at the literal's start */
            int detected = tok->lineno;
            int line = tok->start_lineno, col = (int)(tok->start - tok->start_line);
            KrTokMode *m = MODE(tok);
            if (INSIDE_FSTRING(tok) && m->quote == quote && m->quote_size == quote_size) {
                /* f"{x" : the f-string's own quote ends it while a field is open */
                kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, line, col, line, col,
                                       "f-string: expecting '}'");
            } else if (quote_size == 3) {
                kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, line, col, line, col,
                                       "unterminated triple-quoted string literal (detected at "
                                       "line %d)",
                                       detected);
            } else {
                kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, line, col, line, col,
                                       "unterminated string literal (detected at line %d)",
                                       detected);
            }
            return KR_TOK_ERRORTOKEN;
        }
        if (c == quote) {
            end_quote_size++;
        } else {
            end_quote_size = 0;
            if (c == '\\') nextc(tok); /* the escaped character, whatever it is */
        }
    }
    return make(tok, out, KR_TOK_STRING, tok->start, tok->cur);
}

/* The opening quote of an f-string has been read: push its mode. */
static KrTokenType fstring_start(KrTokenizer *tok, KrToken *out, int quote) {
    int quote_size = 1;
    int after = nextc(tok);
    if (after == quote) {
        int after2 = nextc(tok);
        if (after2 == quote) {
            quote_size = 3;
        } else {
            backup(tok, after2);
            backup(tok, after);
        }
    } else {
        backup(tok, after);
    }
    if (tok->mode_index + 1 >= KR_TOK_MAXFSTRING)
        return syntax_error(tok, "too many nested f-strings");
    KrTokMode *m = &tok->modes[++tok->mode_index];
    memset(m, 0, sizeof *m);
    m->kind = KR_MODE_FSTRING;
    m->quote = (char)quote;
    m->quote_size = quote_size;
    m->raw = tok->start[0] == 'r' || tok->start[0] == 'R' || tok->start[1] == 'r' ||
             tok->start[1] == 'R';
    m->start = tok->start;
    m->start_line = tok->start_line;
    m->start_lineno = tok->start_lineno;
    m->bracket_depth = 0;
    m->expr_start_depth = -1;
    return make(tok, out, KR_TOK_FSTRING_START, tok->start, tok->cur);
}

/* ======================================================================== regular mode */

static KrTokenType endmarker(KrTokenizer *tok, KrToken *out, KrTokenType type) {
    if (EXTRA(tok)) /* the tokenize module puts these on the line after the last */
        return make_at(out, type, tok->cur, tok->cur, tok->lineno + 1, 0, tok->lineno + 1, 0);
    int col = (int)(tok->cur - tok->line_start);
    return make_at(out, type, tok->cur, tok->cur, tok->lineno, col, tok->lineno, col);
}

static KrTokenType get_fstring(KrTokenizer *tok, KrToken *out);

static KrTokenType get_normal(KrTokenizer *tok, KrToken *out) {
    KrTokMode *m = MODE(tok);
    int c, blankline;

nextline:
    blankline = 0;
    /* indentation at the start of a line */
    if (tok->atbol) {
        long col = 0, altcol = 0, cont_line_col = 0;
        tok->atbol = 0;
        for (;;) {
            c = nextc(tok);
            if (c == ' ') {
                col++, altcol++;
            } else if (c == '\t') {
                col = (col / KR_TOK_TABSIZE + 1) * KR_TOK_TABSIZE;
                altcol++;
            } else if (c == '\014') { /* form feed resets the column, for Emacs */
                col = altcol = 0;
            } else if (c == '\\') {
                /* a backslash in the indentation: the first one fixes the level */
                cont_line_col = cont_line_col ? cont_line_col : col;
                if (continuation_line(tok) < 0) return KR_TOK_ERRORTOKEN;
            } else {
                break;
            }
            if (col > (1L << 30))
                col = 1L << 30, altcol = 1L << 30; /* absurd indentation: keep it finite */
        }
        backup(tok, c);
        if (c == '#' || c == '\n') {
            /* blank and comment-only lines do not change the indentation */
            blankline = 1;
        }
        if (!blankline && tok->level == 0) {
            if (cont_line_col) col = altcol = cont_line_col;
            int *ind = tok->indstack, *alt = tok->altindstack, i = tok->indent;
            if (col == ind[i]) {
                /* altcol: tabs counted as one column; a different result means the
                 * indentation depends on the tab size */
                if (altcol != alt[i])
                    return indent_error(tok, KR_ERR_TAB,
                                        "inconsistent use of tabs and spaces in indentation");
            } else if (col > ind[i]) {
                if (i + 1 >= KR_TOK_MAXINDENT)
                    return indent_error(tok, KR_ERR_INDENTATION, "too many levels of indentation");
                if (altcol <= alt[i])
                    return indent_error(tok, KR_ERR_TAB,
                                        "inconsistent use of tabs and spaces in indentation");
                tok->pendin++;
                tok->indent = ++i;
                ind[i] = (int)col;
                alt[i] = (int)altcol;
            } else {
                while (i > 0 && col < ind[i]) {
                    tok->pendin--;
                    i--;
                }
                tok->indent = i;
                if (col != ind[i]) {
                    int ecol = (int)(tok->inp - tok->line_start) - 1;
                    kr_tokenizer_set_error(tok, KR_ERR_INDENTATION, tok->lineno, ecol, tok->lineno,
                                           -2,
                                           "unindent does not match any outer indentation level");
                    return KR_TOK_ERRORTOKEN;
                }
                if (altcol != alt[i])
                    return indent_error(tok, KR_ERR_TAB,
                                        "inconsistent use of tabs and spaces in indentation");
            }
        }
    }

    mark_start(tok);

    /* pending INDENT / DEDENT tokens */
    if (tok->pendin != 0) {
        int w = (int)(tok->cur - tok->line_start);
        if (tok->pendin < 0) {
            tok->pendin++;
            if (tok->at_eof) return endmarker(tok, out, KR_TOK_DEDENT);
            return make_at(out, KR_TOK_DEDENT, tok->cur, tok->cur, tok->lineno, w, tok->lineno, w);
        }
        tok->pendin--;
        return make_at(out, KR_TOK_INDENT, tok->line_start, tok->cur, tok->lineno, 0, tok->lineno,
                       w);
    }

again:
    do {
        c = nextc(tok);
    } while (c == ' ' || c == '\t' || c == '\014');
    tok->start = c == END ? tok->cur : tok->cur - 1;
    tok->start_line = tok->line_start;
    tok->start_lineno = tok->lineno;

    /* comments */
    if (c == '#') {
        while (c != END && c != '\n')
            c = nextc(tok);
        if (EXTRA(tok)) {
            backup(tok, c);
            tok->comment_newline = blankline;
            return make(tok, out, KR_TOK_COMMENT, tok->start, tok->cur);
        }
        /* without comment tokens, the NEWLINE after it starts at the '#' (as pegen sees) */
    }

    if (c == END) {
        if (tok->failed) return KR_TOK_ERRORTOKEN;
        if (tok->level > 0) {
            int l = tok->level - 1;
            kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, tok->parenlineno[l], tok->parencol[l],
                                   tok->parenlineno[l], -1, "'%c' was never closed",
                                   tok->parenstack[l]);
            return KR_TOK_ERRORTOKEN;
        }
        return endmarker(tok, out, KR_TOK_ENDMARKER);
    }

    /* names, and string prefixes */
    if (IS_NAME_START(c)) {
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0, nonascii = 0;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
                saw_b = 1;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
                saw_u = 1; /* u only alone: no ur"" */
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
                saw_r = 1;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
                saw_f = 1;
            else
                break;
            c = nextc(tok);
            if (c == '"' || c == '\'')
                return saw_f ? fstring_start(tok, out, c) : string(tok, out, c);
        }
        while (IS_NAME_CHAR(c)) {
            if (c >= 128) nonascii = 1;
            c = nextc(tok);
        }
        backup(tok, c);
        if (nonascii && !verify_identifier(tok)) return KR_TOK_ERRORTOKEN;
        return make(tok, out, KR_TOK_NAME, tok->start, tok->cur);
    }

    /* end of line */
    if (c == '\n') {
        const char *nl = tok->cur - 1;
        int col = (int)(nl - tok->line_start);
        /* the '\n' we added at the end is not in the source: an empty token there */
        const char *nl_end = (tok->synth_newline && tok->cur == tok->bufend) ? nl : tok->cur;
        tok->atbol = 1;
        if (blankline || tok->level > 0) {
            if (EXTRA(tok)) {
                tok->comment_newline = 0;
                return make_at(out, KR_TOK_NL, nl, nl_end, tok->lineno, col, tok->lineno, col + 1);
            }
            goto nextline;
        }
        if (tok->comment_newline && EXTRA(tok)) {
            /* the end of a comment-only line whose COMMENT token was sent */
            tok->comment_newline = 0;
            return make_at(out, KR_TOK_NL, nl, nl_end, tok->lineno, col, tok->lineno, col + 1);
        }
        tok->cont_line = 0;
        if (EXTRA(tok))
            return make_at(out, KR_TOK_NEWLINE, nl, nl_end, tok->lineno, col, tok->lineno, col + 1);
        return make_at(out, KR_TOK_NEWLINE, tok->start, nl, tok->lineno,
                       (int)(tok->start - tok->line_start), tok->lineno, col);
    }

    /* a period, or a number starting with one */
    if (c == '.') {
        c = nextc(tok);
        if (IS_DIGIT(c)) return number(tok, out, c, 1);
        if (c == '.') {
            c = nextc(tok);
            if (c == '.') return make(tok, out, KR_TOK_ELLIPSIS, tok->start, tok->cur);
            backup(tok, c);
            backup(tok, '.');
        } else {
            backup(tok, c);
        }
        return make(tok, out, KR_TOK_DOT, tok->start, tok->cur);
    }

    if (IS_DIGIT(c)) return number(tok, out, c, 0);

    if (c == '"' || c == '\'') return string(tok, out, c);

    /* explicit line joining */
    if (c == '\\') {
        if (continuation_line(tok) < 0) return KR_TOK_ERRORTOKEN;
        tok->cont_line = 1;
        goto again;
    }

    /* ':' at the top of an f-string's replacement field starts its format spec */
    if (c == ':' && INSIDE_FSTRING(tok) && INSIDE_FSTRING_EXPR(m) &&
        m->bracket_depth - 1 == m->expr_start_depth) {
        m->kind = KR_MODE_FSTRING;
        m->in_format_spec = 1;
        return make(tok, out, KR_TOK_COLON, tok->start, tok->cur);
    }

    /* two- and three-character operators */
    {
        int c2 = nextc(tok);
        KrTokenType t2 = two_chars(c, c2);
        if (t2 != KR_TOK_OP) {
            int c3 = nextc(tok);
            KrTokenType t3 = three_chars(c, c2, c3);
            if (t3 != KR_TOK_OP)
                t2 = t3;
            else
                backup(tok, c3);
            return make(tok, out, t2, tok->start, tok->cur);
        }
        backup(tok, c2);
    }

    /* brackets */
    switch (c) {
    case '(':
    case '[':
    case '{':
        if (tok->level >= KR_TOK_MAXLEVEL) return syntax_error(tok, "too many nested parentheses");
        tok->parenstack[tok->level] = (char)c;
        tok->parenlineno[tok->level] = tok->lineno;
        tok->parencol[tok->level] = (int)(tok->start - tok->line_start);
        tok->level++;
        if (INSIDE_FSTRING(tok)) m->bracket_depth++;
        break;
    case ')':
    case ']':
    case '}':
        if (INSIDE_FSTRING(tok) && !m->bracket_depth && c == '}')
            return syntax_error(tok, "f-string: single '}' is not allowed");
        if (!EXTRA(tok) && !tok->level) return syntax_error(tok, "unmatched '%c'", c);
        if (tok->level > 0) {
            tok->level--;
            int opening = tok->parenstack[tok->level];
            if (!EXTRA(tok) && !((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
                                 (opening == '{' && c == '}'))) {
                /* f"{)}": the field's own '{' is not matched against a stray closer */
                if (INSIDE_FSTRING(tok) && opening == '{' &&
                    m->bracket_depth - 1 == m->expr_start_depth)
                    return syntax_error(tok, "f-string: unmatched '%c'", c);
                if (tok->parenlineno[tok->level] != tok->lineno)
                    return syntax_error(tok,
                                        "closing parenthesis '%c' does not match opening "
                                        "parenthesis '%c' on line %d",
                                        c, opening, tok->parenlineno[tok->level]);
                return syntax_error(tok,
                                    "closing parenthesis '%c' does not match opening "
                                    "parenthesis '%c'",
                                    c, opening);
            }
        }
        if (INSIDE_FSTRING(tok)) {
            m->bracket_depth--;
            if (m->bracket_depth < 0) return syntax_error(tok, "f-string: unmatched '%c'", c);
            if (c == '}' && m->bracket_depth == m->expr_start_depth) {
                /* the replacement field is closed: back to the literal text */
                m->expr_start_depth--;
                m->kind = KR_MODE_FSTRING;
                m->in_format_spec = 0;
            }
        }
        break;
    default:
        break;
    }

    if (!kr_tokenizer_is_printable((uint32_t)c))
        return syntax_error(tok, "invalid non-printable character U+%04X", c);

    KrTokenType t = one_char(c);
    if (t == KR_TOK_OP) {
        /* '$', '?', '`': no token; the parser's "invalid syntax" at that character */
        int col = (int)(tok->start - tok->line_start);
        kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, tok->lineno, col, tok->lineno, col + 1,
                               "invalid syntax");
        return KR_TOK_ERRORTOKEN;
    }
    return make(tok, out, t, tok->start, tok->cur);
}

/* ======================================================================== f-string mode */

/* Emits the literal text tok->start..tok->cur (never empty) with its decoded value. */
static KrTokenType fstring_middle(KrTokenizer *tok, KrToken *out, KrTokMode *m) {
    make(tok, out, KR_TOK_FSTRING_MIDDLE, tok->start, tok->cur);
    KrFrontendError err;
    memset(&err, 0, sizeof err);
    int flags = KR_ESCAPES_FSTRING | (m->raw ? KR_ESCAPES_RAW : 0);
    if (kr_tokenizer_decode_escapes(tok->arena, tok->start, (size_t)(tok->cur - tok->start), flags,
                                    &out->decoded, &out->decoded_len, &err) < 0) {
        /* reported like a string literal's decode error: at the literal's end */
        kr_tokenizer_set_error(tok, err.kind ? err.kind : KR_ERR_SYNTAX, out->end_lineno,
                               out->end_col_offset - 1, out->end_lineno, -2, "%s", err.msg);
        return KR_TOK_ERRORTOKEN;
    }
    return KR_TOK_FSTRING_MIDDLE;
}

static KrTokenType get_fstring(KrTokenizer *tok, KrToken *out) {
    KrTokMode *m = MODE(tok);
    mark_start(tok);

    /* a replacement field right away: nothing literal to send first */
    int c = nextc(tok);
    if (c == '{') {
        int peek = nextc(tok);
        backup(tok, peek);
        if (peek != '{' || (m->in_format_spec && INSIDE_FSTRING_EXPR(m))) {
            backup(tok, c);
            m->expr_start_depth++;
            if (m->expr_start_depth >= KR_TOK_MAXEXPRNEST)
                return syntax_error(tok, "f-string: expressions nested too deeply");
            m->kind = KR_MODE_REGULAR;
            m->in_format_spec = 0;
            return get_normal(tok, out);
        }
    }
    backup(tok, c);

    /* the closing quote(s)? */
    int i;
    for (i = 0; i < m->quote_size; i++) {
        c = nextc(tok);
        if (c != m->quote) {
            backup(tok, c); /* quotes read so far are literal text */
            break;
        }
    }
    if (i == m->quote_size) {
        tok->mode_index--;
        return make(tok, out, KR_TOK_FSTRING_END, tok->start, tok->cur);
    }

    int end_quote_size = 0, named_escape = 0;
    while (end_quote_size != m->quote_size) {
        c = nextc(tok);
        if (tok->failed) return KR_TOK_ERRORTOKEN;
        int in_format_spec = m->in_format_spec && INSIDE_FSTRING_EXPR(m);
        if (c == END || (m->quote_size == 1 && c == '\n')) {
            if (in_format_spec && c == '\n')
                return syntax_error(tok, "f-string: newlines are not allowed in format "
                                         "specifiers for single quoted f-strings");
            int detected = tok->lineno;
            int line = m->start_lineno, col = (int)(m->start - m->start_line);
            kr_tokenizer_set_error(tok, KR_ERR_SYNTAX, line, col, line, col,
                                   m->quote_size == 3
                                       ? "unterminated triple-quoted f-string literal (detected "
                                         "at line %d)"
                                       : "unterminated f-string literal (detected at line %d)",
                                   detected);
            return KR_TOK_ERRORTOKEN;
        }
        if (c == m->quote) {
            end_quote_size++;
            continue;
        }
        end_quote_size = 0;
        if (c == '{') {
            int peek = nextc(tok);
            if (peek != '{' || in_format_spec) {
                /* a replacement field starts: send the text before it */
                backup(tok, peek);
                backup(tok, c);
                m->expr_start_depth++;
                if (m->expr_start_depth >= KR_TOK_MAXEXPRNEST)
                    return syntax_error(tok, "f-string: expressions nested too deeply");
                m->kind = KR_MODE_REGULAR;
                m->in_format_spec = 0;
                return fstring_middle(tok, out, m);
            }
            /* "{{" is a literal '{' */
        } else if (c == '}') {
            if (named_escape) { /* the end of \N{...} */
                named_escape = 0;
                continue;
            }
            int peek = nextc(tok);
            if (peek == '}' && !in_format_spec && m->bracket_depth == 0)
                continue; /* "}}" is a literal '}' */
            /* the field's end (or a lone '}', which regular mode reports) */
            backup(tok, peek);
            backup(tok, c);
            m->kind = KR_MODE_REGULAR;
            m->in_format_spec = 0;
            if (tok->cur == tok->start) return get_normal(tok, out);
            return fstring_middle(tok, out, m);
        } else if (c == '\\') {
            int peek = nextc(tok);
            if (peek == '{' || peek == '}') {
                /* "\{" is a backslash and then a field (CPython warns) */
                backup(tok, peek);
                continue;
            }
            if (!m->raw && peek == 'N') {
                peek = nextc(tok);
                if (peek == '{')
                    named_escape = 1;
                else
                    backup(tok, peek);
            }
            /* any other escaped character is skipped: it cannot end the literal */
        }
    }
    /* the closing quotes: they make the FSTRING_END next time */
    for (i = 0; i < m->quote_size; i++)
        backup(tok, m->quote);
    if (tok->cur == tok->start) { /* cannot happen: the quotes were checked above */
        tok->mode_index--;
        tok->cur += m->quote_size;
        return make(tok, out, KR_TOK_FSTRING_END, tok->start, tok->cur);
    }
    return fstring_middle(tok, out, m);
}

/* ======================================================================== interface */

KrTokenizer *kr_tokenizer_new(const char *src, size_t len, KrArena *arena, int flags) {
    KrTokenizer *tok = calloc(1, sizeof *tok);
    if (!tok) return NULL;
    tok->arena = arena;
    tok->flags = flags;
    tok->atbol = 1;
    tok->modes[0].kind = KR_MODE_REGULAR;
    tok->modes[0].expr_start_depth = -1;
    if (kr_tokenizer_prepare_source(tok, src ? src : "", src ? len : 0) < 0) {
        if (!tok->failed) { /* out of memory */
            kr_tokenizer_free(tok);
            return NULL;
        }
        /* an encoding error: reported by the first kr_tokenizer_next */
        tok->buf = tok->bufend = "";
    }
    tok->cur = tok->inp = tok->line_start = tok->buf;
    return tok;
}

void kr_tokenizer_free(KrTokenizer *tok) { free(tok); }

KrTokenType kr_tokenizer_next(KrTokenizer *tok, KrToken *out) {
    memset(out, 0, sizeof *out);
    if (tok->ended && !tok->failed) {
        *out = tok->endtoken;
        return KR_TOK_ENDMARKER;
    }
    KrTokenType t = KR_TOK_ERRORTOKEN;
    if (!tok->failed) {
        t = MODE(tok)->kind == KR_MODE_REGULAR ? get_normal(tok, out) : get_fstring(tok, out);
    }
    if (tok->failed) {
        memset(out, 0, sizeof *out);
        out->type = KR_TOK_ERRORTOKEN;
        out->start = out->end = tok->cur;
        out->lineno = out->end_lineno = tok->err.lineno;
        out->col_offset = out->end_col_offset = tok->err.col_offset;
        return KR_TOK_ERRORTOKEN;
    }
    out->type = t;
    if (t == KR_TOK_ENDMARKER) {
        tok->ended = 1;
        tok->endtoken = *out;
    }
    return t;
}

const KrFrontendError *kr_tokenizer_error(KrTokenizer *tok) {
    return tok->failed ? &tok->err : NULL;
}

const char *kr_tokenizer_line(KrTokenizer *tok, int lineno, size_t *len) {
    if (len) *len = 0;
    if (lineno < 1 || !tok->buf) return NULL;
    const char *p = tok->buf;
    /* the line being read is cached: errors name it most of the time */
    if (lineno == tok->lineno && tok->line_start)
        p = tok->line_start;
    else
        for (int n = 1; n < lineno; n++) {
            const char *nl = memchr(p, '\n', (size_t)(tok->bufend - p));
            if (!nl) return NULL;
            p = nl + 1;
        }
    if (p >= tok->bufend) return NULL;
    const char *nl = memchr(p, '\n', (size_t)(tok->bufend - p));
    if (len) *len = (size_t)((nl ? nl : tok->bufend) - p);
    return p;
}
