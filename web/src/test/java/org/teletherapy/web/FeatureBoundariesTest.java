package org.teletherapy.web;

import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.FeatureBoundaries;

/** The web app's features form no cycle and use each other through their package's public types; it owns no table. */
class FeatureBoundariesTest {

    @Test
    void featuresKeepTheirBoundaries() {
        FeatureBoundaries.of(WebApplication.class).verify();
    }
}
