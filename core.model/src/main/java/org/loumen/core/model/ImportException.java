package org.loumen.core.model;

import java.util.List;

/** An import refused as a whole (nothing written), with every bad row. */
public class ImportException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * One problem.
     *
     * @param row    the row as a spreadsheet numbers it: the header is row 1, the first data row 2
     * @param column the column's header name, or {@code null} for the whole row or file
     */
    public record Problem(int row, String column, String value, String message) {
    }

    private final transient List<Problem> problems;

    public ImportException(List<Problem> problems) {
        super(problems.size() + " problem(s), first: " + (problems.isEmpty() ? "" : problems.get(0).message()));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
