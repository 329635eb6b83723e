class C:
    def m(self):
        x = )
