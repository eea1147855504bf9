package io.weir.engine;

import io.weir.common.data.Row;
import io.weir.common.error.SqlException;
import io.weir.common.types.LogicalType;
import io.weir.common.types.RowType;
import io.weir.sql.parser.ddl.SqlUse;
import io.weir.sql.parser.dql.SqlShowCatalogs;
import io.weir.sql.parser.dql.SqlShowCurrentCatalog;
import io.weir.sql.parser.dql.SqlShowDatabases;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * Flink's catalog statements over Weir's one catalog, {@code default_catalog}, with its one
 * database, {@code default_database} (Flink's names): {@code SHOW CATALOGS}, {@code SHOW DATABASES},
 * {@code SHOW CURRENT CATALOG|DATABASE}, and {@code USE [CATALOG]} of those names. Flink's JDBC
 * driver sends them for {@code getCatalog()}, {@code setSchema()}, {@code getCatalogs()} and alike.
 */
final class CatalogStatements {
  static final String CATALOG = "default_catalog";
  static final String DATABASE = "default_database";

  private CatalogStatements() {}

  static StatementResult execute(SqlNode node) {
    if (node instanceof SqlShowCatalogs) {
      return column("catalog name", CATALOG);
    }
    if (node instanceof SqlShowDatabases) {
      return column("database name", DATABASE);
    }
    if (node instanceof SqlShowCurrentCatalog) {
      return column("current catalog name", CATALOG);
    }
    if (node instanceof SqlUse use) {
      use(use);
      return new StatementResult.Ack("Execute statement succeeded.");
    }
    return column("current database name", DATABASE);
  }

  /** Accepts only the one catalog and database there are; anything else fails naming them. */
  private static void use(SqlUse use) {
    SqlIdentifier id = use.name();
    List<String> names = id.names;
    boolean known = use.catalog() ? names.equals(List.of(CATALOG))
        : names.equals(List.of(DATABASE)) || names.equals(List.of(CATALOG, DATABASE));
    if (!known) {
      var pos = id.getParserPosition();
      throw new SqlException(String.format("SQL validation error at line %d, column %d: %s '%s' does not exist;"
              + " Weir has one catalog, '%s', with one database, '%s'", pos.getLineNum(), pos.getColumnNum(),
          use.catalog() ? "Catalog" : "Database", String.join(".", names), CATALOG, DATABASE),
          pos.getLineNum(), pos.getColumnNum(), pos.getEndLineNum(), pos.getEndColumnNum(), null);
    }
  }

  private static StatementResult column(String name, String value) {
    return new StatementResult.TableResult(RowType.builder().add(name, LogicalType.string()).build(),
        List.of(Row.of(value)));
  }
}
