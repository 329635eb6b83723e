def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("parse failed") from e
try:
    parse("abc")
except RuntimeError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
    print(e.__suppress_context__, type(e.__context__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None
except KeyError as e:
    print(repr(e), e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    raise ValueError("v") from TypeError("t")
except ValueError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise ValueError from KeyError
except ValueError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise ValueError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
e = Exception("manual")
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
