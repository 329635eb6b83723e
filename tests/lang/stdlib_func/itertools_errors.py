# itertools: error messages of bad arguments
import itertools as it


def attempt(f, *args, **kw):
    try:
        r = f(*args, **kw)
        if hasattr(r, '__next__'):
            list(it.islice(r, 3))
        print('ok', f.__name__)
    except Exception as e:
        print(type(e).__name__, e)


attempt(it.count, 'a')
attempt(it.islice, 'abc', -1)
attempt(it.islice, 'abc', 1, -2)
attempt(it.islice, 'abc', 0, 2, 0)
attempt(it.islice, 'abc', 'x')
attempt(it.islice, 'abc')
attempt(it.chain, 'a', x=1)
attempt(it.product, 'ab', repeat=-1)
attempt(it.combinations, 'abc', -1)
attempt(it.permutations, 'abc', 'x')
attempt(it.tee, 'abc', -1)
attempt(it.cycle, 5)
attempt(it.chain, 1, 2)
attempt(it.zip_longest, 'a', bogus=1)
attempt(it.repeat)
attempt(it.starmap, pow, [1])
attempt(it.accumulate, [1, 'a'])
attempt(it.groupby, None)
