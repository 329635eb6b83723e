/* binasciimodule.c - the `binascii` module: hex and base64 codecs on bytes, CRC-32 and
 * CRC-CCITT. base64.py builds on these. Decoders accept bytes-like objects and ASCII
 * strs, as CPython's do. */
#include <stdio.h>
#include <string.h>

#include "krait.h"

static KrObject *binascii_error, *binascii_incomplete;

static KrObject *raise_error(const char *msg) {
    kr_err_set_string((KrType *)binascii_error, msg);
    return NULL;
}

/* The data of a bytes-like argument (encoders). */
static int get_bytes(KrObject *o, const char **d, kr_ssize *n) {
    if (kr_bytes_like_view(o, d, n)) return 0;
    kr_err_format(kr_exc_TypeError, "a bytes-like object is required, not '%T'", o);
    return -1;
}

/* Decoders also take ASCII-only strs. */
static int get_ascii(KrObject *o, const char **d, kr_ssize *n) {
    if (KR_STR_CHECK(o)) {
        if (!((KrStr *)o)->ascii) {
            kr_err_set_string(kr_exc_ValueError,
                              "string argument should contain only ASCII characters");
            return -1;
        }
        *d = kr_str_data(o);
        *n = kr_str_size(o);
        return 0;
    }
    if (kr_bytes_like_view(o, d, n)) return 0;
    kr_err_format(kr_exc_TypeError, "argument should be bytes, buffer or ASCII string, not '%T'",
                  o);
    return -1;
}

/* ---------------------------------------------------------------------------
 * Hex
 * ------------------------------------------------------------------------- */

static const char hexdigits[] = "0123456789abcdef";

static KrObject *hexlify_common(KrObject *const *args, kr_ssize nargs, KrObject *kwnames,
                                const char *fname) {
    static const char *const kwlist[] = {"data", "sep", "bytes_per_sep", NULL};
    KrObject *data, *sepobj = NULL;
    kr_ssize per = 1;
    char fmt[40];
    snprintf(fmt, sizeof fmt, "O|On:%s", fname);
    if (kr_arg_parse(args, nargs, kwnames, fmt, kwlist, &data, &sepobj, &per) < 0) return NULL;
    const char *d;
    kr_ssize n;
    if (get_bytes(data, &d, &n) < 0) return NULL;
    char sep = 0;
    if (sepobj && sepobj != kr_none) {
        const char *sd;
        kr_ssize sn;
        if (KR_STR_CHECK(sepobj)) {
            sd = kr_str_data(sepobj);
            sn = kr_str_length(sepobj);
        } else if (!kr_bytes_like_view(sepobj, &sd, &sn)) {
            return kr_err_format(kr_exc_TypeError, "sep must be str or bytes.");
        }
        if (sn != 1) return kr_err_format(kr_exc_ValueError, "sep must be length 1.");
        if ((unsigned char)sd[0] > 127)
            return kr_err_format(kr_exc_ValueError, "sep must be ASCII.");
        sep = sd[0];
    }
    kr_ssize group = per < 0 ? -per : per;
    kr_ssize nseps = 0;
    if (sep && group > 0 && n > 0) nseps = (n - 1) / group;
    KrObject *out = kr_bytes_new(2 * n + nseps);
    if (!out) return NULL;
    char *o = ((KrBytes *)out)->data;
    for (kr_ssize i = 0; i < n; i++) {
        if (nseps && i > 0) {
            /* per > 0 counts groups from the right, per < 0 from the left */
            bool boundary = per > 0 ? ((n - i) % group == 0) : (i % group == 0);
            if (boundary) *o++ = sep;
        }
        unsigned char c = (unsigned char)d[i];
        *o++ = hexdigits[c >> 4];
        *o++ = hexdigits[c & 15];
    }
    return out;
}

static KrObject *b_hexlify(KrObject *m, KrObject *const *args, kr_ssize nargs, KrObject *kw) {
    (void)m;
    return hexlify_common(args, nargs, kw, "hexlify");
}

static KrObject *b_b2a_hex(KrObject *m, KrObject *const *args, kr_ssize nargs, KrObject *kw) {
    (void)m;
    return hexlify_common(args, nargs, kw, "b2a_hex");
}

static int hexval(unsigned char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

static KrObject *b_unhexlify(KrObject *m, KrObject *arg) {
    (void)m;
    const char *d;
    kr_ssize n;
    if (get_ascii(arg, &d, &n) < 0) return NULL;
    if (n % 2) return raise_error("Odd-length string");
    KrObject *out = kr_bytes_new(n / 2);
    if (!out) return NULL;
    char *o = ((KrBytes *)out)->data;
    for (kr_ssize i = 0; i < n; i += 2) {
        int hi = hexval((unsigned char)d[i]), lo = hexval((unsigned char)d[i + 1]);
        if (hi < 0 || lo < 0) {
            KR_DECREF(out);
            return raise_error("Non-hexadecimal digit found");
        }
        o[i / 2] = (char)(hi * 16 + lo);
    }
    return out;
}

/* ---------------------------------------------------------------------------
 * Base64
 * ------------------------------------------------------------------------- */

static const char b64chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static int b64val(unsigned char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+') return 62;
    if (c == '/') return 63;
    return -1;
}

static KrObject *b_b2a_base64(KrObject *m, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    (void)m;
    static const char *const kwlist[] = {"", "newline", NULL};
    KrObject *data;
    int newline = 1;
    if (kr_arg_parse(args, nargs, kwnames, "O|$p:b2a_base64", kwlist, &data, &newline) < 0)
        return NULL;
    const char *d;
    kr_ssize n;
    if (get_bytes(data, &d, &n) < 0) return NULL;
    kr_ssize outlen = (n + 2) / 3 * 4 + (newline ? 1 : 0);
    KrObject *out = kr_bytes_new(outlen);
    if (!out) return NULL;
    char *o = ((KrBytes *)out)->data;
    const unsigned char *p = (const unsigned char *)d;
    kr_ssize i = 0;
    for (; i + 2 < n; i += 3) {
        uint32_t v = ((uint32_t)p[i] << 16) | ((uint32_t)p[i + 1] << 8) | p[i + 2];
        *o++ = b64chars[v >> 18];
        *o++ = b64chars[(v >> 12) & 63];
        *o++ = b64chars[(v >> 6) & 63];
        *o++ = b64chars[v & 63];
    }
    if (n - i == 1) {
        uint32_t v = (uint32_t)p[i] << 16;
        *o++ = b64chars[v >> 18];
        *o++ = b64chars[(v >> 12) & 63];
        *o++ = '=';
        *o++ = '=';
    } else if (n - i == 2) {
        uint32_t v = ((uint32_t)p[i] << 16) | ((uint32_t)p[i + 1] << 8);
        *o++ = b64chars[v >> 18];
        *o++ = b64chars[(v >> 12) & 63];
        *o++ = b64chars[(v >> 6) & 63];
        *o++ = '=';
    }
    if (newline) *o++ = '\n';
    return out;
}

static KrObject *b_a2b_base64(KrObject *m, KrObject *const *args, kr_ssize nargs,
                              KrObject *kwnames) {
    (void)m;
    static const char *const kwlist[] = {"", "strict_mode", NULL};
    KrObject *data;
    int strict = 0;
    if (kr_arg_parse(args, nargs, kwnames, "O|$p:a2b_base64", kwlist, &data, &strict) < 0)
        return NULL;
    const char *d;
    kr_ssize n;
    if (get_ascii(data, &d, &n) < 0) return NULL;
    KrObject *out = kr_bytes_new(n / 4 * 3 + 3);
    if (!out) return NULL;
    unsigned char *o = (unsigned char *)((KrBytes *)out)->data;
    kr_ssize olen = 0, ndata = 0;
    int quad = 0, pads = 0;
    bool padding_started = false;
    unsigned leftchar = 0;
    const char *err = NULL;
    for (kr_ssize i = 0; i < n; i++) {
        unsigned char c = (unsigned char)d[i];
        if (c == '=') {
            padding_started = true;
            if (strict && quad == 0) {
                err = i == 0 ? "Leading padding not allowed" : "Excess padding not allowed";
                goto fail;
            }
            if (quad >= 2 && quad + ++pads >= 4) {
                if (strict && i + 1 < n) {
                    err = "Excess data after padding";
                    goto fail;
                }
                goto done;
            }
            continue;
        }
        int v = b64val(c);
        if (v < 0) {
            if (strict) {
                err = "Only base64 data is allowed";
                goto fail;
            }
            continue;
        }
        if (strict && padding_started) {
            err = "Discontinuous padding not allowed";
            goto fail;
        }
        pads = 0;
        ndata++;
        switch (quad) {
        case 0:
            quad = 1;
            leftchar = (unsigned)v;
            break;
        case 1:
            quad = 2;
            o[olen++] = (unsigned char)((leftchar << 2) | ((unsigned)v >> 4));
            leftchar = (unsigned)v & 0x0f;
            break;
        case 2:
            quad = 3;
            o[olen++] = (unsigned char)((leftchar << 4) | ((unsigned)v >> 2));
            leftchar = (unsigned)v & 0x03;
            break;
        default:
            quad = 0;
            o[olen++] = (unsigned char)((leftchar << 6) | (unsigned)v);
            leftchar = 0;
        }
    }
    if (quad != 0) {
        KR_DECREF(out);
        if (quad == 1) {
            KrObject *msg = kr_str_from_format(
                "Invalid base64-encoded string: number of data characters (%zd) cannot be 1 "
                "more than a multiple of 4",
                ndata);
            if (msg) {
                kr_err_set_object((KrType *)binascii_error, msg);
                KR_DECREF(msg);
            }
            return NULL;
        }
        return raise_error("Incorrect padding");
    }
done:
    return kr_bytes_resize(out, olen);
fail:
    KR_DECREF(out);
    return raise_error(err);
}

/* ---------------------------------------------------------------------------
 * CRCs
 * ------------------------------------------------------------------------- */

static uint32_t crc32_table[256];
static uint16_t crchqx_table[256];

static void init_tables(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        crc32_table[i] = c;
        uint16_t h = (uint16_t)(i << 8);
        for (int k = 0; k < 8; k++) h = (uint16_t)((h & 0x8000) ? (h << 1) ^ 0x1021 : h << 1);
        crchqx_table[i] = h;
    }
}

static KrObject *b_crc32(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    (void)m;
    if (kr_arg_check_positional("crc32", nargs, 1, 2) < 0) return NULL;
    const char *d;
    kr_ssize n;
    if (get_bytes(args[0], &d, &n) < 0) return NULL;
    uint32_t crc = 0;
    if (nargs > 1) {
        KrObject *iv = kr_number_index(args[1]);
        if (!iv) return NULL;
        KrObject *mask = kr_int_from_u64(0xffffffffu);
        KrObject *r = mask ? kr_number_and(iv, mask) : NULL;
        KR_DECREF(iv);
        KR_XDECREF(mask);
        if (!r) return NULL;
        crc = (uint32_t)kr_int_as_i64(r);
        KR_DECREF(r);
    }
    crc = ~crc;
    for (kr_ssize i = 0; i < n; i++)
        crc = crc32_table[(crc ^ (unsigned char)d[i]) & 0xff] ^ (crc >> 8);
    return kr_int_from_u64(~crc & 0xffffffffu);
}

static KrObject *b_crc_hqx(KrObject *m, KrObject *const *args, kr_ssize nargs) {
    (void)m;
    if (kr_arg_check_positional("crc_hqx", nargs, 2, 2) < 0) return NULL;
    const char *d;
    kr_ssize n;
    if (get_bytes(args[0], &d, &n) < 0) return NULL;
    KrObject *iv = kr_number_index(args[1]);
    if (!iv) return NULL;
    KrObject *mask = kr_int_from_i64(0xffff);
    KrObject *r = kr_number_and(iv, mask);
    KR_DECREF(iv);
    if (!r) return NULL;
    uint16_t crc = (uint16_t)kr_int_as_i64(r);
    KR_DECREF(r);
    for (kr_ssize i = 0; i < n; i++)
        crc = (uint16_t)((crc << 8) ^ crchqx_table[((crc >> 8) ^ (unsigned char)d[i]) & 0xff]);
    return kr_int_from_i64(crc);
}

static KrMethodDef module_methods[] = {
    {"hexlify", (void *)b_hexlify, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Hexadecimal representation of binary data."},
    {"b2a_hex", (void *)b_b2a_hex, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Hexadecimal representation of binary data."},
    {"unhexlify", (void *)b_unhexlify, KR_METH_O, "Binary data of hexadecimal representation."},
    {"a2b_hex", (void *)b_unhexlify, KR_METH_O, "Binary data of hexadecimal representation."},
    {"b2a_base64", (void *)b_b2a_base64, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Base64-code line of data."},
    {"a2b_base64", (void *)b_a2b_base64, KR_METH_FASTCALL | KR_METH_KEYWORDS,
     "Decode a line of base64 data."},
    {"crc32", (void *)b_crc32, KR_METH_FASTCALL, "Compute CRC-32 incrementally."},
    {"crc_hqx", (void *)b_crc_hqx, KR_METH_FASTCALL, "Compute CRC-CCITT incrementally."},
    {NULL, NULL, 0, NULL},
};

static KrObject *new_exception(const char *name, KrObject *base) {
    KrObject *n = kr_str_from_cstr(name);
    KrObject *bases = kr_tuple_pack(1, base);
    KrObject *ns = kr_dict_new();
    KrObject *mod = kr_str_from_cstr("binascii");
    KrObject *t = NULL;
    if (n && bases && ns && mod && kr_dict_set_item_str(ns, "__module__", mod) == 0)
        t = kr_type_new_from_ns(&kr_type_type, n, bases, ns, NULL);
    KR_XDECREF(n);
    KR_XDECREF(bases);
    KR_XDECREF(ns);
    KR_XDECREF(mod);
    return t;
}

KrObject *kr_binascii_module_init(void) {
    KrObject *m = kr_module_new_cstr("binascii");
    if (!m) return NULL;
    if (kr_module_add_functions(m, module_methods) < 0) goto fail;
    if (!binascii_error) {
        init_tables();
        binascii_error = new_exception("Error", (KrObject *)kr_exc_ValueError);
        if (!binascii_error) goto fail;
        binascii_incomplete = new_exception("Incomplete", (KrObject *)kr_exc_Exception);
        if (!binascii_incomplete) goto fail;
    }
    KR_INCREF(binascii_error);
    if (kr_module_add_object(m, "Error", binascii_error) < 0) goto fail;
    KR_INCREF(binascii_incomplete);
    if (kr_module_add_object(m, "Incomplete", binascii_incomplete) < 0) goto fail;
    return m;
fail:
    KR_DECREF(m);
    return NULL;
}
