# gc.get_objects / get_referrers / get_referents.
import gc

a = [1, 2]
b = {"k": a}
print(a in gc.get_referents(b))
print(any(r is b for r in gc.get_referrers(a)))
print(gc.get_referents(1, "x", 2.5))
t = (a, b)
refs = gc.get_referents(t)
print(len(refs), any(r is a for r in refs), any(r is b for r in refs))
print(len(gc.get_referents(a)))
marker = [object()]
print(any(o is marker for o in gc.get_objects()))
print(any(o is marker for o in gc.get_objects(generation=None)))


class Node:
    def __init__(self):
        self.children = []


n = Node()
c = Node()
n.children.append(c)
print(any(r is n.children for r in gc.get_referrers(c)))
print(any(r is n.__dict__ or r is n for r in gc.get_referrers(n.children)))
print(any(r is Node for r in gc.get_referents(n)))


def outer():
    x = [1]

    def inner():
        return x

    return inner


fn = outer()
cells = fn.__closure__
print(any(r is cells for r in gc.get_referents(fn)))
print(gc.get_referents(cells[0]) == [[1]])
