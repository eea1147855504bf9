package io.weir.planner.catalog;

import io.weir.common.error.WeirException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The tables and views a session can see, by case-sensitive name. Thread-safe: the shell and the
 * gateway's sessions share one engine-wide catalog.
 */
public final class Catalog {
  private final Map<String, CatalogObject> objects = new ConcurrentSkipListMap<>();
  /** User functions by lower-case name: function names are case-insensitive, as in Flink. */
  private final Map<String, CatalogFunction> functions = new ConcurrentSkipListMap<>();

  public Optional<CatalogObject> get(String name) {
    return Optional.ofNullable(objects.get(name));
  }

  /**
   * Registers {@code object}.
   *
   * @return false when an object of that name exists and {@code ifNotExists} is set (nothing
   *     changes)
   * @throws WeirException when the name is taken and {@code ifNotExists} is not set
   */
  public boolean create(CatalogObject object, boolean ifNotExists) {
    CatalogObject previous = objects.putIfAbsent(object.name(), object);
    if (previous == null) {
      return true;
    }
    if (ifNotExists) {
      return false;
    }
    throw new WeirException(
        (previous instanceof CatalogView ? "A view" : "A table") + " named '" + object.name() + "' already exists");
  }

  /**
   * Removes the table ({@code view == false}) or view named {@code name}.
   *
   * @return false when there is none and {@code ifExists} is set
   */
  public boolean drop(String name, boolean view, boolean ifExists) {
    CatalogObject existing = objects.get(name);
    String kind = view ? "View" : "Table";
    if (existing == null || (existing instanceof CatalogView) != view) {
      if (ifExists) {
        return false;
      }
      if (existing != null) {
        throw new WeirException("'" + name + "' is a " + (view ? "table" : "view") + ", not a " + kind.toLowerCase()
            + "; use DROP " + (view ? "TABLE" : "VIEW"));
      }
      throw new WeirException(kind + " '" + name + "' does not exist");
    }
    return objects.remove(name, existing);
  }

  /**
   * Registers a user function.
   *
   * @return false when one of that name (in any case) exists and {@code ifNotExists} is set
   * @throws WeirException when the name is taken and {@code ifNotExists} is not set
   */
  public boolean createFunction(CatalogFunction function, boolean ifNotExists) {
    CatalogFunction previous = functions.putIfAbsent(functionKey(function.name()), function);
    if (previous == null) {
      return true;
    }
    if (ifNotExists) {
      return false;
    }
    throw new WeirException("A function named '" + previous.name() + "' already exists (class '"
        + previous.className() + "'); DROP FUNCTION it first");
  }

  /**
   * Removes the user function {@code name} (any case).
   *
   * @return false when there is none and {@code ifExists} is set
   */
  public boolean dropFunction(String name, boolean ifExists) {
    if (functions.remove(functionKey(name)) != null) {
      return true;
    }
    if (ifExists) {
      return false;
    }
    throw new WeirException("Function '" + name + "' does not exist (SHOW FUNCTIONS lists them)");
  }

  /** The user function {@code name}, in any case. */
  public Optional<CatalogFunction> function(String name) {
    return Optional.ofNullable(functions.get(functionKey(name)));
  }

  /** The user functions, by name. */
  public List<CatalogFunction> functions() {
    return List.copyOf(functions.values());
  }

  private static String functionKey(String name) {
    return name.toLowerCase(java.util.Locale.ROOT);
  }

  public List<String> tableNames() {
    return objects.values().stream().filter(o -> o instanceof CatalogTable).map(CatalogObject::name).toList();
  }

  public List<String> viewNames() {
    return objects.values().stream().filter(o -> o instanceof CatalogView).map(CatalogObject::name).toList();
  }

  public List<CatalogObject> all() {
    return List.copyOf(objects.values());
  }
}
