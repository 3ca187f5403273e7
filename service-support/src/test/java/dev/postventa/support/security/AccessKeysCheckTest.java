package dev.postventa.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class AccessKeysCheckTest {

    @Test
    void aServiceWithoutAVerificationKeyIsToldWhichSettingToGive() {
        assertThat(AccessKeysCheck.problems(config(Map.of())))
                .singleElement().asString().contains("MP_JWT_VERIFY_PUBLICKEY_LOCATION").contains("MP_JWT_VERIFY_PUBLICKEY ");
        assertThat(AccessKeysCheck.problems(config(Map.of(AccessKeysCheck.VERIFY_KEY_LOCATION, "  ")))).hasSize(1);
    }

    @Test
    void theIssuerAlsoNeedsItsSigningKey() {
        Map<String, String> issuer = Map.of(AccessKeysCheck.VERIFY_KEY_LOCATION, "file:/keys/public.pem",
                AccessKeysCheck.ISSUES_TOKENS, "true");
        assertThat(AccessKeysCheck.problems(config(issuer))).singleElement().asString()
                .contains("SMALLRYE_JWT_SIGN_KEY_LOCATION");
        assertThat(AccessKeysCheck.problems(config(Map.of(AccessKeysCheck.VERIFY_KEY_LOCATION, "file:/k.pem",
                AccessKeysCheck.ISSUES_TOKENS, "true", AccessKeysCheck.SIGN_KEY_LOCATION, "file:/p.pem")))).isEmpty();
    }

    @Test
    void aKeyGivenInlineIsEnough() {
        assertThat(AccessKeysCheck.problems(config(Map.of(AccessKeysCheck.VERIFY_KEY, "MIIBIjANBg...")))).isEmpty();
    }

    private static Config config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }
}
