package io.weir.state;

/**
 * How an operator declares a state: a name, unique within the operator, and the serializers of
 * what it holds. The name is the state's identity across snapshots: a restored state is matched
 * to the declared one by name, and its serializers' signatures must match.
 */
public sealed interface StateDescriptor
    permits ValueStateDescriptor, MapStateDescriptor, ListStateDescriptor {

  String name();
}
