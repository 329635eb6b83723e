def load(data):
    try:
        return data["value"]
    except KeyError:
        return data["fallback"] + 1

print(load({"value": 1}))
print(load({"fallback": "x"}))
