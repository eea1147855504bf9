package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.state.serialization.TypeSerializer;

/**
 * One aggregate call ({@code SUM(price)}, {@code COUNT(DISTINCT user)}…) bound to its argument
 * fields, folding input rows into an accumulator kept in keyed state.
 *
 * <p>Accumulators may be mutable: callers always store the returned accumulator back into state
 * after {@link #accumulate}, {@link #retract} or {@link #merge}, and never share one accumulator
 * between two keys or windows. FILTER clauses are applied by the caller; DISTINCT is part of the
 * function. Used on one task thread only.
 */
public interface AggregateFunction {

  /** A fresh accumulator: the state of an aggregate that has seen no rows. */
  Object createAccumulator();

  /** Adds {@code input}'s argument values; returns the accumulator to keep. */
  Object accumulate(Object accumulator, Row input);

  /**
   * Removes {@code input}'s argument values, for an input row that is retracted ({@code -U},
   * {@code -D}); returns the accumulator to keep. Exact for every function: MIN and MAX keep
   * counts of the values they have seen, so retracting the current minimum finds the next one.
   */
  Object retract(Object accumulator, Row input);

  /** Combines two accumulators (of slices of a window, of merged sessions); returns the result. */
  Object merge(Object accumulator, Object other);

  /** The aggregate's current value, in the internal form of its result type. */
  Object getValue(Object accumulator);

  /** Writes and reads accumulators for keyed state and snapshots. */
  TypeSerializer<Object> accumulatorSerializer();
}
