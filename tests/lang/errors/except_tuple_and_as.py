def risky(n):
    return [lambda: 1 / 0, lambda: [][0], lambda: {}["k"], lambda: "ok"][n]()
for n in range(4):
    try:
        print(risky(n))
    except (ZeroDivisionError, IndexError) as e:
        print("tuple caught", type(e).__name__)
    except Exception as e:
        print("generic caught", type(e).__name__, e)
try:
    1 / 0
except ZeroDivisionError as e:
    pass
try:
    print(e)
except NameError as ne:
    print(type(ne).__name__, ne)
e = "outer value"
try:
    raise KeyError("x")
except KeyError as e:
    pass
print("e" in dir())
handlers = (ValueError, TypeError)
try:
    int([])
except handlers as err:
    print("dynamic tuple", type(err).__name__)
try:
    try:
        raise OSError("x")
    except ():
        print("never")
except OSError:
    print("empty tuple catches nothing")
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as t:
    print(type(t).__name__, t)
