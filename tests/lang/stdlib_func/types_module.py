# oracle: python3.12
# types: the built-in types by name, SimpleNamespace, new_class and friends
import types
import sys


def gen():
    yield 1


class K:
    def m(self):
        pass


print(types.FunctionType, types.MethodType, types.NoneType, types.GeneratorType, types.CodeType)
print(types.BuiltinFunctionType, types.ModuleType, types.MappingProxyType, types.SimpleNamespace)
print(type(gen()) is types.GeneratorType, type(K().m) is types.MethodType, type(len) is types.BuiltinFunctionType)
print(type(sys) is types.ModuleType, type(gen.__code__) is types.CodeType, types.LambdaType is types.FunctionType)
print(types.EllipsisType, types.NotImplementedType, types.UnionType, type(int | str) is types.UnionType)
print(isinstance(K.__dict__, types.MappingProxyType), types.CellType.__name__, types.TracebackType.__name__, types.FrameType.__name__)
m = types.ModuleType('mymod', 'the doc')
print(m.__name__, m.__doc__)
C = types.new_class('C', (object,), {}, lambda ns: ns.update(x=1))
print(C, C.x, C.__name__)
print(types.prepare_class('D'), types.resolve_bases((int,)))


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        return {'prepared': True}


D = types.new_class('D', (), {'metaclass': Meta})
print(type(D).__name__, D.prepared)
ns = types.SimpleNamespace(x=1, y=2)
ns.z = 3
print(ns, ns == types.SimpleNamespace(x=1, y=2, z=3), ns.z)
print(types.MappingProxyType({'a': 1}), types.MappingProxyType({'a': 1})['a'])
try:
    types.MappingProxyType({})['x'] = 1
except TypeError as e:
    print('TypeError', e)


class E:
    @types.DynamicClassAttribute
    def v(self):
        return 5


print(E().v)


class Entry:
    def __mro_entries__(self, bases):
        return (dict,)


print(types.resolve_bases((Entry(), int)))
Z = types.new_class('Z', (Entry(),))
print(Z.__bases__, Z.__orig_bases__[0].__class__.__name__, types.get_original_bases(Z)[0].__class__.__name__)


@types.coroutine
def co():
    yield 'x'


print(list(co()))
