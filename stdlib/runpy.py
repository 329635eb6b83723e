"""Locating and running Python modules and scripts as __main__ (krait -m).

Without importlib, modules are found by searching sys.path (or the parent
package's __path__) for NAME.py or NAME/__init__.py; a package runs as its
__main__ submodule.
"""

import sys

__all__ = ["run_module", "run_path"]

_ModuleType = type(sys)


class _Error(Exception):
    """Error that _run_module_as_main() reports without a traceback."""


class ModuleSpec:
    """The part of importlib's ModuleSpec that runpy fills in."""

    def __init__(self, name, origin, is_package=False):
        self.name = name
        self.origin = origin
        self.loader = None
        self.submodule_search_locations = [_dirname(origin)] if is_package else None
        self.cached = None
        self.has_location = True
        self.loader_state = None

    @property
    def parent(self):
        if self.submodule_search_locations is None:
            return self.name.rpartition('.')[0]
        return self.name

    def __repr__(self):
        return "ModuleSpec(name=%r, loader=None, origin=%r)" % (self.name, self.origin)


def _dirname(path):
    i = path.rfind('/')
    if i < 0:
        return ''
    return path[:i] or '/'


def _join(a, b):
    if not a:
        return b
    return a + b if a.endswith('/') else a + '/' + b


def _isfile(path):
    import posix
    try:
        st = posix.stat(path)
    except (OSError, ValueError):
        return False
    return (st.st_mode & 0o170000) == 0o100000


def _isdir(path):
    import posix
    try:
        st = posix.stat(path)
    except (OSError, ValueError):
        return False
    return (st.st_mode & 0o170000) == 0o040000


def _builtin_module_names():
    return getattr(sys, 'builtin_module_names', ())


def _find(mod_name, error=ImportError):
    """Returns (spec, is_package) for mod_name, or raises error."""
    if mod_name.startswith("."):
        raise error("Relative module names not supported")
    pkg_name, _, leaf = mod_name.rpartition(".")
    if pkg_name:
        try:
            __import__(pkg_name)
        except ImportError as e:
            if e.name is None or (e.name != pkg_name and not pkg_name.startswith(e.name + ".")):
                raise
            msg = "Error while finding module specification for {!r} ({}: {})"
            raise error(msg.format(mod_name, type(e).__name__, e)) from e
        parent = sys.modules[pkg_name]
        search = getattr(parent, '__path__', None)
        if search is None:
            msg = "Error while finding module specification for {!r} ({}: {})"
            err = "__path__ attribute not found on %r while trying to find %r" % (
                pkg_name, mod_name)
            raise error(msg.format(mod_name, "ModuleNotFoundError", err))
    else:
        search = sys.path
        if mod_name in _builtin_module_names():
            raise error("No code object available for %s" % mod_name)
    for entry in search:
        if not isinstance(entry, str):
            continue
        base = _join(entry, leaf) if entry else leaf
        init = _join(base, "__init__.py")
        if _isdir(base) and _isfile(init):
            return ModuleSpec(mod_name, _abspath(init), True), True
        if _isfile(base + ".py"):
            return ModuleSpec(mod_name, _abspath(base + ".py")), False
    existing = sys.modules.get(mod_name)
    if existing is not None and not hasattr(existing, '__file__'):
        raise error("No code object available for %s" % mod_name)
    raise error("No module named %s" % mod_name)


def _abspath(path):
    if path.startswith('/'):
        return path
    import posix
    return _join(posix.getcwd(), path)


def _get_module_details(mod_name, error=ImportError):
    spec, is_pkg = _find(mod_name, error)
    if is_pkg:
        if mod_name == "__main__" or mod_name.endswith(".__main__"):
            raise error("Cannot use package as __main__ module")
        try:
            __import__(mod_name)
        except ImportError as e:
            raise error("Error while finding module specification for {!r} ({}: {})".format(
                mod_name, type(e).__name__, e)) from e
        pkg_main_name = mod_name + ".__main__"
        try:
            return _get_module_details(pkg_main_name, error)
        except error as e:
            if mod_name not in sys.modules:
                raise
            raise error(("%s; %r is a package and cannot " +
                         "be directly executed") % (e, mod_name)) from e
    code = _compile_file(spec.origin)
    return mod_name, spec, code


def _compile_file(path):
    with open(path, 'rb') as f:
        source = f.read()
    return compile(source, path, 'exec')


def _run_code(code, run_globals, init_globals=None, mod_name=None, mod_spec=None,
              pkg_name=None, script_name=None):
    """Executes code in run_globals after setting the module attributes."""
    if init_globals is not None:
        run_globals.update(init_globals)
    if mod_spec is None:
        fname = script_name
        cached = None
    else:
        fname = mod_spec.origin
        cached = mod_spec.cached
        if pkg_name is None:
            pkg_name = mod_spec.parent
    run_globals.update(__name__=mod_name, __file__=fname, __cached__=cached, __doc__=None,
                       __loader__=None, __package__=pkg_name, __spec__=mod_spec)
    exec(code, run_globals)
    return run_globals


class _TempModule:
    """Temporarily replaces a module in sys.modules with an empty namespace."""

    def __init__(self, mod_name):
        self.mod_name = mod_name
        self.module = _ModuleType(mod_name)
        self._saved_module = []

    def __enter__(self):
        mod_name = self.mod_name
        try:
            self._saved_module.append(sys.modules[mod_name])
        except KeyError:
            pass
        sys.modules[mod_name] = self.module
        return self

    def __exit__(self, *args):
        if self._saved_module:
            sys.modules[self.mod_name] = self._saved_module[0]
        else:
            del sys.modules[self.mod_name]
        self._saved_module = []


class _ModifiedArgv0:
    def __init__(self, value):
        self.value = value
        self._saved_value = self._sentinel = object()

    def __enter__(self):
        if self._saved_value is not self._sentinel:
            raise RuntimeError("Already preserving saved value")
        self._saved_value = sys.argv[0]
        sys.argv[0] = self.value

    def __exit__(self, *args):
        self.value = self._sentinel
        sys.argv[0] = self._saved_value


def _run_module_code(code, init_globals=None, mod_name=None, mod_spec=None, pkg_name=None,
                     script_name=None):
    fname = script_name if mod_spec is None else mod_spec.origin
    with _TempModule(mod_name) as temp_module, _ModifiedArgv0(fname):
        mod_globals = temp_module.module.__dict__
        _run_code(code, mod_globals, init_globals, mod_name, mod_spec, pkg_name, script_name)
    return mod_globals.copy()


def _run_module_as_main(mod_name, alter_argv=True):
    """Runs the named module as __main__ (what `krait -m mod` calls)."""
    try:
        mod_name, mod_spec, code = _get_module_details(mod_name, _Error)
    except _Error as exc:
        msg = "%s: %s" % (sys.executable, exc)
        sys.exit(msg)
    main_module = sys.modules.get("__main__")
    if main_module is None:
        main_module = _ModuleType("__main__")
        sys.modules["__main__"] = main_module
    main_globals = main_module.__dict__
    if alter_argv:
        sys.argv[0] = mod_spec.origin
    return _run_code(code, main_globals, None, "__main__", mod_spec)


def run_module(mod_name, init_globals=None, run_name=None, alter_sys=False):
    """Execute a module's code without importing it; returns its globals."""
    mod_name, mod_spec, code = _get_module_details(mod_name)
    if run_name is None:
        run_name = mod_name
    if alter_sys:
        return _run_module_code(code, init_globals, run_name, mod_spec)
    return _run_code(code, {}, init_globals, run_name, mod_spec)


def run_path(path_name, init_globals=None, run_name=None):
    """Execute the code at the named file system location; returns its globals."""
    if run_name is None:
        run_name = "<run_path>"
    import posix
    path_name = posix.fspath(path_name)
    pkg_name = run_name.rpartition(".")[0]
    if _isfile(path_name):
        code = _compile_file(path_name)
        return _run_module_code(code, init_globals, run_name, pkg_name=pkg_name,
                                script_name=path_name)
    # a directory: run its __main__ module with the directory first on sys.path
    sys.path.insert(0, path_name)
    try:
        with _TempModule(run_name) as temp_module, _ModifiedArgv0(path_name):
            try:
                mod_name, mod_spec, code = _get_module_details("__main__", _Error)
            except _Error:
                raise ImportError("can't find '__main__' module in %r" % path_name)
            mod_globals = temp_module.module.__dict__
            return _run_code(code, mod_globals, init_globals, run_name, mod_spec,
                             pkg_name).copy()
    finally:
        try:
            sys.path.remove(path_name)
        except ValueError:
            pass
