"""Conway's game of life on a torus: the eight neighbours are counted with
np.roll (periodic shifts), the rules applied with np.where. A glider
crosses the board's edges.

    dac run -n 4 examples/game_of_life.py
"""
import dac.numpy as np

n = 16
board = np.zeros((n, n), dtype=np.int64)
# A glider, and a blinker.
board[1, 2] = 1
board[2, 3] = 1
board[3, 1] = 1
board[3, 2] = 1
board[3, 3] = 1
board[10, 10:13] = 1

for gen in range(24):
    neighbours = (np.roll(board, 1, 0) + np.roll(board, -1, 0)
                  + np.roll(board, 1, 1) + np.roll(board, -1, 1)
                  + np.roll(np.roll(board, 1, 0), 1, 1)
                  + np.roll(np.roll(board, 1, 0), -1, 1)
                  + np.roll(np.roll(board, -1, 0), 1, 1)
                  + np.roll(np.roll(board, -1, 0), -1, 1))
    board = np.where((neighbours == 3) | ((board == 1) & (neighbours == 2)), 1, 0)

print("alive:", board.sum())
print(board)
