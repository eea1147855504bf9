package io.weir.connectors.datagen;

import java.util.SplittableRandom;

/**
 * Produces the values of one field, in internal form, for one reader. Used only by that reader's
 * thread; random generators are stateless and shared, sequence generators hold their position.
 */
interface FieldGenerator {
  Object next(SplittableRandom random);

  /**
   * Moves on as if {@code count} values had been produced: a restored reader continues where the
   * checkpointed one stood. Random values are not reproduced, so a random generator does nothing.
   */
  default void skip(long count) {}
}
