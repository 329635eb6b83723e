/* builtins.c - the `builtins` module: every built-in function (print, len, min/max,
 * sum, sorted, iter/next, getattr family, exec/eval/compile, input, ...), the
 * built-in types and exception classes, and the constants. Argument errors use
 * CPython's messages. */
#include <math.h>
#include <string.h>

#include "objects/containers.h"

/* ===========================================================================
 * Argument helpers
 * ========================================================================= */

/* Matches keyword arguments against `names` (NULL-terminated) and stores borrowed
 * values in out[]. Unknown names raise "'x' is an invalid keyword argument for f()". */
static int parse_kwargs(const char *fname, KrObject *const *args, kr_ssize nargs, KrObject *kwnames,
                        const char *const *names, KrObject **out) {
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    for (kr_ssize i = 0; i < nkw; i++) {
        KrObject *name = KR_TUPLE_ITEM(kwnames, i);
        int j;
        for (j = 0; names[j]; j++)
            if (kr_str_eq_cstr(name, names[j])) break;
        if (!names[j]) {
            kr_err_format(kr_exc_TypeError, "'%U' is an invalid keyword argument for %s()", name,
                          fname);
            return -1;
        }
        out[j] = args[nargs + i];
    }
    return 0;
}

static int no_kwargs(const char *fname, KrObject *kwnames) {
    if (kwnames && KR_SIZE(kwnames) > 0) {
        kr_err_format(kr_exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

static int check_nargs(const char *fname, kr_ssize nargs, kr_ssize min, kr_ssize max) {
    if (nargs < min) {
        if (min == max)
            kr_err_format(kr_exc_TypeError, "%s expected %zd argument%s, got %zd", fname, min,
                          min == 1 ? "" : "s", nargs);
        else
            kr_err_format(kr_exc_TypeError, "%s expected at least %zd argument%s, got %zd", fname,
                          min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        if (min == max)
            kr_err_format(kr_exc_TypeError, "%s expected %zd argument%s, got %zd", fname, max,
                          max == 1 ? "" : "s", nargs);
        else
            kr_err_format(kr_exc_TypeError, "%s expected at most %zd argument%s, got %zd", fname,
                          max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static KrObject *call_method0(KrObject *o, const char *name) {
    return kr_call_method(o, name, NULL, 0);
}

/* ===========================================================================
 * print / input
 * ========================================================================= */

static int write_str(KrObject *file, KrObject *s) {
    KrObject *r = kr_call_method(file, "write", &s, 1);
    if (!r) return -1;
    KR_DECREF(r);
    return 0;
}

static KrObject *builtin_print(KrObject *self, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"sep", "end", "file", "flush", NULL};
    KrObject *kw[4] = {NULL, NULL, NULL, NULL};
    if (parse_kwargs("print", args, nargs, kwnames, names, kw) < 0) return NULL;
    KrObject *sep = kw[0], *end = kw[1], *file = kw[2], *flush = kw[3];
    if (sep == kr_none) sep = NULL;
    if (end == kr_none) end = NULL;
    if (sep && !KR_STR_CHECK(sep))
        return kr_err_format(kr_exc_TypeError, "sep must be None or a string, not %T", sep);
    if (end && !KR_STR_CHECK(end))
        return kr_err_format(kr_exc_TypeError, "end must be None or a string, not %T", end);
    if (!file || file == kr_none) {
        file = kr_sys_get("stdout");
        /* print() is a no-op when sys.stdout is None (pythonw-style). */
        if (file == kr_none) return kr_none;
    }
    bool joined = !file || KR_TYPE(file) == &kr_textio_type;
    if (joined) {
        /* One write of the whole line: same output, far fewer calls. */
        KrStrBuilder b;
        kr_strbuilder_init(&b);
        for (kr_ssize i = 0; i < nargs; i++) {
            if (i > 0 &&
                (sep ? kr_strbuilder_append_str(&b, sep) : kr_strbuilder_append(&b, " ", 1)) < 0)
                goto fail;
            KrObject *s = kr_object_str(args[i]);
            if (!s) goto fail;
            int e = kr_strbuilder_append_str(&b, s);
            KR_DECREF(s);
            if (e < 0) goto fail;
        }
        if ((end ? kr_strbuilder_append_str(&b, end) : kr_strbuilder_append(&b, "\n", 1)) < 0)
            goto fail;
        KrObject *line = kr_strbuilder_finish(&b);
        if (!line) return NULL;
        int e = file ? write_str(file, line)
                     : kr_sys_write_stdout(kr_str_data(line), kr_str_size(line));
        KR_DECREF(line);
        if (e < 0) return NULL;
        goto flushing;
    fail:
        kr_strbuilder_discard(&b);
        return NULL;
    }
    for (kr_ssize i = 0; i < nargs; i++) {
        if (i > 0) {
            KrObject *s = sep ? KR_NEWREF(sep) : kr_str_from_cstr(" ");
            int e = s ? write_str(file, s) : -1;
            KR_XDECREF(s);
            if (e < 0) return NULL;
        }
        KrObject *s = kr_object_str(args[i]);
        if (!s) return NULL;
        int e = write_str(file, s);
        KR_DECREF(s);
        if (e < 0) return NULL;
    }
    {
        KrObject *s = end ? KR_NEWREF(end) : kr_str_from_cstr("\n");
        int e = s ? write_str(file, s) : -1;
        KR_XDECREF(s);
        if (e < 0) return NULL;
    }
flushing:
    if (flush && file) {
        int t = kr_object_is_true(flush);
        if (t < 0) return NULL;
        if (t) {
            KrObject *r = call_method0(file, "flush");
            if (!r) return NULL;
            KR_DECREF(r);
        }
    }
    return kr_none;
}

static KrObject *builtin_input(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("input", nargs, 0, 1) < 0) return NULL;
    KrObject *fin = kr_sys_get("stdin"), *fout = kr_sys_get("stdout"), *ferr = kr_sys_get("stderr");
    if (!fin || fin == kr_none) {
        kr_err_set_string(kr_exc_RuntimeError, "input(): lost sys.stdin");
        return NULL;
    }
    if (!fout || fout == kr_none) {
        kr_err_set_string(kr_exc_RuntimeError, "input(): lost sys.stdout");
        return NULL;
    }
    if (ferr && ferr != kr_none) {
        KrObject *r = call_method0(ferr, "flush");
        if (r)
            KR_DECREF(r);
        else
            kr_err_clear();
    }
    if (nargs == 1 && args[0] != kr_none) {
        KrObject *p = kr_object_str(args[0]);
        if (!p) return NULL;
        int e = write_str(fout, p);
        KR_DECREF(p);
        if (e < 0) return NULL;
    }
    KrObject *r = call_method0(fout, "flush");
    if (!r) return NULL;
    KR_DECREF(r);
    KrObject *line = call_method0(fin, "readline");
    if (!line) return NULL;
    if (!KR_STR_CHECK(line)) {
        KR_DECREF(line);
        kr_err_set_string(kr_exc_TypeError, "object.readline() returned non-string");
        return NULL;
    }
    kr_ssize n = kr_str_length(line);
    if (n == 0) {
        KR_DECREF(line);
        kr_err_set_string(kr_exc_EOFError, "EOF when reading a line");
        return NULL;
    }
    if (kr_str_data(line)[kr_str_size(line) - 1] == '\n') {
        KrObject *s = kr_str_substring(line, 0, n - 1);
        KR_DECREF(line);
        return s;
    }
    return line;
}

/* ===========================================================================
 * Simple one-argument functions
 * ========================================================================= */

static KrObject *builtin_len(KrObject *self, KrObject *o) {
    kr_ssize n = kr_object_length(o);
    if (n < 0) return NULL;
    return kr_int_from_ssize(n);
}

static KrObject *builtin_abs(KrObject *self, KrObject *o) { return kr_number_absolute(o); }
static KrObject *builtin_repr(KrObject *self, KrObject *o) { return kr_object_repr(o); }
static KrObject *builtin_ascii(KrObject *self, KrObject *o) { return kr_object_ascii(o); }

static KrObject *builtin_id(KrObject *self, KrObject *o) {
    return kr_int_from_u64((uint64_t)(uintptr_t)o);
}

static KrObject *builtin_hash(KrObject *self, KrObject *o) {
    kr_hash h = kr_object_hash(o);
    if (h == -1) return NULL;
    return kr_int_from_i64(h);
}

static KrObject *builtin_callable(KrObject *self, KrObject *o) {
    return KR_NEWREF(kr_bool_from(KR_TYPE(o)->tp_call != NULL));
}

static KrObject *format_base(KrObject *o, int base) {
    KrObject *i = kr_number_index(o);
    if (!i) return NULL;
    KrObject *r = kr_int_format_base(i, base, true);
    KR_DECREF(i);
    return r;
}

static KrObject *builtin_bin(KrObject *self, KrObject *o) { return format_base(o, 2); }
static KrObject *builtin_oct(KrObject *self, KrObject *o) { return format_base(o, 8); }
static KrObject *builtin_hex(KrObject *self, KrObject *o) { return format_base(o, 16); }

static KrObject *builtin_chr(KrObject *self, KrObject *o) {
    KrObject *i = kr_number_index(o);
    if (!i) return NULL;
    int64_t v;
    int ovf = kr_int_as_i64_overflow(i, &v);
    KR_DECREF(i);
    if (ovf || v > INT32_MAX || v < INT32_MIN) {
        kr_err_set_string(kr_exc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (v < 0 || v > 0x10ffff) {
        kr_err_set_string(kr_exc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return kr_str_from_codepoint((uint32_t)v);
}

static KrObject *builtin_ord(KrObject *self, KrObject *c) {
    kr_ssize n;
    if (KR_BYTES_CHECK(c)) {
        n = KR_SIZE(c);
        if (n == 1) return kr_int_from_i64((unsigned char)kr_bytes_data(c)[0]);
    } else if (KR_TYPE_IS(c, &kr_bytearray_type)) {
        n = KR_SIZE(c);
        if (n == 1) return kr_int_from_i64((unsigned char)kr_bytearray_data(c)[0]);
    } else if (KR_STR_CHECK(c)) {
        n = kr_str_length(c);
        if (n == 1) return kr_int_from_i64(kr_str_char_at(c, 0));
    } else {
        return kr_err_format(kr_exc_TypeError, "ord() expected string of length 1, but %T found",
                             c);
    }
    return kr_err_format(kr_exc_TypeError,
                         "ord() expected a character, but string of length %zd found", n);
}

static KrObject *builtin_all(KrObject *self, KrObject *iterable) {
    KrObject *it = kr_object_get_iter(iterable);
    if (!it) return NULL;
    KrObject *x;
    while ((x = kr_iter_next(it)) != NULL) {
        int t = kr_object_is_true(x);
        KR_DECREF(x);
        if (t <= 0) {
            KR_DECREF(it);
            return t < 0 ? NULL : KR_NEWREF(kr_false);
        }
    }
    KR_DECREF(it);
    return kr_err_occurred() ? NULL : KR_NEWREF(kr_true);
}

static KrObject *builtin_any(KrObject *self, KrObject *iterable) {
    KrObject *it = kr_object_get_iter(iterable);
    if (!it) return NULL;
    KrObject *x;
    while ((x = kr_iter_next(it)) != NULL) {
        int t = kr_object_is_true(x);
        KR_DECREF(x);
        if (t != 0) {
            KR_DECREF(it);
            return t < 0 ? NULL : KR_NEWREF(kr_true);
        }
    }
    KR_DECREF(it);
    return kr_err_occurred() ? NULL : KR_NEWREF(kr_false);
}

static KrObject *builtin_aiter(KrObject *self, KrObject *o) {
    KrAsyncMethods *am = KR_TYPE(o)->tp_as_async;
    if (!am || !am->am_aiter)
        return kr_err_format(kr_exc_TypeError, "'%T' object is not an async iterable", o);
    KrObject *it = am->am_aiter(o);
    if (!it) return NULL;
    KrAsyncMethods *am2 = KR_TYPE(it)->tp_as_async;
    if (!am2 || !am2->am_anext) {
        kr_err_format(kr_exc_TypeError, "aiter() returned not an async iterator of type '%T'", it);
        KR_DECREF(it);
        return NULL;
    }
    return it;
}

static KrObject *builtin_anext(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("anext", nargs, 1, 2) < 0) return NULL;
    KrObject *o = args[0];
    KrAsyncMethods *am = KR_TYPE(o)->tp_as_async;
    if (!am || !am->am_anext)
        return kr_err_format(kr_exc_TypeError, "'%T' object is not an async iterator", o);
    if (nargs == 2) {
        /* TODO(containers): anext(it, default) needs an awaitable wrapper type. */
        kr_err_set_string(kr_exc_NotImplementedError,
                          "anext() with a default is not supported yet");
        return NULL;
    }
    return am->am_anext(o);
}

/* ===========================================================================
 * Attributes
 * ========================================================================= */

static int check_attr_name(KrObject *name) {
    if (!KR_STR_CHECK(name)) {
        kr_err_format(kr_exc_TypeError, "attribute name must be string, not '%T'", name);
        return -1;
    }
    return 0;
}

static KrObject *builtin_getattr(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("getattr", nargs, 2, 3) < 0 || check_attr_name(args[1]) < 0) return NULL;
    if (nargs == 2) return kr_object_getattr(args[0], args[1]);
    KrObject *r;
    int found = kr_object_lookup_attr(args[0], args[1], &r);
    if (found < 0) return NULL;
    return found ? r : KR_NEWREF(args[2]);
}

static KrObject *builtin_setattr(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("setattr", nargs, 3, 3) < 0 || check_attr_name(args[1]) < 0) return NULL;
    if (kr_object_setattr(args[0], args[1], args[2]) < 0) return NULL;
    return kr_none;
}

static KrObject *builtin_delattr(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("delattr", nargs, 2, 2) < 0 || check_attr_name(args[1]) < 0) return NULL;
    if (kr_object_setattr(args[0], args[1], NULL) < 0) return NULL;
    return kr_none;
}

static KrObject *builtin_hasattr(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("hasattr", nargs, 2, 2) < 0 || check_attr_name(args[1]) < 0) return NULL;
    KrObject *r;
    int found = kr_object_lookup_attr(args[0], args[1], &r);
    if (found < 0) return NULL;
    KR_XDECREF(r);
    return KR_NEWREF(kr_bool_from(found));
}

static KrObject *builtin_vars(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("vars", nargs, 0, 1) < 0) return NULL;
    if (nargs == 0) {
        KrObject *l = kr_eval_get_locals();
        if (!l && !kr_err_occurred()) kr_err_set_string(kr_exc_SystemError, "frame does not exist");
        return l;
    }
    KrObject *d;
    int found = kr_object_lookup_attr(args[0], kr_str_intern_cstr("__dict__"), &d);
    if (found < 0) return NULL;
    if (!found) {
        kr_err_set_string(kr_exc_TypeError, "vars() argument must have __dict__ attribute");
        return NULL;
    }
    return d;
}

static KrObject *builtin_dir(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("dir", nargs, 0, 1) < 0) return NULL;
    return kr_object_dir(nargs ? args[0] : NULL);
}

static KrObject *builtin_globals(KrObject *self, KrObject *unused) {
    KrObject *g = kr_eval_get_globals();
    return KR_NEWREF(g ? g : kr_none);
}

static KrObject *builtin_locals(KrObject *self, KrObject *unused) {
    KrObject *l = kr_eval_get_locals();
    if (!l && !kr_err_occurred()) kr_err_set_string(kr_exc_SystemError, "frame does not exist");
    return l;
}

/* ===========================================================================
 * Numbers
 * ========================================================================= */

static KrObject *builtin_divmod(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("divmod", nargs, 2, 2) < 0) return NULL;
    return kr_number_divmod(args[0], args[1]);
}

static KrObject *builtin_pow(KrObject *self, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    static const char *const names[] = {"base", "exp", "mod", NULL};
    KrObject *v[3] = {NULL, NULL, NULL};
    if (nargs > 3)
        return kr_err_format(kr_exc_TypeError, "pow() takes at most 3 arguments (%zd given)",
                             nargs);
    for (kr_ssize i = 0; i < nargs; i++)
        v[i] = args[i];
    KrObject *kw[3] = {NULL, NULL, NULL};
    if (parse_kwargs("pow", args, nargs, kwnames, names, kw) < 0) return NULL;
    for (int i = 0; i < 3; i++) {
        if (kw[i]) {
            if (v[i])
                return kr_err_format(kr_exc_TypeError,
                                     "argument for pow() given by name ('%s') and position (%d)",
                                     names[i], i + 1);
            v[i] = kw[i];
        }
    }
    if (!v[0])
        return kr_err_format(kr_exc_TypeError, "pow() missing required argument 'base' (pos 1)");
    if (!v[1])
        return kr_err_format(kr_exc_TypeError, "pow() missing required argument 'exp' (pos 2)");
    return kr_number_power(v[0], v[1], v[2] ? v[2] : kr_none);
}

static KrObject *builtin_round(KrObject *self, KrObject *const *args, kr_ssize nargs,
                               KrObject *kwnames) {
    static const char *const names[] = {"number", "ndigits", NULL};
    KrObject *kw[2] = {NULL, NULL};
    if (parse_kwargs("round", args, nargs, kwnames, names, kw) < 0) return NULL;
    kr_ssize total = nargs + (kwnames ? KR_SIZE(kwnames) : 0);
    if (total > 2 || nargs > 2)
        return kr_err_format(kr_exc_TypeError, "round() takes at most 2 arguments (%zd given)",
                             total);
    KrObject *number = nargs > 0 ? args[0] : kw[0], *ndigits = nargs > 1 ? args[1] : kw[1];
    if (!number)
        return kr_err_format(kr_exc_TypeError,
                             "round() missing required argument 'number' (pos 1)");
    int found = 0;
    KrObject *r;
    KrObject *name = kr_str_intern_cstr("__round__");
    if (!ndigits || ndigits == kr_none)
        r = kr_call_special(number, name, NULL, 0, &found);
    else
        r = kr_call_special(number, name, &ndigits, 1, &found);
    if (!r && !found && !kr_err_occurred())
        kr_err_format(kr_exc_TypeError, "type %s doesn't define __round__ method",
                      KR_TYPE(number)->tp_name);
    return r;
}

static KrObject *builtin_sum(KrObject *self, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    if (nargs + nkw > 2)
        return kr_err_format(kr_exc_TypeError, "sum() takes at most 2 arguments (%zd given)",
                             nargs + nkw);
    static const char *const names[] = {"start", NULL};
    KrObject *kw[1] = {NULL};
    if (parse_kwargs("sum", args, nargs, kwnames, names, kw) < 0) return NULL;
    if (nargs < 1)
        return kr_err_format(kr_exc_TypeError,
                             "sum() takes at least 1 positional argument (0 given)");
    KrObject *start = nargs > 1 ? args[1] : kw[0];
    if (nargs > 1 && kw[0])
        return kr_err_format(kr_exc_TypeError,
                             "argument for sum() given by name ('start') and position (2)");
    if (start) {
        if (KR_STR_CHECK(start)) {
            kr_err_set_string(kr_exc_TypeError,
                              "sum() can't sum strings [use ''.join(seq) instead]");
            return NULL;
        }
        if (KR_BYTES_CHECK(start)) {
            kr_err_set_string(kr_exc_TypeError,
                              "sum() can't sum bytes [use b''.join(seq) instead]");
            return NULL;
        }
        if (KR_TYPE_IS(start, &kr_bytearray_type)) {
            kr_err_set_string(kr_exc_TypeError,
                              "sum() can't sum bytearray [use b''.join(seq) instead]");
            return NULL;
        }
    }
    KrObject *iter = kr_object_get_iter(args[0]);
    if (!iter) return NULL;
    KrObject *result = start ? KR_NEWREF(start) : kr_int_from_i64(0);
    KrObject *item = NULL;
    if (!result) goto fail;

    /* Exact ints summed in an int64 while they fit. */
    if (KR_INT_CHECK_EXACT(result) && kr_int_is_small(result)) {
        int64_t acc = ((KrInt *)result)->value;
        KR_CLEAR(result);
        for (;;) {
            item = kr_iter_next(iter);
            if (!item) {
                if (kr_err_occurred()) goto fail;
                KR_DECREF(iter);
                return kr_int_from_i64(acc);
            }
            int64_t nacc;
            if ((KR_INT_CHECK_EXACT(item) || KR_TYPE(item) == &kr_bool_type) &&
                kr_int_is_small(item) &&
                !__builtin_add_overflow(acc, ((KrInt *)item)->value, &nacc)) {
                acc = nacc;
                KR_CLEAR(item);
                continue;
            }
            result = kr_int_from_i64(acc);
            if (!result) goto fail;
            KrObject *t = kr_number_add(result, item);
            KR_SETREF(result, t);
            KR_CLEAR(item);
            if (!result) goto fail;
            break;
        }
    }
    /* Floats with Neumaier's compensated summation (3.12). */
    if (KR_FLOAT_CHECK_EXACT(result)) {
        double f = ((KrFloat *)result)->value, c = 0.0;
        KR_CLEAR(result);
        for (;;) {
            item = kr_iter_next(iter);
            if (!item) {
                if (kr_err_occurred()) goto fail;
                KR_DECREF(iter);
                if (c != 0.0 && isfinite(c)) f += c;
                return kr_float_from_double(f);
            }
            if (KR_FLOAT_CHECK_EXACT(item)) {
                double x = ((KrFloat *)item)->value, t = f + x;
                if (fabs(f) >= fabs(x))
                    c += (f - t) + x;
                else
                    c += (x - t) + f;
                f = t;
                KR_CLEAR(item);
                continue;
            }
            if (KR_INT_CHECK(item) && kr_int_is_small(item)) {
                f += (double)((KrInt *)item)->value;
                KR_CLEAR(item);
                continue;
            }
            if (c != 0.0 && isfinite(c)) f += c;
            result = kr_float_from_double(f);
            if (!result) goto fail;
            KrObject *t = kr_number_add(result, item);
            KR_SETREF(result, t);
            KR_CLEAR(item);
            if (!result) goto fail;
            break;
        }
    }
    for (;;) {
        item = kr_iter_next(iter);
        if (!item) {
            if (kr_err_occurred()) goto fail;
            break;
        }
        KrObject *t = kr_number_add(result, item);
        KR_SETREF(result, t);
        KR_CLEAR(item);
        if (!result) goto fail;
    }
    KR_DECREF(iter);
    return result;
fail:
    KR_XDECREF(item);
    KR_XDECREF(result);
    KR_DECREF(iter);
    return NULL;
}

/* ===========================================================================
 * min / max / sorted
 * ========================================================================= */

static KrObject *min_max(KrObject *const *args, kr_ssize nargs, KrObject *kwnames, int op,
                         const char *name) {
    static const char *const names[] = {"key", "default", NULL};
    KrObject *kw[2] = {NULL, NULL};
    if (parse_kwargs(name, args, nargs, kwnames, names, kw) < 0) return NULL;
    KrObject *keyfunc = kw[0] == kr_none ? NULL : kw[0], *deflt = kw[1];
    if (nargs == 0)
        return kr_err_format(kr_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && deflt)
        return kr_err_format(kr_exc_TypeError,
                             "Cannot specify a default for %s() with multiple positional arguments",
                             name);
    KrObject *it = NULL;
    if (nargs == 1) {
        it = kr_object_get_iter(args[0]);
        if (!it) return NULL;
    }
    KrObject *maxitem = NULL, *maxval = NULL;
    for (kr_ssize i = 0;; i++) {
        KrObject *item;
        if (it) {
            item = kr_iter_next(it);
            if (!item) {
                if (kr_err_occurred()) goto fail;
                break;
            }
        } else {
            if (i >= nargs) break;
            item = KR_NEWREF(args[i]);
        }
        KrObject *val = keyfunc ? kr_call_one(keyfunc, item) : KR_NEWREF(item);
        if (!val) {
            KR_DECREF(item);
            goto fail;
        }
        if (!maxval) {
            maxitem = item;
            maxval = val;
            continue;
        }
        int cmp = kr_object_richcompare_bool(val, maxval, op);
        if (cmp < 0) {
            KR_DECREF(item);
            KR_DECREF(val);
            goto fail;
        }
        if (cmp > 0) {
            KR_SETREF(maxval, val);
            KR_SETREF(maxitem, item);
        } else {
            KR_DECREF(item);
            KR_DECREF(val);
        }
    }
    KR_XDECREF(it);
    if (!maxval) {
        if (deflt) return KR_NEWREF(deflt);
        return kr_err_format(kr_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    KR_DECREF(maxval);
    return maxitem;
fail:
    KR_XDECREF(it);
    KR_XDECREF(maxitem);
    KR_XDECREF(maxval);
    return NULL;
}

static KrObject *builtin_min(KrObject *self, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    return min_max(args, nargs, kwnames, KR_LT, "min");
}

static KrObject *builtin_max(KrObject *self, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    return min_max(args, nargs, kwnames, KR_GT, "max");
}

static KrObject *builtin_sorted(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    if (check_nargs("sorted", nargs, 1, 1) < 0) return NULL;
    static const char *const names[] = {"key", "reverse", NULL};
    KrObject *kw[2] = {NULL, NULL};
    if (parse_kwargs("sort", args, nargs, kwnames, names, kw) < 0) return NULL;
    int reverse = 0;
    if (kw[1]) {
        if (KR_FLOAT_CHECK(kw[1])) {
            kr_err_set_string(kr_exc_TypeError,
                              "'float' object cannot be interpreted as an integer");
            return NULL;
        }
        kr_ssize r = kr_number_as_ssize(kw[1], NULL);
        if (r == -1 && kr_err_occurred()) return NULL;
        reverse = r != 0;
    }
    KrObject *l = kr_list_from_iterable(args[0]);
    if (!l) return NULL;
    if (kr_list_sort(l, kw[0] == kr_none ? NULL : kw[0], reverse) < 0) {
        KR_DECREF(l);
        return NULL;
    }
    return l;
}

/* ===========================================================================
 * Iteration and types
 * ========================================================================= */

static KrObject *builtin_iter(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    if (no_kwargs("iter", kwnames) < 0 || check_nargs("iter", nargs, 1, 2) < 0) return NULL;
    if (nargs == 1) return kr_object_get_iter(args[0]);
    if (!KR_TYPE(args[0])->tp_call) {
        kr_err_set_string(kr_exc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return kr_calliter_new(args[0], args[1]);
}

static KrObject *builtin_next(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    if (no_kwargs("next", kwnames) < 0 || check_nargs("next", nargs, 1, 2) < 0) return NULL;
    KrObject *it = args[0];
    kr_iternextfunc f = KR_TYPE(it)->tp_iternext;
    if (!f) return kr_err_format(kr_exc_TypeError, "'%T' object is not an iterator", it);
    KrObject *r = f(it);
    if (r) return r;
    if (kr_err_occurred()) {
        if (nargs < 2 || !kr_err_matches(kr_exc_StopIteration)) return NULL;
        kr_err_clear();
    }
    if (nargs > 1) return KR_NEWREF(args[1]);
    kr_err_set_none(kr_exc_StopIteration);
    return NULL;
}

static KrObject *builtin_isinstance(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("isinstance", nargs, 2, 2) < 0) return NULL;
    int r = kr_object_isinstance(args[0], args[1]);
    return r < 0 ? NULL : KR_NEWREF(kr_bool_from(r));
}

static KrObject *builtin_issubclass(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (check_nargs("issubclass", nargs, 2, 2) < 0) return NULL;
    int r = kr_object_issubclass(args[0], args[1]);
    return r < 0 ? NULL : KR_NEWREF(kr_bool_from(r));
}

static KrObject *builtin_format(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"value", "format_spec", NULL};
    KrObject *kw[2] = {NULL, NULL};
    if (nargs > 2)
        return kr_err_format(kr_exc_TypeError, "format expected at most 2 arguments, got %zd",
                             nargs);
    if (parse_kwargs("format", args, nargs, kwnames, names, kw) < 0) return NULL;
    KrObject *value = nargs > 0 ? args[0] : kw[0], *spec = nargs > 1 ? args[1] : kw[1];
    if (!value)
        return kr_err_format(kr_exc_TypeError,
                             "format() missing required argument 'value' (pos 1)");
    if (spec && !KR_STR_CHECK(spec))
        return kr_err_format(kr_exc_TypeError, "format() argument 2 must be str, not %T", spec);
    KrObject *empty = NULL;
    if (!spec) {
        empty = kr_str_from_cstr("");
        if (!empty) return NULL;
        spec = empty;
    }
    KrObject *r = kr_object_format(value, spec);
    KR_XDECREF(empty);
    return r;
}

/* ===========================================================================
 * compile / exec / eval
 * ========================================================================= */

/* UTF-8 text of a str/bytes/bytearray source, or NULL with `what`'s TypeError. */
static const char *source_text(KrObject *src, kr_ssize *len, const char *fname, const char *what) {
    const char *s;
    if (KR_STR_CHECK(src)) {
        s = kr_str_data(src);
        *len = kr_str_size(src);
    } else if (KR_BYTES_CHECK(src)) {
        s = kr_bytes_data(src);
        *len = KR_SIZE(src);
    } else if (KR_TYPE_IS(src, &kr_bytearray_type)) {
        s = kr_bytearray_data(src);
        *len = KR_SIZE(src);
    } else {
        kr_err_format(kr_exc_TypeError, "%s() arg 1 must be a %s object", fname, what);
        return NULL;
    }
    if (memchr(s, 0, (size_t)*len)) {
        kr_err_set_string(kr_exc_ValueError, "source code string cannot contain null bytes");
        return NULL;
    }
    return s;
}

static KrObject *builtin_compile(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                 KrObject *kwnames) {
    static const char *const names[] = {
        "source",   "filename",         "mode", "flags", "dont_inherit",
        "optimize", "_feature_version", NULL};
    KrObject *v[7] = {NULL};
    if (nargs > 6)
        return kr_err_format(kr_exc_TypeError, "compile() takes at most 6 arguments (%zd given)",
                             nargs);
    for (kr_ssize i = 0; i < nargs; i++)
        v[i] = args[i];
    KrObject *kw[7] = {NULL};
    if (parse_kwargs("compile", args, nargs, kwnames, names, kw) < 0) return NULL;
    for (int i = 0; i < 7; i++) {
        if (kw[i]) {
            if (v[i])
                return kr_err_format(
                    kr_exc_TypeError,
                    "argument for compile() given by name ('%s') and position (%d)", names[i],
                    i + 1);
            v[i] = kw[i];
        }
    }
    for (int i = 0; i < 3; i++)
        if (!v[i])
            return kr_err_format(kr_exc_TypeError,
                                 "compile() missing required argument '%s' (pos %d)", names[i],
                                 i + 1);
    if (!KR_STR_CHECK(v[2]))
        return kr_err_format(kr_exc_TypeError, "compile() argument 'mode' must be str, not %T",
                             v[2]);
    const char *mode = kr_str_data(v[2]);
    if (strcmp(mode, "exec") && strcmp(mode, "eval") && strcmp(mode, "single") &&
        strcmp(mode, "func_type")) {
        kr_err_set_string(kr_exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        return NULL;
    }
    int flags = 0;
    if (v[3]) {
        kr_ssize f = kr_number_as_ssize(v[3], kr_exc_OverflowError);
        if (f == -1 && kr_err_occurred()) return NULL;
        flags = (int)f;
    }
    KrObject *fname_obj = NULL;
    const char *filename;
    if (KR_STR_CHECK(v[1])) {
        filename = kr_str_data(v[1]);
    } else if (KR_BYTES_CHECK(v[1])) {
        filename = kr_bytes_data(v[1]);
    } else {
        /* os.PathLike */
        int found = 0;
        fname_obj = kr_call_special(v[1], kr_str_intern_cstr("__fspath__"), NULL, 0, &found);
        if (!fname_obj || !KR_STR_CHECK(fname_obj)) {
            KR_XDECREF(fname_obj);
            if (!kr_err_occurred() || kr_err_matches(kr_exc_TypeError)) {
                kr_err_clear();
                kr_err_format(kr_exc_TypeError, "expected str, bytes or os.PathLike object, not %T",
                              v[1]);
            }
            return NULL;
        }
        filename = kr_str_data(fname_obj);
    }
    int optimize = 0;
    if (v[5]) {
        kr_ssize o = kr_number_as_ssize(v[5], kr_exc_OverflowError);
        if (o == -1 && kr_err_occurred()) {
            KR_XDECREF(fname_obj);
            return NULL;
        }
        optimize = o < 0 ? 0 : (int)o;
    }
    /* AST objects and PyCF_ONLY_AST are handled by the _ast module */
    int handled;
    KrObject *r = kr_ast_compile_hook(v[0], filename, mode, flags, optimize, &handled);
    if (handled) {
        KR_XDECREF(fname_obj);
        return r;
    }
    kr_ssize len;
    const char *src = source_text(v[0], &len, "compile", "string, bytes or AST");
    if (src) r = kr_compile_string(src, len, filename, mode, flags);
    KR_XDECREF(fname_obj);
    return r;
}

/* Resolves the namespaces of exec/eval; returns new refs in *g and *l. */
static int exec_namespaces(const char *fname, KrObject *globals, KrObject *locals, KrObject **g,
                           KrObject **l) {
    if (globals == kr_none) globals = NULL;
    if (locals == kr_none) locals = NULL;
    if (globals && !KR_DICT_CHECK(globals)) {
        if (strcmp(fname, "exec") == 0)
            kr_err_format(kr_exc_TypeError, "exec() globals must be a dict, not %T", globals);
        else if (KR_TYPE(globals)->tp_as_mapping && KR_TYPE(globals)->tp_as_mapping->mp_subscript)
            kr_err_set_string(kr_exc_TypeError,
                              "globals must be a real dict; try eval(expr, {}, mapping)");
        else
            kr_err_set_string(kr_exc_TypeError, "globals must be a dict");
        return -1;
    }
    if (locals &&
        !(KR_TYPE(locals)->tp_as_mapping && KR_TYPE(locals)->tp_as_mapping->mp_subscript)) {
        kr_err_set_string(kr_exc_TypeError, "locals must be a mapping");
        return -1;
    }
    if (!globals) {
        globals = kr_eval_get_globals();
        if (!globals) {
            kr_err_format(kr_exc_SystemError, "%s(): no globals", fname);
            return -1;
        }
        KR_INCREF(globals);
        if (!locals) {
            locals = kr_eval_get_locals();
            if (!locals) {
                KR_DECREF(globals);
                return -1;
            }
        } else {
            KR_INCREF(locals);
        }
    } else {
        KR_INCREF(globals);
        locals = KR_NEWREF(locals ? locals : globals);
    }
    /* Code run by exec/eval finds the builtins through its globals. */
    KrObject *key = kr_str_intern_cstr("__builtins__");
    int has = kr_dict_contains(globals, key);
    if (has == 0) {
        KrObject *b = kr_eval_get_builtins();
        if (!b) b = kr_interp.builtins;
        has = b ? kr_dict_set_item(globals, key, b) : 0;
    }
    if (has < 0) {
        KR_DECREF(globals);
        KR_DECREF(locals);
        return -1;
    }
    *g = globals;
    *l = locals;
    return 0;
}

static KrObject *exec_or_eval(const char *fname, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames, bool is_eval) {
    static const char *const names_exec[] = {"globals", "locals", "closure", NULL};
    static const char *const names_eval[] = {"globals", "locals", NULL};
    if (check_nargs(fname, nargs, 1, 3) < 0) return NULL;
    KrObject *kw[3] = {NULL, NULL, NULL};
    if (parse_kwargs(fname, args, nargs, kwnames, is_eval ? names_eval : names_exec, kw) < 0)
        return NULL;
    KrObject *source = args[0];
    KrObject *globals = nargs > 1 ? args[1] : kw[0], *locals = nargs > 2 ? args[2] : kw[1];
    KrObject *g, *l;
    if (exec_namespaces(fname, globals ? globals : kr_none, locals ? locals : kr_none, &g, &l) < 0)
        return NULL;
    KrObject *code = NULL, *result = NULL;
    if (KR_TYPE(source) == &kr_code_type) {
        if (((KrCode *)source)->nfreevars > 0 && !(kw[2] && kw[2] != kr_none)) {
            kr_err_format(kr_exc_TypeError,
                          "code object passed to %s() may not contain free variables", fname);
            goto done;
        }
        code = KR_NEWREF(source);
    } else {
        kr_ssize len;
        const char *src = source_text(source, &len, fname, "string, bytes or code");
        if (!src) goto done;
        if (is_eval) {
            while (len > 0 && (*src == ' ' || *src == '\t')) {
                src++;
                len--;
            }
        }
        code = kr_compile_string(src, len, "<string>", is_eval ? "eval" : "exec", 0);
        if (!code) goto done;
    }
    result = kr_eval_code(code, g, l);
    if (result && !is_eval) KR_SETREF(result, kr_none);
done:
    KR_XDECREF(code);
    KR_DECREF(g);
    KR_DECREF(l);
    return result;
}

static KrObject *builtin_exec(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    return exec_or_eval("exec", args, nargs, kwnames, false);
}

static KrObject *builtin_eval(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    return exec_or_eval("eval", args, nargs, kwnames, true);
}

/* ===========================================================================
 * Import, open, class building, exit
 * ========================================================================= */

static KrObject *builtin_import(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                KrObject *kwnames) {
    static const char *const names[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    KrObject *v[5] = {NULL};
    if (nargs > 5)
        return kr_err_format(kr_exc_TypeError, "__import__() takes at most 5 arguments (%zd given)",
                             nargs);
    for (kr_ssize i = 0; i < nargs; i++)
        v[i] = args[i];
    KrObject *kw[5] = {NULL};
    if (parse_kwargs("__import__", args, nargs, kwnames, names, kw) < 0) return NULL;
    for (int i = 0; i < 5; i++)
        if (kw[i]) v[i] = kw[i];
    if (!v[0])
        return kr_err_format(kr_exc_TypeError,
                             "__import__() missing required argument 'name' (pos 1)");
    if (!KR_STR_CHECK(v[0]))
        return kr_err_format(kr_exc_TypeError, "__import__() argument 1 must be str, not %T", v[0]);
    int level = 0;
    if (v[4]) {
        kr_ssize lv = kr_number_as_ssize(v[4], kr_exc_OverflowError);
        if (lv == -1 && kr_err_occurred()) return NULL;
        level = (int)lv;
    }
    return kr_import_name(v[0], v[1] ? v[1] : kr_none, v[3] ? v[3] : kr_none, level);
}

static KrObject *builtin_open(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    return kr_io_open(args, nargs, kwnames);
}

static KrObject *builtin_build_class(KrObject *self, KrObject *const *args, kr_ssize nargs,
                                     KrObject *kwnames) {
    return kr_type_build_class(self, args, nargs, kwnames);
}

static KrObject *builtin_exit(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    static const char *const names[] = {"code", NULL};
    KrObject *kw[1] = {NULL};
    if (parse_kwargs("exit", args, nargs, kwnames, names, kw) < 0) return NULL;
    KrObject *code = nargs > 0 ? args[0] : kw[0];
    /* Like site.Quitter: close stdin first so a parent process sees EOF. */
    KrObject *in = kr_sys_get("stdin");
    if (in && in != kr_none) {
        KrObject *r = call_method0(in, "close");
        if (r)
            KR_DECREF(r);
        else
            kr_err_clear();
    }
    KrObject *exc_args = kr_tuple_pack(1, code ? code : kr_none);
    if (!exc_args) return NULL;
    kr_err_set_object(kr_exc_SystemExit, exc_args);
    KR_DECREF(exc_args);
    return NULL;
}

static KrObject *print_text(const char *text) {
    KrObject *s = kr_str_from_cstr(text);
    if (!s) return NULL;
    KrObject *r = builtin_print(NULL, &s, 1, NULL);
    KR_DECREF(s);
    return r;
}

static KrObject *builtin_copyright(KrObject *self, KrObject *unused) {
    return print_text(
        "Copyright (c) 2001-2023 Python Software Foundation.\nAll Rights Reserved.\n\n"
        "Krait is an independent implementation of the Python language.");
}

static KrObject *builtin_credits(KrObject *self, KrObject *unused) {
    return print_text("    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of "
                      "thousands\n    for supporting Python development.  See www.python.org "
                      "for more information.");
}

static KrObject *builtin_license(KrObject *self, KrObject *unused) {
    return print_text("See https://www.python.org/psf/license/");
}

/* ===========================================================================
 * The module
 * ========================================================================= */

#define FASTKW (KR_METH_FASTCALL | KR_METH_KEYWORDS)

static KrMethodDef builtin_methods[] = {
    {"__build_class__", (void *)builtin_build_class, FASTKW,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal helper "
     "function used by the class statement."},
    {"__import__", (void *)builtin_import, FASTKW,
     "__import__(name, globals=None, locals=None, fromlist=(), level=0) -> module"},
    {"abs", (void *)builtin_abs, KR_METH_O, "Return the absolute value of the argument."},
    {"all", (void *)builtin_all, KR_METH_O,
     "Return True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is "
     "empty, return True."},
    {"any", (void *)builtin_any, KR_METH_O,
     "Return True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, "
     "return False."},
    {"ascii", (void *)builtin_ascii, KR_METH_O,
     "Return an ASCII-only representation of an object."},
    {"bin", (void *)builtin_bin, KR_METH_O,
     "Return the binary representation of an integer.\n\n   >>> bin(2796202)\n   "
     "'0b1010101010101010101010'"},
    {"callable", (void *)builtin_callable, KR_METH_O,
     "Return whether the object is callable (i.e., some kind of function)."},
    {"chr", (void *)builtin_chr, KR_METH_O,
     "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"compile", (void *)builtin_compile, FASTKW,
     "Compile source into a code object that can be executed by exec() or eval()."},
    {"delattr", (void *)builtin_delattr, KR_METH_FASTCALL,
     "Deletes the named attribute from the given object."},
    {"dir", (void *)builtin_dir, KR_METH_FASTCALL,
     "Show attributes of an object.\n\nIf called without an argument, return the names in the "
     "current scope."},
    {"divmod", (void *)builtin_divmod, KR_METH_FASTCALL,
     "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {"eval", (void *)builtin_eval, FASTKW,
     "Evaluate the given source in the context of globals and locals."},
    {"exec", (void *)builtin_exec, FASTKW,
     "Execute the given source in the context of globals and locals."},
    {"format", (void *)builtin_format, FASTKW,
     "Return value.__format__(format_spec)\n\nformat_spec defaults to the empty string."},
    {"getattr", (void *)builtin_getattr, KR_METH_FASTCALL,
     "getattr(object, name[, default]) -> value\n\nGet a named attribute from an object; "
     "getattr(x, 'y') is equivalent to x.y."},
    {"globals", (void *)builtin_globals, KR_METH_NOARGS,
     "Return the dictionary containing the current scope's global variables."},
    {"hasattr", (void *)builtin_hasattr, KR_METH_FASTCALL,
     "Return whether the object has an attribute with the given name."},
    {"hash", (void *)builtin_hash, KR_METH_O, "Return the hash value for the given object."},
    {"hex", (void *)builtin_hex, KR_METH_O,
     "Return the hexadecimal representation of an integer.\n\n   >>> hex(12648430)\n   "
     "'0xc0ffee'"},
    {"id", (void *)builtin_id, KR_METH_O, "Return the identity of an object."},
    {"input", (void *)builtin_input, KR_METH_FASTCALL,
     "Read a string from standard input.  The trailing newline is stripped."},
    {"isinstance", (void *)builtin_isinstance, KR_METH_FASTCALL,
     "Return whether an object is an instance of a class or of a subclass thereof."},
    {"issubclass", (void *)builtin_issubclass, KR_METH_FASTCALL,
     "Return whether 'cls' is derived from another class or is the same class."},
    {"iter", (void *)builtin_iter, FASTKW,
     "iter(iterable) -> iterator\niter(callable, sentinel) -> iterator\n\nGet an iterator from "
     "an object."},
    {"aiter", (void *)builtin_aiter, KR_METH_O,
     "Return an AsyncIterator for an AsyncIterable object."},
    {"len", (void *)builtin_len, KR_METH_O, "Return the number of items in a container."},
    {"locals", (void *)builtin_locals, KR_METH_NOARGS,
     "Return a dictionary containing the current scope's local variables."},
    {"max", (void *)builtin_max, FASTKW,
     "max(iterable, *[, default=obj, key=func]) -> value\nmax(arg1, arg2, *args, *[, key=func]) "
     "-> value\n\nWith a single iterable argument, return its biggest item."},
    {"min", (void *)builtin_min, FASTKW,
     "min(iterable, *[, default=obj, key=func]) -> value\nmin(arg1, arg2, *args, *[, key=func]) "
     "-> value\n\nWith a single iterable argument, return its smallest item."},
    {"next", (void *)builtin_next, FASTKW,
     "next(iterator[, default])\n\nReturn the next item from the iterator."},
    {"anext", (void *)builtin_anext, KR_METH_FASTCALL,
     "anext(aiterator[, default])\n\nReturn the next item from the async iterator."},
    {"oct", (void *)builtin_oct, KR_METH_O,
     "Return the octal representation of an integer.\n\n   >>> oct(342391)\n   '0o1234567'"},
    {"open", (void *)builtin_open, FASTKW, "Open file and return a stream."},
    {"ord", (void *)builtin_ord, KR_METH_O,
     "Return the Unicode code point for a one-character string."},
    {"pow", (void *)builtin_pow, FASTKW,
     "Equivalent to base**exp with 2 arguments or base**exp % mod with 3 arguments"},
    {"print", (void *)builtin_print, FASTKW,
     "Prints the values to a stream, or to sys.stdout by default."},
    {"repr", (void *)builtin_repr, KR_METH_O,
     "Return the canonical string representation of the object."},
    {"round", (void *)builtin_round, FASTKW,
     "Round a number to a given precision in decimal digits."},
    {"setattr", (void *)builtin_setattr, KR_METH_FASTCALL,
     "Sets the named attribute on the given object to the specified value."},
    {"sorted", (void *)builtin_sorted, FASTKW,
     "Return a new list containing all items from the iterable in ascending order."},
    {"sum", (void *)builtin_sum, FASTKW,
     "Return the sum of a 'start' value (default: 0) plus an iterable of numbers"},
    {"vars", (void *)builtin_vars, KR_METH_FASTCALL,
     "vars([object]) -> dictionary\n\nWithout arguments, equivalent to locals().\nWith an "
     "argument, equivalent to object.__dict__."},
    {"exit", (void *)builtin_exit, FASTKW, "Exit the interpreter by raising SystemExit(code)."},
    {"quit", (void *)builtin_exit, FASTKW, "Exit the interpreter by raising SystemExit(code)."},
    {"copyright", (void *)builtin_copyright, KR_METH_NOARGS,
     "interactive prompt objects for printing the license text"},
    {"credits", (void *)builtin_credits, KR_METH_NOARGS,
     "interactive prompt objects for printing the license text"},
    {"license", (void *)builtin_license, KR_METH_NOARGS,
     "interactive prompt objects for printing the license text"},
    {NULL, NULL, 0, NULL},
};

static int add(KrObject *m, const char *name, KrObject *value) {
    return kr_module_add_object(m, name, KR_NEWREF(value));
}

KrObject *kr_builtins_init(void) {
    KrObject *m = kr_module_new_cstr("builtins");
    if (!m) return NULL;
    KrObject *doc = kr_str_from_cstr(
        "Built-in functions, types, exceptions, and other objects.\n\nThis module provides "
        "direct access to all 'built-in'\nidentifiers of Python; for example, builtins.len is\n"
        "the full name for the built-in function len().\n\nThis module is not normally accessed "
        "explicitly by most\napplications, but can be useful in modules that provide\nobjects "
        "with the same name as a built-in value, but in\nwhich the built-in of that name is also "
        "needed.");
    if (!doc || kr_module_add_object(m, "__doc__", doc) < 0) goto fail;
    if (kr_module_add_functions(m, builtin_methods) < 0) goto fail;

    struct {
        const char *name;
        KrObject *value;
    } constants[] = {
        {"None", kr_none},
        {"Ellipsis", kr_ellipsis},
        {"NotImplemented", kr_notimplemented},
        {"False", kr_false},
        {"True", kr_true},
        {"__debug__", kr_true},
        {"bool", (KrObject *)&kr_bool_type},
        {"bytearray", (KrObject *)&kr_bytearray_type},
        {"bytes", (KrObject *)&kr_bytes_type},
        {"classmethod", (KrObject *)&kr_classmethod_type},
        {"complex", (KrObject *)&kr_complex_type},
        {"dict", (KrObject *)&kr_dict_type},
        {"enumerate", (KrObject *)&kr_enumerate_type},
        {"filter", (KrObject *)&kr_filter_type},
        {"float", (KrObject *)&kr_float_type},
        {"frozenset", (KrObject *)&kr_frozenset_type},
        {"property", (KrObject *)&kr_property_type},
        {"int", (KrObject *)&kr_int_type},
        {"list", (KrObject *)&kr_list_type},
        {"map", (KrObject *)&kr_map_type},
        {"object", (KrObject *)&kr_object_type},
        {"range", (KrObject *)&kr_range_type},
        {"reversed", (KrObject *)&kr_reversed_type},
        {"set", (KrObject *)&kr_set_type},
        {"slice", (KrObject *)&kr_slice_type},
        {"staticmethod", (KrObject *)&kr_staticmethod_type},
        {"str", (KrObject *)&kr_str_type},
        {"super", (KrObject *)&kr_super_type},
        {"tuple", (KrObject *)&kr_tuple_type},
        {"type", (KrObject *)&kr_type_type},
        {"zip", (KrObject *)&kr_zip_type},
    };
    for (size_t i = 0; i < sizeof constants / sizeof *constants; i++)
        if (add(m, constants[i].name, constants[i].value) < 0) goto fail;

#define ADD_EXC(cname, pyname, base, layout)                                                       \
    if (!kr_exc_##cname || add(m, pyname, (KrObject *)kr_exc_##cname) < 0) goto fail;
    KR_EXCEPTION_LIST(ADD_EXC)
#undef ADD_EXC
    if (add(m, "EnvironmentError", (KrObject *)kr_exc_OSError) < 0 ||
        add(m, "IOError", (KrObject *)kr_exc_OSError) < 0)
        goto fail;
    return m;
fail:
    KR_DECREF(m);
    return NULL;
}
