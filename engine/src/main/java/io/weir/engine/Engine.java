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

  private Engine(Configuration defaults, java.nio.file.Path stateDirectory) {
    this.defaults = defaults.copy();
    this.stateDirectory = stateDirectory;
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
    return new Engine(defaults, stateDirectory);
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

  /** Cancels every running job. */
  @Override
  public void close() {
    jobs.values().forEach(Job::cancel);
  }
}
