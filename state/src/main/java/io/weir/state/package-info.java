/**
 * Keyed state for Weir's operators: {@link io.weir.state.ValueState}, {@link
 * io.weir.state.MapState}, {@link io.weir.state.ListState} and {@link io.weir.state.TimerService},
 * declared by name on a {@link io.weir.state.KeyedStateBackend} and organised in key groups
 * ({@link io.weir.state.KeyGroups}) so that a snapshot can be restored at another parallelism.
 *
 * <p><b>Keys are explicit.</b> Every access names its key: {@code counts.put(key, n + 1)}. There is
 * no hidden "current key" to set before an access, so an operator that touches two keys for one
 * row (a join) says which is which.
 *
 * <p><b>Namespaces.</b> Window-like operators keep state per (key, namespace), e.g. per (key,
 * window end). They declare a {@code Namespaced…State} by passing a namespace serializer; every
 * other operator declares the plain variant, whose heap layout is one hash map from key to value
 * with no namespace in it at all — so a namespace costs nothing when unused. Timers always carry
 * a namespace; operators without one use {@link io.weir.state.VoidNamespace}.
 *
 * <p><b>Threads.</b> A backend and everything obtained from it belongs to one task thread. Nothing
 * here is thread-safe, and nothing needs to be.
 *
 * <p><b>Values are not copied.</b> The heap backend stores the very objects it is given. A value
 * must not be mutated after it was put (Weir's {@link io.weir.common.data.Row}s and boxed values
 * are immutable anyway); write a new value instead. That is also what lets a future heap snapshot
 * run copy-on-write, concurrently with processing.
 */
package io.weir.state;
