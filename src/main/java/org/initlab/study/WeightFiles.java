package org.initlab.study;

import org.initlab.io.Disk;
import org.initlab.io.Npz;
import org.initlab.nn.Dense;
import org.initlab.nn.Mlp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A run's weights as NumPy files in its folder: every layer's weight (in × out, so
 * {@code x @ W + b} computes the layer) and bias as {@code dense1.weight}, {@code dense1.bias}, ...
 */
public final class WeightFiles {
    private WeightFiles() {}

    /** The network at initialisation (after data-dependent refinement such as LSUV). */
    public static final String INIT = "weights-init.npz";
    /** The network after its last epoch. */
    public static final String FINAL = "weights-final.npz";

    /** Where a run's weights go as it trains: the files of its folder, or elsewhere (another file system). */
    public interface Sink {
        /** Writes the network's weights as {@code file} ({@link #INIT} or {@link #FINAL}). */
        void write(String file, Mlp net) throws IOException;

        Sink NONE = (file, net) -> {};
    }

    public static void write(Path file, Mlp net) throws IOException {
        write(Disk.REAL, file, net);
    }

    /** The network's weights as the .npz {@code file}, written through {@code disk}. */
    public static void write(Disk disk, Path file, Mlp net) throws IOException {
        List<Npz.Array> arrays = new ArrayList<>();
        for (Dense d : net.layers()) {
            arrays.add(new Npz.Array(d.name() + ".weight", d.weight().data(), d.in(), d.out()));
            arrays.add(new Npz.Array(d.name() + ".bias", d.bias(), d.out()));
        }
        Npz.write(disk, file, arrays);
    }
}
