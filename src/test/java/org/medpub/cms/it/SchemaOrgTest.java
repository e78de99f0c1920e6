package org.medpub.cms.it;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The reader tests' schema.org check refuses what schema.org does not define. */
class SchemaOrgTest {

    @Test
    void aPageOfKnownTypesAndTheirPropertiesPasses() throws Exception {
        SchemaOrg.assertValid(Api.JSON.readTree("""
                {"@context":"https://schema.org","@type":"MedicalWebPage","name":"Gout","inLanguage":"en",
                 "reviewedBy":{"@type":"Person","name":"Dr. R","jobTitle":"MD"},
                 "audience":{"@type":"MedicalAudience","audienceType":"Patient"},
                 "citation":[{"@type":"CreativeWork","name":"A study","identifier":[{"@type":"PropertyValue","propertyID":"DOI","value":"10.1/x"}]}],
                 "breadcrumb":{"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Home","item":"https://x/en/"}]}}
                """));
    }

    @Test
    void anUnknownPropertyAWrongKindOfValueOrAnObjectOfTheWrongTypeFails() {
        assertThrows(AssertionError.class, () -> SchemaOrg.assertValid(Api.JSON.readTree(
                "{\"@context\":\"https://schema.org\",\"@type\":\"MedicalWebPage\",\"reviewer\":\"Dr. R\"}")));
        assertThrows(AssertionError.class, () -> SchemaOrg.assertValid(Api.JSON.readTree(
                "{\"@context\":\"https://schema.org\",\"@type\":\"MedicalWebPage\",\"reviewedBy\":\"Dr. R\"}")));
        assertThrows(AssertionError.class, () -> SchemaOrg.assertValid(Api.JSON.readTree(
                "{\"@context\":\"https://schema.org\",\"@type\":\"MedicalWebPage\",\"author\":{\"@type\":\"ListItem\",\"position\":1}}")));
        assertThrows(AssertionError.class, () -> SchemaOrg.assertValid(Api.JSON.readTree(
                "{\"@context\":\"https://schema.org\",\"@type\":\"MedicalPage\",\"name\":\"x\"}")));
    }
}
