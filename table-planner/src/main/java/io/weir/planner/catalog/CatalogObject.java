package io.weir.planner.catalog;

import io.weir.common.types.RowType;

/** Something a query can read by name: a table or a view. */
public sealed interface CatalogObject permits CatalogTable, CatalogView {
  String name();

  /** The columns a query sees. */
  RowType rowType();

  /** True for objects that live only as long as the session that made them. */
  boolean temporary();
}
