package org.loumen.core.db.internal;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.persistence.Version;
import org.eclipse.persistence.internal.sessions.AbstractSession;
import org.eclipse.persistence.sequencing.Sequence;
import org.eclipse.persistence.tools.schemaframework.DefaultTableGenerator;
import org.eclipse.persistence.tools.schemaframework.ForeignKeyConstraint;
import org.eclipse.persistence.tools.schemaframework.IndexDefinition;
import org.eclipse.persistence.tools.schemaframework.TableDefinition;
import org.eclipse.persistence.tools.schemaframework.UniqueKeyConstraint;

/**
 * What EclipseLink's {@code create-or-extend-tables} would make of a persistence unit, as one digest: EclipseLink's
 * own table generator run over the unit's mappings (as its schema manager runs it), each table written as this
 * database's platform would create it, with its unique keys, foreign keys and indexes; the sequences; the platform
 * and EclipseLink's version. Any change to a mapping that could change the schema changes the digest.
 *
 * @param unitKey which unit: a digest of its table names (stable across starts, unlike EclipseLink's session name)
 * @param tables the unit's table names, for people reading the log
 * @param value the digest of everything the DDL is made from
 */
public record MappingFingerprint(String unitKey, String tables, String value) {

    public static MappingFingerprint of(AbstractSession session) {
        List<TableDefinition> definitions = new ArrayList<>(
                new DefaultTableGenerator(session.getProject(), true).generateDefaultTableCreator()
                        .getTableDefinitions());
        definitions.sort(Comparator.comparing(TableDefinition::getFullName));
        StringBuilder text = new StringBuilder();
        text.append(Version.getVersion()).append('\n');
        text.append(session.getDatasourcePlatform().getClass().getName()).append('\n');
        TreeSet<String> names = new TreeSet<>();
        for (TableDefinition table : definitions) {
            names.add(table.getFullName());
            StringWriter create = new StringWriter();
            table.buildCreationWriter(session, create);
            text.append(create).append(' ').append(table.getCreationSuffix()).append('\n');
            TreeSet<String> parts = new TreeSet<>();
            for (UniqueKeyConstraint unique : table.getUniqueKeys()) {
                parts.add("unique " + unique.getName() + " " + unique.getSourceFields());
            }
            for (ForeignKeyConstraint key : foreignKeys(table)) {
                parts.add("fk " + key.getName() + " " + key.getSourceFields() + " " + key.getTargetTable() + " "
                        + key.getTargetFields() + " " + key.getForeignKeyDefinition());
            }
            for (IndexDefinition index : table.getIndexes()) {
                parts.add("index " + index.getName() + " " + index.getFields() + " " + index.isUnique());
            }
            parts.forEach(p -> text.append("  ").append(p).append('\n'));
        }
        TreeSet<String> sequences = new TreeSet<>();
        Map<String, Sequence> declared = session.getDatasourcePlatform().getSequences();
        if (declared != null) {
            declared.forEach((name, sequence) -> sequences.add(name + " " + describe(sequence)));
        }
        if (session.getDatasourcePlatform().getDefaultSequence() != null) {
            sequences.add("default " + describe(session.getDatasourcePlatform().getDefaultSequence()));
        }
        sequences.forEach(s -> text.append("sequence ").append(s).append('\n'));
        String tables = String.join(",", names);
        return new MappingFingerprint(sha256(tables), tables, sha256(text.toString()));
    }

    private static String describe(Sequence sequence) {
        return sequence.getClass().getName() + " " + sequence.getName() + " " + sequence.getPreallocationSize() + " "
                + sequence.getInitialValue();
    }

    private static Collection<ForeignKeyConstraint> foreignKeys(TableDefinition table) {
        return table.getForeignKeys();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
