package dev.strata.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QualifiedNameTest {

    @Test
    void foldsUnquotedAndKeepsQuoted() {
        assertThat(QualifiedName.parse("Public.Orders")).isEqualTo(new QualifiedName("public", "orders"));
        assertThat(QualifiedName.parse("\"Mixed\".\"Name.With.Dots\"")).isEqualTo(new QualifiedName("Mixed", "Name.With.Dots"));
        assertThat(QualifiedName.parse(" users ")).isEqualTo(new QualifiedName(null, "users"));
        assertThat(QualifiedName.parse("db.s.t")).isEqualTo(new QualifiedName("s", "t"));
        assertThat(QualifiedName.parse("\"a\"\"b\"")).isEqualTo(new QualifiedName(null, "a\"b"));
    }

    @Test
    void quotesOnlyWhenNeeded() {
        assertThat(QualifiedName.quoteIfNeeded("orders")).isEqualTo("orders");
        assertThat(QualifiedName.quoteIfNeeded("lastLoginAt")).isEqualTo("\"lastLoginAt\"");
        assertThat(QualifiedName.quoteIfNeeded("user")).isEqualTo("\"user\"");
        assertThat(QualifiedName.quote("a\"b")).isEqualTo("\"a\"\"b\"");
    }
}
