package org.initlab.report.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import javax.imageio.metadata.IIOMetadataNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PngFileTest {
    private static BufferedImage image() {
        BufferedImage img = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) img.setRGB(x, y, (x * 2654435761L ^ y * 40503L) > 0 ? x * y : ~(x + y));
        }
        return img;
    }

    /** Encodes {@link #image()} and prints the PNG's size: run in a child JVM by the test below. */
    public static void main(String[] args) throws IOException {
        System.out.println(PngFile.encode(image(), 300).length);
    }

    /**
     * javax.imageio caches an output stream in a file {@code imageio*.tmp} in java.io.tmpdir; a
     * process killed while the report is written leaves it there. PNG writing must use none. A
     * child JVM encodes with its own empty java.io.tmpdir (the machine's /tmp is shared with
     * other processes), watched for any file created in it.
     */
    @Test
    void encodingCreatesNothingInTheTempFolder(@TempDir Path tmp) throws Exception {
        Path tmpdir = Files.createDirectories(tmp.resolve("java-tmpdir"));
        List<String> created = new ArrayList<>();
        try (WatchService watch = FileSystems.getDefault().newWatchService()) {
            WatchKey key = tmpdir.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmpdir, "-Djava.awt.headless=true", "-XX:-UsePerfData",
                    "-cp", System.getProperty("java.class.path"), PngFileTest.class.getName())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), out);
            assertTrue(Long.parseLong(out) > 1000, out);
            for (WatchEvent<?> e : key.pollEvents()) created.add(e.kind() == StandardWatchEventKinds.OVERFLOW ? "(overflow)" : e.context().toString());
        }
        assertEquals(List.of(), created, "files created in java.io.tmpdir while encoding");
        try (var left = Files.list(tmpdir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void resolutionIsRecorded() throws IOException {
        byte[] png = PngFile.encode(new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB), 300);
        var reader = ImageIO.getImageReadersByFormatName("png").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(png)));
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
        IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
        assertNotNull(phys);
        assertEquals(Long.toString(Math.round(300 / 0.0254)), phys.getAttribute("pixelsPerUnitXAxis"));
        assertEquals(30, reader.getWidth(0));
    }
}
