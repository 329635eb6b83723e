/* ast.c - the AST arena, node construction, the per-kind metadata table generated from
 * ast.def, and kr_ast_dump(), which prints a tree exactly like CPython's ast.dump()
 * (no indent, no attributes) so trees can be compared with the reference interpreter. */
#include "ast.h"
#include "tokenizer_internal.h" /* kr_tokenizer_is_printable */

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ======================================================================== arena */

typedef struct ArenaChunk {
    struct ArenaChunk *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
} ArenaChunk;

struct KrArena {
    ArenaChunk *head;
};

KrArena *kr_arena_new(void) { return calloc(1, sizeof(KrArena)); }

void kr_arena_free(KrArena *a) {
    if (!a) return;
    ArenaChunk *c = a->head;
    while (c) {
        ArenaChunk *next = c->next;
        free(c);
        c = next;
    }
    free(a);
}

void *kr_arena_alloc(KrArena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    if (n == 0) n = 16;
    ArenaChunk *c = a->head;
    if (!c || c->size - c->used < n) {
        size_t size = n > 16384 ? n : 16384;
        c = malloc(sizeof(ArenaChunk) + size);
        if (!c) return NULL;
        c->size = size;
        c->used = 0;
        /* big one-off allocations go behind the current chunk so its free space stays usable */
        if (a->head && n > 4096) {
            c->next = a->head->next;
            a->head->next = c;
        } else {
            c->next = a->head;
            a->head = c;
        }
    }
    void *r = c->data + c->used;
    c->used += n;
    memset(r, 0, n);
    return r;
}

char *kr_arena_strndup(KrArena *a, const char *s, size_t n) {
    char *r = kr_arena_alloc(a, n + 1);
    if (!r) return NULL;
    if (n) memcpy(r, s, n);
    r[n] = 0;
    return r;
}

/* ======================================================================== kind table */

#define KR_AST_NODE(cat, kind, loc) static const char *const fields_##kind[] = {
#define KR_AST_FIELD(kind, ftype, name) #name,
#define KR_AST_END(kind) NULL};
#include "ast.def"
#undef KR_AST_NODE
#undef KR_AST_FIELD
#undef KR_AST_END

#define KR_AST_NODE(cat, kind, loc) enum { nfields_##kind = 0
#define KR_AST_FIELD(kind, ftype, name) +1
#define KR_AST_END(kind) };
#include "ast.def"
#undef KR_AST_NODE
#undef KR_AST_FIELD
#undef KR_AST_END

const KrAstKindInfo kr_ast_kind_info[KR_AST__COUNT] = {
    [KR_AST_INVALID] = {"<invalid>", "", 0, 0, NULL},
#define KR_AST_NODE(cat, kind, loc) [KR_AST_##kind] = {#kind, #cat, loc, nfields_##kind, fields_##kind},
#define KR_AST_FIELD(kind, ftype, name)
#define KR_AST_END(kind)
#include "ast.def"
#undef KR_AST_NODE
#undef KR_AST_FIELD
#undef KR_AST_END
};

KrAstNode *kr_ast_new(KrArena *a, KrAstKind kind, int lineno, int col, int end_lineno,
                      int end_col) {
    KrAstNode *n = kr_arena_alloc(a, sizeof(KrAstNode));
    if (!n) return NULL;
    n->kind = kind;
    n->lineno = lineno;
    n->col_offset = col;
    n->end_lineno = end_lineno;
    n->end_col_offset = end_col;
    return n;
}

/* ======================================================================== dump */

typedef struct {
    char *buf;
    size_t len, cap;
    int oom;
} Buf;

static void put(Buf *b, const char *s, size_t n) {
    if (b->oom) return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (b->len + n + 1 > cap) cap *= 2;
        char *nb = realloc(b->buf, cap);
        if (!nb) {
            b->oom = 1;
            return;
        }
        b->buf = nb;
        b->cap = cap;
    }
    memcpy(b->buf + b->len, s, n);
    b->len += n;
    b->buf[b->len] = 0;
}
static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }
static void putf(Buf *b, const char *fmt, ...) {
    char tmp[64];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n > 0) put(b, tmp, (size_t)n < sizeof tmp ? (size_t)n : sizeof tmp - 1);
}

/* Decode one UTF-8 sequence (surrogates allowed: decoded strings may carry them). */
static uint32_t utf8_decode(const unsigned char *s, size_t n, size_t *adv) {
    unsigned c = s[0];
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    if (c >= 0x80 && c < 0xC0) len = 1;
    if ((size_t)len > n) len = 1;
    for (int i = 1; i < len; i++)
        if ((s[i] & 0xC0) != 0x80) len = 1;
    *adv = len;
    if (len == 1) return c;
    if (len == 2) return ((c & 0x1F) << 6) | (s[1] & 0x3F);
    if (len == 3) return ((c & 0x0F) << 12) | ((s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    return ((c & 0x07) << 18) | ((s[1] & 0x3F) << 12) | ((s[2] & 0x3F) << 6) | (s[3] & 0x3F);
}

/* str.isprintable() for one code point: the tokenizer owns the Unicode tables */
static int uni_printable(uint32_t c) { return c <= 0x10FFFF && kr_tokenizer_is_printable(c); }

static void dump_str(Buf *b, const char *s, size_t n, int is_bytes) {
    int has_sq = memchr(s, '\'', n) != NULL, has_dq = memchr(s, '"', n) != NULL;
    char q = (has_sq && !has_dq) ? '"' : '\'';
    if (is_bytes) puts_(b, "b");
    put(b, &q, 1);
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        unsigned c = u[i];
        if (c == (unsigned char)q || c == '\\') {
            char e[2] = {'\\', (char)c};
            put(b, e, 2);
            i++;
        } else if (c == '\n') {
            puts_(b, "\\n"), i++;
        } else if (c == '\r') {
            puts_(b, "\\r"), i++;
        } else if (c == '\t') {
            puts_(b, "\\t"), i++;
        } else if (c < 0x20 || c == 0x7F || (is_bytes && c >= 0x80)) {
            putf(b, "\\x%02x", c), i++;
        } else if (c < 0x80) {
            put(b, (const char *)u + i, 1), i++;
        } else {
            size_t adv;
            uint32_t cp = utf8_decode(u + i, n - i, &adv);
            if (uni_printable(cp)) put(b, (const char *)u + i, adv);
            else if (cp <= 0xFF) putf(b, "\\x%02x", cp);
            else if (cp <= 0xFFFF) putf(b, "\\u%04x", cp);
            else putf(b, "\\U%08x", cp);
            i += adv;
        }
    }
    put(b, &q, 1);
}

/* repr(float): the shortest digits that round-trip, laid out like Python's 'r' format. */
static void format_float(double x, char *out, size_t outsz, int add_dot_0) {
    if (isnan(x)) {
        snprintf(out, outsz, "nan");
        return;
    }
    if (isinf(x)) {
        snprintf(out, outsz, x < 0 ? "-inf" : "inf");
        return;
    }
    char digits[40];
    int prec;
    for (prec = 1; prec <= 17; prec++) {
        snprintf(digits, sizeof digits, "%.*e", prec - 1, x);
        if (strtod(digits, NULL) == x) break;
    }
    /* digits = [-]d.ddde[+-]XX; pull mantissa digits and exponent apart */
    char mant[32];
    int nm = 0, neg = 0;
    const char *s = digits;
    if (*s == '-') neg = 1, s++;
    for (; *s && *s != 'e'; s++)
        if (*s != '.') mant[nm++] = *s;
    mant[nm] = 0;
    int exp10 = atoi(s + 1);
    while (nm > 1 && mant[nm - 1] == '0') mant[--nm] = 0;
    char *o = out;
    size_t left = outsz;
#define EMIT(...)                                                                             \
    do {                                                                                      \
        int k_ = snprintf(o, left, __VA_ARGS__);                                              \
        if (k_ < 0 || (size_t)k_ >= left) return;                                             \
        o += k_, left -= k_;                                                                  \
    } while (0)
    if (neg) EMIT("-");
    if (exp10 < -4 || exp10 >= 16) {
        EMIT("%c", mant[0]);
        if (nm > 1) EMIT(".%s", mant + 1);
        EMIT("e%c%02d", exp10 < 0 ? '-' : '+', exp10 < 0 ? -exp10 : exp10);
    } else if (exp10 < 0) {
        EMIT("0.");
        for (int i = 0; i < -exp10 - 1; i++) EMIT("0");
        EMIT("%s", mant);
    } else {
        for (int i = 0; i <= exp10; i++) EMIT("%c", i < nm ? mant[i] : '0');
        if (nm > exp10 + 1) EMIT(".%s", mant + exp10 + 1);
        else if (add_dot_0) EMIT(".0");
    }
#undef EMIT
}

/* Integer literal text (0x/0o/0b prefix possible, no underscores) in decimal. */
static void dump_int(Buf *b, const char *text) {
    int base = 10;
    const char *s = text;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) base = 16, s += 2;
    else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) base = 8, s += 2;
    else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) base = 2, s += 2;
    while (*s == '0' && s[1]) s++;
    if (base == 10) {
        for (const char *t = s; *t; t++)
            if (*t != '_') put(b, t, 1);
        return;
    }
    /* little-endian base-1e9 limbs, value = value * base + digit */
    size_t n = strlen(s);
    size_t cap = n / 2 + 2;
    uint32_t *limbs = calloc(cap, sizeof(uint32_t));
    if (!limbs) {
        b->oom = 1;
        return;
    }
    size_t nl = 1;
    for (; *s; s++) {
        int d;
        if (*s == '_') continue;
        if (*s >= '0' && *s <= '9') d = *s - '0';
        else if (*s >= 'a' && *s <= 'f') d = *s - 'a' + 10;
        else if (*s >= 'A' && *s <= 'F') d = *s - 'A' + 10;
        else continue;
        uint64_t carry = (uint64_t)d;
        for (size_t i = 0; i < nl; i++) {
            uint64_t v = (uint64_t)limbs[i] * (uint64_t)base + carry;
            limbs[i] = (uint32_t)(v % 1000000000u);
            carry = v / 1000000000u;
        }
        while (carry && nl < cap) {
            limbs[nl++] = (uint32_t)(carry % 1000000000u);
            carry /= 1000000000u;
        }
    }
    putf(b, "%u", limbs[nl - 1]);
    for (size_t i = nl - 1; i-- > 0;) putf(b, "%09u", limbs[i]);
    free(limbs);
}

static void dump_const(Buf *b, const KrAstConstant *c) {
    char tmp[64];
    switch (c->kind) {
    case KR_CONST_NONE: puts_(b, "None"); break;
    case KR_CONST_TRUE: puts_(b, "True"); break;
    case KR_CONST_FALSE: puts_(b, "False"); break;
    case KR_CONST_ELLIPSIS: puts_(b, "Ellipsis"); break;
    case KR_CONST_INT: dump_int(b, c->text ? c->text : "0"); break;
    case KR_CONST_FLOAT:
        format_float(c->f, tmp, sizeof tmp, 1);
        puts_(b, tmp);
        break;
    case KR_CONST_IMAG:
        format_float(c->f, tmp, sizeof tmp, 0);
        puts_(b, tmp);
        puts_(b, "j");
        break;
    case KR_CONST_STR: dump_str(b, c->bytes ? c->bytes : "", c->size, 0); break;
    case KR_CONST_BYTES: dump_str(b, c->bytes ? c->bytes : "", c->size, 1); break;
    }
}

static const char *const ctx_names[] = {"?", "Load", "Store", "Del"};
static const char *const boolop_names[] = {"?", "And", "Or"};
static const char *const operator_names[] = {"?",      "Add",    "Sub",    "Mult",  "MatMult",
                                             "Div",    "Mod",    "Pow",    "LShift", "RShift",
                                             "BitOr",  "BitXor", "BitAnd", "FloorDiv"};
static const char *const unaryop_names[] = {"?", "Invert", "Not", "UAdd", "USub"};
static const char *const cmpop_names[] = {"?",  "Eq", "NotEq", "Lt",    "LtE", "Gt",
                                          "GtE", "Is", "IsNot", "In",   "NotIn"};

static void dump_enum(Buf *b, const char *const *names, int n, int v) {
    puts_(b, v >= 0 && v < n ? names[v] : "?");
    puts_(b, "()");
}

static void dump_node(Buf *b, const KrAstNode *n);

static void dump_seq(Buf *b, const KrAstSeq *s) {
    puts_(b, "[");
    for (int i = 0; i < s->n; i++) {
        if (i) puts_(b, ", ");
        dump_node(b, s->items[i]);
    }
    puts_(b, "]");
}

static void dump_ident(Buf *b, const char *s) { dump_str(b, s, strlen(s), 0); }

#define FIELD_SEP() (nf++ ? puts_(b, ", ") : (void)0)

static void dump_node(Buf *b, const KrAstNode *n) {
    if (!n) {
        puts_(b, "None");
        return;
    }
    if (n->kind <= KR_AST_INVALID || n->kind >= KR_AST__COUNT) {
        puts_(b, "<invalid>");
        return;
    }
    puts_(b, kr_ast_kind_info[n->kind].name);
    puts_(b, "(");
    int nf = 0;
    switch (n->kind) {
#define KR_AST_NODE(cat, kind, loc) case KR_AST_##kind: {                                     \
        const __typeof__(n->v.kind) *f_ = &n->v.kind; (void)f_;
#define KR_AST_FIELD(kind, ftype, name) DUMP_##ftype(name, f_->name);
#define KR_AST_END(kind) break; }
#define DUMP_NODE(nm, x) FIELD_SEP(), puts_(b, #nm "="), dump_node(b, x)
#define DUMP_NODE_OPT(nm, x)                                                                  \
    if (x) FIELD_SEP(), puts_(b, #nm "="), dump_node(b, x)
#define DUMP_SEQ(nm, x) FIELD_SEP(), puts_(b, #nm "="), dump_seq(b, &(x))
#define DUMP_IDENT(nm, x) FIELD_SEP(), puts_(b, #nm "="), dump_ident(b, (x) ? (x) : "")
#define DUMP_IDENT_OPT(nm, x)                                                                 \
    if (x) FIELD_SEP(), puts_(b, #nm "="), dump_ident(b, x)
#define DUMP_STRING_OPT(nm, x) DUMP_IDENT_OPT(nm, x)
#define DUMP_IDENT_SEQ(nm, x)                                                                 \
    FIELD_SEP(), puts_(b, #nm "=[");                                                          \
    for (int i_ = 0; i_ < (x).n; i_++) {                                                      \
        if (i_) puts_(b, ", ");                                                               \
        dump_ident(b, (x).items[i_]);                                                         \
    }                                                                                         \
    puts_(b, "]")
#define DUMP_CONST(nm, x) FIELD_SEP(), puts_(b, #nm "="), dump_const(b, &(x))
#define DUMP_INT(nm, x) FIELD_SEP(), puts_(b, #nm "="), putf(b, "%d", (x))
#define DUMP_EXPR_CONTEXT(nm, x) FIELD_SEP(), puts_(b, #nm "="), dump_enum(b, ctx_names, 4, x)
#define DUMP_BOOLOP(nm, x) FIELD_SEP(), puts_(b, #nm "="), dump_enum(b, boolop_names, 3, x)
#define DUMP_OPERATOR(nm, x) FIELD_SEP(), puts_(b, #nm "="), dump_enum(b, operator_names, 14, x)
#define DUMP_UNARYOP(nm, x) FIELD_SEP(), puts_(b, #nm "="), dump_enum(b, unaryop_names, 5, x)
#define DUMP_CMPOP_SEQ(nm, x)                                                                 \
    FIELD_SEP(), puts_(b, #nm "=[");                                                          \
    for (int i_ = 0; i_ < (x).n; i_++) {                                                      \
        if (i_) puts_(b, ", ");                                                               \
        dump_enum(b, cmpop_names, 11, (x).items[i_]);                                         \
    }                                                                                         \
    puts_(b, "]")
#include "ast.def"
#undef KR_AST_NODE
#undef KR_AST_FIELD
#undef KR_AST_END
    default: break;
    }
    puts_(b, ")");
}

char *kr_ast_dump(const KrAstNode *node) {
    Buf b = {0};
    dump_node(&b, node);
    if (b.oom) {
        free(b.buf);
        return NULL;
    }
    if (!b.buf) return calloc(1, 1);
    return b.buf;
}
