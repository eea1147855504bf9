package io.weir.runtime.job;

import io.weir.common.data.Row;
import io.weir.common.error.WeirException;
import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SourceFactory;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.connector.TableSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A source for runtime tests: rows {@code (id BIGINT, ts TIMESTAMP(3))} with {@code ts = id * 1000},
 * ids {@code 0..rows-1} dealt round robin over {@code splits} splits; {@code fail-at} throws when
 * that id is reached; {@code unbounded} keeps the source open after its rows; {@code silent-split}
 * names a split that never produces anything.
 */
public final class TestSourceFactory implements SourceFactory {
  @Override
  public String identifier() {
    return "test-source";
  }

  @Override
  public Set<String> requiredOptions() {
    return Set.of("rows");
  }

  @Override
  public Set<String> optionalOptions() {
    return Set.of("splits", "fail-at", "unbounded", "silent-split");
  }

  @Override
  public boolean isBounded(TableContext context) {
    return !Boolean.parseBoolean(context.option("unbounded", "false"));
  }

  @Override
  public TableSource createSource(TableContext context) {
    long rows = Long.parseLong(context.option("rows"));
    int splits = Integer.parseInt(context.option("splits", "1"));
    long failAt = Long.parseLong(context.option("fail-at", "-1"));
    boolean unbounded = !isBounded(context);
    int silentSplit = Integer.parseInt(context.option("silent-split", "-1"));
    return new TableSource() {
      @Override
      public List<SourceSplit> splits(int parallelism) {
        List<SourceSplit> result = new ArrayList<>();
        for (int i = 0; i < splits; i++) {
          int index = i;
          result.add(new Split(index));
        }
        return result;
      }

      @Override
      public SplitReader createReader(SourceSplit split, ReaderContext ctx) {
        int index = ((Split) split).index;
        long[] next = {index};
        if (index == silentSplit) {
          // A split that never has anything to read: an idle Kafka partition, say.
          return out -> SplitReader.ReadStatus.NOTHING_AVAILABLE;
        }
        return out -> {
          for (int n = 0; n < 100 && next[0] < rows; n++) {
            long id = next[0];
            if (id == failAt) {
              throw new WeirException("test source failed at id " + id);
            }
            out.accept(Row.of(id, id * 1000));
            next[0] += splits;
          }
          if (next[0] < rows) {
            return SplitReader.ReadStatus.MORE_AVAILABLE;
          }
          return unbounded ? SplitReader.ReadStatus.NOTHING_AVAILABLE : SplitReader.ReadStatus.END_OF_SPLIT;
        };
      }
    };
  }

  private record Split(int index) implements SourceSplit {
    @Override
    public String id() {
      return "split-" + index;
    }
  }
}
