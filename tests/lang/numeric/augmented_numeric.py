x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x //= 5; print(x)
x **= 3; print(x)
x %= 100; print(x)
x /= 8; print(x)
y = 0b1111
y &= 0b1010; y |= 0b0100; y ^= 0b0011; y <<= 2; y >>= 1
print(y)
z = 2.5
z *= 2; z -= 0.5; z /= 1.5; z **= 2
print(z)
c = 1j
c *= c; c += 5
print(c)
lst = [1, 2]
alias = lst
lst += [3]
print(lst is alias, alias)
tup = (1,)
t2 = tup
tup += (2,)
print(tup is t2, t2, tup)
d = {"n": 1}
d["n"] += 10
print(d)
