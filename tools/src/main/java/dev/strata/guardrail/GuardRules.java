package dev.strata.guardrail;

import dev.strata.guardrail.rules.AmbiguousColumn;
import dev.strata.guardrail.rules.AndOrPrecedence;
import dev.strata.guardrail.rules.BareIdJoin;
import dev.strata.guardrail.rules.CartesianJoin;
import dev.strata.guardrail.rules.ContradictoryCondition;
import dev.strata.guardrail.rules.CountStarLeftJoin;
import dev.strata.guardrail.rules.DangerousFunction;
import dev.strata.guardrail.rules.DateUpperBound;
import dev.strata.guardrail.rules.DistinctOnOrder;
import dev.strata.guardrail.rules.FanoutAggregate;
import dev.strata.guardrail.rules.FkTargetMismatch;
import dev.strata.guardrail.rules.IntegerDivision;
import dev.strata.guardrail.rules.InvalidStatement;
import dev.strata.guardrail.rules.JoinTypeMismatch;
import dev.strata.guardrail.rules.JsonPathMissing;
import dev.strata.guardrail.rules.LeftJoinFiltered;
import dev.strata.guardrail.rules.LiteralHasVariants;
import dev.strata.guardrail.rules.LiteralNotInValues;
import dev.strata.guardrail.rules.MultipleStatements;
import dev.strata.guardrail.rules.NotReadOnly;
import dev.strata.guardrail.rules.NotInNullable;
import dev.strata.guardrail.rules.NullComparison;
import dev.strata.guardrail.rules.PolymorphicMissingTypeFilter;
import dev.strata.guardrail.rules.RestrictedObject;
import dev.strata.guardrail.rules.SentinelValues;
import dev.strata.guardrail.rules.SoftDeleteNotFiltered;
import dev.strata.guardrail.rules.StringDateComparison;
import dev.strata.guardrail.rules.SyntaxError;
import dev.strata.guardrail.rules.UnknownColumn;
import dev.strata.guardrail.rules.UnionDropsDuplicates;
import dev.strata.guardrail.rules.UnknownTable;
import dev.strata.guardrail.rules.UnrelatedJoin;
import dev.strata.guardrail.rules.UnsafeCast;
import dev.strata.guardrail.rules.UnsupportedSyntax;
import dev.strata.guardrail.rules.VolatileFunction;
import dev.strata.guardrail.rules.WildcardInEquality;

import java.util.List;

/**
 * The query guardrail's rules, in one explicit list: statement-level rules (tokens only, no catalog needed)
 * first, then the rules over the resolved statement. Adding a rule: one class, one line here, its cases in
 * {@code guardrail/cases}.
 */
public final class GuardRules {

    /**
     * Wrong-result shapes (issue 14): valid SQL that returns plausible wrong numbers, judged with the catalog and
     * the profiles. They read JSqlParser's tree through {@link dev.strata.guardrail.shape.QueryShape}.
     */
    public static final List<GuardRule> WRONG_RESULT = List.of(
            new NullComparison(),
            new NotInNullable(),
            new LeftJoinFiltered(),
            new CountStarLeftJoin(),
            new ContradictoryCondition(),
            new WildcardInEquality(),
            new IntegerDivision(),
            new DateUpperBound(),
            new AndOrPrecedence(),
            new DistinctOnOrder(),
            new UnionDropsDuplicates(),
            new LiteralHasVariants(),
            new FanoutAggregate());

    public static final List<GuardRule> ALL = concat(List.of(
            // tokens: work without a database, and on statements no parser understands
            new SyntaxError(),
            new MultipleStatements(),
            new NotReadOnly(),
            new DangerousFunction(),
            new RestrictedObject(),
            new UnsupportedSyntax(),
            new VolatileFunction(),
            // the resolved statement against the catalog and the relationship graph
            new UnknownTable(),
            new UnknownColumn(),
            new AmbiguousColumn(),
            new JoinTypeMismatch(),
            new BareIdJoin(),
            new FkTargetMismatch(),
            new UnrelatedJoin(),
            new CartesianJoin(),
            new PolymorphicMissingTypeFilter(),
            new SoftDeleteNotFiltered(),
            // the data: cached profiles (a pg_stats profile at most, on the request path)
            new LiteralNotInValues(),
            new StringDateComparison(),
            new UnsafeCast(),
            new JsonPathMissing(),
            new SentinelValues()),
            WRONG_RESULT,
            // PostgreSQL's own verdict on what no rule above explained
            List.of(new InvalidStatement()));

    private GuardRules() {
    }

    @SafeVarargs
    private static List<GuardRule> concat(List<GuardRule>... parts) {
        List<GuardRule> all = new java.util.ArrayList<>();
        for (List<GuardRule> p : parts) all.addAll(p);
        return List.copyOf(all);
    }
}
