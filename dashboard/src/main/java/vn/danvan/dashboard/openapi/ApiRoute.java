package vn.danvan.dashboard.openapi;

import io.javalin.http.Handler;
import java.util.List;
import java.util.Objects;
import vn.danvan.dashboard.access.Role;

/**
 * One route of the JSON API together with its description: DashboardApp registers the handler and
 * {@link OpenApiDocument} describes it from the same value, so the served document cannot drift
 * from the routes.
 *
 * @param response the record class whose JSON the route answers with (for a list, its element);
 *     null for a non-JSON answer such as a file
 * @param requires the least role a caller needs (enforced by the access gate); a viewer unless
 *     {@link #requires(Role)} says otherwise
 * @param publicRoute true for the few routes anyone may call without signing in (the login itself)
 */
public record ApiRoute(Method method, String path, Handler handler, String summary,
    List<Param> params, Class<?> response, boolean list, String produces, Role requires, boolean publicRoute) {

  public enum Method { GET, POST }

  /** A query or path parameter. {@code choices} empty means free text. */
  public record Param(String name, boolean inPath, boolean required, String description,
      String type, List<String> choices) {
    public Param {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      choices = List.copyOf(choices);
    }

    public static Param required(String name, String description) {
      return new Param(name, false, true, description, "string", List.of());
    }

    public static Param optional(String name, String description, String... choices) {
      return new Param(name, false, false, description, "string", List.of(choices));
    }

    public static Param year(String name, boolean required, String description) {
      return new Param(name, false, required, description, "integer", List.of());
    }

    public static Param path(String name, String description) {
      return new Param(name, true, true, description, "string", List.of());
    }
  }

  public ApiRoute {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(handler, "handler");
    Objects.requireNonNull(summary, "summary");
    params = List.copyOf(params);
    Objects.requireNonNull(produces, "produces");
    Objects.requireNonNull(requires, "requires");
  }

  /** This route for callers whose role includes {@code role} only (others get a 403). */
  public ApiRoute requires(Role role) {
    return new ApiRoute(method, path, handler, summary, params, response, list, produces, role, publicRoute);
  }

  /** This route with one more parameter. */
  public ApiRoute with(Param param) {
    List<Param> more = new java.util.ArrayList<>(params);
    more.add(Objects.requireNonNull(param, "param"));
    return new ApiRoute(method, path, handler, summary, more, response, list, produces, requires, publicRoute);
  }

  /** This route for anyone, signed in or not. */
  public ApiRoute open() {
    return new ApiRoute(method, path, handler, summary, params, response, list, produces, requires, true);
  }

  /** A route answering with the JSON of {@code response}, by any method. */
  public static ApiRoute json(Method method, String path, Handler handler, String summary, Class<?> response,
      Param... params) {
    return new ApiRoute(method, path, handler, summary, List.of(params), response, false, "application/json",
        Role.VIEWER, false);
  }

  public static ApiRoute get(String path, Handler handler, String summary, Class<?> response, Param... params) {
    return new ApiRoute(Method.GET, path, handler, summary, List.of(params), response, false, "application/json",
        Role.VIEWER, false);
  }

  public static ApiRoute getList(String path, Handler handler, String summary, Class<?> element, Param... params) {
    return new ApiRoute(Method.GET, path, handler, summary, List.of(params), element, true, "application/json",
        Role.VIEWER, false);
  }

  /** A route answering with a file of {@code mediaType}. */
  public static ApiRoute file(Method method, String path, Handler handler, String summary, String mediaType,
      Param... params) {
    return new ApiRoute(method, path, handler, summary, List.of(params), null, false, mediaType, Role.VIEWER, false);
  }
}
