[x, y for x, y in [(1, 2)]]
