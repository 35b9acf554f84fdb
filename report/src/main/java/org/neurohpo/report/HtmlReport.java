package org.neurohpo.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A self-contained HTML page: text, tables and figures inlined as SVG; no scripts, no fetches. */
public final class HtmlReport {
  private final StringBuilder body = new StringBuilder();
  private final String title;

  public HtmlReport(String title) {
    this.title = title;
  }

  public HtmlReport heading(String text) {
    body.append("<h2>").append(escape(text)).append("</h2>\n");
    return this;
  }

  public HtmlReport paragraph(String text) {
    body.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A preformatted block, e.g. the exact commands. */
  public HtmlReport code(String text) {
    body.append("<pre>").append(escape(text)).append("</pre>\n");
    return this;
  }

  public HtmlReport table(List<String> header, List<List<String>> rows) {
    body.append("<table>\n<tr>");
    header.forEach(h -> body.append("<th>").append(escape(h)).append("</th>"));
    body.append("</tr>\n");
    for (List<String> r : rows) {
      body.append("<tr>");
      r.forEach(c -> body.append("<td>").append(escape(c)).append("</td>"));
      body.append("</tr>\n");
    }
    body.append("</table>\n");
    return this;
  }

  /** The figure inline, with links to its PNG and SVG files relative to the report. */
  public HtmlReport figure(Figure f, String folder) {
    body.append("<figure>\n").append(f.svg()).append("\n<figcaption>").append(escape(f.caption()));
    body.append(" (<a href=\"")
        .append(folder)
        .append('/')
        .append(f.name())
        .append(".png\">PNG</a>, <a href=\"")
        .append(folder)
        .append('/')
        .append(f.name())
        .append(".svg\">SVG</a>)</figcaption>\n</figure>\n");
    return this;
  }

  public HtmlReport links(String label, List<String> files) {
    body.append("<p>").append(escape(label));
    for (String f : files) {
      body.append(" <a href=\"").append(escape(f)).append("\">").append(escape(f)).append("</a>");
    }
    body.append("</p>\n");
    return this;
  }

  /** "How it was run": date, machine, the exact commands and notes of an experiment.json. */
  public HtmlReport howItWasRun(com.fasterxml.jackson.databind.JsonNode meta) {
    if (!meta.has("commands")) {
      return this;
    }
    heading("How it was run");
    paragraph(
        "Date: "
            + meta.path("date").asText()
            + ". Machine: "
            + meta.path("machine").asText()
            + ".");
    StringBuilder cmds = new StringBuilder();
    meta.path("commands").forEach(c -> cmds.append(c.asText()).append('\n'));
    code(cmds.toString().strip());
    if (meta.has("notes")) {
      paragraph(meta.path("notes").asText());
    }
    return this;
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(
        file,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>"
            + escape(title)
            + "</title>\n<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;"
            + "padding:0 1em;line-height:1.45}table{border-collapse:collapse;margin:1em 0}"
            + "td,th{border:1px solid #ccc;padding:.25em .6em;text-align:left}"
            + "th{background:#f3f3f3}pre{background:#f6f6f6;padding:.6em;overflow-x:auto}"
            + "figure{margin:1.5em 0}figure svg{max-width:100%;height:auto}</style>\n"
            + "</head><body>\n<h1>"
            + escape(title)
            + "</h1>\n"
            + body
            + "</body></html>\n");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
