func.func @f(%a: !dist.array<9xf64, #dist.layout<[x]>>)
