# The opcode table as Python sees it (opcode / dis), read from Krait's kr_opcodes.def
import opcode, dis

print(opcode.opname[0], opcode.opmap['NOP'] == opcode.opname.index('NOP'))
for name in ('LOAD_CONST', 'LOAD_FAST', 'STORE_NAME', 'JUMP_FORWARD', 'COMPARE_OP',
             'LOAD_DEREF', 'RETURN_VALUE', 'BINARY_OP'):
    op = opcode.opmap[name]
    print(name, op in opcode.hasarg, op in opcode.hasconst, op in opcode.hasname,
          op in opcode.hasjrel, op in opcode.haslocal, op in opcode.hasfree,
          op in opcode.hascompare, opcode._inline_cache_entries[op])
print(dis.stack_effect(opcode.opmap['LOAD_CONST'], 0), dis.stack_effect(opcode.opmap['POP_TOP']))
print(dis.stack_effect(opcode.opmap['BUILD_LIST'], 3), dis.stack_effect(opcode.opmap['FOR_ITER'], 1),
      dis.stack_effect(opcode.opmap['FOR_ITER'], 1, jump=True), dis.stack_effect(opcode.opmap['FOR_ITER'], 1, jump=False))
for args in [(opcode.opmap['POP_TOP'], 1), (opcode.opmap['LOAD_CONST'],), (255,)]:
    try:
        dis.stack_effect(*args)
    except ValueError as e:
        print('ValueError', e)
print(opcode.cmp_op, opcode._nb_ops[0], opcode._nb_ops[13], len(opcode._nb_ops))
print(opcode.EXTENDED_ARG == opcode.opmap['EXTENDED_ARG'], len(opcode.opname))
print(all(opcode.opname[v] == k for k, v in opcode.opmap.items()))
