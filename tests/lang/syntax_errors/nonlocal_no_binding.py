def f():
    nonlocal y
