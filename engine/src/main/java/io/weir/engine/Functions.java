package io.weir.engine;

import io.weir.runtime.expr.BuiltinFunctions;
import java.util.ArrayList;
import java.util.List;

/** The built-in functions a user can call by name, for {@code SHOW FUNCTIONS}. */
final class Functions {
  private Functions() {}

  static List<String> userFacingNames() {
    List<String> names = new ArrayList<>();
    for (String n : BuiltinFunctions.names()) {
      // Operators (+, =, IS NULL…) and internal names are not functions one calls by name.
      if (n.matches("[A-Z][A-Z0-9_]*") && !n.endsWith("_CONSTRUCTOR") && !n.equals("REINTERPRET")
          && !n.equals("DATETIME_PLUS") && !n.equals("MINUS_DATE") && !n.equals("NEGATE") && !n.equals("UNARY_PLUS")
          && !n.equals("FIELD") && !n.equals("ITEM") && !n.equals("AND") && !n.equals("OR") && !n.equals("NOT")
          && !n.equals("IN") && !n.equals("LIKE") && !n.equals("BETWEEN")) {
        names.add(n);
      }
    }
    return names;
  }
}
