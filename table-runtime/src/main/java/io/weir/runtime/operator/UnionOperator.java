package io.weir.runtime.operator;

import io.weir.common.data.Row;

/** {@code UNION ALL}: every input's rows pass through; the task merges watermarks. */
final class UnionOperator implements StreamOperator {
  @Override
  public void process(int input, Row row, Output out) {
    out.emit(row);
  }
}
