tests = [
    lambda: "a" + 1,
    lambda: 1 + "a",
    lambda: "a" * "b",
    lambda: "a" * 1.5,
    lambda: "a" - "b",
    lambda: -"a",
    lambda: "abc".foo,
    lambda: "abc".upper(1),
    lambda: "x".join(5),
    lambda: "%d" % "x",
    lambda: str(b"\xff", "utf-8"),
    lambda: str(1, "utf-8"),
    lambda: "abc".encode("nope"),
    lambda: ord("ab"),
    lambda: ord(""),
    lambda: chr(-1),
    lambda: chr(0x110000),
    lambda: "abc"[None:"x"],
    lambda: len(5),
    lambda: "a".replace(1, 2),
    lambda: "abc".center(5, ""),
]
for t in tests:
    try:
        print(t())
    except (TypeError, ValueError, AttributeError, LookupError, UnicodeDecodeError) as e:
        print(type(e).__name__, e)
