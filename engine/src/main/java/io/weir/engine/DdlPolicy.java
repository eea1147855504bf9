package io.weir.engine;

import java.util.Map;

/**
 * What statements of a {@link Session} may reach outside the engine: the connector options a
 * {@code CREATE TABLE} gives, and the settings a {@code SET} makes (paths where checkpoints and
 * savepoints go). A front end that serves untrusted clients (the REST gateway) installs one with
 * {@link Session#setDdlPolicy}; the shell runs as its user and installs none.
 *
 * <p>Called on the thread that executes the statement, before anything is registered or stored.
 * A refusal throws a {@link io.weir.common.error.WeirException} whose message names the option
 * and says what would be allowed.
 */
public interface DdlPolicy {
  /** Allows everything: the shell's policy. */
  DdlPolicy ALLOW_ALL = new DdlPolicy() {};

  /** Checks the {@code WITH (...)} options of table {@code table} before it is created. */
  default void checkTableOptions(String table, Map<String, String> options) {}

  /** Checks {@code SET 'key' = 'value'} before the session stores it. */
  default void checkSetting(String key, String value) {}
}
