def average(values):
    return total(values) / len(values)

def total(values):
    result = 0
    for v in values:
        result += v
    return result

def report(groups):
    for name, values in groups:
        print(name, average(values))

report([("a", [1, 2, 3]), ("b", [])])
