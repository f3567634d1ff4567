package org.loumen.domain;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A write the database refused because of another transaction: a unique key already taken (SQLState 23505) or a
 * lock conflict (Derby: deadlock 40001, lock timeout 40XL1/40XL2; PostgreSQL: serialization failure 40001, deadlock
 * 40P01, lock not available 55P03). The one place that recognises them: services retry such
 * a write ({@link #in}), and what is left is refused as a CONFLICT naming the field ({@link #toRefusal()}), never an
 * internal error.
 *
 * <p>Unique constraints are named {@code <TABLE>_<FIELD>} (e.g. {@code MDL_LEADER_PHONE}), so the field is the last
 * part of the name, lower-cased; a primary key names {@code code}.
 *
 * @param sqlState   the SQLState of the refusal
 * @param constraint the constraint's name, or {@code null}
 */
public record StoreConflict(String sqlState, String constraint) {

    /** Derby: {@code … identified by 'MDL_LEADER_PHONE' …}; PostgreSQL: {@code … unique constraint "mdl_leader_phone"}. */
    private static final Pattern NAMED = Pattern.compile("identified by '([A-Z0-9_]+)'|constraint \"([A-Za-z0-9_]+)\"");

    /** The store conflict somewhere in the cause chain, if any. */
    public static Optional<StoreConflict> in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    String state = s.getSQLState();
                    if (state != null && (state.equals("23505") || state.equals("40001") || state.startsWith("40XL")
                            || state.equals("40P01") || state.equals("55P03"))) {
                        Matcher m = NAMED.matcher(String.valueOf(s.getMessage()));
                        String name = !m.find() ? null
                                : m.group(1) != null ? m.group(1) : m.group(2).toUpperCase(Locale.ROOT);
                        return Optional.of(new StoreConflict(state, name));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A unique key was taken; otherwise a lock conflict. */
    public boolean unique() {
        return sqlState.equals("23505");
    }

    /** The request field the conflict is about. */
    public String field() {
        if (!unique()) {
            return null;
        }
        if (constraint == null || constraint.startsWith("SQL") || constraint.endsWith("_PKEY")) {
            return "code"; // a generated primary key (Derby SQL…, PostgreSQL <table>_pkey)
        }
        int last = constraint.lastIndexOf('_');
        return constraint.substring(last + 1).toLowerCase(Locale.ROOT);
    }

    /** The refusal when retries did not resolve it: {@code conflict} naming the field (unique key), or {@code busy}. */
    public Refusal toRefusal() {
        if (unique()) {
            return new Refusal(Refusal.Kind.CONFLICT, "conflict", "与已有数据冲突（" + field() + " 已被使用） / conflicts "
                    + "with stored data: " + field() + " is taken", field());
        }
        return new Refusal(Refusal.Kind.CONFLICT, "busy", "数据正被他人同时修改，请重试 / someone else is changing the "
                + "same data; try again").retryAfter(1);
    }
}
