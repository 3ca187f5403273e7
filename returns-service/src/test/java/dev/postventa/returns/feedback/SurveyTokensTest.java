package dev.postventa.returns.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SurveyTokensTest {

    private static final UUID RETURN = UUID.fromString("0b7e4a4e-2f6c-4d7a-9d59-3f1f5c2a9e11");
    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
    private static final Instant EXPIRY = Instant.parse("2026-12-30T12:00:00Z");

    @Test
    void aSignedTokenNamesItsReturnAndExpiryUntilItExpires() {
        SurveyTokens tokens = new SurveyTokens(List.of("secret-a"));
        String token = tokens.sign(RETURN, EXPIRY);

        assertThat(token).startsWith("v1.").doesNotContain("=").matches("[A-Za-z0-9._-]+");
        assertThat(tokens.verify(token, NOW)).contains(new SurveyTokens.Verified(RETURN, EXPIRY, false));
        assertThat(tokens.verify(token, EXPIRY.minusSeconds(1)).orElseThrow().expired()).isFalse();
        assertThat(tokens.verify(token, EXPIRY).orElseThrow().expired()).isTrue();
    }

    @Test
    void rotationSignsWithTheFirstSecretAndStillAcceptsTheOldOne() {
        String oldToken = new SurveyTokens(List.of("old")).sign(RETURN, EXPIRY);
        SurveyTokens rotated = new SurveyTokens(List.of("new", "old"));

        assertThat(rotated.verify(oldToken, NOW)).isPresent();
        String newToken = rotated.sign(RETURN, EXPIRY);
        assertThat(new SurveyTokens(List.of("new")).verify(newToken, NOW)).isPresent();
        assertThat(new SurveyTokens(List.of("old")).verify(newToken, NOW)).isEmpty();
    }

    @Test
    void aTamperedForgedOrMalformedTokenIsUnknown() {
        SurveyTokens tokens = new SurveyTokens(List.of("secret-a"));
        String token = tokens.sign(RETURN, EXPIRY);
        String[] parts = token.split("\\.");
        // Another return, or a later expiry, under the original signature.
        String otherReturn = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((UUID.randomUUID() + ":" + EXPIRY.getEpochSecond()).getBytes());
        String later = Base64.getUrlEncoder().withoutPadding()
                .encodeToString((RETURN + ":" + EXPIRY.plusSeconds(86_400).getEpochSecond()).getBytes());

        assertThat(tokens.verify(parts[0] + "." + otherReturn + "." + parts[2], NOW)).isEmpty();
        assertThat(tokens.verify(parts[0] + "." + later + "." + parts[2], NOW)).isEmpty();
        assertThat(tokens.verify(new SurveyTokens(List.of("guess")).sign(RETURN, EXPIRY), NOW)).isEmpty();
        assertThat(tokens.verify("v2." + parts[1] + "." + parts[2], NOW)).isEmpty();
        assertThat(tokens.verify(token + "x", NOW)).isEmpty();
        assertThat(tokens.verify("v1.%%%.***", NOW)).isEmpty();
        assertThat(tokens.verify("garbage", NOW)).isEmpty();
        assertThat(tokens.verify("", NOW)).isEmpty();
        assertThat(tokens.verify(null, NOW)).isEmpty();
    }

    @Test
    void noSecretIsRefused() {
        assertThatThrownBy(() -> new SurveyTokens(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SurveyTokens(List.of(" "))).isInstanceOf(IllegalArgumentException.class);
    }
}
