s = "héllo wörld ñ 日本語 😀!"
print(s, len(s), s[1], s[-2], s[14:17], s[::-1], s.upper(), s.title())
print([ord(c) for c in "é日😀"], chr(233), chr(0x65E5), chr(128512), "\u00e9" == "é", "\U0001F600")
print(s.find("日"), s.index("😀"), s.count("l"), "ö" in s, s.split(" "))
print(repr("é"), repr("日本"), repr("😀"), ascii("é日😀"), repr("\u200b"), repr("\x7f"), repr("\xa0"))
print("ß".upper(), "ﬁ".upper(), "İ".lower() == "i̇", len("İ".lower()), "Σ".lower(), "ǅ".title())
print("é".encode(), "日".encode("utf-8"), "😀".encode("utf-8"), len("😀".encode()), "é".encode("latin-1"))
print("Ä" < "Z", "a" < "é", sorted(["é", "z", "a", "É", "日"]), max("aé日"), min("héllo"))
print("日本語".center(9, "*"), "é".ljust(3, "-") + "|", "ñ" * 3, "-".join("日本"))
print("١٢٣".isdigit(), "١٢٣".isdecimal(), "½".isnumeric(), "½".isdigit(), "é".isalpha(), "日".isalpha(), "😀".isalpha())
print(str(b"\xc3\xa9", "utf-8"), "naïve café".replace("é", "e"), "ÉCOLE".casefold(), "Straße".casefold())
for i, c in enumerate("aé日"):
    print(i, c, ord(c), hex(ord(c)))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
