# f-strings with format specifications, formatted as Python's format().
import numpy as np

x = np.arange(10).mean()
n = np.arange(10).sum()
rng = np.random.default_rng(4)
r = rng.random(1000).sum()
print(f"mean={x:.3f} n={n:5d} hex={n:#x} sci={x * 1e6:.2e} pct={x / 10:.1%}")
print(f"{'label'}: {n:,} [{x:>10.2f}] [{x:<8}] [{x:^9.1f}] [{r:+.4g}] [{r:.6}]")
print(f"{-r:012.5f} {n:b} {n:o} {n * 1000000:_d} {x!r} {r:e}")
name = "pi"
print(f"{name!r} {name} {3.14159:.2f}")
