# os.stat_result, chmod, utime, stat module helpers
import os
import stat
import sys

D = "/tmp/_krait_os_stat" + sys.executable.replace("/", "_")
if not os.path.isdir(D):
    os.mkdir(D)
try:
    p = os.path.join(D, "f.bin")
    with open(p, "wb") as f:
        f.write(b"0123456789")
    st = os.stat(p)
    print(type(st).__name__, type(st).__module__ if hasattr(type(st), '__module__') else '', len(st))
    print(isinstance(st, tuple), isinstance(st, os.stat_result))
    print(st.st_size, st[stat.ST_SIZE], st[6] == st.st_size, stat.S_ISREG(st.st_mode), stat.S_ISDIR(st.st_mode))
    print(type(st.st_mtime).__name__, type(st.st_mtime_ns).__name__, type(st[8]).__name__)
    print(st.st_nlink, st.st_uid == os.getuid(), st.st_ino > 0)
    os.chmod(p, 0o640)
    print(oct(stat.S_IMODE(os.stat(p).st_mode)), stat.filemode(os.stat(p).st_mode))
    os.chmod(p, 0o755)
    print(stat.filemode(os.stat(p).st_mode), os.access(p, os.X_OK))
    os.utime(p, (1000000000, 1234567890))
    st = os.stat(p)
    print(st.st_mtime, st.st_atime, st[8], st.st_mtime_ns)
    os.utime(p, ns=(5, 1500000000123456789))
    st = os.stat(p)
    print(st.st_mtime_ns, st[8], os.path.getmtime(p) == st.st_mtime)
    os.utime(p, (1.5, 2.25))
    print(os.stat(p).st_mtime, os.stat(p).st_atime)
    try:
        os.utime(p, (1, 2), ns=(1, 2))
    except ValueError as e:
        print("ValueError:", e)
    try:
        os.utime(p, 5)
    except TypeError as e:
        print("TypeError:", e)
    dst = os.stat(D)
    print(stat.S_ISDIR(dst.st_mode), stat.filemode(dst.st_mode)[0])
    fd = os.open(p, os.O_RDONLY)
    print(os.fstat(fd).st_size, os.stat(fd).st_size)
    os.close(fd)
    with open(p) as f:
        print(os.fstat(f.fileno()).st_size)
    s2 = os.stat_result((1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
    print(s2, s2.st_mtime, s2[9])
    print(repr(os.stat_result((0o100644, 1, 2, 1, 0, 0, 10, 1, 2, 3))))
    print(stat.S_IFMT(0o100644) == stat.S_IFREG, stat.S_ISLNK(0o120777), stat.filemode(0o120777))
    print(stat.filemode(0o4755 | stat.S_IFREG), stat.filemode(0o1777 | stat.S_IFDIR), stat.filemode(0))
finally:
    for n in os.listdir(D):
        os.remove(os.path.join(D, n))
    os.rmdir(D)
