package org.initlab.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;

/**
 * The JSON conventions of initlab's files: keys sorted (so equal values give equal text), doubles
 * in their shortest round-trip form, non-finite numbers written as null (JSON has no NaN), and
 * unknown fields tolerated on reading (files from newer versions stay readable). Data that the
 * report page's scripts read is written by {@link #inOrder}.
 */
public final class JsonFormat {
    private JsonFormat() {}

    /** Compact, canonical: what run hashes and result files use. */
    public static final ObjectMapper CANONICAL = build(false);
    /** The same conventions, indented for people. */
    public static final ObjectMapper PRETTY = build(true);

    /** Jackson's defaults: map entries in the order given (the page's scripts read series in that order). */
    private static final ObjectMapper IN_ORDER = new ObjectMapper();

    /**
     * Compact JSON of maps, lists, strings and numbers with their entries in the order given, for
     * data embedded in the report page and its SVG; the caller writes non-finite numbers as null.
     */
    public static String inOrder(Object value) {
        try {
            return IN_ORDER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getName(), e);
        }
    }

    private static ObjectMapper build(boolean indent) {
        SimpleModule finite = new SimpleModule("finite-doubles");
        finite.addSerializer(Double.class, new FiniteDouble());
        finite.addSerializer(double.class, new FiniteDouble());
        finite.addSerializer(double[].class, new FiniteDoubleArray());
        JsonMapper.Builder b = JsonMapper.builder()
                .addModule(finite)
                .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
        if (indent) b.enable(SerializationFeature.INDENT_OUTPUT);
        return b.build();
    }

    private static final class FiniteDouble extends JsonSerializer<Double> {
        @Override
        public void serialize(Double v, JsonGenerator g, SerializerProvider p) throws IOException {
            if (v == null || !Double.isFinite(v)) g.writeNull();
            else g.writeNumber(v);
        }
    }

    private static final class FiniteDoubleArray extends JsonSerializer<double[]> {
        @Override
        public void serialize(double[] vs, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartArray(vs, vs.length);
            for (double v : vs) {
                if (Double.isFinite(v)) g.writeNumber(v);
                else g.writeNull();
            }
            g.writeEndArray();
        }
    }
}
