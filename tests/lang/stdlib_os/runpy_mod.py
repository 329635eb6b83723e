# runpy.run_module / run_path on modules written to a scratch directory
import os
import sys
import runpy

D = "/tmp/_krait_runpy" + sys.executable.replace("/", "_")


def write(rel, text):
    path = os.path.join(D, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


write("rp_mod.py", "import sys\nvalue = 6 * 7\nprint('running', __name__, __file__.endswith('rp_mod.py'), sys.argv[0].endswith('rp_mod.py'))\n")
write("rp_pkg/__init__.py", "print('pkg init', __name__)\n")
write("rp_pkg/__main__.py", "print('pkg main', __name__, __package__)\nresult = 'main'\n")
write("rp_pkg/inner.py", "print('inner', __name__, __package__, __spec__.name)\n")
write("rp_dir/__main__.py", "print('dir main', __name__)\nz = 1\n")
write("script.py", "print('script', __name__, extra)\nout = extra * 2\n")
sys.path.insert(0, D)
try:
    g = runpy.run_module("rp_mod")
    print(g["value"], g["__name__"], "rp_mod" in sys.modules)
    g = runpy.run_module("rp_mod", run_name="__main__", alter_sys=True)
    print(g["value"], sys.modules.get("__main__").__name__)
    g = runpy.run_module("rp_pkg")
    print(g["result"], g["__name__"])
    g = runpy.run_module("rp_pkg.inner", run_name="custom")
    print(g["__name__"], g["__package__"])
    g = runpy.run_path(os.path.join(D, "script.py"), init_globals={"extra": 21})
    print(g["out"], g["__name__"])
    g = runpy.run_path(os.path.join(D, "script.py"), {"extra": "ab"}, run_name="named")
    print(g["out"], g["__name__"])
    g = runpy.run_path(os.path.join(D, "rp_dir"))
    print(g["z"], g["__name__"])
    for bad in ["no_such_mod_krait", ".relative", "rp_pkg.__main__.x"]:
        try:
            runpy.run_module(bad)
        except ImportError as e:
            print(type(e).__name__, e)
finally:
    sys.path.remove(D)
    for root, dirs, files in os.walk(D, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
    os.rmdir(D)
