# dis on Krait's own instruction set (expected output written from Krait, checked
# against `krait -X dis`): layout of CPython's dis, Krait's opcodes and offsets.
import dis

def add(a, b=1):
    c = a + b
    if c > 10:
        return c
    return -c

dis.dis(add)
print(dis.code_info(add))
ins = list(dis.get_instructions(add))
print(ins[0].opname, ins[0].offset, ins[0].starts_line, ins[0].arg)
for i in ins:
    if i.opname in ("LOAD_FAST", "BINARY_OP", "COMPARE_OP", "POP_JUMP_IF_FALSE"):
        print(i.opname, i.arg, repr(i.argval), repr(i.argrepr), i.offset, i.is_jump_target)
print(ins[1].positions)
print([i.offset for i in ins if i.is_jump_target])
print(dis.Bytecode(add).dis() == ''.join(line + '\n' for line in []) or 'ok')

class K:
    def m(self):
        return self.x
dis.dis(K)
dis.dis("x = y * 2")
print(list(dis.findlinestarts(add.__code__)))
