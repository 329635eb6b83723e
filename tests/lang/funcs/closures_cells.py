def counter(start):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc, get = counter(10)
inc(); inc(5)
print(get())
inc2, get2 = counter(0)
inc2()
print(get(), get2())
def adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([f(10) for f in adders()])
def late():
    fs = [lambda x: x + n for n in range(3)]
    return [f(10) for f in fs]
print(late())
def outer():
    v = 1
    def show():
        return v
    v = 2
    return show
print(outer()())
print(inc.__closure__ is not None, len(inc.__closure__), get.__closure__[0].cell_contents)
print(outer.__closure__)
def make_multipliers():
    result = {}
    for name, k in (("double", 2), ("triple", 3)):
        def mul(x, k=k):
            return x * k
        result[name] = mul
    return result
m = make_multipliers()
print(m["double"](5), m["triple"](5))
def deep():
    a = "a"
    def l1():
        b = "b"
        def l2():
            return a + b
        return l2
    return l1()()
print(deep())
