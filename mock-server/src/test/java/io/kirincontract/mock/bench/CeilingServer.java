package io.kirincontract.mock.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;

/**
 * The benchmark's ceiling: a bare Javalin app with the mock's routes that answers fixed JSON. POST parses the body
 * with Jackson (so body reading and JSON parsing are paid, as in the mock) and nothing else. Every figure of the
 * mock is printed beside this server's, as a ratio. Not part of the mock; lives in test sources.
 *
 * <p>Usage: {@code java -cp kirin-mock-server.jar:test-classes io.kirincontract.mock.bench.CeilingServer [port]}
 */
public final class CeilingServer {

  private static final byte[] TASK =
      ("{\"id\":\"task_ceiling\",\"model\":\"kirin_v3_t2v\",\"status\":\"queued\","
              + "\"created_at\":\"2026-11-22T10:00:00Z\",\"updated_at\":\"2026-11-22T10:00:00Z\","
              + "\"metadata\":{\"resolution\":\"720p\",\"width\":1280,\"height\":720,\"fps\":24,"
              + "\"aspect_ratio\":\"16:9\",\"duration\":5,\"mode\":\"std\",\"sound\":\"off\","
              + "\"ignored_params\":[],\"warnings\":[]}}")
          .getBytes(StandardCharsets.UTF_8);

  private CeilingServer() {}

  public static void main(String[] args) {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8081;
    ObjectMapper mapper = new ObjectMapper();
    Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.http.maxRequestSize = 128L * 1024 * 1024;
              config.jetty.port = port;
              config.routes.addHttpHandler(
                  HandlerType.GET, "/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
              config.routes.addHttpHandler(
                  HandlerType.POST,
                  "/v1/videos/generations",
                  ctx -> {
                    JsonNode body = mapper.readTree(ctx.bodyInputStream());
                    if (!body.isObject()) {
                      ctx.status(400);
                    }
                    ctx.contentType("application/json").result(TASK);
                  });
              config.routes.addHttpHandler(
                  HandlerType.GET,
                  "/v1/videos/generations/{task_id}",
                  ctx -> ctx.contentType("application/json").result(TASK));
            })
        .start();
  }
}
