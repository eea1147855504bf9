package io.weir.formats.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Dates, times and timestamps as text, in the forms Flink's JSON and CSV formats read and write:
 * {@code 2020-04-15 08:05:00.12} (SQL) or {@code 2020-04-15T08:05:00.12} (ISO-8601), a TIMESTAMP_LTZ
 * with a trailing {@code Z} (always UTC). Written fractions have as many digits as needed and none
 * when the value is on a whole second, as Flink's {@code appendFraction(NANO_OF_SECOND, 0, 9)} does.
 */
public final class TemporalText {
  private static final long MILLIS_PER_DAY = 86_400_000L;

  /** {@code HH:mm:ss} with 0 to 9 fractional digits. */
  public static final DateTimeFormatter SQL_TIME =
      new DateTimeFormatterBuilder()
          .appendPattern("HH:mm:ss")
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .toFormatter();

  public static final DateTimeFormatter SQL_TIMESTAMP =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .append(SQL_TIME)
          .toFormatter();

  public static final DateTimeFormatter SQL_TIMESTAMP_LTZ =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .append(SQL_TIME)
          .appendLiteral('Z')
          .toFormatter();

  public static final DateTimeFormatter ISO_TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

  public static final DateTimeFormatter ISO_TIMESTAMP_LTZ =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral('T')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .appendLiteral('Z')
          .toFormatter();

  private TemporalText() {}

  /** Epoch millis of a timestamp text read with {@code formatter} (a zone suffix is read as UTC). */
  public static long parseTimestamp(String text, DateTimeFormatter formatter) {
    LocalDateTime t = LocalDateTime.parse(text, formatter);
    return t.toEpochSecond(ZoneOffset.UTC) * 1000L + t.getNano() / 1_000_000;
  }

  /** Millis of the day of a time text read with {@code formatter}. */
  public static int parseTime(String text, DateTimeFormatter formatter) {
    return (int) (LocalTime.parse(text, formatter).toNanoOfDay() / 1_000_000L);
  }

  /**
   * Epoch days of {@code yyyy-[m]m-[d]d}, the lenient form {@code java.sql.Date.valueOf} (and so
   * Flink's CSV format) accepts.
   */
  public static int parseLenientDate(String text) {
    String[] parts = text.split("-", -1);
    if (parts.length != 3 || parts[0].length() != 4 || !digits(parts[0], 4)
        || !digits(parts[1], 2) || !digits(parts[2], 2)) {
      throw new IllegalArgumentException("not a date in the form yyyy-[m]m-[d]d");
    }
    return (int)
        LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]))
            .toEpochDay();
  }

  private static boolean digits(String s, int maxLength) {
    if (s.isEmpty() || s.length() > maxLength) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** {@code yyyy-MM-dd}. */
  public static String formatDate(int epochDay) {
    return LocalDate.ofEpochDay(epochDay).toString();
  }

  /** {@code HH:mm:ss}, then the fraction of the second (as few digits as needed) if asked. */
  public static String formatTime(int millisOfDay, boolean withFraction) {
    StringBuilder sb = new StringBuilder(12);
    appendTime(sb, millisOfDay, withFraction);
    return sb.toString();
  }

  /**
   * A timestamp: date, {@code separator} ({@code ' '} or {@code 'T'}), {@code HH:mm:ss}, the fraction
   * if not zero, then {@code Z} when {@code utcSuffix}.
   */
  public static String formatTimestamp(long epochMillis, char separator, boolean utcSuffix) {
    long days = Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    int millisOfDay = (int) Math.floorMod(epochMillis, MILLIS_PER_DAY);
    StringBuilder sb = new StringBuilder(25);
    sb.append(LocalDate.ofEpochDay(days)).append(separator);
    appendTime(sb, millisOfDay, true);
    if (utcSuffix) {
      sb.append('Z');
    }
    return sb.toString();
  }

  private static void appendTime(StringBuilder sb, int millisOfDay, boolean withFraction) {
    int seconds = millisOfDay / 1000;
    two(sb, seconds / 3600).append(':');
    two(sb, seconds / 60 % 60).append(':');
    two(sb, seconds % 60);
    int millis = millisOfDay % 1000;
    if (withFraction && millis != 0) {
      sb.append('.').append((char) ('0' + millis / 100));
      if (millis % 100 != 0) {
        sb.append((char) ('0' + millis / 10 % 10));
        if (millis % 10 != 0) {
          sb.append((char) ('0' + millis % 10));
        }
      }
    }
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    return sb.append((char) ('0' + v / 10)).append((char) ('0' + v % 10));
  }
}
