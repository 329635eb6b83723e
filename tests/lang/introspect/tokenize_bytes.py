# oracle: python3.12
# tokenize.tokenize on bytes: ENCODING token, coding cookies, BOM; detect_encoding
import io, tokenize
for src in [b"x = 1\n", b"# -*- coding: latin-1 -*-\ns = '\xe9'\n", b"\xef\xbb\xbfy = 2\n",
            b"#!/usr/bin/env python\n# coding=utf-8\nz\n", b"", b"if a:\n    b\n"]:
    print(tokenize.detect_encoding(io.BytesIO(src).readline))
    for t in tokenize.tokenize(io.BytesIO(src).readline):
        print(' ', tokenize.tok_name[t.type], repr(t.string), t.start, t.end, repr(t.line))
toks = list(tokenize.generate_tokens(io.StringIO("a = (1 +\n 2)\n").readline))
print([tokenize.tok_name[t.exact_type] for t in toks])
print(tokenize.untokenize(toks))
print(repr(tokenize.untokenize([(tokenize.NAME, 'x'), (tokenize.OP, '='), (tokenize.NUMBER, '1')])))
