package io.weir.formats.json;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.formats.RecordDecoder;
import io.weir.runtime.format.FormatException;
import io.weir.runtime.format.RowDecoder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonFormatTest {
  private final JsonFormatFactory json = new JsonFormatFactory();

  private static final RowType NESTED =
      RowType.builder()
          .add("id", LogicalType.integer())
          .add("tags", LogicalType.array(LogicalType.string()))
          .add("attrs", LogicalType.map(LogicalType.string(), LogicalType.bigint()))
          .add("pos", LogicalType.row(List.of(
              new LogicalType.Field("x", LogicalType.doubleType()),
              new LogicalType.Field("y", LogicalType.doubleType()))))
          .build();

  private static long millis(String localDateTime) {
    return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private Row decode(RowType type, String line, Map<String, String> options) throws FormatException {
    return json.createDecoder(type, options).decode(line.getBytes(UTF_8));
  }

  private String encode(RowType type, Row row, Map<String, String> options) {
    return new String(json.createEncoder(type, options).encode(row), UTF_8);
  }

  @Test
  void decodesNestedFieldsByName() throws Exception {
    Row row = decode(NESTED,
        "{\"pos\":{\"y\":2.5,\"x\":1},\"extra\":{\"deep\":[1,2,{}]},\"tags\":[\"a\",null],"
            + "\"attrs\":{\"k\":7},\"id\":3}", Map.of());
    assertEquals(Row.of(3, Arrays.asList("a", null), Map.of("k", 7L), Row.of(1.0, 2.5)), row);
  }

  @Test
  void aMissingFieldIsNullUnlessFailOnMissingField() throws Exception {
    assertEquals(Row.of(null, null, null, null), decode(NESTED, "{}", Map.of()));
    FormatException e = assertThrows(FormatException.class,
        () -> decode(NESTED, "{\"id\":1}", Map.of("fail-on-missing-field", "true")));
    assertTrue(e.getMessage().contains("field 'tags'"), e.getMessage());
  }

  @Test
  void numbersAndBooleansAreAcceptedAsStrings() throws Exception {
    RowType type = RowType.builder()
        .add("i", LogicalType.integer())
        .add("b", LogicalType.bigint())
        .add("d", LogicalType.doubleType())
        .add("m", LogicalType.decimal(5, 2))
        .add("flag", LogicalType.bool())
        .add("s", LogicalType.string())
        .build();
    Row row = decode(type,
        "{\"i\":\" 42 \",\"b\":\"-7\",\"d\":\"1.5\",\"m\":\"3.14159\",\"flag\":\"TRUE\",\"s\":12.50}", Map.of());
    assertEquals(Row.of(42, -7L, 1.5, new BigDecimal("3.14"), true, "12.50"), row);
  }

  @Test
  void aStringColumnTakesAnObjectAsItsJsonText() throws Exception {
    RowType type = RowType.builder().add("s", LogicalType.string()).build();
    assertEquals(Row.of("{\"a\":[1,true]}"), decode(type, "{\"s\": {\"a\": [1, true]}}", Map.of()));
  }

  @Test
  void aDecimalTooLargeForItsPrecisionIsNullAsInFlink() throws Exception {
    RowType type = RowType.builder().add("m", LogicalType.decimal(4, 2)).build();
    assertEquals(Row.of(new BigDecimal("12.35")), decode(type, "{\"m\":12.345}", Map.of()));
    assertEquals(Row.of((Object) null), decode(type, "{\"m\":123.4}", Map.of()));
  }

  @Test
  void decodesTemporalTypesInBothStandards() throws Exception {
    RowType type = RowType.builder()
        .add("d", LogicalType.date())
        .add("t", LogicalType.time(0))
        .add("ts", LogicalType.timestamp(3))
        .add("ltz", LogicalType.timestampLtz(3))
        .build();
    Row sql = decode(type,
        "{\"d\":\"2020-04-15\",\"t\":\"08:05:01\",\"ts\":\"2020-04-15 08:05:00.123456\","
            + "\"ltz\":\"2020-04-15 08:05:00Z\"}", Map.of());
    int day = (int) LocalDate.of(2020, 4, 15).toEpochDay();
    int time = (int) (LocalTime.of(8, 5, 1).toNanoOfDay() / 1_000_000);
    assertEquals(Row.of(day, time, millis("2020-04-15T08:05:00.123"), millis("2020-04-15T08:05:00")), sql);
    Row iso = decode(type,
        "{\"d\":\"2020-04-15\",\"t\":\"08:05:01\",\"ts\":\"2020-04-15T08:05:00.123\","
            + "\"ltz\":\"2020-04-15T08:05:00Z\"}", Map.of("timestamp-format.standard", "ISO-8601"));
    assertEquals(sql, iso);
    FormatException e = assertThrows(FormatException.class,
        () -> decode(type, "{\"ts\":\"2020-04-15T08:05:00\"}", Map.of()));
    assertTrue(e.getMessage().contains("field 'ts': expected TIMESTAMP(3) as 'yyyy-MM-dd HH:mm:ss[.fraction]'"
        + " but found \"2020-04-15T08:05:00\""), e.getMessage());
  }

  @Test
  void anErrorNamesTheRecordTheFieldAndWhatWasFound() {
    RowType type = RowType.builder().add("a", LogicalType.integer()).build();
    FormatException e = assertThrows(FormatException.class, () -> decode(type, "{\"a\":\"x\"}", Map.of()));
    assertEquals("Failed to deserialize JSON '{\"a\":\"x\"}': field 'a': expected INT but found \"x\"", e.getMessage());
  }

  @Test
  void anErrorInANestedValueNamesItsPath() {
    FormatException e = assertThrows(FormatException.class,
        () -> decode(NESTED, "{\"pos\":{\"x\":true}}", Map.of()));
    assertTrue(e.getMessage().endsWith("field 'pos.x': expected DOUBLE but found true"), e.getMessage());
    e = assertThrows(FormatException.class, () -> decode(NESTED, "{\"attrs\":{\"k\":[1]}}", Map.of()));
    assertTrue(e.getMessage().endsWith("field 'attrs['k']': expected BIGINT but found an array"), e.getMessage());
  }

  @Test
  void malformedJsonIsReportedWithItsPosition() {
    FormatException e = assertThrows(FormatException.class, () -> decode(NESTED, "{\"id\": 1,", Map.of()));
    assertTrue(e.getMessage().startsWith("Failed to deserialize JSON '{\"id\": 1,': malformed JSON"), e.getMessage());
    e = assertThrows(FormatException.class, () -> decode(NESTED, "[1]", Map.of()));
    assertTrue(e.getMessage().endsWith("expected a JSON object but found an array"), e.getMessage());
  }

  @Test
  void theRecordInAMessageIsCutShort() {
    RowType type = RowType.builder().add("a", LogicalType.integer()).build();
    String longLine = "{\"b\":\"" + "x".repeat(5000) + "\",\"a\":\"y\"}";
    FormatException e = assertThrows(FormatException.class, () -> decode(type, longLine, Map.of()));
    assertTrue(e.getMessage().length() < 400, e.getMessage());
    assertTrue(e.getMessage().contains("...'"), e.getMessage());
  }

  @Test
  void ignoreParseErrorsSkipsTheRecordAndSaysWhy() throws Exception {
    RowType type = RowType.builder().add("a", LogicalType.integer()).build();
    RowDecoder decoder = json.createDecoder(type, Map.of("ignore-parse-errors", "true"));
    List<String> reasons = new ArrayList<>();
    ((RecordDecoder) decoder).setSkipListener(reasons::add);
    assertNull(decoder.decode("{\"a\":\"x\"}".getBytes(UTF_8)));
    assertEquals(Row.of(5), decoder.decode("{\"a\":5}".getBytes(UTF_8)));
    assertEquals(1, reasons.size());
    assertTrue(reasons.get(0).contains("field 'a'"), reasons.get(0));
  }

  @Test
  void projectionDecodesOnlyTheReadFields() throws Exception {
    RowDecoder decoder = json.createDecoder(NESTED, new int[] {3, 0}, Map.of());
    // 'tags' holds a value that would not convert; it is not read, so it does not matter.
    assertEquals(Row.of(Row.of(1.0, null), 9),
        decoder.decode("{\"id\":9,\"tags\":42,\"pos\":{\"x\":1}}".getBytes(UTF_8)));
  }

  @Test
  void encodesAsFlinkDoes() {
    RowType type = RowType.builder()
        .add("i", LogicalType.integer())
        .add("s", LogicalType.string())
        .add("m", LogicalType.decimal(6, 2))
        .add("small", LogicalType.decimal(12, 10))
        .add("b", LogicalType.bool())
        .add("by", LogicalType.bytes())
        .add("d", LogicalType.date())
        .add("t", LogicalType.time(0))
        .add("ts", LogicalType.timestamp(3))
        .add("whole", LogicalType.timestamp(3))
        .add("ltz", LogicalType.timestampLtz(3))
        .add("arr", LogicalType.array(LogicalType.integer()))
        .add("n", LogicalType.string())
        .build();
    Row row = Row.of(1, "a\"b", new BigDecimal("12.50"), new BigDecimal("0.0000000270"), true,
        new byte[] {1, 2, 3}, (int) LocalDate.of(2020, 4, 15).toEpochDay(),
        (int) (LocalTime.of(8, 5, 1, 500_000_000).toNanoOfDay() / 1_000_000),
        millis("2020-04-15T08:05:00.120"), millis("2020-04-15T08:05:00"),
        millis("2020-04-15T08:05:00.001"), Arrays.asList(1, null), null);
    assertEquals(
        "{\"i\":1,\"s\":\"a\\\"b\",\"m\":12.50,\"small\":2.70E-8,\"b\":true,\"by\":\"AQID\","
            + "\"d\":\"2020-04-15\",\"t\":\"08:05:01\",\"ts\":\"2020-04-15 08:05:00.12\","
            + "\"whole\":\"2020-04-15 08:05:00\",\"ltz\":\"2020-04-15 08:05:00.001Z\","
            + "\"arr\":[1,null],\"n\":null}",
        encode(type, row, Map.of()));
    String iso = encode(type, row, Map.of("timestamp-format.standard", "ISO-8601",
        "encode.decimal-as-plain-number", "true", "encode.ignore-null-fields", "true"));
    assertTrue(iso.contains("\"ts\":\"2020-04-15T08:05:00.12\""), iso);
    assertTrue(iso.contains("\"ltz\":\"2020-04-15T08:05:00.001Z\""), iso);
    assertTrue(iso.contains("\"small\":0.0000000270"), iso);
    assertTrue(iso.endsWith("\"arr\":[1,null]}"), iso);
  }

  @Test
  void whatIsWrittenReadsBackEqual() throws Exception {
    Map<String, Long> attrs = new LinkedHashMap<>();
    attrs.put("a", 1L);
    attrs.put("b", null);
    Row row = Row.of(7, List.of("x", "y"), attrs, Row.of(0.5, -1.25));
    byte[] bytes = json.createEncoder(NESTED, Map.of()).encode(row);
    assertEquals(row, json.createDecoder(NESTED, Map.of()).decode(bytes));
  }

  @Test
  void mapNullKeysFollowTheMode() {
    RowType type = RowType.builder().add("m", LogicalType.map(LogicalType.string(), LogicalType.integer())).build();
    Map<String, Integer> m = new HashMap<>();
    m.put(null, 1);
    Row row = Row.of(m);
    WeirException e = assertThrows(WeirException.class, () -> encode(type, row, Map.of()));
    assertTrue(e.getMessage().contains("map-null-key.mode"), e.getMessage());
    assertEquals("{\"m\":{}}", encode(type, row, Map.of("map-null-key.mode", "DROP")));
    assertEquals("{\"m\":{\"nil\":1}}",
        encode(type, row, Map.of("map-null-key.mode", "LITERAL", "map-null-key.literal", "nil")));
  }

  @Test
  void badOptionValuesAreRejected() {
    WeirException e = assertThrows(WeirException.class,
        () -> json.createDecoder(NESTED, Map.of("timestamp-format.standard", "RFC")));
    assertTrue(e.getMessage().contains("'json.timestamp-format.standard'"), e.getMessage());
    e = assertThrows(WeirException.class, () -> json.createDecoder(NESTED,
        Map.of("ignore-parse-errors", "true", "fail-on-missing-field", "true")));
    assertTrue(e.getMessage().contains("cannot both be true"), e.getMessage());
  }

  @Test
  void bytesAreBase64() throws Exception {
    RowType type = RowType.builder().add("b", LogicalType.bytes()).build();
    Row row = decode(type, "{\"b\":\"AQID\"}", Map.of());
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) row.field(0));
  }
}
