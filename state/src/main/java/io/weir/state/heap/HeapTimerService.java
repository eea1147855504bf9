package io.weir.state.heap;

import io.weir.state.TimerCallback;
import io.weir.state.TimerService;
import io.weir.state.internal.KeyGroupIndexer;
import io.weir.state.internal.StateKind;
import io.weir.state.internal.TimerClocks;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * {@link TimerService} on the heap: an event-time and a processing-time {@link TimerQueue}.
 * Snapshot layout of one key group: the event-time queue's, then the processing-time queue's.
 */
final class HeapTimerService<K, N> implements TimerService<K, N>, KeyGroupedState {
  private final String name;
  private final String signature;
  private final TypeSerializer<K> keySerializer;
  private final TypeSerializer<N> namespaceSerializer;
  private final TimerQueue<K, N> eventTime;
  private final TimerQueue<K, N> processingTime;
  private final TimerClocks clocks;

  HeapTimerService(
      String name, String signature, KeyGroupIndexer indexer, SnapshotGuard guard,
      TypeSerializer<K> keySerializer, TypeSerializer<N> namespaceSerializer) {
    this.name = name;
    this.signature = signature;
    this.keySerializer = keySerializer;
    this.namespaceSerializer = namespaceSerializer;
    this.eventTime = new TimerQueue<>(indexer, guard);
    this.processingTime = new TimerQueue<>(indexer, guard);
    this.clocks = new TimerClocks(name);
  }

  @Override
  public void registerEventTimeTimer(K key, N namespace, long timestamp) {
    eventTime.add(key, namespace, timestamp);
  }

  @Override
  public void deleteEventTimeTimer(K key, N namespace, long timestamp) {
    eventTime.remove(key, namespace, timestamp);
  }

  @Override
  public void registerProcessingTimeTimer(K key, N namespace, long timestamp) {
    processingTime.add(key, namespace, timestamp);
  }

  @Override
  public void deleteProcessingTimeTimer(K key, N namespace, long timestamp) {
    processingTime.remove(key, namespace, timestamp);
  }

  @Override
  public void advanceWatermark(long watermark, TimerCallback<K, N> callback) {
    clocks.advanceWatermark(watermark, upTo -> fireNext(eventTime, upTo, callback));
  }

  @Override
  public void advanceProcessingTime(long time, TimerCallback<K, N> callback) {
    clocks.advanceProcessingTime(time, upTo -> fireNext(processingTime, upTo, callback));
  }

  private static <K, N> boolean fireNext(
      TimerQueue<K, N> queue, long upTo, TimerCallback<K, N> callback) {
    HeapTimer<K, N> timer = queue.peek();
    if (timer == null || timer.timestamp > upTo) {
      return false;
    }
    queue.poll();
    callback.onTimer(timer.key, timer.namespace, timer.timestamp);
    return true;
  }

  @Override
  public long currentWatermark() {
    return clocks.watermark();
  }

  @Override
  public long currentProcessingTime() {
    return clocks.processingTime();
  }

  @Override
  public long nextProcessingTimeTimer() {
    HeapTimer<K, N> head = processingTime.peek();
    return head == null ? Long.MAX_VALUE : head.timestamp;
  }

  @Override
  public int size() {
    return eventTime.size() + processingTime.size();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public StateKind kind() {
    return StateKind.TIMERS;
  }

  @Override
  public String signature() {
    return signature;
  }

  @Override
  public boolean hasData(int index) {
    return eventTime.hasData(index) || processingTime.hasData(index);
  }

  @Override
  public void writeKeyGroup(int index, DataOutput out) throws IOException {
    eventTime.write(index, out, keySerializer, namespaceSerializer);
    processingTime.write(index, out, keySerializer, namespaceSerializer);
  }

  @Override
  public void readKeyGroup(int index, DataInput in) throws IOException {
    eventTime.read(index, in, keySerializer, namespaceSerializer, name);
    processingTime.read(index, in, keySerializer, namespaceSerializer, name);
  }

  @Override
  public void clear() {
    eventTime.clear();
    processingTime.clear();
  }

  @Override
  public String toString() {
    return name + ": " + signature;
  }
}
