print("a b  c".split(), " a b ".split(), "".split(), "   ".split(), "a,b,,c".split(","), ",".split(","))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a b c".split(None, 1), "a b c".rsplit(None, 1))
print("one::two::three".split("::"), "x".split("x"), "aaa".split("a"), "a\tb\nc\rd e\x0bf\x0cg".split())
print("l1\nl2\r\nl3\rl4".splitlines(), "l1\nl2\n".splitlines(), "x\n\ny".splitlines(True), "".splitlines())
print("a\x1cb\u2028c".splitlines(), "no newline".splitlines())
print("key=value=x".partition("="), "novalue".partition("="), "a.b.c".rpartition("."), "abc".rpartition("x"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), " ".join(str(i) for i in range(4)))
for bad in ("", None):
    try:
        print("abc".split(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    ",".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    "x".partition("")
except ValueError as e:
    print(type(e).__name__, e)
print("a b".split(maxsplit=0), "a b c".split(sep=" ", maxsplit=1))
