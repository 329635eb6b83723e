def apply(f, *args):
    return f(*args)
def square(x):
    return x * x
print(apply(square, 4), apply(max, 3, 9, 2), apply(str.upper, "abc"))
table = [square, abs, str, lambda v: v * 3]
print([f(-3) for f in table])
def pipeline(*fs):
    def run(v):
        for f in fs:
            v = f(v)
        return v
    return run
p = pipeline(abs, square, str, len)
print(p(-123))
funcs = {"sq": square, "neg": lambda v: -v}
print(funcs["sq"](5), funcs["neg"](5), sorted(funcs))
print(square == square, square is square, square != abs)
bound = "hello".upper
print(bound(), bound.__self__, bound.__name__)
m = [].append
lst = []
app = lst.append
app(1); app(2)
print(lst)
print(list(map(str.strip, [" a ", "b "])), list(map(int.__neg__, [1, 2])))
def returns_tuple():
    return 1, "two", [3]
a, b, c = returns_tuple()
print(a, b, c, type(returns_tuple()).__name__)
