# Python 3.12 f-string syntax (PEP 701); expected output written by hand from the
# 3.12 documentation, since the 3.11 reference interpreter rejects this syntax.
songs = ["Take me back to Eden", "Alkaline", "Ascensionism"]
print(f"This is the playlist: {", ".join(songs)}")
print(f"{f"{f"{f"{f"{f"{1+1}"}"}"}"}"}")
print(f"{"nested" + 'mixed'}")
x = 5
print(f"{x
    + 1}")
