"""Names for the types of the interpreter's built-in objects, and helpers for
creating classes dynamically (new_class, prepare_class, resolve_bases)."""

import sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)
MappingProxyType = type(type.__dict__)
SimpleNamespace = type(sys.implementation)


def _cell_factory():
    a = 1

    def f():
        nonlocal a
    return f.__closure__[0]


CellType = type(_cell_factory())


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_c = _c()
CoroutineType = type(_c)
_c.close()


async def _ag():
    yield


_ag = _ag()
AsyncGeneratorType = type(_ag)


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)

BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)

WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])

ModuleType = type(sys)

try:
    raise TypeError
except TypeError as _exc:
    TracebackType = type(_exc.__traceback__)
    FrameType = type(_exc.__traceback__.tb_frame)

GetSetDescriptorType = type(FunctionType.__code__)


class _Slotted:
    __slots__ = ('_x',)


MemberDescriptorType = type(_Slotted.__dict__['_x'])

NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
UnionType = type(int | str)

del sys, _f, _g, _C, _c, _ag, _Slotted, _cell_factory
try:
    del _exc
except NameError:
    pass


# ---------------------------------------------------------------------------
# GenericAlias (PEP 585): list[int], dict[str, int], ...
# ---------------------------------------------------------------------------

# Attributes a GenericAlias answers itself; every other one comes from __origin__.
_GA_OWN = frozenset({
    '__class__', '__origin__', '__args__', '__unpacked__', '__parameters__',
    '__typing_unpacked_tuple_args__', '__mro_entries__', '__reduce_ex__',
    '__reduce__', '__copy__', '__deepcopy__',
})


def _ga_item_repr(p):
    if p is Ellipsis:
        return '...'
    if isinstance(p, GenericAlias):
        return repr(p)
    try:
        if hasattr(p, '__origin__') and hasattr(p, '__args__'):
            return repr(p)
        qualname = p.__qualname__
        module = p.__module__
    except AttributeError:
        return repr(p)
    if not isinstance(qualname, str) or not isinstance(module, str):
        return repr(p)
    if module == 'builtins':
        return qualname
    return f'{module}.{qualname}'


def _ga_params(args):
    params = []
    for a in args:
        if isinstance(a, type):
            continue
        if hasattr(a, '__typing_subst__'):
            if a not in params:
                params.append(a)
        else:
            for p in getattr(a, '__parameters__', ()) or ():
                if p not in params:
                    params.append(p)
    return tuple(params)


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""

    def __new__(cls, origin, args, /):
        self = object.__new__(cls)
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, '__origin__', origin)
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', _ga_params(args))
        object.__setattr__(self, '__unpacked__', False)
        return self

    def __getattribute__(self, name):
        if name in _GA_OWN or (name.startswith('_ga_')):
            return object.__getattribute__(self, name)
        return getattr(object.__getattribute__(self, '__origin__'), name)

    def __setattr__(self, name, value):
        if name in ('__origin__', '__args__', '__parameters__', '__unpacked__'):
            raise AttributeError('readonly attribute')
        setattr(self.__origin__, name, value)

    def __repr__(self):
        args = self.__args__
        if not args:
            body = '()'
        else:
            parts = []
            for a in args:
                if isinstance(a, list):
                    parts.append('[' + ', '.join(_ga_item_repr(x) for x in a) + ']')
                else:
                    parts.append(_ga_item_repr(a))
            body = ', '.join(parts)
        prefix = '*' if self.__unpacked__ else ''
        return f'{prefix}{_ga_item_repr(self.__origin__)}[{body}]'

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return (self.__origin__ == other.__origin__ and self.__args__ == other.__args__
                and self.__unpacked__ == other.__unpacked__)

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        # type.__ror__ builds a types.UnionType (GenericAlias members included)
        if other is None:
            return type.__ror__(NoneType, self)
        if isinstance(other, type) and not isinstance(other, GenericAlias):
            return type.__ror__(other, self)
        if isinstance(other, (GenericAlias, UnionType)):
            import typing
            return typing.Union[self, other]
        return NotImplemented

    def __ror__(self, other):
        if other is None:
            return type.__or__(NoneType, self)
        if isinstance(other, type) and not isinstance(other, GenericAlias):
            return type.__or__(other, self)
        if isinstance(other, (GenericAlias, UnionType)):
            import typing
            return typing.Union[other, self]
        return NotImplemented

    def __instancecheck__(self, obj):
        raise TypeError('isinstance() argument 2 cannot be a parameterized generic')

    def __subclasscheck__(self, cls):
        raise TypeError('issubclass() argument 2 cannot be a parameterized generic')

    def __getitem__(self, items):
        params = self.__parameters__
        if not params:
            raise TypeError(f'{self!r} is not a generic class')
        if not isinstance(items, tuple):
            items = (items,)
        if len(items) != len(params):
            raise TypeError(f"Too {'many' if len(items) > len(params) else 'few'} "
                            f"arguments for {self!r}; actual {len(items)}, "
                            f"expected {len(params)}")
        subst = dict(zip(params, items))
        new_args = []
        for a in self.__args__:
            if a in subst:
                new_args.append(subst[a])
            elif getattr(a, '__parameters__', None):
                sub = tuple(subst[p] for p in a.__parameters__)
                new_args.append(a[sub if len(sub) != 1 else sub[0]])
            else:
                new_args.append(a)
        return GenericAlias(self.__origin__, tuple(new_args))

    def __reduce__(self):
        return GenericAlias, (self.__origin__, self.__args__)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return sorted(set(dir(self.__origin__)) | set(_GA_OWN))

    def __iter__(self):
        alias = GenericAlias(self.__origin__, self.__args__)
        object.__setattr__(alias, '__unpacked__', True)
        yield alias


GenericAlias.__module__ = 'types'


# ---------------------------------------------------------------------------
# Dynamic class creation
# ---------------------------------------------------------------------------

def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = list(bases)
    updated = False
    shift = 0
    for i, base in enumerate(bases):
        if isinstance(base, type):
            continue
        if not hasattr(base, '__mro_entries__'):
            continue
        new_base = base.__mro_entries__(bases)
        updated = True
        if not isinstance(new_base, tuple):
            raise TypeError('__mro_entries__ must return a tuple')
        new_bases[i + shift:i + shift + 1] = new_base
        shift += len(new_base) - 1
    if not updated:
        return bases
    return tuple(new_bases)


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError('metaclass conflict: the metaclass of a derived class must be a '
                        '(non-strict) subclass of the metaclasses of all its bases')
    return winner


def prepare_class(name, bases=(), kwds=None):
    """Call the __prepare__ method of the appropriate metaclass.

    Returns (metaclass, namespace, kwds) as a 3-tuple."""
    if kwds is None:
        kwds = {}
    else:
        kwds = dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved_bases = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved_bases, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved_bases is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved_bases, ns, **kwds)


def get_original_bases(cls, /):
    """Return the class's "original" bases prior to modification by __mro_entries__."""
    try:
        return cls.__dict__.get('__orig_bases__', cls.__bases__)
    except AttributeError:
        raise TypeError(f'Expected an instance of type, not {type(cls).__name__!r}') from None


class DynamicClassAttribute:
    """Route attribute access on a class to __getattr__.

    Behaves like a property on instances; on the class it raises AttributeError so
    that the metaclass's __getattr__ is consulted."""

    def __init__(self, fget=None, fset=None, fdel=None, doc=None):
        self.fget = fget
        self.fset = fset
        self.fdel = fdel
        self.__doc__ = doc or fget.__doc__
        self.overwrite_doc = doc is None
        self.__isabstractmethod__ = bool(getattr(fget, '__isabstractmethod__', False))

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if self.__isabstractmethod__:
                return self
            raise AttributeError()
        elif self.fget is None:
            raise AttributeError("unreadable attribute")
        return self.fget(instance)

    def __set__(self, instance, value):
        if self.fset is None:
            raise AttributeError("can't set attribute")
        self.fset(instance, value)

    def __delete__(self, instance):
        if self.fdel is None:
            raise AttributeError("can't delete attribute")
        self.fdel(instance)

    def getter(self, fget):
        fdoc = fget.__doc__ if self.overwrite_doc else None
        result = type(self)(fget, self.fset, self.fdel, fdoc or self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def setter(self, fset):
        result = type(self)(self.fget, fset, self.fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result

    def deleter(self, fdel):
        result = type(self)(self.fget, self.fset, fdel, self.__doc__)
        result.overwrite_doc = self.overwrite_doc
        return result


class _GeneratorWrapper:
    # Lets a plain generator be awaited when produced by a @coroutine function.
    def __init__(self, gen):
        self.__wrapped = gen
        self.__isgen = gen.__class__ is GeneratorType
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, tp, *rest):
        return self.__wrapped.throw(tp, *rest)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_frame(self):
        return self.__wrapped.gi_frame

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    @property
    def gi_yieldfrom(self):
        return self.__wrapped.gi_yieldfrom

    cr_code = gi_code
    cr_frame = gi_frame
    cr_running = gi_running
    cr_await = gi_yieldfrom

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        if self.__isgen:
            return self.__wrapped
        return self

    __await__ = __iter__


def coroutine(func):
    """Convert regular generator function to a coroutine."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')
    if func.__class__ is FunctionType and getattr(func, '__code__', None).__class__ is CodeType:
        co_flags = func.__code__.co_flags
        # already a coroutine function (0x180 = CO_COROUTINE | CO_ITERABLE_COROUTINE)
        if co_flags & 0x180:
            return func
        if co_flags & 0x20:  # CO_GENERATOR
            try:
                func.__code__ = func.__code__.replace(co_flags=co_flags | 0x100)
                return func
            except (AttributeError, TypeError, ValueError):
                pass

    import functools

    @functools.wraps(func)
    def wrapped(*args, **kwargs):
        coro = func(*args, **kwargs)
        if coro.__class__ is CoroutineType or (
                coro.__class__ is GeneratorType and coro.gi_code.co_flags & 0x100):
            return coro
        if coro.__class__ is GeneratorType or (
                hasattr(coro, '__next__') and hasattr(coro, 'send')
                and not hasattr(coro, '__await__')):
            return _GeneratorWrapper(coro)
        return coro

    return wrapped


__all__ = [n for n in globals() if n[:1] != '_']
