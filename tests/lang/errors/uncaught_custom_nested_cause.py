def level3():
    raise KeyError("deep")

def level2():
    try:
        level3()
    except KeyError:
        raise ValueError("middle") from None

def level1():
    try:
        level2()
    except ValueError as e:
        raise RuntimeError("top") from e

level1()
