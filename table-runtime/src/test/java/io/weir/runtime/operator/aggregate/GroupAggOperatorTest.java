package io.weir.runtime.operator.aggregate;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.AggregateCallSpec;
import io.weir.common.plan.GroupAggSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.testing.OperatorHarness;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every test runs straight and with a snapshot and restore after each input. */
class GroupAggOperatorTest {
  /** (k STRING, v BIGINT, f BOOLEAN). */
  private static final RowType INPUT = RowType.builder()
      .add("k", LogicalType.string())
      .add("v", LogicalType.bigint())
      .add("f", LogicalType.bool())
      .build();

  private static final int K = 0, V = 1, F = 2;

  private static AggregateCallSpec countStar() {
    return new AggregateCallSpec("COUNT", List.of(), false, -1, LogicalType.bigint().notNull(), "cnt");
  }

  private static AggregateCallSpec agg(String function, int arg, LogicalType result) {
    return new AggregateCallSpec(function, List.of(arg), false, -1, result, function.toLowerCase());
  }

  private static GroupAggSpec spec(List<Integer> keys, boolean updating, boolean updateBefore, long ttl,
      AggregateCallSpec... calls) {
    RowType.Builder out = RowType.builder();
    for (int k : keys) {
      out.add(INPUT.name(k), INPUT.type(k));
    }
    for (AggregateCallSpec c : calls) {
      out.add(c.name(), c.resultType());
    }
    return new GroupAggSpec(keys, List.of(calls), updating, updateBefore, ttl, INPUT, out.build());
  }

  private static OperatorHarness harness(GroupAggSpec spec, boolean restore) {
    OperatorHarness h = OperatorHarness.of(() -> new GroupAggOperator(spec));
    return restore ? h.snapshotAndRestoreAfterEachInput() : h;
  }

  private static Row in(RowKind kind, String k, Long v) {
    return Row.ofKind(kind, k, v, null);
  }

  private static Row ins(String k, long v) {
    return in(RowKind.INSERT, k, v);
  }

  private static Row del(String k, long v) {
    return in(RowKind.DELETE, k, v);
  }

  private static Row ub(String k, long v) {
    return in(RowKind.UPDATE_BEFORE, k, v);
  }

  private static Row ua(String k, long v) {
    return in(RowKind.UPDATE_AFTER, k, v);
  }

  private static Row out(RowKind kind, Object... fields) {
    return Row.ofKind(kind, fields);
  }

  private static Row i(Object... f) {
    return out(RowKind.INSERT, f);
  }

  private static Row b(Object... f) {
    return out(RowKind.UPDATE_BEFORE, f);
  }

  private static Row a(Object... f) {
    return out(RowKind.UPDATE_AFTER, f);
  }

  private static Row d(Object... f) {
    return out(RowKind.DELETE, f);
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void countsAndSumsPerKey(boolean restore) {
    GroupAggSpec spec = spec(List.of(K), false, true, 0, countStar(), agg("SUM", V, LogicalType.bigint()));
    harness(spec, restore)
        .input(ins("a", 1), ins("b", 2), ins("a", 3))
        .expectOutput(i("a", 1L, 1L), i("b", 1L, 2L), b("a", 1L, 1L), a("a", 2L, 4L))
        .input(ins("b", 5))
        .expectOutput(b("b", 1L, 2L), a("b", 2L, 7L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void aggregatesAnUpdatingInput(boolean restore) {
    // The input is itself a changelog: a's value 1 is updated to 5, then a's 2 deleted.
    GroupAggSpec spec = spec(List.of(K), true, true, 0, countStar(), agg("SUM", V, LogicalType.bigint()));
    harness(spec, restore)
        .input(ins("a", 1), ins("a", 2))
        .expectOutput(i("a", 1L, 1L), b("a", 1L, 1L), a("a", 2L, 3L))
        .input(ub("a", 1))
        .expectOutput(b("a", 2L, 3L), a("a", 1L, 2L))
        .input(ua("a", 5))
        .expectOutput(b("a", 1L, 2L), a("a", 2L, 7L))
        .input(del("a", 2))
        .expectOutput(b("a", 2L, 7L), a("a", 1L, 5L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void minMaxRetractTheCurrentExtreme(boolean restore) {
    GroupAggSpec spec = spec(List.of(K), true, true, 0,
        agg("MIN", V, LogicalType.bigint()), agg("MAX", V, LogicalType.bigint()));
    harness(spec, restore)
        .input(ins("a", 5), ins("a", 3), ins("a", 9))
        .expectOutput(i("a", 5L, 5L), b("a", 5L, 5L), a("a", 3L, 5L), b("a", 3L, 5L), a("a", 3L, 9L))
        .input(del("a", 3))
        .expectOutput(b("a", 3L, 9L), a("a", 5L, 9L))
        .input(del("a", 9))
        .expectOutput(b("a", 5L, 9L), a("a", 5L, 5L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void countDistinct(boolean restore) {
    AggregateCallSpec distinct = new AggregateCallSpec("COUNT", List.of(V), true, -1, LogicalType.bigint(), "n");
    GroupAggSpec spec = spec(List.of(K), true, true, 0, distinct);
    harness(spec, restore)
        .input(ins("a", 1), ins("a", 1))
        .expectOutput(i("a", 1L)) // the second 1 changes nothing, so nothing is emitted
        .input(ins("a", 2))
        .expectOutput(b("a", 1L), a("a", 2L))
        .input(del("a", 1))
        .expectOutput()
        .input(del("a", 1))
        .expectOutput(b("a", 2L), a("a", 1L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void filterSkipsRowsWhoseConditionIsNotTrue(boolean restore) {
    AggregateCallSpec filtered = new AggregateCallSpec("SUM", List.of(V), false, F, LogicalType.bigint(), "s");
    AggregateCallSpec countFiltered = new AggregateCallSpec("COUNT", List.of(), false, F, LogicalType.bigint(), "c");
    GroupAggSpec spec = spec(List.of(K), false, true, 0, countStar(), filtered, countFiltered);
    harness(spec, restore)
        .input(Row.of("a", 10L, true))
        .expectOutput(i("a", 1L, 10L, 1L))
        .input(Row.of("a", 20L, false), Row.of("a", 40L, null))
        .expectOutput(b("a", 1L, 10L, 1L), a("a", 2L, 10L, 1L), b("a", 2L, 10L, 1L), a("a", 3L, 10L, 1L))
        .input(Row.of("a", 5L, true))
        .expectOutput(b("a", 3L, 10L, 1L), a("a", 4L, 15L, 2L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void emptiedGroupIsDeletedAndStartsAfresh(boolean restore) {
    GroupAggSpec spec = spec(List.of(K), true, true, 0, countStar(), agg("SUM", V, LogicalType.bigint()));
    harness(spec, restore)
        .input(ins("a", 1), ins("a", 2))
        .expectOutput(i("a", 1L, 1L), b("a", 1L, 1L), a("a", 2L, 3L))
        .input(del("a", 1), del("a", 2))
        .expectOutput(b("a", 2L, 3L), a("a", 1L, 2L), d("a", 1L, 2L))
        .input(del("a", 7)) // a retraction for a group that holds nothing: ignored
        .expectOutput()
        .input(ins("a", 4))
        .expectOutput(i("a", 1L, 4L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void withoutUpdateBeforeOnlyUpdateAfterIsEmitted(boolean restore) {
    GroupAggSpec spec = spec(List.of(K), true, false, 0, countStar());
    harness(spec, restore)
        .input(ins("a", 1), ins("a", 2), del("a", 1), del("a", 2))
        .expectOutput(i("a", 1L), a("a", 2L), a("a", 1L), d("a", 1L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void unchangedResultEmitsNothing(boolean restore) {
    GroupAggSpec spec = spec(List.of(K), false, true, 0, agg("MAX", V, LogicalType.bigint()));
    harness(spec, restore)
        .input(ins("a", 5), ins("a", 2), ins("a", 5))
        .expectOutput(i("a", 5L))
        .input(ins("a", 6))
        .expectOutput(b("a", 5L), a("a", 6L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void globalAggregateWithoutKeys(boolean restore) {
    GroupAggSpec spec = spec(List.of(), true, true, 0, countStar(), agg("AVG", V, LogicalType.bigint()));
    harness(spec, restore)
        .input(ins("a", 2))
        .expectOutput(i(1L, 2L))
        .input(ins("b", 5))
        .expectOutput(b(1L, 2L), a(2L, 3L)) // AVG(BIGINT) truncates: 7 / 2 = 3
        .input(del("a", 2), del("b", 5))
        .expectOutput(b(2L, 3L), a(1L, 5L), d(1L, 5L))
        .input(ins("c", 1))
        .expectOutput(i(1L, 1L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void stateTtlDropsIdleGroupsWithoutOutput(boolean restore) {
    GroupAggSpec spec = spec(List.of(K), true, true, 1000, countStar());
    harness(spec, restore)
        .processingTime(0)
        .input(ins("a", 1))
        .expectOutput(i("a", 1L))
        .processingTime(500)
        .input(ins("a", 1), ins("b", 1))
        .expectOutput(b("a", 1L), a("a", 2L), i("b", 1L))
        // a's first cleanup timer (1000) finds it touched at 500 and moves to 1500.
        .processingTime(1000)
        .input(ins("a", 1))
        .expectOutput(b("a", 2L), a("a", 3L))
        // b (touched at 500) expires; a (touched at 1000) lives on until 2000.
        .processingTime(1600)
        .expectOutput()
        .input(ins("b", 1))
        .expectOutput(i("b", 1L)) // b starts afresh: +I, not an update of 1
        .input(ins("a", 1))
        .expectOutput(b("a", 3L), a("a", 4L))
        .processingTime(2700)
        .input(del("a", 1)) // a expired at 2600: its retraction finds nothing to undo
        .expectOutput();
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void stateTtlOfAnEmptiedGroupDoesNotLeakATimer(boolean restore) {
    GroupAggSpec spec = spec(List.of(K), true, true, 1000, countStar());
    harness(spec, restore)
        .processingTime(0)
        .input(ins("a", 1), del("a", 1))
        .expectOutput(i("a", 1L), d("a", 1L))
        .processingTime(600)
        .input(ins("a", 1))
        .expectOutput(i("a", 1L))
        // The first life's timer (1000) was deleted with its state; the second life lasts to 1600.
        .processingTime(1500)
        .input(ins("a", 1))
        .expectOutput(b("a", 1L), a("a", 2L));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void aggregatesInsertOnlyInputWithAppendOnlyFunctions(boolean restore) {
    // Without retraction the function state is one value; outputs are the same.
    GroupAggSpec spec = spec(List.of(K), false, true, 0, agg("MIN", V, LogicalType.bigint()),
        agg("LAST_VALUE", V, LogicalType.bigint()), new AggregateCallSpec("LISTAGG", List.of(K), false, -1, LogicalType.string(), "l"));
    harness(spec, restore)
        .input(ins("a", 3), ins("a", 1))
        .expectOutput(i("a", 3L, 3L, "a"), b("a", 3L, 3L, "a"), a("a", 1L, 1L, "a,a"));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void retractionOnAnInsertOnlyInputFails(boolean restore) {
    GroupAggSpec spec = spec(List.of(K), false, true, 0, countStar());
    OperatorHarness h = harness(spec, restore).input(ins("a", 1));
    assertThrows(IllegalStateException.class, () -> h.input(del("a", 1)));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void manyKeysManyUpdates(boolean restore) {
    // A checksum-style test: after many updates, the last emitted row of every key is its count.
    GroupAggSpec spec = spec(List.of(K), false, false, 0, countStar(), agg("SUM", V, LogicalType.bigint()));
    OperatorHarness h = harness(spec, restore);
    List<Row> expected = new ArrayList<>();
    for (int n = 1; n <= 20; n++) {
      for (String k : List.of("x", "y", "z")) {
        h.input(ins(k, n));
        expected.add(n == 1 ? i(k, 1L, 1L) : a(k, (long) n, (long) n * (n + 1) / 2));
      }
    }
    h.expectOutput(expected.toArray(new Row[0]));
  }

  @ParameterizedTest(name = "restore={0}")
  @ValueSource(booleans = {false, true})
  void miniBatchAppliesEachKeysRowsAtOnce(boolean restore) {
    GroupAggSpec plain = spec(List.of(K), true, true, 0, countStar(), agg("SUM", V, LogicalType.bigint()));
    GroupAggSpec spec = new GroupAggSpec(plain.groupKeys(), plain.aggregates(), true, true, 0, INPUT,
        plain.outputType(), new GroupAggSpec.MiniBatch(4, 1000));
    OperatorHarness h = harness(spec, restore);
    if (restore) {
      // Every input is followed by a checkpoint, which applies the batch: as without mini-batches.
      h.input(ins("a", 1), ins("a", 2)).expectOutput(i("a", 1L, 1L), b("a", 1L, 1L), a("a", 2L, 3L));
      return;
    }
    // Three rows wait; the fourth fills the batch: one result per key, the net of its rows.
    h.input(ins("a", 1), ins("b", 2), ins("a", 3)).expectOutput()
        .input(ins("b", 4)).expectOutput(i("a", 2L, 4L), i("b", 2L, 6L))
        // A watermark applies what waits, before it passes.
        .input(ins("a", 5)).expectOutput()
        .watermark(10).expectOutput(b("a", 2L, 4L), a("a", 3L, 9L))
        // A group that empties within a batch is deleted once; one that empties and refills shows the net change.
        .input(del("b", 2), del("b", 4), del("a", 5), ins("a", 5)).expectOutput(d("b", 2L, 6L))
        // The latency: a lone row waits until processing time has moved on by it.
        .input(ins("c", 7)).processingTime(999).expectOutput()
        .processingTime(1000).expectOutput(i("c", 1L, 7L))
        .input(ins("c", 1)).endInput().expectOutput(b("c", 1L, 7L), a("c", 2L, 8L));
  }
}
