package io.weir.common.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A window table function's shape. Sizes are milliseconds. Windows are aligned to the epoch plus
 * {@code offset}; ends are exclusive: {@code [10:00, 10:05)} fires at watermark {@code >= 10:05 -
 * 1 ms}, as in Flink.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = WindowSpec.Tumble.class, name = "tumble"),
  @JsonSubTypes.Type(value = WindowSpec.Hop.class, name = "hop"),
  @JsonSubTypes.Type(value = WindowSpec.Cumulate.class, name = "cumulate"),
  @JsonSubTypes.Type(value = WindowSpec.Session.class, name = "session")
})
public sealed interface WindowSpec {

  /** {@code TUMBLE(size)}: back-to-back windows. */
  record Tumble(long size, long offset) implements WindowSpec {
    public Tumble {
      positive(size, "size");
    }

    @Override
    public String toString() {
      return "TUMBLE(size=[" + size + " ms]" + (offset != 0 ? ", offset=[" + offset + " ms]" : "") + ")";
    }
  }

  /** {@code HOP(slide, size)}: windows of {@code size} starting every {@code slide}. */
  record Hop(long size, long slide, long offset) implements WindowSpec {
    public Hop {
      positive(size, "size");
      positive(slide, "slide");
    }

    @Override
    public String toString() {
      return "HOP(size=[" + size + " ms], slide=[" + slide + " ms])";
    }
  }

  /** {@code CUMULATE(step, maxSize)}: windows growing by {@code step} up to {@code maxSize}. */
  record Cumulate(long maxSize, long step, long offset) implements WindowSpec {
    public Cumulate {
      positive(maxSize, "maxSize");
      positive(step, "step");
      if (maxSize % step != 0) {
        throw new IllegalArgumentException("CUMULATE max size " + maxSize + " must be a multiple of its step " + step);
      }
    }

    @Override
    public String toString() {
      return "CUMULATE(max_size=[" + maxSize + " ms], step=[" + step + " ms])";
    }
  }

  /** {@code SESSION(gap)}: a window per burst of activity, closed by {@code gap} of silence. */
  record Session(long gap) implements WindowSpec {
    public Session {
      positive(gap, "gap");
    }

    @Override
    public String toString() {
      return "SESSION(gap=[" + gap + " ms])";
    }
  }

  private static void positive(long v, String what) {
    if (v <= 0) {
      throw new IllegalArgumentException("window " + what + " must be positive but was " + v);
    }
  }
}
