"""A 3x3 blur written with nine shifted slices (the diagonal neighbours
too), applied repeatedly to an image with a bright square: ghost rows
carry the corner cells as well.

    dac run -n 4 examples/conv3x3.py
"""
import dac.numpy as np

h, w = 40, 30
img = np.zeros((h, w))
img[15:25, 10:20] = 1.0
out = img.copy()

k = [[1.0, 2.0, 1.0], [2.0, 4.0, 2.0], [1.0, 2.0, 1.0]]
for it in range(5):
    out[1:-1, 1:-1] = (k[0][0] * img[:-2, :-2] + k[0][1] * img[:-2, 1:-1] + k[0][2] * img[:-2, 2:]
                       + k[1][0] * img[1:-1, :-2] + k[1][1] * img[1:-1, 1:-1] + k[1][2] * img[1:-1, 2:]
                       + k[2][0] * img[2:, :-2] + k[2][1] * img[2:, 1:-1] + k[2][2] * img[2:, 2:]) / 16.0
    img, out = out, img

print(f"total {img.sum():.10f}, peak {img.max():.10f}")
print(img[10:30:4, 5:25:4])
