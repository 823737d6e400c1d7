func.func @f(%a: !dist.array<8x3xf64, #dist.layout<[b]>>)
