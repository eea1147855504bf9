package io.weir.cli;

import io.weir.engine.DemoTable;
import io.weir.engine.Engine;
import io.weir.engine.Session;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * Weir's SQL shell: {@code weir sql} starts it on the terminal, {@code -f script.sql} and
 * {@code -e "statements"} run SQL without one (see {@link CliArgs#USAGE}). Every mode runs an
 * embedded {@link Engine} in this process.
 *
 * <p>{@link #main} only exits with what {@link #run} returns, so tests drive the shell in-process
 * with their own streams.
 */
public final class WeirCli {
  /** Overrides where the interactive shell keeps its history (default {@code ~/.weir/history}). */
  public static final String HISTORY_FILE_PROPERTY = "weir.history.file";
  /** The same through the environment ({@code WEIR_HISTORY_FILE}); the system property wins. */
  public static final String HISTORY_FILE_ENV = "WEIR_HISTORY_FILE";

  private WeirCli() {}

  public static void main(String[] args) {
    System.exit(run(args, System.in, System.out, System.err));
  }

  /**
   * Runs the shell as the command line {@code args} asks.
   *
   * @param in where statements come from when no terminal is attached (the shell reads the
   *     terminal itself when {@code in} is {@link System#in} and the process has a console)
   * @return the exit code: 0 when every statement succeeded, 1 after a failed one, 2 for bad
   *     options
   */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    PrintWriter stdout = writer(out);
    PrintWriter stderr = writer(err);
    try {
      CliArgs cli;
      try {
        cli = CliArgs.parse(args);
      } catch (IllegalArgumentException e) {
        stderr.println("[ERROR] " + e.getMessage());
        return 2;
      }
      return switch (cli.mode()) {
        case HELP -> {
          stdout.print(CliArgs.USAGE);
          yield 0;
        }
        case FILE -> {
          String script = readFile(Paths.get(cli.source()), stderr);
          yield script == null ? 1 : runScript(script, cli.source(), false, cli, stdout, stderr);
        }
        case EXECUTE -> runScript(cli.source(), "-e", false, cli, stdout, stderr);
        case INTERACTIVE -> in == System.in && System.console() != null
            ? runInteractive(cli, stdout, stderr)
            : runScript(readAll(in, stderr), "standard input", true, cli, stdout, stderr);
      };
    } finally {
      stdout.flush();
      stderr.flush();
    }
  }

  /** An engine on the state directory the command line names, if any. */
  private static Engine engine(CliArgs cli) {
    return cli.stateDir() == null ? Engine.create()
        : Engine.create(new io.weir.common.config.Configuration(), Paths.get(cli.stateDir()));
  }

  /** The file's text, or null after saying on {@code err} why it cannot be read. */
  private static String readFile(Path file, PrintWriter err) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      err.println("[ERROR] Cannot read the script '" + file + "': " + e.getClass().getSimpleName()
          + (e.getMessage() == null || e.getMessage().equals(file.toString()) ? "" : ": " + e.getMessage()));
      return null;
    }
  }

  private static int runScript(String script, String source, boolean withDemo, CliArgs cli, PrintWriter out,
      PrintWriter err) {
    boolean verbose = cli.verbose();
    if (script == null) {
      return 1;
    }
    try (Engine engine = engine(cli)) {
      Session session = engine.newSession();
      if (withDemo) {
        DemoTable.register(session);
      }
      ScriptRunner runner = new ScriptRunner(session, out, err, verbose);
      if (!runInit(cli, runner, err)) {
        return 1;
      }
      return runner.run(script, source);
    } catch (Throwable e) {
      err.print(ErrorReport.format(e, null, verbose));
      return 1;
    }
  }

  /** Runs the {@code -i} script, if any; false when it failed (said on {@code err}). */
  private static boolean runInit(CliArgs cli, ScriptRunner runner, PrintWriter err) {
    if (cli.init() == null) {
      return true;
    }
    String init = readFile(Paths.get(cli.init()), err);
    return init != null && runner.run(init, cli.init()) == 0;
  }

  private static int runInteractive(CliArgs cli, PrintWriter out, PrintWriter err) {
    boolean verbose = cli.verbose();
    Terminal terminal;
    try {
      terminal = TerminalBuilder.builder().name("weir").system(true).nativeSignals(true).build();
    } catch (IOException | RuntimeException e) {
      err.println("[ERROR] Cannot open the terminal: " + e.getMessage());
      return 1;
    }
    try (terminal; Engine engine = engine(cli)) {
      Session session = engine.newSession();
      PrintWriter screen = terminal.writer();
      if (!runInit(cli, new ScriptRunner(session, screen, screen, verbose), screen)) {
        screen.println("[ERROR] The shell did not start: the init script '" + cli.init() + "' failed.");
        screen.flush();
        return 1;
      }
      return new InteractiveShell(terminal, session, historyFile(), verbose).run();
    } catch (Throwable e) {
      err.print(ErrorReport.format(e, null, verbose));
      return 1;
    }
  }

  private static String readAll(InputStream in, PrintWriter err) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      err.println("[ERROR] Cannot read statements from standard input: " + e.getMessage());
      return null;
    }
  }

  static Path historyFile() {
    String configured = System.getProperty(HISTORY_FILE_PROPERTY, System.getenv(HISTORY_FILE_ENV));
    if (configured != null && !configured.isBlank()) {
      return Paths.get(configured);
    }
    String home = System.getProperty("user.home");
    return home == null ? null : Paths.get(home, ".weir", "history");
  }

  /** The version in the jar's manifest, or {@code dev} when run from classes. */
  static String version() {
    String v = WeirCli.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), false);
  }
}
