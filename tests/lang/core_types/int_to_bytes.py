print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"))
print((0).to_bytes(1, "big"), (0).to_bytes(0, "big"), (255).to_bytes(1, "big"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True))
print((127).to_bytes(1, "big", signed=True), (-128).to_bytes(1, "big", signed=True))
print((2**64).to_bytes(9, "big"))
print((65).to_bytes(4, byteorder="little"))
print((258).to_bytes(2), (7).to_bytes())
for args, kw in [((256, 1, "big"), {}), ((-1, 1, "big"), {}), ((128, 1, "big"), {"signed": True}),
                 ((1, 1, "middle"), {}), ((1, -1, "big"), {})]:
    try:
        print(args[0].to_bytes(*args[1:], **kw))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
