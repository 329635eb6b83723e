class AppError(Exception):
    pass

d = {"a": [1, 2]}
try:
    d["b"]
except KeyError:
    raise AppError("lookup failed")
