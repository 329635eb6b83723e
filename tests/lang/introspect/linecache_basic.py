# linecache: lines of this very file, unknown files, and the cache
import linecache
print(repr(linecache.getline(__file__, 1)))
print(repr(linecache.getline(__file__, 2)))
print(repr(linecache.getline(__file__, 1000)), repr(linecache.getline('/no/such/file.py', 1)))
print(len(linecache.getlines(__file__)) > 5, __file__ in linecache.cache)
linecache.checkcache(__file__)
linecache.clearcache()
print(linecache.cache)
print(repr(linecache.getline('<string>', 1)))
