//===- DistAttrs.cpp - dist dialect attributes ----------------------------===//
//
// Parsing, printing and verification of layouts. One dimension is written
// with DistArray's code and optional parameters in braces:
//
//   n | b | b{bounds = [0, 2, 6, 9]} | b{halo = [1, 1], periodic}
//     | c | c{k = 4} | u{indices = [[4, 0], [1, 3, 2]]}
//
//===----------------------------------------------------------------------===//

#include "dac/Dialect/Dist/IR/DistAttrs.h"
#include "dac/Dialect/Dist/IR/DistDialect.h"

#include "mlir/IR/Builders.h"
#include "mlir/IR/DialectImplementation.h"
#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace dac::dist;

#include "dac/Dialect/Dist/IR/DistEnums.cpp.inc"

#define GET_ATTRDEF_CLASSES
#include "dac/Dialect/Dist/IR/DistAttrs.cpp.inc"

void DistDialect::registerAttributes() {
  addAttributes<
#define GET_ATTRDEF_LIST
#include "dac/Dialect/Dist/IR/DistAttrs.cpp.inc"
      >();
}

//===----------------------------------------------------------------------===//
// DimAttr
//===----------------------------------------------------------------------===//

DimAttr DimAttr::getBlock(MLIRContext *ctx) {
  return DimAttr::get(ctx, DimKind::Block, 1, 0, 0, false, {}, nullptr);
}

DimAttr DimAttr::getNone(MLIRContext *ctx) {
  return DimAttr::get(ctx, DimKind::None, 1, 0, 0, false, {}, nullptr);
}

static ParseResult parseIntList(AsmParser &parser,
                                SmallVectorImpl<int64_t> &values) {
  return parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                        [&]() -> ParseResult {
                                          int64_t v;
                                          if (parser.parseInteger(v))
                                            return failure();
                                          values.push_back(v);
                                          return success();
                                        });
}

/// Parses the body of one dimension (without the `#dist.dim<>` wrapper).
static DimAttr parseDimBody(AsmParser &parser) {
  MLIRContext *ctx = parser.getContext();
  SMLoc loc = parser.getCurrentLocation();
  StringRef code;
  if (parser.parseKeyword(&code))
    return {};
  std::optional<DimKind> kind = symbolizeDimKind(code);
  if (!kind) {
    parser.emitError(loc, "unknown distribution '")
        << code << "' (expected one of n, b, c, u)";
    return {};
  }
  int64_t k = 1, lo = 0, hi = 0;
  bool periodic = false;
  SmallVector<int64_t> bounds;
  ArrayAttr indices;
  if (succeeded(parser.parseOptionalLBrace())) {
    auto parseEntry = [&]() -> ParseResult {
      SMLoc keyLoc = parser.getCurrentLocation();
      StringRef key;
      if (parser.parseKeyword(&key))
        return failure();
      if (key == "periodic") {
        periodic = true;
        return success();
      }
      if (parser.parseEqual())
        return failure();
      if (key == "k")
        return parser.parseInteger(k);
      if (key == "bounds")
        return parseIntList(parser, bounds);
      if (key == "halo") {
        SmallVector<int64_t> widths;
        if (parseIntList(parser, widths))
          return failure();
        if (widths.size() != 2)
          return parser.emitError(keyLoc, "halo expects [lo, hi]");
        lo = widths[0];
        hi = widths[1];
        return success();
      }
      if (key == "indices") {
        SmallVector<Attribute> lists;
        if (parser.parseCommaSeparatedList(
                AsmParser::Delimiter::Square, [&]() -> ParseResult {
                  SmallVector<int64_t> list;
                  if (parseIntList(parser, list))
                    return failure();
                  lists.push_back(DenseI64ArrayAttr::get(ctx, list));
                  return success();
                }))
          return failure();
        indices = ArrayAttr::get(ctx, lists);
        return success();
      }
      return parser.emitError(keyLoc, "unknown dimension parameter '")
             << key << "'";
    };
    if (parser.parseCommaSeparatedList(parseEntry) || parser.parseRBrace())
      return {};
  }
  return DimAttr::getChecked([&]() { return parser.emitError(loc); }, ctx,
                             *kind, k, lo, hi, periodic, bounds, indices);
}

static void printIntList(AsmPrinter &printer, ArrayRef<int64_t> values) {
  printer << '[';
  llvm::interleaveComma(values, printer);
  printer << ']';
}

static void printDimBody(AsmPrinter &printer, DimAttr dim) {
  printer << stringifyDimKind(dim.getKind());
  SmallVector<std::function<void()>> entries;
  if (dim.getKind() == DimKind::Cyclic && dim.getBlockSize() != 1)
    entries.push_back([&] { printer << "k = " << dim.getBlockSize(); });
  if (!dim.getBounds().empty())
    entries.push_back([&] {
      printer << "bounds = ";
      printIntList(printer, dim.getBounds());
    });
  if (dim.getHaloLo() != 0 || dim.getHaloHi() != 0)
    entries.push_back([&] {
      printer << "halo = ";
      printIntList(printer, {dim.getHaloLo(), dim.getHaloHi()});
    });
  if (dim.getPeriodic())
    entries.push_back([&] { printer << "periodic"; });
  if (dim.getIndices())
    entries.push_back([&] {
      printer << "indices = [";
      llvm::interleaveComma(dim.getIndices(), printer, [&](Attribute a) {
        printIntList(printer, cast<DenseI64ArrayAttr>(a).asArrayRef());
      });
      printer << ']';
    });
  if (entries.empty())
    return;
  printer << '{';
  llvm::interleaveComma(entries, printer, [](auto &f) { f(); });
  printer << '}';
}

Attribute DimAttr::parse(AsmParser &parser, Type) {
  if (parser.parseLess())
    return {};
  DimAttr dim = parseDimBody(parser);
  if (!dim || parser.parseGreater())
    return {};
  return dim;
}

void DimAttr::print(AsmPrinter &printer) const {
  printer << '<';
  printDimBody(printer, *this);
  printer << '>';
}

LogicalResult DimAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                              DimKind kind, int64_t blockSize, int64_t haloLo,
                              int64_t haloHi, bool periodic,
                              ArrayRef<int64_t> bounds, ArrayAttr indices) {
  if (blockSize < 1)
    return emitError() << "block size must be at least 1, got " << blockSize;
  if (blockSize != 1 && kind != DimKind::Cyclic)
    return emitError() << "a block size needs a cyclic ('c') dimension";
  if (haloLo < 0 || haloHi < 0)
    return emitError() << "halo widths must be non-negative, got [" << haloLo
                       << ", " << haloHi << "]";
  if ((haloLo || haloHi || periodic) && kind != DimKind::Block)
    return emitError() << "halo and periodic need a block ('b') dimension";
  if (!bounds.empty()) {
    if (kind != DimKind::Block)
      return emitError() << "bounds need a block ('b') dimension";
    if (bounds.size() < 2 || bounds.front() != 0)
      return emitError() << "bounds must start at 0 and have at least two "
                            "entries";
    for (size_t i = 1; i < bounds.size(); ++i)
      if (bounds[i] < bounds[i - 1])
        return emitError() << "bounds must be non-decreasing";
  }
  if (kind == DimKind::Unstructured && !indices)
    return emitError() << "an unstructured ('u') dimension needs indices";
  if (indices) {
    if (kind != DimKind::Unstructured)
      return emitError() << "indices need an unstructured ('u') dimension";
    for (Attribute list : indices) {
      auto ints = dyn_cast<DenseI64ArrayAttr>(list);
      if (!ints)
        return emitError() << "indices must be lists of integers";
      for (int64_t i : ints.asArrayRef())
        if (i < 0)
          return emitError() << "indices must be non-negative, got " << i;
    }
  }
  return success();
}

//===----------------------------------------------------------------------===//
// LayoutAttr
//===----------------------------------------------------------------------===//

unsigned LayoutAttr::getNumDistributedDims() const {
  return llvm::count_if(getDims(), [](DimAttr d) { return d.isDistributed(); });
}

LayoutAttr LayoutAttr::getDefault(MLIRContext *ctx, unsigned rank) {
  SmallVector<DimAttr> dims(rank, DimAttr::getNone(ctx));
  if (rank > 0)
    dims[0] = DimAttr::getBlock(ctx);
  return LayoutAttr::get(ctx, dims, {});
}

bool LayoutAttr::isLeadingBlock() const {
  if (!getGrid().empty())
    return false;
  ArrayRef<DimAttr> dims = getDims();
  for (auto [i, d] : llvm::enumerate(dims)) {
    DimKind want = i == 0 ? DimKind::Block : DimKind::None;
    if (d.getKind() != want || !d.getBounds().empty() || d.getHaloLo() ||
        d.getHaloHi() || d.getPeriodic())
      return false;
  }
  return true;
}

Attribute LayoutAttr::parse(AsmParser &parser, Type) {
  SmallVector<DimAttr> dims;
  SmallVector<int64_t> grid;
  SMLoc loc = parser.getCurrentLocation();
  if (parser.parseLess() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                     [&]() -> ParseResult {
                                       DimAttr d = parseDimBody(parser);
                                       if (!d)
                                         return failure();
                                       dims.push_back(d);
                                       return success();
                                     }))
    return {};
  if (succeeded(parser.parseOptionalComma())) {
    if (parser.parseKeyword("grid") || parser.parseEqual() ||
        parseIntList(parser, grid))
      return {};
  }
  if (parser.parseGreater())
    return {};
  return LayoutAttr::getChecked([&]() { return parser.emitError(loc); },
                                parser.getContext(), dims, grid);
}

void LayoutAttr::print(AsmPrinter &printer) const {
  printer << "<[";
  llvm::interleaveComma(getDims(), printer,
                        [&](DimAttr d) { printDimBody(printer, d); });
  printer << ']';
  if (!getGrid().empty()) {
    printer << ", grid = ";
    printIntList(printer, getGrid());
  }
  printer << '>';
}

LogicalResult LayoutAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 ArrayRef<DimAttr> dims,
                                 ArrayRef<int64_t> grid) {
  if (grid.empty())
    return success();
  unsigned distributed =
      llvm::count_if(dims, [](DimAttr d) { return d.isDistributed(); });
  if (grid.size() != distributed)
    return emitError() << "grid has " << grid.size()
                       << " extents but the layout distributes " << distributed
                       << " dimensions";
  unsigned g = 0;
  for (DimAttr d : dims) {
    if (!d.isDistributed())
      continue;
    int64_t extent = grid[g++];
    if (extent < 1)
      return emitError() << "grid extents must be at least 1, got " << extent;
    if (!d.getBounds().empty() &&
        d.getBounds().size() != static_cast<size_t>(extent) + 1)
      return emitError() << "bounds of a dimension on a grid axis of " << extent
                         << " ranks need " << extent + 1 << " entries, got "
                         << d.getBounds().size();
    if (d.getIndices() && d.getIndices().size() != static_cast<size_t>(extent))
      return emitError() << "indices of a dimension on a grid axis of "
                         << extent << " ranks need " << extent << " lists, got "
                         << d.getIndices().size();
  }
  return success();
}

//===----------------------------------------------------------------------===//
// AccessAttr
//===----------------------------------------------------------------------===//

unsigned AccessAttr::getNumDynamicStarts() const {
  return llvm::count_if(getStarts(), ShapedType::isDynamic);
}

Attribute AccessAttr::parse(AsmParser &parser, Type) {
  SMLoc loc = parser.getCurrentLocation();
  SmallVector<int64_t> starts, steps, dims;
  auto parseStart = [&]() -> ParseResult {
    if (succeeded(parser.parseOptionalQuestion())) {
      starts.push_back(ShapedType::kDynamic);
      return success();
    }
    return parser.parseInteger(starts.emplace_back());
  };
  if (parser.parseLess() ||
      parser.parseCommaSeparatedList(AsmParser::Delimiter::Square,
                                     parseStart) ||
      parser.parseKeyword("steps") || parseIntList(parser, steps) ||
      parser.parseKeyword("dims") || parseIntList(parser, dims))
    return {};
  SmallVector<int64_t> wrap;
  if (succeeded(parser.parseOptionalKeyword("wrap")) &&
      parseIntList(parser, wrap))
    return {};
  if (parser.parseGreater())
    return {};
  return AccessAttr::getChecked([&]() { return parser.emitError(loc); },
                                parser.getContext(), starts, steps, dims, wrap);
}

void AccessAttr::print(AsmPrinter &printer) const {
  printer << "<[";
  llvm::interleaveComma(getStarts(), printer, [&](int64_t s) {
    if (ShapedType::isDynamic(s))
      printer << '?';
    else
      printer << s;
  });
  printer << "] steps ";
  printIntList(printer, getSteps());
  printer << " dims ";
  printIntList(printer, getDims());
  if (!getWrap().empty()) {
    printer << " wrap ";
    printIntList(printer, getWrap());
  }
  printer << '>';
}

LogicalResult AccessAttr::verify(function_ref<InFlightDiagnostic()> emitError,
                                 ArrayRef<int64_t> starts,
                                 ArrayRef<int64_t> steps,
                                 ArrayRef<int64_t> dims,
                                 ArrayRef<int64_t> wrap) {
  if (starts.size() != dims.size() || steps.size() != dims.size())
    return emitError() << "an access needs one start, step and dim per "
                          "dimension of the array it reads";
  for (int64_t d : dims)
    if (d < -1)
      return emitError() << "access dims are iteration dimensions or -1, got "
                         << d;
  for (int64_t d : wrap)
    if (d < 0 || d >= static_cast<int64_t>(dims.size()) || dims[d] < 0)
      return emitError() << "wrap names input dimensions read along an "
                            "iteration dimension, got "
                         << d;
  return success();
}
