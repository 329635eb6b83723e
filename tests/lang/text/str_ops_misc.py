s = "abc"
print(s + "def", s * 3, 0 * s, -2 * s, s * True, "".join(reversed(s)), list(s), tuple(s), set("aa") == {"a"})
t = s
t += "!"
print(s, t, s is not t)
print(str(), str(42), str(3.5), str([1, "a"]), str(None), str(b"x"), str(s) is s)
print("{}".format(s) == s, s.__len__(), s.__contains__("b"), s.__getitem__(1), s.__add__("x"))
print(" ".join(w.capitalize() for w in "the cat sat".split()))
acc = ""
for ch in "hello":
    acc = ch + acc
print(acc, "".join(sorted("hello")), "hello".translate({ord("l"): "L", ord("o"): None}))
table = str.maketrans("abc", "xyz", "d")
print("abcd-abcd".translate(table), str.maketrans({"a": "1"}) == {97: "1"})
print(hash("x") == hash("x"), "é".isprintable(), "abc".encode().decode() == "abc")
print("%s|%s" % ("a".__class__.__name__, type("") is str), isinstance("x", str), issubclass(str, object))
print("a,b;c".replace(";", ",").split(","), "CamelCaseString".swapcase(), "x".__repr__())
