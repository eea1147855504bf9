package io.weir.connectors.datagen;

import java.util.SplittableRandom;

/**
 * Produces the values of one field, in internal form, for one reader. Used only by that reader's
 * thread; random generators are stateless and shared, sequence generators hold their position.
 */
interface FieldGenerator {
  Object next(SplittableRandom random);
}
