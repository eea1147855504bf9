package io.weir.connectors.nexmark;

import io.weir.common.data.Row;
import io.weir.runtime.connector.SplitReader;
import java.util.List;
import java.util.function.Consumer;

/**
 * Generates the events of one split, in batches, straight into rows of the read fields.
 *
 * <p>By default events are emitted as fast as the reader can go, as Flink's Nexmark source does in
 * the benchmark setting: the rate options shape event <em>time</em>, not wall-clock pacing. With
 * {@code max-emit-speed = false} (or {@code rate.limited = true}) an event is emitted only once the
 * wall clock has advanced, since the first read, as far as its event time has from the base time.
 *
 * <p>Projection: a ROW column that is not read is never built, so a query of bids only builds no
 * person or auction rows. Every event still yields a row; its ROW columns other than the one of
 * its kind are null ({@code event_type} tells which is set), as in Flink.
 */
final class NexmarkReader implements SplitReader {
  static final int BATCH_SIZE = 512;
  private static final Integer[] EVENT_TYPES = {
    NexmarkSchema.PERSON_EVENT, NexmarkSchema.AUCTION_EVENT, NexmarkSchema.BID_EVENT
  };

  private final EventGenerator generator;
  private final EventTimeline timeline;
  private final long firstEventId;
  private final long limit;
  private final long baseTime;
  private final boolean paced;
  private final boolean keepAlive;
  private final int arity;
  /** Where each physical column goes in the emitted row, or -1 when it is not read. */
  private final int typePos;
  private final int personPos;
  private final int auctionPos;
  private final int bidPos;
  /**
   * The number (within the split, from 0) of the next event to emit: the split's whole position.
   * A checkpoint records it and a restore resumes with {@link NexmarkSplit#resumedAt}; since each
   * event's values depend only on (seed, event id), nothing else needs saving. Read and written
   * only on the task thread, between {@link #read} calls.
   */
  private long nextEventNumber;
  /** Wall-clock millis of the first read, for pacing; -1 before. */
  private long wallBase = -1;

  NexmarkReader(NexmarkSplit split, EventGenerator generator, EventTimeline timeline,
      List<Integer> readFields, boolean paced, boolean keepAlive) {
    this.generator = generator;
    this.timeline = timeline;
    this.firstEventId = split.firstEventId();
    this.limit = split.emitLimit();
    this.baseTime = split.baseTime();
    this.paced = paced;
    this.keepAlive = keepAlive;
    this.nextEventNumber = split.startEventNumber();
    this.arity = readFields.size();
    this.typePos = readFields.indexOf(NexmarkSchema.EVENT_TYPE);
    this.personPos = readFields.indexOf(NexmarkSchema.PERSON);
    this.auctionPos = readFields.indexOf(NexmarkSchema.AUCTION);
    this.bidPos = readFields.indexOf(NexmarkSchema.BID);
  }

  /** The number of the next event this reader emits; what a checkpoint of the split records. */
  long nextEventNumber() {
    return nextEventNumber;
  }

  @Override
  public String position() {
    return Long.toString(nextEventNumber);
  }

  @Override
  public ReadStatus read(Consumer<Row> out) {
    long n = nextEventNumber;
    if (n >= limit) {
      return keepAlive ? ReadStatus.NOTHING_AVAILABLE : ReadStatus.END_OF_SPLIT;
    }
    long end = Math.min(limit, n + BATCH_SIZE);
    if (paced) {
      long now = System.currentTimeMillis();
      if (wallBase < 0) {
        wallBase = now;
      }
      long elapsed = now - wallBase;
      long due = n;
      while (due < end && timeline.offsetMillis(due) <= elapsed) {
        due++;
      }
      if (due == n) {
        return ReadStatus.NOTHING_AVAILABLE;
      }
      end = due;
    }
    EventGenerator gen = generator;
    for (; n < end; n++) {
      long eventId = firstEventId + n;
      long timestamp = baseTime + timeline.offsetMillis(n);
      int type = gen.eventType(eventId);
      Object[] fields = new Object[arity];
      if (typePos >= 0) {
        fields[typePos] = EVENT_TYPES[type];
      }
      switch (type) {
        case NexmarkSchema.PERSON_EVENT -> {
          if (personPos >= 0) {
            fields[personPos] = gen.person(eventId, timestamp);
          }
        }
        case NexmarkSchema.AUCTION_EVENT -> {
          if (auctionPos >= 0) {
            fields[auctionPos] = gen.auction(eventId, n, timestamp);
          }
        }
        default -> {
          if (bidPos >= 0) {
            fields[bidPos] = gen.bid(eventId, timestamp);
          }
        }
      }
      // Advanced before emitting: a checkpoint taken after this row must not replay it.
      nextEventNumber = n + 1;
      out.accept(Row.of(fields));
    }
    return ReadStatus.MORE_AVAILABLE;
  }
}
