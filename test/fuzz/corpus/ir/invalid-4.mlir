func.func @f(%a: !dist.array<8xf64, #dist.layout<[u]>>)
