# LOAD_ATTR_MODULE specialised, then the module attribute rebound / deleted
import math
import sys
def f():
    return math.pi
vals = []
for i in range(40):
    vals.append(f())
    if i == 20:
        math.pi = 3
print(vals[19:23])
del math.pi
try:
    f()
except AttributeError as e:
    print('AttributeError', e)
math.pi = 3.141592653589793
print([math.floor(x / 2) for x in range(20)][-1])
mod = type(sys)('fake')
mod.pi = 'fake-pi'
saved = math
math = mod
print(f())
