package io.weir.runtime.operator;

import io.weir.common.data.Row;
import io.weir.common.plan.SinkSpec;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSink;
import java.util.List;
import java.util.stream.IntStream;

/** Hands rows to a connector's {@link SinkWriter}; flushes it when the input ends. */
final class SinkOperator implements StreamOperator {
  private final SinkSpec spec;
  private SinkWriter writer;

  SinkOperator(SinkSpec spec) {
    this.spec = spec;
  }

  @Override
  public void open(OperatorContext context) throws Exception {
    List<Integer> all = IntStream.range(0, spec.outputType().arity()).boxed().toList();
    TableContext table = new TableContext(spec.table(), spec.options(), spec.outputType(), all, context.config());
    TableSink sink = FactoryUtil.sinkFactory(spec.table(), spec.options()).createSink(table);
    writer = sink.createWriter(new SinkContext(context.subtaskIndex(), context.parallelism()));
  }

  @Override
  public void process(int input, Row row, Output out) throws Exception {
    writer.write(row);
  }

  @Override
  public void onWatermark(long watermark, Output out) {}

  @Override
  public void endInput(int input, Output out) throws Exception {
    writer.flush();
  }

  @Override
  public void close() throws Exception {
    if (writer != null) {
      SinkWriter w = writer;
      writer = null;
      w.close();
    }
  }
}
