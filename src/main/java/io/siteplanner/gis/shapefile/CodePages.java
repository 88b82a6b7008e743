package io.siteplanner.gis.shapefile;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Character sets of DBF text: from a .cpg file (ESRI's code page file: "UTF-8", "1252", "ANSI 1252",
 * "88591", "ISO-8859-1", ...) or from the DBF header's language driver id (byte 29).
 */
final class CodePages {
    private CodePages() {
    }

    /** The charset a .cpg names, or null when the content is blank or unknown. */
    static Charset fromCpg(String content) {
        if (content == null) {
            return null;
        }
        String s = content.strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) {
            s = s.substring(0, nl).strip();
        }
        if (s.startsWith("\uFEFF")) {
            s = s.substring(1).strip();
        }
        if (s.isEmpty()) {
            return null;
        }
        String u = s.toUpperCase(Locale.ROOT);
        if (u.equals("UTF-8") || u.equals("UTF8") || u.equals("65001")) {
            return StandardCharsets.UTF_8;
        }
        if (u.startsWith("LDID/")) {
            try {
                return fromLdid(Integer.parseInt(u.substring(5).strip()));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        String n = u;
        for (String prefix : new String[] {"ANSI", "OEM", "CP", "WINDOWS-", "WINDOWS", "ISO"}) {
            if (n.startsWith(prefix) && n.length() > prefix.length()) {
                String rest = n.substring(prefix.length()).strip();
                if (rest.startsWith("-") || rest.startsWith("_")) {
                    rest = rest.substring(1);
                }
                if (!rest.isEmpty() && (Character.isDigit(rest.charAt(0)))) {
                    n = rest;
                    break;
                }
            }
        }
        String digits = n.replace("-", "").replace("_", "").replace(" ", "");
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            // 88591 .. 885916 = ISO 8859 parts (ESRI's spelling)
            if (digits.startsWith("8859") && digits.length() > 4) {
                Charset c = lookup("ISO-8859-" + Integer.parseInt(digits.substring(4)));
                if (c != null) {
                    return c;
                }
            }
            try {
                return codePage(Integer.parseInt(digits));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return lookup(s);
    }

    /**
     * The charset of a dBASE language driver id, or null for 0 (none) and unknown ids. Ids as listed for
     * dBASE/ArcGIS; 0x57 is the "ANSI" driver GDAL writes with ISO-8859-1 text.
     */
    static Charset fromLdid(int ldid) {
        switch (ldid) {
            case 0x57: return StandardCharsets.ISO_8859_1;
            case 0x01: case 0x09: case 0x0B: case 0x0D: case 0x0F: case 0x11: case 0x15: case 0x18: case 0x19:
            case 0x1B:
                return codePage(437);
            case 0x02: case 0x0A: case 0x0E: case 0x10: case 0x12: case 0x14: case 0x16: case 0x1A: case 0x1D:
            case 0x25: case 0x37:
                return codePage(850);
            case 0x03: case 0x58: case 0x59: return codePage(1252);
            case 0x04: return codePage(10000);
            case 0x08: case 0x17: case 0x66: return codePage(865);
            case 0x13: case 0x7B: return codePage(932);
            case 0x1C: case 0x6C: return codePage(863);
            case 0x1F: case 0x22: case 0x23: case 0x40: case 0x64: case 0x87: return codePage(852);
            case 0x24: return codePage(860);
            case 0x26: case 0x65: return codePage(866);
            case 0x4D: case 0x7A: return codePage(936);
            case 0x4E: case 0x79: return codePage(949);
            case 0x4F: case 0x78: return codePage(950);
            case 0x50: case 0x7C: return codePage(874);
            case 0x67: return codePage(861);
            case 0x6A: case 0x86: return codePage(737);
            case 0x6B: case 0x88: return codePage(857);
            case 0x7D: return codePage(1255);
            case 0x7E: return codePage(1256);
            case 0xC8: return codePage(1250);
            case 0xC9: return codePage(1251);
            case 0xCA: return codePage(1254);
            case 0xCB: return codePage(1253);
            case 0xCC: return codePage(1257);
            default: return null;
        }
    }

    /** A Windows/DOS code page number as a Java charset, or null when the JDK has none. */
    static Charset codePage(int n) {
        switch (n) {
            case 65001: return StandardCharsets.UTF_8;
            case 932: return lookup("windows-31j");
            case 936: return lookup("GBK");
            case 949: return lookup("x-windows-949");
            case 950: return lookup("x-windows-950");
            case 874: return lookup("x-windows-874");
            case 10000: return lookup("x-MacRoman");
            case 28591: return StandardCharsets.ISO_8859_1;
            default:
                break;
        }
        if (n >= 28592 && n <= 28606) {
            return lookup("ISO-8859-" + (n - 28590));
        }
        for (String name : new String[] {"windows-" + n, "IBM" + n, "x-IBM" + n, "cp" + n}) {
            Charset c = lookup(name);
            if (c != null) {
                return c;
            }
        }
        return null;
    }

    private static Charset lookup(String name) {
        try {
            return Charset.isSupported(name) ? Charset.forName(name) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
