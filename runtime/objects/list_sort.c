/* list_sort.c - list.sort(): a stable timsort (natural runs, binary insertion up to
 * minrun, merges kept balanced by the run-stack invariants) over a key array and an
 * optional parallel value array, with type-specialised comparisons for homogeneous
 * int / float / str keys. While sorting, the list looks empty; a list that is not
 * empty afterwards was modified during the sort. */
#include <string.h>

#include "containers.h"

typedef struct MergeState MergeState;
typedef int (*lt_func)(KrObject *a, KrObject *b); /* 1 a<b, 0 not, -1 error */

#define MAX_MERGE_PENDING 85

struct MergeState {
    lt_func lt;
    KrObject **keys;
    KrObject **vals; /* NULL: sorting the keys themselves */
    KrObject **tmp_keys, **tmp_vals;
    kr_ssize tmp_cap;
    int nruns;
    struct {
        kr_ssize base, len;
    } runs[MAX_MERGE_PENDING];
};

/* ===========================================================================
 * Comparisons
 * ========================================================================= */

static int lt_generic(KrObject *a, KrObject *b) { return kr_object_richcompare_bool(a, b, KR_LT); }

static int lt_small_int(KrObject *a, KrObject *b) {
    return ((KrInt *)a)->value < ((KrInt *)b)->value;
}

static int lt_float(KrObject *a, KrObject *b) {
    return ((KrFloat *)a)->value < ((KrFloat *)b)->value;
}

static int lt_str(KrObject *a, KrObject *b) { return kr_str_compare(a, b) < 0; }

/* Picks a comparison: the specialised ones are valid only when every key has the
 * same exact type (and, for ints, fits the int64 fast path). */
static lt_func choose_lt(KrObject **keys, kr_ssize n) {
    KrType *t = KR_TYPE(keys[0]);
    bool small_ints = true;
    for (kr_ssize i = 0; i < n; i++) {
        if (KR_TYPE(keys[i]) != t) return lt_generic;
        if (t == &kr_int_type && ((KrInt *)keys[i])->big) small_ints = false;
    }
    if (t == &kr_int_type && small_ints) return lt_small_int;
    if (t == &kr_float_type) return lt_float;
    if (t == &kr_str_type) return lt_str;
    return lt_generic;
}

/* ===========================================================================
 * Building blocks
 * ========================================================================= */

static void reverse_slice(KrObject **lo, KrObject **hi) {
    for (--hi; lo < hi; lo++, hi--) {
        KrObject *t = *lo;
        *lo = *hi;
        *hi = t;
    }
}

/* Sorts [lo, hi) given that [lo, start) is already sorted. */
static int binary_sort(MergeState *ms, kr_ssize lo, kr_ssize hi, kr_ssize start) {
    KrObject **keys = ms->keys, **vals = ms->vals;
    if (start == lo) start++;
    for (; start < hi; start++) {
        KrObject *pivot = keys[start];
        kr_ssize l = lo, r = start;
        while (l < r) {
            kr_ssize p = l + ((r - l) >> 1);
            int k = ms->lt(pivot, keys[p]);
            if (k < 0) return -1;
            if (k)
                r = p;
            else
                l = p + 1;
        }
        memmove(keys + l + 1, keys + l, (size_t)(start - l) * sizeof(KrObject *));
        keys[l] = pivot;
        if (vals) {
            KrObject *pv = vals[start];
            memmove(vals + l + 1, vals + l, (size_t)(start - l) * sizeof(KrObject *));
            vals[l] = pv;
        }
    }
    return 0;
}

/* Length of the run starting at lo; a strictly descending run is reversed in place
 * (strictness keeps the sort stable). Returns -1 on error. */
static kr_ssize count_run(MergeState *ms, kr_ssize lo, kr_ssize hi) {
    KrObject **keys = ms->keys;
    if (lo + 1 == hi) return 1;
    int k = ms->lt(keys[lo + 1], keys[lo]);
    if (k < 0) return -1;
    kr_ssize i = lo + 2;
    if (k) {
        for (; i < hi; i++) {
            k = ms->lt(keys[i], keys[i - 1]);
            if (k < 0) return -1;
            if (!k) break;
        }
        reverse_slice(keys + lo, keys + i);
        if (ms->vals) reverse_slice(ms->vals + lo, ms->vals + i);
    } else {
        for (; i < hi; i++) {
            k = ms->lt(keys[i], keys[i - 1]);
            if (k < 0) return -1;
            if (k) break;
        }
    }
    return i - lo;
}

static kr_ssize compute_minrun(kr_ssize n) {
    kr_ssize r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

static int ensure_tmp(MergeState *ms, kr_ssize need) {
    if (need <= ms->tmp_cap) return 0;
    kr_mem_free(ms->tmp_keys);
    kr_mem_free(ms->tmp_vals);
    ms->tmp_vals = NULL;
    ms->tmp_keys = kr_mem_malloc((size_t)need * sizeof(KrObject *));
    if (!ms->tmp_keys) {
        ms->tmp_cap = 0;
        return -1;
    }
    if (ms->vals) {
        ms->tmp_vals = kr_mem_malloc((size_t)need * sizeof(KrObject *));
        if (!ms->tmp_vals) {
            kr_mem_free(ms->tmp_keys);
            ms->tmp_keys = NULL;
            ms->tmp_cap = 0;
            return -1;
        }
    }
    ms->tmp_cap = need;
    return 0;
}

/* First index in [lo, hi) whose key is greater than `x` (x < keys[i]). */
static kr_ssize upper_bound(MergeState *ms, KrObject *x, kr_ssize lo, kr_ssize hi) {
    while (lo < hi) {
        kr_ssize p = lo + ((hi - lo) >> 1);
        int k = ms->lt(x, ms->keys[p]);
        if (k < 0) return -1;
        if (k)
            hi = p;
        else
            lo = p + 1;
    }
    return lo;
}

/* First index in [lo, hi) whose key is not less than `x`. */
static kr_ssize lower_bound(MergeState *ms, KrObject *x, kr_ssize lo, kr_ssize hi) {
    while (lo < hi) {
        kr_ssize p = lo + ((hi - lo) >> 1);
        int k = ms->lt(ms->keys[p], x);
        if (k < 0) return -1;
        if (k)
            lo = p + 1;
        else
            hi = p;
    }
    return lo;
}

/* Merges the adjacent sorted runs [a, a+na) and [a+na, a+na+nb). The left run is
 * moved to a buffer; on a comparison error the rest of the buffer is copied back so
 * the array still holds every item exactly once. */
static int merge_runs(MergeState *ms, kr_ssize a, kr_ssize na, kr_ssize nb) {
    KrObject **keys = ms->keys, **vals = ms->vals;
    kr_ssize b = a + na;
    /* Items of the left run not greater than the right run's first are in place. */
    kr_ssize k = upper_bound(ms, keys[b], a, b);
    if (k < 0) return -1;
    na -= k - a;
    a = k;
    if (na == 0) return 0;
    /* Items of the right run not less than the left run's last are in place. */
    kr_ssize e = lower_bound(ms, keys[b - 1], b, b + nb);
    if (e < 0) return -1;
    nb = e - b;
    if (nb == 0) return 0;
    if (ensure_tmp(ms, na) < 0) return -1;
    memcpy(ms->tmp_keys, keys + a, (size_t)na * sizeof(KrObject *));
    if (vals) memcpy(ms->tmp_vals, vals + a, (size_t)na * sizeof(KrObject *));
    kr_ssize i = 0, j = b, d = a, bend = b + nb;
    int result = 0;
    while (i < na && j < bend) {
        int lt = ms->lt(keys[j], ms->tmp_keys[i]);
        if (lt < 0) {
            result = -1;
            break;
        }
        if (lt) {
            keys[d] = keys[j];
            if (vals) vals[d] = vals[j];
            j++;
        } else {
            keys[d] = ms->tmp_keys[i];
            if (vals) vals[d] = ms->tmp_vals[i];
            i++;
        }
        d++;
    }
    /* Whatever is left of the buffer fills the gap before the unmerged right items. */
    memcpy(keys + d, ms->tmp_keys + i, (size_t)(na - i) * sizeof(KrObject *));
    if (vals) memcpy(vals + d, ms->tmp_vals + i, (size_t)(na - i) * sizeof(KrObject *));
    return result;
}

static int merge_at(MergeState *ms, int i) {
    kr_ssize base = ms->runs[i].base, na = ms->runs[i].len, nb = ms->runs[i + 1].len;
    ms->runs[i].len = na + nb;
    if (i == ms->nruns - 3) ms->runs[i + 1] = ms->runs[i + 2];
    ms->nruns--;
    return merge_runs(ms, base, na, nb);
}

/* Restores the invariants len[-3] > len[-2] + len[-1] and len[-2] > len[-1]. */
static int merge_collapse(MergeState *ms) {
    while (ms->nruns > 1) {
        int n = ms->nruns - 2;
        if ((n > 0 && ms->runs[n - 1].len <= ms->runs[n].len + ms->runs[n + 1].len) ||
            (n > 1 && ms->runs[n - 2].len <= ms->runs[n - 1].len + ms->runs[n].len)) {
            if (ms->runs[n - 1].len < ms->runs[n + 1].len) n--;
            if (merge_at(ms, n) < 0) return -1;
        } else if (ms->runs[n].len <= ms->runs[n + 1].len) {
            if (merge_at(ms, n) < 0) return -1;
        } else {
            break;
        }
    }
    return 0;
}

static int merge_force_collapse(MergeState *ms) {
    while (ms->nruns > 1) {
        int n = ms->nruns - 2;
        if (n > 0 && ms->runs[n - 1].len < ms->runs[n + 1].len) n--;
        if (merge_at(ms, n) < 0) return -1;
    }
    return 0;
}

static int timsort(MergeState *ms, kr_ssize n) {
    if (n < 2) return 0;
    kr_ssize minrun = compute_minrun(n), lo = 0, remaining = n;
    while (remaining > 0) {
        kr_ssize run = count_run(ms, lo, lo + remaining);
        if (run < 0) return -1;
        if (run < minrun) {
            kr_ssize force = remaining <= minrun ? remaining : minrun;
            if (binary_sort(ms, lo, lo + force, lo + run) < 0) return -1;
            run = force;
        }
        if (ms->nruns >= MAX_MERGE_PENDING) {
            kr_err_set_string(kr_exc_SystemError, "sort: run stack overflow");
            return -1;
        }
        ms->runs[ms->nruns].base = lo;
        ms->runs[ms->nruns].len = run;
        ms->nruns++;
        if (merge_collapse(ms) < 0) return -1;
        lo += run;
        remaining -= run;
    }
    return merge_force_collapse(ms);
}

/* ===========================================================================
 * list.sort
 * ========================================================================= */

int kr_list_sort(KrObject *list, KrObject *keyfunc, bool reverse) {
    KrList *self = (KrList *)list;
    kr_ssize n = KR_SIZE(self), saved_alloc = self->allocated;
    KrObject **saved = self->items;
    /* Make the list look empty: mutations during the sort go to a fresh array that
     * is detected (allocated != -1) and thrown away at the end. */
    self->items = NULL;
    self->ob_base.ob_size = 0;
    self->allocated = -1;

    int result = -1;
    KrObject **keys = saved, **vals = NULL;
    kr_ssize nkeys = 0;
    if (keyfunc && n > 0) {
        keys = kr_mem_malloc((size_t)n * sizeof(KrObject *));
        if (!keys) goto restore;
        for (; nkeys < n; nkeys++) {
            keys[nkeys] = kr_call_one(keyfunc, saved[nkeys]);
            if (!keys[nkeys]) goto done;
        }
        vals = saved;
    }
    if (reverse && n > 1) {
        if (vals) reverse_slice(keys, keys + n);
        reverse_slice(saved, saved + n);
    }
    MergeState ms = {0};
    ms.keys = keys;
    ms.vals = vals;
    ms.lt = n > 1 ? choose_lt(keys, n) : lt_generic;
    result = timsort(&ms, n);
    kr_mem_free(ms.tmp_keys);
    kr_mem_free(ms.tmp_vals);
    if (reverse && n > 1) reverse_slice(saved, saved + n);
done:
    if (keyfunc && keys) {
        for (kr_ssize i = 0; i < nkeys; i++)
            KR_DECREF(keys[i]);
        kr_mem_free(keys);
    }
restore:
    if (self->allocated != -1 && result == 0) {
        kr_err_set_string(kr_exc_ValueError, "list modified during sort");
        result = -1;
    }
    {
        KrObject **final_items = self->items;
        kr_ssize final_n = KR_SIZE(self);
        self->items = saved;
        self->ob_base.ob_size = n;
        self->allocated = saved_alloc;
        if (final_items) {
            for (kr_ssize i = final_n; --i >= 0;)
                KR_XDECREF(final_items[i]);
            kr_mem_free(final_items);
        }
    }
    return result;
}
