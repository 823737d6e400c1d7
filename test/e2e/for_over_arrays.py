# 'for' over the elements of a 1-D array (a compiled loop reading each
# element where it lives): a CRC over an int array, sums over views, and
# the loop variable after the loop.
import numpy as np
data = (np.arange(12) * 37) % 256
crc = 0xFFFF
for b in data:
    crc ^= int(b)
    for _ in range(8):
        if crc & 1:
            crc = (crc >> 1) ^ 0xA001
        else:
            crc >>= 1
print(crc)
x = np.linspace(0.0, 1.0, 5)
s = 0.0
for v in x:
    s += v * v
print(s, v)
n = int(x.sum()) + 1
w = np.arange(n * 3.0)
t = 0.0
for v in w[::2]:
    t = t * 0.5 + v
print(t)
for v in x[:3]:
    print(v)
