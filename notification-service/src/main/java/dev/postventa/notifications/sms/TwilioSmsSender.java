package dev.postventa.notifications.sms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@link SmsSender} over Twilio's Messages API: {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json},
 * form-encoded {@code To}, {@code From} (or {@code MessagingServiceSid}) and {@code Body}, basic auth
 * AccountSid:AuthToken; 201 answers the message's {@code sid}, an error answers JSON {@code code}/{@code message}.
 * Twilio has no idempotency key: an answer lost after Twilio accepted the message means a second SMS on retry.
 */
@ApplicationScoped
public class TwilioSmsSender implements SmsSender {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmsConfig config;
    private final HttpClient http;

    TwilioSmsSender(SmsConfig config) {
        this.config = config;
        // The effect worker bounds the whole attempt with its call timeout; this only bounds the connection.
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public Uni<String> send(String to, String body) {
        SmsConfig.Twilio twilio = config.twilio();
        String sid = twilio.accountSid().filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("TWILIO_ACCOUNT_SID is not set"));
        String token = twilio.authToken().orElseThrow(() -> new IllegalStateException("TWILIO_AUTH_TOKEN is not set"));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", to);
        twilio.messagingServiceSid().filter(s -> !s.isBlank()).ifPresentOrElse(
                service -> form.put("MessagingServiceSid", service),
                () -> form.put("From", twilio.from().orElseThrow(
                        () -> new IllegalStateException("neither TWILIO_FROM nor TWILIO_MESSAGING_SERVICE_SID is set"))));
        form.put("Body", body);
        String base = twilio.baseUrl().endsWith("/") ? twilio.baseUrl().substring(0, twilio.baseUrl().length() - 1)
                : twilio.baseUrl();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/2010-04-01/Accounts/"
                        + URLEncoder.encode(sid, StandardCharsets.UTF_8) + "/Messages.json"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((sid + ":" + token).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
                .build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .map(TwilioSmsSender::answer);
    }

    static String answer(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode json = parse(response.body());
        if (status == 200 || status == 201) {
            String messageSid = json.path("sid").asText("");
            if (messageSid.isBlank()) {
                throw new IllegalStateException("Twilio answered " + status + " without a message sid");
            }
            return messageSid;
        }
        // Twilio's message may quote the number: it is masked, as the worker logs and stores the reason.
        String why = "Twilio answered " + status + ": " + json.path("code").asText("?") + " "
                + json.path("message").asText("").replaceAll("\\+?[0-9]{7,15}", "+***");
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
            throw new SmsRefusedException(why.strip());
        }
        throw new IllegalStateException(why.strip());
    }

    private static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (Exception notJson) {
            return JSON.createObjectNode();
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
