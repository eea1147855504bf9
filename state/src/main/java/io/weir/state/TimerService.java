package io.weir.state;

/**
 * Event-time and processing-time timers per (key, namespace, timestamp). Declared with {@link
 * KeyedStateBackend#timerService(String, io.weir.state.serialization.TypeSerializer)}; timers are
 * keyed state, snapshotted and rescaled with their key group.
 *
 * <pre>{@code
 * // processing a row of window [start, end):
 * timers.registerEventTimeTimer(key, end, end - 1);
 * // on a watermark:
 * timers.advanceWatermark(wm, (key, end, ts) -> emitWindow(key, end, out));
 * }</pre>
 *
 * <ul>
 *   <li>A timer is identified by (key, namespace, timestamp): registering it twice keeps one.
 *   <li>{@code advanceWatermark(wm, …)} fires every event-time timer with {@code timestamp <= wm}
 *       in timestamp order; timers with the same timestamp fire in registration order, which a
 *       snapshot preserves. A timer registered while firing fires in the same call if it is due
 *       — so a callback that re-registers its own timer for a time still due loops forever.
 *       A timer registered for a time already passed, outside of firing, fires at the next
 *       advance.
 *   <li>Time only moves forward: an advance to an earlier time than the current one fires what is
 *       due at the current time and leaves it unchanged. After a restore both clocks start at
 *       {@link Long#MIN_VALUE}; the restored timers fire once time reaches them again.
 * </ul>
 *
 * <p>Called only on the task thread. The advance methods are not reentrant: calling one from a
 * {@link TimerCallback} throws {@link IllegalStateException}.
 */
public interface TimerService<K, N> {

  void registerEventTimeTimer(K key, N namespace, long timestamp);

  /** Deletes the timer if it exists; a no-op otherwise. */
  void deleteEventTimeTimer(K key, N namespace, long timestamp);

  void registerProcessingTimeTimer(K key, N namespace, long timestamp);

  void deleteProcessingTimeTimer(K key, N namespace, long timestamp);

  /** Fires the due event-time timers; called by the runtime when the operator's watermark rises. */
  void advanceWatermark(long watermark, TimerCallback<K, N> callback);

  /** Fires the due processing-time timers; called by the runtime's clock. */
  void advanceProcessingTime(long time, TimerCallback<K, N> callback);

  /** The last watermark advanced to, {@link Long#MIN_VALUE} before the first. */
  long currentWatermark();

  /** The last processing time advanced to, {@link Long#MIN_VALUE} before the first. */
  long currentProcessingTime();

  /**
   * The timestamp of the earliest processing-time timer, or {@link Long#MAX_VALUE} if there is
   * none: when the runtime should next call {@link #advanceProcessingTime}.
   */
  long nextProcessingTimeTimer();

  /** The number of event-time plus processing-time timers. */
  int size();
}
