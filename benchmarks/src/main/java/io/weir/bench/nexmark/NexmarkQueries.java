package io.weir.bench.nexmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The Nexmark suite as Flink publishes it (github nexmark/nexmark, {@code nexmark-flink/…/queries}),
 * stored as resources under {@code /nexmark/}: {@code ddl.sql} (the {@code datagen} table of the
 * {@code nexmark} connector), {@code views.sql} ({@code person}, {@code auction}, {@code bid}) and
 * one {@code qN.sql} per query, each creating its sink and inserting into it. Where Weir needed a
 * change the file says so in a comment.
 *
 * <p>Use: {@code session.executeScript(NexmarkQueries.script("q5", settings), r -> {})} runs q5 to
 * the end of its events (its last statement is the INSERT, whose job the runner waits for). For
 * q13, first {@link #writeSideInput} the CSV at {@link Settings#sideInputPath()}.
 */
public final class NexmarkQueries {
  /** Rows of q13's side input, as the suite's {@code side_input_gen.sh} writes it. */
  public static final int SIDE_INPUT_ROWS = 10_000;

  /** Queries that do not run: q6 runs on Flink neither (an OVER window over retractions). */
  private static final List<String> NOT_RUNNABLE = List.of("q6");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

  private NexmarkQueries() {}

  /**
   * What a run generates and where it writes.
   *
   * @param events events in total ({@code events.num}), at least 1
   * @param rate events per event-time second ({@code first-event.rate} and {@code next-event.rate})
   * @param seed seed of the generator
   * @param baseTime event time of the first event: epoch millis or {@code yyyy-MM-dd HH:mm:ss} (UTC)
   * @param workDir a directory of the run's own: q10 writes under {@link #outputDir()}, q13 reads
   *     {@link #sideInputPath()}
   */
  public record Settings(long events, long rate, long seed, String baseTime, Path workDir) {
    public Settings {
      if (events < 1) {
        throw new IllegalArgumentException("events must be positive but was " + events);
      }
      if (rate < 1) {
        throw new IllegalArgumentException("rate must be positive but was " + rate);
      }
      Objects.requireNonNull(baseTime, "baseTime");
      workDir = Objects.requireNonNull(workDir, "workDir").toAbsolutePath();
    }

    /** The suite's defaults (rate 10M events/s, seed 0, base time 2024-01-01) for {@code events}. */
    public static Settings of(long events, Path workDir) {
      return new Settings(events, 10_000_000L, 0L, "2024-01-01 00:00:00", workDir);
    }

    /** Where q10's filesystem sink writes: {@code bid/dt=…/hm=…/} under it. */
    public Path outputDir() {
      return workDir.resolve("q10-output");
    }

    /** q13's side input, written by {@link NexmarkQueries#writeSideInput}. */
    public Path sideInputPath() {
      return workDir.resolve("side_input.txt");
    }

    Map<String, String> placeholders() {
      return Map.of(
          "TPS", Long.toString(rate),
          "EVENTS_NUM", Long.toString(events),
          "PERSON_PROPORTION", "1",
          "AUCTION_PROPORTION", "3",
          "BID_PROPORTION", "46",
          "SEED", Long.toString(seed),
          "BASE_TIME", baseTime,
          "NEXMARK_TABLE", "datagen",
          "OUTPUT_DIR", outputDir().toString(),
          "SIDE_INPUT_PATH", sideInputPath().toString());
    }
  }

  /** Every query of the suite, {@code q0} to {@code q22}, in order. */
  public static List<String> names() {
    return IntStream.rangeClosed(0, 22).mapToObj(i -> "q" + i).toList();
  }

  /** The queries Weir runs: all but {@code q6}. */
  public static List<String> runnable() {
    return names().stream().filter(q -> !NOT_RUNNABLE.contains(q)).toList();
  }

  /** The source table and the three views, placeholders filled. */
  public static String ddl(Settings settings) {
    return fill(resource("ddl.sql"), settings) + "\n" + fill(resource("views.sql"), settings);
  }

  /** One query's own statements (its sink, functions, views and the INSERT), placeholders filled. */
  public static String query(String name, Settings settings) {
    if (!names().contains(name)) {
      throw new IllegalArgumentException("No Nexmark query '" + name + "'; there are q0 to q22");
    }
    return fill(resource(name + ".sql"), settings);
  }

  /** {@link #ddl} followed by {@link #query}: the whole script of one query. */
  public static String script(String name, Settings settings) {
    return ddl(settings) + "\n" + query(name, settings);
  }

  /**
   * Writes q13's side input: {@value #SIDE_INPUT_ROWS} lines {@code i,i} for i in [0, 10000), as
   * the suite's {@code SideInputGenerator} does, creating the parent directory.
   */
  public static Path writeSideInput(Path file) {
    List<String> lines = new ArrayList<>(SIDE_INPUT_ROWS);
    for (int i = 0; i < SIDE_INPUT_ROWS; i++) {
      lines.add(i + "," + i);
    }
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the side input " + file, e);
    }
  }

  private static String fill(String sql, Settings settings) {
    Map<String, String> values = settings.placeholders();
    Matcher m = PLACEHOLDER.matcher(sql);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException("No value for ${" + m.group(1) + "}; known: " + values.keySet());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String resource(String file) {
    try (InputStream in = NexmarkQueries.class.getResourceAsStream("/nexmark/" + file)) {
      if (in == null) {
        throw new IllegalStateException("Resource /nexmark/" + file + " is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read /nexmark/" + file, e);
    }
  }
}
