package io.kirincontract.mock.problems.internal;

import com.fasterxml.jackson.core.JsonStreamContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Dotted JSON paths with indexes, as used in {@code error.param}: {@code multi_prompt[1].prompt}. */
public final class JsonPaths {

  private JsonPaths() {}

  public static String child(String parent, String name) {
    return parent.isEmpty() ? name : parent + "." + name;
  }

  public static String index(String parent, int index) {
    return parent + "[" + index + "]";
  }

  /** The path of the value the parser is at. */
  public static String of(JsonStreamContext context) {
    Deque<String> parts = new ArrayDeque<>();
    for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
      if (c.inArray()) {
        parts.push("[" + Math.max(c.getCurrentIndex(), 0) + "]");
      } else if (c.inObject() && c.getCurrentName() != null) {
        parts.push("." + c.getCurrentName());
      }
    }
    String path = String.join("", parts);
    return path.startsWith(".") ? path.substring(1) : path;
  }

  /** The segments of a path, indexes kept apart: {@code a[1].b} → {@code [a, [1], b]}. */
  public static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    for (String dotted : path.split("\\.")) {
      int bracket = dotted.indexOf('[');
      if (bracket < 0) {
        segments.add(dotted);
        continue;
      }
      if (bracket > 0) {
        segments.add(dotted.substring(0, bracket));
      }
      for (String index : dotted.substring(bracket).split("(?=\\[)")) {
        segments.add(index);
      }
    }
    return segments;
  }

  /** Whether one path lies within the other (or they are equal), comparing whole segments. */
  public static boolean overlap(String a, String b) {
    List<String> sa = segments(a);
    List<String> sb = segments(b);
    int n = Math.min(sa.size(), sb.size());
    return sa.subList(0, n).equals(sb.subList(0, n));
  }
}
