# Python scalar arithmetic: ints, floats, bools, Python's division rules,
# math functions, builtins and printing.
import math

a = 17
b = -5
x = 2.5
y = -0.1
print(a + b, a - b, a * b, a / b, a // b, a % b, -a // 4, -a % 4)
print(x + y, x * y, x / y, x // y, x % y, -x // 0.75, -x % 0.75)
print(2**10, 10**8, 2**-1, 2.0**0.5, (-2) ** 3, -2**2)
print(a > b, a == 17, x <= y, 1 < 2 < 3, 3 < 2 < 1, not a)
print(True + True, True * 3.5, abs(b), abs(y), min(a, b), max(x, 3), max(1, 1.0))
print(int(7.9), int(-7.9), float(3), bool(0.0), bool(-2), round(2.5), round(3.5))
print(math.sqrt(2.0), math.exp(1.0), math.log(10.0), math.sin(1.0), math.pi)
print(math.floor(-2.5), math.ceil(2.1), math.hypot(3.0, 4.0), math.atan2(1.0, -1.0))
print(1e16, 1e-5, 0.0001, 123456789.123, -0.0, 1.0 / 3, 2.0 / 3 * 1e20)
print(1e300 * 1e10, -1e300 * 1e10, 0.1 + 0.2, 7 / 7)
z = a if a > 10 else b
w = (a > 100) or x
print(z, w, a and 0, 0 or 4.5)
print("pi is", math.pi, "and e is", math.e, sep=" ~ ", end="!\n")
print(f"a={a} x={x} both={a * x}", "done")
print((1, 2.5), (3,), [True, None], "x")
