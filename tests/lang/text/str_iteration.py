s = "héllo"
for ch in s:
    print(ch, end=".")
print()
it = iter("ab")
print(next(it), next(it), next(it, "done"))
print(list(enumerate("xyz")), list(zip("abc", "12")), [c * 2 for c in "ab"], dict.fromkeys("aab"))
print(sorted("banana"), sorted(set("banana")), "banana".count("an"), max("banana"), sum(map(ord, "AB")))
vowels = 0
for c in "Programming Language":
    if c.lower() in "aeiou":
        vowels += 1
print(vowels)
words = "the rain in spain stays mainly".split()
print([w for w in words if "ain" in w], {w: len(w) for w in words})
print(list(reversed("abc")), "abc"[::-1] == "".join(reversed("abc")), any(c.isdigit() for c in "ab3"), all(c.isalpha() for c in "ab3"))
print(" ".join(w[::-1] for w in words))
