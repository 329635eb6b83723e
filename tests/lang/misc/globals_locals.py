g_value = 10
print("g_value" in globals(), globals()["g_value"], globals()["__name__"], type(globals()).__name__)
globals()["injected"] = "via globals"
print(injected)
def f(a, b=2):
    c = a + b
    return locals()
print(f(1))
def g():
    x = 1
    loc = locals()
    return sorted(loc)
print(g())
print(locals() is globals())
def uses_global():
    return globals()["g_value"] * 2
print(uses_global())
class K:
    a = 1
    snapshot = sorted(k for k in locals() if not k.startswith("__"))
print(K.snapshot)
print(sorted(k for k in globals() if not k.startswith("__")))
