package org.initlab.report.plot;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Figures render the same bytes every time, escape their text, and become 300 dpi PNGs; axes tick where they should. */
class PlotTest {
    static Figure figure(String label) {
        LinePanel.Line a = new LinePanel.Line("he", label, Palette.colour(0), Palette.dash(0), Palette.marker(0), new double[]{0, 1, 2}, new double[]{0.5, 0.2, 0.1},
                new double[]{0.4, 0.15, 0.05}, new double[]{0.6, 0.25, 0.15}, new String[]{"0.5", "0.2", "0.1"}, false);
        LinePanel.Line z = new LinePanel.Line("zero", "zero", Palette.colour(1), Palette.dash(1), Palette.marker(1), new double[]{0, 1, 2}, new double[]{0, 0, 0},
                null, null, null, false);
        LinePanel loss = new LinePanel("loss", Axis.counts("epoch", 0, 2), Axis.log("loss (log)", 0.05, 0.6), List.of(a, z), "epoch");
        HeatmapPanel heat = new HeatmapPanel("heat", "initializer", "activation", List.of(label, "zero"), List.of("he", "zero"),
                List.of(Palette.colour(0), Palette.colour(1)), List.of("relu", "tanh"), new double[][]{{1, 2}, {0, Double.NaN}},
                new String[][]{{"97.1\n± 0.1", "96"}, {"11", ""}}, new String[][]{{"a", "b"}, {"c", "d"}}, 0, 2, "11%", "97%");
        return new Figure("test-1", "A figure of " + label, "subtitle", 240, 180, List.of(), List.of("row " + label), List.of(
                new Figure.Cell(0, 0, loss), new Figure.Cell(0, 1, heat)), List.of(Figure.LegendEntry.series("he", label, Palette.colour(0), new double[0], Palette.marker(0))),
                "a note");
    }

    @Test
    void theSameFigureIsTheSameSvgBytes() {
        String a = FigureRenderer.svg(figure("he")), b = FigureRenderer.svg(figure("he"));
        assertEquals(a, b);
        assertTrue(a.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assertTrue(a.contains("data-hover="), "line panels carry hover data");
        assertTrue(a.contains("class=\"legend-entry\" data-series=\"he\""));
        assertTrue(a.contains("<clipPath id=\"test-1-clip1\">"), "ids start with the figure id");
    }

    @Test
    void textInFiguresIsEscaped() {
        String svg = FigureRenderer.svg(figure("<script>alert(\"x\")</script>&"));
        assertFalse(svg.contains("<script>"));
        assertTrue(svg.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;"));
        // still well-formed XML
        assertTrue(parsesAsXml(svg));
    }

    static boolean parsesAsXml(String svg) {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = javax.xml.parsers.DocumentBuilderFactory.newInstance();
            f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new java.io.StringReader(svg)));
            return true;
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage());
        }
    }

    @Test
    void pngsAreThreeHundredDpiAtThePrintSize() throws Exception {
        Figure f = figure("he");
        double[] size = FigurePainter.size(f);
        byte[] png = FigureRenderer.png(f, 300);
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(png))) {
            ImageReader r = ImageIO.getImageReadersByFormatName("png").next();
            r.setInput(in);
            assertEquals((int) Math.ceil(size[0] * 300 / 96), r.getWidth(0));
            assertEquals((int) Math.ceil(size[1] * 300 / 96), r.getHeight(0));
            IIOMetadata meta = r.getImageMetadata(0);
            org.w3c.dom.Node root = meta.getAsTree("javax_imageio_png_1.0");
            org.w3c.dom.Node phys = null;
            for (org.w3c.dom.Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) if (n.getNodeName().equals("pHYs")) phys = n;
            assertTrue(phys != null, "pHYs chunk present");
            var attrs = phys.getAttributes();
            assertEquals("11811", attrs.getNamedItem("pixelsPerUnitXAxis").getNodeValue(), "300 / 0.0254 px per metre");
            assertEquals("11811", attrs.getNamedItem("pixelsPerUnitYAxis").getNodeValue());
            assertEquals("meter", attrs.getNamedItem("unitSpecifier").getNodeValue());
        }
        BufferedImage img = FigureRenderer.raster(f, 96);
        assertEquals(0xFFFFFF, img.getRGB(1, 1) & 0xFFFFFF, "white background");
    }

    @Test
    void svgNumbersHaveAtMostTwoDecimals() {
        assertEquals("0", SvgCanvas.n(-0.001));
        assertEquals("1.5", SvgCanvas.n(1.499999));
        assertEquals("-2.05", SvgCanvas.n(-2.05));
        assertEquals("10.07", SvgCanvas.n(10.07));
        assertThrows(IllegalArgumentException.class, () -> SvgCanvas.n(Double.NaN));
    }

    @Test
    void pathsAreRelativeInTenthsWithStepsAsHAndV() {
        StringBuilder d = new StringBuilder();
        SvgCanvas.pathData(d, new double[]{10, 10, 12.34, 12.34, 15}, new double[]{50, 40.04, 40.04, 50, 45.5}, 0, 5, true);
        assertEquals("M10,50v-10h2.3v10l2.7-4.5z", d.toString());
        assertEquals("-.5", SvgCanvas.tenths(-5));
        assertEquals("0", SvgCanvas.tenths(0));
        // deltas between rounded absolute positions: the end point is exact however long the path
        double[] xs = new double[1001], ys = new double[1001];
        for (int i = 0; i <= 1000; i++) {
            xs[i] = i * 0.333;
            ys[i] = Math.sin(i);
        }
        StringBuilder p = new StringBuilder();
        SvgCanvas.pathData(p, xs, ys, 0, xs.length, false);
        long x = 0, y = 0;
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([MlhvLz])|(-?[0-9]*\\.?[0-9]+)").matcher(p);
        char command = 0;
        int operand = 0;
        while (m.find()) {
            if (m.group(1) != null) {
                command = m.group(1).charAt(0);
                operand = 0;
                continue;
            }
            long v = Math.round(Double.parseDouble(m.group(2)) * 10);
            switch (command) {
                case 'M' -> { if (operand == 0) x = v; else y = v; }
                case 'l' -> { if (operand == 0) x += v; else y += v; }
                case 'h' -> x += v;
                case 'v' -> y += v;
                default -> { }
            }
            operand++;
        }
        assertEquals(Math.round(xs[1000] * 10), x);
        assertEquals(Math.round(ys[1000] * 10), y);
    }

    @Test
    void linearTicksAreRoundAndCoverTheRange() {
        Axis a = Axis.linear("x", 0.13, 0.97, false);
        assertEquals(0.0, a.min(), 1e-12);
        assertEquals(1.0, a.max(), 1e-12);
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), a.ticks().stream().map(Axis.Tick::label).toList());
        Axis p = Axis.linear("acc", 11, 98, true);
        assertEquals("0%", p.ticks().getFirst().label());
        assertEquals("100%", p.ticks().getLast().label());
        assertEquals(List.of(1.0, 2.0, 2.5, 5.0, 10.0), List.of(Axis.niceStep(0.7), Axis.niceStep(1.3), Axis.niceStep(2.2), Axis.niceStep(4), Axis.niceStep(9)));
    }

    @Test
    void crowdedTickLabelsAreThinnedEvenlyFromZero() {
        // seven labels 30 px apart, each 36 px wide: every second one, counted from 0 (index 3)
        List<double[]> crowded = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) crowded.add(new double[]{30 * i, 18});
        assertEquals(2, PlotArea.labelEvery(crowded, 3));
        List<double[]> roomy = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) roomy.add(new double[]{30 * i, 10});
        assertEquals(1, PlotArea.labelEvery(roomy, 3));
        assertEquals(3, PlotArea.labelEvery(List.of(new double[]{0, 25}, new double[]{20, 25}, new double[]{40, 25}, new double[]{60, 25}), 0));
    }

    @Test
    void logTicksAreDecadesWithTwoAndFiveOnShortRanges() {
        Axis wide = Axis.log("g", 3e-5, 40);
        assertEquals(1e-5, wide.min(), 1e-20);
        assertEquals(100, wide.max(), 1e-9);
        assertEquals(List.of("10⁻⁵", "10⁻³", "10⁻¹", "10¹"), wide.ticks().stream().map(Axis.Tick::label).toList(), "one style per axis");
        Axis narrow = Axis.log("e", 1.5, 80);
        assertEquals(List.of("1", "2", "5", "10", "20", "50", "100"), narrow.ticks().stream().map(Axis.Tick::label).toList());
        assertTrue(Double.isNaN(narrow.fraction(0)), "no position for 0 on a log axis");
        assertEquals(0.5, narrow.fraction(10), 1e-12);
    }

    @Test
    void asinhTicksAreSymmetricAroundZero() {
        Axis a = Axis.asinh("w", -4, 4);
        List<Double> v = a.ticks().stream().map(Axis.Tick::value).toList();
        assertTrue(v.contains(0.0));
        for (double t : v) if (t != 0) assertTrue(v.contains(-t), "symmetric: " + v);
        assertEquals(0.5, a.fraction(0), 1e-12);
        assertEquals(Scale.ASINH.forward(0.01), Math.log(1 + Math.sqrt(2)), 1e-12, "asinh(1) at 0.01");
        assertEquals(0.37, Scale.ASINH.inverse(Scale.ASINH.forward(0.37)), 1e-12);
    }

    @Test
    void paletteIsOkabeIto() {
        assertEquals(List.of("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#000000", "#f0e442"),
                Palette.OKABE_ITO.stream().map(Rgb::hex).toList());
        assertEquals(Palette.colour(0), Palette.colour(8), "colours repeat after eight");
        assertEquals(0, Palette.dash(0).length);
        assertTrue(Palette.dash(8).length > 0, "with a dash");
        for (int i = 0; i < 120; i++) {
            for (int j = 0; j < i; j++) {
                boolean same = Palette.colour(i).equals(Palette.colour(j)) && java.util.Arrays.equals(Palette.dash(i), Palette.dash(j))
                        && Palette.marker(i) == Palette.marker(j);
                assertFalse(same, "series " + i + " and " + j + " look alike");
            }
        }
        assertEquals("#440154", ColourScale.viridis(0).hex());
        assertEquals("#fde725", ColourScale.viridis(1).hex());
        assertEquals(Rgb.WHITE, ColourScale.viridis(0).readableText());
        assertEquals(Rgb.TEXT, ColourScale.viridis(1).readableText());
    }

    /** The width table is DejaVu Sans's advances: checked against the font where it is installed. */
    @Test
    void textWidthsAreDejaVuSans() {
        Font font = new Font("DejaVu Sans", Font.PLAIN, 1000);
        assumeTrue(font.getFamily().equals("DejaVu Sans"), "DejaVu Sans is not installed");
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        for (char c = 32; c < 127; c++) {
            double real = g.getFontMetrics(font).getStringBounds(String.valueOf(c), g).getWidth();
            assertEquals(real, TextMetrics.width(String.valueOf(c), 1000, false), 0.51, "width of '" + c + "'");
        }
        String s = "Final test accuracy: he × relu";
        double real = g.getFontMetrics(font.deriveFont(12f)).getStringBounds(s, g).getWidth();
        assertEquals(real, TextMetrics.width(s, 12, false), 0.03 * real);
        assertEquals("abcdefgh…", TextMetrics.fit("abcdefghijklmnopqrstuvwxyz", 10, false, TextMetrics.width("abcdefgh…", 10, false)));
    }
}
