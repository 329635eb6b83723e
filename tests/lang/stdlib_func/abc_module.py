# abc: ABC, ABCMeta.register, __subclasshook__, abstract methods
from abc import ABC, ABCMeta, abstractmethod, get_cache_token, update_abstractmethods


class Base(ABC):
    @abstractmethod
    def run(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    @classmethod
    @abstractmethod
    def make(cls):
        ...


print(sorted(Base.__abstractmethods__))


class Impl(Base):
    def run(self):
        return 'ran'

    name = 'impl'

    @classmethod
    def make(cls):
        return cls()


print(Impl().run(), isinstance(Impl(), Base), Impl.make().name, Impl.__abstractmethods__)


class Half(Base):
    def run(self):
        pass


print(sorted(Half.__abstractmethods__))
for cls in Base, Half:
    try:
        cls()
    except TypeError:
        print('cannot instantiate', cls.__name__)


class Reg(ABC):
    pass


tok = get_cache_token()
Reg.register(int)
print(get_cache_token() != tok, isinstance(1, Reg), issubclass(bool, Reg), isinstance('x', Reg), issubclass(int, Reg))


@Reg.register
class Other:
    pass


print(issubclass(Other, Reg), Other.__name__, Reg.register(Other) is Other)


class Hook(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if hasattr(C, 'quack'):
            return True
        return NotImplemented


class Duck:
    def quack(self):
        pass


print(isinstance(Duck(), Hook), isinstance(1, Hook), issubclass(Duck, Hook))
try:
    Reg.register(5)
except TypeError as e:
    print(e)
try:
    issubclass(5, Reg)
except TypeError as e:
    print(e)


class Late(ABC):
    @abstractmethod
    def f(self):
        pass


class LateImpl(Late):
    pass


LateImpl.f = lambda self: 1
update_abstractmethods(LateImpl)
print(LateImpl().f(), type(Base).__name__, Reg.__mro__[-2].__name__)


class Sub(Reg):
    pass


print(issubclass(Sub, Reg), issubclass(int, Sub), isinstance(Sub(), Reg))
