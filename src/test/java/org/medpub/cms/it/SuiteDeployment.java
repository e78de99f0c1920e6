package org.medpub.cms.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The WAR that the build made, deployed as it is: named ROOT so that it serves at "/" as in production. */
final class SuiteDeployment {

    private SuiteDeployment() {
    }

    static WebArchive builtWar() {
        File war = new File(System.getProperty("cms.it.war", "target/cms.war"));
        return ShrinkWrap.create(ZipImporter.class, "ROOT.war").importFrom(war).as(WebArchive.class);
    }
}
