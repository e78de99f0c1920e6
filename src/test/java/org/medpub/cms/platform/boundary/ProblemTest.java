package org.medpub.cms.platform.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.medpub.cms.platform.control.BusinessException.FieldError;
import org.medpub.cms.platform.control.Messages;

class ProblemTest {

    @Test
    void theTitleComesFromTheBundleOfTheLanguageAndTheTypeStaysTheSame() {
        Problem german = Problem.of(Messages.in(Locale.GERMAN), "stale-revision", 412, "Revision 3 is current");
        Problem english = Problem.of(Messages.in(Locale.ENGLISH), "stale-revision", 412, "Revision 3 is current");

        assertEquals("/problems/stale-revision", german.type());
        assertEquals(german.type(), english.type());
        assertEquals("Inzwischen hat jemand anderes gespeichert", german.title());
        assertEquals("Someone else saved in between", english.title());
    }

    @Test
    void aTypeWithoutATitleOfItsOwnIsTitledLikeAnyFailedRequest() {
        Problem teapot = Problem.of(Messages.in(Locale.FRENCH), "teapot", 418, "I am a teapot");

        assertEquals("/problems/teapot", teapot.type());
        assertEquals("La requête a échoué", teapot.title());
    }

    @Test
    void theJsonIsRfc9457InUtf8Text() throws Exception {
        String json = JsonProvider.MAPPER.writeValueAsString(Problem.of(Messages.in(Locale.forLanguageTag("ar")), "invalid-input", 400,
                "title: must not be blank", List.of(new FieldError("title", "must not be blank"))));

        assertEquals("{\"type\":\"/problems/invalid-input\",\"title\":\"يحتوي الطلب على حقول غير صالحة\",\"status\":400,"
                + "\"detail\":\"title: must not be blank\",\"errors\":[{\"field\":\"title\",\"message\":\"must not be blank\"}]}", json);
    }
}
