package vn.danvan.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.javalin.validation.ValidationException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.danvan.dashboard.openapi.OpenApiDocument.ErrorJson;
import vn.danvan.warehouse.query.NoSnapshotException;
import vn.danvan.warehouse.query.NotFoundException;
import vn.danvan.warehouse.query.OutOfScopeException;
import vn.danvan.warehouse.query.WarehouseBusyException;

/**
 * The one exception mapper: every failure becomes {@code {"error": "..."}} with a status that
 * says whose fault it is. Unexpected errors are logged in full but answered without internals.
 * A 503 also carries {@code "code"}, for a page to say which of them it met: {@value #NO_SNAPSHOT}
 * (nothing published yet: load first), {@value #BUSY} (the warehouse's connections stayed taken,
 * or a statement ran past its time: try again after {@code Retry-After}) or {@value #UNAVAILABLE}
 * (something this server cannot do, e.g. print or start a load: the message says what to run).
 */
public final class ApiErrors {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);
  private static final String ANSWERED = ApiErrors.class.getName() + ".answered";

  public static final String NO_SNAPSHOT = "no_snapshot";
  static final String BUSY = "busy";
  static final String UNAVAILABLE = "unavailable";

  private ApiErrors() {}

  static void handle(Exception e, Context ctx) {
    if (e instanceof ValidationException v) {
      respond(ctx, HttpStatus.BAD_REQUEST, v.getErrors().entrySet().stream()
          .map(en -> en.getKey() + ": " + en.getValue().stream()
              .map(err -> err.getMessage()).collect(Collectors.joining(", ")))
          .collect(Collectors.joining("; ")));
    } else if (e instanceof HttpResponseException h) {
      HttpStatus status = HttpStatus.forStatus(h.getStatus());
      respond(ctx, status, status == HttpStatus.NOT_FOUND
          ? "not found: " + method(ctx) + " " + ctx.path() : h.getMessage(),
          status == HttpStatus.SERVICE_UNAVAILABLE ? UNAVAILABLE : null);
    } else if (e instanceof JsonProcessingException j) {
      // a body that is not the JSON a route takes (Javalin passes Jackson's exception through)
      respond(ctx, HttpStatus.BAD_REQUEST, bodyProblem(j));
    } else if (e instanceof OutOfScopeException) {
      respond(ctx, HttpStatus.FORBIDDEN, e.getMessage());
    } else if (e instanceof NotFoundException) {
      respond(ctx, HttpStatus.NOT_FOUND, e.getMessage());
    } else if (e instanceof IllegalArgumentException) {
      respond(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
    } else if (e instanceof NoSnapshotException) {
      respond(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), NO_SNAPSHOT);
    } else if (e instanceof WarehouseBusyException) {
      ctx.header("Retry-After", "5");
      respond(ctx, HttpStatus.SERVICE_UNAVAILABLE, "the warehouse is busy, try again: " + e.getMessage(), BUSY);
    } else {
      LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
      respond(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
          "internal error while serving " + ctx.path() + "; see the server log");
    }
  }

  /** The record's own check when it refused the body (e.g. a ragged table), else Jackson's words. */
  private static String bodyProblem(JsonProcessingException e) {
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c instanceof IllegalArgumentException || c instanceof NullPointerException) {
        return c.getMessage();
      }
    }
    return "body: " + e.getOriginalMessage();
  }

  /** Javalin's own 404 for a path no route or static file matches. */
  static void notFound(Context ctx) {
    if (Boolean.TRUE.equals(ctx.attribute(ANSWERED))) {
      return; // a 404 the exception mapper already answered, e.g. an unknown indicator
    }
    respond(ctx, HttpStatus.NOT_FOUND, "not found: " + method(ctx) + " " + ctx.path());
  }

  /** HEAD answers as GET would, to the byte count of its message. */
  private static String method(Context ctx) {
    return ctx.method() == HandlerType.HEAD ? "GET" : ctx.method().name();
  }

  private static void respond(Context ctx, HttpStatus status, String message) {
    respond(ctx, status, message, null);
  }

  private static void respond(Context ctx, HttpStatus status, String message, String code) {
    ctx.attribute(ANSWERED, true);
    // set again: an error's answer must carry them whatever happened to the response before
    RequestHygiene.secure(ctx::header, ctx.path());
    String allow = ctx.attribute(RequestHygiene.ALLOW);
    if (allow != null) {
      ctx.header("Allow", allow);
    }
    ctx.status(status).json(new ErrorJson(message == null ? status.getMessage() : message, code));
  }
}
