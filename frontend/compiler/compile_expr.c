/* compile_expr.c - code generation for expressions: operators, comparisons and
 * conditional jumps, containers and unpacking, calls (incl. method calls and
 * super()), attributes and subscripts, f-strings, yield/await, lambdas,
 * comprehensions, constants and their folding. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cinternal.h"

/* ======================================================================
 * Locations
 * ==================================================================== */
/* For `a.\nb` the instruction that loads b starts at b (as CPython). */
Loc cg_update_start_to_attr(Loc loc, KrAstNode *attr) {
    if (loc.line != attr->end_lineno) {
        loc.line = attr->end_lineno;
        int len = (int)strlen(attr->v.Attribute.attr);
        if (len <= attr->end_col_offset) {
            loc.col = attr->end_col_offset - len;
        } else {
            loc.col = -1;
            loc.end_col = -1;
        }
        if (loc.end_line < loc.line) loc.end_line = loc.line;
        if (loc.line == loc.end_line && loc.end_col < loc.col) loc.end_col = loc.col;
    }
    return loc;
}

/* ======================================================================
 * Constants
 * ==================================================================== */
KrObject *cg_const_from_ast(const KrAstConstant *k) {
    switch (k->kind) {
    case KR_CONST_NONE:
        return KR_NEWREF(kr_none);
    case KR_CONST_TRUE:
        return KR_NEWREF(kr_true);
    case KR_CONST_FALSE:
        return KR_NEWREF(kr_false);
    case KR_CONST_ELLIPSIS:
        return KR_NEWREF(kr_ellipsis);
    case KR_CONST_INT:
        return kr_int_from_string(k->text, (kr_ssize)strlen(k->text), 0);
    case KR_CONST_FLOAT:
        return kr_float_from_double(k->f);
    case KR_CONST_IMAG:
        return kr_complex_from_doubles(0.0, k->f);
    case KR_CONST_STR:
        return cg_str(k->bytes, k->size);
    case KR_CONST_BYTES:
        return kr_bytes_from_data(k->bytes, (kr_ssize)k->size);
    }
    kr_err_set_string(kr_exc_SystemError, "compiler: bad constant");
    return NULL;
}

static int is_const_node(KrAstNode *e);

/* Whether e folds to a constant: literals, -literal, tuples of constants. */
static int is_const_node(KrAstNode *e) {
    switch (e->kind) {
    case KR_AST_Constant:
        return 1;
    case KR_AST_UnaryOp:
        if (e->v.UnaryOp.op != KR_UNARYOP_USUB) return 0;
        if (e->v.UnaryOp.operand->kind != KR_AST_Constant) return 0;
        switch (e->v.UnaryOp.operand->v.Constant.value.kind) {
        case KR_CONST_INT:
        case KR_CONST_FLOAT:
        case KR_CONST_IMAG:
            return 1;
        default:
            return 0;
        }
    case KR_AST_Tuple:
        if (e->v.Tuple.ctx != KR_CTX_LOAD) return 0;
        for (int i = 0; i < e->v.Tuple.elts.n; i++)
            if (!is_const_node(e->v.Tuple.elts.items[i])) return 0;
        return 1;
    default:
        return 0;
    }
}

/* New reference to the folded value, NULL (no error) if e is not constant, or NULL
 * with an error set on failure (check kr_err_occurred). */
KrObject *cg_const_value(Compiler *c, KrAstNode *e) {
    (void)c;
    if (!is_const_node(e)) return NULL;
    switch (e->kind) {
    case KR_AST_Constant:
        return cg_const_from_ast(&e->v.Constant.value);
    case KR_AST_UnaryOp: {
        KrObject *v = cg_const_from_ast(&e->v.UnaryOp.operand->v.Constant.value);
        if (!v) return NULL;
        KrObject *r = kr_number_negative(v);
        KR_DECREF(v);
        return r;
    }
    case KR_AST_Tuple: {
        int n = e->v.Tuple.elts.n;
        KrObject *t = kr_tuple_new(n);
        if (!t) return NULL;
        for (int i = 0; i < n; i++) {
            KrObject *v = cg_const_value(c, e->v.Tuple.elts.items[i]);
            if (!v) {
                KR_DECREF(t);
                return NULL;
            }
            KR_TUPLE_ITEM(t, i) = v;
        }
        return t;
    }
    default:
        return NULL;
    }
}

static int load_const_node(Compiler *c, KrAstNode *e) {
    KrObject *v = cg_const_value(c, e);
    if (!v) {
        if (!kr_err_occurred())
            kr_err_set_string(kr_exc_SystemError, "compiler: expected a constant");
        return -1;
    }
    return cg_load_const_steal(c, loc_of(e), v);
}

/* ======================================================================
 * Operators
 * ==================================================================== */
static const int binary_ops[] = {
    [KR_OPERATOR_ADD] = KR_NB_ADD,
    [KR_OPERATOR_SUB] = KR_NB_SUBTRACT,
    [KR_OPERATOR_MULT] = KR_NB_MULTIPLY,
    [KR_OPERATOR_MATMULT] = KR_NB_MATRIX_MULTIPLY,
    [KR_OPERATOR_DIV] = KR_NB_TRUE_DIVIDE,
    [KR_OPERATOR_MOD] = KR_NB_REMAINDER,
    [KR_OPERATOR_POW] = KR_NB_POWER,
    [KR_OPERATOR_LSHIFT] = KR_NB_LSHIFT,
    [KR_OPERATOR_RSHIFT] = KR_NB_RSHIFT,
    [KR_OPERATOR_BITOR] = KR_NB_OR,
    [KR_OPERATOR_BITXOR] = KR_NB_XOR,
    [KR_OPERATOR_BITAND] = KR_NB_AND,
    [KR_OPERATOR_FLOORDIV] = KR_NB_FLOOR_DIVIDE,
};

int cg_compare_op(Compiler *c, Loc loc, int cmpop) {
    switch (cmpop) {
    case KR_CMPOP_EQ:
        return cg_emit(c, loc, KR_OP_COMPARE_OP, KR_EQ << 4);
    case KR_CMPOP_NOTEQ:
        return cg_emit(c, loc, KR_OP_COMPARE_OP, KR_NE << 4);
    case KR_CMPOP_LT:
        return cg_emit(c, loc, KR_OP_COMPARE_OP, KR_LT << 4);
    case KR_CMPOP_LTE:
        return cg_emit(c, loc, KR_OP_COMPARE_OP, KR_LE << 4);
    case KR_CMPOP_GT:
        return cg_emit(c, loc, KR_OP_COMPARE_OP, KR_GT << 4);
    case KR_CMPOP_GTE:
        return cg_emit(c, loc, KR_OP_COMPARE_OP, KR_GE << 4);
    case KR_CMPOP_IS:
        return cg_emit(c, loc, KR_OP_IS_OP, 0);
    case KR_CMPOP_ISNOT:
        return cg_emit(c, loc, KR_OP_IS_OP, 1);
    case KR_CMPOP_IN:
        return cg_emit(c, loc, KR_OP_CONTAINS_OP, 0);
    case KR_CMPOP_NOTIN:
        return cg_emit(c, loc, KR_OP_CONTAINS_OP, 1);
    }
    kr_err_set_string(kr_exc_SystemError, "compiler: bad comparison operator");
    return -1;
}

static int compile_compare(Compiler *c, KrAstNode *e) {
    Loc loc = loc_of(e);
    int n = e->v.Compare.ops.n - 1;
    VISIT(c, e->v.Compare.left);
    if (n == 0) {
        VISIT(c, e->v.Compare.comparators.items[0]);
        return cg_compare_op(c, loc, e->v.Compare.ops.items[0]);
    }
    NEW_BLOCK(c, cleanup);
    for (int i = 0; i < n; i++) {
        VISIT(c, e->v.Compare.comparators.items[i]);
        EMIT(c, loc, SWAP, 2);
        EMIT(c, loc, COPY, 2);
        RETURN_IF_ERROR(cg_compare_op(c, loc, e->v.Compare.ops.items[i]));
        EMIT(c, loc, COPY, 1);
        EMIT_JUMP(c, loc, KR_OP_POP_JUMP_IF_FALSE, cleanup);
        EMIT(c, loc, POP_TOP, 0);
    }
    VISIT(c, e->v.Compare.comparators.items[n]);
    RETURN_IF_ERROR(cg_compare_op(c, loc, e->v.Compare.ops.items[n]));
    NEW_BLOCK(c, end);
    EMIT_JUMP(c, NO_LOC, OP_JUMP_NO_INTERRUPT, end);
    USE_BLOCK(c, cleanup);
    EMIT(c, loc, SWAP, 2);
    EMIT(c, loc, POP_TOP, 0);
    USE_BLOCK(c, end);
    return 0;
}

/* Truth value of a constant expression: 1/0, or -1 if e is not constant. */
static int const_truth(Compiler *c, KrAstNode *e) {
    if (e->kind == KR_AST_Name && e->v.Name.ctx == KR_CTX_LOAD &&
        strcmp(e->v.Name.id, "__debug__") == 0)
        return c->optimize == 0;
    if (e->kind != KR_AST_Constant) return -1;
    const KrAstConstant *k = &e->v.Constant.value;
    switch (k->kind) {
    case KR_CONST_NONE:
    case KR_CONST_FALSE:
        return 0;
    case KR_CONST_TRUE:
    case KR_CONST_ELLIPSIS:
        return 1;
    case KR_CONST_STR:
    case KR_CONST_BYTES:
        return k->size != 0;
    case KR_CONST_FLOAT:
    case KR_CONST_IMAG:
        return k->f != 0.0;
    case KR_CONST_INT: {
        /* zero in any base: only 0 digits after an optional prefix */
        const char *p = k->text;
        if (p[0] == '0' && p[1] && strchr("xXoObB", p[1])) p += 2;
        for (; *p; p++)
            if (*p != '0') return 1;
        return 0;
    }
    }
    return -1;
}

int cg_jump_if(Compiler *c, Loc loc, KrAstNode *e, Block *next, int cond) {
    switch (e->kind) {
    case KR_AST_UnaryOp:
        if (e->v.UnaryOp.op == KR_UNARYOP_NOT)
            return cg_jump_if(c, loc, e->v.UnaryOp.operand, next, !cond);
        break;
    case KR_AST_BoolOp: {
        KrAstSeq *s = &e->v.BoolOp.values;
        int n = s->n - 1;
        int cond2 = e->v.BoolOp.op == KR_BOOLOP_OR;
        Block *next2 = next;
        if (!cond2 != !cond) {
            next2 = cg_new_block(c);
            if (!next2) return -1;
        }
        for (int i = 0; i < n; i++)
            RETURN_IF_ERROR(cg_jump_if(c, loc, s->items[i], next2, cond2));
        RETURN_IF_ERROR(cg_jump_if(c, loc, s->items[n], next, cond));
        if (next2 != next) USE_BLOCK(c, next2);
        return 0;
    }
    case KR_AST_IfExp: {
        NEW_BLOCK(c, end);
        NEW_BLOCK(c, next2);
        RETURN_IF_ERROR(cg_jump_if(c, loc, e->v.IfExp.test, next2, 0));
        RETURN_IF_ERROR(cg_jump_if(c, loc, e->v.IfExp.body, next, cond));
        EMIT_JUMP(c, NO_LOC, OP_JUMP, end);
        USE_BLOCK(c, next2);
        RETURN_IF_ERROR(cg_jump_if(c, loc, e->v.IfExp.orelse, next, cond));
        USE_BLOCK(c, end);
        return 0;
    }
    case KR_AST_Compare: {
        int n = e->v.Compare.ops.n - 1;
        if (n > 0) {
            Loc l = loc_of(e);
            NEW_BLOCK(c, cleanup);
            VISIT(c, e->v.Compare.left);
            for (int i = 0; i < n; i++) {
                VISIT(c, e->v.Compare.comparators.items[i]);
                EMIT(c, l, SWAP, 2);
                EMIT(c, l, COPY, 2);
                RETURN_IF_ERROR(cg_compare_op(c, l, e->v.Compare.ops.items[i]));
                EMIT_JUMP(c, l, KR_OP_POP_JUMP_IF_FALSE, cleanup);
            }
            VISIT(c, e->v.Compare.comparators.items[n]);
            RETURN_IF_ERROR(cg_compare_op(c, l, e->v.Compare.ops.items[n]));
            EMIT_JUMP(c, l, cond ? KR_OP_POP_JUMP_IF_TRUE : KR_OP_POP_JUMP_IF_FALSE, next);
            NEW_BLOCK(c, end);
            EMIT_JUMP(c, NO_LOC, OP_JUMP, end);
            USE_BLOCK(c, cleanup);
            EMIT(c, l, POP_TOP, 0);
            if (!cond) EMIT_JUMP(c, NO_LOC, OP_JUMP, next);
            USE_BLOCK(c, end);
            return 0;
        }
        break;
    }
    default: {
        int t = const_truth(c, e);
        if (t >= 0) {
            /* a constant test: the jump is either always or never taken */
            if (t == cond)
                EMIT_JUMP(c, loc_of(e), OP_JUMP, next);
            else
                EMIT(c, loc_of(e), NOP, 0);
            return 0;
        }
        break;
    }
    }
    VISIT(c, e);
    EMIT_JUMP(c, loc_of(e), cond ? KR_OP_POP_JUMP_IF_TRUE : KR_OP_POP_JUMP_IF_FALSE, next);
    return 0;
}

static int compile_boolop(Compiler *c, KrAstNode *e) {
    Loc loc = loc_of(e);
    int jump = e->v.BoolOp.op == KR_BOOLOP_AND ? KR_OP_POP_JUMP_IF_FALSE : KR_OP_POP_JUMP_IF_TRUE;
    NEW_BLOCK(c, end);
    KrAstSeq *s = &e->v.BoolOp.values;
    int n = s->n - 1;
    for (int i = 0; i < n; i++) {
        VISIT(c, s->items[i]);
        EMIT(c, loc, COPY, 1);
        EMIT_JUMP(c, loc, jump, end);
        EMIT(c, loc, POP_TOP, 0);
    }
    VISIT(c, s->items[n]);
    USE_BLOCK(c, end);
    return 0;
}

static int compile_ifexp(Compiler *c, KrAstNode *e) {
    NEW_BLOCK(c, end);
    NEW_BLOCK(c, next);
    RETURN_IF_ERROR(cg_jump_if(c, loc_of(e), e->v.IfExp.test, next, 0));
    VISIT(c, e->v.IfExp.body);
    EMIT_JUMP(c, NO_LOC, OP_JUMP_NO_INTERRUPT, end);
    USE_BLOCK(c, next);
    VISIT(c, e->v.IfExp.orelse);
    USE_BLOCK(c, end);
    return 0;
}

/* ======================================================================
 * Containers and unpacking
 * ==================================================================== */
/* {c1, c2, c3, ...} of constants: CPython loads a frozenset constant that it built twice
 * (once from the source order, then again from the first one's iteration order while
 * merging constants), and SET_UPDATEs an empty set with it. The resulting iteration
 * order is observable, so build it the same way. */
static KrObject *const_set_like_cpython(KrObject *items) {
    KrObject *f1 = kr_frozenset_new(items);
    if (!f1) return NULL;
    KrObject *t = kr_tuple_from_iterable(f1);
    KR_DECREF(f1);
    if (!t) return NULL;
    KrObject *f2 = kr_frozenset_new(t);
    KR_DECREF(t);
    return f2;
}

static int starunpack_helper(Compiler *c, Loc loc, KrAstSeq *elts, int pushed, int build, int add,
                             int extend, int tuple) {
    int n = elts->n;
    if (n > 2) {
        int all_const = 1;
        for (int i = 0; i < n && all_const; i++)
            all_const = is_const_node(elts->items[i]);
        if (all_const) {
            KrObject *t = kr_tuple_new(n);
            if (!t) return -1;
            for (int i = 0; i < n; i++) {
                KrObject *v = cg_const_value(c, elts->items[i]);
                if (!v) {
                    KR_DECREF(t);
                    return -1;
                }
                KR_TUPLE_ITEM(t, i) = v;
            }
            if (tuple && pushed == 0) return cg_load_const_steal(c, loc, t);
            if (add == KR_OP_SET_ADD) {
                KrObject *fs = const_set_like_cpython(t);
                KR_DECREF(t);
                if (!fs) return -1;
                t = fs;
            }
            if (cg_emit(c, loc, build, pushed) < 0) {
                KR_DECREF(t);
                return -1;
            }
            RETURN_IF_ERROR(cg_load_const_steal(c, loc, t));
            RETURN_IF_ERROR(cg_emit(c, loc, extend, 1));
            if (tuple) EMIT(c, loc, CALL_INTRINSIC_1, KR_INTRINSIC1_LIST_TO_TUPLE);
            return 0;
        }
    }
    int big = n + pushed > STACK_USE_GUIDELINE;
    int seen_star = 0;
    for (int i = 0; i < n; i++)
        if (elts->items[i]->kind == KR_AST_Starred) seen_star = 1;
    if (!seen_star && !big) {
        for (int i = 0; i < n; i++)
            VISIT(c, elts->items[i]);
        return cg_emit(c, loc, tuple ? KR_OP_BUILD_TUPLE : build, n + pushed);
    }
    int built = 0;
    if (big) {
        RETURN_IF_ERROR(cg_emit(c, loc, build, pushed));
        built = 1;
    }
    for (int i = 0; i < n; i++) {
        KrAstNode *elt = elts->items[i];
        if (elt->kind == KR_AST_Starred) {
            if (!built) {
                RETURN_IF_ERROR(cg_emit(c, loc, build, i + pushed));
                built = 1;
            }
            VISIT(c, elt->v.Starred.value);
            RETURN_IF_ERROR(cg_emit(c, loc, extend, 1));
        } else {
            VISIT(c, elt);
            if (built) RETURN_IF_ERROR(cg_emit(c, loc, add, 1));
        }
    }
    if (tuple) EMIT(c, loc, CALL_INTRINSIC_1, KR_INTRINSIC1_LIST_TO_TUPLE);
    return 0;
}

static int unpack_helper(Compiler *c, Loc loc, KrAstSeq *elts) {
    int n = elts->n;
    int seen_star = 0;
    for (int i = 0; i < n; i++) {
        KrAstNode *elt = elts->items[i];
        if (elt->kind == KR_AST_Starred && !seen_star) {
            if (i >= (1 << 8) || (n - i - 1) >= (1 << 23))
                return cg_error(c, loc, "too many expressions in star-unpacking assignment");
            EMIT(c, loc, UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = 1;
        } else if (elt->kind == KR_AST_Starred) {
            return cg_error(c, loc, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star) EMIT(c, loc, UNPACK_SEQUENCE, n);
    return 0;
}

static int assignment_helper(Compiler *c, Loc loc, KrAstSeq *elts) {
    RETURN_IF_ERROR(unpack_helper(c, loc, elts));
    for (int i = 0; i < elts->n; i++) {
        KrAstNode *elt = elts->items[i];
        VISIT(c, elt->kind == KR_AST_Starred ? elt->v.Starred.value : elt);
    }
    return 0;
}

static int compile_list_or_tuple(Compiler *c, KrAstNode *e, KrAstSeq *elts, int ctx, int tuple) {
    Loc loc = loc_of(e);
    if (ctx == KR_CTX_STORE) return assignment_helper(c, loc, elts);
    if (ctx == KR_CTX_DEL) return cg_exprs(c, elts);
    if (tuple && is_const_node(e)) return load_const_node(c, e);
    return starunpack_helper(c, loc, elts, 0, KR_OP_BUILD_LIST, KR_OP_LIST_APPEND,
                             KR_OP_LIST_EXTEND, tuple);
}

static int compile_subdict(Compiler *c, KrAstNode *e, int begin, int end) {
    Loc loc = loc_of(e);
    int n = end - begin;
    int all_const = n > 1;
    for (int i = begin; i < end && all_const; i++)
        all_const = e->v.Dict.keys.items[i]->kind == KR_AST_Constant;
    if (all_const) {
        KrObject *keys = kr_tuple_new(n);
        if (!keys) return -1;
        for (int i = begin; i < end; i++) {
            KrObject *k = cg_const_from_ast(&e->v.Dict.keys.items[i]->v.Constant.value);
            if (!k) {
                KR_DECREF(keys);
                return -1;
            }
            KR_TUPLE_ITEM(keys, i - begin) = k;
        }
        for (int i = begin; i < end; i++)
            if (cg_expr(c, e->v.Dict.values.items[i]) < 0) {
                KR_DECREF(keys);
                return -1;
            }
        RETURN_IF_ERROR(cg_load_const_steal(c, loc, keys));
        return cg_emit(c, loc, KR_OP_BUILD_CONST_KEY_MAP, n);
    }
    for (int i = begin; i < end; i++) {
        VISIT(c, e->v.Dict.keys.items[i]);
        VISIT(c, e->v.Dict.values.items[i]);
    }
    return cg_emit(c, loc, KR_OP_BUILD_MAP, n);
}

static int compile_dict(Compiler *c, KrAstNode *e) {
    Loc loc = loc_of(e);
    int n = e->v.Dict.values.n;
    int elements = 0, have_dict = 0;
    for (int i = 0; i < n; i++) {
        int is_unpacking = e->v.Dict.keys.items[i] == NULL;
        if (is_unpacking) {
            if (elements) {
                RETURN_IF_ERROR(compile_subdict(c, e, i - elements, i));
                if (have_dict) EMIT(c, loc, DICT_UPDATE, 1);
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                EMIT(c, loc, BUILD_MAP, 0);
                have_dict = 1;
            }
            VISIT(c, e->v.Dict.values.items[i]);
            EMIT(c, loc, DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            RETURN_IF_ERROR(compile_subdict(c, e, i - elements, i + 1));
            if (have_dict) EMIT(c, loc, DICT_UPDATE, 1);
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        RETURN_IF_ERROR(compile_subdict(c, e, n - elements, n));
        if (have_dict) EMIT(c, loc, DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict) EMIT(c, loc, BUILD_MAP, 0);
    return 0;
}

/* ======================================================================
 * Calls
 * ==================================================================== */
int cg_validate_keywords(Compiler *c, KrAstSeq *keywords) {
    for (int i = 0; i < keywords->n; i++) {
        KrAstNode *k = keywords->items[i];
        if (!k->v.keyword.arg) continue;
        if (strcmp(k->v.keyword.arg, "__debug__") == 0)
            return cg_error(c, loc_of(k), "cannot assign to __debug__");
        for (int j = i + 1; j < keywords->n; j++) {
            KrAstNode *o = keywords->items[j];
            if (o->v.keyword.arg && strcmp(k->v.keyword.arg, o->v.keyword.arg) == 0)
                return cg_error(c, loc_of(o), "keyword argument repeated: %s", k->v.keyword.arg);
        }
    }
    return 0;
}

static int kw_names_const(Compiler *c, Loc loc, KrAstSeq *keywords, int begin, int end) {
    KrObject *names = kr_tuple_new(end - begin);
    if (!names) return -1;
    for (int i = begin; i < end; i++) {
        KrObject *s = kr_str_from_cstr(keywords->items[i]->v.keyword.arg);
        if (!s) {
            KR_DECREF(names);
            return -1;
        }
        KR_TUPLE_ITEM(names, i - begin) = s;
    }
    int idx = cg_add_const(c, names);
    KR_DECREF(names);
    return idx;
}

static int compile_subkwargs(Compiler *c, Loc loc, KrAstSeq *keywords, int begin, int end) {
    int n = end - begin;
    if (n > 1) {
        for (int i = begin; i < end; i++)
            VISIT(c, keywords->items[i]->v.keyword.value);
        int idx = kw_names_const(c, loc, keywords, begin, end);
        if (idx < 0) return -1;
        EMIT(c, loc, LOAD_CONST, idx);
        return cg_emit(c, loc, KR_OP_BUILD_CONST_KEY_MAP, n);
    }
    for (int i = begin; i < end; i++) {
        KrAstNode *k = keywords->items[i];
        RETURN_IF_ERROR(cg_load_const_steal(c, loc, kr_str_from_cstr(k->v.keyword.arg)));
        VISIT(c, k->v.keyword.value);
    }
    return cg_emit(c, loc, KR_OP_BUILD_MAP, n);
}

int cg_call_helper(Compiler *c, Loc loc, int n, KrAstSeq *args, KrAstSeq *keywords) {
    RETURN_IF_ERROR(cg_validate_keywords(c, keywords));
    int nelts = args->n, nkwelts = keywords->n;
    int simple = nelts + nkwelts * 2 <= STACK_USE_GUIDELINE;
    for (int i = 0; i < nelts && simple; i++)
        if (args->items[i]->kind == KR_AST_Starred) simple = 0;
    for (int i = 0; i < nkwelts && simple; i++)
        if (!keywords->items[i]->v.keyword.arg) simple = 0;
    if (simple) {
        for (int i = 0; i < nelts; i++)
            VISIT(c, args->items[i]);
        if (nkwelts) {
            for (int i = 0; i < nkwelts; i++)
                VISIT(c, keywords->items[i]->v.keyword.value);
            int idx = kw_names_const(c, loc, keywords, 0, nkwelts);
            if (idx < 0) return -1;
            EMIT(c, loc, KW_NAMES, idx);
        }
        return cg_emit(c, loc, KR_OP_CALL, n + nelts + nkwelts);
    }
    /* f(*a, **k): positional tuple, then a keyword dict */
    if (n == 0 && nelts == 1 && args->items[0]->kind == KR_AST_Starred) {
        VISIT(c, args->items[0]->v.Starred.value);
    } else {
        RETURN_IF_ERROR(starunpack_helper(c, loc, args, n, KR_OP_BUILD_LIST, KR_OP_LIST_APPEND,
                                          KR_OP_LIST_EXTEND, 1));
    }
    if (nkwelts) {
        int have_dict = 0, nseen = 0;
        for (int i = 0; i < nkwelts; i++) {
            KrAstNode *kw = keywords->items[i];
            if (!kw->v.keyword.arg) {
                if (nseen) {
                    RETURN_IF_ERROR(compile_subkwargs(c, loc, keywords, i - nseen, i));
                    if (have_dict) EMIT(c, loc, DICT_MERGE, 1);
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    EMIT(c, loc, BUILD_MAP, 0);
                    have_dict = 1;
                }
                VISIT(c, kw->v.keyword.value);
                EMIT(c, loc, DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            RETURN_IF_ERROR(compile_subkwargs(c, loc, keywords, nkwelts - nseen, nkwelts));
            if (have_dict) EMIT(c, loc, DICT_MERGE, 1);
        }
    }
    return cg_emit(c, loc, KR_OP_CALL_FUNCTION_EX, nkwelts > 0);
}

/* super().attr / super(C, self).attr compile to LOAD_SUPER_ATTR when `super` is
 * certainly the builtin and the arguments are statically known. */
static int can_optimize_super_call(Compiler *c, KrAstNode *attr) {
    KrAstNode *e = attr->v.Attribute.value;
    if (e->kind != KR_AST_Call || e->v.Call.func->kind != KR_AST_Name ||
        strcmp(e->v.Call.func->v.Name.id, "super") != 0 ||
        strcmp(attr->v.Attribute.attr, "__class__") == 0 || e->v.Call.keywords.n != 0)
        return 0;
    int nargs = e->v.Call.args.n;
    if (kr_symtable_scope(c->u->ste, "super") != KR_SC_GLOBAL_IMPLICIT) return 0;
    if (kr_symtable_flags(kr_symtable_top(c->st), "super") != 0) return 0;
    if (nargs == 2) {
        for (int i = 0; i < 2; i++)
            if (e->v.Call.args.items[i]->kind == KR_AST_Starred) return 0;
        return 1;
    }
    if (nargs != 0) return 0;
    if (c->u->argcount == 0 && c->u->posonlyargcount == 0) return 0;
    int sc = kr_symtable_scope(c->u->ste, "__class__");
    return sc == KR_SC_FREE;
}

static int load_args_for_super(Compiler *c, KrAstNode *e) {
    RETURN_IF_ERROR(cg_nameop(c, loc_of(e->v.Call.func), "super", KR_CTX_LOAD));
    if (e->v.Call.args.n == 2) {
        VISIT(c, e->v.Call.args.items[0]);
        VISIT(c, e->v.Call.args.items[1]);
        return 0;
    }
    RETURN_IF_ERROR(cg_nameop(c, loc_of(e), "__class__", KR_CTX_LOAD));
    if (c->u->varnames.n == 0) {
        kr_err_set_string(kr_exc_SystemError, "compiler: super() without arguments");
        return -1;
    }
    /* the first parameter, already mangled */
    const char *first = c->u->varnames.items[0];
    const char *saved = c->u->private_name;
    c->u->private_name = NULL;
    int r = cg_nameop(c, loc_of(e), first, KR_CTX_LOAD);
    c->u->private_name = saved;
    return r;
}

static int is_import_originated(Compiler *c, KrAstNode *e) {
    if (e->kind != KR_AST_Name) return 0;
    return (kr_symtable_flags(c->u->ste, e->v.Name.id) & KR_DEF_IMPORT) != 0;
}

/* obj.meth(args) without * or ** compiles to LOAD_ATTR(method) + CALL. Returns 1 if
 * it handled the call, 0 if not applicable. */
static int maybe_optimize_method_call(Compiler *c, KrAstNode *e) {
    KrAstNode *meth = e->v.Call.func;
    KrAstSeq *args = &e->v.Call.args, *kwds = &e->v.Call.keywords;
    if (meth->kind != KR_AST_Attribute || meth->v.Attribute.ctx != KR_CTX_LOAD) return 0;
    if (is_import_originated(c, meth->v.Attribute.value)) return 0;
    int argsl = args->n, kwdsl = kwds->n;
    if (argsl + kwdsl + (kwdsl != 0) >= STACK_USE_GUIDELINE) return 0;
    for (int i = 0; i < argsl; i++)
        if (args->items[i]->kind == KR_AST_Starred) return 0;
    for (int i = 0; i < kwdsl; i++)
        if (!kwds->items[i]->v.keyword.arg) return 0;
    Loc loc = loc_of(meth);
    int ni = cg_add_name(c, meth->v.Attribute.attr);
    if (ni < 0) return -1;
    if (can_optimize_super_call(c, meth)) {
        KrAstNode *sc = meth->v.Attribute.value;
        RETURN_IF_ERROR(load_args_for_super(c, sc));
        int two = sc->v.Call.args.n == 2;
        loc = cg_update_start_to_attr(loc, meth);
        EMIT(c, loc, LOAD_SUPER_ATTR, (ni << 2) | (two << 1) | 1);
    } else {
        VISIT(c, meth->v.Attribute.value);
        loc = cg_update_start_to_attr(loc, meth);
        EMIT(c, loc, LOAD_ATTR, (ni << 1) | 1);
    }
    for (int i = 0; i < argsl; i++)
        VISIT(c, args->items[i]);
    if (kwdsl) {
        for (int i = 0; i < kwdsl; i++)
            VISIT(c, kwds->items[i]->v.keyword.value);
        int idx = kw_names_const(c, loc, kwds, 0, kwdsl);
        if (idx < 0) return -1;
        EMIT(c, loc, KW_NAMES, idx);
    }
    loc = cg_update_start_to_attr(loc_of(e), meth);
    EMIT(c, loc, CALL, argsl + kwdsl);
    return 1;
}

static int compile_call(Compiler *c, KrAstNode *e) {
    RETURN_IF_ERROR(cg_validate_keywords(c, &e->v.Call.keywords));
    int r = maybe_optimize_method_call(c, e);
    if (r < 0) return -1;
    if (r == 1) return 0;
    EMIT(c, loc_of(e->v.Call.func), PUSH_NULL, 0);
    VISIT(c, e->v.Call.func);
    return cg_call_helper(c, loc_of(e), 0, &e->v.Call.args, &e->v.Call.keywords);
}

/* ======================================================================
 * Attributes, subscripts, names
 * ==================================================================== */
static int compile_attribute(Compiler *c, KrAstNode *e) {
    int ctx = e->v.Attribute.ctx;
    int ni = cg_add_name(c, e->v.Attribute.attr);
    if (ni < 0) return -1;
    if (ctx == KR_CTX_LOAD && can_optimize_super_call(c, e)) {
        KrAstNode *sc = e->v.Attribute.value;
        RETURN_IF_ERROR(load_args_for_super(c, sc));
        int two = sc->v.Call.args.n == 2;
        Loc loc = cg_update_start_to_attr(loc_of(e), e);
        return cg_emit(c, loc, KR_OP_LOAD_SUPER_ATTR, (ni << 2) | (two << 1));
    }
    VISIT(c, e->v.Attribute.value);
    Loc loc = cg_update_start_to_attr(loc_of(e), e);
    switch (ctx) {
    case KR_CTX_LOAD:
        return cg_emit(c, loc, KR_OP_LOAD_ATTR, ni << 1);
    case KR_CTX_STORE:
        if (strcmp(e->v.Attribute.attr, "__debug__") == 0)
            return cg_error(c, loc, "cannot assign to __debug__");
        return cg_emit(c, loc, KR_OP_STORE_ATTR, ni);
    default:
        return cg_emit(c, loc, KR_OP_DELETE_ATTR, ni);
    }
}

static int compile_slice_value(Compiler *c, KrAstNode *s) {
    int n = 2;
    Loc loc = loc_of(s);
    if (s->v.Slice.lower) {
        VISIT(c, s->v.Slice.lower);
    } else {
        RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    }
    if (s->v.Slice.upper) {
        VISIT(c, s->v.Slice.upper);
    } else {
        RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    }
    if (s->v.Slice.step) {
        n++;
        VISIT(c, s->v.Slice.step);
    }
    return n;
}

static int compile_subscript(Compiler *c, KrAstNode *e) {
    Loc loc = loc_of(e);
    int ctx = e->v.Subscript.ctx;
    KrAstNode *sl = e->v.Subscript.slice;
    VISIT(c, e->v.Subscript.value);
    if (sl->kind == KR_AST_Slice && !sl->v.Slice.step && ctx != KR_CTX_DEL) {
        RETURN_IF_ERROR(compile_slice_value(c, sl));
        return cg_emit(c, loc, ctx == KR_CTX_LOAD ? KR_OP_BINARY_SLICE : KR_OP_STORE_SLICE, 0);
    }
    VISIT(c, sl);
    switch (ctx) {
    case KR_CTX_LOAD:
        return cg_emit(c, loc, KR_OP_BINARY_SUBSCR, 0);
    case KR_CTX_STORE:
        return cg_emit(c, loc, KR_OP_STORE_SUBSCR, 0);
    default:
        return cg_emit(c, loc, KR_OP_DELETE_SUBSCR, 0);
    }
}

static int compile_name(Compiler *c, KrAstNode *e) {
    if (e->v.Name.ctx == KR_CTX_LOAD && strcmp(e->v.Name.id, "__debug__") == 0)
        return cg_load_const(c, loc_of(e), c->optimize ? kr_false : kr_true);
    return cg_nameop(c, loc_of(e), e->v.Name.id, e->v.Name.ctx);
}

/* ======================================================================
 * f-strings
 * ==================================================================== */
static int compile_joined_str(Compiler *c, KrAstNode *e) {
    Loc loc = loc_of(e);
    int n = e->v.JoinedStr.values.n;
    if (n > STACK_USE_GUIDELINE) {
        RETURN_IF_ERROR(cg_load_const_steal(c, loc, kr_str_from_cstr("")));
        int ni = cg_add_name_raw(c, "join");
        if (ni < 0) return -1;
        EMIT(c, loc, LOAD_ATTR, (ni << 1) | 1);
        EMIT(c, loc, BUILD_LIST, 0);
        for (int i = 0; i < n; i++) {
            VISIT(c, e->v.JoinedStr.values.items[i]);
            EMIT(c, loc, LIST_APPEND, 1);
        }
        return cg_emit(c, loc, KR_OP_CALL, 1);
    }
    RETURN_IF_ERROR(cg_exprs(c, &e->v.JoinedStr.values));
    if (n != 1) EMIT(c, loc, BUILD_STRING, n);
    return 0;
}

static int compile_formatted_value(Compiler *c, KrAstNode *e) {
    int conv = e->v.FormattedValue.conversion;
    int oparg;
    VISIT(c, e->v.FormattedValue.value);
    switch (conv) {
    case 's':
        oparg = 1;
        break;
    case 'r':
        oparg = 2;
        break;
    case 'a':
        oparg = 3;
        break;
    default:
        oparg = 0;
        break;
    }
    if (e->v.FormattedValue.format_spec) {
        VISIT(c, e->v.FormattedValue.format_spec);
        oparg |= 4;
    }
    return cg_emit(c, loc_of(e), KR_OP_FORMAT_VALUE, oparg);
}

/* ======================================================================
 * Generators, coroutines
 * ==================================================================== */
int cg_yield_op(Compiler *c, Loc loc) {
    KrSymScope *ste = c->u->ste;
    if (ste->generator && ste->coroutine)
        EMIT(c, loc, CALL_INTRINSIC_1, KR_INTRINSIC1_ASYNC_GEN_WRAP);
    EMIT(c, loc, YIELD_VALUE, 0);
    EMIT(c, loc, RESUME, KR_RESUME_AFTER_YIELD);
    return 0;
}

static int is_top_level_await(Compiler *c) {
    return (c->flags & KR_CF_ALLOW_TOP_LEVEL_AWAIT) && c->u->ste->type == KR_BLOCK_MODULE;
}

/* ======================================================================
 * Functions: defaults, annotations, lambda
 * ==================================================================== */
int cg_default_arguments(Compiler *c, Loc loc, KrAstNode *args) {
    int flags = 0;
    KrAstSeq *defaults = &args->v.arguments.defaults;
    if (defaults->n) {
        RETURN_IF_ERROR(cg_exprs(c, defaults));
        EMIT(c, loc, BUILD_TUPLE, defaults->n);
        flags |= 0x01;
    }
    KrAstSeq *kwonly = &args->v.arguments.kwonlyargs;
    KrAstSeq *kwd = &args->v.arguments.kw_defaults;
    int nkw = 0;
    for (int i = 0; i < kwonly->n; i++) {
        KrAstNode *d = i < kwd->n ? kwd->items[i] : NULL;
        if (!d) continue;
        const char *m = cg_mangle(c, kwonly->items[i]->v.arg.arg);
        if (!m) return -1;
        RETURN_IF_ERROR(cg_load_const_steal(c, loc, kr_str_from_cstr(m)));
        VISIT(c, d);
        nkw++;
    }
    if (nkw) {
        EMIT(c, loc, BUILD_MAP, nkw);
        flags |= 0x02;
    }
    return flags;
}

/* Text of an expression from the source, for `from __future__ import annotations`. */
static KrObject *source_segment(Compiler *c, KrAstNode *e) {
    if (!c->source) return kr_str_from_cstr("...");
    const char *src = c->source, *end = c->source + c->source_len;
    const char *p = src;
    int line = 1;
    while (line < e->lineno && p < end) {
        if (*p++ == '\n') line++;
    }
    const char *start = p + e->col_offset;
    while (line < e->end_lineno && p < end) {
        if (*p++ == '\n') line++;
    }
    const char *stop = p + e->end_col_offset;
    if (start > end) start = end;
    if (stop > end) stop = end;
    if (stop < start) stop = start;
    /* join continuation lines into one (CPython unparses; this keeps the text) */
    char *buf = kr_mem_malloc((size_t)(stop - start) + 1);
    if (!buf) return NULL;
    size_t n = 0;
    for (const char *q = start; q < stop; q++) {
        if (*q == '\n' || *q == '\r') {
            while (n > 0 && buf[n - 1] == ' ')
                n--;
            if (n > 0 && buf[n - 1] == '\\') n--;
            while (q + 1 < stop && (q[1] == ' ' || q[1] == '\t' || q[1] == '\n' || q[1] == '\r'))
                q++;
            continue;
        }
        buf[n++] = *q;
    }
    KrObject *r = cg_str(buf, n);
    kr_mem_free(buf);
    return r;
}

/* A small version of CPython's ast unparser for the usual annotation shapes (names,
 * attributes, subscripts, constants, `|` unions, lists, tuples, *Ts). Returns 1 when
 * it handled `e`, 0 when the shape is not supported (caller falls back to the source
 * text), -1 on error. */
typedef struct {
    char *buf;
    size_t n, cap;
} Text;

static int text_put(Text *t, const char *s, size_t n) {
    if (t->n + n + 1 > t->cap) {
        size_t ncap = (t->cap + n + 1) * 2;
        char *p = kr_mem_realloc(t->buf, ncap);
        if (!p) return -1;
        t->buf = p;
        t->cap = ncap;
    }
    memcpy(t->buf + t->n, s, n);
    t->n += n;
    return 0;
}

static int text_cstr(Text *t, const char *s) { return text_put(t, s, strlen(s)); }

static int unparse(Text *t, KrAstNode *e, int in_subscript) {
    int r;
    switch (e->kind) {
    case KR_AST_Name:
        return text_cstr(t, e->v.Name.id) < 0 ? -1 : 1;
    case KR_AST_Constant: {
        if (e->v.Constant.value.kind == KR_CONST_ELLIPSIS) return text_cstr(t, "...") < 0 ? -1 : 1;
        KrObject *v = cg_const_from_ast(&e->v.Constant.value);
        if (!v) return -1;
        KrObject *rep = kr_object_repr(v);
        KR_DECREF(v);
        if (!rep) return -1;
        r = text_put(t, kr_str_data(rep), (size_t)kr_str_size(rep));
        KR_DECREF(rep);
        return r < 0 ? -1 : 1;
    }
    case KR_AST_Attribute:
        if (e->v.Attribute.value->kind == KR_AST_Constant) return 0;
        if ((r = unparse(t, e->v.Attribute.value, 0)) <= 0) return r;
        if (text_cstr(t, ".") < 0 || text_cstr(t, e->v.Attribute.attr) < 0) return -1;
        return 1;
    case KR_AST_Subscript:
        if ((r = unparse(t, e->v.Subscript.value, 0)) <= 0) return r;
        if (text_cstr(t, "[") < 0) return -1;
        if ((r = unparse(t, e->v.Subscript.slice, 1)) <= 0) return r;
        return text_cstr(t, "]") < 0 ? -1 : 1;
    case KR_AST_Starred:
        if (text_cstr(t, "*") < 0) return -1;
        return unparse(t, e->v.Starred.value, 0);
    case KR_AST_BinOp: {
        if (e->v.BinOp.op != KR_OPERATOR_BITOR) return 0;
        KrAstNode *l = e->v.BinOp.left, *rt = e->v.BinOp.right;
        if ((l->kind == KR_AST_BinOp && l->v.BinOp.op != KR_OPERATOR_BITOR) ||
            rt->kind == KR_AST_BinOp)
            return 0;
        if ((r = unparse(t, l, 0)) <= 0) return r;
        if (text_cstr(t, " | ") < 0) return -1;
        return unparse(t, rt, 0);
    }
    case KR_AST_List:
    case KR_AST_Tuple: {
        int is_list = e->kind == KR_AST_List;
        KrAstSeq *elts = is_list ? &e->v.List.elts : &e->v.Tuple.elts;
        int parens = is_list || !in_subscript || elts->n == 0;
        if (parens && text_cstr(t, is_list ? "[" : "(") < 0) return -1;
        for (int i = 0; i < elts->n; i++) {
            if (i && text_cstr(t, ", ") < 0) return -1;
            if ((r = unparse(t, elts->items[i], 0)) <= 0) return r;
        }
        if (!is_list && elts->n == 1 && text_cstr(t, ",") < 0) return -1;
        if (parens && text_cstr(t, is_list ? "]" : ")") < 0) return -1;
        return 1;
    }
    default:
        return 0;
    }
}

static KrObject *annotation_string(Compiler *c, KrAstNode *e) {
    Text t = {0};
    int r = unparse(&t, e, 0);
    KrObject *s;
    if (r < 0) {
        kr_mem_free(t.buf);
        return NULL;
    }
    if (r == 0) {
        kr_mem_free(t.buf);
        return source_segment(c, e);
    }
    s = cg_str(t.buf ? t.buf : "", t.n);
    kr_mem_free(t.buf);
    return s;
}

int cg_annotation_value(Compiler *c, KrAstNode *ann) {
    if (c->flags & KR_CF_FUTURE_ANNOTATIONS)
        return cg_load_const_steal(c, loc_of(ann), annotation_string(c, ann));
    if (ann->kind == KR_AST_Starred) {
        /* *args: *Ts */
        VISIT(c, ann->v.Starred.value);
        return cg_emit(c, loc_of(ann), KR_OP_UNPACK_SEQUENCE, 1);
    }
    return cg_expr(c, ann);
}

static int arg_annotation(Compiler *c, Loc loc, const char *name, KrAstNode *ann, int *count) {
    if (!ann) return 0;
    const char *m = cg_mangle(c, name);
    if (!m) return -1;
    RETURN_IF_ERROR(cg_load_const_steal(c, loc, kr_str_from_cstr(m)));
    RETURN_IF_ERROR(cg_annotation_value(c, ann));
    (*count)++;
    return 0;
}

static int arg_annotations(Compiler *c, Loc loc, KrAstSeq *args, int *count) {
    for (int i = 0; i < args->n; i++) {
        KrAstNode *a = args->items[i];
        RETURN_IF_ERROR(arg_annotation(c, loc, a->v.arg.arg, a->v.arg.annotation, count));
    }
    return 0;
}

/* Pushes a dict of the annotations; returns 1 if one was pushed, 0 if none. */
int cg_annotations(Compiler *c, Loc loc, KrAstNode *args, KrAstNode *returns) {
    int n = 0;
    RETURN_IF_ERROR(arg_annotations(c, loc, &args->v.arguments.args, &n));
    RETURN_IF_ERROR(arg_annotations(c, loc, &args->v.arguments.posonlyargs, &n));
    KrAstNode *va = args->v.arguments.vararg;
    if (va) RETURN_IF_ERROR(arg_annotation(c, loc, va->v.arg.arg, va->v.arg.annotation, &n));
    RETURN_IF_ERROR(arg_annotations(c, loc, &args->v.arguments.kwonlyargs, &n));
    KrAstNode *ka = args->v.arguments.kwarg;
    if (ka) RETURN_IF_ERROR(arg_annotation(c, loc, ka->v.arg.arg, ka->v.arg.annotation, &n));
    if (returns) {
        RETURN_IF_ERROR(cg_load_const_steal(c, loc, kr_str_from_cstr("return")));
        RETURN_IF_ERROR(cg_annotation_value(c, returns));
        n++;
    }
    if (!n) return 0;
    EMIT(c, loc, BUILD_MAP, n);
    return 1;
}

int cg_lambda(Compiler *c, KrAstNode *e) {
    Loc loc = loc_of(e);
    KrAstNode *args = e->v.Lambda.args;
    int funcflags = cg_default_arguments(c, loc, args);
    if (funcflags < 0) return -1;
    RETURN_IF_ERROR(cg_enter_scope(c, "<lambda>", SCOPE_LAMBDA, e, e->lineno));
    Unit *u = c->u;
    /* None first, so a lambda never has a docstring */
    if (cg_add_const(c, kr_none) < 0) goto fail;
    u->argcount = args->v.arguments.args.n + args->v.arguments.posonlyargs.n;
    u->posonlyargcount = args->v.arguments.posonlyargs.n;
    u->kwonlyargcount = args->v.arguments.kwonlyargs.n;
    if (cg_expr(c, e->v.Lambda.body) < 0) goto fail;
    if (u->ste->generator) {
        /* a generator lambda returns its body's value (3.11 behaviour) */
        if (cg_emit(c, NO_LOC, KR_OP_RETURN_VALUE, 0) < 0) goto fail;
        if (cg_wrap_in_stopiteration_handler(c) < 0) goto fail;
    } else {
        Loc rl = {e->lineno, e->lineno, 0, 0};
        if (cg_emit(c, rl, KR_OP_RETURN_VALUE, 0) < 0) goto fail;
    }
    KrObject *co = cg_assemble_unit(c, 1);
    cg_exit_scope(c);
    if (!co) return -1;
    int r = cg_make_closure(c, loc, co, funcflags);
    KR_DECREF(co);
    return r;
fail:
    cg_exit_scope(c);
    return -1;
}

/* ======================================================================
 * Comprehensions: each is a function of its own taking the first iterator
 * ==================================================================== */
static int comprehension_generator(Compiler *c, Loc loc, KrAstSeq *gens, int gen_index, int depth,
                                   KrAstNode *elt, KrAstNode *val, int type);

static int comp_element(Compiler *c, int depth, KrAstNode *elt, KrAstNode *val, int type) {
    Loc eloc = loc_of(elt);
    switch (type) {
    case KR_COMP_GEN:
        VISIT(c, elt);
        RETURN_IF_ERROR(cg_yield_op(c, eloc));
        EMIT(c, eloc, POP_TOP, 0);
        return 0;
    case KR_COMP_LIST:
        VISIT(c, elt);
        return cg_emit(c, eloc, KR_OP_LIST_APPEND, depth + 1);
    case KR_COMP_SET:
        VISIT(c, elt);
        return cg_emit(c, eloc, KR_OP_SET_ADD, depth + 1);
    default: {
        VISIT(c, elt);
        VISIT(c, val);
        Loc l = {elt->lineno, val->end_lineno, elt->col_offset, val->end_col_offset};
        return cg_emit(c, l, KR_OP_MAP_ADD, depth + 1);
    }
    }
}

static int sync_comprehension_generator(Compiler *c, Loc loc, KrAstSeq *gens, int gen_index,
                                        int depth, KrAstNode *elt, KrAstNode *val, int type) {
    KrAstNode *gen = gens->items[gen_index];
    NEW_BLOCK(c, start);
    NEW_BLOCK(c, if_cleanup);
    NEW_BLOCK(c, anchor);
    if (gen_index == 0) {
        c->u->argcount = 1;
        EMIT(c, loc, LOAD_FAST, 0);
    } else {
        VISIT(c, gen->v.comprehension.iter);
        EMIT(c, loc, GET_ITER, 0);
    }
    depth++;
    USE_BLOCK(c, start);
    EMIT_JUMP(c, loc, KR_OP_FOR_ITER, anchor);
    VISIT(c, gen->v.comprehension.target);
    for (int i = 0; i < gen->v.comprehension.ifs.n; i++)
        RETURN_IF_ERROR(cg_jump_if(c, loc, gen->v.comprehension.ifs.items[i], if_cleanup, 0));
    if (++gen_index < gens->n) {
        RETURN_IF_ERROR(comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type));
    } else {
        RETURN_IF_ERROR(comp_element(c, depth, elt, val, type));
    }
    USE_BLOCK(c, if_cleanup);
    EMIT_JUMP(c, NO_LOC, OP_JUMP, start);
    USE_BLOCK(c, anchor);
    return 0;
}

static int async_comprehension_generator(Compiler *c, Loc loc, KrAstSeq *gens, int gen_index,
                                         int depth, KrAstNode *elt, KrAstNode *val, int type) {
    KrAstNode *gen = gens->items[gen_index];
    NEW_BLOCK(c, start);
    NEW_BLOCK(c, except);
    NEW_BLOCK(c, if_cleanup);
    if (gen_index == 0) {
        c->u->argcount = 1;
        EMIT(c, loc, LOAD_FAST, 0);
    } else {
        VISIT(c, gen->v.comprehension.iter);
        EMIT(c, loc, GET_AITER, 0);
    }
    USE_BLOCK(c, start);
    RETURN_IF_ERROR(cg_push_fblock(c, loc, FB_ASYNC_COMPREHENSION_GENERATOR, start, NULL, NULL));
    EMIT_JUMP(c, loc, OP_SETUP_FINALLY, except);
    EMIT(c, loc, GET_ANEXT, 0);
    RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    RETURN_IF_ERROR(cg_add_yield_from(c, loc, 1));
    RETURN_IF_ERROR(cg_emit(c, loc, OP_POP_BLOCK, 0));
    VISIT(c, gen->v.comprehension.target);
    for (int i = 0; i < gen->v.comprehension.ifs.n; i++)
        RETURN_IF_ERROR(cg_jump_if(c, loc, gen->v.comprehension.ifs.items[i], if_cleanup, 0));
    depth++;
    if (++gen_index < gens->n) {
        RETURN_IF_ERROR(comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type));
    } else {
        RETURN_IF_ERROR(comp_element(c, depth, elt, val, type));
    }
    USE_BLOCK(c, if_cleanup);
    EMIT_JUMP(c, NO_LOC, OP_JUMP, start);
    cg_pop_fblock(c);
    USE_BLOCK(c, except);
    EMIT(c, loc, END_ASYNC_FOR, 0);
    return 0;
}

static int comprehension_generator(Compiler *c, Loc loc, KrAstSeq *gens, int gen_index, int depth,
                                   KrAstNode *elt, KrAstNode *val, int type) {
    KrAstNode *gen = gens->items[gen_index];
    if (gen->v.comprehension.is_async)
        return async_comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type);
    return sync_comprehension_generator(c, loc, gens, gen_index, depth, elt, val, type);
}

static int compile_comprehension(Compiler *c, KrAstNode *e, int type, const char *name,
                                 KrAstSeq *gens, KrAstNode *elt, KrAstNode *val) {
    Loc loc = loc_of(e);
    KrAstNode *outermost = gens->items[0];
    int parent_scope = c->u->scope_type;
    int top_level_await = is_top_level_await(c);
    RETURN_IF_ERROR(cg_enter_scope(c, name, SCOPE_COMPREHENSION, e, e->lineno));
    int is_async_generator = c->u->ste->coroutine;
    if (is_async_generator && type != KR_COMP_GEN && parent_scope != SCOPE_ASYNC_FUNCTION &&
        parent_scope != SCOPE_COMPREHENSION && !top_level_await) {
        cg_error(c, loc, "asynchronous comprehension outside of an asynchronous function");
        goto fail;
    }
    if (type != KR_COMP_GEN) {
        int op = type == KR_COMP_LIST  ? KR_OP_BUILD_LIST
                 : type == KR_COMP_SET ? KR_OP_BUILD_SET
                                       : KR_OP_BUILD_MAP;
        if (cg_emit(c, loc, op, 0) < 0) goto fail;
    }
    if (comprehension_generator(c, loc, gens, 0, 0, elt, val, type) < 0) goto fail;
    if (type != KR_COMP_GEN) {
        if (cg_emit(c, loc, KR_OP_RETURN_VALUE, 0) < 0) goto fail;
    } else if (cg_wrap_in_stopiteration_handler(c) < 0) {
        goto fail;
    }
    KrObject *co = cg_assemble_unit(c, 1);
    cg_exit_scope(c);
    if (!co) return -1;
    if (top_level_await && is_async_generator) c->u->ste->coroutine = 1;
    int r = cg_make_closure(c, loc, co, 0);
    KR_DECREF(co);
    RETURN_IF_ERROR(r);
    VISIT(c, outermost->v.comprehension.iter);
    EMIT(c, loc, GET_ITER, 0);
    if (outermost->v.comprehension.is_async)
        c->u->cur->instrs[c->u->cur->n - 1].op = KR_OP_GET_AITER;
    EMIT(c, loc, CALL, 0);
    if (is_async_generator && type != KR_COMP_GEN) {
        EMIT(c, loc, GET_AWAITABLE, 0);
        RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
        RETURN_IF_ERROR(cg_add_yield_from(c, loc, 1));
    }
    return 0;
fail:
    cg_exit_scope(c);
    return -1;
}

/* ======================================================================
 * Dispatch
 * ==================================================================== */
static int expr_inner(Compiler *c, KrAstNode *e) {
    Loc loc = loc_of(e);
    switch (e->kind) {
    case KR_AST_NamedExpr:
        VISIT(c, e->v.NamedExpr.value);
        EMIT(c, loc, COPY, 1);
        VISIT(c, e->v.NamedExpr.target);
        return 0;
    case KR_AST_BoolOp:
        return compile_boolop(c, e);
    case KR_AST_BinOp:
        VISIT(c, e->v.BinOp.left);
        VISIT(c, e->v.BinOp.right);
        return cg_emit(c, loc, KR_OP_BINARY_OP, binary_ops[e->v.BinOp.op]);
    case KR_AST_UnaryOp:
        if (is_const_node(e)) return load_const_node(c, e);
        VISIT(c, e->v.UnaryOp.operand);
        switch (e->v.UnaryOp.op) {
        case KR_UNARYOP_INVERT:
            return cg_emit(c, loc, KR_OP_UNARY_INVERT, 0);
        case KR_UNARYOP_NOT:
            return cg_emit(c, loc, KR_OP_UNARY_NOT, 0);
        case KR_UNARYOP_UADD:
            return cg_emit(c, loc, KR_OP_UNARY_POSITIVE, 0);
        default:
            return cg_emit(c, loc, KR_OP_UNARY_NEGATIVE, 0);
        }
    case KR_AST_Lambda:
        return cg_lambda(c, e);
    case KR_AST_IfExp:
        return compile_ifexp(c, e);
    case KR_AST_Dict:
        return compile_dict(c, e);
    case KR_AST_Set:
        return starunpack_helper(c, loc, &e->v.Set.elts, 0, KR_OP_BUILD_SET, KR_OP_SET_ADD,
                                 KR_OP_SET_UPDATE, 0);
    case KR_AST_GeneratorExp:
        return compile_comprehension(c, e, KR_COMP_GEN, "<genexpr>", &e->v.GeneratorExp.generators,
                                     e->v.GeneratorExp.elt, NULL);
    case KR_AST_ListComp:
        return compile_comprehension(c, e, KR_COMP_LIST, "<listcomp>", &e->v.ListComp.generators,
                                     e->v.ListComp.elt, NULL);
    case KR_AST_SetComp:
        return compile_comprehension(c, e, KR_COMP_SET, "<setcomp>", &e->v.SetComp.generators,
                                     e->v.SetComp.elt, NULL);
    case KR_AST_DictComp:
        return compile_comprehension(c, e, KR_COMP_DICT, "<dictcomp>", &e->v.DictComp.generators,
                                     e->v.DictComp.key, e->v.DictComp.value);
    case KR_AST_Yield:
        if (!kr_symtable_is_function_like(c->u->ste))
            return cg_error(c, loc, "'yield' outside function");
        if (e->v.Yield.value) {
            VISIT(c, e->v.Yield.value);
        } else {
            RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
        }
        return cg_yield_op(c, loc);
    case KR_AST_YieldFrom:
        if (!kr_symtable_is_function_like(c->u->ste))
            return cg_error(c, loc, "'yield' outside function");
        if (c->u->scope_type == SCOPE_ASYNC_FUNCTION)
            return cg_error(c, loc, "'yield from' inside async function");
        VISIT(c, e->v.YieldFrom.value);
        EMIT(c, loc, GET_YIELD_FROM_ITER, 0);
        RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
        return cg_add_yield_from(c, loc, 0);
    case KR_AST_Await:
        if (!is_top_level_await(c)) {
            if (!kr_symtable_is_function_like(c->u->ste))
                return cg_error(c, loc, "'await' outside function");
            if (c->u->scope_type != SCOPE_ASYNC_FUNCTION && c->u->scope_type != SCOPE_COMPREHENSION)
                return cg_error(c, loc, "'await' outside async function");
        }
        VISIT(c, e->v.Await.value);
        EMIT(c, loc, GET_AWAITABLE, 0);
        RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
        return cg_add_yield_from(c, loc, 1);
    case KR_AST_Compare:
        return compile_compare(c, e);
    case KR_AST_Call:
        return compile_call(c, e);
    case KR_AST_Constant:
        return cg_load_const_steal(c, loc, cg_const_from_ast(&e->v.Constant.value));
    case KR_AST_JoinedStr:
        return compile_joined_str(c, e);
    case KR_AST_FormattedValue:
        return compile_formatted_value(c, e);
    case KR_AST_Attribute:
        return compile_attribute(c, e);
    case KR_AST_Subscript:
        return compile_subscript(c, e);
    case KR_AST_Starred:
        if (e->v.Starred.ctx == KR_CTX_STORE)
            return cg_error(c, loc, "starred assignment target must be in a list or tuple");
        return cg_error(c, loc, "can't use starred expression here");
    case KR_AST_Slice: {
        int n = compile_slice_value(c, e);
        if (n < 0) return -1;
        return cg_emit(c, loc, KR_OP_BUILD_SLICE, n);
    }
    case KR_AST_Name:
        return compile_name(c, e);
    case KR_AST_List:
        return compile_list_or_tuple(c, e, &e->v.List.elts, e->v.List.ctx, 0);
    case KR_AST_Tuple:
        return compile_list_or_tuple(c, e, &e->v.Tuple.elts, e->v.Tuple.ctx, 1);
    default:
        kr_err_format(kr_exc_SystemError, "compiler: unexpected expression kind %d", (int)e->kind);
        return -1;
    }
}

int cg_expr(Compiler *c, KrAstNode *e) {
    if (++c->depth > 3000) {
        c->depth--;
        kr_err_set_string(kr_exc_RecursionError, KR_SYMTABLE_RECURSION_MSG);
        return -1;
    }
    int r = expr_inner(c, e);
    c->depth--;
    return r;
}

int cg_exprs(Compiler *c, KrAstSeq *seq) {
    for (int i = 0; i < seq->n; i++)
        if (seq->items[i]) RETURN_IF_ERROR(cg_expr(c, seq->items[i]));
    return 0;
}
