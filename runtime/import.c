/* import.c - the import system: sys.modules cache, finding modules and packages
 * on sys.path, executing them, relative imports and fromlist handling, as
 * importlib's _bootstrap does for source files. Import hooks (sys.meta_path) and the
 * bytecode cache build on kr_import_find_and_load. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "krait.h"

char *kr_run_read_file(const char *path, kr_ssize *len_out);

/* C modules compiled into the binary: name -> init function returning the module. */
typedef struct {
    const char *name;
    KrObject *(*init)(void);
} KrBuiltinModule;
extern const KrBuiltinModule kr_builtin_modules[];

/* Modules compiled into the interpreter print as "(built-in)". */
bool kr_module_is_builtin_name(KrObject *name) {
    if (!name || !KR_STR_CHECK(name)) return false;
    if (kr_str_eq_cstr(name, "sys") || kr_str_eq_cstr(name, "builtins")) return true;
    for (const KrBuiltinModule *b = kr_builtin_modules; b->name; b++)
        if (kr_str_eq_cstr(name, b->name)) return true;
    return false;
}

static bool is_file(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static bool is_dir(const char *p) {
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Executes the source file `path` as module `fullname`. The module is in
 * sys.modules before its code runs, so circular imports see the partial module. */
static KrObject *load_source_module(KrObject *fullname, const char *path, const char *pkgdir) {
    KrObject *mod = kr_module_new(fullname);
    if (!mod) return NULL;
    KrObject *d = kr_module_get_dict(mod);
    KrObject *file = kr_str_from_cstr(path);
    if (!file || kr_dict_set_item_str(d, "__file__", file) < 0) goto fail;
    if (kr_dict_set_item_str(d, "__builtins__", kr_interp.builtins_module) < 0) goto fail;
    if (pkgdir) {
        KrObject *dir = kr_str_from_cstr(pkgdir);
        KrObject *pathlist = dir ? kr_list_new(0) : NULL;
        if (!pathlist || kr_list_append(pathlist, dir) < 0 ||
            kr_dict_set_item_str(d, "__path__", pathlist) < 0 ||
            kr_dict_set_item_str(d, "__package__", fullname) < 0) {
            KR_XDECREF(dir);
            KR_XDECREF(pathlist);
            goto fail;
        }
        KR_DECREF(dir);
        KR_DECREF(pathlist);
    } else {
        const char *fn = kr_str_data(fullname);
        const char *dot = strrchr(fn, '.');
        KrObject *pkg = dot ? kr_str_from_utf8(fn, (kr_ssize)(dot - fn)) : kr_str_from_cstr("");
        if (!pkg || kr_dict_set_item_str(d, "__package__", pkg) < 0) {
            KR_XDECREF(pkg);
            goto fail;
        }
        KR_DECREF(pkg);
    }
    if (kr_dict_set_item(kr_interp.modules, fullname, mod) < 0) goto fail;
    kr_ssize len;
    char *src = kr_run_read_file(path, &len);
    if (!src) goto fail_remove;
    KrObject *code = kr_compile_string(src, len, path, "exec", 0);
    free(src);
    if (!code) goto fail_remove;
    KrObject *r = kr_eval_code(code, d, d);
    KR_DECREF(code);
    if (!r) goto fail_remove;
    KR_DECREF(r);
    KR_XDECREF(file);
    /* the module may have replaced itself in sys.modules */
    KrObject *final = kr_dict_get_item(kr_interp.modules, fullname);
    if (final) {
        KR_INCREF(final);
        KR_DECREF(mod);
        return final;
    }
    return mod;
fail_remove: {
    KrObject *exc = kr_err_fetch();
    if (kr_dict_contains(kr_interp.modules, fullname) > 0) kr_dict_del_item(kr_interp.modules, fullname);
    kr_err_clear();
    kr_err_restore(exc);
}
fail:
    KR_XDECREF(file);
    KR_DECREF(mod);
    return NULL;
}

/* Finds `name` (the last component) in the directories of `search` (a list of str)
 * and loads it as `fullname`. Returns NULL with no exception when not found. */
static KrObject *find_and_load(KrObject *fullname, const char *name, KrObject *search) {
    if (!search || !KR_LIST_CHECK(search)) return NULL;
    for (kr_ssize i = 0; i < KR_SIZE(search); i++) {
        KrObject *entry = KR_LIST_ITEM(search, i);
        if (!KR_STR_CHECK(entry)) continue;
        const char *dir = kr_str_size(entry) ? kr_str_data(entry) : ".";
        size_t n = strlen(dir) + strlen(name) + 32;
        char *buf = kr_mem_malloc(n);
        if (!buf) return NULL;
        snprintf(buf, n, "%s/%s", dir, name);
        if (is_dir(buf)) {
            char *init = kr_mem_malloc(n);
            if (!init) {
                kr_mem_free(buf);
                return NULL;
            }
            snprintf(init, n, "%s/__init__.py", buf);
            if (is_file(init)) {
                KrObject *m = load_source_module(fullname, init, buf);
                kr_mem_free(init);
                kr_mem_free(buf);
                return m ? m : (kr_err_occurred() ? NULL : NULL);
            }
            kr_mem_free(init);
        }
        snprintf(buf, n, "%s/%s.py", dir, name);
        if (is_file(buf)) {
            KrObject *m = load_source_module(fullname, buf, NULL);
            kr_mem_free(buf);
            return m;
        }
        kr_mem_free(buf);
    }
    return NULL;
}

static KrObject *not_found(KrObject *fullname) {
    KrObject *msg = kr_str_from_format("No module named %R", fullname);
    if (!msg) return NULL;
    KrObject *args = kr_tuple_pack(1, msg);
    KR_DECREF(msg);
    if (!args) return NULL;
    KrObject *kw = kr_dict_new();
    if (!kw || kr_dict_set_item_str(kw, "name", fullname) < 0) {
        KR_XDECREF(kw);
        KR_DECREF(args);
        return NULL;
    }
    KrObject *exc = kr_call((KrObject *)kr_exc_ModuleNotFoundError, args, kw);
    KR_DECREF(args);
    KR_DECREF(kw);
    if (exc) kr_err_set_raised(exc);
    return NULL;
}

/* Imports one fully qualified module (its parents must already be imported). */
static KrObject *import_one(KrObject *fullname, KrObject *parent_module) {
    KrObject *m = kr_dict_get_item(kr_interp.modules, fullname);
    if (m) {
        if (m == kr_none) return not_found(fullname);
        return KR_NEWREF(m);
    }
    const char *fn = kr_str_data(fullname);
    for (const KrBuiltinModule *b = kr_builtin_modules; b->name; b++) {
        if (!strcmp(b->name, fn)) {
            KrObject *mod = b->init();
            if (!mod) return NULL;
            if (kr_dict_set_item(kr_interp.modules, fullname, mod) < 0) {
                KR_DECREF(mod);
                return NULL;
            }
            return mod;
        }
    }
    const char *dot = strrchr(fn, '.');
    KrObject *search;
    if (parent_module) {
        KrObject *pd = kr_module_get_dict(parent_module);
        search = KR_TYPE_IS(parent_module, &kr_module_type) ? kr_dict_get_item_str(pd, "__path__") : NULL;
        if (!search) {
            KrObject *msg = kr_str_from_format("No module named %R; %R is not a package", fullname,
                                               ((KrModule *)parent_module)->name);
            if (msg) {
                kr_err_set_object(kr_exc_ModuleNotFoundError, msg);
                KR_DECREF(msg);
            }
            return NULL;
        }
    } else {
        search = kr_sys_get("path");
    }
    KrObject *mod = find_and_load(fullname, dot ? dot + 1 : fn, search);
    if (mod || kr_err_occurred()) return mod;
    return not_found(fullname);
}

/* Imports a dotted name, importing each parent first and binding each child as an
 * attribute of its parent. Returns the last module. */
static KrObject *import_dotted(KrObject *fullname) {
    KrObject *m = kr_dict_get_item(kr_interp.modules, fullname);
    if (m && m != kr_none) return KR_NEWREF(m);
    const char *fn = kr_str_data(fullname);
    kr_ssize n = kr_str_size(fullname);
    KrObject *parent = NULL;
    for (kr_ssize i = 0; i <= n; i++) {
        if (i < n && fn[i] != '.') continue;
        KrObject *part = kr_str_from_utf8(fn, i);
        if (!part) {
            KR_XDECREF(parent);
            return NULL;
        }
        KrObject *mod = import_one(part, parent);
        if (mod && parent) {
            const char *last = strrchr(kr_str_data(part), '.');
            KrObject *attr = kr_str_from_cstr(last ? last + 1 : kr_str_data(part));
            if (!attr || kr_object_setattr(parent, attr, mod) < 0) KR_CLEAR(mod);
            KR_XDECREF(attr);
        }
        KR_DECREF(part);
        KR_XDECREF(parent);
        if (!mod) return NULL;
        parent = mod;
    }
    return parent;
}

/* Resolves a relative import against the importing module's __package__/__name__. */
static KrObject *resolve_name(KrObject *name, KrObject *globals, int level) {
    if (level == 0) return KR_NEWREF(name);
    KrObject *package = globals ? kr_dict_get_item_str(globals, "__package__") : NULL;
    KrObject *base = NULL;
    if (package && package != kr_none) {
        base = KR_NEWREF(package);
    } else {
        KrObject *modname = globals ? kr_dict_get_item_str(globals, "__name__") : NULL;
        if (!modname || !KR_STR_CHECK(modname)) {
            kr_err_set_string(kr_exc_ImportError, "attempted relative import with no known parent package");
            return NULL;
        }
        if (globals && kr_dict_get_item_str(globals, "__path__")) {
            base = KR_NEWREF(modname);
        } else {
            const char *s = kr_str_data(modname);
            const char *dot = strrchr(s, '.');
            base = kr_str_from_utf8(s, dot ? (kr_ssize)(dot - s) : 0);
        }
    }
    if (!base) return NULL;
    if (!KR_STR_CHECK(base) || kr_str_size(base) == 0) {
        KR_DECREF(base);
        kr_err_set_string(kr_exc_ImportError, "attempted relative import with no known parent package");
        return NULL;
    }
    const char *b = kr_str_data(base);
    kr_ssize end = kr_str_size(base);
    for (int i = 1; i < level; i++) {
        while (end > 0 && b[end - 1] != '.') end--;
        if (end == 0) {
            KR_DECREF(base);
            kr_err_set_string(kr_exc_ImportError, "attempted relative import beyond top-level package");
            return NULL;
        }
        end--;
    }
    KrObject *prefix = kr_str_from_utf8(b, end);
    KR_DECREF(base);
    if (!prefix) return NULL;
    if (kr_str_size(name) == 0) return prefix;
    KrObject *r = kr_str_from_format("%U.%U", prefix, name);
    KR_DECREF(prefix);
    return r;
}

KrObject *kr_import_name(KrObject *name, KrObject *globals, KrObject *fromlist, int level) {
    if (!KR_STR_CHECK(name)) return kr_err_format(kr_exc_TypeError, "module name must be str, not %T", name);
    if (level < 0) return kr_err_format(kr_exc_ValueError, "level must be >= 0");
    if (level == 0 && kr_str_size(name) == 0) return kr_err_format(kr_exc_ValueError, "Empty module name");
    KrObject *fullname = resolve_name(name, globals, level);
    if (!fullname) return NULL;
    KrObject *mod = import_dotted(fullname);
    if (!mod) {
        KR_DECREF(fullname);
        return NULL;
    }
    bool has_fromlist = fromlist && fromlist != kr_none && kr_object_is_true(fromlist) > 0;
    if (!has_fromlist) {
        if (level == 0 && strchr(kr_str_data(name), '.')) {
            /* `import a.b.c` binds the top-level package */
            const char *s = kr_str_data(name);
            KrObject *top = kr_str_from_utf8(s, (kr_ssize)(strchr(s, '.') - s));
            KR_DECREF(mod);
            KR_DECREF(fullname);
            if (!top) return NULL;
            KrObject *t = kr_dict_get_item(kr_interp.modules, top);
            KR_DECREF(top);
            return t ? KR_NEWREF(t) : kr_err_format(kr_exc_KeyError, "top-level module missing");
        }
        if (level > 0 && kr_str_size(name) > 0 && strchr(kr_str_data(name), '.')) {
            /* `from . import` never gets here; `import .a.b` is not syntax */
        }
        KR_DECREF(fullname);
        return mod;
    }
    /* from package import submodule: import submodules named in fromlist */
    KrObject *path = KR_TYPE_IS(mod, &kr_module_type) ? kr_dict_get_item_str(kr_module_get_dict(mod), "__path__") : NULL;
    if (path) {
        KrObject *it = kr_object_get_iter(fromlist);
        KrObject *item;
        while (it && (item = kr_iter_next(it))) {
            if (KR_STR_CHECK(item) && !kr_str_eq_cstr(item, "*")) {
                KrObject *existing = NULL;
                if (kr_object_lookup_attr(mod, item, &existing) < 0) kr_err_clear();
                if (!existing) {
                    KrObject *sub = kr_str_from_format("%U.%U", fullname, item);
                    KrObject *sm = sub ? import_dotted(sub) : NULL;
                    if (!sm && kr_err_matches(kr_exc_ModuleNotFoundError)) {
                        /* a missing submodule is reported by IMPORT_FROM as "cannot import name" */
                        kr_err_clear();
                    }
                    KR_XDECREF(sm);
                    KR_XDECREF(sub);
                    if (kr_err_occurred()) {
                        KR_DECREF(item);
                        KR_DECREF(it);
                        KR_DECREF(mod);
                        KR_DECREF(fullname);
                        return NULL;
                    }
                }
                KR_XDECREF(existing);
            }
            KR_DECREF(item);
        }
        KR_XDECREF(it);
        if (kr_err_occurred()) {
            KR_DECREF(mod);
            KR_DECREF(fullname);
            return NULL;
        }
    }
    KR_DECREF(fullname);
    return mod;
}

KrObject *kr_import_module(const char *name) {
    KrObject *n = kr_str_from_cstr(name);
    if (!n) return NULL;
    KrObject *m = import_dotted(n);
    KR_DECREF(n);
    return m;
}
