package io.weir.engine.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.weir.connectors.kafka.EmbeddedKafka;

/**
 * The input and the expected output of the exactly-once tests: event {@code i} has key {@code i %
 * 5}, value {@code i * 7 % 100} and event time {@code i * 10} ms, and the query counts and sums
 * them per key in 1-second tumbling windows.
 */
final class WindowedEvents {
  private static final DateTimeFormatter TS_IN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
  /** How the JSON format writes a TIMESTAMP(3), as Flink's: no fraction when it is zero. */
  private static final DateTimeFormatter TS_OUT = new java.time.format.DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(DateTimeFormatter.ISO_LOCAL_TIME).toFormatter();

  /** The query, from a table {@code events} into a table {@code totals}. */
  static final String QUERY = "INSERT INTO totals SELECT k, window_start, COUNT(*), SUM(v)"
      + " FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL '1' SECOND))"
      + " GROUP BY k, window_start, window_end";

  private WindowedEvents() {}

  /** Event {@code i} as a JSON record value. */
  static String event(int i) {
    String ts = LocalDateTime.ofInstant(Instant.ofEpochMilli(i * 10L), ZoneOffset.UTC).format(TS_IN);
    return "{\"id\": " + i + ", \"k\": " + (i % 5) + ", \"v\": " + (i * 7 % 100) + ", \"ts\": \"" + ts + "\"}";
  }

  /**
   * The windows of events {@code 0 .. events-1} that a watermark of {@code watermark} closes, as
   * the JSON rows the sink writes, by their key and window start (the text before {@code "cnt"}).
   */
  static Map<String, String> expectedWindows(int events, long watermark) {
    Map<String, long[]> acc = new TreeMap<>();
    for (int i = 0; i < events; i++) {
      long start = i * 10L / 1000 * 1000;
      if (start + 1000 - 1 > watermark) {
        continue;
      }
      String ts = LocalDateTime.ofInstant(Instant.ofEpochMilli(start), ZoneOffset.UTC).format(TS_OUT);
      String key = "{\"k\":" + (i % 5) + ",\"window_start\":\"" + ts + "\",";
      long[] a = acc.computeIfAbsent(key, x -> new long[2]);
      a[0]++;
      a[1] += i * 7 % 100;
    }
    Map<String, String> rows = new TreeMap<>();
    acc.forEach((key, a) -> rows.put(key, key + "\"cnt\":" + a[0] + ",\"total\":" + a[1] + "}"));
    return rows;
  }

  /** The committed rows of {@code topic}, as a read_committed consumer sees them. */
  static List<String> committed(EmbeddedKafka kafka, String topic) {
    List<String> out = new ArrayList<>();
    kafka.consumeAll(java.util.Set.of(topic), true, Duration.ofMillis(300))
        .forEach(r -> out.add(new String(r.value(), StandardCharsets.UTF_8)));
    return out;
  }

  /** The rows by window; fails on a window committed twice. */
  static Map<String, String> byWindow(List<String> rows) {
    Map<String, String> seen = new TreeMap<>();
    for (String row : rows) {
      String window = row.substring(0, row.indexOf("\"cnt\""));
      if (seen.put(window, row) != null) {
        throw new AssertionError("window committed twice: " + row);
      }
    }
    return seen;
  }
}
