package io.kirincontract.mock.proxy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.kirincontract.spec.KirinSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code --proxy-record DIR}: writes each drifted create whose disagreement names a rule of {@code x-kirin-rules} as a
 * case file of the conformance suite's format ({@code model}, {@code base}, {@code cases}), which its {@code --cases
 * DIR} replays. The case is the mock's verdict: the request breaks the rule and must be answered with the mock's status
 * and code, so a provider that still disagrees fails it. The file holds the request body only, never a key.
 */
public final class CaseRecorder {

  private static final Logger LOG = LoggerFactory.getLogger(CaseRecorder.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));

  private final Path directory;
  private final KirinSpec spec;
  private final AtomicLong written = new AtomicLong();

  public CaseRecorder(Path directory, KirinSpec spec) {
    this.directory = directory;
    this.spec = spec;
  }

  /** Writes the exchange's case file, if its judgement names a rule of the spec; returns the file. */
  public java.util.Optional<Path> record(Exchange exchange, Judgement judgement) {
    Verdict local = judgement.local();
    if (local == null || local.isAccepted() || local.rule() == null || spec.rule(local.rule()).isEmpty()) {
      return java.util.Optional.empty();
    }
    Drift drift =
        judgement.drifts().stream().filter(d -> local.rule().equals(d.rule())).findFirst().orElse(null);
    String model = DriftLog.model(exchange);
    JsonNode body = parse(exchange.body());
    if (drift == null || model == null || body == null || !body.isObject()) {
      return java.util.Optional.empty();
    }
    ObjectNode file = YAML.createObjectNode();
    file.put("model", model);
    file.set("base", body);
    ObjectNode entry = file.putArray("cases").addObject();
    entry.put("rule", local.rule());
    entry.put(
        "break",
        drift.kind().wireName() + " seen " + exchange.at() + ": the upstream answered " + judgement.upstream().status()
            + (judgement.upstream().code() == null ? "" : " " + judgement.upstream().code()));
    entry.putObject("expect").put("status", local.status()).put("code", local.code());
    Path target =
        directory.resolve(
            "drift-" + model.replaceAll("[^A-Za-z0-9_.-]", "_") + "-" + local.rule().replaceAll("[^A-Za-z0-9_.-]", "_")
                + "-" + exchange.at().toEpochMilli()
                + "-" + written.incrementAndGet() + ".yaml");
    try {
      Files.createDirectories(directory);
      YAML.writeValue(target.toFile(), file);
      return java.util.Optional.of(target);
    } catch (IOException e) {
      LOG.warn("could not write the drift case {}: {}", target, e.toString());
      return java.util.Optional.empty();
    }
  }

  private static JsonNode parse(byte[] body) {
    try {
      return body.length == 0 ? null : JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
