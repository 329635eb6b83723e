"""token - token type numbers (CPython 3.12's numbering), read from Krait's tokenizer
(frontend/token.h's KR_TOKEN_LIST via the _tokenize module)."""

import _tokenize

__all__ = ['tok_name', 'ISTERMINAL', 'ISNONTERMINAL', 'ISEOF', 'EXACT_TOKEN_TYPES']

# CPython 3.12 still numbers AWAIT and ASYNC after OP; keep its numbering even when
# Krait's tokenizer has no such kinds (tokenize maps Krait's kinds by name).
_names = list(_tokenize.tok_names)
_strings = list(_tokenize.tok_strings)
if 'AWAIT' not in _names:
    _i = _names.index('OP') + 1
    _names[_i:_i] = ['AWAIT', 'ASYNC']
    _strings[_i:_i] = [None, None]

tok_name = {}
EXACT_TOKEN_TYPES = {}
for _value, _name in enumerate(_names):
    globals()[_name] = _value
    tok_name[_value] = _name
    __all__.append(_name)
    _s = _strings[_value]
    if _s is not None:
        EXACT_TOKEN_TYPES[_s] = _value
del _value, _name, _s

N_TOKENS = len(_names)
NT_OFFSET = 256
tok_name[N_TOKENS] = 'N_TOKENS'
tok_name[NT_OFFSET] = 'NT_OFFSET'
__all__.extend(['N_TOKENS', 'NT_OFFSET'])


def ISTERMINAL(x):
    return x < NT_OFFSET


def ISNONTERMINAL(x):
    return x >= NT_OFFSET


def ISEOF(x):
    return x == ENDMARKER
