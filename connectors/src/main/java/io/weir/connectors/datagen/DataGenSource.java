package io.weir.connectors.datagen;

import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableSource;
import java.util.ArrayList;
import java.util.List;

/** A datagen table being read: one split per parallel task. */
final class DataGenSource implements TableSource {
  private final DataGenPlan plan;
  private final List<Integer> readFields;

  DataGenSource(DataGenPlan plan, List<Integer> readFields) {
    this.plan = plan;
    this.readFields = readFields;
  }

  @Override
  public List<SourceSplit> splits(int parallelism) {
    int count = Math.max(1, parallelism);
    List<SourceSplit> splits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      splits.add(new DataGenSplit(i, count));
    }
    return splits;
  }

  @Override
  public SplitReader createReader(SourceSplit split, ReaderContext context) {
    return createReader(split, context, null);
  }

  @Override
  public SplitReader createReader(SourceSplit split, ReaderContext context, String position) {
    DataGenSplit s = (DataGenSplit) split;
    return new DataGenReader(
        plan.generators(readFields, s.index(), s.count()),
        plan.rowLimit(s.index(), s.count()),
        plan.rowsPerSecond(s.count()),
        position == null ? 0 : Long.parseLong(position));
  }
}
