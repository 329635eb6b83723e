# os.path string operations (no file system access)
import os
import os.path
import posixpath

print(os.path is posixpath)
for parts in [('a', 'b'), ('a/', 'b'), ('/a', '/b', 'c'), ('', 'x'), ('a', ''), ('a', 'b/', 'c')]:
    print(parts, repr(os.path.join(*parts)))
print(os.path.join(b'a', b'b'))
for p in ['/a/b/c', 'a/b/', '/', '//x', 'noslash', '', '/a//b//', '///a']:
    print(repr(p), os.path.split(p), repr(os.path.basename(p)), repr(os.path.dirname(p)))
for p in ['a.py', 'a.tar.gz', '.bashrc', 'dir.d/file', '..x', 'a.', '/x/.y.z', '...']:
    print(repr(p), os.path.splitext(p))
for p in ['', '.', '/', '//', '///', 'a/./b', 'a/../b', '../a', '/../a', 'a/b/../../..',
          '/a/b/./c/../d/', 'a//b', './', '//a/b']:
    print(repr(p), repr(os.path.normpath(p)))
print(os.path.normpath(b'/a/./b/..'))
print(os.path.isabs('/x'), os.path.isabs('x'), os.path.isabs(''))
print(os.path.commonprefix(['/usr/lib', '/usr/local/lib', '/usr/libexec']))
print(repr(os.path.commonprefix([])))
print(os.path.commonpath(['/usr/lib', '/usr/local/lib']), os.path.commonpath(['a/b/c', 'a/b/d', 'a/b']))
try:
    os.path.commonpath(['/a', 'b'])
except ValueError as e:
    print('ValueError:', e)
try:
    os.path.commonpath([])
except ValueError as e:
    print('ValueError:', e)
print(os.path.relpath('/a/b/c', '/a'), os.path.relpath('/a', '/a/b/c'), os.path.relpath('/x/y', '/x/y'))
print(os.path.relpath('/usr/lib', '/etc/ssl'))
try:
    os.path.relpath('')
except ValueError as e:
    print('ValueError:', e)
os.environ['KRAIT_V'] = 'val'
print(os.path.expandvars('$KRAIT_V/${KRAIT_V}/$NOPE_KRAIT/${NOPE_KRAIT}/$/x$'))
print(os.path.expandvars('no vars'), os.path.expandvars('a${KRAIT_V'))
os.environ['HOME'] = '/home/someone'
print(os.path.expanduser('~'), os.path.expanduser('~/x'), os.path.expanduser('x/~'))
os.environ['HOME'] = '/home/someone/'
print(os.path.expanduser('~/y'))
print(os.path.splitdrive('/a/b'), os.path.normcase('/A/b'))
try:
    os.path.join('a', b'b')
except TypeError as e:
    print('TypeError:', e)
try:
    os.path.join('a', 3)
except TypeError as e:
    print('TypeError:', e)
print(os.sep, os.pathsep, os.curdir, os.pardir, os.extsep, os.altsep, os.devnull, os.linesep == '\n', os.name)
