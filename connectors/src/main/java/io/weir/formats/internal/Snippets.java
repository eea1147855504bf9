package io.weir.formats.internal;

import java.nio.charset.StandardCharsets;

/** Bounded excerpts of records and values for error messages, so one huge line cannot flood a log. */
public final class Snippets {
  /** Characters of a record shown in a message. */
  public static final int RECORD_LIMIT = 200;
  /** Characters of a single value shown in a message. */
  public static final int VALUE_LIMIT = 60;

  private Snippets() {}

  /** The record as text, cut after {@link #RECORD_LIMIT} characters with {@code ...}. */
  public static String record(byte[] bytes, int offset, int length) {
    int shown = Math.min(length, RECORD_LIMIT * 4);
    return cut(new String(bytes, offset, shown, StandardCharsets.UTF_8), RECORD_LIMIT);
  }

  public static String cut(String text, int limit) {
    return text.length() <= limit ? text : text.substring(0, limit) + "...";
  }
}
