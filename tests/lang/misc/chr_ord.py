print(chr(65), chr(97), chr(48), chr(32) == " ", chr(10) == "\n", chr(0x263A), chr(0x1F40D), repr(chr(0)), repr(chr(127)))
print(ord("A"), ord("z"), ord(" "), ord("\n"), ord("é"), ord("€"), ord("🐍"), ord(b"a"), ord(bytearray(b"z")))
print("".join(chr(ord(c) + 1) for c in "HAL"), [chr(i) for i in range(97, 102)])
print(all(ord(chr(i)) == i for i in range(0, 0x110000, 997)))
for bad in (-1, 0x110000, 2 ** 40):
    try:
        chr(bad)
    except (ValueError, OverflowError) as e:
        print(type(e).__name__, e)
for bad in ("", "ab", b"ab", 5):
    try:
        ord(bad)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    chr("a")
except TypeError as e:
    print(type(e).__name__, e)
try:
    chr(65.0)
except TypeError as e:
    print(type(e).__name__, e)
