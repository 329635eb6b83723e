# os.environ as a mapping that writes through to the process environment
import os
import sys

os.environ['KRAIT_A'] = 'alpha'
print(os.environ['KRAIT_A'], os.getenv('KRAIT_A'), os.environ.get('KRAIT_A'), 'KRAIT_A' in os.environ)
print(os.getenv('KRAIT_MISSING'), os.getenv('KRAIT_MISSING', 'dflt'), 'KRAIT_MISSING' in os.environ)
try:
    os.environ['KRAIT_MISSING']
except KeyError as e:
    print('KeyError', e)
try:
    os.environ['X'] = 1
except TypeError as e:
    print('TypeError', e)
try:
    os.environ[1] = 'x'
except TypeError as e:
    print('TypeError', e)
print(os.environ.setdefault('KRAIT_B', 'beta'), os.environ.setdefault('KRAIT_B', 'other'))
print(os.environ.pop('KRAIT_B'), os.environ.pop('KRAIT_B', 'gone'))
os.environ.update({'KRAIT_C': 'c1'}, KRAIT_D='d1')
print(os.environ['KRAIT_C'], os.environ['KRAIT_D'])
del os.environ['KRAIT_C']
print('KRAIT_C' in os.environ)
try:
    del os.environ['KRAIT_C']
except KeyError as e:
    print('KeyError', e)
keys = list(os.environ)
print('KRAIT_A' in keys, 'KRAIT_D' in os.environ.keys(), len(os.environ) == len(keys))
print(('KRAIT_A', 'alpha') in os.environ.items(), 'alpha' in os.environ.values())
print(type(os.environ.copy()).__name__, os.environ.copy()['KRAIT_A'])
print(os.environb[b'KRAIT_A'])
print(repr(os.environ).startswith('environ({'))
os.putenv('KRAIT_P', 'p')
print('KRAIT_P' in os.environ)
os.unsetenv('KRAIT_P')
try:
    os.putenv('A=B', 'x')
except ValueError as e:
    print('ValueError', e)
# children see the environment
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os._exit(0 if os.getenv('KRAIT_A') == 'alpha' else 1)
_, status = os.waitpid(pid, 0)
print('child saw env:', os.WEXITSTATUS(status) == 0)
print(os.get_exec_path({'PATH': '/x:/y'}))
print(os.fsencode('abc'), os.fsdecode(b'abc'), os.fsencode(b'x'))
