"""Writes tiny-py.pkl.gz: a pickle in the mnist.pkl.gz layout, made with Python's own pickler.

A cross-check of initlab's pickle reader, independent of its Java test encoder. NumPy is not
needed: stand-in classes reduce exactly as numpy.ndarray and numpy.dtype do, and Python 3 bytes
are written as Python 2 strings (SHORT_BINSTRING / BINSTRING), as cPickle.dump(protocol=2) wrote
the original file. Run once: python3 make_pickle_fixture.py OUT.pkl.gz [py2|py3-protocol2|py3-protocol4]
"""
import gzip, pickle, struct, sys, types

numpy = types.ModuleType("numpy")
core = types.ModuleType("numpy.core")
multiarray = types.ModuleType("numpy.core.multiarray")
numpy.core, core.multiarray = core, multiarray
sys.modules.update({"numpy": numpy, "numpy.core": core, "numpy.core.multiarray": multiarray})

def _reconstruct(*args):
    raise NotImplementedError
_reconstruct.__module__ = "numpy.core.multiarray"
multiarray._reconstruct = _reconstruct

class ndarray:
    pass
ndarray.__module__ = "numpy"
numpy.ndarray = ndarray

class dtype:
    def __init__(self, code):
        self.code = code
    def __reduce__(self):
        return (dtype, (self.code, 0, 1), (3, b"<", None, None, None, -1, -1, 0))
dtype.__module__ = "numpy"
numpy.dtype = dtype

class Array:
    def __init__(self, shape, dt, data):
        self.shape, self.dt, self.data = shape, dt, data
    def __reduce__(self):
        return (_reconstruct, (ndarray, (0,), b"b"), (1, self.shape, self.dt, False, self.data))

class Py2Pickler(pickle._Pickler):
    dispatch = pickle._Pickler.dispatch.copy()
    def save_py2_str(self, obj):
        n = len(obj)
        if n < 256:
            self.write(pickle.SHORT_BINSTRING + bytes([n]) + obj)
        else:
            self.write(pickle.BINSTRING + struct.pack("<i", n) + obj)
        self.memoize(obj)
    dispatch[bytes] = save_py2_str

FEATURES = 784
F4, I8 = dtype(b"f4"), dtype(b"i8")

def pixel(i, j):  # example i (counted over all splits), feature j
    return ((i + 1) * (j + 3) * 7) % 256 if j % 5 == 0 else 0

def label(i):
    return (3 * i) % 10

def part(start, n):
    x = b"".join(struct.pack("<f", pixel(i, j) / 255) for i in range(start, start + n) for j in range(FEATURES))
    y = b"".join(struct.pack("<q", label(i)) for i in range(start, start + n))
    return (Array((n, FEATURES), F4, x), Array((n,), I8, y))

data = (part(0, 6), part(6, 2), part(8, 2))
style = sys.argv[2] if len(sys.argv) > 2 else "py2"
with open(sys.argv[1], "wb") as raw:
    with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as out:
        if style == "py2":  # as Python 2's cPickle wrote it
            Py2Pickler(out, protocol=2).dump(data)
        elif style == "py3-protocol2":  # Python 3, protocol 2: bytes become _codecs.encode(text, 'latin1')
            pickle._Pickler(out, protocol=2).dump(data)
        else:  # Python 3, protocol 4: FRAME, STACK_GLOBAL, MEMOIZE, SHORT_BINBYTES
            pickle._Pickler(out, protocol=4).dump(data)
