# The layout of an element-wise result: the operand layout the others move
# the fewest bytes into (a replicated operand is read in place, never
# gathered into a distributed one's layout; the first wins a tie), the same
# rule in the reference package, so the local shapes agree on every rank
# count.
import dac
import dac.numpy as np
a = np.ones((4, 6)) + np.ones((4, 6), dist=('n', 'b'))
print(dac.localshapes(a))
b = np.ones((4, 6), dist=('n', 'n')) + np.ones((4, 6), dist=('n', 'b'))
print(dac.localshapes(b))
c = np.ones((4, 6), dist=('n', 'b')) * 2.0 + np.ones((4, 6))
print(dac.localshapes(c), c.sum())
d = np.where(np.ones((4, 6), dist=('n', 'n')) > 0, np.arange(24.0).reshape(4, 6), np.ones((4, 6), dist=('c', 'n')))
print(dac.localshapes(d), d)
