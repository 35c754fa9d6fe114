package org.initlab.data;

import org.initlab.UserError;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A restricted reader of Python pickles (protocols 0-4 binary opcodes, as specified by CPython's
 * {@code Lib/pickletools.py}), enough for NumPy arrays as Python 2's {@code cPickle.dump(...,
 * protocol=2)} and Python 3's {@code pickle} write them. It builds plain Java values and never
 * runs code: the only callables it knows are
 * <ul>
 *   <li>{@code numpy.core.multiarray._reconstruct(numpy.ndarray, shape, typecode)} followed by
 *       {@code BUILD} with the array state {@code (version, shape, dtype, is_fortran, rawdata)};</li>
 *   <li>{@code numpy.dtype(code, align, copy)} followed by {@code BUILD} with the dtype state
 *       {@code (version, byteorder, ...)};</li>
 *   <li>{@code _codecs.encode(text, 'latin1')}, Python 3's protocol-2 spelling of bytes.</li>
 * </ul>
 * Anything else is refused. Python 2 strings ({@code SHORT_BINSTRING}, {@code BINSTRING}) and
 * bytes become {@code byte[]} (read as latin1 where text is expected); unicode becomes
 * {@link String}; tuples and lists become {@link List}; ints become {@link Long} or
 * {@link BigInteger}.
 *
 * <p>Hostile input is refused, not followed: values may nest at most {@link #MAX_DEPTH} deep (the
 * mnist.pkl.gz layout needs 2, a tuple of (images, labels) pairs of arrays; an array's REDUCE
 * arguments and BUILD state are 2 deep too), and no list or dict may contain itself. Nothing walks a value
 * recursively: each container's depth is known when it is made, since a container is complete
 * before it is stored in another one (which is how Python's pickler writes every value that does
 * not contain itself, {@code Lib/pickle.py}: {@code save_list} appends all items before
 * returning).
 */
final class Unpickler {
    /** A NumPy array: dtype string such as {@code <f4} or {@code <i8}, shape, layout, raw bytes. */
    record NdArray(String dtype, int[] shape, boolean fortran, byte[] data) {
        char kind() {
            return dtype.charAt(1);
        }

        int itemSize() {
            return Integer.parseInt(dtype.substring(2));
        }

        ByteOrder order() {
            return dtype.charAt(0) == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        }

        String shapeText() {
            return Arrays.toString(shape).replace('[', '(').replace(']', ')');
        }
    }

    /** A reference to a Python global (module.name) named by GLOBAL or STACK_GLOBAL. */
    record Global(String module, String name) {
        @Override
        public String toString() {
            return module + "." + name;
        }
    }

    /** The deepest nesting of tuples, lists and dicts read; NumPy array pickles need 2. */
    static final int MAX_DEPTH = 100;
    /** NumPy's limit on array dimensions ({@code NPY_MAXDIMS}, 64 since NumPy 2.0). */
    private static final int MAX_DIMS = 64;
    private static final Object MARK = new Object();
    private static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };
    private static final Set<String> RECONSTRUCT = Set.of("numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct");
    private static final Set<String> ALLOWED = Set.of("numpy.core.multiarray._reconstruct", "numpy._core.multiarray._reconstruct",
            "numpy.ndarray", "numpy.dtype", "_codecs.encode");

    /** An array being rebuilt: created by _reconstruct, filled by BUILD. */
    private static final class PendingArray {
        NdArray built;
    }

    /** A dtype being rebuilt: created by numpy.dtype(code), given its byte order by BUILD. */
    private static final class PendingDtype {
        final String code;
        char order = '|';

        PendingDtype(String code) {
            this.code = code;
        }

        String descr() {
            char kind = code.charAt(0);
            String size = code.substring(1);
            char o = order == '=' ? '<' : order;
            if (size.equals("1")) o = '|';
            return "" + o + kind + size;
        }
    }

    private final Path file;
    private final InputStream in;
    private final ArrayList<Object> stack = new ArrayList<>();
    private final Map<Long, Object> memo = new HashMap<>();
    /** Each tuple, list and dict made so far and its depth (1 + its deepest item's; others are 0). */
    private final Map<Object, Integer> depths = new IdentityHashMap<>();
    /** Containers stored in another container: complete, never changed again. */
    private final Set<Object> stored = Collections.newSetFromMap(new IdentityHashMap<>());
    private long offset;

    private Unpickler(Path file, InputStream in) {
        this.file = file;
        this.in = in;
    }

    /** Reads one pickled value from {@code in}; {@code file} names it in errors. */
    static Object load(Path file, InputStream in) {
        Unpickler u = new Unpickler(file, in);
        try {
            return u.run();
        } catch (IOException e) {
            throw DataFiles.readFailure(file, e);
        }
    }

    private Object run() throws IOException {
        while (true) {
            long at = offset;
            int op = readByte();
            switch (op) {
                case 0x80 -> { // PROTO
                    int v = readByte();
                    if (v > 5) throw bad(at, "pickle protocol " + v + " is newer than initlab reads (0-5)");
                }
                case 0x95 -> readLong8(); // FRAME: a length hint only
                case '.' -> { // STOP
                    if (stack.size() != 1) throw bad(at, "STOP with " + stack.size() + " values on the stack");
                    return item(at, stack.removeLast());
                }
                case '(' -> stack.add(MARK);
                case ')' -> stack.add(made(at, List.of(), List.of()));
                case ']' -> stack.add(made(at, new ArrayList<>(), List.of()));
                case '}' -> stack.add(made(at, new LinkedHashMap<>(), List.of()));
                case 't' -> stack.add(tuple(at, popMark(at)));
                case 'l' -> {
                    List<Object> items = items(at, popMark(at));
                    stack.add(made(at, new ArrayList<>(items), items));
                }
                case 0x85 -> stack.add(tuple(at, popTop(at, 1)));
                case 0x86 -> stack.add(tuple(at, popTop(at, 2)));
                case 0x87 -> stack.add(tuple(at, popTop(at, 3)));
                case 'a' -> {
                    List<Object> items = items(at, List.of(pop(at)));
                    grown(at, list(at), items).addAll(items);
                }
                case 'e' -> {
                    List<Object> items = items(at, popMark(at));
                    grown(at, list(at), items).addAll(items);
                }
                case 'd' -> {
                    List<Object> items = items(at, popMark(at));
                    Map<Object, Object> m = new LinkedHashMap<>();
                    for (int i = 0; i + 1 < items.size(); i += 2) m.put(key(at, items.get(i)), items.get(i + 1));
                    stack.add(made(at, m, items));
                }
                case 's' -> {
                    Object v = pop(at);
                    Object k = pop(at);
                    List<Object> items = items(at, List.of(k, v));
                    grown(at, dict(at), items).put(key(at, items.get(0)), items.get(1));
                }
                case 'u' -> {
                    List<Object> items = items(at, popMark(at));
                    Map<Object, Object> m = grown(at, dict(at), items);
                    for (int i = 0; i + 1 < items.size(); i += 2) m.put(key(at, items.get(i)), items.get(i + 1));
                }
                case 'N' -> stack.add(NONE);
                case 0x88 -> stack.add(Boolean.TRUE);
                case 0x89 -> stack.add(Boolean.FALSE);
                case 'J' -> stack.add(readIntLE(4));
                case 'K' -> stack.add((long) readByte());
                case 'M' -> stack.add(readUnsignedLE(2));
                case 0x8a -> stack.add(readLong(readByte()));
                case 0x8b -> stack.add(readLong(length(at, readIntLE(4))));
                case 'G' -> stack.add(ByteBuffer.wrap(readBytes(8)).getDouble());
                case 'U' -> stack.add(readBytes(readByte()));
                case 'T' -> stack.add(readBytes(length(at, readIntLE(4))));
                case 'C' -> stack.add(readBytes(readByte()));
                case 'B' -> stack.add(readBytes(length(at, readIntLE(4))));
                case 0x8e -> stack.add(readBytes(length(at, readLong8())));
                case 'X' -> stack.add(new String(readBytes(length(at, readIntLE(4))), StandardCharsets.UTF_8));
                case 0x8c -> stack.add(new String(readBytes(readByte()), StandardCharsets.UTF_8));
                case 0x8d -> stack.add(new String(readBytes(length(at, readLong8())), StandardCharsets.UTF_8));
                case 'c' -> stack.add(global(at, readLine(), readLine()));
                case 0x93 -> {
                    Object name = pop(at);
                    Object module = pop(at);
                    stack.add(global(at, text(at, module), text(at, name)));
                }
                case 'R' -> {
                    Object args = pop(at);
                    Object callable = pop(at);
                    stack.add(reduce(at, callable, args));
                }
                case 'b' -> {
                    Object state = pop(at);
                    build(at, peek(at), state);
                }
                case 'q' -> memo.put((long) readByte(), peek(at));
                case 'r' -> memo.put(readUnsignedLE(4), peek(at));
                case 0x94 -> memo.put((long) memo.size(), peek(at));
                case 'h' -> stack.add(memoGet(at, readByte()));
                case 'j' -> stack.add(memoGet(at, readUnsignedLE(4)));
                case '0' -> pop(at);
                case '1' -> popMark(at);
                case '2' -> stack.add(peek(at));
                default -> throw bad(at, String.format("unsupported pickle opcode 0x%02x", op));
            }
        }
    }

    /**
     * A value about to be stored in a container: an array as built (it must be complete), and
     * marked as stored, so that it never changes again.
     */
    private Object item(long at, Object o) {
        if (o instanceof PendingArray p) {
            if (p.built == null) throw bad(at, "a NumPy array used before its state was set");
            return p.built;
        }
        if (depths.containsKey(o)) stored.add(o);
        return o;
    }

    private List<Object> items(long at, List<Object> raw) {
        List<Object> out = new ArrayList<>(raw.size());
        for (Object o : raw) out.add(item(at, o));
        return out;
    }

    private int depth(Object o) {
        return depths.getOrDefault(o, 0);
    }

    private int depthWith(long at, int depth, List<Object> items) {
        for (Object o : items) depth = Math.max(depth, 1 + depth(o));
        if (depth > MAX_DEPTH) {
            throw bad(at, "values nested more than " + MAX_DEPTH + " deep (a dataset's arrays in tuples need 2)");
        }
        return depth;
    }

    /** A new container holding {@code items}, with its depth recorded. */
    private <T> T made(long at, T container, List<Object> items) {
        depths.put(container, depthWith(at, 1, items));
        return container;
    }

    private List<Object> tuple(long at, List<Object> raw) {
        List<Object> items = items(at, raw);
        return made(at, List.copyOf(items), items);
    }

    /**
     * A list or dict about to receive {@code items} (already marked as stored): refused when it is
     * stored somewhere itself, which only a value that contains itself needs.
     */
    private <T> T grown(long at, T container, List<Object> items) {
        if (stored.contains(container)) {
            throw bad(at, "a list or dict that contains itself, which initlab does not read");
        }
        depths.put(container, depthWith(at, depth(container), items));
        return container;
    }

    private Object global(long at, String module, String name) {
        Global g = new Global(module, name);
        if (!ALLOWED.contains(g.toString())) {
            throw bad(at, "unsupported pickle content: it refers to " + g + " (initlab reads only NumPy arrays in tuples)");
        }
        return g;
    }

    private Object reduce(long at, Object callable, Object args) {
        if (!(callable instanceof Global g)) throw bad(at, "REDUCE on something that is not a known callable");
        List<?> a = args instanceof List<?> l ? l : List.of();
        String name = g.toString();
        if (RECONSTRUCT.contains(name)) {
            if (a.isEmpty() || !(a.getFirst() instanceof Global cls) || !cls.toString().equals("numpy.ndarray")) {
                throw bad(at, "unsupported pickle content: " + name + " of something other than numpy.ndarray");
            }
            return new PendingArray();
        }
        if (name.equals("numpy.dtype")) {
            if (a.isEmpty()) throw bad(at, "numpy.dtype without a type code");
            String code = text(at, a.getFirst());
            if (!code.matches("[fiub][1248]")) throw bad(at, "unsupported NumPy dtype '" + code + "' (initlab reads numbers only)");
            return new PendingDtype(code);
        }
        if (name.equals("_codecs.encode")) {
            if (a.size() != 2) throw bad(at, "_codecs.encode needs two arguments");
            String encoding = text(at, a.get(1));
            if (!encoding.equals("latin1") && !encoding.equals("latin-1")) throw bad(at, "_codecs.encode to '" + encoding + "'");
            return text(at, a.getFirst()).getBytes(StandardCharsets.ISO_8859_1);
        }
        throw bad(at, "unsupported pickle content: a call of " + name);
    }

    private void build(long at, Object target, Object state) {
        List<?> s = state instanceof List<?> l ? l : List.of();
        if (target instanceof PendingDtype d) {
            if (s.size() < 2) throw bad(at, "dtype state has " + s.size() + " items");
            String order = text(at, s.get(1));
            if (order.length() != 1 || "<>|=".indexOf(order.charAt(0)) < 0) throw bad(at, "dtype byte order '" + order + "'");
            d.order = order.charAt(0);
            return;
        }
        if (target instanceof PendingArray p) {
            if (s.size() != 5) throw bad(at, "ndarray state has " + s.size() + " items, expected 5");
            if (!(s.get(1) instanceof List<?> shapeList)) throw bad(at, "ndarray shape is " + describe(s.get(1)) + ", not a tuple");
            if (shapeList.size() > MAX_DIMS) throw bad(at, "ndarray of " + shapeList.size() + " dimensions (NumPy allows " + MAX_DIMS + ")");
            int[] shape = new int[shapeList.size()];
            long n = 1;
            for (int i = 0; i < shape.length; i++) {
                if (!(shapeList.get(i) instanceof Long dim) || dim < 0 || dim > Integer.MAX_VALUE) {
                    throw bad(at, "ndarray shape item " + i + " is " + describe(shapeList.get(i)) + ", not a size");
                }
                shape[i] = (int) (long) dim;
                n = Math.min(n * dim, 1L << 31); // both below 2^32: no overflow
            }
            if (n > Integer.MAX_VALUE) throw bad(at, "ndarray of shape " + shapeList + " has more elements than initlab reads (2^31)");
            if (!(s.get(2) instanceof PendingDtype dtype)) throw bad(at, "ndarray without a numeric dtype");
            boolean fortran = Boolean.TRUE.equals(s.get(3)) || Long.valueOf(1).equals(s.get(3));
            if (!(s.get(4) instanceof byte[] data)) {
                throw bad(at, "ndarray data is not raw bytes (an object array?)");
            }
            String descr = dtype.descr();
            int itemSize = Integer.parseInt(descr.substring(2));
            if (data.length != n * itemSize) {
                throw bad(at, "ndarray of shape " + shapeList + " and dtype " + descr + " needs " + n * itemSize + " bytes, has " + data.length);
            }
            p.built = new NdArray(descr, shape, fortran, data);
            return;
        }
        throw bad(at, "BUILD on something that is not a NumPy array or dtype");
    }

    private List<Object> popTop(long at, int n) {
        if (stack.size() < n) throw bad(at, "stack underflow");
        List<Object> items = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
        for (Object o : items) if (o == MARK) throw bad(at, "tuple of a MARK");
        stack.subList(stack.size() - n, stack.size()).clear();
        return items;
    }

    private List<Object> popMark(long at) {
        int i = stack.lastIndexOf(MARK);
        if (i < 0) throw bad(at, "no MARK on the stack");
        List<Object> items = new ArrayList<>(stack.subList(i + 1, stack.size()));
        stack.subList(i, stack.size()).clear();
        return items;
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(long at) {
        if (peek(at) instanceof ArrayList<?> l) return (List<Object>) l;
        throw bad(at, "APPEND to something that is not a list");
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> dict(long at) {
        if (peek(at) instanceof Map<?, ?> m) return (Map<Object, Object>) m;
        throw bad(at, "SETITEM on something that is not a dict");
    }

    /** A dict key: a string or a number (a tuple key would be hashed by walking it). */
    private Object key(long at, Object k) {
        if (k instanceof byte[] b) return new String(b, StandardCharsets.ISO_8859_1);
        if (k instanceof String || k instanceof Long || k instanceof BigInteger || k instanceof Boolean || k instanceof Double || k == NONE) return k;
        throw bad(at, "a dict key that is " + describe(k) + " (initlab reads only string and number keys)");
    }

    private Object pop(long at) {
        if (stack.isEmpty() || stack.getLast() == MARK) throw bad(at, "stack underflow");
        return stack.removeLast();
    }

    private Object peek(long at) {
        if (stack.isEmpty() || stack.getLast() == MARK) throw bad(at, "stack underflow");
        return stack.getLast();
    }

    private Object memoGet(long at, long index) {
        Object v = memo.get(index);
        if (v == null) throw bad(at, "memo index " + index + " was never stored");
        return v;
    }

    private String text(long at, Object o) {
        if (o instanceof String s) return s;
        if (o instanceof byte[] b) return new String(b, StandardCharsets.ISO_8859_1);
        throw bad(at, "expected a string, got " + describe(o));
    }

    private static String describe(Object o) {
        return switch (o) {
            case List<?> l -> "a tuple of " + l.size() + " items";
            case Map<?, ?> m -> "a dict of " + m.size() + " items";
            case byte[] b -> "a string of " + b.length + " bytes";
            case Long l -> "the int " + l;
            case BigInteger i -> "a " + i.bitLength() + "-bit int";
            case Boolean b -> "the bool " + (b ? "True" : "False");
            case Double d -> "a float";
            case Global g -> "the global " + g;
            case PendingArray p -> "a NumPy array";
            case NdArray a -> "a NumPy array";
            case PendingDtype d -> "a NumPy dtype";
            case null -> "nothing";
            default -> o == NONE ? "None" : "an unsupported value";
        };
    }

    private int length(long at, long n) {
        if (n < 0 || n > Integer.MAX_VALUE - 16) throw bad(at, "string length " + n + " is impossible");
        return (int) n;
    }

    private UserError bad(long at, String problem) {
        return new UserError(file + ": not a pickle initlab can read: " + problem + " (at byte " + at + " of the pickle)");
    }

    private int readByte() throws IOException {
        int b = in.read();
        if (b < 0) throw new UserError(file + ": truncated: the pickle ends at byte " + offset + " before its STOP opcode");
        offset++;
        return b;
    }

    /** Reads n bytes; up to 256 MiB are read in place, a larger claimed length grows as it is read. */
    private byte[] readBytes(int n) throws IOException {
        byte[] b;
        if (n <= 1 << 28) {
            b = new byte[n];
            int got = in.readNBytes(b, 0, n);
            if (got != n) b = Arrays.copyOf(b, got);
        } else {
            b = in.readNBytes(n);
        }
        offset += b.length;
        if (b.length != n) throw new UserError(file + ": truncated: the pickle ends at byte " + offset + " inside a " + n + "-byte value");
        return b;
    }

    private long readIntLE(int n) throws IOException {
        return ByteBuffer.wrap(readBytes(n)).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private long readUnsignedLE(int n) throws IOException {
        byte[] b = readBytes(n);
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[i] & 0xff);
        return v;
    }

    private long readLong8() throws IOException {
        return ByteBuffer.wrap(readBytes(8)).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }

    /** LONG1/LONG4: little-endian two's complement of n bytes. */
    private Object readLong(int n) throws IOException {
        byte[] le = readBytes(n);
        if (n == 0) return 0L;
        byte[] be = new byte[n];
        for (int i = 0; i < n; i++) be[i] = le[n - 1 - i];
        BigInteger v = new BigInteger(be);
        return v.bitLength() < 64 ? (Object) v.longValue() : v;
    }

    private String readLine() throws IOException {
        StringBuilder sb = new StringBuilder();
        int b;
        while ((b = readByte()) != '\n') {
            sb.append((char) b);
            if (sb.length() > 200) throw new UserError(file + ": not a pickle initlab can read: a GLOBAL name longer than 200 bytes");
        }
        return sb.toString();
    }
}
