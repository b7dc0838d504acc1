package org.caseshare.oversight;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.caseshare.oversight.OversightReport.Figure;
import org.caseshare.oversight.OversightReport.Month;
import org.caseshare.oversight.OversightReport.Table;
import org.caseshare.system.Catalogue;
import org.caseshare.system.Languages;
import org.caseshare.system.Plurals;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The oversight charts, drawn on the server by JFreeChart into SVG by JFreeSVG, so they need no
 * JavaScript and print sharply. Each carries a title and a description for screen readers, and the
 * page shows a text summary and the figures' table beneath it (GOV.UK: charts must not be the only
 * way to read data). Colours are GOV.UK's blue and dark grey on white, both above 4.5:1 contrast.
 */
@Component
class OversightCharts {

    /** GOV.UK colour palette: blue, dark grey, black text, mid grey grid lines. */
    static final Color BLUE = new Color(0x1d70b8);
    static final Color DARK_GREY = new Color(0x505a5f);
    static final Color TEXT = new Color(0x0b0c0c);
    static final Color GRID = new Color(0xb1b4b6);
    private static final int WIDTH = 640;
    private static final int HEIGHT = 320;
    /** The most categories drawn in one bar chart; the table beneath lists them all. */
    static final int MOST_BARS = 10;

    /** One chart: the SVG element (title and description inside) and its summary in words. */
    record Chart(String id, String title, String summary, String svg) {
    }

    /** Short months in the reader's language: "Mar 2026", "Maw 2026". */
    private static DateTimeFormatter month() {
        Locale reader = LocaleContextHolder.getLocale();
        return DateTimeFormatter.ofPattern("MMM yyyy", Languages.welsh(reader) ? Languages.WELSH : Locale.UK);
    }

    List<Chart> draw(OversightReport report) {
        List<Chart> charts = new ArrayList<>();
        charts.add(trend(report.trend()));
        for (Table table : report.tables()) {
            if (table.compared() && List.of("channel", "marking", "recipient").contains(table.id()) && !table.figures().isEmpty()) {
                charts.add(compared(table, report));
            }
        }
        return charts;
    }

    private Chart trend(List<Month> months) {
        DateTimeFormatter month = month();
        String records = Catalogue.text("oversight.chart.records");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Month busiest = months.get(0);
        long total = 0;
        for (Month m : months) {
            data.addValue(m.records(), records, month.format(m.month()));
            total += m.records();
            busiest = m.records() > busiest.records() ? m : busiest;
        }
        String title = Catalogue.text("oversight.chart.trend.title", month.format(months.get(0).month()),
                month.format(months.get(months.size() - 1).month()));
        String summary = Plurals.inLanguage(LocaleContextHolder.getLocale(), "oversight.chart.trend.summary", total, busiest.records(),
                month.format(busiest.month()));
        JFreeChart chart = bars(data, PlotOrientation.VERTICAL, records, false);
        chart.getCategoryPlot().getDomainAxis().setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        return render("chart-trend", title, summary, chart);
    }

    private Chart compared(Table table, OversightReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        String now = Catalogue.text("oversight.range", report.from().toString(), report.to().toString());
        String before = Catalogue.text("oversight.range", report.previousFrom().toString(), report.previousTo().toString());
        List<Figure> shown = table.figures().stream().limit(MOST_BARS).toList();
        for (Figure f : shown) {
            data.addValue(f.current(), now, f.label());
            data.addValue(f.previous() == null ? 0 : f.previous(), before, f.label());
        }
        Figure largest = shown.get(0);
        String summary = Plurals.inLanguage(LocaleContextHolder.getLocale(), "oversight.chart.compared.summary", table.total(),
                table.previousTotal(), largest.label(), largest.current()) + (table.figures().size() > MOST_BARS
                        ? Catalogue.text("oversight.chart.compared.most", MOST_BARS, table.figures().size()) : "");
        return render("chart-" + table.id(), Catalogue.text("oversight.chart.compared.title", table.title()), summary,
                bars(data, PlotOrientation.HORIZONTAL, Catalogue.text("oversight.chart.records"), true));
    }

    private static JFreeChart bars(DefaultCategoryDataset data, PlotOrientation orientation, String valueLabel, boolean legend) {
        CategoryAxis categories = new CategoryAxis();
        NumberAxis values = new NumberAxis(valueLabel);
        values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        BarRenderer renderer = new BarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, BLUE);
        renderer.setSeriesPaint(1, DARK_GREY);
        renderer.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(data, categories, values, renderer);
        plot.setOrientation(orientation);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setRangeGridlinePaint(GRID);
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        for (var axis : List.of(categories, values)) {
            axis.setTickLabelFont(font);
            axis.setTickLabelPaint(TEXT);
            axis.setLabelFont(font);
            axis.setLabelPaint(TEXT);
        }
        categories.setMaximumCategoryLabelWidthRatio(0.4f);
        JFreeChart chart = new JFreeChart(null, font, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        if (legend) {
            LegendTitle key = chart.getLegend();
            key.setItemFont(font);
            key.setItemPaint(TEXT);
            key.setPosition(RectangleEdge.TOP);
        }
        return chart;
    }

    /**
     * The chart as an SVG element sized by its view box (so it fits the column and an A4 page), with
     * {@code role="img"} and its title and description named by {@code aria-labelledby}. JFreeSVG
     * escapes the text it draws; the title and description are escaped here.
     */
    private static Chart render(String id, String title, String summary, JFreeChart chart) {
        SVGGraphics2D svg = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(svg, new Rectangle(0, 0, WIDTH, HEIGHT));
        String element = presentationAttributes(svg.getSVGElement(id, false, new ViewBox(0, 0, WIDTH, HEIGHT), null, null));
        int open = element.indexOf('>', element.indexOf("<svg")) + 1;
        String labelled = element.substring(0, open).replaceFirst("<svg ",
                "<svg role=\"img\" aria-labelledby=\"" + id + "-title " + id + "-desc\" class=\"caseshare-chart\" ")
                + "<title id=\"" + id + "-title\">" + HtmlUtils.htmlEscape(title) + "</title><desc id=\"" + id + "-desc\">"
                + HtmlUtils.htmlEscape(summary) + "</desc>" + element.substring(open);
        return new Chart(id, title, summary, labelled);
    }

    private static final Pattern STYLE = Pattern.compile("style=(['\"])(.*?)\\1");
    private static final Pattern PROPERTY = Pattern.compile("[a-z-]+");

    /**
     * JFreeSVG writes each shape's paint as a {@code style} attribute, which the content security
     * policy ({@code style-src 'self'}) forbids, so every bar would draw black. The same properties as
     * SVG presentation attributes ({@code fill="…"}) are not styles and draw as meant.
     */
    static String presentationAttributes(String svg) {
        Matcher style = STYLE.matcher(svg);
        StringBuilder out = new StringBuilder();
        while (style.find()) {
            StringBuilder attributes = new StringBuilder();
            for (String declaration : style.group(2).split(";")) {
                int colon = declaration.indexOf(':');
                String name = colon < 0 ? "" : declaration.substring(0, colon).strip();
                if (PROPERTY.matcher(name).matches()) {
                    attributes.append(' ').append(name).append("=\"")
                            .append(declaration.substring(colon + 1).strip().replace("\"", "&quot;")).append('"');
                }
            }
            style.appendReplacement(out, Matcher.quoteReplacement(attributes.toString().strip()));
        }
        style.appendTail(out);
        return out.toString();
    }
}
