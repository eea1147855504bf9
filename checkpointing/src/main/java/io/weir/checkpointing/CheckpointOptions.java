package io.weir.checkpointing;

import io.weir.common.config.ConfigOption;
import java.time.Duration;
import java.util.List;

/** Options of checkpoints, savepoints and recovery, named as in Flink. */
public final class CheckpointOptions {
  private CheckpointOptions() {}

  /** How barriers are handled by tasks with several input channels. */
  public enum Mode {
    /** Channels whose barrier arrived wait for the others: state reflects each row exactly once. */
    EXACTLY_ONCE,
    /** No waiting: lower latency, but after a recovery some rows may have been counted twice. */
    AT_LEAST_ONCE
  }

  /** What a job does when one of its tasks fails. */
  public enum RestartStrategy {
    /** Fail the job. */
    NONE,
    /** Restart from the latest checkpoint, up to a number of attempts, waiting a delay before each. */
    FIXED_DELAY
  }

  public static final ConfigOption<Duration> INTERVAL =
      ConfigOption.duration(
          "execution.checkpointing.interval",
          Duration.ZERO,
          "How often an INSERT job takes a checkpoint; 0 turns checkpointing off.");

  public static final ConfigOption<Mode> MODE =
      ConfigOption.enumeration(
          "execution.checkpointing.mode",
          Mode.class,
          Mode.EXACTLY_ONCE,
          "EXACTLY_ONCE aligns barriers at tasks with several inputs; AT_LEAST_ONCE does not wait.");

  public static final ConfigOption<String> DIRECTORY =
      ConfigOption.string(
          "execution.checkpointing.dir",
          "",
          "Directory checkpoints are written to, one subdirectory per job; empty means the engine's"
              + " state directory (or a temporary directory when it has none).");

  public static final ConfigOption<Duration> TIMEOUT =
      ConfigOption.duration(
          "execution.checkpointing.timeout",
          Duration.ofMinutes(10),
          "A checkpoint not complete after this long is aborted.");

  public static final ConfigOption<Integer> NUM_RETAINED =
      ConfigOption.positiveInteger(
          "execution.checkpointing.num-retained",
          1,
          "How many completed checkpoints are kept; older ones are deleted.");

  public static final ConfigOption<Duration> MIN_PAUSE =
      ConfigOption.duration(
          "execution.checkpointing.min-pause",
          Duration.ZERO,
          "Least time between the end of one checkpoint and the start of the next.");

  public static final ConfigOption<RestartStrategy> RESTART_STRATEGY =
      ConfigOption.enumeration(
          "restart-strategy.type",
          RestartStrategy.class,
          RestartStrategy.FIXED_DELAY,
          "'fixed-delay' restarts a failed job from its latest checkpoint (only when checkpointing is"
              + " on); 'none' fails it.");

  public static final ConfigOption<Integer> RESTART_ATTEMPTS =
      ConfigOption.integer(
          "restart-strategy.fixed-delay.attempts",
          10,
          "How many times a job is restarted before it is failed for good.");

  public static final ConfigOption<Duration> RESTART_DELAY =
      ConfigOption.duration(
          "restart-strategy.fixed-delay.delay",
          Duration.ofSeconds(1),
          "How long a failed job waits before it restarts.");

  public static final ConfigOption<String> SAVEPOINT_PATH =
      ConfigOption.string(
          "execution.savepoint.path",
          "",
          "A savepoint (or retained checkpoint) directory the next INSERT starts from.");

  public static final ConfigOption<Boolean> IGNORE_UNCLAIMED_STATE =
      ConfigOption.bool(
          "execution.savepoint.ignore-unclaimed-state",
          false,
          "Start from a savepoint even when some of its state belongs to no operator of the new query.");

  public static final ConfigOption<String> SAVEPOINT_DIRECTORY =
      ConfigOption.string(
          "state.savepoints.dir",
          "",
          "Where STOP JOB ... WITH SAVEPOINT writes savepoints; empty means the engine's state"
              + " directory (or a temporary directory when it has none).");

  /** Every option above. */
  public static List<ConfigOption<?>> all() {
    return List.of(INTERVAL, MODE, DIRECTORY, TIMEOUT, NUM_RETAINED, MIN_PAUSE, RESTART_STRATEGY, RESTART_ATTEMPTS,
        RESTART_DELAY, SAVEPOINT_PATH, IGNORE_UNCLAIMED_STATE, SAVEPOINT_DIRECTORY);
  }
}
