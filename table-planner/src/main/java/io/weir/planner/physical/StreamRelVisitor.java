package io.weir.planner.physical;

/** Visits the physical stream nodes, e.g. to translate them into operator specs. */
public interface StreamRelVisitor<R> {
  R visit(StreamPhysicalTableSourceScan scan);

  R visit(StreamPhysicalValues values);

  R visit(StreamPhysicalCalc calc);

  R visit(StreamPhysicalUnion union);

  R visit(StreamPhysicalGroupAggregate aggregate);

  R visit(StreamPhysicalWindowTableFunction windowTableFunction);

  R visit(StreamPhysicalWindowAggregate windowAggregate);

  R visit(StreamPhysicalRank rank);

  R visit(StreamPhysicalDeduplicate deduplicate);

  R visit(StreamPhysicalOverAggregate overAggregate);

  R visit(StreamPhysicalJoin join);

  R visit(StreamPhysicalLookupJoin join);
}
