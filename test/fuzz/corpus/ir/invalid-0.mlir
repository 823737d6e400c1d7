func.func @f(%a: !dist.array<8xf64, #dist.layout<[c{k = 0}]>>)
