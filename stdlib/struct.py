"""struct - interpret bytes as packed binary data (the C implementation is _struct)."""

__all__ = [
    'calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack',
    'Struct', 'error',
]

from _struct import *
from _struct import _clearcache
