import sys
sys.setrecursionlimit(100)

def countdown(n):
    return countdown(n - 1)

print("recursing")
countdown(10)
