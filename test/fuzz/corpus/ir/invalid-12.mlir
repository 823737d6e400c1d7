func.func @f(%a: !dist.array<9xindex>)
