/* dis.c - the disassembler: prints code objects (and the code objects among their
 * constants, recursively) in the text layout of CPython's dis.dis(): line numbers,
 * byte offsets, jump-target markers, opcode names, arguments and their meaning,
 * then the exception table. Used by `krait -X dis FILE`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compiler/compiler.h"
#include "kr_code.h"
#include "kr_runtime.h"

static const char *const cmp_ops[] = {"<", "<=", "==", "!=", ">", ">="};
static const char *const nb_ops[] = {
    "+",  "&",  "//",  "<<",  "@",  "*",  "%",  "|",  "**",  ">>",  "-",  "/",  "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^="};
static const char *const intrinsic1[] = {
#define X(n, s) s,
    KR_INTRINSIC1_LIST(X)
#undef X
};
static const char *const intrinsic2[] = {
#define X(n, s) s,
    KR_INTRINSIC2_LIST(X)
#undef X
};

/* Nonzero: print specialised opcode names (CPython's dis(adaptive=True)); by default
 * a specialised instruction shows its generic family name. */
int kr_dis_adaptive = 0;

static void code_repr(KrCode *co, char *buf, size_t n) {
    snprintf(buf, n, "<code object %s at %p, file \"%s\", line %d>", kr_str_data(co->name),
             (void *)co, co->filename ? kr_str_data(co->filename) : "?", co->firstlineno);
}

/* repr() of a constant into buf (truncated at n bytes). */
static void const_repr(KrObject *o, char *buf, size_t n) {
    if (KR_TYPE(o) == &kr_code_type) {
        code_repr((KrCode *)o, buf, n);
        return;
    }
    KrObject *r = kr_object_repr(o);
    if (!r) {
        kr_err_clear();
        snprintf(buf, n, "<unprintable>");
        return;
    }
    snprintf(buf, n, "%s", kr_str_data(r));
    KR_DECREF(r);
}

static const char *tuple_str(KrObject *t, kr_ssize i) {
    if (!t || i < 0 || i >= KR_SIZE(t)) return "<?>";
    return kr_str_data(KR_TUPLE_ITEM(t, i));
}

/* Decoded instruction: offset in code units of its first unit (incl. EXTENDED_ARG). */
typedef struct {
    int unit; /* code unit of the opcode itself */
    int op, arg;
} DisInstr;

static int is_backward(int op) {
    return op == KR_OP_JUMP_BACKWARD || op == KR_OP_JUMP_BACKWARD_NO_INTERRUPT;
}

/* Byte offset a jump at code unit `unit` leads to. */
static int jump_target(int unit, int op, int arg) {
    int after = unit + 1 + kr_opcode_info[op].cache_entries;
    return 2 * (is_backward(op) ? after - arg : after + arg);
}

static void disassemble(KrCode *co, FILE *out) {
    int n = (int)co->ncodeunits;
    /* jump targets */
    char *target = calloc((size_t)n + 1, 1);
    if (!target) return;
    int ext = 0;
    for (int i = 0; i < n; i++) {
        int op = KR_CU_OP(co->code[i]), arg = KR_CU_ARG(co->code[i]) | ext;
        ext = op == KR_OP_EXTENDED_ARG ? arg << 8 : 0;
        if ((kr_opcode_info[op].flags & KR_OPF_JUMP) && op != KR_OP_EXTENDED_ARG) {
            int t = jump_target(i, op, arg) / 2;
            if (t >= 0 && t <= n) target[t] = 1;
        }
        i += kr_opcode_info[op].cache_entries;
    }
    for (int i = 0; i < co->nexctable; i++)
        if (co->exctable[i].target <= (uint32_t)n) target[co->exctable[i].target] = 1;
    int maxline = 0;
    for (int i = 0; i < n; i++)
        if (co->locations && co->locations[i].line > maxline) maxline = co->locations[i].line;
    int lineno_width = maxline >= 1000 ? snprintf(NULL, 0, "%d", maxline) : 3;
    int offset_width = 2 * n >= 10000 ? snprintf(NULL, 0, "%d", 2 * n) : 4;

    int lastline = -2;
    ext = 0;
    for (int i = 0; i < n; i++) {
        int raw_op = KR_CU_OP(co->code[i]);
        int op = kr_opcode_base(raw_op); /* argument decoding is the family's */
        int arg = KR_CU_ARG(co->code[i]) | ext;
        int line = co->locations ? co->locations[i].line : -1;
        int starts_line = line >= 0 && line != lastline;
        char text[1200];
        size_t tl = 0;
        if (starts_line) {
            if (i > 0) fputc('\n', out);
            lastline = line;
            tl += snprintf(text + tl, sizeof text - tl, "%*d", lineno_width, line);
        } else {
            tl += snprintf(text + tl, sizeof text - tl, "%*s", lineno_width, "");
        }
        tl += snprintf(text + tl, sizeof text - tl, "     %s %*d %-20s", target[i] ? ">>" : "  ",
                       offset_width, 2 * i,
                       kr_opcode_info[kr_dis_adaptive ? raw_op : op].name);
        char argrepr[512];
        argrepr[0] = 0;
        uint16_t f = kr_opcode_info[op].flags;
        if (f & KR_OPF_ARG) {
            if (f & KR_OPF_CONST) {
                if (arg < KR_SIZE(co->consts))
                    const_repr(KR_TUPLE_ITEM(co->consts, arg), argrepr, sizeof argrepr);
            } else if (f & KR_OPF_NAME) {
                if (op == KR_OP_LOAD_GLOBAL)
                    snprintf(argrepr, sizeof argrepr, "%s%s", (arg & 1) ? "NULL + " : "",
                             tuple_str(co->names, arg >> 1));
                else if (op == KR_OP_LOAD_ATTR)
                    snprintf(argrepr, sizeof argrepr, "%s%s", (arg & 1) ? "NULL|self + " : "",
                             tuple_str(co->names, arg >> 1));
                else if (op == KR_OP_LOAD_SUPER_ATTR)
                    snprintf(argrepr, sizeof argrepr, "%s%s", (arg & 1) ? "NULL|self + " : "",
                             tuple_str(co->names, arg >> 2));
                else
                    snprintf(argrepr, sizeof argrepr, "%s", tuple_str(co->names, arg));
            } else if (f & KR_OPF_JUMP) {
                snprintf(argrepr, sizeof argrepr, "to %d", jump_target(i, op, arg));
            } else if (f & (KR_OPF_LOCAL | KR_OPF_FREE)) {
                snprintf(argrepr, sizeof argrepr, "%s", tuple_str(co->localsplusnames, arg));
            } else if (f & KR_OPF_COMPARE) {
                if ((arg >> 4) < 6) snprintf(argrepr, sizeof argrepr, "%s", cmp_ops[arg >> 4]);
            } else if (op == KR_OP_BINARY_OP) {
                if (arg < 26) snprintf(argrepr, sizeof argrepr, "%s", nb_ops[arg]);
            } else if (op == KR_OP_FORMAT_VALUE) {
                static const char *const conv[] = {"", "str", "repr", "ascii"};
                snprintf(argrepr, sizeof argrepr, "%s%s%s", conv[arg & 3],
                         (arg & 4) && (arg & 3) ? ", " : "", (arg & 4) ? "with format" : "");
            } else if (op == KR_OP_MAKE_FUNCTION) {
                static const char *const flags[] = {"defaults", "kwdefaults", "annotations",
                                                    "closure"};
                size_t len = 0;
                for (int b = 0; b < 4; b++)
                    if (arg & (1 << b))
                        len += snprintf(argrepr + len, sizeof argrepr - len, "%s%s",
                                        len ? ", " : "", flags[b]);
            } else if (op == KR_OP_CALL_INTRINSIC_1) {
                if (arg < (int)(sizeof intrinsic1 / sizeof *intrinsic1))
                    snprintf(argrepr, sizeof argrepr, "%s", intrinsic1[arg]);
            } else if (op == KR_OP_CALL_INTRINSIC_2) {
                if (arg < (int)(sizeof intrinsic2 / sizeof *intrinsic2))
                    snprintf(argrepr, sizeof argrepr, "%s", intrinsic2[arg]);
            }
            tl += snprintf(text + tl, sizeof text - tl, " %5d", arg);
            if (argrepr[0] && tl < sizeof text)
                tl += snprintf(text + tl, sizeof text - tl, " (%s)", argrepr);
        }
        if (tl >= sizeof text) tl = sizeof text - 1;
        while (tl > 0 && text[tl - 1] == ' ')
            tl--;
        text[tl] = 0;
        fprintf(out, "%s\n", text);
        ext = op == KR_OP_EXTENDED_ARG ? arg << 8 : 0;
        i += kr_opcode_info[op].cache_entries;
    }
    if (co->nexctable) {
        fprintf(out, "ExceptionTable:\n");
        for (int i = 0; i < co->nexctable; i++) {
            KrExcTableEntry *e = &co->exctable[i];
            /* as CPython: the last code unit of the range (a cache entry maybe) */
            int end = (int)e->end - 1;
            fprintf(out, "  %d to %d -> %d [%d]%s\n", 2 * (int)e->start, 2 * end,
                    2 * (int)e->target, e->depth, e->lasti ? " lasti" : "");
        }
    }
    free(target);
}

static int dis_recursive(KrCode *co, FILE *out) {
    disassemble(co, out);
    for (kr_ssize i = 0; i < KR_SIZE(co->consts); i++) {
        KrObject *x = KR_TUPLE_ITEM(co->consts, i);
        if (KR_TYPE(x) != &kr_code_type) continue;
        char buf[600];
        code_repr((KrCode *)x, buf, sizeof buf);
        fprintf(out, "\nDisassembly of %s:\n", buf);
        dis_recursive((KrCode *)x, out);
    }
    return ferror(out) ? -1 : 0;
}

int kr_dis_code(KrObject *code, FILE *out) {
    if (!code || KR_TYPE(code) != &kr_code_type) {
        kr_err_set_string(kr_exc_TypeError, "kr_dis_code: not a code object");
        return -1;
    }
    return dis_recursive((KrCode *)code, out);
}
