package org.medpub.cms.it;

import java.util.LinkedHashMap;
import java.util.Map;

/** Workflow requests as the tests send them. */
final class Workflow {

    static final Map<String, Object> FULL_CHECKLIST = Map.of("sources-current", true, "risks-stated", true,
            "no-promotion", true, "dosing-checked", true);

    private Workflow() {
    }

    static Map<String, Object> step(String action) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("action", action);
        return body;
    }

    static Map<String, Object> step(String action, String comment) {
        Map<String, Object> body = step(action);
        body.put("comment", comment);
        return body;
    }

    static Map<String, Object> signOff(String action) {
        Map<String, Object> body = step(action);
        body.put("checklist", FULL_CHECKLIST);
        return body;
    }

    static Api.Reply take(Api who, String variantPath, Map<String, Object> step) {
        return who.post(variantPath + "/transitions", step);
    }
}
