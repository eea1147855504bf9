package io.weir.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real shell in a pseudo-terminal, started from the module's runtime class path: a query's
 * rows appear, Ctrl-C cancels it, a bad statement prints an error, Ctrl-D leaves with exit 0.
 */
class ShellPtyTest {
  /** Generous: a loaded build machine may take many seconds for the first plan. */
  private static final Duration TIMEOUT = Duration.ofSeconds(120);

  private static final Pattern ANSI =
      Pattern.compile("\u001B\\[[0-9;?<=>]*[ -/]*[@-~]|\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)|\u001B[=>()][0-9A-Za-z]?");

  private final StringBuilder output = new StringBuilder();

  @Test
  void queryCtrlCErrorAndCtrlD(@TempDir Path dir) throws Exception {
    String classes = System.getProperty("weir.cli.test.classes");
    String lib = System.getProperty("weir.cli.test.lib");
    assertTrue(classes != null && lib != null && Files.isDirectory(Path.of(lib)),
        "run through Maven (the module's class path comes from weir.cli.test.classes/lib)");
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED",
        "-D" + WeirCli.HISTORY_FILE_PROPERTY + "=" + dir.resolve("history"),
        "-cp", classes + File.pathSeparator + lib + File.separator + "*",
        WeirCli.class.getName());
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put("TERM", "xterm-256color");
    PtyProcess shell = new PtyProcessBuilder(command.toArray(new String[0]))
        .setEnvironment(env)
        .setDirectory(dir.toString())
        .setInitialColumns(160)
        .setInitialRows(40)
        .setRedirectErrorStream(true)
        .start();
    try {
      Thread reader = new Thread(() -> pump(shell), "pty-reader");
      reader.setDaemon(true);
      reader.start();

      int at = waitFor(shell, "weir> ", 0);
      assertTrue(text().contains("SELECT * FROM demo WHERE amount > 100;"), "banner suggests a query");

      type(shell, "SELECT * FROM demo WHERE amount > 0;\r");
      at = waitFor(shell, "| +I |", at);

      type(shell, "\u0003");
      at = waitFor(shell, "[INFO] Query cancelled.", at);
      at = waitFor(shell, "weir> ", at);

      type(shell, "SELEC 1;\r");
      at = waitFor(shell, "[ERROR]", at);
      at = waitFor(shell, "weir> ", at);

      type(shell, "\u0004");
      if (!shell.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        fail("the shell did not exit after Ctrl-D; it printed:\n" + text());
      }
      assertEquals(0, shell.exitValue(), text());
      assertTrue(Files.readString(dir.resolve("history")).contains("SELECT * FROM demo WHERE amount > 0;"));
    } finally {
      if (shell.isAlive()) {
        shell.destroyForcibly();
        shell.waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  private void pump(PtyProcess shell) {
    try (Reader in = new InputStreamReader(shell.getInputStream(), StandardCharsets.UTF_8)) {
      char[] buf = new char[4096];
      int n;
      while ((n = in.read(buf)) >= 0) {
        synchronized (output) {
          output.append(buf, 0, n);
        }
      }
    } catch (IOException e) {
      // the pty closes when the shell exits
    }
  }

  /** What the shell printed so far, escape sequences removed. */
  private String text() {
    synchronized (output) {
      return ANSI.matcher(output).replaceAll("");
    }
  }

  /** Waits until {@code expected} shows after index {@code from}; returns the index after it. */
  private int waitFor(PtyProcess shell, String expected, int from) throws InterruptedException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      String now = text();
      int i = now.indexOf(expected, Math.min(from, now.length()));
      if (i >= 0) {
        return i + expected.length();
      }
      if (!shell.isAlive()) {
        fail("the shell exited (" + shell.exitValue() + ") before printing '" + expected + "':\n" + now);
      }
      Thread.sleep(50);
    }
    fail("no '" + expected + "' within " + TIMEOUT + "; the shell printed:\n" + text());
    return -1;
  }

  private static void type(PtyProcess shell, String keys) throws IOException {
    shell.getOutputStream().write(keys.getBytes(StandardCharsets.UTF_8));
    shell.getOutputStream().flush();
  }
}
