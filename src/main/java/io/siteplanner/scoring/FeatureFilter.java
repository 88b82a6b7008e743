package io.siteplanner.scoring;

import io.siteplanner.model.Feature;
import io.siteplanner.model.Schema;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.geotools.api.filter.And;
import org.geotools.api.filter.BinaryComparisonOperator;
import org.geotools.api.filter.ExcludeFilter;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.IncludeFilter;
import org.geotools.api.filter.Not;
import org.geotools.api.filter.Or;
import org.geotools.api.filter.PropertyIsBetween;
import org.geotools.api.filter.PropertyIsEqualTo;
import org.geotools.api.filter.PropertyIsGreaterThan;
import org.geotools.api.filter.PropertyIsGreaterThanOrEqualTo;
import org.geotools.api.filter.PropertyIsLessThan;
import org.geotools.api.filter.PropertyIsLessThanOrEqualTo;
import org.geotools.api.filter.PropertyIsLike;
import org.geotools.api.filter.PropertyIsNil;
import org.geotools.api.filter.PropertyIsNotEqualTo;
import org.geotools.api.filter.PropertyIsNull;
import org.geotools.api.filter.expression.Add;
import org.geotools.api.filter.expression.Divide;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.filter.expression.Function;
import org.geotools.api.filter.expression.Literal;
import org.geotools.api.filter.expression.Multiply;
import org.geotools.api.filter.expression.PropertyName;
import org.geotools.api.filter.expression.Subtract;
import org.geotools.filter.text.cql2.CQLException;
import org.geotools.filter.text.ecql.ECQL;

/**
 * A CQL filter (GeoTools ECQL syntax) compiled into a predicate over our {@link Feature}s of one schema.
 *
 * <p>Supported: comparisons {@code = <> < <= > >=} between attributes, literals and arithmetic
 * ({@code + - * /}), {@code BETWEEN}, {@code IN (...)}, {@code IS NULL}, {@code LIKE}/{@code ILIKE},
 * {@code AND}/{@code OR}/{@code NOT}, {@code INCLUDE}/{@code EXCLUDE}. Spatial and temporal operators and
 * functions are refused with a clear message. Attribute names resolve like {@link Schema#indexOf} (exact,
 * then case-insensitive); an unknown name is an error listing the fields.
 *
 * <p>Semantics: numbers compare numerically (a numeric-looking string attribute compares as a number
 * against a number); strings compare by code point; a comparison involving null is false. Compiled
 * predicates are immutable and thread-safe.
 */
public final class FeatureFilter {
    /** A compiled predicate. */
    public interface Predicate {
        boolean test(Feature f);
    }

    private interface Expr {
        Object eval(Feature f);
    }

    private static final Predicate ALL = f -> true;

    private final Schema schema;
    private final String path;

    private FeatureFilter(Schema schema, String path) {
        this.schema = schema;
        this.path = path;
    }

    /**
     * Compiles {@code cql} for features of {@code schema}; null or blank = accept all.
     *
     * @param path JSON path for errors, e.g. {@code criteria[2].filter}
     * @throws ScenarioException for bad syntax, unknown attributes and unsupported constructs
     */
    public static Predicate compile(String cql, Schema schema, String path) {
        if (cql == null || cql.isBlank()) {
            return ALL;
        }
        Filter f;
        try {
            f = ECQL.toFilter(cql);
        } catch (CQLException e) {
            String m = e.getMessage() == null ? "syntax error" : e.getMessage().strip();
            int nl = m.indexOf('\n');
            throw new ScenarioException(path, "bad CQL '" + cql + "': " + (nl > 0 ? m.substring(0, nl) : m));
        } catch (RuntimeException e) {
            throw new ScenarioException(path, "bad CQL '" + cql + "': " + e.getMessage());
        }
        return new FeatureFilter(schema, path).filter(f);
    }

    private static final java.util.regex.Pattern VAR = java.util.regex.Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /**
     * A filter with its {@code ${name}} figures replaced by their values (null stays null).
     *
     * @throws ScenarioException at {@code path} for an unknown name or a malformed {@code ${...}}
     */
    public static String resolve(String filter, java.util.Map<String, Double> vars, String path) {
        if (filter == null || filter.indexOf("${") < 0) {
            return filter;
        }
        java.util.regex.Matcher m = VAR.matcher(filter);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            Double v = vars.get(m.group(1));
            if (v == null) {
                throw new ScenarioException(path, "unknown campus figure ${" + m.group(1) + "} (known: "
                        + String.join(", ", new java.util.TreeSet<>(vars.keySet())) + ")");
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(Double.toString(v)));
        }
        m.appendTail(out);
        if (out.indexOf("${") >= 0) {
            throw new ScenarioException(path, "malformed ${...} in filter");
        }
        return out.toString();
    }

    /** A compiled value expression. */
    public interface Value {
        /** The value for a feature: a number, text, date, or null. */
        Object eval(Feature f);
    }

    /**
     * Compiles an ECQL value expression ({@code POPULATION / ALAND}, {@code cap_mw * 0.5}) over a schema:
     * attributes, literals and {@code + - * /}; null when an operand is empty or not a number, and for a
     * division by zero.
     *
     * @throws ScenarioException for bad syntax, unknown attributes and unsupported constructs
     */
    public static Value expression(String ecql, Schema schema, String path) {
        Expression e;
        try {
            e = ECQL.toExpression(ecql);
        } catch (CQLException ex) {
            String m = ex.getMessage() == null ? "syntax error" : ex.getMessage().strip();
            int nl = m.indexOf('\n');
            throw new ScenarioException(path, "bad expression '" + ecql + "': " + (nl > 0 ? m.substring(0, nl) : m));
        } catch (RuntimeException ex) {
            throw new ScenarioException(path, "bad expression '" + ecql + "': " + ex.getMessage());
        } catch (StackOverflowError ex) {
            throw new ScenarioException(path, "expression nested too deeply");
        }
        Expr x = new FeatureFilter(schema, path).expr(e);
        return f -> {
            Object v = x.eval(f);
            return v instanceof Double && (((Double) v).isNaN() || ((Double) v).isInfinite()) ? null : v;
        };
    }

    private Predicate filter(Filter f) {
        if (f instanceof IncludeFilter) {
            return ALL;
        }
        if (f instanceof ExcludeFilter) {
            return x -> false;
        }
        if (f instanceof And) {
            List<Predicate> ps = children(((And) f).getChildren());
            Predicate[] a = ps.toArray(new Predicate[0]);
            return x -> {
                for (Predicate p : a) {
                    if (!p.test(x)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (f instanceof Or) {
            Predicate[] a = children(((Or) f).getChildren()).toArray(new Predicate[0]);
            return x -> {
                for (Predicate p : a) {
                    if (p.test(x)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (f instanceof Not) {
            Predicate p = filter(((Not) f).getFilter());
            return x -> !p.test(x);
        }
        if (f instanceof PropertyIsNull) {
            Expr e = expr(((PropertyIsNull) f).getExpression());
            return x -> e.eval(x) == null;
        }
        if (f instanceof PropertyIsNil) {
            Expr e = expr(((PropertyIsNil) f).getExpression());
            return x -> e.eval(x) == null;
        }
        if (f instanceof PropertyIsBetween) {
            PropertyIsBetween b = (PropertyIsBetween) f;
            Expr e = expr(b.getExpression());
            Expr lo = expr(b.getLowerBoundary());
            Expr hi = expr(b.getUpperBoundary());
            return x -> {
                Object v = e.eval(x);
                Integer c1 = compare(v, lo.eval(x), true);
                Integer c2 = compare(v, hi.eval(x), true);
                return c1 != null && c2 != null && c1 >= 0 && c2 <= 0;
            };
        }
        if (f instanceof PropertyIsLike) {
            PropertyIsLike l = (PropertyIsLike) f;
            Expr e = expr(l.getExpression());
            Pattern p = likePattern(l.getLiteral(), l.getWildCard(), l.getSingleChar(), l.getEscape(), l.isMatchingCase());
            return x -> {
                Object v = e.eval(x);
                return v != null && p.matcher(v.toString()).matches();
            };
        }
        if (f instanceof BinaryComparisonOperator) {
            BinaryComparisonOperator b = (BinaryComparisonOperator) f;
            Expr l = expr(b.getExpression1());
            Expr r = expr(b.getExpression2());
            boolean mc = b.isMatchingCase();
            if (f instanceof PropertyIsEqualTo) {
                return x -> {
                    Integer c = compare(l.eval(x), r.eval(x), mc);
                    return c != null && c == 0;
                };
            }
            if (f instanceof PropertyIsNotEqualTo) {
                return x -> {
                    Integer c = compare(l.eval(x), r.eval(x), mc);
                    return c != null && c != 0;
                };
            }
            if (f instanceof PropertyIsLessThan) {
                return x -> {
                    Integer c = compare(l.eval(x), r.eval(x), mc);
                    return c != null && c < 0;
                };
            }
            if (f instanceof PropertyIsLessThanOrEqualTo) {
                return x -> {
                    Integer c = compare(l.eval(x), r.eval(x), mc);
                    return c != null && c <= 0;
                };
            }
            if (f instanceof PropertyIsGreaterThan) {
                return x -> {
                    Integer c = compare(l.eval(x), r.eval(x), mc);
                    return c != null && c > 0;
                };
            }
            if (f instanceof PropertyIsGreaterThanOrEqualTo) {
                return x -> {
                    Integer c = compare(l.eval(x), r.eval(x), mc);
                    return c != null && c >= 0;
                };
            }
        }
        throw new ScenarioException(path, "unsupported filter construct: " + kind(f)
                + " (supported: comparisons, BETWEEN, IN, IS NULL, LIKE, AND, OR, NOT)");
    }

    private static String kind(Object o) {
        String n = o.getClass().getSimpleName();
        return n.endsWith("Impl") ? n.substring(0, n.length() - 4) : n;
    }

    private List<Predicate> children(List<Filter> fs) {
        List<Predicate> out = new ArrayList<>(fs.size());
        for (Filter c : fs) {
            out.add(filter(c));
        }
        return out;
    }

    private Expr expr(Expression e) {
        if (e instanceof PropertyName) {
            String name = ((PropertyName) e).getPropertyName();
            int idx = schema.indexOf(name);
            if (idx < 0) {
                throw new ScenarioException(path, "unknown attribute '" + name + "' (fields: "
                        + String.join(", ", schema.names()) + ")");
            }
            return x -> x.value(idx);
        }
        if (e instanceof Literal) {
            Object v = ((Literal) e).getValue();
            if (v instanceof Date) {
                v = new java.sql.Timestamp(((Date) v).getTime()).toLocalDateTime();
            }
            Object c = v;
            return x -> c;
        }
        if (e instanceof Add || e instanceof Subtract || e instanceof Multiply || e instanceof Divide) {
            org.geotools.api.filter.expression.BinaryExpression b = (org.geotools.api.filter.expression.BinaryExpression) e;
            Expr l = expr(b.getExpression1());
            Expr r = expr(b.getExpression2());
            char op = e instanceof Add ? '+' : e instanceof Subtract ? '-' : e instanceof Multiply ? '*' : '/';
            return x -> {
                double a = num(l.eval(x));
                double c = num(r.eval(x));
                if (a != a || c != c) {
                    return null;
                }
                switch (op) {
                    case '+': return a + c;
                    case '-': return a - c;
                    case '*': return a * c;
                    default: return a / c;
                }
            };
        }
        if (e instanceof Function) {
            throw new ScenarioException(path, "functions are not supported in filters ('"
                    + ((Function) e).getName() + "')");
        }
        throw new ScenarioException(path, "unsupported expression in filter: " + kind(e));
    }

    private static double num(Object o) {
        if (o instanceof Number) {
            return ((Number) o).doubleValue();
        }
        if (o instanceof String) {
            try {
                return Double.parseDouble(((String) o).trim());
            } catch (NumberFormatException ex) {
                return Double.NaN;
            }
        }
        if (o instanceof Boolean) {
            return ((Boolean) o) ? 1 : 0;
        }
        return Double.NaN;
    }

    /** Compares two values; null when not comparable (a null, or incompatible types). */
    static Integer compare(Object a, Object b, boolean matchCase) {
        if (a == null || b == null) {
            return null;
        }
        if (a instanceof Number || b instanceof Number) {
            double x = num(a);
            double y = num(b);
            if (x != x || y != y) {
                return null;
            }
            return Double.compare(x, y) == 0 ? 0 : (x < y ? -1 : x > y ? 1 : 0);
        }
        if (a instanceof Boolean || b instanceof Boolean) {
            Boolean x = bool(a);
            Boolean y = bool(b);
            return x == null || y == null ? null : Boolean.compare(x, y);
        }
        if (a instanceof LocalDate || b instanceof LocalDate || a instanceof LocalDateTime || b instanceof LocalDateTime) {
            LocalDateTime x = dateTime(a);
            LocalDateTime y = dateTime(b);
            return x == null || y == null ? null : x.compareTo(y);
        }
        String x = a.toString();
        String y = b.toString();
        return matchCase ? x.compareTo(y) : x.compareToIgnoreCase(y);
    }

    private static Boolean bool(Object o) {
        if (o instanceof Boolean) {
            return (Boolean) o;
        }
        String s = o.toString().trim();
        if (s.equalsIgnoreCase("true")) {
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            return false;
        }
        return null;
    }

    private static LocalDateTime dateTime(Object o) {
        if (o instanceof LocalDateTime) {
            return (LocalDateTime) o;
        }
        if (o instanceof LocalDate) {
            return ((LocalDate) o).atStartOfDay();
        }
        String s = o.toString().trim();
        try {
            return s.length() <= 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Pattern likePattern(String like, String wild, String single, String escape, boolean matchCase) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            String c = like.substring(i, i + 1);
            if (escape != null && !escape.isEmpty() && like.startsWith(escape, i) && i + 1 < like.length()) {
                i++;
                re.append(Pattern.quote(like.substring(i, i + 1)));
            } else if (c.equals(wild)) {
                re.append(".*");
            } else if (c.equals(single)) {
                re.append('.');
            } else {
                re.append(Pattern.quote(c));
            }
        }
        return Pattern.compile(re.toString(), matchCase ? Pattern.DOTALL : Pattern.DOTALL | Pattern.CASE_INSENSITIVE
                | Pattern.UNICODE_CASE);
    }
}
