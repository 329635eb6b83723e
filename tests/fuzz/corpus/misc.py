x = f"{a!r:>{w}} {b=} {{}}" + rb"\x00" + """t
"""
try:
    pass
except* E as e:
    raise X from e
finally:
    del x[1:2]
