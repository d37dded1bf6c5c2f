package io.kirincontract.mock.media.internal;

/**
 * Header bytes that cannot be read: truncated, corrupt or not what they claim. The message is for
 * the user.
 */
final class UnreadableHeaderException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UnreadableHeaderException(String reason) {
    super(reason, null, false, false);
  }
}
