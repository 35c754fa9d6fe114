package org.initlab.report.figures;

import org.initlab.report.Fixtures;
import org.initlab.report.model.PhaseDiagram;
import org.initlab.report.model.StudyAggregate;
import org.initlab.report.model.StudyData;
import org.initlab.report.plot.ColourScale;
import org.initlab.report.plot.Figure;
import org.initlab.report.plot.FigureRenderer;
import org.initlab.report.plot.PhasePanel;
import org.initlab.report.plot.RasterCanvas;
import org.initlab.report.plot.Rgb;
import org.initlab.report.plot.Stroke;
import org.initlab.report.plot.TextStyle;
import org.initlab.study.RunRecord;
import org.initlab.study.StudyManifest;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phase diagram's cells: every label readable where a curve passes (drawn over the curves,
 * outlined in its cell's colour), and diverged runs shown, counted and never averaged in silently.
 */
class PhaseFigureTest {
    static final double SIGMA_B = Math.sqrt(0.05);
    static final double[] SIGMA_WS = {0.5, 0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0};
    static final int[] DEPTHS = {2, 4, 8, 12, 16, 24, 32, 40, 50};

    static StudyAggregate study(List<RunRecord> runs) {
        StudyManifest m = Fixtures.manifest("eoc", Map.of("grid", Map.of("initializer", List.of("σ_w"), "architecture", List.of("depth"))), runs);
        return StudyAggregate.of(new StudyData(Path.of("unused"), m, "", runs));
    }

    /** The edge-of-chaos study's grid (11 σ_w × 9 depths, one seed), accuracies falling off beyond 6ξ_c as in the paper. */
    static PhaseDiagram fullGrid() {
        List<RunRecord> runs = new ArrayList<>();
        for (double s : SIGMA_WS) {
            for (int depth : DEPTHS) {
                double acc = depth <= 10 + 30 * Math.exp(-4 * (s - 1.4) * (s - 1.4)) ? 0.9 + 0.001 * depth : 0.1 + 0.002 * depth;
                runs.add(Fixtures.criticalRun(s, SIGMA_B, depth, 0, acc, false));
            }
        }
        return PhaseDiagram.of(study(runs)).getFirst();
    }

    @Test
    void cellLabelsAreDrawnOverTheCurvesOutlinedInTheirCellsColour() {
        String svg = FigureRenderer.svg(PhaseFigure.figure(fullGrid(), 1));
        int labels = svg.indexOf("<g class=\"cell-labels\">");
        assertTrue(labels > 0, "the labels have a group of their own");
        for (String curve : List.of("six-xi", "xi", "critical")) {
            int at = svg.indexOf("data-series=\"" + curve + "\"");
            assertTrue(at > 0 && at < labels, curve + " is drawn before the labels");
        }
        // each cell's fill by its rectangle, each label's outline by its position
        List<double[]> cells = new ArrayList<>();
        List<String> fills = new ArrayList<>();
        Matcher r = Pattern.compile("<g class=\"cell\"[^>]*>\n<rect x=\"([-\\d.]+)\" y=\"([-\\d.]+)\" width=\"([\\d.]+)\" height=\"([\\d.]+)\" fill=\"(#[0-9a-f]{6})\"")
                .matcher(svg);
        while (r.find()) {
            cells.add(new double[]{Double.parseDouble(r.group(1)), Double.parseDouble(r.group(2)), Double.parseDouble(r.group(3)), Double.parseDouble(r.group(4))});
            fills.add(r.group(5));
        }
        assertEquals(SIGMA_WS.length * DEPTHS.length, cells.size());
        String group = svg.substring(labels, svg.indexOf("</g>", labels));
        Matcher t = Pattern.compile("<text x=\"([\\d.]+)\" y=\"([\\d.]+)\"([^>]*)>([^<]*)</text>").matcher(group);
        int n = 0;
        while (t.find()) {
            n++;
            double x = Double.parseDouble(t.group(1)), y = Double.parseDouble(t.group(2));
            String attributes = t.group(3);
            int cell = -1;
            for (int k = 0; k < cells.size(); k++) {
                double[] c = cells.get(k);
                if (x >= c[0] && x <= c[0] + c[2] && y >= c[1] && y <= c[1] + c[3]) cell = k;
            }
            assertTrue(cell >= 0, "label '" + t.group(4) + "' lies in a cell");
            assertTrue(attributes.contains("stroke=\"" + fills.get(cell) + "\""), "'" + t.group(4) + "' outlined in its cell's colour: " + attributes);
            assertTrue(attributes.contains("paint-order=\"stroke\""), "the outline under the glyphs: " + attributes);
        }
        assertEquals(SIGMA_WS.length * DEPTHS.length, n, "every cell labelled");
    }

    /** The PNG draws the same halo: a line under a label is hidden near its glyphs, as in the SVG. */
    @Test
    void theRasterOutlinesALabelToo() {
        Rgb blue = new Rgb(0, 0, 255), cell = new Rgb(0x44, 0x88, 0x44);
        TextStyle plain = TextStyle.of(10.5, TextStyle.Anchor.MIDDLE).colour(Rgb.WHITE);
        int without = blueUnderText(plain, cell, blue), with = blueUnderText(plain.halo(cell, 4), cell, blue);
        assertTrue(without > 20, "the line shows through an unoutlined label: " + without);
        assertTrue(with * 5 < without, "the outline hides it near the glyphs: " + with + " of " + without + " px");
    }

    /** Blue pixels along a blue line under "88" on a cell-coloured ground, within the text's span. */
    private static int blueUnderText(TextStyle style, Rgb ground, Rgb blue) {
        RasterCanvas c = new RasterCanvas(60, 30, 4);
        c.rect(0, 0, 60, 30, org.initlab.report.plot.Fill.of(ground), null);
        c.line(0, 16, 60, 16, Stroke.solid(blue, 2));
        c.text(30, 20, "88", style);
        BufferedImage img = c.image();
        int n = 0;
        for (int x = 4 * 24; x < 4 * 36; x++) {
            for (int y = 4 * 14; y < 4 * 18; y++) {
                int rgb = img.getRGB(x, y);
                if ((rgb & 0xff) > 200 && (rgb >> 16 & 0xff) < 60) n++;
            }
        }
        return n;
    }

    @Test
    void aCellWhoseEverySeedDivergedIsLabelledAndOneWithFewerSeedsSaysN() {
        Figure f = PhaseFigure.figure(PhaseDiagram.of(study(Fixtures.phaseGridWithDivergedCells())).getFirst(), 1);
        PhasePanel p = (PhasePanel) f.cells().getFirst().panel();
        assertEquals("✕\ndiverged", p.texts()[0][0]);
        assertTrue(Double.isNaN(p.values()[0][0]), "no accuracy to colour");
        assertTrue(p.tips()[0][0].contains("every seed diverged (2): not trained"), p.tips()[0][0]);
        assertEquals("93\nn=1", p.texts()[0][1]);
        assertTrue(p.tips()[0][1].contains("test accuracy 93.00% (1 of 2 seeds; 1 diverged)"), p.tips()[0][1]);
        assertEquals("11", p.texts()[1][0], "both seeds: no n");
        assertTrue(f.legend().stream().anyMatch(e -> e.label().startsWith("✕ diverged: every seed diverged") && e.colour().equals(ColourScale.viridis(Double.NaN))),
                f.legend().toString());
        assertTrue(f.note().contains("the mean over 2 seeds, or over the seeds that completed where fewer did (n=… says how many)"), f.note());
        assertTrue(f.note().contains("“✕ diverged”: every seed diverged, so the net did not train, and the cell counts as not trainable"), f.note());
        String svg = FigureRenderer.svg(f);
        for (String label : List.of(">✕</text>", ">diverged</text>", ">93</text>", ">n=1</text>")) assertTrue(svg.contains(label), label);
        for (String poison : List.of(">1</text>", "1.23")) assertFalse(svg.contains(poison), "a diverged run's last record: " + poison);
    }

    @Test
    void noNoteOfDivergenceWhereNoneDiverged() {
        Figure f = PhaseFigure.figure(fullGrid(), 1);
        assertFalse(f.note().contains("diverged"), f.note());
        assertEquals(3, f.legend().size());
        assertTrue(f.note().startsWith("Each cell: final test accuracy (%), one run."), f.note());
    }
}
