package io.kirincontract.client;

import io.kirincontract.client.errors.KirinApiException;
import io.kirincontract.client.errors.KirinConnectionException;
import io.kirincontract.client.errors.KirinTaskFailedException;
import io.kirincontract.client.errors.KirinTimeoutException;
import io.kirincontract.client.internal.CreateAttempt;
import io.kirincontract.client.internal.KirinJson;
import io.kirincontract.client.internal.Retrier;
import io.kirincontract.client.internal.TaskPoller;
import io.kirincontract.client.internal.Transport;
import io.kirincontract.client.invoker.ApiClient;
import io.kirincontract.client.invoker.Configuration;
import io.kirincontract.client.invoker.ContractVersion;
import io.kirincontract.client.model.Task;
import io.kirincontract.client.model.VideoGenerationRequest;
import io.kirincontract.client.requests.RequestBodies;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kirin video-generation client: create a task, poll it, wait for it; sync and async.
 *
 * <pre>{@code
 * KirinClient client = KirinClient.builder().baseUrl("http://localhost:8080").apiKey("my-key").build();
 * Task task = client.create(KirinRequests.v2MasterTextToVideo().prompt("A paper boat").build());
 * Task done = client.awaitCompletion(task, Duration.ofMinutes(10));
 * }</pre>
 *
 * <p>Built on the generated {@code VideoGenerationsApi}: the bearer key and the {@code User-Agent} are added
 * by {@link ApiClient#setRequestInterceptor}, and request bodies are written as {@link
 * io.kirincontract.client.requests.RequestBodies} says (only what was set). Errors are unchecked {@link
 * io.kirincontract.client.errors.KirinException}s, mapped from the status by {@link
 * io.kirincontract.client.errors.ErrorMapping}.
 *
 * <p><b>Retries.</b> Each call is retried by the {@link RetryPolicy} on connection errors, {@code 429} and
 * {@code 5xx}, following {@code Retry-After}. A {@code create} whose request has no {@code external_task_id}
 * is given one ({@code kirin-client-} and a random UUID; {@link Builder#automaticExternalTaskIds(boolean)}
 * turns this off), so that every failure of a create can be retried safely: a {@code 409} on a retry means an
 * earlier attempt created the task (its answer was lost or cut), which is then fetched with {@link
 * #getByExternalId} and returned, and no second task is made. Without an {@code external_task_id} (automatic
 * ids off) a create is retried only where the server certainly did not create a task (connection refused or
 * connect timeout, {@code 429}, {@code 503}).
 *
 * <p>Thread-safe. {@link #close()} stops the client's own async threads (if it made them).
 */
public final class KirinClient implements AutoCloseable {

  /** Sent as {@code User-Agent}. */
  public static final String USER_AGENT = "kirin-contract-client/" + Configuration.VERSION;

  /**
   * The contract version this client was generated from: {@code info.version} of the spec, written into the
   * generated code by the build. Compare it with {@link #serverContractVersion()}.
   */
  public static final String CONTRACT_VERSION = ContractVersion.GENERATED_FROM;

  /** The header in which a server reports the contract version it implements. */
  public static final String CONTRACT_VERSION_HEADER = "X-Kirin-Contract-Version";

  private static final Pattern SEMANTIC_VERSION =
      Pattern.compile("(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?");

  private final AtomicReference<String> serverContractVersion = new AtomicReference<>();

  private final Transport transport;
  private final Retrier retrier;
  private final TaskPoller poller;
  private final ExecutorService ownExecutor;
  private final String baseUrl;
  private final boolean automaticExternalTaskIds;

  private KirinClient(Builder builder) {
    this.baseUrl = builder.baseUrl;
    this.automaticExternalTaskIds = builder.automaticExternalTaskIds;
    Executor executor = builder.executor;
    this.ownExecutor = executor == null ? Executors.newCachedThreadPool(new DaemonThreads()) : null;
    if (executor == null) {
      executor = ownExecutor;
    }
    this.transport = new Transport(apiClient(builder, serverContractVersion), builder.clock);
    this.retrier = new Retrier(
        builder.retryPolicy, builder.sleeper, executor, () -> ThreadLocalRandom.current().nextDouble());
    this.poller =
        new TaskPoller(this::get, this::getAsync, builder.pollingPolicy, builder.clock, builder.sleeper);
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Creates a task; the answer is the new Task, normally {@code queued}.
   *
   * @throws io.kirincontract.client.errors.KirinValidationException if the server rejects the request (see
   *     {@link KirinApiException#param()} and {@link KirinApiException#rule()})
   * @throws io.kirincontract.client.errors.KirinRateLimitException if the key still has too many unfinished
   *     tasks after the retries
   * @throws KirinApiException for any other error answer, {@link KirinConnectionException} or {@link
   *     KirinTimeoutException} when there was none
   */
  public Task create(VideoGenerationRequest request) {
    CreateAttempt attempt = new CreateAttempt(transport, withExternalTaskId(request));
    return retrier.run(attempt.idempotent(), attempt);
  }

  /** {@link #create}, on the executor; the future fails with the exception {@code create} would throw. */
  public CompletableFuture<Task> createAsync(VideoGenerationRequest request) {
    CreateAttempt attempt = new CreateAttempt(transport, withExternalTaskId(request));
    return retrier.runAsync(attempt.idempotent(), attempt);
  }

  /**
   * The task as it is now. A {@code failed} task is returned, not thrown: see {@link TaskResults}.
   *
   * @throws io.kirincontract.client.errors.KirinNotFoundException if this key has no such task
   */
  public Task get(String taskId) {
    requireId(taskId, "taskId");
    return retrier.run(true, () -> transport.get(taskId));
  }

  /** {@link #get}, on the executor. */
  public CompletableFuture<Task> getAsync(String taskId) {
    requireId(taskId, "taskId");
    return retrier.runAsync(true, () -> transport.get(taskId));
  }

  /**
   * The task this key created with {@code external_task_id}.
   *
   * @throws io.kirincontract.client.errors.KirinNotFoundException if this key has no such task
   */
  public Task getByExternalId(String externalTaskId) {
    requireId(externalTaskId, "externalTaskId");
    return retrier.run(true, () -> transport.getByExternalId(externalTaskId));
  }

  /** {@link #getByExternalId}, on the executor. */
  public CompletableFuture<Task> getByExternalIdAsync(String externalTaskId) {
    requireId(externalTaskId, "externalTaskId");
    return retrier.runAsync(true, () -> transport.getByExternalId(externalTaskId));
  }

  /**
   * Polls the task until it is {@code completed} or {@code failed} and returns it, failed or not ({@link
   * TaskResults#isFailed}, {@link TaskResults#errorCode}); {@link #awaitSuccess} throws instead. Polls are
   * spaced by the {@link PollingPolicy}. A task already finished is returned at once.
   *
   * @throws KirinTimeoutException if the task is not finished after {@code timeout}; {@link
   *     KirinTimeoutException#lastTask()} holds it as last seen
   */
  public Task awaitCompletion(Task task, Duration timeout) {
    return awaitCompletion(task, timeout, null);
  }

  /** {@link #awaitCompletion(Task, Duration)}, telling {@code listener} of the progress. */
  public Task awaitCompletion(Task task, Duration timeout, TaskProgressListener listener) {
    return poller.await(requireTask(task), task.getId(), requireTimeout(timeout), listener);
  }

  /** {@link #awaitCompletion(Task, Duration)} for a task id (fetched first). */
  public Task awaitCompletion(String taskId, Duration timeout) {
    return awaitCompletion(taskId, timeout, null);
  }

  /** {@link #awaitCompletion(Task, Duration)} for a task id, telling {@code listener} of the progress. */
  public Task awaitCompletion(String taskId, Duration timeout, TaskProgressListener listener) {
    return poller.await(null, requireId(taskId, "taskId"), requireTimeout(timeout), listener);
  }

  /**
   * {@link #awaitCompletion(Task, Duration)}, then a {@code failed} task is thrown.
   *
   * @throws KirinTaskFailedException if the task failed; it carries the Task and its error code
   */
  public Task awaitSuccess(Task task, Duration timeout) {
    return succeeded(awaitCompletion(task, timeout));
  }

  /** {@link #awaitSuccess(Task, Duration)} for a task id. */
  public Task awaitSuccess(String taskId, Duration timeout) {
    return succeeded(awaitCompletion(taskId, timeout));
  }

  /**
   * {@link #awaitCompletion(Task, Duration)} without blocking a thread between polls; the future fails with
   * the exception it would throw. The listener is called on executor threads.
   */
  public CompletableFuture<Task> awaitCompletionAsync(Task task, Duration timeout) {
    return awaitCompletionAsync(task, timeout, null);
  }

  public CompletableFuture<Task> awaitCompletionAsync(
      Task task, Duration timeout, TaskProgressListener listener) {
    return poller.awaitAsync(requireTask(task), task.getId(), requireTimeout(timeout), listener);
  }

  public CompletableFuture<Task> awaitCompletionAsync(String taskId, Duration timeout) {
    return awaitCompletionAsync(taskId, timeout, null);
  }

  public CompletableFuture<Task> awaitCompletionAsync(
      String taskId, Duration timeout, TaskProgressListener listener) {
    return poller.awaitAsync(null, requireId(taskId, "taskId"), requireTimeout(timeout), listener);
  }

  /** {@link #awaitSuccess(Task, Duration)} without blocking a thread between polls. */
  public CompletableFuture<Task> awaitSuccessAsync(Task task, Duration timeout) {
    return awaitCompletionAsync(task, timeout).thenApply(KirinClient::succeeded);
  }

  public CompletableFuture<Task> awaitSuccessAsync(String taskId, Duration timeout) {
    return awaitCompletionAsync(taskId, timeout).thenApply(KirinClient::succeeded);
  }

  /**
   * The contract version the server reported ({@value #CONTRACT_VERSION_HEADER}) in the latest answer that
   * carried one, error answers included; empty before such an answer.
   */
  public Optional<String> serverContractVersion() {
    return Optional.ofNullable(serverContractVersion.get());
  }

  /**
   * Whether a server implementing {@code contractVersion} keeps this client working: the same major version as
   * {@link #CONTRACT_VERSION} (within a major version the contract only changes compatibly). A version that is
   * not {@code MAJOR.MINOR.PATCH} is not compatible.
   */
  public static boolean isCompatibleWith(String contractVersion) {
    return contractVersion != null && major(contractVersion) >= 0 && major(contractVersion) == major(CONTRACT_VERSION);
  }

  /** Stops the client's own async threads, if it made them (no {@link Builder#executor} given). */
  @Override
  public void close() {
    if (ownExecutor != null) {
      ownExecutor.shutdown();
    }
  }

  @Override
  public String toString() {
    return "KirinClient[" + baseUrl + "]";
  }

  /** The request as sent: with an {@code external_task_id} of the client's making when it has none. */
  private VideoGenerationRequest withExternalTaskId(VideoGenerationRequest request) {
    Objects.requireNonNull(request, "request");
    if (!automaticExternalTaskIds || RequestBodies.externalTaskId(request) != null) {
      return request;
    }
    return RequestBodies.withExternalTaskId(request, "kirin-client-" + UUID.randomUUID());
  }

  private static Task succeeded(Task task) {
    if (TaskResults.isFailed(task)) {
      throw new KirinTaskFailedException(task);
    }
    return task;
  }

  private static String requireId(String id, String name) {
    Objects.requireNonNull(id, name);
    if (id.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return id;
  }

  private static Task requireTask(Task task) {
    Objects.requireNonNull(task, "task");
    requireId(task.getId(), "task.id");
    return task;
  }

  private static Duration requireTimeout(Duration timeout) {
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative: " + timeout);
    }
    return timeout;
  }

  /** The major version of {@code MAJOR.MINOR.PATCH[-PRERELEASE]}, or -1. */
  private static int major(String version) {
    Matcher matcher = SEMANTIC_VERSION.matcher(version.trim());
    return matcher.matches() ? Integer.parseInt(matcher.group(1)) : -1;
  }

  private static ApiClient apiClient(Builder builder, AtomicReference<String> serverContractVersion) {
    HttpClient httpClient = builder.httpClient;
    ApiClient apiClient =
        httpClient == null
            ? new ApiClient()
            : new ApiClient() {
              @Override
              public HttpClient getHttpClient() {
                return httpClient;
              }
            };
    apiClient.updateBaseUri(builder.baseUrl);
    apiClient.setObjectMapper(KirinJson.mapper());
    if (httpClient == null) {
      apiClient.setConnectTimeout(builder.connectTimeout);
    }
    apiClient.setReadTimeout(builder.requestTimeout);
    String authorization = "Bearer " + builder.apiKey;
    apiClient.setRequestInterceptor(
        request -> request.header("Authorization", authorization).header("User-Agent", USER_AGENT));
    apiClient.setResponseInterceptor(
        response -> response.headers().firstValue(CONTRACT_VERSION_HEADER).ifPresent(serverContractVersion::set));
    return apiClient;
  }

  /** Builds a {@link KirinClient}. {@code baseUrl} and {@code apiKey} are required; the rest has defaults. */
  public static final class Builder {

    private String baseUrl;
    private String apiKey;
    private Duration connectTimeout = Duration.ofSeconds(10);
    private Duration requestTimeout = Duration.ofSeconds(60);
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private PollingPolicy pollingPolicy = PollingPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Sleeper sleeper = Sleeper.system();
    private Executor executor;
    private HttpClient httpClient;
    private boolean connectTimeoutSet;
    private boolean automaticExternalTaskIds = true;

    private Builder() {}

    /** Where the API is, such as {@code http://localhost:8080} or {@code https://api.example.com/kirin}. */
    public Builder baseUrl(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      URI uri = URI.create(baseUrl);
      if (uri.getScheme() == null || uri.getHost() == null) {
        throw new IllegalArgumentException("baseUrl must be an absolute http(s) URL: " + baseUrl);
      }
      this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
      return this;
    }

    /** The API key, sent as {@code Authorization: Bearer <key>}. */
    public Builder apiKey(String apiKey) {
      this.apiKey = requireId(apiKey, "apiKey");
      return this;
    }

    /**
     * Whether a create without {@code external_task_id} is given one (default on): {@code kirin-client-} and a
     * random UUID, the same on every retry of that create, so that a create whose answer was lost is retried
     * without making a second task. Off, such a create is retried only where no task can have been made, and a
     * lost answer ends in {@link KirinConnectionException}.
     */
    public Builder automaticExternalTaskIds(boolean on) {
      this.automaticExternalTaskIds = on;
      return this;
    }

    /** Connect timeout of the client's own HTTP client (default 10 s). */
    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = positive(connectTimeout, "connectTimeout");
      this.connectTimeoutSet = true;
      return this;
    }

    /**
     * How long one request waits for its answer (default 60 s); then it fails with {@link
     * KirinTimeoutException} and is retried only where that is safe.
     */
    public Builder requestTimeout(Duration requestTimeout) {
      this.requestTimeout = positive(requestTimeout, "requestTimeout");
      return this;
    }

    /** Retries (default {@link RetryPolicy#defaults()}); {@link RetryPolicy#none()} turns them off. */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /** Spacing of the polls of {@code awaitCompletion} (default {@link PollingPolicy#defaults()}). */
    public Builder pollingPolicy(PollingPolicy pollingPolicy) {
      this.pollingPolicy = Objects.requireNonNull(pollingPolicy, "pollingPolicy");
      return this;
    }

    /** The clock for timeouts and {@code Retry-After} dates (default the system UTC clock). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** What waits between retries and polls (default {@link Sleeper#system()}). */
    public Builder sleeper(Sleeper sleeper) {
      this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
      return this;
    }

    /**
     * Where the async methods run their (blocking) HTTP calls. By default the client makes its own pool of
     * daemon threads, stopped by {@link KirinClient#close()}; an executor given here is not shut down by the
     * client.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The JDK HTTP client to send with, for a proxy, TLS or HTTP version of your own. Its own connect timeout
     * applies; {@link #connectTimeout} cannot be combined with it.
     */
    public Builder httpClient(HttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException if {@code baseUrl} or {@code apiKey} is missing, or both {@code
     *     httpClient} and {@code connectTimeout} were given
     */
    public KirinClient build() {
      if (baseUrl == null) {
        throw new IllegalStateException("baseUrl is required");
      }
      if (apiKey == null) {
        throw new IllegalStateException("apiKey is required");
      }
      if (httpClient != null && connectTimeoutSet) {
        throw new IllegalStateException("connectTimeout applies to the client's own HTTP client; "
            + "set it on the HttpClient you give instead");
      }
      return new KirinClient(this);
    }

    private static Duration positive(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException(name + " must be more than zero: " + duration);
      }
      return duration;
    }
  }

  /** Names the client's own async threads and keeps them from holding the JVM open. */
  private static final class DaemonThreads implements ThreadFactory {

    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private final int client = CLIENTS.incrementAndGet();
    private final AtomicInteger threads = new AtomicInteger();

    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task, "kirin-client-" + client + "-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }
}
