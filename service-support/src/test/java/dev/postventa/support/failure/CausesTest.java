package dev.postventa.support.failure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void findsTheFailureItselfOrAnyOfItsCauses() {
        IllegalStateException outer = new IllegalStateException("outer", new RuntimeException(new IOException("io")));
        assertThat(Causes.any(outer, IllegalStateException.class::isInstance)).isTrue();
        assertThat(Causes.any(outer, IOException.class::isInstance)).isTrue();
        assertThat(Causes.any(outer, IllegalArgumentException.class::isInstance)).isFalse();
        assertThat(Causes.any(null, t -> true)).isFalse();
    }

    @Test
    void aChainThatLoopsBackOnItselfEnds() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertThat(Causes.any(a, IOException.class::isInstance)).isFalse();
    }
}
