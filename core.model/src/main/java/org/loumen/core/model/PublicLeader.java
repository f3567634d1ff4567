package org.loumen.core.model;

/**
 * What residents see of a leader in the public directory (公示): name, role and place, work ID, and the phone number,
 * in full only when the leader consented to it ({@link PhoneConsent}), else masked ({@code 138****1234}). Nothing else.
 *
 * @param phonePublic whether {@code phone} is the full number (since 1.3)
 */
public record PublicLeader(String name, String role, String building, String unit, String workId, String phone,
        boolean phonePublic) {

    /** An entry with a masked phone number. */
    public PublicLeader(String name, String role, String building, String unit, String workId, String phone) {
        this(name, role, building, unit, workId, phone, false);
    }

    /** {@code 13812341234} → {@code 138****1234}; anything shorter than 7 characters is fully masked. */
    public static String maskPhone(String phone) {
        if (phone == null) {
            return null;
        }
        if (phone.length() < 7) {
            return "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }
}
