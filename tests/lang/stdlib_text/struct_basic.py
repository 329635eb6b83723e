import struct

tests = [('b', 200), ('B', -1), ('h', 70000), ('H', -1), ('i', 2**31), ('I', -1), ('l', 2**63),
         ('L', -1), ('q', 2**63), ('Q', -1), ('n', 2**63), ('N', -1), ('<i', 2**31), ('<I', 2**32),
         ('>h', 2**15), ('<H', 2**16), ('c', b'ab'), ('c', 1), ('i', 'x'), ('f', 'x'), ('e', 1e10),
         ('<b', 128), ('<B', 256), ('<q', 2**64), ('<Q', -1), ('?', []), ('s', 1), ('<f', 1e300),
         ('I', 2**32), ('<Q', 2**64 - 1), ('Q', 2**64), ('<q', -2**63), ('<l', 2**31), ('<I', -1), ('<L', -1), ('<L', 2**32), ('>H', -1), ('>H', 2**16), ('>I', 2**32), ('<h', -2**15 - 1), ('>b', 300)]
for f, v in tests:
    try:
        print(f, struct.pack(f, v))
    except (struct.error, OverflowError) as e:
        print(f, type(e).__name__, e)
for args in [('ii', 1), ('i', 1, 2), ('z',), ('3',), ('<n', 1), ('=P', 1)]:
    try:
        print(struct.pack(*args))
    except struct.error as e:
        print(args, type(e).__name__, e)
for f, b in [('i', b'abc'), ('<h', b'abcd'), ('<h', bytearray(b'ab'))]:
    try:
        print(struct.unpack(f, b))
    except struct.error as e:
        print(f, type(e).__name__, e)
for off in [4, -1, -9, 2, -4]:
    try:
        print(struct.unpack_from('<i', b'abcdef', off))
    except struct.error as e:
        print(e)
print(struct.unpack_from('<h', b'\x01\x02\x03\x04', offset=2))
for off in [2, -8, -2, 0, -4]:
    ba = bytearray(4)
    try:
        struct.pack_into('<i', ba, off, 0x01020304)
        print(ba)
    except struct.error as e:
        print(e)
for f, b in [('<h', b'abc'), ('', b'abc')]:
    try:
        print(list(struct.iter_unpack(f, b)))
    except struct.error as e:
        print(e)
print(list(struct.iter_unpack('<hb', b'\x01\x00\x02\x03\x00\x04')))
s = struct.Struct('<ih')
print(s.format, s.size, struct.Struct(b'>q').format, s.pack(1, 2), s.unpack(b'\x01\x00\x00\x00\x02\x00'))
print(struct.calcsize('@bhiq'), struct.calcsize('bhiq'), struct.calcsize('=bhiq'), struct.calcsize('@ci'),
      struct.calcsize('@ic'), struct.calcsize('@3s2xi0q'), struct.calcsize('P'), struct.calcsize('e?'),
      struct.calcsize('<5s3p2x'), struct.calcsize(' i  h '), struct.calcsize('0i'))
print(struct.pack('?', []), struct.pack('i', True), struct.unpack('<e', b'\x00<'), struct.pack('<d', 1.5),
      struct.pack('5p', b'abcdefg'), struct.pack('3s', b'a'), struct.unpack('3p', b'\x05ab'))
print(struct.pack('>bBhHiIqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**64 - 1))
print(struct.unpack('>bBhHiIqQ', struct.pack('>bBhHiIqQ', -1, 255, -2, 65535, -3, 2**32 - 1, -4, 2**64 - 1)))
print(struct.pack('<bhiq', 1, 2, 3, 4), struct.pack('@bhiq', 1, 2, 3, 4), struct.pack('!I', 1))
for x in [0.0, -0.0, 1.0, 0.5, 65504.0, 1e-7, 6e-8, 2.5e-8, 1.0009765625, 1.00048828125, 1.00146484375, -2.5,
          float('inf'), 3.14159]:
    b = struct.pack('<e', x)
    print(x, b, struct.unpack('<e', b), struct.unpack('>e', struct.pack('>e', x)))
print(struct.unpack('<e', struct.pack('<e', float('nan')))[0] != 0.0)
for x in [1.5, -0.1, 3.4e38, 1e-45]:
    print(struct.unpack('<f', struct.pack('<f', x)), struct.unpack('>d', struct.pack('>d', x)))
print(struct.unpack('<?c3s', b'\x02x\x00yz'), struct.pack('c', b'z'))

class I:
    def __index__(self):
        return 7

print(struct.pack('<i', I()), struct.pack('<d', 3), struct.pack('<f', I()))
for v in [1.0, '1']:
    try:
        struct.pack('<i', v)
    except struct.error as e:
        print(type(e).__name__, e)
try:
    struct.pack('<d', '1')
except struct.error as e:
    print(type(e).__name__, e)
print(struct.error.__name__, struct.error.__module__, issubclass(struct.error, Exception))
try:
    struct.unpack('<i', 'abcd')
except TypeError as e:
    print('TypeError', e)
print(len(struct.pack('@?xhxxi3s', True, 2, 3, b'abc')), struct.unpack('@?xhxxi3s', struct.pack('@?xhxxi3s', True, 2, 3, b'abc')))
