package io.kirincontract.mock.bench;

import io.kirincontract.mock.media.SyntheticMedia;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * Writes the request bodies the benchmark sends: a valid text task, a valid image task with a base64 PNG of about
 * 1 MB, and a task that breaks a rule. Usage: {@code BenchBodies <output directory>}.
 */
public final class BenchBodies {

  private BenchBodies() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/bench");
    Files.createDirectories(dir);
    write(
        dir.resolve("text.json"),
        "{\"model\":\"kirin_v3_t2v\",\"prompt\":\"A red fox trots across a snowy meadow at dawn\","
            + "\"mode\":\"std\",\"aspect_ratio\":\"16:9\",\"duration\":\"5\",\"sound\":\"off\"}");
    // 750 KiB of PNG is about 1 MB of base64.
    String image = Base64.getEncoder().encodeToString(SyntheticMedia.pngOfSize(1024, 768, 750 * 1024));
    write(
        dir.resolve("image.json"),
        "{\"model\":\"kirin_v2_1_master_i2v\",\"image\":\"" + image + "\",\"prompt\":\"Waves\",\"duration\":\"5\"}");
    write(
        dir.resolve("invalid.json"),
        "{\"model\":\"kirin_v3_t2v\",\"multi_shot\":true,\"shot_type\":\"customize\",\"duration\":\"10\","
            + "\"multi_prompt\":[{\"index\":1,\"prompt\":\"a\",\"duration\":\"4\"},"
            + "{\"index\":2,\"prompt\":\"b\",\"duration\":\"5\"}]}");
  }

  private static void write(Path file, String body) throws IOException {
    Files.writeString(file, body, StandardCharsets.UTF_8);
  }
}
