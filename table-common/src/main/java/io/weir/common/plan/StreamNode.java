package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

/** One operator of a {@link StreamGraph}: its spec, how many parallel tasks run it, what it emits. */
public record StreamNode(int id, OperatorSpec spec, int parallelism, ChangelogMode changelogMode) {
  public StreamNode {
    requireNonNull(spec, "spec");
    requireNonNull(changelogMode, "changelogMode");
    if (parallelism <= 0) {
      throw new IllegalArgumentException("parallelism must be positive but was " + parallelism);
    }
  }
}
