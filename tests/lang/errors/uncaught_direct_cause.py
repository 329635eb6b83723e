class ValidationError(Exception):
    pass

def validate(age):
    try:
        n = int(age)
    except ValueError as exc:
        raise ValidationError("age must be a number, got %r" % age) from exc
    return n

print(validate("42"))
validate("forty")
