vals = ["plain", "it's", 'say "hi"', "both ' and \"", "tab\there", "nl\nhere", "cr\r", "back\\slash",
        "\x00\x01\x1f", "\x7f", "\x80\x9f", "\xa0\xad", "é", "\u2028", "\ud800" if False else "\uffff",
        "\U0001F600", "\U000E0001", "", "'", '"', "\a\b\f\v", "\0"]
for v in vals:
    print(repr(v), ascii(v), len(v))
print(repr("a" * 3 + "'" + '"'), str("x\ty"))
print("\x41\101\u0041\N{LATIN SMALL LETTER E WITH ACUTE}", r"raw\n\t", R"\d+", len(r"\n"), "\
continued")
print('''triple 'single' and "double"''', """x
y""")
print(repr("""a
b"""), "\N{SNOWMAN}", "\N{DEGREE SIGN}")
print(repr(b"\x00\x7f\x80'"), repr(bytearray(b'"')))
