package io.kirincontract.conformance.http;

import static io.restassured.RestAssured.given;

import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The three endpoints of the API through REST Assured, each exchange validated against the spec. One instance per
 * server and key.
 */
public final class KirinApi {

  public static final String CREATE = "/v1/videos/generations";
  public static final String GET = "/v1/videos/generations/{task_id}";
  public static final String GET_EXTERNAL = "/v1/videos/generations/external/{external_task_id}";

  private static final int TIMEOUT_MILLIS = 60_000;

  private final String baseUrl;
  private final String apiKey;
  private final SpecValidation validation;

  public KirinApi(String baseUrl, String apiKey, SpecValidation validation) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
    this.validation = validation;
  }

  /** The same server with another key (or none, for {@code null}). */
  public KirinApi withKey(String key) {
    return new KirinApi(baseUrl, key, validation);
  }

  public String baseUrl() {
    return baseUrl;
  }

  /** A request with the base URL, the key and the spec filter, ready for more. */
  public RequestSpecification request() {
    RequestSpecification request =
        given().config(CONFIG).baseUri(baseUrl).urlEncodingEnabled(true).filter(validation.filter());
    return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
  }

  /** {@code POST /v1/videos/generations} with this JSON text. */
  public Response create(String json) {
    return request().contentType(ContentType.JSON).body(json).post(CREATE);
  }

  public Response get(String taskId) {
    return request().pathParam("task_id", taskId).get(GET);
  }

  public Response getByExternalId(String externalTaskId) {
    return request().pathParam("external_task_id", externalTaskId).get(GET_EXTERNAL);
  }

  private static final RestAssuredConfig CONFIG =
      RestAssuredConfig.config()
          .httpClient(
              HttpClientConfig.httpClientConfig()
                  .setParam("http.connection.timeout", TIMEOUT_MILLIS)
                  .setParam("http.socket.timeout", TIMEOUT_MILLIS));
}
