package io.kirincontract.mock.robustness;

import java.util.Map;
import java.util.SplittableRandom;

/** Header values, methods and paths for the fuzz properties, odd ones first. */
final class Headers {

  private static final String[] AUTHORIZATIONS = {
    null, "", "Bearer", "Bearer ", "Bearer    ", "bearer fuzz-key", "BEARER fuzz-key", "Bearer fuzz-key",
    "Bearer  fuzz-key  ", "Basic ZnV6ejprZXk=", "Token fuzz-key", "fuzz-key", "Bearer fuzz key with spaces",
    "Bearer \u00e9t\u00e9", "Bearer fuzz-key, Bearer other", "Bearer\tfuzz-key", "Digest x", "Bearer null",
  };

  private static final String[] CONTENT_TYPES = {
    null, "", "application/json", "application/json; charset=utf-8", "application/json;charset=ISO-8859-1",
    "APPLICATION/JSON", "application/problem+json", "application/vnd.kirin+json", "application/jsonx",
    "application/json5", "text/json", "text/plain", "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=x", "application/xml", "*/*", "application/*", "json", ";", "application/json;",
    "application/json; charset=", "application/json; boundary=\"", "application/json, text/plain",
    "application/octet-stream", "image/png",
  };

  private static final String[] METHODS = {
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "MKCOL", "post",
    "Get", "BREW", "X", "GET-POST", "PRI", "SEARCH", "QUERY", "M-SEARCH",
  };

  private static final String[] PATHS = {
    "/v1/videos/generations", "/v1/videos/generations/", "/v1/videos/generations//", "//v1/videos/generations",
    "/v1/videos/generations?model=kirin_v3_t2v", "/v1/videos/generations/external", "/v1/videos/generations/external/",
    "/v1/videos/generations/task_00000000000000000000000000", "/v1/videos/generations/external/order-1",
    "/v1/videos/generations/%00", "/v1/videos/generations/%2F..%2F..%2Fhealth", "/v1/videos/generations/%zz",
    "/v1/videos/generations/..", "/v1/videos/generations/../../health", "/v1/videos/generations/%E2%82%AC",
    "/v1/videos/generations/\u20ac", "/v1/videos/generations/a;b=c", "/v1/videos/generations/a?b#c", "/v1",
    "/v1/", "/v1/videos", "/v2/videos/generations", "/V1/VIDEOS/GENERATIONS", "/", "", "*", "/health", "/health/",
    "/openapi.yaml", "/files/x/y/video.mp4", "/files/task_0/token/video.mp4", "/files/%2e%2e/%2e%2e/etc/passwd",
    "/__admin", "/__admin/nothing", "/__admin/tasks/%00", "http://127.0.0.1/v1/videos/generations",
    "/v1/videos/generations/external/%F0%9F%A6%8A", "/v1/videos/generations?\u0000", "/v1/videos/generations%20",
    "/v1/videos/generations\ttab", "/\\v1\\videos",
  };

  private Headers() {}

  static String authorization(SplittableRandom random) {
    return random.nextInt(10) == 0
        ? "Bearer " + JsonValues.ascii(random, Gen.size(9_000).next(random))
        : AUTHORIZATIONS[random.nextInt(AUTHORIZATIONS.length)];
  }

  static String contentType(SplittableRandom random) {
    return CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
  }

  /** Sometimes another header that may confuse: the scenario header, Expect, Accept, odd names. */
  static void extra(SplittableRandom random, Map<String, String> headers) {
    switch (random.nextInt(10)) {
      case 0 -> headers.put("X-Kirin-Mock-Scenario", JsonValues.string(random));
      case 1 -> headers.put("X-Kirin-Mock-Scenario", new String[] {
          "fail=default", "hold=queued", "duration=PT0S", "duration=PT25H", "fail=006001095@done", "fail=;hold=",
          "hold=processing; fail=default@queued", "duration=P1000000000D", "duration=PT-1S", ";;;"}[random.nextInt(10)]);
      case 2 -> headers.put("Accept", new String[] {"text/html", "application/xml", "*/*", "", "image/png"}[random.nextInt(5)]);
      case 3 -> headers.put("Content-Encoding", new String[] {"gzip", "br", "identity", "x"}[random.nextInt(4)]);
      case 4 -> headers.put("Transfer-Encoding", new String[] {"chunked", "gzip", "identity", "x"}[random.nextInt(4)]);
      case 5 -> headers.put("Content-Length", new String[] {"-1", "0", "1", "99999999999999999999", "x", "5, 6"}[random.nextInt(6)]);
      case 6 -> headers.put("X-Odd\u0001", "value");
      case 7 -> headers.put("X-Long", "v".repeat(Gen.size(20_000).next(random)));
      default -> {}
    }
  }

  static String method(SplittableRandom random) {
    return random.nextInt(8) == 0 ? JsonValues.ascii(random, 1 + random.nextInt(12)) : METHODS[random.nextInt(METHODS.length)];
  }

  static String path(SplittableRandom random) {
    return switch (random.nextInt(8)) {
      case 0 -> "/v1/videos/generations/" + JsonValues.ascii(random, Gen.size(300).next(random));
      case 1 -> "/v1/videos/generations/" + "x".repeat(Gen.size(20_000).next(random));
      case 2 -> "/v1/videos/generations/external/" + JsonValues.unicode(random, Gen.size(50).next(random));
      default -> PATHS[random.nextInt(PATHS.length)];
    };
  }
}
