x, y = 3, 4.5
name = "Krait"
print(f"{x} + {y} = {x + y}")
print(f"{name!r} {name!s} {name!a} {name:>10} {name:<10}|")
print(f"{x:03d} {y:8.3f} {y:<8.1f}| {x:b} {x:#o} {255:X} {1e6:,.0f} {0.123:.1%}")
width, prec = 10, 2
print(f"{y:{width}.{prec}f}|")
print(f"{'quoted'} {x if x > 2 else y}")
print(f"{x=} {y = } {name=!s} {x*2=}")
items = ["a", "b"]
print(f"{', '.join(items)} {len(items)} {items[0]!r} {dict(k=1)['k']}")
print(f"{{literal}} {{{x}}}")
print(f"""multi
line {x}""")
print(F"upper {x}", rf"raw \n {x}", fr"{x}\t")
print(f"{3.0:g} {100000000.0:g} {1e-10:g} {-0.0:+.1f}")
print(f"{'nested ' + f'{x}'}")
