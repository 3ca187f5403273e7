package dev.postventa.returns.feedback;

import dev.postventa.support.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The customer's side of the satisfaction survey. No bearer token: the signed token in the link is the credential
 * (it names one return and expires), so these calls are open to anyone holding the link.
 *
 * <p>The same address is an API (JSON) and, for a browser (which asks for {@code text/html} first), a web page with
 * the question whose form posts back here ({@link SurveyPage}): the link in the survey email works on its own when the
 * shop has no survey page of its own.
 */
@Path("/surveys/{token}")
@Tag(name = "Surveys")
public class SurveyResource {

    private static final String ACCEPT_LANGUAGE = "Accept-Language";

    private final SurveyAnswers answers;
    private final SurveyPage page;

    SurveyResource(SurveyAnswers answers, SurveyPage page) {
        this.answers = answers;
        this.page = page;
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(summary = "The survey of a link: the return's RMA number, the kinds of answer, whether it was answered, "
            + "until when it can be; 404 for a forged or unknown token, 410 once expired. A browser (Accept: "
            + "text/html first) gets the survey page instead")
    public Uni<Response> read(@PathParam("token") String token, @Context HttpHeaders headers) {
        if (!wantsPage(headers)) {
            return answers.read(token).map(opened -> Response.ok(opened.survey(), MediaType.APPLICATION_JSON).build());
        }
        String acceptLanguage = headers.getHeaderString(ACCEPT_LANGUAGE);
        return Uni.createFrom().deferred(() -> answers.read(token))
                .map(opened -> {
                    String language = SurveyPage.language(opened.locale(), acceptLanguage);
                    String rma = opened.survey().rmaNumber();
                    return html(200, opened.survey().answered() ? page.message(language, rma, "answered", false)
                            : page.form(language, rma, null, null));
                })
                .onFailure(ProblemException.class).recoverWithItem(failure ->
                        problemPage((ProblemException) failure, SurveyPage.language(null, acceptLanguage)));
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the survey once: {kind: NPS|CSAT, score, comment}; 201 with the stored answer, "
            + "409 already answered, 422 field by field, 404 forged or unknown token, 410 expired")
    public Uni<RestResponse<SurveyViews.Answer>> answer(@PathParam("token") String token, SurveyAnswer body) {
        return answers.answer(token, body)
                .map(stored -> RestResponse.status(RestResponse.Status.CREATED, stored.answer()));
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "The survey page's form (kind, score, comment): the same rules as the JSON answer, answered "
            + "with a page (201 thanks, 409 already answered, 422 the form again with what is wrong, 404, 410)")
    public Uni<Response> answerForm(@PathParam("token") String token, @FormParam("kind") String kind,
                                    @FormParam("score") String score, @FormParam("comment") String comment,
                                    @HeaderParam(ACCEPT_LANGUAGE) String acceptLanguage) {
        SurveyAnswer body = new SurveyAnswer(kind == null || kind.isBlank() ? "NPS" : kind, score(score), comment);
        return Uni.createFrom().deferred(() -> answers.answer(token, body))
                .map(stored -> html(201, page.message(SurveyPage.language(stored.locale(), acceptLanguage),
                        stored.answer().rmaNumber(), "thanks", false)))
                .onFailure(ProblemException.class).recoverWithUni(failure -> {
                    ProblemException problem = (ProblemException) failure;
                    if (problem.status() != 422) {
                        return Uni.createFrom().item(problemPage(problem, SurveyPage.language(null, acceptLanguage)));
                    }
                    // What the customer typed comes back with the form, and what is wrong with it.
                    String error = problem.fields().contains("comment") ? "tooLong" : "invalid";
                    return Uni.createFrom().deferred(() -> answers.read(token)).map(opened -> html(422, page.form(
                                    SurveyPage.language(opened.locale(), acceptLanguage),
                                    opened.survey().rmaNumber(), error, comment)))
                            .onFailure(ProblemException.class).recoverWithItem(again -> problemPage(
                                    (ProblemException) again, SurveyPage.language(null, acceptLanguage)));
                });
    }

    /** A browser asks for a page: the first media type it prefers, wildcards aside, is {@code text/html}. */
    static boolean wantsPage(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if (!type.isWildcardSubtype()) {
                return type.isCompatible(MediaType.TEXT_HTML_TYPE);
            }
        }
        return false;
    }

    private static Integer score(String score) {
        return score != null && score.strip().matches("\\d{1,2}") ? Integer.valueOf(score.strip()) : null;
    }

    private Response problemPage(ProblemException problem, String language) {
        String key = switch (problem.status()) {
            case 404 -> "notFound";
            case 409 -> "answered";
            case 410 -> "expired";
            default -> "failed";
        };
        return html(problem.status(), page.message(language, null, key, problem.status() != 409));
    }

    /**
     * The page, never cached (its address carries the token), never framed, sending no referrer, loading nothing and
     * posting only back here.
     */
    private static Response html(int status, String body) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(body)
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy",
                        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
                .build();
    }
}
