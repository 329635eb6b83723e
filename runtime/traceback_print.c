/* traceback_print.c - prints uncaught exceptions the way CPython 3.11 does: the
 * chain of causes/contexts, "Traceback (most recent call last):", one entry per frame
 * with its source line and caret markers, SyntaxError locations, notes, and the final
 * "Type: message" line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "krait.h"

static void out(KrStrBuilder *b, const char *s) { kr_strbuilder_append_cstr(b, s); }

/* ---------------------------------------------------------------------------
 * Source lines
 * ------------------------------------------------------------------------- */

/* Returns line `lineno` of the file (malloc'ed, without the newline) or NULL. */
static char *read_source_line(const char *filename, int lineno) {
    if (!filename || filename[0] == '<' || lineno < 1) return NULL;
    FILE *f = fopen(filename, "rb");
    if (!f) return NULL;
    char *buf = NULL, *res = NULL;
    size_t cap = 0;
    ssize_t n;
    for (int l = 1; (n = getline(&buf, &cap, f)) >= 0; l++) {
        if (l == lineno) {
            while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) buf[--n] = 0;
            res = buf;
            buf = NULL;
            break;
        }
    }
    free(buf);
    fclose(f);
    return res;
}

static int utf8_chars(const char *s, int nbytes) {
    int c = 0;
    for (int i = 0; i < nbytes && s[i]; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80) c++;
    return c;
}

/* Finds the binary-operator / subscript anchors of an expression segment the way
 * CPython 3.11 does: parse the segment, and for a BinOp highlight the operator with
 * '^' and the operands with '~'; for a subscript highlight the [slice] part. */
static bool segment_anchors(const char *seg, size_t len, int *left, int *right) {
    KrArena *arena = kr_arena_new();
    if (!arena) return false;
    KrFrontendError err;
    bool ok = false;
    /* wrap in parentheses so that segments spanning a line continuation still parse */
    char *buf = malloc(len + 3);
    if (!buf) {
        kr_arena_free(arena);
        return false;
    }
    buf[0] = '(';
    memcpy(buf + 1, seg, len);
    buf[len + 1] = ')';
    buf[len + 2] = 0;
    KrAstNode *mod = kr_parse(buf, len + 2, "<string>", KR_PARSE_FILE, arena, &err);
    if (mod && mod->v.Module.body.n == 1 && mod->v.Module.body.items[0]->kind == KR_AST_Expr) {
        KrAstNode *e = mod->v.Module.body.items[0]->v.Expr.value;
        if (e->lineno == 1 && e->end_lineno == 1) {
            if (e->kind == KR_AST_BinOp) {
                KrAstNode *l = e->v.BinOp.left, *r = e->v.BinOp.right;
                /* CPython 3.11 takes the first non-blank character after the left
                 * operand as the operator (a closing parenthesis included) */
                for (int i = l->end_col_offset; i < r->col_offset; i++) {
                    char c = buf[i];
                    if (c == ' ' || c == '\t' || c == '\f') continue;
                    *left = i - 1; /* buf has the opening '(' in front of the segment */
                    bool two = i + 1 < r->col_offset && buf[i + 1] != ' ' && buf[i + 1] != '\t' &&
                               buf[i + 1] != '\f';
                    *right = *left + (two ? 2 : 1);
                    ok = true;
                    break;
                }
            } else if (e->kind == KR_AST_Subscript) {
                *left = e->v.Subscript.value->end_col_offset - 1;
                *right = e->v.Subscript.slice->end_col_offset; /* through the ']' */
                ok = true;
            }
        }
    }
    free(buf);
    kr_arena_free(arena);
    return ok;
}

static void append_carets(KrStrBuilder *b, const char *line, int start_byte, int end_byte,
                          bool multiline) {
    int len = (int)strlen(line);
    int indent = 0;
    while (line[indent] == ' ' || line[indent] == '\t' || line[indent] == '\f') indent++;
    const char *stripped = line + indent;
    int stripped_len = (int)strlen(stripped);
    while (stripped_len > 0 && (stripped[stripped_len - 1] == ' ' || stripped[stripped_len - 1] == '\t'))
        stripped_len--;
    if (start_byte < indent) start_byte = indent;
    if (multiline) end_byte = indent + stripped_len;
    if (end_byte > len) end_byte = len;
    if (end_byte <= start_byte) return;
    int left = -1, right = -1;
    if (!multiline) {
        int l, r;
        if (segment_anchors(line + start_byte, (size_t)(end_byte - start_byte), &l, &r)) {
            left = utf8_chars(line + start_byte, l);
            right = utf8_chars(line + start_byte, r);
        }
    }
    int start_c = utf8_chars(line, start_byte) - utf8_chars(line, indent);
    int end_c = utf8_chars(line, end_byte) - utf8_chars(line, indent);
    int stripped_c = utf8_chars(stripped, stripped_len);
    bool secondary = left >= 0;
    if (end_c - start_c >= stripped_c && !secondary) return;
    out(b, "    ");
    for (int i = 0; i < start_c; i++) out(b, " ");
    for (int i = 0; i < end_c - start_c; i++) {
        if (secondary)
            out(b, (i >= left && i < right) ? "^" : "~");
        else
            out(b, "^");
    }
    out(b, "\n");
}

/* ---------------------------------------------------------------------------
 * Traceback entries
 * ------------------------------------------------------------------------- */

static void append_entry(KrStrBuilder *b, KrTraceback *tb) {
    KrFrameObject *fo = (KrFrameObject *)tb->frame;
    KrCode *co = fo->frame->code;
    const char *filename = KR_STR_CHECK(co->filename) ? kr_str_data(co->filename) : "???";
    int lineno = tb->lineno;
    char head[64];
    out(b, "  File \"");
    out(b, filename);
    snprintf(head, sizeof head, "\", line %d, in ", lineno);
    out(b, head);
    kr_strbuilder_append_str(b, co->name);
    out(b, "\n");
    char *line = read_source_line(filename, lineno);
    if (!line) return;
    const char *s = line;
    while (*s == ' ' || *s == '\t' || *s == '\f') s++;
    if (*s) {
        out(b, "    ");
        /* CPython strips trailing whitespace too */
        int n = (int)strlen(s);
        while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t')) n--;
        kr_strbuilder_append(b, s, n);
        out(b, "\n");
        if (tb->lasti >= 0 && tb->lasti < co->ncodeunits) {
            KrCodeLocation loc = co->locations[tb->lasti];
            if (loc.line == lineno && loc.col >= 0 && loc.end_col >= 0 && loc.end_line >= loc.line)
                append_carets(b, line, loc.col, loc.end_col, loc.end_line != loc.line);
        }
    }
    free(line);
}

static int traceback_depth_limit(void) {
    KrObject *lim = kr_sys_get("tracebacklimit");
    if (lim && KR_INT_CHECK(lim)) {
        int64_t v = kr_int_as_i64(lim);
        if (v == -1 && kr_err_occurred()) {
            kr_err_clear();
            return 1000;
        }
        return v < 0 ? 0 : (int)(v > 1000000 ? 1000000 : v);
    }
    return 1000000;
}

/* The line CPython prints for entries beyond the third repetition of the same frame line. */
static void append_repeat_note(KrStrBuilder *b, int repeat) {
    if (repeat < 3) return;
    char msg[96];
    int extra = repeat - 2;
    snprintf(msg, sizeof msg, "  [Previous line repeated %d more time%s]\n", extra,
             extra == 1 ? "" : "s");
    out(b, msg);
}

static void append_traceback(KrStrBuilder *b, KrObject *tbobj) {
    int limit = traceback_depth_limit();
    int depth = 0;
    for (KrTraceback *t = (KrTraceback *)tbobj; t; t = t->next) depth++;
    KrTraceback *t = (KrTraceback *)tbobj;
    while (depth > limit) {
        t = t->next;
        depth--;
    }
    if (!t) return;
    out(b, "Traceback (most recent call last):\n");
    /* CPython collapses runs of the same frame line repeated more than 3 times */
    KrTraceback *prev = NULL;
    int repeat = 0;
    for (; t; t = t->next) {
        KrFrameObject *fo = (KrFrameObject *)t->frame;
        bool same = prev && ((KrFrameObject *)prev->frame)->frame->code == fo->frame->code &&
                    prev->lineno == t->lineno;
        if (same) {
            repeat++;
            if (repeat >= 3) {
                prev = t;
                continue;
            }
        } else {
            append_repeat_note(b, repeat);
            repeat = 0;
        }
        append_entry(b, t);
        prev = t;
    }
    append_repeat_note(b, repeat);
}

/* ---------------------------------------------------------------------------
 * The exception line
 * ------------------------------------------------------------------------- */

static void append_type_name(KrStrBuilder *b, KrType *t) {
    KrObject *mod = NULL;
    KrObject *modname = kr_str_intern_cstr("__module__");
    if (kr_object_lookup_attr((KrObject *)t, modname, &mod) < 0) kr_err_clear();
    KrObject *qual = NULL;
    if (kr_object_lookup_attr((KrObject *)t, kr_str_intern_cstr("__qualname__"), &qual) < 0) kr_err_clear();
    if (mod && KR_STR_CHECK(mod) && !kr_str_eq_cstr(mod, "builtins") && !kr_str_eq_cstr(mod, "__main__")) {
        kr_strbuilder_append_str(b, mod);
        out(b, ".");
    }
    if (qual && KR_STR_CHECK(qual))
        kr_strbuilder_append_str(b, qual);
    else
        out(b, kr_type_name_cstr(t));
    KR_XDECREF(mod);
    KR_XDECREF(qual);
}

/* The location block of a SyntaxError, as CPython 3.11's print_error_text draws it:
 * the source line without its indentation, then carets from offset to end_offset
 * (a single one for IndentationError, or when the range is empty or spans lines);
 * no caret line when the offset falls inside the stripped indentation. */
static void append_syntax_error(KrStrBuilder *b, KrObject *exc) {
    KrSyntaxError *e = (KrSyntaxError *)exc;
    if (e->filename && KR_STR_CHECK(e->filename)) {
        out(b, "  File \"");
        kr_strbuilder_append_str(b, e->filename);
        out(b, "\"");
        if (e->lineno && KR_INT_CHECK(e->lineno)) {
            KrObject *s = kr_object_str(e->lineno);
            if (s) {
                out(b, ", line ");
                kr_strbuilder_append_str(b, s);
                KR_DECREF(s);
            } else {
                kr_err_clear();
            }
        }
        out(b, "\n");
    }
    if (!e->text || !KR_STR_CHECK(e->text)) return;
    const char *text = kr_str_data(e->text);
    int size = (int)kr_str_size(e->text);
    int64_t offset = -1, end_offset = -1, lineno = 0, end_lineno = 0;
    if (e->offset && KR_INT_CHECK(e->offset)) offset = kr_int_as_i64(e->offset);
    if (e->end_offset && KR_INT_CHECK(e->end_offset)) end_offset = kr_int_as_i64(e->end_offset);
    if (e->lineno && KR_INT_CHECK(e->lineno)) lineno = kr_int_as_i64(e->lineno);
    if (e->end_lineno && KR_INT_CHECK(e->end_lineno)) end_lineno = kr_int_as_i64(e->end_lineno);
    kr_err_clear();
    if (end_lineno > lineno) end_offset = size;
    if (end_offset > size + 1) end_offset = size + 1;
    int64_t reps = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
    if (kr_object_type_is_sub(KR_TYPE(exc), kr_exc_IndentationError)) reps = 1;
    int64_t off = offset - 1;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        size--;
        off--;
    }
    int len = size;
    if (len > 0 && text[len - 1] == '\n') len--;
    if (off > len) off = len;
    out(b, "    ");
    kr_strbuilder_append(b, text, len);
    out(b, "\n");
    if (offset < 0 || off < 0) return;
    out(b, "    ");
    for (int64_t i = 0; i < off; i++) out(b, " ");
    for (int64_t i = 0; i < reps; i++) out(b, "^");
    out(b, "\n");
}

/* ---------------------------------------------------------------------------
 * "Did you mean: 'x'?" suggestions for AttributeError and NameError, computed as
 * CPython 3.11 does: the candidate with the smallest Levenshtein distance (moves cost
 * 2, a change of case only 1) within (len(a) + len(b) + 3) / 3 moves.
 * ------------------------------------------------------------------------- */

#define MOVE_COST 2
#define CASE_COST 1
#define MAX_CANDIDATE_ITEMS 750
#define MAX_STRING_SIZE 40

static int substitution_cost(char a, char b) {
    if (a == b) return 0;
    char la = (a >= 'A' && a <= 'Z') ? (char)(a + 32) : a;
    char lb = (b >= 'A' && b <= 'Z') ? (char)(b + 32) : b;
    return la == lb ? CASE_COST : MOVE_COST;
}

static int levenshtein(const char *a, int na, const char *b, int nb, int max_cost) {
    /* strip common prefix and suffix: they cost nothing */
    while (na && nb && a[0] == b[0]) a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1]) na--, nb--;
    if (na == 0) return nb * MOVE_COST;
    if (nb == 0) return na * MOVE_COST;
    if (na > MAX_STRING_SIZE || nb > MAX_STRING_SIZE) return max_cost + 1;
    if (na > nb) {
        const char *t = a; a = b; b = t;
        int tn = na; na = nb; nb = tn;
    }
    if ((nb - na) * MOVE_COST > max_cost) return max_cost + 1;
    int row[MAX_STRING_SIZE + 1];
    for (int i = 0; i < na; i++) row[i] = (i + 1) * MOVE_COST;
    int result = 0;
    for (int bi = 0; bi < nb; bi++) {
        int distance = result = bi * MOVE_COST;
        int minimum = INT32_MAX;
        for (int ai = 0; ai < na; ai++) {
            int substitute = distance + substitution_cost(b[bi], a[ai]);
            distance = row[ai];
            int insert_delete = (result < distance ? result : distance) + MOVE_COST;
            result = insert_delete < substitute ? insert_delete : substitute;
            row[ai] = result;
            if (result < minimum) minimum = result;
        }
        if (minimum > max_cost) return max_cost + 1;
    }
    return result;
}

/* Picks the best candidate of `names` (an iterable of str) for `name`; new ref or NULL. */
static KrObject *best_suggestion(KrObject *name, KrObject *names) {
    KrObject *list = kr_list_from_iterable(names);
    if (!list) {
        kr_err_clear();
        return NULL;
    }
    KrObject *best = NULL;
    if (KR_SIZE(list) <= MAX_CANDIDATE_ITEMS) {
        const char *n = kr_str_data(name);
        int nn = (int)kr_str_size(name);
        int best_cost = INT32_MAX;
        for (kr_ssize i = 0; i < KR_SIZE(list); i++) {
            KrObject *c = KR_LIST_ITEM(list, i);
            if (!KR_STR_CHECK(c) || kr_str_eq(c, name)) continue;
            int nc = (int)kr_str_size(c);
            int max_cost = (nn + nc + 3) * MOVE_COST / 6;
            if (best_cost - 1 < max_cost) max_cost = best_cost - 1;
            int cost = levenshtein(n, nn, kr_str_data(c), nc, max_cost);
            if (cost <= max_cost && cost < best_cost) {
                best_cost = cost;
                best = c;
            }
        }
    }
    KR_XINCREF(best);
    KR_DECREF(list);
    return best;
}

static KrObject *suggestion_for(KrObject *exc) {
    KrType *t = KR_TYPE(exc);
    if (kr_object_type_is_sub(t, kr_exc_AttributeError)) {
        KrAttributeError *e = (KrAttributeError *)exc;
        if (!e->name || !KR_STR_CHECK(e->name) || !e->obj) return NULL;
        KrObject *dir = kr_object_dir(e->obj);
        if (!dir) {
            kr_err_clear();
            return NULL;
        }
        KrObject *s = best_suggestion(e->name, dir);
        KR_DECREF(dir);
        return s;
    }
    if (kr_object_type_is_sub(t, kr_exc_NameError)) {
        KrNameError *e = (KrNameError *)exc;
        if (!e->name || !KR_STR_CHECK(e->name)) return NULL;
        KrTraceback *tb = (KrTraceback *)kr_exception_get_traceback(exc);
        if (!tb) return NULL;
        while (tb->next) tb = tb->next;
        KrFrame *f = ((KrFrameObject *)tb->frame)->frame;
        KrObject *cands = kr_list_new(0);
        if (!cands) {
            kr_err_clear();
            return NULL;
        }
        KrCode *co = f->code;
        for (kr_ssize i = 0; i < KR_SIZE(co->localsplusnames); i++)
            kr_list_append(cands, KR_TUPLE_ITEM(co->localsplusnames, i));
        KrObject *dicts[2] = {f->globals, f->builtins};
        for (int k = 0; k < 2; k++) {
            if (!dicts[k]) continue;
            KrObject *keys = kr_dict_keys_list(dicts[k]);
            if (keys) {
                kr_list_extend(cands, keys);
                KR_DECREF(keys);
            }
        }
        kr_err_clear();
        KrObject *s = best_suggestion(e->name, cands);
        KR_DECREF(cands);
        return s;
    }
    return NULL;
}

static void append_exception_only(KrStrBuilder *b, KrObject *exc) {
    KrType *t = KR_TYPE(exc);
    bool is_syntax = kr_object_type_is_sub(t, kr_exc_SyntaxError);
    if (is_syntax) append_syntax_error(b, exc);
    append_type_name(b, t);
    KrObject *s = is_syntax && ((KrSyntaxError *)exc)->msg ? kr_object_str(((KrSyntaxError *)exc)->msg)
                                                          : kr_object_str(exc);
    if (!s) {
        kr_err_clear();
        out(b, ": <exception str() failed>");
    } else {
        if (kr_str_size(s) > 0) {
            out(b, ": ");
            kr_strbuilder_append_str(b, s);
        }
        KR_DECREF(s);
        KrObject *sugg = suggestion_for(exc);
        if (sugg) {
            out(b, ". Did you mean: '");
            kr_strbuilder_append_str(b, sugg);
            out(b, "'?");
            KR_DECREF(sugg);
        }
    }
    out(b, "\n");
    KrObject *notes = NULL;
    if (kr_object_lookup_attr(exc, kr_str_intern_cstr("__notes__"), &notes) < 0) kr_err_clear();
    if (notes) {
        if (KR_LIST_CHECK(notes) || KR_TUPLE_CHECK(notes)) {
            kr_ssize n = KR_SIZE(notes);
            for (kr_ssize i = 0; i < n; i++) {
                KrObject *note = KR_LIST_CHECK(notes) ? KR_LIST_ITEM(notes, i) : KR_TUPLE_ITEM(notes, i);
                KrObject *ns = KR_STR_CHECK(note) ? KR_NEWREF(note) : kr_object_repr(note);
                if (ns) {
                    kr_strbuilder_append_str(b, ns);
                    KR_DECREF(ns);
                } else {
                    kr_err_clear();
                }
                out(b, "\n");
            }
        } else {
            KrObject *r = kr_object_repr(notes);
            if (r) {
                kr_strbuilder_append_str(b, r);
                KR_DECREF(r);
            } else {
                kr_err_clear();
            }
            out(b, "\n");
        }
        KR_DECREF(notes);
    }
}

/* Prints the chain oldest first; `seen` guards against cycles. */
static void append_chain(KrStrBuilder *b, KrObject *exc, KrObject *seen, int depth) {
    if (depth > 100) return;
    KrObject *key = kr_int_from_i64((int64_t)(intptr_t)exc);
    if (key) {
        kr_set_add(seen, key);
        KR_DECREF(key);
    }
    KrObject *cause = kr_exception_get_cause(exc);
    KrObject *context = kr_exception_get_context(exc);
    bool suppress = ((KrBaseException *)exc)->suppress_context;
    KrObject *next = NULL;
    const char *sep = NULL;
    if (cause) {
        next = cause;
        sep = "\nThe above exception was the direct cause of the following exception:\n\n";
    } else if (context && !suppress) {
        next = context;
        sep = "\nDuring handling of the above exception, another exception occurred:\n\n";
    }
    if (next) {
        KrObject *nk = kr_int_from_i64((int64_t)(intptr_t)next);
        int already = nk ? kr_set_contains(seen, nk) : 1;
        KR_XDECREF(nk);
        if (already == 0) {
            append_chain(b, next, seen, depth + 1);
            out(b, sep);
        }
    }
    KrObject *tb = kr_exception_get_traceback(exc);
    if (tb) append_traceback(b, tb);
    append_exception_only(b, exc);
}

void kr_err_display(KrObject *exc) {
    KrObject *saved = kr_err_fetch();
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    if (!KR_EXC_CHECK(exc)) {
        out(&b, "TypeError: print_exception(): Exception expected for value, ");
        out(&b, kr_type_name_cstr(KR_TYPE(exc)));
        out(&b, " found\n");
    } else {
        KrObject *seen = kr_set_new(NULL);
        if (seen) {
            append_chain(&b, exc, seen, 0);
            KR_DECREF(seen);
        }
    }
    KrObject *s = kr_strbuilder_finish(&b);
    if (s) {
        kr_sys_write_stderr(kr_str_data(s), kr_str_size(s));
        KR_DECREF(s);
    }
    kr_err_clear();
    kr_err_restore(saved);
}

void kr_err_print(void) {
    KrObject *exc = kr_err_fetch();
    if (!exc) return;
    /* sys.excepthook is honoured when the user replaced it */
    KrObject *hook = kr_sys_get("excepthook");
    KrObject *orig = kr_sys_get("__excepthook__");
    if (hook && hook != orig) {
        KrObject *tb = kr_exception_get_traceback(exc);
        KrObject *args[3] = {(KrObject *)KR_TYPE(exc), exc, tb ? tb : kr_none};
        KrObject *r = kr_vectorcall(hook, args, 3, NULL);
        if (r) {
            KR_DECREF(r);
            KR_DECREF(exc);
            return;
        }
        KrObject *hook_exc = kr_err_fetch();
        kr_sys_write_stderr("Error in sys.excepthook:\n", 25);
        if (hook_exc) {
            kr_err_display(hook_exc);
            KR_DECREF(hook_exc);
        }
        kr_sys_write_stderr("\nOriginal exception was:\n", 25);
    }
    kr_err_display(exc);
    KR_DECREF(exc);
}
