package io.kirincontract.mock.http.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Invocable;

/**
 * Reads a request's body without a thread (Jetty calls back as bytes arrive) and hands the request on once the body is
 * complete, or has reached {@code eagerBytes} (each chunk counted as at least {@link #CHUNK_COST}, as a retained chunk
 * keeps its network buffer), or has failed. Javalin reads bodies with blocking reads, so without this
 * every client that sends its body slowly, or stops, held a server thread until the idle timeout: a few hundred of
 * them stopped every other request. A body over the size limit is refused with 413 as soon as that is known, from
 * its {@code Content-Length} or as its bytes arrive (what the client still sends is dropped first, within {@link
 * #DRAIN_BYTES}). A failed read (the client closed early, or went silent for the idle timeout) is handed on too, so
 * the request is answered with the error envelope and its connection closed; Jetty's own {@code
 * RetainedContentLoaderFactory} waits again after an idle timeout, which kept such connections open.
 *
 * <p>Every body is held against the {@link RequestBudget}: its {@code Content-Length} is reserved before a byte is
 * read (a body without a length: its bytes as they arrive, here and once a thread reads the rest), and given back when
 * the exchange ends. A body that does not fit is answered {@code 503} in the envelope, unread.
 */
final class BodyFirst implements EagerContentHandler.ContentLoaderFactory {

  /** What a retained chunk is counted as at least: about one network buffer (Jetty's input buffer is 8 KiB). */
  static final int CHUNK_COST = 8 * 1024;

  /**
   * Most bytes read and dropped of a body over the size limit before the 413: a client still sending then reads the
   * answer, where closing the connection with bytes unread made the kernel reset it, and the client lost the 413
   * (seen as {@code LimitsTest} and {@code ContractVersionTest} failing now and then). A body without a length is
   * dropped up to this much past the limit; one whose {@code Content-Length} is over the limit is dropped whole when
   * it is at most this long, else answered at once. Past this, the connection is closed as it is. No thread waits
   * here: the bytes are dropped as Jetty calls back ({@link JsonBodyReader} drops the rest of a body it refuses
   * while reading it, on the thread that was reading it).
   */
  static final long DRAIN_BYTES = 4 * 1024 * 1024;

  /** Told of each request refused here, before any route sees it. */
  interface Refusals {
    void refused(Request request, int status, io.kirincontract.mock.problems.Problem problem);
  }

  private final long maxBodySize;
  private final long eagerBytes;
  private final RequestBudget budget;
  private final Refusals refusals;

  /** @param refusals told of each request refused here (the request journal records it) */
  BodyFirst(long maxBodySize, long eagerBytes, RequestBudget budget, Refusals refusals) {
    this.maxBodySize = maxBodySize;
    this.eagerBytes = eagerBytes;
    this.budget = budget;
    this.refusals = refusals;
  }

  private void tooLarge(Request request) {
    refusals.refused(
        request,
        HttpStatus.PAYLOAD_TOO_LARGE_413,
        io.kirincontract.mock.problems.Problem.of(
            "payload_too_large", "the body is over the limit of " + maxBodySize + " bytes"));
  }

  @Override
  public String getApplicableMimeType() {
    return null; // every content type
  }

  @Override
  public EagerContentHandler.ContentLoader newContentLoader(
      String contentType, String mimeType, Handler handler, Request request, Response response, Callback callback) {
    return new Loader(handler, request, response, callback);
  }

  private final class Loader extends EagerContentHandler.ContentLoader implements Invocable.Task {

    private final Deque<Content.Chunk> chunks = new ArrayDeque<>();
    private long bytes;
    private long retained;
    private long reserved;
    private boolean withoutLength;
    /** Bytes dropped since the body went over the limit; -1 while it is within it. */
    private long dropped = -1;

    Loader(Handler handler, Request request, Response response, Callback callback) {
      super(handler, request, response, callback);
    }

    @Override
    protected void load() {
      long length = getRequest().getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
      if (length > maxBodySize) {
        tooLarge(getRequest());
        if (length <= DRAIN_BYTES) {
          // small enough to read and drop, so that a client still sending reads the 413 (see DRAIN_BYTES)
          dropped = 0;
          readAvailable(false);
          return;
        }
        answerTooLarge();
        return;
      }
      if (length > 0) {
        if (!budget.tryReserve(length)) {
          busy(length);
          return;
        }
        reserved = length;
      } else {
        withoutLength = length < 0;
      }
      readAvailable(false);
    }

    private void busy(long length) {
      refusals.refused(
          getRequest(),
          HttpStatus.SERVICE_UNAVAILABLE_503,
          io.kirincontract.mock.problems.Problem.of("service_unavailable", budget.refusal(length)));
      Response.writeError(
          getRequest(), getResponse(), getCallback(), HttpStatus.SERVICE_UNAVAILABLE_503, budget.refusal(length));
    }

    /** Called by Jetty when more of the body can be read. */
    @Override
    public void run() {
      readAvailable(true);
    }

    @Override
    public InvocationType getInvocationType() {
      return InvocationType.NON_BLOCKING;
    }

    private void readAvailable(boolean calledBack) {
      while (true) {
        Content.Chunk chunk = getRequest().read();
        if (chunk == null) {
          getRequest().demand(this);
          return;
        }
        if (dropped >= 0) {
          // over the limit: what the client still sends is dropped (DRAIN_BYTES), then the 413 goes out
          dropped += chunk.remaining();
          chunk.release();
          if (chunk.isLast() || Content.Chunk.isFailure(chunk) || dropped >= DRAIN_BYTES) {
            answerTooLarge();
            return;
          }
          continue;
        }
        chunks.add(chunk);
        bytes += chunk.remaining();
        retained += Math.max(chunk.remaining(), CHUNK_COST);
        if (bytes > maxBodySize) {
          release();
          tooLarge(getRequest());
          if (!chunk.isLast()) { // only a body without a length gets past its limit here
            dropped = 0;
            continue;
          }
          answerTooLarge();
          return;
        }
        if (withoutLength && chunk.hasRemaining()) {
          if (!budget.tryReserve(chunk.remaining())) {
            release();
            busy(chunk.remaining());
            return;
          }
          reserved += chunk.remaining();
        }
        if (chunk.isLast() || Content.Chunk.isFailure(chunk) || retained >= eagerBytes) {
          Replay replay = new Replay(getRequest(), getCallback(), chunks, budget, reserved, withoutLength);
          if (calledBack) {
            getRequest().getContext().execute(() -> handle(replay, getResponse(), replay));
          } else {
            handle(replay, getResponse(), replay);
          }
          return;
        }
      }
    }

    private void answerTooLarge() {
      Response.writeError(getRequest(), getResponse(), getCallback(), HttpStatus.PAYLOAD_TOO_LARGE_413);
    }

    private void release() {
      chunks.forEach(Content.Chunk::release);
      chunks.clear();
      budget.release(reserved);
      reserved = 0;
    }
  }

  /**
   * The request with the chunks read so far given back first; releases them, and the body's bytes of the budget,
   * when the exchange ends. A body without a length goes on reserving its bytes as the handler reads them.
   */
  private static final class Replay extends Request.Wrapper implements Callback {

    private final Callback callback;
    private final Deque<Content.Chunk> chunks;
    private final RequestBudget budget;
    private final java.util.concurrent.atomic.AtomicLong reserved;
    private final boolean counting;

    Replay(
        Request request,
        Callback callback,
        Deque<Content.Chunk> chunks,
        RequestBudget budget,
        long reserved,
        boolean counting) {
      super(request);
      this.callback = callback;
      this.chunks = chunks;
      this.budget = budget;
      this.reserved = new java.util.concurrent.atomic.AtomicLong(reserved);
      this.counting = counting;
    }

    @Override
    public Content.Chunk read() {
      Content.Chunk chunk = chunks.pollFirst();
      if (chunk != null) {
        return chunk;
      }
      chunk = super.read();
      if (counting && chunk != null && chunk.hasRemaining()) {
        int size = chunk.remaining();
        if (!budget.tryReserve(size)) {
          chunk.release();
          return Content.Chunk.from(new RequestBudget.ExhaustedException(budget.refusal(size)), true);
        }
        reserved.addAndGet(size);
      }
      return chunk;
    }

    @Override
    public void succeeded() {
      releaseAll();
      callback.succeeded();
    }

    @Override
    public void failed(Throwable failure) {
      releaseAll();
      callback.failed(failure);
    }

    @Override
    public InvocationType getInvocationType() {
      return callback.getInvocationType();
    }

    private void releaseAll() {
      chunks.forEach(Content.Chunk::release);
      chunks.clear();
      budget.release(reserved.getAndSet(0));
    }
  }
}
