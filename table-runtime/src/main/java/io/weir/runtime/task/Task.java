package io.weir.runtime.task;

import io.weir.runtime.operator.OperatorContext;
import java.util.List;

/** One parallel instance of a chain, run by one thread from start to end of its input. */
public abstract class Task {
  private final String name;
  final OperatorChain chain;
  final List<OperatorContext> contexts;
  volatile boolean cancelled;

  Task(String name, OperatorChain chain, List<OperatorContext> contexts) {
    this.name = name;
    this.chain = chain;
    this.contexts = contexts;
  }

  /** {@code Calc -> Sink (2/4)}: the chain's operators and this instance's 1-based index. */
  public String name() {
    return name;
  }

  /** Runs until the input ends, the task is cancelled, or it fails. Called on the task's thread. */
  public abstract void run() throws Exception;

  /** Asks the task to stop; the job interrupts its thread as well. */
  public void cancel() {
    cancelled = true;
  }

  /** Releases everything the task opened. Idempotent. */
  public abstract void close() throws Exception;

  /** Maps a task failure to the exception a user should see. */
  public static Throwable rootFailure(Throwable t) {
    return OperatorFailure.unwrap(t);
  }

  /** True for the exception a task throws when it was cancelled, not because it failed. */
  public static boolean isCancellation(Throwable t) {
    return t instanceof TaskCancelledException || t instanceof InterruptedException;
  }
}
