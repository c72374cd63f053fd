package vn.danvan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.Response;
import java.util.ArrayList;
import java.util.List;

/** How the endpoint tests read an answer: a 200 as JSON, an error as its status and message. */
public final class ApiAnswers {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiAnswers() {}

  /** The body of a 200 (the body is the failure's description otherwise). */
  public static JsonNode ok(Response response) throws Exception {
    String body = response.body().string();
    assertThat(response.code()).as(body).isEqualTo(200);
    return JSON.readTree(body);
  }

  public static void assertError(Response response, int status, String messageStart) throws Exception {
    String body = response.body().string();
    assertThat(response.code()).as(body).isEqualTo(status);
    assertThat(JSON.readTree(body).get("error").asText()).startsWith(messageStart);
  }

  /** A JSON object's field names, in order. */
  public static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
