# oracle: python3.12
# keyword lists and the token module's numbering (CPython 3.12's)
import keyword, token
print(keyword.kwlist)
print(keyword.softkwlist, keyword.iskeyword('if'), keyword.iskeyword('match'),
      keyword.issoftkeyword('match'), keyword.issoftkeyword('if'))
print(token.ENDMARKER, token.NAME, token.OP, token.COMMENT, token.NL, token.ENCODING,
      token.FSTRING_START, token.N_TOKENS, token.NT_OFFSET)
print(sorted(token.tok_name.items()))
print(sorted(token.EXACT_TOKEN_TYPES.items()))
print(token.ISTERMINAL(token.NAME), token.ISNONTERMINAL(300), token.ISEOF(token.ENDMARKER))
