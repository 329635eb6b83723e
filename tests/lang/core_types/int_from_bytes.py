print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"))
print(int.from_bytes(b"", "big"), int.from_bytes(b"\xff", "big"))
print(int.from_bytes(b"\xff", "big", signed=True), int.from_bytes(b"\xff\x7f", "little", signed=True))
print(int.from_bytes(b"\x80\x00", "big", signed=True))
print(int.from_bytes(bytes(range(1, 17)), "big"))
print(int.from_bytes([1, 2, 3], "little"), int.from_bytes(bytearray(b"\x01\x00"), "big"))
print(int.from_bytes(b"\x01\x02"))
for n in (0, 1, 300, 2**40 + 5, -5, -(2**33)):
    b = n.to_bytes(8, "big", signed=True)
    print(n, b.hex(), int.from_bytes(b, "big", signed=True) == n)
try:
    int.from_bytes(b"\x01", "sideways")
except ValueError as e:
    print(type(e).__name__, e)
try:
    int.from_bytes("ab", "big")
except TypeError as e:
    print(type(e).__name__, e)
