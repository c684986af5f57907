package dev.strata.guardrail;

import java.util.List;

/**
 * The guardrail's verdict on one piece of SQL.
 *
 * @param ok            no finding is an error
 * @param statementKind the lexer's classification (select, insert, with, …)
 * @param readOnly      true only when Strata is sure the statement cannot write or change settings
 * @param tables        the relations the statement reads, schema-qualified
 */
public record Validation(boolean ok, String statementKind, boolean readOnly, List<String> tables,
                         List<Finding> findings) {
}
