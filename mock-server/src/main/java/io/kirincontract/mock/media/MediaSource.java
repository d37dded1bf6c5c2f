package io.kirincontract.mock.media;

/** Where media bytes came from: inline base64 or a fetched URL. */
public enum MediaSource {
  BASE64,
  URL
}
