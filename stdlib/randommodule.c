/* randommodule.c - `_random`: the Mersenne Twister (MT19937) behind random.Random, seeded
 * exactly as CPython seeds it (init_by_array over the 32-bit words of the seed), plus the
 * helpers random.py needs without hashlib/os: SHA-512 (for str/bytes seeds) and urandom. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

#include "krait.h"

/* ---------------------------------------------------------------------------
 * The generator (Matsumoto & Nishimura's MT19937)
 * ------------------------------------------------------------------------- */

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct {
    KR_OBJECT_HEAD;
    int index;
    uint32_t state[MT_N];
} KrRandom;

extern KrType kr_random_type;

static uint32_t genrand_uint32(KrRandom *r) {
    uint32_t *mt = r->state, y;
    static const uint32_t mag01[2] = {0x0U, MATRIX_A};
    if (r->index >= MT_N) {
        int kk;
        for (kk = 0; kk < MT_N - MT_M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + MT_M] ^ (y >> 1) ^ mag01[y & 1U];
        }
        for (; kk < MT_N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (MT_M - MT_N)] ^ (y >> 1) ^ mag01[y & 1U];
        }
        y = (mt[MT_N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ mag01[y & 1U];
        r->index = 0;
    }
    y = mt[r->index++];
    /* tempering */
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void init_genrand(KrRandom *r, uint32_t s) {
    uint32_t *mt = r->state;
    mt[0] = s;
    for (int i = 1; i < MT_N; i++) mt[i] = 1812433253U * (mt[i - 1] ^ (mt[i - 1] >> 30)) + (uint32_t)i;
    r->index = MT_N;
}

static void init_by_array(KrRandom *r, const uint32_t *key, size_t len) {
    uint32_t *mt = r->state;
    init_genrand(r, 19650218U);
    size_t i = 1, j = 0;
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (j >= len) j = 0;
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U; /* the state is never all zero */
}

/* ---------------------------------------------------------------------------
 * OS randomness
 * ------------------------------------------------------------------------- */

static int fill_urandom(void *buf, size_t n) {
    char *p = buf;
    while (n > 0) {
        ssize_t got = getrandom(p, n, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            /* no getrandom(): read the device */
            int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                kr_err_from_errno(kr_exc_OSError);
                return -1;
            }
            while (n > 0) {
                ssize_t k = read(fd, p, n);
                if (k < 0 && errno == EINTR) continue;
                if (k <= 0) {
                    close(fd);
                    kr_err_from_errno(kr_exc_OSError);
                    return -1;
                }
                p += k;
                n -= (size_t)k;
            }
            close(fd);
            return 0;
        }
        p += got;
        n -= (size_t)got;
    }
    return 0;
}

/* ---------------------------------------------------------------------------
 * Seeding
 * ------------------------------------------------------------------------- */

/* Seeds from the absolute value of an int: its 32-bit words, least significant first. */
static int seed_from_int(KrRandom *r, KrObject *n) {
    mpz_t z;
    mpz_init(z);
    kr_int_to_mpz(n, z);
    mpz_abs(z, z);
    size_t bits = mpz_sizeinbase(z, 2);
    size_t words = mpz_sgn(z) == 0 ? 1 : (bits - 1) / 32 + 1;
    uint32_t *key = kr_mem_calloc(words, sizeof(uint32_t));
    if (!key) {
        mpz_clear(z);
        return -1;
    }
    size_t count = 0;
    mpz_export(key, &count, -1, sizeof(uint32_t), 0, 0, z);
    mpz_clear(z);
    init_by_array(r, key, words);
    kr_mem_free(key);
    return 0;
}

static int random_seed_obj(KrRandom *r, KrObject *arg) {
    if (!arg || arg == kr_none) {
        uint32_t key[MT_N];
        if (fill_urandom(key, sizeof key) < 0) return -1;
        init_by_array(r, key, MT_N);
        return 0;
    }
    if (KR_INT_CHECK(arg)) return seed_from_int(r, arg);
    /* other objects seed from their hash, taken as an unsigned machine word */
    kr_hash h = kr_object_hash(arg);
    if (h == -1 && kr_err_occurred()) return -1;
    KrObject *n = kr_int_from_u64((uint64_t)h);
    if (!n) return -1;
    int rc = seed_from_int(r, n);
    KR_DECREF(n);
    return rc;
}

/* ---------------------------------------------------------------------------
 * Methods
 * ------------------------------------------------------------------------- */

static KrObject *random_random(KrObject *self, KrObject *unused) {
    (void)unused;
    KrRandom *r = (KrRandom *)self;
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return kr_float_from_double((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static KrObject *random_seed(KrObject *self, KrObject *const *args, kr_ssize nargs) {
    if (kr_arg_check_positional("seed", nargs, 0, 1) < 0) return NULL;
    if (random_seed_obj((KrRandom *)self, nargs ? args[0] : NULL) < 0) return NULL;
    return kr_none_new();
}

static KrObject *random_getstate(KrObject *self, KrObject *unused) {
    (void)unused;
    KrRandom *r = (KrRandom *)self;
    KrObject *t = kr_tuple_new(MT_N + 1);
    if (!t) return NULL;
    for (int i = 0; i < MT_N; i++) {
        KrObject *v = kr_int_from_u64(r->state[i]);
        if (!v) {
            KR_DECREF(t);
            return NULL;
        }
        KR_TUPLE_ITEM(t, i) = v;
    }
    KrObject *v = kr_int_from_i64(r->index);
    if (!v) {
        KR_DECREF(t);
        return NULL;
    }
    KR_TUPLE_ITEM(t, MT_N) = v;
    return t;
}

static KrObject *random_setstate(KrObject *self, KrObject *state) {
    KrRandom *r = (KrRandom *)self;
    if (!KR_TUPLE_CHECK(state)) {
        kr_err_set_string(kr_exc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (KR_SIZE(state) != MT_N + 1) {
        kr_err_set_string(kr_exc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    uint32_t newstate[MT_N];
    for (int i = 0; i < MT_N; i++) {
        KrObject *v = KR_TUPLE_ITEM(state, i);
        if (!KR_INT_CHECK(v)) {
            kr_err_format(kr_exc_TypeError, "an integer is required (got type %s)",
                          kr_type_name_cstr(KR_TYPE(v)));
            return NULL;
        }
        int64_t x;
        if (kr_int_sign(v) < 0) {
            kr_err_set_string(kr_exc_OverflowError, "can't convert negative int to unsigned");
            return NULL;
        }
        if (kr_int_as_i64_overflow(v, &x) || x > (int64_t)UINT32_MAX) {
            kr_err_set_string(kr_exc_OverflowError,
                              "Python int too large to convert to C unsigned long");
            return NULL;
        }
        newstate[i] = (uint32_t)x;
    }
    KrObject *iv = KR_TUPLE_ITEM(state, MT_N);
    int64_t index;
    if (!KR_INT_CHECK(iv)) {
        kr_err_format(kr_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      kr_type_name_cstr(KR_TYPE(iv)));
        return NULL;
    }
    if (kr_int_as_i64_overflow(iv, &index) || index < 0 || index > MT_N) {
        kr_err_set_string(kr_exc_ValueError, "invalid state");
        return NULL;
    }
    memcpy(r->state, newstate, sizeof newstate);
    r->index = (int)index;
    return kr_none_new();
}

static KrObject *random_getrandbits(KrObject *self, KrObject *arg) {
    KrRandom *r = (KrRandom *)self;
    KrObject *kv = kr_number_index(arg);
    if (!kv) return NULL;
    int64_t k;
    int ovf = kr_int_as_i64_overflow(kv, &k);
    int neg = kr_int_sign(kv) < 0;
    KR_DECREF(kv);
    if (neg) {
        kr_err_set_string(kr_exc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (ovf || k > ((int64_t)1 << 40)) return kr_err_no_memory();
    if (k == 0) return kr_int_from_i64(0);
    if (k <= 32) return kr_int_from_u64(genrand_uint32(r) >> (32 - k));
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint32_t *w = kr_mem_malloc(words * sizeof(uint32_t));
    if (!w) return NULL;
    /* least significant word first; the last one keeps only its top bits */
    for (size_t i = 0; i < words; i++, k -= 32) {
        uint32_t v = genrand_uint32(r);
        if (k < 32) v >>= (32 - k);
        w[i] = v;
    }
    mpz_t z;
    mpz_init(z);
    mpz_import(z, words, -1, sizeof(uint32_t), 0, 0, w);
    kr_mem_free(w);
    KrObject *res = kr_int_from_mpz(z);
    mpz_clear(z);
    return res;
}

static KrObject *random_new(KrType *type, KrObject *args, KrObject *kwargs) {
    if (type == &kr_random_type && kwargs && kr_dict_size(kwargs) > 0) {
        kr_err_set_string(kr_exc_TypeError, "Random() takes no keyword arguments");
        return NULL;
    }
    kr_ssize n = args ? KR_SIZE(args) : 0;
    if (n > 1) {
        kr_err_set_string(kr_exc_TypeError, "Random() requires 0 or 1 argument");
        return NULL;
    }
    KrRandom *r = (KrRandom *)kr_type_generic_alloc(type, 0);
    if (!r) return NULL;
    if (random_seed_obj(r, n ? KR_TUPLE_ITEM(args, 0) : NULL) < 0) {
        KR_DECREF(r);
        return NULL;
    }
    return (KrObject *)r;
}

static void random_dealloc(KrObject *o) { kr_object_free(o); }

static KrMethodDef random_methods[] = {
    {"random", (void *)random_random, KR_METH_NOARGS, NULL},
    {"seed", (void *)random_seed, KR_METH_FASTCALL, NULL},
    {"getstate", (void *)random_getstate, KR_METH_NOARGS, NULL},
    {"setstate", (void *)random_setstate, KR_METH_O, NULL},
    {"getrandbits", (void *)random_getrandbits, KR_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

KrType kr_random_type = {
    .ob_base = KR_STATIC_TYPE_HEAD,
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(KrRandom),
    .tp_dealloc = random_dealloc,
    .tp_flags = KR_TPFLAGS_BASETYPE,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
    .tp_methods = random_methods,
    .tp_new = random_new,
};

/* ---------------------------------------------------------------------------
 * SHA-512 (FIPS 180-4), for seeding from str/bytes without hashlib
 * ------------------------------------------------------------------------- */

static uint64_t sha512_k[80], sha512_h0[8];
static int sha512_ready;

/* The constants are the first 64 bits of the fractional parts of the cube roots of
 * the first 80 primes (and square roots of the first 8): computed exactly with GMP
 * rather than typed in. */
static void sha512_init_constants(void) {
    int primes[80], np = 0;
    for (int c = 2; np < 80; c++) {
        int prime = 1;
        for (int d = 2; d * d <= c; d++)
            if (c % d == 0) {
                prime = 0;
                break;
            }
        if (prime) primes[np++] = c;
    }
    mpz_t z, lo;
    mpz_init(z);
    mpz_init(lo);
    for (int i = 0; i < 80; i++) {
        mpz_set_ui(z, (unsigned long)primes[i]);
        mpz_mul_2exp(z, z, 192);
        mpz_root(z, z, 3);
        mpz_fdiv_r_2exp(lo, z, 64);
        uint64_t v = 0;
        size_t cnt = 0;
        mpz_export(&v, &cnt, -1, sizeof v, 0, 0, lo);
        sha512_k[i] = v;
        if (i < 8) {
            mpz_set_ui(z, (unsigned long)primes[i]);
            mpz_mul_2exp(z, z, 128);
            mpz_sqrt(z, z);
            mpz_fdiv_r_2exp(lo, z, 64);
            v = 0;
            mpz_export(&v, &cnt, -1, sizeof v, 0, 0, lo);
            sha512_h0[i] = v;
        }
    }
    mpz_clear(z);
    mpz_clear(lo);
    sha512_ready = 1;
}

#define ROTR64(x, n) (((x) >> (n)) | ((x) << (64 - (n))))

static void sha512_block(uint64_t h[8], const unsigned char *p) {
    uint64_t w[80];
    for (int i = 0; i < 16; i++) {
        uint64_t v = 0;
        for (int b = 0; b < 8; b++) v = (v << 8) | p[i * 8 + b];
        w[i] = v;
    }
    for (int i = 16; i < 80; i++) {
        uint64_t s0 = ROTR64(w[i - 15], 1) ^ ROTR64(w[i - 15], 8) ^ (w[i - 15] >> 7);
        uint64_t s1 = ROTR64(w[i - 2], 19) ^ ROTR64(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; i++) {
        uint64_t S1 = ROTR64(e, 14) ^ ROTR64(e, 18) ^ ROTR64(e, 41);
        uint64_t ch = (e & f) ^ (~e & g);
        uint64_t t1 = hh + S1 + ch + sha512_k[i] + w[i];
        uint64_t S0 = ROTR64(a, 28) ^ ROTR64(a, 34) ^ ROTR64(a, 39);
        uint64_t maj = (a & b) ^ (a & c) ^ (b & c);
        uint64_t t2 = S0 + maj;
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += hh;
}

static void sha512(const unsigned char *data, size_t n, unsigned char out[64]) {
    if (!sha512_ready) sha512_init_constants();
    uint64_t h[8];
    memcpy(h, sha512_h0, sizeof h);
    size_t full = n / 128;
    for (size_t i = 0; i < full; i++) sha512_block(h, data + i * 128);
    unsigned char tail[256];
    size_t rem = n - full * 128;
    memset(tail, 0, sizeof tail);
    memcpy(tail, data + full * 128, rem);
    tail[rem] = 0x80;
    size_t tlen = rem + 1 + 16 <= 128 ? 128 : 256;
    /* message length in bits as a 128-bit big-endian number */
    uint64_t bits_lo = (uint64_t)n << 3, bits_hi = (uint64_t)n >> 61;
    for (int b = 0; b < 8; b++) {
        tail[tlen - 1 - b] = (unsigned char)(bits_lo >> (8 * b));
        tail[tlen - 9 - b] = (unsigned char)(bits_hi >> (8 * b));
    }
    sha512_block(h, tail);
    if (tlen == 256) sha512_block(h, tail + 128);
    for (int i = 0; i < 8; i++)
        for (int b = 0; b < 8; b++) out[i * 8 + b] = (unsigned char)(h[i] >> (56 - 8 * b));
}

static KrObject *mod_sha512(KrObject *self, KrObject *arg) {
    (void)self;
    const char *data;
    kr_ssize size;
    if (!kr_bytes_like_view(arg, &data, &size)) {
        return kr_err_format(kr_exc_TypeError, "a bytes-like object is required, not '%s'",
                             kr_type_name_cstr(KR_TYPE(arg)));
    }
    unsigned char digest[64];
    sha512((const unsigned char *)data, (size_t)size, digest);
    return kr_bytes_from_data((const char *)digest, 64);
}

static KrObject *mod_urandom(KrObject *self, KrObject *arg) {
    (void)self;
    kr_ssize n = kr_number_as_ssize(arg, kr_exc_OverflowError);
    if (n == -1 && kr_err_occurred()) return NULL;
    if (n < 0) {
        kr_err_set_string(kr_exc_ValueError, "negative argument not allowed");
        return NULL;
    }
    KrObject *b = kr_bytes_new(n);
    if (!b) return NULL;
    if (fill_urandom(((KrBytes *)b)->data, (size_t)n) < 0) {
        KR_DECREF(b);
        return NULL;
    }
    return b;
}

static KrMethodDef random_module_methods[] = {
    {"_sha512", (void *)mod_sha512, KR_METH_O, "SHA-512 digest of a bytes-like object."},
    {"_urandom", (void *)mod_urandom, KR_METH_O, "n random bytes from the OS."},
    {NULL, NULL, 0, NULL},
};

KrObject *kr_mod_random_init(void) {
    if (kr_type_ready(&kr_random_type) < 0) return NULL;
    KrObject *m = kr_module_new_cstr("_random");
    if (!m) return NULL;
    if (kr_module_add_functions(m, random_module_methods) < 0 ||
        kr_module_add_object(m, "Random", KR_NEWREF(&kr_random_type)) < 0) {
        KR_DECREF(m);
        return NULL;
    }
    return m;
}
