package vn.danvan.dashboard.review;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTOnOff;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;

/**
 * The pack as an editable Word document, from the blocks the page rendered (the same headings,
 * sentences and tables as the PDF): headings in Word's own "heading 1..3" styles (the navigation
 * pane lists them), real tables whose header row repeats on every page, charts as PNG pictures.
 */
final class PackDocx {
  private static final String FONT = "Noto Sans";
  /** A4 less Word's default margins, in points. */
  private static final double PICTURE_WIDTH_PT = 450;

  private PackDocx() {}

  static void write(JsonNode export, Map<String, byte[]> charts, Path out) {
    try (XWPFDocument doc = new XWPFDocument(); OutputStream file = Files.newOutputStream(out)) {
      XWPFStyles styles = doc.createStyles();
      for (int level = 1; level <= 3; level++) {
        styles.addStyle(heading(level));
      }
      doc.getProperties().getCoreProperties().setTitle(export.path("title").asText());
      doc.getProperties().getCoreProperties().setSubjectProperty(export.path("subject").asText());
      doc.getProperties().getCoreProperties().setKeywords(export.path("keywords").asText());
      for (JsonNode block : export.path("blocks")) {
        switch (block.path("type").asText()) {
          case "heading" -> heading(doc, block.path("level").asInt(1), block.path("text").asText());
          case "paragraph" -> text(doc.createParagraph(), block.path("text").asText(), false,
              block.path("style").asText().equals("note") ? 9 : 11);
          case "table" -> table(doc, block);
          case "chart" -> picture(doc, block, charts.get(block.path("id").asText()));
          case "pagebreak" -> doc.createParagraph().setPageBreak(true);
          default -> throw new IllegalArgumentException("unknown block type " + block.path("type"));
        }
      }
      doc.write(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
    }
  }

  /** Word's built-in "heading N": the name and outline level are what the navigation pane reads. */
  private static XWPFStyle heading(int level) {
    CTStyle ct = CTStyle.Factory.newInstance();
    ct.setStyleId("Heading" + level);
    CTString name = CTString.Factory.newInstance();
    name.setVal("heading " + level);
    ct.setName(name);
    CTString basedOn = CTString.Factory.newInstance();
    basedOn.setVal("Normal");
    ct.setBasedOn(basedOn);
    ct.setQFormat(CTOnOff.Factory.newInstance());
    CTDecimalNumber priority = CTDecimalNumber.Factory.newInstance();
    priority.setVal(BigInteger.valueOf(9));
    ct.setUiPriority(priority);
    CTPPrGeneral paragraph = CTPPrGeneral.Factory.newInstance();
    CTDecimalNumber outline = CTDecimalNumber.Factory.newInstance();
    outline.setVal(BigInteger.valueOf(level - 1));
    paragraph.setOutlineLvl(outline);
    ct.setPPr(paragraph);
    XWPFStyle style = new XWPFStyle(ct);
    style.setType(STStyleType.PARAGRAPH);
    return style;
  }

  private static void heading(XWPFDocument doc, int level, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle("Heading" + level);
    p.setSpacingBefore(level == 1 ? 360 : 200);
    p.setSpacingAfter(120);
    p.setKeepNext(true);
    XWPFRun run = text(p, text, true, level == 1 ? 18 : level == 2 ? 14 : 12);
    run.setColor(level == 1 ? "B71C1C" : "1B1B1B");
  }

  private static XWPFRun text(XWPFParagraph p, String text, boolean bold, int size) {
    XWPFRun run = p.createRun();
    run.setText(text);
    run.setBold(bold);
    run.setFontSize(size);
    run.setFontFamily(FONT);
    return run;
  }

  private static void table(XWPFDocument doc, JsonNode block) {
    JsonNode columns = block.path("columns");
    JsonNode rows = block.path("display");
    JsonNode numeric = block.path("numeric");
    XWPFTable table = doc.createTable(rows.size() + 1, columns.size());
    table.setWidth("100%");
    XWPFTableRow header = table.getRow(0);
    header.setRepeatHeader(true);
    header.setCantSplitRow(true);
    for (int c = 0; c < columns.size(); c++) {
      cell(header.getCell(c), columns.get(c).asText(), true, numeric.path(c).asBoolean());
    }
    for (int r = 0; r < rows.size(); r++) {
      XWPFTableRow row = table.getRow(r + 1);
      row.setCantSplitRow(true);
      for (int c = 0; c < columns.size(); c++) {
        cell(row.getCell(c), rows.get(r).path(c).asText(), false, numeric.path(c).asBoolean());
      }
    }
    doc.createParagraph();
  }

  private static void cell(XWPFTableCell cell, String text, boolean bold, boolean number) {
    XWPFParagraph p = cell.getParagraphs().get(0);
    p.setAlignment(number ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
    text(p, text, bold, 9);
  }

  private static void picture(XWPFDocument doc, JsonNode block, byte[] png) {
    XWPFParagraph p = doc.createParagraph();
    if (png == null) {
      text(p, block.path("missing").asText(block.path("title").asText()), false, 9);
      return;
    }
    double ratio = block.path("height").asDouble(420) / block.path("width").asDouble(800);
    try {
      p.createRun().addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG,
          block.path("id").asText() + ".png", Units.toEMU(PICTURE_WIDTH_PT), Units.toEMU(PICTURE_WIDTH_PT * ratio));
    } catch (InvalidFormatException | IOException e) {
      throw new IllegalStateException("cannot add chart " + block.path("id").asText() + ": " + e.getMessage(), e);
    }
  }
}
