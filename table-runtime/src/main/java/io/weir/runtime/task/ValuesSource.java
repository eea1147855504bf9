package io.weir.runtime.task;

import io.weir.common.data.Row;
import io.weir.common.plan.ValuesSpec;
import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableSource;
import java.util.List;

/** The rows of a {@link ValuesSpec}, as a source with one split. */
final class ValuesSource implements TableSource {
  private final ValuesSpec spec;

  ValuesSource(ValuesSpec spec) {
    this.spec = spec;
  }

  @Override
  public List<SourceSplit> splits(int parallelism) {
    return List.of(() -> "values");
  }

  @Override
  public SplitReader createReader(SourceSplit split, ReaderContext context) {
    return out -> {
      for (List<Object> r : spec.rows()) {
        out.accept(Row.of(r.toArray()));
      }
      return SplitReader.ReadStatus.END_OF_SPLIT;
    };
  }
}
