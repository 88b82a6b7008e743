package io.siteplanner.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.siteplanner.gis.FormatRegistry;
import io.siteplanner.gis.ReadOptions;
import io.siteplanner.model.Progress;
import io.siteplanner.model.VectorLayer;
import io.siteplanner.project.Shortlist;
import io.siteplanner.scoring.FileLayerSource;
import io.siteplanner.scoring.ScenarioEvaluator;
import io.siteplanner.scoring.ScoreResult;
import io.siteplanner.scoring.scenario.Scenario;
import io.siteplanner.store.ScenarioReader;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.ls.LSInput;
import org.w3c.dom.ls.LSResourceResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Exported KML against the OGC KML 2.2 XML schema (ogckml22.xsd with its atom and OASIS xAL imports, from
 * the org.jvnet.ogc:ogc-schemas jar; offline: the xAL import is resolved to the jar's copy), with all
 * sites and with an empty shortlist.
 */
class KmlSchemaTest {
    static ScoreResult result;
    static Schema kml;

    @BeforeAll
    static void setUp() throws Exception {
        Path scenario = Path.of("src/test/resources/fixtures/parcels-demo/scenario-300mw.json");
        Scenario s = ScenarioReader.read(scenario);
        result = ScenarioEvaluator.evaluate(s, new FileLayerSource(scenario.toAbsolutePath().getParent()),
                Progress.NONE).score();
        SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        f.setResourceResolver(new JarResolver());
        URL main = KmlSchemaTest.class.getResource("/ogc/kml/2.2.0/ogckml22.xsd");
        assertThat(main).as("ogckml22.xsd on the test class path").isNotNull();
        kml = f.newSchema(main);
    }

    static List<String> violations(Path file) throws Exception {
        List<String> errors = new ArrayList<>();
        Validator v = kml.newValidator();
        v.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + " " + e.getMessage());
            }
        });
        try (InputStream in = Files.newInputStream(file)) {
            v.validate(new StreamSource(in));
        }
        return errors;
    }

    @Test
    void allSitesAreValidKml22(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sites.kml");
        SitesExport.export(result, null, SitesExport.Options.defaults(), SitesExport.Format.KML, out, Progress.NONE);
        assertThat(violations(out)).isEmpty();
        VectorLayer l = FormatRegistry.standard().readVector(out, ReadOptions.DEFAULT, Progress.NONE);
        assertThat(l.size()).isEqualTo(result.size());
        assertThat(Files.readString(out)).contains("schemaUrl=\"#sites-schema\"").contains("<Folder><name>sites</name>");
    }

    @Test
    void anEmptyShortlistIsValidKmlWithAnEmptySitesLayer(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("empty.kml");
        SitesExport.export(result, null, SitesExport.Options.defaults().withShortlist(Shortlist.empty(), true),
                SitesExport.Format.KML, out, Progress.NONE);
        assertThat(violations(out)).isEmpty();
        assertThat(Files.readString(out)).doesNotContain("<Placemark").contains("<Folder><name>sites</name>");
    }

    @Test
    void theValidatorCatchesADuplicateId(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("sites.kml");
        SitesExport.export(result, null, SitesExport.Options.defaults(), SitesExport.Format.KML, out, Progress.NONE);
        Path bad = dir.resolve("bad.kml");
        Files.writeString(bad, Files.readString(out).replace("id=\"sites-schema\"", "id=\"sites\""));
        assertThat(violations(bad)).anyMatch(e -> e.contains("sites"));
    }

    /** Resolves schema imports to the copies in the ogc-schemas jar (no network). */
    static final class JarResolver implements LSResourceResolver {
        @Override
        public LSInput resolveResource(String type, String ns, String publicId, String systemId, String baseUri) {
            String res = systemId != null && systemId.endsWith("xAL.xsd") ? "/oasis/election/external/xAL.xsd"
                    : systemId != null && systemId.endsWith("atom-author-link.xsd") ? "/ogc/kml/2.2.0/atom-author-link.xsd"
                    : null;
            if (res == null) {
                return null;
            }
            URL u = KmlSchemaTest.class.getResource(res);
            return new Input(u.toString(), publicId);
        }
    }

    /** A minimal LSInput that lets the parser open the system id. */
    static final class Input implements LSInput {
        private final String systemId;
        private final String publicId;

        Input(String systemId, String publicId) {
            this.systemId = systemId;
            this.publicId = publicId;
        }

        @Override public java.io.Reader getCharacterStream() { return null; }
        @Override public void setCharacterStream(java.io.Reader r) { }
        @Override public InputStream getByteStream() { return null; }
        @Override public void setByteStream(InputStream s) { }
        @Override public String getStringData() { return null; }
        @Override public void setStringData(String s) { }
        @Override public String getSystemId() { return systemId; }
        @Override public void setSystemId(String s) { }
        @Override public String getPublicId() { return publicId; }
        @Override public void setPublicId(String s) { }
        @Override public String getBaseURI() { return null; }
        @Override public void setBaseURI(String s) { }
        @Override public String getEncoding() { return null; }
        @Override public void setEncoding(String s) { }
        @Override public boolean getCertifiedText() { return false; }
        @Override public void setCertifiedText(boolean b) { }
    }
}
