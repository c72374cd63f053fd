package vn.danvan.warehouse.regions;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Objects;

/** A region as pickers and breadcrumbs name it; {@code parent} is null for the nation. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegionRef(String code, String name, String level, String parent) {
  public RegionRef {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(level, "level");
  }
}
