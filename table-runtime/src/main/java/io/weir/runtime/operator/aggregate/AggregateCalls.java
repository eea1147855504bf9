package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.common.plan.AggregateCallSpec;
import io.weir.common.types.RowType;
import io.weir.state.serialization.TypeSerializer;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The aggregate calls of one operator applied together to one array of accumulators (one slot per
 * call), with each call's FILTER: {@code SUM(x) FILTER (WHERE f)} skips rows whose {@code f} is not
 * TRUE (false or null). Shared by the group and window aggregates. One task thread only.
 *
 * <p>The arrays and the accumulators in them are mutated in place; callers store the array back in
 * state after changing it, as {@link AggregateFunction} asks. That is safe while heap snapshots are
 * synchronous; the copy-on-write snapshot the heap backend plans (which assumes state values are
 * never mutated) will need accumulators copied on first write after a barrier.
 */
public final class AggregateCalls {
  private final AggregateFunction[] functions;
  private final int[] filterArgs;
  private final TypeSerializer<Object[]> serializer;

  public AggregateCalls(List<AggregateCallSpec> calls, RowType inputType, boolean retraction) {
    int n = calls.size();
    this.functions = new AggregateFunction[n];
    this.filterArgs = new int[n];
    for (int i = 0; i < n; i++) {
      AggregateCallSpec call = calls.get(i);
      functions[i] = AggregateFunctions.create(call, inputType, retraction);
      filterArgs[i] = call.filterArg();
      if (call.filterArg() >= inputType.arity()) {
        throw new IllegalArgumentException(
            "FILTER field " + call.filterArg() + " of " + call.name() + " is not a field of the input " + inputType);
      }
    }
    this.serializer = new ArraySerializer(functions);
  }

  public int size() {
    return functions.length;
  }

  public Object[] createAccumulators() {
    Object[] accs = new Object[functions.length];
    for (int i = 0; i < accs.length; i++) {
      accs[i] = functions[i].createAccumulator();
    }
    return accs;
  }

  private boolean passes(int call, Row row) {
    int f = filterArgs[call];
    return f < 0 || Boolean.TRUE.equals(row.field(f));
  }

  /** Adds {@code row} to every call whose FILTER it passes. */
  public void accumulate(Object[] accs, Row row) {
    for (int i = 0; i < accs.length; i++) {
      if (passes(i, row)) {
        accs[i] = functions[i].accumulate(accs[i], row);
      }
    }
  }

  /** Removes {@code row} from every call whose FILTER it passes. */
  public void retract(Object[] accs, Row row) {
    for (int i = 0; i < accs.length; i++) {
      if (passes(i, row)) {
        accs[i] = functions[i].retract(accs[i], row);
      }
    }
  }

  /** Merges {@code other} into {@code accs}; {@code other} is neither changed nor shared. */
  public void merge(Object[] accs, Object[] other) {
    for (int i = 0; i < accs.length; i++) {
      accs[i] = functions[i].merge(accs[i], other[i]);
    }
  }

  /** Writes the calls' values into {@code target} from {@code offset} on. */
  public void getValues(Object[] accs, Object[] target, int offset) {
    for (int i = 0; i < accs.length; i++) {
      target[offset + i] = functions[i].getValue(accs[i]);
    }
  }

  /** Serializes an accumulator array; its signature lists every call's accumulator format. */
  public TypeSerializer<Object[]> serializer() {
    return serializer;
  }

  private static final class ArraySerializer implements TypeSerializer<Object[]> {
    private final TypeSerializer<Object>[] serializers;
    private final String signature;

    @SuppressWarnings("unchecked")
    ArraySerializer(AggregateFunction[] functions) {
      this.serializers = new TypeSerializer[functions.length];
      for (int i = 0; i < functions.length; i++) {
        serializers[i] = functions[i].accumulatorSerializer();
      }
      this.signature = List.of(serializers).stream()
          .map(TypeSerializer::signature)
          .collect(Collectors.joining(", ", "ACCUMULATORS<", ">"));
    }

    @Override
    public void serialize(Object[] value, DataOutput out) throws IOException {
      for (int i = 0; i < serializers.length; i++) {
        serializers[i].serialize(value[i], out);
      }
    }

    @Override
    public Object[] deserialize(DataInput in) throws IOException {
      Object[] accs = new Object[serializers.length];
      for (int i = 0; i < accs.length; i++) {
        accs[i] = serializers[i].deserialize(in);
      }
      return accs;
    }

    @Override
    public String signature() {
      return signature;
    }

    @Override
    public String toString() {
      return "Serializer(" + signature + ")";
    }
  }
}
