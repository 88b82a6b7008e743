package io.siteplanner.gis;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps file content out of messages. An error or warning may show at most a short token of the file
 * being read (a bad number, an element name), never a line of it: a file given by mistake (or a link to
 * one, such as a symbolic link named {@code x.csv} pointing at {@code /etc/passwd}) must not have its
 * content printed. Messages of libraries (GeoTools, JTS, Jackson, the XML parser) quote the input they
 * failed on, so they go through {@link #library} before they are shown. Stateless and thread-safe.
 */
public final class Snippets {
    /** The most characters of file content a message quotes. */
    public static final int MAX_TOKEN = 12;
    /** The longest library message kept (after its first line). */
    public static final int MAX_MESSAGE = 200;

    private static final Pattern QUOTED = Pattern.compile("([\"'`])([^\"'`]*)\\1");

    private Snippets() {
    }

    /**
     * A short, printable form of a token taken from a file: control characters become '?', and it is cut
     * to {@link #MAX_TOKEN} characters (with "..." appended). Null gives "".
     */
    public static String token(String s) {
        return token(s, MAX_TOKEN);
    }

    /** {@link #token(String)} with another length limit (for names that are usually longer, CRS codes). */
    public static String token(String s, int max) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max + 3));
        int n = Math.min(s.length(), max);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            sb.append(Character.isISOControl(c) || Character.isSurrogate(c) ? '?' : c);
        }
        if (s.length() > max) {
            sb.append("...");
        }
        return sb.toString();
    }

    /**
     * Names found in a file (layers, tables), for a message: at most 20, each through
     * {@link #token(String, int)} with 40 characters, then "... (N more)".
     */
    public static String list(java.util.Collection<String> names) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String n : names) {
            if (i == 20) {
                sb.append(", ... (").append(names.size() - 20).append(" more)");
                break;
            }
            sb.append(i++ == 0 ? "" : ", ").append(token(n, 40));
        }
        return sb.toString();
    }

    /**
     * A library's exception message made safe to show: its first line only, every quoted part
     * ({@code "..."}, {@code '...'}, {@code `...`}) cut with {@link #token}, control characters removed, at
     * most {@link #MAX_MESSAGE} characters. Null or blank gives {@code fallback}.
     */
    public static String library(String message, String fallback) {
        if (message == null || message.isBlank()) {
            return fallback;
        }
        String m = message.strip();
        int nl = m.indexOf('\n');
        if (nl > 0) {
            m = m.substring(0, nl).strip();
        }
        Matcher q = QUOTED.matcher(m);
        StringBuilder sb = new StringBuilder();
        while (q.find()) {
            q.appendReplacement(sb, Matcher.quoteReplacement(q.group(1) + token(q.group(2)) + q.group(1)));
        }
        q.appendTail(sb);
        m = sb.toString();
        StringBuilder clean = new StringBuilder(m.length());
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            clean.append(Character.isISOControl(c) ? ' ' : c);
        }
        m = clean.toString();
        // a quote that is never closed leaves the rest unquoted: cut long runs without blanks too
        m = cutLongWords(m);
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE) + "..." : m;
    }

    /** The message of a throwable through {@link #library}, or its class name. */
    public static String library(Throwable e) {
        return library(e.getMessage(), e.getClass().getSimpleName());
    }

    private static String cutLongWords(String m) {
        StringBuilder sb = new StringBuilder(m.length());
        int run = 0;
        for (int i = 0; i < m.length(); i++) {
            char c = m.charAt(i);
            run = c == ' ' ? 0 : run + 1;
            if (run <= 40) {
                sb.append(c);
            } else if (run == 41) {
                sb.append("...");
            }
        }
        return sb.toString();
    }
}
