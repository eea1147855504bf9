package io.weir.runtime.task;

import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.SplitReader.ReadStatus;
import io.weir.runtime.connector.TableSource;
import io.weir.runtime.operator.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import io.weir.checkpointing.CheckpointTarget;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * A task whose chain starts at a source: it reads its splits round robin, tracks a watermark per
 * split, and emits the minimum over the splits still being read. When every split has ended (a
 * bounded source) it emits the maximum watermark, so every window downstream closes, then ends its
 * output.
 */
final class SourceTask extends Task {
  private final TableSource source;
  private final List<SourceSplit> splits;
  private final ScanStage stage;
  private final ReaderContext readerContext;
  private final long watermarkIntervalNanos;
  private final long idleTimeoutNanos;
  private final List<SplitState> active = new ArrayList<>();
  private final String scanUid;
  private final String scanDescription;
  private final int splitParallelism;
  private final Map<String, String> restoredPositions;
  /** Ids of this task's splits that were read to their end. */
  private final List<String> finishedSplits = new ArrayList<>();
  /** Ids of splits found by discovery, this task's or another's. */
  private final java.util.Set<String> discovered = new java.util.HashSet<>();
  private final ConcurrentLinkedQueue<CheckpointTarget> barriers = new ConcurrentLinkedQueue<>();
  private static final int MAX_PENDING_POSITIONS = 16;
  /** The positions of active splits recorded by checkpoints not yet complete, by checkpoint id. */
  private final java.util.TreeMap<Long, Map<String, String>> pendingPositions = new java.util.TreeMap<>();

  private static final class SplitState {
    final SourceSplit split;
    final SplitReader reader;
    final ScanStage.SplitWatermark watermark = new ScanStage.SplitWatermark();
    final Consumer<io.weir.common.data.Row> sink;
    /** When this split last produced a row (System.nanoTime), for idleness. */
    long lastRowNanos = System.nanoTime();
    /** Rows emitted since the task last added them to the job's count. */
    long rows;

    SplitState(SourceSplit split, SplitReader reader, ScanStage stage, Output entry) {
      this.split = split;
      this.reader = reader;
      Consumer<io.weir.common.data.Row> emit = stage == null ? entry::emit : row -> stage.process(row, watermark, entry);
      this.sink = row -> {
        lastRowNanos = System.nanoTime();
        rows++;
        emit.accept(row);
      };
    }
  }

  /**
   * @param splitParallelism the parallelism {@code splits} were made for, recorded in checkpoints
   * @param restoredPositions positions of the splits by id (see {@link SourcePositions}), or empty
   */
  SourceTask(String name, OperatorChain chain, List<TaskOperatorContext> contexts, int index, TaskCheckpoints checkpoints,
      String scanUid, String scanDescription, TableSource source, List<SourceSplit> splits, int splitParallelism,
      Map<String, String> restoredPositions, ScanStage stage, ReaderContext readerContext, long watermarkIntervalMillis,
      long idleTimeoutMillis) {
    super(name, chain, contexts, index, checkpoints);
    this.scanUid = scanUid;
    this.scanDescription = scanDescription;
    this.splitParallelism = splitParallelism;
    this.restoredPositions = restoredPositions;
    this.source = source;
    this.splits = splits;
    this.stage = stage;
    this.readerContext = readerContext;
    this.watermarkIntervalNanos = watermarkIntervalMillis * 1_000_000L;
    this.idleTimeoutNanos = idleTimeoutMillis * 1_000_000L;
  }

  @Override
  public void run() throws Exception {
    chain.open(contexts);
    Output entry = chain.entry();
    for (SourceSplit split : splits) {
      String position = restoredPositions.get(split.id());
      if (SourcePositions.FINISHED.equals(position)) {
        finishedSplits.add(split.id());
        continue;
      }
      active.add(new SplitState(split, source.createReader(split, readerContext, position), stage, entry));
    }
    java.time.Duration discovery = source.discoveryInterval();
    long discoveryNanos = discovery == null || discovery.isZero() ? -1 : discovery.toNanos();
    long nextDiscovery = System.nanoTime() + discoveryNanos;
    TaskOutput output = chain.taskOutput();
    long emitted = Long.MIN_VALUE;
    boolean idle = false;
    long lastWatermarkCheck = System.nanoTime();
    long nextProcessingTime = System.currentTimeMillis() + InputTask.PROCESSING_TIME_INTERVAL_MS;
    // With discovery a task without splits stays, idle, for splits that may appear.
    while (!active.isEmpty() || discoveryNanos > 0) {
      long wall = System.currentTimeMillis();
      if (wall >= nextProcessingTime) {
        chain.onProcessingTime(wall);
        nextProcessingTime = wall + InputTask.PROCESSING_TIME_INTERVAL_MS;
      }
      if (cancelled || Thread.currentThread().isInterrupted()) {
        throw new TaskCancelledException();
      }
      runMailbox();
      if (discoveryNanos > 0 && System.nanoTime() - nextDiscovery >= 0) {
        nextDiscovery = System.nanoTime() + discoveryNanos;
        discoverSplits(entry);
      }
      CheckpointTarget barrier;
      while ((barrier = barriers.poll()) != null) {
        performCheckpoint(barrier);
        if (barrier.savepoint() && checkpoints.stopAfterSavepoint) {
          awaitStop();
        }
      }
      boolean progressed = false;
      boolean splitEnded = false;
      for (int i = 0; i < active.size(); i++) {
        SplitState s = active.get(i);
        ReadStatus status = s.reader.read(s.sink);
        if (s.rows > 0) {
          readerContext.recordRowsRead(s.rows);
          s.rows = 0;
        }
        switch (status) {
          case MORE_AVAILABLE -> progressed = true;
          case NOTHING_AVAILABLE -> { }
          case END_OF_SPLIT -> {
            s.reader.close();
            finishedSplits.add(s.split.id());
            active.remove(i--);
            progressed = true;
            splitEnded = true;
          }
        }
      }
      long now = System.nanoTime();
      if (active.isEmpty()) {
        // Only a task that stays (discovery) says so; one whose last split ended is about to send
        // the maximum watermark and end its output, in that order.
        if (!idle && discoveryNanos > 0) {
          idle = true;
          output.markIdle(); // nothing to read: receivers must not wait for this task's watermark
        }
      } else if (splitEnded || now - lastWatermarkCheck >= watermarkIntervalNanos) {
        lastWatermarkCheck = now;
        // Splits without rows for longer than the idle timeout do not hold the watermark back;
        // when all are idle, receivers are told to stop waiting for this task.
        long min = Long.MAX_VALUE;
        boolean anyActive = false;
        for (SplitState s : active) {
          if (idleTimeoutNanos <= 0 || now - s.lastRowNanos < idleTimeoutNanos) {
            min = Math.min(min, s.watermark.value);
            anyActive = true;
          }
        }
        if (!anyActive) {
          if (!idle) {
            idle = true;
            output.markIdle();
          }
        } else {
          idle = false;
          if (min > emitted) {
            emitted = min;
            entry.emitWatermark(min);
          }
        }
      }
      if (progressed) {
        output.flushIfDue();
      } else {
        output.flush();
        LockSupport.parkNanos(1_000_000L);
      }
    }
    entry.emitWatermark(Long.MAX_VALUE);
    chain.finish(0);
    finishCheckpointing();
  }

  /**
   * Opens the splits that appeared since the job started and belong to this task (by the hash of
   * their id), from their start. Checkpoints then record them like the others.
   */
  private void discoverSplits(Output entry) throws Exception {
    java.util.Set<String> known = new java.util.HashSet<>(finishedSplits);
    active.forEach(s -> known.add(s.split.id()));
    splits.forEach(s -> known.add(s.id()));
    known.addAll(discovered);
    for (SourceSplit split : source.splits(splitParallelism)) {
      if (known.contains(split.id())) {
        continue;
      }
      discovered.add(split.id());
      if (Math.floorMod(split.id().hashCode(), readerContext.parallelism()) == readerContext.subtaskIndex()) {
        active.add(new SplitState(split, source.createReader(split, readerContext, TableSource.NEW_SPLIT), stage, entry));
      }
    }
  }

  /** After a stop-with-savepoint barrier: emit nothing more, until the job stops this task. */
  private void awaitStop() throws Exception {
    chain.taskOutput().flush();
    while (checkpoints.stopAfterSavepoint) {
      if (cancelled || Thread.currentThread().isInterrupted()) {
        throw new TaskCancelledException();
      }
      runMailbox();
      LockSupport.parkNanos(5_000_000L);
    }
    // The savepoint failed: the job goes on.
  }

  @Override
  void injectBarrier(CheckpointTarget target) {
    barriers.add(target);
  }

  @Override
  List<SnapshotPart> sourceSnapshot(long checkpointId) {
    Map<String, String> positions = new LinkedHashMap<>();
    for (String id : finishedSplits) {
      positions.put(id, SourcePositions.FINISHED);
    }
    for (SplitState s : active) {
      String position = s.reader.position();
      if (position == null) {
        throw new CheckpointNotPossibleException("split '" + s.split.id() + "' of " + scanDescription
            + " cannot record its position: its connector does not support checkpoints");
      }
      positions.put(s.split.id(), position);
    }
    pendingPositions.put(checkpointId, positions);
    while (pendingPositions.size() > MAX_PENDING_POSITIONS) {
      pendingPositions.pollFirstEntry(); // checkpoints that never completed: a later one reports
    }
    return List.of(new SnapshotPart(scanUid, scanDescription, readerContext.subtaskIndex(), readerContext.parallelism(),
        new SourcePositions(splitParallelism, positions).encode()));
  }

  /**
   * Tells each active reader the position the completed checkpoint recorded for it. Positions of
   * older checkpoints that never completed are dropped: a later completion supersedes them.
   */
  @Override
  void checkpointCompleted(long checkpointId) throws Exception {
    Map<String, String> positions = pendingPositions.get(checkpointId);
    pendingPositions.headMap(checkpointId, true).clear();
    if (positions == null) {
      return;
    }
    for (SplitState s : active) {
      String position = positions.get(s.split.id());
      if (position != null && !SourcePositions.FINISHED.equals(position)) {
        s.reader.checkpointComplete(position);
      }
    }
  }

  @Override
  public void close() throws Exception {
    Exception first = null;
    for (SplitState s : active) {
      try {
        s.reader.close();
      } catch (Exception e) {
        first = first == null ? e : first;
      }
    }
    active.clear();
    try {
      chain.close();
    } catch (Exception e) {
      first = first == null ? e : first;
    }
    if (first != null) {
      throw first;
    }
  }
}
