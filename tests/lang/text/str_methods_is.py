samples = ["abc", "ABC", "Abc", "abc123", "123", "12.5", "", " ", "\t\n", "hello world", "Hello World",
           "x_1", "_x", "1x", "def", "²", "Ⅷ", "ǅungla", "\x00", "printable~"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalnum(),
          s.isspace(), s.islower(), s.isupper(), s.istitle(), s.isidentifier(), s.isprintable(), s.isascii())
