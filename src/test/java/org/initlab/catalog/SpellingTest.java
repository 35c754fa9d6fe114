package org.initlab.catalog;

import org.initlab.UserError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SpellingTest {
    @Test
    void caseUnderscoresHyphensAndBlanksDoNotCount() {
        assertEquals("glorotuniform", Spelling.key(" Glorot_Uniform "));
        assertTrue(Spelling.same("GlorotUniform", "glorot-uniform"));
        assertTrue(Spelling.same("glorot uniform", "GLOROT_UNIFORM"));
        assertFalse(Spelling.same("glorot_uniform", "glorot_normal"));
    }

    @Test
    void chooseReturnsTheListedSpellingOrSuggests() {
        assertEquals("fan_in", Spelling.choose("mode", "FanIn", List.of("fan_in", "fan_out")));
        String m = assertThrows(UserError.class, () -> Spelling.choose("mode", "fan_ni", List.of("fan_in", "fan_out"))).getMessage();
        assertEquals("unknown mode 'fan_ni'; did you mean 'fan_in'? (valid: fan_in, fan_out)", m);
    }

    @Test
    void choiceParametersFollowTheRule() {
        Params p = new Params("gelu", java.util.Map.of("approximate", "TANH"));
        assertEquals("tanh", p.getChoice("approximate", "none", List.of("none", "tanh")));
        Params bad = new Params("gelu", java.util.Map.of("approximate", "tahn"));
        String m = assertThrows(UserError.class, () -> bad.getChoice("approximate", "none", List.of("none", "tanh"))).getMessage();
        assertTrue(m.startsWith("gelu: parameter 'approximate': unknown value 'tahn'; did you mean 'tanh'?"), m);
    }
}
