package io.weir.engine;

import io.weir.common.config.Configuration;
import io.weir.planner.Planner;
import io.weir.planner.catalog.Catalog;
import io.weir.runtime.job.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Weir instance: the catalog its sessions share, the jobs it runs, and its default settings.
 * The shell's embedded mode and the REST gateway both drive it through {@link Session}s.
 * Thread-safe.
 */
public final class Engine implements AutoCloseable {
  private final Configuration defaults;
  private final Catalog catalog = new Catalog();
  private final Planner planner;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final java.nio.file.Path stateDirectory;
  private final EngineStore store;
  private volatile boolean closing;
  /** While the catalog is being recreated from the state directory, it must not be saved over. */
  private volatile boolean recovering;

  private Engine(Configuration defaults, java.nio.file.Path stateDirectory) {
    this.defaults = defaults.copy();
    this.stateDirectory = stateDirectory;
    this.store = stateDirectory == null ? null : EngineStore.open(stateDirectory);
    this.planner = new Planner(catalog, new EngineCapabilities(),
        name -> io.weir.runtime.expr.BuiltinFunctions.lookup(name) != null);
  }

  /** An engine with {@code defaults} as every new session's starting configuration. */
  public static Engine create(Configuration defaults) {
    return new Engine(defaults, null);
  }

  /**
   * An engine that keeps its checkpoints and savepoints under {@code stateDirectory} (unless
   * {@code execution.checkpointing.dir} / {@code state.savepoints.dir} say otherwise).
   */
  public static Engine create(Configuration defaults, java.nio.file.Path stateDirectory) {
    Engine engine = new Engine(defaults, stateDirectory);
    try {
      engine.recover();
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
    return engine;
  }

  /**
   * Recreates the catalog kept in the state directory and resumes the jobs that were running when
   * the last process using it ended, each from its latest checkpoint.
   */
  private void recover() {
    recovering = true;
    try {
      recoverCatalogAndJobs();
    } finally {
      recovering = false;
    }
  }

  private void recoverCatalogAndJobs() {
    Session system = newSession();
    String catalogDdl = store.catalog();
    // Views are saved by name, not in the order they depend on each other: retry what failed
    // while each round gets further.
    List<org.apache.calcite.sql.SqlNode> pending = catalogDdl.isBlank() ? List.of()
        : new ArrayList<>(io.weir.sql.parser.WeirSqlParser.parseScript(catalogDdl));
    while (!pending.isEmpty()) {
      List<org.apache.calcite.sql.SqlNode> failed = new ArrayList<>();
      RuntimeException last = null;
      for (var statement : pending) {
        try {
          system.execute(statement, "");
        } catch (RuntimeException e) {
          failed.add(statement);
          last = e;
        }
      }
      if (failed.size() == pending.size()) {
        throw new io.weir.common.error.WeirException("Cannot recreate the catalog kept in " + stateDirectory + ": "
            + last.getMessage(), last);
      }
      pending = failed;
    }
    for (var e : store.jobs().entrySet()) {
      try {
        newSession().resume(e.getKey(), e.getValue());
      } catch (RuntimeException failure) {
        throw new io.weir.common.error.WeirException("Cannot resume job '" + e.getKey() + "' kept in " + stateDirectory
            + ": " + failure.getMessage() + ". Remove " + stateDirectory.resolve("engine/jobs/" + e.getKey() + ".sql")
            + " to start without it.", failure);
      }
    }
  }

  /** Saves the catalog to the state directory, if there is one; called after every DDL statement. */
  void catalogChanged() {
    // While recovering, the saved catalog is the whole truth and the live one only part of it: a
    // crash in the middle of recovering must not leave a partial catalog behind.
    if (store == null || recovering) {
      return;
    }
    StringBuilder ddl = new StringBuilder();
    // Functions first: views may call them.
    for (var f : catalog.functions()) {
      ddl.append(f.ddl()).append(";\n\n");
    }
    // Tables first: views refer to them. Views are saved in name order; recover() retries as needed.
    for (var o : catalog.all()) {
      if (o instanceof io.weir.planner.catalog.CatalogTable) {
        ddl.append(DdlPrinter.print(o)).append(";\n\n");
      }
    }
    for (var o : catalog.all()) {
      if (o instanceof io.weir.planner.catalog.CatalogView) {
        ddl.append(DdlPrinter.print(o)).append(";\n\n");
      }
    }
    store.saveCatalog(ddl.toString());
  }

  /**
   * Keeps the script of a running INSERT job in the state directory until the job ends, so a
   * process started after a crash resumes it. Does nothing without a state directory.
   */
  void persist(Job job, String script) {
    if (store == null) {
      return;
    }
    store.saveJob(job.id(), script);
    job.termination().thenRun(() -> {
      // A job stopped because this process shuts down resumes next time; one that ended does not.
      if (!closing) {
        store.removeJob(job.id());
      }
    });
  }

  boolean persistent() {
    return store != null;
  }

  public static Engine create() {
    return new Engine(new Configuration(), null);
  }

  /** Where jobs of this engine write checkpoints by default: {@code <state dir>/checkpoints}, or null. */
  java.nio.file.Path checkpointRoot() {
    return stateDirectory == null ? null : stateDirectory.resolve("checkpoints");
  }

  /** Where STOP JOB ... WITH SAVEPOINT writes when {@code state.savepoints.dir} is not set. */
  java.nio.file.Path defaultSavepointDirectory() {
    return stateDirectory != null ? stateDirectory.resolve("savepoints")
        : java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "weir-savepoints");
  }

  public Session newSession() {
    return new Session(this, defaults.copy());
  }

  Planner planner() {
    return planner;
  }

  public Catalog catalog() {
    return catalog;
  }

  void register(Job job) {
    jobs.put(job.id(), job);
  }

  public Optional<Job> job(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /** Every job this engine started, running or ended, oldest first. */
  public List<Job> jobs() {
    List<Job> all = new ArrayList<>(jobs.values());
    all.sort((a, b) -> a.startTime().compareTo(b.startTime()));
    return all;
  }

  /**
   * Closes the engine after a last checkpoint of every running INSERT job that checkpoints, so a
   * process started on the same state directory resumes each job from where it stopped (not from
   * its previous periodic checkpoint). Waits up to {@code checkpointTimeout} in all; a job whose
   * checkpoint does not complete in time resumes from its latest earlier one.
   */
  public void closeWithCheckpoints(java.time.Duration checkpointTimeout) {
    closing = true;
    long deadline = System.nanoTime() + checkpointTimeout.toNanos();
    Map<Job, Long> pending = new java.util.HashMap<>();
    for (Job job : jobs.values()) {
      if (job.status() == io.weir.runtime.job.JobStatus.RUNNING && job.checkpointDirectory() != null) {
        var last = job.lastCheckpoint();
        pending.put(job, last == null ? -1L : last.id());
      }
    }
    while (!pending.isEmpty() && System.nanoTime() < deadline) {
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var e = it.next();
        var last = e.getKey().lastCheckpoint();
        if (e.getKey().status().isTerminal() || (last != null && last.id() > e.getValue())) {
          it.remove();
        } else {
          // False while a checkpoint is in progress: then that one is awaited.
          e.getKey().triggerCheckpoint();
        }
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    close();
  }

  /**
   * Cancels every running job. With a state directory, running INSERT jobs are kept there and
   * resume, from their latest checkpoint, when an engine opens the directory again.
   */
  @Override
  public void close() {
    closing = true;
    jobs.values().forEach(Job::cancel);
    if (store != null) {
      store.close();
    }
  }
}
