package io.weir.connectors.datagen;

import io.weir.runtime.connector.SourceSplit;

/** Share {@code index} of {@code count} of a datagen table's rows and sequences. */
record DataGenSplit(int index, int count) implements SourceSplit {
  DataGenSplit {
    if (index < 0 || index >= count) {
      throw new IllegalArgumentException("split " + index + " outside " + count + " splits");
    }
  }

  @Override
  public String id() {
    return "datagen-" + index + "-of-" + count;
  }
}
