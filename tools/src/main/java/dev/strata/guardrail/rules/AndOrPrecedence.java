package dev.strata.guardrail.rules;

import dev.strata.guardrail.GuardContext;
import dev.strata.guardrail.RuleBase;
import dev.strata.guardrail.Severity;
import dev.strata.guardrail.shape.QueryShape;
import dev.strata.guardrail.shape.Resolved;
import dev.strata.guardrail.shape.SelectShape;
import dev.strata.guardrail.shape.Sql;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.conditional.AndExpression;
import net.sf.jsqlparser.expression.operators.conditional.OrExpression;
import net.sf.jsqlparser.schema.Column;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * <b>and-or-precedence</b>: {@code a AND b OR c} without parentheses, where the OR's branches test the same column
 * and one of them sits in an AND with a condition on something else: {@code state = 1 OR state = 2 AND created_at
 * >= '2025-06-01'} reads as "processing or shipped, recently" but AND binds first, so the date limits only the
 * shipped orders. A branch that is itself a full AND group ({@code a = 1 AND b = 2 OR a = 3 AND b = 4}) is a
 * deliberate either/or and not a finding, nor is any parenthesised grouping.
 *
 * <pre>
 * bad:  SELECT count(*) FROM orders WHERE state = 1 OR state = 2 AND created_at &gt;= '2025-06-01'
 * good: SELECT count(*) FROM orders WHERE (state = 1 OR state = 2) AND created_at &gt;= '2025-06-01'
 * </pre>
 */
public final class AndOrPrecedence extends RuleBase {

    public AndOrPrecedence() {
        super("and-or-precedence", Severity.WARNING, "a AND b OR c without parentheses, testing one column twice");
    }

    @Override
    public void check(GuardContext context) {
        QueryShape shape = QueryShape.of(context);
        for (SelectShape s : shape.selects()) {
            Set<Expression> done = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Expression clause : s.clauses()) {
                Sql.walk(clause, e -> {
                    if (e instanceof OrExpression o && !done.contains(o)) chain(context, shape, s, o, done);
                });
            }
        }
    }

    private void chain(GuardContext context, QueryShape shape, SelectShape s, OrExpression root, Set<Expression> done) {
        List<Expression> branches = new ArrayList<>();
        split(root, branches, done, true);
        for (Expression a : branches) {
            if (!(a instanceof AndExpression)) continue;
            List<Expression> terms = new ArrayList<>();
            split(a, terms, done, false);
            for (Expression b : branches) {
                if (b == a || b instanceof AndExpression) continue;
                String x = subject(s, b);
                if (x == null) continue;
                List<Expression> same = new ArrayList<>();
                List<Expression> others = new ArrayList<>();
                for (Expression t : terms) {
                    Set<String> keys = keys(s, t);
                    if (keys.isEmpty()) continue;
                    if (keys.size() == 1 && keys.contains(x)) same.add(t);
                    else if (!keys.contains(x)) others.add(t);
                }
                if (same.isEmpty() || others.isEmpty()) continue;
                report(context, shape, s, root, branches, a, same, others, x);
                return;
            }
        }
    }

    /** The branches of an OR chain (or the terms of an AND chain) as written: parentheses end the chain. */
    private static void split(Expression e, List<Expression> out, Set<Expression> done, boolean or) {
        if (or && e instanceof OrExpression o) {
            done.add(o);
            split(o.getLeftExpression(), out, done, true);
            split(o.getRightExpression(), out, done, true);
        } else if (!or && e instanceof AndExpression a) {
            split(a.getLeftExpression(), out, done, false);
            split(a.getRightExpression(), out, done, false);
        } else {
            out.add(e);
        }
    }

    /** The one column a condition tests, or null when it tests none or several. */
    private static String subject(SelectShape s, Expression e) {
        Set<String> keys = keys(s, e);
        return keys.size() == 1 ? keys.iterator().next() : null;
    }

    private static Set<String> keys(SelectShape s, Expression e) {
        Set<String> out = new LinkedHashSet<>();
        for (Column c : Sql.columns(e)) {
            Resolved r = s.resolve(c);
            out.add(r != null ? System.identityHashCode(r.item()) + "." + r.name()
                    : c.toString().toLowerCase(Locale.ROOT).replace("\"", ""));
        }
        return out;
    }

    private void report(GuardContext context, QueryShape shape, SelectShape s, OrExpression root,
                        List<Expression> branches, Expression and, List<Expression> same, List<Expression> others,
                        String x) {
        List<String> alternatives = new ArrayList<>();
        boolean rewritable = true;
        for (Expression b : branches) {
            if (b == and) {
                alternatives.add(join(same, " AND "));
            } else if (x.equals(subject(s, b))) {
                alternatives.add(b.toString());
            } else {
                rewritable = false;
            }
        }
        String grouped = "(" + String.join(" OR ", alternatives) + ") AND " + join(others, " AND ");
        String fix = rewritable ? grouped
                : "parenthesise the OR so the other conditions apply to every branch: (… OR …) AND " + join(others, " AND ");
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("parsed_as", "(" + and + ") OR …");
        evidence.put("column_in_every_branch", Sql.columns(same.get(0)).get(0).toString());
        context.report(this, root + " groups as (" + and + ") OR …: AND binds before OR, so " + join(others, " AND ")
                        + " limits only one branch; if it should limit all of them, parenthesise the OR (and if not, "
                        + "write the parentheses that say so)", shape.offset(root), null, null, fix, evidence);
    }

    private static String join(List<Expression> terms, String op) {
        List<String> out = new ArrayList<>();
        for (Expression t : terms) out.add(t instanceof OrExpression ? "(" + t + ")" : t.toString());
        return String.join(op, out);
    }
}
