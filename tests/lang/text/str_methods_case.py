words = ["hello world", "HELLO", "Hello World", "hELLO wORLD", "it's a dog's life", "3rd place", "", "a-b_c d", "ÉTÉ"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.capitalize(), w.title(), w.swapcase(), w.casefold())
    print(" ", w.isupper(), w.islower(), w.istitle())
print("abc".upper().lower(), "MiXeD".swapcase().swapcase())
