package io.weir.bench.nexmark;

import io.weir.common.functions.ScalarFunction;

/**
 * Nexmark q14's {@code count_char(s, c)}: how many times the first character of {@code c} occurs
 * in {@code s} (0 when {@code s} is NULL). Weir's version of the suite's
 * {@code com.github.nexmark.flink.udf.CountChar}, over Java strings instead of Flink's binary ones.
 */
public class CountChar extends ScalarFunction {
  public long eval(String s, String character) {
    if (s == null || character == null || character.isEmpty()) {
      return 0;
    }
    char c = character.charAt(0);
    long count = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        count++;
      }
    }
    return count;
  }
}
