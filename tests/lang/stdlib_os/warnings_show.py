# warnings printed to stderr: "file:line: Category: message" and the source line
import warnings


def deprecated_api():
    warnings.warn("old api", DeprecationWarning, stacklevel=2)


def lib_call():
    warnings.warn("from a library", stacklevel=2)


warnings.warn("plain user warning")
warnings.warn("runtime trouble", RuntimeWarning)
deprecated_api()
lib_call()
for i in range(3):
    warnings.warn("shown once per location")
warnings.warn(UserWarning("instance message"))
warnings.warn("pending", PendingDeprecationWarning)
warnings.warn("import", ImportWarning)
warnings.warn("resource", ResourceWarning)
warnings.warn_explicit("explicit", SyntaxWarning, "somefile.py", 12)
print("done")
