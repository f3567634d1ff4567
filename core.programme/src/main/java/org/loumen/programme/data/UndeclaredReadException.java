package org.loumen.programme.data;

/**
 * A programme read a kind of personal data it did not declare: a programming error, found in development. The
 * request fails with 500 {@code undeclared-data} naming the kind; nothing is read and the refusal is audited.
 * Declare the kind with {@code routes.reads(...)} (and street admins will see it before enabling the programme).
 */
public class UndeclaredReadException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String programme;
    private final PersonalData kind;

    public UndeclaredReadException(String programme, PersonalData kind) {
        super("项目 " + programme + " 未声明读取" + kind.zh() + "，未读取任何数据 / programme " + programme
                + " did not declare that it reads " + kind + " (" + kind.en() + "), so nothing was read: add "
                + "routes.reads(PersonalData." + kind + ") in its routes(...)");
        this.programme = programme;
        this.kind = kind;
    }

    /** The programme's id. */
    public String programme() {
        return programme;
    }

    /** The kind it read without declaring. */
    public PersonalData kind() {
        return kind;
    }
}
