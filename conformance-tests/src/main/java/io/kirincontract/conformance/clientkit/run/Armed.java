package io.kirincontract.conformance.clientkit.run;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the kit armed for one scenario's key: the stubs' ids, which send {@code Retry-After}, which lose an answer and
 * which refuse the create with the kit's {@code 400}.
 */
record Armed(
    List<String> stubs,
    Map<String, Duration> retryAfterByStub,
    List<String> lostAnswerStubs,
    List<String> badRequestStubs) {}
