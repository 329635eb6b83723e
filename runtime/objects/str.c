/* str.c - the str type's core: UTF-8 storage with cached length, ASCII flag and hash,
 * the lazy code-point index, SipHash-1-3 hashing, interning, the single-character cache,
 * kr_str_from_format, the string builder, repr, and the type's slots and iterator.
 * Methods live in str_methods.c, codecs in str_codecs.c, formatting in str_format.c. */
#define _GNU_SOURCE /* memmem, memrchr */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>

#include "strings.h"

/* Interned-table lock: the table is shared by all threads in the free-threaded build;
 * a mutex costs little in the GIL build. */
static pthread_mutex_t intern_lock = PTHREAD_MUTEX_INITIALIZER;

/* ===========================================================================
 * UTF-8 helpers
 * ========================================================================= */

kr_ssize kr_utf8_count(const char *s, kr_ssize n) {
    kr_ssize count = 0;
    const unsigned char *p = (const unsigned char *)s;
    for (kr_ssize i = 0; i < n; i++)
        count += (p[i] & 0xc0) != 0x80;
    return count;
}

kr_ssize kr_utf8_validate(const char *s, kr_ssize n, const char **reason, kr_ssize *badlen,
                          kr_ssize *cps) {
    const unsigned char *p = (const unsigned char *)s;
    kr_ssize i = 0, count = 0;
    while (i < n) {
        unsigned c = p[i];
        if (c < 0x80) {
            i++;
            count++;
            continue;
        }
        kr_ssize need;
        unsigned lo = 0x80, hi = 0xbf;
        if (c >= 0xc2 && c <= 0xdf)
            need = 1;
        else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            if (c == 0xe0) lo = 0xa0;
            if (c == 0xed) hi = 0x9f;
        } else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            if (c == 0xf0) lo = 0x90;
            if (c == 0xf4) hi = 0x8f;
        } else {
            *reason = "invalid start byte";
            *badlen = 1;
            if (cps) *cps = count;
            return i;
        }
        /* CPython reports the maximal valid prefix as the bad range */
        kr_ssize k;
        for (k = 1; k <= need; k++) {
            if (i + k >= n) {
                *reason = "unexpected end of data";
                *badlen = k;
                if (cps) *cps = count;
                return i;
            }
            unsigned b = p[i + k];
            unsigned l = k == 1 ? lo : 0x80, h = k == 1 ? hi : 0xbf;
            if (b < l || b > h) {
                *reason = "invalid continuation byte";
                *badlen = k;
                if (cps) *cps = count;
                return i;
            }
        }
        i += need + 1;
        count++;
    }
    if (cps) *cps = count;
    return -1;
}

/* ===========================================================================
 * Allocation
 * ========================================================================= */

/* The empty string is static and immortal. */
static struct {
    KrStr s;
    char nul[8];
} empty_storage = {
    .s = {.ob_base = KR_STATIC_OBJECT_INIT(&kr_str_type),
          .length = 0,
          .size = 0,
          .hash = 0,
          .ascii = 1,
          .interned = 1},
};
_Static_assert(offsetof(KrStr, data) == sizeof(KrStr), "str data follows the header");
KrObject *kr_str_empty = (KrObject *)&empty_storage.s;

static KrStr *str_alloc_type(KrType *t, kr_ssize size) {
    if (size < 0 || size > ((kr_ssize)1 << 60)) return (KrStr *)kr_err_no_memory();
    KrObject *o = t == &kr_str_type ? kr_object_new_var(t, size) : kr_type_generic_alloc(t, size);
    if (!o) return NULL;
    KrStr *s = (KrStr *)o;
    s->size = size;
    s->hash = -1;
    s->index = NULL;
    s->interned = 0;
    s->data[size] = 0;
    return s;
}

KrObject *kr_str_alloc(kr_ssize size, kr_ssize length, bool ascii) {
    if (size == 0) return kr_str_empty;
    KrStr *s = str_alloc_type(&kr_str_type, size);
    if (!s) return NULL;
    s->length = length;
    s->ascii = ascii;
    return (KrObject *)s;
}

KrObject *kr_str_new_raw(kr_ssize size) {
    KrStr *s = str_alloc_type(&kr_str_type, size);
    if (!s) return NULL;
    s->length = size;
    s->ascii = 1;
    return (KrObject *)s;
}

KrObject *kr_str_finish_raw(KrObject *o) {
    KrStr *s = KR_STR(o);
    if (s->size == 0) {
        KR_DECREF(o);
        return kr_str_empty;
    }
    s->length = kr_utf8_count(s->data, s->size);
    s->ascii = s->length == s->size;
    if (s->length == 1 && s->size <= 2) {
        uint32_t cp;
        kr_utf8_decode((const unsigned char *)s->data, &cp);
        KR_DECREF(o);
        return kr_str_char(cp);
    }
    return o;
}

/* Single characters U+0000..U+00FF are cached and immortal, as in CPython. */
static _Atomic(KrObject *) latin1_cache[256];

KrObject *kr_str_char(uint32_t cp) {
    if (cp < 256) {
        KrObject *c = atomic_load_explicit(&latin1_cache[cp], memory_order_acquire);
        if (c) return c;
        char buf[2];
        int n = kr_utf8_encode(cp, buf);
        KrStr *s = str_alloc_type(&kr_str_type, n);
        if (!s) return NULL;
        memcpy(s->data, buf, (size_t)n);
        s->length = 1;
        s->ascii = cp < 128;
        kr_set_immortal((KrObject *)s);
        KrObject *expected = NULL;
        if (!atomic_compare_exchange_strong(&latin1_cache[cp], &expected, (KrObject *)s)) {
            kr_object_free((KrObject *)s);
            return expected;
        }
        return (KrObject *)s;
    }
    char buf[4];
    int n = kr_utf8_encode(cp, buf);
    KrObject *o = kr_str_alloc(n, 1, false);
    if (o) memcpy(KR_STR(o)->data, buf, (size_t)n);
    return o;
}

KrObject *kr_str_from_codepoint(uint32_t cp) {
    if (cp >= 0x110000) return kr_err_format(kr_exc_ValueError, "chr() arg not in range(0x110000)");
    return kr_str_char(cp);
}

KrObject *kr_str_from_utf8_unchecked(const char *s, kr_ssize size, kr_ssize length, bool ascii) {
    if (size == 0) return kr_str_empty;
    if (length == 1 && size <= 2) {
        uint32_t cp;
        kr_utf8_decode((const unsigned char *)s, &cp);
        return kr_str_char(cp);
    }
    KrObject *o = kr_str_alloc(size, length, ascii);
    if (o) memcpy(KR_STR(o)->data, s, (size_t)size);
    return o;
}

KrObject *kr_str_from_utf8(const char *s, kr_ssize size) {
    const char *reason;
    kr_ssize badlen, cps;
    kr_ssize bad = kr_utf8_validate(s, size, &reason, &badlen, &cps);
    if (bad >= 0) return kr_str_decode(s, size, "utf-8", "strict"); /* raises the error */
    return kr_str_from_utf8_unchecked(s, size, cps, cps == size);
}

KrObject *kr_str_from_cstr(const char *s) { return kr_str_from_utf8(s, (kr_ssize)strlen(s)); }

KrObject *kr_str_from_latin1(const unsigned char *s, kr_ssize n) {
    kr_ssize extra = 0;
    for (kr_ssize i = 0; i < n; i++)
        extra += s[i] >= 0x80;
    if (extra == 0) return kr_str_from_utf8_unchecked((const char *)s, n, n, true);
    if (n == 1) return kr_str_char(s[0]);
    KrObject *o = kr_str_alloc(n + extra, n, false);
    if (!o) return NULL;
    char *d = KR_STR(o)->data;
    for (kr_ssize i = 0; i < n; i++)
        d += kr_utf8_encode(s[i], d);
    return o;
}

KrObject *kr_str_exact_copy(KrObject *s) {
    if (KR_STR_CHECK_EXACT(s)) return KR_NEWREF(s);
    KrStr *o = KR_STR(s);
    return kr_str_from_utf8_unchecked(o->data, o->size, o->length, o->ascii);
}

/* str(obj) for str or a subtype: `obj` may be NULL (empty string). */
KrObject *kr_str_new_of_type(KrType *t, KrObject *obj, const char *encoding, const char *errors) {
    KrObject *s;
    if (!obj) {
        s = KR_NEWREF(kr_str_empty);
    } else if (encoding || errors) {
        const char *data;
        kr_ssize size;
        if (KR_STR_CHECK(obj)) {
            kr_err_set_string(kr_exc_TypeError, "decoding str is not supported");
            return NULL;
        }
        if (!kr_bytes_like_view(obj, &data, &size))
            return kr_err_format(kr_exc_TypeError,
                                 "decoding to str: need a bytes-like object, %T found", obj);
        s = kr_str_decode(data, size, encoding, errors);
    } else {
        s = kr_object_str(obj);
    }
    if (!s || t == &kr_str_type) return s;
    KrStr *src = KR_STR(s);
    KrStr *r = str_alloc_type(t, src->size);
    if (r) {
        memcpy(r->data, src->data, (size_t)src->size);
        r->length = src->length;
        r->ascii = src->ascii;
    }
    KR_DECREF(s);
    return (KrObject *)r;
}

static KrObject *str_tp_new(KrType *t, KrObject *args, KrObject *kwargs) {
    static const char *const kwlist[] = {"object", "encoding", "errors", NULL};
    KrObject *obj = NULL;
    const char *encoding = NULL, *errors = NULL;
    KrObject *kwnames = NULL;
    KrObject *argv[6];
    kr_ssize nargs = KR_SIZE(args), nkw = kwargs ? kr_dict_size(kwargs) : 0;
    if (nargs + nkw > 3) {
        return kr_err_format(kr_exc_TypeError, "str() takes at most 3 arguments (%zd given)",
                             nargs + nkw);
    }
    for (kr_ssize i = 0; i < nargs; i++)
        argv[i] = KR_TUPLE_ITEM(args, i);
    if (nkw) {
        kwnames = kr_tuple_new(nkw);
        if (!kwnames) return NULL;
        kr_ssize pos = 0, j = 0;
        KrObject *k, *v;
        while (kr_dict_next(kwargs, &pos, &k, &v)) {
            KR_TUPLE_ITEM(kwnames, j) = KR_NEWREF(k);
            argv[nargs + j++] = v;
        }
    }
    int rc = kr_arg_parse(argv, nargs, kwnames, "|Oss:str", kwlist, &obj, &encoding, &errors);
    KR_XDECREF(kwnames);
    if (rc < 0) return NULL;
    return kr_str_new_of_type(t, obj, encoding, errors);
}

static void str_dealloc(KrObject *o) {
    KrStr *s = KR_STR(o);
    if (s->index) kr_mem_free(s->index);
    kr_object_free(o);
}

/* ===========================================================================
 * Indexing: byte offsets of code points
 * ========================================================================= */

#define INDEX_SHIFT 5 /* one entry per 32 code points */

static kr_ssize *build_index(KrStr *s) {
    kr_ssize n = (s->length >> INDEX_SHIFT) + 1;
    kr_ssize *idx = kr_mem_malloc((size_t)n * sizeof(kr_ssize));
    if (!idx) return NULL;
    const unsigned char *p = (const unsigned char *)s->data;
    kr_ssize off = 0;
    for (kr_ssize k = 0; k < n; k++) {
        idx[k] = off;
        for (int j = 0; j < (1 << INDEX_SHIFT) && off < s->size; j++)
            off += kr_utf8_len_of_lead(p[off]);
    }
    /* another thread may have built it meanwhile: keep the first one */
    kr_ssize *expected = NULL;
    if (!__atomic_compare_exchange_n(&s->index, &expected, idx, false, __ATOMIC_ACQ_REL,
                                     __ATOMIC_ACQUIRE)) {
        kr_mem_free(idx);
        return expected;
    }
    return idx;
}

kr_ssize kr_str_byte_offset(KrObject *o, kr_ssize i) {
    KrStr *s = KR_STR(o);
    if (s->ascii) return i;
    if (i >= s->length) return s->size;
    if (i <= 0) return 0;
    const unsigned char *p = (const unsigned char *)s->data;
    kr_ssize off;
    kr_ssize rem;
    if (i < 64) {
        /* short walks from the start need no index */
        off = 0;
        rem = i;
    } else {
        kr_ssize *idx = __atomic_load_n(&s->index, __ATOMIC_ACQUIRE);
        if (!idx) {
            idx = build_index(s);
            if (!idx) {
                kr_err_clear(); /* fall back to walking */
                off = 0;
                rem = i;
                goto walk;
            }
        }
        off = idx[i >> INDEX_SHIFT];
        rem = i & ((1 << INDEX_SHIFT) - 1);
    }
walk:
    while (rem-- > 0)
        off += kr_utf8_len_of_lead(p[off]);
    return off;
}

uint32_t kr_str_char_at(KrObject *o, kr_ssize index) {
    KrStr *s = KR_STR(o);
    if (s->ascii) return (unsigned char)s->data[index];
    uint32_t cp;
    kr_utf8_decode((const unsigned char *)s->data + kr_str_byte_offset(o, index), &cp);
    return cp;
}

KrObject *kr_str_substring(KrObject *o, kr_ssize start, kr_ssize end) {
    KrStr *s = KR_STR(o);
    if (start < 0) start = 0;
    if (end > s->length) end = s->length;
    if (start >= end) return kr_str_empty;
    if (start == 0 && end == s->length && KR_STR_CHECK_EXACT(o)) return KR_NEWREF(o);
    kr_ssize b0 = kr_str_byte_offset(o, start);
    kr_ssize b1 = s->ascii ? end : b0;
    if (!s->ascii) {
        /* walk from b0 when the range is short; otherwise use the index */
        if (end - start <= 64) {
            const unsigned char *p = (const unsigned char *)s->data;
            for (kr_ssize k = start; k < end; k++)
                b1 += kr_utf8_len_of_lead(p[b1]);
        } else {
            b1 = kr_str_byte_offset(o, end);
        }
    }
    return kr_str_from_utf8_unchecked(s->data + b0, b1 - b0, end - start, b1 - b0 == end - start);
}

/* ===========================================================================
 * Hashing: SipHash-1-3 keyed per process, fed the same code units CPython hashes
 * (Latin-1 / UCS-2 / UCS-4 of the string), so with a fixed PYTHONHASHSEED the hash of
 * every string equals CPython's, and set ordering matches.
 * ========================================================================= */

static uint64_t sip_k0, sip_k1;

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t)                                                               \
    a += b;                                                                                        \
    c += d;                                                                                        \
    b = ROTL(b, s) ^ a;                                                                            \
    d = ROTL(d, t) ^ c;                                                                            \
    a = ROTL(a, 32);
#define SIP_ROUND(v0, v1, v2, v3)                                                                  \
    HALF_ROUND(v0, v1, v2, v3, 13, 16);                                                            \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

typedef struct {
    uint64_t v0, v1, v2, v3;
    uint64_t tail; /* pending bytes, little-endian */
    int ntail;
    uint64_t total;
} SipState;

static void sip_init(SipState *st) {
    st->v0 = sip_k0 ^ 0x736f6d6570736575ULL;
    st->v1 = sip_k1 ^ 0x646f72616e646f6dULL;
    st->v2 = sip_k0 ^ 0x6c7967656e657261ULL;
    st->v3 = sip_k1 ^ 0x7465646279746573ULL;
    st->tail = 0;
    st->ntail = 0;
    st->total = 0;
}

static inline void sip_block(SipState *st, uint64_t m) {
    st->v3 ^= m;
    SIP_ROUND(st->v0, st->v1, st->v2, st->v3);
    st->v0 ^= m;
}

static inline void sip_byte(SipState *st, unsigned char b) {
    st->tail |= (uint64_t)b << (8 * st->ntail);
    st->total++;
    if (++st->ntail == 8) {
        sip_block(st, st->tail);
        st->tail = 0;
        st->ntail = 0;
    }
}

static void sip_bytes(SipState *st, const unsigned char *p, kr_ssize n) {
    while (n > 0 && st->ntail) {
        sip_byte(st, *p++);
        n--;
    }
    while (n >= 8) {
        uint64_t m;
        memcpy(&m, p, 8); /* x86-64 and aarch64 are little-endian */
        sip_block(st, m);
        p += 8;
        n -= 8;
        st->total += 8;
    }
    while (n-- > 0)
        sip_byte(st, *p++);
}

static kr_hash sip_finish(SipState *st) {
    uint64_t b = (st->total << 56) | st->tail;
    uint64_t v0 = st->v0, v1 = st->v1, v2 = st->v2, v3 = st->v3;
    v3 ^= b;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    kr_hash h = (kr_hash)((v0 ^ v1) ^ (v2 ^ v3));
    return h == -1 ? -2 : h;
}

kr_hash kr_str_hash_bytes(const void *data, kr_ssize n) {
    if (n == 0) return 0;
    SipState st;
    sip_init(&st);
    sip_bytes(&st, data, n);
    return sip_finish(&st);
}

static kr_hash hash_wide(KrStr *s) {
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
    uint32_t maxcp = 0, cp;
    for (const unsigned char *q = p; q < end;) {
        q += kr_utf8_decode(q, &cp);
        if (cp > maxcp) maxcp = cp;
    }
    int width = maxcp < 0x100 ? 1 : maxcp < 0x10000 ? 2 : 4;
    SipState st;
    sip_init(&st);
    while (p < end) {
        p += kr_utf8_decode(p, &cp);
        for (int k = 0; k < width; k++)
            sip_byte(&st, (unsigned char)(cp >> (8 * k)));
    }
    return sip_finish(&st);
}

kr_hash kr_str_hash(KrObject *o) {
    KrStr *s = KR_STR(o);
    kr_hash h = __atomic_load_n(&s->hash, __ATOMIC_RELAXED);
    if (h != -1) return h;
    h = s->ascii ? kr_str_hash_bytes(s->data, s->size) : hash_wide(s);
    __atomic_store_n(&s->hash, h, __ATOMIC_RELAXED);
    return h;
}

static bool hash_seed_used;
static unsigned long hash_seed_value;

/* CPython derives the key from PYTHONHASHSEED with this linear congruential generator;
 * seed 0 means a zero key (randomisation off). */
static void lcg_fill(unsigned long seed, unsigned char *buf, size_t n) {
    uint32_t x = (uint32_t)seed;
    for (size_t i = 0; i < n; i++) {
        x = x * 214013u + 2531011u;
        buf[i] = (unsigned char)((x >> 16) & 0xff);
    }
}

void kr_str_hash_init(void) {
    unsigned char secret[24];
    memset(secret, 0, sizeof secret);
    const char *env = getenv("PYTHONHASHSEED");
    if (env && *env && strcmp(env, "random") != 0) {
        char *end;
        errno = 0;
        unsigned long v = strtoul(env, &end, 10);
        if (*end || errno || v > 4294967295UL) {
            fprintf(stderr, "Fatal Python error: PYTHONHASHSEED must be \"random\" or an "
                            "integer in range [0; 4294967295]\n");
            exit(1);
        }
        hash_seed_used = true;
        hash_seed_value = v;
        if (v) lcg_fill(v, secret, sizeof secret);
    } else {
        size_t got = 0;
        while (got < sizeof secret) {
            ssize_t r = getrandom(secret + got, sizeof secret - got, 0);
            if (r <= 0) {
                if (r < 0 && errno == EINTR) continue;
                break;
            }
            got += (size_t)r;
        }
    }
    memcpy(&sip_k0, secret, 8);
    memcpy(&sip_k1, secret + 8, 8);
}

/* sys.flags.hash_randomization / the seed in use (for sys). */
int kr_str_hash_seed(unsigned long *seed) {
    if (hash_seed_used) *seed = hash_seed_value;
    return hash_seed_used;
}

/* ===========================================================================
 * Equality, comparison, concatenation
 * ========================================================================= */

bool kr_str_eq(KrObject *a, KrObject *b) {
    if (a == b) return true;
    KrStr *x = KR_STR(a), *y = KR_STR(b);
    if (x->size != y->size) return false;
    if (x->hash != -1 && y->hash != -1 && x->hash != y->hash) return false;
    return memcmp(x->data, y->data, (size_t)x->size) == 0;
}

bool kr_str_eq_cstr(KrObject *a, const char *s) {
    size_t n = strlen(s);
    return (size_t)kr_str_size(a) == n && memcmp(kr_str_data(a), s, n) == 0;
}

/* UTF-8 (and WTF-8) byte order is code-point order, so memcmp compares correctly. */
int kr_str_compare(KrObject *a, KrObject *b) {
    KrStr *x = KR_STR(a), *y = KR_STR(b);
    kr_ssize n = x->size < y->size ? x->size : y->size;
    int c = memcmp(x->data, y->data, (size_t)n);
    if (c) return c < 0 ? -1 : 1;
    return x->size < y->size ? -1 : x->size > y->size ? 1 : 0;
}

static KrObject *str_richcompare(KrObject *a, KrObject *b, int op) {
    if (!KR_STR_CHECK(a) || !KR_STR_CHECK(b)) return KR_NEWREF(kr_notimplemented);
    bool r;
    if (op == KR_EQ || op == KR_NE) {
        r = kr_str_eq(a, b) == (op == KR_EQ);
    } else {
        int c = kr_str_compare(a, b);
        switch (op) {
        case KR_LT:
            r = c < 0;
            break;
        case KR_LE:
            r = c <= 0;
            break;
        case KR_GT:
            r = c > 0;
            break;
        default:
            r = c >= 0;
            break;
        }
    }
    return KR_NEWREF(kr_bool_from(r));
}

KrObject *kr_str_concat(KrObject *a, KrObject *b) {
    if (!KR_STR_CHECK(b))
        return kr_err_format(kr_exc_TypeError, "can only concatenate str (not \"%T\") to str", b);
    if (!KR_STR_CHECK(a))
        return kr_err_format(kr_exc_TypeError, "can only concatenate str (not \"%T\") to str", a);
    KrStr *x = KR_STR(a), *y = KR_STR(b);
    if (y->size == 0) return kr_str_exact_copy(a);
    if (x->size == 0) return kr_str_exact_copy(b);
    if (x->size > ((kr_ssize)1 << 60) - y->size) return kr_err_no_memory();
    KrObject *r = kr_str_alloc(x->size + y->size, x->length + y->length, x->ascii && y->ascii);
    if (!r) return NULL;
    memcpy(KR_STR(r)->data, x->data, (size_t)x->size);
    memcpy(KR_STR(r)->data + x->size, y->data, (size_t)y->size);
    return r;
}

KrObject *kr_str_repeat(KrObject *a, kr_ssize n) {
    KrStr *x = KR_STR(a);
    if (n <= 0 || x->size == 0) return kr_str_empty;
    if (n == 1) return kr_str_exact_copy(a);
    if (x->size > PTRDIFF_MAX / n)
        return kr_err_format(kr_exc_OverflowError, "repeated string is too long");
    kr_ssize total = x->size * n;
    KrObject *r = kr_str_alloc(total, x->length * n, x->ascii);
    if (!r) return NULL;
    char *d = KR_STR(r)->data;
    if (x->size == 1) {
        memset(d, x->data[0], (size_t)total);
    } else {
        memcpy(d, x->data, (size_t)x->size);
        kr_ssize done = x->size;
        while (done < total) {
            kr_ssize chunk = done < total - done ? done : total - done;
            memcpy(d + done, d, (size_t)chunk);
            done += chunk;
        }
    }
    return r;
}

static KrObject *str_sq_repeat(KrObject *a, kr_ssize n) { return kr_str_repeat(a, n); }

kr_ssize kr_bytes_find_raw(const char *h, kr_ssize n, const char *needle, kr_ssize m) {
    if (m == 0) return 0;
    if (m > n) return -1;
    if (m == 1) {
        const char *p = memchr(h, needle[0], (size_t)n);
        return p ? p - h : -1;
    }
    const char *p = memmem(h, (size_t)n, needle, (size_t)m);
    return p ? p - h : -1;
}

kr_ssize kr_bytes_rfind_raw(const char *h, kr_ssize n, const char *needle, kr_ssize m) {
    if (m == 0) return n;
    if (m > n) return -1;
    if (m == 1) {
        const char *p = memrchr(h, needle[0], (size_t)n);
        return p ? p - h : -1;
    }
    for (kr_ssize i = n - m; i >= 0; i--)
        if (h[i] == needle[0] && memcmp(h + i, needle, (size_t)m) == 0) return i;
    return -1;
}

kr_ssize kr_bytes_count_raw(const char *h, kr_ssize n, const char *needle, kr_ssize m,
                            kr_ssize maxcount) {
    if (m == 0) return n + 1 < maxcount ? n + 1 : maxcount;
    kr_ssize count = 0, pos = 0;
    while (count < maxcount) {
        kr_ssize f = kr_bytes_find_raw(h + pos, n - pos, needle, m);
        if (f < 0) break;
        count++;
        pos += f + m;
    }
    return count;
}

int kr_str_contains(KrObject *s, KrObject *sub) {
    if (!KR_STR_CHECK(sub)) {
        kr_err_format(kr_exc_TypeError, "'in <string>' requires string as left operand, not %T",
                      sub);
        return -1;
    }
    return kr_bytes_find_raw(kr_str_data(s), kr_str_size(s), kr_str_data(sub), kr_str_size(sub)) >=
           0;
}

/* ===========================================================================
 * Interning
 * ========================================================================= */

static KrObject **intern_table;
static size_t intern_mask, intern_used;

static int intern_grow(void) {
    size_t ncap = intern_table ? (intern_mask + 1) * 2 : 1024;
    KrObject **nt = kr_mem_calloc(ncap, sizeof(KrObject *));
    if (!nt) return -1;
    for (size_t i = 0; intern_table && i <= intern_mask; i++) {
        KrObject *s = intern_table[i];
        if (!s) continue;
        size_t j = (size_t)kr_str_hash(s) & (ncap - 1);
        while (nt[j])
            j = (j + 1) & (ncap - 1);
        nt[j] = s;
    }
    kr_mem_free(intern_table);
    intern_table = nt;
    intern_mask = ncap - 1;
    return 0;
}

KrObject *kr_str_intern(KrObject *s) {
    if (!s) return NULL;
    if (KR_STR(s)->interned) return s;
    if (!KR_STR_CHECK_EXACT(s)) return s; /* subclasses are not interned (as CPython) */
    kr_hash h = kr_str_hash(s);
    pthread_mutex_lock(&intern_lock);
    if ((intern_used + 1) * 3 >= (intern_mask + 1) * 2 || !intern_table) {
        if (intern_grow() < 0) {
            pthread_mutex_unlock(&intern_lock);
            kr_err_clear();
            return s; /* not interned, still a valid string */
        }
    }
    size_t j = (size_t)h & intern_mask;
    while (intern_table[j]) {
        KrObject *t = intern_table[j];
        if (kr_str_eq(t, s)) {
            pthread_mutex_unlock(&intern_lock);
            KR_DECREF(s);
            return t;
        }
        j = (j + 1) & intern_mask;
    }
    kr_set_immortal(s);
    KR_STR(s)->interned = 1;
    intern_table[j] = s;
    intern_used++;
    pthread_mutex_unlock(&intern_lock);
    return s;
}

KrObject *kr_str_intern_cstr(const char *cs) {
    KrObject *s = kr_str_from_cstr(cs);
    if (!s) return NULL;
    return kr_str_intern(s);
}

/* ===========================================================================
 * The string builder
 * ========================================================================= */

void kr_strbuilder_init(KrStrBuilder *b) {
    b->buf = NULL;
    b->size = b->cap = b->length = 0;
    b->ascii = true;
}

int kr_strbuilder_reserve(KrStrBuilder *b, kr_ssize extra) {
    if (b->size + extra + 1 <= b->cap) return 0;
    kr_ssize ncap = b->cap ? b->cap * 2 : 64;
    while (ncap < b->size + extra + 1)
        ncap *= 2;
    char *nb = kr_mem_realloc(b->buf, (size_t)ncap);
    if (!nb) return -1;
    b->buf = nb;
    b->cap = ncap;
    return 0;
}

int kr_strbuilder_append(KrStrBuilder *b, const char *s, kr_ssize n) {
    if (n <= 0) return 0;
    if (kr_strbuilder_reserve(b, n) < 0) return -1;
    memcpy(b->buf + b->size, s, (size_t)n);
    b->size += n;
    kr_ssize cps = kr_utf8_count(s, n);
    if (cps != n) b->ascii = false;
    b->length += cps;
    return 0;
}

int kr_strbuilder_append_cstr(KrStrBuilder *b, const char *s) {
    return kr_strbuilder_append(b, s, (kr_ssize)strlen(s));
}

int kr_strbuilder_append_str(KrStrBuilder *b, KrObject *s) {
    KrStr *o = KR_STR(s);
    if (o->size == 0) return 0;
    if (kr_strbuilder_reserve(b, o->size) < 0) return -1;
    memcpy(b->buf + b->size, o->data, (size_t)o->size);
    b->size += o->size;
    b->length += o->length;
    if (!o->ascii) b->ascii = false;
    return 0;
}

int kr_strbuilder_append_codepoint(KrStrBuilder *b, uint32_t cp) {
    if (kr_strbuilder_reserve(b, 4) < 0) return -1;
    b->size += kr_utf8_encode(cp, b->buf + b->size);
    b->length++;
    if (cp >= 128) b->ascii = false;
    return 0;
}

int kr_strbuilder_append_fill(KrStrBuilder *b, uint32_t cp, kr_ssize count) {
    if (count <= 0) return 0;
    char enc[4];
    int n = kr_utf8_encode(cp, enc);
    if (kr_strbuilder_reserve(b, count * n) < 0) return -1;
    if (n == 1) {
        memset(b->buf + b->size, enc[0], (size_t)count);
    } else {
        for (kr_ssize i = 0; i < count; i++)
            memcpy(b->buf + b->size + i * n, enc, (size_t)n);
    }
    b->size += count * n;
    b->length += count;
    if (cp >= 128) b->ascii = false;
    return 0;
}

KrObject *kr_strbuilder_finish(KrStrBuilder *b) {
    KrObject *r = kr_str_from_utf8_unchecked(b->buf ? b->buf : "", b->size, b->length, b->ascii);
    kr_mem_free(b->buf);
    kr_strbuilder_init(b);
    return r;
}

void kr_strbuilder_discard(KrStrBuilder *b) {
    kr_mem_free(b->buf);
    kr_strbuilder_init(b);
}

/* ===========================================================================
 * kr_str_from_format
 * ========================================================================= */

/* Appends `s` honouring width (left/right padding with spaces or zeros) and a
 * precision counted in code points. */
static int append_padded(KrStrBuilder *b, const char *s, kr_ssize n, kr_ssize width, kr_ssize prec,
                         bool left, char pad) {
    if (prec >= 0) {
        /* cut at `prec` code points */
        const unsigned char *p = (const unsigned char *)s;
        kr_ssize off = 0, k = 0;
        while (off < n && k < prec) {
            off += kr_utf8_len_of_lead(p[off]);
            k++;
        }
        if (off > n) off = n;
        n = off;
    }
    kr_ssize len = kr_utf8_count(s, n);
    if (!left && width > len && kr_strbuilder_append_fill(b, (uint32_t)pad, width - len) < 0)
        return -1;
    if (kr_strbuilder_append(b, s, n) < 0) return -1;
    if (left && width > len && kr_strbuilder_append_fill(b, ' ', width - len) < 0) return -1;
    return 0;
}

static int append_obj(KrStrBuilder *b, KrObject *s, kr_ssize width, kr_ssize prec, bool left) {
    return append_padded(b, kr_str_data(s), kr_str_size(s), width, prec, left, ' ');
}

KrObject *kr_str_from_vformat(const char *fmt, va_list ap) {
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    const char *p = fmt;
    while (*p) {
        const char *q = p;
        while (*q && *q != '%')
            q++;
        if (q > p && kr_strbuilder_append(&b, p, q - p) < 0) goto fail;
        if (!*q) break;
        p = q + 1;
        if (*p == '%') {
            if (kr_strbuilder_append(&b, "%", 1) < 0) goto fail;
            p++;
            continue;
        }
        bool left = false, zero = false;
        while (*p == '-' || *p == '0') {
            if (*p == '-')
                left = true;
            else
                zero = true;
            p++;
        }
        kr_ssize width = -1, prec = -1;
        if (*p == '*') {
            width = va_arg(ap, int);
            p++;
        } else if (*p >= '0' && *p <= '9') {
            width = 0;
            while (*p >= '0' && *p <= '9')
                width = width * 10 + (*p++ - '0');
        }
        if (*p == '.') {
            p++;
            prec = 0;
            if (*p == '*') {
                prec = va_arg(ap, int);
                p++;
            } else {
                while (*p >= '0' && *p <= '9')
                    prec = prec * 10 + (*p++ - '0');
            }
        }
        int lmod = 0; /* 1 l, 2 ll, 3 z, 4 t, 5 j */
        if (*p == 'l') {
            lmod = 1;
            p++;
            if (*p == 'l') {
                lmod = 2;
                p++;
            }
        } else if (*p == 'z') {
            lmod = 3;
            p++;
        } else if (*p == 't') {
            lmod = 4;
            p++;
        } else if (*p == 'j') {
            lmod = 5;
            p++;
        }
        char conv = *p ? *p++ : 0;
        char tmp[64];
        switch (conv) {
        case 'd':
        case 'i': {
            long long v;
            switch (lmod) {
            case 1:
                v = va_arg(ap, long);
                break;
            case 2:
                v = va_arg(ap, long long);
                break;
            case 3:
                v = va_arg(ap, kr_ssize);
                break;
            case 4:
                v = va_arg(ap, ptrdiff_t);
                break;
            case 5:
                v = va_arg(ap, intmax_t);
                break;
            default:
                v = va_arg(ap, int);
                break;
            }
            int n = snprintf(tmp, sizeof tmp, "%.*lld", prec >= 0 ? (int)prec : 1, v);
            if (append_padded(&b, tmp, n, width, -1, left, zero && !left ? '0' : ' ') < 0)
                goto fail;
            break;
        }
        case 'u':
        case 'x':
        case 'X':
        case 'o': {
            unsigned long long v;
            switch (lmod) {
            case 1:
                v = va_arg(ap, unsigned long);
                break;
            case 2:
                v = va_arg(ap, unsigned long long);
                break;
            case 3:
                v = va_arg(ap, size_t);
                break;
            case 4:
                v = (unsigned long long)va_arg(ap, ptrdiff_t);
                break;
            case 5:
                v = va_arg(ap, uintmax_t);
                break;
            default:
                v = va_arg(ap, unsigned int);
                break;
            }
            const char *f = conv == 'u'   ? "%.*llu"
                            : conv == 'x' ? "%.*llx"
                            : conv == 'X' ? "%.*llX"
                                          : "%.*llo";
            int n = snprintf(tmp, sizeof tmp, f, prec >= 0 ? (int)prec : 1, v);
            if (append_padded(&b, tmp, n, width, -1, left, zero && !left ? '0' : ' ') < 0)
                goto fail;
            break;
        }
        case 'c': {
            int cp = va_arg(ap, int);
            if (cp < 0 || cp >= 0x110000) {
                kr_strbuilder_discard(&b);
                kr_err_set_string(kr_exc_OverflowError,
                                  "character argument not in range(0x110000)");
                return NULL;
            }
            char enc[4];
            int n = kr_utf8_encode((uint32_t)cp, enc);
            if (append_padded(&b, enc, n, width, -1, left, ' ') < 0) goto fail;
            break;
        }
        case 'p': {
            int n = snprintf(tmp, sizeof tmp, "0x%llx",
                             (unsigned long long)(uintptr_t)va_arg(ap, void *));
            if (append_padded(&b, tmp, n, width, -1, left, ' ') < 0) goto fail;
            break;
        }
        case 's': {
            const char *s = va_arg(ap, const char *);
            if (!s) s = "(null)";
            if (append_padded(&b, s, (kr_ssize)strlen(s), width, prec, left, ' ') < 0) goto fail;
            break;
        }
        case 'U': {
            KrObject *s = va_arg(ap, KrObject *);
            if (append_obj(&b, s, width, prec, left) < 0) goto fail;
            break;
        }
        case 'V': {
            KrObject *s = va_arg(ap, KrObject *);
            const char *cs = va_arg(ap, const char *);
            int rc = s ? append_obj(&b, s, width, prec, left)
                       : append_padded(&b, cs, (kr_ssize)strlen(cs), width, prec, left, ' ');
            if (rc < 0) goto fail;
            break;
        }
        case 'S':
        case 'R':
        case 'A': {
            KrObject *o = va_arg(ap, KrObject *);
            KrObject *s = conv == 'S'   ? kr_object_str(o)
                          : conv == 'R' ? kr_object_repr(o)
                                        : kr_object_ascii(o);
            if (!s) goto fail;
            int rc = append_obj(&b, s, width, prec, left);
            KR_DECREF(s);
            if (rc < 0) goto fail;
            break;
        }
        case 'N':
        case 'T': {
            /* tp_name, as CPython's messages print it: "collections.deque" for C types
             * defined in modules, the plain class name for classes */
            KrType *t = conv == 'N' ? va_arg(ap, KrType *) : KR_TYPE(va_arg(ap, KrObject *));
            const char *name = t->tp_name;
            if (append_padded(&b, name, (kr_ssize)strlen(name), width, prec, left, ' ') < 0)
                goto fail;
            break;
        }
        default:
            /* unknown directive: copy the rest verbatim, as CPython does */
            if (kr_strbuilder_append_cstr(&b, q) < 0) goto fail;
            return kr_strbuilder_finish(&b);
        }
    }
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

KrObject *kr_str_from_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    KrObject *r = kr_str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}

/* ===========================================================================
 * repr
 * ========================================================================= */

KrObject *kr_str_repr_impl(KrObject *o, bool ascii_only) {
    KrStr *s = KR_STR(o);
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
    bool has_sq = memchr(s->data, '\'', (size_t)s->size) != NULL;
    bool has_dq = memchr(s->data, '"', (size_t)s->size) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    if (kr_strbuilder_reserve(&b, s->size + 2) < 0) return NULL;
    b.buf[b.size++] = quote;
    b.length++;
    while (p < end) {
        /* copy runs of plain printable ASCII in one go */
        const unsigned char *run = p;
        while (p < end && *p >= 0x20 && *p < 0x7f && *p != '\\' && *p != (unsigned char)quote)
            p++;
        if (p > run && kr_strbuilder_append(&b, (const char *)run, p - run) < 0) goto fail;
        if (p >= end) break;
        uint32_t cp;
        int n = kr_utf8_decode(p, &cp);
        char esc[16];
        const char *e = NULL;
        switch (cp) {
        case '\\':
            e = "\\\\";
            break;
        case '\n':
            e = "\\n";
            break;
        case '\r':
            e = "\\r";
            break;
        case '\t':
            e = "\\t";
            break;
        default:
            if (cp == (uint32_t)quote) {
                esc[0] = '\\';
                esc[1] = quote;
                esc[2] = 0;
                e = esc;
            } else if (cp < 0x20 || cp == 0x7f) {
                snprintf(esc, sizeof esc, "\\x%02x", cp);
                e = esc;
            } else if (cp >= 0x80 && (ascii_only || !kr_unicode_isprintable(cp))) {
                if (cp < 0x100)
                    snprintf(esc, sizeof esc, "\\x%02x", cp);
                else if (cp < 0x10000)
                    snprintf(esc, sizeof esc, "\\u%04x", cp);
                else
                    snprintf(esc, sizeof esc, "\\U%08x", cp);
                e = esc;
            }
        }
        if (e) {
            if (kr_strbuilder_append_cstr(&b, e) < 0) goto fail;
        } else if (kr_strbuilder_append(&b, (const char *)p, n) < 0) {
            goto fail;
        }
        p += n;
    }
    if (kr_strbuilder_append(&b, &quote, 1) < 0) goto fail;
    return kr_strbuilder_finish(&b);
fail:
    kr_strbuilder_discard(&b);
    return NULL;
}

KrObject *kr_str_repr_of(KrObject *s) { return kr_str_repr_impl(s, false); }

/* Escapes the non-ASCII characters of a repr() result (ascii() builtin). */
KrObject *kr_str_ascii_of(KrObject *o) {
    KrStr *s = KR_STR(o);
    if (s->ascii) return KR_NEWREF(o);
    KrStrBuilder b;
    kr_strbuilder_init(&b);
    const unsigned char *p = (const unsigned char *)s->data, *end = p + s->size;
    while (p < end) {
        uint32_t cp;
        int n = kr_utf8_decode(p, &cp);
        char esc[16];
        int rc;
        if (cp < 0x80) {
            rc = kr_strbuilder_append(&b, (const char *)p, 1);
        } else {
            snprintf(esc, sizeof esc,
                     cp < 0x100     ? "\\x%02x"
                     : cp < 0x10000 ? "\\u%04x"
                                    : "\\U%08x",
                     cp);
            rc = kr_strbuilder_append_cstr(&b, esc);
        }
        if (rc < 0) {
            kr_strbuilder_discard(&b);
            return NULL;
        }
        p += n;
    }
    return kr_strbuilder_finish(&b);
}

static KrObject *str_repr(KrObject *o) { return kr_str_repr_impl(o, false); }

static KrObject *str_str(KrObject *o) { return kr_str_exact_copy(o); }

/* ===========================================================================
 * Sequence and mapping slots
 * ========================================================================= */

static kr_ssize str_length(KrObject *o) { return KR_STR(o)->length; }

static KrObject *str_item(KrObject *o, kr_ssize i) {
    KrStr *s = KR_STR(o);
    if (i < 0) i += s->length;
    if (i < 0 || i >= s->length) {
        kr_err_set_string(kr_exc_IndexError, "string index out of range");
        return NULL;
    }
    return kr_str_char(kr_str_char_at(o, i));
}

static KrObject *str_subscript(KrObject *o, KrObject *key) {
    if (kr_index_check(key)) {
        kr_ssize i = kr_number_as_ssize(key, kr_exc_IndexError);
        if (i == -1 && kr_err_occurred()) return NULL;
        return str_item(o, i);
    }
    if (KR_TYPE(key) == &kr_slice_type) {
        KrStr *s = KR_STR(o);
        kr_ssize start, stop, step, len;
        if (kr_slice_indices(key, s->length, &start, &stop, &step, &len) < 0) return NULL;
        if (len <= 0) return kr_str_empty;
        if (step == 1) return kr_str_substring(o, start, start + len);
        if (s->ascii) {
            KrObject *r = kr_str_alloc(len, len, true);
            if (!r) return NULL;
            for (kr_ssize i = 0, j = start; i < len; i++, j += step)
                KR_STR(r)->data[i] = s->data[j];
            return r;
        }
        KrStrBuilder b;
        kr_strbuilder_init(&b);
        for (kr_ssize i = 0, j = start; i < len; i++, j += step) {
            if (kr_strbuilder_append_codepoint(&b, kr_str_char_at(o, j)) < 0) {
                kr_strbuilder_discard(&b);
                return NULL;
            }
        }
        return kr_strbuilder_finish(&b);
    }
    return kr_err_format(kr_exc_TypeError, "string indices must be integers, not '%T'", key);
}

static int str_sq_contains(KrObject *s, KrObject *sub) { return kr_str_contains(s, sub); }

static KrObject *str_sq_concat(KrObject *a, KrObject *b) { return kr_str_concat(a, b); }

static kr_hash str_hash(KrObject *o) { return kr_str_hash(o); }

/* ===========================================================================
 * Iterator
 * ========================================================================= */

typedef struct {
    KR_OBJECT_HEAD;
    KrObject *str;   /* NULL once exhausted */
    kr_ssize index;  /* code points consumed */
    kr_ssize offset; /* byte offset of the next code point */
} KrStrIter;

static KrObject *str_iter(KrObject *o) {
    KrStrIter *it = (KrStrIter *)kr_object_new(&kr_str_iter_type);
    if (!it) return NULL;
    it->str = KR_NEWREF(o);
    it->index = 0;
    it->offset = 0;
    return (KrObject *)it;
}

static KrObject *striter_next(KrObject *o) {
    KrStrIter *it = (KrStrIter *)o;
    KrObject *s = it->str;
    if (!s) return NULL;
    if (it->offset >= KR_STR(s)->size) {
        it->str = NULL;
        KR_DECREF(s);
        return NULL;
    }
    uint32_t cp;
    it->offset += kr_utf8_decode((const unsigned char *)KR_STR(s)->data + it->offset, &cp);
    it->index++;
    return kr_str_char(cp);
}

static void striter_dealloc(KrObject *o) {
    KR_XDECREF(((KrStrIter *)o)->str);
    kr_object_free(o);
}

static KrObject *striter_length_hint(KrObject *o, KrObject *unused) {
    KrStrIter *it = (KrStrIter *)o;
    return kr_int_from_ssize(it->str ? KR_STR(it->str)->length - it->index : 0);
}

static KrObject *striter_reduce(KrObject *o, KrObject *unused) {
    KrStrIter *it = (KrStrIter *)o;
    KrObject *iter = kr_dict_get_item_str(kr_interp.builtins, "iter");
    if (!iter) return kr_err_format(kr_exc_RuntimeError, "lost builtins.iter");
    if (!it->str) {
        KrObject *args = kr_tuple_pack(1, kr_str_empty);
        KrObject *r = args ? kr_tuple_pack(2, iter, args) : NULL;
        KR_XDECREF(args);
        return r;
    }
    KrObject *args = kr_tuple_pack(1, it->str);
    KrObject *idx = kr_int_from_ssize(it->index);
    KrObject *r = args && idx ? kr_tuple_pack(3, iter, args, idx) : NULL;
    KR_XDECREF(args);
    KR_XDECREF(idx);
    return r;
}

static KrObject *striter_setstate(KrObject *o, KrObject *state) {
    KrStrIter *it = (KrStrIter *)o;
    kr_ssize i = kr_number_as_ssize(state, NULL);
    if (i == -1 && kr_err_occurred()) return NULL;
    if (it->str) {
        kr_ssize len = KR_STR(it->str)->length;
        if (i < 0) i = 0;
        if (i > len) i = len;
        it->index = i;
        it->offset = kr_str_byte_offset(it->str, i);
    }
    return kr_none;
}

static KrMethodDef striter_methods[] = {
    {"__length_hint__", striter_length_hint, KR_METH_NOARGS, NULL},
    {"__reduce__", striter_reduce, KR_METH_NOARGS, NULL},
    {"__setstate__", striter_setstate, KR_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

KrType kr_str_iter_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(KrStrIter),
    .tp_dealloc = striter_dealloc,
    .tp_getattro = kr_object_generic_getattr,
    .tp_iter = kr_object_self_iter,
    .tp_iternext = striter_next,
    .tp_methods = striter_methods,
};

/* ===========================================================================
 * The type
 * ========================================================================= */

static KrSequenceMethods str_as_sequence = {
    .sq_length = str_length,
    .sq_concat = str_sq_concat,
    .sq_repeat = str_sq_repeat,
    .sq_item = str_item,
    .sq_contains = str_sq_contains,
};

static KrMappingMethods str_as_mapping = {
    .mp_length = str_length,
    .mp_subscript = str_subscript,
};

static KrNumberMethods str_as_number = {
    .nb_remainder = kr_str_mod,
};

KrType kr_str_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "str",
    .tp_basicsize = offsetof(KrStr, data) + 1,
    .tp_itemsize = 1,
    .tp_dealloc = str_dealloc,
    .tp_repr = str_repr,
    .tp_as_number = &str_as_number,
    .tp_as_sequence = &str_as_sequence,
    .tp_as_mapping = &str_as_mapping,
    .tp_hash = str_hash,
    .tp_str = str_str,
    .tp_getattro = kr_object_generic_getattr,
    .tp_flags = KR_TPFLAGS_BASETYPE | KR_TPFLAGS_STR_SUBCLASS | KR_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str\n\n"
              "Create a new string object from the given object. If encoding or\nerrors is "
              "specified, then the object must expose a data buffer\nthat will be decoded "
              "using the given encoding and error handler.\nOtherwise, returns the result of "
              "object.__str__() (if defined)\nor repr(object).\nencoding defaults to "
              "sys.getdefaultencoding().\nerrors defaults to 'strict'.",
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter,
    .tp_methods = kr_str_methods,
    .tp_new = str_tp_new,
};
