//===- DistTypes.cpp - dist dialect types ---------------------------------===//

#include "dac/Dialect/Dist/IR/DistTypes.h"
#include "dac/Dialect/Dist/IR/DistDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinTypes.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace dac::dist;

#define GET_TYPEDEF_CLASSES
#include "dac/Dialect/Dist/IR/DistTypes.cpp.inc"

void DistDialect::registerTypes() {
  addTypes<
#define GET_TYPEDEF_LIST
#include "dac/Dialect/Dist/IR/DistTypes.cpp.inc"
      >();
}

bool ArrayType::hasRank() const { return true; }

ShapedType ArrayType::cloneWith(std::optional<ArrayRef<int64_t>> shape,
                                Type elementType) const {
  return ArrayType::get(getContext(), shape ? *shape : getShape(), elementType,
                        getLayout());
}

ArrayType ArrayType::withLayout(LayoutAttr layout) const {
  return ArrayType::get(getContext(), getShape(), getElementType(), layout);
}

int64_t dac::dist::getStorageBytes(Type type) {
  return type.isInteger(1) ? 1 : type.getIntOrFloatBitWidth() / 8;
}

int64_t ArrayType::getElementBytes() const {
  return getStorageBytes(getElementType());
}

Type ArrayType::parse(AsmParser &parser) {
  SmallVector<int64_t> shape;
  Type elementType;
  LayoutAttr layout;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() ||
      parser.parseDimensionList(shape, /*allowDynamic=*/true,
                                /*withTrailingX=*/true) ||
      parser.parseType(elementType))
    return {};
  if (succeeded(parser.parseOptionalComma()) &&
      parser.parseCustomAttributeWithFallback(layout))
    return {};
  if (parser.parseGreater())
    return {};
  return ArrayType::getChecked([&]() { return parser.emitError(loc); },
                               parser.getContext(), shape, elementType, layout);
}

void ArrayType::print(AsmPrinter &printer) const {
  printer << '<';
  for (int64_t d : getShape()) {
    if (ShapedType::isDynamic(d))
      printer << '?';
    else
      printer << d;
    printer << 'x';
  }
  printer << getElementType();
  if (getLayout()) {
    printer << ", ";
    printer.printAttribute(getLayout());
  }
  printer << '>';
}

LogicalResult ArrayType::verify(function_ref<InFlightDiagnostic()> emitError,
                                ArrayRef<int64_t> shape, Type elementType,
                                LayoutAttr layout) {
  if (!elementType.isIntOrFloat())
    return emitError() << "array elements must be integers or floats, got "
                       << elementType;
  for (int64_t d : shape)
    if (d < 0 && !ShapedType::isDynamic(d))
      return emitError() << "array extents must be non-negative";
  if (!layout)
    return success();
  if (layout.getDims().size() != shape.size())
    return emitError() << "layout has " << layout.getDims().size()
                       << " dimensions but the array has rank " << shape.size();
  for (auto [i, dim] : llvm::enumerate(layout.getDims())) {
    int64_t n = shape[i];
    if (ShapedType::isDynamic(n))
      continue;
    if (!dim.getBounds().empty() && dim.getBounds().back() != n)
      return emitError() << "bounds of dimension " << i << " end at "
                         << dim.getBounds().back()
                         << " but the dimension has size " << n;
    if (std::max(dim.getHaloLo(), dim.getHaloHi()) > n)
      return emitError() << "halo of dimension " << i
                         << " is wider than the dimension (" << n << ")";
    if (dim.getIndices())
      for (Attribute list : dim.getIndices())
        for (int64_t idx : cast<DenseI64ArrayAttr>(list).asArrayRef())
          if (idx >= n)
            return emitError() << "index " << idx << " of dimension " << i
                               << " is out of range for size " << n;
  }
  return success();
}

LayoutAttr ArrayType::cheapestLayout(ArrayRef<ArrayType> operands) {
  if (operands.empty())
    return nullptr;
  auto resolved = [](ArrayType t) {
    return t.getLayout() ? t.getLayout()
                         : LayoutAttr::getDefault(t.getContext(), t.getRank());
  };
  auto replicated = [](LayoutAttr l) { return !l.getNumDistributedDims(); };
  auto cost = [&](LayoutAttr target) {
    int64_t bytes = 0;
    for (ArrayType operand : operands)
      if (resolved(operand) != target && !replicated(resolved(operand)))
        bytes += operand.getElementBytes() * (replicated(target) ? 2 : 1);
    return bytes;
  };
  ArrayType best = operands.front();
  int64_t least = cost(resolved(best));
  for (ArrayType operand : operands)
    if (int64_t c = cost(resolved(operand)); c < least) {
      best = operand;
      least = c;
    }
  return best.getLayout();
}
