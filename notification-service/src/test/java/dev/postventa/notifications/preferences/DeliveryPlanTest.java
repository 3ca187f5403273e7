package dev.postventa.notifications.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.postventa.notifications.messages.CustomerMessages;
import dev.postventa.support.problem.ProblemException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeliveryPlanTest {

    static final ZoneId MEXICO = ZoneId.of("America/Mexico_City");
    /** 22:30 in Mexico City (UTC-6). */
    static final Instant LATE_EVENING = Instant.parse("2026-11-30T04:30:00Z");

    @Test
    void withoutPreferencesEveryMessageGoesByEmailAtOnce() {
        assertThat(DeliveryPlan.decide(null, CustomerMessages.RETURN_IN_TRANSIT, MEXICO, LATE_EVENING, true))
                .isEqualTo(new DeliveryPlan(true, null, LATE_EVENING, null));
    }

    @Test
    void anEssentialMessageGoesOnTheChosenChannelsAndByEmailAtOnceEvenInQuietHours() {
        CustomerPreference smsOnly = preference("sms", "+5215512345678", true, "21:00", "08:00");
        assertThat(DeliveryPlan.decide(smsOnly, CustomerMessages.REFUND_ISSUED, MEXICO, LATE_EVENING, true))
                .isEqualTo(new DeliveryPlan(true, "+5215512345678", LATE_EVENING, null));
    }

    @Test
    void aNonEssentialMessageIsSkippedWhenOptedOutAndWaitsForTheEndOfQuietHoursOtherwise() {
        assertThat(DeliveryPlan.decide(preference("email", null, true, null, null),
                CustomerMessages.RETURN_IN_TRANSIT, MEXICO, LATE_EVENING, true).skipped()).isNotNull();
        DeliveryPlan deferred = DeliveryPlan.decide(preference("email,sms", "+5215512345678", false, "21:00", "08:00"),
                CustomerMessages.RETURN_IN_TRANSIT, MEXICO, LATE_EVENING, true);
        // 08:00 the next morning in Mexico City.
        assertThat(deferred).isEqualTo(new DeliveryPlan(true, "+5215512345678",
                Instant.parse("2026-11-30T14:00:00Z"), null));
    }

    @Test
    void smsIsLeftOutWithoutAProviderAndEmailTakesOver() {
        assertThat(DeliveryPlan.decide(preference("sms", "+5215512345678", false, null, null),
                CustomerMessages.RETURN_IN_TRANSIT, MEXICO, LATE_EVENING, false))
                .isEqualTo(new DeliveryPlan(true, null, LATE_EVENING, null));
    }

    @Test
    void theEssentialListIsTheDecisionsAndTheMoney() {
        assertThat(MessageImportance.ESSENTIAL).contains(CustomerMessages.RETURN_APPROVED,
                CustomerMessages.REFUND_ISSUED, CustomerMessages.REFUND_FAILED, CustomerMessages.RETURN_CANCELLED,
                CustomerMessages.RETURN_REJECTED).doesNotContain(CustomerMessages.RETURN_IN_TRANSIT,
                CustomerMessages.RETURN_RECEIVED);
        assertThat(MessageImportance.isEssential("survey")).isFalse();
    }

    @Test
    void quietHoursSpanMidnightOrNot() {
        QuietHours night = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
        // 07:30 local: inside, ends at 08:00 the same day; 12:00 local: outside.
        assertThat(night.endIfInside(Instant.parse("2026-11-30T13:30:00Z"), MEXICO))
                .contains(Instant.parse("2026-11-30T14:00:00Z"));
        assertThat(night.endIfInside(Instant.parse("2026-11-30T18:00:00Z"), MEXICO)).isEmpty();
        QuietHours lunch = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 0));
        assertThat(lunch.endIfInside(Instant.parse("2026-11-30T19:59:00Z"), MEXICO))
                .contains(Instant.parse("2026-11-30T21:00:00Z"));
        assertThat(lunch.endIfInside(Instant.parse("2026-11-30T21:00:00Z"), MEXICO)).isEmpty();
    }

    @Test
    void aRequestIsCheckedFieldByField() {
        assertThat(PreferenceRules.check(new PreferencesRequest(List.of("sms", "email", "sms"), "+5215512345678",
                false, new PreferencesView.QuietHoursView("21:00", "08:00")))).containsExactly("email", "sms");
        assertThatThrownBy(() -> PreferenceRules.check(new PreferencesRequest(List.of(), "55123", null,
                new PreferencesView.QuietHoursView("9:00", "9:00"))))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(400))
                .hasMessageContaining("channels").hasMessageContaining("phone")
                .hasMessageContaining("optOutNonEssential").hasMessageContaining("quietHours.from");
        assertThatThrownBy(() -> PreferenceRules.check(new PreferencesRequest(List.of("sms"), null, false, null)))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.status()).isEqualTo(422))
                .hasMessageContaining("phone");
    }

    private static CustomerPreference preference(String channels, String phone, boolean optOut, String from,
                                                 String to) {
        CustomerPreference p = new CustomerPreference();
        p.customerKey = "cust-1";
        p.channels = channels;
        p.phone = phone;
        p.optOutNonEssential = optOut;
        p.quietFrom = from;
        p.quietTo = to;
        return p;
    }
}
