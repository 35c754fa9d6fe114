package org.initlab.study;

import org.initlab.io.Npz;
import org.initlab.nn.Mlp;
import org.initlab.nn.Relu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WeightFilesTest {
    @TempDir
    Path tmp;

    private Mlp net() {
        Mlp net = new Mlp(new int[]{5, 3, 2}, new Relu(), false, 1);
        int k = 0;
        for (var p : net.parameters()) for (int i = 0; i < p.size(); i++) p.value()[i] = 0.5f * k++ - 3.25f;
        return net;
    }

    /** The .npy layout (NumPy's format spec, version 1.0): magic, header length, dict, 64-byte alignment, data. */
    @Test
    void npyHeaderAndDataFollowTheFormat() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npz.writeNpy(out, new float[]{1f, -2f, 3.5f, 0f, 5f, 6f}, 2, 3);
        byte[] b = out.toByteArray();
        assertEquals((byte) 0x93, b[0]);
        assertEquals("NUMPY", new String(b, 1, 5, StandardCharsets.US_ASCII));
        assertEquals(1, b[6]);
        assertEquals(0, b[7]);
        int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLen) % 64, "data starts on a 64-byte boundary");
        String header = new String(b, 10, headerLen, StandardCharsets.US_ASCII);
        assertTrue(header.startsWith("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"), header);
        assertTrue(header.endsWith("\n"));
        ByteBuffer data = ByteBuffer.wrap(b, 10 + headerLen, 24).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(-2f, data.getFloat(10 + headerLen + 4));
        assertEquals(10 + headerLen + 24, b.length);

        ByteArrayOutputStream one = new ByteArrayOutputStream();
        Npz.writeNpy(one, new float[]{7f}, 1);
        assertTrue(new String(one.toByteArray(), StandardCharsets.US_ASCII).contains("'shape': (1,), }"));
    }

    @Test
    void npzHoldsEveryLayer() throws IOException {
        Path f = tmp.resolve("w.npz");
        WeightFiles.write(f, net());
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(f))) {
            StringBuilder names = new StringBuilder();
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) names.append(e.getName()).append(' ');
            assertEquals("dense1.weight.npy dense1.bias.npy dense2.weight.npy dense2.bias.npy ", names.toString());
        }
    }

    /** numpy itself reads the file (when this machine has Python with numpy: Debian's python3-numpy). */
    @Test
    void numpyLoadsTheWeights() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "no /usr/bin/python3");
        Process check = new ProcessBuilder(python.toString(), "-c", "import numpy").start();
        assumeTrue(check.waitFor(30, TimeUnit.SECONDS) && check.exitValue() == 0, "numpy is not installed");
        Path f = tmp.resolve("w.npz");
        Mlp net = net();
        WeightFiles.write(f, net);
        String script = "import numpy as np, sys\n"
                + "z = np.load(sys.argv[1])\n"
                + "for k in sorted(z.files): print(k, z[k].dtype, str(z[k].shape).replace(' ', ''), ' '.join(repr(float(v)) for v in z[k].ravel()))\n";
        Process p = new ProcessBuilder(python.toString(), "-c", script, f.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        String[] lines = out.strip().split("\n");
        assertEquals(4, lines.length, out);
        assertTrue(lines[0].startsWith("dense1.bias float32 (3,) "), lines[0]);
        assertTrue(lines[1].startsWith("dense1.weight float32 (5,3) "), lines[1]);
        String[] w = lines[1].split(" ", 4)[3].split(" ");
        float[] want = net.layers().getFirst().weight().data();
        float[] got = new float[w.length];
        for (int i = 0; i < w.length; i++) got[i] = Float.parseFloat(w[i]);
        assertArrayEquals(want, got, "row-major in × out, as stored");
    }
}
