//===- Token.cpp - Tokens of the script language -------------------------===//
//
// Names and spellings of token kinds, generated from TokenKinds.def.
//
//===----------------------------------------------------------------------===//

#include "dac/Script/Token.h"

using namespace dac::script;

const char *dac::script::getTokenName(TokenKind kind) {
  switch (kind) {
#define TOK(Name)                                                              \
  case TokenKind::Name:                                                        \
    return #Name;
#include "dac/Script/TokenKinds.def"
  }
  return "<unknown>";
}

const char *dac::script::getTokenSpelling(TokenKind kind) {
  switch (kind) {
#define KEYWORD(Name, Spelling)                                                \
  case TokenKind::Name:                                                        \
    return Spelling;
#define PUNCT(Name, Spelling)                                                  \
  case TokenKind::Name:                                                        \
    return Spelling;
#include "dac/Script/TokenKinds.def"
  default:
    return nullptr;
  }
}

bool dac::script::isKeyword(TokenKind kind) {
  switch (kind) {
#define KEYWORD(Name, Spelling)                                                \
  case TokenKind::Name:                                                        \
    return true;
#include "dac/Script/TokenKinds.def"
  default:
    return false;
  }
}

std::string dac::script::describeToken(const Token &tok) {
  switch (tok.kind) {
  case TokenKind::EndOfFile:
    return "end of file";
  case TokenKind::Error:
    return "invalid token";
  case TokenKind::Newline:
    return "newline";
  case TokenKind::Indent:
    return "indent";
  case TokenKind::Dedent:
    return "dedent";
  case TokenKind::Identifier:
    return "name '" + std::string(tok.text) + "'";
  case TokenKind::Integer:
  case TokenKind::Float:
    return "number";
  case TokenKind::String:
    return "string";
  default:
    return "'" + std::string(getTokenSpelling(tok.kind)) + "'";
  }
}
