package io.kirincontract.mock.media;

/** What an image turned out to be, read from its header bytes. */
public record ImageInfo(ImageFormat format, int width, int height, long byteSize) {}
