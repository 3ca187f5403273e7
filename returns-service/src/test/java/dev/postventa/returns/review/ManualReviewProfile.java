package dev.postventa.returns.review;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** A shop that reviews every return by hand: {@code RETURN_AUTO_APPROVE=false}. */
public class ManualReviewProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("postventa.returns.auto-approve", "false");
    }
}
