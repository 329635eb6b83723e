# deep copy: a hand-written recursive deepcopy (the copy module may not exist)
# with a memo keyed by id() so shared and cyclic references survive, applied to a
# generated graph of dicts, lists, tuples, sets and user-class instances.
# Checksum: structural statistics of the copies, checked against the original.
import sys

SCALE = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
ROUNDS = max(10, int(100 * SCALE))


class Node:
    def __init__(self, name, weight):
        self.name = name
        self.weight = weight
        self.children = []
        self.parent = None
        self.meta = {}


def deepcopy(obj, memo=None):
    if memo is None:
        memo = {}
    key = id(obj)
    found = memo.get(key)
    if found is not None:
        return found
    t = type(obj)
    if t is int or t is float or t is str or t is bool or obj is None:
        return obj
    if t is list:
        result = []
        memo[key] = result
        for v in obj:
            result.append(deepcopy(v, memo))
        return result
    if t is dict:
        result = {}
        memo[key] = result
        for k, v in obj.items():
            result[deepcopy(k, memo)] = deepcopy(v, memo)
        return result
    if t is tuple:
        items = [deepcopy(v, memo) for v in obj]
        # a tuple cannot contain itself, but its items may reference it through
        # a list; the memo entry may already have been set by a nested call
        if key in memo:
            return memo[key]
        result = tuple(items)
        memo[key] = result
        return result
    if t is set:
        result = set()
        memo[key] = result
        for v in obj:
            result.add(deepcopy(v, memo))
        return result
    if t is Node:
        result = Node.__new__(Node)
        memo[key] = result
        for k, v in obj.__dict__.items():
            setattr(result, k, deepcopy(v, memo))
        return result
    raise TypeError("cannot copy " + t.__name__)


def build(depth, fanout, serial):
    root = Node("n%d" % serial[0], serial[0] * 0.5)
    serial[0] += 1
    root.meta = {"tags": ["a", "b", str(serial[0])], "range": (serial[0], serial[0] + depth),
                 "ids": {serial[0] % 7, serial[0] % 5}}
    if depth > 0:
        for _ in range(fanout):
            child = build(depth - 1, fanout, serial)
            child.parent = root
            root.children.append(child)
    return root


def stats(node, seen):
    if id(node) in seen:
        return 0, 0.0, 0
    seen.add(id(node))
    count, weight, tags = 1, node.weight, len(node.meta["tags"]) + sum(node.meta["ids"])
    for c in node.children:
        if c.parent is not node:
            raise ValueError("parent link lost")
        a, b, d = stats(c, seen)
        count += a
        weight += b
        tags += d
    return count, weight, tags


def main():
    root = build(5, 4, [0])
    shared = {"root": root, "again": root, "list": [root.children[0], root.children[0]]}
    shared["self"] = shared
    expected = stats(root, set())
    total = 0
    for _ in range(ROUNDS // 10):
        copy = deepcopy(shared)
        if copy["root"] is root or copy["root"] is not copy["again"]:
            raise ValueError("sharing lost")
        if copy["self"] is not copy or copy["list"][0] is not copy["list"][1]:
            raise ValueError("cycle lost")
        got = stats(copy["root"], set())
        if got != expected:
            raise ValueError("copy differs")
        total += got[0]
    for _ in range(ROUNDS):
        part = deepcopy(root.children[1].children[2])
        total += len(part.children)
    print("nodes", expected[0], "weight %.1f" % expected[1], "tags", expected[2])
    print("total", total)


main()
