package org.neurohpo.report;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** A chart saved as PNG and SVG side by side; the SVG text goes inline into the HTML report. */
public record Figure(String name, String caption, String svg) {

  static final int WIDTH = 760;
  static final int HEIGHT = 420;

  static {
    System.setProperty("java.awt.headless", "true");
  }

  /** Writes {@code dir/name.png} and {@code dir/name.svg}. */
  public static Figure save(JFreeChart chart, Path dir, String name, String caption)
      throws IOException {
    chart.setBackgroundPaint(Color.WHITE);
    Files.createDirectories(dir);
    ChartUtils.saveChartAsPNG(dir.resolve(name + ".png").toFile(), chart, WIDTH, HEIGHT);
    SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
    // ids from the figure's name, not the clock: the same data gives the same file, and figures
    // inlined in one page keep distinct ids
    g.setDefsKeyPrefix("_" + name.replaceAll("[^A-Za-z0-9_-]", "_") + "-");
    chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
    String svg = g.getSVGElement();
    Files.writeString(dir.resolve(name + ".svg"), svg);
    return new Figure(name, caption, svg);
  }
}
