# float(), int() and bool() of strings known when compiling, by Python's
# rules: inf/nan spellings, underscores between digits, surrounding spaces,
# correctly rounded decimals, overflow to inf and underflow to 0.
import math
a = float("nan")
b = float(" -Infinity ")
c = float("1_000.5")
d = float("1e500")
e = float("-nan")
f = float(".5e-3")
g = int(" -0_42 ")
h = bool("")
i = float("2.5e-324")
print(a, b, c, d, e, f, g, h, i, math.isnan(a), a != a)
