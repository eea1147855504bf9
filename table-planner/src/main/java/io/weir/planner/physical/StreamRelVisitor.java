package io.weir.planner.physical;

/** Visits the physical stream nodes, e.g. to translate them into operator specs. */
public interface StreamRelVisitor<R> {
  R visit(StreamPhysicalTableSourceScan scan);

  R visit(StreamPhysicalValues values);

  R visit(StreamPhysicalCalc calc);

  R visit(StreamPhysicalUnion union);

  R visit(StreamPhysicalGroupAggregate aggregate);
}
