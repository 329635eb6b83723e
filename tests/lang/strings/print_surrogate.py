import sys
s = "a\ud800b"
print(len(s), repr(s))
try:
    print(s)
except UnicodeEncodeError as e:
    print(type(e).__name__, e.start, e.end, e.reason)
print(s.encode("utf-8", "surrogatepass"), s.encode("utf-8", "replace"))
