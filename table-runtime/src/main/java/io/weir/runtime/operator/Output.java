package io.weir.runtime.operator;

import io.weir.common.data.Row;

/** Where an operator sends what it produces. Called only on the operator's task thread. */
public interface Output {

  void emit(Row row);

  /** Forwards a watermark: no row with an event time at or below it will follow on this output. */
  void emitWatermark(long watermark);
}
