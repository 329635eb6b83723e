def inner():
    raise ValueError("original")
def middle():
    try:
        inner()
    except ValueError:
        print("middle saw it")
        raise
try:
    middle()
except ValueError as e:
    print("outer got", e)
def wrap():
    try:
        inner()
    except ValueError as e:
        err = e
    raise err
try:
    wrap()
except ValueError as e:
    print("re-raised stored", e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
def bare_in_except():
    try:
        {}["missing"]
    except KeyError:
        try:
            raise
        except KeyError as k:
            return "reraised " + repr(k)
print(bare_in_except())
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
class NotExc:
    pass
try:
    raise NotExc
except TypeError as e:
    print(type(e).__name__, e)
