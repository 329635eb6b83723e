# collections.UserDict, UserList, UserString
from collections import UserDict, UserList, UserString

u = UserDict(a=1)
u['b'] = 2
print(u, len(u), u.get('c', 9), 'a' in u, list(u), u.data)


class Missing(UserDict):
    def __missing__(self, key):
        return key * 2


print(Missing()['ab'], u | {'c': 3}, UserDict.fromkeys('xy'))
ul = UserList([3, 1, 2])
ul.sort()
print(ul, ul[1:], ul + [5], [0] + ul, ul * 2, ul.index(2), ul.count(1), type(ul[1:]).__name__)
ul.append(7)
ul.extend(UserList([8]))
ul.insert(0, -1)
print(ul, ul.pop(), ul.pop(0), ul, 3 in ul, ul == [1, 2, 3, 7], ul < [5])
ul.reverse()
del ul[0]
print(ul, len(ul), ul.copy())
us = UserString('hello')
print(us.upper(), us[1:3], len(us), us + '!', '>' + us, us * 2, us.split('l'), us == 'hello')
print(us.find('l'), us.replace('l', 'L'), us.startswith('he'), 'ell' in us, us.capitalize(), us.center(9, '*'))
print(repr(us), str(us), us < 'world', int(UserString('42')) + 1, us.zfill(7), us.title(), us.strip('ho'))
