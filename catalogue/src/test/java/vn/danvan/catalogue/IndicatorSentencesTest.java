package vn.danvan.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IndicatorSentencesTest {
  private static final IndicatorCatalogue CATALOGUE = IndicatorCatalogue.load();
  private static final String HEADER = "code,group,template_vi,template_en\n";

  @Test
  void the_packaged_sentences_name_catalogue_indicators_in_groups() {
    IndicatorSentences sentences = IndicatorSentences.load(CATALOGUE);
    assertThat(sentences.all()).extracting(IndicatorSentences.Sentence::code).startsWith("models_new")
        .contains("houses_supported");
    assertThat(sentences.find("models_new").orElseThrow().write("vi",
        Map.of("year", "2024", "area", "toàn tỉnh", "value", "4.494", "change", "tăng 12 (0,27 %) so với năm 2023")))
        .isEqualTo("Năm 2024, toàn tỉnh thành lập mới 4.494 mô hình “Dân vận khéo”, tăng 12 (0,27 %) so với năm 2023.");
  }

  @Test
  void a_sentence_of_an_unknown_indicator_or_with_an_unknown_placeholder_is_refused_with_its_line() {
    assertThatThrownBy(() -> IndicatorSentences.parse(HEADER + "no_such,models,\"{value}\",\"{value}\"\n", "s.csv",
        CATALOGUE)).hasMessage("s.csv line 2: no_such is not in the indicator catalogue");
    assertThatThrownBy(() -> IndicatorSentences.parse(HEADER + "gifts,welfare,\"{value} {opinion}\",\"{value}\"\n",
        "s.csv", CATALOGUE)).hasMessageStartingWith("s.csv line 2: the sentence of gifts has an unknown placeholder {opinion}");
    assertThatThrownBy(() -> IndicatorSentences.parse("code,template\n", "s.csv", CATALOGUE))
        .hasMessageStartingWith("s.csv: header must be code,group,template_vi,template_en");
  }
}
