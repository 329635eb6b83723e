import binascii as b
import base64

for d in [b'abc', b'YWJj', b'YWJ', b'YW', b'Y', b'YQ==', b'YQ=', b'Y===', b'YWJjZA', b'YW Jj\n', b'====',
          b'YQ==YQ==', b'abcde', '\xe9', 'YWJj']:
    try:
        print(d, b.a2b_base64(d))
    except (b.Error, ValueError) as e:
        print(d, type(e).__name__, e)
for d in [b'YQ==', b'YQ=a', b'YW Jj', b'=YQ', b'YQ===']:
    try:
        print(d, b.a2b_base64(d, strict_mode=True))
    except b.Error as e:
        print(d, type(e).__name__, e)
print(b.hexlify(b'\x01\xab\xff', '-'), b.hexlify(b'\x01\xab\xff\x02', ':', 3), b.hexlify(b'\x01\xab\xff\x02', ':', -3),
      b.hexlify(b'\x01\xab\xff\x02\x03', b' ', 2), b.b2a_hex(b''), b.b2a_base64(b'abcd'), b.b2a_base64(b'', newline=False))
for d in [b'abc', b'zz', 'ab', b'ABcd']:
    try:
        print(b.unhexlify(d), b.a2b_hex(d))
    except b.Error as e:
        print(type(e).__name__, e)
print(b.crc32(b'hello'), b.crc32(b'world', b.crc32(b'hello ')), b.crc32(b''), b.crc32(b'a', -1), b.crc_hqx(b'hello', 0), b.crc_hqx(b'x', 0xffff))
print(b.Error.__mro__[1], issubclass(b.Error, ValueError), b.Incomplete.__name__)
for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xff\xfe\xfd']:
    e64 = base64.b64encode(data)
    e32 = base64.b32encode(data)
    e16 = base64.b16encode(data)
    e85 = base64.b85encode(data)
    a85 = base64.a85encode(data)
    print(e64[:40], e32[:40], e16[:40], e85[:40], a85[:40])
    assert base64.b64decode(e64) == data
    assert base64.b32decode(e32) == data
    assert base64.b16decode(e16) == data
    assert base64.b85decode(e85) == data
    assert base64.a85decode(a85) == data
    assert base64.b32hexdecode(base64.b32hexencode(data)) == data
print(base64.urlsafe_b64encode(b'\xfb\xff\xfe'), base64.urlsafe_b64decode('-__-'), base64.b64encode(b'\xfb\xff', altchars=b'*!'))
print(base64.b64decode('YWJj\n'), base64.standard_b64encode(b'x'), base64.b64decode(b'+/+/', altchars=b'-_'))
for bad in ['YW=j', 'Y']:
    try:
        print(base64.b64decode(bad, validate=True))
    except b.Error as e:
        print('Error', e)
print(base64.b32decode('mzxw6===', casefold=True), base64.b32decode('MZXW6==='), base64.b32hexencode(b'foo'))
for bad in ['MZXW6', 'MZXW6=1=']:
    try:
        base64.b32decode(bad)
    except b.Error as e:
        print('Error', e)
print(base64.b16decode('666f6f', casefold=True))
try:
    base64.b16decode('666f6f')
except b.Error as e:
    print('Error', e)
print(base64.encodebytes(b'x' * 100), base64.decodebytes(b'eHh4\n'))
print(base64.a85encode(b'\0\0\0\0 x', adobe=True), base64.a85encode(b'    ', foldspaces=True), base64.b85encode(b'ab', pad=True))
