# oracle: python3.12
import tokenize, io, token
src = '''# comment
def f(a, b=1):  # trailing
    """doc"""
    if a >= b:
        return a ** 2

x = [1,
     2]  # c
s = f"{x!r:>10} and {{}}" + 'é' + rb'\\x'
y = 1.5e3j; z = ...
'''
for t in tokenize.generate_tokens(io.StringIO(src).readline):
    print(t)
print(t.exact_type, tokenize.tok_name[t.exact_type])
for t in tokenize.tokenize(io.BytesIO(b"a = 1").readline):
    print(t)
print(tokenize.untokenize(tokenize.generate_tokens(io.StringIO(src).readline)) == src)
print(token.tok_name[token.OP], token.EXACT_TOKEN_TYPES['**='], token.N_TOKENS)
try:
    list(tokenize.generate_tokens(io.StringIO("x = '''abc\n").readline))
except tokenize.TokenError as e:
    print('TokenError', e.args)
for t in tokenize.generate_tokens(io.StringIO("if x:\n  pass\n").readline):
    print(t)
