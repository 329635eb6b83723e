pairs = [("a", "b"), ("abc", "abd"), ("ab", "abc"), ("", "a"), ("Z", "a"), ("10", "9"), ("é", "z"), ("abc", "abc")]
for a, b in pairs:
    print(repr(a), repr(b), a < b, a <= b, a == b, a != b, a > b, a >= b)
print(sorted(["banana", "Apple", "cherry", "apple", "Banana", "10", "9", ""]))
print(sorted(["b", "a", "C"], key=str.lower), max(["x", "xy", "w"]), min("hello"))
print("a" == "a" * 1, "ab" == "a" + "b", "abc" != "ABC".lower(), "1" == 1, "a" != None)
for other in (1, None, ["a"], b"a"):
    try:
        print("a" < other)
    except TypeError as e:
        print(type(e).__name__, e)
print("a" * 3 < "a" * 4, ("a", 1) < ("a", 2), ["b"] > ["a", "z"])
