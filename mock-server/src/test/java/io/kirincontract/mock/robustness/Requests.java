package io.kirincontract.mock.robustness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kirincontract.spec.KirinSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** The generators of the fuzz properties, one per kind of bad input; valid requests are mixed in. */
final class Requests {

  /** The spec's request examples (one per model and feature), by name. */
  private static final Map<String, JsonNode> EXAMPLES = KirinSpec.load().requestExamples();

  private static final List<String> EXAMPLE_NAMES = List.copyOf(EXAMPLES.keySet());

  private Requests() {}

  static ObjectNode example(SplittableRandom random, StringBuilder says) {
    String name = EXAMPLE_NAMES.get(random.nextInt(EXAMPLE_NAMES.size()));
    says.append(name).append(": ");
    return (ObjectNode) EXAMPLES.get(name).deepCopy();
  }

  /** A spec example edited on its tree, and one time in five spoiled as text as well. */
  static Gen<Probe> mutatedBodies() {
    return random -> {
      StringBuilder says = new StringBuilder();
      ObjectNode body = Mutations.mutate(random, example(random, says), says);
      byte[] json = Mutations.write(body);
      if (random.nextInt(5) == 0) {
        json = Mutations.corrupt(random, json, says);
      }
      return Probe.create(says.toString(), json);
    };
  }

  /** A spec example with one field, anywhere in it, given a value of each other JSON type in turn. */
  static Gen<Probe> wrongTypes() {
    return random -> {
      StringBuilder says = new StringBuilder("wrong type in ");
      ObjectNode body = example(random, says);
      List<String> paths = new ArrayList<>();
      collectPaths(body, "", paths);
      String path = paths.get(random.nextInt(paths.size()));
      JsonNode value = JsonValues.any(random, 1);
      set(body, path, value);
      says.append(path).append(" = ").append(abbreviate(value.toString()));
      return Probe.create(says.toString(), Mutations.write(body));
    };
  }

  /** A spec example whose image or video fields hold any media value. */
  static Gen<Probe> mediaValues() {
    return random -> {
      StringBuilder says = new StringBuilder("media values in ");
      ObjectNode body = example(random, says);
      List<String> media = new ArrayList<>();
      collectPaths(body, "", media);
      media.removeIf(path -> !path.matches(".*(image|image_tail|image_url|video_url)$"));
      if (media.isEmpty()) {
        media.add(random.nextBoolean() ? "image" : "image_tail");
      }
      int count = 1 + random.nextInt(media.size());
      for (int i = 0; i < count; i++) {
        String path = media.get(random.nextInt(media.size()));
        String value = MediaValues.any(random);
        set(body, path, com.fasterxml.jackson.databind.node.TextNode.valueOf(value));
        says.append(i == 0 ? "" : ", ").append(path).append(" = ").append(abbreviate(value));
      }
      return Probe.create(says.toString(), Mutations.write(body));
    };
  }

  /** Random bytes, random text, random JSON values: anything but a request. */
  static Gen<Probe> randomBodies() {
    return random -> switch (random.nextInt(5)) {
      case 0, 1 -> {
        byte[] bytes = MediaValues.randomBytes(random, Gen.size(20_000).next(random));
        yield Probe.create("random bytes (" + bytes.length + ")", bytes);
      }
      case 2 -> Probe.create("random text", JsonValues.unicode(random, Gen.size(5_000).next(random)));
      case 3 -> Probe.create("a random JSON value", Mutations.write(JsonValues.any(random, 4)));
      default -> {
        ObjectNode object = JsonValues.object(random, 3);
        if (random.nextBoolean()) {
          object.put("model", random.nextBoolean() ? "kirin_v3_t2v" : JsonValues.string(random));
        }
        yield Probe.create("a random JSON object", Mutations.write(object));
      }
    };
  }

  /** A valid or mutated body with Content-Type and Authorization variants, or one missing. */
  static Gen<Probe> headerVariants() {
    Gen<Probe> bodies = Gen.oneOf(mutatedBodies(), validBodies());
    return random -> {
      Probe probe = bodies.next(random);
      Map<String, String> headers = new LinkedHashMap<>();
      String authorization = Headers.authorization(random);
      String contentType = Headers.contentType(random);
      if (random.nextBoolean()) {
        headers.put("Content-Type", contentType);
        headers.put("Authorization", authorization);
      } else {
        headers.put("Authorization", authorization);
        headers.put("Content-Type", contentType);
      }
      Headers.extra(random, headers);
      return probe.withHeaders(headers).describedAs(probe.says() + " with headers");
    };
  }

  /** Odd methods and paths, with or without a key and a body. */
  static Gen<Probe> oddRequests() {
    Gen<Probe> bodies = Gen.oneOf(validBodies(), mutatedBodies(), randomBodies());
    return random -> {
      Probe probe = bodies.next(random);
      String method = Headers.method(random);
      String path = Headers.path(random);
      Map<String, String> headers = random.nextInt(4) == 0 ? new LinkedHashMap<>() : Probe.defaultHeaders();
      byte[] body = random.nextInt(3) == 0 ? new byte[0] : probe.body();
      return new Probe("odd request " + method + " " + abbreviate(path), method, path, headers, body);
    };
  }

  /** Unchanged spec examples: the valid requests among the bad. */
  static Gen<Probe> validBodies() {
    return random -> {
      StringBuilder says = new StringBuilder("valid ");
      ObjectNode body = example(random, says);
      body.remove("external_task_id"); // reused ids would be a 409 (also fine, but less interesting)
      return Probe.create(says.toString(), Mutations.write(body));
    };
  }

  private static void collectPaths(JsonNode node, String prefix, List<String> paths) {
    if (node.isObject()) {
      node.fieldNames().forEachRemaining(
          name -> {
            String path = prefix.isEmpty() ? name : prefix + "." + name;
            paths.add(path);
            collectPaths(node.get(name), path, paths);
          });
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        String path = prefix + "[" + i + "]";
        paths.add(path);
        collectPaths(node.get(i), path, paths);
      }
    }
  }

  /** Sets the value at a path made by {@link #collectPaths}. */
  private static void set(JsonNode root, String path, JsonNode value) {
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    JsonNode parent = cut <= 0 ? root : at(root, path.substring(0, cut));
    String last = path.substring(cut + 1);
    if (last.endsWith("]")) {
      ((com.fasterxml.jackson.databind.node.ArrayNode) parent)
          .set(Integer.parseInt(last.substring(0, last.length() - 1)), value);
    } else {
      ((ObjectNode) parent).set(last, value);
    }
  }

  private static JsonNode at(JsonNode root, String path) {
    JsonNode node = root;
    for (String part : path.split("\\.")) {
      String name = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
      if (!name.isEmpty()) {
        node = node.get(name);
      }
      java.util.regex.Matcher index = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(part);
      while (index.find()) {
        node = node.get(Integer.parseInt(index.group(1)));
      }
    }
    return node;
  }

  static String abbreviate(String text) {
    return text.length() > 120 ? text.substring(0, 120) + "... (" + text.length() + " chars)" : text;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
