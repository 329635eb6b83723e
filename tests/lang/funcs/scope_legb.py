x = "global x"
def outer():
    x = "enclosing x"
    def inner():
        return x
    return inner()
print(outer())
def uses_builtin():
    return len("abc")
print(uses_builtin())
def shadows_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(shadows_builtin(), len("abc"))
def comp_scope():
    y = 10
    return [y + i for i in range(3)]
print(comp_scope())
class Scope:
    attr = 5
    doubled = attr * 2
    listed = [attr for _ in range(2)] if False else None
    def method(self):
        try:
            return attr
        except NameError as e:
            return type(e).__name__ + ": " + str(e)
print(Scope.doubled, Scope().method())
def f():
    return undefined_name_here
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
def g():
    print(z)
    z = 1
try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, e)
print(isinstance(UnboundLocalError(), NameError))
