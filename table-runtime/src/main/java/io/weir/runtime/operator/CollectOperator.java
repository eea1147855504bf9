package io.weir.runtime.operator;

import io.weir.common.data.Row;
import io.weir.runtime.job.ResultCollector;

/** Hands a query's changelog to the client waiting for it. */
final class CollectOperator implements StreamOperator {
  private final ResultCollector collector;

  CollectOperator(ResultCollector collector) {
    this.collector = collector;
  }

  @Override
  public void process(int input, Row row, Output out) {
    collector.collect(row);
  }

  @Override
  public void onWatermark(long watermark, Output out) {
    collector.onWatermark(watermark);
  }

  @Override
  public void endInput(int input, Output out) {
    collector.finish();
  }
}
