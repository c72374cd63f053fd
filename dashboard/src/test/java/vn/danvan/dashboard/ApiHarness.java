package vn.danvan.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.testtools.HttpClient;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.contract.Lake;
import vn.danvan.dashboard.access.AccessControl;
import vn.danvan.dashboard.access.RecordingAudit;
import vn.danvan.dashboard.access.TestAccounts;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * The endpoint tests' one harness, so that each of them states only its lake and its calls: the
 * warehouse over a {@link TestLake}, the app on a random port (JavalinTest), and how an answer is
 * read (a 200 as JSON, an error as its status and message). The client acts as a national admin
 * ({@link TestAccounts#ADMIN}, by its bearer token) unless told otherwise ({@link Client#as},
 * {@link Client#anonymous()}).
 */
public final class ApiHarness {
  /** The catalogue the app serves. */
  public static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();
  private static final ObjectMapper JSON = new ObjectMapper();

  private ApiHarness() {}

  /** What a test does with the running app. */
  @FunctionalInterface
  public interface Calls {
    void run(Client client) throws Exception;
  }

  /**
   * Serves {@code lake} (published or not yet) while {@code calls} run, then stops the app and
   * closes the warehouse; the accounts are {@link TestAccounts#standard()}.
   */
  public static void serve(TestLake lake, Calls calls) throws Exception {
    serve(lake, AccessControl.of(TestAccounts.standard(), new RecordingAudit()), calls);
  }

  /** As {@link #serve(TestLake, Calls)} with these accounts, audit trail and clock. */
  public static void serve(TestLake lake, AccessControl access, Calls calls) throws Exception {
    try (Warehouse warehouse = Warehouse.open(Lake.at(lake.root()))) {
      JavalinTest.test(DashboardApp.create(warehouse, CATALOGUE, access),
          (server, http) -> calls.run(new Client(warehouse, http, TestAccounts.ADMIN_TOKEN)));
    }
  }

  /**
   * The running app as a test reaches it, and the warehouse behind it (to refresh after a publish).
   *
   * @param token the bearer token every request carries; null for none
   */
  public record Client(Warehouse warehouse, HttpClient http, String token) {
    /** This client with another account's token (null: no credentials at all). */
    public Client as(String otherToken) {
      return new Client(warehouse, http, otherToken);
    }

    /** This client without credentials. */
    public Client anonymous() {
      return as(null);
    }

    public Response get(String path) {
      return http.get(path, request -> {
        if (token != null) {
          request.header("Authorization", "Bearer " + token);
        }
      });
    }

    /** POSTs a JSON body; the answer is kept in bytes, as a download (XLSX) is no text. */
    public HttpResponse<byte[]> post(String path, String json) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getOrigin() + path))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
      return java.net.http.HttpClient.newHttpClient().send(authorized(request).build(),
          HttpResponse.BodyHandlers.ofByteArray());
    }

    /** GETs a download; the answer is kept in bytes. */
    public HttpResponse<byte[]> download(String path) throws Exception {
      return java.net.http.HttpClient.newHttpClient().send(authorized(HttpRequest.newBuilder(
          URI.create(http.getOrigin() + path))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Any method, with a body of {@code contentType} when that is not null; the answer as text. */
    public HttpResponse<String> send(String method, String path, String contentType, String body) throws Exception {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getOrigin() + path));
      if (contentType != null) {
        request.header("Content-Type", contentType);
      }
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
      return java.net.http.HttpClient.newHttpClient().send(authorized(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
      return token == null ? request : request.header("Authorization", "Bearer " + token);
    }
  }

  /** The body as JSON, whatever the status. */
  public static JsonNode json(Response response) throws Exception {
    return JSON.readTree(response.body().string());
  }

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

  /** The {@code code} of each element of a JSON array, in order. */
  public static List<String> codes(JsonNode array) {
    List<String> codes = new ArrayList<>();
    array.forEach(n -> codes.add(n.get("code").asText()));
    return codes;
  }
}
