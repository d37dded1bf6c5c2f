package io.kirincontract.mock.media;

/** Video containers the Kirin models accept (ISO base media: `ftyp` brand decides MP4 or MOV). */
public enum VideoContainer {
  MP4,
  MOV
}
