a = [3, 1, 4, 1, 5]
a.append(9)
a.extend((2, 6))
a.insert(0, 0)
a.insert(100, 99)
a.insert(-1, 7)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1)
print(a, a.index(1), a.index(5, 2), a.count(1), a.count(42))
a.sort()
print(a)
a.sort(reverse=True)
print(a)
a.reverse()
print(a, a.copy() == a, a.copy() is a)
words = ["pear", "Apple", "fig", "banana"]
words.sort(key=len)
print(words)
words.sort(key=str.lower)
print(words)
b = a
a.clear()
print(a, b, len(b))
nums = [5, 2, 8]
nums += [1]
nums *= 2
print(nums, [0] * 3, [[]] * 2, [1, 2] + [3], 3 * [7])
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0], [2] > [1, 99])
print(list(), list("abc"), list(range(3)), list((1, 2)), list({1: 2}))
