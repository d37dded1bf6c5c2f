package io.kirincontract.mock.proxy.internal;

/** Judges one exchange; runs on the drift watch's own thread, never on a request's. */
@FunctionalInterface
public interface Judge {

  Judgement judge(Exchange exchange);
}
