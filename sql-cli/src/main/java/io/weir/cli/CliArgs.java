package io.weir.cli;

/**
 * The shell's command line: what to run and how.
 *
 * @param mode the shell, a file, statements given inline, or the usage text
 * @param source the file of {@link Mode#FILE}, the statements of {@link Mode#EXECUTE}, else null
 * @param verbose whether errors come with their stack trace
 * @param stateDir the engine's state directory ({@code --state-dir}), or null
 * @param init a script to run before anything else ({@code -i}), or null
 */
record CliArgs(Mode mode, String source, boolean verbose, String stateDir, String init) {

  CliArgs(Mode mode, String source, boolean verbose) {
    this(mode, source, verbose, null, null);
  }

  enum Mode { INTERACTIVE, FILE, EXECUTE, HELP }

  static final String USAGE = """
      Usage: weir sql [options]

      Starts Weir's interactive SQL shell, or runs SQL without one.

      Options:
        -f, --file <script.sql>   Run the statements of a file, then exit.
        -e, --execute <sql>       Run the given statements (each ending with ';'), then exit.
        -i, --init <init.sql>     Run the statements of a file first (SET, CREATE TABLE, ...),
                                  then the shell, -f or -e; the shell does not start when one fails.
        --state-dir <dir>         Keep the catalog, running INSERT jobs and their checkpoints in
                                  <dir>: started again on the same directory (even after the
                                  process was killed), Weir resumes those jobs.
        -v, --verbose             Print a stack trace with every error.
        -h, --help                Print this help and exit.

      Without -f or -e the interactive shell starts, with a demo table `demo`; when standard
      input is not a terminal, its statements are run instead.
      Exit status: 0 when every statement succeeded, 1 after the first one that failed,
      2 for bad options.
      """;

  /** Reads {@code args}; throws {@link IllegalArgumentException} with a message for bad ones. */
  static CliArgs parse(String[] args) {
    Mode mode = Mode.INTERACTIVE;
    String source = null;
    boolean verbose = false;
    String stateDir = null;
    String init = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        inline = arg.substring(eq + 1);
        arg = arg.substring(0, eq);
      }
      switch (arg) {
        case "-h", "--help", "-help", "help" -> {
          return new CliArgs(Mode.HELP, null, verbose, null, null);
        }
        case "-v", "--verbose" -> verbose = true;
        case "--state-dir" -> {
          if (inline == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("Option '--state-dir' needs a directory: --state-dir /var/lib/weir");
            }
            inline = args[++i];
          }
          stateDir = inline;
        }
        case "-i", "--init" -> {
          if (init != null) {
            throw new IllegalArgumentException("Give one -i, not two (got '" + args[i] + "' again).");
          }
          if (inline == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("Option '" + arg + "' needs a file: -i init.sql");
            }
            inline = args[++i];
          }
          init = inline;
        }
        case "-f", "--file", "-e", "--execute" -> {
          Mode wanted = arg.equals("-f") || arg.equals("--file") ? Mode.FILE : Mode.EXECUTE;
          if (mode != Mode.INTERACTIVE) {
            throw new IllegalArgumentException("Give one -f or -e, not both or twice (got '" + arg + "' after "
                + (mode == Mode.FILE ? "-f" : "-e") + ").");
          }
          if (inline == null) {
            if (i + 1 >= args.length) {
              throw new IllegalArgumentException("Option '" + arg + "' needs a value: "
                  + (wanted == Mode.FILE ? "-f script.sql" : "-e \"SELECT 1;\""));
            }
            inline = args[++i];
          }
          mode = wanted;
          source = inline;
        }
        default -> throw new IllegalArgumentException("Unknown option '" + args[i] + "'. Try --help.");
      }
    }
    return new CliArgs(mode, source, verbose, stateDir, init);
  }
}
