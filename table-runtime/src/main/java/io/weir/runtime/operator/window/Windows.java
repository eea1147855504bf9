package io.weir.runtime.operator.window;

import io.weir.common.plan.WindowSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Which windows of a {@link WindowSpec} a timestamp falls in: the assignment shared by the window
 * table function and the window aggregate. Windows are {@code [start, end)} in epoch millis,
 * aligned to the epoch plus the spec's offset, and a window's rows are those with {@code start <=
 * ts < end}: {@code TUMBLE(5 min)} puts 10:04:59.999 in {@code [10:00, 10:05)} and 10:05 in {@code
 * [10:05, 10:10)}. A window fires (event time) once the watermark reaches {@code end - 1}, which
 * is also its {@code window_time}.
 *
 * <p>SESSION windows depend on the other rows of their key, so they have no per-row assignment
 * here; the window aggregate merges them itself.
 */
public final class Windows {
  private Windows() {}

  /** Receives one window; the allocation-free form of {@link #windowsFor}. */
  @FunctionalInterface
  public interface WindowConsumer {
    void accept(long start, long end);
  }

  /**
   * The start of the window of length {@code size} aligned to the epoch plus {@code offset} that
   * holds {@code ts}; correct for timestamps before the epoch too ({@code floorMod}, not {@code %}).
   */
  public static long alignedStart(long ts, long offset, long size) {
    return ts - Math.floorMod(ts - offset, size);
  }

  /**
   * Every window of {@code window} (TUMBLE, HOP or CUMULATE) holding {@code ts}, as {@code {start,
   * end}} pairs: ordered by start, then end. TUMBLE gives one; {@code HOP(slide, size)} gives
   * {@code size / slide} when size is a multiple of slide (else that rounded up or down, or none for
   * a {@code ts} in the gap between windows shorter than their slide); {@code CUMULATE(step, max)} gives the
   * windows of the current cycle that end after {@code ts}.
   *
   * @throws IllegalArgumentException for SESSION
   */
  public static List<long[]> windowsFor(WindowSpec window, long ts) {
    List<long[]> windows = new ArrayList<>(2);
    forEachWindow(window, ts, (start, end) -> windows.add(new long[] {start, end}));
    return windows;
  }

  /** {@link #windowsFor} without allocating: calls {@code consumer} once per window, in order. */
  public static void forEachWindow(WindowSpec window, long ts, WindowConsumer consumer) {
    if (window instanceof WindowSpec.Tumble t) {
      long start = alignedStart(ts, t.offset(), t.size());
      consumer.accept(start, start + t.size());
    } else if (window instanceof WindowSpec.Hop h) {
      // The latest window that may hold ts starts at ts's slide boundary; earlier ones start every
      // slide back while they still reach past ts. (With size < slide, ts may be in a gap: none.)
      long last = alignedStart(ts, h.offset(), h.slide());
      long start = last;
      while (start - h.slide() > ts - h.size()) {
        start -= h.slide();
      }
      for (; start <= last; start += h.slide()) {
        if (start + h.size() > ts) {
          consumer.accept(start, start + h.size());
        }
      }
    } else if (window instanceof WindowSpec.Cumulate c) {
      long start = alignedStart(ts, c.offset(), c.maxSize());
      long cycleEnd = start + c.maxSize();
      for (long end = alignedStart(ts, c.offset(), c.step()) + c.step(); end <= cycleEnd; end += c.step()) {
        consumer.accept(start, end);
      }
    } else {
      throw new IllegalArgumentException(
          window + " windows depend on the other rows of their key and cannot be assigned per row");
    }
  }
}
