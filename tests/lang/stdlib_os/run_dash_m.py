# `interpreter -m module` run in a child process, output captured through a pipe
import os
import sys

D = "/tmp/_krait_dash_m" + sys.executable.replace("/", "_")
os.makedirs(os.path.join(D, "mpkg"), exist_ok=True)
with open(os.path.join(D, "mmod.py"), "w") as f:
    f.write("import sys\nprint('mmod', __name__, sys.argv[0].endswith('mmod.py'), sys.argv[1:])\n"
            "if __name__ == '__main__':\n    sys.exit(3)\n")
with open(os.path.join(D, "mpkg", "__init__.py"), "w") as f:
    f.write("")
with open(os.path.join(D, "mpkg", "__main__.py"), "w") as f:
    f.write("print('package main', __name__, __package__)\n")


def run(*args):
    r, w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os.chdir(D)
        os.dup2(w, 1)
        os.dup2(w, 2)
        try:
            os.execv(sys.executable, [sys.executable] + list(args))
        finally:
            os._exit(127)
    os.close(w)
    out = b""
    while True:
        b = os.read(r, 4096)
        if not b:
            break
        out += b
    os.close(r)
    _, status = os.waitpid(pid, 0)
    text = out.decode().replace(sys.executable, "<exe>")
    print(args, os.waitstatus_to_exitcode(status), repr(text))


try:
    run("-m", "mmod", "a1", "a2")
    run("-m", "mpkg")
    run("-m", "no_such_module_krait")
finally:
    for root, dirs, files in os.walk(D, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(D)
