package io.kirincontract.conformance.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kirincontract.mock.media.SyntheticMedia;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the placeholders of the case files into real media, generated with {@link SyntheticMedia}: base64 text, or
 * a URL on the suite's {@link MediaServer}. A placeholder is a whole JSON string value:
 *
 * <ul>
 *   <li>{@code $png(1280x720)}, {@code $jpeg(WxH)}, {@code $gif(WxH)}: base64 of an image;
 *   <li>{@code $png-url(WxH)}, {@code $jpeg-url(WxH)}, {@code $gif-url(WxH)}: its URL;
 *   <li>{@code $data-png(WxH)}: base64 with a {@code data:image/png;base64,} prefix;
 *   <li>{@code $png-sized(WxH,BYTES)}, {@code $png-sized-url(WxH,BYTES)}: a PNG of exactly that many bytes;
 *   <li>{@code $mp4-url(WxH,FPS,SECONDS)}, {@code $mov-url(WxH,FPS,SECONDS)}: a playable video's URL;
 *   <li>{@code $mp4-padded-url(WxH,FPS,SECONDS,BYTES)}: that video streamed with zero padding up to BYTES;
 *   <li>{@code $file-url(NAME)}: the URL of a real file the suite carries ({@code /media-fixtures/NAME} on its class
 *       path, such as fragmented MP4 written by FFmpeg);
 *   <li>{@code $text-url()}: a URL that serves plain text; {@code $unreachable-url()}: a URL nobody answers;
 *   <li>{@code $chars(N)}: a string of N letters.
 * </ul>
 */
public final class Fixtures {

  private static final Pattern PLACEHOLDER = Pattern.compile("^\\$([a-z0-9-]+)\\(([^)]*)\\)$");
  private static final Pattern SIZE = Pattern.compile("(\\d+)x(\\d+)");

  private final MediaServer server;
  private final Map<String, String> cache = new ConcurrentHashMap<>();

  public Fixtures(MediaServer server) {
    this.server = server;
  }

  /** A copy of the tree with every placeholder replaced. */
  public JsonNode resolve(JsonNode node) {
    JsonNode copy = node.deepCopy();
    return resolveInPlace(copy);
  }

  /** The value of one placeholder, or the text itself when it is none. */
  public String resolve(String text) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    if (!matcher.matches()) {
      return text;
    }
    return cache.computeIfAbsent(text, key -> generate(matcher.group(1), args(matcher.group(2))));
  }

  /** A URL of a playable MP4, for fields that need some valid video. */
  public String videoUrl() {
    return resolve("$mp4-url(1280x720,30,5)");
  }

  public MediaServer server() {
    return server;
  }

  private JsonNode resolveInPlace(JsonNode node) {
    if (node instanceof TextNode text) {
      return TextNode.valueOf(resolve(text.textValue()));
    }
    if (node instanceof ObjectNode object) {
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        field.setValue(resolveInPlace(field.getValue()));
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        array.set(i, resolveInPlace(array.get(i)));
      }
    }
    return node;
  }

  private String generate(String kind, List<String> args) {
    return switch (kind) {
      case "png" -> base64(SyntheticMedia.png(width(args), height(args)));
      case "jpeg" -> base64(SyntheticMedia.jpeg(width(args), height(args)));
      case "gif" -> base64(SyntheticMedia.gif(width(args), height(args)));
      case "data-png" -> "data:image/png;base64," + base64(SyntheticMedia.png(width(args), height(args)));
      case "png-url" -> server.serve("image.png", SyntheticMedia.png(width(args), height(args)), "image/png");
      case "jpeg-url" -> server.serve("image.jpg", SyntheticMedia.jpeg(width(args), height(args)), "image/jpeg");
      case "gif-url" -> server.serve("image.gif", SyntheticMedia.gif(width(args), height(args)), "image/gif");
      case "png-sized" -> base64(sizedPng(args));
      case "png-sized-url" -> server.serve("large.png", sizedPng(args), "image/png");
      case "mp4-url" -> server.serve("video.mp4", video(args, false), "video/mp4");
      case "mov-url" -> server.serve("video.mov", video(args, true), "video/quicktime");
      case "mp4-padded-url" -> {
        byte[] video = video(args, false);
        long total = Long.parseLong(args.get(3));
        yield server.serve("huge.mp4", video, "video/mp4", Math.max(0, total - video.length));
      }
      case "file-url" -> server.serve(args.get(0), carried(args.get(0)), "video/mp4");
      case "text-url" -> server.serve("notes.txt", "not a picture".getBytes(), "text/plain");
      case "unreachable-url" -> server.unreachableUrl("gone.png");
      case "chars" -> "a".repeat(Integer.parseInt(args.get(0)));
      default -> throw new IllegalArgumentException("unknown fixture $" + kind + "(...)");
    };
  }

  private static byte[] carried(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/media-fixtures/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture file " + name + " in /media-fixtures/");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] sizedPng(List<String> args) {
    return SyntheticMedia.pngOfSize(width(args), height(args), Integer.parseInt(args.get(1)));
  }

  private static byte[] video(List<String> args, boolean mov) {
    int fps = Integer.parseInt(args.get(1));
    double seconds = Double.parseDouble(args.get(2));
    return mov
        ? SyntheticMedia.mov(width(args), height(args), fps, seconds)
        : SyntheticMedia.mp4(width(args), height(args), fps, seconds);
  }

  private static List<String> args(String text) {
    return text.isBlank() ? List.of() : List.of(text.trim().split("\\s*,\\s*"));
  }

  private static int width(List<String> args) {
    return size(args, 1);
  }

  private static int height(List<String> args) {
    return size(args, 2);
  }

  private static int size(List<String> args, int group) {
    Matcher matcher = SIZE.matcher(args.get(0));
    if (!matcher.matches()) {
      throw new IllegalArgumentException("a fixture size is WIDTHxHEIGHT, not " + args.get(0));
    }
    return Integer.parseInt(matcher.group(group));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
