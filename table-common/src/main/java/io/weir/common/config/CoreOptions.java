package io.weir.common.config;

import java.util.List;

/** Options of the engine itself, named as in Flink. */
public final class CoreOptions {
  private CoreOptions() {}

  public static final ConfigOption<Integer> PARALLELISM =
      ConfigOption.positiveInteger("parallelism.default", 1, "Parallelism of a job's operators.");

  public static final ConfigOption<Integer> MAX_PARALLELISM =
      ConfigOption.positiveInteger(
          "pipeline.max-parallelism",
          128,
          "Number of key groups: the upper bound of parallelism a job's state can be rescaled to.");

  public static final ConfigOption<Boolean> DML_SYNC =
      ConfigOption.bool(
          "table.dml-sync", false, "Whether INSERT INTO waits until its job has finished.");

  public static final ConfigOption<String> LOCAL_TIME_ZONE =
      new ConfigOption<>(
          "table.local-time-zone", "UTC", "Zone used for TIMESTAMP_LTZ values and CURRENT_TIMESTAMP.",
          s -> {
            try {
              return java.time.ZoneId.of(s).getId();
            } catch (java.time.DateTimeException e) {
              throw new IllegalArgumentException("expected a time zone such as 'UTC' or 'Europe/Berlin'");
            }
          });

  public static final ConfigOption<Integer> CHANNEL_CAPACITY =
      ConfigOption.positiveInteger(
          "taskmanager.network.channel-capacity",
          16,
          "Batches a channel between two tasks buffers before the sender blocks (back-pressure).");

  public static final ConfigOption<Integer> BATCH_SIZE =
      ConfigOption.positiveInteger(
          "taskmanager.network.batch-size", 512, "Rows a task collects before it sends them on.");

  public static final ConfigOption<java.time.Duration> BATCH_TIMEOUT =
      ConfigOption.duration(
          "execution.buffer-timeout",
          java.time.Duration.ofMillis(50),
          "How long a partly filled batch may wait before it is sent anyway.");

  public static final ConfigOption<java.time.Duration> WATERMARK_INTERVAL =
      ConfigOption.duration(
          "pipeline.auto-watermark-interval",
          java.time.Duration.ofMillis(200),
          "How often a source emits its watermark; 0 emits it after every batch of rows it reads.");

  public static final ConfigOption<java.time.Duration> SOURCE_IDLE_TIMEOUT =
      ConfigOption.duration(
          "table.exec.source.idle-timeout",
          java.time.Duration.ZERO,
          "A source split without rows for this long stops holding back the watermark; 0 never marks splits idle.");

  public static final ConfigOption<java.time.Duration> STATE_TTL =
      ConfigOption.duration(
          "table.exec.state.ttl",
          java.time.Duration.ZERO,
          "How long the state of an unbounded aggregation's group lives after its last change; 0 keeps it "
              + "forever. Results for expired groups start over and may be incorrect.");

  public static final ConfigOption<Boolean> MINI_BATCH_ENABLED =
      ConfigOption.bool(
          "table.exec.mini-batch.enabled",
          false,
          "Buffer the input of unbounded aggregations and apply it per group key once per batch: one state"
              + " access and at most one result change per key and batch, instead of one per row.");

  public static final ConfigOption<java.time.Duration> MINI_BATCH_ALLOW_LATENCY =
      ConfigOption.duration(
          "table.exec.mini-batch.allow-latency",
          java.time.Duration.ZERO,
          "With mini-batch: the longest a row waits in a batch; required (positive) when mini-batch is on.");

  public static final ConfigOption<Long> MINI_BATCH_SIZE =
      ConfigOption.longValue(
          "table.exec.mini-batch.size",
          -1L,
          "With mini-batch: the most rows a batch buffers; required (positive) when mini-batch is on.");

  /** Every option above, for SET's validation and listing. */
  public static List<ConfigOption<?>> all() {
    return List.of(
        PARALLELISM, MAX_PARALLELISM, DML_SYNC, LOCAL_TIME_ZONE, CHANNEL_CAPACITY, BATCH_SIZE,
        BATCH_TIMEOUT, WATERMARK_INTERVAL, SOURCE_IDLE_TIMEOUT, STATE_TTL, MINI_BATCH_ENABLED,
        MINI_BATCH_ALLOW_LATENCY, MINI_BATCH_SIZE);
  }
}
