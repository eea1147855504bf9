package io.weir.state.internal;

import java.util.Locale;

/** Parses memory sizes as Flink writes them: {@code 64 mb}, {@code 512kb}, {@code 1g}, {@code 4096}. */
public final class MemorySizes {
  private MemorySizes() {}

  /**
   * The number of bytes {@code text} stands for: a non-negative integer, optionally followed by a
   * unit {@code b}, {@code k}/{@code kb}, {@code m}/{@code mb}, {@code g}/{@code gb} or {@code
   * t}/{@code tb} (powers of 1024, any case, spaces allowed).
   *
   * @throws IllegalArgumentException naming the expected form
   */
  public static long parse(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    int digits = 0;
    while (digits < s.length() && Character.isDigit(s.charAt(digits))) {
      digits++;
    }
    if (digits == 0) {
      throw new IllegalArgumentException(
          "expected a memory size such as '64 mb', '512 kb' or '1 gb'");
    }
    long number;
    try {
      number = Long.parseLong(s.substring(0, digits));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the number is too large");
    }
    int shift =
        switch (s.substring(digits).trim()) {
          case "", "b", "bytes" -> 0;
          case "k", "kb", "kib" -> 10;
          case "m", "mb", "mib" -> 20;
          case "g", "gb", "gib" -> 30;
          case "t", "tb", "tib" -> 40;
          default ->
              throw new IllegalArgumentException(
                  "unknown unit '" + s.substring(digits).trim()
                      + "'; expected one of b, kb, mb, gb, tb");
        };
    if (number > (Long.MAX_VALUE >> shift)) {
      throw new IllegalArgumentException("the size is too large");
    }
    return number << shift;
  }
}
