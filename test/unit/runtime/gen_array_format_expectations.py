#!/usr/bin/python3
"""Prints ArrayFormatExpectations.inc: how NumPy prints arrays.

Run with the reference NumPy (Debian's /usr/bin/python3, NumPy 1.24):
    gen_array_format_expectations.py > ArrayFormatExpectations.inc

Each case is one brace-enclosed ArrayCase: element type, shape, the
elements in C order (floats as exact literals, integers and bools as
integers) and str(a), which is what print(a) writes.
"""

import math
import random

import numpy as np

TYPES = {np.float64: "Float64", np.float32: "Float32", np.int64: "Int64",
         np.int32: "Int32", np.bool_: "Bool"}


def float_literal(value):
    """An exact C++ literal of a double: short for integers, hex otherwise."""
    if math.isnan(value):
        return "Nan"
    if math.isinf(value):
        return "Inf" if value > 0 else "-Inf"
    if value == 0:
        return "-0.0" if math.copysign(1, value) < 0 else "0.0"
    if value == int(value) and abs(value) < 2**53:
        return "%d." % value
    mantissa, exponent = float.hex(value).split("p")
    return mantissa.rstrip("0") + "p" + exponent


def int_literal(value):
    value = int(value)
    return "INT64_MIN" if value == -2**63 else str(value)


def c_string(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace(
        "\n", "\\n") + '"'


def wrapped(literals):
    """The literals comma-separated, on lines of at most 79 characters."""
    lines, line = [], ""
    for literal in literals:
        if line and len(line) + len(literal) + 2 > 79:
            lines.append(line)
            line = ""
        line += literal + ","
    lines.append(line)
    return "\n  ".join(lines).rstrip(",")


def case_line(a):
    kind = TYPES[a.dtype.type]
    flat = a.reshape(-1)
    if a.dtype.kind == "f":
        floats = wrapped([float_literal(float(v)) for v in flat])
        ints = ""
    else:
        floats = ""
        ints = wrapped([int_literal(v) for v in flat])
    shape = ", ".join(str(n) for n in a.shape)
    return "{ArrayElementType::%s, {%s},\n {%s},\n {%s},\n %s}," % (
        kind, shape, floats, ints, c_string(str(a)))


def magnitudes(rng, n, low, high, dtype=np.float64):
    """n values with random signs and decimal exponents in [low, high]."""
    return np.array([rng.choice([-1, 1]) * rng.random() *
                     10.0**rng.randint(low, high) for _ in range(n)],
                    dtype=dtype)


def scalars():
    for v in [2.5, -0.0, 0.0, 1.0, math.nan, math.inf, -math.inf, 1e16,
              1e-5, 0.1, 123456789.123, 1e-4, 1 / 3]:
        yield np.array(v)
    for v in [0.1, 1e-4, 3.4e38, 16777217.0, 2.5]:
        yield np.array(v, dtype=np.float32)
    for v in [-5, 0, 2**63 - 1, -2**63]:
        yield np.array(v, dtype=np.int64)
    yield np.array(-7, dtype=np.int32)
    yield np.array(True)
    yield np.array(False)


def empties():
    for shape in [(0,), (2, 0), (0, 3), (2, 0, 3)]:
        for dtype in TYPES:
            yield np.zeros(shape, dtype=dtype)


def special_floats():
    nan, inf = math.nan, math.inf
    lists = [
        [0.0], [-0.0], [1.0], [1.0, 2.0], [1.0, 2.5, -0.0], [0.0, -0.0],
        [nan], [inf], [-inf], [nan, -inf], [nan, inf], [nan, 1.0, -inf],
        [inf, 0.5, -1.25], [nan, 0.0], [-inf, 1e-5, 3.0], [nan, 1e10],
        [1e-5, 1e10], [0.0, 1e-5, 123.456, inf], [1e100, 1e-100],
        [5e-324, 1.0], [1.7976931348623157e308, -1.0], [1e300, 1e-300, nan],
        [1.0, 1000.0], [1.0, 1000.0000000001], [0.001, 1.0],
        [0.0001, 0.001], [9.999999999999999e-05, 0.001], [1e8], [99999999.0],
        [99999999.99999999], [12345678.123456789], [0.001953125],
        [0.123456785], [0.999999999], [9.9999999995], [0.5, 0.25, 0.125],
        [1 / 3, 2 / 3], [math.pi, math.e], [-1.5, 2.25, -3.125],
        [100.0, 200.0, -300.0], [0.1, 0.2, 0.3], [1e7, 1.0],
        [123456789.0, 1.0], [1e-4, 1e-3, 1e-2], [1.5e-4, 0.1],
        [2.0**-20, 1.0], [0.30000000000000004, 0.1], [1e22, 1e23],
        [-1e-7, 1e-7, 0.0], [6.02214076e23, 1.602176634e-19],
        [1.0, -1.0, nan, inf, -inf, 0.0, -0.0],
        [0.00012345678912, 0.1], [1.00000000501, 2.0], [1.000000005, 2.0],
        [7.0000000049999995, 1.0], [0.000150000000, 0.15],
    ]
    for values in lists:
        yield np.array(values)
    for values in lists:
        with np.errstate(over="ignore"):
            yield np.array(values, dtype=np.float32)


def float32_specials():
    f = np.float32
    lo = np.nextafter(f(1e-4), f(0))
    hi = np.nextafter(f(1e-4), f(1))
    yield np.array([lo, f(0.001)])
    yield np.array([f(1e-4), f(0.001)])
    yield np.array([hi, f(0.001)])
    yield np.array([99999992.0], dtype=f)
    yield np.array([99999992.0, 1.5], dtype=f)
    yield np.array([16777217.0, 33554436.0, 1.0], dtype=f)
    yield np.array([3.4028235e38, 1e-45], dtype=f)
    # The ratio test divides in float32: these ratios round to exactly 1000.
    yield np.array([f(1.9256955), f(1925.6956)])
    yield np.array([f(1.1349896), f(1134.9896)])
    yield np.array([f(1), np.nextafter(f(1000), f(2000))])


def random_floats(rng):
    for low in range(-12, 13, 2):
        yield magnitudes(rng, 5, low, low)
        yield magnitudes(rng, 6, low, low + 1)
        yield magnitudes(rng, 4, low, low + 3)
    for _ in range(20):
        low = rng.randint(-20, 15)
        yield magnitudes(rng, rng.randint(1, 9), low, low + rng.randint(0, 6))
    for digits in range(0, 12):
        yield np.round(magnitudes(rng, 6, 0, 3), digits)
    for _ in range(15):
        yield np.array([rng.randint(-1000, 1000) for _ in range(6)],
                       dtype=np.float64) / rng.choice([1, 2, 4, 8, 10, 100])
    for low in range(-8, 10, 2):
        yield magnitudes(rng, 5, low, low, np.float32)
        yield magnitudes(rng, 6, low, low + 2, np.float32)
    for _ in range(10):
        low = rng.randint(-30, 30)
        yield magnitudes(rng, rng.randint(1, 7), low, low + rng.randint(0, 5),
                         np.float32)
    for _ in range(10):
        bits = [rng.randrange(0x7f800000) | rng.choice([0, 0x80000000])
                for _ in range(4)]
        yield np.array(bits, dtype=np.uint32).view(np.float32)
    for _ in range(10):
        bits = [rng.randrange(0x7ff0000000000000) for _ in range(4)]
        yield np.array(bits, dtype=np.uint64).view(np.float64)


def integers(rng):
    for dtype in [np.int64, np.int32]:
        info = np.iinfo(dtype)
        yield np.array([0], dtype=dtype)
        yield np.array([-5, 100, 3], dtype=dtype)
        yield np.array([info.min, info.max, 0], dtype=dtype)
        yield np.array([-1, -22, -333], dtype=dtype)
        for width in [1, 2, 4, 6, 9]:
            bound = 10**width
            yield np.array([rng.randint(-bound, bound) for _ in range(7)],
                           dtype=dtype)
    yield np.array([2**62, -2**62 + 5], dtype=np.int64)
    yield np.array([True])
    yield np.array([False])
    yield np.array([True, False, True])
    yield np.array([False, False])


def shaped(rng):
    shapes = [(5,), (3, 4), (2, 3, 4), (1, 1, 1, 2), (2, 1, 3), (1, 5),
              (5, 1), (2, 2, 2, 2), (2, 1, 3, 1, 2), (1,), (4, 1, 1)]
    for shape in shapes:
        n = int(np.prod(shape))
        yield magnitudes(rng, n, -2, 2).reshape(shape)
        yield magnitudes(rng, n, -6, 9).reshape(shape)
        yield magnitudes(rng, n, -1, 3, np.float32).reshape(shape)
        yield np.array([rng.randint(-500, 500) for _ in range(n)],
                       dtype=np.int64).reshape(shape)
        yield np.array([rng.randint(0, 9) for _ in range(n)],
                       dtype=np.int32).reshape(shape)
        yield np.array([rng.random() < 0.5 for _ in range(n)]).reshape(shape)


def long_rows(rng):
    yield np.arange(100, dtype=np.float64) / 7
    yield magnitudes(rng, 60, -3, 3)
    yield magnitudes(rng, 37, -9, 9)
    yield magnitudes(rng, 45, 0, 2, np.float32)
    yield np.arange(-20, 20, dtype=np.int64) * 12345
    yield np.arange(300, dtype=np.int32)
    yield np.array([rng.random() < 0.5 for _ in range(30)])
    yield magnitudes(rng, 90, -2, 2).reshape(3, 30)
    yield np.arange(120, dtype=np.int64).reshape(2, 3, 20)
    yield np.array([rng.random() < 0.5 for _ in range(64)]).reshape(4, 16)
    yield np.array([1e-300, -1e300] * 20)
    yield np.array([math.nan, 1.0, -math.inf] * 15)
    # A single word longer than the line is not wrapped before.
    yield np.array([1.0 / 3] * 3).reshape(1, 1, 3)


def summarised(rng):
    yield np.arange(2000, dtype=np.float64) * 0.25
    yield np.arange(1001, dtype=np.int64) - 500
    big = np.arange(2500, dtype=np.float64).reshape(50, 50) - 1250
    # Hidden elements must not change the format of the shown ones.
    big[10, 10], big[25, 30] = 1e300, math.nan
    big[0, 0], big[49, 49] = math.inf, -0.5
    yield big
    yield (np.arange(2000, dtype=np.int32) * 37 % 1001 - 500).reshape(
        10, 10, 20)
    yield (np.arange(2000, dtype=np.float32) / 8).reshape(10, 10, 20)
    wide = np.arange(1200, dtype=np.float64).reshape(3, 400) / 4
    wide[1, 200] = 1e-9
    yield wide
    deep = np.arange(7 * 7 * 7 * 3, dtype=np.int64).reshape(7, 7, 7, 3) * -3
    yield deep
    yield np.array([i % 3 == 0 for i in range(1500)]).reshape(30, 50)
    tall = np.arange(3000, dtype=np.float64).reshape(1000, 3) * 1e5
    tall[0, 0] = 2.0**-30
    yield tall
    noisy = np.array([rng.randint(-99, 99) for _ in range(1100)],
                     dtype=np.float64)
    for i in [0, 1, 2, 1097, 1098, 1099]:
        noisy[i] = rng.random() * 10.0**rng.randint(-3, 5)
    yield noisy


def main():
    rng = random.Random(20240612)
    groups = [scalars(), empties(), special_floats(), float32_specials(),
              random_floats(rng), integers(rng), shaped(rng), long_rows(rng),
              summarised(rng)]
    print("// Generated by gen_array_format_expectations.py with NumPy %s; do"
          " not edit." % np.__version__)
    print("//")
    print("// {type, shape, float elements, integer elements, str(a)}")
    print()
    for group in groups:
        for a in group:
            print(case_line(a))


if __name__ == "__main__":
    main()
