package io.weir.formats.internal;

import io.weir.common.types.LogicalType;
import io.weir.common.types.TypeRoot;

/** Type names for error messages, as a Flink user writes them ({@code INT}, not {@code INTEGER}). */
public final class TypeNames {
  private TypeNames() {}

  public static String of(LogicalType type) {
    return type.root() == TypeRoot.INTEGER ? "INT" : type.withNullable(true).asSummaryString();
  }
}
