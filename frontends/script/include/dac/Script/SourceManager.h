//===- SourceManager.h - Script source files and locations ------*- C++ -*-===//
//
// Source locations (offset, line, column) and the files they point into.
// Everything here is plain C++17: the script frontend includes no LLVM.
//
//===----------------------------------------------------------------------===//

#ifndef DAC_SCRIPT_SOURCEMANAGER_H
#define DAC_SCRIPT_SOURCEMANAGER_H

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace dac {
namespace script {

/// A position in a source file. `line` and `col` are 1-based; `col` counts
/// bytes (as clang does), so a tab or a UTF-8 sequence advances it by its
/// byte length.
struct SourceLoc {
  uint32_t offset = 0;
  uint32_t line = 0;
  uint32_t col = 0;

  /// False for a default-constructed location (line 0 does not exist).
  bool isValid() const { return line != 0; }
};

/// A half-open range [begin, end) of a source file: `end` is the position
/// one past the last character.
struct SourceRange {
  SourceLoc begin;
  SourceLoc end;

  SourceRange() = default;
  SourceRange(SourceLoc begin, SourceLoc end) : begin(begin), end(end) {}
  /// An empty range at \p loc.
  explicit SourceRange(SourceLoc loc) : begin(loc), end(loc) {}

  bool isValid() const { return begin.isValid(); }
};

/// Returns the range spanning \p first up to the end of \p last.
inline SourceRange joinRanges(SourceRange first, SourceRange last) {
  return SourceRange(first.begin, last.end);
}

/// One source file: its name (as given on the command line, used in
/// diagnostics) and its text, decoded to UTF-8 as Python decodes it (PEP
/// 263 `coding:` lines). Line endings are normalised to '\n' and a UTF-8
/// byte order mark is dropped when the file is created, so offsets and line
/// texts never see them.
class SourceFile {
public:
  SourceFile(std::string name, std::string text);

  const std::string &getName() const { return name; }
  const std::string &getText() const { return text; }
  uint32_t getNumLines() const {
    return static_cast<uint32_t>(lineStarts.size());
  }

  /// Returns the location of byte \p offset (clamped to the end of the file).
  SourceLoc getLoc(uint32_t offset) const;
  /// Returns the text of 1-based line \p line without its '\n', or an empty
  /// view for a line that does not exist.
  std::string_view getLineText(uint32_t line) const;
  /// Returns the source text covered by \p range.
  std::string_view getText(SourceRange range) const;
  /// Why Python would refuse the file's bytes (empty if it would not), and
  /// the offset of the byte that says so.
  const std::string &getDecodeError() const { return decodeError; }
  uint32_t getDecodeErrorOffset() const { return decodeErrorOffset; }

  /// Keeps \p spelling for as long as the file and returns a view of it:
  /// the NFKC form of a non-ASCII name, which a token's text then shows in
  /// place of the source bytes.
  std::string_view keepSpelling(std::string spelling) const {
    return spellings.emplace_back(std::move(spelling));
  }

private:
  std::string name;
  std::string text;
  std::string decodeError;
  uint32_t decodeErrorOffset = 0;
  /// Offset of the first byte of every line; lineStarts[0] == 0.
  std::vector<uint32_t> lineStarts;
  mutable std::deque<std::string> spellings;
};

/// Owns the source files of one compilation.
class SourceManager {
public:
  /// Adds a file whose text is already in memory.
  const SourceFile &addFile(std::string name, std::string text);
  /// Reads \p path from disk; returns null and sets \p error when it cannot
  /// be read.
  const SourceFile *loadFile(const std::string &path, std::string &error);

  /// Returns the first file added, or null if there is none.
  const SourceFile *getMainFile() const {
    return files.empty() ? nullptr : files.front().get();
  }

private:
  std::vector<std::unique_ptr<SourceFile>> files;
};

} // namespace script
} // namespace dac

#endif // DAC_SCRIPT_SOURCEMANAGER_H
