package vn.danvan.dashboard.openapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The OpenAPI 3.1 description of the JSON API, built from the same {@link ApiRoute}s the app
 * registers. Response schemas are read off the answer records: a component's JSON name is its
 * {@code @JsonProperty} or its own name, and it is required unless the record (or component) omits
 * nulls.
 */
public final class OpenApiDocument {
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenApiDocument() {}

  public static ObjectNode of(String title, String version, List<ApiRoute> routes) {
    ObjectNode doc = JSON.createObjectNode();
    doc.put("openapi", "3.1.0");
    doc.putObject("info").put("title", title).put("version", version);
    ObjectNode paths = doc.putObject("paths");
    ObjectNode schemas = JSON.createObjectNode();
    for (ApiRoute route : routes) {
      ObjectNode path = paths.has(route.path()) ? (ObjectNode) paths.get(route.path())
          : paths.putObject(route.path());
      ObjectNode op = path.putObject(route.method().name().toLowerCase(java.util.Locale.ROOT));
      op.put("summary", route.summary());
      ArrayNode params = op.putArray("parameters");
      for (ApiRoute.Param p : route.params()) {
        ObjectNode param = params.addObject().put("name", p.name()).put("in", p.inPath() ? "path" : "query")
            .put("required", p.required()).put("description", p.description());
        ObjectNode schema = param.putObject("schema").put("type", p.type());
        if (!p.choices().isEmpty()) {
          p.choices().forEach(schema.putArray("enum")::add);
        }
      }
      ObjectNode responses = op.putObject("responses");
      ObjectNode ok = responses.putObject("200").put("description", "OK");
      ObjectNode media = ok.putObject("content").putObject(route.produces());
      if (route.response() != null) {
        ObjectNode ref = JSON.createObjectNode().put("$ref", reference(route.response(), schemas));
        if (route.list()) {
          media.putObject("schema").put("type", "array").set("items", ref);
        } else {
          media.set("schema", ref);
        }
      } else {
        media.putObject("schema").put("type", "string").put("format", "binary");
      }
      if (route.publicRoute()) {
        op.putArray("security").addObject(); // anyone: signing in is what it is for
      } else {
        op.put("x-required-role", route.requires().code());
      }
      for (String code : route.publicRoute() ? List.of("400", "404", "503") : List.of("400", "401", "403", "404", "503")) {
        responses.putObject(code).put("description", switch (code) {
          case "400" -> "a parameter is invalid; the message names it";
          case "401" -> "not signed in: no session cookie or bearer token, or an expired or unknown one";
          case "403" -> "signed in, but the role is not " + route.requires().code() + " or more, the password must "
              + "be changed first, or a CSRF check failed; the message says which";
          case "404" -> "unknown indicator, region or resource";
          default -> "code no_snapshot: no snapshot published yet; code busy: the warehouse is busy, try again "
              + "after Retry-After; code unavailable: something this server cannot do (the message says what to run)";
        }).putObject("content").putObject("application/json").putObject("schema")
            .put("$ref", reference(ErrorJson.class, schemas));
      }
    }
    ObjectNode components = doc.putObject("components");
    components.set("schemas", schemas);
    ObjectNode schemes = components.putObject("securitySchemes");
    schemes.putObject("bearer").put("type", "http").put("scheme", "bearer")
        .put("description", "an API token of an account (bin/danvan users token)");
    schemes.putObject("session").put("type", "apiKey").put("in", "cookie").put("name", "danvan_session")
        .put("description", "the cookie POST /api/login sets; state-changing requests also need X-CSRF-Token "
            + "(GET /api/session) and this server's Origin");
    doc.putArray("security").add(JSON.createObjectNode().set("bearer", JSON.createArrayNode()))
        .add(JSON.createObjectNode().set("session", JSON.createArrayNode()));
    return doc;
  }

  /**
   * {@code {"error": "..."}}, every failure's body; a 503's also {@code "code"}: no_snapshot, busy
   * or unavailable.
   */
  public record ErrorJson(String error, @JsonInclude(JsonInclude.Include.NON_NULL) String code) {}

  private static String reference(Class<?> type, ObjectNode schemas) {
    String name = type.getSimpleName();
    if (!schemas.has(name)) {
      ObjectNode schema = schemas.putObject(name);
      if (type.isRecord()) {
        schema.put("type", "object");
        ObjectNode props = schema.putObject("properties");
        ArrayNode required = schema.putArray("required");
        boolean omitsNulls = omitsNulls(type.getAnnotation(JsonInclude.class));
        for (RecordComponent c : type.getRecordComponents()) {
          JsonProperty named = c.getAnnotation(JsonProperty.class);
          if (named == null && c.getAccessor().getAnnotation(JsonProperty.class) != null) {
            named = c.getAccessor().getAnnotation(JsonProperty.class);
          }
          String json = named != null && !named.value().isEmpty() ? named.value() : c.getName();
          props.set(json, schemaOf(c.getGenericType(), schemas));
          if (!omitsNulls && !omitsNulls(c.getAnnotation(JsonInclude.class))) {
            required.add(json);
          }
        }
      } else {
        schema.setAll((ObjectNode) schemaOf(type, schemas));
      }
    }
    return "#/components/schemas/" + name;
  }

  private static boolean omitsNulls(JsonInclude include) {
    return include != null && include.value() != JsonInclude.Include.ALWAYS;
  }

  private static com.fasterxml.jackson.databind.JsonNode schemaOf(Type type, ObjectNode schemas) {
    if (type instanceof ParameterizedType p) {
      Class<?> raw = (Class<?>) p.getRawType();
      if (List.class.isAssignableFrom(raw)) {
        ObjectNode array = JSON.createObjectNode().put("type", "array");
        array.set("items", schemaOf(p.getActualTypeArguments()[0], schemas));
        return array;
      }
      if (Map.class.isAssignableFrom(raw)) {
        ObjectNode map = JSON.createObjectNode().put("type", "object");
        map.set("additionalProperties", schemaOf(p.getActualTypeArguments()[1], schemas));
        return map;
      }
      return schemaOf(raw, schemas);
    }
    Class<?> c = (Class<?>) Objects.requireNonNull(type, "type");
    if (c == String.class || c.isEnum()) {
      return JSON.createObjectNode().put("type", "string");
    }
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      return JSON.createObjectNode().put("type", "integer");
    }
    if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
      return JSON.createObjectNode().put("type", "number");
    }
    if (c == boolean.class || c == Boolean.class) {
      return JSON.createObjectNode().put("type", "boolean");
    }
    if (c.isRecord()) {
      return JSON.createObjectNode().put("$ref", reference(c, schemas));
    }
    return JSON.createObjectNode(); // any JSON value
  }
}
