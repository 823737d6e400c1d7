# RUN: rm -rf %t && mkdir -p %t
# RUN: %python -c "open('%t/same.py', 'wb').write('\ufb01le = 3\nprint(file + 1)\ne\u0301 = 2\nprint(\u00e9)\n\uff49\uff46 = 5\nprint(\uff49\uff46 * 2)\n'.encode())"
# RUN: %python %t/same.py | FileCheck %s --check-prefix=SAME
# RUN: dac run -n 2 %t/same.py | FileCheck %s --check-prefix=SAME
# RUN: %python -c "open('%t/degree.py', 'wb').write('x\u00b0 = 1\n'.encode())"
# RUN: not dac build %t/degree.py -o %t/degree 2>&1 | FileCheck %s --check-prefix=DEGREE
# RUN: %python -c "open('%t/emoji.py', 'wb').write('x = 1\nprint(x\U0001f600)\n'.encode())"
# RUN: not dac build %t/emoji.py -o %t/emoji 2>&1 | FileCheck %s --check-prefix=EMOJI
# RUN: %python -c "open('%t/sep.py', 'wb').write('x = 1 \u2028 2\n'.encode())"
# RUN: not dac build %t/sep.py -o %t/sep 2>&1 | FileCheck %s --check-prefix=SEP
# RUN: %python -c "open('%t/mark.py', 'wb').write('\u0301x = 1\n'.encode())"
# RUN: not dac build %t/mark.py -o %t/mark 2>&1 | FileCheck %s --check-prefix=MARK
# RUN: test ! -e %t/degree && test ! -e %t/emoji && test ! -e %t/sep && test ! -e %t/mark

# Tests Python's rules for non-ASCII names (PEP 3131): names that are the
# same in NFKC form are one name (a ligature, a decomposed accent, fullwidth
# letters), a name starts with an XID_Start character and goes on with
# XID_Continue characters, and anything else is CPython's SyntaxError at the
# character (printable characters shown, others by code point).

# SAME: 4
# SAME-NEXT: 2
# SAME-NEXT: 10

# DEGREE: degree.py:1:2: error: invalid character '°' (U+00B0)
# DEGREE-NEXT: x° = 1
# DEGREE-NEXT: {{^ \^$}}
# EMOJI: emoji.py:2:8: error: invalid character '{{.*}}' (U+1F600)
# SEP: sep.py:1:7: error: invalid non-printable character U+2028
# MARK: mark.py:1:1: error: invalid character '{{.*}}' (U+0301)
