cases = [
    ZeroDivisionError("division by zero"),
    KeyError("key'with quote"),
    KeyError(""),
    AttributeError("obj has no attr"),
    StopIteration(5),
    StopIteration(),
    SystemExit(3),
    SystemExit("bye"),
    UnicodeError("uni"),
    AssertionError(),
    Exception(1, "two", [3]),
    BaseException("base"),
    Warning("careful"),
]
for e in cases:
    print(type(e).__name__, "|", str(e), "|", repr(e))
print(StopIteration(7).value, StopIteration().value, SystemExit(4).code, SystemExit().code, SystemExit(1, 2).code)
try:
    {}["x"]
except KeyError as e:
    print(str(e), repr(e))
try:
    [].pop()
except IndexError as e:
    print(str(e), repr(e))
