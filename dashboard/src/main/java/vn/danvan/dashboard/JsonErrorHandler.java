package vn.danvan.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's answer to what it refuses before Javalin sees the request (a URI too long, one it
 * cannot decode, a malformed request line): the API's {@code {"error": "..."}} with the security
 * headers, instead of Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
      Callback callback) {
    HttpFields.Mutable headers = response.getHeaders();
    String path = null;
    try {
      path = request.getHttpURI().getPath();
    } catch (RuntimeException e) {
      // a URI Jetty could not decode has no path to speak of
    }
    RequestHygiene.secure(headers::put, path);
    headers.put(HttpHeader.CACHE_CONTROL, "private, no-store");
    headers.put(HttpHeader.CONTENT_TYPE, "application/json");
    byte[] body = body(code, message);
    headers.put(HttpHeader.CONTENT_LENGTH, Long.toString(body.length));
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  @Override
  protected void generateCacheControl(Response response) {
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "private, no-store");
  }

  private static byte[] body(int code, String message) {
    String text = message == null || message.isBlank() ? HttpStatus.getMessage(code) : message;
    try {
      return JSON.writeValueAsBytes(Map.of("error", text));
    } catch (JsonProcessingException e) {
      return ("{\"error\":\"" + code + "\"}").getBytes(StandardCharsets.UTF_8);
    }
  }
}
