package io.weir.state.serialization;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.types.LogicalType;
import io.weir.common.types.LogicalType.Field;
import io.weir.common.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SerializersTest {

  static <T> T roundTrip(TypeSerializer<T> serializer, T value) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    serializer.serialize(value, out);
    serializer.serialize(value, out); // twice: each value must read back exactly its own bytes
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    T first = serializer.deserialize(in);
    T second = serializer.deserialize(in);
    assertEquals(-1, in.read(), "trailing bytes after two values of " + serializer);
    assertTrue(Arrays.deepEquals(new Object[] {first}, new Object[] {second}), "second read differs");
    return first;
  }

  @Test
  void scalars() throws IOException {
    assertEquals(Long.MIN_VALUE, roundTrip(Serializers.LONG, Long.MIN_VALUE));
    assertEquals(-3, roundTrip(Serializers.INT, -3));
    assertEquals((short) 7, roundTrip(Serializers.SHORT, (short) 7));
    assertEquals((byte) -1, roundTrip(Serializers.BYTE, (byte) -1));
    assertEquals(1.5f, roundTrip(Serializers.FLOAT, 1.5f));
    assertEquals(Double.NaN, roundTrip(Serializers.DOUBLE, Double.NaN));
    assertEquals(true, roundTrip(Serializers.BOOLEAN, true));
    assertEquals(new BigDecimal("1.50"), roundTrip(Serializers.DECIMAL, new BigDecimal("1.50")));
    assertEquals(
        new BigDecimal("-123456789012345678901234567890.000001"),
        roundTrip(Serializers.DECIMAL, new BigDecimal("-123456789012345678901234567890.000001")));
    assertEquals("", roundTrip(Serializers.STRING, ""));
    assertEquals("grüße 🌊", roundTrip(Serializers.STRING, "grüße 🌊"));
    String longString = "x".repeat(70_000); // past DataOutput.writeUTF's 64 KB limit
    assertEquals(longString, roundTrip(Serializers.STRING, longString));
    assertArrayEquals(new byte[] {0, -1, 127}, roundTrip(Serializers.BYTES, new byte[] {0, -1, 127}));
  }

  @Test
  void listsAndMapsKeepNullsAndOrder() throws IOException {
    List<String> list = new ArrayList<>(Arrays.asList("a", null, "c"));
    assertEquals(list, roundTrip(new ListSerializer<>(Serializers.STRING), list));
    Map<String, Long> map = new LinkedHashMap<>();
    map.put("z", 1L);
    map.put(null, 2L);
    map.put("a", null);
    Map<String, Long> back = roundTrip(new MapSerializer<>(Serializers.STRING, Serializers.LONG), map);
    assertEquals(map, back);
    assertEquals(new ArrayList<>(map.keySet()), new ArrayList<>(back.keySet()));
  }

  /** Every internal type of LogicalType's class comment, in one row, with values and with nulls. */
  static final RowType ALL_TYPES =
      RowType.builder()
          .add("bool", LogicalType.bool())
          .add("tiny", LogicalType.tinyint())
          .add("small", LogicalType.smallint())
          .add("int", LogicalType.integer().notNull())
          .add("big", LogicalType.bigint())
          .add("flt", LogicalType.floatType())
          .add("dbl", LogicalType.doubleType())
          .add("dec", LogicalType.decimal(10, 2))
          .add("chr", LogicalType.chr(3))
          .add("str", LogicalType.string())
          .add("bin", LogicalType.bytes())
          .add("date", LogicalType.date())
          .add("time", LogicalType.time(3))
          .add("ts", LogicalType.timestamp(3))
          .add("ltz", LogicalType.timestampLtz(3))
          .add("ids", LogicalType.intervalDayTime())
          .add("iym", LogicalType.intervalYearMonth())
          .add("arr", LogicalType.array(LogicalType.string()))
          .add("multi", LogicalType.multiset(LogicalType.bigint()))
          .add("map", LogicalType.map(LogicalType.string(), LogicalType.integer()))
          .add("row", LogicalType.row(List.of(
              new Field("x", LogicalType.bigint()), new Field("y", LogicalType.string()))))
          .add("nul", LogicalType.nullType())
          .build();

  static Row allTypesRow(RowKind kind) {
    Map<Long, Integer> multiset = new LinkedHashMap<>();
    multiset.put(5L, 2);
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("k", 1);
    map.put("n", null);
    return Row.ofKind(
        kind, true, (byte) 1, (short) 2, 3, 4L, 5.5f, 6.25, new BigDecimal("7.80"), "abc", "str",
        new byte[] {9, 8}, 19_000, 3_600_000, 1_700_000_000_000L, 1_700_000_000_001L, 86_400_000L,
        14, Arrays.asList("a", null), multiset, map, Row.of(10L, null), null);
  }

  @ParameterizedTest
  @EnumSource(RowKind.class)
  void rowOfEveryTypeRoundTripsWithItsKind(RowKind kind) throws IOException {
    RowSerializer serializer = new RowSerializer(ALL_TYPES);
    Row row = allTypesRow(kind);
    assertEquals(row, roundTrip(serializer, row));
  }

  @Test
  void rowOfNullsRoundTrips() throws IOException {
    RowSerializer serializer = new RowSerializer(ALL_TYPES);
    Row nulls = Row.ofKind(RowKind.DELETE, new Object[ALL_TYPES.arity()]);
    assertEquals(nulls, roundTrip(serializer, nulls));
    RowSerializer empty = new RowSerializer(List.of());
    assertEquals(Row.of(), roundTrip(empty, Row.of()));
  }

  @Test
  void nullBitmapSpansSeveralBytes() throws IOException {
    List<LogicalType> types = new ArrayList<>();
    Object[] fields = new Object[17];
    for (int i = 0; i < 17; i++) {
      types.add(LogicalType.integer());
      fields[i] = i % 3 == 0 ? null : i;
    }
    Row row = Row.of(fields);
    assertEquals(row, roundTrip(new RowSerializer(types), row));
  }

  @Test
  void signatureNamesTheFormatNotNullabilityOrLength() {
    RowSerializer a = new RowSerializer(List.of(LogicalType.varchar(10), LogicalType.timestamp(3)));
    RowSerializer b = new RowSerializer(List.of(LogicalType.string().notNull(), LogicalType.bigint()));
    assertEquals("ROW<STRING, BIGINT>", a.signature());
    assertEquals(a.signature(), b.signature());
    assertEquals(
        "MAP<STRING, ARRAY<INT>>",
        Serializers.forType(LogicalType.map(LogicalType.string(), LogicalType.array(LogicalType.date())))
            .signature());
  }

  @Test
  void wrongArityIsReportedWithTheRow() {
    RowSerializer serializer = new RowSerializer(List.of(LogicalType.bigint()));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> serializer.serialize(Row.of(1L, 2L), new DataOutputStream(new ByteArrayOutputStream())));
    assertTrue(e.getMessage().contains("+I[1, 2]"), e.getMessage());
  }
}
