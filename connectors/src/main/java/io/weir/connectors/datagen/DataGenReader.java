package io.weir.connectors.datagen;

import io.weir.common.data.Row;
import io.weir.runtime.connector.SplitReader;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates the rows of one split, in batches, as fast as its share of {@code rows-per-second}
 * allows. The rate is kept with a token bucket holding at most one second of rows, so a reader that
 * was held up (back-pressure) does not then burst far above the rate.
 */
final class DataGenReader implements SplitReader {
  static final int BATCH_SIZE = 512;
  /** A per-split rate above what one reader can generate: no clock is read at all. */
  private static final double UNTHROTTLED = 1e8;

  private final FieldGenerator[] generators;
  private final long limit;
  private final double rowsPerNano;
  private final double maxCredit;
  private final boolean throttled;
  private final SplittableRandom random = new SplittableRandom();
  private long emitted;
  private double credit = 1;
  private long lastNanos = -1;

  /** Continues after {@code emitted} rows, the position a checkpoint recorded. */
  DataGenReader(FieldGenerator[] generators, long limit, double rowsPerSecond, long emitted) {
    this(generators, limit, rowsPerSecond);
    for (FieldGenerator g : generators) {
      g.skip(emitted);
    }
    this.emitted = emitted;
  }

  DataGenReader(FieldGenerator[] generators, long limit, double rowsPerSecond) {
    this.generators = generators;
    this.limit = limit;
    this.rowsPerNano = rowsPerSecond / 1e9;
    this.maxCredit = Math.max(1, rowsPerSecond);
    this.throttled = rowsPerSecond < UNTHROTTLED;
  }

  /** The number of rows emitted: sequences are positional, so that is all a restore needs. */
  @Override
  public String position() {
    return Long.toString(emitted);
  }

  @Override
  public ReadStatus read(Consumer<Row> out) {
    long remaining = limit - emitted;
    if (remaining <= 0) {
      return ReadStatus.END_OF_SPLIT;
    }
    int n = (int) Math.min(BATCH_SIZE, remaining);
    if (throttled) {
      long now = System.nanoTime();
      if (lastNanos >= 0) {
        credit = Math.min(maxCredit, credit + (now - lastNanos) * rowsPerNano);
      }
      lastNanos = now;
      if (credit < 1) {
        return ReadStatus.NOTHING_AVAILABLE;
      }
      n = (int) Math.min(n, (long) credit);
      credit -= n;
    }
    FieldGenerator[] gens = generators;
    SplittableRandom r = random;
    for (int i = 0; i < n; i++) {
      Object[] values = new Object[gens.length];
      for (int f = 0; f < gens.length; f++) {
        values[f] = gens[f].next(r);
      }
      out.accept(Row.of(values));
    }
    emitted += n;
    return ReadStatus.MORE_AVAILABLE;
  }
}
