package io.weir.runtime.task;

import io.weir.runtime.connector.ReaderContext;
import io.weir.runtime.connector.SourceSplit;
import io.weir.runtime.connector.SplitReader;
import io.weir.runtime.connector.TableSource;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import java.util.ArrayList;
import java.util.List;
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

  private static final class SplitState {
    final SplitReader reader;
    final ScanStage.SplitWatermark watermark = new ScanStage.SplitWatermark();
    final Consumer<io.weir.common.data.Row> sink;
    /** When this split last produced a row (System.nanoTime), for idleness. */
    long lastRowNanos = System.nanoTime();

    SplitState(SplitReader reader, ScanStage stage, Output entry) {
      this.reader = reader;
      Consumer<io.weir.common.data.Row> emit = stage == null ? entry::emit : row -> stage.process(row, watermark, entry);
      this.sink = row -> {
        lastRowNanos = System.nanoTime();
        emit.accept(row);
      };
    }
  }

  SourceTask(String name, OperatorChain chain, List<OperatorContext> contexts, TableSource source,
      List<SourceSplit> splits, ScanStage stage, ReaderContext readerContext, long watermarkIntervalMillis,
      long idleTimeoutMillis) {
    super(name, chain, contexts);
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
      active.add(new SplitState(source.createReader(split, readerContext), stage, entry));
    }
    TaskOutput output = chain.taskOutput();
    long emitted = Long.MIN_VALUE;
    boolean idle = false;
    long lastWatermarkCheck = System.nanoTime();
    long nextProcessingTime = System.currentTimeMillis() + InputTask.PROCESSING_TIME_INTERVAL_MS;
    while (!active.isEmpty()) {
      long wall = System.currentTimeMillis();
      if (wall >= nextProcessingTime) {
        chain.onProcessingTime(wall);
        nextProcessingTime = wall + InputTask.PROCESSING_TIME_INTERVAL_MS;
      }
      if (cancelled || Thread.currentThread().isInterrupted()) {
        throw new TaskCancelledException();
      }
      boolean progressed = false;
      boolean splitEnded = false;
      for (int i = 0; i < active.size(); i++) {
        SplitState s = active.get(i);
        switch (s.reader.read(s.sink)) {
          case MORE_AVAILABLE -> progressed = true;
          case NOTHING_AVAILABLE -> { }
          case END_OF_SPLIT -> {
            s.reader.close();
            active.remove(i--);
            progressed = true;
            splitEnded = true;
          }
        }
      }
      long now = System.nanoTime();
      if (!active.isEmpty() && (splitEnded || now - lastWatermarkCheck >= watermarkIntervalNanos)) {
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
