s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.find("o", 20, 30), s.find(""), s.rfind(""))
print(s.index("quick"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""), "aaaa".count("aa"), s.count("o", 0, 15))
print(s.startswith("the"), s.startswith("quick", 4), s.endswith("dog"), s.endswith(("cat", "dog")), s.startswith(("a", "b")))
print(s.startswith(""), "".endswith(""), s.endswith("lazy", 0, -4), s.startswith("t", -3))
print("abc".find("c", -1), "abc".find("a", -10), "abc".find("a", 1, 0), "abc".find("", 5))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".replace("na", ""), "x".replace("", "-"), "abc".replace("", "/", 2))
print("ab" in "cab", "" in "x", "ba" not in "ab")
for meth in ("index", "rindex"):
    try:
        getattr(s, meth)("cat")
    except ValueError as e:
        print(type(e).__name__, e)
try:
    s.startswith(["the"])
except TypeError as e:
    print(type(e).__name__, e)
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.count()
except TypeError as e:
    print(type(e).__name__, e)
