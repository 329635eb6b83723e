/* test_tokenizer.c - the tokenizer against CPython: token streams (compared with what
 * python3.11 -m tokenize prints, f-strings as 3.12 / PEP 701 split them), positions,
 * and every error message with its location. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "token.h"

/* ---- helpers ---- */

/* "NAME:if NAME:x COLON NEWLINE ..." for src (kind names; text after ':' for NAME,
 * NUMBER, STRING, COMMENT, FSTRING_START/END, and the decoded text for FSTRING_MIDDLE).
 * On error the last item is "ERROR". */
static char *stream(const char *src, size_t len, int flags) {
    static char out[8192];
    KrArena *a = kr_arena_new();
    KrTokenizer *t = kr_tokenizer_new(src, len, a, flags);
    assert_non_null(t);
    size_t n = 0;
    out[0] = 0;
    for (int i = 0; i < 1000; i++) {
        KrToken tk;
        KrTokenType ty = kr_tokenizer_next(t, &tk);
        const char *text = NULL;
        int tlen = 0;
        if (ty == KR_TOK_NAME || ty == KR_TOK_NUMBER || ty == KR_TOK_STRING ||
            ty == KR_TOK_COMMENT || ty == KR_TOK_FSTRING_START || ty == KR_TOK_FSTRING_END) {
            text = tk.start;
            tlen = (int)(tk.end - tk.start);
        } else if (ty == KR_TOK_FSTRING_MIDDLE) {
            text = tk.decoded;
            tlen = (int)tk.decoded_len;
        }
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%s%s%.*s", n ? " " : "",
                              ty == KR_TOK_ERRORTOKEN ? "ERROR" : kr_token_names[ty],
                              text ? ":" : "", tlen, text ? text : "");
        if (ty == KR_TOK_ENDMARKER || ty == KR_TOK_ERRORTOKEN || n >= sizeof out - 1) break;
    }
    kr_tokenizer_free(t);
    kr_arena_free(a);
    return out;
}

#define STREAM(src) stream(src, strlen(src), 0)
#define STREAMC(src) stream(src, strlen(src), KR_TOKENIZE_EMIT_COMMENTS)

/* Positions of every token: "l,c-el,ec" items. */
static char *positions(const char *src, int flags) {
    static char out[8192];
    KrArena *a = kr_arena_new();
    KrTokenizer *t = kr_tokenizer_new(src, strlen(src), a, flags);
    size_t n = 0;
    out[0] = 0;
    for (int i = 0; i < 1000; i++) {
        KrToken tk;
        KrTokenType ty = kr_tokenizer_next(t, &tk);
        n += (size_t)snprintf(out + n, sizeof out - n, "%s%d,%d-%d,%d", n ? " " : "", tk.lineno,
                              tk.col_offset, tk.end_lineno, tk.end_col_offset);
        if (ty == KR_TOK_ENDMARKER || ty == KR_TOK_ERRORTOKEN || n >= sizeof out - 1) break;
    }
    kr_tokenizer_free(t);
    kr_arena_free(a);
    return out;
}

/* Tokenizes to the first error and checks it. Columns are given as CPython's 1-based
 * offset / end_offset (the error struct holds them minus one). */
static void check_error_n(const char *src, size_t len, KrFrontendErrorKind kind, const char *msg,
                          int lineno, int offset, int end_lineno, int end_offset) {
    KrArena *a = kr_arena_new();
    KrTokenizer *t = kr_tokenizer_new(src, len, a, 0);
    KrToken tk;
    KrTokenType ty = KR_TOK_ENDMARKER;
    for (int i = 0; i < 10000; i++) {
        ty = kr_tokenizer_next(t, &tk);
        if (ty == KR_TOK_ERRORTOKEN || ty == KR_TOK_ENDMARKER) break;
    }
    if (ty != KR_TOK_ERRORTOKEN) fail_msg("no error for %s (wanted \"%s\")", src, msg);
    const KrFrontendError *e = kr_tokenizer_error(t);
    assert_non_null(e);
    assert_string_equal(e->msg, msg);
    assert_int_equal(e->kind, kind);
    assert_int_equal(e->lineno, lineno);
    assert_int_equal(e->col_offset + 1, offset);
    assert_int_equal(e->end_lineno, end_lineno);
    assert_int_equal(e->end_col_offset + 1, end_offset);
    /* it keeps failing */
    assert_int_equal(kr_tokenizer_next(t, &tk), KR_TOK_ERRORTOKEN);
    kr_tokenizer_free(t);
    kr_arena_free(a);
}

#define SYNERR(src, msg, l, o, el, eo)                                                             \
    check_error_n(src, strlen(src), KR_ERR_SYNTAX, msg, l, o, el, eo)
/* errors whose position is not CPython-checked here: only the message */
static void check_msg(const char *src, const char *msg) {
    KrArena *a = kr_arena_new();
    KrTokenizer *t = kr_tokenizer_new(src, strlen(src), a, 0);
    KrToken tk;
    KrTokenType ty = KR_TOK_ENDMARKER;
    for (int i = 0; i < 10000; i++) {
        ty = kr_tokenizer_next(t, &tk);
        if (ty == KR_TOK_ERRORTOKEN || ty == KR_TOK_ENDMARKER) break;
    }
    if (ty != KR_TOK_ERRORTOKEN) fail_msg("no error for %s (wanted \"%s\")", src, msg);
    assert_string_equal(kr_tokenizer_error(t)->msg, msg);
    kr_tokenizer_free(t);
    kr_arena_free(a);
}

static void no_error(const char *src) {
    char *s = STREAM(src);
    if (strstr(s, "ERROR")) fail_msg("unexpected error for %s: %s", src, s);
}

/* ---- token streams ---- */

static void test_simple(void **state) {
    (void)state;
    assert_string_equal(STREAM("x = 1\n"), "NAME:x EQUAL NUMBER:1 NEWLINE ENDMARKER");
    assert_string_equal(STREAM(""), "ENDMARKER");
    assert_string_equal(STREAM("\n\n  \n"), "ENDMARKER");
    /* a NEWLINE is made up for a last line without one */
    assert_string_equal(STREAM("x"), "NAME:x NEWLINE ENDMARKER");
    assert_string_equal(STREAM("# only\n"), "ENDMARKER");
    assert_string_equal(STREAMC("# only"), "COMMENT:# only NL ENDMARKER");
    assert_string_equal(STREAM("if x:  # c\n    pass\n"),
                        "NAME:if NAME:x COLON NEWLINE INDENT NAME:pass NEWLINE DEDENT ENDMARKER");
    /* keywords are NAMEs */
    assert_string_equal(STREAM("async def f(): await x\n"),
                        "NAME:async NAME:def NAME:f LPAR RPAR COLON NAME:await NAME:x NEWLINE "
                        "ENDMARKER");
}

static void test_operators(void **state) {
    (void)state;
    assert_string_equal(
        STREAM("( ) [ ] : , ; + - * / | & < > = . % { } == != <= >= ~ ^ << >> ** += -= *= /= "
               "%= &= |= ^= <<= >>= **= // //= @ @= -> ... := !\n"),
        "LPAR RPAR LSQB RSQB COLON COMMA SEMI PLUS MINUS STAR SLASH VBAR AMPER LESS GREATER "
        "EQUAL DOT PERCENT LBRACE RBRACE EQEQUAL NOTEQUAL LESSEQUAL GREATEREQUAL TILDE "
        "CIRCUMFLEX LEFTSHIFT RIGHTSHIFT DOUBLESTAR PLUSEQUAL MINEQUAL STAREQUAL SLASHEQUAL "
        "PERCENTEQUAL AMPEREQUAL VBAREQUAL CIRCUMFLEXEQUAL LEFTSHIFTEQUAL RIGHTSHIFTEQUAL "
        "DOUBLESTAREQUAL DOUBLESLASH DOUBLESLASHEQUAL AT ATEQUAL RARROW ELLIPSIS COLONEQUAL "
        "EXCLAMATION NEWLINE ENDMARKER");
    assert_string_equal(STREAM("a..b\n"), "NAME:a DOT DOT NAME:b NEWLINE ENDMARKER");
    assert_string_equal(STREAM("x**-1<>y\n"),
                        "NAME:x DOUBLESTAR MINUS NUMBER:1 NOTEQUAL NAME:y NEWLINE ENDMARKER");
    assert_string_equal(kr_token_names[KR_TOK_RARROW], "RARROW");
    assert_string_equal(kr_token_strings[KR_TOK_DOUBLESLASHEQUAL], "//=");
    assert_null(kr_token_strings[KR_TOK_NAME]);
}

static void test_numbers(void **state) {
    (void)state;
    const char *good[] = {"0",       "7",      "1_000",
                          "0x1F",    "0X_ff",  "0o17",
                          "0O_7",    "0b1010", "0B_1",
                          "00",      "0_0",    "1.",
                          ".5",      "1.5",    "1e10",
                          "1E-5",    "1e+5",   "1_000.5e-3",
                          "1j",      "1.5J",   "0j",
                          "09.5",    "0e1",    "00.1j",
                          "1_0e1_0", "0.0",    "123456789012345678901234567890",
                          "1_2.3_4j"};
    for (size_t i = 0; i < sizeof good / sizeof *good; i++) {
        char src[64], want[128];
        snprintf(src, sizeof src, "%s\n", good[i]);
        snprintf(want, sizeof want, "NUMBER:%s NEWLINE ENDMARKER", good[i]);
        assert_string_equal(STREAM(src), want);
    }
    /* a keyword right after a number is accepted (CPython only warns) */
    assert_string_equal(STREAM("1if x else 2\n"),
                        "NUMBER:1 NAME:if NAME:x NAME:else NUMBER:2 NEWLINE ENDMARKER");
    assert_string_equal(STREAM("0x1for\n"), "NUMBER:0x1f NAME:or NEWLINE ENDMARKER");
    assert_string_equal(STREAM("1else\n"), "NUMBER:1 NAME:else NEWLINE ENDMARKER");
    SYNERR("1.real\n", "invalid decimal literal", 1, 2, 1, 2);
    assert_string_equal(STREAM("1 .real\n"), "NUMBER:1 DOT NAME:real NEWLINE ENDMARKER");
}

static void test_number_errors(void **state) {
    (void)state;
    SYNERR("x = 1a\n", "invalid decimal literal", 1, 5, 1, 5);
    SYNERR("x = 0x\n", "invalid hexadecimal literal", 1, 6, 1, 6);
    SYNERR("x = 0xg\n", "invalid hexadecimal literal", 1, 6, 1, 6);
    SYNERR("x = 0x1g\n", "invalid hexadecimal literal", 1, 7, 1, 7);
    SYNERR("x = 0o8\n", "invalid digit '8' in octal literal", 1, 7, 1, 7);
    SYNERR("0o19\n", "invalid digit '9' in octal literal", 1, 4, 1, 4);
    SYNERR("x = 0o\n", "invalid octal literal", 1, 6, 1, 6);
    SYNERR("x = 0b2\n", "invalid digit '2' in binary literal", 1, 7, 1, 7);
    SYNERR("x = 0b\n", "invalid binary literal", 1, 6, 1, 6);
    SYNERR("0b1a\n", "invalid binary literal", 1, 3, 1, 3);
    SYNERR("0b1_\n", "invalid binary literal", 1, 4, 1, 4);
    SYNERR("x = 012\n",
           "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
           "octal integers",
           1, 5, 1, 6);
    SYNERR("x = 0_7\n",
           "leading zeros in decimal integer literals are not permitted; use an 0o prefix for "
           "octal integers",
           1, 5, 1, 7);
    SYNERR("x = 1_\n", "invalid decimal literal", 1, 6, 1, 6);
    SYNERR("x = 1__0\n", "invalid decimal literal", 1, 6, 1, 6);
    SYNERR("x = 1e\n", "invalid decimal literal", 1, 5, 1, 5);
    SYNERR("x = 1e+\n", "invalid decimal literal", 1, 7, 1, 7);
    SYNERR("x = 1.e5x\n", "invalid decimal literal", 1, 8, 1, 8);
    SYNERR("x = 1jx\n", "invalid imaginary literal", 1, 6, 1, 6);
    SYNERR("x = 1.__class__\n", "invalid decimal literal", 1, 6, 1, 6);
    SYNERR("0_\n", "invalid decimal literal", 1, 2, 1, 2);
    SYNERR("1e_5\n", "invalid decimal literal", 1, 1, 1, 1);
    SYNERR(".5_\n", "invalid decimal literal", 1, 3, 1, 3);
}

static void test_strings(void **state) {
    (void)state;
    assert_string_equal(STREAM("'a' \"b\" '''c\nd''' \"\"\"e\"\"\" ''\n"),
                        "STRING:'a' STRING:\"b\" STRING:'''c\nd''' STRING:\"\"\"e\"\"\" STRING:'' "
                        "NEWLINE ENDMARKER");
    assert_string_equal(STREAM("r'\\'' b'x' Rb'y' bR'z' BR'w' rB'v' u'u' U'U'\n"),
                        "STRING:r'\\'' STRING:b'x' STRING:Rb'y' STRING:bR'z' STRING:BR'w' "
                        "STRING:rB'v' STRING:u'u' STRING:U'U' NEWLINE ENDMARKER");
    /* not prefixes */
    assert_string_equal(STREAM("ur'x' bu'y'\n"),
                        "NAME:ur STRING:'x' NAME:bu STRING:'y' NEWLINE ENDMARKER");
    assert_string_equal(STREAM("'a\\\nb'\n"), "STRING:'a\\\nb' NEWLINE ENDMARKER");
    assert_string_equal(STREAM("'''a''''\n"), "STRING:'''a''' ERROR");
    SYNERR("x = 'abc\n", "unterminated string literal (detected at line 1)", 1, 5, 1, 5);
    SYNERR("x = \"abc\\\"\n", "unterminated string literal (detected at line 1)", 1, 5, 1, 5);
    SYNERR("s = 'a\\\n", "unterminated string literal (detected at line 1)", 1, 5, 1, 5);
    SYNERR("x = b'abc", "unterminated string literal (detected at line 1)", 1, 5, 1, 5);
    SYNERR("x = '''abc\n\n", "unterminated triple-quoted string literal (detected at line 2)", 1, 5,
           1, 5);
    SYNERR("def f():\n    '''doc\n",
           "unterminated triple-quoted string literal (detected at line 2)", 2, 5, 2, 5);
}

static void test_names(void **state) {
    (void)state;
    assert_string_equal(STREAM("\xc3\xa9t\xc3\xa9 = \xe5\x90\x8d\n"),
                        "NAME:\xc3\xa9t\xc3\xa9 EQUAL NAME:\xe5\x90\x8d NEWLINE ENDMARKER");
    /* combining marks continue a name */
    assert_string_equal(STREAM("a\xcc\x81 _x9\n"), "NAME:a\xcc\x81 NAME:_x9 NEWLINE ENDMARKER");
    SYNERR("x = 1 \xe2\x82\xac 2\n", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 7, 1, 7);
    SYNERR("\xe2\x82\xac = 1\n", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 1, 1, 1);
    SYNERR("a\xe2\x82\xac = 1\n", "invalid character '\xe2\x82\xac' (U+20AC)", 1, 2, 1, 2);
    SYNERR("\xc2\xa0 = 1\n", "invalid non-printable character U+00A0", 1, 1, 1, 1);
    SYNERR("abc\xe2\x80\xa8 = 1\n", "invalid non-printable character U+2028", 1, 4, 1, 4);
    SYNERR("x = \x01\n", "invalid non-printable character U+0001", 1, 5, 1, 5);
    SYNERR("x = \x7f\n", "invalid non-printable character U+007F", 1, 5, 1, 5);
    SYNERR("x = $\n", "invalid syntax", 1, 5, 1, 6);
    SYNERR("x = (1 +\n  ?)\n", "invalid syntax", 2, 3, 2, 4);
}

static void test_indentation(void **state) {
    (void)state;
    assert_string_equal(STREAM("if a:\n  if b:\n    c\n\n  # x\n  d\ne\n"),
                        "NAME:if NAME:a COLON NEWLINE INDENT NAME:if NAME:b COLON NEWLINE INDENT "
                        "NAME:c NEWLINE DEDENT NAME:d NEWLINE DEDENT NAME:e NEWLINE ENDMARKER");
    /* dedents at the end of the source */
    assert_string_equal(STREAM("if a:\n if b:\n  c"),
                        "NAME:if NAME:a COLON NEWLINE INDENT NAME:if NAME:b COLON NEWLINE INDENT "
                        "NAME:c NEWLINE DEDENT DEDENT ENDMARKER");
    /* tabs go to multiples of 8, consistently used */
    no_error("if a:\n\tb\n\tif c:\n\t\td\n");
    no_error("if a:\n        b\n        c\n");
    no_error("if a:\n  \f  b\n");
    /* brackets: no indentation inside */
    assert_string_equal(STREAM("x = (1,\n        2)\ny\n"),
                        "NAME:x EQUAL LPAR NUMBER:1 COMMA NUMBER:2 RPAR NEWLINE NAME:y NEWLINE "
                        "ENDMARKER");
    assert_string_equal(STREAMC("x = (1,\n  2)\n"),
                        "NAME:x EQUAL LPAR NUMBER:1 COMMA NL NUMBER:2 RPAR NEWLINE ENDMARKER");
    /* backslash continuation */
    assert_string_equal(STREAM("x = 1 + \\\n    2\n"),
                        "NAME:x EQUAL NUMBER:1 PLUS NUMBER:2 NEWLINE ENDMARKER");
    assert_string_equal(STREAM("x = \\\n\n"), "NAME:x EQUAL NEWLINE ENDMARKER");

    check_error_n("if x:\n    y\n  z\n", 17, KR_ERR_INDENTATION,
                  "unindent does not match any outer indentation level", 3, 4, 3, -1);
    check_error_n("if x:\n    if y:\n        z\n  w\n", 30, KR_ERR_INDENTATION,
                  "unindent does not match any outer indentation level", 4, 4, 4, -1);
    check_error_n("if x:\n\ty\n        z\n", 19, KR_ERR_TAB,
                  "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0);
    check_error_n("if x:\n        y\n\tz\n", 19, KR_ERR_TAB,
                  "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0);
    check_error_n("if x:\n  pass\n\tpass\n", 19, KR_ERR_TAB,
                  "inconsistent use of tabs and spaces in indentation", 3, 1, 3, 0);

    /* 99 nested blocks are fine, the 100th is too many */
    char *src = malloc(20000);
    size_t n = 0;
    for (int i = 0; i < 100; i++)
        n += (size_t)sprintf(src + n, "%*sif 1:\n", i, "");
    n += (size_t)sprintf(src + n, "%*spass\n", 100, "");
    check_error_n(src, n, KR_ERR_INDENTATION, "too many levels of indentation", 101, 1, 101, 0);
    n = 0;
    for (int i = 0; i < 99; i++)
        n += (size_t)sprintf(src + n, "%*sif 1:\n", i, "");
    n += (size_t)sprintf(src + n, "%*spass\n", 99, "");
    src[n] = 0;
    no_error(src);
    free(src);
}

static void test_continuation_errors(void **state) {
    (void)state;
    SYNERR("x = 1 \\ y\n", "unexpected character after line continuation character", 1, 8, 1, 0);
    SYNERR("x = 1\ny = 2 \\ z\n", "unexpected character after line continuation character", 2, 8, 2,
           0);
    SYNERR("x = 1\n  \\ z\n", "unexpected character after line continuation character", 2, 4, 2, 0);
    SYNERR("x = 1 \\", "unexpected EOF while parsing", 1, 8, 1, -1);
    SYNERR("x = 1 \\\n", "unexpected EOF while parsing", 1, 8, 1, -1);
    SYNERR("\\\n", "unexpected EOF while parsing", 1, 2, 1, -1);
}

static void test_brackets(void **state) {
    (void)state;
    SYNERR("x = )\n", "unmatched ')'", 1, 5, 1, 5);
    SYNERR("x = (]\n", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6, 1,
           6);
    SYNERR("x = (\n]\n", "closing parenthesis ']' does not match opening parenthesis '(' on line 1",
           2, 1, 2, 1);
    SYNERR("x = (1,\n", "'(' was never closed", 1, 5, 1, 0);
    SYNERR("foo(\n  1,\n", "'(' was never closed", 1, 4, 1, 0);
    SYNERR("x = [1, {2,\n", "'{' was never closed", 1, 9, 1, 0);
    SYNERR("(", "'(' was never closed", 1, 1, 1, 0);
    char deep[260];
    memset(deep, '(', 201);
    deep[201] = 0;
    SYNERR(deep, "too many nested parentheses", 1, 201, 1, 201);
    deep[200] = 0;
    check_msg(deep, "'(' was never closed");
    /* the tokenize module does not check brackets */
    assert_string_equal(STREAMC(")\n"), "RPAR NEWLINE ENDMARKER");
}

static void test_encoding(void **state) {
    (void)state;
    /* BOM */
    assert_string_equal(STREAM("\xef\xbb\xbfx = 1\n"), "NAME:x EQUAL NUMBER:1 NEWLINE ENDMARKER");
    assert_string_equal(positions("\xef\xbb\xbfx\n", 0), "1,0-1,1 1,1-1,1 1,2-1,2");
    /* \r\n and \r */
    assert_string_equal(STREAM("x = 1\r\ny = (\r\n2)\r\nz\rw"),
                        "NAME:x EQUAL NUMBER:1 NEWLINE NAME:y EQUAL LPAR NUMBER:2 RPAR NEWLINE "
                        "NAME:z NEWLINE NAME:w NEWLINE ENDMARKER");
    /* PEP 263 */
    assert_string_equal(STREAM("# -*- coding: latin-1 -*-\nx = '\xe9'\n"),
                        "NAME:x EQUAL STRING:'\xc3\xa9' NEWLINE ENDMARKER");
    assert_string_equal(STREAM("#!/usr/bin/python\n# vim: set fileencoding=iso-8859-1 :\n"
                               "\xe9 = 1\n"),
                        "NAME:\xc3\xa9 EQUAL NUMBER:1 NEWLINE ENDMARKER");
    no_error("# coding=utf-8\nx = '\xc3\xa9'\n");
    no_error("# coding: utf8\n");
    /* a coding line after code is a comment */
    no_error("x = 1\n# coding: foo\n");
    check_error_n("# -*- coding: foo -*-\nx=1\n", 26, KR_ERR_SYNTAX, "unknown encoding: foo", 0, -1,
                  0, 1);
    check_error_n("\n# coding: bar\n", 15, KR_ERR_SYNTAX, "unknown encoding: bar", 0, -1, 0, 1);
    check_msg("\xef\xbb\xbf# coding: latin-1\nx = 1\n", "encoding problem: iso-8859-1 with BOM");
    /* bad UTF-8 */
    check_msg("x = 1\n\xfe\n",
              "(unicode error) 'utf-8' codec can't decode byte 0xfe in position 0: invalid start "
              "byte");
    check_msg("x = '\xc3('\n",
              "(unicode error) 'utf-8' codec can't decode byte 0xc3 in position 5: invalid "
              "continuation byte");
    check_msg("# \xe2\x82\n",
              "(unicode error) 'utf-8' codec can't decode bytes in position 2-3: invalid "
              "continuation byte");
    /* NUL bytes */
    check_error_n("x = 1\ny\0 = 2\n", 13, KR_ERR_SYNTAX, "source code cannot contain null bytes", 2,
                  0, 2, 0);
    check_error_n("\0", 1, KR_ERR_SYNTAX, "source code cannot contain null bytes", 1, 0, 1, 0);
}

static void test_positions(void **state) {
    (void)state;
    /* parser mode: pegen's view of NEWLINE / INDENT / DEDENT / ENDMARKER */
    assert_string_equal(positions("if x:\n    y\n", 0),
                        "1,0-1,2 1,3-1,4 1,4-1,5 1,5-1,5 2,0-2,4 2,4-2,5 2,5-2,5 2,6-2,6 2,6-2,6");
    assert_string_equal(positions("x = # c\n", 0), "1,0-1,1 1,2-1,3 1,4-1,7 1,8-1,8");
    /* tokenize-module mode */
    assert_string_equal(positions("if x:\n    y\n", KR_TOKENIZE_EMIT_COMMENTS),
                        "1,0-1,2 1,3-1,4 1,4-1,5 1,5-1,6 2,0-2,4 2,4-2,5 2,5-2,6 3,0-3,0 3,0-3,0");
    assert_string_equal(positions("x", KR_TOKENIZE_EMIT_COMMENTS), "1,0-1,1 1,1-1,2 2,0-2,0");
    assert_string_equal(positions("s = '''a\nbc''' + 1\n", 0),
                        "1,0-1,1 1,2-1,3 1,4-2,5 2,6-2,7 2,8-2,9 2,9-2,9 2,10-2,10");
    assert_string_equal(positions("x = 1  # c\n\n  # d\n", KR_TOKENIZE_EMIT_COMMENTS),
                        "1,0-1,1 1,2-1,3 1,4-1,5 1,7-1,10 1,10-1,11 2,0-2,1 3,2-3,5 3,5-3,6 "
                        "4,0-4,0");
    /* byte columns */
    assert_string_equal(positions("\xc3\xa9 = '\xe2\x82\xac'\n", 0),
                        "1,0-1,2 1,3-1,4 1,5-1,10 1,10-1,10 1,11-1,11");

    /* token text points into the tokenizer's copy and the line can be fetched */
    KrArena *a = kr_arena_new();
    KrTokenizer *t = kr_tokenizer_new("a = 1\nbb = 22\n", 14, a, 0);
    KrToken tk;
    for (int i = 0; i < 6; i++)
        kr_tokenizer_next(t, &tk);
    assert_int_equal(tk.type, KR_TOK_EQUAL);
    size_t len;
    const char *line = kr_tokenizer_line(t, 1, &len);
    assert_int_equal(len, 5);
    assert_memory_equal(line, "a = 1", 5);
    line = kr_tokenizer_line(t, 2, &len);
    assert_int_equal(len, 7);
    assert_memory_equal(line, "bb = 22", 7);
    assert_null(kr_tokenizer_line(t, 3, &len));
    /* ENDMARKER repeats */
    while (kr_tokenizer_next(t, &tk) != KR_TOK_ENDMARKER)
        ;
    assert_int_equal(kr_tokenizer_next(t, &tk), KR_TOK_ENDMARKER);
    assert_int_equal(kr_tokenizer_next(t, &tk), KR_TOK_ENDMARKER);
    kr_tokenizer_free(t);
    kr_arena_free(a);
}

static void test_comments_nl(void **state) {
    (void)state;
    assert_string_equal(STREAMC("# a\nx = 1  # b\n\ny = (\n  # c\n  2)\n"),
                        "COMMENT:# a NL NAME:x EQUAL NUMBER:1 COMMENT:# b NEWLINE NL NAME:y "
                        "EQUAL LPAR NL COMMENT:# c NL NUMBER:2 RPAR NEWLINE ENDMARKER");
    assert_string_equal(STREAMC("if x:\n    y\n# c\nz\n"),
                        "NAME:if NAME:x COLON NEWLINE INDENT NAME:y NEWLINE COMMENT:# c NL DEDENT "
                        "NAME:z NEWLINE ENDMARKER");
}

/* ---- f-strings (3.12, PEP 701) ---- */

static void test_fstrings(void **state) {
    (void)state;
    assert_string_equal(STREAM("f'a{x}b'\n"),
                        "FSTRING_START:f' FSTRING_MIDDLE:a LBRACE NAME:x RBRACE FSTRING_MIDDLE:b "
                        "FSTRING_END:' NEWLINE ENDMARKER");
    assert_string_equal(STREAM("f''\n"), "FSTRING_START:f' FSTRING_END:' NEWLINE ENDMARKER");
    /* conversion, format spec with a nested field, debugging '=' */
    assert_string_equal(STREAM("f'{x!r:>{w}}{y=}'\n"),
                        "FSTRING_START:f' LBRACE NAME:x EXCLAMATION NAME:r COLON "
                        "FSTRING_MIDDLE:> LBRACE NAME:w RBRACE RBRACE LBRACE NAME:y EQUAL RBRACE "
                        "FSTRING_END:' NEWLINE ENDMARKER");
    /* doubled braces and escapes are decoded, one token per literal run */
    assert_string_equal(STREAM("f'{{a}} \\n\\x41\\N{BULLET}'\n"),
                        "FSTRING_START:f' FSTRING_MIDDLE:{a} \nA\xe2\x80\xa2 FSTRING_END:' "
                        "NEWLINE ENDMARKER");
    /* raw: no escapes; "\{" is a backslash then a field */
    assert_string_equal(STREAM("rf'\\d{x}\\{y}'\n"),
                        "FSTRING_START:rf' FSTRING_MIDDLE:\\d LBRACE NAME:x RBRACE "
                        "FSTRING_MIDDLE:\\ LBRACE NAME:y RBRACE FSTRING_END:' NEWLINE ENDMARKER");
    /* the same quotes nested (3.12), and nested f-strings */
    assert_string_equal(STREAM("f\"{d[\"k\"]}{f\"{1}\"}\"\n"),
                        "FSTRING_START:f\" LBRACE NAME:d LSQB STRING:\"k\" RSQB RBRACE LBRACE "
                        "FSTRING_START:f\" LBRACE NUMBER:1 RBRACE FSTRING_END:\" RBRACE "
                        "FSTRING_END:\" NEWLINE ENDMARKER");
    /* ':' inside brackets is not a format spec; != is not a conversion */
    assert_string_equal(STREAM("f'{a[1:2]}{b!=c}{(lambda: 1)}'\n"),
                        "FSTRING_START:f' LBRACE NAME:a LSQB NUMBER:1 COLON NUMBER:2 RSQB RBRACE "
                        "LBRACE NAME:b NOTEQUAL NAME:c RBRACE LBRACE LPAR NAME:lambda COLON "
                        "NUMBER:1 RPAR RBRACE FSTRING_END:' NEWLINE ENDMARKER");
    /* an empty format spec sends no FSTRING_MIDDLE */
    assert_string_equal(STREAM("f'{x:}'\n"),
                        "FSTRING_START:f' LBRACE NAME:x COLON RBRACE FSTRING_END:' NEWLINE "
                        "ENDMARKER");
    assert_string_equal(STREAM("f'{x:%H:%M}'\n"),
                        "FSTRING_START:f' LBRACE NAME:x COLON FSTRING_MIDDLE:%H:%M RBRACE "
                        "FSTRING_END:' NEWLINE ENDMARKER");
    /* triple-quoted, expressions over several lines */
    assert_string_equal(STREAM("f'''a\n{x +\n y}'''\n"),
                        "FSTRING_START:f''' FSTRING_MIDDLE:a\n LBRACE NAME:x PLUS NAME:y RBRACE "
                        "FSTRING_END:''' NEWLINE ENDMARKER");
    assert_string_equal(STREAM("Rf'{x}' fR\"\" F'' FR''\n"),
                        "FSTRING_START:Rf' LBRACE NAME:x RBRACE FSTRING_END:' FSTRING_START:fR\" "
                        "FSTRING_END:\" FSTRING_START:F' FSTRING_END:' FSTRING_START:FR' "
                        "FSTRING_END:' NEWLINE ENDMARKER");
    /* positions point into the source: the parser takes f"{x=}"'s text from them */
    assert_string_equal(positions("f'a{x}'\n", 0),
                        "1,0-1,2 1,2-1,3 1,3-1,4 1,4-1,5 1,5-1,6 1,6-1,7 1,7-1,7 1,8-1,8");

    check_msg("f'{'\n", "f-string: expecting '}'");
    check_msg("f'}'\n", "f-string: single '}' is not allowed");
    check_msg("f'{)}'\n", "f-string: unmatched ')'");
    check_msg("f'{x:{y:{z:{w}}}}'\n", "f-string: expressions nested too deeply");
    check_msg("f'{x:\n}'\n",
              "f-string: newlines are not allowed in format specifiers for single quoted "
              "f-strings");
    SYNERR("x = f'abc\n", "unterminated f-string literal (detected at line 1)", 1, 5, 1, 5);
    SYNERR("x = f'''abc\n\n", "unterminated triple-quoted f-string literal (detected at line 2)", 1,
           5, 1, 5);
    check_msg("f'\\x4'\n",
              "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
              "truncated \\xXX escape");
    check_msg("f'{x'\n", "f-string: expecting '}'");
    check_msg("f'{x\n", "'{' was never closed");
}

/* ---- escape decoding (exported for the parser) ---- */

static const char *decode(const char *s, int flags, size_t *len, char *msg) {
    static KrArena *a;
    if (!a) a = kr_arena_new();
    const char *out = NULL;
    KrFrontendError err;
    memset(&err, 0, sizeof err);
    *len = 0;
    if (kr_tokenizer_decode_escapes(a, s, strlen(s), flags, &out, len, &err) < 0) {
        strcpy(msg, err.msg);
        return NULL;
    }
    msg[0] = 0;
    return out;
}

static void test_escapes(void **state) {
    (void)state;
    size_t n;
    char msg[400];
    const char *r = decode("a\\tb\\\\c\\'\\\"\\a\\b\\f\\v\\r\\n", 0, &n, msg);
    assert_int_equal(n, 13);
    assert_memory_equal(r, "a\tb\\c'\"\a\b\f\v\r\n", 13);
    r = decode("\\x41\\101\\0\\u00e9\\U0001F600\\N{bullet}\\N{LATIN SMALL LETTER A}", 0, &n, msg);
    assert_int_equal(n, 1 + 1 + 1 + 2 + 4 + 3 + 1);
    assert_memory_equal(r,
                        "AA\0\xc3\xa9\xf0\x9f\x98\x80\xe2\x80\xa2"
                        "a",
                        n);
    r = decode("\\d\\\nx\\777", 0, &n, msg); /* unknown escape kept; line join; big octal */
    assert_string_equal(r, "\\dx\xc7\xbf");
    r = decode("\\ud800", 0, &n, msg); /* lone surrogates encoded as 3 bytes */
    assert_string_equal(r, "\xed\xa0\x80");
    r = decode("\\x41\\777\\u1234\\N{X}", KR_ESCAPES_BYTES, &n, msg);
    assert_string_equal(r, "A\xff\\u1234\\N{X}");
    r = decode("\\n{{}}", KR_ESCAPES_RAW | KR_ESCAPES_FSTRING, &n, msg);
    assert_string_equal(r, "\\n{}");

    struct {
        const char *in;
        int flags;
        const char *msg;
    } bad[] = {
        {"\\x1", 0,
         "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
         "truncated \\xXX escape"},
        {"ab\\x1g", 0,
         "(unicode error) 'unicodeescape' codec can't decode bytes in position "
         "2-4: truncated \\xXX escape"},
        {"\\x", 0,
         "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
         "truncated \\xXX escape"},
        {"\\u12", 0,
         "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-3: "
         "truncated \\uXXXX escape"},
        {"\\U1234", 0,
         "(unicode error) 'unicodeescape' codec can't decode bytes in position "
         "0-5: truncated \\UXXXXXXXX escape"},
        {"\\U00110000", 0,
         "(unicode error) 'unicodeescape' codec can't decode bytes in position "
         "0-9: illegal Unicode character"},
        {"\\N{BULLET", 0,
         "(unicode error) 'unicodeescape' codec can't decode bytes in position "
         "0-8: malformed \\N character escape"},
        {"\\N{NOPE}", 0,
         "(unicode error) 'unicodeescape' codec can't decode bytes in position "
         "0-7: unknown Unicode character name"},
        {"\\N", 0,
         "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-1: "
         "malformed \\N character escape"},
        {"abc\\N{}", 0,
         "(unicode error) 'unicodeescape' codec can't decode bytes in position "
         "3-5: malformed \\N character escape"},
        {"\\x1", KR_ESCAPES_BYTES, "(value error) invalid \\x escape at position 0"},
        {"a\\xzz", KR_ESCAPES_BYTES, "(value error) invalid \\x escape at position 1"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_null(decode(bad[i].in, bad[i].flags, &n, msg));
        assert_string_equal(msg, bad[i].msg);
    }
}

/* ---- robustness: odd inputs never crash, always end ---- */

static void test_garbage(void **state) {
    (void)state;
    unsigned seed = 12345;
    static const char alphabet[] = "fFrRbB'\"{}()[]:!=\\\n\t #0x1e.j_a\xc3\xa9\xe2\x82\x80\xff\0";
    char buf[64];
    for (int iter = 0; iter < 20000; iter++) {
        size_t len = (size_t)(iter % 60);
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            buf[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        for (int flags = 0; flags <= KR_TOKENIZE_EMIT_COMMENTS; flags++) {
            KrArena *a = kr_arena_new();
            KrTokenizer *t = kr_tokenizer_new(buf, len, a, flags);
            KrToken tk;
            int steps = 0;
            for (;;) {
                KrTokenType ty = kr_tokenizer_next(t, &tk);
                assert_true(++steps < 1000);
                if (ty == KR_TOK_ERRORTOKEN) {
                    assert_non_null(kr_tokenizer_error(t));
                    break;
                }
                assert_true(ty != KR_TOK_OP);
                assert_true(tk.start != NULL && tk.start <= tk.end);
                if (ty == KR_TOK_ENDMARKER) break;
            }
            kr_tokenizer_free(t);
            kr_arena_free(a);
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_simple),      cmocka_unit_test(test_operators),
        cmocka_unit_test(test_numbers),     cmocka_unit_test(test_number_errors),
        cmocka_unit_test(test_strings),     cmocka_unit_test(test_names),
        cmocka_unit_test(test_indentation), cmocka_unit_test(test_continuation_errors),
        cmocka_unit_test(test_brackets),    cmocka_unit_test(test_encoding),
        cmocka_unit_test(test_positions),   cmocka_unit_test(test_comments_nl),
        cmocka_unit_test(test_fstrings),    cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
