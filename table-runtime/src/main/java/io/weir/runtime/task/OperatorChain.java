package io.weir.runtime.task;

import io.weir.common.data.Row;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import java.util.List;

/**
 * Operators fused into one task: each one's output is a plain method call into the next, and the
 * last one's output is the task's {@link TaskOutput}.
 */
final class OperatorChain {
  private final StreamOperator[] operators;
  private final Output[] outputs;
  private final TaskOutput taskOutput;
  /** Where rows enter the chain (for a source task: after its scan). */
  private final Output entry;

  OperatorChain(List<StreamOperator> operators, TaskOutput taskOutput) {
    this.operators = operators.toArray(new StreamOperator[0]);
    this.taskOutput = taskOutput;
    this.outputs = new Output[this.operators.length];
    Output downstream = taskOutput;
    for (int i = this.operators.length - 1; i >= 0; i--) {
      outputs[i] = downstream;
      downstream = new Chained(this.operators[i], downstream);
    }
    this.entry = downstream;
  }

  /** The output that feeds the chain's first operator (input 0), or the task output when empty. */
  Output entry() {
    return entry;
  }

  void open(List<? extends OperatorContext> contexts) throws Exception {
    for (int i = 0; i < operators.length; i++) {
      operators[i].open(contexts.get(i));
    }
  }

  void process(int input, Row row) throws Exception {
    operators[0].process(input, row, outputs[0]);
  }

  void onWatermark(long watermark) throws Exception {
    operators[0].onWatermark(watermark, outputs[0]);
  }

  /** Lets every operator of the chain fire processing-time timers due by {@code time}. */
  void onProcessingTime(long time) throws Exception {
    for (int i = 0; i < operators.length; i++) {
      operators[i].onProcessingTime(time, outputs[i]);
    }
  }

  /** Input {@code input} of the first operator ended. */
  void endInput(int input) throws Exception {
    operators[0].endInput(input, outputs[0]);
  }

  /**
   * Every input of operator {@code from - 1} has ended (or, with {@code from == 0}, the chain's
   * source has): ends the inputs of the operators from {@code from} on, then the task's output.
   */
  void finish(int from) throws Exception {
    for (int i = from; i < operators.length; i++) {
      operators[i].endInput(0, outputs[i]);
    }
    taskOutput.flush();
    taskOutput.endOfInput();
  }

  StreamOperator operator(int index) {
    return operators[index];
  }

  int size() {
    return operators.length;
  }

  /** Tells every operator, in chain order, that checkpoint {@code checkpointId} is complete. */
  void notifyCheckpointComplete(long checkpointId) throws Exception {
    for (StreamOperator op : operators) {
      op.notifyCheckpointComplete(checkpointId);
    }
  }

  /** Closes every operator, keeping the first failure. */
  void close() throws Exception {
    Exception first = null;
    for (StreamOperator op : operators) {
      try {
        op.close();
      } catch (Exception e) {
        if (first == null) {
          first = e;
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }

  TaskOutput taskOutput() {
    return taskOutput;
  }

  /** Calls the next operator. */
  private static final class Chained implements Output {
    private final StreamOperator next;
    private final Output nextOutput;

    Chained(StreamOperator next, Output nextOutput) {
      this.next = next;
      this.nextOutput = nextOutput;
    }

    @Override
    public void emit(Row row) {
      try {
        next.process(0, row, nextOutput);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorFailure(e);
      }
    }

    @Override
    public void emitWatermark(long watermark) {
      try {
        next.onWatermark(watermark, nextOutput);
      } catch (RuntimeException e) {
        throw e;
      } catch (Exception e) {
        throw new OperatorFailure(e);
      }
    }
  }
}
