package io.siteplanner.gis.shapefile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CodePagesTest {
    @Test
    void cpgNames() {
        assertThat(CodePages.fromCpg("UTF-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CodePages.fromCpg("utf8\n")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CodePages.fromCpg("\uFEFFUTF-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CodePages.fromCpg("1252")).isEqualTo(Charset.forName("windows-1252"));
        assertThat(CodePages.fromCpg("ANSI 1251")).isEqualTo(Charset.forName("windows-1251"));
        assertThat(CodePages.fromCpg("88591")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(CodePages.fromCpg("885915")).isEqualTo(Charset.forName("ISO-8859-15"));
        assertThat(CodePages.fromCpg("ISO-8859-2")).isEqualTo(Charset.forName("ISO-8859-2"));
        assertThat(CodePages.fromCpg("OEM 850")).isEqualTo(Charset.forName("IBM850"));
        assertThat(CodePages.fromCpg("437")).isEqualTo(Charset.forName("IBM437"));
        assertThat(CodePages.fromCpg("932")).isEqualTo(Charset.forName("windows-31j"));
        assertThat(CodePages.fromCpg("Big5")).isEqualTo(Charset.forName("Big5"));
        assertThat(CodePages.fromCpg("LDID/87")).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(CodePages.fromCpg("")).isNull();
        assertThat(CodePages.fromCpg("SYSTEM")).isNull();
    }

    @Test
    void languageDrivers() {
        assertThat(CodePages.fromLdid(0)).isNull();
        assertThat(CodePages.fromLdid(0x57)).isEqualTo(StandardCharsets.ISO_8859_1);
        assertThat(CodePages.fromLdid(0x03)).isEqualTo(Charset.forName("windows-1252"));
        assertThat(CodePages.fromLdid(0x01)).isEqualTo(Charset.forName("IBM437"));
        assertThat(CodePages.fromLdid(0xC9)).isEqualTo(Charset.forName("windows-1251"));
        assertThat(CodePages.fromLdid(0x7A)).isEqualTo(Charset.forName("GBK"));
        assertThat(CodePages.fromLdid(0xFE)).isNull();
    }
}
