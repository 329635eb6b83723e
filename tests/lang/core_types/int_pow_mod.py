print(pow(3, 4, 5), pow(2, 100, 1000), pow(5, 0, 7), pow(5, 0, 1))
print(pow(-3, 3, 7), pow(3, 3, -7), pow(-3, 3, -7))
print(pow(3, -1, 7), pow(2, -1, 9), pow(10, -2, 7))
print(pow(123456789, 987654321, 1000000007))
print(pow(2, 10**5, 10**9 + 9))
print(pow(7, 13, 1))
for args in [(2, 3, 0), (2, -1, 4), (2.0, 3, 5), (2, 3.0, 5), (2, 3, 5.0)]:
    try:
        print(pow(*args))
    except (ValueError, TypeError, ZeroDivisionError) as e:
        print(args, type(e).__name__, e)
