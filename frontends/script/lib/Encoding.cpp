//===- Encoding.cpp - PEP 263 source encodings ----------------------------===//
//
// Python reads a script as UTF-8 unless a `coding:` comment on its first or
// second line names another encoding; bytes that do not decode are a
// SyntaxError. Scripts are UTF-8 inside the frontend: latin-1 sources are
// transcoded, others refused with a clear message.
//
//===----------------------------------------------------------------------===//

#include "Encoding.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <regex>

using namespace dac::script;

namespace {

/// The encoding a `coding[:=]` comment on line 1 or 2 declares ("" if
/// none). Line 2 counts only when line 1 is blank or a comment.
std::string declaredEncoding(const std::string &text) {
  static const std::regex Declaration(
      R"(^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+))");
  size_t start = 0;
  for (int line = 0; line < 2 && start <= text.size(); ++line) {
    size_t end = text.find('\n', start);
    std::string current =
        text.substr(start, end == std::string::npos ? end : end - start);
    std::smatch match;
    if (std::regex_search(current, match, Declaration))
      return match[1];
    size_t first = current.find_first_not_of(" \t\f\r");
    if (first != std::string::npos && current[first] != '#')
      break;
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  return "";
}

/// An encoding name in lower case with '-' for '_', as Python compares them.
std::string lowerDashed(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) {
    return c == '_' ? '-' : static_cast<char>(std::tolower(c));
  });
  return name;
}

/// Python's tokenizer normalisation of an encoding name (get_normal_name),
/// with the aliases of latin-1 and ascii its codecs accept.
std::string normalName(std::string name) {
  name = lowerDashed(std::move(name));
  auto is = [&](const char *base) {
    size_t n = std::char_traits<char>::length(base);
    return name == base || name.compare(0, n + 1, std::string(base) + "-") == 0;
  };
  if (is("utf-8") || name == "utf8")
    return "utf-8";
  if (is("latin-1") || is("iso-8859-1") || is("iso-latin-1") ||
      name == "latin1" || name == "iso8859-1" || name == "l1" ||
      name == "cp819" || name == "latin")
    return "latin-1";
  if (name == "ascii" || name == "us-ascii" || name == "646")
    return "ascii";
  return name;
}

/// The length of the UTF-8 sequence at `i`, or 0 if it is not one.
size_t utf8Length(const std::string &s, size_t i) {
  auto byte = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = byte(i);
  size_t n = c < 0x80           ? 1
             : (c >> 5) == 0x6  ? 2
             : (c >> 4) == 0xE  ? 3
             : (c >> 3) == 0x1E ? 4
                                : 0;
  if (n == 0 || i + n > s.size() || (n == 2 && c < 0xC2))
    return 0;
  for (size_t k = 1; k < n; ++k)
    if ((byte(i + k) >> 6) != 0x2)
      return 0;
  // No overlong 3/4-byte forms, surrogates or code points past U+10FFFF.
  if (n == 3 &&
      ((c == 0xE0 && byte(i + 1) < 0xA0) || (c == 0xED && byte(i + 1) >= 0xA0)))
    return 0;
  if (n == 4 && ((c == 0xF0 && byte(i + 1) < 0x90) || c > 0xF4 ||
                 (c == 0xF4 && byte(i + 1) >= 0x90)))
    return 0;
  return n;
}

} // namespace

DecodedSource dac::script::decodeSource(std::string bytes,
                                        const std::string &fileName) {
  DecodedSource result;
  bool bom = bytes.compare(0, 3, "\xEF\xBB\xBF") == 0;
  // The declaration is looked for after the mark, as Python does.
  std::string declared = declaredEncoding(bom ? bytes.substr(3) : bytes);
  std::string encoding = declared.empty() ? "utf-8" : normalName(declared);
  // A UTF-8 byte order mark says the file is UTF-8, whatever it declares.
  if (bom && !declared.empty() && encoding != "utf-8") {
    result.errorOffset = 0;
    // Python names the encoding as its tokenizer normalised it.
    std::string lower = lowerDashed(declared);
    bool latin = false;
    for (const char *base : {"latin-1", "iso-8859-1", "iso-latin-1"})
      latin |= lower == base || lower.rfind(std::string(base) + "-", 0) == 0;
    result.error = "SyntaxError: encoding problem: " +
                   (latin ? std::string("iso-8859-1") : declared) + " with BOM";
    return result;
  }
  if (encoding == "latin-1") {
    for (unsigned char c : bytes) {
      if (c < 0x80) {
        result.text.push_back(static_cast<char>(c));
      } else {
        result.text.push_back(static_cast<char>(0xC0 | (c >> 6)));
        result.text.push_back(static_cast<char>(0x80 | (c & 0x3F)));
      }
    }
    return result;
  }
  if (encoding != "utf-8" && encoding != "ascii") {
    result.errorOffset = 0;
    result.error = "SyntaxError: encoding '" + declared +
                   "' is not supported (dac reads utf-8, latin-1 and ascii "
                   "scripts)";
    return result;
  }
  for (size_t i = 0; i < bytes.size();) {
    size_t n = utf8Length(bytes, i);
    if (n == 1 || (n > 1 && encoding == "utf-8")) {
      i += n;
      continue;
    }
    char byte[8];
    std::snprintf(byte, sizeof(byte), "\\x%02x",
                  static_cast<unsigned char>(bytes[i]));
    size_t line = 1 + std::count(bytes.begin(), bytes.begin() + i, '\n');
    result.errorOffset = i;
    result.error = declared.empty()
                       ? "SyntaxError: Non-UTF-8 code starting with '" +
                             std::string(byte) + "' in file " + fileName +
                             " on line " + std::to_string(line) +
                             ", but no encoding declared; see "
                             "https://peps.python.org/pep-0263/ for details"
                       : "SyntaxError: '" + encoding +
                             "' codec can't decode byte " +
                             std::string(byte).replace(0, 2, "0x") +
                             " in line " + std::to_string(line);
    return result;
  }
  result.text = std::move(bytes);
  return result;
}
