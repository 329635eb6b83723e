# oracle: python3.12
# keyword: the keyword lists (3.12 adds the soft keyword 'type')
import keyword

print(keyword.kwlist)
print(keyword.softkwlist)
print(keyword.iskeyword('if'), keyword.iskeyword('match'), keyword.issoftkeyword('match'), keyword.iskeyword('x'))
print(len(keyword.kwlist), keyword.__all__)
