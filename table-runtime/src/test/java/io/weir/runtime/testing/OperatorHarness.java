package io.weir.runtime.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.weir.common.config.Configuration;
import io.weir.common.data.Row;
import io.weir.common.types.RowType;
import io.weir.runtime.expr.CompileContext;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import io.weir.state.KeyGroupRange;
import io.weir.state.KeyedStateBackend;
import io.weir.state.MemoryKeyGroupSnapshot;
import io.weir.state.StateBackendKind;
import io.weir.state.StateBackends;
import io.weir.state.serialization.RowSerializer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Drives one operator through rows, watermarks, processing time and end of input, and records what
 * it emits. Every operator test goes through it.
 *
 * <p>With {@link #snapshotAndRestoreAfterEachInput()}, after every input the operator's keyed state
 * (values and timers) is snapshotted, the operator closed, and a fresh operator from the factory
 * is restored from the snapshot, so an operator that keeps anything outside its state fails its
 * tests. A restored operator is told the last watermark again before the next input, as Weir's
 * recovery does (its sources re-emit the checkpointed watermark first); output caused by that
 * replay is dropped.
 */
public final class OperatorHarness {
  private final Supplier<StreamOperator> factory;
  private final Configuration config = new Configuration();
  private final StateBackendKind backendKind;
  private final List<Row> output = new ArrayList<>();
  private final List<Long> watermarks = new ArrayList<>();
  private int expected;
  private boolean restoreAfterEachInput;
  private long lateRows;
  private long lastWatermark = Long.MIN_VALUE;
  private long processingTime = 0;
  private StreamOperator operator;
  private HarnessContext context;
  private boolean recording = true;

  private OperatorHarness(Supplier<StreamOperator> factory, StateBackendKind backendKind) {
    this.factory = factory;
    this.backendKind = backendKind;
  }

  /** A harness for operators made by {@code factory}; each restore asks it for a fresh one. */
  public static OperatorHarness of(Supplier<StreamOperator> factory) {
    return new OperatorHarness(factory, StateBackendKind.HEAP);
  }

  public static OperatorHarness of(Supplier<StreamOperator> factory, StateBackendKind backendKind) {
    return new OperatorHarness(factory, backendKind);
  }

  /** Sets a job option the operator reads in {@code open} (before the first input). */
  public OperatorHarness withConfig(String key, String value) {
    config.set(key, value);
    return this;
  }

  public OperatorHarness snapshotAndRestoreAfterEachInput() {
    restoreAfterEachInput = true;
    return this;
  }

  private final Output out = new Output() {
    @Override
    public void emit(Row row) {
      if (recording) {
        output.add(row);
      }
    }

    @Override
    public void emitWatermark(long watermark) {
      if (recording) {
        watermarks.add(watermark);
      }
    }
  };

  private StreamOperator operator() throws Exception {
    if (operator == null) {
      context = new HarnessContext(null);
      operator = factory.get();
      operator.open(context);
    }
    return operator;
  }

  public OperatorHarness input(Row... rows) {
    return input(0, rows);
  }

  public OperatorHarness input(int input, Row... rows) {
    for (Row row : rows) {
      step(() -> operator().process(input, row, out));
    }
    return this;
  }

  public OperatorHarness watermark(long watermark) {
    lastWatermark = watermark;
    return step(() -> operator().onWatermark(watermark, out));
  }

  /** Moves processing time to {@code time} and lets the operator fire its timers. */
  public OperatorHarness processingTime(long time) {
    processingTime = time;
    return step(() -> operator().onProcessingTime(time, out));
  }

  public OperatorHarness endInput(int input) {
    return step(() -> operator().endInput(input, out));
  }

  public OperatorHarness endInput() {
    return endInput(0);
  }

  private interface Step {
    void run() throws Exception;
  }

  private OperatorHarness step(Step step) {
    try {
      step.run();
      if (restoreAfterEachInput) {
        restore();
      }
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  private long checkpoints;

  private void restore() throws Exception {
    StreamOperator old = operator();
    // As at a checkpoint barrier: the operator first flushes what it buffers.
    byte[] operatorState = old.snapshotOperatorState(++checkpoints);
    if (operatorState.length > 0) {
      throw new IllegalStateException("the harness does not restore operator state yet");
    }
    MemoryKeyGroupSnapshot snapshot = null;
    if (context.backend != null) {
      snapshot = new MemoryKeyGroupSnapshot();
      context.backend.snapshot(snapshot);
    }
    old.close();
    context = new HarnessContext(snapshot);
    operator = factory.get();
    operator.open(context);
    if (lastWatermark != Long.MIN_VALUE) {
      recording = false;
      try {
        operator.onWatermark(lastWatermark, out);
      } finally {
        recording = true;
      }
    }
  }

  /** Every row emitted so far. */
  public List<Row> output() {
    return List.copyOf(output);
  }

  /** Every watermark forwarded so far. */
  public List<Long> watermarks() {
    return List.copyOf(watermarks);
  }

  /** Asserts the rows emitted since the previous {@code expectOutput}, in order. */
  public OperatorHarness expectOutput(Row... rows) {
    assertEquals(Arrays.asList(rows), output.subList(expected, output.size()));
    expected = output.size();
    return this;
  }

  /** Asserts the rows emitted since the previous {@code expectOutput}, in any order. */
  public OperatorHarness expectOutputInAnyOrder(Row... rows) {
    List<String> want = Arrays.stream(rows).map(Row::toString).sorted().toList();
    List<String> got = output.subList(expected, output.size()).stream().map(Row::toString).sorted().toList();
    assertEquals(want, got);
    expected = output.size();
    return this;
  }

  /** Rows the operator reported as late. */
  public long lateRows() {
    return lateRows;
  }

  public void close() throws Exception {
    if (operator != null) {
      operator.close();
    }
  }

  /** One operator instance's context: subtask 0 of 1, owning every key group. */
  private final class HarnessContext implements OperatorContext {
    private final MemoryKeyGroupSnapshot restoreFrom;
    private KeyedStateBackend<Row> backend;

    HarnessContext(MemoryKeyGroupSnapshot restoreFrom) {
      this.restoreFrom = restoreFrom;
    }

    @Override public String jobName() { return "harness"; }
    @Override public int subtaskIndex() { return 0; }
    @Override public int parallelism() { return 1; }
    @Override public Configuration config() { return config; }
    @Override public CompileContext compileContext() { return CompileContext.utc(); }
    @Override public long currentProcessingTime() { return processingTime; }
    @Override public void recordLateRow() { lateRows++; }

    @Override
    public KeyedStateBackend<Row> keyedState(RowType keyType) {
      if (backend == null) {
        backend = StateBackends.createKeyed(backendKind, new RowSerializer(keyType), 128, KeyGroupRange.forTask(128, 1, 0));
        if (restoreFrom != null) {
          try {
            backend.restore(restoreFrom);
          } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
          }
        }
      }
      return backend;
    }
  }
}
