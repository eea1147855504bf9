package io.weir.runtime.task;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The channels a task receives from, each belonging to one of the task's numbered inputs. The task
 * thread polls them round robin; senders wake it when they add to an empty channel.
 */
final class InputGate {
  private final Channel[] channels;
  private final int[] inputOfChannel;
  private volatile Thread consumer;
  private int next;
  private int lastChannel = -1;
  private int nextIndex;

  InputGate(int channelCount, int[] inputOfChannel) {
    this.channels = new Channel[channelCount];
    this.inputOfChannel = inputOfChannel.clone();
  }

  /** Creates the channel at {@code index}; called while the job is wired, before it starts. */
  Channel createChannel(int index, int capacity) {
    Channel c = new Channel(capacity, this);
    channels[index] = c;
    return c;
  }

  Channel channel(int index) {
    return channels[index];
  }

  int channelCount() {
    return channels.length;
  }

  int inputOf(int channel) {
    return inputOfChannel[channel];
  }

  void bindConsumer(Thread thread) {
    consumer = thread;
  }

  void notifyAvailable() {
    Thread t = consumer;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  /**
   * The next element from any channel not in {@code finished}, or null when all are empty; {@link
   * #lastChannel()} tells which channel it came from.
   */
  Object poll(boolean[] finished) {
    int n = channels.length;
    for (int i = 0; i < n; i++) {
      int c = nextIndex;
      nextIndex = (nextIndex + 1) % n;
      if (finished[c]) {
        continue;
      }
      Object e = channels[c].poll();
      if (e != null) {
        // Stay on a channel that has data: consecutive batches from it keep caches warm.
        nextIndex = c;
        lastChannel = c;
        return e;
      }
    }
    return null;
  }

  int lastChannel() {
    return lastChannel;
  }

  /** Waits until a sender adds something, the timeout passes, or the thread is interrupted. */
  void await(long timeoutMillis) {
    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(timeoutMillis));
  }
}
