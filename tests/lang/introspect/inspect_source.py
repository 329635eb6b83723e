# inspect: getsource / getsourcelines / findsource / getfile / getmodule / getcomments
import inspect, sys

# A comment about helper
def helper(x,
           y=2):
    """Helper."""
    if x:
        return [x,
    y]
    return None

class Outer:
    class Inner:
        def meth(self):
            return 1
    @staticmethod
    def st():
        pass

lam = lambda v: v + 1

print(inspect.getsource(helper), end='')
print(inspect.getsourcelines(helper)[1])
print(inspect.getsource(Outer.Inner), end='')
print(inspect.getsource(Outer.Inner.meth), end='')
print(inspect.getsource(lam), end='')
print(inspect.getcomments(helper), end='')
print(inspect.getfile(helper), inspect.getsourcefile(Outer), inspect.getmodule(Outer) is sys.modules['__main__'])
lines, n = inspect.findsource(Outer)
print(n, lines[n], end='')
for bad in (len, 1, sys):
    try:
        inspect.getfile(bad)
    except TypeError as e:
        print('TypeError', str(e).split(' at 0x')[0])
print(inspect.getdoc(Outer.st), inspect.getdoc(helper))
class Base:
    def m(self):
        """Base doc."""
class Sub(Base):
    def m(self):
        pass
print(inspect.getdoc(Sub.m), inspect.getdoc(Sub().m))
print(inspect.indentsize('    x'), inspect.indentsize('\tx'))
