def attempt(v):
    try:
        r = 10 // v
    except ZeroDivisionError:
        print("except", v)
        return "div0"
    except TypeError as e:
        print("type error", e)
        return "type"
    else:
        print("else", r)
        return r
    finally:
        print("finally", v)
print(attempt(2))
print(attempt(0))
print(attempt("x"))
def override():
    try:
        return "try"
    finally:
        return "finally wins"
print(override())
def loop_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_finally())
try:
    try:
        raise ValueError("inner")
    finally:
        print("inner finally runs")
except ValueError as e:
    print("outer caught", e)
