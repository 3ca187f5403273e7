package dev.postventa.returns.feedback;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The satisfaction survey's settings (env {@code SURVEY_*}, see application.properties). */
@ConfigMapping(prefix = "postventa.survey")
public interface SurveyConfig {

    /** Schedule and send surveys; off: nothing is scheduled or sent (links already sent can still be answered). */
    @WithDefault("true")
    boolean enabled();

    /** How long after we received the return's first refund or store credit the survey is sent (our clock). */
    @WithDefault("P3D")
    Duration delay();

    /** How long a link may be answered, from the time the survey was sent. */
    @WithDefault("P30D")
    Duration validity();

    /** How often due surveys are looked for. */
    @WithDefault("1m")
    Duration sweepEvery();

    /** Most surveys sent per sweep (one transaction); the rest wait for the next one. */
    @WithDefault("100")
    int batchSize();

    /** The page the link opens; the token is appended as the last path segment. */
    String baseUrl();

    /** HMAC secrets of the tokens: the first signs, all verify (rotation). None: surveys are off. */
    Optional<List<String>> tokenSecrets();

    /** How many of the latest comments {@code GET /ops/kpis} lists. */
    @WithDefault("20")
    int commentsListed();
}
