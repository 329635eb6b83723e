/* token.c - the name and spelling tables of the token kinds, expanded from
 * KR_TOKEN_LIST in token.h (the `token` module and error messages read them). */
#include "token.h"

const char *const kr_token_names[KR_TOK__COUNT] = {
#define X(name, str) #name,
    KR_TOKEN_LIST(X)
#undef X
};

const char *const kr_token_strings[KR_TOK__COUNT] = {
#define X(name, str) str,
    KR_TOKEN_LIST(X)
#undef X
};

/* CPython 3.12's token numbers, which the tokenize and token modules expose */
_Static_assert(KR_TOK_EXCLAMATION == 54 && KR_TOK_OP == 55, "token numbering");
_Static_assert(KR_TOK_FSTRING_START == 59 && KR_TOK_NL == 63 && KR_TOK_ENCODING == 65,
               "token numbering");
_Static_assert(KR_TOK__COUNT <= 256, "token kinds fit the tokenizer's byte tables");
