s = "  \t hello \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "xyhiyx".strip("xy"), "abcba".lstrip("ab"), "abcba".rstrip("ab"), "aaa".strip("a") == "")
print(repr("\u00a0 hi \u3000".strip()), "hi".strip(""), "hi".strip(None))
print("prefix-body".removeprefix("prefix-"), "prefix-body".removeprefix("x"), "file.py".removesuffix(".py"), "a".removesuffix(""))
print("www.example.com".lstrip("w."), "mississippi".rstrip("ips"))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "".zfill(3))
print(repr("a\tb\tc".expandtabs()), repr("ab\tc".expandtabs(4)), repr("\t".expandtabs(0)), repr("12345\t6".expandtabs(4)))
try:
    "x".strip(1)
except TypeError as e:
    print(type(e).__name__, e)
