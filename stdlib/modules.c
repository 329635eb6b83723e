/* modules.c - the table of C modules built into the interpreter, consulted by the
 * import system before sys.path. Each stdlib C module adds one line here. */
#include "krait.h"

typedef struct {
    const char *name;
    KrObject *(*init)(void);
} KrBuiltinModule;

const KrBuiltinModule kr_builtin_modules[] = {
    {NULL, NULL},
};
