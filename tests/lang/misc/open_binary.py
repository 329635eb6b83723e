import sys
path = "/tmp/_krait_open_binary" + sys.executable.replace("/", "_")
payload = bytes(range(256))
with open(path, "wb") as f:
    print(f.write(payload), f.write(b"\r\n\x00end"))
with open(path, "rb") as f:
    data = f.read()
print(len(data), data[:8], data[-6:], data[:256] == payload, type(data).__name__)
with open(path, "rb") as f:
    print(f.read(3), f.read(2), len(f.read()))
with open(path, "ab") as f:
    f.write(bytearray(b"++"))
with open(path, "rb") as f:
    print(f.read()[-4:])
with open(path, "wb") as f:
    f.write("text é".encode("utf-8"))
with open(path, "rb") as f:
    raw = f.read()
print(raw, raw.decode("utf-8"))
with open(path, "r") as f:
    print(f.read())
try:
    with open(path, "wb") as f:
        f.write("str not allowed")
except TypeError as e:
    print(type(e).__name__, e)
try:
    with open(path, "w") as f:
        f.write(b"bytes not allowed")
except TypeError as e:
    print(type(e).__name__, e)
