//===- dac-script-parse.cpp - Parse a script and dump its AST ------------===//
//
// Test driver of the script frontend: `dac-script-parse file.py` prints the
// AST to stdout, or the diagnostic to stderr and exits with status 1.
//
//===----------------------------------------------------------------------===//

#include "dac/Script/Parser.h"

#include <iostream>

using namespace dac::script;

int main(int argc, char **argv) {
  if (argc != 2) {
    std::cerr << "usage: dac-script-parse <file.py>\n";
    return 2;
  }
  SourceManager sourceMgr;
  DiagnosticEngine diags;
  std::string error;
  if (!sourceMgr.loadFile(argv[1], error)) {
    std::cerr << "dac-script-parse: error: " << error << '\n';
    return 1;
  }
  std::unique_ptr<Module> module = parseFile(sourceMgr, diags);
  diags.print(std::cerr);
  if (!module)
    return 1;
  dumpAST(*module, std::cout);
  return 0;
}
