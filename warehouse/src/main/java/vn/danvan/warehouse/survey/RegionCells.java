package vn.danvan.warehouse.survey;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** One requested region with its cells, in the order of the request. */
public record RegionCells(
    @JsonProperty("region") String region,
    @JsonProperty("name") String name,
    @JsonProperty("level") String level,
    @JsonProperty("cells") List<SurveyCell> cells) {
  public RegionCells {
    cells = List.copyOf(cells);
  }
}
