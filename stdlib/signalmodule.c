/* signalmodule.c - the `_signal` module (signal.py re-exports it): Python-level
 * signal handlers. The C handler only marks the signal pending and trips the eval
 * breaker; kr_signal_run_handlers(), called from the eval loop, runs the handlers. */
#define _GNU_SOURCE /* pipe2, dup3, O_PATH, strsignal */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/time.h>
#include <unistd.h>

#include "krait.h"

#ifndef NSIG
#define NSIG 65
#endif

void kr_eval_signal_pending(void); /* pystate.c */

static KrObject *handlers[NSIG];          /* callable, SIG_DFL (0), SIG_IGN (1) or NULL */
static volatile sig_atomic_t tripped[NSIG];
static volatile sig_atomic_t any_tripped;
static KrObject *default_int_handler;     /* the module's default_int_handler function */

static void trip_signal(int sig) {
    int saved = errno;
    if (sig > 0 && sig < NSIG) {
        tripped[sig] = 1;
        any_tripped = 1;
        kr_eval_signal_pending();
    }
    errno = saved;
}

static KrObject *current_frame(void) {
    KrObject *gf = kr_sys_get("_getframe");
    if (!gf) return KR_NEWREF(kr_none);
    KrObject *f = kr_call_noargs(gf);
    if (!f) {
        kr_err_clear();
        return KR_NEWREF(kr_none);
    }
    return f;
}

/* Runs the Python handlers of the signals that arrived. Returns -1 with the
 * handler's exception set if one raised (the rest stay pending), else 0. */
int kr_signal_run_handlers(void) {
    if (!any_tripped) return 0;
    any_tripped = 0;
    for (int sig = 1; sig < NSIG; sig++) {
        if (!tripped[sig]) continue;
        tripped[sig] = 0;
        KrObject *h = handlers[sig];
        if (!h || KR_INT_CHECK(h)) continue;
        KrObject *num = kr_int_from_i64(sig);
        KrObject *frame = current_frame();
        KrObject *args[2] = {num, frame};
        KR_INCREF(h);
        KrObject *r = num ? kr_vectorcall(h, args, 2, NULL) : NULL;
        KR_DECREF(h);
        KR_XDECREF(num);
        KR_DECREF(frame);
        if (!r) {
            for (int s = sig + 1; s < NSIG; s++)
                if (tripped[s]) any_tripped = 1;
            return -1;
        }
        KR_DECREF(r);
    }
    return 0;
}

static int signum_arg(KrObject *o, int *sig) {
    if (!KR_INT_CHECK(o))
        return kr_err_format(kr_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                             o),
               -1;
    int64_t v = kr_int_as_i64(o);
    if (v == -1 && kr_err_occurred()) return -1;
    if (v < 1 || v >= NSIG) {
        kr_err_set_string(kr_exc_ValueError, "signal number out of range");
        return -1;
    }
    *sig = (int)v;
    return 0;
}

static bool is_callable(KrObject *o) {
    return KR_TYPE(o)->tp_call || KR_TYPE(o)->tp_vectorcall_offset ||
           kr_type_lookup(KR_TYPE(o), kr_str_intern_cstr("__call__"));
}

static KrObject *handler_or_none(int sig) {
    return KR_NEWREF(handlers[sig] ? handlers[sig] : kr_none);
}

static KrObject *signal_signal(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("signal", nargs, 2, 2) < 0) return NULL;
    int sig;
    if (signum_arg(args[0], &sig) < 0) return NULL;
    KrObject *h = args[1];
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    if (KR_INT_CHECK(h) && !KR_TYPE_IS(h, &kr_bool_type)) {
        int64_t v = kr_int_as_i64(h);
        if (v != 0 && v != 1) goto bad_handler;
        sa.sa_handler = v == 0 ? SIG_DFL : SIG_IGN;
    } else if (is_callable(h)) {
        sa.sa_handler = trip_signal;
    } else {
        goto bad_handler;
    }
    if (sigaction(sig, &sa, NULL) < 0) return kr_err_from_errno(kr_exc_OSError);
    KrObject *old = handler_or_none(sig);
    KR_INCREF(h);
    KR_XDECREF(handlers[sig]);
    handlers[sig] = h;
    return old;
bad_handler:
    return kr_err_format(kr_exc_TypeError, "signal handler must be signal.SIG_IGN, "
                                           "signal.SIG_DFL, or a callable object");
}

static KrObject *signal_getsignal(KrObject *m, KrObject *arg) {
    int sig;
    if (signum_arg(arg, &sig) < 0) return NULL;
    return handler_or_none(sig);
}

static KrObject *signal_default_int_handler(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    kr_err_set_none(kr_exc_KeyboardInterrupt);
    return NULL;
}

static KrObject *signal_raise_signal(KrObject *m, KrObject *arg) {
    int sig;
    if (signum_arg(arg, &sig) < 0) return NULL;
    if (raise(sig) != 0) return kr_err_from_errno(kr_exc_OSError);
    /* like CPython, run the handler before returning */
    if (kr_signal_run_handlers() < 0) return NULL;
    return kr_none;
}

static KrObject *signal_alarm(KrObject *m, KrObject *arg) {
    int64_t v = KR_INT_CHECK(arg) ? kr_int_as_i64(arg) : -1;
    if (!KR_INT_CHECK(arg))
        return kr_err_format(kr_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                             arg);
    if (v == -1 && kr_err_occurred()) return NULL;
    return kr_int_from_i64(alarm((unsigned)v));
}

static KrObject *signal_pause(KrObject *m, KrObject *unused) {
    pause();
    if (kr_signal_run_handlers() < 0) return NULL;
    return kr_none;
}

static KrObject *signal_strsignal(KrObject *m, KrObject *arg) {
    int sig;
    if (signum_arg(arg, &sig) < 0) return NULL;
    const char *s = strsignal(sig);
    if (!s || !strncmp(s, "Unknown signal", 14) || !strncmp(s, "Real-time signal", 16))
        return kr_none;
    return kr_str_from_cstr(s);
}

static KrObject *signal_valid_signals(KrObject *m, KrObject *unused) {
    KrObject *s = kr_set_new(NULL);
    for (int i = 1; s && i < NSIG; i++) {
        if (i == 32 || i == 33) continue; /* reserved by glibc for threads */
        KrObject *n = kr_int_from_i64(i);
        if (!n || kr_set_add(s, n) < 0) KR_CLEAR(s);
        KR_XDECREF(n);
    }
    return s;
}

static KrObject *signal_siginterrupt(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("siginterrupt", nargs, 2, 2) < 0) return NULL;
    int sig;
    if (signum_arg(args[0], &sig) < 0) return NULL;
    struct sigaction sa;
    if (sigaction(sig, NULL, &sa) < 0) return kr_err_from_errno(kr_exc_OSError);
    if (kr_object_is_true(args[1]))
        sa.sa_flags &= ~SA_RESTART;
    else
        sa.sa_flags |= SA_RESTART;
    if (sigaction(sig, &sa, NULL) < 0) return kr_err_from_errno(kr_exc_OSError);
    return kr_none;
}

static KrObject *signal_set_wakeup_fd(KrObject *m, KrObject *const *args, kr_ssize nargs,
                                      KrObject *kwnames) {
    static int wakeup_fd = -1;
    if (nargs < 1) return kr_err_format(kr_exc_TypeError, "set_wakeup_fd() missing argument");
    int64_t v = kr_int_as_i64(args[0]);
    if (v == -1 && kr_err_occurred()) return NULL;
    int old = wakeup_fd;
    wakeup_fd = (int)v;
    return kr_int_from_i64(old);
}

static KrObject *timeval_pair(const struct itimerval *v) {
    KrObject *a = kr_float_from_double((double)v->it_value.tv_sec + v->it_value.tv_usec * 1e-6);
    KrObject *b =
        kr_float_from_double((double)v->it_interval.tv_sec + v->it_interval.tv_usec * 1e-6);
    KrObject *t = a && b ? kr_tuple_pack(2, a, b) : NULL;
    KR_XDECREF(a);
    KR_XDECREF(b);
    return t;
}

static void to_timeval(double d, struct timeval *tv) {
    tv->tv_sec = (time_t)d;
    tv->tv_usec = (suseconds_t)((d - (double)tv->tv_sec) * 1e6);
    if (d > 0 && tv->tv_sec == 0 && tv->tv_usec == 0) tv->tv_usec = 1;
}

static KrObject *signal_setitimer(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("setitimer", nargs, 2, 3) < 0) return NULL;
    int64_t which = kr_int_as_i64(args[0]);
    if (which == -1 && kr_err_occurred()) return NULL;
    double secs = kr_float_as_double(args[1]);
    if (secs == -1.0 && kr_err_occurred()) return NULL;
    double interval = 0;
    if (nargs == 3) {
        interval = kr_float_as_double(args[2]);
        if (interval == -1.0 && kr_err_occurred()) return NULL;
    }
    struct itimerval nv, ov;
    to_timeval(secs, &nv.it_value);
    to_timeval(interval, &nv.it_interval);
    if (setitimer((int)which, &nv, &ov) < 0) return kr_err_from_errno(kr_exc_OSError);
    return timeval_pair(&ov);
}

static KrObject *signal_getitimer(KrObject *m, KrObject *arg) {
    int64_t which = kr_int_as_i64(arg);
    if (which == -1 && kr_err_occurred()) return NULL;
    struct itimerval v;
    if (getitimer((int)which, &v) < 0) return kr_err_from_errno(kr_exc_OSError);
    return timeval_pair(&v);
}

static KrMethodDef signal_methods[] = {
    {"signal", (void *)signal_signal, KR_METH_FASTCALL, NULL},
    {"getsignal", (void *)signal_getsignal, KR_METH_O, NULL},
    {"default_int_handler", (void *)signal_default_int_handler, KR_METH_FASTCALL, NULL},
    {"raise_signal", (void *)signal_raise_signal, KR_METH_O, NULL},
    {"alarm", (void *)signal_alarm, KR_METH_O, NULL},
    {"pause", (void *)signal_pause, KR_METH_NOARGS, NULL},
    {"strsignal", (void *)signal_strsignal, KR_METH_O, NULL},
    {"valid_signals", (void *)signal_valid_signals, KR_METH_NOARGS, NULL},
    {"siginterrupt", (void *)signal_siginterrupt, KR_METH_FASTCALL, NULL},
    {"set_wakeup_fd", (void *)signal_set_wakeup_fd, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"setitimer", (void *)signal_setitimer, KR_METH_FASTCALL, NULL},
    {"getitimer", (void *)signal_getitimer, KR_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    int value;
} signal_constants[] = {
    {"SIG_DFL", 0},         {"SIG_IGN", 1},         {"NSIG", NSIG},
    {"SIGHUP", SIGHUP},     {"SIGINT", SIGINT},     {"SIGQUIT", SIGQUIT},
    {"SIGILL", SIGILL},     {"SIGTRAP", SIGTRAP},   {"SIGABRT", SIGABRT},
    {"SIGIOT", SIGIOT},     {"SIGBUS", SIGBUS},     {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL},   {"SIGUSR1", SIGUSR1},   {"SIGSEGV", SIGSEGV},
    {"SIGUSR2", SIGUSR2},   {"SIGPIPE", SIGPIPE},   {"SIGALRM", SIGALRM},
    {"SIGTERM", SIGTERM},   {"SIGSTKFLT", SIGSTKFLT}, {"SIGCHLD", SIGCHLD},
    {"SIGCONT", SIGCONT},   {"SIGSTOP", SIGSTOP},   {"SIGTSTP", SIGTSTP},
    {"SIGTTIN", SIGTTIN},   {"SIGTTOU", SIGTTOU},   {"SIGURG", SIGURG},
    {"SIGXCPU", SIGXCPU},   {"SIGXFSZ", SIGXFSZ},   {"SIGVTALRM", SIGVTALRM},
    {"SIGPROF", SIGPROF},   {"SIGWINCH", SIGWINCH}, {"SIGIO", SIGIO},
    {"SIGPOLL", SIGPOLL},   {"SIGPWR", SIGPWR},     {"SIGSYS", SIGSYS},
    {"SIGRTMIN", 34},       {"SIGRTMAX", 64},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
    {"ITIMER_PROF", ITIMER_PROF},
};

KrObject *kr_signal_module_init(void) {
    KrObject *m = kr_module_new_cstr("_signal");
    if (!m || kr_module_add_functions(m, signal_methods) < 0) goto fail;
    for (size_t i = 0; i < sizeof signal_constants / sizeof *signal_constants; i++)
        if (kr_module_add_object(m, signal_constants[i].name,
                                 kr_int_from_i64(signal_constants[i].value)) < 0)
            goto fail;
    KrObject *oserr = KR_NEWREF(kr_exc_OSError);
    if (kr_module_add_object(m, "ItimerError", oserr) < 0) goto fail;
    if (!default_int_handler) {
        default_int_handler = kr_dict_get_item_str(kr_module_get_dict(m), "default_int_handler");
        if (!default_int_handler) goto fail;
        KR_INCREF(default_int_handler);
        /* what the process starts with: SIGINT raises KeyboardInterrupt (the runtime's
         * own handler), the rest as the C library reports them */
        for (int sig = 1; sig < NSIG; sig++) {
            if (sig == SIGINT) {
                handlers[sig] = KR_NEWREF(default_int_handler);
                continue;
            }
            struct sigaction sa;
            if (sigaction(sig, NULL, &sa) < 0) continue;
            if (sa.sa_handler == SIG_DFL)
                handlers[sig] = kr_int_from_i64(0);
            else if (sa.sa_handler == SIG_IGN)
                handlers[sig] = kr_int_from_i64(1);
        }
    }
    return m;
fail:
    KR_XDECREF(m);
    return NULL;
}
