package io.weir.engine.checkpoint;

import io.weir.common.config.Configuration;
import io.weir.engine.Engine;
import io.weir.runtime.job.Job;
import io.weir.runtime.job.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The Weir process {@link CrashRecoveryTest} kills: opens an engine on a state directory (which
 * resumes the jobs a killed predecessor left running), submits the script if no process did
 * before, and exits once every job has ended — 0 when all finished.
 */
public final class CrashTestProcess {
  private CrashTestProcess() {}

  /**
   * Starts this class's {@link #main} in a new JVM, with the test's class path, on {@code
   * stateDir} and {@code script}; its output is appended to {@code log}.
   */
  public static Process launch(Path stateDir, Path script, Path log) throws java.io.IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        CrashTestProcess.class.getName(), stateDir.toString(), script.toString());
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    return pb.start();
  }

  public static void main(String[] args) throws Exception {
    Path stateDir = Path.of(args[0]);
    Path script = Path.of(args[1]);
    Path submitted = stateDir.resolve("submitted");
    Engine engine = Engine.create(new Configuration(), stateDir);
    if (engine.jobs().isEmpty() && !Files.exists(submitted)) {
      engine.newSession().executeScript(Files.readString(script), r -> {});
      Files.createFile(submitted);
    }
    boolean allFinished = true;
    for (Job job : engine.jobs()) {
      JobStatus status = job.termination().join();
      allFinished &= status == JobStatus.FINISHED;
      System.out.println("job " + job.id() + " " + status + (job.failure() == null ? "" : ": " + job.failure()));
    }
    System.exit(allFinished ? 0 : 1);
  }
}
