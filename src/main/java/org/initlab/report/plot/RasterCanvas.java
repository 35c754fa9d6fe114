package org.initlab.report.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Draws with Java2D (headless) into an image {@code scale} times the figure's px size: for a PNG
 * at 300 dpi, scale = 300/96 (a px is 1/96 inch, as in CSS and SVG). Text uses DejaVu Sans
 * when installed, else the JDK's SansSerif.
 */
public final class RasterCanvas implements Canvas {
    private final BufferedImage image;
    private final Graphics2D g;
    private final Deque<Shape> clips = new ArrayDeque<>();
    private final String family;

    public RasterCanvas(double width, double height, double scale) {
        image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(scale, scale);
        family = new Font("DejaVu Sans", Font.PLAIN, 10).getFamily().equals("DejaVu Sans") ? "DejaVu Sans" : Font.SANS_SERIF;
    }

    public BufferedImage image() {
        g.dispose();
        return image;
    }

    private static Color colour(Rgb c, double opacity) {
        return new Color(c.r(), c.g(), c.b(), (int) Math.round(255 * Math.max(0, Math.min(1, opacity))));
    }

    private void apply(Stroke s) {
        g.setColor(colour(s.colour(), s.opacity()));
        float[] dash = null;
        if (s.dash().length > 0) {
            dash = new float[s.dash().length];
            for (int i = 0; i < dash.length; i++) dash[i] = (float) s.dash()[i];
        }
        g.setStroke(new BasicStroke((float) s.width(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
    }

    private void paint(Shape shape, Fill fill, Stroke stroke) {
        if (fill != null) {
            g.setColor(colour(fill.colour(), fill.opacity()));
            g.fill(shape);
        }
        if (stroke != null) {
            apply(stroke);
            g.draw(shape);
        }
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Stroke stroke) {
        apply(stroke);
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void polyline(double[] xs, double[] ys, Stroke stroke) {
        Path2D.Double p = new Path2D.Double();
        boolean pen = false, any = false;
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                pen = false;
                continue;
            }
            if (pen) p.lineTo(xs[i], ys[i]);
            else p.moveTo(xs[i], ys[i]);
            pen = any = true;
        }
        if (!any) return;
        apply(stroke);
        g.draw(p);
    }

    @Override
    public void polygon(double[] xs, double[] ys, Fill fill, Stroke stroke) {
        if (xs.length == 0) return;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) p.lineTo(xs[i], ys[i]);
        p.closePath();
        paint(p, fill, stroke);
    }

    @Override
    public void rect(double x, double y, double w, double h, Fill fill, Stroke stroke) {
        paint(new Rectangle2D.Double(x, y, w, h), fill, stroke);
    }

    @Override
    public void circle(double cx, double cy, double r, Fill fill, Stroke stroke) {
        paint(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r), fill, stroke);
    }

    @Override
    public void text(double x, double y, String text, TextStyle style) {
        Font font = new Font(family, style.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) style.size());
        g.setFont(font);
        double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
        double dx = switch (style.anchor()) {
            case START -> 0;
            case MIDDLE -> -w / 2;
            case END -> -w;
        };
        AffineTransform saved = g.getTransform();
        g.translate(x, y);
        if (style.rotation() != 0) g.rotate(Math.toRadians(style.rotation()));
        if (style.hasHalo()) {
            // as SVG's paint-order="stroke": the glyph outlines stroked in the halo colour, then the text over them
            Shape outline = font.createGlyphVector(g.getFontRenderContext(), text).getOutline((float) dx, 0f);
            g.setColor(colour(style.halo(), 1));
            g.setStroke(new BasicStroke((float) style.haloWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
        g.setColor(colour(style.colour(), 1));
        g.drawString(text, (float) dx, 0f);
        g.setTransform(saved);
    }

    @Override
    public void beginGroup(String cssClass, Map<String, String> data, String tip) {
        clips.push(g.getClip() == null ? new Rectangle2D.Double(-1e6, -1e6, 2e6, 2e6) : g.getClip());
    }

    @Override
    public void endGroup() {
        g.setClip(clips.pop());
    }

    @Override
    public boolean beginVariant(String choice, java.util.List<String> options, boolean shown) {
        beginGroup(null, Map.of(), null);
        return shown;
    }

    @Override
    public void beginClip(double x, double y, double w, double h) {
        beginGroup(null, Map.of(), null);
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void hoverTarget(double x, double y, double w, double h, double[] xs, String[] titles, HoverSeries[] series) {
        // interactive output only
    }
}
