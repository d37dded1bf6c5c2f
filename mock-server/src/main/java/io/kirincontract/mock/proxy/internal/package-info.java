/**
 * Drift watch: the mock as a judging proxy in front of the real provider (DESIGN §7, docs/drift-watch.md). {@link
 * io.kirincontract.mock.proxy.internal.Forwarder} sends each {@code /v1/} request upstream unchanged; after the answer has gone
 * back, {@link io.kirincontract.mock.proxy.internal.DriftWatch} judges the exchange on a bounded queue: the mock's own verdict
 * ({@link io.kirincontract.mock.proxy.internal.LocalVerdicts}, the one door to the validation pipeline) against the upstream's,
 * and the upstream's answer against the spec ({@link io.kirincontract.mock.proxy.internal.SpecCheck}).
 */
package io.kirincontract.mock.proxy.internal;
