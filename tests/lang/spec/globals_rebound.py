# LOAD_GLOBAL specialised, then the global rebound / deleted, builtins shadowed
import builtins
G = 1
def use():
    return G + len('ab')

total = 0
for i in range(100):
    total += use()
    if i == 50:
        G = 100
print(total)
def shadow():
    return len([1, 2, 3])
r = [shadow() for i in range(30)]
len = lambda x: 42
r2 = [shadow() for i in range(30)]
del len
r3 = [shadow() for i in range(30)]
print(r[-1], r2[-1], r3[-1])
orig = builtins.abs
vals = []
for i in range(40):
    vals.append(abs(-i))
    if i == 20:
        builtins.abs = lambda x: 'patched'
builtins.abs = orig
print(vals[19:23])
del G
try:
    use()
except NameError as e:
    print('NameError', e)
