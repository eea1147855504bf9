package io.weir.runtime.task;

/**
 * A bounded queue of stream elements from one sending task to one receiving task. A full channel
 * blocks its sender: that is back-pressure. One sender thread, one receiver thread.
 */
final class Channel {
  private final Object[] ring;
  private int head;
  private int count;
  private final InputGate gate;

  Channel(int capacity, InputGate gate) {
    if (capacity <= 0) {
      throw new IllegalArgumentException("channel capacity must be positive but was " + capacity);
    }
    this.ring = new Object[capacity];
    this.gate = gate;
  }

  /** Appends an element, waiting while the channel is full. */
  void put(Object element) throws InterruptedException {
    synchronized (this) {
      while (count == ring.length) {
        wait();
      }
      ring[(head + count) % ring.length] = element;
      count++;
    }
    gate.notifyAvailable();
  }

  /** The next element, or null when the channel is empty. Never blocks. */
  synchronized Object poll() {
    if (count == 0) {
      return null;
    }
    Object e = ring[head];
    ring[head] = null;
    head = (head + 1) % ring.length;
    count--;
    if (count == ring.length - 1) {
      notifyAll();
    }
    return e;
  }
}
