# creating, renaming and removing files and directories
import os
import sys

D = "/tmp/_krait_os_files" + sys.executable.replace("/", "_")


def cleanup():
    if os.path.isdir(D):
        for root, dirs, files in os.walk(D, topdown=False):
            for f in files:
                os.remove(os.path.join(root, f))
            for d in dirs:
                os.rmdir(os.path.join(root, d))
        os.rmdir(D)


cleanup()
os.mkdir(D)
try:
    print(os.path.exists(D), os.path.isdir(D), os.path.isfile(D))
    f1 = os.path.join(D, "one.txt")
    with open(f1, "w") as f:
        f.write("hello world\n")
    print(os.path.isfile(f1), os.path.getsize(f1), os.listdir(D))
    os.rename(f1, os.path.join(D, "two.txt"))
    print(sorted(os.listdir(D)))
    with open(os.path.join(D, "three.txt"), "w") as f:
        f.write("3")
    os.replace(os.path.join(D, "three.txt"), os.path.join(D, "two.txt"))
    print(sorted(os.listdir(D)), open(os.path.join(D, "two.txt")).read())
    os.makedirs(os.path.join(D, "a", "b", "c"))
    os.makedirs(os.path.join(D, "a", "b", "c"), exist_ok=True)
    try:
        os.makedirs(os.path.join(D, "a", "b"))
    except FileExistsError as e:
        print("FileExistsError", e.errno, e.filename == os.path.join(D, "a", "b"))
    print(sorted(os.listdir(os.path.join(D, "a", "b"))))
    os.removedirs(os.path.join(D, "a", "b", "c"))
    print(os.path.exists(os.path.join(D, "a")), os.path.exists(D))
    os.mkdir(os.path.join(D, "sub"))
    os.renames(os.path.join(D, "two.txt"), os.path.join(D, "x", "y", "moved.txt"))
    print(os.path.isfile(os.path.join(D, "x", "y", "moved.txt")))
    os.unlink(os.path.join(D, "x", "y", "moved.txt"))
    os.removedirs(os.path.join(D, "x", "y"))
    os.rmdir(os.path.join(D, "sub"))
    print(os.path.exists(D), os.listdir(D))
    cwd = os.getcwd()
    os.chdir(D)
    print(os.getcwd() == os.path.realpath(D), os.listdir(), os.listdir('.'))
    with open("rel.txt", "w") as f:
        f.write("r")
    print(os.listdir(), os.path.abspath("rel.txt") == os.path.join(os.path.realpath(D), "rel.txt"))
    os.chdir(cwd)
    print(os.listdir(D.encode()))
    os.truncate(os.path.join(D, "rel.txt"), 0)
    print(os.path.getsize(os.path.join(D, "rel.txt")))
finally:
    cleanup()
print(os.path.exists(D))
