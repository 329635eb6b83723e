/* code.c - code objects: the wordcode, constants, names, exception table and line table
 * the assembler produces (kr_code_new from a KrCodeSpec), the co_* attributes Python
 * sees, and the offset -> line / offset -> handler lookups the interpreter needs. */
#include <string.h>

#include "ceval_internal.h"

static uint32_t next_code_version = 1;

static KrObject *names_of_kind(KrCode *co, int mask);

KrObject *kr_code_new(const KrCodeSpec *spec) {
    if (!spec || spec->ncodeunits < 0 || !spec->consts || !KR_TUPLE_CHECK(spec->consts) ||
        !spec->names || !KR_TUPLE_CHECK(spec->names) || !spec->localsplusnames ||
        !KR_TUPLE_CHECK(spec->localsplusnames) || !spec->filename || !spec->name) {
        kr_err_bad_internal_call("kr_code_new");
        return NULL;
    }
    KrCode *co = (KrCode *)kr_object_new(&kr_code_type);
    if (!co) return NULL;
    kr_ssize n = spec->ncodeunits;
    kr_ssize nlp = KR_SIZE(spec->localsplusnames);
    co->code = kr_mem_malloc((size_t)(n ? n : 1) * sizeof(KrCodeUnit));
    co->localspluskinds = kr_mem_malloc((size_t)(nlp ? nlp : 1));
    co->locations = kr_mem_malloc((size_t)(n ? n : 1) * sizeof(KrCodeLocation));
    co->exctable = kr_mem_malloc((size_t)(spec->nexctable ? spec->nexctable : 1) *
                                 sizeof(KrExcTableEntry));
    if (!co->code || !co->localspluskinds || !co->locations || !co->exctable) {
        KR_DECREF(co);
        return NULL;
    }
    if (n) memcpy(co->code, spec->code, (size_t)n * sizeof(KrCodeUnit));
    co->ncodeunits = n;
    if (nlp) memcpy(co->localspluskinds, spec->localspluskinds, (size_t)nlp);
    if (spec->nexctable)
        memcpy(co->exctable, spec->exctable, (size_t)spec->nexctable * sizeof(KrExcTableEntry));
    co->nexctable = spec->nexctable;
    for (kr_ssize i = 0; i < n; i++) {
        if (spec->locations) {
            co->locations[i] = spec->locations[i];
        } else {
            co->locations[i] = (KrCodeLocation){spec->firstlineno, spec->firstlineno, -1, -1};
        }
    }
    co->consts = KR_NEWREF(spec->consts);
    co->names = KR_NEWREF(spec->names);
    co->localsplusnames = KR_NEWREF(spec->localsplusnames);
    co->argcount = spec->argcount;
    co->posonlyargcount = spec->posonlyargcount;
    co->kwonlyargcount = spec->kwonlyargcount;
    co->stacksize = spec->stacksize;
    co->flags = spec->flags;
    co->firstlineno = spec->firstlineno;
    co->filename = KR_NEWREF(spec->filename);
    co->name = KR_NEWREF(spec->name);
    co->qualname = KR_NEWREF(spec->qualname ? spec->qualname : spec->name);
    co->nlocalsplus = (int)nlp;
    co->nlocals = co->ncellvars = co->nfreevars = 0;
    for (kr_ssize i = 0; i < nlp; i++) {
        uint8_t k = co->localspluskinds[i];
        if (k & (KR_LOCAL_KIND_ARG | KR_LOCAL_KIND_LOCAL)) co->nlocals++;
        if (k & KR_LOCAL_KIND_CELL) co->ncellvars++;
        if (k & KR_LOCAL_KIND_FREE) co->nfreevars++;
    }
    co->version = next_code_version++;
    return (KrObject *)co;
}

int kr_code_addr_to_line(KrCode *co, int offset) {
    if (offset < 0) return co->firstlineno;
    if (offset >= co->ncodeunits) return -1;
    return co->locations[offset].line;
}

int kr_code_find_handler(KrCode *co, int offset, KrExcTableEntry *out) {
    int lo = 0, hi = co->nexctable - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        KrExcTableEntry *e = &co->exctable[mid];
        if ((uint32_t)offset < e->start) {
            hi = mid - 1;
        } else if ((uint32_t)offset >= e->end) {
            lo = mid + 1;
        } else {
            *out = *e;
            return 1;
        }
    }
    return 0;
}

/* ---------------------------------------------------------------------------
 * Type slots
 * ------------------------------------------------------------------------- */

static void code_dealloc(KrObject *self) {
    KrCode *co = (KrCode *)self;
    kr_weakref_clear_all(self);
    kr_mem_free(co->code);
    kr_mem_free(co->localspluskinds);
    kr_mem_free(co->locations);
    kr_mem_free(co->exctable);
    KR_XDECREF(co->consts);
    KR_XDECREF(co->names);
    KR_XDECREF(co->localsplusnames);
    KR_XDECREF(co->filename);
    KR_XDECREF(co->name);
    KR_XDECREF(co->qualname);
    KR_XDECREF(co->code_bytes);
    kr_object_free(self);
}

static KrObject *code_repr(KrObject *self) {
    KrCode *co = (KrCode *)self;
    return kr_str_from_format("<code object %U at %p, file \"%U\", line %d>", co->name, self,
                              co->filename, co->firstlineno);
}

static int code_equal(KrCode *a, KrCode *b) {
    if (a == b) return 1;
    if (a->argcount != b->argcount || a->posonlyargcount != b->posonlyargcount ||
        a->kwonlyargcount != b->kwonlyargcount || a->flags != b->flags ||
        a->firstlineno != b->firstlineno || a->ncodeunits != b->ncodeunits)
        return 0;
    if (memcmp(a->code, b->code, (size_t)a->ncodeunits * sizeof(KrCodeUnit)) != 0) return 0;
    KrObject *pairs[][2] = {{a->name, b->name},
                            {a->qualname, b->qualname},
                            {a->consts, b->consts},
                            {a->names, b->names},
                            {a->localsplusnames, b->localsplusnames}};
    for (size_t i = 0; i < sizeof(pairs) / sizeof(pairs[0]); i++) {
        int r = kr_object_richcompare_bool(pairs[i][0], pairs[i][1], KR_EQ);
        if (r <= 0) return r;
    }
    return 1;
}

static KrObject *code_richcompare(KrObject *a, KrObject *b, int op) {
    if ((op != KR_EQ && op != KR_NE) || KR_TYPE(b) != &kr_code_type) return kr_notimplemented;
    int r = code_equal((KrCode *)a, (KrCode *)b);
    if (r < 0) return NULL;
    if (op == KR_NE) r = !r;
    return kr_bool_new(r);
}

static kr_hash code_hash(KrObject *self) {
    KrCode *co = (KrCode *)self;
    kr_hash h = kr_object_hash(co->name);
    if (h == -1) return -1;
    kr_hash h2 = kr_object_hash(co->names);
    if (h2 == -1) return -1;
    uint64_t x = (uint64_t)h * 1000003u ^ (uint64_t)h2;
    x = x * 1000003u ^ (uint64_t)co->argcount;
    x = x * 1000003u ^ (uint64_t)co->flags;
    x = x * 1000003u ^ (uint64_t)co->ncodeunits;
    for (kr_ssize i = 0; i < co->ncodeunits; i++) x = x * 31u + co->code[i];
    kr_hash r = (kr_hash)(x >> 1);
    return r == -1 ? -2 : r;
}

/* ---------------------------------------------------------------------------
 * Attributes
 * ------------------------------------------------------------------------- */

/* co_code: the wordcode as bytes, [opcode, arg] per unit as CPython lays it out. */
static KrObject *code_get_code(KrObject *self, void *c) {
    KrCode *co = (KrCode *)self;
    kr_ssize n = co->ncodeunits;
    char *buf = kr_mem_malloc((size_t)(n ? n : 1) * 2);
    if (!buf) return NULL;
    for (kr_ssize i = 0; i < n; i++) {
        buf[2 * i] = (char)KR_CU_OP(co->code[i]);
        buf[2 * i + 1] = (char)KR_CU_ARG(co->code[i]);
    }
    KrObject *r = kr_bytes_from_data(buf, n * 2);
    kr_mem_free(buf);
    return r;
}

static KrObject *names_of_kind(KrCode *co, int mask) {
    kr_ssize count = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & mask) count++;
    KrObject *t = kr_tuple_new(count);
    if (!t) return NULL;
    kr_ssize j = 0;
    for (int i = 0; i < co->nlocalsplus; i++) {
        if (co->localspluskinds[i] & mask) {
            KrObject *name = KR_TUPLE_ITEM(co->localsplusnames, i);
            KR_TUPLE_ITEM(t, j++) = KR_NEWREF(name);
        }
    }
    return t;
}

static KrObject *code_get_varnames(KrObject *self, void *c) {
    return names_of_kind((KrCode *)self, KR_LOCAL_KIND_ARG | KR_LOCAL_KIND_LOCAL);
}
static KrObject *code_get_cellvars(KrObject *self, void *c) {
    return names_of_kind((KrCode *)self, KR_LOCAL_KIND_CELL);
}
static KrObject *code_get_freevars(KrObject *self, void *c) {
    return names_of_kind((KrCode *)self, KR_LOCAL_KIND_FREE);
}

#define CODE_OBJ_GETTER(field)                                                             \
    static KrObject *code_get_##field(KrObject *self, void *c) {                           \
        return KR_NEWREF(((KrCode *)self)->field);                                         \
    }
CODE_OBJ_GETTER(consts)
CODE_OBJ_GETTER(names)
CODE_OBJ_GETTER(filename)
CODE_OBJ_GETTER(name)
CODE_OBJ_GETTER(qualname)

#define CODE_INT_GETTER(attr, expr)                                                        \
    static KrObject *code_get_##attr(KrObject *self, void *c) {                            \
        KrCode *co = (KrCode *)self;                                                       \
        (void)co;                                                                          \
        return kr_int_from_i64((int64_t)(expr));                                           \
    }
CODE_INT_GETTER(argcount, co->argcount)
CODE_INT_GETTER(posonlyargcount, co->posonlyargcount)
CODE_INT_GETTER(kwonlyargcount, co->kwonlyargcount)
CODE_INT_GETTER(nlocals, co->nlocals)
CODE_INT_GETTER(stacksize, co->stacksize)
CODE_INT_GETTER(flags, co->flags & ~KR_CO_HAS_DOCSTRING)
CODE_INT_GETTER(firstlineno, co->firstlineno)

static KrObject *code_get_empty_bytes(KrObject *self, void *c) {
    return kr_bytes_from_data("", 0);
}

static KrGetSetDef code_getset[] = {
    {"co_code", code_get_code, NULL, NULL, NULL},
    {"_co_code_adaptive", code_get_code, NULL, NULL, NULL},
    {"co_consts", code_get_consts, NULL, NULL, NULL},
    {"co_names", code_get_names, NULL, NULL, NULL},
    {"co_varnames", code_get_varnames, NULL, NULL, NULL},
    {"co_cellvars", code_get_cellvars, NULL, NULL, NULL},
    {"co_freevars", code_get_freevars, NULL, NULL, NULL},
    {"co_filename", code_get_filename, NULL, NULL, NULL},
    {"co_name", code_get_name, NULL, NULL, NULL},
    {"co_qualname", code_get_qualname, NULL, NULL, NULL},
    {"co_argcount", code_get_argcount, NULL, NULL, NULL},
    {"co_posonlyargcount", code_get_posonlyargcount, NULL, NULL, NULL},
    {"co_kwonlyargcount", code_get_kwonlyargcount, NULL, NULL, NULL},
    {"co_nlocals", code_get_nlocals, NULL, NULL, NULL},
    {"co_stacksize", code_get_stacksize, NULL, NULL, NULL},
    {"co_flags", code_get_flags, NULL, NULL, NULL},
    {"co_firstlineno", code_get_firstlineno, NULL, NULL, NULL},
    {"co_linetable", code_get_empty_bytes, NULL, NULL, NULL},
    {"co_exceptiontable", code_get_empty_bytes, NULL, NULL, NULL},
    {"co_lnotab", code_get_empty_bytes, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---------------------------------------------------------------------------
 * Methods
 * ------------------------------------------------------------------------- */

static KrObject *opt_int(int v) { return v < 0 ? kr_none : kr_int_from_i64(v); }

/* co_lines(): (start, end, line) in bytes for runs of code units with the same line. */
static KrObject *code_co_lines(KrObject *self, KrObject *unused) {
    KrCode *co = (KrCode *)self;
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    kr_ssize i = 0;
    while (i < co->ncodeunits) {
        int line = co->locations[i].line;
        kr_ssize j = i + 1;
        while (j < co->ncodeunits && co->locations[j].line == line) j++;
        KrObject *ln = opt_int(line);
        KrObject *t = ln ? kr_tuple_new(3) : NULL;
        KrObject *a = t ? kr_int_from_ssize(i * 2) : NULL;
        KrObject *b = a ? kr_int_from_ssize(j * 2) : NULL;
        if (!b) {
            KR_XDECREF(ln);
            KR_XDECREF(t);
            KR_XDECREF(a);
            KR_DECREF(list);
            return NULL;
        }
        KR_TUPLE_ITEM(t, 0) = a;
        KR_TUPLE_ITEM(t, 1) = b;
        KR_TUPLE_ITEM(t, 2) = ln;
        if (kr_list_append_steal(list, t) < 0) {
            KR_DECREF(list);
            return NULL;
        }
        i = j;
    }
    KrObject *it = kr_object_get_iter(list);
    KR_DECREF(list);
    return it;
}

/* co_positions(): (line, end_line, col, end_col) for every code unit. */
static KrObject *code_co_positions(KrObject *self, KrObject *unused) {
    KrCode *co = (KrCode *)self;
    KrObject *list = kr_list_new(0);
    if (!list) return NULL;
    for (kr_ssize i = 0; i < co->ncodeunits; i++) {
        KrCodeLocation *loc = &co->locations[i];
        KrObject *t = kr_tuple_new(4);
        if (!t) goto fail;
        int vals[4] = {loc->line, loc->end_line, loc->col, loc->end_col};
        for (int k = 0; k < 4; k++) {
            KrObject *v = opt_int(vals[k]);
            if (!v) {
                for (int m = k; m < 4; m++) KR_TUPLE_ITEM(t, m) = KR_NEWREF(kr_none);
                KR_DECREF(t);
                goto fail;
            }
            KR_TUPLE_ITEM(t, k) = v;
        }
        if (kr_list_append_steal(list, t) < 0) goto fail;
    }
    KrObject *it = kr_object_get_iter(list);
    KR_DECREF(list);
    return it;
fail:
    KR_DECREF(list);
    return NULL;
}

/* replace(**changes): a copy with some co_* fields replaced. */
static KrObject *code_replace(KrObject *self, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    KrCode *co = (KrCode *)self;
    if (nargs != 0) {
        kr_err_format(kr_exc_TypeError, "replace() takes no positional arguments");
        return NULL;
    }
    KrCodeSpec spec = {
        .code = co->code, .ncodeunits = co->ncodeunits, .consts = co->consts,
        .names = co->names, .localsplusnames = co->localsplusnames,
        .localspluskinds = co->localspluskinds, .argcount = co->argcount,
        .posonlyargcount = co->posonlyargcount, .kwonlyargcount = co->kwonlyargcount,
        .stacksize = co->stacksize, .flags = co->flags, .firstlineno = co->firstlineno,
        .filename = co->filename, .name = co->name, .qualname = co->qualname,
        .exctable = co->exctable, .nexctable = co->nexctable, .locations = co->locations,
    };
    KrCodeUnit *newcode = NULL;
    KrCodeLocation *newlocs = NULL;
    KrObject *result = NULL;
    kr_ssize nkw = kwnames ? KR_SIZE(kwnames) : 0;
    for (kr_ssize i = 0; i < nkw; i++) {
        KrObject *key = KR_TUPLE_ITEM(kwnames, i);
        KrObject *v = args[i];
        const char *k = kr_str_data(key);
        int *intfield = NULL;
        KrObject **objfield = NULL;
        int want_tuple = 0;
        if (!strcmp(k, "co_argcount")) intfield = &spec.argcount;
        else if (!strcmp(k, "co_posonlyargcount")) intfield = &spec.posonlyargcount;
        else if (!strcmp(k, "co_kwonlyargcount")) intfield = &spec.kwonlyargcount;
        else if (!strcmp(k, "co_stacksize")) intfield = &spec.stacksize;
        else if (!strcmp(k, "co_flags")) intfield = &spec.flags;
        else if (!strcmp(k, "co_firstlineno")) intfield = &spec.firstlineno;
        else if (!strcmp(k, "co_nlocals")) continue; /* derived from the names */
        else if (!strcmp(k, "co_consts")) objfield = &spec.consts, want_tuple = 1;
        else if (!strcmp(k, "co_names")) objfield = &spec.names, want_tuple = 1;
        else if (!strcmp(k, "co_filename")) objfield = &spec.filename;
        else if (!strcmp(k, "co_name")) objfield = &spec.name;
        else if (!strcmp(k, "co_qualname")) objfield = &spec.qualname;
        else if (!strcmp(k, "co_linetable") || !strcmp(k, "co_exceptiontable")) continue;
        else if (!strcmp(k, "co_varnames") || !strcmp(k, "co_cellvars") ||
                 !strcmp(k, "co_freevars")) {
            if (!KR_TUPLE_CHECK(v)) {
                kr_err_format(kr_exc_TypeError, "%s must be a tuple, not %T", k, v);
                goto done;
            }
            KrObject *cur = names_of_kind(co, !strcmp(k, "co_varnames")
                                                  ? (KR_LOCAL_KIND_ARG | KR_LOCAL_KIND_LOCAL)
                                                  : !strcmp(k, "co_cellvars") ? KR_LOCAL_KIND_CELL
                                                                             : KR_LOCAL_KIND_FREE);
            if (!cur) goto done;
            int same = kr_object_richcompare_bool(cur, v, KR_EQ);
            KR_DECREF(cur);
            if (same < 0) goto done;
            if (!same) {
                kr_err_format(kr_exc_ValueError, "replacing %s is not supported", k);
                goto done;
            }
            continue;
        } else if (!strcmp(k, "co_code")) {
            if (!KR_BYTES_CHECK(v)) {
                kr_err_format(kr_exc_TypeError, "co_code must be bytes, not %T", v);
                goto done;
            }
            kr_ssize nb = KR_SIZE(v);
            if (nb % 2) {
                kr_err_format(kr_exc_ValueError, "code: co_code is malformed");
                goto done;
            }
            kr_ssize nu = nb / 2;
            kr_mem_free(newcode);
            kr_mem_free(newlocs);
            newcode = kr_mem_malloc((size_t)(nu ? nu : 1) * sizeof(KrCodeUnit));
            newlocs = kr_mem_malloc((size_t)(nu ? nu : 1) * sizeof(KrCodeLocation));
            if (!newcode || !newlocs) goto done;
            const unsigned char *d = (const unsigned char *)kr_bytes_data(v);
            for (kr_ssize u = 0; u < nu; u++) {
                newcode[u] = KR_CU_MAKE(d[2 * u], d[2 * u + 1]);
                newlocs[u] = u < co->ncodeunits
                                 ? co->locations[u]
                                 : (KrCodeLocation){-1, -1, -1, -1};
            }
            spec.code = newcode;
            spec.ncodeunits = nu;
            spec.locations = newlocs;
            continue;
        } else {
            kr_err_format(kr_exc_TypeError, "replace() got an unexpected keyword argument '%U'",
                          key);
            goto done;
        }
        if (intfield) {
            if (!KR_INT_CHECK(v)) {
                kr_err_format(kr_exc_TypeError, "%s must be int, not %T", k, v);
                goto done;
            }
            int64_t x = kr_int_as_i64(v);
            if (x == -1 && kr_err_occurred()) goto done;
            *intfield = (int)x;
        } else {
            if (want_tuple ? !KR_TUPLE_CHECK(v) : !KR_STR_CHECK(v)) {
                kr_err_format(kr_exc_TypeError, "%s must be %s, not %T", k,
                              want_tuple ? "a tuple" : "a string", v);
                goto done;
            }
            *objfield = v;
        }
    }
    result = kr_code_new(&spec);
done:
    kr_mem_free(newcode);
    kr_mem_free(newlocs);
    return result;
}

static KrObject *code_sizeof(KrObject *self, KrObject *unused) {
    KrCode *co = (KrCode *)self;
    return kr_int_from_ssize((kr_ssize)sizeof(KrCode) + co->ncodeunits * 2);
}

static KrMethodDef code_methods[] = {
    {"co_lines", (void *)code_co_lines, KR_METH_NOARGS, NULL},
    {"co_positions", (void *)code_co_positions, KR_METH_NOARGS, NULL},
    {"replace", (void *)code_replace, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"__replace__", (void *)code_replace, KR_METH_FASTCALL | KR_METH_KEYWORDS, NULL},
    {"__sizeof__", (void *)code_sizeof, KR_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

KrType kr_code_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "code",
    .tp_basicsize = sizeof(KrCode),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_hash = code_hash,
    .tp_richcompare = code_richcompare,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_DISALLOW_INSTANTIATION,
    .tp_doc = "Create a code object.  Not for the faint of heart.",
    .tp_weaklistoffset = offsetof(KrCode, weakreflist),
    .tp_methods = code_methods,
    .tp_getset = code_getset,
};
