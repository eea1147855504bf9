package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.pty4j.PtyProcess;
import com.pty4j.PtyProcessBuilder;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jline.builtins.ScreenTerminal;

/**
 * The real shell ({@link WeirCli}, started from the module's runtime class path) in a
 * pseudo-terminal. What it prints is kept twice: as text with the escape sequences removed (what
 * scrolled by, in order) and as the rendered screen of a VT100 emulator (JLine's
 * {@link ScreenTerminal}), which shows what a user sees now: lines redrawn in place, the
 * alternate screen of a result view, the line being edited. Tests wait for content with a
 * timeout, never for a fixed time.
 */
final class PtyShell implements AutoCloseable {
  /** Generous: a loaded build machine may take many seconds for the first plan. */
  static final Duration TIMEOUT = Duration.ofSeconds(120);

  static final String ENTER = "\r";
  static final String CTRL_C = "\u0003";
  static final String CTRL_D = "\u0004";
  /** The up arrow as a terminal in application-cursor mode (which JLine turns on) sends it. */
  static final String UP = "\u001bOA";

  private static final Pattern ANSI =
      Pattern.compile("\u001B\\[[0-9;?<=>]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)|\u001B[=>()][0-9A-Za-z]?");

  private final PtyProcess process;
  private final StringBuilder output = new StringBuilder();
  private final ScreenTerminal screen;

  private PtyShell(PtyProcess process, int columns, int rows) {
    this.process = process;
    this.screen = new ScreenTerminal(columns, rows);
    Thread reader = new Thread(this::pump, "pty-reader");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts the shell with its history in {@code history}, in a {@code columns} x {@code rows} terminal. */
  static PtyShell start(Path dir, Path history, int columns, int rows, String... args) throws IOException {
    return start(dir, history, "xterm-256color", columns, rows, args);
  }

  /** As {@link #start(Path, Path, int, int, String...)}, on a terminal of type {@code term}. */
  static PtyShell start(Path dir, Path history, String term, int columns, int rows, String... args)
      throws IOException {
    String classes = System.getProperty("weir.cli.test.classes");
    String lib = System.getProperty("weir.cli.test.lib");
    assertTrue(classes != null && lib != null && Files.isDirectory(Path.of(lib)),
        "run through Maven (the module's class path comes from weir.cli.test.classes/lib)");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
        "-D" + WeirCli.HISTORY_FILE_PROPERTY + "=" + history,
        "-cp", classes + File.pathSeparator + lib + File.separator + "*",
        WeirCli.class.getName()));
    command.addAll(List.of(args));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TERM", term);
    PtyProcess process = new PtyProcessBuilder(command.toArray(new String[0]))
        .setEnvironment(env)
        .setDirectory(dir.toString())
        .setInitialColumns(columns)
        .setInitialRows(rows)
        .setRedirectErrorStream(true)
        .start();
    return new PtyShell(process, columns, rows);
  }

  private void pump() {
    try (Reader in = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
      char[] buf = new char[4096];
      int n;
      while ((n = in.read(buf)) >= 0) {
        String chunk = new String(buf, 0, n);
        synchronized (output) {
          output.append(chunk);
        }
        screen.write(chunk);
      }
    } catch (IOException e) {
      // the pty closes when the shell exits
    }
  }

  /** Everything printed so far, escape sequences and carriage returns removed. */
  String text() {
    synchronized (output) {
      return ANSI.matcher(output).replaceAll("").replace("\r", "");
    }
  }

  /** Everything printed so far, escape sequences included. */
  String raw() {
    synchronized (output) {
      return output.toString();
    }
  }

  /** The screen as the user sees it now: one string per line, trailing blanks removed. */
  List<String> screen() {
    List<String> lines = new ArrayList<>();
    String text = screen.toString();
    for (String line : (text.endsWith("\n") ? text.substring(0, text.length() - 1) : text).split("\n", -1)) {
      lines.add(line.stripTrailing());
    }
    return lines;
  }

  /** Resizes the terminal (the emulator first, so the shell's redraw lands on the new size). */
  void resize(int columns, int rows) {
    screen.setSize(columns, rows);
    process.setWinSize(new com.pty4j.WinSize(columns, rows));
  }

  void type(String keys) throws IOException {
    process.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  /** Waits until {@code expected} was printed after index {@code from} of {@link #text()}; returns the index after it. */
  int waitFor(String expected, int from) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String now = text();
      int i = now.indexOf(expected, Math.min(from, now.length()));
      if (i >= 0) {
        return i + expected.length();
      }
      checkAlive("'" + expected + "'");
      Thread.sleep(20);
    }
    fail("no '" + expected + "' within " + TIMEOUT + "; the shell printed:\n" + text());
    return -1;
  }

  /** Waits until the screen satisfies {@code test}; returns that screen. */
  List<String> waitForScreen(String what, Predicate<List<String>> test) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      List<String> now = screen();
      if (test.test(now)) {
        return now;
      }
      checkAlive(what);
      Thread.sleep(20);
    }
    fail("the screen never showed " + what + " within " + TIMEOUT + "; it shows:\n" + String.join("\n", screen())
        + "\n--- printed:\n" + text());
    return null;
  }

  private void checkAlive(String what) {
    if (!process.isAlive()) {
      fail("the shell exited (" + process.exitValue() + ") before showing " + what + ":\n" + text());
    }
  }

  /** Waits for the shell to exit; returns its exit code. */
  int waitForExit() throws InterruptedException {
    if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
      fail("the shell did not exit; it printed:\n" + text());
    }
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
