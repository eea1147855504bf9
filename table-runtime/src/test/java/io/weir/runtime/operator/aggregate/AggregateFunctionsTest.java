package io.weir.runtime.operator.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.weir.common.data.Row;
import io.weir.common.plan.AggregateCallSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every aggregate function: accumulate, retract, merge, getValue, and a serializer round trip of
 * the accumulator after every step (the value read back must equal the live one, and must keep
 * working: the next step is applied to the copy read back).
 */
class AggregateFunctionsTest {
  /** (i INT, l BIGINT, d DOUBLE, dec DECIMAL(10, 2), s STRING, sep STRING, b BYTES). */
  private static final RowType INPUT = RowType.builder()
      .add("i", LogicalType.integer())
      .add("l", LogicalType.bigint())
      .add("d", LogicalType.doubleType())
      .add("dec", LogicalType.decimal(10, 2))
      .add("s", LogicalType.string())
      .add("sep", LogicalType.string())
      .add("b", LogicalType.bytes())
      .build();

  private static final int I = 0, L = 1, D = 2, DEC = 3, S = 4, SEP = 5, B = 6;

  private static Row ints(Integer i) {
    return Row.of(i, null, null, null, null, null, null);
  }

  private static Row longs(Long l) {
    return Row.of(null, l, null, null, null, null, null);
  }

  private static Row doubles(Double d) {
    return Row.of(null, null, d, null, null, null, null);
  }

  private static Row decimal(String v) {
    return Row.of(null, null, null, v == null ? null : new BigDecimal(v), null, null, null);
  }

  private static Row str(String s) {
    return Row.of(null, null, null, null, s, null, null);
  }

  private static Row str(String s, String sep) {
    return Row.of(null, null, null, null, s, sep, null);
  }

  private static Row bytes(byte... b) {
    return Row.of(null, null, null, null, null, null, b);
  }

  private static AggregateCallSpec call(String function, LogicalType result, boolean distinct, Integer... args) {
    return new AggregateCallSpec(function, List.of(args), distinct, -1, result, "a");
  }

  /** A function with its accumulator, round-tripped through its serializer after every step. */
  private static final class Agg {
    final AggregateFunction f;
    Object acc;

    Agg(AggregateFunction f) {
      this.f = f;
      this.acc = roundTrip(f, f.createAccumulator());
    }

    Agg add(Row... rows) {
      for (Row r : rows) {
        acc = roundTrip(f, f.accumulate(acc, r));
      }
      return this;
    }

    Agg remove(Row... rows) {
      for (Row r : rows) {
        acc = roundTrip(f, f.retract(acc, r));
      }
      return this;
    }

    Agg merge(Agg other) {
      Object before = f.getValue(other.acc);
      acc = roundTrip(f, f.merge(acc, other.acc));
      assertEquals(before, f.getValue(other.acc), "merge must not change the other accumulator");
      return this;
    }

    Object value() {
      return f.getValue(acc);
    }
  }

  private static Object roundTrip(AggregateFunction f, Object acc) {
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      f.accumulatorSerializer().serialize(acc, new DataOutputStream(bytes));
      Object copy = f.accumulatorSerializer().deserialize(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
      Object a = f.getValue(acc);
      Object b = f.getValue(copy);
      assertTrue(java.util.Objects.deepEquals(a, b), "round trip changed the value " + a + " into " + b);
      return copy;
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Agg agg(AggregateCallSpec call) {
    return new Agg(AggregateFunctions.create(call, INPUT));
  }

  private static Agg appendOnly(AggregateCallSpec call) {
    return new Agg(AggregateFunctions.create(call, INPUT, false));
  }

  @Test
  void countStarCountsEveryRowAndCountArgSkipsNulls() {
    Agg star = agg(call("COUNT", LogicalType.bigint(), false));
    Agg arg = agg(call("COUNT", LogicalType.bigint(), false, I));
    for (Agg a : List.of(star, arg)) {
      a.add(ints(1), ints(null), ints(3));
    }
    assertEquals(3L, star.value());
    assertEquals(2L, arg.value());
    star.remove(ints(null));
    arg.remove(ints(null)); // a null is not counted, so retracting one changes nothing
    assertEquals(2L, star.value());
    assertEquals(2L, arg.value());
    assertEquals(4L, star.merge(agg(call("COUNT", LogicalType.bigint(), false)).add(ints(7), ints(8))).value());
    assertEquals(0L, agg(call("COUNT", LogicalType.bigint(), false, I)).value());
    assertEquals(2, agg(call("COUNT", LogicalType.integer(), false)).add(ints(1), ints(2)).value(), "INT result");
  }

  @Test
  void sumKeepsTheResultTypeAndIsNullWhenEmptyAgain() {
    Agg sum = agg(call("SUM", LogicalType.integer(), false, I));
    assertNull(sum.value());
    sum.add(ints(1), ints(null), ints(2));
    assertEquals(3, sum.value());
    sum.remove(ints(1));
    assertEquals(2, sum.value());
    sum.remove(ints(2));
    assertNull(sum.value(), "retracting every value makes SUM null again, not 0");
    assertEquals(30L, agg(call("SUM", LogicalType.bigint(), false, L)).add(longs(10L), longs(20L)).value());
    assertEquals(4.0, agg(call("SUM", LogicalType.doubleType(), false, D)).add(doubles(1.5), doubles(2.5)).value());
    Agg dec = agg(call("SUM", LogicalType.decimal(38, 2), false, DEC)).add(decimal("1.10"), decimal("2.25"));
    assertEquals(new BigDecimal("3.35"), dec.value());
    dec.merge(agg(call("SUM", LogicalType.decimal(38, 2), false, DEC)).add(decimal("0.65")));
    assertEquals(new BigDecimal("4.00"), dec.value());
    Agg ints = agg(call("SUM", LogicalType.integer(), false, I)).add(ints(5));
    assertEquals(12, ints.merge(agg(call("SUM", LogicalType.integer(), false, I)).add(ints(7))).value());
  }

  @Test
  void sumOfDoublesRestartsAtZeroAfterEmptying() {
    Agg sum = agg(call("SUM0", LogicalType.doubleType(), false, D));
    sum.add(doubles(0.1), doubles(0.2)).remove(doubles(0.1), doubles(0.2));
    assertEquals(0.0, sum.value());
    assertEquals(0.3, sum.add(doubles(0.3)).value());
  }

  @Test
  void sum0IsZeroWhenEmpty() {
    Agg sum0 = agg(call("SUM0", LogicalType.bigint(), false, L));
    assertEquals(0L, sum0.value());
    assertEquals(5L, sum0.add(longs(5L)).value());
    assertEquals(0L, sum0.remove(longs(5L)).value());
    assertEquals(new BigDecimal("0.00"), agg(call("SUM0", LogicalType.decimal(38, 2), false, DEC)).value());
  }

  @Test
  void avgFollowsTheResultType() {
    // AVG(INT) typed INT truncates, as Flink: (1 + 2) / 2 = 1, (-1 - 2) / 2 = -1.
    assertEquals(1, agg(call("AVG", LogicalType.integer(), false, I)).add(ints(1), ints(2)).value());
    assertEquals(-1, agg(call("AVG", LogicalType.integer(), false, I)).add(ints(-1), ints(-2)).value());
    assertEquals(1.5, agg(call("AVG", LogicalType.doubleType(), false, I)).add(ints(1), ints(2)).value());
    assertEquals(new BigDecimal("0.333333"),
        agg(call("AVG", LogicalType.decimal(38, 6), false, DEC)).add(decimal("1.00"), decimal("0.00"), decimal("0.00")).value());
    Agg avg = agg(call("AVG", LogicalType.doubleType(), false, D)).add(doubles(1.0), doubles(4.0));
    assertEquals(2.5, avg.value());
    avg.remove(doubles(4.0));
    assertEquals(1.0, avg.value());
    avg.remove(doubles(1.0));
    assertNull(avg.value());
    Agg merged = agg(call("AVG", LogicalType.bigint(), false, L)).add(longs(10L))
        .merge(agg(call("AVG", LogicalType.bigint(), false, L)).add(longs(20L), longs(30L)));
    assertEquals(20L, merged.value());
  }

  @Test
  void minMaxFindTheNextExtremeWhenTheCurrentOneIsRetracted() {
    Agg min = agg(call("MIN", LogicalType.integer(), false, I)).add(ints(5), ints(3), ints(3), ints(9), ints(null));
    Agg max = agg(call("MAX", LogicalType.integer(), false, I)).add(ints(5), ints(3), ints(9), ints(9));
    assertEquals(3, min.value());
    assertEquals(9, max.value());
    min.remove(ints(3));
    max.remove(ints(9));
    assertEquals(3, min.value(), "3 was there twice");
    assertEquals(9, max.value(), "9 was there twice");
    min.remove(ints(3));
    max.remove(ints(9));
    assertEquals(5, min.value());
    assertEquals(5, max.value());
    min.remove(ints(5), ints(9));
    assertNull(min.value());
    assertEquals(2, min.merge(agg(call("MIN", LogicalType.integer(), false, I)).add(ints(2), ints(8))).value());
  }

  @Test
  void minMaxOrderStringsByCodePointAndBytesUnsigned() {
    // U+1F600 (a surrogate pair in UTF-16) is above U+FF21 as a code point and in UTF-8.
    String emoji = new String(Character.toChars(0x1F600));
    assertEquals(emoji, agg(call("MAX", LogicalType.string(), false, S)).add(str("\uFF21"), str(emoji), str("a")).value());
    assertEquals("a", agg(call("MIN", LogicalType.string(), false, S)).add(str("b"), str("a"), str("ab")).value());
    Object max = agg(call("MAX", LogicalType.bytes(), false, B)).add(bytes((byte) 1), bytes((byte) 0x80)).value();
    assertEquals(0x80, ((byte[]) max)[0] & 0xFF, "bytes compare unsigned");
  }

  @Test
  void appendOnlyMinMaxKeepsOneValueAndMerges() {
    Agg max = appendOnly(call("MAX", LogicalType.bigint(), false, L)).add(longs(4L), longs(null), longs(7L), longs(1L));
    assertEquals(7L, max.value());
    assertEquals(8L, max.merge(appendOnly(call("MAX", LogicalType.bigint(), false, L)).add(longs(8L))).value());
    Agg min = appendOnly(call("MIN", LogicalType.bigint(), false, L));
    assertNull(min.value());
    assertEquals(3L, min.merge(appendOnly(call("MIN", LogicalType.bigint(), false, L)).add(longs(3L))).value());
    assertThrows(UnsupportedOperationException.class, () -> max.remove(longs(7L)));
  }

  @Test
  void firstAndLastValueSkipNullsAndSurviveRetraction() {
    Agg first = agg(call("FIRST_VALUE", LogicalType.string(), false, S));
    Agg last = agg(call("LAST_VALUE", LogicalType.string(), false, S));
    for (Agg a : List.of(first, last)) {
      a.add(str(null), str("a"), str("b"), str("a"), str("c"), str(null));
    }
    assertEquals("a", first.value());
    assertEquals("c", last.value());
    first.remove(str("a")); // the earliest a: b a c remain
    last.remove(str("c"));  // a b a remain
    assertEquals("b", first.value());
    assertEquals("a", last.value());
    first.remove(str("b"), str("a"), str("c"));
    assertNull(first.value());
    // Merge puts the other's values after this one's.
    Agg a = agg(call("LAST_VALUE", LogicalType.string(), false, S)).add(str("x"));
    assertEquals("y", a.merge(agg(call("LAST_VALUE", LogicalType.string(), false, S)).add(str("y"))).value());
    Agg f = agg(call("FIRST_VALUE", LogicalType.string(), false, S));
    assertEquals("y", f.merge(agg(call("FIRST_VALUE", LogicalType.string(), false, S)).add(str("y"))).value());
  }

  @Test
  void appendOnlyFirstAndLastValue() {
    Agg first = appendOnly(call("FIRST_VALUE", LogicalType.bigint(), false, L)).add(longs(null), longs(1L), longs(2L));
    Agg last = appendOnly(call("LAST_VALUE", LogicalType.bigint(), false, L)).add(longs(1L), longs(2L), longs(null));
    assertEquals(1L, first.value());
    assertEquals(2L, last.value());
    assertEquals(1L, first.merge(appendOnly(call("FIRST_VALUE", LogicalType.bigint(), false, L)).add(longs(9L))).value());
    assertEquals(9L, last.merge(appendOnly(call("LAST_VALUE", LogicalType.bigint(), false, L)).add(longs(9L))).value());
    assertEquals(9L, last.merge(appendOnly(call("LAST_VALUE", LogicalType.bigint(), false, L))).value(),
        "merging an empty accumulator keeps the value");
  }

  @Test
  void listAggJoinsInOrderSkipsNullsAndRetracts() {
    Agg plain = agg(call("LISTAGG", LogicalType.string(), false, S));
    assertNull(plain.value());
    plain.add(str("a"), str(null), str("b"), str("a"));
    assertEquals("a,b,a", plain.value());
    plain.remove(str("a"));
    assertEquals("b,a", plain.value());
    plain.remove(str("b"), str("a"));
    assertNull(plain.value());
    Agg sep = agg(call("LISTAGG", LogicalType.string(), false, S, SEP)).add(str("x", "; "), str("", "; "), str("y", "; "));
    assertEquals("x; ; y", sep.value());
    sep.merge(agg(call("LISTAGG", LogicalType.string(), false, S, SEP)).add(str("z", "; ")));
    assertEquals("x; ; y; z", sep.value());
  }

  @Test
  void appendOnlyListAgg() {
    Agg a = appendOnly(call("LISTAGG", LogicalType.string(), false, S, SEP)).add(str("a", "|"), str(null, "|"), str("b", "|"));
    assertEquals("a|b", a.value());
    Agg empty = appendOnly(call("LISTAGG", LogicalType.string(), false, S, SEP));
    assertEquals("a|b", empty.merge(a).value());
    assertEquals("a|b|c", a.merge(appendOnly(call("LISTAGG", LogicalType.string(), false, S, SEP)).add(str("c", "|"))).value());
    assertThrows(UnsupportedOperationException.class, () -> a.remove(str("a", "|")));
  }

  @Test
  void distinctCountsEachValueOnceAndRetractsOnTheLastCopy() {
    Agg count = agg(call("COUNT", LogicalType.bigint(), true, S)).add(str("a"), str("a"), str("b"), str(null));
    assertEquals(2L, count.value());
    count.remove(str("a"));
    assertEquals(2L, count.value(), "one a is left");
    count.remove(str("a"));
    assertEquals(1L, count.value());
    count.remove(str("z")); // never seen
    assertEquals(1L, count.value());

    Agg sum = agg(call("SUM", LogicalType.integer(), true, I)).add(ints(1), ints(1), ints(2));
    assertEquals(3, sum.value());
    sum.remove(ints(2));
    assertEquals(1, sum.value());
  }

  @Test
  void distinctMergeCombinesTheSets() {
    Agg left = agg(call("COUNT", LogicalType.bigint(), true, S)).add(str("a"), str("b"));
    Agg right = agg(call("COUNT", LogicalType.bigint(), true, S)).add(str("b"), str("c"), str("c"));
    assertEquals(3L, left.merge(right).value());
    // b was in both, so it takes two retractions to go
    left.remove(str("b"));
    assertEquals(3L, left.value());
    left.remove(str("b"));
    assertEquals(2L, left.value());

    Agg list = appendOnly(call("LISTAGG", LogicalType.string(), true, S, SEP)).add(str("x", "-"), str("x", "-"));
    list.merge(appendOnly(call("LISTAGG", LogicalType.string(), true, S, SEP)).add(str("x", "-"), str("y", "-")));
    assertEquals("x-y", list.value());
  }

  @Test
  void distinctOverBytesComparesContent() {
    Agg count = agg(call("COUNT", LogicalType.bigint(), true, B)).add(bytes((byte) 1), bytes((byte) 1), bytes((byte) 2));
    assertEquals(2L, count.value());
  }

  @Test
  void distinctOverSeveralArguments() {
    Agg count = agg(call("COUNT", LogicalType.bigint(), true, I, S));
    count.add(Row.of(1, null, null, null, "a", null, null), Row.of(1, null, null, null, "a", null, null),
        Row.of(1, null, null, null, "b", null, null), Row.of(null, null, null, null, "b", null, null));
    assertEquals(2L, count.value());
  }

  @Test
  void rejectsUnknownFunctionsAndBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> agg(call("MEDIAN", LogicalType.bigint(), false, L)));
    assertThrows(IllegalArgumentException.class, () -> agg(call("SUM", LogicalType.string(), false, S)));
    assertThrows(IllegalArgumentException.class, () -> agg(call("SUM", LogicalType.bigint(), false)));
    assertThrows(IllegalArgumentException.class, () -> agg(call("MAX", LogicalType.bigint(), false, 42)));
  }

  @Test
  void serializerSignaturesNameTheAccumulator() {
    assertEquals("COUNT_ACC", AggregateFunctions.create(call("COUNT", LogicalType.bigint(), false), INPUT)
        .accumulatorSerializer().signature());
    assertEquals("MINMAX_RETRACT_ACC<BIGINT>", AggregateFunctions.create(call("MAX", LogicalType.bigint(), false, L), INPUT)
        .accumulatorSerializer().signature());
    assertEquals("ACCUMULATORS<COUNT_ACC, DISTINCT_VIEW<STRING, 1>>",
        AggregateFunctions.create(call("COUNT", LogicalType.bigint(), true, S), INPUT).accumulatorSerializer().signature());
  }

  @Test
  void distinctCallsOverTheSameArgumentsShareOneViewWithACountPerFilter() {
    // COUNT(DISTINCT s), COUNT(DISTINCT s) FILTER (WHERE b), SUM(DISTINCT i): two views, s's shared.
    // The FILTER flag is a BOOLEAN field put at the end of the input.
    RowType input = RowType.builder().add("i", LogicalType.integer()).add("s", LogicalType.string())
        .add("flag", LogicalType.bool()).build();
    AggregateCalls calls = new AggregateCalls(List.of(
        new AggregateCallSpec("COUNT", List.of(1), true, -1, LogicalType.bigint(), "all"),
        new AggregateCallSpec("COUNT", List.of(1), true, 2, LogicalType.bigint(), "flagged"),
        new AggregateCallSpec("SUM", List.of(0), true, -1, LogicalType.integer(), "sum")), input, true);
    assertEquals("ACCUMULATORS<COUNT_ACC, COUNT_ACC, SUM_ACC<LONG>, DISTINCT_VIEW<STRING, 2>,"
        + " DISTINCT_VIEW<INT, 1>>", calls.serializer().signature());
    Object[] accs = calls.createAccumulators();
    calls.accumulate(accs, Row.of(1, "a", true));
    calls.accumulate(accs, Row.of(1, "a", false));
    calls.accumulate(accs, Row.of(2, "b", false));
    calls.accumulate(accs, Row.of(3, null, true));
    assertEquals(List.of(2L, 1L, 6), values(calls, accs));
    // One flagged "a" is retracted: "a" leaves the flagged count, stays in the other.
    calls.retract(accs, Row.of(1, "a", true));
    assertEquals(List.of(2L, 0L, 6), values(calls, accs));
    // Merging another set: "b" is already counted, "c" and the flagged "b" are new.
    Object[] other = calls.createAccumulators();
    calls.accumulate(other, Row.of(2, "b", true));
    calls.accumulate(other, Row.of(4, "c", false));
    calls.merge(accs, other);
    assertEquals(List.of(3L, 1L, 10), values(calls, accs));
    assertEquals(List.of(2L, 1L, 6), values(calls, other), "merge must not change the other accumulators");
  }

  private static List<Object> values(AggregateCalls calls, Object[] accs) {
    Object[] out = new Object[calls.size()];
    calls.getValues(accs, out, 0);
    return java.util.Arrays.asList(out);
  }
}
