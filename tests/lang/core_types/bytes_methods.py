b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" Hd"), b.lower(), b.upper(), b.swapcase())
print(b.split(), b.split(b","), b"a,b,,c".split(b",", 1), b"a b  c".rsplit(None, 1))
print(b"-".join([b"a", b"b", bytearray(b"c")]), b"".join([]))
print(b.find(b"o"), b.rfind(b"o"), b.find(b"zz"), b.index(b"W"), b.count(b"l"), b.count(b"l", 5))
print(b.replace(b"l", b"L"), b.replace(b"l", b"", 2), b"abc".startswith(b"ab"), b"abc".endswith((b"x", b"c")))
print(b"abc".isalpha(), b"123".isdigit(), b"ab1".isalnum(), b" \t".isspace(), b"Ab".istitle(), b"AB".isupper())
print(b"hello world".title(), b"hello".capitalize(), b"x".center(5, b"*"), b"x".ljust(3), b"x".rjust(3, b"0"))
print(b"42".zfill(5), b"-42".zfill(5), b"a\tb".expandtabs(4), b"a=b=c".partition(b"="), b"a=b=c".rpartition(b"="))
print(b"caf\xc3\xa9".decode(), b"caf\xc3\xa9".decode("utf-8"), b"abc".decode("ascii"), b"\xe9".decode("latin-1"))
print(b"line1\nline2\r\nline3".splitlines(), b"a\nb\n".splitlines(True))
print(b"prefix_body".removeprefix(b"prefix_"), b"body.txt".removesuffix(b".txt"))
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    b"abc".index(b"z")
except ValueError as e:
    print(type(e).__name__, e)
print(b"\xff\xfe".decode("utf-8", "replace"), b"a\xffb".decode("ascii", "ignore"))
print(bytes.maketrans(b"ab", b"xy") == bytes.maketrans(b"ab", b"xy"), b"aabb".translate(bytes.maketrans(b"ab", b"xy")))
