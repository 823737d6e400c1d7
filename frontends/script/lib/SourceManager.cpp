//===- SourceManager.cpp - Script source files and locations -------------===//
//
// Line tables for source files, and reading files from disk.
//
//===----------------------------------------------------------------------===//

#include "dac/Script/SourceManager.h"
#include "Encoding.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

using namespace dac::script;

/// Drops a UTF-8 byte order mark and replaces "\r\n" and lone '\r' by
/// '\n', the way Python reads source files.
static std::string normalizeText(std::string text) {
  if (text.compare(0, 3, "\xEF\xBB\xBF") == 0)
    text.erase(0, 3);
  if (text.find('\r') == std::string::npos)
    return text;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0, e = text.size(); i != e; ++i) {
    if (text[i] != '\r') {
      out.push_back(text[i]);
      continue;
    }
    out.push_back('\n');
    if (i + 1 != e && text[i + 1] == '\n')
      ++i;
  }
  return out;
}

SourceFile::SourceFile(std::string name, std::string bytes)
    : name(std::move(name)) {
  DecodedSource decoded = decodeSource(bytes, this->name);
  if (!decoded.error.empty()) {
    // Keep the bytes, so that the diagnostic shows the line.
    decodeError = decoded.error;
    decodeErrorOffset = static_cast<uint32_t>(decoded.errorOffset);
    decoded.text = std::move(bytes);
  }
  text = normalizeText(std::move(decoded.text));
  lineStarts.push_back(0);
  for (size_t i = 0, e = this->text.size(); i != e; ++i)
    if (this->text[i] == '\n')
      lineStarts.push_back(static_cast<uint32_t>(i + 1));
}

SourceLoc SourceFile::getLoc(uint32_t offset) const {
  offset = std::min<uint32_t>(offset, static_cast<uint32_t>(text.size()));
  // The last line start that is <= offset.
  auto it = std::upper_bound(lineStarts.begin(), lineStarts.end(), offset);
  uint32_t lineIndex = static_cast<uint32_t>(it - lineStarts.begin()) - 1;
  SourceLoc loc;
  loc.offset = offset;
  loc.line = lineIndex + 1;
  loc.col = offset - lineStarts[lineIndex] + 1;
  return loc;
}

std::string_view SourceFile::getLineText(uint32_t line) const {
  if (line == 0 || line > lineStarts.size())
    return {};
  uint32_t begin = lineStarts[line - 1];
  uint32_t end = line < lineStarts.size() ? lineStarts[line] - 1
                                          : static_cast<uint32_t>(text.size());
  return std::string_view(text).substr(begin, end - begin);
}

std::string_view SourceFile::getText(SourceRange range) const {
  uint32_t size = static_cast<uint32_t>(text.size());
  uint32_t begin = std::min(range.begin.offset, size);
  uint32_t end = std::min(std::max(range.end.offset, begin), size);
  return std::string_view(text).substr(begin, end - begin);
}

const SourceFile &SourceManager::addFile(std::string name, std::string text) {
  files.push_back(
      std::make_unique<SourceFile>(std::move(name), std::move(text)));
  return *files.back();
}

const SourceFile *SourceManager::loadFile(const std::string &path,
                                          std::string &error) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    error = "'" + path + "' is a directory";
    return nullptr;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = "cannot open file '" + path + "'";
    return nullptr;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    error = "cannot read file '" + path + "'";
    return nullptr;
  }
  std::string text = buffer.str();
  // Offsets are 32-bit; no script comes anywhere near this.
  if (text.size() >= std::numeric_limits<int32_t>::max()) {
    error = "file '" + path + "' is too large";
    return nullptr;
  }
  return &addFile(path, std::move(text));
}
