print("{} {}".format("a", "b"), "{1} {0} {1}".format("x", "y"), "{name}-{n}".format(name="k", n=3))
print("{0[1]} {0[key]}".format({1: "one", "key": "val"}), "{0.real} {0.imag}".format(3 + 4j), "{[0]}".format([9]))
print("{{literal}} {}".format(1), "{!r} {!s} {!a}".format("é", "é", "é"), "{0!r:>10}".format("x"))
print("{:>{width}}|{:.{prec}f}".format("r", 3.14159, width=6, prec=2), "{:{}{}}".format(7, ">", 4))
class P:
    def __init__(self):
        self.x = 1
        self.items = ["first", "second"]
    def __format__(self, spec):
        return "P(" + spec + ")"
p = P()
print("{0.x} {0.items[1]} {0:custom} {0}".format(p), format(p, "zz"))
print("{:}".format(12), "{0:}{0:}".format("ab"), "{}".format([1, "a"]))
cases = [("{}", ()), ("{0} {}", ("a", "b")), ("{} {1}", ("a", "b")), ("{x}", ()), ("{0[5]}", ([1],)),
         ("{0.nope}", (1,)), ("{", ()), ("}", ()), ("{!x}", (1,)), ("{:d}", ("s",)), ("{:q}", (1,)), ("{0:=5}", ("s",))]
for fmt, args in cases:
    try:
        print(fmt.format(*args))
    except (IndexError, KeyError, AttributeError, ValueError, TypeError) as e:
        print(repr(fmt), type(e).__name__, e)
print("{a}{b}".format_map({"a": 1, "b": 2}))
