# oracle: python3.12
# cmath over finite complex values (CPython's formulas), plus errors and constants.
import cmath

vals = [0j, 1 + 0j, -1 + 0j, 1j, -1j, 0.5 + 0.5j, -2.5 + 1.25j, 3 - 4j, 1e-310 + 1e-310j,
        1e300 + 1e300j, -1e200 - 3j, 2, 0.75, 10 + 700j, 700 + 0.5j, -0.0 - 0.0j, 1 + 1e-20j]
names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cos', 'cosh', 'exp', 'log',
         'log10', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'phase', 'polar', 'isfinite', 'isnan',
         'isinf']
for name in names:
    f = getattr(cmath, name)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))

print(cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.nan, cmath.infj, cmath.nanj)
print(cmath.rect(2, 0.5), cmath.rect(1, 0), cmath.rect(-1, 0), cmath.rect(0, 1))
print(cmath.log(8, 2), cmath.log(1j, 10), cmath.log(0j, 2), cmath.log(-1))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j),
      cmath.isclose(0j, 1e-10j, abs_tol=1e-9))
print(cmath.sqrt(-4), cmath.sqrt(4.0), cmath.exp(cmath.pi * 1j))


class C:
    def __complex__(self):
        return 3 + 4j


print(cmath.sqrt(C()), cmath.polar(C()))
for bad in [lambda: cmath.log(0), lambda: cmath.atanh(1), lambda: cmath.exp(1000),
            lambda: cmath.log(1, 0), lambda: cmath.sqrt('x'), lambda: cmath.cosh(1000),
            lambda: cmath.rect(1, float('inf')), lambda: cmath.isclose(1j, 1j, rel_tol=-1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
