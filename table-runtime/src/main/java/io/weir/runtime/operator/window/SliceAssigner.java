package io.weir.runtime.operator.window;

import io.weir.common.plan.WindowSpec;

/**
 * The slice geometry of TUMBLE, HOP and CUMULATE windows: rows are accumulated per slice, and a
 * window's result is its slices merged, so a row is folded once however many windows hold it.
 *
 * <ul>
 *   <li>TUMBLE(size): slice = window.
 *   <li>HOP(size, slide): slices of gcd(size, slide); a window is {@code size / gcd} consecutive
 *       slices. HOP(10 min, 5 min): slices of 5 min, each in two windows.
 *   <li>CUMULATE(maxSize, step): slices of step; window {@code [cycleStart, cycleStart + k·step)} is
 *       the first k slices of its cycle.
 * </ul>
 *
 * Slices and windows are named by their (exclusive) end; all ends are slice boundaries.
 */
abstract sealed class SliceAssigner {
  final long sliceSize;
  final long offset;

  private SliceAssigner(long sliceSize, long offset) {
    this.sliceSize = sliceSize;
    this.offset = offset;
  }

  static SliceAssigner of(WindowSpec window) {
    if (window instanceof WindowSpec.Tumble t) {
      return new Hopping(t.size(), t.size(), t.offset());
    } else if (window instanceof WindowSpec.Hop h) {
      return new Hopping(h.size(), h.slide(), h.offset());
    } else if (window instanceof WindowSpec.Cumulate c) {
      return new Cumulative(c.maxSize(), c.step(), c.offset());
    }
    throw new IllegalArgumentException(window + " windows are not sliced");
  }

  /** The end of the slice holding {@code ts}. */
  final long sliceEnd(long ts) {
    return Windows.alignedStart(ts, offset, sliceSize) + sliceSize;
  }

  /** The end of the earliest window holding slice {@code sliceEnd}. */
  abstract long firstWindowEnd(long sliceEnd);

  /**
   * The end of the latest window holding slice {@code sliceEnd}; below {@link #firstWindowEnd}
   * when no window holds it (a HOP shorter than its slide leaves gaps).
   */
  abstract long lastWindowEnd(long sliceEnd);

  abstract long windowStart(long windowEnd);

  /** The distance between the ends of consecutive windows that share slices. */
  abstract long stride();

  /** The end of the earliest window holding slice {@code sliceEnd} that fires after {@code progress}. */
  final long firstUnfiredWindowEnd(long sliceEnd, long progress) {
    long end = firstWindowEnd(sliceEnd);
    // At most (windows per slice) steps: the caller has checked the last window is unfired.
    while (end - 1 <= progress) {
      end += stride();
    }
    return end;
  }

  static final class Hopping extends SliceAssigner {
    final long size;
    final long slide;
    /** Window ends are aligned to offset + size modulo slide (starts to offset). */
    private final long endOffset;

    Hopping(long size, long slide, long offset) {
      super(gcd(size, slide), offset);
      this.size = size;
      this.slide = slide;
      this.endOffset = offset + size;
    }

    @Override
    long firstWindowEnd(long sliceEnd) {
      return sliceEnd + Math.floorMod(endOffset - sliceEnd, slide);
    }

    @Override
    long lastWindowEnd(long sliceEnd) {
      // The latest window starting at or before the slice's start.
      long latest = sliceEnd - sliceSize + size;
      return latest - Math.floorMod(latest - endOffset, slide);
    }

    @Override
    long windowStart(long windowEnd) {
      return windowEnd - size;
    }

    @Override
    long stride() {
      return slide;
    }
  }

  static final class Cumulative extends SliceAssigner {
    final long maxSize;

    Cumulative(long maxSize, long step, long offset) {
      super(step, offset);
      this.maxSize = maxSize;
    }

    /** The start of the cycle of the slice or window ending at {@code end}. */
    long cycleStart(long end) {
      return Windows.alignedStart(end - 1, offset, maxSize);
    }

    @Override
    long firstWindowEnd(long sliceEnd) {
      return sliceEnd;
    }

    @Override
    long lastWindowEnd(long sliceEnd) {
      return cycleStart(sliceEnd) + maxSize;
    }

    @Override
    long windowStart(long windowEnd) {
      return cycleStart(windowEnd);
    }

    @Override
    long stride() {
      return sliceSize;
    }
  }

  static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }
}
