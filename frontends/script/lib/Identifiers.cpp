//===- Identifiers.cpp - Python's rules for non-ASCII names ---------------===//
//
// PEP 3131: a name starts with an XID_Start character or '_' and goes on
// with XID_Continue characters, and two names are the same name when their
// NFKC normal forms are equal (`ﬁle` is `file`). ASCII names never get here.
// The Unicode tables are ICU's, so that dac carries no copy of them; ICU 72
// has Unicode 15, one version after CPython 3.11's 14 (the only difference
// is characters new in 15, which CPython 3.11 refuses and dac accepts).
//
//===----------------------------------------------------------------------===//

#include "LexerUtils.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdio>

using namespace dac::script;

/// CPython's Py_UNICODE_ISPRINTABLE: every character except the categories
/// Cc, Cf, Cs, Co, Cn, Zl, Zp and the spaces other than ' '.
static bool isPrintable(UChar32 c) {
  switch (u_charType(c)) {
  case U_CONTROL_CHAR:
  case U_FORMAT_CHAR:
  case U_SURROGATE:
  case U_PRIVATE_USE_CHAR:
  case U_UNASSIGNED:
  case U_LINE_SEPARATOR:
  case U_PARAGRAPH_SEPARATOR:
    return false;
  case U_SPACE_SEPARATOR:
    return c == ' ';
  default:
    return true;
  }
}

size_t dac::script::findInvalidNameChar(std::string_view word,
                                        std::string &message) {
  const auto *bytes = reinterpret_cast<const uint8_t *>(word.data());
  int32_t length = static_cast<int32_t>(word.size());
  for (int32_t i = 0; i < length;) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    // The source was checked to be UTF-8 when it was read, so c >= 0.
    UProperty property = at == 0 ? UCHAR_XID_START : UCHAR_XID_CONTINUE;
    if (c == '_' || (c >= 0 && u_hasBinaryProperty(c, property)))
      continue;
    char hex[16];
    std::snprintf(hex, sizeof(hex), "%04X", static_cast<unsigned>(c));
    message = isPrintable(c) ? "invalid character '" +
                                   std::string(word.substr(at, i - at)) +
                                   "' (U+" + hex + ")"
                             : std::string("invalid non-printable character "
                                           "U+") +
                                   hex;
    return static_cast<size_t>(at);
  }
  return std::string_view::npos;
}

std::string dac::script::normalizeName(std::string_view word) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2 *nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status))
    return std::string(word);
  icu::UnicodeString normal =
      nfkc->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(
                          word.data(), static_cast<int32_t>(word.size()))),
                      status);
  std::string result;
  if (U_FAILURE(status))
    return std::string(word);
  normal.toUTF8String(result);
  return result;
}
