package dev.postventa.notifications.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Values from events print on one line: none can end the subject early or start a line of its own. */
class MessageRendererTest {

    @Test
    void textValuesLoseTheirLineBreaksAndOtherValuesStayAsTheyAre() {
        assertThat(MessageRenderer.oneLine("RMA-1\r\nBcc: x@evil.example\n\nX: y")).isEqualTo("RMA-1 Bcc: x@evil.example X: y");
        assertThat(MessageRenderer.oneLine("tarjeta\u2028vencida\u0085")).isEqualTo("tarjeta vencida ");
        assertThat(MessageRenderer.oneLine("<script>alert(1)</script>")).isEqualTo("<script>alert(1)</script>");
        assertThat(MessageRenderer.oneLine(3)).isEqualTo(3);
        assertThat(MessageRenderer.oneLine(BigDecimal.TEN)).isEqualTo(BigDecimal.TEN);
    }
}
