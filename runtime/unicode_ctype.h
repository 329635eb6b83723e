/* unicode_ctype.h - layouts of the generated Unicode tables (unicode_db.c) and the
 * flag bits of the character classes. The lookup API itself (kr_unicode_*) is declared
 * in kr_types.h next to str. */
#ifndef KR_UNICODE_CTYPE_H
#define KR_UNICODE_CTYPE_H

#include <stdint.h>

#include "krait.h"

/* Flag bits per code point; the order is the generator's FLAGS list. */
enum {
    KR_UCD_ALPHA = 1 << 0,
    KR_UCD_DECIMAL = 1 << 1,
    KR_UCD_DIGIT = 1 << 2,
    KR_UCD_NUMERIC = 1 << 3,
    KR_UCD_SPACE = 1 << 4,
    KR_UCD_UPPER = 1 << 5,
    KR_UCD_LOWER = 1 << 6,
    KR_UCD_TITLE = 1 << 7,
    KR_UCD_CASED = 1 << 8,
    KR_UCD_CASE_IGNORABLE = 1 << 9,
    KR_UCD_PRINTABLE = 1 << 10,
    KR_UCD_XID_START = 1 << 11,
    KR_UCD_XID_CONTINUE = 1 << 12,
};

/* `count` code points start, start+stride, ... map to cp + delta. */
typedef struct {
    uint32_t start;
    uint16_t count;
    uint8_t stride;
    int32_t delta;
} KrUcdCaseRun;

/* A mapping to more than one code point (e.g. upper('ß') == 'SS'). */
typedef struct {
    uint32_t cp;
    uint8_t n;
    uint32_t out[3];
} KrUcdCaseSpecial;

typedef struct {
    uint32_t cp;
    uint8_t value;
} KrUcdDigit;

extern const uint32_t kr_ucd_prop_starts[];
extern const uint16_t kr_ucd_prop_flags[];
extern const int kr_ucd_prop_count;
extern const KrUcdCaseRun kr_ucd_lower_runs[], kr_ucd_upper_runs[], kr_ucd_title_runs[],
    kr_ucd_fold_runs[];
extern const int kr_ucd_lower_run_count, kr_ucd_upper_run_count, kr_ucd_title_run_count,
    kr_ucd_fold_run_count;
extern const KrUcdCaseSpecial kr_ucd_lower_special[], kr_ucd_upper_special[],
    kr_ucd_title_special[], kr_ucd_fold_special[];
extern const int kr_ucd_lower_special_count, kr_ucd_upper_special_count, kr_ucd_title_special_count,
    kr_ucd_fold_special_count;
extern const uint32_t kr_ucd_decimal_zeros[];
extern const int kr_ucd_decimal_zero_count;
extern const KrUcdDigit kr_ucd_digits[];
extern const int kr_ucd_digit_count;

#endif /* KR_UNICODE_CTYPE_H */
