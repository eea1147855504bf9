package io.weir.runtime.operator.rank;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.DeduplicateSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.runtime.testing.OperatorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeduplicateOperatorTest {
  // (k, v, ts): deduplicated by k on ts.
  private static final RowType INPUT = RowType.builder()
      .add("k", LogicalType.string()).add("v", LogicalType.integer()).add("ts", LogicalType.timestamp(3)).build();

  private static OperatorHarness harness(boolean eventTime, boolean keepLast, boolean updateBefore) {
    DeduplicateSpec spec = new DeduplicateSpec(List.of(0), 2, eventTime, keepLast, updateBefore, INPUT);
    return OperatorHarness.of(() -> new DeduplicateOperator(spec)).snapshotAndRestoreAfterEachInput();
  }

  private static Row r(Object... f) {
    return Row.of(f);
  }

  private static Row ub(Object... f) {
    return Row.ofKind(RowKind.UPDATE_BEFORE, f);
  }

  private static Row ua(Object... f) {
    return Row.ofKind(RowKind.UPDATE_AFTER, f);
  }

  @Test
  void processingTimeFirstRowIsInsertOnly() {
    harness(false, false, true)
        .input(r("a", 1, 100L)).expectOutput(r("a", 1, 100L))
        // Processing time ignores the ts column: the second row for a is later, whatever it says.
        .input(r("a", 2, 50L)).expectOutput()
        .input(r("b", 3, 10L)).expectOutput(r("b", 3, 10L))
        .input(r("a", 4, 200L), r("b", 5, 1L)).expectOutput();
  }

  @Test
  void processingTimeLastRowUpdates() {
    harness(false, true, true)
        .input(r("a", 1, 100L)).expectOutput(r("a", 1, 100L))
        .input(r("a", 2, 50L)).expectOutput(ub("a", 1, 100L), ua("a", 2, 50L))
        .input(r("b", 3, 10L)).expectOutput(r("b", 3, 10L))
        .input(r("a", 4, 60L)).expectOutput(ub("a", 2, 50L), ua("a", 4, 60L));
  }

  @Test
  void processingTimeLastRowWithoutUpdateBefore() {
    harness(false, true, false)
        .input(r("a", 1, 100L)).expectOutput(r("a", 1, 100L))
        .input(r("a", 2, 50L)).expectOutput(ua("a", 2, 50L))
        .input(r("a", 3, 70L)).expectOutput(ua("a", 3, 70L));
  }

  @Test
  void eventTimeFirstRowIsTheEarliest() {
    harness(true, false, true)
        .input(r("a", 1, 100L)).expectOutput(r("a", 1, 100L))
        .input(r("a", 2, 150L)).expectOutput()
        .input(r("a", 3, 50L)).expectOutput(ub("a", 1, 100L), ua("a", 3, 50L))
        // Same time as the kept row: the one that came first stays first.
        .input(r("a", 4, 50L)).expectOutput()
        .input(r("b", 5, 500L)).expectOutput(r("b", 5, 500L));
  }

  @Test
  void eventTimeLastRowIsTheLatest() {
    harness(true, true, true)
        .input(r("a", 1, 100L)).expectOutput(r("a", 1, 100L))
        .input(r("a", 2, 50L)).expectOutput()
        // Same time as the kept row: the later arrival is the last row.
        .input(r("a", 3, 100L)).expectOutput(ub("a", 1, 100L), ua("a", 3, 100L))
        .input(r("a", 4, 200L)).expectOutput(ub("a", 3, 100L), ua("a", 4, 200L))
        .input(r("b", 5, 1L)).expectOutput(r("b", 5, 1L));
  }

  @Test
  void eventTimeWithoutUpdateBefore() {
    harness(true, false, false)
        .input(r("a", 1, 100L)).expectOutput(r("a", 1, 100L))
        .input(r("a", 2, 90L)).expectOutput(ua("a", 2, 90L));
    harness(true, true, false)
        .input(r("a", 1, 100L)).expectOutput(r("a", 1, 100L))
        .input(r("a", 2, 110L)).expectOutput(ua("a", 2, 110L));
  }
}
