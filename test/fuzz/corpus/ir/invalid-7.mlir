func.func @f(%a: !dist.array<9xf64, #dist.layout<[b{bounds = [0, 4, 8]}]>>)
