package io.weir.runtime.operator;

import io.weir.common.config.Configuration;
import io.weir.runtime.expr.CompileContext;

/** What an operator is told when it opens: which parallel instance it is, and the job's settings. */
public interface OperatorContext {

  /** The job's name, for messages. */
  String jobName();

  /** 0-based index of this parallel instance. */
  int subtaskIndex();

  int parallelism();

  Configuration config();

  /** The context expressions are compiled in (the session's time zone). */
  CompileContext compileContext();
}
