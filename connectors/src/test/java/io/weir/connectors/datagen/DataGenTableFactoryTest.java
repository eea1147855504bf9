package io.weir.connectors.datagen;

import static io.weir.connectors.testing.ConnectorTesting.context;
import static io.weir.connectors.testing.ConnectorTesting.isBounded;
import static io.weir.connectors.testing.ConnectorTesting.readAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.connectors.testing.ConnectorTesting;
import io.weir.connectors.testing.ConnectorTesting.RecordingContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableSource;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DataGenTableFactoryTest {
  private static final RowType TYPE =
      RowType.builder()
          .add("id", LogicalType.bigint())
          .add("age", LogicalType.integer())
          .add("name", LogicalType.string())
          .build();

  private static Map<String, String> options(String... kv) {
    Map<String, String> m = new HashMap<>();
    m.put("connector", "datagen");
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 4})
  void numberOfRowsIsTheTotalOverAllSplits(int parallelism) throws Exception {
    var ctx = context("t", TYPE, options("number-of-rows", "1001", "rows-per-second", "100000000"));
    assertTrue(isBounded(ctx));
    List<Row> rows = readAll(ctx, parallelism);
    assertEquals(1001, rows.size());
    assertEquals(parallelism, ConnectorTesting.source(ctx).splits(parallelism).size());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 4})
  void sequenceEmitsEachValueExactlyOnceAcrossSplits(int parallelism) throws Exception {
    var ctx = context("t", TYPE, options(
        "fields.id.kind", "sequence", "fields.id.start", "1", "fields.id.end", "1000",
        "rows-per-second", "100000000"));
    assertTrue(isBounded(ctx));
    List<Long> ids = new ArrayList<>();
    for (Row r : readAll(ctx, parallelism)) {
      ids.add((Long) r.field(0));
    }
    ids.sort(null);
    assertEquals(LongStream.rangeClosed(1, 1000).boxed().toList(), ids);
  }

  @Test
  void sequencesOfDifferentLengthEndWithTheShortestAsInFlink() throws Exception {
    var ctx = context("t", TYPE, options(
        "fields.id.kind", "sequence", "fields.id.start", "1", "fields.id.end", "10",
        "fields.age.kind", "sequence", "fields.age.start", "100", "fields.age.end", "103",
        "rows-per-second", "100000000"));
    List<Row> rows = readAll(ctx, 1);
    assertEquals(4, rows.size());
    assertEquals(List.of(100, 101, 102, 103), rows.stream().map(r -> r.field(1)).toList());
  }

  @Test
  void numberOfRowsCutsASequenceShort() throws Exception {
    var ctx = context("t", TYPE, options(
        "fields.id.kind", "sequence", "fields.id.start", "1", "fields.id.end", "1000",
        "number-of-rows", "7", "rows-per-second", "100000000"));
    assertEquals(7, readAll(ctx, 2).size());
  }

  @Test
  void withoutRowCountOrSequenceTheSourceIsUnbounded() throws Exception {
    var ctx = context("t", TYPE, options());
    assertFalse(isBounded(ctx));
    TableSource source = ConnectorTesting.source(ctx);
    try (SplitReader reader = source.createReader(source.splits(1).get(0), new RecordingContext(0, 1))) {
      List<Row> rows = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        assertTrue(reader.read(rows::add) != SplitReader.ReadStatus.END_OF_SPLIT);
      }
    }
  }

  @Test
  void projectionGeneratesOnlyTheReadFieldsInTheirOrder() throws Exception {
    var ctx = context("t", TYPE, options(
        "fields.id.kind", "sequence", "fields.id.start", "5", "fields.id.end", "9",
        "fields.name.length", "7", "rows-per-second", "100000000"), List.of(2, 0));
    List<Row> rows = readAll(ctx, 1);
    assertEquals(5, rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      assertEquals(2, r.arity());
      assertEquals(7, ((String) r.field(0)).length());
      assertEquals(5L + i, r.field(1));
    }
  }

  @Test
  void aPrunedSequenceStillBoundsTheSource() throws Exception {
    var ctx = context("t", TYPE, options(
        "fields.id.kind", "sequence", "fields.id.start", "1", "fields.id.end", "20",
        "rows-per-second", "100000000"), List.of(1));
    assertEquals(20, readAll(ctx, 3).size());
  }

  @Test
  void randomValuesStayWithinMinAndMax() throws Exception {
    RowType type = RowType.builder()
        .add("i", LogicalType.integer())
        .add("b", LogicalType.bigint())
        .add("d", LogicalType.doubleType())
        .add("m", LogicalType.decimal(6, 2))
        .add("s", LogicalType.varchar(5))
        .add("ts", LogicalType.timestamp(3))
        .add("arr", LogicalType.array(LogicalType.smallint()))
        .build();
    var ctx = context("t", type, options(
        "number-of-rows", "2000", "rows-per-second", "100000000",
        "fields.i.min", "-3", "fields.i.max", "3",
        "fields.b.min", "9223372036854775806",
        "fields.d.min", "0.5", "fields.d.max", "0.75",
        "fields.m.min", "-10", "fields.m.max", "10",
        "fields.ts.max-past", "1 h",
        "fields.arr.length", "4", "fields.arr.element.min", "7", "fields.arr.element.max", "8"));
    long before = System.currentTimeMillis();
    List<Row> rows = readAll(ctx, 2);
    long after = System.currentTimeMillis();
    assertEquals(2000, rows.size());
    java.util.Set<Integer> ints = new java.util.HashSet<>();
    for (Row r : rows) {
      int i = (Integer) r.field(0);
      assertTrue(i >= -3 && i <= 3, "i = " + i);
      ints.add(i);
      assertTrue((Long) r.field(1) >= 9223372036854775806L);
      double d = (Double) r.field(2);
      assertTrue(d >= 0.5 && d <= 0.75, "d = " + d);
      BigDecimal m = (BigDecimal) r.field(3);
      assertEquals(2, m.scale());
      assertTrue(m.compareTo(BigDecimal.TEN) <= 0 && m.compareTo(BigDecimal.TEN.negate()) >= 0, "m = " + m);
      assertEquals(5, ((String) r.field(4)).length(), "VARCHAR(5) defaults to its declared length");
      long ts = (Long) r.field(5);
      assertTrue(ts <= after && ts > before - 3_600_000L, "ts = " + ts);
      List<?> arr = (List<?>) r.field(6);
      assertEquals(4, arr.size());
      for (Object e : arr) {
        assertTrue((Short) e == 7 || (Short) e == 8);
      }
    }
    assertEquals(7, ints.size(), "every value in [-3, 3] shows up in 2000 draws");
  }

  @Test
  void everyTypeIsGeneratedInInternalForm() throws Exception {
    RowType type = RowType.builder()
        .add("bool", LogicalType.bool())
        .add("ti", LogicalType.tinyint())
        .add("si", LogicalType.smallint())
        .add("i", LogicalType.integer())
        .add("bi", LogicalType.bigint())
        .add("f", LogicalType.floatType())
        .add("d", LogicalType.doubleType())
        .add("dec", LogicalType.decimal(10, 3))
        .add("c", LogicalType.chr(4))
        .add("vc", LogicalType.varchar(8))
        .add("s", LogicalType.string())
        .add("by", LogicalType.bytes())
        .add("dt", LogicalType.date())
        .add("tm", LogicalType.time(0))
        .add("ts", LogicalType.timestamp(3))
        .add("ltz", LogicalType.timestampLtz(3))
        .add("arr", LogicalType.array(LogicalType.string()))
        .add("map", LogicalType.map(LogicalType.string(), LogicalType.integer()))
        .add("row", LogicalType.row(List.of(
            new LogicalType.Field("x", LogicalType.integer()), new LogicalType.Field("y", LogicalType.string()))))
        .build();
    var ctx = context("t", type, options(
        "number-of-rows", "3", "fields.s.length", "12", "fields.by.length", "9",
        "fields.row.x.min", "1", "fields.row.x.max", "1", "fields.map.key.length", "2"));
    List<Row> rows = readAll(ctx, 1);
    assertEquals(3, rows.size());
    Row r = rows.get(0);
    assertInstanceOf(Boolean.class, r.field(0));
    assertInstanceOf(Byte.class, r.field(1));
    assertInstanceOf(Short.class, r.field(2));
    assertInstanceOf(Integer.class, r.field(3));
    assertInstanceOf(Long.class, r.field(4));
    assertInstanceOf(Float.class, r.field(5));
    assertInstanceOf(Double.class, r.field(6));
    assertEquals(3, ((BigDecimal) r.field(7)).scale());
    assertEquals(4, ((String) r.field(8)).length());
    assertEquals(8, ((String) r.field(9)).length());
    assertEquals(12, ((String) r.field(10)).length());
    assertTrue(((String) r.field(10)).matches("[0-9a-f]{12}"));
    assertEquals(9, ((byte[]) r.field(11)).length);
    assertInstanceOf(Integer.class, r.field(12));
    assertInstanceOf(Integer.class, r.field(13));
    assertInstanceOf(Long.class, r.field(14));
    assertInstanceOf(Long.class, r.field(15));
    assertEquals(3, ((List<?>) r.field(16)).size());
    Map<?, ?> map = (Map<?, ?>) r.field(17);
    assertTrue(map.size() >= 1 && map.size() <= 3);
    map.keySet().forEach(k -> assertEquals(2, ((String) k).length()));
    Row nested = (Row) r.field(18);
    assertEquals(1, nested.field(0));
    assertEquals(100, ((String) nested.field(1)).length());
  }

  @Test
  void nullRateOneGivesOnlyNulls() throws Exception {
    var ctx = context("t", TYPE, options("number-of-rows", "50", "fields.name.null-rate", "1.0"));
    for (Row r : readAll(ctx, 1)) {
      assertNull(r.field(2));
      assertTrue(r.field(0) != null);
    }
  }

  @Test
  void rateOptionIsAcceptedAndRowsStillArrive() throws Exception {
    var ctx = context("t", TYPE, options("rows-per-second", "5000", "number-of-rows", "20"));
    assertEquals(20, readAll(ctx, 2).size());
  }

  @Test
  void aNonPositiveRateIsRejected() {
    var e = assertThrows(WeirException.class,
        () -> ConnectorTesting.source(context("t", TYPE, options("rows-per-second", "0"))));
    assertTrue(e.getMessage().contains("rows-per-second"), e.getMessage());
  }

  @Test
  void anOptionForAColumnThatDoesNotExistNamesTheColumns() {
    var e = assertThrows(WeirException.class,
        () -> ConnectorTesting.source(context("t", TYPE, options("fields.nme.kind", "random"))));
    assertTrue(e.getMessage().contains("'fields.nme.kind'"), e.getMessage());
    assertTrue(e.getMessage().contains("id, age, name"), e.getMessage());
    assertTrue(e.getMessage().contains("Table 't'"), e.getMessage());
  }

  @Test
  void anOptionTheFieldsKindDoesNotHaveListsTheValidOnes() {
    var e = assertThrows(WeirException.class,
        () -> ConnectorTesting.source(context("t", TYPE, options("fields.age.start", "1"))));
    assertTrue(e.getMessage().contains("'fields.age.start'"), e.getMessage());
    assertTrue(e.getMessage().contains("fields.age.min"), e.getMessage());
    assertTrue(e.getMessage().contains("fields.age.max"), e.getMessage());
  }

  @Test
  void aSequenceNeedsStartAndEnd() {
    var e = assertThrows(WeirException.class, () -> ConnectorTesting.source(
        context("t", TYPE, options("fields.id.kind", "sequence", "fields.id.start", "1"))));
    assertTrue(e.getMessage().contains("fields.id.end"), e.getMessage());
  }

  @Test
  void anUnknownKindIsRejected() {
    var e = assertThrows(WeirException.class, () -> ConnectorTesting.source(
        context("t", TYPE, options("fields.id.kind", "sequential"))));
    assertTrue(e.getMessage().contains("'random' or 'sequence'"), e.getMessage());
  }

  /** Regression guard for the hot path: a large batch is produced per read call. */
  @Test
  void anUnthrottledReaderFillsWholeBatches() throws Exception {
    var ctx = context("t", TYPE, options("rows-per-second", String.valueOf(Long.MAX_VALUE)));
    TableSource source = ConnectorTesting.source(ctx);
    SourceSplit split = source.splits(1).get(0);
    try (SplitReader reader = source.createReader(split, new RecordingContext(0, 1))) {
      List<Row> rows = new ArrayList<>();
      reader.read(rows::add);
      assertEquals(DataGenReader.BATCH_SIZE, rows.size());
    }
  }
}
