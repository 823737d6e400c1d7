//===- FormatSpec.cpp - Python's format specification mini-language -------===//

#include "dac/Runtime/FormatSpec.h"

#include "Detail.h"
#include "dac/Runtime/FloatRepr.h"
#include "dac/Runtime/RuntimeABI.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

using namespace dac::rt;

namespace {

struct Spec {
  char fill = ' ';
  char align = 0; // '<', '>', '^', '=' or 0 (the type's default)
  char sign = '-';
  bool alternate = false;
  int width = 0;
  char grouping = 0; // ',' or '_'
  int precision = -1;
  char type = 0;
};

Spec parseSpec(const std::string &text) {
  Spec spec;
  size_t i = 0, n = text.size();
  auto isAlign = [](char c) {
    return c == '<' || c == '>' || c == '^' || c == '=';
  };
  if (n >= 2 && isAlign(text[1])) {
    spec.fill = text[0];
    spec.align = text[1];
    i = 2;
  } else if (n >= 1 && isAlign(text[0])) {
    spec.align = text[0];
    i = 1;
  }
  if (i < n && (text[i] == '+' || text[i] == '-' || text[i] == ' '))
    spec.sign = text[i++];
  if (i < n && text[i] == '#') {
    spec.alternate = true;
    ++i;
  }
  if (i < n && text[i] == '0') {
    if (!spec.align) {
      spec.fill = '0';
      spec.align = '=';
    }
    ++i;
  }
  while (i < n && std::isdigit(static_cast<unsigned char>(text[i])))
    spec.width = spec.width * 10 + (text[i++] - '0');
  if (i < n && (text[i] == ',' || text[i] == '_'))
    spec.grouping = text[i++];
  if (i < n && text[i] == '.') {
    ++i;
    if (i >= n || !std::isdigit(static_cast<unsigned char>(text[i])))
      throw std::invalid_argument("Format specifier missing precision");
    spec.precision = 0;
    while (i < n && std::isdigit(static_cast<unsigned char>(text[i])))
      spec.precision = spec.precision * 10 + (text[i++] - '0');
  }
  if (i < n)
    spec.type = text[i++];
  if (i != n)
    throw std::invalid_argument("Invalid format specifier '" + text + "'");
  return spec;
}

/// Inserts the grouping separator every three digits of the integer part
/// of `digits` (which holds no sign).
std::string group(const std::string &digits, char separator) {
  if (!separator)
    return digits;
  size_t end = digits.find_first_not_of("0123456789");
  if (end == std::string::npos)
    end = digits.size();
  std::string out;
  for (size_t i = 0; i < end; ++i) {
    out.push_back(digits[i]);
    size_t left = end - i - 1;
    if (left && left % 3 == 0)
      out.push_back(separator);
  }
  return out + digits.substr(end);
}

/// Sign handling, padding and alignment, shared by floats and ints.
std::string finish(bool negative, std::string body, const Spec &spec,
                   char defaultAlign, const std::string &prefix = "") {
  std::string sign = negative           ? "-"
                     : spec.sign == '+' ? "+"
                     : spec.sign == ' ' ? " "
                                        : "";
  sign += prefix;
  body = group(body, spec.grouping);
  size_t length = sign.size() + body.size();
  if (static_cast<int>(length) >= spec.width)
    return sign + body;
  std::string pad(spec.width - length, spec.fill);
  switch (spec.align ? spec.align : defaultAlign) {
  case '<':
    return sign + body + pad;
  case '^': {
    size_t left = pad.size() / 2;
    return pad.substr(0, left) + sign + body + pad.substr(left);
  }
  case '=':
    return sign + pad + body;
  default:
    return pad + sign + body;
  }
}

std::string printfFloat(const char *conversion, int precision, double v,
                        bool alternate = false) {
  char format[16];
  std::snprintf(format, sizeof(format), "%%%s.%d%s", alternate ? "#" : "",
                precision, conversion);
  char buffer[512];
  std::snprintf(buffer, sizeof(buffer), format, v);
  return buffer;
}

} // namespace

std::string dac::rt::formatFloat(double value, const std::string &text) {
  Spec spec = parseSpec(text);
  bool negative = std::signbit(value) && !std::isnan(value);
  double magnitude = std::fabs(value);
  std::string body;
  char type = spec.type;
  bool upper = type == 'E' || type == 'F' || type == 'G';
  if (std::isnan(value) || std::isinf(value)) {
    body = std::isnan(value) ? "nan" : "inf";
    if (upper)
      for (char &c : body)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (type == '%')
      body += "%";
  } else if (type == 0 && spec.precision < 0) {
    body = formatPythonFloat(magnitude);
  } else {
    int precision = spec.precision < 0 ? 6 : spec.precision;
    switch (type) {
    case 'e':
    case 'E':
      body = printfFloat(type == 'e' ? "e" : "E", precision, magnitude);
      break;
    case 'f':
    case 'F':
      body = printfFloat("f", precision, magnitude);
      break;
    case '%':
      body = printfFloat("f", precision, magnitude * 100) + "%";
      break;
    case 'g':
    case 'G':
    case 'n':
      body =
          printfFloat(type == 'G' ? "G" : "g", precision == 0 ? 1 : precision,
                      magnitude, spec.alternate);
      break;
    case 0: {
      // No type but a precision: like 'g', except that fixed notation keeps
      // a digit after the point (".0") and so switches to exponent notation
      // one decimal exponent earlier (CPython's Py_DTSF_ADD_DOT_0).
      int p = precision == 0 ? 1 : precision;
      std::string e = printfFloat("e", p - 1, magnitude);
      int exponent = std::atoi(e.c_str() + e.find('e') + 1);
      if (exponent < -4 || exponent >= p - 1) {
        body = printfFloat("e", p - 1, magnitude, spec.alternate);
        if (!spec.alternate) {
          size_t ePos = body.find('e');
          std::string mantissa = body.substr(0, ePos);
          if (mantissa.find('.') != std::string::npos) {
            mantissa.erase(mantissa.find_last_not_of('0') + 1);
            if (mantissa.back() == '.')
              mantissa.pop_back();
          }
          body = mantissa + body.substr(ePos);
        }
      } else {
        body = printfFloat("f", p - 1 - exponent, magnitude);
        if (!spec.alternate && body.find('.') != std::string::npos) {
          body.erase(body.find_last_not_of('0') + 1);
          if (body.back() == '.')
            body.pop_back();
        }
        if (body.find('.') == std::string::npos)
          body += ".0";
      }
      break;
    }
    default:
      throw std::invalid_argument(std::string("Unknown format code '") + type +
                                  "' for object of type 'float'");
    }
  }
  return finish(negative, body, spec, '>');
}

std::string dac::rt::formatInt(int64_t value, const std::string &text) {
  Spec spec = parseSpec(text);
  char type = spec.type;
  if (type == 'e' || type == 'E' || type == 'f' || type == 'F' || type == 'g' ||
      type == 'G' || type == '%')
    return formatFloat(static_cast<double>(value), text);
  if (spec.precision >= 0)
    throw std::invalid_argument(
        "Precision not allowed in integer format specifier");
  bool negative = value < 0;
  uint64_t magnitude = negative ? 0 - static_cast<uint64_t>(value)
                                : static_cast<uint64_t>(value);
  std::string digits, prefix;
  int base = 10;
  switch (type) {
  case 0:
  case 'd':
  case 'n':
    break;
  case 'b':
    base = 2;
    prefix = "0b";
    break;
  case 'o':
    base = 8;
    prefix = "0o";
    break;
  case 'x':
  case 'X':
    base = 16;
    prefix = type == 'x' ? "0x" : "0X";
    break;
  default:
    throw std::invalid_argument(std::string("Unknown format code '") + type +
                                "' for object of type 'int'");
  }
  const char *symbols = type == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
  do {
    digits.insert(digits.begin(), symbols[magnitude % base]);
    magnitude /= base;
  } while (magnitude);
  return finish(negative, digits, spec, '>', spec.alternate ? prefix : "");
}

extern "C" void dac_rt_print_format_f64(double value, void *spec) {
  detail::guard("dac_rt_print_format_f64", [&] {
    try {
      detail::appendToPrintLine(
          formatFloat(value, static_cast<const char *>(spec)));
    } catch (const std::invalid_argument &e) {
      fatal(std::string("ValueError: ") + e.what());
    }
  });
}

extern "C" void dac_rt_print_format_i64(int64_t value, void *spec) {
  detail::guard("dac_rt_print_format_i64", [&] {
    try {
      detail::appendToPrintLine(
          formatInt(value, static_cast<const char *>(spec)));
    } catch (const std::invalid_argument &e) {
      fatal(std::string("ValueError: ") + e.what());
    }
  });
}
