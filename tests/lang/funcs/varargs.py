def total(*nums):
    print(type(nums).__name__, nums)
    return sum(nums)
print(total(), total(1), total(1, 2, 3))
print(total(*[4, 5]), total(*range(3), 10), total(*"", *()))
def head_tail(first, *rest):
    return first, rest
print(head_tail(1), head_tail(1, 2, 3), head_tail(*"abc"))
def mixed(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(mixed(1, c=3))
print(mixed(1, 5, 6, 7, c=8, e=9))
print(mixed(*[1, 2, 3], **{"c": 0, "z": 1}))
args = (1, 2)
print(max(*args), min(3, *args), print(*args, sep="-"))
def f(*args):
    args = list(args)
    args.append("x")
    return args
print(f(1))
