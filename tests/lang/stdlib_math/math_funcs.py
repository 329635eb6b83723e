# oracle: python3.12
# Every one-argument math function over a grid of special and ordinary values.
import math

vals = [0.0, -0.0, 1.0, -1.0, 0.5, -0.5, 2.0, -2.0, 3.7, -3.7, 10.0, 1e-300, 5e-324,
        1e300, -1e300, 710.0, -710.0, 0.9999999, 1.0000001, 30.0, 171.5, -171.5, 200.5,
        -200.5, 1e-20, 1e-21, -1e-21, 7, -7, 2**53 + 1, 10**20, True,
        float('inf'), float('-inf'), float('nan')]

names = ['acos', 'acosh', 'asin', 'asinh', 'atan', 'atanh', 'cbrt', 'ceil', 'cos', 'cosh',
         'degrees', 'erf', 'erfc', 'exp', 'exp2', 'expm1', 'fabs', 'floor', 'frexp',
         'gamma', 'isfinite', 'isinf', 'isnan', 'lgamma', 'log', 'log10', 'log1p', 'log2',
         'modf', 'radians', 'sin', 'sinh', 'sqrt', 'tan', 'tanh', 'trunc', 'ulp']

for name in names:
    f = getattr(math, name)
    out = []
    for v in vals:
        try:
            out.append(repr(f(v)))
        except Exception as e:
            out.append(type(e).__name__ + ':' + str(e))
    print(name, ' '.join(out))
