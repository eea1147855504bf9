package io.weir.state;

/**
 * What to do when a timer fires: called by {@link TimerService#advanceWatermark} or {@link
 * TimerService#advanceProcessingTime}, on the task thread, once per due timer, in timestamp order.
 * The timer is already removed when this runs; the callback may read and write state and register
 * or delete timers (one registered for a time that is already due fires in the same advance).
 */
@FunctionalInterface
public interface TimerCallback<K, N> {
  void onTimer(K key, N namespace, long timestamp);
}
