/* unicode_ctype.c - Unicode character classes and case mapping for str: binary search
 * over the generated range tables in unicode_db.c (tools/gen_unicode_db.py), with an
 * ASCII/Latin-1 cache so the common characters never search. */
#include "unicode_ctype.h"

/* Flags of U+0000..U+00FF, filled on first use. Filling is idempotent, so threads
 * racing on it write identical values. */
static uint16_t latin1_flags[256];
static _Atomic int latin1_ready;

static unsigned search_flags(uint32_t cp) {
    int lo = 0, hi = kr_ucd_prop_count - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (kr_ucd_prop_starts[mid] <= cp)
            lo = mid;
        else
            hi = mid - 1;
    }
    return kr_ucd_prop_flags[lo];
}

unsigned kr_unicode_flags(uint32_t cp) {
    if (cp < 256) {
        if (!atomic_load_explicit(&latin1_ready, memory_order_acquire)) {
            for (uint32_t c = 0; c < 256; c++)
                latin1_flags[c] = (uint16_t)search_flags(c);
            atomic_store_explicit(&latin1_ready, 1, memory_order_release);
        }
        return latin1_flags[cp];
    }
    if (cp >= 0x110000) return 0;
    return search_flags(cp);
}

bool kr_unicode_isalpha(uint32_t cp) { return kr_unicode_flags(cp) & KR_UCD_ALPHA; }
bool kr_unicode_isdecimal(uint32_t cp) { return kr_unicode_flags(cp) & KR_UCD_DECIMAL; }
bool kr_unicode_isdigit(uint32_t cp) { return kr_unicode_flags(cp) & KR_UCD_DIGIT; }
bool kr_unicode_isnumeric(uint32_t cp) { return kr_unicode_flags(cp) & KR_UCD_NUMERIC; }
bool kr_unicode_isalnum(uint32_t cp) {
    return kr_unicode_flags(cp) & (KR_UCD_ALPHA | KR_UCD_DECIMAL | KR_UCD_DIGIT | KR_UCD_NUMERIC);
}
bool kr_unicode_isspace(uint32_t cp) {
    if (cp < 128) return cp == ' ' || (cp >= 9 && cp <= 13) || (cp >= 28 && cp <= 31);
    return kr_unicode_flags(cp) & KR_UCD_SPACE;
}
bool kr_unicode_isupper(uint32_t cp) { return kr_unicode_flags(cp) & KR_UCD_UPPER; }
bool kr_unicode_islower(uint32_t cp) { return kr_unicode_flags(cp) & KR_UCD_LOWER; }
bool kr_unicode_istitle(uint32_t cp) { return kr_unicode_flags(cp) & KR_UCD_TITLE; }
bool kr_unicode_iscased(uint32_t cp) { return kr_unicode_flags(cp) & KR_UCD_CASED; }
bool kr_unicode_iscaseignorable(uint32_t cp) {
    return kr_unicode_flags(cp) & KR_UCD_CASE_IGNORABLE;
}
bool kr_unicode_isprintable(uint32_t cp) { return kr_unicode_flags(cp) & KR_UCD_PRINTABLE; }
bool kr_unicode_isxidstart(uint32_t cp) { return kr_unicode_flags(cp) & KR_UCD_XID_START; }
bool kr_unicode_isxidcontinue(uint32_t cp) { return kr_unicode_flags(cp) & KR_UCD_XID_CONTINUE; }

/* The line boundaries of str.splitlines(). */
bool kr_unicode_islinebreak(uint32_t cp) {
    switch (cp) {
    case 0x0a:
    case 0x0b:
    case 0x0c:
    case 0x0d:
    case 0x1c:
    case 0x1d:
    case 0x1e:
    case 0x85:
    case 0x2028:
    case 0x2029:
        return true;
    default:
        return false;
    }
}

int kr_unicode_decimal_value(uint32_t cp) {
    if (cp >= '0' && cp <= '9') return (int)(cp - '0');
    if (cp < 128 || !kr_unicode_isdecimal(cp)) return -1;
    int lo = 0, hi = kr_ucd_decimal_zero_count - 1;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (kr_ucd_decimal_zeros[mid] <= cp)
            lo = mid;
        else
            hi = mid - 1;
    }
    uint32_t d = cp - kr_ucd_decimal_zeros[lo];
    return d <= 9 ? (int)d : -1;
}

int kr_unicode_digit_value(uint32_t cp) {
    int d = kr_unicode_decimal_value(cp);
    if (d >= 0 || !kr_unicode_isdigit(cp)) return d;
    for (int i = 0; i < kr_ucd_digit_count; i++)
        if (kr_ucd_digits[i].cp == cp) return kr_ucd_digits[i].value;
    return -1;
}

/* ---------------------------------------------------------------------------
 * Case mapping
 * ------------------------------------------------------------------------- */

static int map_case(uint32_t cp, const KrUcdCaseRun *runs, int nruns,
                    const KrUcdCaseSpecial *special, int nspecial, uint32_t out[3]) {
    /* special entries are few and sorted: a short binary search first */
    int lo = 0, hi = nspecial - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (special[mid].cp == cp) {
            for (int i = 0; i < special[mid].n; i++)
                out[i] = special[mid].out[i];
            return special[mid].n;
        }
        if (special[mid].cp < cp)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    lo = 0;
    hi = nruns - 1;
    int found = -1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if (runs[mid].start <= cp) {
            found = mid;
            lo = mid + 1;
        } else {
            hi = mid - 1;
        }
    }
    if (found >= 0) {
        const KrUcdCaseRun *r = &runs[found];
        uint32_t off = cp - r->start;
        if (off % r->stride == 0 && off / r->stride < r->count) {
            out[0] = (uint32_t)((int32_t)cp + r->delta);
            return 1;
        }
    }
    out[0] = cp;
    return 1;
}

int kr_unicode_to_lower(uint32_t cp, uint32_t out[3]) {
    if (cp < 128) {
        out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        return 1;
    }
    return map_case(cp, kr_ucd_lower_runs, kr_ucd_lower_run_count, kr_ucd_lower_special,
                    kr_ucd_lower_special_count, out);
}

int kr_unicode_to_upper(uint32_t cp, uint32_t out[3]) {
    if (cp < 128) {
        out[0] = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
        return 1;
    }
    return map_case(cp, kr_ucd_upper_runs, kr_ucd_upper_run_count, kr_ucd_upper_special,
                    kr_ucd_upper_special_count, out);
}

int kr_unicode_to_title(uint32_t cp, uint32_t out[3]) {
    if (cp < 128) {
        out[0] = (cp >= 'a' && cp <= 'z') ? cp - 32 : cp;
        return 1;
    }
    return map_case(cp, kr_ucd_title_runs, kr_ucd_title_run_count, kr_ucd_title_special,
                    kr_ucd_title_special_count, out);
}

int kr_unicode_to_fold(uint32_t cp, uint32_t out[3]) {
    if (cp < 128) {
        out[0] = (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
        return 1;
    }
    return map_case(cp, kr_ucd_fold_runs, kr_ucd_fold_run_count, kr_ucd_fold_special,
                    kr_ucd_fold_special_count, out);
}
