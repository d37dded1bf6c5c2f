package io.kirincontract.mock.junit;

import io.kirincontract.mock.MediaPolicy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the Kirin mock for a test class: started in-process on a free port (on {@code 127.0.0.1}) before the class's
 * first test, reset before each test, stopped after the last. Test methods, constructors and lifecycle methods can
 * take a {@link io.kirincontract.client.KirinClient} (configured for the mock), the {@link
 * io.kirincontract.mock.KirinMockServer}, its {@link io.kirincontract.mock.admin.MockAdmin}, a {@link
 * KirinMockInfo}, the mock's {@link io.kirincontract.mock.journal.RequestJournal}, a {@link CallbackReceiver} and, with
 * {@link #manualClock()}, the {@link io.kirincontract.mock.lifecycle.ManualClock}.
 *
 * <pre>{@code
 * @KirinMockTest(manualClock = true)
 * class MyTest {
 *   @Test
 *   void completes(KirinClient client, ManualClock clock) { ... }
 * }
 * }</pre>
 *
 * For any other setting of {@link io.kirincontract.mock.MockConfig}, register a {@link KirinMockExtension} built
 * with {@link KirinMockExtension#builder()} instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(KirinMockExtension.class)
public @interface KirinMockTest {

  /**
   * Runs the mock on a manual clock standing at {@link #clockStart()}: tasks move only when a test advances it
   * ({@code clock.advance(...)} or {@code admin.advanceClock(...)}). It is set back to the start before each test.
   */
  boolean manualClock() default false;

  /** Where the manual clock starts (ISO-8601 instant). */
  String clockStart() default KirinMockExtension.DEFAULT_CLOCK_START;

  /**
   * Mock seconds per real second on the system clock (ignored with {@link #manualClock()}): 100 makes a 4.5-second
   * task take 45 ms. 1 (real time) by default.
   */
  double timeScale() default 1.0;

  /**
   * Accepted bearer keys; the injected client uses the first. None (the default): any non-empty key is accepted
   * and the client uses {@value KirinMockExtension#DEFAULT_API_KEY}.
   */
  String[] apiKeys() default {};

  /** What unreachable media URLs and unresolved O1 prompt references lead to; lenient by default. */
  MediaPolicy mediaPolicy() default MediaPolicy.LENIENT;

  /** Whether the mock fetches media URLs to check them; on by default. */
  boolean mediaFetch() default true;

  /** Most unfinished tasks per key (more get 429); 0 (the default) for no limit. */
  int maxRunningTasks() default 0;
}
