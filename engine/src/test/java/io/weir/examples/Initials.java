package io.weir.examples;

import io.weir.common.functions.ScalarFunction;

/** The docs' example UDF: the initials of a name ({@code 'Peter Smith'} → {@code 'PS'}). */
public class Initials extends ScalarFunction {
  public String eval(String name) {
    if (name == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (String part : name.trim().split("\\s+")) {
      if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0)));
      }
    }
    return out.toString();
  }
}
