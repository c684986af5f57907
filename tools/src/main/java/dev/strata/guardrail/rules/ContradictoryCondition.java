package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.Literal;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.guardrail.shape.SelectShape;
import dev.strata.guardrail.shape.Sql;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.relational.Between;
import net.sf.jsqlparser.expression.operators.relational.EqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.GreaterThan;
import net.sf.jsqlparser.expression.operators.relational.GreaterThanEquals;
import net.sf.jsqlparser.expression.operators.relational.InExpression;
import net.sf.jsqlparser.expression.operators.relational.IsNullExpression;
import net.sf.jsqlparser.expression.operators.relational.MinorThan;
import net.sf.jsqlparser.expression.operators.relational.MinorThanEquals;
import net.sf.jsqlparser.expression.operators.relational.NotEqualsTo;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * <b>contradictory-condition</b>: conditions on one column, joined by AND, that can never hold together:
 * {@code x = 2 AND x = 3}, {@code x IN (2, 3) AND x = 1}, {@code d > '2025-06-01' AND d < '2025-03-01'},
 * {@code x BETWEEN 10 AND 1}, {@code x IS NULL AND x = 1}. The query runs and returns nothing (or the branch of an
 * OR is dead). Values are compared the way the column's type compares them (numbers as numbers, dates and
 * timestamps as points in time, strings only for equality): where the type leaves any doubt there is no finding,
 * so every finding is certain.
 *
 * <pre>
 * bad:  SELECT count(*) FROM orders WHERE state = 2 AND state = 3
 * good: SELECT count(*) FROM orders WHERE state IN (2, 3)
 * </pre>
 */
public final class ContradictoryCondition extends RuleBase {

    private static final Set<String> PLAIN_STRINGS = Set.of("text", "character varying", "character", "bpchar",
            "varchar", "char", "name");

    private static final DateTimeFormatter STAMP = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .optionalStart().appendOffset("+HH:mm", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    public ContradictoryCondition() {
        super("contradictory-condition", Severity.ERROR, "conditions that can never hold together");
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        for (SelectShape s : shape.selects()) {
            Set<Expression> done = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Expression condition : s.conditions()) {
                chain(context, shape, s, condition, done);
                Sql.walk(condition, e -> {
                    if (e instanceof AndExpression && !done.contains(e)) chain(context, shape, s, e, done);
                    else if (e instanceof Between b && !done.contains(e)) chain(context, shape, s, b, done);
                });
            }
        }
    }

    /** One AND chain (or a single term): every term must hold at once. */
    private void chain(GuardContext context, QueryShape shape, SelectShape s, Expression root, Set<Expression> done) {
        List<Expression> terms = new ArrayList<>();
        flatten(root, terms, done);
        Map<String, Subject> subjects = new LinkedHashMap<>();
        for (Expression t : terms) {
            Term term = term(s, t);
            if (term == null) continue;
            Subject subject = subjects.computeIfAbsent(term.key, k -> new Subject(term.column, term.resolved));
            String conflict = subject.add(term);
            if (conflict != null) {
                report(context, shape, subject, term, conflict);
                return;
            }
        }
    }

    private static void flatten(Expression e, List<Expression> out, Set<Expression> done) {
        done.add(e);
        Expression u = Sql.unwrap(e);
        done.add(u);
        if (u instanceof AndExpression a) {
            flatten(a.getLeftExpression(), out, done);
            flatten(a.getRightExpression(), out, done);
        } else {
            out.add(u);
        }
    }

    // ------------------------------------------------------------------ terms

    private enum Op { EQ, NE, GT, GE, LT, LE, IN, NOT_IN, BETWEEN, IS_NULL }

    /** One condition on a column: its operator and constant values. */
    private record Term(String key, Column column, Resolved resolved, Op op, List<Literal> values, Expression source) {
    }

    private static Term term(SelectShape s, Expression e) {
        if (e instanceof IsNullExpression n && !n.isNot() && Sql.unwrap(n.getLeftExpression()) instanceof Column c) {
            return term(s, c, Op.IS_NULL, List.of(), e);
        }
        if (e instanceof InExpression in && Sql.unwrap(in.getLeftExpression()) instanceof Column c
                && in.getRightExpression() instanceof ExpressionList<?> list) {
            List<Literal> values = new ArrayList<>();
            for (Expression x : list) {
                Literal l = Literal.of(x);
                if (l == null || l.isNull()) return null;
                values.add(l);
            }
            return values.isEmpty() ? null : term(s, c, in.isNot() ? Op.NOT_IN : Op.IN, values, e);
        }
        if (e instanceof Between b && !b.isNot() && Sql.unwrap(b.getLeftExpression()) instanceof Column c) {
            Literal lo = Literal.of(b.getBetweenExpressionStart());
            Literal hi = Literal.of(b.getBetweenExpressionEnd());
            if (lo == null || hi == null || lo.isNull() || hi.isNull()) return null;
            return term(s, c, Op.BETWEEN, List.of(lo, hi), e);
        }
        Op op = e instanceof EqualsTo ? Op.EQ : e instanceof NotEqualsTo ? Op.NE : e instanceof GreaterThan ? Op.GT
                : e instanceof GreaterThanEquals ? Op.GE : e instanceof MinorThan ? Op.LT
                : e instanceof MinorThanEquals ? Op.LE : null;
        if (op == null) return null;
        var b = (net.sf.jsqlparser.expression.BinaryExpression) e;
        Expression l = Sql.unwrap(b.getLeftExpression());
        Expression r = Sql.unwrap(b.getRightExpression());
        if (l instanceof Column c && Literal.of(r) != null && !Literal.of(r).isNull()) {
            return term(s, c, op, List.of(Literal.of(r)), e);
        }
        if (r instanceof Column c && Literal.of(l) != null && !Literal.of(l).isNull()) {
            return term(s, c, mirror(op), List.of(Literal.of(l)), e);
        }
        return null;
    }

    private static Term term(SelectShape s, Column c, Op op, List<Literal> values, Expression source) {
        if (!Sql.isColumn(c)) return null;
        Resolved r = s.resolve(c);
        String key = r != null ? System.identityHashCode(r.item()) + "." + r.name()
                : c.toString().toLowerCase(Locale.ROOT).replace("\"", "");
        return new Term(key, c, r, op, values, source);
    }

    private static Op mirror(Op op) {
        return switch (op) {
            case GT -> Op.LT;
            case GE -> Op.LE;
            case LT -> Op.GT;
            case LE -> Op.GE;
            default -> op;
        };
    }

    // ------------------------------------------------------------------ one column's constraints

    /** A value compared the way the column's type compares it; null when Strata cannot be sure. */
    private record Value(Comparable<Object> v, boolean zoned, String text) {
    }

    private static final class Subject {
        final Column column;
        final Resolved resolved;
        final List<Term> seen = new ArrayList<>();
        final List<Value> equal = new ArrayList<>();
        List<Value> in;
        final List<Value> notEqual = new ArrayList<>();
        Value lower;
        boolean lowerInclusive;
        Term lowerTerm;
        Value upper;
        boolean upperInclusive;
        Term upperTerm;
        Term isNull;

        Subject(Column column, Resolved resolved) {
            this.column = column;
            this.resolved = resolved;
        }

        /** Adds a term; returns why it contradicts the earlier ones, or null. */
        String add(Term t) {
            Term first = seen.isEmpty() ? null : seen.get(0);
            seen.add(t);
            // Any comparison with a NULL value is NULL, never true: IS NULL excludes every other condition on it.
            if (t.op == Op.IS_NULL) {
                if (first != null && first.op != Op.IS_NULL) return "a NULL value fails every comparison";
                isNull = t;
                return null;
            }
            if (isNull != null) return "a NULL value fails every comparison";
            List<Value> values = new ArrayList<>();
            for (Literal l : t.values) {
                Value v = value(l);
                if (v == null) return null;
                values.add(v);
            }
            // Unknown types compare only as plain numbers (PostgreSQL has no text < integer), which are ordered.
            boolean ordered = kind() != 'S' && kind() != 'B';
            switch (t.op) {
                case EQ -> {
                    Value v = values.get(0);
                    for (Value e : equal) if (differ(e, v)) return "it cannot equal both " + e.text + " and " + v.text;
                    if (in != null && !contains(in, v)) return "it cannot equal " + v.text + " and be in " + texts(in);
                    if (containsCertainly(notEqual, v)) return "it cannot both equal and differ from " + v.text;
                    if (ordered && outside(v)) return v.text + " is outside " + range();
                    equal.add(v);
                }
                case IN -> {
                    for (Value e : equal) if (!contains(values, e)) return "it cannot equal " + e.text + " and be in " + texts(values);
                    if (in != null) {
                        List<Value> both = new ArrayList<>();
                        for (Value v : values) if (contains(in, v)) both.add(v);
                        if (both.isEmpty() && allCertain(in, values)) return texts(in) + " and " + texts(values) + " share no value";
                        in = both;
                    } else {
                        in = values;
                    }
                    if (ordered && allOutside(in)) return "none of " + texts(in) + " is inside " + range();
                }
                case NE, NOT_IN -> {
                    for (Value v : values) {
                        if (containsCertainly(equal, v)) return "it cannot both equal and differ from " + v.text;
                    }
                    notEqual.addAll(values);
                    if (in != null && allCertainlyIn(in, notEqual)) return "every value of " + texts(in) + " is excluded";
                }
                case GT, GE, LT, LE, BETWEEN -> {
                    if (!ordered) return null;
                    if (t.op == Op.BETWEEN) {
                        String c1 = bound(values.get(0), true, true, t);
                        if (c1 != null) return c1;
                        return bound(values.get(1), false, true, t);
                    }
                    boolean isLower = t.op == Op.GT || t.op == Op.GE;
                    boolean inclusive = t.op == Op.GE || t.op == Op.LE;
                    return bound(values.get(0), isLower, inclusive, t);
                }
                default -> {
                    return null;
                }
            }
            return null;
        }

        private String bound(Value v, boolean isLower, boolean inclusive, Term t) {
            if (isLower) {
                if (lower == null || compareCertain(v, lower) > 0 || compareCertain(v, lower) == 0 && !inclusive) {
                    lower = v;
                    lowerInclusive = inclusive;
                    lowerTerm = t;
                }
            } else {
                if (upper == null || compareCertain(v, upper) < 0 || compareCertain(v, upper) == 0 && !inclusive) {
                    upper = v;
                    upperInclusive = inclusive;
                    upperTerm = t;
                }
            }
            if (lower != null && upper != null) {
                int c = compareCertain(lower, upper);
                if (c > 0 && c != UNSURE || c == 0 && (!lowerInclusive || !upperInclusive)) {
                    return "no value is " + range();
                }
            }
            for (Value e : equal) if (outside(e)) return e.text + " is outside " + range();
            if (in != null && allOutside(in)) return "none of " + texts(in) + " is inside " + range();
            return null;
        }

        private String range() {
            String lo = lower == null ? "" : (lowerInclusive ? ">= " : "> ") + lower.text;
            String hi = upper == null ? "" : (upperInclusive ? "<= " : "< ") + upper.text;
            return lo.isEmpty() ? hi : hi.isEmpty() ? lo : lo + " and " + hi;
        }

        private boolean outside(Value v) {
            if (lower != null) {
                int c = compareCertain(v, lower);
                if (c != UNSURE && (c < 0 || c == 0 && !lowerInclusive)) return true;
            }
            if (upper != null) {
                int c = compareCertain(v, upper);
                return c != UNSURE && (c > 0 || c == 0 && !upperInclusive);
            }
            return false;
        }

        private boolean allOutside(List<Value> values) {
            if (values.isEmpty()) return false;
            for (Value v : values) if (!outside(v)) return false;
            return true;
        }

        /** N numeric, D date/time, S plain string, B boolean; '?' unknown. */
        char kind() {
            if (resolved != null && resolved.isBase()) {
                char cat = resolved.column().typeCategory();
                String type = resolved.column().baseType();
                if (cat == 'N' || cat == 'B') return cat;
                if (cat == 'D' && (type.equals("date") || type.startsWith("timestamp"))) return 'D';
                if (cat == 'S' && PLAIN_STRINGS.contains(type)) return 'S';
                return '?';
            }
            return '?';
        }

        private Value value(Literal l) {
            char k = kind();
            if (k == '?') {
                // Without the column's type only plain numbers compare for certain.
                if (l.kind() == Literal.Kind.NUMBER && l.type() == null) return number(l.value());
                return null;
            }
            return switch (k) {
                case 'N' -> l.kind() == Literal.Kind.NUMBER || l.kind() == Literal.Kind.STRING ? number(l.value()) : null;
                case 'B' -> bool(l);
                case 'D' -> l.kind() == Literal.Kind.STRING ? time(l.value(), resolved.column().baseType()) : null;
                case 'S' -> l.kind() == Literal.Kind.STRING ? string(l.value()) : null;
                default -> null;
            };
        }

        private Value string(String s) {
            String type = resolved.column().baseType();
            // char(n) pads with blanks, so 'EU' and 'EU ' are the same value there.
            String v = type.equals("character") || type.equals("bpchar") || type.equals("char") ? s.stripTrailing() : s;
            return new Value(cmp(v), false, "'" + s + "'");
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable<Object> cmp(Comparable c) {
        return (Comparable<Object>) c;
    }

    private static Value number(String s) {
        try {
            return new Value(cmp(new BigDecimal(s.strip())), false, s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Value bool(Literal l) {
        String v = l.value() == null ? "" : l.value().strip().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("t")) return new Value(cmp(Boolean.TRUE), false, "true");
        if (v.equals("false") || v.equals("f")) return new Value(cmp(Boolean.FALSE), false, "false");
        return null;
    }

    /**
     * ISO dates and timestamps as the column's type reads them: a date column drops the time, a timestamp without
     * time zone ignores an offset, a timestamptz compares instants (a literal without offset is read in the
     * session's time zone, so it is "unzoned" and compares for certain only when a day or more apart).
     */
    private static Value time(String s, String columnType) {
        String t = s.strip();
        try {
            var parsed = STAMP.parse(t);
            LocalDate d = LocalDate.from(parsed);
            if (columnType.equals("date")) return new Value(cmp(d.atStartOfDay()), false, "'" + s + "'");
            LocalDateTime ldt = parsed.isSupported(ChronoField.HOUR_OF_DAY) ? LocalDateTime.from(parsed)
                    : d.atStartOfDay();
            if (parsed.isSupported(ChronoField.OFFSET_SECONDS) && columnType.equals("timestamp with time zone")) {
                ldt = OffsetDateTime.of(ldt, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)))
                        .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();
                return new Value(cmp(ldt), true, "'" + s + "'");
            }
            return new Value(cmp(ldt), false, "'" + s + "'");
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static final int UNSURE = Integer.MIN_VALUE;

    /** Compares two values; UNSURE when one has a time zone and the other not and they are within a day. */
    private static int compareCertain(Value a, Value b) {
        if (a.zoned != b.zoned && (Object) a.v instanceof LocalDateTime x && (Object) b.v instanceof LocalDateTime y) {
            long hours = Math.abs(java.time.Duration.between(x, y).toHours());
            if (hours <= 26) return UNSURE;
        }
        return Integer.signum(a.v.compareTo(b.v));
    }

    private static boolean differ(Value a, Value b) {
        int c = compareCertain(a, b);
        return c != UNSURE && c != 0;
    }

    private static boolean contains(List<Value> list, Value v) {
        for (Value x : list) if (!differ(x, v)) return true;
        return false;
    }

    private static boolean containsCertainly(List<Value> list, Value v) {
        for (Value x : list) if (compareCertain(x, v) == 0) return true;
        return false;
    }

    private static boolean allCertain(List<Value> a, List<Value> b) {
        for (Value x : a) for (Value y : b) if (compareCertain(x, y) == UNSURE) return false;
        return true;
    }

    private static boolean allCertainlyIn(List<Value> in, List<Value> excluded) {
        if (in.isEmpty()) return false;
        for (Value v : in) if (!containsCertainly(excluded, v)) return false;
        return true;
    }

    private static String texts(List<Value> values) {
        List<String> t = new ArrayList<>();
        for (Value v : values) t.add(v.text);
        return "(" + String.join(", ", t) + ")";
    }

    // ------------------------------------------------------------------ report

    private void report(GuardContext context, QueryShape shape, Subject subject, Term last, String why) {
        List<String> conditions = new ArrayList<>();
        for (Term t : subject.seen) conditions.add(t.source.toString());
        String written = subject.column.toString();
        String message = String.join(" AND ", conditions) + " can never hold: " + why + " (" + written
                + (subject.resolved != null && subject.resolved.isBase() ? " is " + subject.resolved.column().type() : "")
                + "), so " + (subject.seen.size() == 1 ? "this condition keeps" : "these conditions keep") + " no row";
        context.report(this, message, shape.offset(last.source), WrongResults.table(subject.resolved),
                WrongResults.column(subject.resolved), fix(subject, written),
                Map.of("conditions", conditions));
    }

    private static String fix(Subject subject, String written) {
        List<Term> terms = subject.seen;
        boolean allEqualities = terms.stream().allMatch(t -> t.op == Op.EQ || t.op == Op.IN);
        if (allEqualities && terms.size() >= 2) {
            List<String> values = new ArrayList<>();
            for (Term t : terms) {
                for (Expression v : valuesOf(t)) if (!values.contains(v.toString())) values.add(v.toString());
            }
            return written + " IN (" + String.join(", ", values) + ")";
        }
        Term only = terms.get(terms.size() - 1);
        if (terms.size() == 1 && only.op == Op.BETWEEN && only.source instanceof Between b) {
            return written + " BETWEEN " + b.getBetweenExpressionEnd() + " AND " + b.getBetweenExpressionStart();
        }
        if (subject.lowerTerm != null && subject.upperTerm != null && subject.lowerTerm != subject.upperTerm
                && subject.lowerTerm.op != Op.BETWEEN && subject.upperTerm.op != Op.BETWEEN) {
            // The bounds are most likely swapped.
            String lo = opText(subject.lowerTerm.op) + " " + valuesOf(subject.upperTerm).get(0);
            String hi = opText(subject.upperTerm.op) + " " + valuesOf(subject.lowerTerm).get(0);
            return written + " " + lo + " AND " + written + " " + hi;
        }
        return "keep only the condition you mean: together they exclude every row";
    }

    private static String opText(Op op) {
        return switch (op) {
            case GT -> ">";
            case GE -> ">=";
            case LT -> "<";
            case LE -> "<=";
            default -> "=";
        };
    }

    /** The constant expressions of a term, as written. */
    private static List<Expression> valuesOf(Term t) {
        Expression e = t.source;
        List<Expression> out = new ArrayList<>();
        if (e instanceof InExpression in && in.getRightExpression() instanceof ExpressionList<?> list) {
            for (Expression x : list) out.add(x);
        } else if (e instanceof net.sf.jsqlparser.expression.BinaryExpression b) {
            Expression l = Sql.unwrap(b.getLeftExpression());
            out.add(l instanceof Column ? b.getRightExpression() : b.getLeftExpression());
        } else if (e instanceof Between b) {
            out.add(b.getBetweenExpressionStart());
            out.add(b.getBetweenExpressionEnd());
        }
        if (out.isEmpty()) out.add(new ParenthesedExpressionList<>());
        return out;
    }
}
