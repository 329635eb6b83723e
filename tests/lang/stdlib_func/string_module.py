# string: constants, capwords, Template, Formatter
import string
from string import Template, Formatter

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace))
print(string.punctuation, repr(string.printable), string.ascii_lowercase, string.ascii_uppercase)
print(string.capwords(' hello   world '), string.capwords('a-b-c', '-'))
t = Template('$who likes ${what} $$5')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'), t.get_identifiers(), t.is_valid())
print(t.substitute({'who': 'a', 'what': 'b'}, what='override'), t.template)
try:
    Template('$who $').substitute(who=1)
except ValueError as e:
    print(e)
try:
    Template('ok\n  ${bad').substitute()
except ValueError as e:
    print(e)
try:
    t.substitute(who='x')
except KeyError as e:
    print('KeyError', e)
print(Template('$who $').safe_substitute(who=1), Template('$ 1').is_valid())


class T2(Template):
    delimiter = '%'


print(T2('%a %% %{b}').substitute(a=1, b=2))


class T3(Template):
    idpattern = '[a-z]+_[a-z]+'


print(T3('$a_b $c').safe_substitute(a_b='X'))
f = Formatter()
print(f.format('{0} {1!r} {name:>5} {x[1]} {o.real}', 'a', 'b', name='n', x=[1, 2], o=3j))
print(f.format('{} {}', 1, 2), f.format('{:{w}}|', 'ab', w=5), list(f.parse('a{0!r:>3}b{{c}}')))
try:
    f.format('{} {0}', 1)
except ValueError as e:
    print(e)


class Upper(Formatter):
    def format_field(self, value, spec):
        return format(value, spec).upper()


print(Upper().format('{} and {x}', 'abc', x='def'), f.vformat('{a}', (), {'a': 5}))
