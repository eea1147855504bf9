package io.weir.runtime.operator.aggregate;

import io.weir.common.data.Row;
import io.weir.common.plan.AggregateCallSpec;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.common.types.TypeRoot;
import io.weir.state.serialization.RowSerializer;
import io.weir.state.serialization.Serializers;
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
  /** Each call's function; for a DISTINCT call, the function it applies to each value's first copy. */
  private final AggregateFunction[] functions;
  private final int[] filterArgs;
  /** The DISTINCT views: one per argument list, shared by every DISTINCT call over it. */
  private final DistinctView[] views;
  /** Whether each call is DISTINCT: applied through its view. */
  private final boolean[] distinct;
  private final TypeSerializer<Object[]> serializer;

  /**
   * @param retraction whether the input may retract rows (see {@link AggregateFunctions#create})
   */
  public AggregateCalls(List<AggregateCallSpec> calls, RowType inputType, boolean retraction) {
    int n = calls.size();
    this.functions = new AggregateFunction[n];
    this.filterArgs = new int[n];
    this.distinct = new boolean[n];
    java.util.Map<List<Integer>, List<Integer>> distinctCalls = new java.util.LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      AggregateCallSpec call = calls.get(i);
      if (call.distinct()) {
        distinct[i] = true;
        distinctCalls.computeIfAbsent(call.arguments(), a -> new java.util.ArrayList<>()).add(i);
        call = new AggregateCallSpec(call.function(), call.arguments(), false, call.filterArg(), call.resultType(),
            call.name());
      }
      functions[i] = AggregateFunctions.create(call, inputType, retraction);
      filterArgs[i] = call.filterArg();
      if (call.filterArg() >= inputType.arity()) {
        throw new IllegalArgumentException(
            "FILTER field " + call.filterArg() + " of " + call.name() + " is not a field of the input " + inputType);
      }
    }
    this.views = distinctCalls.entrySet().stream()
        .map(e -> new DistinctView(e.getKey().stream().mapToInt(Integer::intValue).toArray(),
            e.getValue().stream().mapToInt(Integer::intValue).toArray(), inputType))
        .toArray(DistinctView[]::new);
    this.serializer = new ArraySerializer(functions, views);
  }

  public int size() {
    return functions.length;
  }

  /** One slot per call, then one per DISTINCT view. */
  public Object[] createAccumulators() {
    Object[] accs = new Object[functions.length + views.length];
    for (int i = 0; i < functions.length; i++) {
      accs[i] = functions[i].createAccumulator();
    }
    for (int v = 0; v < views.length; v++) {
      accs[functions.length + v] = views[v].create();
    }
    return accs;
  }

  private boolean passes(int call, Row row) {
    int f = filterArgs[call];
    return f < 0 || Boolean.TRUE.equals(row.field(f));
  }

  /** Adds {@code row} to every call whose FILTER it passes. */
  public void accumulate(Object[] accs, Row row) {
    for (int i = 0; i < functions.length; i++) {
      if (!distinct[i] && passes(i, row)) {
        accs[i] = functions[i].accumulate(accs[i], row);
      }
    }
    for (int v = 0; v < views.length; v++) {
      views[v].accumulate(view(accs, v), row, accs);
    }
  }

  /** Removes {@code row} from every call whose FILTER it passes. */
  public void retract(Object[] accs, Row row) {
    for (int i = 0; i < functions.length; i++) {
      if (!distinct[i] && passes(i, row)) {
        accs[i] = functions[i].retract(accs[i], row);
      }
    }
    for (int v = 0; v < views.length; v++) {
      views[v].retract(view(accs, v), row, accs);
    }
  }

  /** Merges {@code other} into {@code accs}; {@code other} is neither changed nor shared. */
  public void merge(Object[] accs, Object[] other) {
    for (int i = 0; i < functions.length; i++) {
      if (!distinct[i]) {
        accs[i] = functions[i].merge(accs[i], other[i]);
      }
    }
    for (int v = 0; v < views.length; v++) {
      views[v].merge(view(accs, v), view(other, v), accs);
    }
  }

  /** Writes the calls' values into {@code target} from {@code offset} on. */
  public void getValues(Object[] accs, Object[] target, int offset) {
    for (int i = 0; i < functions.length; i++) {
      target[offset + i] = functions[i].getValue(accs[i]);
    }
  }

  @SuppressWarnings("unchecked")
  private java.util.HashMap<Object, long[]> view(Object[] accs, int v) {
    return (java.util.HashMap<Object, long[]>) accs[functions.length + v];
  }

  /**
   * The set of distinct argument values that DISTINCT calls over the same arguments share, as
   * Flink shares a distinct view: value → how many rows hold it, per call (rows count for a call
   * only when they pass its FILTER). A call's function sees a value when its count goes 0 → 1, and
   * loses it when it goes 1 → 0; so {@code COUNT(DISTINCT user)} over {@code a, a, b} counts 2, and
   * retracting one {@code a} leaves it at 2. Rows with a null argument count for none.
   */
  private final class DistinctView {
    final int[] arguments;
    /** The DISTINCT calls sharing the view, by index; their counts in that order. */
    final int[] calls;
    final int inputArity;
    /**
     * Whether a value is a Row of the arguments rather than the single argument itself: for several
     * arguments, and for BINARY, whose {@code byte[]} lacks value equality.
     */
    final boolean rowKeys;
    final TypeSerializer<Object> keys;

    DistinctView(int[] arguments, int[] calls, RowType inputType) {
      this.arguments = arguments;
      this.calls = calls;
      this.inputArity = inputType.arity();
      LogicalType first = inputType.type(arguments[0]);
      this.rowKeys = arguments.length > 1 || first.root() == TypeRoot.BINARY || first.root() == TypeRoot.VARBINARY;
      if (rowKeys) {
        @SuppressWarnings({"unchecked", "rawtypes"})
        TypeSerializer<Object> rows = (TypeSerializer) new RowSerializer(inputType.project(arguments));
        this.keys = rows;
      } else {
        this.keys = Serializers.forType(first);
      }
    }

    java.util.HashMap<Object, long[]> create() {
      return new java.util.HashMap<>();
    }

    /** The distinct value of {@code input}, or null when an argument is null. */
    private Object keyOf(Row input) {
      if (!rowKeys) {
        return input.field(arguments[0]);
      }
      Object[] values = new Object[arguments.length];
      for (int i = 0; i < arguments.length; i++) {
        if ((values[i] = input.field(arguments[i])) == null) {
          return null;
        }
      }
      return Row.of(values);
    }

    /** A row with {@code key}'s values in the argument fields, for the calls' functions. */
    private Row rowOf(Object key) {
      Object[] fields = new Object[inputArity];
      if (rowKeys) {
        Row values = (Row) key;
        for (int i = 0; i < arguments.length; i++) {
          fields[arguments[i]] = values.field(i);
        }
      } else {
        fields[arguments[0]] = key;
      }
      return Row.of(fields);
    }

    void accumulate(java.util.HashMap<Object, long[]> seen, Row row, Object[] accs) {
      Object key = keyOf(row);
      if (key == null) {
        return;
      }
      long[] counts = seen.get(key);
      for (int j = 0; j < calls.length; j++) {
        int call = calls[j];
        if (passes(call, row)) {
          if (counts == null) {
            counts = new long[calls.length];
            seen.put(key, counts);
          }
          if (counts[j]++ == 0) {
            accs[call] = functions[call].accumulate(accs[call], row);
          }
        }
      }
    }

    void retract(java.util.HashMap<Object, long[]> seen, Row row, Object[] accs) {
      Object key = keyOf(row);
      long[] counts = key == null ? null : seen.get(key);
      if (counts == null) {
        return; // never seen: nothing to undo
      }
      boolean any = false;
      for (int j = 0; j < calls.length; j++) {
        int call = calls[j];
        if (counts[j] > 0 && passes(call, row) && --counts[j] == 0) {
          accs[call] = functions[call].retract(accs[call], row);
        }
        any |= counts[j] > 0;
      }
      if (!any) {
        seen.remove(key);
      }
    }

    void merge(java.util.HashMap<Object, long[]> seen, java.util.HashMap<Object, long[]> other, Object[] accs) {
      for (java.util.Map.Entry<Object, long[]> e : other.entrySet()) {
        long[] mine = seen.get(e.getKey());
        if (mine == null) {
          mine = new long[calls.length];
          seen.put(e.getKey(), mine);
        }
        Row row = null;
        for (int j = 0; j < calls.length; j++) {
          long theirs = e.getValue()[j];
          if (theirs > 0) {
            if (mine[j] == 0) {
              int call = calls[j];
              row = row == null ? rowOf(e.getKey()) : row;
              accs[call] = functions[call].accumulate(accs[call], row);
            }
            mine[j] += theirs;
          }
        }
      }
    }

    void write(java.util.HashMap<Object, long[]> seen, DataOutput out) throws IOException {
      out.writeInt(seen.size());
      for (java.util.Map.Entry<Object, long[]> e : seen.entrySet()) {
        keys.serialize(e.getKey(), out);
        for (long count : e.getValue()) {
          out.writeLong(count);
        }
      }
    }

    java.util.HashMap<Object, long[]> read(DataInput in) throws IOException {
      int n = in.readInt();
      java.util.HashMap<Object, long[]> seen = new java.util.HashMap<>(Math.max(4, (int) (n / 0.75f) + 1));
      for (int i = 0; i < n; i++) {
        Object key = keys.deserialize(in);
        long[] counts = new long[calls.length];
        for (int j = 0; j < counts.length; j++) {
          counts[j] = in.readLong();
        }
        seen.put(key, counts);
      }
      return seen;
    }

    String signature() {
      return "DISTINCT_VIEW<" + keys.signature() + ", " + calls.length + ">";
    }
  }

  /**
   * One call as an {@link AggregateFunction} over its accumulator array: how {@link
   * AggregateFunctions#create} gives a DISTINCT call on its own.
   */
  AggregateFunction asFunction() {
    return new AggregateFunction() {
      @Override
      public Object createAccumulator() {
        return createAccumulators();
      }

      @Override
      public Object accumulate(Object accumulator, Row input) {
        AggregateCalls.this.accumulate((Object[]) accumulator, input);
        return accumulator;
      }

      @Override
      public Object retract(Object accumulator, Row input) {
        AggregateCalls.this.retract((Object[]) accumulator, input);
        return accumulator;
      }

      @Override
      public Object merge(Object accumulator, Object other) {
        AggregateCalls.this.merge((Object[]) accumulator, (Object[]) other);
        return accumulator;
      }

      @Override
      public Object getValue(Object accumulator) {
        Object[] value = new Object[1];
        getValues((Object[]) accumulator, value, 0);
        return value[0];
      }

      @Override
      @SuppressWarnings({"unchecked", "rawtypes"})
      public TypeSerializer<Object> accumulatorSerializer() {
        return (TypeSerializer) serializer;
      }
    };
  }

  /** Serializes an accumulator array; its signature lists every call's accumulator format. */
  public TypeSerializer<Object[]> serializer() {
    return serializer;
  }

  private final class ArraySerializer implements TypeSerializer<Object[]> {
    private final TypeSerializer<Object>[] serializers;
    private final String signature;

    @SuppressWarnings("unchecked")
    ArraySerializer(AggregateFunction[] functions, DistinctView[] views) {
      this.serializers = new TypeSerializer[functions.length];
      for (int i = 0; i < functions.length; i++) {
        serializers[i] = functions[i].accumulatorSerializer();
      }
      this.signature = java.util.stream.Stream.concat(
              List.of(serializers).stream().map(TypeSerializer::signature),
              java.util.Arrays.stream(views).map(DistinctView::signature))
          .collect(Collectors.joining(", ", "ACCUMULATORS<", ">"));
    }

    @Override
    public void serialize(Object[] value, DataOutput out) throws IOException {
      for (int i = 0; i < serializers.length; i++) {
        serializers[i].serialize(value[i], out);
      }
      for (int v = 0; v < views.length; v++) {
        views[v].write(view(value, v), out);
      }
    }

    @Override
    public Object[] deserialize(DataInput in) throws IOException {
      Object[] accs = new Object[serializers.length + views.length];
      for (int i = 0; i < serializers.length; i++) {
        accs[i] = serializers[i].deserialize(in);
      }
      for (int v = 0; v < views.length; v++) {
        accs[serializers.length + v] = views[v].read(in);
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
