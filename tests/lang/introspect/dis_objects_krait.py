# dis.dis on the kinds of objects it accepts: methods, classes, generators, code,
# source strings, nested code (addresses masked); Bytecode and Instruction fields.
import dis, io

def mask(text):
    out = []
    for line in text.split('\n'):
        i = line.find(' at 0x')
        if i >= 0:
            j = line.find(',', i)
            line = line[:i] + ' at ADDR' + line[j:]
        out.append(line)
    return '\n'.join(out)

def show(x, **kw):
    buf = io.StringIO()
    dis.dis(x, file=buf, **kw)
    print(mask(buf.getvalue()), end='')

def gen(n):
    for i in range(n):
        yield i
def outer():
    def inner(q):
        return q
    return inner
class C:
    def meth(self, v):
        return v.attr
    @staticmethod
    def st():
        return 1
show(gen)
show(gen(3))
show(C().meth)
show(outer)
show(outer, depth=0)
show(outer.__code__)
show("a.b = [1, 2]")
try:
    dis.dis(42)
except TypeError as e:
    print(e)
bc = dis.Bytecode(C.st)
print(repr(bc).split(' at 0x')[0], [i.opname for i in bc])
print(mask(bc.info()))
print(dis.pretty_flags(gen.__code__.co_flags))
i = next(iter(dis.get_instructions(gen)))
print(i._disassemble(), '|', i._disassemble(mark_as_current=True))
