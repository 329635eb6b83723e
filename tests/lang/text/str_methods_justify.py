for w in ("a", "abc", "abcdef", ""):
    print("[" + w.ljust(5) + "]", "[" + w.rjust(5, "*") + "]", "[" + w.center(5) + "]", "[" + w.center(6, "-") + "]")
print("[" + "ab".center(5) + "]", "[" + "abc".center(4) + "]", "[" + "ab".center(3, ".") + "]")
print("x".ljust(-1), "x".rjust(0), "[%s]" % "y".center(2))
try:
    "x".ljust(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    "x".center()
except TypeError as e:
    print(type(e).__name__, e)
table = [("apple", 3, 1.5), ("kiwi", 12, 0.25), ("watermelon", 1, 3.0)]
for name, qty, price in table:
    print(name.ljust(12) + str(qty).rjust(4) + ("%.2f" % price).rjust(8))
