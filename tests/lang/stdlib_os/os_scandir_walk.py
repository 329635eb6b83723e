# os.scandir / DirEntry / os.walk over a small tree
import os
import sys

D = "/tmp/_krait_os_walk" + sys.executable.replace("/", "_")


def rm(top):
    if not os.path.lexists(top):
        return
    for root, dirs, files in os.walk(top, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            p = os.path.join(root, d)
            if os.path.islink(p):
                os.remove(p)
            else:
                os.rmdir(p)
    os.rmdir(top)


rm(D)
os.makedirs(os.path.join(D, "a", "aa"))
os.makedirs(os.path.join(D, "b"))
for rel in ["top.txt", "a/one.py", "a/aa/deep.txt", "b/two.py", "b/three.txt"]:
    with open(os.path.join(D, rel), "w") as f:
        f.write(rel)
os.symlink(os.path.join(D, "a"), os.path.join(D, "link_to_a"))
try:
    entries = sorted(os.scandir(D), key=lambda e: e.name)
    for e in entries:
        print(repr(e), e.name, e.path == os.path.join(D, e.name), e.is_dir(), e.is_file(),
              e.is_symlink(), e.is_dir(follow_symlinks=False), os.fspath(e) == e.path)
    print(isinstance(entries[0], os.PathLike), type(entries[0]).__name__)
    e = [x for x in entries if x.name == "top.txt"][0]
    print(e.stat().st_size, e.inode() == os.stat(e.path).st_ino)
    with os.scandir(os.path.join(D, "b")) as it:
        print(sorted(x.name for x in it))
    cwd = os.getcwd()
    os.chdir(D)
    print(sorted(x.path for x in os.scandir()), sorted(x.path for x in os.scandir('.')))
    print(sorted(x.path for x in os.scandir(b'b')))
    os.chdir(cwd)
    print("topdown")
    for root, dirs, files in os.walk(D):
        dirs.sort()
        print(os.path.relpath(root, D), dirs, sorted(files))
    print("pruned")
    for root, dirs, files in os.walk(D):
        if "a" in dirs:
            dirs.remove("a")
        dirs.sort()
        print(os.path.relpath(root, D), dirs, sorted(files))
    print("bottomup")
    out = []
    for root, dirs, files in os.walk(D, topdown=False):
        out.append((os.path.relpath(root, D), sorted(dirs), sorted(files)))
    print(out[-1])
    print(sorted(out))
    print("followlinks", sorted(os.path.relpath(r, D) for r, d, f in os.walk(D, followlinks=True)))
    errs = []
    print(list(os.walk(os.path.join(D, "nope"), onerror=errs.append)), type(errs[0]).__name__)
finally:
    rm(D)
print(os.path.exists(D))
