package io.kirincontract.mock.journal;

import io.kirincontract.mock.journal.internal.RequestMatcher;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;

/**
 * The request journal: every request under {@code /v1/}, accepted or refused, as a {@link RecordedRequest}, in a
 * bounded ring (the oldest entries are dropped, and counted, beyond its size). A request takes its number when it
 * arrives and its entry is published once it has been answered (the entry needs the status), so entries appear in
 * number order with, for a moment, a gap where a request is still being answered. Thread-safe; recording takes one
 * short lock per request.
 */
public final class RequestJournal {

  /** The default ring size ({@code --journal-size}). */
  public static final int DEFAULT_SIZE = 10_000;

  /** The most entries one listing returns. */
  public static final int MAX_LIMIT = 10_000;

  private final boolean enabled;
  private final int size;
  private volatile Ring ring;

  /**
   * @param enabled false for {@code --journal off}: nothing is recorded
   * @param size the ring's size, at least 1
   */
  public RequestJournal(boolean enabled, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("the journal size must be at least 1, not " + size);
    }
    this.enabled = enabled;
    this.size = size;
    this.ring = new Ring(size);
  }

  public boolean enabled() {
    return enabled;
  }

  public int size() {
    return size;
  }

  /** A number for a request that has just arrived, or null when the journal is off. */
  public Ticket arrive() {
    if (!enabled) {
      return null;
    }
    Ring current = ring;
    return new Ticket(current, current.next(), Instant.now(), System.nanoTime());
  }

  /** Publishes a request's entry under its ticket (dropped if the journal was emptied since it arrived). */
  public void record(Ticket ticket, RecordedRequest.Builder entry) {
    if (ticket == null || ticket.ring != ring) {
      return;
    }
    ticket.ring.publish(entry.seq(ticket.seq).at(ticket.at).build());
  }

  /** Entries with a number above {@code since} that pass {@code filter}, oldest first, at most {@code limit}. */
  public List<RecordedRequest> entries(long since, Predicate<RecordedRequest> filter, int limit) {
    List<RecordedRequest> found = new ArrayList<>();
    for (RecordedRequest entry : ring.snapshot(since)) {
      if (found.size() >= limit) {
        break;
      }
      if (filter.test(entry)) {
        found.add(entry);
      }
    }
    return found;
  }

  /** Every kept entry, oldest first. */
  public List<RecordedRequest> all() {
    return ring.snapshot(0);
  }

  /** Entries that match, oldest first. */
  public List<RecordedRequest> find(RequestMatcher matcher) {
    long since = matcher.sinceSeq == null ? 0 : matcher.sinceSeq;
    return entries(since, matcher::matches, Integer.MAX_VALUE);
  }

  public int count(RequestMatcher matcher) {
    return find(matcher).size();
  }

  /** Entries recorded since the start or the last {@link #clear()}, those dropped included. */
  public long total() {
    return ring.total();
  }

  /** Entries dropped from the ring since the start or the last {@link #clear()}. */
  public long dropped() {
    return ring.dropped();
  }

  /** Empties the journal; numbering starts again at 1, and {@link #take} from the first. */
  public void clear() {
    Ring old = ring;
    ring = new Ring(size);
    old.wake();
  }

  /**
   * The next entry in arrival order that has not been taken yet, waiting up to {@code timeout} for it to be answered;
   * empty on timeout. After the timeout a request that was never answered is passed over for a later one.
   */
  public Optional<RecordedRequest> take(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Ring current = ring;
      Optional<RecordedRequest> taken = current.take(deadline);
      if (taken.isPresent() || current == ring) {
        return taken;
      }
      // emptied while waiting: wait on the new ring for what remains of the timeout
    }
  }

  /** A request's place in the journal, given on arrival. */
  public static final class Ticket {
    private final Ring ring;
    private final long seq;
    private final Instant at;
    private final long startNanos;

    Ticket(Ring ring, long seq, Instant at, long startNanos) {
      this.ring = ring;
      this.seq = seq;
      this.at = at;
      this.startNanos = startNanos;
    }

    /** Milliseconds since the request arrived. */
    public double elapsedMs() {
      return (System.nanoTime() - startNanos) / 1_000_000.0;
    }

    public long seq() {
      return seq;
    }

    public Instant at() {
      return at;
    }
  }

  /**
   * One generation of the journal, from a start or a clear. Requests take numbers and publish entries without a lock
   * (a counter, and a compare-and-set into the entry's slot): with many more request threads than cores, a thread
   * preempted inside a lock held up every other request. Only {@link #take} waits on the ring's monitor; a publisher
   * enters it only to wake a waiting taker.
   */
  private static final class Ring {
    private final AtomicReferenceArray<RecordedRequest> slots;
    private final AtomicLong issued = new AtomicLong();
    private final AtomicLong highest = new AtomicLong();
    private final LongAdder recorded = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    /** Guarded by the ring's monitor. */
    private long nextToTake = 1;
    /** Takers waiting; written under the monitor, read by publishers without it. */
    private volatile int waiting;

    Ring(int size) {
      this.slots = new AtomicReferenceArray<>(size);
    }

    long next() {
      return issued.incrementAndGet();
    }

    void publish(RecordedRequest entry) {
      int index = slot(entry.seq());
      recorded.increment();
      while (true) {
        RecordedRequest old = slots.get(index);
        if (old != null && old.seq() > entry.seq()) {
          dropped.increment(); // answered so late that newer entries have filled the ring since
          return;
        }
        if (slots.compareAndSet(index, old, entry)) {
          if (old != null) {
            dropped.increment();
          }
          break;
        }
      }
      highest.accumulateAndGet(entry.seq(), Math::max);
      // The slot is written before waiting is read; a taker counts itself waiting before it reads the slot: one of
      // the two sees the other.
      if (waiting > 0) {
        synchronized (this) {
          notifyAll();
        }
      }
    }

    List<RecordedRequest> snapshot(long since) {
      List<RecordedRequest> entries = new ArrayList<>();
      long top = highest.get();
      for (long seq = Math.max(since + 1, top - slots.length() + 1); seq <= top; seq++) {
        RecordedRequest entry = slots.get(slot(seq));
        if (entry != null && entry.seq() == seq) {
          entries.add(entry);
        }
      }
      return entries;
    }

    long total() {
      return recorded.sum();
    }

    long dropped() {
      return dropped.sum();
    }

    synchronized void wake() {
      notifyAll();
    }

    synchronized Optional<RecordedRequest> take(long deadline) throws InterruptedException {
      waiting++;
      try {
        while (true) {
          skipDropped();
          RecordedRequest entry = entryAt(nextToTake);
          if (entry != null) {
            nextToTake++;
            return Optional.of(entry);
          }
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            return later();
          }
          wait(Math.max(1, left / 1_000_000));
        }
      } finally {
        waiting--;
      }
    }

    /** After a timeout: the first answered entry after one that was never answered, if any. */
    private Optional<RecordedRequest> later() {
      long top = highest.get();
      for (long seq = nextToTake + 1; seq <= top; seq++) {
        RecordedRequest entry = entryAt(seq);
        if (entry != null) {
          nextToTake = seq + 1;
          return Optional.of(entry);
        }
      }
      return Optional.empty();
    }

    private void skipDropped() {
      nextToTake = Math.max(nextToTake, highest.get() - slots.length() + 1);
    }

    private RecordedRequest entryAt(long seq) {
      if (seq < 1) {
        return null;
      }
      RecordedRequest entry = slots.get(slot(seq));
      return entry != null && entry.seq() == seq ? entry : null;
    }

    private int slot(long seq) {
      return (int) ((seq - 1) % slots.length());
    }
  }
}
