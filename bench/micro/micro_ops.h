/* micro_ops.h - the C loops (micro_ops.c) that micro_main.cpp times.  Plain C
 * types only, so C++ can include it without Krait's C11 headers.  Every krm_*
 * operation function returns 0, or -1 after printing the Krait error. */
#ifndef KRAIT_MICRO_OPS_H
#define KRAIT_MICRO_OPS_H
#include <stdint.h>
#ifdef __cplusplus
extern "C" {
#endif
int krm_setup(void);
const char *krm_flavour(void);
int krm_dict_get_int(int64_t n);
int krm_dict_get_str(int64_t n);
int krm_dict_insert_int(int64_t n);
int krm_dict_insert_str(int64_t n);
int krm_dict_replace_str(int64_t n);
int krm_getattr(int64_t n);
int krm_int_add(int64_t n);
int krm_float_add(int64_t n);
int krm_call_c(int64_t n);
int krm_call_py(int64_t n);
int krm_call_py_vector(int64_t n);
int krm_list_append(int64_t n);
int krm_list_index(int64_t n);
int krm_str_hash_fresh(int64_t n);
int krm_str_new(int64_t n);
int krm_str_hash_cached(int64_t n);
int krm_str_concat(int64_t n);
int krm_incref_decref(int64_t n);
#ifdef __cplusplus
}
#endif
#endif
