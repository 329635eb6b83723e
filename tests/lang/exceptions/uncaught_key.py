data = {"x": 1}
result = data["x"] + data["y"]
