def f():
    pass
await f()
