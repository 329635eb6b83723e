import sys
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", sep=", ", end="!\n")
print("no newline", end="")
print(" -> continued")
print()
print(sep="x")
print(1, 2.5, None, [1], sep=" | ")
print("to stdout", file=sys.stdout)
print("to stderr is not compared here", file=sys.stdout, flush=True)
print(*range(5), sep="-")
print("multi\nline", "x", sep="\n")
print("end can be long", end=" <END>\n")
print("sep None", "works", sep=None, end=None)
try:
    print("x", sep=5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    print("x", end=[])
except TypeError as e:
    print(type(e).__name__, e)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("captured", 42, file=w)
print(w.parts)
print("", end="")
print(repr(""), "")
