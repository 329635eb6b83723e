# fnmatch matching and translate; glob over a scratch tree
import fnmatch
import glob
import os
import sys

cases = [("a.py", "*.py"), ("a.pyc", "*.py"), (".hidden", "*"), ("abc", "a?c"), ("ac", "a?c"),
         ("a1", "a[0-9]"), ("ab", "a[0-9]"), ("ab", "a[!0-9]"), ("a]", "a[]]"), ("a-", "a[a-]"),
         ("[x", "[x"), ("a*b", "a[*]b"), ("abc", "*"), ("", "*"), ("", "?"), ("abcabc", "*abc"),
         ("xyz", "*y*"), ("A.PY", "*.py"), ("a/b", "a*b"), ("aXbXc", "a*b*c"), ("ab", "a**b"),
         ("z", "[a-c]"), ("b", "[c-a]"), ("mississippi", "*ss*ss*"), ("ab", "[!]ab")]
for name, pat in cases:
    print(repr(name), repr(pat), fnmatch.fnmatch(name, pat), fnmatch.fnmatchcase(name, pat))
print(fnmatch.filter(["x.c", "y.h", "z.c", "w"], "*.c"))
print(fnmatch.fnmatch(b"data.bin", b"*.bin"))
for pat in ["*.py", "a?b", "[abc]", "[!abc]", "x*y*z", "*", "a[b", "[a-z0-9]", "a.b+c", "**x"]:
    print(pat, fnmatch.translate(pat))

D = "/tmp/_krait_glob" + sys.executable.replace("/", "_")
for rel in ["a.txt", "b.txt", "c.py", ".hid.txt", "sub/d.txt", "sub/e.py", "sub/deep/f.txt"]:
    path = os.path.join(D, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    open(path, "w").close()
try:
    rel = lambda ps: sorted(os.path.relpath(p, D) for p in ps)
    print(rel(glob.glob(os.path.join(D, "*.txt"))))
    print(rel(glob.glob(os.path.join(D, "*"))))
    print(rel(glob.glob(os.path.join(D, "*", "*.py"))))
    print(rel(glob.glob(os.path.join(D, "**", "*.txt"), recursive=True)))
    print(rel(glob.glob(os.path.join(D, "**"), recursive=True)))
    print(rel(glob.glob(os.path.join(D, "?.py"))), glob.glob(os.path.join(D, "nomatch*")))
    print(rel(glob.glob(os.path.join(D, "*.txt"), include_hidden=True)))
    print(sorted(glob.glob("*.txt", root_dir=D)), sorted(glob.glob("sub/*", root_dir=D)))
    print(rel(glob.iglob(os.path.join(D, "[ab].txt"))))
    print(glob.glob(os.path.join(D, "a.txt")) == [os.path.join(D, "a.txt")], glob.glob(os.path.join(D, "zz.txt")))
    print(glob.escape("a*b?c[d]"), glob.has_magic("a*"), glob.has_magic("abc"))
finally:
    for root, dirs, files in os.walk(D, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(D)
