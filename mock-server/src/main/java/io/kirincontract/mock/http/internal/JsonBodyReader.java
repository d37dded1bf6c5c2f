package io.kirincontract.mock.http.internal;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import io.kirincontract.mock.problems.Problem;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a request body as JSON: it must say {@code Content-Type: application/json} (415), fit the size limit
 * (Javalin answers 413) and parse as strict JSON (no duplicate keys, nothing after the value).
 */
final class JsonBodyReader {

  /** The request attribute that keeps the body once read. */
  private static final String BODY = JsonBodyReader.class.getName() + ".body";

  /** The request attribute that keeps the body once parsed (the journal and stubs read it again). */
  private static final String TREE = JsonBodyReader.class.getName() + ".tree";

  private final ObjectMapper mapper;

  JsonBodyReader(long maxBodySize) {
    this.mapper =
        JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();
    int maxString = (int) Math.min(Integer.MAX_VALUE, maxBodySize);
    mapper.getFactory()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxStringLength(maxString).build());
  }

  JsonNode read(Context ctx) {
    JsonNode parsed = ctx.attribute(TREE);
    if (parsed != null) {
      return parsed;
    }
    requireJsonContentType(ctx);
    requireIdentityEncoding(ctx);
    byte[] body = bytes(ctx);
    if (body.length == 0) {
      throw invalid("the body is empty; send a JSON object with \"model\" and the parameters of that model");
    }
    int invalidUtf8 = Utf8.firstInvalid(body);
    if (invalidUtf8 >= 0) {
      throw invalid(Utf8.describe(body, invalidUtf8));
    }
    try {
      JsonNode tree = mapper.readTree(body);
      if (tree == null || tree.isMissingNode()) {
        throw invalid("the body is empty; send a JSON object");
      }
      ctx.attribute(TREE, tree);
      return tree;
    } catch (JsonProcessingException e) {
      throw invalid("the body is not valid JSON (" + describe(e) + ")");
    } catch (IOException e) {
      throw invalid("the body could not be read (" + withoutClassNames(String.valueOf(e.getMessage())) + ")");
    }
  }

  /** The body as parsed by {@link #read}, or null when it was not (or could not be) parsed. */
  static JsonNode parsedOrNull(Context ctx) {
    return ctx.attribute(TREE);
  }

  /** The body's bytes if they were read, else null. */
  static byte[] bytesIfRead(Context ctx) {
    return ctx.attribute(BODY);
  }

  /** The model named by a body, if it is JSON with a string {@code model}; never fails. */
  Optional<String> peekModel(Context ctx) {
    try {
      JsonNode model = mapper.readTree(bytes(ctx)).get("model");
      return model != null && model.isTextual() ? Optional.of(model.textValue()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The body's bytes, read once per request. A body the client did not send in full (it closed the connection early,
   * or stopped sending for the idle timeout) is a 400 {@code invalid_json}, not a 500: Jetty's read fails with an
   * {@code IOException}.
   *
   * <p>A body with a {@code Content-Length} is read into an array of its exact length (a body of up to {@link
   * JettyHandlers#EAGER_BYTES}, every request but those with images in base64, has already arrived when a thread takes
   * the request). Javalin's {@code bodyAsBytes} reads through an 8 KiB buffer and a growing stream, then copies: a
   * third of what a small create allocated, and up to three times a large body's size at once (four 125 MB bodies
   * within a 2 GB heap ran it out). The length is already reserved against the {@link RequestBudget}, so allocating
   * it up front costs nothing unaccounted. Bodies without a length are read by Javalin, which grows its buffer as
   * bytes arrive and enforces the size limit.
   */
  static byte[] bytes(Context ctx) {
    byte[] body = ctx.attribute(BODY);
    if (body == null) {
      body = readOnce(ctx);
      ctx.attribute(BODY, body);
    }
    return body;
  }

  private static byte[] readOnce(Context ctx) {
    try {
      long length = ctx.req().getContentLengthLong();
      if (length < 0 || length > Integer.MAX_VALUE - 16) {
        return ctx.bodyAsBytes();
      }
      byte[] body = new byte[(int) length];
      int read = ctx.req().getInputStream().readNBytes(body, 0, body.length);
      if (read < body.length) {
        throw invalid(
            "the body could not be read in full (the connection ended after " + read + " of " + length + " bytes)");
      }
      return body;
    } catch (java.io.UncheckedIOException e) {
      throw budgetFull(e).orElseGet(() -> invalid("the body could not be read in full (" + unreadable(e) + ")"));
    } catch (RuntimeException e) {
      // Javalin's own responses, such as 413 over the size limit
      if (e instanceof io.javalin.http.HttpResponseException refused && refused.getStatus() == 413) {
        dropTheRest(ctx);
      }
      throw budgetFull(e).map(RuntimeException.class::cast).orElse(e);
    } catch (Exception e) { // an IOException, thrown undeclared from Kotlin
      throw budgetFull(e).orElseGet(() -> invalid("the body could not be read in full (" + unreadable(e) + ")"));
    }
  }

  /**
   * Reads and drops what a client still sends of a body refused while it was read (up to {@link
   * BodyFirst#DRAIN_BYTES}), before the 413 goes out, so that the client reads the answer instead of a reset.
   */
  private static void dropTheRest(Context ctx) {
    try {
      java.io.InputStream in = ctx.req().getInputStream();
      byte[] sink = new byte[8192];
      long dropped = 0;
      int n;
      while (dropped < BodyFirst.DRAIN_BYTES && (n = in.read(sink)) >= 0) {
        dropped += n;
      }
    } catch (IOException | RuntimeException e) {
      // the client went away or went silent: nothing left to answer
    }
  }

  /** A 503 when the read stopped because the budget of bytes in flight was full ({@link BodyFirst}). */
  private static Optional<ApiException> budgetFull(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof RequestBudget.ExhaustedException full) {
        return Optional.of(
            new ApiException(Problem.of("service_unavailable", full.getMessage()), java.util.Map.of("Retry-After", "1")));
      }
    }
    return Optional.empty();
  }

  /**
   * The mock reads bodies as sent: a {@code Content-Encoding} other than {@code identity} (gzip, br, ...) is a 415,
   * not a parse error about compressed bytes.
   */
  private static void requireIdentityEncoding(Context ctx) {
    String encoding = ctx.header("Content-Encoding");
    if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
      throw new ApiException(Problem.of(
              "unsupported_media_type",
              "Content-Encoding " + encoding.trim() + " is not supported; send the body uncompressed (no"
                  + " Content-Encoding, or identity)"));
    }
  }

  private static String unreadable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.util.concurrent.TimeoutException) {
        return "no byte arrived within the idle timeout";
      }
    }
    return "the connection ended before the body did: " + withoutClassNames(String.valueOf(e.getMessage()));
  }

  private static void requireJsonContentType(Context ctx) {
    String contentType = ctx.contentType();
    if ("application/json".equals(contentType)) {
      return; // what nearly every client sends, without splitting and lowering it
    }
    String mime =
        contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mime.equals("application/json") && !(mime.startsWith("application/") && mime.endsWith("+json"))) {
      throw new ApiException(Problem.of(
              "unsupported_media_type",
              "send Content-Type: application/json"
                  + (contentType == null ? " (no Content-Type was sent)" : " (got " + contentType + ")")));
    }
  }

  private static String describe(JsonProcessingException e) {
    String message = e.getOriginalMessage();
    int newline = message == null ? -1 : message.indexOf('\n');
    String first = newline < 0 ? String.valueOf(message) : message.substring(0, newline);
    first = first.replaceAll("\\s*\\(start marker at \\[Source: .*?; line: \\d+, column: \\d+]\\)", "");
    first = withoutClassNames(first);
    JsonLocation location = e.getLocation();
    return location == null
        ? first
        : first + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }

  /**
   * A Jackson message without the library's own names: {@code (1000, from `StreamReadConstraints.getMaxNestingDepth()`)}
   * becomes {@code (1000)}, a class name such as {@code com.fasterxml.jackson.core.JsonParser} is dropped. A user
   * reads what is wrong with the body, not where in the parser it was found.
   */
  static String withoutClassNames(String message) {
    return message
        .replaceAll(",\\s*from\\s*`[^`]*`", "")
        .replaceAll(":?\\s*enable\\s*`[^`]*`\\s*to allow", " (not JSON)")
        .replaceAll("`?\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z][\\w$]*(\\.\\w+\\(\\))?`?:?\\s*", "")
        .replaceAll("`?StreamReadConstraints\\.\\w+\\(\\)`?", "the limit")
        .replaceAll("`[A-Z]\\w*(\\.\\w+)+(\\(\\))?`", "")
        .replace('`', '\'')
        .trim();
  }

  private static ApiException invalid(String message) {
    return new ApiException(Problem.of("invalid_json", message));
  }
}
