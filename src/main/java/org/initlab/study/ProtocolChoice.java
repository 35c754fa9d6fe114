package org.initlab.study;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.initlab.UserError;
import org.initlab.catalog.Spelling;
import org.initlab.study.spec.SpecNodes;

import java.util.Iterator;
import java.util.Map;

/**
 * Second step of reading a spec: which protocol applies (the command line's, else the spec's,
 * else {@code default}), and the spec with its {@code protocols.<name>} block deep-merged over it.
 *
 * @param spec     the spec with the block merged and {@code protocols:} removed
 * @param defaults the protocol's own defaults ({@link Protocols#defaults}), beneath everything
 */
record ProtocolChoice(String name, ObjectNode spec, ObjectNode defaults) {
    static ProtocolChoice of(ObjectNode root, StudySpecParser.Overrides overrides, SpecNodes in) {
        String written = overrides.protocol() != null ? overrides.protocol() : in.text(root, "protocol", Protocols.DEFAULT_NAME);
        String protocol;
        try {
            protocol = Spelling.choose("protocol", written, Protocols.names());
        } catch (UserError e) {
            throw new UserError(in.origin() + ": " + e.getMessage());
        }
        ObjectNode spec = root;
        JsonNode blocks = root.get("protocols");
        if (blocks != null) {
            if (!blocks.isObject()) throw in.error("protocols", "must be a mapping of protocol name to overrides");
            for (Iterator<Map.Entry<String, JsonNode>> it = blocks.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "protocols." + e.getKey();
                String p;
                try {
                    p = Spelling.choose("protocol", e.getKey(), Protocols.names());
                } catch (UserError u) {
                    throw in.error(path, u.getMessage());
                }
                if (!p.equals(protocol)) continue;
                if (!e.getValue().isObject()) throw in.error(path, "must be a mapping");
                in.checkKeys((ObjectNode) e.getValue(), StudySpecParser.ROOT_KEYS, path + ".");
                spec = SpecNodes.deepMerge(spec.deepCopy(), (ObjectNode) e.getValue());
            }
        }
        spec.remove("protocols");
        return new ProtocolChoice(protocol, spec, Protocols.defaults(protocol));
    }
}
