/* compile_pattern.c - the match statement (PEP 634): each case's pattern compiles to
 * a sequence of tests that jump to "fail_pop" blocks popping whatever the pattern
 * had pushed; captured values stay on the stack until the whole pattern matched and
 * are then stored. Same strategy (and bytecode) as CPython 3.12. */
#include <stdlib.h>
#include <string.h>

#include "cinternal.h"

typedef struct {
    const char **items;
    int n, cap;
} NameList;

typedef struct {
    NameList stores;       /* names captured so far, in stack order */
    int allow_irrefutable; /* 0: an irrefutable pattern here is an error */
    Block **fail_pop;      /* fail_pop[i] pops i items and fails */
    int fail_pop_size;
    int on_top; /* items above the captures that must stay on top */
} PatternContext;

#define WILDCARD_CHECK(p)                                                                          \
    ((p)->kind == KR_AST_MatchAs && !(p)->v.MatchAs.name && !(p)->v.MatchAs.pattern)
#define WILDCARD_STAR_CHECK(p) ((p)->kind == KR_AST_MatchStar && !(p)->v.MatchStar.name)

static int pattern(Compiler *c, KrAstNode *p, PatternContext *pc);

static int names_index(NameList *l, const char *name) {
    for (int i = 0; i < l->n; i++)
        if (strcmp(l->items[i], name) == 0) return i;
    return -1;
}

static int names_append(NameList *l, const char *name) {
    if (l->n == l->cap) {
        int ncap = l->cap ? l->cap * 2 : 8;
        const char **p = kr_mem_realloc(l->items, sizeof(char *) * ncap);
        if (!p) return -1;
        l->items = p;
        l->cap = ncap;
    }
    l->items[l->n++] = name;
    return 0;
}

static int names_copy(NameList *dst, const NameList *src) {
    dst->items = NULL;
    dst->n = dst->cap = 0;
    for (int i = 0; i < src->n; i++)
        if (names_append(dst, src->items[i]) < 0) return -1;
    return 0;
}

static int ensure_fail_pop(Compiler *c, PatternContext *pc, int n) {
    int size = n + 1;
    if (size <= pc->fail_pop_size) return 0;
    Block **p = kr_mem_realloc(pc->fail_pop, sizeof(Block *) * size);
    if (!p) return -1;
    pc->fail_pop = p;
    while (pc->fail_pop_size < size) {
        Block *b = cg_new_block(c);
        if (!b) return -1;
        pc->fail_pop[pc->fail_pop_size++] = b;
    }
    return 0;
}

/* Jumps (with `op`) to the block that pops everything this pattern pushed. */
static int jump_to_fail_pop(Compiler *c, Loc loc, PatternContext *pc, int op) {
    int pops = pc->on_top + pc->stores.n;
    RETURN_IF_ERROR(ensure_fail_pop(c, pc, pops));
    return cg_emit_jump(c, loc, op, pc->fail_pop[pops]);
}

static int emit_and_reset_fail_pop(Compiler *c, Loc loc, PatternContext *pc) {
    if (!pc->fail_pop_size) return 0;
    int r = 0;
    while (--pc->fail_pop_size) {
        USE_BLOCK(c, pc->fail_pop[pc->fail_pop_size]);
        if (cg_emit(c, loc, KR_OP_POP_TOP, 0) < 0) {
            r = -1;
            break;
        }
    }
    if (r == 0) USE_BLOCK(c, pc->fail_pop[0]);
    pc->fail_pop_size = 0;
    kr_mem_free(pc->fail_pop);
    pc->fail_pop = NULL;
    return r;
}

static int rotate(Compiler *c, Loc loc, int count) {
    while (1 < count)
        EMIT(c, loc, SWAP, count--);
    return 0;
}

static int store_name(Compiler *c, Loc loc, const char *name, PatternContext *pc) {
    if (!name) return cg_emit(c, loc, KR_OP_POP_TOP, 0);
    if (strcmp(name, "__debug__") == 0) return cg_error(c, loc, "cannot assign to __debug__");
    if (names_index(&pc->stores, name) >= 0)
        return cg_error(c, loc, "multiple assignments to name '%s' in pattern", name);
    /* rotate the object underneath the items that must stay on top */
    RETURN_IF_ERROR(rotate(c, loc, pc->on_top + pc->stores.n + 1));
    if (names_append(&pc->stores, name) < 0) return kr_err_no_memory(), -1;
    return 0;
}

static int subpattern(Compiler *c, KrAstNode *p, PatternContext *pc) {
    int saved = pc->allow_irrefutable;
    pc->allow_irrefutable = 1;
    RETURN_IF_ERROR(pattern(c, p, pc));
    pc->allow_irrefutable = saved;
    return 0;
}

static int load_int(Compiler *c, Loc loc, long v) {
    return cg_load_const_steal(c, loc, kr_int_from_i64(v));
}

/* ---- value patterns ---- */
/* Literal patterns may be written -1, 1+2j, -1-2j: fold them to one constant. */
static KrObject *fold_value(Compiler *c, KrAstNode *e) {
    if (e->kind == KR_AST_BinOp &&
        (e->v.BinOp.op == KR_OPERATOR_ADD || e->v.BinOp.op == KR_OPERATOR_SUB)) {
        KrObject *l = fold_value(c, e->v.BinOp.left);
        if (!l) return NULL;
        KrObject *r = fold_value(c, e->v.BinOp.right);
        if (!r) {
            KR_DECREF(l);
            return NULL;
        }
        KrObject *v =
            e->v.BinOp.op == KR_OPERATOR_ADD ? kr_number_add(l, r) : kr_number_subtract(l, r);
        KR_DECREF(l);
        KR_DECREF(r);
        return v;
    }
    KrObject *v = cg_const_value(c, e);
    if (!v && !kr_err_occurred())
        kr_err_set_string(kr_exc_SystemError, "compiler: bad literal pattern");
    return v;
}

static int is_value_expr(KrAstNode *e) {
    switch (e->kind) {
    case KR_AST_Constant:
    case KR_AST_Attribute:
        return 1;
    case KR_AST_UnaryOp:
        return e->v.UnaryOp.op == KR_UNARYOP_USUB && is_value_expr(e->v.UnaryOp.operand) &&
               e->v.UnaryOp.operand->kind == KR_AST_Constant;
    case KR_AST_BinOp:
        return (e->v.BinOp.op == KR_OPERATOR_ADD || e->v.BinOp.op == KR_OPERATOR_SUB) &&
               e->v.BinOp.right->kind == KR_AST_Constant &&
               (e->v.BinOp.left->kind == KR_AST_Constant ||
                e->v.BinOp.left->kind == KR_AST_UnaryOp);
    default:
        return 0;
    }
}

static int visit_value(Compiler *c, KrAstNode *e) {
    if (e->kind == KR_AST_Attribute) return cg_expr(c, e);
    return cg_load_const_steal(c, loc_of(e), fold_value(c, e));
}

static int pattern_value(Compiler *c, KrAstNode *p, PatternContext *pc) {
    KrAstNode *value = p->v.MatchValue.value;
    if (!is_value_expr(value))
        return cg_error(c, loc_of(p), "patterns may only match literals and attribute lookups");
    RETURN_IF_ERROR(visit_value(c, value));
    RETURN_IF_ERROR(cg_compare_op(c, loc_of(p), KR_CMPOP_EQ));
    return jump_to_fail_pop(c, loc_of(p), pc, KR_OP_POP_JUMP_IF_FALSE);
}

static int pattern_singleton(Compiler *c, KrAstNode *p, PatternContext *pc) {
    RETURN_IF_ERROR(
        cg_load_const_steal(c, loc_of(p), cg_const_from_ast(&p->v.MatchSingleton.value)));
    RETURN_IF_ERROR(cg_compare_op(c, loc_of(p), KR_CMPOP_IS));
    return jump_to_fail_pop(c, loc_of(p), pc, KR_OP_POP_JUMP_IF_FALSE);
}

/* ---- capture patterns ---- */
static int pattern_as(Compiler *c, KrAstNode *p, PatternContext *pc) {
    Loc loc = loc_of(p);
    if (!p->v.MatchAs.pattern) {
        if (!pc->allow_irrefutable) {
            if (p->v.MatchAs.name)
                return cg_error(c, loc, "name capture '%s' makes remaining patterns unreachable",
                                p->v.MatchAs.name);
            return cg_error(c, loc, "wildcard makes remaining patterns unreachable");
        }
        return store_name(c, loc, p->v.MatchAs.name, pc);
    }
    /* keep a copy for storing if the inner pattern matches */
    pc->on_top++;
    EMIT(c, loc, COPY, 1);
    RETURN_IF_ERROR(pattern(c, p->v.MatchAs.pattern, pc));
    pc->on_top--;
    return store_name(c, loc, p->v.MatchAs.name, pc);
}

/* ---- sequence patterns ---- */
static int unpack_helper(Compiler *c, Loc loc, KrAstSeq *elts) {
    int n = elts->n, seen_star = 0;
    for (int i = 0; i < n; i++) {
        KrAstNode *elt = elts->items[i];
        if (elt->kind == KR_AST_MatchStar && !seen_star) {
            if (i >= (1 << 8) || (n - i - 1) >= (1 << 23))
                return cg_error(c, loc, "too many expressions in star-unpacking sequence pattern");
            EMIT(c, loc, UNPACK_EX, i + ((n - i - 1) << 8));
            seen_star = 1;
        } else if (elt->kind == KR_AST_MatchStar) {
            return cg_error(c, loc, "multiple starred expressions in sequence pattern");
        }
    }
    if (!seen_star) EMIT(c, loc, UNPACK_SEQUENCE, n);
    return 0;
}

static int sequence_unpack(Compiler *c, Loc loc, KrAstSeq *patterns, PatternContext *pc) {
    RETURN_IF_ERROR(unpack_helper(c, loc, patterns));
    int size = patterns->n;
    pc->on_top += size;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        RETURN_IF_ERROR(subpattern(c, patterns->items[i], pc));
    }
    return 0;
}

/* [first, *_, last]: index the subject instead of unpacking it */
static int sequence_subscr(Compiler *c, Loc loc, KrAstSeq *patterns, int star, PatternContext *pc) {
    pc->on_top++;
    int size = patterns->n;
    for (int i = 0; i < size; i++) {
        KrAstNode *p = patterns->items[i];
        if (WILDCARD_CHECK(p) || i == star) continue;
        EMIT(c, loc, COPY, 1);
        if (i < star) {
            RETURN_IF_ERROR(load_int(c, loc, i));
        } else {
            /* the subject may not support negative indexes */
            EMIT(c, loc, GET_LEN, 0);
            RETURN_IF_ERROR(load_int(c, loc, size - i));
            EMIT(c, loc, BINARY_OP, KR_NB_SUBTRACT);
        }
        EMIT(c, loc, BINARY_SUBSCR, 0);
        RETURN_IF_ERROR(subpattern(c, p, pc));
    }
    pc->on_top--;
    EMIT(c, loc, POP_TOP, 0);
    return 0;
}

static int pattern_sequence(Compiler *c, KrAstNode *p, PatternContext *pc) {
    Loc loc = loc_of(p);
    KrAstSeq *patterns = &p->v.MatchSequence.patterns;
    int size = patterns->n, star = -1, only_wildcard = 1, star_wildcard = 0;
    for (int i = 0; i < size; i++) {
        KrAstNode *q = patterns->items[i];
        if (q->kind == KR_AST_MatchStar) {
            if (star >= 0) return cg_error(c, loc, "multiple starred names in sequence pattern");
            star_wildcard = WILDCARD_STAR_CHECK(q);
            only_wildcard &= star_wildcard;
            star = i;
            continue;
        }
        only_wildcard &= WILDCARD_CHECK(q);
    }
    pc->on_top++;
    EMIT(c, loc, MATCH_SEQUENCE, 0);
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, KR_OP_POP_JUMP_IF_FALSE));
    if (star < 0) {
        EMIT(c, loc, GET_LEN, 0);
        RETURN_IF_ERROR(load_int(c, loc, size));
        RETURN_IF_ERROR(cg_compare_op(c, loc, KR_CMPOP_EQ));
        RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, KR_OP_POP_JUMP_IF_FALSE));
    } else if (size != 1) {
        EMIT(c, loc, GET_LEN, 0);
        RETURN_IF_ERROR(load_int(c, loc, size - 1));
        RETURN_IF_ERROR(cg_compare_op(c, loc, KR_CMPOP_GTE));
        RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, KR_OP_POP_JUMP_IF_FALSE));
    }
    pc->on_top--;
    if (only_wildcard) return cg_emit(c, loc, KR_OP_POP_TOP, 0);
    if (star_wildcard) return sequence_subscr(c, loc, patterns, star, pc);
    return sequence_unpack(c, loc, patterns, pc);
}

/* ---- mapping patterns ---- */
static int pattern_mapping(Compiler *c, KrAstNode *p, PatternContext *pc) {
    Loc loc = loc_of(p);
    KrAstSeq *keys = &p->v.MatchMapping.keys, *patterns = &p->v.MatchMapping.patterns;
    int size = keys->n;
    if (size != patterns->n)
        return cg_error(c, loc, "keys (%d) / patterns (%d) length mismatch in mapping pattern",
                        size, patterns->n);
    const char *star_target = p->v.MatchMapping.rest;
    pc->on_top++;
    EMIT(c, loc, MATCH_MAPPING, 0);
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, KR_OP_POP_JUMP_IF_FALSE));
    if (!size && !star_target) {
        pc->on_top--;
        return cg_emit(c, loc, KR_OP_POP_TOP, 0);
    }
    if (size) {
        EMIT(c, loc, GET_LEN, 0);
        RETURN_IF_ERROR(load_int(c, loc, size));
        RETURN_IF_ERROR(cg_compare_op(c, loc, KR_CMPOP_GTE));
        RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, KR_OP_POP_JUMP_IF_FALSE));
    }
    /* literal keys must be unique (1, 1.0 and True are the same key) */
    KrObject **seen = kr_mem_calloc(size + 1, sizeof(KrObject *));
    if (!seen) return -1;
    int nseen = 0, r = 0;
    for (int i = 0; i < size && r == 0; i++) {
        KrAstNode *key = keys->items[i];
        if (!key) {
            r = cg_error(c, loc_of(patterns->items[i]),
                         "can't use NULL keys in MatchMapping (set 'rest' parameter instead)");
            break;
        }
        if (key->kind == KR_AST_Attribute) {
            r = cg_expr(c, key);
            continue;
        }
        if (!is_value_expr(key)) {
            r = cg_error(c, loc,
                         "mapping pattern keys may only match literals and attribute lookups");
            break;
        }
        KrObject *v = fold_value(c, key);
        if (!v) {
            r = -1;
            break;
        }
        for (int j = 0; j < nseen && r == 0; j++) {
            int eq = kr_object_richcompare_bool(seen[j], v, KR_EQ);
            if (eq < 0) {
                r = -1;
            } else if (eq) {
                KrObject *rep = kr_object_repr(v);
                if (!rep) {
                    r = -1;
                } else {
                    r = cg_error(c, loc, "mapping pattern checks duplicate key (%s)",
                                 kr_str_data(rep));
                    KR_DECREF(rep);
                }
            }
        }
        if (r == 0) {
            seen[nseen++] = v;
            r = cg_load_const(c, loc_of(key), v);
        } else {
            KR_DECREF(v);
        }
    }
    for (int j = 0; j < nseen; j++)
        KR_DECREF(seen[j]);
    kr_mem_free(seen);
    RETURN_IF_ERROR(r);
    EMIT(c, loc, BUILD_TUPLE, size);
    EMIT(c, loc, MATCH_KEYS, 0);
    /* a tuple of keys and a tuple of values (or None) sit on the subject */
    pc->on_top += 2;
    EMIT(c, loc, COPY, 1);
    RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    EMIT(c, loc, IS_OP, 1);
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, KR_OP_POP_JUMP_IF_FALSE));
    EMIT(c, loc, UNPACK_SEQUENCE, size);
    pc->on_top += size - 1;
    for (int i = 0; i < size; i++) {
        pc->on_top--;
        RETURN_IF_ERROR(subpattern(c, patterns->items[i], pc));
    }
    pc->on_top -= 2;
    if (star_target) {
        /* rest = dict(subject); del rest[k] for every key */
        EMIT(c, loc, BUILD_MAP, 0);
        EMIT(c, loc, SWAP, 3);
        EMIT(c, loc, DICT_UPDATE, 2);
        EMIT(c, loc, UNPACK_SEQUENCE, size);
        while (size) {
            EMIT(c, loc, COPY, 1 + size--);
            EMIT(c, loc, SWAP, 2);
            EMIT(c, loc, DELETE_SUBSCR, 0);
        }
        return store_name(c, loc, star_target, pc);
    }
    EMIT(c, loc, POP_TOP, 0); /* keys */
    EMIT(c, loc, POP_TOP, 0); /* subject */
    return 0;
}

/* ---- class patterns ---- */
static int pattern_class(Compiler *c, KrAstNode *p, PatternContext *pc) {
    Loc loc = loc_of(p);
    KrAstSeq *patterns = &p->v.MatchClass.patterns;
    KrAstIdentSeq *kwd_attrs = &p->v.MatchClass.kwd_attrs;
    KrAstSeq *kwd_patterns = &p->v.MatchClass.kwd_patterns;
    int nargs = patterns->n, nattrs = kwd_attrs->n;
    if (nattrs != kwd_patterns->n)
        return cg_error(c, loc,
                        "kwd_attrs (%d) / kwd_patterns (%d) length mismatch in class pattern",
                        nattrs, kwd_patterns->n);
    for (int i = 0; i < nattrs; i++) {
        const char *attr = kwd_attrs->items[i];
        if (strcmp(attr, "__debug__") == 0)
            return cg_error(c, loc_of(kwd_patterns->items[i]), "cannot assign to __debug__");
        for (int j = i + 1; j < nattrs; j++)
            if (strcmp(attr, kwd_attrs->items[j]) == 0)
                return cg_error(c, loc_of(kwd_patterns->items[j]),
                                "attribute name repeated in class pattern: %s", attr);
    }
    VISIT(c, p->v.MatchClass.cls);
    KrObject *names = kr_tuple_new(nattrs);
    if (!names) return -1;
    for (int i = 0; i < nattrs; i++) {
        KrObject *s = kr_str_from_cstr(kwd_attrs->items[i]);
        if (!s) {
            KR_DECREF(names);
            return -1;
        }
        KR_TUPLE_ITEM(names, i) = s;
    }
    RETURN_IF_ERROR(cg_load_const_steal(c, loc, names));
    EMIT(c, loc, MATCH_CLASS, nargs);
    EMIT(c, loc, COPY, 1);
    RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    EMIT(c, loc, IS_OP, 1);
    /* a tuple of nargs + nattrs attributes (or None) */
    pc->on_top++;
    RETURN_IF_ERROR(jump_to_fail_pop(c, loc, pc, KR_OP_POP_JUMP_IF_FALSE));
    EMIT(c, loc, UNPACK_SEQUENCE, nargs + nattrs);
    pc->on_top += nargs + nattrs - 1;
    for (int i = 0; i < nargs + nattrs; i++) {
        pc->on_top--;
        KrAstNode *q = i < nargs ? patterns->items[i] : kwd_patterns->items[i - nargs];
        if (WILDCARD_CHECK(q)) {
            EMIT(c, loc, POP_TOP, 0);
            continue;
        }
        RETURN_IF_ERROR(subpattern(c, q, pc));
    }
    return 0;
}

/* ---- or patterns ---- */
static int pattern_or(Compiler *c, KrAstNode *p, PatternContext *pc) {
    Loc loc = loc_of(p);
    NEW_BLOCK(c, end);
    int size = p->v.MatchOr.patterns.n;
    PatternContext old = *pc;
    NameList control = {0};
    int have_control = 0;
    int r = -1;
    Loc diff_loc = loc;
    pc->stores = (NameList){0};
    for (int i = 0; i < size; i++) {
        KrAstNode *alt = p->v.MatchOr.patterns.items[i];
        kr_mem_free(pc->stores.items);
        pc->stores = (NameList){0};
        pc->allow_irrefutable = (i == size - 1) && old.allow_irrefutable;
        pc->fail_pop = NULL;
        pc->fail_pop_size = 0;
        pc->on_top = 0;
        if (cg_emit(c, loc_of(alt), KR_OP_COPY, 1) < 0 || pattern(c, alt, pc) < 0) goto done;
        int nstores = pc->stores.n;
        if (!have_control) {
            if (names_copy(&control, &pc->stores) < 0) goto done;
            have_control = 1;
        } else if (nstores != control.n) {
            diff_loc = loc_of(alt);
            goto diff;
        } else if (nstores) {
            /* same names, maybe another order: rotate them into control's order */
            int icontrol = nstores;
            while (icontrol--) {
                const char *name = control.items[icontrol];
                int istores = names_index(&pc->stores, name);
                if (istores < 0) {
                    diff_loc = loc_of(alt);
                    goto diff;
                }
                if (icontrol != istores) {
                    int rotations = istores + 1;
                    /* stores = stores[rotations:icontrol+1-...]: move the first
                     * `rotations` names so they end right before index icontrol+1 */
                    const char **tmp = kr_mem_malloc(sizeof(char *) * rotations);
                    if (!tmp) goto done;
                    memcpy(tmp, pc->stores.items, sizeof(char *) * rotations);
                    memmove(pc->stores.items, pc->stores.items + rotations,
                            sizeof(char *) * (pc->stores.n - rotations));
                    int at = icontrol - istores;
                    memmove(pc->stores.items + at + rotations, pc->stores.items + at,
                            sizeof(char *) * (pc->stores.n - rotations - at));
                    memcpy(pc->stores.items + at, tmp, sizeof(char *) * rotations);
                    kr_mem_free(tmp);
                    while (rotations--)
                        if (rotate(c, loc_of(alt), icontrol + 1) < 0) goto done;
                }
            }
        }
        if (cg_emit_jump(c, loc_of(alt), OP_JUMP, end) < 0 ||
            emit_and_reset_fail_pop(c, loc_of(alt), pc) < 0)
            goto done;
    }
    kr_mem_free(pc->stores.items);
    *pc = old;
    old.stores.items = NULL;
    /* no alternative matched: pop the remaining copy of the subject and fail */
    if (cg_emit(c, loc, KR_OP_POP_TOP, 0) < 0 || jump_to_fail_pop(c, loc, pc, OP_JUMP) < 0)
        goto done_restored;
    USE_BLOCK(c, end);
    {
        int nstores = control.n;
        int nrots = nstores + 1 + pc->on_top + pc->stores.n;
        for (int i = 0; i < nstores; i++) {
            if (rotate(c, loc, nrots) < 0) goto done_restored;
            const char *name = control.items[i];
            if (names_index(&pc->stores, name) >= 0) {
                cg_error(c, loc, "multiple assignments to name '%s' in pattern", name);
                goto done_restored;
            }
            if (names_append(&pc->stores, name) < 0) goto done_restored;
        }
    }
    kr_mem_free(control.items);
    return cg_emit(c, loc, KR_OP_POP_TOP, 0);
diff:
    cg_error(c, diff_loc, "alternative patterns bind different names");
done:
    kr_mem_free(pc->fail_pop);
    kr_mem_free(pc->stores.items);
    *pc = old;
    kr_mem_free(control.items);
    return r;
done_restored:
    kr_mem_free(control.items);
    return -1;
}

static int pattern(Compiler *c, KrAstNode *p, PatternContext *pc) {
    switch (p->kind) {
    case KR_AST_MatchValue:
        return pattern_value(c, p, pc);
    case KR_AST_MatchSingleton:
        return pattern_singleton(c, p, pc);
    case KR_AST_MatchSequence:
        return pattern_sequence(c, p, pc);
    case KR_AST_MatchMapping:
        return pattern_mapping(c, p, pc);
    case KR_AST_MatchClass:
        return pattern_class(c, p, pc);
    case KR_AST_MatchStar:
        return store_name(c, loc_of(p), p->v.MatchStar.name, pc);
    case KR_AST_MatchAs:
        return pattern_as(c, p, pc);
    case KR_AST_MatchOr:
        return pattern_or(c, p, pc);
    default:
        kr_err_set_string(kr_exc_SystemError, "compiler: unexpected pattern kind");
        return -1;
    }
}

int cg_match(Compiler *c, KrAstNode *s) {
    VISIT(c, s->v.Match.subject);
    NEW_BLOCK(c, end);
    int cases = s->v.Match.cases.n;
    KrAstNode *m = s->v.Match.cases.items[cases - 1];
    int has_default = WILDCARD_CHECK(m->v.match_case.pattern) && 1 < cases;
    PatternContext pc;
    memset(&pc, 0, sizeof pc);
    for (int i = 0; i < cases - has_default; i++) {
        m = s->v.Match.cases.items[i];
        KrAstNode *pat = m->v.match_case.pattern;
        Loc ploc = loc_of(pat);
        /* copy the subject unless this is the last case */
        if (i != cases - has_default - 1) EMIT(c, ploc, COPY, 1);
        pc.stores = (NameList){0};
        pc.allow_irrefutable = m->v.match_case.guard != NULL || i == cases - 1;
        pc.fail_pop = NULL;
        pc.fail_pop_size = 0;
        pc.on_top = 0;
        int r = pattern(c, pat, &pc);
        /* it's a match: store the captured names (they are on the stack) */
        for (int n = 0; r == 0 && n < pc.stores.n; n++)
            r = cg_nameop(c, ploc, pc.stores.items[n], KR_CTX_STORE);
        kr_mem_free(pc.stores.items);
        pc.stores = (NameList){0};
        if (r < 0) {
            kr_mem_free(pc.fail_pop);
            return -1;
        }
        if (m->v.match_case.guard) {
            if (ensure_fail_pop(c, &pc, 0) < 0 ||
                cg_jump_if(c, ploc, m->v.match_case.guard, pc.fail_pop[0], 0) < 0) {
                kr_mem_free(pc.fail_pop);
                return -1;
            }
        }
        if (i != cases - has_default - 1) EMIT(c, ploc, POP_TOP, 0);
        if (cg_stmts(c, &m->v.match_case.body) < 0 || cg_emit_jump(c, NO_LOC, OP_JUMP, end) < 0) {
            kr_mem_free(pc.fail_pop);
            return -1;
        }
        RETURN_IF_ERROR(emit_and_reset_fail_pop(c, ploc, &pc));
    }
    if (has_default) {
        m = s->v.Match.cases.items[cases - 1];
        Loc ploc = loc_of(m->v.match_case.pattern);
        if (cases == 1) {
            EMIT(c, ploc, POP_TOP, 0);
        } else {
            EMIT(c, ploc, NOP, 0);
        }
        if (m->v.match_case.guard)
            RETURN_IF_ERROR(cg_jump_if(c, ploc, m->v.match_case.guard, end, 0));
        RETURN_IF_ERROR(cg_stmts(c, &m->v.match_case.body));
    }
    USE_BLOCK(c, end);
    return 0;
}
