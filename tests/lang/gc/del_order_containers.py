class D:
    def __init__(self, n): self.n = n
    def __del__(self): print("del", self.n)
t = (D(1), D(2), D(3))
del t
l = [D(4), D(5)]
del l
d = {"a": D(6), "b": D(7)}
del d
x = D(8)
y = D(9)
print("end")
