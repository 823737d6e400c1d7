# RUN: dac build %s -o %t
# RUN: env DAC_STATS=1 %mpirun -n 2 %t 2>&1 >/dev/null | FileCheck %s --check-prefix=TABLE
# RUN: env DAC_STATS=%t.json %mpirun -n 3 %t | FileCheck %s --check-prefix=OUT
# RUN: %python -c "import json,sys; d=json.load(open(sys.argv[1])); c={e['kind']: e for e in d['comm']}; k={(e['name'], e['line']): e['calls'] for e in d['kernels']}; print(d['ranks'], c['halo']['messages'], c['halo']['bytes'], c['halo']['self_bytes'], c['allreduce']['messages'], k[('update', 19)], k[('reduction', 21)])" %t.json | FileCheck %s --check-prefix=JSON
# RUN: %mpirun -n 2 %t 2>&1 | FileCheck %s --check-prefix=QUIET

# Tests DAC_STATS: a table on stderr of rank 0 (=1) or a JSON file (=path)
# with the communication each kind needed, summed over ranks, and every
# kernel's runs by script line; nothing without it.
import numpy as np

n = 12
u = np.zeros((n, 5))
u[0, :] = 1.0
un = u.copy()
# Ten sweeps on 3 ranks (4 rows each): ranks 0 and 2 send one 5-element
# row, rank 1 two, per sweep: 40 messages of 40 bytes.
for it in range(10):
    un[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    u, un = un, u
print(u.sum())

# OUT: 7.3717212677

# TABLE: dac statistics (2 ranks)
# TABLE: communication      messages           bytes      self bytes     seconds
# TABLE: halo                     20             800               0
# TABLE: kernel                line      calls     seconds
# TABLE: update                  19         10

# JSON: 3 40 1600 0 3 10 1

# QUIET-NOT: statistics
