/* re_pcre2.c - the `_re_pcre2` module: the matching engine under `re`, on PCRE2.
 * stdlib/re/_parser.py translates Python regex syntax to PCRE2 syntax; this file
 * compiles the result and runs matches, reporting spans in code points for str subjects
 * (Krait strs are UTF-8, PCRE2 reports byte offsets) and in bytes for bytes subjects. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <string.h>

#include "krait.h"

/* Option bits passed from Python (re/_parser.py keeps the same numbers). */
enum {
    OPT_CASELESS = 1,
    OPT_MULTILINE = 2,
    OPT_DOTALL = 4,
    OPT_UTF = 8, /* a str pattern: subjects must be str */
    OPT_UCP = 16,
};

/* Match modes of Code.search */
enum { MODE_SEARCH = 0, MODE_MATCH = 1, MODE_FULLMATCH = 2 };

typedef struct {
    KR_OBJECT_HEAD;
    pcre2_code *code[3]; /* by mode: unanchored, anchored, anchored at both ends */
    char *text;          /* the translated pattern, for the lazily compiled variants */
    size_t text_len;
    uint32_t options;
    int is_str;
    int ngroups;
    _Atomic(pcre2_match_data *) spare; /* one cached match block, taken by exchange */
} KrRePcre2Code;

extern KrType kr_re_pcre2_code_type;

/* ---------------------------------------------------------------------------
 * Compiling
 * ------------------------------------------------------------------------- */

static pcre2_code *compile_variant(const char *text, size_t len, uint32_t opts, int mode,
                                   int *errcode, PCRE2_SIZE *erroff) {
    uint32_t o = 0;
    if (opts & OPT_CASELESS) o |= PCRE2_CASELESS;
    if (opts & OPT_MULTILINE) o |= PCRE2_MULTILINE;
    if (opts & OPT_DOTALL) o |= PCRE2_DOTALL;
    if (opts & OPT_UTF) o |= PCRE2_UTF | PCRE2_NO_UTF_CHECK;
    if (opts & OPT_UCP) o |= PCRE2_UCP;
    if (mode >= MODE_MATCH) o |= PCRE2_ANCHORED;
    if (mode == MODE_FULLMATCH) o |= PCRE2_ENDANCHORED;
    pcre2_compile_context *cc = pcre2_compile_context_create(NULL);
    if (cc) pcre2_set_newline(cc, PCRE2_NEWLINE_LF);
    pcre2_code *c = pcre2_compile((PCRE2_SPTR)text, len, o, errcode, erroff, cc);
    if (cc) pcre2_compile_context_free(cc);
    if (c) pcre2_jit_compile(c, PCRE2_JIT_COMPLETE); /* optional: falls back to the interpreter */
    return c;
}

static void raise_compile_error(int errcode, PCRE2_SIZE erroff) {
    PCRE2_UCHAR buf[256];
    if (pcre2_get_error_message(errcode, buf, sizeof buf) < 0) strcpy((char *)buf, "error");
    KrObject *msg = kr_str_from_cstr((const char *)buf);
    KrObject *off = msg ? kr_int_from_ssize((kr_ssize)erroff) : NULL;
    KrObject *args = off ? kr_tuple_pack(2, msg, off) : NULL;
    if (args) kr_err_set_object(kr_exc_ValueError, args);
    KR_XDECREF(msg);
    KR_XDECREF(off);
    KR_XDECREF(args);
}

/* compile(text, options) -> Code; ValueError((message, offset)) when PCRE2 refuses. */
static KrObject *re_compile(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    (void)self;
    if (kr_arg_check_positional("compile", nargs, 2, 2) < 0) return NULL;
    const char *text;
    kr_ssize len;
    if (KR_STR_CHECK(args[0])) {
        text = kr_str_data(args[0]);
        len = kr_str_size(args[0]);
    } else if (!kr_bytes_like_view(args[0], &text, &len)) {
        return kr_err_format(kr_exc_TypeError, "expected str or bytes, not %T", args[0]);
    }
    kr_ssize opts = kr_number_as_ssize(args[1], kr_exc_OverflowError);
    if (opts == -1 && kr_err_occurred()) return NULL;
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *c = compile_variant(text, (size_t)len, (uint32_t)opts, MODE_SEARCH, &errcode,
                                    &erroff);
    if (!c) {
        raise_compile_error(errcode, erroff);
        return NULL;
    }
    KrRePcre2Code *co = (KrRePcre2Code *)kr_object_new(&kr_re_pcre2_code_type);
    if (!co) {
        pcre2_code_free(c);
        return NULL;
    }
    co->code[MODE_SEARCH] = c;
    co->text = kr_mem_malloc((size_t)len + 1);
    if (!co->text) {
        KR_DECREF(co);
        return NULL;
    }
    memcpy(co->text, text, (size_t)len);
    co->text[len] = 0;
    co->text_len = (size_t)len;
    co->options = (uint32_t)opts;
    co->is_str = (opts & OPT_UTF) != 0;
    uint32_t cap = 0;
    pcre2_pattern_info(c, PCRE2_INFO_CAPTURECOUNT, &cap);
    co->ngroups = (int)cap;
    return (KrObject *)co;
}

static pcre2_code *code_for_mode(KrRePcre2Code *co, int mode) {
    if (co->code[mode]) return co->code[mode];
    int errcode;
    PCRE2_SIZE erroff;
    pcre2_code *c = compile_variant(co->text, co->text_len, co->options, mode, &errcode, &erroff);
    if (!c) {
        raise_compile_error(errcode, erroff);
        return NULL;
    }
    co->code[mode] = c;
    return c;
}

/* ---------------------------------------------------------------------------
 * Subjects and offsets
 * ------------------------------------------------------------------------- */

typedef struct {
    const char *data;
    kr_ssize size;   /* bytes */
    kr_ssize length; /* code points (== size unless a non-ASCII str) */
    bool utf;        /* offsets need converting */
    /* last converted position, so successive conversions walk only forward */
    kr_ssize base_byte, base_cp;
} Subject;

static int subject_init(Subject *s, KrRePcre2Code *co, KrObject *o) {
    if (KR_STR_CHECK(o)) {
        if (!co->is_str)
            return kr_err_format(kr_exc_TypeError, "cannot use a bytes pattern on a string-like object"),
                   -1;
        s->data = kr_str_data(o);
        s->size = kr_str_size(o);
        s->length = kr_str_length(o);
        s->utf = !((KrStr *)o)->ascii;
        if (s->utf) {
            /* lone surrogates (WTF-8) are not UTF-8: PCRE2 must not see them */
            const unsigned char *p = (const unsigned char *)s->data;
            for (kr_ssize i = 0; i + 1 < s->size; i++) {
                if (p[i] == 0xED && p[i + 1] >= 0xA0) {
                    kr_err_set_string(kr_exc_ValueError,
                                      "regular expressions cannot search strings with surrogates");
                    return -1;
                }
            }
        }
    } else {
        if (!kr_bytes_like_view(o, &s->data, &s->size))
            return kr_err_format(kr_exc_TypeError, "expected string or bytes-like object, got '%T'",
                                 o),
                   -1;
        if (co->is_str)
            return kr_err_format(kr_exc_TypeError, "cannot use a string pattern on a bytes-like object"),
                   -1;
        s->length = s->size;
        s->utf = false;
    }
    s->base_byte = s->base_cp = 0;
    return 0;
}

static kr_ssize cp_to_byte(Subject *s, KrObject *o, kr_ssize cp) {
    if (!s->utf) return cp;
    return kr_str_byte_offset(o, cp);
}

/* Byte offset -> code point index, walking from the last conversion. */
static kr_ssize byte_to_cp(Subject *s, kr_ssize b) {
    if (!s->utf) return b;
    const unsigned char *p = (const unsigned char *)s->data;
    kr_ssize cb = s->base_byte, cc = s->base_cp;
    if (b >= cb) {
        for (; cb < b; cb++)
            if ((p[cb] & 0xC0) != 0x80) cc++;
    } else {
        for (; cb > b; cb--)
            if ((p[cb - 1] & 0xC0) != 0x80) cc--;
    }
    s->base_byte = cb;
    s->base_cp = cc;
    return cc;
}

/* Clamps pos/endpos as CPython's state_init does. */
static int parse_range(KrObject *const *args, kr_ssize length, kr_ssize *pos, kr_ssize *endpos) {
    kr_ssize p = kr_number_as_ssize(args[0], NULL);
    if (p == -1 && kr_err_occurred()) return -1;
    kr_ssize e = kr_number_as_ssize(args[1], NULL);
    if (e == -1 && kr_err_occurred()) return -1;
    if (p < 0) p = 0;
    if (p > length) p = length;
    if (e < 0) e = 0;
    if (e > length) e = length;
    *pos = p;
    *endpos = e;
    return 0;
}

static pcre2_match_data *take_match_data(KrRePcre2Code *co) {
    pcre2_match_data *md = atomic_exchange(&co->spare, NULL);
    if (md) return md;
    md = pcre2_match_data_create((uint32_t)co->ngroups + 1, NULL);
    if (!md) kr_err_no_memory();
    return md;
}

static void give_match_data(KrRePcre2Code *co, pcre2_match_data *md) {
    pcre2_match_data *old = atomic_exchange(&co->spare, md);
    if (old) pcre2_match_data_free(old);
}

/* Runs one match; returns >0 on a match, 0 for none, -1 with an exception. */
static int run_match(pcre2_code *c, Subject *s, kr_ssize bstart, kr_ssize bend, uint32_t flags,
                     pcre2_match_data *md) {
    int rc = pcre2_match(c, (PCRE2_SPTR)s->data, (PCRE2_SIZE)bend, (PCRE2_SIZE)bstart,
                         flags | PCRE2_NO_UTF_CHECK, md, NULL);
    if (rc == PCRE2_ERROR_JIT_STACKLIMIT)
        rc = pcre2_match(c, (PCRE2_SPTR)s->data, (PCRE2_SIZE)bend, (PCRE2_SIZE)bstart,
                         flags | PCRE2_NO_UTF_CHECK | PCRE2_NO_JIT, md, NULL);
    if (rc >= 0) return 1;
    if (rc == PCRE2_ERROR_NOMATCH) return 0;
    if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
        rc == PCRE2_ERROR_HEAPLIMIT) {
        kr_err_set_string(kr_exc_RecursionError, "maximum recursion limit exceeded");
        return -1;
    }
    PCRE2_UCHAR buf[256];
    if (pcre2_get_error_message(rc, buf, sizeof buf) < 0) strcpy((char *)buf, "match error");
    kr_err_format(kr_exc_RuntimeError, "internal error in regular expression engine: %s",
                  (const char *)buf);
    return -1;
}

/* The spans of the last match as a flat tuple (start0, end0, start1, end1, ...). */
static KrObject *spans_tuple(KrRePcre2Code *co, Subject *s, pcre2_match_data *md) {
    PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
    kr_ssize n = 2 * ((kr_ssize)co->ngroups + 1);
    KrObject *t = kr_tuple_new(n);
    if (!t) return NULL;
    for (kr_ssize i = 0; i < n; i++) {
        kr_ssize v = ov[i] == PCRE2_UNSET ? -1 : byte_to_cp(s, (kr_ssize)ov[i]);
        KrObject *iv = kr_int_from_ssize(v);
        if (!iv) {
            KR_DECREF(t);
            return NULL;
        }
        KR_TUPLE_ITEM(t, i) = iv;
    }
    return t;
}

/* ---------------------------------------------------------------------------
 * Code methods
 * ------------------------------------------------------------------------- */

/* search(string, pos, endpos, mode) -> spans tuple or None */
static KrObject *code_search(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    KrRePcre2Code *co = (KrRePcre2Code *)self;
    if (kr_arg_check_positional("search", nargs, 4, 4) < 0) return NULL;
    Subject s;
    if (subject_init(&s, co, args[0]) < 0) return NULL;
    kr_ssize pos, endpos;
    if (parse_range(args + 1, s.length, &pos, &endpos) < 0) return NULL;
    kr_ssize mode = kr_number_as_ssize(args[3], NULL);
    if (mode == -1 && kr_err_occurred()) return NULL;
    if (mode < 0 || mode > 2) mode = 0;
    if (pos > endpos) return kr_none;
    pcre2_code *c = code_for_mode(co, (int)mode);
    if (!c) return NULL;
    kr_ssize bpos = cp_to_byte(&s, args[0], pos);
    kr_ssize bend = cp_to_byte(&s, args[0], endpos);
    s.base_byte = bpos;
    s.base_cp = pos;
    pcre2_match_data *md = take_match_data(co);
    if (!md) return NULL;
    int r = run_match(c, &s, bpos, bend, 0, md);
    KrObject *res = r > 0 ? spans_tuple(co, &s, md) : r == 0 ? kr_none : NULL;
    give_match_data(co, md);
    return res;
}

/* scan(string, pos, endpos, maxcount) -> list of spans tuples of successive
 * non-overlapping matches (maxcount <= 0: all). An empty match is allowed right after
 * a non-empty one, but the search after an empty match must advance (Python 3.7+). */
static KrObject *code_scan(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    KrRePcre2Code *co = (KrRePcre2Code *)self;
    if (kr_arg_check_positional("scan", nargs, 4, 4) < 0) return NULL;
    Subject s;
    if (subject_init(&s, co, args[0]) < 0) return NULL;
    kr_ssize pos, endpos;
    if (parse_range(args + 1, s.length, &pos, &endpos) < 0) return NULL;
    kr_ssize maxcount = kr_number_as_ssize(args[3], NULL);
    if (maxcount == -1 && kr_err_occurred()) return NULL;
    KrObject *list = kr_list_new(0);
    if (!list || pos > endpos) return list;
    pcre2_code *c = co->code[MODE_SEARCH];
    kr_ssize bpos = cp_to_byte(&s, args[0], pos);
    kr_ssize bend = cp_to_byte(&s, args[0], endpos);
    s.base_byte = bpos;
    s.base_cp = pos;
    pcre2_match_data *md = take_match_data(co);
    if (!md) {
        KR_DECREF(list);
        return NULL;
    }
    uint32_t flags = 0;
    kr_ssize count = 0;
    while (bpos <= bend && (maxcount <= 0 || count < maxcount)) {
        int r = run_match(c, &s, bpos, bend, flags, md);
        if (r < 0) goto fail;
        if (r == 0) break;
        KrObject *t = spans_tuple(co, &s, md);
        if (!t || kr_list_append_steal(list, t) < 0) goto fail;
        count++;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        kr_ssize ms = (kr_ssize)ov[0], me = (kr_ssize)ov[1];
        /* \K can put the start after the end; never move backwards */
        if (me < bpos) me = bpos;
        flags = (me == ms) ? PCRE2_NOTEMPTY_ATSTART : 0;
        bpos = me;
    }
    give_match_data(co, md);
    return list;
fail:
    give_match_data(co, md);
    KR_DECREF(list);
    return NULL;
}

static void code_dealloc(KrObject *o) {
    KrRePcre2Code *co = (KrRePcre2Code *)o;
    for (int i = 0; i < 3; i++)
        if (co->code[i]) pcre2_code_free(co->code[i]);
    pcre2_match_data *md = atomic_exchange(&co->spare, NULL);
    if (md) pcre2_match_data_free(md);
    kr_mem_free(co->text);
    kr_object_free(o);
}

static KrObject *code_get_groups(KrObject *self, void *closure) {
    (void)closure;
    return kr_int_from_ssize(((KrRePcre2Code *)self)->ngroups);
}

static KrMethodDef code_methods[] = {
    {"search", (void *)code_search, KR_METH_FASTCALL,
     "search(string, pos, endpos, mode) -> flat tuple of spans, or None"},
    {"scan", (void *)code_scan, KR_METH_FASTCALL,
     "scan(string, pos, endpos, maxcount) -> list of span tuples"},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef code_getset[] = {
    {"groups", code_get_groups, NULL, "number of capturing groups", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_re_pcre2_code_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "_re_pcre2.Code",
    .tp_basicsize = sizeof(KrRePcre2Code),
    .tp_dealloc = code_dealloc,
    .tp_flags = KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_methods = code_methods,
    .tp_getset = code_getset,
};

/* ---------------------------------------------------------------------------
 * The module
 * ------------------------------------------------------------------------- */

static KrMethodDef module_methods[] = {
    {"compile", (void *)re_compile, KR_METH_FASTCALL,
     "compile(pcre2_text, options) -> Code"},
    {NULL, NULL, 0, NULL},
};

KrObject *kr_re_pcre2_init(void) {
    if (kr_type_ready(&kr_re_pcre2_code_type) < 0) return NULL;
    KrObject *m = kr_module_new_cstr("_re_pcre2");
    if (!m) return NULL;
    if (kr_module_add_functions(m, module_methods) < 0) goto fail;
    KR_INCREF(&kr_re_pcre2_code_type);
    if (kr_module_add_object(m, "Code", (KrObject *)&kr_re_pcre2_code_type) < 0) goto fail;
    if (kr_module_add_object(m, "OPT_CASELESS", kr_int_from_i64(OPT_CASELESS)) < 0 ||
        kr_module_add_object(m, "OPT_MULTILINE", kr_int_from_i64(OPT_MULTILINE)) < 0 ||
        kr_module_add_object(m, "OPT_DOTALL", kr_int_from_i64(OPT_DOTALL)) < 0 ||
        kr_module_add_object(m, "OPT_UTF", kr_int_from_i64(OPT_UTF)) < 0 ||
        kr_module_add_object(m, "OPT_UCP", kr_int_from_i64(OPT_UCP)) < 0)
        goto fail;
    return m;
fail:
    KR_DECREF(m);
    return NULL;
}
