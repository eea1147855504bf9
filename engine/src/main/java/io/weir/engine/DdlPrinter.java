package io.weir.engine;

import io.weir.planner.catalog.CatalogObject;
import io.weir.planner.catalog.CatalogTable;
import io.weir.planner.catalog.CatalogView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code SHOW CREATE TABLE}: the DDL that recreates a table or view, as Flink prints it. */
final class DdlPrinter {
  private DdlPrinter() {}

  static String print(CatalogObject object) {
    if (object instanceof CatalogView v) {
      return "CREATE VIEW `" + v.name() + "` (" + String.join(", ", v.rowType().names().stream().map(n -> "`" + n + "`").toList())
          + ")\nAS " + v.query() + "\n";
    }
    CatalogTable t = (CatalogTable) object;
    List<String> lines = new ArrayList<>();
    for (CatalogTable.Column c : t.columns()) {
      String line;
      if (c instanceof CatalogTable.ComputedColumn cc) {
        line = "`" + c.name() + "` AS " + cc.expressionSql();
      } else if (c instanceof CatalogTable.MetadataColumn m) {
        line = "`" + c.name() + "` " + c.type().asSummaryString() + " METADATA"
            + (m.key().equals(c.name()) ? "" : " FROM '" + m.key() + "'") + (m.virtual() ? " VIRTUAL" : "");
      } else {
        line = "`" + c.name() + "` " + c.type().asSummaryString();
      }
      if (c.comment() != null) {
        line += " COMMENT '" + c.comment().replace("'", "''") + "'";
      }
      lines.add(line);
    }
    if (t.watermark() != null) {
      lines.add("WATERMARK FOR `" + t.watermark().rowtimeColumn() + "` AS " + t.watermark().expressionSql());
    }
    if (!t.primaryKey().isEmpty()) {
      lines.add("PRIMARY KEY (" + String.join(", ", t.primaryKey().stream().map(k -> "`" + k + "`").toList()) + ") NOT ENFORCED");
    }
    StringBuilder sb = new StringBuilder("CREATE ").append(t.temporary() ? "TEMPORARY " : "").append("TABLE `")
        .append(t.name()).append("` (\n  ").append(String.join(",\n  ", lines)).append("\n)");
    if (t.comment() != null) {
      sb.append("\nCOMMENT '").append(t.comment().replace("'", "''")).append("'");
    }
    if (!t.partitionKeys().isEmpty()) {
      sb.append("\nPARTITIONED BY (").append(String.join(", ", t.partitionKeys().stream().map(k -> "`" + k + "`")
          .toList())).append(")");
    }
    sb.append(" WITH (\n");
    List<String> options = new ArrayList<>();
    for (Map.Entry<String, String> e : t.options().entrySet()) {
      options.add("  '" + e.getKey() + "' = '" + e.getValue().replace("'", "''") + "'");
    }
    sb.append(String.join(",\n", options)).append("\n)\n");
    return sb.toString();
  }
}
