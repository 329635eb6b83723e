def trigger(kind):
    if kind == "zero":
        return 1 / 0
    if kind == "key":
        return {}["k"]
    if kind == "index":
        return [][1]
    if kind == "attr":
        return None.x
    if kind == "name":
        return undefined_thing
    if kind == "type":
        return 1 + "a"
    if kind == "value":
        return int("x")
    if kind == "overflow":
        return 10.0 ** 1000
    if kind == "unicode":
        return b"\xff".decode()
    if kind == "stop":
        return next(iter([]))
    if kind == "recursion":
        raise RecursionError("manual")
    if kind == "notimpl":
        raise NotImplementedError("todo")
for kind in ["zero", "key", "index", "attr", "name", "type", "value", "overflow", "unicode", "stop", "recursion", "notimpl"]:
    try:
        trigger(kind)
    except ArithmeticError as e:
        print(kind, "caught by ArithmeticError as", type(e).__name__)
    except LookupError as e:
        print(kind, "caught by LookupError as", type(e).__name__)
    except ValueError as e:
        print(kind, "caught by ValueError as", type(e).__name__)
    except RuntimeError as e:
        print(kind, "caught by RuntimeError as", type(e).__name__)
    except Exception as e:
        print(kind, "caught by Exception as", type(e).__name__)
for cls in (ZeroDivisionError, KeyError, UnicodeDecodeError, RecursionError, NotImplementedError, UnboundLocalError, FileNotFoundError, ModuleNotFoundError):
    print(cls.__name__, [k.__name__ for k in cls.__mro__[1:]])
print(issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, BaseException), issubclass(GeneratorExit, Exception))
