import struct

Record = struct.Struct('<I8sdh?')
rows = [(1, b'alpha', 1.5, -3, True), (2, b'beta-longer-name', -0.25, 1000, False), (3, b'', 3e10, 0, True)]
blob = b''.join(Record.pack(*r) for r in rows)
print(Record.size, len(blob), blob[:20])
for rec in Record.iter_unpack(blob):
    print(rec)
print(Record.unpack_from(blob, Record.size))
buf = bytearray(Record.size * 2)
Record.pack_into(buf, Record.size, 9, b'nine', 9.9, 9, True)
print(buf, Record.unpack_from(buf, offset=Record.size))
header = struct.pack('>4sHHI', b'KRAT', 1, 2, 0xDEADBEEF)
print(header, struct.unpack('>4sHHI', header), struct.unpack('<4sHHI', header))
print(struct.pack('>q', -2), struct.pack('<Q', 2**64 - 1), struct.unpack('<qQ', b'\xff' * 16))
print(struct.pack('!hhl', 1, 2, 3), struct.calcsize('!hhl'), struct.calcsize('hhl'), struct.calcsize('@hhl'))
print([struct.calcsize(c) for c in 'xcbB?hHiIlLqQnNefdsP'])
print([struct.calcsize('<' + c) for c in 'xcbB?hHiIlLqQefds'])
print(struct.pack('@bi', 1, 2), struct.pack('=bi', 1, 2), struct.pack('@ib', 1, 2), struct.pack('@bq', 1, 2))
s = struct.Struct('3i')
print(s.pack(1, 2, 3), s.unpack(s.pack(-1, 0, 1)), s.format, s.size)
print(struct.pack('4x'), struct.unpack('2xh', b'\x00\x00\x05\x00'), struct.pack('0s'), struct.unpack('0s', b''))
print(struct.pack('<2h3s', 1, 2, b'abcdef'), struct.pack('<?', 5), struct.unpack('<??', b'\x00\x07'))
