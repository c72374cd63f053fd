package vn.danvan.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * The dashboard as the users' browsers meet it: {@code GET} over HTTP/1.1 with keep-alive, the
 * whole answer read. Every request is built by {@link #request}, the one place that says who the
 * user is.
 */
final class HttpReads implements VirtualUsers.Caller {
  /**
   * The header the bench's server takes as the client's key ({@code serve --client-header}), so
   * that each virtual user has its own share of the connections, as users on their own machines
   * would.
   */
  static final String CLIENT_HEADER = "X-Danvan-Client";

  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  /** @param baseUrl the server's root, e.g. {@code http://127.0.0.1:41234/} */
  HttpReads(String baseUrl) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /**
   * The request user {@code user} sends for {@code pathAndQuery}. Once the server has logins, this
   * is where each user's {@code Authorization: Bearer <token>} goes (users of several scopes: one
   * account per scope, tokens handed out round-robin over the users).
   */
  HttpRequest request(int user, String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .header(CLIENT_HEADER, "user-" + user)
        .GET().build();
  }

  @Override
  public void call(int user, Read read) throws IOException, InterruptedException {
    get(user, read.path());
  }

  /** The body of a {@code 200}; anything else is an error with the answer's start. */
  byte[] get(int user, String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<byte[]> response = client.send(request(user, pathAndQuery), HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() != 200) {
      String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
      throw new IOException("answered " + response.statusCode() + ": "
          + (body.length() > 200 ? body.substring(0, 200) + "..." : body));
    }
    return response.body();
  }
}
