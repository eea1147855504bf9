package io.weir.engine;

import io.weir.planner.ConnectorCapabilities;
import io.weir.runtime.connector.FactoryUtil;
import java.util.Map;

/** Answers the planner's questions about connectors from the factories on the class path. */
final class EngineCapabilities implements ConnectorCapabilities {
  @Override
  public boolean supportsProjectionPushDown(Map<String, String> options) {
    return FactoryUtil.connector("?", options).supportsProjectionPushDown();
  }

  @Override
  public boolean supportsLookup(Map<String, String> options) {
    return FactoryUtil.connector("?", options) instanceof io.weir.runtime.connector.SourceFactory source
        && source.supportsLookup();
  }

  @Override
  public boolean sinkAcceptsUpdates(Map<String, String> options) {
    return FactoryUtil.connector("?", options) instanceof io.weir.runtime.connector.SinkFactory sink && sink.acceptsUpdates();
  }

  @Override
  public boolean supportsPartitioning(Map<String, String> options) {
    return FactoryUtil.connector("?", options).supportsPartitioning();
  }

  @Override
  public boolean sourceEmitsUpserts(Map<String, String> options) {
    return FactoryUtil.connector("?", options) instanceof io.weir.runtime.connector.SourceFactory source
        && source.emitsUpserts();
  }

  @Override
  public io.weir.common.plan.ChangelogMode sourceChangelogMode(Map<String, String> options) {
    return FactoryUtil.connector("?", options) instanceof io.weir.runtime.connector.SourceFactory source
        ? source.changelogMode(options) : io.weir.common.plan.ChangelogMode.INSERT_ONLY;
  }

  @Override
  public Map<String, io.weir.common.types.LogicalType> readableMetadata(Map<String, String> options) {
    return FactoryUtil.connector("?", options).readableMetadata();
  }

  @Override
  public boolean supportsFilterPushDown(Map<String, String> options) {
    return FactoryUtil.connector("?", options).supportsFilterPushDown();
  }
}
