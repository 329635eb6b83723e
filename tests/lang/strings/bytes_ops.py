b = b"hello"
print(b, b[0], b[1:3], b + b" world", b * 2, len(b), b"ell" in b, 104 in b)
print(b.upper(), b.split(b"l"), b.replace(b"l", b"L"), b.find(b"l"), b.hex(), bytes.fromhex("414243"))
print(bytes([65, 66, 67]), bytes(3), bytes("é", "utf-8"), list(b"ab"))
print(repr(b"\x00\xff\n'\""), repr(b'\''), b"a\tb")
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
print(ba, len(ba), ba.pop(), ba)
del ba[1]
print(ba, bytes(ba), ba.decode())
print(b"abc" < b"abd", b"x" == b"x", b"%s-%d" % (b"a", 5))
print(b" x ".strip(), b"a,b".split(b","), b"-".join([b"a", b"b"]))
