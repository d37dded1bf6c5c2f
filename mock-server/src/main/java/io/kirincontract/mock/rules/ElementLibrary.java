package io.kirincontract.mock.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The provider's subject library as the mock knows it: element ids and their kind. Read from a JSON file, either
 * {@code [{"element_id": 829301, "kind": "image"}, ...]} or {@code {"elements": [ ... ]}}.
 */
public final class ElementLibrary {

  /** Image custom subjects (multi-image) and video custom subjects (video character). */
  public enum Kind {
    IMAGE,
    VIDEO
  }

  private final Map<Long, Kind> elements;

  public ElementLibrary(Map<Long, Kind> elements) {
    this.elements = Map.copyOf(elements);
  }

  public static ElementLibrary of(Map<Long, Kind> elements) {
    return new ElementLibrary(elements);
  }

  /** Reads a library file; an unreadable or malformed file is an {@link IllegalArgumentException}. */
  public static ElementLibrary load(Path file) {
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the element library " + file + ": " + e.getMessage(), e);
    }
    JsonNode list = root != null && root.isObject() ? root.get("elements") : root;
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(
          "the element library " + file + " must be a JSON array of {\"element_id\": 123, \"kind\": \"image\"}");
    }
    Map<Long, Kind> elements = new LinkedHashMap<>();
    for (JsonNode entry : list) {
      JsonNode id = entry.get("element_id");
      JsonNode kind = entry.get("kind");
      if (id == null || !id.isIntegralNumber() || kind == null || !kind.isTextual()) {
        throw new IllegalArgumentException(
            "each entry of the element library " + file + " needs an integer element_id and a kind, not " + entry);
      }
      try {
        elements.put(id.longValue(), Kind.valueOf(kind.textValue().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("element kind must be image or video, not " + kind, e);
      }
    }
    return new ElementLibrary(elements);
  }

  public Optional<Kind> kind(long elementId) {
    return Optional.ofNullable(elements.get(elementId));
  }

  public boolean contains(long elementId) {
    return elements.containsKey(elementId);
  }

  public int size() {
    return elements.size();
  }
}
