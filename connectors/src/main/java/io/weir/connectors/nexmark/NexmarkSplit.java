package io.weir.connectors.nexmark;

import io.weir.runtime.connector.SourceSplit;

/**
 * Generator {@code index} of {@code count}: the events {@code firstEventId} to {@code firstEventId
 * + eventCount - 1}, a contiguous slice of the table's event ids (as Flink's {@code
 * GeneratorConfig.split} cuts them), on the same event-time range as every other split.
 *
 * @param emitLimit how many of the slice's events are emitted: {@code eventCount}, or fewer under
 *     {@code stop-at}
 * @param baseTime event time of the split's first event, epoch millis, fixed when the source was
 *     created so that all splits (and, later, a restored job) share it
 * @param startEventNumber the event number to start at: 0, or a checkpointed position
 */
record NexmarkSplit(
    int index, int count, long firstEventId, long eventCount, long emitLimit, long baseTime,
    long startEventNumber) implements SourceSplit {

  NexmarkSplit {
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("split " + index + " outside " + count + " splits");
    }
    if (eventCount < 0 || emitLimit < 0 || emitLimit > eventCount) {
      throw new IllegalArgumentException(
          "split " + index + ": emit limit " + emitLimit + " outside its " + eventCount + " events");
    }
    if (startEventNumber < 0 || startEventNumber > emitLimit) {
      throw new IllegalArgumentException(
          "split " + index + ": start " + startEventNumber + " outside [0, " + emitLimit + "]");
    }
  }

  @Override
  public String id() {
    return "nexmark-" + index + "-of-" + count;
  }

  /** This split resumed at event number {@code n} (a checkpointed reader position). */
  NexmarkSplit resumedAt(long n) {
    return new NexmarkSplit(index, count, firstEventId, eventCount, emitLimit, baseTime, n);
  }
}
