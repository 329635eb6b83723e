/* getargs.c - argument parsing for C functions called with vectorcall arguments:
 * a small format language (see kr_types.h) with CPython's error messages for
 * missing, surplus, duplicated and mistyped arguments. */
#include <stdarg.h>
#include <string.h>

#include "krait.h"

#define MAX_PARAMS 32

static const char *plural(kr_ssize n) { return n == 1 ? "" : "s"; }

/* Finds the value of keyword `name` among the vectorcall keywords, or NULL. */
static KrObject *find_keyword(KrObject *kwnames, KrObject *const *kwvalues, const char *name) {
    if (!kwnames || !*name) return NULL;
    for (kr_ssize i = 0; i < KR_SIZE(kwnames); i++)
        if (kr_str_eq_cstr(KR_TUPLE_ITEM(kwnames, i), name)) return kwvalues[i];
    return NULL;
}

static int type_error(const char *fname, int pos, const char *kwname, const char *expected,
                      KrObject *got) {
    if (kwname && *kwname && pos < 0)
        kr_err_format(kr_exc_TypeError, "%s() argument '%s' must be %s, not %s", fname, kwname,
                      expected, kr_type_name_cstr(KR_TYPE(got)));
    else
        kr_err_format(kr_exc_TypeError, "%s() argument %d must be %s, not %s", fname, pos + 1,
                      expected, kr_type_name_cstr(KR_TYPE(got)));
    return -1;
}

/* Converts one argument per its format character and stores it through `out`.
 * pos is the parameter index when given positionally, -1 when given by keyword. */
static int convert(char c, KrObject *arg, void *out, const char *fname, int pos,
                   const char *kwname) {
    switch (c) {
    case 'O':
        *(KrObject **)out = arg;
        return 0;
    case 'U':
        if (!KR_STR_CHECK(arg)) return type_error(fname, pos, kwname, "str", arg);
        *(KrObject **)out = arg;
        return 0;
    case 's':
        if (!KR_STR_CHECK(arg)) return type_error(fname, pos, kwname, "str", arg);
        if ((kr_ssize)strlen(kr_str_data(arg)) != kr_str_size(arg)) {
            kr_err_set_string(kr_exc_ValueError, "embedded null character");
            return -1;
        }
        *(const char **)out = kr_str_data(arg);
        return 0;
    case 'i':
    case 'n':
    case 'L': {
        if (KR_FLOAT_CHECK(arg)) return type_error(fname, pos, kwname, "int", arg);
        if (!KR_INT_CHECK(arg) && !kr_index_check(arg)) {
            kr_err_format(kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          kr_type_name_cstr(KR_TYPE(arg)));
            return -1;
        }
        if (c == 'n') {
            kr_ssize v = kr_number_as_ssize(arg, kr_exc_OverflowError);
            if (v == -1 && kr_err_occurred()) return -1;
            *(kr_ssize *)out = v;
            return 0;
        }
        KrObject *idx = kr_number_index(arg);
        if (!idx) return -1;
        int64_t v = kr_int_as_i64(idx);
        KR_DECREF(idx);
        if (v == -1 && kr_err_occurred()) return -1;
        if (c == 'i') {
            if (v > 2147483647LL || v < -2147483648LL) {
                kr_err_set_string(kr_exc_OverflowError,
                                  v > 0 ? "signed integer is greater than maximum"
                                        : "signed integer is less than minimum");
                return -1;
            }
            *(int *)out = (int)v;
        } else {
            *(int64_t *)out = v;
        }
        return 0;
    }
    case 'd': {
        if (!KR_FLOAT_CHECK(arg) && !KR_INT_CHECK(arg) &&
            !kr_type_lookup(KR_TYPE(arg), kr_str_intern_cstr("__float__")) && !kr_index_check(arg))
            return type_error(fname, pos, kwname, "real number", arg);
        double v = kr_float_as_double(arg);
        if (v == -1.0 && kr_err_occurred()) return -1;
        *(double *)out = v;
        return 0;
    }
    case 'p': {
        int v = kr_object_is_true(arg);
        if (v < 0) return -1;
        *(int *)out = v;
        return 0;
    }
    }
    kr_err_format(kr_exc_SystemError, "kr_arg_parse: bad format character '%c'", (int)c);
    return -1;
}

int kr_arg_parse(KrObject *const *args, kr_ssize nargs, KrObject *kwnames, const char *format,
                 const char *const *kwlist, ...) {
    char spec[MAX_PARAMS];
    int n = 0, min = -1, maxpos = -1;
    const char *fname = "function";
    for (const char *f = format; *f; f++) {
        if (*f == ':') {
            fname = f + 1;
            break;
        }
        if (*f == '|') {
            min = n;
        } else if (*f == '$') {
            maxpos = n;
        } else {
            if (n == MAX_PARAMS) {
                kr_err_set_string(kr_exc_SystemError, "kr_arg_parse: too many parameters");
                return -1;
            }
            spec[n++] = *f;
        }
    }
    bool has_optional = min >= 0;
    if (min < 0) min = n;
    if (maxpos < 0) maxpos = n;
    int posonly = 0;
    while (posonly < n && kwlist && kwlist[posonly] && !*kwlist[posonly])
        posonly++;
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    KrObject *const *kwvalues = args + nargs;

    if (nargs + nkw > n) {
        kr_err_format(kr_exc_TypeError, "%s() takes at most %d %sargument%s (%zd given)", fname, n,
                      nargs == 0 ? "keyword " : "", plural(n), nargs + nkw);
        return -1;
    }
    if (nargs > maxpos) {
        if (maxpos == 0)
            kr_err_format(kr_exc_TypeError, "%s() takes no positional arguments", fname);
        else
            kr_err_format(kr_exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                          fname, has_optional ? "at most" : "exactly", maxpos, plural(maxpos),
                          nargs);
        return -1;
    }

    va_list ap;
    va_start(ap, kwlist);
    kr_ssize kw_used = 0;
    for (int i = 0; i < n; i++) {
        void *out = va_arg(ap, void *);
        const char *kwname = kwlist ? kwlist[i] : "";
        KrObject *cur = NULL;
        int pos = i;
        if (i < nargs) {
            cur = args[i];
        } else if (nkw && i >= posonly) {
            cur = find_keyword(kwnames, kwvalues, kwname);
            if (cur) {
                kw_used++;
                pos = -1;
            }
        }
        if (!cur) {
            if (i < min) {
                if (i < posonly) {
                    int m = posonly < min ? posonly : min;
                    kr_err_format(kr_exc_TypeError,
                                  "%s() takes %s %d positional argument%s (%zd given)", fname,
                                  m < n ? "at least" : "exactly", m, plural(m), nargs);
                } else if (i >= maxpos) {
                    kr_err_format(kr_exc_TypeError,
                                  "%s() missing required keyword-only argument '%s'", fname,
                                  kwname);
                } else {
                    kr_err_format(kr_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                                  fname, kwname, i + 1);
                }
                va_end(ap);
                return -1;
            }
            continue;
        }
        if (convert(spec[i], cur, out, fname, pos, kwname) < 0) {
            va_end(ap);
            return -1;
        }
    }
    va_end(ap);

    if (kw_used < nkw) {
        /* a keyword naming a parameter that was also given positionally, or unknown */
        for (kr_ssize k = 0; k < nkw; k++) {
            KrObject *key = KR_TUPLE_ITEM(kwnames, k);
            for (int i = posonly; i < n && i < nargs; i++) {
                if (kwlist && kr_str_eq_cstr(key, kwlist[i])) {
                    kr_err_format(kr_exc_TypeError,
                                  "argument for %s() given by name ('%s') and position (%d)", fname,
                                  kwlist[i], i + 1);
                    return -1;
                }
            }
        }
        for (kr_ssize k = 0; k < nkw; k++) {
            KrObject *key = KR_TUPLE_ITEM(kwnames, k);
            bool known = false;
            for (int i = posonly; i < n && !known; i++)
                known = kwlist && kr_str_eq_cstr(key, kwlist[i]);
            if (!known) {
                kr_err_format(kr_exc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                              fname);
                return -1;
            }
        }
    }
    return 0;
}

int kr_arg_no_kwargs(const char *funcname, KrObject *kwnames) {
    if (!kwnames || KR_SIZE(kwnames) == 0) return 0;
    kr_err_format(kr_exc_TypeError, "%s() takes no keyword arguments", funcname);
    return -1;
}

int kr_arg_check_positional(const char *name, kr_ssize nargs, kr_ssize min, kr_ssize max) {
    if (nargs < min) {
        if (name)
            kr_err_format(kr_exc_TypeError, "%s expected %s%zd argument%s, got %zd", name,
                          min == max ? "" : "at least ", min, plural(min), nargs);
        else
            kr_err_format(kr_exc_TypeError,
                          "unpacked tuple should have %s%zd element%s, but has %zd",
                          min == max ? "" : "at least ", min, plural(min), nargs);
        return -1;
    }
    if (nargs > max) {
        if (name)
            kr_err_format(kr_exc_TypeError, "%s expected %s%zd argument%s, got %zd", name,
                          min == max ? "" : "at most ", max, plural(max), nargs);
        else
            kr_err_format(kr_exc_TypeError,
                          "unpacked tuple should have %s%zd element%s, but has %zd",
                          min == max ? "" : "at most ", max, plural(max), nargs);
        return -1;
    }
    return 0;
}
