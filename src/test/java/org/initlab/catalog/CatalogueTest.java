package org.initlab.catalog;

import org.initlab.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogueTest {
    /** A scale with one parameter: what a catalogue builds in this test. */
    record Scale(String name, double factor) {}

    static Catalogue.Entry<Scale> scale(String name, List<String> aliases) {
        return new Catalogue.Entry<>(name, aliases, "test", p -> {
            Scale s = new Scale(name, p.getDouble("factor", 1.0));
            p.done();
            return s;
        });
    }

    static final Catalogue<Scale> SCALES = new Catalogue<>("scale",
            List.of(scale("unit_scale", List.of("identity")), scale("double_scale", List.of())),
            List.of(new Catalogue.Preset("half_scale", "unit_scale", Map.of("factor", 0.5), "test")));

    @Test
    void namesAliasesAndPresetsMatchByTheSpellingRule() {
        assertEquals(new Scale("unit_scale", 1.0), SCALES.create("Unit-Scale", Map.of()));
        assertEquals(new Scale("unit_scale", 1.0), SCALES.create("IDENTITY", null));
        assertEquals(new Scale("unit_scale", 0.5), SCALES.create("HalfScale", Map.of()));
        assertEquals(new Scale("unit_scale", 2.0), SCALES.create("half_scale", Map.of("factor", 2.0)), "a preset's parameters may be overridden");
        assertEquals(Optional.of("unit_scale"), SCALES.canonical("identity"));
        assertEquals(Optional.of("half_scale"), SCALES.canonical("half scale"));
        assertEquals(Optional.empty(), SCALES.canonical("triple_scale"));
        assertEquals(List.of("unit_scale", "double_scale", "half_scale"), SCALES.names());
    }

    @Test
    void unknownNamesSuggestTheNearestSpelling() {
        String m = assertThrows(UserError.class, () -> SCALES.create("idnetity", Map.of())).getMessage();
        assertEquals("unknown scale 'idnetity'; did you mean 'identity'? (valid: unit_scale, double_scale, half_scale)", m);
        assertTrue(assertThrows(UserError.class, () -> SCALES.create(" ", Map.of())).getMessage().startsWith("scale name is missing"));
        assertTrue(assertThrows(UserError.class, () -> SCALES.create("unit_scale", Map.of("factr", 2))).getMessage().contains("did you mean 'factor'"));
    }

    @Test
    void clashingSpellingsAreCaughtWhenTheCatalogueIsBuilt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new Catalogue<>("scale",
                List.of(scale("unit_scale", List.of()), scale("double_scale", List.of("Unit-Scale")))));
        assertEquals("scale name 'Unit-Scale' clashes with 'unit_scale'", e.getMessage());
        assertThrows(IllegalStateException.class, () -> new Catalogue<>("scale", List.of(scale("unit_scale", List.of())),
                List.of(new Catalogue.Preset("half", "no_such_scale", Map.of(), "test"))));
    }

    @Test
    void describeListsEntriesWithAliasesThenPresets() {
        List<CatalogueEntry> lines = SCALES.describe(new Catalogue.Listing<>() {
            @Override public String formula(Scale s) { return "x·" + s.factor(); }
            @Override public Map<String, Object> defaults(Scale s, Params read) { return read.resolved(); }
        });
        assertEquals(3, lines.size());
        assertEquals(List.of("identity"), lines.getFirst().aliases());
        assertEquals(Map.of("factor", 1.0), lines.getFirst().defaults());
        assertEquals("= unit_scale(factor=0.5): x·0.5", lines.get(2).formula());
    }
}
