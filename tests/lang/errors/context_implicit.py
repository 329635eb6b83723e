try:
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("second")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError("a")
    except KeyError:
        try:
            raise IndexError("b")
        except IndexError:
            raise NameError("c")
except NameError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
try:
    try:
        raise ValueError("inner")
    finally:
        raise RuntimeError("from finally")
except RuntimeError as e:
    print(repr(e), repr(e.__context__))
def handler():
    try:
        raise OSError("io")
    except OSError as exc:
        return exc
got = handler()
print(repr(got), got.__context__)
try:
    try:
        raise ValueError("same")
    except ValueError as e:
        raise e
except ValueError as e2:
    print(repr(e2), e2.__context__)
