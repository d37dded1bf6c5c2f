package io.kirincontract.mock.media.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What a media field holds, decided from its text alone: an http(s) URL, base64 text, or something
 * the user must fix. Nothing is decoded or fetched here.
 */
public sealed interface MediaValue {

  /** An absolute http or https URL with a host. */
  record Url(URI uri, String text) implements MediaValue {}

  /** Text to be decoded as base64 (not yet checked). */
  record Base64Text(String text) implements MediaValue {}

  /** Neither: {@code reason} tells the user what to change. */
  record Invalid(String reason) implements MediaValue {}

  Pattern OTHER_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]{0,20}://");

  static MediaValue parse(String value) {
    if (value == null || value.isBlank()) {
      return new Invalid("the value is empty");
    }
    String text = value.strip();
    if (startsWithIgnoreCase(text, "http://") || startsWithIgnoreCase(text, "https://")) {
      return url(text);
    }
    if (startsWithIgnoreCase(text, "data:")) {
      return new Invalid(dataPrefixReason(text));
    }
    var otherScheme = OTHER_SCHEME.matcher(text);
    if (otherScheme.lookingAt()) {
      return new Invalid(
          "only http:// and https:// URLs are accepted, not "
              + otherScheme.group().toLowerCase(Locale.ROOT));
    }
    return new Base64Text(text);
  }

  private static MediaValue url(String text) {
    try {
      URI uri = new URI(text);
      if (uri.getHost() == null || uri.getHost().isEmpty()) {
        return new Invalid("not a valid URL: it has no host name (" + Texts.abbreviate(text) + ")");
      }
      return new Url(uri, text);
    } catch (URISyntaxException e) {
      return new Invalid("not a valid URL: " + e.getMessage());
    }
  }

  private static String dataPrefixReason(String text) {
    int comma = text.indexOf(',');
    String prefix = comma > 0 && comma < 100 ? text.substring(0, comma + 1) : "data:...,";
    return "remove the '"
        + prefix
        + "' prefix: the image must be plain base64 (only the part after the comma) or an http(s)"
        + " URL";
  }

  private static boolean startsWithIgnoreCase(String text, String prefix) {
    return text.regionMatches(true, 0, prefix, 0, prefix.length());
  }
}
