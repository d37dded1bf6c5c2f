package io.kirincontract.mock.http.internal;

import io.javalin.http.Context;
import io.kirincontract.mock.journal.internal.KeyIds;
import io.kirincontract.mock.proxy.internal.DriftProxy;
import io.kirincontract.mock.proxy.internal.Exchange;
import io.kirincontract.mock.proxy.internal.ForwardedRequest;
import io.kirincontract.mock.proxy.internal.UpstreamAnswer;
import io.kirincontract.mock.proxy.internal.UpstreamFailure;
import io.kirincontract.mock.problems.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * With {@code --proxy-to}, every {@code /v1/} request: read (the body limit applies), forwarded, the upstream's answer
 * (or the mock's {@code 502}/{@code 504} envelope) written and flushed, and only then queued for judgement. The mock's
 * own faults, key check and stubs do not apply: the upstream answers.
 */
final class ProxyFilter {

  private final DriftProxy proxy;
  private final KeyIds keyIds = new KeyIds();

  ProxyFilter(DriftProxy proxy) {
    this.proxy = proxy;
  }

  void handle(Context ctx) {
    ctx.skipRemainingHandlers();
    Instant at = Instant.now();
    byte[] body = JsonBodyReader.bytes(ctx);
    ForwardedRequest request = new ForwardedRequest(ctx.method().name(), ctx.path(), ctx.queryString(), headers(ctx), body);
    String keyId = keyIds.of(Authenticator.bearerKey(ctx.header("Authorization")));
    Exchange exchange;
    try {
      UpstreamAnswer answer = proxy.forwarder().forward(request);
      answer.headers().forEach((name, values) -> values.forEach(value -> ctx.res().addHeader(name, value)));
      write(ctx, answer.status(), answer.body());
      exchange = exchange(at, ctx, keyId, body, answer.status(), first(answer.headers(), "Content-Type"), answer.body(), null);
    } catch (UpstreamFailure failure) {
      Problem problem = Problem.of(failure.code(), failure.getMessage());
      ctx.attribute(JournalRecorder.PROBLEM, problem);
      ctx.res().setContentType("application/json");
      byte[] envelope = ErrorEnvelope.bytes(List.of(problem));
      write(ctx, failure.status(), envelope);
      exchange = exchange(at, ctx, keyId, body, failure.status(), "application/json", envelope, failure.code());
    }
    proxy.watch().submit(exchange);
  }

  private static Exchange exchange(
      Instant at, Context ctx, String keyId, byte[] body, int status, String contentType, byte[] answer, String failure) {
    return new Exchange(
        at, ctx.method().name(), ctx.path(), ctx.queryString(), keyId, ctx.contentType(), body, status, contentType,
        answer, failure);
  }

  /** Writes the answer now, so that it has gone back before the exchange is queued. */
  private static void write(Context ctx, int status, byte[] body) {
    ctx.status(status);
    ctx.res().setContentLengthLong(body.length);
    try {
      OutputStream out = ctx.res().getOutputStream();
      out.write(body);
      out.flush();
    } catch (IOException e) {
      // the caller has gone: the exchange is still judged
    }
  }

  private static Map<String, List<String>> headers(Context ctx) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : Collections.list(ctx.req().getHeaderNames())) {
      headers.put(name, Collections.list(ctx.req().getHeaders(name)));
    }
    return headers;
  }

  private static String first(Map<String, List<String>> headers, String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
        .map(entry -> entry.getValue().get(0))
        .findFirst()
        .orElse(null);
  }
}
