func.func @f(%a: !dist.array<8x8xf64, #dist.layout<[b, b], grid = [4]>>)
