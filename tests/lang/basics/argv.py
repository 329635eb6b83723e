import sys
print(sys.argv[1:], len(sys.argv))
print(__name__)
