package io.weir.formats.raw;

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
import io.weir.runtime.format.FormatException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RawFormatTest {
  private final RawFormatFactory raw = new RawFormatFactory();

  private static RowType single(LogicalType type) {
    return RowType.builder().add("v", type).build();
  }

  private Object roundTrip(LogicalType type, Object value, Map<String, String> options) throws FormatException {
    byte[] bytes = raw.createEncoder(single(type), options).encode(Row.of(value));
    return raw.createDecoder(single(type), options).decode(bytes).field(0);
  }

  @Test
  void aStringIsTheRecordsTextInTheCharset() throws Exception {
    assertEquals(Row.of("GET /?p=1 200"), raw.createDecoder(single(LogicalType.string()), Map.of())
        .decode("GET /?p=1 200".getBytes(UTF_8)));
    byte[] latin1 = raw.createEncoder(single(LogicalType.string()), Map.of("charset", "ISO-8859-1"))
        .encode(Row.of("café"));
    assertArrayEquals(new byte[] {'c', 'a', 'f', (byte) 0xe9}, latin1);
    assertEquals("café", roundTrip(LogicalType.string(), "café", Map.of("charset", "UTF-16")));
    assertEquals("", raw.createDecoder(single(LogicalType.string()), Map.of()).decode(new byte[0]).field(0));
  }

  @Test
  void bytesAreTheRecordItself() throws Exception {
    byte[] record = {9, 1, 2, 3, 9};
    Row row = raw.createDecoder(single(LogicalType.bytes()), Map.of()).decode(record, 1, 3);
    assertArrayEquals(new byte[] {1, 2, 3}, (byte[]) row.field(0));
    assertArrayEquals(new byte[] {7, 8},
        raw.createEncoder(single(LogicalType.bytes()), Map.of()).encode(Row.of((Object) new byte[] {7, 8})));
  }

  @Test
  void numbersAreFixedWidthInTheEndianness() throws Exception {
    assertArrayEquals(new byte[] {0, 0, 1, 2},
        raw.createEncoder(single(LogicalType.integer()), Map.of()).encode(Row.of(258)));
    assertArrayEquals(new byte[] {2, 1, 0, 0},
        raw.createEncoder(single(LogicalType.integer()), Map.of("endianness", "little-endian")).encode(Row.of(258)));
    Map<String, String> little = Map.of("endianness", "little-endian");
    assertEquals((byte) -3, roundTrip(LogicalType.tinyint(), (byte) -3, little));
    assertEquals((short) -300, roundTrip(LogicalType.smallint(), (short) -300, little));
    assertEquals(Long.MIN_VALUE + 7, roundTrip(LogicalType.bigint(), Long.MIN_VALUE + 7, little));
    assertEquals(1.5f, roundTrip(LogicalType.floatType(), 1.5f, Map.of()));
    assertEquals(-2.25, roundTrip(LogicalType.doubleType(), -2.25, little));
    assertEquals(true, roundTrip(LogicalType.bool(), true, Map.of()));
    assertEquals(false, roundTrip(LogicalType.bool(), false, Map.of()));
  }

  /** Flink's raw format: a NULL value is a message without a value, and back. */
  @Test
  void nullIsAMessageWithoutAValue() throws Exception {
    assertNull(raw.createEncoder(single(LogicalType.string()), Map.of()).encode(Row.of((Object) null)));
    assertEquals(Row.of((Object) null), raw.createDecoder(single(LogicalType.bigint()), Map.of()).decode(null));
    assertEquals(Row.of((Object) null), raw.createDecoder(single(LogicalType.string()), Map.of()).decode(null));
  }

  @Test
  void aNumberOfTheWrongWidthNamesTheColumnAndTheBytes() {
    FormatException e = assertThrows(FormatException.class,
        () -> raw.createDecoder(single(LogicalType.integer()), Map.of()).decode(new byte[] {1, 2, (byte) 0xff}));
    assertEquals("Failed to deserialize raw value 0x0102ff of column 'v': expected INT as 4 bytes, big-endian,"
        + " but found 3 bytes", e.getMessage());
    e = assertThrows(FormatException.class,
        () -> raw.createDecoder(single(LogicalType.bool()), Map.of()).decode(new byte[] {2}));
    assertTrue(e.getMessage().endsWith("expected BOOLEAN as the byte 0 (false) or 1 (true)"), e.getMessage());
  }

  @Test
  void aTableMustHaveOneColumnOfASupportedType() {
    RowType two = RowType.builder().add("a", LogicalType.integer()).add("b", LogicalType.string()).build();
    WeirException e = assertThrows(WeirException.class, () -> raw.createDecoder(two, Map.of()));
    assertTrue(e.getMessage().contains("single column, but the table has 2: (`a` INT, `b` STRING)"), e.getMessage());
    e = assertThrows(WeirException.class, () -> raw.createEncoder(single(LogicalType.date()), Map.of()));
    assertTrue(e.getMessage().startsWith("The 'raw' format does not support type DATE (column 'v')"), e.getMessage());
  }

  @Test
  void badOptionValuesAreRejected() {
    WeirException e = assertThrows(WeirException.class,
        () -> raw.createDecoder(single(LogicalType.string()), Map.of("charset", "klingon-8")));
    assertTrue(e.getMessage().contains("'raw.charset'"), e.getMessage());
    e = assertThrows(WeirException.class,
        () -> raw.createDecoder(single(LogicalType.string()), Map.of("endianness", "middle")));
    assertTrue(e.getMessage().contains("'big-endian' or 'little-endian'"), e.getMessage());
  }
}
