def nothing():
    pass
class Empty:
    pass
for _ in range(3):
    pass
while False:
    pass
if True:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
print(nothing(), type(Empty()).__name__, [n for n in dir(Empty()) if not n.startswith("_")])
def doc_only():
    "only a docstring"
print(doc_only(), doc_only.__doc__)
class DocClass:
    """class doc"""
print(DocClass.__doc__, nothing.__doc__)
def ellipsis_body():
    ...
print(ellipsis_body())
x = 1; y = 2; z = x + y
print(z)
