package dev.postventa.returns.feedback;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/**
 * The customer's side of the satisfaction survey. No bearer token: the signed token in the link is the credential
 * (it names one return and expires), so these two calls are open to anyone holding the link.
 */
@Path("/surveys/{token}")
@Tag(name = "Surveys")
@Produces(MediaType.APPLICATION_JSON)
public class SurveyResource {

    private final SurveyAnswers answers;

    SurveyResource(SurveyAnswers answers) {
        this.answers = answers;
    }

    @GET
    @PermitAll
    @Operation(summary = "The survey of a link: the return's RMA number, the kinds of answer, whether it was answered, "
            + "until when it can be; 404 for a forged or unknown token, 410 once expired")
    public Uni<SurveyViews.Survey> read(@PathParam("token") String token) {
        return answers.read(token);
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Answer the survey once: {kind: NPS|CSAT, score, comment}; 201 with the stored answer, "
            + "409 already answered, 422 field by field, 404 forged or unknown token, 410 expired")
    public Uni<RestResponse<SurveyViews.Answer>> answer(@PathParam("token") String token, SurveyAnswer body) {
        return answers.answer(token, body).map(stored -> RestResponse.status(RestResponse.Status.CREATED, stored));
    }
}
