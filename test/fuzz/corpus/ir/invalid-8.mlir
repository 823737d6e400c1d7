func.func @f(%a: !dist.array<9xf64, #dist.layout<[b{bounds = [0, 5, 4, 9]}]>>)
