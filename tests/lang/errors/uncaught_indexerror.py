matrix = [[1, 2], [3, 4]]

def cell(r, c):
    row = matrix[r]
    return row[c]

print(cell(1, 1))
print(cell(0, 2))
