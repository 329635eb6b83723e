/* astmodule.c - the `_ast` module: the Python-level AST classes generated from
 * frontend/ast.def, conversion of the front end's C AST to Python objects (ast.parse)
 * and back into an arena (compile(tree, ...)), with CPython's validation messages. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "ast.h"
#include "compiler/compiler.h"
#include "krait.h"

/* ===========================================================================
 * Field tables expanded from ast.def
 * ========================================================================= */

typedef enum {
    FT_NODE, FT_NODE_OPT, FT_SEQ, FT_IDENT, FT_IDENT_OPT, FT_IDENT_SEQ, FT_STRING_OPT,
    FT_CONST, FT_INT, FT_EXPR_CONTEXT, FT_BOOLOP, FT_OPERATOR, FT_UNARYOP, FT_CMPOP_SEQ,
} FieldType;

typedef struct {
    const char *name;
    FieldType type;
    size_t offset; /* of the field inside KrAstNode */
} FieldDesc;

#define KR_AST_NODE(cat, k, loc) static const FieldDesc fields_##k[] = {
#define KR_AST_FIELD(k, ft, nm) {#nm, FT_##ft, offsetof(KrAstNode, v.k.nm)},
#define KR_AST_END(k) {NULL, FT_NODE, 0}};
#include "ast.def"
#undef KR_AST_NODE
#undef KR_AST_FIELD
#undef KR_AST_END

typedef struct {
    const char *name, *category;
    int has_location;
    const FieldDesc *fields;
} KindDesc;

static const KindDesc kinds[KR_AST__COUNT] = {
    [KR_AST_INVALID] = {NULL, NULL, 0, NULL},
#define KR_AST_NODE(cat, k, loc) [KR_AST_##k] = {#k, #cat, loc, fields_##k},
#define KR_AST_FIELD(k, ft, nm)
#define KR_AST_END(k)
#include "ast.def"
#undef KR_AST_NODE
#undef KR_AST_FIELD
#undef KR_AST_END
};

/* The simple sum types: enumerations in ast.h, numbered from 1 in ASDL order. */
enum { ENUM_CTX, ENUM_BOOLOP, ENUM_OPERATOR, ENUM_UNARYOP, ENUM_CMPOP, ENUM__COUNT };
static const char *const ctx_names[] = {"Load", "Store", "Del", NULL};
static const char *const boolop_names[] = {"And", "Or", NULL};
static const char *const operator_names[] = {"Add", "Sub", "Mult", "MatMult", "Div",
                                             "Mod", "Pow", "LShift", "RShift", "BitOr",
                                             "BitXor", "BitAnd", "FloorDiv", NULL};
static const char *const unaryop_names[] = {"Invert", "Not", "UAdd", "USub", NULL};
static const char *const cmpop_names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt",
                                          "GtE", "Is", "IsNot", "In", "NotIn", NULL};
static const struct {
    const char *category;
    const char *const *names;
} enums[ENUM__COUNT] = {
    {"expr_context", ctx_names}, {"boolop", boolop_names}, {"operator", operator_names},
    {"unaryop", unaryop_names},  {"cmpop", cmpop_names},
};
#define ENUM_MAX 14

/* Which category a node-valued field holds. ast.def says only "a node"; the ASDL
 * types follow from the field names, with these exceptions to the default `expr`. */
static const char *field_category(KrAstKind k, const FieldDesc *f) {
    const char *n = f->name;
    if (f->type == FT_SEQ &&
        (!strcmp(n, "body") || !strcmp(n, "orelse") || !strcmp(n, "finalbody")))
        return "stmt";
    if (!strcmp(n, "type_ignores")) return "type_ignore";
    if (!strcmp(n, "type_params")) return "type_param";
    if (!strcmp(n, "keywords")) return "keyword";
    if (!strcmp(n, "handlers")) return "excepthandler";
    if (!strcmp(n, "items")) return "withitem";
    if (!strcmp(n, "cases")) return "match_case";
    if (!strcmp(n, "generators")) return "comprehension";
    if (!strcmp(n, "pattern") || !strcmp(n, "patterns") || !strcmp(n, "kwd_patterns"))
        return "pattern";
    if (k == KR_AST_Import || k == KR_AST_ImportFrom) return "alias"; /* names */
    if (k == KR_AST_arguments) {
        if (!strcmp(n, "defaults") || !strcmp(n, "kw_defaults")) return "expr";
        return "arg";
    }
    if (f->type != FT_SEQ && !strcmp(n, "args")) return "arguments";
    return "expr";
}

/* ===========================================================================
 * The AST base type
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *dict;
} KrAstObject;

static KrObject *ast_tp_new(KrType *t, KrObject *args, KrObject *kwargs) {
    (void)args;
    (void)kwargs;
    KrObject *self = kr_type_generic_alloc(t, 0);
    if (!self) return NULL;
    ((KrAstObject *)self)->dict = kr_dict_new();
    if (!((KrAstObject *)self)->dict) {
        KR_DECREF(self);
        return NULL;
    }
    return self;
}

/* AST(*args, **kwargs): positional arguments fill _fields in order. */
static int ast_tp_init(KrObject *self, KrObject *args, KrObject *kwargs) {
    KrObject *fields = NULL;
    if (kr_object_lookup_attr((KrObject *)KR_TYPE(self), kr_str_intern_cstr("_fields"),
                              &fields) < 0)
        return -1;
    kr_ssize nargs = args ? KR_SIZE(args) : 0;
    kr_ssize nfields = 0;
    if (fields) {
        nfields = kr_object_length(fields);
        if (nfields < 0) {
            KR_DECREF(fields);
            return -1;
        }
    }
    if (nargs > nfields) {
        kr_err_format(kr_exc_TypeError, "%s constructor takes at most %zd positional argument%s",
                      kr_type_name_cstr(KR_TYPE(self)), nfields, nfields == 1 ? "" : "s");
        KR_XDECREF(fields);
        return -1;
    }
    for (kr_ssize i = 0; i < nargs; i++) {
        KrObject *idx = kr_int_from_ssize(i);
        KrObject *name = idx ? kr_object_get_item(fields, idx) : NULL;
        KR_XDECREF(idx);
        if (!name || kr_object_setattr(self, name, KR_TUPLE_ITEM(args, i)) < 0) {
            KR_XDECREF(name);
            KR_DECREF(fields);
            return -1;
        }
        KR_DECREF(name);
    }
    if (kwargs) {
        kr_ssize pos = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            if (nargs > 0) {
                for (kr_ssize i = 0; i < nargs; i++) {
                    KrObject *idx = kr_int_from_ssize(i);
                    KrObject *name = idx ? kr_object_get_item(fields, idx) : NULL;
                    KR_XDECREF(idx);
                    if (!name) {
                        KR_DECREF(fields);
                        return -1;
                    }
                    int eq = kr_object_richcompare_bool(name, k, KR_EQ);
                    KR_DECREF(name);
                    if (eq) {
                        if (eq > 0)
                            kr_err_format(kr_exc_TypeError,
                                          "%s got multiple values for argument %R",
                                          kr_type_name_cstr(KR_TYPE(self)), k);
                        KR_DECREF(fields);
                        return -1;
                    }
                }
            }
            if (kr_object_setattr(self, k, v) < 0) {
                KR_XDECREF(fields);
                return -1;
            }
        }
    }
    KR_XDECREF(fields);
    return 0;
}

static void ast_dealloc(KrObject *self) {
    kr_gc_untrack(self);
    KR_CLEAR(((KrAstObject *)self)->dict);
    kr_object_free(self);
}

static int ast_traverse(KrObject *self, kr_visitproc visit, void *arg) {
    KrObject *d = ((KrAstObject *)self)->dict;
    return d ? visit(d, arg) : 0;
}

static int ast_clear(KrObject *self) {
    KR_CLEAR(((KrAstObject *)self)->dict);
    return 0;
}

/* __reduce__: (type, (), __dict__) so copy and pickle rebuild nodes. */
static KrObject *ast_reduce(KrObject *self, KrObject *unused) {
    (void)unused;
    KrObject *d = ((KrAstObject *)self)->dict;
    if (!d) return kr_tuple_pack(2, (KrObject *)KR_TYPE(self), kr_empty_tuple);
    return kr_tuple_pack(3, (KrObject *)KR_TYPE(self), kr_empty_tuple, d);
}

static KrObject *ast_get_dict(KrObject *self, void *closure) {
    (void)closure;
    KrAstObject *a = (KrAstObject *)self;
    if (!a->dict && !(a->dict = kr_dict_new())) return NULL;
    return KR_NEWREF(a->dict);
}

static KrMethodDef ast_methods[] = {
    {"__reduce__", (void *)ast_reduce, KR_METH_NOARGS, "Helper for pickle."},
    {NULL, NULL, 0, NULL},
};

static KrGetSetDef ast_getset[] = {
    {"__dict__", ast_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

KrType kr_ast_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "ast.AST",
    .tp_basicsize = sizeof(KrAstObject),
    .tp_dealloc = ast_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_setattro = kr_object_generic_setattr,
    .tp_flags = KR_TPFLAGS_HAVE_GC | KR_TPFLAGS_BASETYPE,
    .tp_traverse = ast_traverse,
    .tp_clear = ast_clear,
    .tp_dictoffset = offsetof(KrAstObject, dict),
    .tp_methods = ast_methods,
    .tp_getset = ast_getset,
    .tp_init = ast_tp_init,
    .tp_new = ast_tp_new,
};

/* ===========================================================================
 * Module state: the generated classes (built once, kept for the process)
 * ========================================================================= */

static struct {
    int ready;
    KrObject *module_dict;                /* the namespace holding every class */
    KrObject *kind_types[KR_AST__COUNT];  /* BinOp, ... (borrowed from module_dict) */
    KrObject *enum_types[ENUM__COUNT][ENUM_MAX + 1];
    KrObject *enum_singletons[ENUM__COUNT][ENUM_MAX + 1];
} st;

static const char *const location_attrs[] = {"lineno", "col_offset", "end_lineno",
                                             "end_col_offset"};

static KrObject *str_tuple(const char *const *names, int n) {
    KrObject *t = kr_tuple_new(n);
    if (!t) return NULL;
    for (int i = 0; i < n; i++) {
        KrObject *s = kr_str_intern_cstr(names[i]);
        KR_INCREF(s);
        KR_TUPLE_ITEM(t, i) = s;
    }
    return t;
}

/* type(name, (base,), ns) with __module__ = 'ast'; stored into the module dict. */
static KrObject *make_class(const char *name, KrObject *base, KrObject *ns) {
    KrObject *nm = kr_str_from_cstr(name);
    KrObject *bases = kr_tuple_pack(1, base);
    KrObject *mod = kr_str_from_cstr("ast");
    KrObject *t = NULL;
    if (nm && bases && mod && kr_dict_set_item_str(ns, "__module__", mod) == 0)
        t = kr_type_new_from_ns(&kr_type_type, nm, bases, ns, NULL);
    if (t && kr_dict_set_item(st.module_dict, nm, t) < 0) KR_CLEAR(t);
    KR_XDECREF(nm);
    KR_XDECREF(bases);
    KR_XDECREF(mod);
    if (t) KR_DECREF(t); /* the module dict keeps it alive */
    return t;
}

/* Namespace with _fields/__match_args__ (and _attributes when `attrs` is non-NULL). */
static KrObject *class_ns(const char *const *fields, int nfields, int with_location) {
    KrObject *ns = kr_dict_new();
    KrObject *f = str_tuple(fields, nfields);
    KrObject *a = str_tuple(location_attrs, with_location ? 4 : 0);
    if (!ns || !f || !a || kr_dict_set_item_str(ns, "_fields", f) < 0 ||
        kr_dict_set_item_str(ns, "__match_args__", f) < 0 ||
        kr_dict_set_item_str(ns, "_attributes", a) < 0) {
        KR_XDECREF(ns);
        ns = NULL;
    }
    if (ns && with_location &&
        (kr_dict_set_item_str(ns, "end_lineno", kr_none) < 0 ||
         kr_dict_set_item_str(ns, "end_col_offset", kr_none) < 0))
        KR_CLEAR(ns);
    KR_XDECREF(f);
    KR_XDECREF(a);
    return ns;
}

/* The abstract class of a category (stmt, expr, ...), created on first use. */
static KrObject *category_class(const char *cat, int with_location) {
    KrObject *t = kr_dict_get_item_str(st.module_dict, cat);
    if (t) return t;
    KrObject *ns = class_ns(NULL, 0, with_location);
    if (!ns) return NULL;
    t = make_class(cat, (KrObject *)&kr_ast_type, ns);
    KR_DECREF(ns);
    return t;
}

static int build_classes(void) {
    if (!(kr_ast_type.tp_flags & KR_TPFLAGS_READY) && kr_type_ready(&kr_ast_type) < 0) return -1;
    KrObject *empty = kr_empty_tuple;
    if (kr_dict_set_item_str(kr_ast_type.tp_dict, "_fields", empty) < 0 ||
        kr_dict_set_item_str(kr_ast_type.tp_dict, "_attributes", empty) < 0 ||
        kr_dict_set_item_str(kr_ast_type.tp_dict, "__match_args__", empty) < 0)
        return -1;
    KrObject *modname = kr_str_from_cstr("ast");
    if (!modname || kr_dict_set_item_str(kr_ast_type.tp_dict, "__module__", modname) < 0) {
        KR_XDECREF(modname);
        return -1;
    }
    KR_DECREF(modname);
    kr_type_modified(&kr_ast_type);
    if (!(st.module_dict = kr_dict_new())) return -1;
    if (kr_dict_set_item_str(st.module_dict, "AST", (KrObject *)&kr_ast_type) < 0) return -1;

    for (int k = 1; k < KR_AST__COUNT; k++) {
        const KindDesc *d = &kinds[k];
        int nf = 0;
        const char *names[16];
        for (const FieldDesc *f = d->fields; f->name; f++)
            names[nf++] = f->name;
        int product = !strcmp(d->name, d->category);
        KrObject *base = (KrObject *)&kr_ast_type;
        if (!product) {
            /* the category carries the location attributes of its members */
            base = category_class(d->category, d->has_location);
            if (!base) return -1;
        }
        KrObject *ns = class_ns(names, nf, d->has_location);
        if (!ns) return -1;
        for (const FieldDesc *f = d->fields; f->name; f++) {
            /* optional fields default to None at class level (as CPython 3.12) */
            if ((f->type == FT_NODE_OPT || f->type == FT_IDENT_OPT || f->type == FT_STRING_OPT) &&
                kr_dict_set_item_str(ns, f->name, kr_none) < 0) {
                KR_DECREF(ns);
                return -1;
            }
        }
        if (!product && !d->has_location) {
            /* members of sums without attributes (mod, type_ignore) */
            KR_DECREF(ns);
            ns = class_ns(names, nf, 0);
            if (!ns) return -1;
        }
        KrObject *t = make_class(d->name, base, ns);
        KR_DECREF(ns);
        if (!t) return -1;
        st.kind_types[k] = t;
    }
    for (int e = 0; e < ENUM__COUNT; e++) {
        KrObject *base = category_class(enums[e].category, 0);
        if (!base) return -1;
        for (int i = 0; enums[e].names[i]; i++) {
            KrObject *ns = class_ns(NULL, 0, 0);
            if (!ns) return -1;
            KrObject *t = make_class(enums[e].names[i], base, ns);
            KR_DECREF(ns);
            if (!t) return -1;
            st.enum_types[e][i + 1] = t;
            if (!(st.enum_singletons[e][i + 1] = kr_call_noargs(t))) return -1;
        }
    }
    st.ready = 1;
    return 0;
}

static int ensure_ready(void) { return st.ready ? 0 : build_classes(); }

/* ===========================================================================
 * C AST -> Python objects
 * ========================================================================= */

static KrObject *node_to_obj(const KrAstNode *n);

static KrObject *const_to_obj(const KrAstConstant *k) {
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
    case KR_CONST_STR: {
        /* may hold lone surrogates (3-byte sequences), which str keeps as is */
        KrObject *s = kr_str_new_raw((kr_ssize)k->size);
        if (!s) return NULL;
        memcpy((char *)kr_str_data(s), k->bytes, k->size);
        return kr_str_finish_raw(s);
    }
    case KR_CONST_BYTES:
        return kr_bytes_from_data(k->bytes, (kr_ssize)k->size);
    }
    kr_err_set_string(kr_exc_SystemError, "_ast: bad constant kind");
    return NULL;
}

static KrObject *opt_str(const char *s) {
    return s ? kr_str_from_cstr(s) : KR_NEWREF(kr_none);
}

static KrObject *enum_obj(int e, int v) {
    if (v < 1 || v > ENUM_MAX || !st.enum_singletons[e][v]) {
        kr_err_format(kr_exc_SystemError, "_ast: bad %s value %d", enums[e].category, v);
        return NULL;
    }
    return KR_NEWREF(st.enum_singletons[e][v]);
}

static KrObject *field_to_obj(const KrAstNode *n, const FieldDesc *f) {
    const char *p = (const char *)n + f->offset;
    switch (f->type) {
    case FT_NODE:
    case FT_NODE_OPT: {
        const KrAstNode *c = *(KrAstNode *const *)p;
        return c ? node_to_obj(c) : KR_NEWREF(kr_none);
    }
    case FT_SEQ: {
        const KrAstSeq *s = (const KrAstSeq *)p;
        KrObject *l = kr_list_new(s->n);
        if (!l) return NULL;
        for (int i = 0; i < s->n; i++) {
            KrObject *o = s->items[i] ? node_to_obj(s->items[i]) : KR_NEWREF(kr_none);
            if (!o) {
                KR_DECREF(l);
                return NULL;
            }
            KR_LIST_ITEM(l, i) = o;
        }
        return l;
    }
    case FT_IDENT:
    case FT_IDENT_OPT:
    case FT_STRING_OPT:
        return opt_str(*(const char *const *)p);
    case FT_IDENT_SEQ: {
        const KrAstIdentSeq *s = (const KrAstIdentSeq *)p;
        KrObject *l = kr_list_new(s->n);
        if (!l) return NULL;
        for (int i = 0; i < s->n; i++) {
            KrObject *o = opt_str(s->items[i]);
            if (!o) {
                KR_DECREF(l);
                return NULL;
            }
            KR_LIST_ITEM(l, i) = o;
        }
        return l;
    }
    case FT_CONST:
        return const_to_obj((const KrAstConstant *)p);
    case FT_INT:
        return kr_int_from_i64(*(const int *)p);
    case FT_EXPR_CONTEXT:
        return enum_obj(ENUM_CTX, *(const int *)p);
    case FT_BOOLOP:
        return enum_obj(ENUM_BOOLOP, *(const int *)p);
    case FT_OPERATOR:
        return enum_obj(ENUM_OPERATOR, *(const int *)p);
    case FT_UNARYOP:
        return enum_obj(ENUM_UNARYOP, *(const int *)p);
    case FT_CMPOP_SEQ: {
        const KrAstCmpopSeq *s = (const KrAstCmpopSeq *)p;
        KrObject *l = kr_list_new(s->n);
        if (!l) return NULL;
        for (int i = 0; i < s->n; i++) {
            KrObject *o = enum_obj(ENUM_CMPOP, s->items[i]);
            if (!o) {
                KR_DECREF(l);
                return NULL;
            }
            KR_LIST_ITEM(l, i) = o;
        }
        return l;
    }
    }
    return NULL;
}

static int set_int_attr(KrObject *o, const char *name, int v) {
    KrObject *x = kr_int_from_i64(v);
    if (!x) return -1;
    int r = kr_object_setattr(o, kr_str_intern_cstr(name), x);
    KR_DECREF(x);
    return r;
}

static KrObject *node_to_obj(const KrAstNode *n) {
    if (n->kind <= KR_AST_INVALID || n->kind >= KR_AST__COUNT) {
        kr_err_set_string(kr_exc_SystemError, "_ast: bad node kind");
        return NULL;
    }
    const KindDesc *d = &kinds[n->kind];
    if (kr_enter_recursive_call(" during ast construction") < 0) return NULL;
    KrObject *o = kr_call_noargs(st.kind_types[n->kind]);
    if (!o) goto fail;
    for (const FieldDesc *f = d->fields; f->name; f++) {
        KrObject *v = field_to_obj(n, f);
        if (!v) goto fail;
        int r = kr_object_setattr(o, kr_str_intern_cstr(f->name), v);
        KR_DECREF(v);
        if (r < 0) goto fail;
    }
    if (d->has_location) {
        if (set_int_attr(o, "lineno", n->lineno) < 0 ||
            set_int_attr(o, "col_offset", n->col_offset) < 0 ||
            set_int_attr(o, "end_lineno", n->end_lineno) < 0 ||
            set_int_attr(o, "end_col_offset", n->end_col_offset) < 0)
            goto fail;
    }
    kr_leave_recursive_call();
    return o;
fail:
    kr_leave_recursive_call();
    KR_XDECREF(o);
    return NULL;
}

/* ===========================================================================
 * Python objects -> C AST (in an arena), with CPython's validation
 * ========================================================================= */

typedef struct {
    KrArena *arena;
} Conv;

static KrAstNode *obj_to_node(Conv *cv, KrObject *o, const char *category);

static int is_instance_of(KrObject *o, KrObject *cls) {
    return kr_object_isinstance(o, cls);
}

/* The concrete kind of node object o, or KR_AST_INVALID (no error) if none matches. */
static int kind_of(KrObject *o, const char *category, int *err) {
    *err = 0;
    for (int k = 1; k < KR_AST__COUNT; k++) {
        if (category && strcmp(kinds[k].category, category)) continue;
        if ((KrObject *)KR_TYPE(o) == st.kind_types[k]) return k;
    }
    for (int k = 1; k < KR_AST__COUNT; k++) {
        if (category && strcmp(kinds[k].category, category)) continue;
        int r = is_instance_of(o, st.kind_types[k]);
        if (r < 0) {
            *err = 1;
            return 0;
        }
        if (r) return k;
    }
    return 0;
}

static char *arena_str(Conv *cv, KrObject *s) {
    char *r = kr_arena_strndup(cv->arena, kr_str_data(s), (size_t)kr_str_size(s));
    if (!r) kr_err_no_memory();
    return r;
}

/* identifier / string fields: str or None (-> NULL) */
static int obj_to_ident(Conv *cv, KrObject *v, const char **out, int is_string) {
    if (v == kr_none) {
        *out = NULL;
        return 0;
    }
    if (!KR_STR_CHECK_EXACT(v)) {
        kr_err_set_string(kr_exc_TypeError, is_string ? "AST string must be of type str"
                                                      : "AST identifier must be of type str");
        return -1;
    }
    *out = arena_str(cv, v);
    return *out ? 0 : -1;
}

static int obj_to_const(Conv *cv, KrObject *v, KrAstConstant *out) {
    memset(out, 0, sizeof *out);
    if (v == kr_none) out->kind = KR_CONST_NONE;
    else if (v == kr_true) out->kind = KR_CONST_TRUE;
    else if (v == kr_false) out->kind = KR_CONST_FALSE;
    else if (v == kr_ellipsis) out->kind = KR_CONST_ELLIPSIS;
    else if (KR_INT_CHECK_EXACT(v)) {
        KrObject *s = kr_int_to_decimal_string(v);
        if (!s) return -1;
        out->kind = KR_CONST_INT;
        out->text = arena_str(cv, s);
        KR_DECREF(s);
        if (!out->text) return -1;
    } else if (KR_FLOAT_CHECK_EXACT(v)) {
        out->kind = KR_CONST_FLOAT;
        out->f = ((KrFloat *)v)->value;
    } else if (KR_TYPE(v) == &kr_complex_type && ((KrComplex *)v)->real == 0.0) {
        out->kind = KR_CONST_IMAG;
        out->f = ((KrComplex *)v)->imag;
    } else if (KR_STR_CHECK_EXACT(v)) {
        out->kind = KR_CONST_STR;
        out->size = (size_t)kr_str_size(v);
        out->bytes = arena_str(cv, v);
        if (!out->bytes) return -1;
    } else if (KR_TYPE(v) == &kr_bytes_type) {
        out->kind = KR_CONST_BYTES;
        out->size = (size_t)kr_bytes_size(v);
        out->bytes = kr_arena_strndup(cv->arena, kr_bytes_data(v), out->size);
        if (!out->bytes) {
            kr_err_no_memory();
            return -1;
        }
    } else {
        kr_err_format(kr_exc_TypeError, "got an invalid type in Constant: %T", v);
        return -1;
    }
    return 0;
}

static int obj_to_enum(KrObject *v, int e, int *out) {
    for (int i = 1; i <= ENUM_MAX && st.enum_types[e][i]; i++) {
        int r = is_instance_of(v, st.enum_types[e][i]);
        if (r < 0) return -1;
        if (r) {
            *out = i;
            return 0;
        }
    }
    kr_err_format(kr_exc_TypeError, "expected some sort of %s, but got %R", enums[e].category, v);
    return -1;
}

static int obj_to_int(KrObject *v, int *out) {
    if (!KR_INT_CHECK(v)) {
        kr_err_format(kr_exc_TypeError, "invalid integer value: %R", v);
        return -1;
    }
    int64_t x = kr_int_as_i64(v);
    if (x == -1 && kr_err_occurred()) return -1;
    if (x < -2147483647 - 1 || x > 2147483647) {
        kr_err_set_string(kr_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)x;
    return 0;
}

static int check_list(const char *kind, const char *field, KrObject *v) {
    if (KR_LIST_CHECK(v)) return 0;
    kr_err_format(kr_exc_TypeError, "%s field \"%s\" must be a list, not a %T", kind, field, v);
    return -1;
}

static int convert_field(Conv *cv, KrAstNode *n, const FieldDesc *f, KrObject *v) {
    const char *kname = kinds[n->kind].name;
    char *p = (char *)n + f->offset;
    switch (f->type) {
    case FT_NODE:
    case FT_NODE_OPT: {
        KrAstNode *c = NULL;
        if (v != kr_none) {
            c = obj_to_node(cv, v, field_category(n->kind, f));
            if (!c) return -1;
        }
        if (!c && f->type == FT_NODE) {
            kr_err_format(kr_exc_ValueError, "field '%s' is required for %s", f->name, kname);
            return -1;
        }
        *(KrAstNode **)p = c;
        return 0;
    }
    case FT_SEQ: {
        if (check_list(kname, f->name, v) < 0) return -1;
        KrAstSeq *s = (KrAstSeq *)p;
        kr_ssize len = KR_SIZE(v);
        s->n = 0;
        s->items = len ? kr_arena_alloc(cv->arena, sizeof(KrAstNode *) * (size_t)len) : NULL;
        if (len && !s->items) {
            kr_err_no_memory();
            return -1;
        }
        const char *cat = field_category(n->kind, f);
        for (kr_ssize i = 0; i < len; i++) {
            if (i >= KR_SIZE(v)) {
                kr_err_format(kr_exc_RuntimeError, "%s field \"%s\" changed size during iteration",
                              kname, f->name);
                return -1;
            }
            KrObject *item = KR_LIST_ITEM(v, i);
            KrAstNode *c = NULL;
            if (item == kr_none && n->kind == KR_AST_Dict && !strcmp(f->name, "keys")) {
                c = NULL; /* {**d}: a None key marks the unpacking */
            } else if (item == kr_none) {
                kr_err_format(kr_exc_ValueError, "field '%s' is required for %s", f->name, kname);
                return -1;
            } else {
                KR_INCREF(item);
                c = obj_to_node(cv, item, cat);
                KR_DECREF(item);
                if (!c) return -1;
            }
            s->items[s->n++] = c;
        }
        return 0;
    }
    case FT_IDENT:
    case FT_IDENT_OPT:
    case FT_STRING_OPT: {
        const char *s;
        if (obj_to_ident(cv, v, &s, f->type == FT_STRING_OPT) < 0) return -1;
        if (!s && f->type == FT_IDENT) {
            kr_err_format(kr_exc_ValueError, "field '%s' is required for %s", f->name, kname);
            return -1;
        }
        *(const char **)p = s;
        return 0;
    }
    case FT_IDENT_SEQ: {
        if (check_list(kname, f->name, v) < 0) return -1;
        KrAstIdentSeq *s = (KrAstIdentSeq *)p;
        kr_ssize len = KR_SIZE(v);
        s->n = 0;
        s->items = len ? kr_arena_alloc(cv->arena, sizeof(char *) * (size_t)len) : NULL;
        if (len && !s->items) {
            kr_err_no_memory();
            return -1;
        }
        for (kr_ssize i = 0; i < len && i < KR_SIZE(v); i++) {
            const char *id;
            if (obj_to_ident(cv, KR_LIST_ITEM(v, i), &id, 0) < 0) return -1;
            if (!id) {
                kr_err_set_string(kr_exc_TypeError, "AST identifier must be of type str");
                return -1;
            }
            s->items[s->n++] = id;
        }
        return 0;
    }
    case FT_CONST:
        return obj_to_const(cv, v, (KrAstConstant *)p);
    case FT_INT:
        return obj_to_int(v, (int *)p);
    case FT_EXPR_CONTEXT:
        return obj_to_enum(v, ENUM_CTX, (int *)p);
    case FT_BOOLOP:
        return obj_to_enum(v, ENUM_BOOLOP, (int *)p);
    case FT_OPERATOR:
        return obj_to_enum(v, ENUM_OPERATOR, (int *)p);
    case FT_UNARYOP:
        return obj_to_enum(v, ENUM_UNARYOP, (int *)p);
    case FT_CMPOP_SEQ: {
        if (check_list(kname, f->name, v) < 0) return -1;
        KrAstCmpopSeq *s = (KrAstCmpopSeq *)p;
        kr_ssize len = KR_SIZE(v);
        s->n = 0;
        s->items = len ? kr_arena_alloc(cv->arena, sizeof(int) * (size_t)len) : NULL;
        if (len && !s->items) {
            kr_err_no_memory();
            return -1;
        }
        for (kr_ssize i = 0; i < len && i < KR_SIZE(v); i++)
            if (obj_to_enum(KR_LIST_ITEM(v, i), ENUM_CMPOP, &s->items[s->n++]) < 0) return -1;
        return 0;
    }
    }
    return -1;
}

/* Location attribute: required (lineno, col_offset) or defaulted (end_*). */
static int get_loc(KrObject *o, const char *name, const char *cat, int required, int dflt,
                   int *out) {
    KrObject *v = NULL;
    if (kr_object_lookup_attr(o, kr_str_intern_cstr(name), &v) < 0) return -1;
    if (!v || v == kr_none) {
        if (!v && required) {
            kr_err_format(kr_exc_TypeError, "required field \"%s\" missing from %s", name, cat);
            return -1;
        }
        KR_XDECREF(v);
        *out = dflt;
        return 0;
    }
    int r = obj_to_int(v, out);
    KR_DECREF(v);
    return r;
}

static KrAstNode *obj_to_node(Conv *cv, KrObject *o, const char *category) {
    int err;
    int k = kind_of(o, category, &err);
    if (err) return NULL;
    if (!k) {
        kr_err_format(kr_exc_TypeError, "expected some sort of %s, but got %R",
                      category ? category : "AST", o);
        return NULL;
    }
    const KindDesc *d = &kinds[k];
    char where[96];
    snprintf(where, sizeof where, " while traversing '%s' node", d->name);
    if (kr_enter_recursive_call(where) < 0) return NULL;
    KrAstNode *n = NULL;
    int line = 0, col = 0, eline = 0, ecol = 0;
    if (d->has_location) {
        const char *cat = strcmp(d->name, d->category) ? d->category : d->name;
        if (get_loc(o, "lineno", cat, 1, 0, &line) < 0 ||
            get_loc(o, "col_offset", cat, 1, 0, &col) < 0 ||
            get_loc(o, "end_lineno", cat, 0, line, &eline) < 0 ||
            get_loc(o, "end_col_offset", cat, 0, col, &ecol) < 0)
            goto done;
    }
    n = kr_ast_new(cv->arena, (KrAstKind)k, line, col, eline, ecol);
    if (!n) {
        kr_err_no_memory();
        goto done;
    }
    for (const FieldDesc *f = d->fields; f->name; f++) {
        KrObject *v = NULL;
        if (kr_object_lookup_attr(o, kr_str_intern_cstr(f->name), &v) < 0) {
            n = NULL;
            goto done;
        }
        if (!v) {
            int optional = f->type == FT_NODE_OPT || f->type == FT_IDENT_OPT ||
                           f->type == FT_STRING_OPT;
            /* CPython 3.12 lets a missing Constant.kind / optional field pass */
            if (optional) continue;
            kr_err_format(kr_exc_TypeError, "required field \"%s\" missing from %s", f->name,
                          d->name);
            n = NULL;
            goto done;
        }
        int r = convert_field(cv, n, f, v);
        KR_DECREF(v);
        if (r < 0) {
            n = NULL;
            goto done;
        }
    }
done:
    kr_leave_recursive_call();
    return n;
}

/* ---- validation of what the parser would never produce (PyAST_Validate) ---- */

static int validate(KrAstNode *n, int ctx);

static int bad_ctx(int want, int got) {
    static const char *const names[] = {"?", "Load", "Store", "Del"};
    kr_err_format(kr_exc_ValueError, "expression must have %s context but has %s instead",
                  names[want], names[got >= 1 && got <= 3 ? got : 0]);
    return -1;
}

static int validate_seq(const KrAstSeq *s, int ctx) {
    for (int i = 0; i < s->n; i++)
        if (s->items[i] && validate(s->items[i], ctx) < 0) return -1;
    return 0;
}

static int nonempty(const KrAstSeq *s, const char *what, const char *owner) {
    if (s->n) return 0;
    kr_err_format(kr_exc_ValueError, "empty %s on %s", what, owner);
    return -1;
}

/* Fields whose expressions are assignment targets (Store) or deletions (Del). */
static int target_ctx(KrAstKind k, const char *field) {
    switch (k) {
    case KR_AST_Assign:
        return !strcmp(field, "targets") ? KR_CTX_STORE : 0;
    case KR_AST_AugAssign:
    case KR_AST_AnnAssign:
    case KR_AST_For:
    case KR_AST_AsyncFor:
    case KR_AST_NamedExpr:
    case KR_AST_comprehension:
        return !strcmp(field, "target") ? KR_CTX_STORE : 0;
    case KR_AST_withitem:
        return !strcmp(field, "optional_vars") ? KR_CTX_STORE : 0;
    case KR_AST_Delete:
        return !strcmp(field, "targets") ? KR_CTX_DEL : 0;
    default:
        return 0;
    }
}

/* ctx: the context an expression node must have (0: not an expression position). */
static int validate(KrAstNode *n, int ctx) {
    const KindDesc *d = &kinds[n->kind];
    int own_ctx = 0;
    for (const FieldDesc *f = d->fields; f->name; f++)
        if (f->type == FT_EXPR_CONTEXT) own_ctx = *(int *)((char *)n + f->offset);
    if (ctx && own_ctx && own_ctx != ctx) return bad_ctx(ctx, own_ctx);
    if (ctx && !own_ctx && ctx != KR_CTX_LOAD && !strcmp(d->category, "expr")) {
        static const char *const names[] = {"?", "Load", "Store", "Del"};
        kr_err_format(kr_exc_ValueError, "expression which can't be assigned to in %s context",
                      names[ctx]);
        return -1;
    }
    if (n->kind == KR_AST_Compare) {
        if (!n->v.Compare.comparators.n) {
            kr_err_set_string(kr_exc_ValueError, "Compare with no comparators");
            return -1;
        }
        if (n->v.Compare.comparators.n != n->v.Compare.ops.n) {
            kr_err_set_string(kr_exc_ValueError,
                              "Compare has a different number of comparators and operands");
            return -1;
        }
    }
    int is_stmt = !strcmp(d->category, "stmt");
    if (n->kind == KR_AST_Name) {
        const char *id = n->v.Name.id;
        if (!strcmp(id, "None") || !strcmp(id, "True") || !strcmp(id, "False")) {
            kr_err_format(kr_exc_ValueError, "identifier field can't represent '%s' constant", id);
            return -1;
        }
    }
    if (kr_enter_recursive_call(" during compilation") < 0) return -1;
    int r = 0;
    for (const FieldDesc *f = d->fields; f->name && r == 0; f++) {
        char *p = (char *)n + f->offset;
        int want = 0;
        if (!strcmp(field_category(n->kind, f), "expr")) {
            want = target_ctx(n->kind, f->name);
            if (!want) {
                /* elements of a target List/Tuple/Starred share its context */
                if ((n->kind == KR_AST_List || n->kind == KR_AST_Tuple ||
                     n->kind == KR_AST_Starred) &&
                    (!strcmp(f->name, "elts") || !strcmp(f->name, "value")))
                    want = own_ctx;
                else
                    want = KR_CTX_LOAD;
            }
        }
        if (f->type == FT_SEQ) {
            KrAstSeq *s = (KrAstSeq *)p;
            if ((is_stmt || n->kind == KR_AST_ExceptHandler || n->kind == KR_AST_match_case) &&
                !strcmp(f->name, "body"))
                r = nonempty(s, "body", d->name);
            else if (n->kind == KR_AST_Delete || n->kind == KR_AST_Assign)
                r = nonempty(s, "targets", d->name);
            else if ((n->kind == KR_AST_With || n->kind == KR_AST_AsyncWith) &&
                     !strcmp(f->name, "items"))
                r = nonempty(s, "items", d->name);
            else if ((n->kind == KR_AST_Import || n->kind == KR_AST_Global ||
                      n->kind == KR_AST_Nonlocal) &&
                     !strcmp(f->name, "names"))
                r = nonempty(s, "names", d->name);
            if (r == 0) r = validate_seq(s, want);
        } else if (f->type == FT_NODE || f->type == FT_NODE_OPT) {
            KrAstNode *c = *(KrAstNode **)p;
            if (c) r = validate(c, want);
        }
    }
    kr_leave_recursive_call();
    return r;
}

/* ===========================================================================
 * Entry points: parse to objects, compile objects
 * ========================================================================= */

static int mode_of(const char *mode, KrParseMode *out) {
    if (!strcmp(mode, "exec")) *out = KR_PARSE_FILE;
    else if (!strcmp(mode, "eval")) *out = KR_PARSE_EVAL;
    else if (!strcmp(mode, "single")) *out = KR_PARSE_SINGLE;
    else if (!strcmp(mode, "func_type")) *out = KR_PARSE_FUNC_TYPE;
    else {
        kr_err_set_string(kr_exc_ValueError,
                          "compile() mode must be 'exec', 'eval', 'single' or 'func_type'");
        return -1;
    }
    return 0;
}

static KrType *frontend_error_type(KrFrontendErrorKind k) {
    return k == KR_ERR_TAB ? kr_exc_TabError
           : k == KR_ERR_INDENTATION ? kr_exc_IndentationError
                                     : kr_exc_SyntaxError;
}

/* Parses source text into a tree of `ast` objects. */
KrObject *kr_ast_parse_to_object(const char *src, kr_ssize len, const char *filename,
                                 const char *mode) {
    KrParseMode pm;
    if (ensure_ready() < 0 || mode_of(mode, &pm) < 0) return NULL;
    if (memchr(src, 0, (size_t)len)) {
        kr_err_set_string(kr_exc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    KrObject *fname = kr_str_from_cstr(filename);
    if (!fname) return NULL;
    KrArena *arena = kr_arena_new();
    if (!arena) {
        KR_DECREF(fname);
        return kr_err_no_memory();
    }
    KrFrontendError err;
    memset(&err, 0, sizeof err);
    KrObject *r = NULL;
    KrAstNode *mod = kr_parse(src, (size_t)len, filename, pm, arena, &err);
    if (!mod)
        kr_err_set_syntax_location(frontend_error_type(err.kind), err.msg, fname, err.lineno,
                                   err.col_offset, err.end_lineno, err.end_col_offset, src, len);
    else
        r = node_to_obj(mod);
    kr_arena_free(arena);
    KR_DECREF(fname);
    return r;
}

/* Compiles a tree of `ast` objects (a mod node matching `mode`) to a code object. */
KrObject *kr_ast_compile_object(KrObject *tree, const char *filename, const char *mode, int flags,
                                int optimize) {
    static const char *const want[] = {"Module", "Expression", "Interactive", "FunctionType"};
    KrParseMode pm;
    if (ensure_ready() < 0 || mode_of(mode, &pm) < 0) return NULL;
    int idx = pm == KR_PARSE_FILE ? 0 : pm == KR_PARSE_EVAL ? 1 : pm == KR_PARSE_SINGLE ? 2 : 3;
    KrObject *cls = kr_dict_get_item_str(st.module_dict, want[idx]);
    int ok = cls ? kr_object_isinstance(tree, cls) : 0;
    if (ok < 0) return NULL;
    if (!ok) {
        return kr_err_format(kr_exc_TypeError, "expected %s node, got %s", want[idx],
                             kr_type_name_cstr(KR_TYPE(tree)));
    }
    KrArena *arena = kr_arena_new();
    if (!arena) return kr_err_no_memory();
    Conv cv = {arena};
    KrObject *code = NULL;
    KrAstNode *mod = obj_to_node(&cv, tree, "mod");
    if (mod && validate(mod, 0) == 0) {
        if (pm == KR_PARSE_FUNC_TYPE) {
            kr_err_set_string(kr_exc_TypeError, "cannot compile a FunctionType node");
        } else {
            KrObject *fname = kr_str_from_cstr(filename);
            if (fname) code = kr_compiler_compile(mod, fname, NULL, 0, pm, flags, optimize);
            KR_XDECREF(fname);
        }
    }
    kr_arena_free(arena);
    return code;
}

/* For builtins.compile(): handles AST input and PyCF_ONLY_AST. Sets *handled to 1 when
 * it took the call (result or NULL + exception), 0 when compile() should go on. */
KrObject *kr_ast_compile_hook(KrObject *source, const char *filename, const char *mode, int flags,
                              int optimize, int *handled) {
    *handled = 0;
    if (ensure_ready() < 0) {
        *handled = 1;
        return NULL;
    }
    int is_ast = kr_object_isinstance(source, (KrObject *)&kr_ast_type);
    if (is_ast < 0) {
        *handled = 1;
        return NULL;
    }
    if (is_ast) {
        *handled = 1;
        if (flags & 0x400) { /* PyCF_ONLY_AST: validate and hand the tree back */
            KrParseMode pm;
            if (mode_of(mode, &pm) < 0) return NULL;
            return KR_NEWREF(source);
        }
        return kr_ast_compile_object(source, filename, mode, flags, optimize);
    }
    if (!(flags & 0x400)) return NULL;
    const char *data = NULL;
    kr_ssize len = 0;
    if (KR_STR_CHECK(source)) {
        data = kr_str_data(source);
        len = kr_str_size(source);
    } else if (!kr_bytes_like_view(source, &data, &len)) {
        return NULL; /* compile() reports the type error */
    }
    *handled = 1;
    return kr_ast_parse_to_object(data, len, filename, mode);
}

/* ===========================================================================
 * The module
 * ========================================================================= */

/* _ast._kr_parse(source, filename='<unknown>', mode='exec', flags=0) */
static KrObject *mod_parse(KrObject *self, KrObject *const *args, kr_ssize nargs,
                           KrObject *kwnames) {
    (void)self;
    static const char *const kwlist[] = {"source", "filename", "mode", "flags", NULL};
    KrObject *source;
    const char *filename = "<unknown>", *mode = "exec";
    int flags = 0;
    if (kr_arg_parse(args, nargs, kwnames, "O|ssi:parse", kwlist, &source, &filename, &mode,
                     &flags) < 0)
        return NULL;
    const char *data;
    kr_ssize len;
    if (KR_STR_CHECK(source)) {
        data = kr_str_data(source);
        len = kr_str_size(source);
    } else if (!kr_bytes_like_view(source, &data, &len)) {
        return kr_err_format(kr_exc_TypeError,
                             "compile() arg 1 must be a string, bytes or AST object");
    }
    return kr_ast_parse_to_object(data, len, filename, mode);
}

/* _ast._kr_compile(tree, filename, mode, flags=0, optimize=-1) */
static KrObject *mod_compile(KrObject *self, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    (void)self;
    static const char *const kwlist[] = {"tree", "filename", "mode", "flags", "optimize", NULL};
    KrObject *tree;
    const char *filename, *mode;
    int flags = 0, optimize = -1;
    if (kr_arg_parse(args, nargs, kwnames, "Oss|ii:_kr_compile", kwlist, &tree, &filename, &mode,
                     &flags, &optimize) < 0)
        return NULL;
    return kr_ast_compile_object(tree, filename, mode, flags, optimize < 0 ? 0 : optimize);
}

static KrMethodDef astmodule_functions[] = {
    {"_kr_parse", (void *)mod_parse, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Parses source into an AST (what compile(..., PyCF_ONLY_AST) does)."},
    {"_kr_compile", (void *)mod_compile, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Compiles an AST object into a code object."},
    {NULL, NULL, 0, NULL},
};

KrObject *kr_astmodule_init(void) {
    if (ensure_ready() < 0) return NULL;
    KrObject *m = kr_module_new_cstr("_ast");
    if (!m) return NULL;
    if (kr_dict_update(kr_module_get_dict(m), st.module_dict) < 0 ||
        kr_module_add_functions(m, astmodule_functions) < 0 ||
        kr_module_add_object(m, "PyCF_ONLY_AST", kr_int_from_i64(0x400)) < 0 ||
        kr_module_add_object(m, "PyCF_TYPE_COMMENTS", kr_int_from_i64(0x1000)) < 0 ||
        kr_module_add_object(m, "PyCF_ALLOW_TOP_LEVEL_AWAIT", kr_int_from_i64(0x2000)) < 0) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}
