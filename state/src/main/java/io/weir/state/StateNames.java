package io.weir.state;

/** Validation of state and timer-service names. */
final class StateNames {
  private StateNames() {}

  static String check(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A state name must not be blank but was '" + name + "'");
    }
    return name;
  }
}
