package io.weir.connectors.datagen;

/** How one column is generated; decided when the table is planned, instantiated per split. */
interface GeneratorSpec {

  /** The generator for split {@code split} of {@code splits}. */
  FieldGenerator create(int split, int splits);

  /** How many values the generator of that split can produce; a random one never runs out. */
  default long limit(int split, int splits) {
    return Long.MAX_VALUE;
  }

  /** Whether the values run out, which makes the source bounded. */
  default boolean isBounded() {
    return false;
  }

  /** A spec whose generator is the same, stateless, for every split. */
  static GeneratorSpec of(FieldGenerator generator) {
    return (split, splits) -> generator;
  }
}
