xs = [1, 2, 3]
i = 5
print(xs[i])
