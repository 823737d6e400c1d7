#b = #dist.layout<[b]>

// Tests that copying a view into a box of another array (`a[1:] = a[:-1]`)
// becomes a window update reading the view's base through an access.
func.func @view_copy(%a: !dist.array<8xf64, #b>) -> !dist.array<8xf64, #b> {
  %v = dist.gather %a [0] steps [1] dims [0] : !dist.array<8xf64, #b> -> !dist.array<7xf64, #b>
  %r = dist.insert %v into %a [1] steps [1] dims [0] : !dist.array<7xf64, #b> into !dist.array<8xf64, #b> -> !dist.array<8xf64, #b>
  return %r : !dist.array<8xf64, #b>
}
