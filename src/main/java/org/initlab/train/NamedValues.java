package org.initlab.train;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Values recorded under their names, as probes record them (one map per epoch for the run, one per
 * layer). Readers look a value up by name; a name that is absent was not recorded (the run lacks
 * the probe, or the probe had nothing to say then) and reads as null, like a number that was not
 * finite.
 *
 * <p>In JSON an object from name to value, keys sorted: a number (null when not finite), an array
 * of numbers, a string ({@link Value.Text}), or an object — a {@link Histogram} (it has {@code counts}) or a {@link Summary}.
 */
@JsonSerialize(using = NamedValues.Writer.class)
@JsonDeserialize(using = NamedValues.Reader.class)
public final class NamedValues {
    public static final NamedValues NONE = new NamedValues(Map.of());

    private final Map<String, Value> values;

    public NamedValues(Map<String, ? extends Value> values) {
        for (Map.Entry<String, ? extends Value> e : values.entrySet()) {
            if (e.getKey() == null || e.getValue() == null) throw new IllegalArgumentException("a value needs a name and a value: " + e);
        }
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Map<String, Value> asMap() { return values; }

    public Set<String> names() { return values.keySet(); }

    public boolean has(String name) { return values.containsKey(name); }

    public Value get(String name) { return values.get(name); }

    public boolean isEmpty() { return values.isEmpty(); }

    /** The number recorded under {@code name}; null when absent, not a number, or not finite. */
    public Double number(String name) {
        return values.get(name) instanceof Value.Scalar s ? s.orNull() : null;
    }

    /** The list of numbers recorded under {@code name}, or null. */
    public Value.Numbers numbers(String name) {
        return values.get(name) instanceof Value.Numbers n ? n : null;
    }

    public Summary summary(String name) {
        return values.get(name) instanceof Summary s ? s : null;
    }

    /** The text recorded under {@code name}, or null. */
    public String text(String name) {
        return values.get(name) instanceof Value.Text t ? t.text() : null;
    }

    public Histogram histogram(String name) {
        return values.get(name) instanceof Histogram h ? h : null;
    }

    /** These values restricted to {@code names}. */
    public NamedValues only(Set<String> names) {
        Map<String, Value> kept = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (names.contains(k)) kept.put(k, v);
        });
        return new NamedValues(kept);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NamedValues n && values.equals(n.values);
    }

    @Override
    public int hashCode() { return values.hashCode(); }

    @Override
    public String toString() { return "NamedValues" + values.keySet(); }

    static final class Writer extends JsonSerializer<NamedValues> {
        @Override
        public void serialize(NamedValues nv, JsonGenerator g, SerializerProvider p) throws IOException {
            g.writeStartObject();
            for (Map.Entry<String, Value> e : new TreeMap<>(nv.values).entrySet()) {
                g.writeFieldName(e.getKey());
                switch (e.getValue()) {
                    case Value.Scalar s -> number(g, s.value());
                    case Value.Numbers n -> {
                        g.writeStartArray();
                        for (int i = 0; i < n.size(); i++) number(g, n.get(i));
                        g.writeEndArray();
                    }
                    case Value.Text t -> g.writeString(t.text());
                    case Summary s -> p.defaultSerializeValue(s, g);
                    case Histogram h -> p.defaultSerializeValue(h, g);
                }
            }
            g.writeEndObject();
        }

        private static void number(JsonGenerator g, double v) throws IOException {
            if (Double.isNaN(v)) g.writeNull();
            else g.writeNumber(v);
        }
    }

    static final class Reader extends JsonDeserializer<NamedValues> {
        @Override
        public NamedValues deserialize(JsonParser p, DeserializationContext c) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) return (NamedValues) c.handleUnexpectedToken(NamedValues.class, p);
            Map<String, Value> values = new LinkedHashMap<>();
            for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
                JsonToken t = p.nextToken();
                values.put(name, switch (t) {
                    case VALUE_NULL -> new Value.Scalar(Double.NaN);
                    case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new Value.Scalar(p.getDoubleValue());
                    case VALUE_STRING -> new Value.Text(p.getText());
                    case START_ARRAY -> numbers(p, c);
                    case START_OBJECT -> {
                        JsonNode node = c.readTree(p);
                        yield node.has("counts") ? c.readTreeAsValue(node, Histogram.class) : c.readTreeAsValue(node, Summary.class);
                    }
                    default -> (Value) c.handleUnexpectedToken(Value.class, p);
                });
            }
            return new NamedValues(values);
        }

        private static Value.Numbers numbers(JsonParser p, DeserializationContext c) throws IOException {
            ArrayList<Double> list = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == JsonToken.VALUE_NULL) list.add(Double.NaN);
                else if (t.isNumeric()) list.add(p.getDoubleValue());
                else c.handleUnexpectedToken(Double.class, p);
            }
            double[] v = new double[list.size()];
            for (int i = 0; i < v.length; i++) v[i] = list.get(i);
            return new Value.Numbers(v);
        }
    }
}
