package io.weir.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.weir.common.types.RowType;

/** A view created with {@code CREATE VIEW}: its query, expanded wherever the view is read. */
public record CatalogView(String name, String query, RowType rowType, boolean temporary)
    implements CatalogObject {
  public CatalogView {
    requireNonNull(name, "name");
    requireNonNull(query, "query");
    requireNonNull(rowType, "rowType");
  }
}
