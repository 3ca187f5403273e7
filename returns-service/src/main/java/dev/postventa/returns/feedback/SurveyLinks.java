package dev.postventa.returns.feedback;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The survey links of this service: whether surveys run at all, the signer, and the URL a token is put into.
 * Without a token secret (prod without {@code SURVEY_TOKEN_SECRETS}) surveys are off, said once at startup at WARN:
 * a survey is not essential, and refusing to start would stop returns for a missing nicety.
 */
@ApplicationScoped
public class SurveyLinks {

    private static final Logger LOG = Logger.getLogger(SurveyLinks.class);

    private final SurveyConfig config;
    private final Optional<SurveyTokens> tokens;

    SurveyLinks(SurveyConfig config) {
        this.config = config;
        List<String> secrets = config.tokenSecrets().orElse(List.of()).stream().filter(s -> !s.isBlank()).toList();
        this.tokens = secrets.isEmpty() ? Optional.empty() : Optional.of(new SurveyTokens(secrets));
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && tokens.isEmpty()) {
            LOG.warn("satisfaction surveys are OFF: no postventa.survey.token-secrets (env SURVEY_TOKEN_SECRETS) "
                    + "to sign their links; set one, or SURVEY_ENABLED=false to silence this warning");
        }
    }

    /** True when surveys are scheduled and sent. */
    public boolean sending() {
        return config.enabled() && tokens.isPresent();
    }

    /** The signer; empty without secrets (then every token is unknown). */
    public Optional<SurveyTokens> tokens() {
        return tokens;
    }

    /** The link the customer opens for the survey of {@code returnId}, valid until {@code expiresAt}. */
    public String url(UUID returnId, Instant expiresAt) {
        String base = config.baseUrl().endsWith("/") ? config.baseUrl().substring(0, config.baseUrl().length() - 1)
                : config.baseUrl();
        return base + "/" + tokens.orElseThrow().sign(returnId, expiresAt);
    }
}
