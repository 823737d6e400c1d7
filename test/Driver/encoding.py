# RUN: rm -rf %t && mkdir -p %t
# RUN: %python -c "open('%t/latin1.py', 'wb').write(b'# -*- coding: latin-1 -*-\nprint(\'caf\xe9\', \'\xe9t\xe9\')\n')"
# RUN: dac build %t/latin1.py -o %t/latin1 && %mpirun -n 2 %t/latin1 | FileCheck %s --check-prefix=LATIN1
# RUN: %python -c "open('%t/bad.py', 'wb').write(b'x = 1\nprint(\'\xe9\')\n')"
# RUN: not dac build %t/bad.py -o %t/bad 2>&1 | FileCheck %s --check-prefix=BAD
# RUN: %python -c "open('%t/other.py', 'wb').write(b'#!/usr/bin/env python3\n# vim: set fileencoding=euc-jp :\nprint(1)\n')"
# RUN: not dac build %t/other.py -o %t/other 2>&1 | FileCheck %s --check-prefix=OTHER
# RUN: %python -c "open('%t/late.py', 'wb').write(b'x = 1\n\n# coding: latin-1\nprint(\'\xe9\')\n')"
# RUN: not dac build %t/late.py -o %t/late 2>&1 | FileCheck %s --check-prefix=LATE
# RUN: test ! -e %t/bad && test ! -e %t/other && test ! -e %t/late

# Tests that scripts are decoded as Python decodes them (PEP 263): a
# latin-1 declaration is honoured, undeclared non-UTF-8 bytes are Python's
# SyntaxError at their position, a declaration after line 2 counts for
# nothing, an encoding dac cannot read is refused by name.

# LATIN1: café été
# BAD: bad.py:2:8: error: SyntaxError: Non-UTF-8 code starting with '\xe9' in file {{.*}}bad.py on line 2, but no encoding declared; see https://peps.python.org/pep-0263/ for details
# OTHER: other.py:1:1: error: SyntaxError: encoding 'euc-jp' is not supported (dac reads utf-8, latin-1 and ascii scripts)
# LATE: late.py:4:8: error: SyntaxError: Non-UTF-8 code starting with '\xe9'

# A UTF-8 byte order mark with another declared encoding is Python's error,
# which names the encoding as Python normalises it.
# RUN: %python -c "open('%t/bom.py', 'wb').write(b'\xef\xbb\xbf# coding: latin-1\nprint(1)\n')"
# RUN: not dac build %t/bom.py -o %t/bom 2>&1 | FileCheck %s --check-prefix=BOM
# RUN: test ! -e %t/bom
# BOM: bom.py:1:1: error: SyntaxError: encoding problem: iso-8859-1 with BOM
