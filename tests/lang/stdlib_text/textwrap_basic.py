import textwrap

text = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "A well-known, state-of-the-art re-implementation -- with em-dashes--and hyphens -- works. "
        "Supercalifragilisticexpialidocious-and-extraordinarily-long-hyphenated-words appear too.")
for w in [10, 20, 33, 50, 79]:
    print(w, textwrap.wrap(text, w))
print(textwrap.fill(text, 40, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap(text, 25, break_long_words=False))
print(textwrap.wrap(text, 25, break_on_hyphens=False))
print(textwrap.wrap('Hello.  World.  Is it Mr. Smith? yes. ok', 12, fix_sentence_endings=True))
print(textwrap.wrap('  leading and   trailing   ', 10), textwrap.wrap('  leading and   trailing   ', 10, drop_whitespace=False))
print(textwrap.wrap('tabs\there\tand\tthere', 12), textwrap.wrap('a\tb', 20, expand_tabs=False), textwrap.wrap('a\tb', 20, tabsize=4))
print(textwrap.wrap('x\ny\r\nz', 80), textwrap.wrap('x\ny', 80, replace_whitespace=False))
print(textwrap.wrap('', 10), textwrap.wrap('   ', 10), textwrap.fill('abc', 1))
for ml in [1, 2, 3]:
    print(textwrap.wrap(text, 30, max_lines=ml), textwrap.wrap(text, 30, max_lines=ml, placeholder='...'))
print(textwrap.shorten('Hello  world!', width=12), textwrap.shorten('Hello world!', width=11), textwrap.shorten('Hello world', width=10, placeholder='...'))
print(textwrap.shorten(text, 60))
try:
    textwrap.wrap('abc', 0)
except ValueError as e:
    print('ValueError', e)
try:
    textwrap.shorten('abc def', 3, placeholder=' [.....]')
except ValueError as e:
    print('ValueError', e)
print(repr(textwrap.dedent('''
    def f():
        return 1
      
    x = 2
''')))
print(repr(textwrap.dedent('  a\n\tb\n')), repr(textwrap.dedent('  a\n    b\n  c')), repr(textwrap.dedent('\t\ta\n\t  b')), repr(textwrap.dedent('no\n  indent')))
print(repr(textwrap.dedent('   \n  x\n \t\n  y')))
print(repr(textwrap.indent('a\n\nb\n  \nc', '> ')), repr(textwrap.indent('a\nb', '+', lambda l: True)), repr(textwrap.indent('a\r\nb\n', '  ')))
w = textwrap.TextWrapper(width=15, initial_indent='-> ')
print(w.wrap('one two three four five six seven'), w.fill('x y'))
print(textwrap.wrap('aaa-bbb-ccc-ddd', 6), textwrap.wrap('---x---', 3), textwrap.wrap('a-b', 2), textwrap.wrap('123-456-789', 5))
print(textwrap.wrap('the Über-cool naïve café-society', 10))
