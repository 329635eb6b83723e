for e in [Exception(), Exception("one"), Exception("a", 2), ValueError(None), KeyError("k"), KeyError(), KeyError(1, 2),
          OSError(2, "No such file"), IndexError([1]), RuntimeError(""), TypeError(("tup",))]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = ValueError("x", "y")
e.args = ("replaced",)
print(e, e.args)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
m = MyErr(404, "not found")
print(m.args, m.code, str(m), repr(m))
class NoSuper(Exception):
    def __init__(self, a, b):
        self.a = a
n = NoSuper(1, 2)
print(n.args, str(n), repr(n))
class WithStr(Exception):
    def __str__(self):
        return "custom str"
print(str(WithStr("ignored")), repr(WithStr("kept")))
try:
    raise MyErr(500, "server")
except MyErr as err:
    print("caught", err.code, err)
