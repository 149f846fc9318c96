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
}
