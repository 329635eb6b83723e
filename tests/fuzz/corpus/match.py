match p:
    case [1, *r] | {"k": v, **kw} if v: pass
    case Point(x=0) as q: pass
