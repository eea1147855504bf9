package io.weir.formats.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvFormatTest {
  private final CsvFormatFactory csv = new CsvFormatFactory();

  private static final RowType TYPE =
      RowType.builder()
          .add("id", LogicalType.integer())
          .add("name", LogicalType.string())
          .add("price", LogicalType.decimal(6, 2))
          .build();

  private Row decode(RowType type, String line, Map<String, String> options) throws FormatException {
    return csv.createDecoder(type, options).decode(line.getBytes(UTF_8));
  }

  private String encode(RowType type, Row row, Map<String, String> options) {
    return new String(csv.createEncoder(type, options).encode(row), UTF_8);
  }

  private static long millis(String localDateTime) {
    return LocalDateTime.parse(localDateTime).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  @Test
  void decodesFieldsByPositionWithRfc4180Quoting() throws Exception {
    assertEquals(Row.of(1, "a,\"b\"", new BigDecimal("2.50")),
        decode(TYPE, "1,\"a,\"\"b\"\"\",2.5", Map.of()));
    assertEquals(Row.of(2, "", new BigDecimal("0.00")), decode(TYPE, " 2 ,,0", Map.of()));
    assertEquals(Row.of(null, "", null), decode(TYPE, ",,", Map.of()), "empty: NULL unless a string");
  }

  @Test
  void optionsChangeTheSyntax() throws Exception {
    assertEquals(Row.of(1, "x|y", null),
        decode(TYPE, "1|'x|y'|NULL", Map.of("field-delimiter", "|", "quote-character", "'", "null-literal", "NULL")));
    assertEquals(Row.of(1, "a\tb", new BigDecimal("1.00")),
        decode(TYPE, "1\t\"a\tb\"\t1", Map.of("field-delimiter", "\\t")));
    assertEquals(Row.of(1, "a,b\"c", new BigDecimal("1.00")),
        decode(TYPE, "1,a\\,b\"c,1", Map.of("disable-quote-character", "true", "escape-character", "\\")));
  }

  @Test
  void anErrorNamesTheColumnByNameAndPosition() {
    FormatException e = assertThrows(FormatException.class, () -> decode(TYPE, "1,a,cheap", Map.of()));
    assertEquals("Failed to deserialize CSV row '1,a,cheap': column 'price' (position 3): expected"
        + " DECIMAL(6, 2) but found 'cheap'", e.getMessage());
    e = assertThrows(FormatException.class, () -> decode(TYPE, "1,a", Map.of()));
    assertTrue(e.getMessage().endsWith("expected 3 fields but found 2"), e.getMessage());
    e = assertThrows(FormatException.class, () -> decode(TYPE, "1,\"a\"x,2", Map.of()));
    assertTrue(e.getMessage().contains("after the closing quote of the field at position 2"), e.getMessage());
  }

  @Test
  void ignoreParseErrorsNullsBadFieldsAndSkipsBrokenRecordsAsFlinkDoes() throws Exception {
    RowDecoder decoder = csv.createDecoder(TYPE, Map.of("ignore-parse-errors", "true"));
    List<String> reasons = new ArrayList<>();
    ((RecordDecoder) decoder).setSkipListener(reasons::add);
    assertEquals(Row.of(null, "a", new BigDecimal("1.00")), decoder.decode("x,a,1".getBytes(UTF_8)));
    assertEquals(Row.of(1, null, null), decoder.decode("1".getBytes(UTF_8)));
    assertTrue(reasons.isEmpty());
    assertNull(decoder.decode("1,\"a\"x,2".getBytes(UTF_8)));
    assertEquals(1, reasons.size());
  }

  @Test
  void commentsAndBlankLinesCarryNoRecord() {
    RecordDecoder plain = (RecordDecoder) csv.createDecoder(TYPE, Map.of());
    RecordDecoder comments = (RecordDecoder) csv.createDecoder(TYPE, Map.of("allow-comments", "true"));
    byte[] comment = "# hello".getBytes(UTF_8);
    assertFalse(plain.isIgnorable(comment, 0, comment.length));
    assertTrue(comments.isIgnorable(comment, 0, comment.length));
    assertTrue(plain.isIgnorable(new byte[0], 0, 0));
  }

  @Test
  void aQuotedFieldMayContinueOnTheNextLine() throws Exception {
    RecordDecoder decoder = (RecordDecoder) csv.createDecoder(TYPE, Map.of());
    byte[] open = "1,\"first \"\"line\"\"".getBytes(UTF_8);
    assertTrue(decoder.isIncomplete(open, 0, open.length));
    byte[] whole = "1,\"first \"\"line\"\"\nsecond\",3".getBytes(UTF_8);
    assertFalse(decoder.isIncomplete(whole, 0, whole.length));
    assertEquals(Row.of(1, "first \"line\"\nsecond", new BigDecimal("3.00")), decoder.decode(whole));
  }

  @Test
  void projectionBuildsOnlyTheReadFields() throws Exception {
    RowDecoder decoder = csv.createDecoder(TYPE, new int[] {2, 0}, Map.of());
    // 'name' is not read, so nothing about it is converted.
    assertEquals(Row.of(new BigDecimal("9.99"), 4), decoder.decode("4,\"whatever, really\",9.99".getBytes(UTF_8)));
  }

  @Test
  void arraysAndRowsUseTheElementDelimiter() throws Exception {
    RowType type = RowType.builder()
        .add("tags", LogicalType.array(LogicalType.integer()))
        .add("pos", LogicalType.row(List.of(
            new LogicalType.Field("x", LogicalType.integer()), new LogicalType.Field("y", LogicalType.string()))))
        .build();
    Row row = Row.of(Arrays.asList(1, null, 3), Row.of(7, "q"));
    assertEquals(row, decode(type, "1;null;3,7;q", Map.of("null-literal", "null")));
    assertEquals("1;null;3,7;q", encode(type, row, Map.of("null-literal", "null")));
  }

  @Test
  void encodesAsFlinkDoes() {
    RowType type = RowType.builder()
        .add("i", LogicalType.integer())
        .add("s", LogicalType.string())
        .add("m", LogicalType.decimal(12, 10))
        .add("b", LogicalType.bool())
        .add("d", LogicalType.date())
        .add("ts", LogicalType.timestamp(3))
        .add("ltz", LogicalType.timestampLtz(3))
        .add("by", LogicalType.bytes())
        .add("n", LogicalType.string())
        .build();
    Row row = Row.of(1, "say \"hi\", then\nleave", new BigDecimal("0.0000000270"), false,
        (int) LocalDate.of(2020, 4, 15).toEpochDay(), millis("2020-04-15T08:05:00.500"),
        millis("2020-04-15T08:05:00"), new byte[] {1, 2, 3}, null);
    assertEquals("1,\"say \"\"hi\"\", then\nleave\",2.70E-8,false,2020-04-15,2020-04-15 08:05:00.5,"
        + "2020-04-15 08:05:00Z,AQID,", encode(type, row, Map.of()));
    String plain = encode(type, row, Map.of("write-bigdecimal-in-scientific-notation", "false", "null-literal", "\\N"));
    assertTrue(plain.contains(",0.0000000270,"), plain);
    assertTrue(plain.endsWith(",\\N"), plain);
  }

  @Test
  void whatIsWrittenReadsBackEqual() throws Exception {
    RowType type = RowType.builder()
        .add("i", LogicalType.bigint())
        .add("s", LogicalType.string())
        .add("ts", LogicalType.timestamp(3))
        .add("ltz", LogicalType.timestampLtz(3))
        .add("t", LogicalType.time(3))
        .add("f", LogicalType.doubleType())
        .build();
    Row row = Row.of(-5L, "a,b;\"c\"", millis("1999-12-31T23:59:59.999"), 0L, 12_345, 0.1);
    byte[] bytes = csv.createEncoder(type, Map.of()).encode(row);
    assertEquals(row, csv.createDecoder(type, Map.of()).decode(bytes));
  }

  @Test
  void contradictoryOptionsAreRejected() {
    WeirException e = assertThrows(WeirException.class, () -> csv.createDecoder(TYPE,
        Map.of("disable-quote-character", "true", "quote-character", "'")));
    assertTrue(e.getMessage().contains("csv.quote-character"), e.getMessage());
    e = assertThrows(WeirException.class, () -> csv.createDecoder(TYPE, Map.of("field-delimiter", ";;")));
    assertTrue(e.getMessage().contains("'csv.field-delimiter'"), e.getMessage());
    e = assertThrows(WeirException.class, () -> csv.createDecoder(
        RowType.builder().add("m", LogicalType.map(LogicalType.string(), LogicalType.integer())).build(), Map.of()));
    assertTrue(e.getMessage().contains("column 'm'"), e.getMessage());
  }
}
