/* fuzz_frontend.c - libFuzzer target: arbitrary bytes through the whole front end
 * (tokenizer, parser, symbol table, compiler). Any input must give a code object or
 * a SyntaxError-family exception: never a crash, a hang or a sanitizer report. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "krait.h"
#include "token.h"

static int initialised;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (!initialised) {
        char *argv[] = {"fuzz", NULL};
        if (kr_runtime_init(1, argv) < 0) abort();
        initialised = 1;
    }
    /* the raw tokenizer, comment-emitting mode (what the tokenize module uses) */
    KrArena *arena = kr_arena_new();
    KrTokenizer *tok = kr_tokenizer_new((const char *)data, size, arena, KR_TOKENIZE_EMIT_COMMENTS);
    if (tok) {
        KrToken t;
        for (int i = 0; i < 1 << 20; i++) {
            KrTokenType ty = kr_tokenizer_next(tok, &t);
            if (ty == KR_TOK_ENDMARKER || ty == KR_TOK_ERRORTOKEN) break;
        }
        kr_tokenizer_free(tok);
    }
    kr_arena_free(arena);
    /* parse + compile in each mode */
    static const char *const modes[] = {"exec", "eval", "single"};
    for (int m = 0; m < 3; m++) {
        KrObject *code = kr_compile_string((const char *)data, (kr_ssize)size, "<fuzz>", modes[m], 0);
        if (code) {
            KR_DECREF(code);
        } else {
            KrObject *exc = kr_err_fetch();
            if (!exc) abort(); /* NULL without an exception is a bug */
            if (!kr_object_type_is_sub(KR_TYPE(exc), kr_exc_SyntaxError) &&
                !kr_object_type_is_sub(KR_TYPE(exc), kr_exc_ValueError) &&
                !kr_object_type_is_sub(KR_TYPE(exc), kr_exc_MemoryError) &&
                !kr_object_type_is_sub(KR_TYPE(exc), kr_exc_OverflowError) &&
                !kr_object_type_is_sub(KR_TYPE(exc), kr_exc_RecursionError))
                abort(); /* the front end raised something it never should */
            KR_DECREF(exc);
        }
    }
    return 0;
}
