import sys

def main():
    print("working")
    try:
        return 4
    finally:
        print("cleanup")

code = main()
try:
    sys.exit(code)
finally:
    print("finally runs before exit")
