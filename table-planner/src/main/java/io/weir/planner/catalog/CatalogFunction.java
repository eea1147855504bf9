package io.weir.planner.catalog;

import static java.util.Objects.requireNonNull;

import io.weir.common.functions.EvalMethods;

/**
 * A user-defined scalar function: {@code name} implemented by {@code className}, whose {@code
 * eval} methods were read when it was created.
 *
 * @param system whether it is looked up before the built-ins (CREATE SYSTEM FUNCTION), so it may
 *     shadow one; otherwise a built-in of the same name wins, as in Flink
 * @param temporary as declared; Weir's catalog is engine-wide, so both kinds live until dropped
 */
public record CatalogFunction(String name, String className, boolean system, boolean temporary,
    EvalMethods evals) {
  public CatalogFunction {
    requireNonNull(name, "name");
    requireNonNull(className, "className");
    requireNonNull(evals, "evals");
  }

  /** The DDL that creates it again. */
  public String ddl() {
    return "CREATE " + (temporary ? "TEMPORARY " : "") + (system ? "SYSTEM " : "") + "FUNCTION `"
        + name.replace("`", "``") + "` AS '" + className.replace("'", "''") + "' LANGUAGE JAVA";
  }
}
