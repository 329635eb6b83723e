ba = bytearray(b"hello")
print(ba, len(ba), ba[0], ba[-1], ba[1:3], repr(bytearray()))
ba[0] = 72
ba.append(33)
ba.extend(b" ok")
print(ba)
ba[1:3] = b"EEE"
print(ba)
del ba[0]
del ba[-3:]
print(ba, ba.pop(), ba.pop(0), ba)
ba.insert(0, 65)
ba.remove(69)
print(ba, ba.find(b"L"), ba.count(b"E"), b"E" in ba, 76 in ba)
ba.reverse()
print(ba, bytes(ba), ba == b"LLEA" or ba, ba.upper(), ba.decode())
ba2 = bytearray(3)
ba2 += b"xy"
ba2 *= 2
print(ba2, bytearray([1, 2]) + b"\x03", bytearray("é", "utf-8"))
ba2.clear()
print(ba2, bytearray(range(3)).hex(), bytearray.fromhex("41 42"), ba.copy() == ba)
for action in ("big", "neg", "pop", "remove", "idx"):
    try:
        x = bytearray(b"ab")
        if action == "big":
            x[0] = 256
        elif action == "neg":
            x.append(-1)
        elif action == "pop":
            bytearray().pop()
        elif action == "remove":
            x.remove(99)
        else:
            x[5] = 1
    except (ValueError, IndexError, TypeError) as e:
        print(action, type(e).__name__, e)
try:
    hash(bytearray())
except TypeError as e:
    print(type(e).__name__, e)
