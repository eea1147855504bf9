package io.weir.common.plan;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/** How the rows of an edge are spread over the receiving operator's parallel tasks. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = Partitioning.Forward.class, name = "forward"),
  @JsonSubTypes.Type(value = Partitioning.Hash.class, name = "hash"),
  @JsonSubTypes.Type(value = Partitioning.Broadcast.class, name = "broadcast"),
  @JsonSubTypes.Type(value = Partitioning.Single.class, name = "single"),
  @JsonSubTypes.Type(value = Partitioning.Rebalance.class, name = "rebalance")
})
public sealed interface Partitioning {

  /** Task i sends to task i; both sides have the same parallelism, so the pair can be fused. */
  record Forward() implements Partitioning {
    @Override public String toString() { return "FORWARD"; }
  }

  /** By the key group of {@code keys}, so equal keys meet in one task. */
  record Hash(List<Integer> keys) implements Partitioning {
    public Hash {
      keys = List.copyOf(keys);
    }

    @Override public String toString() { return "HASH" + keys; }
  }

  /** Every row to every task. */
  record Broadcast() implements Partitioning {
    @Override public String toString() { return "BROADCAST"; }
  }

  /** Every row to the one task of a receiver with parallelism 1. */
  record Single() implements Partitioning {
    @Override public String toString() { return "SINGLE"; }
  }

  /** Round robin, to spread rows evenly when keys do not matter. */
  record Rebalance() implements Partitioning {
    @Override public String toString() { return "REBALANCE"; }
  }
}
