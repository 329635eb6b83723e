# Python 3.12 sums floats with Neumaier compensation (3.11 rounds at each step), so
# the expected output here follows the 3.12 documentation, written by hand.
print(sum([0.1] * 10))
print(sum([0.1, 0.2, 0.3]))
print(sum([1e100, 1.0, -1e100, 1.0]))
print(sum([0.1] * 10, 0.0) == 1.0)
print(sum([1, 2, 3.5]))
