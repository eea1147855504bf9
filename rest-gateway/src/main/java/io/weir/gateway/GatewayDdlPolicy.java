package io.weir.gateway;

import io.weir.common.error.WeirException;
import io.weir.engine.DdlPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a gateway client may not do with DDL and SET, since the statement runs with the server's
 * rights: give a Kafka client properties that load classes, JAAS configurations or files on the
 * server (the CVE-2023-25194 class: {@code sasl.jaas.config}, {@code *.class(es)},
 * {@code ssl.*.location}, {@code config.providers}, ...), or name a file-system path outside the
 * roots the server allows ({@code --allowed-path}).
 */
final class GatewayDdlPolicy implements DdlPolicy {
  private final List<Path> allowedRoots;

  GatewayDdlPolicy(List<Path> allowedRoots) {
    this.allowedRoots = allowedRoots.stream().map(GatewayDdlPolicy::real).toList();
  }

  @Override
  public void checkTableOptions(String table, Map<String, String> options) {
    for (var e : options.entrySet()) {
      String key = e.getKey();
      if (key.startsWith("properties.")) {
        String why = forbiddenClientProperty(key.substring("properties.".length()).toLowerCase(Locale.ROOT));
        if (why != null) {
          throw new WeirException("Option '" + key + "' of table '" + table + "' is not allowed through the gateway: "
              + why + " on the server (the CVE-2023-25194 class of attack). Configure such settings on the server,"
              + " or create the table from the shell.");
        }
      } else if (isPathOption(key)) {
        checkPath("Option '" + key + "' of table '" + table + "'", e.getValue());
      }
    }
  }

  @Override
  public void checkSetting(String key, String value) {
    if (isPathOption(key)) {
      checkPath("Setting '" + key + "'", value);
    }
  }

  /** Why a Kafka client property may not come from a client, or null when it may. */
  static String forbiddenClientProperty(String p) {
    if (p.equals("sasl.jaas.config")) {
      return "it loads a JAAS login module";
    }
    if (p.endsWith(".class") || p.endsWith(".classes") || p.equals("metric.reporters")) {
      return "it loads a class";
    }
    if (p.equals("config.providers") || p.startsWith("config.providers.")) {
      return "it loads a config provider that reads files";
    }
    if (p.contains("location") || p.endsWith(".file") || p.endsWith(".path")) {
      return "it reads a file";
    }
    if (p.startsWith("sasl.oauthbearer.") && p.endsWith(".url")) {
      return "it fetches a URL (file: URLs read files)";
    }
    if (p.startsWith("sasl.kerberos.")) {
      return "it runs a command or reads a keytab";
    }
    return null;
  }

  private static boolean isPathOption(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return k.equals("path") || k.endsWith(".path") || k.endsWith(".dir") || k.endsWith(".directory");
  }

  private void checkPath(String what, String value) {
    String text = value.startsWith("file://") ? value.substring("file://".length())
        : value.startsWith("file:") ? value.substring("file:".length()) : value;
    if (text.isBlank()) {
      return; // an empty setting means "the default", which the server chose
    }
    Path path;
    try {
      path = real(Path.of(text));
    } catch (InvalidPathException e) {
      throw new WeirException(what + " is not a valid path: '" + value + "'");
    }
    for (Path root : allowedRoots) {
      if (path.startsWith(root)) {
        return;
      }
    }
    throw new WeirException(what + " = '" + value + "' is outside the directories this gateway allows ("
        + (allowedRoots.isEmpty() ? "none: start the gateway with --allowed-path DIR to allow one"
            : String.join(", ", allowedRoots.stream().map(Path::toString).toList()) + "; more with --allowed-path DIR")
        + ").");
  }

  /**
   * The absolute, normalised path with symbolic links of its existing part resolved, so that
   * neither {@code ..} nor a link leads out of an allowed root.
   */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs)).normalize();
    } catch (IOException e) {
      return abs;
    }
  }
}
