/* trace.c - sys.settrace / sys.setprofile: the events of CPython's tracing protocol
 * ('call', 'line', 'return', 'exception', 'opcode'; 'c_call', 'c_return',
 * 'c_exception' for profilers), delivered from the interpreter's instrumented
 * dispatch mode. Line events follow CPython 3.11's rule: an instruction that starts
 * a new line, or any backward jump that lands on a traced line. */
#include "ceval_internal.h"
#include "specialize.h"

_Thread_local KrTraceState kr_trace_state;

enum { EV_CALL, EV_EXCEPTION, EV_LINE, EV_RETURN, EV_C_CALL, EV_C_EXCEPTION, EV_C_RETURN,
       EV_OPCODE };
static const char *const event_names[] = {"call",   "exception",   "line",     "return",
                                          "c_call", "c_exception", "c_return", "opcode"};

static KrObject *event_str(int ev) { return kr_ceval_str(event_names[ev]); }

static void update_active(KrThreadState *ts) {
    kr_trace_state.active = kr_trace_state.trace_func || kr_trace_state.profile_func;
    /* every running loop re-chooses its dispatch table at its next breaker check */
    atomic_fetch_or(&ts->eval_breaker, KR_EVAL_TRACE);
}

/* Calls fn(frame, event, arg) with events off; new reference or NULL. */
static KrObject *call_tracer(KrObject *fn, KrFrame *f, int ev, KrObject *arg) {
    KrObject *fo = kr_frame_get_object(f);
    if (!fo) return NULL;
    KrObject *args[3] = {fo, event_str(ev), arg ? arg : kr_none};
    kr_trace_state.tracing++;
    KrObject *r = kr_vectorcall(fn, args, 3, NULL);
    kr_trace_state.tracing--;
    KR_DECREF(fo);
    return r;
}

/* The settrace side: 'call' goes to the global function, whose result becomes the
 * frame's local trace function; other events go to f_trace, and a non-None result
 * replaces it. An error disables tracing (as CPython does). */
static int trace_event(KrThreadState *ts, KrFrame *f, int ev, KrObject *arg) {
    KrObject *fn;
    KrFrameObject *fo = (KrFrameObject *)f->frame_obj;
    if (ev == EV_CALL)
        fn = kr_trace_state.trace_func;
    else
        fn = fo ? fo->trace : NULL;
    if (!fn) return 0;
    KR_INCREF(fn);
    KrObject *r = call_tracer(fn, f, ev, arg);
    KR_DECREF(fn);
    fo = (KrFrameObject *)f->frame_obj;
    if (!r) {
        KR_CLEAR(kr_trace_state.trace_func);
        update_active(ts);
        if (fo) KR_CLEAR(fo->trace);
        return -1;
    }
    if (r != kr_none && fo) {
        KR_SETREF(fo->trace, r);
    } else {
        KR_DECREF(r);
    }
    return 0;
}

static int profile_event(KrThreadState *ts, KrFrame *f, int ev, KrObject *arg) {
    KrObject *fn = kr_trace_state.profile_func;
    if (!fn) return 0;
    KR_INCREF(fn);
    KrObject *r = call_tracer(fn, f, ev, arg);
    KR_DECREF(fn);
    if (!r) {
        KR_CLEAR(kr_trace_state.profile_func);
        update_active(ts);
        return -1;
    }
    KR_DECREF(r);
    return 0;
}

static int line_of(KrCode *co, int off) {
    if (off < 0 || off >= co->ncodeunits) return -1;
    return kr_code_addr_to_line(co, off);
}

int kr_trace_instr(KrThreadState *ts, KrFrame *f, KrCodeUnit *instr) {
    KrCode *co = f->code;
    int off = (int)(instr - co->code);
    int op = kr_opcode_base(KR_CU_OP(*instr));
    int prev = KR_FRAME_TRACE_PREV(f) - 1;
    if (op == KR_OP_RESUME) {
        KR_FRAME_TRACE_PREV(f) = off + 1;
        /* function entry and generator resumption both report 'call' */
        if (profile_event(ts, f, EV_CALL, NULL) < 0) return -1;
        if (kr_trace_state.trace_func && trace_event(ts, f, EV_CALL, NULL) < 0) return -1;
        return 0;
    }
    if (prev < 0) return 0; /* before the first RESUME (RETURN_GENERATOR, MAKE_CELL...) */
    KR_FRAME_TRACE_PREV(f) = off + 1;
    KrFrameObject *fo = (KrFrameObject *)f->frame_obj;
    if (!fo || !fo->trace || !kr_trace_state.trace_func) return 0;
    /* a back edge reports its target's line when it lands there (the compiler gives
     * a `while` loop's JUMP_BACKWARD the `while` line, which CPython 3.11 re-tests at
     * the bottom instead: one event per iteration either way) */
    if (fo->trace_lines && op != KR_OP_JUMP_BACKWARD) {
        int line = line_of(co, off);
        if (line >= 0) {
            int prev_op = kr_opcode_base(KR_CU_OP(co->code[prev]));
            bool backward = off < prev && prev_op != KR_OP_SEND;
            if (line != line_of(co, prev) || backward) {
                if (trace_event(ts, f, EV_LINE, NULL) < 0) return -1;
                fo = (KrFrameObject *)f->frame_obj;
            }
        }
    }
    if (fo && fo->trace && fo->trace_opcodes && trace_event(ts, f, EV_OPCODE, NULL) < 0) return -1;
    return 0;
}

int kr_trace_return(KrThreadState *ts, KrFrame *f, KrObject *value) {
    if (KR_FRAME_TRACE_PREV(f) == 0) return 0; /* never started under tracing */
    if (profile_event(ts, f, EV_RETURN, value) < 0) return -1;
    if (kr_trace_state.trace_func && trace_event(ts, f, EV_RETURN, value) < 0) return -1;
    return 0;
}

int kr_trace_exception(KrThreadState *ts, KrFrame *f) {
    if (!kr_trace_state.trace_func || KR_FRAME_TRACE_PREV(f) == 0) return 0;
    KrFrameObject *fo = (KrFrameObject *)f->frame_obj;
    if (!fo || !fo->trace) return 0;
    KrObject *exc = kr_err_fetch();
    if (!exc) return 0;
    KrObject *tb = KR_EXC_CHECK(exc) ? ((KrBaseException *)exc)->traceback : NULL;
    KrObject *arg = kr_tuple_pack(3, (KrObject *)KR_TYPE(exc), exc, tb ? tb : kr_none);
    if (!arg) {
        KR_DECREF(exc);
        return -1;
    }
    int r = trace_event(ts, f, EV_EXCEPTION, arg);
    KR_DECREF(arg);
    if (r < 0) {
        KR_DECREF(exc); /* the tracer's exception replaces it */
        return -1;
    }
    kr_err_restore(exc);
    return 0;
}

KrObject *kr_trace_c_call(KrThreadState *ts, KrFrame *f, KrObject *callable,
                          KrObject *const *args, size_t nargsf, KrObject *kwnames) {
    /* an unbound method descriptor is reported as the bound builtin (CPython does) */
    KrObject *shown = NULL;
    KrObject *const *cargs = args;
    size_t cn = nargsf;
    if (KR_TYPE(callable) == &kr_method_descr_type) {
        shown = kr_cfunction_new((KrMethodDef *)((KrDescr *)callable)->def, args[0], NULL);
        if (!shown) return NULL;
    }
    if (profile_event(ts, f, EV_C_CALL, shown ? shown : callable) < 0) {
        KR_XDECREF(shown);
        return NULL;
    }
    KrObject *res = kr_vectorcall(callable, cargs, cn, kwnames);
    if (!res) {
        KrObject *exc = kr_err_fetch();
        if (profile_event(ts, f, EV_C_EXCEPTION, shown ? shown : callable) < 0) {
            KR_XDECREF(exc);
        } else {
            kr_err_restore(exc);
        }
    } else if (profile_event(ts, f, EV_C_RETURN, shown ? shown : callable) < 0) {
        KR_CLEAR(res);
    }
    KR_XDECREF(shown);
    return res;
}

/* ---------------------------------------------------------------------------
 * sys functions
 * ------------------------------------------------------------------------- */

KrObject *kr_sys_settrace(KrObject *self, KrObject *func) {
    KR_SETREF(kr_trace_state.trace_func, func == kr_none ? NULL : KR_NEWREF(func));
    update_active(kr_tstate());
    return kr_none;
}

KrObject *kr_sys_setprofile(KrObject *self, KrObject *func) {
    KR_SETREF(kr_trace_state.profile_func, func == kr_none ? NULL : KR_NEWREF(func));
    update_active(kr_tstate());
    return kr_none;
}

KrObject *kr_sys_gettrace(KrObject *self, KrObject *unused) {
    return KR_NEWREF(kr_trace_state.trace_func ? kr_trace_state.trace_func : kr_none);
}

KrObject *kr_sys_getprofile(KrObject *self, KrObject *unused) {
    return KR_NEWREF(kr_trace_state.profile_func ? kr_trace_state.profile_func : kr_none);
}

KrMethodDef kr_trace_sys_methods[] = {
    {"settrace", (void *)kr_sys_settrace, KR_METH_O, NULL},
    {"setprofile", (void *)kr_sys_setprofile, KR_METH_O, NULL},
    {"gettrace", (void *)kr_sys_gettrace, KR_METH_NOARGS, NULL},
    {"getprofile", (void *)kr_sys_getprofile, KR_METH_NOARGS, NULL},
    {"_stats", (void *)kr_sys_stats, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};
