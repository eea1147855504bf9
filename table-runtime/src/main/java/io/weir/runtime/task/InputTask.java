package io.weir.runtime.task;

import io.weir.checkpointing.CheckpointTarget;
import java.util.Arrays;
import java.util.List;

/**
 * A task whose chain starts with an operator fed by channels. It merges watermarks: a channel's
 * watermark is the last it sent, an input's is the minimum over its channels, and the operator's
 * is the minimum over its inputs. An ended channel no longer holds the minimum back.
 *
 * <p>It aligns checkpoint barriers: in exactly-once mode a channel whose barrier has arrived is
 * not read until the barrier has arrived on every channel still open, so the snapshot holds
 * exactly the rows before the barrier on each; in at-least-once mode channels are not held, and
 * rows after a barrier may slip into the snapshot (they are then counted again after a recovery).
 */
final class InputTask extends Task {
  /** How often operators hear that processing time advanced. */
  static final long PROCESSING_TIME_INTERVAL_MS = 100;

  private final InputGate gate;
  private final int inputCount;
  private final long idleWaitMillis;

  InputTask(String name, OperatorChain chain, List<TaskOperatorContext> contexts, int index, TaskCheckpoints checkpoints,
      InputGate gate, int inputCount, long idleWaitMillis) {
    super(name, chain, contexts, index, checkpoints);
    this.gate = gate;
    this.inputCount = inputCount;
    this.idleWaitMillis = idleWaitMillis;
  }

  @Override
  public void run() throws Exception {
    gate.bindConsumer(Thread.currentThread());
    chain.open(contexts);
    int channels = gate.channelCount();
    boolean[] finished = new boolean[channels];
    // Channels not to read: finished, or holding back rows after a barrier until alignment ends.
    boolean[] skip = new boolean[channels];
    boolean[] barrierArrived = new boolean[channels];
    CheckpointTarget aligning = null;
    long lastCheckpoint = 0;
    long[] channelWatermark = new long[channels];
    boolean[] idle = new boolean[channels];
    Arrays.fill(channelWatermark, Long.MIN_VALUE);
    int[] openPerInput = new int[inputCount];
    for (int c = 0; c < channels; c++) {
      openPerInput[gate.inputOf(c)]++;
    }
    int open = channels;
    long watermark = Long.MIN_VALUE;
    TaskOutput output = chain.taskOutput();
    long nextProcessingTime = System.currentTimeMillis() + PROCESSING_TIME_INTERVAL_MS;
    while (open > 0) {
      long now = System.currentTimeMillis();
      if (now >= nextProcessingTime) {
        chain.onProcessingTime(now);
        nextProcessingTime = now + PROCESSING_TIME_INTERVAL_MS;
      }
      if (cancelled || Thread.currentThread().isInterrupted()) {
        throw new TaskCancelledException();
      }
      runMailbox();
      Object element = gate.poll(skip);
      if (element == null) {
        // Idle: send what we have now rather than wait for a full batch.
        output.flush();
        gate.await(Math.min(idleWaitMillis, PROCESSING_TIME_INTERVAL_MS));
        continue;
      }
      int c = gate.lastChannel();
      int input = gate.inputOf(c);
      if (idle[c] && !(element instanceof StreamElements.Idle)) {
        idle[c] = false;
      }
      if (element instanceof StreamElements.Batch batch) {
        var rows = batch.rows();
        for (int i = 0, n = batch.size(); i < n; i++) {
          chain.process(input, rows[i]);
        }
        output.flushIfDue();
        continue;
      } else if (element instanceof StreamElements.Watermark wm) {
        if (wm.timestamp() > channelWatermark[c]) {
          channelWatermark[c] = wm.timestamp();
        }
        watermark = advance(channelWatermark, idle, watermark);
        continue;
      } else if (element instanceof StreamElements.Idle) {
        idle[c] = true;
        watermark = advance(channelWatermark, idle, watermark);
        continue;
      } else if (element instanceof StreamElements.Barrier barrier) {
        long id = barrier.target().checkpointId();
        if (aligning != null && id > aligning.checkpointId()) {
          // A newer checkpoint overtook one still aligning here: the older one was aborted.
          aligning = null;
          resetAlignment(skip, finished, barrierArrived);
        }
        if (id <= lastCheckpoint || aligning != null && id < aligning.checkpointId()) {
          continue;
        }
        aligning = barrier.target();
        barrierArrived[c] = true;
        if (checkpoints.exactlyOnce) {
          skip[c] = true;
        }
      } else {
        finished[c] = true;
        skip[c] = true;
        open--;
        channelWatermark[c] = Long.MAX_VALUE;
        if (open > 0) {
          watermark = advance(channelWatermark, idle, watermark);
        }
        if (--openPerInput[input] == 0) {
          chain.endInput(input);
        }
      }
      if (aligning != null && aligned(finished, barrierArrived)) {
        lastCheckpoint = aligning.checkpointId();
        CheckpointTarget target = aligning;
        aligning = null;
        resetAlignment(skip, finished, barrierArrived);
        performCheckpoint(target);
      }
    }
    chain.finish(1);
    finishCheckpointing();
  }

  private static boolean aligned(boolean[] finished, boolean[] barrierArrived) {
    for (int c = 0; c < finished.length; c++) {
      if (!finished[c] && !barrierArrived[c]) {
        return false;
      }
    }
    return true;
  }

  private static void resetAlignment(boolean[] skip, boolean[] finished, boolean[] barrierArrived) {
    System.arraycopy(finished, 0, skip, 0, skip.length);
    Arrays.fill(barrierArrived, false);
  }

  /** The minimum over channels that are not idle; an all-idle input does not move. */
  private long advance(long[] channelWatermark, boolean[] idle, long current) throws Exception {
    long min = Long.MAX_VALUE;
    boolean anyActive = false;
    for (int c = 0; c < channelWatermark.length; c++) {
      if (!idle[c]) {
        min = Math.min(min, channelWatermark[c]);
        anyActive = true;
      }
    }
    if (anyActive && min > current) {
      chain.onWatermark(min);
      return min;
    }
    return current;
  }

  @Override
  public void close() throws Exception {
    chain.close();
  }
}
