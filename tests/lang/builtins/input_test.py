name = input("name? ")
print("hello", name)
nums = [int(x) for x in input().split()]
print(sum(nums))
try:
    input()
except EOFError:
    print("EOF")
