package io.weir.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.weir.common.config.CoreOptions;
import io.weir.common.data.Row;
import io.weir.common.data.ValueFormatter;
import io.weir.common.error.SqlException;
import io.weir.common.types.RowType;
import io.weir.sql.parser.WeirSqlParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the SQL examples of the user documentation ({@code docs/*.md}), so the docs cannot rot:
 * every example a page shows as runnable must run, and every result it shows must be what Weir
 * gives.
 *
 * <p>Each page runs in one fresh {@link Engine} and {@link Session}, with the shell's demo table
 * registered (as in {@code ./weir sql}). Its fenced blocks are handled in document order:
 *
 * <ul>
 *   <li><code>```sql</code> — a runnable example. It is run as a script ({@link
 *       Session#executeScript}); every statement must succeed, and every query must end (its rows
 *       are drained with {@link Session#collectAll}), so examples read bounded sources only:
 *       {@code VALUES}, {@code datagen} with {@code number-of-rows} or a sequence, files.
 *   <li><code>```sql norun</code> — shown, never run: unbounded queries, input for the shell.
 *       Renders as SQL all the same (a renderer reads only the first word of the info string).
 *   <li><code>```sql fresh</code> — a runnable example that starts a new engine, without the demo
 *       table, as {@code ./weir sql -f script.sql} does; the blocks after it run there too.
 *   <li><code>```json file=/tmp/weir-docs/orders/orders.json</code> (any language) — sample data:
 *       the block's text is written to that file before the blocks after it run.
 *   <li><code>```json output=/tmp/weir-docs/big_orders</code> (any language) — what a sink wrote:
 *       the lines of the visible files under that path, sorted, must equal the block's lines,
 *       sorted.
 *   <li><code>```text</code> whose first line is a marker, placed right after a runnable block (the
 *       next fenced block), states what that block gives:
 *       <ul>
 *         <li>{@code -- result}: the block's last statement that returns something. For a query,
 *             the table its changelog leaves once applied (an insert or update-after adds a row,
 *             an update-before or delete takes an equal row away; taking away a row that is not
 *             there fails the test), each row written {@code +I[v1, v2]} — each value as the shell
 *             shows it ({@code CAST(v AS STRING)}, {@code NULL} for null) — and sorted, because
 *             parallel tasks interleave. For an insert-only query that is simply its rows. Rows of
 *             SHOW, DESCRIBE and SET are written the same way, in their order. EXPLAIN and SHOW
 *             CREATE TABLE text is compared verbatim.
 *         <li>{@code -- changelog}: every change the block's last query emitted, in order, each
 *             written with its kind: {@code +I[…]}, {@code -U[…]}, {@code +U[…]}, {@code -D[…]}.
 *             The order is only fixed with one task per operator, so the block must run with
 *             {@code parallelism.default} = 1 (the default).
 *         <li>{@code -- error}: the block's last statement must fail, and its message must contain
 *             the rest of the text block.
 *         <li>{@code -- stdout}: the lines the block printed to standard output (the {@code print}
 *             connector), compared sorted (a page may show them in the order they appear).
 *       </ul>
 *       A marker block after anything but a runnable block fails the test: it would be a claim
 *       nothing checks.
 * </ul>
 *
 * <p>Paths: pages name files under {@code /tmp/weir-docs/}, a place a reader can use as is. The
 * test replaces that prefix with a fresh temporary directory per page (and turns the directory
 * back into {@code /tmp/weir-docs} in what it compares), so runs never collide and leave nothing
 * behind.
 *
 * <p>Kafka: a page that names the local dev broker's address ({@value #DEV_BROKER}, what {@code ./weir
 * kafka} listens on) runs against a real in-process broker started for it, its address put in
 * place of that one (and back in what is compared), so Kafka examples run like any other.
 *
 * <p>Coverage: the pages in {@link #MIN_BLOCKS} must exist and run at least that many blocks, and
 * the whole run at least {@link #MIN_TOTAL_BLOCKS}, so renaming fences or deleting examples cannot
 * make this test pass by running nothing. Any other page in {@code docs/} is run too, except the
 * ones in {@link #NOT_RUN}.
 */
class DocsExamplesTest {
  private static final Path DOCS = Path.of("..", "docs");
  private static final String DOCS_DATA = "/tmp/weir-docs";
  private static final String DEV_BROKER = "127.0.0.1:9092";
  private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

  private static final String RESULT = "-- result";
  private static final String ERROR = "-- error";
  private static final String STDOUT = "-- stdout";
  private static final String CHANGELOG = "-- changelog";

  /** Runnable blocks each page must have at least. */
  private static final Map<String, Integer> MIN_BLOCKS = Map.ofEntries(
      Map.entry("README.md", 0),
      Map.entry("getting-started.md", 10),
      Map.entry("sql-reference.md", 41),
      Map.entry("connectors.md", 16),
      Map.entry("architecture.md", 2),
      Map.entry("windows.md", 24),
      Map.entry("aggregations.md", 17),
      Map.entry("joins.md", 38),
      Map.entry("changelog.md", 9),
      Map.entry("top-n-and-dedup.md", 14),
      Map.entry("over.md", 9),
      Map.entry("time-and-watermarks.md", 6),
      Map.entry("kafka.md", 6));

  private static final int MIN_TOTAL_BLOCKS = 186;

  /** Pages not run, each with the reason (none at present: templates use {@code sql norun}). */
  private static final Map<String, String> NOT_RUN = Map.of();

  /** Runnable blocks run, per page, filled in as the page tests run. */
  private final Map<String, Integer> blocksRun = new LinkedHashMap<>();

  private int expectationsChecked;

  @TestFactory
  Stream<DynamicTest> everyPageRunsItsExamples() throws IOException {
    assertTrue(Files.isDirectory(DOCS), "no docs directory at " + DOCS.toAbsolutePath().normalize());
    List<Path> pages;
    try (Stream<Path> files = Files.list(DOCS)) {
      pages = files.filter(p -> p.getFileName().toString().endsWith(".md"))
          .filter(p -> !NOT_RUN.containsKey(p.getFileName().toString()))
          .sorted()
          .toList();
    }
    List<String> names = pages.stream().map(p -> p.getFileName().toString()).toList();
    for (String required : MIN_BLOCKS.keySet()) {
      assertTrue(names.contains(required), "docs/" + required + " is missing; pages: " + names);
    }
    Stream<DynamicTest> perPage = pages.stream()
        .map(page -> DynamicTest.dynamicTest(page.getFileName().toString(), () -> runPage(page)));
    DynamicTest coverage = DynamicTest.dynamicTest("enough examples ran", this::checkCoverage);
    return Stream.concat(perPage, Stream.of(coverage));
  }

  private void checkCoverage() {
    int total = blocksRun.values().stream().mapToInt(Integer::intValue).sum();
    System.out.println("DocsExamplesTest: ran " + total + " SQL blocks " + blocksRun + ", checked "
        + expectationsChecked + " shown results; not run: " + NOT_RUN);
    for (Map.Entry<String, Integer> e : MIN_BLOCKS.entrySet()) {
      int ran = blocksRun.getOrDefault(e.getKey(), 0);
      assertTrue(ran >= e.getValue(), "docs/" + e.getKey() + " ran " + ran + " runnable ```sql blocks, but should run at least "
          + e.getValue() + " (did a fence lose its 'sql', or an example go missing?)");
    }
    assertTrue(total >= MIN_TOTAL_BLOCKS, "the docs ran " + total + " runnable blocks, expected at least " + MIN_TOTAL_BLOCKS);
  }

  // ---- one page -----------------------------------------------------------------------------------

  private void runPage(Path page) throws Exception {
    String name = page.getFileName().toString();
    String text = Files.readString(page);
    List<Block> blocks = Block.parse(text);
    Path data = Files.createTempDirectory("weir-docs-");
    int ran = 0;
    List<String> failures = new ArrayList<>();
    io.weir.connectors.kafka.EmbeddedKafka kafka = text.contains(DEV_BROKER)
        ? io.weir.connectors.kafka.EmbeddedKafka.start(data.resolve(".kafka")) : null;
    String broker = kafka == null ? null : kafka.bootstrapServers();
    Engine engine = Engine.create();
    try {
      Session session = engine.newSession();
      DemoTable.register(session);
      PageContext context = new PageContext(name, data, session, broker);
      for (int i = 0; i < blocks.size(); i++) {
        Block b = blocks.get(i);
        Block next = i + 1 < blocks.size() ? blocks.get(i + 1) : null;
        // A failed block is recorded and the page goes on, so one run shows every broken example.
        try {
          if (b.file() != null) {
            context.writeFile(b);
          } else if (b.output() != null) {
            expectationsChecked++;
            context.checkOutput(b);
          } else if (b.isRunnable()) {
            if (b.attributes().containsKey("fresh")) {
              engine.close();
              engine = Engine.create();
              context = new PageContext(name, data, engine.newSession(), broker);
            }
            Block expectation = next != null && next.marker() != null ? next : null;
            ran++;
            if (expectation != null) {
              expectationsChecked++;
              i++;
            }
            context.run(b, expectation);
          } else if (b.marker() != null) {
            fail(name + " line " + b.line() + ": a '" + b.marker() + "' block must directly follow a runnable ```sql block, "
                + "but follows " + (i == 0 ? "nothing" : "a ```" + blocks.get(i - 1).info() + " block"));
          }
        } catch (AssertionError e) {
          failures.add(e.getMessage());
        }
      }
    } finally {
      engine.close();
      if (kafka != null) {
        kafka.close();
      }
      deleteRecursively(data);
    }
    blocksRun.put(name, ran);
    if (!failures.isEmpty()) {
      fail(failures.size() + " example(s) of docs/" + name + " failed:\n\n" + String.join("\n\n", failures));
    }
  }

  /** The state of one page's run: its session, its data directory and its Kafka broker (or null). */
  private record PageContext(String page, Path data, Session session, String broker) {

    void writeFile(Block b) throws IOException {
      String path = b.file();
      if (!path.startsWith(DOCS_DATA + "/")) {
        fail(page + " line " + b.line() + ": sample files must live under " + DOCS_DATA + "/, not '" + path + "'");
      }
      Path target = Path.of(localize(path));
      Files.createDirectories(target.getParent());
      Files.writeString(target, b.body());
    }

    void checkOutput(Block b) throws IOException {
      if (!b.output().startsWith(DOCS_DATA + "/")) {
        fail(page + " line " + b.line() + ": checked output must live under " + DOCS_DATA + "/, not '" + b.output() + "'");
      }
      Path dir = Path.of(localize(b.output()));
      List<String> lines = new ArrayList<>();
      if (Files.exists(dir)) {
        try (Stream<Path> files = Files.walk(dir)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            if (!dir.relativize(f).toString().matches("(.*/)?[._].*")) {
              lines.addAll(Files.readAllLines(f));
            }
          }
        }
      }
      assertEquals(sortedLines(b.body()), sortedLines(delocalize(String.join("\n", lines))),
          page + " line " + b.line() + ": the files under " + b.output() + " differ from the docs");
    }

    String localize(String text) {
      String local = text.replace(DOCS_DATA, data.toString());
      return broker == null ? local : local.replace(DEV_BROKER, broker);
    }

    String delocalize(String text) {
      String docs = text.replace(data.toString(), DOCS_DATA);
      return broker == null ? docs : docs.replace(broker, DEV_BROKER);
    }

    void run(Block b, Block expectation) {
      String where = page + " line " + b.line();
      String script = localize(b.body());
      String marker = expectation == null ? null : expectation.marker();
      List<Rendered> outputs = new ArrayList<>();
      PrintStream stdout = System.out;
      ByteArrayOutputStream captured = new ByteArrayOutputStream();
      if (STDOUT.equals(marker)) {
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
      }
      Exception failure = null;
      try {
        session.executeScript(script, result -> outputs.add(render(result)));
      } catch (RuntimeException e) {
        failure = e;
      } finally {
        System.setOut(stdout);
      }

      if (ERROR.equals(marker)) {
        if (failure == null) {
          fail(where + ": the example should fail with\n" + expectation.expected() + "\nbut it succeeded");
        }
        int statements = statementCount(script);
        if (statements > 0 && outputs.size() != statements - 1) {
          fail(where + ": statement " + (outputs.size() + 1) + " of " + statements
              + " failed, but only the block's last statement may fail: " + failure.getMessage());
        }
        String message = delocalize(String.valueOf(failure.getMessage()));
        assertTrue(message.contains(expectation.expected()), where + ": the error message\n" + message
            + "\ndoes not contain what the docs show:\n" + expectation.expected());
        return;
      }
      if (failure != null) {
        String message = delocalize(String.valueOf(failure.getMessage()));
        if (message.startsWith("Query did not finish")) {
          message += " (runnable examples must read bounded sources; show an endless query as ```sql norun)";
        }
        throw new AssertionError(where + ": the example failed: " + message, failure);
      }
      Rendered last = outputs.stream().filter(o -> o != null).reduce((a, c) -> c).orElse(null);
      if (RESULT.equals(marker)) {
        if (last == null) {
          fail(where + ": the docs show a result, but no statement of the block returns one");
        }
        assertEquals(expectation.expected(), delocalize(last.result(where)), where + ": the result differs from the docs");
      } else if (CHANGELOG.equals(marker)) {
        if (last == null || last.changelog() == null) {
          fail(where + ": the docs show a changelog, but the block's last statement that returns something is not a query");
        }
        int parallelism = session.config().get(CoreOptions.PARALLELISM);
        if (parallelism != 1) {
          fail(where + ": a changelog's order is only fixed with one task per operator, but 'parallelism.default' is "
              + parallelism + "; show the result instead, or SET 'parallelism.default' = '1'");
        }
        assertEquals(expectation.expected(), delocalize(String.join("\n", last.changelog())),
            where + ": the changelog differs from the docs");
      } else if (STDOUT.equals(marker)) {
        String printed = captured.toString(StandardCharsets.UTF_8);
        stdout.print(printed);
        assertEquals(sortedLines(expectation.expected()), sortedLines(delocalize(printed)),
            where + ": the printed lines differ from the docs");
      }
    }

    /** What a result is compared by, or null for one that shows nothing (CREATE, INSERT…). */
    Rendered render(StatementResult result) {
      ZoneId zone = ZoneId.of(session.config().get(CoreOptions.LOCAL_TIME_ZONE));
      if (result instanceof StatementResult.QueryResult q) {
        List<Row> rows;
        try {
          rows = Session.collectAll(q, QUERY_TIMEOUT);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
        return new Rendered(null, rows.stream().map(r -> renderRow(r, q.schema(), zone)).toList());
      }
      if (result instanceof StatementResult.TableResult t) {
        return new Rendered(t.rows().stream().map(r -> renderRow(r, t.schema(), zone)).collect(Collectors.joining("\n")), null);
      }
      if (result instanceof StatementResult.TextResult t) {
        return new Rendered(normalize(t.text()), null);
      }
      return null;
    }
  }

  /**
   * A statement's output as the docs show it: {@code text} for SHOW, DESCRIBE, SET, EXPLAIN…, or
   * the {@code changelog} of a query, each change rendered as {@link #renderRow} does.
   */
  record Rendered(String text, List<String> changelog) {
    /** What {@code -- result} compares: the text, or the table the query's changelog leaves. */
    String result(String where) {
      return changelog == null ? text : String.join("\n", finalTable(changelog, where));
    }
  }

  /**
   * Applies a changelog: {@code +I} and {@code +U} add a row, {@code -U} and {@code -D} take an
   * equal one away. The rows left, as {@code +I[…]}, sorted.
   */
  static List<String> finalTable(List<String> changelog, String where) {
    Map<String, Integer> counts = new HashMap<>();
    for (String change : changelog) {
      String kind = change.substring(0, 2);
      String values = change.substring(2);
      boolean add = kind.equals("+I") || kind.equals("+U");
      int n = counts.getOrDefault(values, 0) + (add ? 1 : -1);
      if (n < 0) {
        fail(where + ": the query's changelog takes away a row that is not in its result: " + change
            + "\nchangelog:\n" + String.join("\n", changelog));
      }
      if (n == 0) {
        counts.remove(values);
      } else {
        counts.put(values, n);
      }
    }
    List<String> rows = new ArrayList<>();
    counts.forEach((values, n) -> {
      for (int i = 0; i < n; i++) {
        rows.add("+I" + values);
      }
    });
    rows.sort(null);
    return rows;
  }

  /** {@code +I[1, abc, 2024-05-01 09:15:00.000, NULL]}: values as the shell shows them. */
  static String renderRow(Row row, RowType type, ZoneId zone) {
    StringBuilder sb = new StringBuilder(row.kind().shortString()).append('[');
    for (int i = 0; i < row.arity(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(ValueFormatter.format(row.field(i), type.type(i), "NULL", zone));
    }
    return sb.append(']').toString();
  }

  /** How many statements a script has, or 0 when it does not parse (the parse error is the failure). */
  private static int statementCount(String script) {
    try {
      return WeirSqlParser.parseScript(script).size();
    } catch (SqlException e) {
      return 0;
    }
  }

  /** Trailing blanks of every line and trailing empty lines removed. */
  static String normalize(String text) {
    String stripped = Arrays.stream(text.split("\r?\n", -1)).map(String::stripTrailing).collect(Collectors.joining("\n"));
    return stripped.replaceAll("\n+$", "");
  }

  private static String sortedLines(String text) {
    return Arrays.stream(normalize(text).split("\n")).filter(l -> !l.isEmpty()).sorted().collect(Collectors.joining("\n"));
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  // ---- Markdown -------------------------------------------------------------------------------------

  /**
   * A fenced block: <code>```info</code> … <code>```</code> at the start of a line.
   *
   * @param info the info string: a language, then words ({@code norun}) or {@code key=value}s
   * @param body the lines between the fences, each ending in a line break
   * @param line the 1-based line of the opening fence
   */
  record Block(String info, String body, int line) {
    String language() {
      String[] words = info.split("\\s+");
      return words[0];
    }

    Map<String, String> attributes() {
      Map<String, String> attributes = new HashMap<>();
      String[] words = info.split("\\s+");
      for (int i = 1; i < words.length; i++) {
        int eq = words[i].indexOf('=');
        attributes.put(eq < 0 ? words[i] : words[i].substring(0, eq), eq < 0 ? "" : words[i].substring(eq + 1));
      }
      return attributes;
    }

    boolean isRunnable() {
      return language().equals("sql") && !attributes().containsKey("norun") && file() == null && output() == null;
    }

    /** The path of a sample-data block, or null. */
    String file() {
      return attributes().get("file");
    }

    /** The directory whose files an output block shows, or null. */
    String output() {
      return attributes().get("output");
    }

    /** {@code -- result}, {@code -- changelog}, {@code -- error} or {@code -- stdout} for an expectation block, else null. */
    String marker() {
      if (!language().equals("text")) {
        return null;
      }
      String first = body.lines().findFirst().orElse("").strip();
      return first.equals(RESULT) || first.equals(CHANGELOG) || first.equals(ERROR) || first.equals(STDOUT) ? first : null;
    }

    /** What an expectation block states: its lines after the marker. */
    String expected() {
      String afterMarker = body.substring(body.indexOf('\n') + 1);
      return normalize(afterMarker);
    }

    /** Fences may be indented (inside a list item); the body loses the fence's indentation. */
    static List<Block> parse(String markdown) {
      List<Block> blocks = new ArrayList<>();
      String[] lines = markdown.split("\r?\n", -1);
      for (int i = 0; i < lines.length; i++) {
        if (!lines[i].stripLeading().startsWith("```")) {
          continue;
        }
        int open = i;
        String indent = lines[i].substring(0, lines[i].indexOf('`'));
        String info = lines[i].strip().substring(3).strip();
        StringBuilder body = new StringBuilder();
        for (i++; i < lines.length && !lines[i].strip().equals("```"); i++) {
          body.append(lines[i].startsWith(indent) ? lines[i].substring(indent.length()) : lines[i].stripLeading()).append('\n');
        }
        if (i == lines.length) {
          fail("the fenced block opened at line " + (open + 1) + " is never closed");
        }
        blocks.add(new Block(info, body.toString(), open + 1));
      }
      return blocks;
    }
  }
}
