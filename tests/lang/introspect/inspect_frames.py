# inspect: frames, stacks, getframeinfo, source of frames and tracebacks
import inspect, sys

def inner():
    fr = inspect.currentframe()
    info = inspect.getframeinfo(fr)
    print(info.function, info.lineno, info.code_context, info.index, info.filename == __file__)
    print(info.positions.lineno, info.positions.col_offset is not None)
    outer_frames = inspect.getouterframes(fr)
    print([f.function for f in outer_frames])
    print([(f.lineno, f.code_context) for f in inspect.stack()[:3]])
    return fr

def middle():
    return inner()

f = middle()
print(f.f_code.co_name)
try:
    def boom():
        raise KeyError('k')
    boom()
except KeyError:
    tr = inspect.trace()
    print([(t.function, t.lineno, t.code_context) for t in tr])
    tb = sys.exc_info()[2]
    print([(t.function, t.index) for t in inspect.getinnerframes(tb, context=3)])
print(inspect.getframeinfo(sys._getframe(), context=0).code_context)
print(inspect.getsourcelines(inner)[1], len(inspect.getsourcelines(inner)[0]))
def g():
    yield 1
gen = g()
print(inspect.getgeneratorstate(gen))
next(gen)
print(inspect.getgeneratorstate(gen))
gen.close()
print(inspect.getgeneratorstate(gen))
