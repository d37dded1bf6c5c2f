package io.kirincontract.mock.media.internal;

import io.kirincontract.mock.media.VideoContainer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import org.jcodec.common.AudioFormat;
import org.jcodec.common.Codec;
import org.jcodec.common.MuxerTrack;
import org.jcodec.common.VideoCodecMeta;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Packet;
import org.jcodec.common.model.Size;
import org.jcodec.containers.mp4.Brand;
import org.jcodec.containers.mp4.muxer.MP4Muxer;
import org.jcodec.containers.mp4.muxer.PCMMP4MuxerTrack;

/**
 * Puts {@link StillGop} pictures into an MP4 ({@code isom}) or QuickTime ({@code qt }) file with
 * JCodec's muxer, in memory: one sample per frame, time scale = fps, so the duration is exactly
 * frames / fps. With {@code silentAudio}, a second track of silence (16-bit PCM, mono, 8 kHz, no
 * longer than the video) makes a file with sound. Creation and modification times are set to 0
 * afterwards, which makes the bytes depend on the shape alone.
 */
public final class StillVideoMuxer {

  private StillVideoMuxer() {}

  /** Sample rate of the silent audio track: the lowest common rate keeps the file small. */
  static final int AUDIO_RATE = 8000;

  public static byte[] mux(VideoShape shape, VideoContainer container, StillGop gop, boolean silentAudio) {
    int frames = shape.frameCount();
    long estimate =
        (long) gop.idr().length * ((frames + gop.length() - 1) / gop.length()) + 64L * frames;
    GrowableChannel channel =
        new GrowableChannel((int) Math.min(estimate + 64 * 1024, Integer.MAX_VALUE / 2));
    try {
      MP4Muxer muxer =
          MP4Muxer.createMP4Muxer(channel, container == VideoContainer.MOV ? Brand.MOV : Brand.MP4);
      MuxerTrack track =
          muxer.addVideoTrack(
              Codec.H264,
              VideoCodecMeta.createSimpleVideoCodecMeta(
                  new Size(shape.width(), shape.height()), ColorSpace.YUV420));
      for (int frame = 0; frame < frames; frame++) {
        int index = frame % gop.length();
        // The muxer rewrites each packet in place (Annex B to length-prefixed), so each gets its
        // own copy.
        ByteBuffer data = ByteBuffer.wrap(gop.frame(index).clone());
        Packet.FrameType type = index == 0 ? Packet.FrameType.KEY : Packet.FrameType.INTER;
        track.addFrame(Packet.createPacket(data, frame, shape.fps(), 1, frame, type, null));
      }
      if (silentAudio) {
        PCMMP4MuxerTrack audio = muxer.addPCMAudioTrack(AudioFormat.MONO_S16_LE(AUDIO_RATE));
        long samples = (long) frames * AUDIO_RATE / shape.fps(); // rounded down: never longer than the video
        byte[] second = new byte[2 * AUDIO_RATE]; // zeros: silence
        for (long done = 0; done < samples; done += AUDIO_RATE) {
          int bytes = (int) (2 * Math.min(AUDIO_RATE, samples - done));
          audio.addSamples(ByteBuffer.wrap(second, 0, bytes));
        }
      }
      muxer.finish();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    byte[] bytes = channel.toByteArray();
    IsoTimestamps.clear(bytes);
    return bytes;
  }
}
