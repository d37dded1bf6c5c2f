package io.kirincontract.mock.util.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON written field by field with Jackson's streaming generator, as UTF-8 bytes. For the answers the server writes
 * on every request (a task, an error envelope): no tree is built and serialized, and the buffer they are written in
 * comes from Jackson's recycler (per thread), as {@code ObjectMapper.writeValueAsBytes} does, so a request allocates
 * only the answer's own bytes.
 */
public final class JsonBytes {

  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonBytes() {}

  /** What a generator writes. */
  @FunctionalInterface
  public interface Writing {
    void to(JsonGenerator json) throws IOException;
  }

  /** The bytes {@code writing} writes. */
  public static byte[] of(Writing writing) {
    BufferRecycler recycler = FACTORY._getBufferRecycler();
    try (ByteArrayBuilder out = new ByteArrayBuilder(recycler)) {
      try (JsonGenerator json = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
        writing.to(json);
      }
      byte[] bytes = out.toByteArray();
      out.release();
      return bytes;
    } catch (IOException e) {
      // Writing into memory does not fail; a writer's own IOException is a defect.
      throw new UncheckedIOException("cannot write JSON into memory", e);
    } finally {
      recycler.releaseToPool();
    }
  }
}
