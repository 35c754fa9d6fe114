package org.initlab.report.plot;

import java.awt.image.BufferedImage;
import java.io.IOException;

/** A {@link Figure} as SVG text and as PNG bytes at a given resolution. */
public final class FigureRenderer {
    private FigureRenderer() {}

    /** Print resolution of the PNGs. */
    public static final double POSTER_DPI = 300;
    /** CSS/SVG px per inch. */
    static final double PX_PER_INCH = 96;

    public static String svg(Figure f) {
        double[] size = FigurePainter.size(f);
        SvgCanvas c = new SvgCanvas(f.id(), size[0], size[1]);
        FigurePainter.paint(f, c);
        return c.toSvg();
    }

    public static BufferedImage raster(Figure f, double dpi) {
        double[] size = FigurePainter.size(f);
        RasterCanvas c = new RasterCanvas(size[0], size[1], dpi / PX_PER_INCH);
        FigurePainter.paint(f, c);
        return c.image();
    }

    public static byte[] png(Figure f, double dpi) throws IOException {
        return PngFile.encode(raster(f, dpi), dpi);
    }
}
