# RUN: dac-script-parse %s | FileCheck %s --strict-whitespace --match-full-lines

# Tests single, double and triple quotes.
x = 'a', "b", '''c
d''', """e"""
# CHECK:  Assign @4:1
# CHECK-NEXT:    Name x (store) @4:1
# CHECK-NEXT:    Tuple @4:5
# CHECK-NEXT:      StringLiteral "a" @4:5
# CHECK-NEXT:      StringLiteral "b" @4:10
# CHECK-NEXT:      StringLiteral "c\nd" @4:15
# CHECK-NEXT:      StringLiteral "e" @5:7

# Tests escape sequences, decoded to UTF-8.
x = '\n\t\\\'\"\x41\101\u00e9\U0001F600\0'
# CHECK:  Assign @15:1
# CHECK-NEXT:    Name x (store) @15:1
# CHECK-NEXT:    StringLiteral "\n\t\\'\"AAé😀\x00" @15:5

# Tests that an unknown escape keeps its backslash, and non-ASCII text.
x = '\d', 'é'
# CHECK:  Assign @21:1
# CHECK-NEXT:    Name x (store) @21:1
# CHECK-NEXT:    Tuple @21:5
# CHECK-NEXT:      StringLiteral "\\d" @21:5
# CHECK-NEXT:      StringLiteral "é" @21:11

# Tests raw strings and the u prefix.
x = r'\d\n', R"\'", u'u'
# CHECK:  Assign @29:1
# CHECK-NEXT:    Name x (store) @29:1
# CHECK-NEXT:    Tuple @29:5
# CHECK-NEXT:      StringLiteral "\\d\\n" @29:5
# CHECK-NEXT:      StringLiteral "\\'" @29:14
# CHECK-NEXT:      StringLiteral "u" @29:21

# Tests that a backslash-newline inside a string continues it.
x = 'ab\
cd'
# CHECK:  Assign @38:1
# CHECK-NEXT:    Name x (store) @38:1
# CHECK-NEXT:    StringLiteral "abcd" @38:5

# Tests that adjacent strings are concatenated, also across lines in brackets.
x = ('a' "b"
     'c')
# CHECK:  Assign @45:1
# CHECK-NEXT:    Name x (store) @45:1
# CHECK-NEXT:    StringLiteral "abc" @45:6

# Tests f-string fields, conversions and format specs.
x = f"pi = {pi:.3f}, {name!r}, {v!s:>10}"
# CHECK:  Assign @52:1
# CHECK-NEXT:    Name x (store) @52:1
# CHECK-NEXT:    FString @52:5
# CHECK-NEXT:      Text "pi = " @52:7
# CHECK-NEXT:      Field :".3f" @52:12
# CHECK-NEXT:        Name pi @52:13
# CHECK-NEXT:      Text ", " @52:20
# CHECK-NEXT:      Field !r @52:22
# CHECK-NEXT:        Name name @52:23
# CHECK-NEXT:      Text ", " @52:30
# CHECK-NEXT:      Field !s :">10" @52:32
# CHECK-NEXT:        Name v @52:33

# Tests doubled braces, which are literal text.
x = f'{{literal}} {a}'
# CHECK:  Assign @67:1
# CHECK-NEXT:    Name x (store) @67:1
# CHECK-NEXT:    FString @67:5
# CHECK-NEXT:      Text "{literal} " @67:7
# CHECK-NEXT:      Field @67:19
# CHECK-NEXT:        Name a @67:20

# Tests that a field holds a full expression, with other quotes inside.
x = f"{d['k'] + f(1, y=2):^8}"
# CHECK:  Assign @76:1
# CHECK-NEXT:    Name x (store) @76:1
# CHECK-NEXT:    FString @76:5
# CHECK-NEXT:      Field :"^8" @76:7
# CHECK-NEXT:        BinaryOp + @76:8
# CHECK-NEXT:          Subscript @76:8
# CHECK-NEXT:            Name d @76:8
# CHECK-NEXT:            StringLiteral "k" @76:10
# CHECK-NEXT:          Call @76:17
# CHECK-NEXT:            Name f @76:17
# CHECK-NEXT:            IntLiteral 1 @76:19
# CHECK-NEXT:            keyword y: IntLiteral 2 @76:24

# Tests that {x=} prints its own text, then the repr of the value.
x = f'{a + 1 = }'
# CHECK:  Assign @91:1
# CHECK-NEXT:    Name x (store) @91:1
# CHECK-NEXT:    FString @91:5
# CHECK-NEXT:      Text "a + 1 = " @91:8
# CHECK-NEXT:      Field !r @91:7
# CHECK-NEXT:        BinaryOp + @91:8
# CHECK-NEXT:          Name a @91:8
# CHECK-NEXT:          IntLiteral 1 @91:12

# Tests that f-strings concatenate with plain strings.
x = 'n: ' f'{n}' '!'
# CHECK:  Assign @102:1
# CHECK-NEXT:    Name x (store) @102:1
# CHECK-NEXT:    FString @102:5
# CHECK-NEXT:      Text "n: " @102:5
# CHECK-NEXT:      Field @102:13
# CHECK-NEXT:        Name n @102:14
# CHECK-NEXT:      Text "!" @102:18

# Tests raw f-strings and upper-case prefixes.
x = rf'\d{a}', F'{b}', Rf'{c}'
# CHECK:  Assign @112:1
# CHECK-NEXT:    Name x (store) @112:1
# CHECK-NEXT:    Tuple @112:5
# CHECK-NEXT:      FString @112:5
# CHECK-NEXT:        Text "\\d" @112:8
# CHECK-NEXT:        Field @112:10
# CHECK-NEXT:          Name a @112:11
# CHECK-NEXT:      FString @112:16
# CHECK-NEXT:        Field @112:18
# CHECK-NEXT:          Name b @112:19
# CHECK-NEXT:      FString @112:24
# CHECK-NEXT:        Field @112:27
# CHECK-NEXT:          Name c @112:28

# Tests a tuple in a field, and escapes in literal text.
x = f'{a, b}\t'
# CHECK:  Assign @128:1
# CHECK-NEXT:    Name x (store) @128:1
# CHECK-NEXT:    FString @128:5
# CHECK-NEXT:      Field @128:7
# CHECK-NEXT:        Tuple @128:8
# CHECK-NEXT:          Name a @128:8
# CHECK-NEXT:          Name b @128:11
# CHECK-NEXT:      Text "\t" @128:13
