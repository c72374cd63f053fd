package vn.danvan.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The dashboard as the users' browsers meet it: {@code GET} over HTTP/1.1 with keep-alive, the
 * whole answer read. Every request is built by {@link #request}, the one place that says who the
 * user is: user {@code u} signs in with the {@code u}-th API token ({@code Authorization: Bearer}),
 * its own account's, so that the server scopes its answers and gives it its own share of the
 * connections, as users on their own machines would have.
 */
final class HttpReads implements VirtualUsers.Caller {
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final List<String> tokens;

  /**
   * @param baseUrl the server's root, e.g. {@code http://127.0.0.1:41234/}
   * @param tokens each user's API token, user 0 first
   */
  HttpReads(String baseUrl, List<String> tokens) {
    Objects.requireNonNull(baseUrl, "baseUrl");
    this.tokens = List.copyOf(tokens);
    if (this.tokens.isEmpty()) {
      throw new IllegalArgumentException("no token: every request must be signed in");
    }
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  /** The request user {@code user} sends for {@code pathAndQuery}, signed in with its own token. */
  HttpRequest request(int user, String pathAndQuery) {
    if (user < 0 || user >= tokens.size()) {
      throw new IllegalArgumentException("user " + user + " has no token (" + tokens.size() + " users)");
    }
    return HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
        .timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json")
        .header("Authorization", "Bearer " + tokens.get(user))
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
