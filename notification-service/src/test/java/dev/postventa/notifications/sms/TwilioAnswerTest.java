package dev.postventa.notifications.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Test;

class TwilioAnswerTest {

    @Test
    void createdAnswersTheMessageSid() {
        assertThat(TwilioSmsSender.answer(response(201, "{\"sid\":\"SM123\",\"status\":\"queued\"}")))
                .isEqualTo("SM123");
    }

    @Test
    void aClientErrorIsARefusalButThrottlingAndServerErrorsAreRetried() {
        assertThatThrownBy(() -> TwilioSmsSender.answer(response(400,
                "{\"code\":21211,\"message\":\"The 'To' number +5215512345678 is not a valid phone number.\"}")))
                .isInstanceOf(SmsRefusedException.class).hasMessageContaining("21211")
                .hasMessageNotContaining("5512345678");
        assertThatThrownBy(() -> TwilioSmsSender.answer(response(429, "{\"code\":20429}")))
                .isNotInstanceOf(SmsRefusedException.class);
        assertThatThrownBy(() -> TwilioSmsSender.answer(response(503, "<html>down</html>")))
                .isNotInstanceOf(SmsRefusedException.class).hasMessageContaining("503");
    }

    @Test
    void theSmsTextIsTheSubjectWithTheLabelLinkWhenThereIsOne() {
        assertThat(SmsText.of("Tu guía", Map.of("labelUrl", "https://l.example/1.pdf")))
                .isEqualTo("Tu guía https://l.example/1.pdf");
        assertThat(SmsText.of("Reembolso", Map.of("amount", "1"))).isEqualTo("Reembolso");
    }

    private static HttpResponse<String> response(int status, String body) {
        return new HttpResponse<>() {
            public int statusCode() { return status; }
            public HttpRequest request() { return HttpRequest.newBuilder(URI.create("http://stub")).build(); }
            public Optional<HttpResponse<String>> previousResponse() { return Optional.empty(); }
            public HttpHeaders headers() { return HttpHeaders.of(Map.of(), (a, b) -> true); }
            public String body() { return body; }
            public Optional<SSLSession> sslSession() { return Optional.empty(); }
            public URI uri() { return URI.create("http://stub"); }
            public HttpClient.Version version() { return HttpClient.Version.HTTP_1_1; }
        };
    }
}
