package vn.danvan.dashboard.review;

import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDNamedDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageFitWidthDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.text.PDFTextStripperByArea;

/**
 * The PDF Chromium printed, with the document information a citation needs: title, subject,
 * keywords, and the release, its snapshot and its manifest's SHA-256 as custom entries
 * ({@code danvan.release}, {@code danvan.snapshot}, {@code danvan.manifest_sha256}); and the table of
 * contents' page numbers with a bookmark per section, which Chromium cannot print itself (no
 * {@code target-counter}): its entries are links to the sections' named destinations
 * ({@code s1}, {@code s2}, …), whose pages the printed PDF knows.
 */
final class PackPdf {
  static final String RELEASE = "danvan.release";
  static final String SNAPSHOT = "danvan.snapshot";
  static final String MANIFEST = "danvan.manifest_sha256";

  /** The sections' anchors in review.js. */
  private static final Pattern SECTION = Pattern.compile("s\\d+");
  /** Fonts that cover Vietnamese, as review.css names them; the numbers are embedded in the first found. */
  private static final List<Path> FONTS = List.of(Path.of("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"),
      Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"));
  /** review.css's right page margin (14 mm), in points. */
  private static final float RIGHT_MARGIN = 14 / 25.4f * 72;

  private PackPdf() {}

  static void write(byte[] printed, Path out, String title, String subject, String keywords, Map<String, String> custom,
      java.time.Instant created) {
    try (PDDocument pdf = Loader.loadPDF(printed)) {
      PDDocumentInformation info = pdf.getDocumentInformation();
      info.setTitle(title);
      info.setSubject(subject);
      info.setKeywords(keywords);
      info.setCreator("danvan review pack");
      Calendar when = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
      when.setTimeInMillis(created.toEpochMilli());
      info.setCreationDate(when);
      custom.forEach(info::setCustomMetadataValue);
      numberContents(pdf);
      java.nio.file.Files.deleteIfExists(out);
      pdf.save(out.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  /** One entry of the table of contents: where it is printed, its text and its section's page (0-based). */
  private record Entry(PDPage page, PDRectangle at, String title, int target) {}

  /**
   * Writes each table-of-contents entry's page number at the right margin of its line and adds a
   * bookmark per section; nothing when the PDF has no section links or no font is installed.
   */
  static void numberContents(PDDocument pdf) throws IOException {
    List<Entry> entries = entries(pdf);
    Optional<Path> fontFile = FONTS.stream().filter(Files::isRegularFile).findFirst();
    if (entries.isEmpty() || fontFile.isEmpty()) {
      return;
    }
    PDType0Font font = PDType0Font.load(pdf, fontFile.get().toFile());
    PDDocumentOutline outline = new PDDocumentOutline();
    int n = 0;
    for (Entry entry : entries) {
      String number = String.valueOf(entry.target() + 1);
      // the entry's own size and baseline (Chromium's link box is the line box: text about 0.72 of it)
      float size = entry.at().getHeight() * 0.72f;
      float baseline = entry.at().getLowerLeftY() + entry.at().getHeight() * 0.22f;
      float x = entry.page().getMediaBox().getWidth() - RIGHT_MARGIN - font.getStringWidth(number) / 1000 * size;
      try (PDPageContentStream page = new PDPageContentStream(pdf, entry.page(), PDPageContentStream.AppendMode.APPEND,
          true, true)) {
        // a dotted leader from the entry to its number
        page.setLineDashPattern(new float[] {0.8f, 2.4f}, 0);
        page.setLineWidth(0.8f);
        page.setStrokingColor(0.45f);
        page.moveTo(entry.at().getUpperRightX() + 4, baseline);
        page.lineTo(x - 4, baseline);
        page.stroke();
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, baseline);
        page.showText(number);
        page.endText();
      }
      PDPageFitWidthDestination destination = new PDPageFitWidthDestination();
      destination.setPage(pdf.getPage(entry.target()));
      PDOutlineItem item = new PDOutlineItem();
      // the list's numbers are markers, not the links' text
      item.setTitle(++n + ". " + entry.title());
      item.setDestination(destination);
      outline.addLast(item);
    }
    outline.openNode();
    pdf.getDocumentCatalog().setDocumentOutline(outline);
  }

  /** The links to the sections' anchors, in the order printed, with their text and target page. */
  private static List<Entry> entries(PDDocument pdf) throws IOException {
    List<Entry> entries = new ArrayList<>();
    for (PDPage page : pdf.getPages()) {
      List<PDAnnotationLink> links = new ArrayList<>();
      for (PDAnnotation annotation : page.getAnnotations()) {
        if (annotation instanceof PDAnnotationLink link && link.getDestination() instanceof PDNamedDestination named
            && named.getNamedDestination() != null && SECTION.matcher(named.getNamedDestination()).matches()) {
          links.add(link);
        }
      }
      if (links.isEmpty()) {
        continue;
      }
      PDFTextStripperByArea text = new PDFTextStripperByArea();
      float height = page.getMediaBox().getHeight();
      for (int i = 0; i < links.size(); i++) {
        PDRectangle r = links.get(i).getRectangle();
        // the stripper's regions run from the top of the page
        text.addRegion("e" + i, new Rectangle2D.Float(r.getLowerLeftX(), height - r.getUpperRightY(),
            r.getWidth(), r.getHeight()));
      }
      text.extractRegions(page);
      for (int i = 0; i < links.size(); i++) {
        PDAnnotationLink link = links.get(i);
        PDPageDestination target = pdf.getDocumentCatalog()
            .findNamedDestinationPage((PDNamedDestination) link.getDestination());
        if (target != null && target.retrievePageNumber() >= 0) {
          entries.add(new Entry(page, link.getRectangle(), text.getTextForRegion("e" + i).strip(),
              target.retrievePageNumber()));
        }
      }
    }
    return entries;
  }
}
