# operator: the operator functions and their dunder aliases
import operator

print(operator.add(1, 2), operator.__add__(1, 2), operator.sub(5, 3), operator.mul('a', 3), operator.matmul is operator.__matmul__)
print(operator.truediv(7, 2), operator.floordiv(7, 2), operator.mod(7, 3), operator.pow(2, 10), operator.neg(3), operator.pos(-3))
print(operator.lshift(1, 4), operator.rshift(32, 2), operator.and_(6, 3), operator.or_(6, 3), operator.xor(6, 3), operator.inv(5), operator.invert(0))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.not_(0), operator.truth([]), operator.is_(None, None), operator.is_not(1, None), operator.abs(-4), operator.index(5))
l = [1]
print(operator.iadd(l, [2]), l, operator.iadd(1, 2), operator.imul([0], 2), operator.isub(5, 1), operator.ior({1}, {2}))
print(operator.concat('a', 'b'), operator.concat([1], [2]), operator.iconcat([1], (2,)))
print(operator.contains([1], 1), operator.countOf([1, 1, 2], 1), operator.indexOf('abc', 'c'))
d = {}
operator.setitem(d, 'k', 1)
print(d, operator.getitem(d, 'k'), operator.delitem(d, 'k'), d, operator.getitem('abc', slice(1, None)))
print(operator.length_hint(iter([1, 2, 3])), operator.length_hint(3, 7), operator.length_hint([1, 2]), operator.length_hint(iter(range(5))))
print(operator.call(len, 'abc'), operator.call(dict, a=1))
for bad in (lambda: operator.concat(1, 2), lambda: operator.indexOf([1], 2), lambda: operator.add(1, 'a'),
            lambda: operator.index(1.5), lambda: operator.length_hint(1, 'x'), lambda: operator.iconcat(1, [1])):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(operator.__name__, operator.add.__name__, operator.__lt__ is operator.lt, operator.__not__(1))
print(sorted(n for n in operator.__all__)[:5], len(operator.__all__))
