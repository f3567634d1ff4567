package org.loumen.core.model;

/**
 * Rules of the national statistical division codes (统计用区划代码) for the levels Loumen keys on: 6 digits for the
 * county (GB/T 2260), 3 more for the township-level unit, 3 more for the committee.
 */
public final class DivisionCodes {

    /**
     * The forms of the codes, as regular expressions: a street (9 digits), a community (12), a building (community,
     * {@code B}, 3 digits), a unit (building, {@code U}, 2 digits), and a place (any of the last three).
     *
     * @since 1.4
     */
    public static final String STREET_FORM = "\\d{9}";
    /** @since 1.4 */
    public static final String COMMUNITY_FORM = "\\d{12}";
    /** @since 1.4 */
    public static final String BUILDING_FORM = "\\d{12}B\\d{3}";
    /** @since 1.4 */
    public static final String UNIT_FORM = "\\d{12}B\\d{3}U\\d{2}";
    /** @since 1.4 */
    public static final String BUILDING_OR_UNIT_FORM = "\\d{12}B\\d{3}(U\\d{2})?";
    /** @since 1.4 */
    public static final String PLACE_FORM = "\\d{12}(B\\d{3}(U\\d{2})?)?";

    private static final java.util.regex.Pattern BUILDING = java.util.regex.Pattern.compile(BUILDING_FORM);
    private static final java.util.regex.Pattern UNIT = java.util.regex.Pattern.compile(UNIT_FORM);
    private static final java.util.regex.Pattern BUILDING_OR_UNIT =
            java.util.regex.Pattern.compile(BUILDING_OR_UNIT_FORM);
    private static final java.util.regex.Pattern PLACE = java.util.regex.Pattern.compile(PLACE_FORM);

    private DivisionCodes() {
    }

    /**
     * Whether the code has a district code's form (6 digits).
     *
     * @since 1.4
     */
    public static boolean hasDistrictForm(String code) {
        return digits(code, 6);
    }

    /**
     * Whether the code has a street code's form (9 digits), existing or not.
     *
     * @since 1.4
     */
    public static boolean hasStreetForm(String code) {
        return digits(code, 9);
    }

    /**
     * Whether the code has a community code's form (12 digits), existing or not.
     *
     * @since 1.4
     */
    public static boolean hasCommunityForm(String code) {
        return digits(code, 12);
    }

    /** @since 1.4 */
    public static boolean hasBuildingForm(String code) {
        return code != null && BUILDING.matcher(code).matches();
    }

    /** @since 1.4 */
    public static boolean hasUnitForm(String code) {
        return code != null && UNIT.matcher(code).matches();
    }

    /** @since 1.4 */
    public static boolean hasBuildingOrUnitForm(String code) {
        return code != null && BUILDING_OR_UNIT.matcher(code).matches();
    }

    /**
     * Whether the code has the form of a community, building or unit code.
     *
     * @since 1.4
     */
    public static boolean hasPlaceForm(String code) {
        return code != null && PLACE.matcher(code).matches();
    }

    public static boolean isDistrictCode(String code) {
        return digits(code, 6);
    }

    public static boolean isStreetCode(String code) {
        return digits(code, 9) && !code.endsWith("000");
    }

    public static boolean isCommunityCode(String code) {
        return digits(code, 12) && isStreetCode(code.substring(0, 9)) && !code.endsWith("000");
    }

    /** The street code a community code begins with. */
    public static String streetOf(String communityCode) {
        if (!isCommunityCode(communityCode)) {
            throw new IllegalArgumentException("not a 12-digit community code: " + communityCode);
        }
        return communityCode.substring(0, 9);
    }

    /** The district code a street code begins with. */
    public static String districtOf(String streetCode) {
        if (!isStreetCode(streetCode)) {
            throw new IllegalArgumentException("not a 9-digit street code: " + streetCode);
        }
        return streetCode.substring(0, 6);
    }

    /**
     * The kind of street by its township segment: 001-099 街道, 100-199 镇, 200-399 乡, 400-599 other units.
     *
     * @throws IllegalArgumentException for a segment outside 001-599
     */
    public static StreetKind streetKind(String streetCode) {
        if (!isStreetCode(streetCode)) {
            throw new IllegalArgumentException("not a 9-digit street code: " + streetCode);
        }
        int segment = Integer.parseInt(streetCode.substring(6));
        if (segment <= 99) {
            return StreetKind.SUBDISTRICT;
        }
        if (segment <= 199) {
            return StreetKind.TOWN;
        }
        if (segment <= 399) {
            return StreetKind.TOWNSHIP;
        }
        if (segment <= 599) {
            return StreetKind.OTHER;
        }
        throw new IllegalArgumentException("township segment " + segment + " is outside 001-599: " + streetCode);
    }

    /** The usual kind of a committee by its segment: 2xx villages (村), otherwise communities (社区). */
    public static CommunityKind communityKind(String communityCode) {
        if (!isCommunityCode(communityCode)) {
            throw new IllegalArgumentException("not a 12-digit community code: " + communityCode);
        }
        return communityCode.charAt(9) == '2' ? CommunityKind.VILLAGE : CommunityKind.COMMUNITY;
    }

    private static boolean digits(String s, int length) {
        if (s == null || s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
