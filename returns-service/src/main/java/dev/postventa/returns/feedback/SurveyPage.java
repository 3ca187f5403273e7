package dev.postventa.returns.feedback;

import dev.postventa.support.i18n.CustomerLanguage;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The survey as a web page: what a customer sees when opening the link of the survey email in a browser, when the
 * shop has no page of its own at {@code SURVEY_BASE_URL}. An NPS question (0–10) and an optional comment, posted as a
 * plain form to the same address; no script, no external resource. Written in the customer's language (the locale of
 * their order), in es, pt-BR or en like the emails; Qute escapes every value.
 */
@ApplicationScoped
public class SurveyPage {

    static final List<String> LANGUAGES = List.of("es", "pt-BR", "en");
    private static final List<Integer> SCORES = IntStream.rangeClosed(0, 10).boxed().toList();

    private static final Map<String, Map<String, String>> TEXTS = Map.of(
            "es", Map.ofEntries(
                    Map.entry("title", "¿Qué tal fue tu devolución?"),
                    Map.entry("returnLabel", "Devolución"),
                    Map.entry("question", "Del 0 al 10, ¿qué tan probable es que nos recomiendes a un amigo?"),
                    Map.entry("low", "0: nada probable"),
                    Map.entry("high", "10: muy probable"),
                    Map.entry("comment", "¿Algo más que quieras contarnos? (opcional)"),
                    Map.entry("send", "Enviar"),
                    Map.entry("thanks", "¡Gracias! Recibimos tu respuesta."),
                    Map.entry("answered", "Esta encuesta ya fue respondida. ¡Gracias!"),
                    Map.entry("expired", "Esta encuesta ya no está disponible."),
                    Map.entry("notFound", "No encontramos esta encuesta."),
                    Map.entry("invalid", "Elige una calificación del 0 al 10."),
                    Map.entry("tooLong", "Tu comentario es demasiado largo."),
                    Map.entry("failed", "No pudimos guardar tu respuesta. Inténtalo de nuevo en unos minutos.")),
            "pt-BR", Map.ofEntries(
                    Map.entry("title", "Como foi a sua devolução?"),
                    Map.entry("returnLabel", "Devolução"),
                    Map.entry("question", "De 0 a 10, qual a probabilidade de você nos recomendar a um amigo?"),
                    Map.entry("low", "0: nada provável"),
                    Map.entry("high", "10: muito provável"),
                    Map.entry("comment", "Quer nos contar mais alguma coisa? (opcional)"),
                    Map.entry("send", "Enviar"),
                    Map.entry("thanks", "Obrigado! Recebemos a sua resposta."),
                    Map.entry("answered", "Esta pesquisa já foi respondida. Obrigado!"),
                    Map.entry("expired", "Esta pesquisa não está mais disponível."),
                    Map.entry("notFound", "Não encontramos esta pesquisa."),
                    Map.entry("invalid", "Escolha uma nota de 0 a 10."),
                    Map.entry("tooLong", "O seu comentário é longo demais."),
                    Map.entry("failed", "Não conseguimos salvar a sua resposta. Tente de novo em alguns minutos.")),
            "en", Map.ofEntries(
                    Map.entry("title", "How did your return go?"),
                    Map.entry("returnLabel", "Return"),
                    Map.entry("question", "On a scale of 0 to 10, how likely are you to recommend us to a friend?"),
                    Map.entry("low", "0: not at all likely"),
                    Map.entry("high", "10: extremely likely"),
                    Map.entry("comment", "Anything else you would like to tell us? (optional)"),
                    Map.entry("send", "Send"),
                    Map.entry("thanks", "Thank you! We received your answer."),
                    Map.entry("answered", "This survey has already been answered. Thank you!"),
                    Map.entry("expired", "This survey is no longer available."),
                    Map.entry("notFound", "We could not find this survey."),
                    Map.entry("invalid", "Choose a score from 0 to 10."),
                    Map.entry("tooLong", "Your comment is too long."),
                    Map.entry("failed", "We could not save your answer. Please try again in a few minutes.")));

    private final Template page;

    SurveyPage(@Location("survey/page.html") Template page) {
        this.page = page;
    }

    /** The language of the page: the customer's locale if known, else the browser's Accept-Language, else English. */
    static String language(String customerLocale, String acceptLanguage) {
        if (customerLocale != null && !customerLocale.isBlank()) {
            return CustomerLanguage.pick(customerLocale, LANGUAGES, "en");
        }
        String first = acceptLanguage == null ? null : acceptLanguage.split(",")[0].split(";")[0];
        return CustomerLanguage.pick(first, LANGUAGES, "en");
    }

    /** The question, with the previous attempt's comment and what was wrong with it when there was something. */
    String form(String language, String rma, String errorKey, String comment) {
        Map<String, String> text = TEXTS.get(language);
        return render(language, text, rma, "form", null, errorKey == null ? null : text.get(errorKey), comment);
    }

    /** A page with one sentence: {@code thanks}, {@code answered} (a message) or a problem (shown as one). */
    String message(String language, String rma, String key, boolean problem) {
        Map<String, String> text = TEXTS.get(language);
        return render(language, text, rma, problem ? "problem" : "message", text.get(key), null, null);
    }

    private String render(String language, Map<String, String> text, String rma, String state, String message,
                          String error, String comment) {
        Map<String, Object> data = new HashMap<>();
        data.put("lang", language);
        data.put("text", text);
        data.put("rma", rma);
        data.put("state", state);
        data.put("message", message);
        data.put("error", error);
        data.put("comment", comment);
        data.put("scores", SCORES);
        data.put("maxComment", SurveyAnswers.MAX_COMMENT);
        var instance = page.instance();
        data.forEach(instance::data);
        return instance.render();
    }
}
