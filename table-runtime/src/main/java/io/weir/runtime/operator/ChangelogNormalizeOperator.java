package io.weir.runtime.operator;

import io.weir.common.data.Row;
import io.weir.common.data.RowKind;
import io.weir.common.plan.ChangelogNormalizeSpec;
import io.weir.runtime.operator.rank.KeySelector;
import io.weir.state.ValueState;
import io.weir.state.ValueStateDescriptor;
import io.weir.state.serialization.RowSerializer;

/** See {@link ChangelogNormalizeSpec}: keeps the last row of each key in keyed state. */
final class ChangelogNormalizeOperator implements StreamOperator {
  private final ChangelogNormalizeSpec spec;
  private KeySelector keys;
  private ValueState<Row, Row> last;

  ChangelogNormalizeOperator(ChangelogNormalizeSpec spec) {
    this.spec = spec;
  }

  @Override
  public void open(OperatorContext context) {
    keys = new KeySelector(spec.keyFields(), spec.outputType());
    last = context.keyedState(keys.keyType()).valueState(
        new ValueStateDescriptor<>("last-row", new RowSerializer(spec.outputType())));
  }

  @Override
  public void process(int input, Row row, Output out) {
    Row key = keys.keyOf(row);
    Row previous = last.get(key);
    if (row.kind() == RowKind.DELETE || row.kind() == RowKind.UPDATE_BEFORE) {
      if (previous != null) {
        out.emit(previous.withKind(RowKind.DELETE));
        last.clear(key);
      }
      return;
    }
    Row current = row.withKind(RowKind.INSERT);
    if (previous == null) {
      out.emit(current);
    } else if (!previous.fieldsEqual(current)) {
      out.emit(previous.withKind(RowKind.UPDATE_BEFORE));
      out.emit(row.withKind(RowKind.UPDATE_AFTER));
    } else {
      return; // the same value again: nothing changed
    }
    last.put(key, current);
  }
}
