"""Basic statistics functions (a subset of CPython's statistics module).

Sums are exact, as in CPython: every value becomes an integer ratio (numerator,
denominator) and the partial sums are kept per denominator, so mean(), variance()
and friends give CPython's results to the last bit.  Rounding happens once, at the
end, by an exact int/int division.
"""

import math
from math import fsum as _fsum, isfinite as _isfinite, sqrt as _sqrt

__all__ = [
    'StatisticsError',
    'fmean',
    'geometric_mean',
    'mean',
    'median',
    'median_high',
    'median_low',
    'mode',
    'multimode',
    'pstdev',
    'pvariance',
    'quantiles',
    'stdev',
    'variance',
]


class StatisticsError(ValueError):
    pass


# ---- exact ratios (numerator, denominator) with denominator > 0, in lowest terms ----

def _ratio(n, d):
    g = math.gcd(n, d)
    if g != 1:
        n //= g
        d //= g
    return n, d


def _radd(a, b):
    return _ratio(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _rmul(a, b):
    return _ratio(a[0] * b[0], a[1] * b[1])


def _rdiv_int(a, k):
    n, d = a[0], a[1] * k
    if d < 0:
        n, d = -n, -d
    return _ratio(n, d)


def _exact_ratio(x):
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        # inf or nan
        return (x, None)
    try:
        return (x.numerator, x.denominator)
    except AttributeError:
        msg = f"can't convert type '{type(x).__name__}' to numerator/denominator"
        raise TypeError(msg)


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    msg = "don't know how to coerce %s and %s"
    raise TypeError(msg % (T.__name__, S.__name__))


def _groupby_type(data):
    """Yield (type, value) runs like itertools.groupby(data, type), flattened."""
    for x in data:
        yield type(x), x


def _sum(data):
    """Exact sum: returns (T, total, count); total is a ratio or a non-finite float."""
    count = 0
    T = int
    partials = {}
    special = None
    last = None
    for typ, x in _groupby_type(data):
        if typ is not last:
            T = _coerce(T, typ)
            last = typ
        n, d = _exact_ratio(x)
        count += 1
        if d is None:
            special = n if special is None else special + n
        else:
            partials[d] = partials.get(d, 0) + n
    if special is not None:
        return T, special, count
    total = (0, 1)
    for d, n in partials.items():
        total = _radd(total, _ratio(n, d))
    return T, total, count


def _convert(value, T):
    """A ratio (or non-finite float) as a number of type T, as CPython converts."""
    if isinstance(value, float):
        return value if T is float or issubclass(T, int) else T(value)
    n, d = value
    if issubclass(T, int) and d != 1:
        T = float
    if issubclass(T, int):
        return T(n)
    if issubclass(T, float):
        return T(n / d)
    return T(n) / T(d)


def _ss(data, c=None):
    """Sum of squared deviations: (T, ssd, mean, count), ssd exact."""
    if c is not None:
        T, ssd, count = _sum((x - c) * (x - c) for x in data)
        return T, ssd, c, count
    count = 0
    types = []
    sx = {}
    sxx = {}
    special = None
    for x in data:
        typ = type(x)
        if typ not in types:
            types.append(typ)
        n, d = _exact_ratio(x)
        count += 1
        if d is None:
            special = n if special is None else special + n
            continue
        sx[d] = sx.get(d, 0) + n
        sxx[d] = sxx.get(d, 0) + n * n
    T = int
    for typ in types:
        T = _coerce(T, typ)
    if not count:
        return T, (0, 1), (0, 1), 0
    if special is not None:
        return T, special, special, count
    tx = (0, 1)
    for d, n in sx.items():
        tx = _radd(tx, _ratio(n, d))
    txx = (0, 1)
    for d, n in sxx.items():
        txx = _radd(txx, _ratio(n, d * d))
    # count*sxx - sx*sx, divided by count: poor for floats, exact for ratios
    a = _rmul((count, 1), txx)
    b = _rmul(tx, tx)
    ssd = _rdiv_int(_radd(a, (-b[0], b[1])), count)
    return T, ssd, _rdiv_int(tx, count), count


def _integer_sqrt_of_frac_rto(n, m):
    """Square root of n/m, rounded to an integer with round-to-odd."""
    a = math.isqrt(n // m)
    return a | (a * a * m != n)


_sqrt_bit_width = 2 * 53 + 3


def _float_sqrt_of_frac(n, m):
    """Square root of n/m as a float, correctly rounded."""
    q = (n.bit_length() - m.bit_length() - _sqrt_bit_width) // 2
    if q >= 0:
        numerator = _integer_sqrt_of_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _integer_sqrt_of_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return numerator / denominator


# ---- averages ----

def mean(data):
    """Return the sample arithmetic mean of data."""
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    if isinstance(total, float):
        return _convert(total / n, T)
    return _convert(_rdiv_int(total, n), T)


def fmean(data, weights=None):
    """Convert data to floats and compute the arithmetic mean."""
    if weights is None:
        try:
            n = len(data)
        except TypeError:
            n = 0
            items = []
            for x in data:
                items.append(x)
                n += 1
            data = items
        total = _fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    if not isinstance(weights, (list, tuple)):
        weights = list(weights)
    try:
        num = math.sumprod(data, weights)
    except ValueError:
        raise StatisticsError('data and weights must be the same length')
    den = _fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    """Convert data to floats and compute the geometric mean."""
    n = 0
    found_zero = False
    logs = []
    for x in data:
        n += 1
        if x > 0.0 or math.isnan(x):
            logs.append(math.log(x))
        elif x == 0.0:
            found_zero = True
        else:
            raise StatisticsError('No negative inputs allowed', x)
    total = _fsum(logs)
    if not n:
        raise StatisticsError('Must have a non-empty dataset')
    if math.isnan(total):
        return math.nan
    if found_zero:
        return math.nan if total == math.inf else 0.0
    return math.exp(total / n)


def median(data):
    """Return the median (middle value) of numeric data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    """Return the low median of numeric data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    """Return the high median of data."""
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    """Return the most common data point (the first one seen, on ties)."""
    counts = _counts(data)
    best = None
    bestcount = 0
    for value, count in counts.items():
        if count > bestcount:
            best, bestcount = value, count
    if not bestcount:
        raise StatisticsError('no mode for empty data')
    return best


def multimode(data):
    """Return a list of the most frequently occurring values, in first-seen order."""
    counts = _counts(data)
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def quantiles(data, *, n=4, method='exclusive'):
    """Divide data into n continuous intervals with equal probability."""
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f'Unknown method: {method!r}')


# ---- spread ----

def _div_ss(ss, k):
    return ss / k if isinstance(ss, float) else _rdiv_int(ss, k)


def variance(data, xbar=None):
    """Return the sample variance of data."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('variance requires at least two data points')
    return _convert(_div_ss(ss, n - 1), T)


def pvariance(data, mu=None):
    """Return the population variance of data."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pvariance requires at least one data point')
    return _convert(_div_ss(ss, n), T)


def _sqrt_of(mss):
    if isinstance(mss, float):
        return _sqrt(mss) if mss >= 0 or mss != mss else mss
    return _float_sqrt_of_frac(mss[0], mss[1])


def stdev(data, xbar=None):
    """Return the square root of the sample variance."""
    T, ss, c, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError('stdev requires at least two data points')
    return _sqrt_of(_div_ss(ss, n - 1))


def pstdev(data, mu=None):
    """Return the square root of the population variance."""
    T, ss, c, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError('pstdev requires at least one data point')
    return _sqrt_of(_div_ss(ss, n))
