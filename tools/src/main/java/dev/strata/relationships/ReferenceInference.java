package dev.strata.relationships;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Column;
import dev.strata.catalog.ForeignKey;
import dev.strata.catalog.Relation;
import dev.strata.relationships.SchemaVocabulary.TableWords;
import dev.strata.relationships.SchemaVocabulary.TargetKey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds references nobody declared, as scored evidence. Candidates come from the naming conventions real schemas
 * use ({@link ReferencePattern}: {@code customer_id} → customer, {@code memid} → members.memid,
 * {@code manager_staff_id} → staff, {@code node_id} → current_nodes, {@code track.medium} → medium,
 * {@code release.status} → release_status, {@code creator_id} → the people table, {@code parent_id} → itself,
 * {@code artist_meta.id} → artist.id, composite keys), pointing at a target's primary key or any unique key, with
 * compatible types. Each starts at its pattern's prior and is adjusted in log-odds for what real schemas show:
 * differing types, an index on the column, another schema, a target that looks like a queue, log or redirect
 * table, many unrelated tables converging on one side table by a weak rule, a table's own key pointing outward,
 * a close rival. Per column the best candidate wins; rivals stay available for the rows to decide
 * ({@link ReferenceVerifier}).
 *
 * <p>What is never proposed: a column of a declared foreign key, the id half of a polymorphic pair, a column that
 * is its own table's key and names that table ({@code events.event_id}), columns of types that are not keys
 * (booleans, dates, arrays, JSON).
 */
public final class ReferenceInference {

    /** Confidence below which a candidate is not reported as an edge. */
    public static final double REPORT_FLOOR = 0.5;

    /** Words that name a role some person plays. */
    static final Set<String> ROLES = Set.of("creator", "author", "owner", "user", "admin", "administrator",
            "moderator", "mod", "resolver", "reporter", "recipient", "sender", "receiver", "assignee", "assigner",
            "reviewer", "approver", "editor", "requester", "requestor", "inviter", "invitee", "follower", "followee",
            "subscriber", "commenter", "voter", "uploader", "submitter", "publisher", "participant", "organizer",
            "organiser", "buyer", "seller", "issuer", "grantor", "grantee", "maintainer", "operator", "referrer",
            "poster", "blocker", "closer", "opener", "updater", "modifier", "deleter", "agent", "rep",
            "representative", "manager", "supervisor", "boss", "lead", "leader", "mentor", "sponsor", "curator",
            "actor", "host", "banner", "inviting", "invited", "recommender", "verifier", "signer");
    /** Roles played by employees or staff rather than users. */
    static final Set<String> STAFF_ROLES = Set.of("rep", "representative", "agent", "manager", "supervisor", "boss",
            "lead", "leader", "mentor");
    /** Roles that, inside a people table, point at another row of the same table. */
    static final Set<String> SELF_ROLES = Set.of("manager", "supervisor", "boss", "lead", "leader", "mentor",
            "sponsor", "referrer", "parent", "recommender");
    /** Words of a self-reference in any table. */
    static final Set<String> SELF_WORDS = Set.of("parent", "predecessor", "successor", "previous", "prev", "next",
            "ancestor", "root", "superseded", "supersedes", "replaced", "merged", "duplicate", "forked");
    /** Column names too generic to link tables by name alone. */
    static final Set<String> GENERIC = Set.of("id", "uuid", "guid", "key", "code", "name", "slug", "value", "type",
            "number", "no", "num", "title", "version", "k", "v", "lang", "locale", "email", "url", "link", "path",
            "hash", "checksum", "token", "label", "position", "sequence", "seq", "kind", "status", "state", "date",
            "year", "level", "rank", "order", "sort", "description", "text", "body", "data");
    private static final List<String> STAFF_PREFERENCE = List.of("employee", "staff", "worker", "agent", "user",
            "person", "member", "account");
    private static final List<String> USER_PREFERENCE = List.of("user", "person", "member", "account", "editor",
            "employee", "staff", "customer", "client", "profile", "author", "admin");

    /** The candidates for one column (or one set of columns), best first. */
    public record Choice(Relation source, List<String> columns, List<ReferenceCandidate> ranked) {
        public ReferenceCandidate best() {
            return ranked.get(0);
        }
    }

    private enum EntityMatch { EXACT, ABBREVIATED, ROLE, CONTAINED }

    private enum KeyMatch { SAME, SURROGATE, NATURAL }

    private final Catalog catalog;
    private final SchemaVocabulary vocab;
    private final Set<String> skipped;

    public ReferenceInference(Catalog catalog) {
        this(catalog, Set.of());
    }

    /** @param polymorphicIds {@code schema.table.column} of id columns that belong to polymorphic pairs */
    public ReferenceInference(Catalog catalog, Set<String> polymorphicIds) {
        this(catalog, polymorphicIds, new SchemaVocabulary(catalog));
    }

    ReferenceInference(Catalog catalog, Set<String> polymorphicIds, SchemaVocabulary vocab) {
        this.catalog = catalog;
        this.vocab = vocab;
        this.skipped = polymorphicIds;
    }

    /** The reported edges: the best candidate of each column at or above {@link #REPORT_FLOOR}. */
    public List<Edge> infer() {
        return edges(choices());
    }

    public static List<Edge> edges(List<Choice> choices) {
        List<Edge> out = new ArrayList<>();
        for (Choice c : choices) {
            if (c.best().confidence() >= REPORT_FLOOR) out.add(c.best().toEdge());
        }
        return out;
    }

    /** The best candidates the rows refuted, as edges below the floor (for explanations, never for joins). */
    public static List<Edge> refuted(List<Choice> choices) {
        List<Edge> out = new ArrayList<>();
        for (Choice c : choices) {
            ReferenceCandidate best = c.best();
            if (best.confidence() < REPORT_FLOOR && "refuted".equals(best.dataCheck())) out.add(best.toEdge());
            else for (ReferenceCandidate x : c.ranked()) {
                if (x != best && "refuted".equals(x.dataCheck()) && x.pattern().prior() >= 0.8) out.add(x.toEdge());
            }
        }
        return out;
    }

    /** Every column with at least one candidate, candidates ranked; composite references included. */
    public List<Choice> choices() {
        List<ReferenceCandidate> all = new ArrayList<>();
        Map<String, List<TableWords>> byColumn = new HashMap<>();
        for (TableWords s : vocab.tables) {
            for (Column c : s.relation.columns()) {
                byColumn.computeIfAbsent(Identifiers.joined(s.logicalWords(c.name())), k -> new ArrayList<>()).add(s);
            }
        }
        for (TableWords s : vocab.tables) {
            Set<String> declared = declaredColumns(s.relation);
            for (Column c : s.relation.columns()) {
                if (declared.contains(c.name()) || !keyLike(c)) continue;
                if (skipped.contains(s.relation.qualifiedName() + "." + c.name())) continue;
                all.addAll(singleColumn(s, c));
            }
        }
        all.addAll(composites(byColumn));
        convergence(all);
        return choose(all);
    }

    private static Set<String> declaredColumns(Relation r) {
        Set<String> out = new HashSet<>();
        for (ForeignKey fk : r.foreignKeys()) out.addAll(fk.columns());
        return out;
    }

    /** Integers, text and uuids make keys; booleans, dates, floats, arrays and documents do not. */
    static boolean keyLike(Column c) {
        char cat = c.typeCategory();
        if (cat == 'S' || cat == 'U') {
            String t = c.baseType();
            return !t.startsWith("json") && !t.equals("xml") && !t.equals("bytea") && !t.startsWith("tsvector");
        }
        if (cat == 'N') {
            String t = c.baseType();
            return !t.equals("real") && !t.equals("double precision") && !t.startsWith("money");
        }
        return false;
    }

    // ------------------------------------------------------------------ single columns

    private List<ReferenceCandidate> singleColumn(TableWords s, Column c) {
        List<String> words = s.logicalWords(c.name());
        if (words.isEmpty()) return List.of();
        boolean unique = s.isKeyColumn(c.name());
        List<ReferenceCandidate> out = new ArrayList<>();
        List<String> primary = s.relation.primaryKey().map(k -> k.columns()).orElse(List.of());
        for (List<String>[] split : splits(words)) {
            List<String> entity = split[0];
            List<String> key = split[1];
            // nodes.node_id in the key (node_id, version): the table's own identity, not a way to another table.
            if (primary.contains(c.name()) && vocab.named(entity).contains(s)) return List.of();
            for (Map.Entry<TableWords, EntityMatch> m : entities(entity).entrySet()) {
                TableWords t = m.getKey();
                for (TargetKey k : t.keys) {
                    if (!k.single()) continue;
                    KeyMatch km = keyMatch(t, k, words, key);
                    if (km == null) continue;
                    ReferenceCandidate cand = entityCandidate(s, c, unique, t, k, m.getValue(), km, entity);
                    if (cand != null) out.add(cand);
                }
            }
        }
        Identifiers.Split parts = Identifiers.split(words);
        sameKeyName(s, c, words, unique, out);
        if (!parts.hasKey() && !unique) namedAfterTable(s, c, words, out);
        if (!unique) lookupTable(s, c, parts.hasKey() ? parts.stem() : words, out);
        if (!unique) roles(s, c, words, parts, out);
        if (unique) extension(s, c, words, out);
        for (ReferenceCandidate cand : out) adjustCommon(s, c, cand);
        return out;
    }

    /** Ways to read the words as entity + key: customer|id, manager_staff|id, memid as mem|id. */
    @SuppressWarnings("unchecked")
    private static List<List<String>[]> splits(List<String> words) {
        List<List<String>[]> out = new ArrayList<>();
        for (int i = 1; i < words.size(); i++) {
            out.add(new List[]{words.subList(0, i), words.subList(i, words.size())});
        }
        String last = words.get(words.size() - 1);
        Identifiers.Split glued = Identifiers.split(List.of(last));
        if (glued.glued()) {
            List<String> entity = new ArrayList<>(words.subList(0, words.size() - 1));
            entity.add(glued.stem().get(0));
            out.add(new List[]{entity, List.of(glued.key())});
        }
        return out;
    }

    /** Tables the entity words may name, and how. */
    private Map<TableWords, EntityMatch> entities(List<String> entity) {
        Map<TableWords, EntityMatch> out = new LinkedHashMap<>();
        for (TableWords t : vocab.named(entity)) out.putIfAbsent(t, EntityMatch.EXACT);
        // The longest tail that names a table: suggested_multi_community → multi_community, not community.
        for (int j = 1; j < entity.size(); j++) {
            List<TableWords> named = vocab.named(entity.subList(j, entity.size()));
            for (TableWords t : named) out.putIfAbsent(t, EntityMatch.ROLE);
            if (!named.isEmpty()) break;
        }
        if (out.isEmpty() && entity.size() == 1) {
            for (TableWords t : vocab.abbreviated(entity.get(0))) out.putIfAbsent(t, EntityMatch.ABBREVIATED);
        }
        // current_nodes for node_id even when a nodes table exists: it may have no single-column key to point at.
        for (TableWords t : vocab.endingWith(entity)) out.putIfAbsent(t, EntityMatch.CONTAINED);
        return out;
    }

    /** Whether key {@code k} of {@code t} is what the column's key words ask for. */
    private KeyMatch keyMatch(TableWords t, TargetKey k, List<String> columnWords, List<String> keyWords) {
        String kc = k.columns().get(0);
        List<String> kw = t.logicalWords(kc);
        if (kw.equals(columnWords)) return KeyMatch.SAME;
        boolean pk = k.primary() && kc.equals(t.singlePrimaryKey());
        if (pk && keyWords.size() == 1 && Identifiers.KEY_WORDS.contains(keyWords.get(0))) {
            if (kw.equals(keyWords)) return KeyMatch.SURROGATE;
            Identifiers.Split ks = Identifiers.split(kw);
            if (ks.hasKey() && ks.key().equals(keyWords.get(0)) && (vocab.named(ks.stem()).contains(t)
                    || (ks.stem().size() == 1 && t.compact.startsWith(ks.stem().get(0))))) {
                return KeyMatch.SURROGATE;
            }
        }
        if (kw.equals(keyWords)) return pk && kw.size() == 1 && kw.get(0).equals("id") ? KeyMatch.SURROGATE
                : KeyMatch.NATURAL;
        return null;
    }

    private ReferenceCandidate entityCandidate(TableWords s, Column c, boolean unique, TableWords t, TargetKey k,
                                               EntityMatch how, KeyMatch km, List<String> entity) {
        Column target = t.column(k.columns().get(0));
        if (target == null || !TypeCompatibility.compatible(c, target)) return null;
        boolean self = t == s;
        // A column that is its own table's key and names that table is the table's identity, not a reference.
        if (self && unique) return null;
        ReferencePattern pattern = switch (how) {
            case EXACT -> switch (km) {
                case SAME -> ReferencePattern.ENTITY_SAME_KEY;
                case SURROGATE -> ReferencePattern.ENTITY_SURROGATE;
                case NATURAL -> ReferencePattern.ENTITY_NATURAL_KEY;
            };
            case ABBREVIATED -> km == KeyMatch.SAME ? ReferencePattern.ABBREVIATED_SAME_KEY
                    : ReferencePattern.ABBREVIATED_SURROGATE;
            case ROLE -> ReferencePattern.ROLE_ENTITY;
            case CONTAINED -> ReferencePattern.CONTAINED_ENTITY;
        };
        if (unique && (how == EntityMatch.CONTAINED)) return null;
        String keyDesc = describeKey(k);
        ReferenceCandidate cand = new ReferenceCandidate(s.relation, List.of(c.name()), t.relation, k, pattern, unique,
                "name: " + c.name() + " " + pattern.description() + " (" + t.relation.name() + "." + k.columns().get(0)
                        + ", " + keyDesc + ")");
        if (how == EntityMatch.ROLE && km == KeyMatch.NATURAL) cand.adjust(-0.5, null);
        if (how == EntityMatch.EXACT && !literally(t, entity)) {
            // media_id with tables media and medium: the one spelt like the column wins.
            cand.adjust(-0.3, null);
        }
        if (how == EntityMatch.CONTAINED && sharesQualifier(s, t)) {
            cand.adjust(0.6, s.relation.name() + " and " + t.relation.name() + " share the qualifier "
                    + t.words.get(0));
        }
        if (self) {
            cand.adjust(how == EntityMatch.ROLE ? 0 : -1.0, "points at its own table");
        } else if (unique) {
            cand.adjust(-0.4, "the column is its own table's key: a one-to-one extension of " + t.relation.name());
        }
        return cand;
    }

    /** Whether the table is spelt like the words, or like their regular plural (users for user). */
    private static boolean literally(TableWords t, List<String> entity) {
        String name = String.join("", t.words);
        String words = String.join("", entity);
        String last = entity.get(entity.size() - 1);
        String plural = String.join("", entity.subList(0, entity.size() - 1)) + Names.plural(last);
        return name.equals(words) || name.equals(plural);
    }

    /** current_way_nodes and current_nodes: the same leading word qualifies both tables. */
    private static boolean sharesQualifier(TableWords s, TableWords t) {
        return s.words.size() > 1 && t.words.size() > 1 && s.words.get(0).equals(t.words.get(0));
    }

    private static String describeKey(TargetKey k) {
        return k.kind();
    }

    /** {@code sku} → the one table keyed by {@code sku}. */
    private void sameKeyName(TableWords s, Column c, List<String> words, boolean unique, List<ReferenceCandidate> out) {
        if (unique) return;
        String name = Identifiers.joined(words);
        if (GENERIC.contains(name) || (words.size() == 1 && words.get(0).length() < 3)) return;
        List<TableWords> owners = vocab.byKeyName.getOrDefault(name, List.of()).stream().filter(t -> t != s).toList();
        if (owners.size() != 1) return;
        TableWords t = owners.get(0);
        if (out.stream().anyMatch(x -> x.target() == t.relation)) return;
        for (TargetKey k : t.keys) {
            if (!k.single() || !Identifiers.joined(t.logicalWords(k.columns().get(0))).equals(name)) continue;
            Column target = t.column(k.columns().get(0));
            if (target == null || !TypeCompatibility.compatible(c, target)) continue;
            out.add(new ReferenceCandidate(s.relation, List.of(c.name()), t.relation, k,
                    ReferencePattern.SAME_KEY_NAME, false, "name: " + c.name() + " "
                    + ReferencePattern.SAME_KEY_NAME.description() + " (" + t.relation.name() + "."
                    + k.columns().get(0) + ", " + describeKey(k) + ")"));
            return;
        }
    }

    /** {@code track.medium} → medium by its primary key. */
    private void namedAfterTable(TableWords s, Column c, List<String> words, List<ReferenceCandidate> out) {
        if (GENERIC.contains(Identifiers.joined(words))) return;
        // A plural is a count (community.posts, post.comments), not a reference.
        String last = words.get(words.size() - 1);
        if (!Names.singular(last).equals(last)) return;
        for (TableWords t : vocab.named(words)) {
            if (t == s) continue;
            pointAtPrimaryKey(s, c, t, ReferencePattern.NAMED_AFTER_TABLE, false, out);
        }
    }

    /** {@code release.status} → release_status, {@code medium.format} → medium_format. */
    private void lookupTable(TableWords s, Column c, List<String> words, List<ReferenceCandidate> out) {
        Set<TableWords> seen = new HashSet<>();
        for (List<String> owner : List.of(s.singular, s.words)) {
            List<String> joined = new ArrayList<>(owner);
            joined.addAll(words);
            for (TableWords t : vocab.named(joined)) {
                if (t == s || !seen.add(t)) continue;
                pointAtPrimaryKey(s, c, t, ReferencePattern.LOOKUP_TABLE, false, out);
            }
        }
    }

    /** creator_id → the people table; reports_to, recommendedby, parent_id → the table itself. */
    private void roles(TableWords s, Column c, List<String> words, Identifiers.Split parts,
                       List<ReferenceCandidate> out) {
        List<String> stem = parts.hasKey() ? parts.stem() : words;
        if (stem.isEmpty()) return;
        String last = stem.get(stem.size() - 1);
        String first = stem.get(0);
        boolean byForm = (last.equals("by") && stem.size() > 1) || (last.endsWith("by") && last.length() > 5)
                || (stem.size() == 2 && stem.get(1).equals("to") && (first.equals("reports") || first.equals("report")));
        boolean selfWord = stem.stream().anyMatch(SELF_WORDS::contains);
        if (selfWord && s.singlePrimaryKey() != null) {
            pointAtPrimaryKey(s, c, s, ReferencePattern.SELF_REFERENCE, false, out);
            return;
        }
        // revoker_id, granter_id: an agent noun names someone who acts (weaker than a known role word).
        boolean agent = !ROLES.contains(last) && last.length() > 5 && (last.endsWith("er") || last.endsWith("or"))
                && vocab.named(stem).isEmpty() && vocab.endingWith(stem).isEmpty();
        boolean role = ROLES.contains(last) || byForm || agent;
        if (!role || (!parts.hasKey() && !byForm)) return;
        boolean staff = STAFF_ROLES.contains(last) || first.equals("reports") || first.equals("report");
        boolean selfRole = SELF_ROLES.contains(last) || byForm;
        if (s.personKind != null && selfRole && s.singlePrimaryKey() != null) {
            ReferenceCandidate before = out.isEmpty() ? null : out.get(out.size() - 1);
            pointAtPrimaryKey(s, c, s, ReferencePattern.SELF_REFERENCE, false, out);
            if (!out.isEmpty() && out.get(out.size() - 1) != before) {
                out.get(out.size() - 1).adjust(-0.3, "a role (" + String.join(" ", stem) + ") inside a people table");
            }
            return;
        }
        TableWords people = peopleTable(s, staff);
        if (people == null) return;
        ReferencePattern p = people == s ? ReferencePattern.SELF_REFERENCE : ReferencePattern.ROLE_PEOPLE;
        int before = out.size();
        pointAtPrimaryKey(s, c, people, p, false, out);
        if (out.size() > before) {
            out.get(out.size() - 1).note("role: " + String.join(" ", stem) + " is played by " + people.relation.name());
            if (agent) out.get(out.size() - 1).adjust(-0.3, null);
            if (p == ReferencePattern.SELF_REFERENCE) out.get(out.size() - 1).adjust(-0.5, null);
        }
    }

    /**
     * The table that plays roles: by kind (users, people, members… or employees and staff for staff roles), the
     * principal one when one people table extends another ({@code local_user.person_id} → person), the source's
     * schema first.
     */
    private TableWords peopleTable(TableWords s, boolean staff) {
        List<String> preference = staff ? STAFF_PREFERENCE : USER_PREFERENCE;
        List<TableWords> people = vocab.tables.stream().filter(t -> t.personKind != null
                && preference.contains(t.personKind) && t.singlePrimaryKey() != null).toList();
        if (people.isEmpty()) return null;
        Set<TableWords> extensions = new HashSet<>();
        for (TableWords a : people) {
            for (TableWords b : people) {
                if (a == b) continue;
                List<String> ref = new ArrayList<>(b.singular);
                ref.add("id");
                // local_user.person_id, unique: each local user is one person (users.account_id is not).
                for (Column col : a.relation.columns()) {
                    if (Identifiers.words(col.name()).equals(ref) && a.isKeyColumn(col.name())) extensions.add(a);
                }
            }
        }
        return people.stream().filter(t -> !extensions.contains(t))
                .min(Comparator.<TableWords>comparingInt(t -> preference.indexOf(t.personKind))
                        .thenComparingInt(t -> t.relation.schema().equals(s.relation.schema()) ? 0 : 1)
                        .thenComparingInt(t -> t.canonical.equals(t.personKind) ? 0 : 1)
                        .thenComparing(t -> t.relation.qualifiedName()))
                .orElse(null);
    }

    /** {@code artist_meta.id} → artist.id: the table's own generic key, the table named after another. */
    private void extension(TableWords s, Column c, List<String> words, List<ReferenceCandidate> out) {
        if (!c.name().equals(s.singlePrimaryKey()) || words.size() != 1
                || !Identifiers.KEY_WORDS.contains(words.get(0))) {
            return;
        }
        for (int j = s.singular.size() - 1; j >= 1; j--) {
            for (TableWords t : vocab.named(s.words.subList(0, j))) {
                if (t == s || t.singlePrimaryKey() == null) continue;
                if (!t.logicalWords(t.singlePrimaryKey()).equals(words)) continue;
                // A key its own sequence generates makes an independent entity (order_items.id is no order id).
                boolean generated = c.isIdentity() || (c.defaultExpression() != null
                        && c.defaultExpression().contains("nextval("));
                if (generated) continue;
                int before = out.size();
                pointAtPrimaryKey(s, c, t, ReferencePattern.EXTENSION_ID, true, out);
                if (out.size() > before) {
                    out.get(out.size() - 1).adjust(0.4, "its key has no default of its own: values come from "
                            + "elsewhere");
                }
            }
            if (!out.isEmpty()) return;
        }
    }

    private void pointAtPrimaryKey(TableWords s, Column c, TableWords t, ReferencePattern pattern, boolean unique,
                                   List<ReferenceCandidate> out) {
        TargetKey pk = t.primary();
        if (pk == null || !pk.single()) return;
        Column target = t.column(pk.columns().get(0));
        if (target == null || !TypeCompatibility.compatible(c, target)) return;
        if (t == s && c.name().equals(pk.columns().get(0))) return;
        out.add(new ReferenceCandidate(s.relation, List.of(c.name()), t.relation, pk, pattern, unique,
                "name: " + c.name() + " " + pattern.description() + " (" + t.relation.name() + "."
                        + pk.columns().get(0) + ", primary key)"));
    }

    /** Types, index, schema and target shape: the same adjustments for every pattern. */
    private void adjustCommon(TableWords s, Column c, ReferenceCandidate cand) {
        TableWords t = vocab.of(cand.target());
        Column target = t.column(cand.targetColumns().get(0));
        if (target != null) {
            if (target.baseType().equals(c.baseType())) {
                cand.note("types " + c.type() + " = " + target.type());
            } else {
                cand.adjust(-0.35, "types " + c.type() + " → " + target.type() + " (compatible, not equal)");
            }
        }
        if (!cand.sourceUnique() && s.relation.hasIndexLeadingWith(c.name())) cand.adjust(0.25, "indexed");
        if (!t.relation.schema().equals(s.relation.schema())) cand.adjust(-0.3, "in another schema");
        if (t.auxiliary && cand.pattern() != ReferencePattern.ENTITY_SAME_KEY) {
            List<String> cw = Identifiers.words(c.name());
            boolean named = t.words.stream().filter(SchemaVocabulary.AUXILIARY::contains).allMatch(cw::contains);
            if (!named) cand.adjust(-1.8, t.relation.name() + " looks like a queue, log, redirect or copy table");
        }
    }

    // ------------------------------------------------------------------ composite keys

    private List<ReferenceCandidate> composites(Map<String, List<TableWords>> byColumn) {
        List<ReferenceCandidate> out = new ArrayList<>();
        for (TableWords t : vocab.tables) {
            for (TargetKey k : t.keys) {
                if (k.single() || k.columns().size() > 4) continue;
                List<String> logical = k.columns().stream().map(x -> Identifiers.joined(t.logicalWords(x))).toList();
                if (logical.stream().allMatch(GENERIC::contains)) continue;
                List<TableWords> holders = byColumn.getOrDefault(logical.get(0), List.of());
                if (holders.size() > 200) continue;
                for (TableWords s : holders) {
                    if (s == t) continue;
                    ReferenceCandidate cand = composite(s, t, k, logical);
                    if (cand != null) out.add(cand);
                }
            }
        }
        return out;
    }

    private ReferenceCandidate composite(TableWords s, TableWords t, TargetKey k, List<String> logical) {
        List<String> columns = new ArrayList<>();
        Set<String> declared = declaredColumns(s.relation);
        boolean namesTarget = false;
        for (int i = 0; i < logical.size(); i++) {
            Column match = null;
            for (Column c : s.relation.columns()) {
                if (Identifiers.joined(s.logicalWords(c.name())).equals(logical.get(i))) match = c;
            }
            Column target = t.column(k.columns().get(i));
            if (match == null || target == null || columns.contains(match.name()) || declared.contains(match.name())
                    || !TypeCompatibility.compatible(match, target)) {
                return null;
            }
            columns.add(match.name());
            Identifiers.Split sp = Identifiers.split(Identifiers.words(logical.get(i)));
            if (sp.hasKey() && vocab.named(sp.stem()).contains(t)) {
                namesTarget = true;
            }
        }
        // Two tables keyed by the same columns: only the one whose name extends the other's refers to it.
        SchemaVocabulary.TargetKey own = s.primary();
        boolean sameKey = own != null && new HashSet<>(own.columns()).equals(new HashSet<>(columns));
        boolean extendsTarget = s.canonical.startsWith(t.canonical + "_") || s.canonical.contains(t.canonical);
        // partsupp (part, supp), community_language (community, language): a table named after the parts of
        // its key holds the allowed combinations; a table with both parts may refer to it. A key of parts that
        // do not make up the name (post_report (post, creator)) is somebody else's pair.
        boolean composed = composedOf(t, columns.stream().map(x -> Identifiers.split(s.logicalWords(x))).toList());
        if (!namesTarget && !extendsTarget && !composed) return null;
        if (sameKey && !extendsTarget && !namesTarget) return null;
        boolean unique = s.keys.stream().anyMatch(x -> new HashSet<>(x.columns()).equals(new HashSet<>(columns)));
        ReferenceCandidate cand = new ReferenceCandidate(s.relation, columns, t.relation, k,
                ReferencePattern.COMPOSITE_KEY, unique, "name: (" + String.join(", ", columns) + ") "
                + ReferencePattern.COMPOSITE_KEY.description() + " (" + t.relation.name() + " ("
                + String.join(", ", k.columns()) + "), " + k.kind() + ")");
        if (!namesTarget && !extendsTarget) {
            cand.association(true);
            cand.adjust(-0.8, t.relation.name() + " is named after the parts of its key: a table of allowed "
                    + "combinations, which rows may or may not be bound to");
        }
        if (!t.relation.schema().equals(s.relation.schema())) cand.adjust(-0.3, "in another schema");
        return cand;
    }

    /** Whether the table's glued name is the key parts' stems (or abbreviations of them) in order. */
    private static boolean composedOf(TableWords t, List<Identifiers.Split> parts) {
        String rest = t.compact;
        for (Identifiers.Split p : parts) {
            if (!p.hasKey() || p.stem().isEmpty()) return false;
            String stem = String.join("", Names.singularLast(p.stem()));
            int n = 0;
            while (n < stem.length() && n < rest.length() && stem.charAt(n) == rest.charAt(n)) n++;
            if (n < Math.min(3, stem.length())) return false;
            rest = rest.substring(n);
        }
        return rest.isEmpty() || rest.length() <= 1;
    }

    // ------------------------------------------------------------------ the schema as a whole

    /**
     * Many unrelated tables pointing at one table by a weak rule is what a side table keyed by a popular column
     * looks like (every {@code gid} to one redirect table), not a hub.
     */
    private static void convergence(List<ReferenceCandidate> all) {
        Map<String, Set<String>> sources = new HashMap<>();
        for (ReferenceCandidate c : all) {
            if (!c.pattern().weak() || c.pattern() == ReferencePattern.ROLE_PEOPLE) continue;
            sources.computeIfAbsent(c.target().qualifiedName() + "|" + c.pattern(), k -> new HashSet<>())
                    .add(c.source().qualifiedName());
        }
        for (ReferenceCandidate c : all) {
            if (!c.pattern().weak() || c.pattern() == ReferencePattern.ROLE_PEOPLE) continue;
            int n = sources.get(c.target().qualifiedName() + "|" + c.pattern()).size();
            if (n > 6) c.adjust(-1.2, n + " tables converge on " + c.target().name() + " by this rule alone");
        }
    }

    /** Best candidate per column; close rivals lower the winner; a composite reference absorbs its columns. */
    static List<Choice> choose(List<ReferenceCandidate> all) {
        Map<String, List<ReferenceCandidate>> byColumns = new LinkedHashMap<>();
        Map<String, ReferenceCandidate> unique = new LinkedHashMap<>();
        for (ReferenceCandidate c : all) {
            ReferenceCandidate prev = unique.get(c.identity());
            if (prev == null || c.score() > prev.score()) unique.put(c.identity(), c);
        }
        for (ReferenceCandidate c : unique.values()) {
            byColumns.computeIfAbsent(c.sourceName() + "|" + c.columns(), k -> new ArrayList<>()).add(c);
        }
        List<Choice> choices = new ArrayList<>();
        Map<String, Set<String>> compositeColumns = new HashMap<>();
        for (List<ReferenceCandidate> group : byColumns.values()) {
            group.sort(RANKING);
            ReferenceCandidate best = group.get(0);
            if (group.size() > 1) {
                ReferenceCandidate second = group.get(1);
                double gap = best.score() - second.score();
                if (second.target() != best.target() && gap < 0.8 && second.confidence() >= REPORT_FLOOR) {
                    // Less sure for the rival, but never below it: the ranking stands.
                    best.adjust(-Math.min(0.4, gap / 2), "also matches " + second.target().qualifiedName() + "."
                            + String.join(",", second.targetColumns()) + " by name");
                }
            }
            if (group.size() > 3) group = new ArrayList<>(group.subList(0, 3));
            Choice choice = new Choice(best.source(), best.columns(), List.copyOf(group));
            choices.add(choice);
            if (best.columns().size() > 1 && best.confidence() >= REPORT_FLOOR && !best.association()) {
                compositeColumns.computeIfAbsent(best.source().qualifiedName(), k -> new HashSet<>())
                        .addAll(best.columns());
            }
        }
        // Two composite references sharing a column (way_nodes: (way_id, version) and (node_id, version)): the
        // one inside the table's own primary key is the identifying one; the other reuses its column by accident.
        for (Choice a : choices) {
            if (a.columns().size() < 2) continue;
            for (Choice b : choices) {
                if (a == b || b.columns().size() < 2 || !a.source().equals(b.source())) continue;
                if (java.util.Collections.disjoint(a.columns(), b.columns())) continue;
                List<String> pk = a.source().primaryKey().map(k -> k.columns()).orElse(List.of());
                if (pk.containsAll(a.columns()) && !pk.containsAll(b.columns())) {
                    b.best().adjust(-2.5, "shares a column with the reference " + a.columns() + " → "
                            + a.best().target().name() + " that the table's primary key holds");
                }
            }
        }
        compositeColumns.clear();
        for (Choice ch : choices) {
            ReferenceCandidate best = ch.best();
            if (best.columns().size() > 1 && best.confidence() >= REPORT_FLOOR && !best.association()) {
                compositeColumns.computeIfAbsent(best.source().qualifiedName(), k -> new HashSet<>())
                        .addAll(best.columns());
            }
        }
        // The parts of a composite reference are reached through it (lineitem → partsupp → part).
        choices.removeIf(ch -> ch.columns().size() == 1 && compositeColumns
                .getOrDefault(ch.source().qualifiedName(), Set.of()).contains(ch.columns().get(0)));
        choices.sort(Comparator.comparing((Choice ch) -> ch.source().qualifiedName())
                .thenComparing(ch -> String.join(",", ch.columns())));
        return choices;
    }

    /** Highest score first; ties to the same schema, then the stronger pattern, then by name. */
    static final Comparator<ReferenceCandidate> RANKING = Comparator
            .comparingDouble((ReferenceCandidate c) -> -c.score())
            .thenComparingInt(c -> c.target().schema().equals(c.source().schema()) ? 0 : 1)
            .thenComparingInt(c -> c.pattern().ordinal())
            .thenComparingInt(c -> c.target().name().length())
            .thenComparing(c -> c.target().qualifiedName());

    static String describe(ReferenceCandidate c) {
        return String.format(Locale.ROOT, "%s.%s → %s.%s (%.2f)", c.source().qualifiedName(), c.columns(),
                c.target().qualifiedName(), c.targetColumns(), c.confidence());
    }
}
