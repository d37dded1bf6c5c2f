package io.kirincontract.mock.callbacks.internal;

/** The headers every callback request carries, beside {@code Content-Type: application/json}. */
final class CallbackHeaders {

  /** Fixed {@code User-Agent} of callback requests. */
  public static final String USER_AGENT = "kirin-mock";

  /** The id of the task whose JSON is the body. */
  public static final String TASK_ID = "X-Kirin-Task-Id";

  /** The status the task changed to ({@code processing}, {@code completed}, {@code failed}). */
  public static final String TASK_STATUS = "X-Kirin-Task-Status";

  /** 1 for the first attempt of a callback, 2 for its first retry, and so on. */
  public static final String DELIVERY_ATTEMPT = "X-Kirin-Delivery-Attempt";

  private CallbackHeaders() {}
}
