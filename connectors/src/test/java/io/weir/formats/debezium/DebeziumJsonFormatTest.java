package io.weir.formats.debezium;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.error.WeirException;
import io.weir.common.plan.ChangelogMode;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.formats.RecordDecoder;
import io.weir.runtime.format.FormatException;
import io.weir.runtime.format.RowDecoder;
import io.weir.runtime.format.RowEncoder;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DebeziumJsonFormatTest {
  private final DebeziumJsonFormatFactory debezium = new DebeziumJsonFormatFactory();

  private static final RowType PRODUCTS =
      RowType.builder()
          .add("id", LogicalType.bigint())
          .add("name", LogicalType.string())
          .add("weight", LogicalType.decimal(10, 2))
          .build();

  private static final String UPDATE =
      "{\"before\":{\"id\":111,\"name\":\"scooter\",\"description\":\"Big 2-wheel scooter\",\"weight\":5.18},"
          + "\"after\":{\"id\":111,\"name\":\"scooter\",\"description\":\"Big 2-wheel scooter\",\"weight\":5.15},"
          + "\"source\":{\"db\":\"inventory\",\"table\":\"products\"},\"op\":\"u\",\"ts_ms\":1589362330904,"
          + "\"transaction\":null}";

  private static List<Row> decode(RowDecoder decoder, String record) throws FormatException {
    List<Row> rows = new ArrayList<>();
    byte[] bytes = record == null ? null : record.getBytes(UTF_8);
    assertTrue(decoder.decode(bytes, 0, bytes == null ? 0 : bytes.length, rows::add));
    return rows;
  }

  private List<Row> decode(String record, Map<String, String> options) throws FormatException {
    return decode(debezium.createDecoder(PRODUCTS, options), record);
  }

  private static Row product(RowKind kind, long id, String name, String weight) {
    return Row.ofKind(kind, id, name, new BigDecimal(weight));
  }

  @Test
  void anUpdateIsUpdateBeforeThenUpdateAfter() throws Exception {
    assertEquals(
        List.of(product(RowKind.UPDATE_BEFORE, 111, "scooter", "5.18"),
            product(RowKind.UPDATE_AFTER, 111, "scooter", "5.15")),
        decode(UPDATE, Map.of()));
  }

  @Test
  void createsAndSnapshotReadsAreInsertsDeletesCarryTheOldRow() throws Exception {
    assertEquals(List.of(product(RowKind.INSERT, 1, "tea", "0.25")),
        decode("{\"before\":null,\"after\":{\"id\":1,\"name\":\"tea\",\"weight\":0.25},\"op\":\"c\"}", Map.of()));
    assertEquals(List.of(product(RowKind.INSERT, 2, "cake", "1.00")),
        decode("{\"op\":\"r\",\"after\":{\"id\":2,\"name\":\"cake\",\"weight\":1}}", Map.of()));
    assertEquals(List.of(product(RowKind.DELETE, 1, "tea", "0.25")),
        decode("{\"before\":{\"id\":1,\"name\":\"tea\",\"weight\":0.25},\"after\":null,\"op\":\"d\"}", Map.of()));
  }

  /** Debezium follows a delete with a tombstone so Kafka compaction can drop the key. */
  @Test
  void aTombstoneStandsForNoRow() throws Exception {
    assertEquals(List.of(), decode(null, Map.of()));
    assertEquals(List.of(), decode("", Map.of()));
  }

  @Test
  void schemaIncludeReadsTheEventFromThePayload() throws Exception {
    String withSchema = "{\"schema\":{\"type\":\"struct\",\"fields\":[]},\"payload\":" + UPDATE + "}";
    assertEquals(2, decode(withSchema, Map.of("schema-include", "true")).size());
    FormatException e = assertThrows(FormatException.class, () -> decode(withSchema, Map.of()));
    assertTrue(e.getMessage().endsWith("it has no \"op\" field; it holds \"schema\" and \"payload\", so set"
        + " 'debezium-json.schema-include' = 'true'"), e.getMessage());
    e = assertThrows(FormatException.class, () -> decode(UPDATE, Map.of("schema-include", "true")));
    assertTrue(e.getMessage().contains("no \"payload\" object"), e.getMessage());
  }

  @Test
  void anErrorNamesTheRecordTheEnvelopeFieldAndTheColumn() {
    String bad = "{\"after\":{\"id\":\"x\"},\"op\":\"c\"}";
    FormatException e = assertThrows(FormatException.class, () -> decode(bad, Map.of()));
    assertEquals("Failed to deserialize Debezium JSON '" + bad + "': field 'after.id': expected BIGINT but"
        + " found \"x\"", e.getMessage());
    e = assertThrows(FormatException.class, () -> decode("{\"after\":{},\"op\":\"t\"}", Map.of()));
    assertTrue(e.getMessage().endsWith("unknown \"op\" value \"t\"; expected \"c\", \"r\", \"u\" or \"d\""),
        e.getMessage());
    e = assertThrows(FormatException.class, () -> decode("{\"before\":null,\"after\":{},\"op\":\"u\"}", Map.of()));
    assertTrue(e.getMessage().contains("\"before\" of an update (\"op\": \"u\") is null; with Debezium's Postgres"
        + " connector, set the table's REPLICA IDENTITY to FULL"), e.getMessage());
    e = assertThrows(FormatException.class, () -> decode("{\"after\":[1],\"op\":\"c\"}", Map.of()));
    assertTrue(e.getMessage().endsWith("field 'after': expected a JSON object but found an array"), e.getMessage());
    e = assertThrows(FormatException.class, () -> decode("{\"after\":{\"id\":1", Map.of()));
    assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
  }

  @Test
  void ignoreParseErrorsSkipsTheRecordAndSaysWhy() throws Exception {
    RecordDecoder decoder = (RecordDecoder) debezium.createDecoder(PRODUCTS, Map.of("ignore-parse-errors", "true"));
    List<String> reasons = new ArrayList<>();
    decoder.setSkipListener(reasons::add);
    List<Row> rows = new ArrayList<>();
    byte[] bad = "{\"before\":{\"id\":1},\"after\":{\"id\":\"x\"},\"op\":\"u\"}".getBytes(UTF_8);
    assertFalse(decoder.decode(bad, 0, bad.length, rows::add));
    assertEquals(List.of(), rows, "a skipped record hands over no row, not even its valid \"before\"");
    assertEquals(1, reasons.size());
    assertTrue(reasons.get(0).endsWith("field 'after.id': expected BIGINT but found \"x\""), reasons.get(0));
  }

  @Test
  void theSingleRowDecodeIsRefused() {
    RowDecoder decoder = debezium.createDecoder(PRODUCTS, Map.of());
    assertThrows(UnsupportedOperationException.class, () -> decoder.decode(UPDATE.getBytes(UTF_8)));
  }

  @Test
  void projectionReadsOnlyTheAskedFields() throws Exception {
    RowDecoder decoder = debezium.createDecoder(PRODUCTS, new int[] {2, 0}, Map.of());
    assertEquals(List.of(Row.ofKind(RowKind.UPDATE_BEFORE, new BigDecimal("5.18"), 111L),
        Row.ofKind(RowKind.UPDATE_AFTER, new BigDecimal("5.15"), 111L)), decode(decoder, UPDATE));
  }

  @Test
  void encodesAsFlinkDoesAndReadsBack() throws Exception {
    RowEncoder encoder = debezium.createEncoder(PRODUCTS, Map.of());
    String insert = new String(encoder.encode(product(RowKind.INSERT, 1, "tea", "0.25")), UTF_8);
    assertEquals("{\"before\":null,\"after\":{\"id\":1,\"name\":\"tea\",\"weight\":0.25},\"op\":\"c\"}", insert);
    assertEquals("{\"before\":{\"id\":1,\"name\":\"tea\",\"weight\":0.25},\"after\":null,\"op\":\"d\"}",
        new String(encoder.encode(product(RowKind.UPDATE_BEFORE, 1, "tea", "0.25")), UTF_8));
    for (RowKind kind : RowKind.values()) {
      Row row = product(kind, 1, "tea", "0.25");
      RowKind readBack = kind.isAccumulate() ? RowKind.INSERT : RowKind.DELETE;
      assertEquals(List.of(row.withKind(readBack)), decode(new String(encoder.encode(row), UTF_8), Map.of()));
    }
  }

  @Test
  void jsonOptionsApplyUnderTheDebeziumPrefix() throws Exception {
    RowType type = RowType.builder().add("ts", LogicalType.timestamp(3)).add("n", LogicalType.string()).build();
    Map<String, String> iso = Map.of("timestamp-format.standard", "ISO-8601", "encode.ignore-null-fields", "true");
    byte[] bytes = debezium.createEncoder(type, iso).encode(Row.of(1_000L, null));
    assertEquals("{\"before\":null,\"after\":{\"ts\":\"1970-01-01T00:00:01\"},\"op\":\"c\"}", new String(bytes, UTF_8));
    assertEquals(List.of(Row.of(1_000L, null)), decode(debezium.createDecoder(type, iso), new String(bytes, UTF_8)));
    WeirException e = assertThrows(WeirException.class,
        () -> debezium.createDecoder(type, Map.of("timestamp-format.standard", "RFC")));
    assertTrue(e.getMessage().contains("'debezium-json.timestamp-format.standard'"), e.getMessage());
    e = assertThrows(WeirException.class, () -> debezium.createEncoder(type, Map.of("schema-include", "true")));
    assertTrue(e.getMessage().contains("is for reading only"), e.getMessage());
  }

  @Test
  void theFormatIsAChangelog() {
    assertEquals(ChangelogMode.ALL, debezium.changelogMode());
    assertTrue(debezium.optionalOptions().containsAll(List.of("schema-include", "ignore-parse-errors",
        "timestamp-format.standard", "map-null-key.mode", "encode.decimal-as-plain-number")));
  }
}
