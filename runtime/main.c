/* main.c - the `krait` command: options, running a script / -c / -m / stdin, the
 * interactive REPL, and turning the outcome into CPython's exit statuses. */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef KR_HAVE_LIBEDIT
#include <editline/readline.h>
#endif

#include "krait.h"

char *kr_run_read_file(const char *path, kr_ssize *len_out);
int kr_run_main_source(const char *source, kr_ssize len, const char *filename, const char *file_attr);
int kr_runtime_flush_std_streams(void);

static const char usage[] =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options:\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-V     : print the Python version number and exit (also --version)\n"
    "-X opt : set implementation-specific option:\n"
    "         -X dis            print the bytecode of the program instead of running it\n"
    "         -X jit=on|off     tracing JIT (not built yet: the interpreter runs)\n"
    "         -X jit-threshold=N, -X jit-log, -X jit-dump=DIR, -X stats\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n";

/* Exit status for an uncaught exception: SystemExit's code, else print it and 1. */
static int handle_uncaught(void) {
    /* like CPython, flush the program's output before the traceback */
    KrObject *exc = kr_err_fetch();
    kr_runtime_flush_std_streams();
    kr_err_restore(exc);
    int status = kr_handle_system_exit();
    if (status >= 0) return status;
    if (kr_err_matches(kr_exc_KeyboardInterrupt)) {
        kr_err_print();
        kr_runtime_flush_std_streams();
        /* die by the signal so the parent sees it, as CPython does */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
        return 130;
    }
    kr_err_print();
    return 1;
}

static KrObject *set_xoptions(int n, char **opts) {
    KrObject *d = kr_dict_new();
    if (!d) return NULL;
    for (int i = 0; i < n; i++) {
        const char *o = opts[i];
        const char *eq = strchr(o, '=');
        KrObject *k = eq ? kr_str_from_utf8(o, (kr_ssize)(eq - o)) : kr_str_from_cstr(o);
        KrObject *v = eq ? kr_str_from_cstr(eq + 1) : KR_NEWREF(kr_true);
        if (!k || !v || kr_dict_set_item(d, k, v) < 0) {
            KR_XDECREF(k);
            KR_XDECREF(v);
            KR_DECREF(d);
            return NULL;
        }
        KR_DECREF(k);
        KR_DECREF(v);
        if (!strcmp(o, "dis")) kr_interp.dis_mode = 1;
    }
    return d;
}

/* sys.path[0]: the script's directory, '' for -c / -m / the REPL */
static int set_path0(const char *script) {
    KrObject *path = kr_sys_get("path");
    if (!path) return -1;
    KrObject *p0;
    if (script) {
        char buf[4096];
        const char *slash = strrchr(script, '/');
        if (!slash) {
            if (!getcwd(buf, sizeof buf)) strcpy(buf, ".");
        } else {
            size_t n = (size_t)(slash - script);
            if (n == 0) n = 1;
            if (n >= sizeof buf) n = sizeof buf - 1;
            memcpy(buf, script, n);
            buf[n] = 0;
            char real[4096];
            if (realpath(buf, real)) strcpy(buf, real);
        }
        p0 = kr_str_from_cstr(buf);
    } else {
        p0 = kr_str_from_cstr("");
    }
    if (!p0) return -1;
    int r = kr_list_insert(path, 0, p0);
    KR_DECREF(p0);
    return r;
}

/* os.path.abspath: joins with the working directory and normalises "." and ".."
 * components without resolving symbolic links (CPython names __main__'s code so). */
static char *absolute_path(const char *p) {
    char cwd[4096];
    size_t n = strlen(p) + 2;
    if (p[0] != '/') {
        if (!getcwd(cwd, sizeof cwd)) strcpy(cwd, ".");
        n += strlen(cwd);
    }
    char *joined = malloc(n), *out = malloc(n + 1);
    if (!joined || !out) {
        free(joined);
        free(out);
        return NULL;
    }
    if (p[0] == '/')
        strcpy(joined, p);
    else
        snprintf(joined, n, "%s/%s", cwd, p);
    size_t len = 0;
    for (char *seg = strtok(joined, "/"); seg; seg = strtok(NULL, "/")) {
        if (!strcmp(seg, ".")) continue;
        if (!strcmp(seg, "..")) {
            while (len > 0 && out[len - 1] != '/') len--;
            if (len > 0) len--;
            continue;
        }
        out[len++] = '/';
        strcpy(out + len, seg);
        len += strlen(seg);
    }
    if (len == 0) out[len++] = '/';
    out[len] = 0;
    free(joined);
    return out;
}

/* ---------------------------------------------------------------------------
 * Interactive mode
 * ------------------------------------------------------------------------- */

static char *read_line(const char *prompt) {
#ifdef KR_HAVE_LIBEDIT
    char *l = readline(prompt);
    if (l && *l) add_history(l);
    return l;
#else
    fputs(prompt, stdout);
    fflush(stdout);
    char *buf = NULL;
    size_t cap = 0;
    ssize_t n = getline(&buf, &cap, stdin);
    if (n < 0) {
        free(buf);
        return NULL;
    }
    if (n > 0 && buf[n - 1] == '\n') buf[n - 1] = 0;
    return buf;
#endif
}

/* A syntax error that more input could fix means "keep reading" (like codeop). */
static bool is_incomplete(const char *src) {
    size_t n = strlen(src);
    KrObject *code = kr_compile_string(src, (kr_ssize)n, "<stdin>", "single", 0);
    if (code) {
        KR_DECREF(code);
        return false;
    }
    KrObject *exc = kr_err_fetch();
    bool incomplete = false;
    if (exc && kr_object_type_is_sub(KR_TYPE(exc), kr_exc_SyntaxError)) {
        KrObject *msg = ((KrSyntaxError *)exc)->msg;
        const char *m = msg && KR_STR_CHECK(msg) ? kr_str_data(msg) : "";
        incomplete = strstr(m, "was never closed") || strstr(m, "unterminated triple-quoted") ||
                     strstr(m, "expected an indented block") || strstr(m, "unexpected EOF") ||
                     strstr(m, "incomplete input");
    }
    kr_err_restore(exc);
    kr_err_clear();
    return incomplete;
}

static int run_repl(KrObject *globals) {
    bool tty = isatty(0);
    if (tty) {
        fprintf(stderr, "Krait 0.1 (Python 3.12 compatible)\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
    }
    KrStrBuilder src;
    for (;;) {
        kr_strbuilder_init(&src);
        char *line = read_line(">>> ");
        if (!line) {
            kr_strbuilder_discard(&src);
            if (tty) fputc('\n', stdout);
            return 0;
        }
        kr_strbuilder_append_cstr(&src, line);
        kr_strbuilder_append_cstr(&src, "\n");
        bool block = strlen(line) > 0 && line[strlen(line) - 1] == ':';
        free(line);
        for (;;) {
            char *text = strndup(src.buf ? src.buf : "", (size_t)src.size);
            bool more = block || is_incomplete(text);
            free(text);
            if (!more) break;
            char *cont = read_line("... ");
            if (!cont) break;
            bool empty = cont[0] == 0;
            kr_strbuilder_append_cstr(&src, cont);
            kr_strbuilder_append_cstr(&src, "\n");
            free(cont);
            if (block && empty) break;
        }
        KrObject *s = kr_strbuilder_finish(&src);
        if (!s) return 1;
        KrObject *code = kr_compile_string(kr_str_data(s), kr_str_size(s), "<stdin>", "single", 0);
        KR_DECREF(s);
        KrObject *r = code ? kr_eval_code(code, globals, globals) : NULL;
        KR_XDECREF(code);
        if (r) {
            KR_DECREF(r);
        } else {
            int status = kr_handle_system_exit();
            if (status >= 0) return status;
            kr_err_print();
        }
        kr_runtime_flush_std_streams();
    }
}

/* ---------------------------------------------------------------------------
 * Entry point
 * ------------------------------------------------------------------------- */

int main(int argc, char **argv) {
    const char *command = NULL, *module = NULL, *script = NULL;
    char *xopts[64];
    int nx = 0, i = 1;
    bool inspect = false;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || !strcmp(a, "-")) break;
        if (!strcmp(a, "--")) {
            i++;
            break;
        }
        if (!strcmp(a, "-h") || !strcmp(a, "--help") || !strcmp(a, "-?")) {
            printf(usage, argv[0]);
            return 0;
        }
        if (!strcmp(a, "-V") || !strcmp(a, "--version")) {
            printf("Python 3.12.0 (krait 0.1)\n");
            return 0;
        }
        if (!strncmp(a, "-c", 2)) {
            command = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!command) {
                fprintf(stderr, "Argument expected for the -c option\n");
                return 2;
            }
            i++;
            break;
        }
        if (!strncmp(a, "-m", 2)) {
            module = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!module) {
                fprintf(stderr, "Argument expected for the -m option\n");
                return 2;
            }
            i++;
            break;
        }
        if (!strncmp(a, "-X", 2)) {
            const char *o = a[2] ? a + 2 : (i + 1 < argc ? argv[++i] : NULL);
            if (!o) {
                fprintf(stderr, "Argument expected for the -X option\n");
                return 2;
            }
            if (nx < 64) xopts[nx++] = (char *)o;
            continue;
        }
        if (!strcmp(a, "-W")) {
            i++;
            continue;
        }
        /* flags accepted for compatibility: each letter of a cluster */
        for (const char *p = a + 1; *p; p++) {
            if (*p == 'i') inspect = true;
            else if (*p == 'u') setvbuf(stdout, NULL, _IONBF, 0);
            else if (!strchr("bBdEIOqsSvx", *p)) {
                fprintf(stderr, "Unknown option: -%c\n", *p);
                fprintf(stderr, usage, argv[0]);
                return 2;
            }
        }
    }
    if (!command && !module && i < argc) script = argv[i++];
    const char *unbuf = getenv("PYTHONUNBUFFERED");
    if (unbuf && *unbuf) setvbuf(stdout, NULL, _IONBF, 0);

    /* sys.argv: [script or '-c' or module path or ''] + remaining args */
    int nargs = argc - i + 1;
    char **sargv = calloc((size_t)nargs + 1, sizeof(char *));
    if (!sargv) return 1;
    sargv[0] = command ? "-c" : module ? (char *)module : script ? (char *)script : "";
    for (int k = 1; k < nargs; k++) sargv[k] = argv[i + k - 1];

    if (kr_runtime_init(nargs, sargv) < 0) return 1;
    KrObject *xd = set_xoptions(nx, xopts);
    if (!xd || kr_module_add_object(kr_interp.sys_module, "_xoptions", xd) < 0) return 1;

    int status = 0;
    if (command) {
        if (set_path0(NULL) < 0 || kr_run_main_source(command, (kr_ssize)strlen(command), "<string>", NULL) < 0)
            status = handle_uncaught();
    } else if (module) {
        if (set_path0(NULL) < 0) return 1;
        KrObject *runpy = kr_import_module("runpy");
        KrObject *r = NULL;
        if (runpy) {
            KrObject *name = kr_str_from_cstr(module);
            KrObject *args[2] = {name, kr_true};
            r = name ? kr_call_method(runpy, "_run_module_as_main", args, 2) : NULL;
            KR_XDECREF(name);
            KR_DECREF(runpy);
        }
        if (r)
            KR_DECREF(r);
        else
            status = handle_uncaught();
    } else if (script && strcmp(script, "-") != 0) {
        if (set_path0(script) < 0) return 1;
        kr_ssize len;
        char *src = kr_run_read_file(script, &len);
        if (!src) {
            KrObject *exc = kr_err_fetch();
            KrObject *s = exc ? kr_object_str(exc) : NULL;
            fprintf(stderr, "%s: can't open file '%s': %s\n", argv[0], script,
                    s ? kr_str_data(s) : "error");
            /* CPython strips "[Errno 2] No such file or directory: 'x'" to its strerror part */
            KR_XDECREF(s);
            KR_XDECREF(exc);
            return 2;
        }
        char *abspath = absolute_path(script);
        if (!abspath || kr_run_main_source(src, len, abspath, abspath) < 0) status = handle_uncaught();
        free(abspath);
        free(src);
    } else if (isatty(0) && !script) {
        if (set_path0(NULL) < 0) return 1;
        KrObject *main = kr_module_new_cstr("__main__");
        if (!main) return 1;
        KrObject *d = kr_module_get_dict(main);
        kr_dict_set_item_str(kr_interp.modules, "__main__", main);
        kr_dict_set_item_str(d, "__builtins__", kr_interp.builtins_module);
        status = run_repl(d);
        KR_DECREF(main);
    } else {
        if (set_path0(NULL) < 0) return 1;
        kr_ssize len;
        char *src = kr_run_read_file("/dev/stdin", &len);
        if (!src) return handle_uncaught();
        if (kr_run_main_source(src, len, "<stdin>", NULL) < 0) status = handle_uncaught();
        free(src);
    }
    if (inspect && isatty(0)) {
        KrObject *main = kr_dict_get_item_str(kr_interp.modules, "__main__");
        if (main) status = run_repl(kr_module_get_dict(main));
    }
    kr_atexit_run();
    kr_gc_fini(); /* clears __main__ as CPython does, so remaining __del__s run */
    if (kr_runtime_flush_std_streams() < 0 && status == 0) status = 120;
    kr_runtime_fini();
    free(sargv);
    return status;
}
