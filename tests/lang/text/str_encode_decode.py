s = "Grüße, 世界!"
for enc in ("utf-8", "utf8", "UTF-8", "latin-1", "ascii", "utf-16-le"):
    try:
        b = s.encode(enc)
        print(enc, b, b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, type(e).__name__, e)
print(s.encode("ascii", "ignore"), s.encode("ascii", "replace"), s.encode("ascii", "backslashreplace"), s.encode("ascii", "xmlcharrefreplace"))
print(b"caf\xe9".decode("latin-1"), b"\xe4\xb8\x96".decode("utf-8"), b"abc\xff".decode("utf-8", "replace"), b"abc\xff".decode("utf-8", "backslashreplace"))
for data in (b"\xc3", b"\xc3\x28", b"\xed\xa0\x80", b"\xf8"):
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        print(type(e).__name__, e, e.start, e.end, e.reason)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e, e.start, e.end, e.object)
try:
    b"x".decode("not-a-codec")
except LookupError as e:
    print(type(e).__name__, e)
print(len("😀".encode("utf-8")), len("😀".encode("utf-16-le")), "ab".encode("utf-8"), bytes("é", encoding="utf-8"))
