# generators driven by specialised FOR_ITER, send/throw/close, early exit and re-entry
def gen(n):
    for i in range(n):
        got = yield i
        if got:
            yield got
def drive():
    out = []
    for v in gen(30):
        out.append(v)
    return out[-3:], len(out)
print(drive())
g = gen(5)
print(next(g), g.send('hello'), next(g), next(g))
try:
    g.throw(RuntimeError('x'))
except RuntimeError as e:
    print('thrown', e)
def early():
    for v in gen(100):
        if v == 10:
            break
    return v
print(early())
def nested():
    return [sum(x for x in gen(i)) for i in range(25)]
print(nested()[-3:])
def deleg():
    r = yield from gen(3)
    yield 'after'
print(list(deleg()))
gens = [gen(3) for _ in range(20)]
print([list(x) for x in gens][-1])
def raising():
    yield 1
    raise ValueError('inside')
try:
    for v in raising():
        pass
except ValueError as e:
    print('caught', e)
