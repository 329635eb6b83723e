"""inspect - information about live objects: type predicates, members, source code,
frames and stacks, and call signatures (Signature / Parameter)."""

import sys
import linecache

__all__ = ['ismodule', 'isclass', 'ismethod', 'isfunction', 'isgeneratorfunction',
           'iscoroutinefunction', 'isasyncgenfunction', 'isgenerator', 'iscoroutine',
           'isasyncgen', 'isawaitable', 'istraceback', 'isframe', 'iscode', 'isbuiltin',
           'isroutine', 'isabstract', 'ismethoddescriptor', 'isdatadescriptor',
           'getmembers', 'getmodule', 'getfile', 'getsourcefile', 'getsourcelines',
           'getsource', 'findsource', 'getdoc', 'cleandoc', 'currentframe', 'stack', 'trace',
           'getframeinfo', 'getouterframes', 'getinnerframes', 'signature', 'Signature',
           'Parameter', 'BoundArguments', 'unwrap', 'getattr_static', 'getfullargspec',
           'FullArgSpec', 'getgeneratorstate', 'getcoroutinestate', 'get_annotations',
           'indentsize', 'getblock', 'FrameInfo', 'Traceback']

CO_OPTIMIZED = 1
CO_NEWLOCALS = 2
CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_NESTED = 16
CO_GENERATOR = 32
CO_NOFREE = 64
CO_COROUTINE = 128
CO_ITERABLE_COROUTINE = 256
CO_ASYNC_GENERATOR = 512

TPFLAGS_IS_ABSTRACT = 1 << 20


def _type_of(expr):
    return type(expr)


def _f():
    pass


async def _af():
    pass


def _gf():
    yield


_FunctionType = type(_f)
_CodeType = type(_f.__code__)
_MethodType = type(_FunctionType.__get__(_f, 1))
_BuiltinType = type(len)
_GeneratorType = type(_gf())
_ModuleType = type(sys)
_ac = _af()
_CoroutineType = type(_ac)
_ac.close()
del _ac


# ---------------------------------------------------------------------------
# Predicates
# ---------------------------------------------------------------------------

def ismodule(object):
    return isinstance(object, _ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, _MethodType)


def isfunction(object):
    return isinstance(object, _FunctionType)


def _has_code_flag(f, flag):
    f = unwrap_partial_and_methods(f)
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def unwrap_partial_and_methods(f):
    while ismethod(f):
        f = f.__func__
    while hasattr(f, 'func') and hasattr(f, 'args') and hasattr(f, 'keywords') and \
            not isfunction(f):
        f = f.func
    return f


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, _GeneratorType)


def iscoroutine(object):
    return isinstance(object, _CoroutineType)


def isasyncgen(object):
    return type(object).__name__ == 'async_generator' and hasattr(object, 'ag_frame')


def isawaitable(object):
    return (iscoroutine(object) or hasattr(type(object), '__await__') or
            (isgenerator(object) and bool(object.gi_code.co_flags & CO_ITERABLE_COROUTINE)))


def istraceback(object):
    return type(object).__name__ == 'traceback' and hasattr(object, 'tb_frame')


def isframe(object):
    return type(object).__name__ == 'frame' and hasattr(object, 'f_code')


def iscode(object):
    return isinstance(object, _CodeType)


def isbuiltin(object):
    return isinstance(object, _BuiltinType)


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__get__') and not hasattr(tp, '__set__')


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, '__set__') or hasattr(tp, '__delete__')


def ismethodwrapper(object):
    return type(object).__name__ == 'method-wrapper'


def isroutine(object):
    return (isbuiltin(object) or isfunction(object) or ismethod(object) or
            ismethoddescriptor(object) or ismethodwrapper(object))


def isabstract(object):
    if not isinstance(object, type):
        return False
    abstract = getattr(object, '__abstractmethods__', None)
    return bool(abstract)


def isgetsetdescriptor(object):
    return type(object).__name__ == 'getset_descriptor'


def ismemberdescriptor(object):
    return type(object).__name__ == 'member_descriptor'


# ---------------------------------------------------------------------------
# Members
# ---------------------------------------------------------------------------

def getmembers(object, predicate=None):
    """(name, value) pairs of the attributes of object, sorted by name."""
    names = dir(object)
    if isclass(object):
        mro = (object,) + tuple(object.__mro__[1:]) if hasattr(object, '__mro__') else (object,)
        for base in object.__bases__:
            for k in base.__dict__:
                if k not in names:
                    names.append(k)
    else:
        mro = ()
    results = []
    seen = set()
    for key in names:
        try:
            value = getattr(object, key)
            if key in seen:
                raise AttributeError
        except AttributeError:
            for base in mro:
                if key in base.__dict__:
                    value = base.__dict__[key]
                    break
            else:
                continue
        if not predicate or predicate(value):
            results.append((key, value))
        seen.add(key)
    results.sort(key=lambda pair: pair[0])
    return results


def getmembers_static(object, predicate=None):
    results = []
    for key in dir(object):
        try:
            value = getattr_static(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


_sentinel = object()


def _static_mro(klass):
    return type.__dict__['__mro__'].__get__(klass) if '__mro__' in type.__dict__ else klass.__mro__


def _check_instance(obj, attr):
    try:
        instance_dict = object.__getattribute__(obj, '__dict__')
    except AttributeError:
        return _sentinel
    return dict.get(instance_dict, attr, _sentinel)


def _check_class(klass, attr):
    for entry in klass.__mro__:
        d = entry.__dict__
        if attr in d:
            return d[attr]
    return _sentinel


def getattr_static(obj, attr, default=_sentinel):
    """Look attr up without running descriptors or __getattr__ (basic version)."""
    instance_result = _sentinel
    if not isinstance(obj, type):
        klass = type(obj)
        instance_result = _check_instance(obj, attr)
        klass_result = _check_class(klass, attr)
    else:
        klass = obj
        klass_result = _check_class(klass, attr)
        meta_result = _check_class(type(klass), attr)
        if klass_result is _sentinel and meta_result is not _sentinel:
            klass_result = meta_result
    if instance_result is not _sentinel and klass_result is not _sentinel:
        if hasattr(type(klass_result), '__set__') or hasattr(type(klass_result), '__delete__'):
            return klass_result
    if instance_result is not _sentinel:
        return instance_result
    if klass_result is not _sentinel:
        return klass_result
    if default is not _sentinel:
        return default
    raise AttributeError(attr)


# ---------------------------------------------------------------------------
# Documentation and source
# ---------------------------------------------------------------------------

def cleandoc(doc):
    """Clean up indentation from a docstring (tabs expanded, common margin removed)."""
    try:
        lines = doc.expandtabs().split('\n')
    except UnicodeError:
        return None
    margin = None
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            indent = len(line) - content
            margin = indent if margin is None else min(margin, indent)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin is not None:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return '\n'.join(lines)


def _finddoc(obj):
    if ismethod(obj):
        name = obj.__func__.__name__
        self = obj.__self__
        cls = self if isclass(self) else type(self)
    elif isfunction(obj):
        name = obj.__name__
        cls = None
        qual = obj.__qualname__.rsplit('.', 1)
        if len(qual) == 2 and '<locals>' not in qual[0]:
            mod = sys.modules.get(obj.__module__)
            cls = mod
            for part in qual[0].split('.'):
                cls = getattr(cls, part, None)
            if not isclass(cls):
                cls = None
        if cls is None:
            return None
    elif isinstance(obj, property):
        return None
    else:
        return None
    for base in cls.__mro__[1:]:
        try:
            doc = getattr(base, name).__doc__
        except AttributeError:
            continue
        if doc is not None:
            return doc
    return None


def getdoc(object):
    """The object's docstring, cleaned; inherited from base classes when missing."""
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        try:
            doc = _finddoc(object)
        except (AttributeError, TypeError):
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def getfile(object):
    """The name of the file that defined object."""
    if ismodule(object):
        if getattr(object, '__file__', None):
            return object.__file__
        raise TypeError('{!r} is a built-in module'.format(object))
    if isclass(object):
        if hasattr(object, '__module__'):
            module = sys.modules.get(object.__module__)
            if getattr(module, '__file__', None):
                return module.__file__
            if object.__module__ == '__main__':
                raise OSError('source code not available')
        raise TypeError('{!r} is a built-in class'.format(object))
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object.co_filename
    raise TypeError('module, class, method, function, traceback, frame, or '
                    'code object was expected, got {}'.format(type(object).__name__))


def getmodulename(path):
    base = path.rsplit('/', 1)[-1]
    if base.endswith('.py'):
        return base[:-3]
    return None


def getsourcefile(object):
    """The Python source file of object, or None."""
    filename = getfile(object)
    if filename.endswith('.py'):
        return filename
    if filename in linecache.cache:
        return filename
    try:
        import os
        if os.path.exists(filename):
            return filename
    except ImportError:
        pass
    return None


def getabsfile(object, _filename=None):
    if _filename is None:
        _filename = getsourcefile(object) or getfile(object)
    return _filename


def getmodule(object, _filename=None):
    """The module object was defined in, or None."""
    if ismodule(object):
        return object
    if hasattr(object, '__module__'):
        return sys.modules.get(object.__module__)
    try:
        file = getabsfile(object, _filename)
    except (TypeError, FileNotFoundError):
        return None
    for module in list(sys.modules.values()):
        if getattr(module, '__file__', None) == file:
            return module
    main = sys.modules.get('__main__')
    if main is not None and hasattr(main, object.__name__ if hasattr(object, '__name__') else ''):
        return main
    return None


def findsource(object):
    """(all lines of the file, index of the line where object starts)."""
    file = getsourcefile(object)
    if file is None:
        file = getfile(object)
        if not (file.startswith('<') and file.endswith('>')):
            raise OSError('source code not available')
    module = getmodule(object, file)
    if module:
        lines = linecache.getlines(file, module.__dict__)
    else:
        lines = linecache.getlines(file)
    if not lines:
        raise OSError('could not get source code')
    if ismodule(object):
        return lines, 0
    if isclass(object):
        return lines, _class_line(lines, object)
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        if not hasattr(object, 'co_firstlineno'):
            raise OSError('could not find function definition')
        lnum = object.co_firstlineno - 1
        if lnum >= len(lines):
            raise OSError('lineno is out of bounds')
        return lines, lnum
    raise OSError('could not find code object')


def _class_line(lines, cls):
    import ast
    qualname = cls.__qualname__
    tree = ast.parse(''.join(lines))
    found = []

    def visit(body, stack):
        for node in body:
            if isinstance(node, ast.ClassDef):
                name = '.'.join(stack + [node.name])
                if name == qualname:
                    line = node.lineno
                    if node.decorator_list:
                        line = node.decorator_list[0].lineno
                    found.append(line - 1)
                visit(node.body, stack + [node.name])
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                visit(node.body, stack + [node.name, '<locals>'])
            elif hasattr(node, 'body') and isinstance(node.body, list):
                visit(node.body, stack)
                for extra in ('orelse', 'finalbody'):
                    visit(getattr(node, extra, []) or [], stack)
                for h in getattr(node, 'handlers', []) or []:
                    visit(h.body, stack)
    visit(tree.body, [])
    if not found:
        raise OSError('could not find class definition')
    return found[0]


def indentsize(line):
    """The width of the leading whitespace of line (tabs expanded)."""
    expline = line.expandtabs()
    return len(expline) - len(expline.lstrip())


def getblock(lines):
    """The lines of the block (def, class, lambda) at the top of lines."""
    import tokenize
    text = ''.join(lines)
    depth = 0
    started = False
    passline = False
    indecorator = False
    islambda = False
    last = 1
    body_indent = 0
    try:
        for tok in tokenize.generate_tokens(iter(lines).__next__):
            typ, string, (srow, scol), (erow, ecol), line = tok
            if not started and typ in (tokenize.INDENT, tokenize.NL, tokenize.COMMENT):
                continue  # the block's own leading indentation
            if not started and string in ('@', 'def', 'class', 'lambda', 'async'):
                if string == '@':
                    indecorator = True
                elif string == 'lambda':
                    islambda = True
                elif string != 'async' and not indecorator:
                    pass
                if string != '@':
                    indecorator = False if string in ('def', 'class') else indecorator
                started = True
                passline = True
            elif typ == tokenize.NEWLINE:
                passline = False
                last = srow
                if islambda:
                    break
            elif passline:
                pass
            elif typ == tokenize.INDENT:
                if body_indent == 0:
                    body_indent = 1
                depth += 1
                passline = True
            elif typ == tokenize.DEDENT:
                depth -= 1
                if depth <= 0:
                    break
            elif typ == tokenize.COMMENT or typ == tokenize.NL:
                pass
            elif depth == 0 and started and typ not in (tokenize.COMMENT, tokenize.NL):
                if indecorator:
                    continue
                break
    except (tokenize.TokenError, SyntaxError, IndentationError):
        pass
    return lines[:last]


def getsourcelines(object):
    """(lines of object's source, its starting line number)."""
    lines, lnum = findsource(object)
    if istraceback(object):
        object = object.tb_frame
    if isframe(object) or (ismodule(object)):
        return lines, 0 if ismodule(object) else lnum + 1
    return getblock(lines[lnum:]), lnum + 1


def getsource(object):
    """The source text of object."""
    lines, lnum = getsourcelines(object)
    return ''.join(lines)


def getcomments(object):
    try:
        lines, lnum = findsource(object)
    except (OSError, TypeError):
        return None
    comments = []
    end = lnum - 1
    while end >= 0 and lines[end].lstrip().startswith('#'):
        comments.insert(0, lines[end].expandtabs().lstrip())
        end -= 1
    return ''.join(comments) if comments else None


# ---------------------------------------------------------------------------
# Frames and stacks
# ---------------------------------------------------------------------------

class Traceback(tuple):
    """(filename, lineno, function, code_context, index) with .positions."""
    _fields = ('filename', 'lineno', 'function', 'code_context', 'index')

    def __new__(cls, filename, lineno, function, code_context, index, *, positions=None):
        self = tuple.__new__(cls, (filename, lineno, function, code_context, index))
        self.positions = positions
        return self

    filename = property(lambda self: self[0])
    lineno = property(lambda self: self[1])
    function = property(lambda self: self[2])
    code_context = property(lambda self: self[3])
    index = property(lambda self: self[4])

    def __repr__(self):
        return ('Traceback(filename={!r}, lineno={!r}, function={!r}, '
                'code_context={!r}, index={!r}, positions={!r})'.format(
                    self.filename, self.lineno, self.function, self.code_context,
                    self.index, self.positions))


class FrameInfo(tuple):
    """(frame, filename, lineno, function, code_context, index) with .positions."""
    _fields = ('frame', 'filename', 'lineno', 'function', 'code_context', 'index')

    def __new__(cls, frame, filename, lineno, function, code_context, index, *, positions=None):
        self = tuple.__new__(cls, (frame, filename, lineno, function, code_context, index))
        self.positions = positions
        return self

    frame = property(lambda self: self[0])
    filename = property(lambda self: self[1])
    lineno = property(lambda self: self[2])
    function = property(lambda self: self[3])
    code_context = property(lambda self: self[4])
    index = property(lambda self: self[5])

    def __repr__(self):
        return ('FrameInfo(frame={!r}, filename={!r}, lineno={!r}, function={!r}, '
                'code_context={!r}, index={!r}, positions={!r})'.format(
                    self.frame, self.filename, self.lineno, self.function,
                    self.code_context, self.index, self.positions))


def _code_position(code, lasti):
    if lasti < 0:
        return (None, None, None, None)
    index = lasti // 2
    for i, pos in enumerate(code.co_positions()):
        if i == index:
            return pos
    return (None, None, None, None)


def getframeinfo(frame, context=1):
    """Traceback(filename, lineno, function, code_context, index) of a frame or traceback."""
    if istraceback(frame):
        positions = _code_position(frame.tb_frame.f_code, frame.tb_lasti)
        lineno = frame.tb_lineno
        frame = frame.tb_frame
    else:
        if not isframe(frame):
            raise TypeError('{!r} is not a frame or traceback object'.format(frame))
        lineno = frame.f_lineno
        positions = _code_position(frame.f_code, frame.f_lasti)
    if positions[0] is None:
        positions = (lineno,) + tuple(positions[1:])
    lineno = positions[0]
    filename = getsourcefile(frame) or getfile(frame)
    if context > 0:
        start = lineno - 1 - context // 2
        try:
            lines, lnum = findsource(frame)
        except OSError:
            lines = index = None
        else:
            start = max(0, min(start, len(lines) - context))
            lines = lines[start:start + context]
            index = lineno - 1 - start
    else:
        lines = index = None
    import dis
    return Traceback(filename, lineno, frame.f_code.co_name, lines, index,
                     positions=dis.Positions(*positions))


def getlineno(frame):
    return frame.f_lineno


def getouterframes(frame, context=1):
    """FrameInfo records for frame and every caller."""
    framelist = []
    while frame:
        info = getframeinfo(frame, context)
        framelist.append(FrameInfo(frame, *info, positions=info.positions))
        frame = frame.f_back
    return framelist


def getinnerframes(tb, context=1):
    """FrameInfo records for a traceback's frames, outermost first."""
    framelist = []
    while tb:
        info = getframeinfo(tb, context)
        framelist.append(FrameInfo(tb.tb_frame, *info, positions=info.positions))
        tb = tb.tb_next
    return framelist


def currentframe():
    """The caller's frame."""
    return sys._getframe(1)


def stack(context=1):
    """FrameInfo records for the caller's stack."""
    return getouterframes(sys._getframe(1), context)


def trace(context=1):
    """FrameInfo records between the current frame and where the exception being
    handled was raised."""
    return getinnerframes(sys.exc_info()[2], context)


GEN_CREATED = 'GEN_CREATED'
GEN_RUNNING = 'GEN_RUNNING'
GEN_SUSPENDED = 'GEN_SUSPENDED'
GEN_CLOSED = 'GEN_CLOSED'


def getgeneratorstate(generator):
    if generator.gi_running:
        return GEN_RUNNING
    if getattr(generator, 'gi_suspended', False):
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


CORO_CREATED = 'CORO_CREATED'
CORO_RUNNING = 'CORO_RUNNING'
CORO_SUSPENDED = 'CORO_SUSPENDED'
CORO_CLOSED = 'CORO_CLOSED'


def getcoroutinestate(coroutine):
    if coroutine.cr_running:
        return CORO_RUNNING
    if getattr(coroutine, 'cr_suspended', False):
        return CORO_SUSPENDED
    if coroutine.cr_frame is None:
        return CORO_CLOSED
    return CORO_CREATED


def unwrap(func, *, stop=None):
    """Follow __wrapped__ links from func to the innermost function."""
    f = func
    memo = {id(f): f}
    limit = sys.getrecursionlimit()
    while not isinstance(func, type) and hasattr(func, '__wrapped__'):
        if stop is not None and stop(func):
            break
        func = func.__wrapped__
        id_func = id(func)
        if id_func in memo or len(memo) >= limit:
            raise ValueError('wrapper loop when unwrapping {!r}'.format(f))
        memo[id_func] = func
    return func


def get_annotations(obj, *, globals=None, locals=None, eval_str=False):
    if isinstance(obj, type):
        ann = obj.__dict__.get('__annotations__', None)
    elif ismodule(obj) or callable(obj):
        ann = getattr(obj, '__annotations__', None)
    else:
        raise TypeError('{!r} is not a module, class, or callable.'.format(obj))
    if ann is None:
        return {}
    if not isinstance(ann, dict):
        raise ValueError('{!r}.__annotations__ is neither a dict nor None'.format(obj))
    return dict(ann)


# ---------------------------------------------------------------------------
# Signatures
# ---------------------------------------------------------------------------

class _empty:
    """Marker object for Signature.empty and Parameter.empty."""


class _void:
    """A private marker."""


class _ParameterKind(int):
    _names = ('POSITIONAL_ONLY', 'POSITIONAL_OR_KEYWORD', 'VAR_POSITIONAL', 'KEYWORD_ONLY',
              'VAR_KEYWORD')
    _descriptions = ('positional-only', 'positional or keyword', 'variadic positional',
                     'keyword-only', 'variadic keyword')

    @property
    def name(self):
        return self._names[int(self)]

    @property
    def value(self):
        return int(self)

    @property
    def description(self):
        return self._descriptions[int(self)]

    def __str__(self):
        return self.name

    def __repr__(self):
        return '<_ParameterKind.%s: %d>' % (self.name, int(self))


_POSITIONAL_ONLY = _ParameterKind(0)
_POSITIONAL_OR_KEYWORD = _ParameterKind(1)
_VAR_POSITIONAL = _ParameterKind(2)
_KEYWORD_ONLY = _ParameterKind(3)
_VAR_KEYWORD = _ParameterKind(4)
for _k in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD, _VAR_POSITIONAL, _KEYWORD_ONLY,
           _VAR_KEYWORD):
    setattr(_ParameterKind, _k.name, _k)
del _k


def formatannotation(annotation, base_module=None):
    if getattr(annotation, '__module__', None) == 'typing':
        return repr(annotation).replace('typing.', '')
    if type(annotation).__name__ == 'GenericAlias':
        return str(annotation)
    if isinstance(annotation, type):
        if annotation.__module__ in ('builtins', base_module):
            return annotation.__qualname__
        return annotation.__module__ + '.' + annotation.__qualname__
    return repr(annotation)


class Parameter:
    """One parameter of a Signature: name, kind, default, annotation."""

    __slots__ = ('_name', '_kind', '_default', '_annotation')

    POSITIONAL_ONLY = _POSITIONAL_ONLY
    POSITIONAL_OR_KEYWORD = _POSITIONAL_OR_KEYWORD
    VAR_POSITIONAL = _VAR_POSITIONAL
    KEYWORD_ONLY = _KEYWORD_ONLY
    VAR_KEYWORD = _VAR_KEYWORD

    empty = _empty

    def __init__(self, name, kind, *, default=_empty, annotation=_empty):
        if kind not in (0, 1, 2, 3, 4):
            raise ValueError('value {!r} is not a valid Parameter.kind'.format(kind))
        self._kind = _ParameterKind(kind)
        if default is not _empty and self._kind in (_VAR_POSITIONAL, _VAR_KEYWORD):
            raise ValueError('{} parameters cannot have default values'.format(
                self._kind.description))
        self._default = default
        self._annotation = annotation
        if name is _empty:
            raise ValueError('name is a required attribute for Parameter')
        if not isinstance(name, str):
            raise TypeError('name must be a str, not a {}'.format(type(name).__name__))
        if name[0] == '.' and name[1:].isdigit():
            if self._kind != _POSITIONAL_OR_KEYWORD:
                raise ValueError('implicit arguments must be passed as positional or keyword '
                                 'arguments, not {}'.format(self._kind.description))
            self._kind = _POSITIONAL_ONLY
            name = 'implicit{}'.format(name[1:])
        import keyword
        if not name.isidentifier() or keyword.iskeyword(name):
            raise ValueError('{!r} is not a valid parameter name'.format(name))
        self._name = name

    name = property(lambda self: self._name)
    default = property(lambda self: self._default)
    annotation = property(lambda self: self._annotation)
    kind = property(lambda self: self._kind)

    def replace(self, *, name=_void, kind=_void, annotation=_void, default=_void):
        return type(self)(self._name if name is _void else name,
                          self._kind if kind is _void else kind,
                          default=self._default if default is _void else default,
                          annotation=self._annotation if annotation is _void else annotation)

    def __str__(self):
        text = self._name
        if self._annotation is not _empty:
            text = '{}: {}'.format(text, formatannotation(self._annotation))
        if self._default is not _empty:
            if self._annotation is not _empty:
                text = '{} = {}'.format(text, repr(self._default))
            else:
                text = '{}={}'.format(text, repr(self._default))
        if self._kind == _VAR_POSITIONAL:
            text = '*' + text
        elif self._kind == _VAR_KEYWORD:
            text = '**' + text
        return text

    def __repr__(self):
        return '<{} "{}">'.format(self.__class__.__name__, self)

    def __hash__(self):
        return hash((self._name, self._kind, self._annotation, self._default))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Parameter):
            return NotImplemented
        return (self._name == other._name and self._kind == other._kind and
                self._default == other._default and self._annotation == other._annotation)


class BoundArguments:
    """The result of Signature.bind: arguments (a dict), args, kwargs."""

    __slots__ = ('arguments', '_signature', '__weakref__')

    def __init__(self, signature, arguments):
        self.arguments = arguments
        self._signature = signature

    signature = property(lambda self: self._signature)

    @property
    def args(self):
        args = []
        for name, param in self._signature.parameters.items():
            if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                break
            try:
                arg = self.arguments[name]
            except KeyError:
                break
            if param.kind == _VAR_POSITIONAL:
                args.extend(arg)
            else:
                args.append(arg)
        return tuple(args)

    @property
    def kwargs(self):
        kwargs = {}
        started = False
        for name, param in self._signature.parameters.items():
            if not started:
                if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                    started = True
                elif name not in self.arguments:
                    started = True
                    continue
            if not started:
                continue
            try:
                arg = self.arguments[name]
            except KeyError:
                pass
            else:
                if param.kind == _VAR_KEYWORD:
                    kwargs.update(arg)
                else:
                    kwargs[name] = arg
        return kwargs

    def apply_defaults(self):
        arguments = self.arguments
        new = []
        for name, param in self._signature.parameters.items():
            if name in arguments:
                new.append((name, arguments[name]))
            elif param.default is not _empty:
                new.append((name, param.default))
            elif param.kind == _VAR_POSITIONAL:
                new.append((name, ()))
            elif param.kind == _VAR_KEYWORD:
                new.append((name, {}))
        self.arguments = dict(new)

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, BoundArguments):
            return NotImplemented
        return self.signature == other.signature and self.arguments == other.arguments

    def __repr__(self):
        args = ['{}={!r}'.format(k, v) for k, v in self.arguments.items()]
        return '<{} ({})>'.format(self.__class__.__name__, ', '.join(args))


class Signature:
    """The call signature of a callable: an ordered mapping of Parameters and a return
    annotation."""

    __slots__ = ('_return_annotation', '_parameters')

    _parameter_cls = Parameter
    _bound_arguments_cls = BoundArguments

    empty = _empty

    def __init__(self, parameters=None, *, return_annotation=_empty, __validate_parameters__=True):
        params = {}
        if parameters is not None:
            if __validate_parameters__:
                top_kind = _POSITIONAL_ONLY
                seen_default = False
                for param in parameters:
                    kind = param.kind
                    name = param.name
                    if kind < top_kind:
                        raise ValueError('wrong parameter order: {} parameter before {} '
                                         'parameter'.format(top_kind.description,
                                                            kind.description))
                    elif kind > top_kind:
                        top_kind = kind
                    if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
                        if param.default is _empty:
                            if seen_default:
                                raise ValueError('non-default argument follows default '
                                                 'argument')
                        else:
                            seen_default = True
                    if name in params:
                        raise ValueError('duplicate parameter name: {!r}'.format(name))
                    params[name] = param
            else:
                for param in parameters:
                    params[param.name] = param
        self._parameters = params
        self._return_annotation = return_annotation

    @classmethod
    def from_callable(cls, obj, *, follow_wrapped=True, globals=None, locals=None,
                      eval_str=False):
        return _signature_from_callable(obj, follow_wrapped, cls)

    @property
    def parameters(self):
        return _MappingView(self._parameters)

    return_annotation = property(lambda self: self._return_annotation)

    def replace(self, *, parameters=_void, return_annotation=_void):
        if parameters is _void:
            parameters = self.parameters.values()
        if return_annotation is _void:
            return_annotation = self._return_annotation
        return type(self)(parameters, return_annotation=return_annotation)

    def __hash__(self):
        return hash((tuple(self._parameters.values()), self._return_annotation))

    def __eq__(self, other):
        if self is other:
            return True
        if not isinstance(other, Signature):
            return NotImplemented
        return (self._return_annotation == other._return_annotation and
                list(self._parameters.items()) == list(other._parameters.items()))

    def _bind(self, args, kwargs, *, partial=False):
        arguments = {}
        parameters = iter(self._parameters.values())
        parameters_ex = ()
        arg_vals = iter(args)
        while True:
            try:
                arg_val = next(arg_vals)
            except StopIteration:
                try:
                    param = next(parameters)
                except StopIteration:
                    break
                else:
                    if param.kind == _VAR_POSITIONAL:
                        break
                    elif param.name in kwargs:
                        if param.kind == _POSITIONAL_ONLY:
                            raise TypeError('{arg!r} parameter is positional only, but was '
                                            'passed as a keyword'.format(arg=param.name))
                        parameters_ex = (param,)
                        break
                    elif (param.kind == _VAR_KEYWORD or param.default is not _empty):
                        parameters_ex = (param,)
                        break
                    else:
                        if partial:
                            parameters_ex = (param,)
                            break
                        raise TypeError('missing a required argument: {arg!r}'.format(
                            arg=param.name)) from None
            else:
                try:
                    param = next(parameters)
                except StopIteration:
                    raise TypeError('too many positional arguments') from None
                else:
                    if param.kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
                        raise TypeError('too many positional arguments') from None
                    if param.kind == _VAR_POSITIONAL:
                        values = [arg_val]
                        values.extend(arg_vals)
                        arguments[param.name] = tuple(values)
                        break
                    if param.name in kwargs and param.kind != _POSITIONAL_ONLY:
                        raise TypeError('multiple values for argument {arg!r}'.format(
                            arg=param.name)) from None
                    arguments[param.name] = arg_val
        kwargs_param = None
        for param in list(parameters_ex) + list(parameters):
            if param.kind == _VAR_KEYWORD:
                kwargs_param = param
                continue
            if param.kind == _VAR_POSITIONAL:
                continue
            name = param.name
            try:
                arg_val = kwargs.pop(name)
            except KeyError:
                if (not partial and param.kind != _VAR_POSITIONAL and
                        param.default is _empty):
                    raise TypeError('missing a required argument: {arg!r}'.format(
                        arg=name)) from None
            else:
                if param.kind == _POSITIONAL_ONLY:
                    raise TypeError('{arg!r} parameter is positional only, but was passed '
                                    'as a keyword'.format(arg=param.name))
                arguments[name] = arg_val
        if kwargs:
            if kwargs_param is not None:
                arguments[kwargs_param.name] = kwargs
            else:
                raise TypeError('got an unexpected keyword argument {arg!r}'.format(
                    arg=next(iter(kwargs))))
        return self._bound_arguments_cls(self, arguments)

    def bind(self, /, *args, **kwargs):
        """BoundArguments for a call with these arguments (TypeError if it would fail)."""
        return self._bind(args, kwargs)

    def bind_partial(self, /, *args, **kwargs):
        return self._bind(args, kwargs, partial=True)

    def __repr__(self):
        return '<{} {}>'.format(self.__class__.__name__, self)

    def __str__(self):
        result = []
        pos_only_pending = False
        kw_only_marker = True
        for param in self._parameters.values():
            text = str(param)
            kind = param.kind
            if kind == _POSITIONAL_ONLY:
                pos_only_pending = True
            elif pos_only_pending:
                result.append('/')
                pos_only_pending = False
            if kind == _VAR_POSITIONAL:
                kw_only_marker = False
            elif kind == _KEYWORD_ONLY and kw_only_marker:
                result.append('*')
                kw_only_marker = False
            result.append(text)
        if pos_only_pending:
            result.append('/')
        rendered = '({})'.format(', '.join(result))
        if self._return_annotation is not _empty:
            rendered += ' -> {}'.format(formatannotation(self._return_annotation))
        return rendered


class _MappingView:
    """A read-only view of the parameters dict (mappingproxy-like)."""
    __slots__ = ('_d',)

    def __init__(self, d):
        self._d = d

    def __getitem__(self, k):
        return self._d[k]

    def __iter__(self):
        return iter(self._d)

    def __len__(self):
        return len(self._d)

    def __contains__(self, k):
        return k in self._d

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, k, default=None):
        return self._d.get(k, default)

    def __eq__(self, other):
        return dict(self._d) == (dict(other._d) if isinstance(other, _MappingView) else other)

    def __repr__(self):
        return 'mappingproxy(%r)' % (self._d,)


def _signature_from_function(cls, func, skip_bound_arg=False):
    code = func.__code__
    pos_count = code.co_argcount
    arg_names = code.co_varnames
    posonly_count = code.co_posonlyargcount
    positional = arg_names[:pos_count]
    keyword_only_count = code.co_kwonlyargcount
    keyword_only = arg_names[pos_count:pos_count + keyword_only_count]
    annotations = getattr(func, '__annotations__', None) or {}
    defaults = func.__defaults__
    kwdefaults = func.__kwdefaults__
    pos_default_count = len(defaults) if defaults else 0
    parameters = []
    non_default_count = pos_count - pos_default_count
    posonly_left = posonly_count
    for i, name in enumerate(positional):
        kind = _POSITIONAL_ONLY if posonly_left > 0 else _POSITIONAL_OR_KEYWORD
        if posonly_left:
            posonly_left -= 1
        default = defaults[i - non_default_count] if i >= non_default_count else _empty
        parameters.append(Parameter(name, kind, default=default,
                                    annotation=annotations.get(name, _empty)))
    index = pos_count + keyword_only_count
    if code.co_flags & CO_VARARGS:
        name = arg_names[index]
        parameters.append(Parameter(name, _VAR_POSITIONAL,
                                    annotation=annotations.get(name, _empty)))
        index += 1
    for name in keyword_only:
        default = kwdefaults.get(name, _empty) if kwdefaults is not None else _empty
        parameters.append(Parameter(name, _KEYWORD_ONLY, default=default,
                                    annotation=annotations.get(name, _empty)))
    if code.co_flags & CO_VARKEYWORDS:
        name = arg_names[index]
        parameters.append(Parameter(name, _VAR_KEYWORD,
                                    annotation=annotations.get(name, _empty)))
    sig = cls(parameters, return_annotation=annotations.get('return', _empty),
              __validate_parameters__=False)
    if skip_bound_arg:
        return _drop_first(sig)
    return sig


def _drop_first(sig):
    params = list(sig.parameters.values())
    if not params or params[0].kind in (_VAR_KEYWORD, _KEYWORD_ONLY):
        raise ValueError('invalid method signature')
    if params[0].kind != _VAR_POSITIONAL:
        params = params[1:]
    return sig.replace(parameters=params)


def _signature_from_callable(obj, follow_wrapped=True, sigcls=Signature, skip_bound_arg=True):
    if not callable(obj):
        raise TypeError('{!r} is not a callable object'.format(obj))
    if ismethod(obj):
        sig = _signature_from_callable(obj.__func__, follow_wrapped, sigcls, skip_bound_arg)
        return _drop_first(sig) if skip_bound_arg else sig
    if follow_wrapped:
        obj = unwrap(obj, stop=lambda f: hasattr(f, '__signature__'))
        if ismethod(obj):
            return _signature_from_callable(obj, follow_wrapped, sigcls, skip_bound_arg)
    try:
        sig = obj.__signature__
    except AttributeError:
        pass
    else:
        if sig is not None:
            if not isinstance(sig, Signature):
                raise TypeError('unexpected object {!r} in __signature__ attribute'.format(sig))
            return sig
    if isfunction(obj):
        return _signature_from_function(sigcls, obj)
    if hasattr(obj, 'func') and hasattr(obj, 'args') and hasattr(obj, 'keywords'):
        wrapped = _signature_from_callable(obj.func, follow_wrapped, sigcls, skip_bound_arg)
        params = list(wrapped.parameters.values())
        n = len(obj.args)
        positional = [p for p in params if p.kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD)]
        if n > len(positional) and not any(p.kind == _VAR_POSITIONAL for p in params):
            raise ValueError('partial object {!r} has incorrect arguments'.format(obj))
        drop = set([p.name for p in positional[:n]])
        new = []
        for p in params:
            if p.name in drop:
                continue
            if p.name in (obj.keywords or {}):
                if p.kind == _POSITIONAL_ONLY:
                    raise ValueError('partial object {!r} has incorrect arguments'.format(obj))
                p = p.replace(default=obj.keywords[p.name], kind=_KEYWORD_ONLY
                              if p.kind == _POSITIONAL_OR_KEYWORD else p.kind)
            new.append(p)
        new.sort(key=lambda p: p.kind)
        return wrapped.replace(parameters=new)
    if isinstance(obj, type):
        for meta in type(obj).__mro__:
            if meta is type or meta is object:
                break
            if '__call__' in meta.__dict__:
                return _signature_from_callable(meta.__dict__['__call__'].__get__(obj),
                                                follow_wrapped, sigcls)
        for base in obj.__mro__:
            if base is object:
                break
            if '__new__' in base.__dict__:
                new = base.__dict__['__new__']
                if isinstance(new, staticmethod):
                    new = new.__func__
                if isfunction(new):
                    return _drop_first(_signature_from_function(sigcls, new))
            if '__init__' in base.__dict__:
                init = base.__dict__['__init__']
                if isfunction(init):
                    return _drop_first(_signature_from_function(sigcls, init))
                break
        if obj.__init__ is object.__init__ and obj.__new__ is object.__new__:
            return sigcls()
        raise ValueError('no signature found for builtin type {!r}'.format(obj))
    if isbuiltin(obj) or ismethoddescriptor(obj) or ismethodwrapper(obj):
        raise ValueError('no signature found for builtin {!r}'.format(obj))
    call = None
    for base in type(obj).__mro__:
        if '__call__' in base.__dict__:
            call = base.__dict__['__call__']
            break
    if call is not None and isfunction(call):
        return _drop_first(_signature_from_function(sigcls, call))
    raise ValueError('callable {!r} is not supported by signature'.format(obj))


def signature(obj, *, follow_wrapped=True, globals=None, locals=None, eval_str=False):
    """The Signature of a callable."""
    return Signature.from_callable(obj, follow_wrapped=follow_wrapped)


class FullArgSpec(tuple):
    _fields = ('args', 'varargs', 'varkw', 'defaults', 'kwonlyargs', 'kwonlydefaults',
               'annotations')

    def __new__(cls, args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations):
        return tuple.__new__(cls, (args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults,
                                   annotations))

    def __repr__(self):
        return 'FullArgSpec(' + ', '.join(
            ['%s=%r' % (f, v) for f, v in zip(self._fields, self)]) + ')'


for _i, _f in enumerate(FullArgSpec._fields):
    setattr(FullArgSpec, _f, property(lambda self, _i=_i: self[_i]))
del _i, _f


def getfullargspec(func):
    """FullArgSpec(args, varargs, varkw, defaults, kwonlyargs, kwonlydefaults, annotations)."""
    try:
        sig = _signature_from_callable(func, follow_wrapped=False, skip_bound_arg=False)
    except Exception as ex:
        raise TypeError('unsupported callable') from ex
    args, kwonlyargs, annotations, kwdefaults = [], [], {}, {}
    varargs = varkw = None
    defaults = ()
    if sig.return_annotation is not _empty:
        annotations['return'] = sig.return_annotation
    for param in sig.parameters.values():
        kind = param.kind
        name = param.name
        if kind in (_POSITIONAL_ONLY, _POSITIONAL_OR_KEYWORD):
            args.append(name)
            if param.default is not _empty:
                defaults += (param.default,)
        elif kind == _VAR_POSITIONAL:
            varargs = name
        elif kind == _KEYWORD_ONLY:
            kwonlyargs.append(name)
            if param.default is not _empty:
                kwdefaults[name] = param.default
        elif kind == _VAR_KEYWORD:
            varkw = name
        if param.annotation is not _empty:
            annotations[name] = param.annotation
    return FullArgSpec(args, varargs, varkw, defaults or None, kwonlyargs, kwdefaults or None,
                       annotations)
