package io.weir.connectors.nexmark;

import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableSource;
import java.util.ArrayList;
import java.util.List;

/**
 * A nexmark table being read: one generator (split) per parallel task. The table's event ids
 * {@code 1..maxEvents} are cut into contiguous slices, one per split, the last taking the rest (as
 * Flink does); every split starts at the same base time and runs at {@code rate / splits} events
 * per event-time second, so together they emit {@code first-event.rate}.
 */
final class NexmarkSource implements TableSource {
  private final NexmarkConfig config;
  private final List<Integer> readFields;
  private final NexmarkText text;

  /**
   * @param config checked options whose base time is set
   */
  NexmarkSource(NexmarkConfig config, List<Integer> readFields) {
    if (config.baseTime() == null) {
      throw new IllegalArgumentException("the base time must be fixed before the source is built");
    }
    this.config = config;
    this.readFields = List.copyOf(readFields);
    int maxExtra = Math.max(NexmarkText.maxExtra(config.avgPersonSize()),
        Math.max(NexmarkText.maxExtra(config.avgAuctionSize()), NexmarkText.maxExtra(config.avgBidSize())));
    this.text = new NexmarkText(config.seed(), maxExtra);
  }

  @Override
  public List<SourceSplit> splits(int parallelism) {
    int count = Math.max(1, parallelism);
    long total = config.maxEvents();
    long share = total / count;
    long stopAt = config.stopAt();
    long stopShare = stopAt < 0 ? -1 : stopAt / count;
    List<SourceSplit> splits = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean last = i == count - 1;
      long events = last ? total - share * (count - 1) : share;
      long limit = events;
      if (stopAt >= 0) {
        limit = Math.min(events, last ? stopAt - stopShare * (count - 1) : stopShare);
      }
      splits.add(new NexmarkSplit(i, count, 1 + i * share, events, limit, config.baseTime(), 0));
    }
    return splits;
  }

  @Override
  public SplitReader createReader(SourceSplit split, ReaderContext context, String position) {
    NexmarkSplit s = (NexmarkSplit) split;
    return createReader(position == null ? s : s.resumedAt(Long.parseLong(position)), context);
  }

  @Override
  public SplitReader createReader(SourceSplit split, ReaderContext context) {
    NexmarkSplit s = (NexmarkSplit) split;
    EventTimeline timeline = EventTimeline.of(config, s.count());
    return new NexmarkReader(s, new EventGenerator(config, text, timeline), timeline, readFields,
        config.paced(), config.keepAlive());
  }
}
