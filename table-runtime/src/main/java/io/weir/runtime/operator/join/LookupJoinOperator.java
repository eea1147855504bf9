package io.weir.runtime.operator.join;

import io.weir.common.data.Row;
import io.weir.common.plan.JoinType;
import io.weir.common.plan.LookupJoinSpec;
import io.weir.runtime.connector.FactoryUtil;
import io.weir.runtime.connector.LookupSource;
import io.weir.runtime.connector.TableContext;
import io.weir.runtime.operator.OperatorContext;
import io.weir.runtime.operator.Output;
import io.weir.runtime.operator.StreamOperator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * A lookup join: each left row is looked up in the table by key, through the connector's {@link
 * LookupSource}, and emitted with every match that passes the condition (LEFT: padded when none
 * does). Stateless: the table is read as it is when the row arrives, and caching is the
 * connector's business.
 */
public final class LookupJoinOperator implements StreamOperator {
  private final LookupJoinSpec spec;
  private final int[] leftKeys;
  private LookupSource lookup;
  private JoinedRows rows;

  public LookupJoinOperator(LookupJoinSpec spec) {
    this.spec = spec;
    this.leftKeys = spec.leftKeys().stream().mapToInt(Integer::intValue).toArray();
  }

  @Override
  public void open(OperatorContext context) {
    List<Integer> all = IntStream.range(0, spec.tableType().arity()).boxed().toList();
    TableContext table = new TableContext(spec.table(), spec.options(), spec.tableType(), all, context.config());
    lookup = FactoryUtil.sourceFactory(spec.table(), spec.options()).createLookup(table, spec.tableKeys());
    rows = new JoinedRows(spec.leftType(), spec.tableType(), spec.condition(), context);
  }

  @Override
  public void process(int input, Row row, Output out) throws Exception {
    Object[] key = new Object[leftKeys.length];
    boolean nullKey = false;
    for (int i = 0; i < leftKeys.length; i++) {
      key[i] = row.field(leftKeys[i]);
      nullKey |= key[i] == null;
    }
    boolean matched = false;
    if (!nullKey) {
      for (Row candidate : lookup.lookup(Row.of(key))) {
        Row joined = rows.joinIfMatches(row, candidate);
        if (joined != null) {
          out.emit(joined.withKind(row.kind()));
          matched = true;
        }
      }
    }
    if (!matched && spec.joinType() == JoinType.LEFT) {
      out.emit(rows.leftWithNulls(row).withKind(row.kind()));
    }
  }

  @Override
  public void close() throws Exception {
    if (lookup != null) {
      lookup.close();
      lookup = null;
    }
  }
}
