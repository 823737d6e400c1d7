# `if` on values known only at run time (reductions): the branch runs on
# every rank alike; scalars assigned in it flow on, arrays may be computed
# and reduced inside it.
import numpy as np

rng = np.random.default_rng(99)
x = rng.random(5000)
m = x.mean()
if m > 0.5:
    label = 1
    print("mean above one half:", m)
else:
    label = -1
    print("mean at most one half:", m)
print("label", label)

count = 0
scale = 1.0
for threshold in (0.25, 0.5, 0.75):
    if (x > threshold).sum() > 2500:
        count += 1
        scale = scale * 2
    elif (x > threshold).sum() > 1000:
        scale = scale + 0.5
print(count, scale)

s = x.sum()
if s < 0:
    print("impossible")
y = np.ones(10) * 3 if s > 1 else np.zeros(10)
print(y.sum())
if s > 100:
    print("inside", (np.arange(7) * s).sum())
print(max(m, 0.25) if s > 2 else 0.0)
