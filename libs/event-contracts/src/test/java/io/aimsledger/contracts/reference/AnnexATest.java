package io.aimsledger.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnnexATest {

    @Test
    void theShippedReferenceHasThe38ControlsWithTheirTitles() {
        assertThat(AnnexA.controls()).hasSize(38);
        assertThat(AnnexA.controls().getFirst()).isEqualTo(new AnnexA.Control("A.2.2", "A.2", "Policies related to AI",
                "AI policy"));
        assertThat(AnnexA.isControl("A.6.2.4")).isTrue();
        assertThat(AnnexA.isControl("A.6.2.99")).isFalse();
    }

    @Test
    void mappingsKeepTheirDerivedMark() {
        assertThat(Mappings.of("A.6.2.4")).isNotEmpty();
        assertThat(Mappings.of("6.1.2")).contains(new Mappings.Mapping("EU_AI_ACT", "Art. 9", true));
        assertThat(Mappings.of("4.1")).contains(new Mappings.Mapping("NIST_AI_RMF", "GOVERN 1.1", false));
        assertThat(Mappings.of("custom-1")).isEmpty();
    }
}
