/* compiler.h - public entry points of the bytecode compiler (AST -> code object) and
 * of the disassembler that prints code objects in CPython's `dis` layout. */
#ifndef KR_COMPILER_H
#define KR_COMPILER_H

#include <stdio.h>

#include "ast.h"
#include "kr_object.h"

/* Compiler flags (same values as CPython's PyCF_* / CO_FUTURE_*) */
enum {
    KR_CF_FUTURE_ANNOTATIONS = 0x1000000, /* from __future__ import annotations */
    KR_CF_ALLOW_TOP_LEVEL_AWAIT = 0x2000, /* PyCF_ALLOW_TOP_LEVEL_AWAIT */
    KR_CF_FUTURE_MASK = 0x3fe0000,
};

/* Compiles a module AST (KR_PARSE_FILE / EVAL / SINGLE). Returns a new code object, or
 * NULL with an exception set (SyntaxError for errors in the program). `source` (may be
 * NULL) is used for the text of SyntaxErrors. optimize > 0 drops asserts and __debug__
 * blocks; optimize > 1 also drops docstrings. */
KrObject *kr_compiler_compile(KrAstNode *mod, KrObject *filename, const char *source,
                              size_t source_len, int mode, int flags, int optimize);

/* Disassembles `code` and every code object in its constants (recursively), in the
 * format of CPython's dis.dis(). Returns 0, or -1 on a write error. */
int kr_dis_code(KrObject *code, FILE *out);

#endif /* KR_COMPILER_H */
