class AppError(Exception):
    """Base for this app."""
class ConfigError(AppError):
    def __init__(self, key):
        super().__init__("missing config key: " + key)
        self.key = key
class NetworkError(AppError):
    pass
class TimeoutError_(NetworkError):
    def __str__(self):
        return "timed out after %ss" % self.args[0]
def run(n):
    if n == 0:
        raise ConfigError("db.url")
    if n == 1:
        raise NetworkError("refused", 111)
    if n == 2:
        raise TimeoutError_(30)
    return "ok"
for n in range(4):
    try:
        print(run(n))
    except ConfigError as e:
        print("config:", e, e.key)
    except NetworkError as e:
        print("network:", type(e).__name__, e, e.args)
    except AppError:
        print("never")
print([c.__name__ for c in TimeoutError_.__mro__])
print(AppError.__doc__, isinstance(ConfigError("k"), Exception))
try:
    raise AppError
except Exception as e:
    print(repr(e), str(e) == "")
