package io.kirincontract.mock.media;

/** Image formats the Kirin models accept, recognised by content (magic bytes), never by name. */
public enum ImageFormat {
  JPEG,
  PNG
}
