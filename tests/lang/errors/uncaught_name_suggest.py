def compute(values):
    maximum = 0
    for v in values:
        if v > maximum:
            maximum = v
    return maximun

print("start")
compute([3, 1, 4])
