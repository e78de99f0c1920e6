package org.medpub.cms.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RouteGroupTest {

    @Test
    void eachAddressFallsInTheGroupOperatorsThinkOf() {
        assertEquals(RouteGroup.READER, RouteGroup.of("/"));
        assertEquals(RouteGroup.READER, RouteGroup.of("/en/"));
        assertEquals(RouteGroup.READER, RouteGroup.of("/en/articles/search"));
        assertEquals(RouteGroup.READER, RouteGroup.of("/media/12/photo.webp"));
        assertEquals(RouteGroup.READER, RouteGroup.of("/search"));
        assertEquals(RouteGroup.READER, RouteGroup.of("/apis"));
        assertEquals(RouteGroup.SEARCH, RouteGroup.of("/en/search"));
        assertEquals(RouteGroup.SEARCH, RouteGroup.of("/pt-BR/search"));
        assertEquals(RouteGroup.API, RouteGroup.of("/api/articles"));
        assertEquals(RouteGroup.API, RouteGroup.of("/api"));
        assertEquals(RouteGroup.ADMIN, RouteGroup.of("/admin/index.xhtml"));
        assertEquals(RouteGroup.ADMIN, RouteGroup.of("/jakarta.faces.resource/admin.css.xhtml"));
        assertEquals(RouteGroup.OPERATIONS, RouteGroup.of("/metrics"));
        assertEquals(RouteGroup.OPERATIONS, RouteGroup.of("/health/ready"));
        assertEquals(RouteGroup.OPERATIONS, RouteGroup.of("/openapi"));
    }
}
