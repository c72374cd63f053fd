package vn.danvan.dashboard.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.catalogue.IndicatorCatalogue;
import vn.danvan.catalogue.IndicatorSentences;
import vn.danvan.contract.Lake;
import vn.danvan.contract.release.Release;
import vn.danvan.contract.release.Releases;
import vn.danvan.dashboard.geo.GeoStore;
import vn.danvan.dashboard.pages.PageFixture;
import vn.danvan.dashboard.review.ReviewDocument.Headline;
import vn.danvan.warehouse.query.RegionScope;
import vn.danvan.warehouse.query.Warehouse;
import vn.danvan.warehouse.query.WarehouseOptions;
import vn.danvan.warehouse.testlake.TestLake;

/**
 * Builds the review pack of Hà Nội 2024 from a release of the page fixture once (Chromium costs
 * seconds), after a later load changed Hà Nội's 2024 figure, and reads the files back: the PDF's
 * text, fonts, pages and metadata, the Word document's tables and headings, the CSV files.
 */
class ReviewPackTest {
  private static final String LATER = "20260301T000000000Z-0badcaf2";
  /** Hà Nội 2024 restated onto 2025's units in the fixture: 100 + 8 + 50; the later load says 4,158. */
  private static final double FROZEN = 158;

  @TempDir static Path dir;
  static Release release;
  static ReviewDocument frozen;
  static ReviewDocument current;
  static ReviewPack.Result pack;

  @BeforeAll
  static void build() {
    assumeThat(ReviewPack.printable()).as("Debian's chromium and chromium-driver").isTrue();
    Path root = dir.resolve("lake");
    TestLake lake = PageFixture.write(root);
    String first = Lake.at(root).published().orElseThrow().id();
    lake.loadReport(first, "{\"tables\": {\"report_values\": {\"read\": 7, \"landed\": 5, \"quarantined\": 2, "
        + "\"rows_in_lake\": 5}}}");
    release = Releases.of(Lake.at(root)).create("tong-ket-2024", first, "Tổng kết năm 2024", "tester",
        Instant.parse("2026-01-20T03:00:00Z"));
    later(lake, first);
    IndicatorCatalogue catalogue = IndicatorCatalogue.load();
    IndicatorSentences sentences = IndicatorSentences.load(catalogue);
    GeoStore geo = new GeoStore(root);
    try (Warehouse pinned = Warehouse.pinned(Lake.at(root), Releases.of(Lake.at(root)).snapshot(release),
        WarehouseOptions.defaults())) {
      frozen = new ReviewModel(pinned, catalogue, sentences, geo).build(RegionScope.country(), "01", 2024, "vi", release);
    }
    // as review pack builds it: the release opened with its yearly figures only, checked against every grain's
    pack = ReviewPack.ofRelease(Lake.at(root), catalogue, Clock.fixed(Instant.parse("2026-02-01T00:00:00Z"),
        ZoneOffset.UTC), "tester", RegionScope.country(), new ReviewPack.Request("01", 2024, "vi", release),
        dir.resolve("pack"));
    try (Warehouse served = Warehouse.open(Lake.at(root))) {
      current = new ReviewModel(served, catalogue, sentences, geo).build(RegionScope.country(), "01", 2024, "vi", null);
    }
  }

  /** A later snapshot: the same files but Hà Nội's 2024 figure (both modes) raised by 4,000. */
  private static void later(TestLake lake, String first) {
    try (Stream<Path> files = Files.walk(lake.snapshotDir(first))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path target = lake.snapshotDir(LATER).resolve(lake.snapshotDir(first).relativize(file).toString());
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Path values = lake.snapshotDir(first).resolve("indicator_values/part-0.parquet");
    lake.parquet(LATER, "indicator_values/part-0.parquet", "SELECT * REPLACE (CASE WHEN region_code = '01' AND year = 2024 "
        + "AND indicator = 'houses_supported' THEN value + 4000 ELSE value END AS value) FROM read_parquet('" + values + "')")
        .publish(LATER);
  }

  private static String pdfText() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(pack.pdf().toFile())) {
      return new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
    }
  }

  private static Headline houses() {
    return frozen.headlines().stream().filter(h -> h.indicator().equals("houses_supported")).findFirst().orElseThrow();
  }

  @Test
  void the_pdf_holds_the_region_names_with_their_diacritics_and_every_headline_figure_of_the_release() throws IOException {
    String text = pdfText();
    assertThat(text).contains("Thành phố Hà Nội", "Phường Ba Đình", "Phường Ngọc Hà", "Phường Giảng Võ",
        "Báo cáo tổng kết năm 2024", "tong-ket-2024");
    assertThat(houses().value()).isEqualTo(FROZEN);
    for (Headline h : frozen.headlines()) {
      assertThat(text).as("the sentence of %s", h.indicator()).contains(h.sentence());
      for (Double figure : new Double[] {h.value(), h.previous(), h.change(), h.changePercent(), h.growth5yPercent()}) {
        if (figure != null) {
          assertThat(text).as("a figure of %s", h.indicator()).contains(VietnameseNumbers.format(figure, "vi"));
        }
      }
    }
    assertThat(text).contains("xây mới, sửa chữa 158 ngôi nhà cho nhân dân, tăng 1 (0,64 %) so với năm 2023");
  }

  @Test
  void a_later_load_changes_the_served_figures_but_not_the_release_or_its_pack() throws IOException {
    Headline now = current.headlines().stream().filter(h -> h.indicator().equals("houses_supported")).findFirst()
        .orElseThrow();
    assertThat(now.value()).isEqualTo(FROZEN + 4000);
    assertThat(pdfText()).doesNotContain("4.158").contains("158 ngôi nhà");
    assertThat(frozen.snapshot()).isEqualTo(release.snapshot()).isNotEqualTo(current.snapshot());
  }

  @Test
  void every_font_is_embedded_every_page_is_a4_and_the_metadata_cites_the_release() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(pack.pdf().toFile())) {
      assertThat(pdf.getNumberOfPages()).isGreaterThan(3);
      List<PDFont> fonts = new ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        assertThat(page.getMediaBox().getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f));
        assertThat(page.getMediaBox().getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
        fonts(page.getResources(), fonts);
      }
      assertThat(fonts).isNotEmpty();
      assertThat(fonts).allSatisfy(f -> assertThat(f.isEmbedded()).as("font %s embedded", f.getName()).isTrue());
      PDDocumentInformation info = pdf.getDocumentInformation();
      assertThat(info.getCustomMetadataValue(PackPdf.RELEASE)).isEqualTo("tong-ket-2024");
      assertThat(info.getCustomMetadataValue(PackPdf.SNAPSHOT)).isEqualTo(release.snapshot());
      assertThat(info.getCustomMetadataValue(PackPdf.MANIFEST)).isEqualTo(release.manifestSha256()).hasSize(64);
      assertThat(info.getTitle()).contains("2024", "Thành phố Hà Nội");
    }
  }

  @Test
  void the_contents_give_each_sections_printed_page_and_each_section_has_a_bookmark() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(pack.pdf().toFile())) {
      PDFTextStripper text = new PDFTextStripper();
      text.setSortByPosition(true); // as a reader reads: the numbers were drawn after the page
      List<String> pages = new ArrayList<>();
      for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
        text.setStartPage(p);
        text.setEndPage(p);
        pages.add(text.getText(pdf));
      }
      List<PDOutlineItem> bookmarks = new ArrayList<>();
      pdf.getDocumentCatalog().getDocumentOutline().children().forEach(bookmarks::add);
      assertThat(bookmarks).extracting(PDOutlineItem::getTitle).hasSize(7)
          .startsWith("1. Các chỉ tiêu chủ yếu năm 2024").endsWith("7. Phụ lục");
      int previous = 2;
      for (PDOutlineItem bookmark : bookmarks) {
        int page = ((PDPageDestination) bookmark.getDestination()).retrievePageNumber() + 1;
        // the section's heading is printed on the page its bookmark and its contents line name
        assertThat(pages.get(page - 1)).as(bookmark.getTitle()).contains(bookmark.getTitle());
        assertThat(page).as(bookmark.getTitle()).isGreaterThan(previous);
        String entry = bookmark.getTitle().substring(bookmark.getTitle().indexOf(' ') + 1);
        assertThat(pages.get(1)).as("contents").containsPattern(Pattern.quote(entry) + "\\s+" + page + "\\s");
        previous = page;
      }
    }
  }

  private static void fonts(PDResources resources, List<PDFont> into) throws IOException {
    if (resources == null) {
      return;
    }
    for (COSName name : resources.getFontNames()) {
      into.add(resources.getFont(name));
    }
    for (COSName name : resources.getXObjectNames()) {
      PDXObject x = resources.getXObject(name);
      if (x instanceof PDFormXObject form) {
        fonts(form.getResources(), into);
      }
    }
  }

  @Test
  void the_word_tables_equal_the_answer_and_its_headings_are_word_headings_with_charts_as_pictures() throws IOException {
    try (InputStream in = Files.newInputStream(pack.docx()); XWPFDocument docx = new XWPFDocument(in)) {
      XWPFTable headlines = docx.getTables().get(0);
      assertThat(headlines.getRows()).hasSize(frozen.headlines().size() + 1);
      assertThat(headlines.getRow(0).isRepeatHeader()).isTrue();
      for (int i = 0; i < frozen.headlines().size(); i++) {
        Headline h = frozen.headlines().get(i);
        XWPFTableRow row = headlines.getRow(i + 1);
        assertThat(row.getCell(0).getText()).isEqualTo(h.name());
        assertThat(row.getCell(2).getText()).isEqualTo(VietnameseNumbers.format(h.value(), "vi"));
        assertThat(row.getCell(3).getText()).isEqualTo(VietnameseNumbers.format(h.previous(), "vi"));
        assertThat(row.getCell(4).getText()).isEqualTo(VietnameseNumbers.format(h.change(), "vi"));
        assertThat(row.getCell(5).getText()).isEqualTo(VietnameseNumbers.format(h.changePercent(), "vi"));
      }
      // the ranking of houses supported: every group ranks its communes, figured or not
      ReviewDocument.Ranking houses = frozen.groups().stream()
          .filter(g -> g.ranking().indicator().equals("houses_supported")).findFirst().orElseThrow().ranking();
      XWPFTable ranking = docx.getTables().stream().filter(t -> t.getRow(0).getCell(0).getText().equals("Hạng")
          && t.getRow(0).getCell(3).getText().endsWith("(" + houses.unit() + ")")).findFirst().orElseThrow();
      assertThat(ranking.getRow(1).getCell(3).getText()).isEqualTo("28");
      List<String> communes = ranking.getRows().subList(1, ranking.getRows().size()).stream()
          .map(r -> r.getCell(2).getText()).toList();
      assertThat(communes).containsExactlyElementsOf(houses.rows().stream().map(ReviewDocument.Ranked::name).toList());
      assertThat(docx.getParagraphs().stream().map(XWPFParagraph::getStyle).filter(s -> s != null).distinct())
          .contains("Heading1", "Heading2");
      assertThat(docx.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
      assertThat(docx.getAllPictures()).isNotEmpty();
    }
  }

  @Test
  void every_table_is_written_as_csv_with_a_bom_and_unformatted_numbers() throws IOException {
    assertThat(pack.csv()).isNotEmpty();
    Path headlines = pack.csv().get(0);
    assertThat(headlines.getFileName().toString()).isEqualTo("01-headlines.csv");
    byte[] bytes = Files.readAllBytes(headlines);
    assertThat(new String(bytes, 0, 3, StandardCharsets.UTF_8)).isEqualTo("\uFEFF");
    assertThat(new String(bytes, StandardCharsets.UTF_8)).contains(houses().name() + ",căn,158,157,1,0.63");
    assertThat(pack.csv()).anySatisfy(f -> assertThat(f.getFileName().toString()).endsWith("consistency.csv"));
  }
}
