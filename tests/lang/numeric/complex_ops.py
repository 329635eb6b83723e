a, b = 2 + 3j, 1 - 1j
print(a + b, a - b, a * b, a / b, a ** 2, -a, a == 2 + 3j, a != b)
print(a * 2, 2 * a, a + 1.5, 1.5 - a, a / 2, 1 / a, a ** 0.5)
print(a.real, a.imag, a.conjugate(), abs(b), complex(a), complex(a.real, -a.imag) == a.conjugate())
print((1 + 0j) ** 10, (0 + 1j) ** 3, (1 + 1j) ** -2, 1j ** 1j)
print(complex(3, 4) * complex(3, -4), (5 + 0j).real, (0j).imag, complex("-1.5e2+0.5j"))
print(repr(complex(0, -0.0)), repr(complex(-0.0, 0)), repr(complex(1e300, -1e-300)), repr(complex(1.0, 2.0)))
print(hash(2 + 0j) == hash(2), hash(1.5 + 0j) == hash(1.5), {1j: "i"}[1j])
print(sum([1j, 2j, 3]), [z.real for z in (1j, 2 + 1j)], sorted([3j, 1j, 2j], key=abs))
