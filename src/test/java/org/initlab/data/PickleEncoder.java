package org.initlab.data;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes pickles the way Python 2's {@code cPickle.dump(obj, f, protocol=2)} does, for the values
 * a NumPy array in the mnist.pkl.gz layout needs: tuples, small ints, booleans, None, Python 2
 * strings (byte[]), globals and reduce calls. Like Python's pickler it memoizes every tuple,
 * string, global and reduced object by identity (BINPUT after writing it, BINGET when it comes
 * again) and writes ints, booleans and None directly. Test code only: it makes the fixtures.
 */
final class PickleEncoder {
    /** A module-level name; the same instance stands for the same Python object. */
    record Global(String module, String name) {}

    /** A tuple, compared by identity as Python's memo does. */
    static final class Tuple {
        final Object[] items;

        Tuple(Object... items) {
            this.items = items;
        }
    }

    /** An object that pickles as callable(*args) then BUILD(state). */
    static final class Reduce {
        final Object callable;
        final Tuple args;
        final Object state;

        Reduce(Object callable, Tuple args, Object state) {
            this.callable = callable;
            this.args = args;
            this.state = state;
        }
    }

    static final Global RECONSTRUCT = new Global("numpy.core.multiarray", "_reconstruct");
    static final Global NDARRAY = new Global("numpy", "ndarray");
    static final Global DTYPE = new Global("numpy", "dtype");
    private static final Tuple ZERO = new Tuple(0L);
    private static final byte[] TYPECODE_B = "b".getBytes(StandardCharsets.ISO_8859_1);
    private static final Tuple DTYPE_STATE = new Tuple(3L, "<".getBytes(StandardCharsets.ISO_8859_1), null, null, null, -1L, -1L, 0L);

    /** numpy.dtype(code) with little-endian byte order, as NumPy reduces it. */
    static Reduce dtype(String code) {
        return new Reduce(DTYPE, new Tuple(code.getBytes(StandardCharsets.ISO_8859_1), 0L, 1L), DTYPE_STATE);
    }

    /** A C-ordered array, as numpy.ndarray.__reduce__ gives it. */
    static Reduce array(Reduce dtype, long[] shape, byte[] data) {
        Object[] dims = new Object[shape.length];
        for (int i = 0; i < shape.length; i++) dims[i] = shape[i];
        return new Reduce(RECONSTRUCT, new Tuple(NDARRAY, ZERO, TYPECODE_B), new Tuple(1L, new Tuple(dims), dtype, false, data));
    }

    static byte[] float32(float[] v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) b.putFloat(f);
        return b.array();
    }

    static byte[] int64(long[] v) {
        ByteBuffer b = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) b.putLong(x);
        return b.array();
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<Object, Integer> memo = new IdentityHashMap<>();

    /** PROTO 2, the value, STOP. */
    static byte[] encode(Object value) {
        PickleEncoder e = new PickleEncoder();
        e.out.write(0x80);
        e.out.write(2);
        e.save(value);
        e.out.write('.');
        return e.out.toByteArray();
    }

    private void save(Object o) {
        if (o != null && !(o instanceof Long) && !(o instanceof Boolean) && memo.containsKey(o)) {
            get(memo.get(o));
            return;
        }
        switch (o) {
            case null -> out.write('N');
            case Boolean b -> out.write(b ? 0x88 : 0x89);
            case Long l -> saveLong(l);
            case byte[] s -> {
                if (s.length < 256) {
                    out.write('U');
                    out.write(s.length);
                } else {
                    out.write('T');
                    out.writeBytes(le32(s.length));
                }
                out.writeBytes(s);
                memoize(s);
            }
            case Global g -> {
                out.write('c');
                out.writeBytes((g.module() + "\n" + g.name() + "\n").getBytes(StandardCharsets.US_ASCII));
                memoize(g);
            }
            case Tuple t -> saveTuple(t);
            case Reduce r -> {
                save(r.callable);
                save(r.args);
                out.write('R');
                memoize(r);
                if (r.state != null) {
                    save(r.state);
                    out.write('b');
                }
            }
            case List<?> list -> throw new IllegalArgumentException("use Tuple for tuples, not " + list);
            default -> throw new IllegalArgumentException("cannot pickle " + o.getClass());
        }
    }

    private void saveTuple(Tuple t) {
        int n = t.items.length;
        if (n == 0) {
            out.write(')');
            return;
        }
        if (n <= 3) {
            for (Object item : t.items) save(item);
            out.write(0x84 + n); // TUPLE1..TUPLE3
        } else {
            out.write('(');
            for (Object item : t.items) save(item);
            out.write('t');
        }
        memoize(t);
    }

    private void saveLong(long v) {
        if (v >= 0 && v <= 0xff) {
            out.write('K');
            out.write((int) v);
        } else if (v >= 0 && v <= 0xffff) {
            out.write('M');
            out.write((int) v & 0xff);
            out.write((int) (v >> 8) & 0xff);
        } else if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            out.write('J');
            out.writeBytes(le32((int) v));
        } else {
            throw new IllegalArgumentException("long too large for this encoder: " + v);
        }
    }

    private void memoize(Object o) {
        int index = memo.size();
        memo.put(o, index);
        if (index < 256) {
            out.write('q');
            out.write(index);
        } else {
            out.write('r');
            out.writeBytes(le32(index));
        }
    }

    private void get(int index) {
        if (index < 256) {
            out.write('h');
            out.write(index);
        } else {
            out.write('j');
            out.writeBytes(le32(index));
        }
    }

    private static byte[] le32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
    }
}
