package io.weir.connectors.print;

import static io.weir.connectors.testing.ConnectorTesting.context;
import static io.weir.connectors.testing.ConnectorTesting.writeAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.connector.SinkContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PrintTableFactoryTest {
  private static final RowType TYPE =
      RowType.builder().add("name", LogicalType.string()).add("n", LogicalType.integer()).build();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream originalOut;
  private PrintStream originalErr;

  @BeforeEach
  void capture() {
    originalOut = System.out;
    originalErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(originalOut);
    System.setErr(originalErr);
  }

  private static Map<String, String> options(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("connector", "print");
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static long millis(String localDateTime) {
    return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private String printed() {
    return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  @Test
  void printsEachRowWithItsKind() throws Exception {
    writeAll(context("t", TYPE, options()), new SinkContext(0, 1), List.of(
        Row.of("a", 1),
        Row.ofKind(RowKind.UPDATE_BEFORE, "a", 1),
        Row.ofKind(RowKind.UPDATE_AFTER, "a", 2),
        Row.ofKind(RowKind.DELETE, null, 2)));
    assertEquals("+I[a, 1]\n-U[a, 1]\n+U[a, 2]\n-D[null, 2]\n", printed());
  }

  @Test
  void prefixesFollowIdentifierAndParallelism() throws Exception {
    writeAll(context("t", TYPE, options("print-identifier", "sink")), new SinkContext(0, 1), List.of(Row.of("a", 1)));
    writeAll(context("t", TYPE, options("print-identifier", "sink")), new SinkContext(2, 3), List.of(Row.of("b", 2)));
    writeAll(context("t", TYPE, options("sink.parallelism", "3")), new SinkContext(1, 3), List.of(Row.of("c", 3)));
    writeAll(context("t", TYPE, options()), new SinkContext(0, 1), List.of(Row.of("d", 4)));
    assertEquals("sink> +I[a, 1]\nsink:3> +I[b, 2]\n2> +I[c, 3]\n+I[d, 4]\n", printed());
  }

  @Test
  void standardErrorPrintsThere() throws Exception {
    writeAll(context("t", TYPE, options("standard-error", "true")), new SinkContext(0, 1), List.of(Row.of("e", 5)));
    assertEquals("", printed());
    assertEquals("+I[e, 5]" + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
  }

  /** Flink prints the external Java objects' toString: LocalDateTime, Instant, BigDecimal, null. */
  @Test
  void valuesAreRenderedAsFlinksPrintSinkDoes() throws Exception {
    RowType type = RowType.builder()
        .add("ts", LogicalType.timestamp(3))
        .add("ts_whole", LogicalType.timestamp(3))
        .add("ltz", LogicalType.timestampLtz(3))
        .add("d", LogicalType.date())
        .add("t", LogicalType.time(0))
        .add("m", LogicalType.decimal(10, 2))
        .add("b", LogicalType.bool())
        .add("n", LogicalType.bigint())
        .add("f", LogicalType.doubleType())
        .add("by", LogicalType.bytes())
        .add("arr", LogicalType.array(LogicalType.integer()))
        .add("map", LogicalType.map(LogicalType.string(), LogicalType.timestamp(3)))
        .add("row", LogicalType.row(List.of(
            new LogicalType.Field("x", LogicalType.integer()), new LogicalType.Field("y", LogicalType.string()))))
        .build();
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("k", millis("2020-01-01T00:00:00"));
    Row row = Row.of(
        millis("2020-04-15T08:05:00.123"), millis("2020-04-15T08:05:00"), millis("2020-04-15T08:05:00"),
        (int) LocalDate.of(2020, 4, 15).toEpochDay(), (int) (LocalTime.of(8, 5).toNanoOfDay() / 1_000_000),
        new BigDecimal("12.50"), true, null, 1.0E10, new byte[] {1, -2},
        Arrays.asList(1, null), map, Row.of(7, "q"));
    writeAll(context("t", type, options()), new SinkContext(0, 1), List.of(row));
    assertEquals("+I[2020-04-15T08:05:00.123, 2020-04-15T08:05, 2020-04-15T08:05:00Z, 2020-04-15, 08:05,"
        + " 12.50, true, null, 1.0E10, [1, -2], [1, null], {k=2020-01-01T00:00}, +I[7, q]]\n", printed());
  }
}
