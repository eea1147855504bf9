package io.weir.connectors.testing;

import io.weir.common.config.Configuration;
import io.weir.common.data.Row;
import io.weir.common.types.RowType;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SinkContext;
import io.weir.runtime.connector.SinkWriter;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Drives connectors through the SPI the way the runtime does, found through the ServiceLoader. */
public final class ConnectorTesting {
  private ConnectorTesting() {}

  /** A context reading every physical field. */
  public static TableContext context(String table, RowType type, Map<String, String> options) {
    return context(table, type, options, IntStream.range(0, type.arity()).boxed().toList());
  }

  public static TableContext context(
      String table, RowType type, Map<String, String> options, List<Integer> readFields) {
    FactoryUtil.validate(table, options);
    return new TableContext(table, options, type, readFields, new Configuration());
  }

  public static TableSource source(TableContext context) {
    return FactoryUtil.sourceFactory(context.table(), context.options()).createSource(context);
  }

  public static boolean isBounded(TableContext context) {
    return FactoryUtil.sourceFactory(context.table(), context.options()).isBounded(context);
  }

  /** Every row of every split, split after split; split i goes to task i % parallelism. */
  public static List<Row> readAll(TableContext context, int parallelism) throws Exception {
    return readAll(source(context), parallelism, new RecordingContext(0, parallelism));
  }

  public static List<Row> readAll(TableSource source, int parallelism, RecordingContext context) throws Exception {
    List<Row> rows = new ArrayList<>();
    List<SourceSplit> splits = source.splits(parallelism);
    for (SourceSplit split : splits) {
      rows.addAll(readSplit(source, split, context));
    }
    return rows;
  }

  public static List<Row> readSplit(TableSource source, SourceSplit split, RecordingContext context) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (SplitReader reader = source.createReader(split, context)) {
      while (true) {
        SplitReader.ReadStatus status = reader.read(rows::add);
        if (status == SplitReader.ReadStatus.END_OF_SPLIT) {
          return rows;
        }
        if (status == SplitReader.ReadStatus.NOTHING_AVAILABLE) {
          Thread.sleep(1);
        }
      }
    }
  }

  /** Writes rows through one writer of the table's sink, then flushes and closes it. */
  public static void writeAll(TableContext context, SinkContext task, List<Row> rows) throws Exception {
    try (SinkWriter writer =
        FactoryUtil.sinkFactory(context.table(), context.options()).createSink(context).createWriter(task)) {
      for (Row row : rows) {
        writer.write(row);
      }
      writer.flush();
    }
  }

  /** A reader's task, remembering what it was told about skipped records. */
  public static final class RecordingContext implements ReaderContext {
    private final int subtask;
    private final int parallelism;
    public final List<String> skipped = new ArrayList<>();

    public RecordingContext(int subtask, int parallelism) {
      this.subtask = subtask;
      this.parallelism = parallelism;
    }

    @Override
    public int subtaskIndex() {
      return subtask;
    }

    @Override
    public int parallelism() {
      return parallelism;
    }

    @Override
    public void recordSkipped(String reason) {
      skipped.add(reason);
    }
  }
}
