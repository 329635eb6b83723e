/* modules.c - the table of C modules built into the interpreter, consulted by the
 * import system before sys.path. Each stdlib C module adds one line here. */
#include "krait.h"

typedef struct {
    const char *name;
    KrObject *(*init)(void);
} KrBuiltinModule;

KrObject *kr_re_pcre2_init(void); /* stdlib-text */
KrObject *kr_struct_module_init(void); /* stdlib-text */
KrObject *kr_binascii_module_init(void); /* stdlib-text */
KrObject *kr_posix_module_init(void); /* stdlib-os */
KrObject *kr_errno_module_init(void); /* stdlib-os */
KrObject *kr_io_module_init(void); /* stdlib-os */
KrObject *kr_atexit_module_init(void); /* stdlib-os */
KrObject *kr_signal_module_init(void); /* stdlib-os */

KrObject *kr_itertools_init(void); /* stdlib-func */
KrObject *kr_functools_init(void); /* stdlib-func */
KrObject *kr_collections_init(void); /* stdlib-func */
KrObject *kr_operator_init(void); /* stdlib-func */

KrObject *kr_mod_math_init(void);   /* stdlib-math */
KrObject *kr_mod_cmath_init(void);  /* stdlib-math */
KrObject *kr_mod_time_init(void);   /* stdlib-math */
KrObject *kr_mod_random_init(void); /* stdlib-math */

KrObject *kr_astmodule_init(void);    /* introspect */
KrObject *kr_opcodemodule_init(void); /* introspect */
KrObject *kr_tokenizemodule_init(void); /* introspect */

KrObject *kr_gc_module_init(void);      /* gc */
KrObject *kr_weakref_module_init(void); /* gc */

const KrBuiltinModule kr_builtin_modules[] = {
    {"_ast", kr_astmodule_init},
    {"_opcode", kr_opcodemodule_init},
    {"_tokenize", kr_tokenizemodule_init},
    {"itertools", kr_itertools_init},
    {"_functools", kr_functools_init},
    {"_collections", kr_collections_init},
    {"_operator", kr_operator_init},
    {"math", kr_mod_math_init},
    {"cmath", kr_mod_cmath_init},
    {"time", kr_mod_time_init},
    {"_random", kr_mod_random_init},
    {"_re_pcre2", kr_re_pcre2_init},
    {"_struct", kr_struct_module_init},
    {"binascii", kr_binascii_module_init},
    {"posix", kr_posix_module_init},
    {"errno", kr_errno_module_init},
    {"_io", kr_io_module_init},
    {"atexit", kr_atexit_module_init},
    {"_signal", kr_signal_module_init},
    {"gc", kr_gc_module_init},
    {"_weakref", kr_weakref_module_init},
    {NULL, NULL},
};
