b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1], b[5:2:-1])
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), bytes("héllo", "utf-8"), bytes(b"abc"))
print(b"a" + b"b", b"ab" * 3, 3 * b"-", b"ll" in b, 108 in b, 7 in b)
print(b"abc" == b"abc", b"abc" < b"abd", b"" < b"\x00", b"ab" != "ab")
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\\"), repr(bytes([127, 128, 31])))
print(list(b"AZ"), [x for x in b"\x01\x02"], tuple(b"ok"))
print(b"%d-%s-%r" % (5, b"x", b"y"), b"%05.1f|%x" % (3.14159, 255))
print(bytes.fromhex("de ad BE EF"), b"\xde\xad".hex(), b"abc".hex("-"), b"\x01\x02\x03".hex(":", 2))
print(hash(b"abc") == hash(b"abc"), b"x" != None)
for bad in ([256], [-1], ["a"], "text", 1.5):
    try:
        print(bytes(bad))
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    b[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    b"a" + "b"
except TypeError as e:
    print(type(e).__name__, e)
