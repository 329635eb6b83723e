try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), KeyError(2)])
    except* ValueError:
        raise KeyError("new")
except BaseException as e:
    print(type(e).__name__, e.args[0] if e.args else None, [type(x).__name__ for x in e.exceptions])
    print(type(e.__context__).__name__ if e.__context__ else None)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as v:
        print("handled", type(v).__name__, len(v.exceptions))
    print("after")
except BaseException as e:
    print("leak", e)
try:
    try:
        raise ValueError(5)
    except* ValueError as v:
        print("naked wrapped", type(v).__name__, v.exceptions)
except BaseException as e:
    print("leak2", e)
