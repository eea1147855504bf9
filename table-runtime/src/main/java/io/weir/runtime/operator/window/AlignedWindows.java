package io.weir.runtime.operator.window;

import io.weir.common.plan.WindowSpec;

/**
 * The windows of TUMBLE, HOP or CUMULATE that contain a timestamp. Windows are aligned to the
 * epoch plus the offset and exclude their end: with {@code TUMBLE(5 min)}, {@code [10:00, 10:05)}
 * holds 10:00:00.000 up to 10:04:59.999.
 *
 * <p>Writes into caller-owned arrays instead of allocating a list per row.
 */
final class AlignedWindows {
  private enum Kind { TUMBLE, HOP, CUMULATE }

  private final Kind kind;
  private final long size;
  private final long step;
  private final long offset;
  private final int maxWindows;

  private AlignedWindows(Kind kind, long size, long step, long offset) {
    this.kind = kind;
    this.size = size;
    this.step = step;
    this.offset = offset;
    long max = kind == Kind.TUMBLE ? 1 : (size + step - 1) / step;
    if (max > 100_000) {
      throw new IllegalArgumentException("a window of " + size + " ms every " + step
          + " ms puts each row into " + max + " windows; at most 100000 are supported");
    }
    this.maxWindows = (int) max;
  }

  /** The assigner of {@code spec}; SESSION windows are not aligned and have none. */
  static AlignedWindows of(WindowSpec spec) {
    if (spec instanceof WindowSpec.Tumble t) {
      return new AlignedWindows(Kind.TUMBLE, t.size(), t.size(), t.offset());
    } else if (spec instanceof WindowSpec.Hop h) {
      return new AlignedWindows(Kind.HOP, h.size(), h.slide(), h.offset());
    } else if (spec instanceof WindowSpec.Cumulate c) {
      return new AlignedWindows(Kind.CUMULATE, c.maxSize(), c.step(), c.offset());
    }
    throw new IllegalArgumentException(spec + " is not an aligned window");
  }

  /** The most windows one timestamp can fall into: the length {@link #assign}'s arrays need. */
  int maxWindows() {
    return maxWindows;
  }

  /**
   * Writes the windows containing {@code ts} to {@code starts}/{@code ends}, ascending by end, and
   * returns their number (0 for a HOP whose slide exceeds its size and {@code ts} in a gap).
   */
  int assign(long ts, long[] starts, long[] ends) {
    switch (kind) {
      case TUMBLE -> {
        long start = alignedStart(ts, size);
        starts[0] = start;
        ends[0] = start + size;
        return 1;
      }
      case HOP -> {
        // Windows start every `step` (the slide); those starting in (ts - size, ts] contain ts.
        long lastStart = alignedStart(ts, step);
        int n = 0;
        for (long start = lastStart; start > ts - size; start -= step) {
          n++;
        }
        long start = lastStart - (n - 1) * step;
        for (int i = 0; i < n; i++, start += step) {
          starts[i] = start;
          ends[i] = start + size;
        }
        return n;
      }
      case CUMULATE -> {
        // [start, start + step), [start, start + 2 step), … [start, start + size): those ending after ts.
        long start = alignedStart(ts, size);
        long end = start + ((ts - start) / step + 1) * step;
        int n = 0;
        for (; end <= start + size; end += step, n++) {
          starts[n] = start;
          ends[n] = end;
        }
        return n;
      }
      default -> throw new AssertionError(kind);
    }
  }

  /** The start of the window of length {@code length} that holds {@code ts}, as Flink aligns it. */
  private long alignedStart(long ts, long length) {
    return ts - Math.floorMod(ts - offset, length);
  }
}
