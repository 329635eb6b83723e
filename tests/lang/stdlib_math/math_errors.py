# oracle: python3.12
# The exception types and messages of the math module.
import math

tests = ["math.comb(-1,2)", "math.comb(5,-2)", "math.perm(-1,2)", "math.perm(5,-1)",
         "math.comb(10**30, 10**20)", "math.perm(10**30,10**20)", "math.comb(1.5,2)",
         "math.factorial(-1)", "math.factorial(10**20)", "math.factorial(1.0)", "math.isqrt(-1)",
         "math.isqrt(2.0)", "math.nextafter(1.0,2.0,steps=-1)", "math.sumprod([1],[1,2])",
         "math.sumprod(1,2)", "math.dist([1],[1,2])", "math.ldexp(1.0,1.5)", "math.log(0)",
         "math.log(-1.5)", "math.sqrt('x')", "math.sqrt(-1)", "math.exp(1000)", "math.pow(0,-1)",
         "math.pow(-8, 1/3)", "math.fsum([1e308,1e308])", "math.fsum([float('inf'),float('-inf')])",
         "math.trunc('x')", "math.ceil('x')", "math.floor(None)", "math.gcd(1.5)",
         "math.isclose(1,2,rel_tol=-1)", "math.log(10,1)", "math.log(1,0)", "math.prod([1,2],3)",
         "math.fmod(1,0)", "math.fmod(float('inf'), 1)", "math.dist(1,2)", "math.hypot('a')",
         "math.perm(5)", "math.comb(5)", "math.gamma(0)", "math.lgamma(-1)", "math.gamma(-1)",
         "math.gamma(172)", "math.lgamma(1e308)", "math.erf('a')", "math.copysign()",
         "math.atan2(1)", "math.fsum(1)", "math.remainder(1,0)", "math.factorial(2**63)",
         "math.acos(2)", "math.acosh(0.5)", "math.atanh(1)", "math.cosh(1000)", "math.sinh(-1000)",
         "math.exp2(1025)", "math.expm1(800)", "math.log1p(-1)", "math.log1p(-2)",
         "math.ldexp(1.0, 10**30)", "math.ldexp(1.0, -10**30)", "math.floor(float('inf'))",
         "math.ceil(float('nan'))", "math.trunc(float('inf'))", "math.sqrt(10**400)",
         "math.exp(10**400)", "math.frexp(10**400)", "math.nextafter(1.0)", "math.ulp('x')"]
for t in tests:
    try:
        r = eval(t)
        print(t, '->', repr(r))
    except Exception as e:
        print(t, '!!', type(e).__name__, e)
