package io.kirincontract.conformance.clientkit.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the kit armed for one scenario's key: the stubs' ids, which send {@code Retry-After} and which lose an answer.
 */
record Armed(List<String> stubs, Map<String, Duration> retryAfterByStub, List<String> lostAnswerStubs) {}
