package io.weir.connectors.filesystem;

import static io.weir.connectors.testing.ConnectorTesting.context;
import static io.weir.connectors.testing.ConnectorTesting.isBounded;
import static io.weir.connectors.testing.ConnectorTesting.readAll;
import static io.weir.connectors.testing.ConnectorTesting.source;
import static io.weir.connectors.testing.ConnectorTesting.writeAll;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.connectors.testing.ConnectorTesting.RecordingContext;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileSystemTableFactoryTest {
  private static final RowType TYPE =
      RowType.builder()
          .add("id", LogicalType.integer())
          .add("name", LogicalType.string())
          .add("price", LogicalType.decimal(6, 2))
          .add("ts", LogicalType.timestamp(3))
          .build();

  @TempDir Path dir;

  private static Map<String, String> options(Path path, String format, String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("connector", "filesystem");
    m.put("path", path.toString());
    m.put("format", format);
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  private static long millis(String localDateTime) {
    return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private Path write(String name, String... lines) throws IOException {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, String.join("\n", lines) + "\n", UTF_8);
    return file;
  }

  @Test
  void readsAJsonFile() throws Exception {
    Path file = write("a.json",
        "{\"id\":1,\"name\":\"apple\",\"price\":1.5,\"ts\":\"2020-04-15 08:05:00\"}",
        "",
        "{\"id\":2,\"name\":null,\"price\":\"2\"}");
    TableContext ctx = context("t", TYPE, options(file, "json"));
    assertTrue(isBounded(ctx));
    assertEquals(
        List.of(Row.of(1, "apple", new BigDecimal("1.50"), millis("2020-04-15T08:05:00")),
            Row.of(2, null, new BigDecimal("2.00"), null)),
        readAll(ctx, 1));
  }

  @Test
  void readsACsvFileWithWindowsLineEndsAndAQuotedLineBreak() throws Exception {
    Path file = dir.resolve("a.csv");
    Files.writeString(file, "1,\"two\r\nlines\",1.5,2020-04-15 08:05:00.25\r\n2,plain,3,\r\n", UTF_8);
    TableContext ctx = context("t", TYPE, options(file, "csv"));
    assertEquals(
        List.of(Row.of(1, "two\r\nlines", new BigDecimal("1.50"), millis("2020-04-15T08:05:00.250")),
            Row.of(2, "plain", new BigDecimal("3.00"), null)),
        readAll(ctx, 1));
  }

  @Test
  void readsEveryVisibleFileOfADirectoryInOrder() throws Exception {
    write("b.csv", "2,b,2", "3,c,3");
    write("a.csv", "1,a,1");
    write("sub/c.csv", "4,d,4");
    write(".hidden.csv", "99,hidden,9");
    write("_SUCCESS", "98,marker,9");
    write(".part-x-0-0.inprogress", "97,inprogress,9");
    RowType type = TYPE.project(new int[] {0, 1, 2});
    TableContext ctx = context("t", type, options(dir, "csv"));
    TableSource source = source(ctx);
    List<SourceSplit> splits = source.splits(2);
    assertEquals(3, splits.size(), "one split per file");
    List<Integer> ids = readAll(ctx, 2).stream().map(r -> (Integer) r.field(0)).toList();
    assertEquals(List.of(1, 2, 3, 4), ids);
  }

  @Test
  void aMalformedLineNamesTheFileTheLineAndTheField() throws Exception {
    Path file = write("bad.json", "{\"id\":1}", "{\"id\":2}", "{\"id\":\"three\"}");
    TableContext ctx = context("t", TYPE, options(file, "json"));
    WeirException e = assertThrows(WeirException.class, () -> readAll(ctx, 1));
    assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("field 'id': expected INT but found \"three\""), e.getMessage());
  }

  @Test
  void aMalformedCsvLineNamesTheColumn() throws Exception {
    Path file = write("bad.csv", "1,a,1,", "2,b,oops,");
    TableContext ctx = context("t", TYPE, options(file, "csv"));
    WeirException e = assertThrows(WeirException.class, () -> readAll(ctx, 1));
    assertTrue(e.getMessage().contains(file + "' at line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("column 'price' (position 3)"), e.getMessage());
  }

  @Test
  void ignoreParseErrorsSkipsAndReportsEachBadRecord() throws Exception {
    Path file = write("bad.json", "{\"id\":1}", "not json", "{\"id\":\"x\"}", "{\"id\":4}");
    TableContext ctx = context("t", TYPE, options(file, "json", "json.ignore-parse-errors", "true"));
    RecordingContext reader = new RecordingContext(0, 1);
    List<Row> rows = readAll(source(ctx), 1, reader);
    assertEquals(List.of(1, 4), rows.stream().map(r -> r.field(0)).toList());
    assertEquals(2, reader.skipped.size());
    assertTrue(reader.skipped.get(0).contains("line 2"), reader.skipped.get(0));
    assertTrue(reader.skipped.get(1).contains("line 3") && reader.skipped.get(1).contains("field 'id'"),
        reader.skipped.get(1));
  }

  @ParameterizedTest
  @ValueSource(strings = {"json", "csv"})
  void whatIsWrittenReadsBackEqual(String format) throws Exception {
    Path out = dir.resolve("out");
    TableContext ctx = context("t", TYPE, options(out, format));
    List<Row> rows = List.of(
        Row.of(1, "comma, \"quote\"", new BigDecimal("1.25"), millis("2021-01-02T03:04:05.678")),
        Row.of(2, "line\nbreak", new BigDecimal("-3.00"), millis("1970-01-01T00:00:00")),
        Row.of(3, "plain", null, null));
    writeAll(ctx, new SinkContext(0, 2), rows.subList(0, 2));
    writeAll(ctx, new SinkContext(1, 2), rows.subList(2, 3));
    List<String> names = visibleFiles(out);
    assertEquals(2, names.size(), names.toString());
    for (String name : names) {
      assertTrue(name.matches("part-[0-9a-f-]{36}-[01]-0"), name);
    }
    List<Row> back = new ArrayList<>(readAll(context("t", TYPE, options(out, format)), 1));
    back.sort((a, b) -> Integer.compare((Integer) a.field(0), (Integer) b.field(0)));
    assertEquals(rows, back);
  }

  @Test
  void rowsStayInAHiddenFileUntilFlushRenamesIt() throws Exception {
    Path out = dir.resolve("out");
    TableContext ctx = context("t", TYPE, options(out, "json"));
    SinkWriter writer = FactoryUtil.sinkFactory("t", ctx.options()).createSink(ctx).createWriter(new SinkContext(0, 1));
    writer.write(Row.of(1, "a", null, null));
    List<String> all = allFiles(out);
    assertEquals(1, all.size());
    assertTrue(all.get(0).startsWith(".part-") && all.get(0).endsWith(".inprogress"), all.toString());
    assertEquals(List.of(), readAll(context("t", TYPE, options(out, "json")), 1), "readers skip it");
    writer.flush();
    List<String> visible = allFiles(out);
    assertEquals(1, visible.size());
    assertTrue(visible.get(0).startsWith("part-") && visible.get(0).endsWith("-0-0"), visible.toString());
    writer.write(Row.of(2, "b", null, null));
    writer.close();
    assertEquals(2, visibleFiles(out).size(), "rows after a flush go to the next part");
    assertEquals(2, readAll(context("t", TYPE, options(out, "json")), 1).size());
  }

  @Test
  void aSinkThatWritesNothingLeavesAnEmptyReadableDirectory() throws Exception {
    Path out = dir.resolve("nested/out");
    writeAll(context("t", TYPE, options(out, "csv")), new SinkContext(0, 1), List.of());
    assertEquals(List.of(), allFiles(out));
    assertEquals(List.of(), readAll(context("t", TYPE, options(out, "csv")), 1));
  }

  @Test
  void onlyInsertsCanBeWritten() throws Exception {
    TableContext ctx = context("orders", TYPE, options(dir.resolve("out"), "csv"));
    WeirException e = assertThrows(WeirException.class, () -> writeAll(ctx, new SinkContext(0, 1),
        List.of(Row.ofKind(RowKind.UPDATE_AFTER, 1, "a", null, null))));
    assertTrue(e.getMessage().contains("'orders'"), e.getMessage());
    assertTrue(e.getMessage().contains("+U"), e.getMessage());
  }

  @Test
  void projectionReadsOnlyTheRequestedFields() throws Exception {
    Path json = write("p.json", "{\"id\":1,\"name\":\"a\",\"price\":\"not read\",\"ts\":\"2020-04-15 08:05:00\"}");
    assertEquals(List.of(Row.of(millis("2020-04-15T08:05:00"), 1)),
        readAll(context("t", TYPE, options(json, "json"), List.of(3, 0)), 1));
    Path csv = write("p.csv", "1,a,not read,2020-04-15 08:05:00");
    assertEquals(List.of(Row.of("a")), readAll(context("t", TYPE, options(csv, "csv"), List.of(1)), 1));
  }

  @Test
  void filtersAreNotTakenAndProjectionIs() {
    var factory = FactoryUtil.connector("t", Map.of("connector", "filesystem"));
    assertFalse(factory.supportsFilterPushDown());
    assertTrue(factory.supportsProjectionPushDown());
  }

  @Test
  void aMissingPathIsAnErrorForABoundedRead() {
    TableContext ctx = context("t", TYPE, options(dir.resolve("nope"), "json"));
    WeirException e = assertThrows(WeirException.class, () -> source(ctx));
    assertTrue(e.getMessage().contains("nope") && e.getMessage().contains("does not exist"), e.getMessage());
  }

  @Test
  void aBadFormatOptionIsReportedWhenTheTableIsPlanned() {
    TableContext ctx = context("t", TYPE, options(dir, "json", "json.timestamp-format.standard", "RFC"));
    WeirException e = assertThrows(WeirException.class, () -> source(ctx));
    assertTrue(e.getMessage().contains("Table 't'") && e.getMessage().contains("timestamp-format"), e.getMessage());
  }

  @Test
  void aMonitoredDirectoryIsUnboundedAndPicksUpNewFiles() throws Exception {
    Path watched = dir.resolve("in");
    Files.createDirectories(watched);
    Files.writeString(watched.resolve("1.csv"), "1,a,1,\n", UTF_8);
    TableContext ctx = context("t", TYPE, options(watched, "csv", "source.monitor-interval", "1 ms"));
    assertFalse(isBounded(ctx));
    TableSource source = source(ctx);
    List<SourceSplit> splits = source.splits(1);
    assertEquals(1, splits.size());
    List<Row> rows = new ArrayList<>();
    try (SplitReader reader = source.createReader(splits.get(0), new RecordingContext(0, 1))) {
      readUntil(reader, rows, 1);
      Path tmp = dir.resolve("2.csv.tmp");
      Files.writeString(tmp, "2,b,2,\n3,c,3,\n", UTF_8);
      Files.move(tmp, watched.resolve("2.csv"));
      readUntil(reader, rows, 3);
      assertEquals(SplitReader.ReadStatus.NOTHING_AVAILABLE, reader.read(rows::add));
    }
    assertEquals(List.of(1, 2, 3), rows.stream().map(r -> r.field(0)).toList());
  }

  private static void readUntil(SplitReader reader, List<Row> rows, int count) throws Exception {
    for (int attempt = 0; rows.size() < count && attempt < 10_000; attempt++) {
      if (reader.read(rows::add) == SplitReader.ReadStatus.NOTHING_AVAILABLE) {
        Thread.sleep(1);
      }
    }
    assertEquals(count, rows.size());
  }

  private static List<String> allFiles(Path directory) throws IOException {
    try (Stream<Path> s = Files.list(directory)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static List<String> visibleFiles(Path directory) throws IOException {
    return allFiles(directory).stream().filter(n -> !n.startsWith(".")).toList();
  }
}
