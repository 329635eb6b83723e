/* gcmodule.c - the `gc` module: control and introspection of the cyclic collector
 * (runtime/gc.c): collect, thresholds, debug flags, callbacks, gc.garbage, object
 * lists, referrers/referents, freezing. */
#include "../runtime/gc_internal.h"

#define ST (&kr_gc_state)

static KrObject *gcm_enable(KrObject *m, KrObject *unused) {
    ST->enabled = true;
    return KR_NEWREF(kr_none);
}

static KrObject *gcm_disable(KrObject *m, KrObject *unused) {
    ST->enabled = false;
    return KR_NEWREF(kr_none);
}

static KrObject *gcm_isenabled(KrObject *m, KrObject *unused) {
    return KR_NEWREF(kr_bool_from(ST->enabled));
}

static KrObject *gcm_collect(KrObject *m, KrObject *const *args, kr_ssize nargs,
                             KrObject *kwnames) {
    static const char *const kwlist[] = {"generation", NULL};
    int gen = KR_GC_NGENERATIONS - 1;
    if (kr_arg_parse(args, nargs, kwnames, "|i:collect", kwlist, &gen) < 0) return NULL;
    if (gen < 0 || gen >= KR_GC_NGENERATIONS)
        return kr_err_format(kr_exc_ValueError, "invalid generation");
    return kr_int_from_ssize(kr_gc_collect(gen));
}

static KrObject *gcm_get_count(KrObject *m, KrObject *unused) {
    KrObject *t = kr_tuple_new(KR_GC_NGENERATIONS);
    if (!t) return NULL;
    for (int i = 0; i < KR_GC_NGENERATIONS; i++) {
        KrObject *n = kr_int_from_i64(ST->count[i]);
        if (!n) {
            KR_DECREF(t);
            return NULL;
        }
        KR_TUPLE_ITEM(t, i) = n;
    }
    return t;
}

static KrObject *gcm_get_threshold(KrObject *m, KrObject *unused) {
    KrObject *t = kr_tuple_new(KR_GC_NGENERATIONS);
    if (!t) return NULL;
    for (int i = 0; i < KR_GC_NGENERATIONS; i++) {
        KrObject *n = kr_int_from_i64(ST->threshold[i]);
        if (!n) {
            KR_DECREF(t);
            return NULL;
        }
        KR_TUPLE_ITEM(t, i) = n;
    }
    return t;
}

static KrObject *gcm_set_threshold(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    if (nargs < 1)
        return kr_err_format(kr_exc_TypeError,
                             "set_threshold() takes at least 1 argument (0 given)");
    if (nargs > KR_GC_NGENERATIONS)
        return kr_err_format(kr_exc_TypeError,
                             "set_threshold() takes at most 3 arguments (%zd given)", nargs);
    int vals[KR_GC_NGENERATIONS];
    for (kr_ssize i = 0; i < nargs; i++) {
        kr_ssize v = kr_number_as_ssize(args[i], kr_exc_OverflowError);
        if (v == -1 && kr_err_occurred()) return NULL;
        if (v > INT32_MAX || v < INT32_MIN)
            return kr_err_format(kr_exc_OverflowError, "signed integer is greater than maximum");
        vals[i] = (int)v;
    }
    for (kr_ssize i = 0; i < nargs; i++)
        ST->threshold[i] = vals[i];
    return KR_NEWREF(kr_none);
}

static KrObject *gcm_get_debug(KrObject *m, KrObject *unused) { return kr_int_from_i64(ST->debug); }

static KrObject *gcm_set_debug(KrObject *m, KrObject *flags) {
    kr_ssize v = kr_number_as_ssize(flags, kr_exc_OverflowError);
    if (v == -1 && kr_err_occurred()) return NULL;
    ST->debug = (int)v;
    return KR_NEWREF(kr_none);
}

/* ---------------------------------------------------------------------------
 * Object lists
 * ------------------------------------------------------------------------- */

typedef struct {
    KrObject *result;
    KrObject *const *targets;
    kr_ssize ntargets;
    bool found;
} Scan;

static int append_object(KrObject *o, void *arg) {
    Scan *s = arg;
    if (o == s->result) return 0;
    return kr_list_append(s->result, o);
}

static KrObject *gcm_get_objects(KrObject *m, KrObject *const *args, kr_ssize nargs,
                                 KrObject *kwnames) {
    static const char *const kwlist[] = {"generation", NULL};
    KrObject *genobj = kr_none;
    if (kr_arg_parse(args, nargs, kwnames, "|O:get_objects", kwlist, &genobj) < 0) return NULL;
    int gen = -1;
    if (genobj != kr_none) {
        kr_ssize g = kr_number_as_ssize(genobj, kr_exc_OverflowError);
        if (g == -1 && kr_err_occurred()) return NULL;
        if (g >= KR_GC_NGENERATIONS)
            return kr_err_format(kr_exc_ValueError,
                                 "generation parameter must be less than the number of available "
                                 "generations (%d)",
                                 KR_GC_NGENERATIONS);
        if (g < -1)
            return kr_err_format(kr_exc_ValueError, "generation parameter cannot be negative");
        gen = (int)g;
    }
    Scan s = {.result = kr_list_new(0)};
    if (!s.result) return NULL;
    if (kr_gc_foreach_object(gen, append_object, &s) < 0) KR_CLEAR(s.result);
    return s.result;
}

static int visit_is_target(KrObject *o, void *arg) {
    Scan *s = arg;
    for (kr_ssize i = 0; i < s->ntargets; i++)
        if (o == s->targets[i]) {
            s->found = true;
            return 1;
        }
    return 0;
}

static int append_if_referrer(KrObject *o, void *arg) {
    Scan *s = arg;
    if (o == s->result) return 0;
    kr_traverseproc trav = KR_TYPE(o)->tp_traverse;
    if (!trav) return 0;
    s->found = false;
    trav(o, visit_is_target, s);
    return s->found ? kr_list_append(s->result, o) : 0;
}

static KrObject *gcm_get_referrers(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    Scan s = {.result = kr_list_new(0), .targets = args, .ntargets = nargs};
    if (!s.result) return NULL;
    if (kr_gc_foreach_object(-1, append_if_referrer, &s) < 0) KR_CLEAR(s.result);
    return s.result;
}

static int append_referent(KrObject *o, void *arg) {
    if (!o) return 0;
    return kr_list_append((KrObject *)arg, o);
}

static KrObject *gcm_get_referents(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    KrObject *result = kr_list_new(0);
    if (!result) return NULL;
    for (kr_ssize i = 0; i < nargs; i++) {
        KrObject *o = args[i];
        kr_traverseproc trav = KR_TYPE(o)->tp_traverse;
        if (!kr_type_has_flag(KR_TYPE(o), KR_TPFLAGS_HAVE_GC) || kr_is_immortal(o) || !trav)
            continue;
        if (trav(o, append_referent, result)) {
            KR_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static KrObject *gcm_is_tracked(KrObject *m, KrObject *o) {
    return KR_NEWREF(kr_bool_from(kr_gc_is_tracked(o)));
}

static KrObject *gcm_is_finalized(KrObject *m, KrObject *o) {
    return KR_NEWREF(kr_bool_from(kr_gc_is_finalized(o)));
}

static KrObject *gcm_freeze(KrObject *m, KrObject *unused) {
    kr_gc_freeze();
    return KR_NEWREF(kr_none);
}

static KrObject *gcm_unfreeze(KrObject *m, KrObject *unused) {
    kr_gc_unfreeze();
    return KR_NEWREF(kr_none);
}

static KrObject *gcm_get_freeze_count(KrObject *m, KrObject *unused) {
    return kr_int_from_ssize(kr_gc_generation_size(KR_GC_NGENERATIONS));
}

static KrObject *gcm_get_stats(KrObject *m, KrObject *unused) {
    KrObject *result = kr_list_new(0);
    if (!result) return NULL;
    for (int i = 0; i < KR_GC_NGENERATIONS; i++) {
        KrGCStats *s = &ST->stats[i];
        KrObject *d = kr_dict_new();
        KrObject *a = kr_int_from_ssize(s->collections), *b = kr_int_from_ssize(s->collected),
                 *c = kr_int_from_ssize(s->uncollectable);
        int bad = !d || !a || !b || !c || kr_dict_set_item_str(d, "collections", a) < 0 ||
                  kr_dict_set_item_str(d, "collected", b) < 0 ||
                  kr_dict_set_item_str(d, "uncollectable", c) < 0 || kr_list_append(result, d) < 0;
        KR_XDECREF(a);
        KR_XDECREF(b);
        KR_XDECREF(c);
        KR_XDECREF(d);
        if (bad) {
            KR_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static KrMethodDef gc_functions[] = {
    {"enable", (void *)gcm_enable, KR_METH_NOARGS, "Enable automatic garbage collection."},
    {"disable", (void *)gcm_disable, KR_METH_NOARGS, "Disable automatic garbage collection."},
    {"isenabled", (void *)gcm_isenabled, KR_METH_NOARGS,
     "Returns true if automatic garbage collection is enabled."},
    {"collect", (void *)gcm_collect, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Run the garbage collector.\n\nWith no arguments, run a full collection.  The optional "
     "argument\nmay be an integer specifying which generation to collect.  A ValueError\nis "
     "raised if the generation number is invalid.\n\nThe number of unreachable objects is "
     "returned."},
    {"get_count", (void *)gcm_get_count, KR_METH_NOARGS,
     "Return a three-tuple of the current collection counts."},
    {"get_threshold", (void *)gcm_get_threshold, KR_METH_NOARGS,
     "Return the current collection thresholds."},
    {"set_threshold", (void *)gcm_set_threshold, KR_METH_FASTCALL,
     "set_threshold(threshold0, [threshold1, threshold2]) -> None\n\nSets the collection "
     "thresholds.  Setting threshold0 to zero disables\ncollection.\n"},
    {"get_debug", (void *)gcm_get_debug, KR_METH_NOARGS,
     "Get the garbage collection debugging flags."},
    {"set_debug", (void *)gcm_set_debug, KR_METH_O, "Set the garbage collection debugging flags."},
    {"get_objects", (void *)gcm_get_objects, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Return a list of objects tracked by the collector (excluding the list returned)."},
    {"get_referrers", (void *)gcm_get_referrers, KR_METH_FASTCALL,
     "get_referrers(*objs) -> list\nReturn the list of objects that directly refer to any of "
     "objs."},
    {"get_referents", (void *)gcm_get_referents, KR_METH_FASTCALL,
     "get_referents(*objs) -> list\nReturn the list of objects that are directly referred to "
     "by objs."},
    {"is_tracked", (void *)gcm_is_tracked, KR_METH_O,
     "Returns true if the object is tracked by the garbage collector."},
    {"is_finalized", (void *)gcm_is_finalized, KR_METH_O,
     "Returns true if the object has been already finalized by the GC."},
    {"freeze", (void *)gcm_freeze, KR_METH_NOARGS,
     "Freeze all current tracked objects and ignore them for future collections."},
    {"unfreeze", (void *)gcm_unfreeze, KR_METH_NOARGS,
     "Unfreeze all objects in the permanent generation."},
    {"get_freeze_count", (void *)gcm_get_freeze_count, KR_METH_NOARGS,
     "Return the number of objects in the permanent generation."},
    {"get_stats", (void *)gcm_get_stats, KR_METH_NOARGS,
     "Return a list of dictionaries containing per-generation statistics."},
    {NULL, NULL, 0, NULL},
};

KrObject *kr_gc_module_init(void) {
    if (!ST->garbage && !(ST->garbage = kr_list_new(0))) return NULL;
    if (!ST->callbacks && !(ST->callbacks = kr_list_new(0))) return NULL;
    KrObject *m = kr_module_new_cstr("gc");
    if (!m) return NULL;
    if (kr_module_add_functions(m, gc_functions) < 0 ||
        kr_module_add_object(m, "garbage", KR_NEWREF(ST->garbage)) < 0 ||
        kr_module_add_object(m, "callbacks", KR_NEWREF(ST->callbacks)) < 0 ||
        kr_module_add_object(m, "DEBUG_STATS", kr_int_from_i64(KR_GC_DEBUG_STATS)) < 0 ||
        kr_module_add_object(m, "DEBUG_COLLECTABLE", kr_int_from_i64(KR_GC_DEBUG_COLLECTABLE)) <
            0 ||
        kr_module_add_object(m, "DEBUG_UNCOLLECTABLE", kr_int_from_i64(KR_GC_DEBUG_UNCOLLECTABLE)) <
            0 ||
        kr_module_add_object(m, "DEBUG_SAVEALL", kr_int_from_i64(KR_GC_DEBUG_SAVEALL)) < 0 ||
        kr_module_add_object(m, "DEBUG_LEAK", kr_int_from_i64(KR_GC_DEBUG_LEAK)) < 0) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}
