/* compile_flow.c - control flow statements: for / async for / while loops,
 * try/except/else/finally, except*, with / async with, and return / break /
 * continue, which unwind the enclosing frame blocks (duplicating finally bodies
 * and calling __exit__ on the way out, as CPython does). */
#include "cinternal.h"

/* ======================================================================
 * Unwinding
 * ==================================================================== */
static int pop_except_and_reraise(Compiler *c, Loc loc) {
    /* stack: [prev_exc, lasti, exc] */
    EMIT(c, loc, COPY, 3);
    EMIT(c, loc, POP_EXCEPT, 0);
    EMIT(c, loc, RERAISE, 1);
    return 0;
}

static int unwind_fblock(Compiler *c, Loc *loc, FBlock *info, int preserve_tos) {
    switch (info->type) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
    case FB_EXCEPTION_GROUP_HANDLER:
    case FB_ASYNC_COMPREHENSION_GENERATOR:
    case FB_STOP_ITERATION:
        return 0;
    case FB_FOR_LOOP:
        /* pop the iterator */
        if (preserve_tos) EMIT(c, *loc, SWAP, 2);
        EMIT(c, *loc, POP_TOP, 0);
        return 0;
    case FB_TRY_EXCEPT:
        return cg_emit(c, *loc, OP_POP_BLOCK, 0);
    case FB_FINALLY_TRY:
        /* this POP_BLOCK gets the line number of the unwinding statement */
        RETURN_IF_ERROR(cg_emit(c, *loc, OP_POP_BLOCK, 0));
        if (preserve_tos) RETURN_IF_ERROR(cg_push_fblock(c, *loc, FB_POP_VALUE, NULL, NULL, NULL));
        RETURN_IF_ERROR(cg_stmts(c, (KrAstSeq *)info->datum));
        if (preserve_tos) cg_pop_fblock(c);
        /* the finally body seems to run after the unwinding statement */
        *loc = NO_LOC;
        return 0;
    case FB_FINALLY_END:
        if (preserve_tos) EMIT(c, *loc, SWAP, 2);
        EMIT(c, *loc, POP_TOP, 0); /* exc_value */
        if (preserve_tos) EMIT(c, *loc, SWAP, 2);
        RETURN_IF_ERROR(cg_emit(c, *loc, OP_POP_BLOCK, 0));
        EMIT(c, *loc, POP_EXCEPT, 0);
        return 0;
    case FB_WITH:
    case FB_ASYNC_WITH:
        *loc = loc_of((const KrAstNode *)info->datum);
        RETURN_IF_ERROR(cg_emit(c, *loc, OP_POP_BLOCK, 0));
        if (preserve_tos) EMIT(c, *loc, SWAP, 2);
        RETURN_IF_ERROR(cg_call_exit_with_nones(c, *loc));
        if (info->type == FB_ASYNC_WITH) {
            EMIT(c, *loc, GET_AWAITABLE, 2);
            RETURN_IF_ERROR(cg_load_const(c, *loc, kr_none));
            RETURN_IF_ERROR(cg_add_yield_from(c, *loc, 1));
        }
        EMIT(c, *loc, POP_TOP, 0);
        *loc = NO_LOC;
        return 0;
    case FB_HANDLER_CLEANUP:
        if (info->datum) RETURN_IF_ERROR(cg_emit(c, *loc, OP_POP_BLOCK, 0));
        if (preserve_tos) EMIT(c, *loc, SWAP, 2);
        RETURN_IF_ERROR(cg_emit(c, *loc, OP_POP_BLOCK, 0));
        EMIT(c, *loc, POP_EXCEPT, 0);
        if (info->datum) {
            RETURN_IF_ERROR(cg_load_const(c, *loc, kr_none));
            RETURN_IF_ERROR(cg_nameop(c, *loc, (const char *)info->datum, KR_CTX_STORE));
            RETURN_IF_ERROR(cg_nameop(c, *loc, (const char *)info->datum, KR_CTX_DEL));
        }
        return 0;
    case FB_POP_VALUE:
        if (preserve_tos) EMIT(c, *loc, SWAP, 2);
        EMIT(c, *loc, POP_TOP, 0);
        return 0;
    }
    return 0;
}

/* Unwinds every frame block (up to the innermost loop when `loop` is given). */
int cg_unwind_fblock_stack(Compiler *c, Loc *loc, int preserve_tos, FBlock **loop) {
    Unit *u = c->u;
    if (u->nfblocks == 0) return 0;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (top->type == FB_EXCEPTION_GROUP_HANDLER)
        return cg_error(c, *loc,
                        "'break', 'continue' and 'return' cannot appear in an except* block");
    if (loop && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    FBlock copy = *top;
    u->nfblocks--;
    int r = unwind_fblock(c, loc, &copy, preserve_tos);
    if (r == 0) r = cg_unwind_fblock_stack(c, loc, preserve_tos, loop);
    u->fblocks[u->nfblocks] = copy;
    u->nfblocks++;
    return r;
}

int cg_return(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    KrAstNode *value = s->v.Return.value;
    int preserve_tos = value && value->kind != KR_AST_Constant;
    if (!kr_symtable_is_function_like(c->u->ste))
        return cg_error(c, loc, "'return' outside function");
    if (value && c->u->ste->coroutine && c->u->ste->generator)
        return cg_error(c, loc, "'return' with value in async generator");
    if (preserve_tos) {
        VISIT(c, value);
    } else if (value) {
        EMIT(c, loc_of(value), NOP, 0);
    }
    if (!value || value->lineno != s->lineno) EMIT(c, loc, NOP, 0);
    RETURN_IF_ERROR(cg_unwind_fblock_stack(c, &loc, preserve_tos, NULL));
    if (!value) {
        RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    } else if (!preserve_tos) {
        RETURN_IF_ERROR(cg_load_const_steal(c, loc, cg_const_from_ast(&value->v.Constant.value)));
    }
    return cg_emit(c, loc, KR_OP_RETURN_VALUE, 0);
}

int cg_break(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s), origin = loc;
    FBlock *loop = NULL;
    EMIT(c, loc, NOP, 0);
    RETURN_IF_ERROR(cg_unwind_fblock_stack(c, &loc, 0, &loop));
    if (!loop) return cg_error(c, origin, "'break' outside loop");
    RETURN_IF_ERROR(unwind_fblock(c, &loc, loop, 0));
    return cg_emit_jump(c, loc, OP_JUMP, loop->exit);
}

int cg_continue(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s), origin = loc;
    FBlock *loop = NULL;
    EMIT(c, loc, NOP, 0);
    RETURN_IF_ERROR(cg_unwind_fblock_stack(c, &loc, 0, &loop));
    if (!loop) return cg_error(c, origin, "'continue' not properly in loop");
    return cg_emit_jump(c, loc, OP_JUMP, loop->block);
}

/* ======================================================================
 * Loops
 * ==================================================================== */
int cg_for(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    NEW_BLOCK(c, start);
    NEW_BLOCK(c, body);
    NEW_BLOCK(c, cleanup);
    NEW_BLOCK(c, end);
    RETURN_IF_ERROR(cg_push_fblock(c, loc, FB_FOR_LOOP, start, end, NULL));
    VISIT(c, s->v.For.iter);
    EMIT(c, loc, GET_ITER, 0);
    USE_BLOCK(c, start);
    EMIT_JUMP(c, loc, KR_OP_FOR_ITER, cleanup);
    USE_BLOCK(c, body);
    VISIT(c, s->v.For.target);
    RETURN_IF_ERROR(cg_stmts(c, &s->v.For.body));
    EMIT_JUMP(c, NO_LOC, OP_JUMP, start);
    USE_BLOCK(c, cleanup);
    cg_pop_fblock(c);
    RETURN_IF_ERROR(cg_stmts(c, &s->v.For.orelse));
    USE_BLOCK(c, end);
    return 0;
}

static int check_async_allowed(Compiler *c, Loc loc, const char *what) {
    if ((c->flags & KR_CF_ALLOW_TOP_LEVEL_AWAIT) && c->u->ste->type == KR_BLOCK_MODULE) {
        c->u->ste->coroutine = 1;
        return 0;
    }
    if (c->u->scope_type != SCOPE_ASYNC_FUNCTION)
        return cg_error(c, loc, "'%s' outside async function", what);
    return 0;
}

int cg_async_for(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    RETURN_IF_ERROR(check_async_allowed(c, loc, "async for"));
    NEW_BLOCK(c, start);
    NEW_BLOCK(c, except);
    NEW_BLOCK(c, end);
    VISIT(c, s->v.AsyncFor.iter);
    EMIT(c, loc, GET_AITER, 0);
    USE_BLOCK(c, start);
    RETURN_IF_ERROR(cg_push_fblock(c, loc, FB_FOR_LOOP, start, end, NULL));
    /* SETUP_FINALLY guards the __anext__ call */
    EMIT_JUMP(c, loc, OP_SETUP_FINALLY, except);
    EMIT(c, loc, GET_ANEXT, 0);
    RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    RETURN_IF_ERROR(cg_add_yield_from(c, loc, 1));
    RETURN_IF_ERROR(cg_emit(c, loc, OP_POP_BLOCK, 0));
    VISIT(c, s->v.AsyncFor.target);
    RETURN_IF_ERROR(cg_stmts(c, &s->v.AsyncFor.body));
    EMIT_JUMP(c, NO_LOC, OP_JUMP, start);
    cg_pop_fblock(c);
    USE_BLOCK(c, except);
    /* END_ASYNC_FOR belongs to the `for`, not to the body */
    EMIT(c, loc_of(s->v.AsyncFor.iter), END_ASYNC_FOR, 0);
    RETURN_IF_ERROR(cg_stmts(c, &s->v.AsyncFor.orelse));
    USE_BLOCK(c, end);
    return 0;
}

int cg_while(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    NEW_BLOCK(c, loop);
    NEW_BLOCK(c, body);
    NEW_BLOCK(c, anchor);
    NEW_BLOCK(c, end);
    USE_BLOCK(c, loop);
    RETURN_IF_ERROR(cg_push_fblock(c, loc, FB_WHILE_LOOP, loop, end, NULL));
    RETURN_IF_ERROR(cg_jump_if(c, loc, s->v.While.test, anchor, 0));
    USE_BLOCK(c, body);
    RETURN_IF_ERROR(cg_stmts(c, &s->v.While.body));
    /* 3.11 re-tests the condition at the bottom, so the back edge has the `while`
     * statement's position (seen in KeyboardInterrupt tracebacks) */
    EMIT_JUMP(c, loc, OP_JUMP, loop);
    cg_pop_fblock(c);
    USE_BLOCK(c, anchor);
    RETURN_IF_ERROR(cg_stmts(c, &s->v.While.orelse));
    USE_BLOCK(c, end);
    return 0;
}

/* ======================================================================
 * try
 * ==================================================================== */
static int try_except(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    NEW_BLOCK(c, body);
    NEW_BLOCK(c, except);
    NEW_BLOCK(c, end);
    NEW_BLOCK(c, cleanup);
    EMIT_JUMP(c, loc, OP_SETUP_FINALLY, except);
    USE_BLOCK(c, body);
    RETURN_IF_ERROR(cg_push_fblock(c, loc, FB_TRY_EXCEPT, body, NULL, NULL));
    RETURN_IF_ERROR(cg_stmts(c, &s->v.Try.body));
    cg_pop_fblock(c);
    RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
    RETURN_IF_ERROR(cg_stmts(c, &s->v.Try.orelse));
    EMIT_JUMP(c, NO_LOC, OP_JUMP, end);
    int n = s->v.Try.handlers.n;
    USE_BLOCK(c, except);
    EMIT_JUMP(c, NO_LOC, OP_SETUP_CLEANUP, cleanup);
    EMIT(c, NO_LOC, PUSH_EXC_INFO, 0);
    /* the runtime pushed a block here */
    RETURN_IF_ERROR(cg_push_fblock(c, loc, FB_EXCEPTION_HANDLER, NULL, NULL, NULL));
    for (int i = 0; i < n; i++) {
        KrAstNode *h = s->v.Try.handlers.items[i];
        Loc hloc = loc_of(h);
        if (!h->v.ExceptHandler.type && i < n - 1)
            return cg_error(c, hloc, "default 'except:' must be last");
        NEW_BLOCK(c, next_except);
        except = next_except;
        if (h->v.ExceptHandler.type) {
            VISIT(c, h->v.ExceptHandler.type);
            EMIT(c, hloc, CHECK_EXC_MATCH, 0);
            EMIT_JUMP(c, hloc, KR_OP_POP_JUMP_IF_FALSE, except);
        }
        const char *name = h->v.ExceptHandler.name;
        if (name) {
            NEW_BLOCK(c, cleanup_end);
            NEW_BLOCK(c, cleanup_body);
            RETURN_IF_ERROR(cg_nameop(c, hloc, name, KR_CTX_STORE));
            /* try: body  finally: name = None; del name */
            EMIT_JUMP(c, hloc, OP_SETUP_CLEANUP, cleanup_end);
            USE_BLOCK(c, cleanup_body);
            RETURN_IF_ERROR(cg_push_fblock(c, hloc, FB_HANDLER_CLEANUP, cleanup_body, NULL, name));
            RETURN_IF_ERROR(cg_stmts(c, &h->v.ExceptHandler.body));
            cg_pop_fblock(c);
            RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
            RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
            EMIT(c, NO_LOC, POP_EXCEPT, 0);
            RETURN_IF_ERROR(cg_load_const(c, NO_LOC, kr_none));
            RETURN_IF_ERROR(cg_nameop(c, NO_LOC, name, KR_CTX_STORE));
            RETURN_IF_ERROR(cg_nameop(c, NO_LOC, name, KR_CTX_DEL));
            EMIT_JUMP(c, NO_LOC, OP_JUMP, end);
            USE_BLOCK(c, cleanup_end);
            RETURN_IF_ERROR(cg_load_const(c, NO_LOC, kr_none));
            RETURN_IF_ERROR(cg_nameop(c, NO_LOC, name, KR_CTX_STORE));
            RETURN_IF_ERROR(cg_nameop(c, NO_LOC, name, KR_CTX_DEL));
            EMIT(c, NO_LOC, RERAISE, 1);
        } else {
            NEW_BLOCK(c, cleanup_body);
            EMIT(c, hloc, POP_TOP, 0); /* exc_value */
            USE_BLOCK(c, cleanup_body);
            RETURN_IF_ERROR(cg_push_fblock(c, hloc, FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL));
            RETURN_IF_ERROR(cg_stmts(c, &h->v.ExceptHandler.body));
            cg_pop_fblock(c);
            RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
            EMIT(c, NO_LOC, POP_EXCEPT, 0);
            EMIT_JUMP(c, NO_LOC, OP_JUMP, end);
        }
        USE_BLOCK(c, except);
    }
    cg_pop_fblock(c);
    EMIT(c, NO_LOC, RERAISE, 0);
    USE_BLOCK(c, cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c, NO_LOC));
    USE_BLOCK(c, end);
    return 0;
}

static int try_finally(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    NEW_BLOCK(c, body);
    NEW_BLOCK(c, end);
    NEW_BLOCK(c, exit);
    NEW_BLOCK(c, cleanup);
    EMIT_JUMP(c, loc, OP_SETUP_FINALLY, end);
    USE_BLOCK(c, body);
    RETURN_IF_ERROR(cg_push_fblock(c, loc, FB_FINALLY_TRY, body, end, &s->v.Try.finalbody));
    if (s->v.Try.handlers.n) {
        RETURN_IF_ERROR(try_except(c, s));
    } else {
        RETURN_IF_ERROR(cg_stmts(c, &s->v.Try.body));
    }
    RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
    cg_pop_fblock(c);
    RETURN_IF_ERROR(cg_stmts(c, &s->v.Try.finalbody));
    EMIT_JUMP(c, NO_LOC, OP_JUMP, exit);
    /* the finally block for the exceptional path */
    USE_BLOCK(c, end);
    EMIT_JUMP(c, NO_LOC, OP_SETUP_CLEANUP, cleanup);
    EMIT(c, NO_LOC, PUSH_EXC_INFO, 0);
    RETURN_IF_ERROR(cg_push_fblock(c, NO_LOC, FB_FINALLY_END, end, NULL, NULL));
    RETURN_IF_ERROR(cg_stmts(c, &s->v.Try.finalbody));
    cg_pop_fblock(c);
    EMIT(c, NO_LOC, RERAISE, 0);
    USE_BLOCK(c, cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c, NO_LOC));
    USE_BLOCK(c, exit);
    return 0;
}

int cg_try(Compiler *c, KrAstNode *s) {
    if (s->v.Try.finalbody.n) return try_finally(c, s);
    return try_except(c, s);
}

static int try_star_except(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    NEW_BLOCK(c, body);
    NEW_BLOCK(c, except);
    NEW_BLOCK(c, orelse);
    NEW_BLOCK(c, end);
    NEW_BLOCK(c, cleanup);
    NEW_BLOCK(c, reraise_star);
    EMIT_JUMP(c, loc, OP_SETUP_FINALLY, except);
    USE_BLOCK(c, body);
    RETURN_IF_ERROR(cg_push_fblock(c, loc, FB_TRY_EXCEPT, body, NULL, NULL));
    RETURN_IF_ERROR(cg_stmts(c, &s->v.TryStar.body));
    cg_pop_fblock(c);
    RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
    EMIT_JUMP(c, NO_LOC, OP_JUMP, orelse);
    int n = s->v.TryStar.handlers.n;
    USE_BLOCK(c, except);
    EMIT_JUMP(c, NO_LOC, OP_SETUP_CLEANUP, cleanup);
    EMIT(c, NO_LOC, PUSH_EXC_INFO, 0);
    RETURN_IF_ERROR(
        cg_push_fblock(c, loc, FB_EXCEPTION_GROUP_HANDLER, NULL, NULL, "except handler"));
    for (int i = 0; i < n; i++) {
        KrAstNode *h = s->v.TryStar.handlers.items[i];
        Loc hloc = loc_of(h);
        const char *name = h->v.ExceptHandler.name;
        NEW_BLOCK(c, next_except);
        except = next_except;
        NEW_BLOCK(c, except_with_error);
        NEW_BLOCK(c, no_match);
        if (i == 0) {
            /* [orig] -> [orig, [], exc]: a list of raised/reraised exceptions and a copy */
            EMIT(c, hloc, BUILD_LIST, 0);
            EMIT(c, hloc, COPY, 2);
        }
        if (h->v.ExceptHandler.type) {
            VISIT(c, h->v.ExceptHandler.type);
            EMIT(c, hloc, CHECK_EG_MATCH, 0);
            EMIT(c, hloc, COPY, 1);
            EMIT_JUMP(c, hloc, KR_OP_POP_JUMP_IF_NONE, no_match);
        }
        NEW_BLOCK(c, cleanup_end);
        NEW_BLOCK(c, cleanup_body);
        if (name) {
            RETURN_IF_ERROR(cg_nameop(c, hloc, name, KR_CTX_STORE));
        } else {
            EMIT(c, hloc, POP_TOP, 0); /* match */
        }
        EMIT_JUMP(c, hloc, OP_SETUP_CLEANUP, cleanup_end);
        USE_BLOCK(c, cleanup_body);
        RETURN_IF_ERROR(cg_push_fblock(c, hloc, FB_HANDLER_CLEANUP, cleanup_body, NULL, name));
        RETURN_IF_ERROR(cg_stmts(c, &h->v.ExceptHandler.body));
        cg_pop_fblock(c);
        RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
        if (name) {
            RETURN_IF_ERROR(cg_load_const(c, NO_LOC, kr_none));
            RETURN_IF_ERROR(cg_nameop(c, NO_LOC, name, KR_CTX_STORE));
            RETURN_IF_ERROR(cg_nameop(c, NO_LOC, name, KR_CTX_DEL));
        }
        EMIT_JUMP(c, NO_LOC, OP_JUMP, except);
        USE_BLOCK(c, cleanup_end);
        if (name) {
            RETURN_IF_ERROR(cg_load_const(c, NO_LOC, kr_none));
            RETURN_IF_ERROR(cg_nameop(c, NO_LOC, name, KR_CTX_STORE));
            RETURN_IF_ERROR(cg_nameop(c, NO_LOC, name, KR_CTX_DEL));
        }
        /* add the exception raised in the handler to the list */
        EMIT(c, NO_LOC, LIST_APPEND, 3);
        EMIT(c, NO_LOC, POP_TOP, 0); /* lasti */
        EMIT_JUMP(c, NO_LOC, OP_JUMP, except_with_error);
        USE_BLOCK(c, except);
        EMIT(c, NO_LOC, NOP, 0);
        EMIT_JUMP(c, NO_LOC, OP_JUMP, except_with_error);
        USE_BLOCK(c, no_match);
        EMIT(c, hloc, POP_TOP, 0); /* match (None) */
        USE_BLOCK(c, except_with_error);
        if (i == n - 1) {
            /* add exc to the list: if not None it is the unhandled part of the group */
            EMIT(c, NO_LOC, LIST_APPEND, 1);
            EMIT_JUMP(c, NO_LOC, OP_JUMP, reraise_star);
        }
    }
    cg_pop_fblock(c);
    NEW_BLOCK(c, reraise);
    USE_BLOCK(c, reraise_star);
    EMIT(c, NO_LOC, CALL_INTRINSIC_2, KR_INTRINSIC2_PREP_RERAISE_STAR);
    EMIT(c, NO_LOC, COPY, 1);
    EMIT_JUMP(c, NO_LOC, KR_OP_POP_JUMP_IF_NOT_NONE, reraise);
    /* nothing to reraise */
    EMIT(c, NO_LOC, POP_TOP, 0);
    RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
    EMIT(c, NO_LOC, POP_EXCEPT, 0);
    EMIT_JUMP(c, NO_LOC, OP_JUMP, end);
    USE_BLOCK(c, reraise);
    RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
    EMIT(c, NO_LOC, SWAP, 2);
    EMIT(c, NO_LOC, POP_EXCEPT, 0);
    EMIT(c, NO_LOC, RERAISE, 0);
    USE_BLOCK(c, cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c, NO_LOC));
    USE_BLOCK(c, orelse);
    RETURN_IF_ERROR(cg_stmts(c, &s->v.TryStar.orelse));
    USE_BLOCK(c, end);
    return 0;
}

static int try_star_finally(Compiler *c, KrAstNode *s) {
    Loc loc = loc_of(s);
    NEW_BLOCK(c, body);
    NEW_BLOCK(c, end);
    NEW_BLOCK(c, exit);
    NEW_BLOCK(c, cleanup);
    EMIT_JUMP(c, loc, OP_SETUP_FINALLY, end);
    USE_BLOCK(c, body);
    RETURN_IF_ERROR(cg_push_fblock(c, loc, FB_FINALLY_TRY, body, end, &s->v.TryStar.finalbody));
    if (s->v.TryStar.handlers.n) {
        RETURN_IF_ERROR(try_star_except(c, s));
    } else {
        RETURN_IF_ERROR(cg_stmts(c, &s->v.TryStar.body));
    }
    RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
    cg_pop_fblock(c);
    RETURN_IF_ERROR(cg_stmts(c, &s->v.TryStar.finalbody));
    EMIT_JUMP(c, NO_LOC, OP_JUMP, exit);
    USE_BLOCK(c, end);
    EMIT_JUMP(c, NO_LOC, OP_SETUP_CLEANUP, cleanup);
    EMIT(c, NO_LOC, PUSH_EXC_INFO, 0);
    RETURN_IF_ERROR(cg_push_fblock(c, NO_LOC, FB_FINALLY_END, end, NULL, NULL));
    RETURN_IF_ERROR(cg_stmts(c, &s->v.TryStar.finalbody));
    cg_pop_fblock(c);
    EMIT(c, NO_LOC, RERAISE, 0);
    USE_BLOCK(c, cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c, NO_LOC));
    USE_BLOCK(c, exit);
    return 0;
}

int cg_try_star(Compiler *c, KrAstNode *s) {
    if (s->v.TryStar.finalbody.n) return try_star_finally(c, s);
    return try_star_except(c, s);
}

/* ======================================================================
 * with
 * ==================================================================== */
/* After WITH_EXCEPT_START (and its await): suppress the exception or re-raise. */
static int with_except_finish(Compiler *c, Block *cleanup) {
    NEW_BLOCK(c, suppress);
    NEW_BLOCK(c, exit);
    EMIT_JUMP(c, NO_LOC, KR_OP_POP_JUMP_IF_TRUE, suppress);
    EMIT(c, NO_LOC, RERAISE, 2);
    USE_BLOCK(c, suppress);
    EMIT(c, NO_LOC, POP_TOP, 0); /* exc_value */
    RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
    EMIT(c, NO_LOC, POP_EXCEPT, 0);
    EMIT(c, NO_LOC, POP_TOP, 0);
    EMIT(c, NO_LOC, POP_TOP, 0);
    EMIT_JUMP(c, NO_LOC, OP_JUMP, exit);
    USE_BLOCK(c, cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c, NO_LOC));
    USE_BLOCK(c, exit);
    return 0;
}

int cg_with(Compiler *c, KrAstNode *s, int pos) {
    KrAstNode *item = s->v.With.items.items[pos];
    NEW_BLOCK(c, block);
    NEW_BLOCK(c, final);
    NEW_BLOCK(c, exit);
    NEW_BLOCK(c, cleanup);
    VISIT(c, item->v.withitem.context_expr);
    Loc loc = loc_of(s);
    EMIT(c, loc, BEFORE_WITH, 0);
    EMIT_JUMP(c, loc, OP_SETUP_WITH, final);
    USE_BLOCK(c, block);
    RETURN_IF_ERROR(cg_push_fblock(c, loc, FB_WITH, block, final, s));
    if (item->v.withitem.optional_vars) {
        VISIT(c, item->v.withitem.optional_vars);
    } else {
        EMIT(c, loc, POP_TOP, 0); /* the __enter__ result */
    }
    pos++;
    if (pos == s->v.With.items.n) {
        RETURN_IF_ERROR(cg_stmts(c, &s->v.With.body));
    } else {
        RETURN_IF_ERROR(cg_with(c, s, pos));
    }
    RETURN_IF_ERROR(cg_emit(c, NO_LOC, OP_POP_BLOCK, 0));
    cg_pop_fblock(c);
    /* success: __exit__(None, None, None) */
    RETURN_IF_ERROR(cg_call_exit_with_nones(c, loc));
    EMIT(c, loc, POP_TOP, 0);
    EMIT_JUMP(c, loc, OP_JUMP, exit);
    /* exception */
    USE_BLOCK(c, final);
    EMIT_JUMP(c, loc, OP_SETUP_CLEANUP, cleanup);
    EMIT(c, loc, PUSH_EXC_INFO, 0);
    EMIT(c, loc, WITH_EXCEPT_START, 0);
    RETURN_IF_ERROR(with_except_finish(c, cleanup));
    USE_BLOCK(c, exit);
    return 0;
}

int cg_async_with(Compiler *c, KrAstNode *s, int pos) {
    KrAstNode *item = s->v.AsyncWith.items.items[pos];
    Loc loc = loc_of(s);
    RETURN_IF_ERROR(check_async_allowed(c, loc, "async with"));
    NEW_BLOCK(c, block);
    NEW_BLOCK(c, final);
    NEW_BLOCK(c, exit);
    NEW_BLOCK(c, cleanup);
    VISIT(c, item->v.withitem.context_expr);
    EMIT(c, loc, BEFORE_ASYNC_WITH, 0);
    EMIT(c, loc, GET_AWAITABLE, 1);
    RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    RETURN_IF_ERROR(cg_add_yield_from(c, loc, 1));
    EMIT_JUMP(c, loc, OP_SETUP_WITH, final);
    USE_BLOCK(c, block);
    RETURN_IF_ERROR(cg_push_fblock(c, loc, FB_ASYNC_WITH, block, final, s));
    if (item->v.withitem.optional_vars) {
        VISIT(c, item->v.withitem.optional_vars);
    } else {
        EMIT(c, loc, POP_TOP, 0);
    }
    pos++;
    if (pos == s->v.AsyncWith.items.n) {
        RETURN_IF_ERROR(cg_stmts(c, &s->v.AsyncWith.body));
    } else {
        RETURN_IF_ERROR(cg_async_with(c, s, pos));
    }
    cg_pop_fblock(c);
    RETURN_IF_ERROR(cg_emit(c, loc, OP_POP_BLOCK, 0));
    RETURN_IF_ERROR(cg_call_exit_with_nones(c, loc));
    EMIT(c, loc, GET_AWAITABLE, 2);
    RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    RETURN_IF_ERROR(cg_add_yield_from(c, loc, 1));
    EMIT(c, loc, POP_TOP, 0);
    EMIT_JUMP(c, loc, OP_JUMP, exit);
    USE_BLOCK(c, final);
    EMIT_JUMP(c, loc, OP_SETUP_CLEANUP, cleanup);
    EMIT(c, loc, PUSH_EXC_INFO, 0);
    EMIT(c, loc, WITH_EXCEPT_START, 0);
    EMIT(c, loc, GET_AWAITABLE, 2);
    RETURN_IF_ERROR(cg_load_const(c, loc, kr_none));
    RETURN_IF_ERROR(cg_add_yield_from(c, loc, 1));
    RETURN_IF_ERROR(with_except_finish(c, cleanup));
    USE_BLOCK(c, exit);
    return 0;
}
