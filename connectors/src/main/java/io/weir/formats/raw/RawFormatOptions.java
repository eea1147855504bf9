package io.weir.formats.raw;

import io.weir.formats.FormatOptionValues;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of the {@code raw} format, named as in Flink 1.20 (given without the {@code raw.}
 * prefix), parsed and checked once per table.
 */
record RawFormatOptions(Charset charset, ByteOrder byteOrder) {
  static final String CHARSET = "charset";
  static final String ENDIANNESS = "endianness";

  static final Set<String> ALL = Set.of(CHARSET, ENDIANNESS);

  private static final FormatOptionValues VALUES = new FormatOptionValues("raw");

  static RawFormatOptions parse(Map<String, String> options) {
    Charset charset = StandardCharsets.UTF_8;
    String name = options.get(CHARSET);
    if (name != null) {
      try {
        charset = Charset.forName(name.trim());
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw VALUES.invalid(CHARSET, name, "a charset name such as 'UTF-8', 'UTF-16' or 'ISO-8859-1'");
      }
    }
    String endianness = options.getOrDefault(ENDIANNESS, "big-endian").trim().toLowerCase(Locale.ROOT);
    ByteOrder order = switch (endianness) {
      case "big-endian" -> ByteOrder.BIG_ENDIAN;
      case "little-endian" -> ByteOrder.LITTLE_ENDIAN;
      default -> throw VALUES.invalid(ENDIANNESS, options.get(ENDIANNESS), "'big-endian' or 'little-endian'");
    };
    return new RawFormatOptions(charset, order);
  }

  /** {@code big-endian} or {@code little-endian}, for messages. */
  String endianness() {
    return byteOrder == ByteOrder.BIG_ENDIAN ? "big-endian" : "little-endian";
  }
}
