package io.kirincontract.mock.media;

/** What a video turned out to be, read from its container headers. */
public record VideoInfo(
    VideoContainer container,
    int width,
    int height,
    double durationSeconds,
    double fps,
    long byteSize) {}
