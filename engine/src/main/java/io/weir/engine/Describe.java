package io.weir.engine;

import io.weir.common.data.Row;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.planner.catalog.CatalogObject;
import io.weir.planner.catalog.CatalogTable;
import java.util.ArrayList;
import java.util.List;

/** {@code DESCRIBE t}: one row per column, with Flink's columns name, type, null, key, extras, watermark. */
final class Describe {
  private Describe() {}

  private static final RowType SCHEMA = RowType.builder()
      .add("name", LogicalType.string())
      .add("type", LogicalType.string())
      .add("null", LogicalType.bool())
      .add("key", LogicalType.string())
      .add("extras", LogicalType.string())
      .add("watermark", LogicalType.string())
      .build();

  static StatementResult describe(CatalogObject object) {
    List<Row> rows = new ArrayList<>();
    if (object instanceof CatalogTable t) {
      String pk = t.primaryKey().isEmpty() ? null : "PRI(" + String.join(", ", t.primaryKey()) + ")";
      for (CatalogTable.Column c : t.columns()) {
        String extras = null;
        if (c instanceof CatalogTable.ComputedColumn cc) {
          extras = "AS " + cc.expressionSql();
        } else if (c instanceof CatalogTable.MetadataColumn m) {
          extras = "METADATA FROM '" + m.key() + "'" + (m.virtual() ? " VIRTUAL" : "");
        }
        String watermark = t.watermark() != null && t.watermark().rowtimeColumn().equals(c.name())
            ? t.watermark().expressionSql() : null;
        String type = c.type().withNullable(true).asSummaryString();
        rows.add(Row.of(c.name(), type, c.type().nullable(), t.primaryKey().contains(c.name()) ? pk : null, extras, watermark));
      }
    } else {
      RowType rt = object.rowType();
      for (int i = 0; i < rt.arity(); i++) {
        LogicalType type = rt.type(i);
        rows.add(Row.of(rt.name(i), type.withNullable(true).asSummaryString(), type.nullable(), null, null, null));
      }
    }
    return new StatementResult.TableResult(SCHEMA, rows);
  }
}
