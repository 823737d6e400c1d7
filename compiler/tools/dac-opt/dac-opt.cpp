//===- dac-opt.cpp - mlir-opt with the dist dialect and dac passes --------===//

#include "dac/Compiler/InitAll.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  dac::registerAllDialects(registry);
  dac::registerAllPasses();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "dac optimizer driver\n", registry));
}
