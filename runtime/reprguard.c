/* reprguard.c - guards against infinite recursion when printing self-containing
 * containers: repr() of a list that contains itself prints "[...]". Each thread keeps
 * the objects whose repr is in progress. */
#include "krait.h"

typedef struct {
    KrObject **items;
    kr_ssize len, cap;
} ReprStack;

static _Thread_local ReprStack repr_stack;

int kr_repr_enter(KrObject *o) {
    ReprStack *s = &repr_stack;
    for (kr_ssize i = 0; i < s->len; i++)
        if (s->items[i] == o) return 1;
    if (s->len == s->cap) {
        kr_ssize cap = s->cap ? s->cap * 2 : 16;
        KrObject **items = kr_mem_realloc(s->items, (size_t)cap * sizeof(KrObject *));
        if (!items) return -1;
        s->items = items;
        s->cap = cap;
    }
    s->items[s->len++] = o;
    return 0;
}

void kr_repr_leave(KrObject *o) {
    ReprStack *s = &repr_stack;
    /* usually the top; search from the end in case of unbalanced exits on errors */
    for (kr_ssize i = s->len - 1; i >= 0; i--) {
        if (s->items[i] == o) {
            for (kr_ssize j = i; j < s->len - 1; j++) s->items[j] = s->items[j + 1];
            s->len--;
            return;
        }
    }
}
