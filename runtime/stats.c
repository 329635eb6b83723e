/* stats.c - `-X stats`: per-opcode execution counts, specialisation attempts and
 * failure reasons by family, hits/misses/deopts of specialised instructions and the
 * hottest loops, printed to stderr at exit. Counting happens only in the interpreter's
 * counting dispatch table, chosen when the option is on: nothing is counted otherwise. */
#include <stdio.h>
#include <stdlib.h>

#include "ceval_internal.h"
#include "specialize.h"

int kr_stats_enabled, kr_stats_checked;
KrStats kr_stats;

/* Failure reasons: (family, reason literal) -> count. Few distinct pairs. */
typedef struct {
    int base;
    const char *reason;
    uint64_t count;
} FailReason;
static FailReason *fails;
static int nfails, capfails;

void kr_stats_fail(int base, const char *reason) {
    kr_stats.failures[base]++;
    for (int i = 0; i < nfails; i++)
        if (fails[i].base == base && fails[i].reason == reason) {
            fails[i].count++;
            return;
        }
    if (nfails == capfails) {
        int cap = capfails ? capfails * 2 : 64;
        FailReason *n = realloc(fails, sizeof(FailReason) * (size_t)cap);
        if (!n) return;
        fails = n;
        capfails = cap;
    }
    fails[nfails++] = (FailReason){base, reason, 1};
}

/* Back edges: open-addressing table keyed by the JUMP_BACKWARD's address; the code's
 * name and position are copied at first sight (the code may be gone at exit). */
typedef struct {
    const KrCodeUnit *instr;
    uint64_t count;
    char *where; /* "name (file:line)" */
} LoopEntry;
static LoopEntry *loops;
static size_t loops_cap, loops_used;

/* "name (file:line)" of a loop: the line of the back edge's target (the loop head). */
static char *describe(KrCode *co, const KrCodeUnit *instr) {
    int at = (int)(instr - co->code), arg = KR_CU_ARG(*instr);
    for (int k = 1, shift = 8; at - k >= 0 && KR_CU_OP(co->code[at - k]) == KR_OP_EXTENDED_ARG;
         k++, shift += 8)
        arg |= KR_CU_ARG(co->code[at - k]) << shift;
    int target = at + 1 + KR_CACHE_JUMP_BACKWARD - arg;
    int line = kr_code_addr_to_line(co, target >= 0 && target < co->ncodeunits ? target : at);
    const char *name = co->qualname ? kr_str_data(co->qualname)
                       : co->name   ? kr_str_data(co->name)
                                    : "?";
    const char *file = co->filename ? kr_str_data(co->filename) : "?";
    int n = snprintf(NULL, 0, "%s (%s:%d)", name, file, line);
    char *s = malloc((size_t)n + 1);
    if (s) snprintf(s, (size_t)n + 1, "%s (%s:%d)", name, file, line);
    return s;
}

static void loops_grow(void) {
    size_t cap = loops_cap ? loops_cap * 2 : 256;
    LoopEntry *n = calloc(cap, sizeof(LoopEntry));
    if (!n) return;
    for (size_t i = 0; i < loops_cap; i++) {
        if (!loops[i].instr) continue;
        size_t h = ((uintptr_t)loops[i].instr >> 1) * 0x9E3779B97F4A7C15ull;
        size_t j = h & (cap - 1);
        while (n[j].instr) j = (j + 1) & (cap - 1);
        n[j] = loops[i];
    }
    free(loops);
    loops = n;
    loops_cap = cap;
}

void kr_stats_backedge(KrCode *co, const KrCodeUnit *instr) {
    if (2 * (loops_used + 1) > loops_cap) loops_grow();
    if (!loops_cap) return;
    size_t h = ((uintptr_t)instr >> 1) * 0x9E3779B97F4A7C15ull;
    size_t j = h & (loops_cap - 1);
    while (loops[j].instr && loops[j].instr != instr) j = (j + 1) & (loops_cap - 1);
    if (!loops[j].instr) {
        loops[j].instr = instr;
        loops[j].where = describe(co, instr);
        loops_used++;
    }
    loops[j].count++;
}

static int cmp_u64_desc(uint64_t a, uint64_t b) { return a < b ? 1 : a > b ? -1 : 0; }

static int cmp_opcount(const void *a, const void *b) {
    return cmp_u64_desc(kr_stats.exec[*(const int *)a], kr_stats.exec[*(const int *)b]);
}

static int cmp_loop(const void *a, const void *b) {
    return cmp_u64_desc(((const LoopEntry *)a)->count, ((const LoopEntry *)b)->count);
}

static int cmp_fail(const void *a, const void *b) {
    const FailReason *x = a, *y = b;
    if (x->base != y->base) return x->base - y->base;
    return cmp_u64_desc(x->count, y->count);
}

void kr_stats_dump(void) {
    FILE *out = stderr;
    uint64_t total = 0;
    int ops[256], nops = 0;
    for (int i = 0; i < 256; i++) {
        total += kr_stats.exec[i];
        if (kr_stats.exec[i]) ops[nops++] = i;
    }
    qsort(ops, (size_t)nops, sizeof(int), cmp_opcount);
    fprintf(out, "\n=== Krait -X stats ===\n");
    fprintf(out, "Instructions executed: %llu\n", (unsigned long long)total);
    fprintf(out, "\nTop opcodes (specialised forms counted separately):\n");
    for (int k = 0; k < nops && k < 30; k++) {
        int op = ops[k];
        fprintf(out, "  %-32s %14llu  %5.1f%%\n", kr_opcode_info[op].name,
                (unsigned long long)kr_stats.exec[op],
                total ? 100.0 * (double)kr_stats.exec[op] / (double)total : 0.0);
    }

    fprintf(out, "\nSpecialisation by family (attempts / successes / failures):\n");
    if (nfails) qsort(fails, (size_t)nfails, sizeof(FailReason), cmp_fail);
    for (int op = 0; op < 256; op++) {
        if (!kr_stats.attempts[op]) continue;
        fprintf(out, "  %-20s %10llu / %10llu / %10llu\n", kr_opcode_info[op].name,
                (unsigned long long)kr_stats.attempts[op],
                (unsigned long long)kr_stats.successes[op],
                (unsigned long long)kr_stats.failures[op]);
        for (int i = 0; i < nfails; i++)
            if (fails[i].base == op)
                fprintf(out, "      %s: %s  %llu\n", kr_opcode_info[op].name, fails[i].reason,
                        (unsigned long long)fails[i].count);
    }

    fprintf(out, "\nSpecialised instructions (hits / misses / deopts):\n");
    for (int op = 0; op < 256; op++) {
        if (!kr_opcode_info[op].specialized) continue;
        uint64_t ex = kr_stats.exec[op], miss = kr_stats.miss[op], de = kr_stats.deopt[op];
        if (!ex && !miss && !de) continue;
        fprintf(out, "  %-32s %12llu / %10llu / %8llu\n", kr_opcode_info[op].name,
                (unsigned long long)(ex >= miss ? ex - miss : 0), (unsigned long long)miss,
                (unsigned long long)de);
    }

    fprintf(out, "\nHottest loops (back edges taken):\n");
    if (loops_used) {
        LoopEntry *arr = malloc(sizeof(LoopEntry) * loops_used);
        size_t n = 0;
        if (arr) {
            for (size_t i = 0; i < loops_cap; i++)
                if (loops[i].instr) arr[n++] = loops[i];
            qsort(arr, n, sizeof(LoopEntry), cmp_loop);
            for (size_t i = 0; i < n && i < 10; i++)
                fprintf(out, "  %12llu  %s\n", (unsigned long long)arr[i].count,
                        arr[i].where ? arr[i].where : "?");
            free(arr);
        }
    } else {
        fprintf(out, "  (none)\n");
    }
    fflush(out);
}

static void dump_at_exit(void) {
    if (kr_stats_enabled) kr_stats_dump();
}

static void init_from_xoptions(void) {
    KrObject *x = kr_interp.sys_module ? kr_sys_get("_xoptions") : NULL;
    if (!x) {
        kr_err_clear();
        return; /* not set up yet (start-up code): look again next time */
    }
    kr_stats_checked = 1;
    if (!KR_DICT_CHECK(x)) return;
    KrObject *v = kr_dict_get_item_str(x, "stats");
    kr_err_clear();
    if (!v) return;
    kr_stats_enabled = 1;
    atexit(dump_at_exit);
}

void kr_stats_init_from_xoptions(void) {
    if (kr_stats_checked) return;
    /* the frame may be starting with an exception to raise (generator.throw) */
    KrObject *pending = kr_err_fetch();
    init_from_xoptions();
    kr_err_restore(pending);
}

KrObject *kr_sys_stats(KrObject *self, KrObject *unused) {
    kr_stats_dump();
    return kr_none;
}
