package io.kirincontract.mock.results.internal;

import io.kirincontract.mock.tasks.internal.TaskId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Where a task's results are downloaded: {@code {base}/files/{task_id}/{token}/video.mp4} and {@code
 * .../video-watermarked.mp4}. No API key is needed, so the URL itself is the secret: {@code token} is an HMAC of
 * the task id under a key drawn at start-up, which nobody can compute from the id. Nothing is stored per task; the
 * {@code jobId} of the content comes from the same HMAC.
 */
public final class ResultFiles {

  public static final String PLAIN = "video.mp4";
  public static final String WATERMARKED = "video-watermarked.mp4";

  private static final HexFormat HEX = HexFormat.of();

  private final SecretKeySpec key;
  private final ThreadLocal<Mac> macs;
  private volatile String baseUrl = "http://localhost";

  /** Files signed with a random key (URLs do not survive a restart; neither do tasks). */
  public ResultFiles() {
    this(randomKey());
  }

  public ResultFiles(byte[] secret) {
    this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
    this.macs = ThreadLocal.withInitial(this::newMac);
  }

  /** The base of file URLs, such as {@code http://localhost:8080}; set once the server knows its port. */
  public void baseUrl(String url) {
    this.baseUrl = stripSlash(Objects.requireNonNull(url, "url"));
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** A task's file URLs and the job id of its content, all drawn from one HMAC of the task id. */
  public record Signed(String plainUrl, String watermarkedUrl, String jobId) {}

  /**
   * The URLs of a task's plain and watermarked videos (their unguessable part: 32 hex digits) and a stable job id
   * for its content ({@code job_} and 12 hex digits).
   */
  public Signed sign(TaskId id) {
    byte[] digest = digest(id);
    String base = baseUrl + "/files/" + id + "/" + HEX.formatHex(digest, 0, 16) + "/";
    return new Signed(base + PLAIN, base + WATERMARKED, "job_" + HEX.formatHex(digest, 16, 22));
  }

  private String token(TaskId id) {
    return HEX.formatHex(digest(id), 0, 16);
  }

  /** Whether {@code token} is this task's (in constant time). */
  public boolean matches(TaskId id, String token) {
    return token != null
        && MessageDigest.isEqual(
            token(id).getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
  }

  private byte[] digest(TaskId id) {
    return macs.get().doFinal(id.toString().getBytes(StandardCharsets.US_ASCII));
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static byte[] randomKey() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return secret;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
