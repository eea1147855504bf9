package io.weir.common.plan;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;
import java.util.List;

/**
 * Turns an upsert stream — each row the new value of its key, a delete carrying the key — into a
 * full changelog: the first row of a key is an insert, a later one retracts the previous value
 * ({@code -U}) and adds itself ({@code +U}) unless it is unchanged, a delete retracts the last
 * value ({@code -D}). Keeps the last row of every key. Reads what {@code upsert-kafka} sources emit.
 *
 * @param keyFields the primary key, as field indexes of {@code outputType} (also the input's)
 */
public record ChangelogNormalizeSpec(List<Integer> keyFields, RowType outputType) implements OperatorSpec {
  public ChangelogNormalizeSpec {
    keyFields = List.copyOf(keyFields);
    requireNonNull(outputType, "outputType");
  }

  @Override
  public String explain() {
    return "ChangelogNormalize(key=[" + String.join(", ", keyFields.stream().map(i -> outputType.names().get(i)).toList())
        + "])";
  }
}
