package io.weir.state.internal;

/**
 * The two clocks of a timer service and the firing loop both backends share: time only moves
 * forward, an advance fires every due timer in order — re-reading the head after each callback,
 * which may have registered a timer that is due now — and an advance from inside a callback is
 * refused.
 */
public final class TimerClocks {
  /** One time domain's queue, as the loop sees it. */
  public interface Queue {
    /** Fires the earliest timer if its timestamp is at most {@code upTo}; false if none is due. */
    boolean fireNext(long upTo);
  }

  private final String name;
  private long watermark = Long.MIN_VALUE;
  private long processingTime = Long.MIN_VALUE;
  private boolean firing;

  public TimerClocks(String name) {
    this.name = name;
  }

  public long watermark() {
    return watermark;
  }

  public long processingTime() {
    return processingTime;
  }

  public void advanceWatermark(long to, Queue eventTime) {
    watermark = Math.max(watermark, to);
    fire(eventTime, watermark);
  }

  public void advanceProcessingTime(long to, Queue processingTimeQueue) {
    processingTime = Math.max(processingTime, to);
    fire(processingTimeQueue, processingTime);
  }

  private void fire(Queue queue, long upTo) {
    if (firing) {
      throw new IllegalStateException(
          "Timer service '" + name + "' was advanced from inside one of its own timer callbacks");
    }
    firing = true;
    try {
      while (queue.fireNext(upTo)) {
        // The queue fired one timer; look at the (possibly new) head again.
      }
    } finally {
      firing = false;
    }
  }
}
