# oracle: python3.12 (3.11 points the caret at the earlier **{})
print(**{}, *[1])
