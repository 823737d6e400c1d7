//===- Encoding.h - PEP 263 source encodings --------------------*- C++ -*-===//

#ifndef DAC_SCRIPT_LIB_ENCODING_H
#define DAC_SCRIPT_LIB_ENCODING_H

#include <cstddef>
#include <string>

namespace dac {
namespace script {

/// A script's text as UTF-8, or why Python would refuse its bytes (then
/// `error` is set and `errorOffset` is the byte it names).
struct DecodedSource {
  std::string text;
  std::string error;
  size_t errorOffset = 0;
};

/// Decodes a script's bytes as Python does (PEP 263): UTF-8 unless a
/// `coding:` comment on line 1 or 2 says otherwise.
DecodedSource decodeSource(std::string bytes, const std::string &fileName);

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_LIB_ENCODING_H
