"""opcode - Krait's bytecode instruction table, for dis and other tools.

Everything here is read from the interpreter's one opcode table (kr_opcodes.def) via
the _opcode module, so it always describes the instructions Krait actually runs."""

import _opcode
from _opcode import stack_effect

__all__ = ["cmp_op", "hasarg", "hasconst", "hasname", "hasjrel", "hasjabs",
           "haslocal", "hascompare", "hasfree", "hasexc", "opname", "opmap",
           "HAVE_ARGUMENT", "EXTENDED_ARG", "stack_effect"]

opname = list(_opcode.opnames)
opmap = {}
for _op, _name in enumerate(opname):
    if not _name.startswith('<'):
        opmap[_name] = _op

cmp_op = tuple(_opcode.cmp_op)

_flags = list(_opcode.flags)
_inline_cache_entries = list(_opcode.cache_entries)


def _with_flag(flag):
    return [op for op in range(256) if not opname[op].startswith('<') and _flags[op] & flag]


hasarg = _with_flag(_opcode.OPF_ARG)
hasconst = _with_flag(_opcode.OPF_CONST)
hasname = _with_flag(_opcode.OPF_NAME)
hasjrel = _with_flag(_opcode.OPF_JUMP)
hasjabs = []
haslocal = [op for op in _with_flag(_opcode.OPF_LOCAL)]
hasfree = _with_flag(_opcode.OPF_FREE)
hascompare = _with_flag(_opcode.OPF_COMPARE)
hasnofallthrough = _with_flag(_opcode.OPF_NOFALLTHROUGH)
hasexc = []

# Krait does not order opcodes by "has an argument"; this is the lowest opcode
# that takes one. Use `op in hasarg` to test an opcode.
HAVE_ARGUMENT = min(hasarg) if hasarg else 0
EXTENDED_ARG = opmap['EXTENDED_ARG']

_nb_op_names = ["NB_ADD", "NB_AND", "NB_FLOOR_DIVIDE", "NB_LSHIFT", "NB_MATRIX_MULTIPLY",
                "NB_MULTIPLY", "NB_REMAINDER", "NB_OR", "NB_POWER", "NB_RSHIFT",
                "NB_SUBTRACT", "NB_TRUE_DIVIDE", "NB_XOR"]
_nb_ops = [(n, s) for n, s in zip(_nb_op_names, _opcode.nb_ops[:13])]
_nb_ops += [("NB_INPLACE_" + n[3:], s) for n, s in zip(_nb_op_names, _opcode.nb_ops[13:])]

_intrinsic_1_descs = list(_opcode.intrinsic1_descs)
_intrinsic_2_descs = list(_opcode.intrinsic2_descs)

del _op, _name
