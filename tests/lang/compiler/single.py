exec(compile("5 + 5", "<s>", "single"))
exec(compile("None", "<s>", "single"))
exec(compile("if True:\n    7\n    'x'\n", "<s>", "single"))
exec(compile("a = 3; a; a * 2", "<s>", "single"))
